"""Memory for pure functions a page calls many times with the same arguments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, TypeVar

MEMO_SIZE: Final = 2048
"""Results each memo holds before it is emptied. Pages repeat their own values (class and
id names, entities, links), seldom another site's: this many hold a page's with room to
spare. (The garbage collector visits every entry on each full collection: at 16,384
entries the memos cost more collection time than their extra hits save.)"""

T = TypeVar("T")
_UNKNOWN: Final = object()


def remembered(function: Callable[..., T]) -> Callable[..., T]:
    """``function`` with its results remembered by its (positional) arguments.

    At ``MEMO_SIZE`` results the memory is emptied whole, which costs less per call than
    an LRU cache's bookkeeping (most calls are hits, and most misses are a new page's
    values, which no eviction order would have kept).
    """
    known: dict[tuple[object, ...], T] = {}

    def remembering(*args: object) -> T:
        result = known.get(args, _UNKNOWN)
        if result is _UNKNOWN:
            if len(known) >= MEMO_SIZE:
                known.clear()
            result = known[args] = function(*args)
        return result  # type: ignore[return-value]

    return remembering
