"""When ``byline watch`` visits a story again: often while it is young, then less, then
never (the way NewsDiffs does), and the durations of its options.

A schedule is written ``EVERY:UNTIL`` steps separated by commas, each a duration
(``30s``, ``15m``, ``1h``, ``1d``): ``15m:3h,1h:1d,1d:3d`` (the default) visits a
story every 15 minutes until it is 3 hours old, then hourly until it is a day
old, then daily until it is 3 days old, then no more. A story's age counts from
when the watch first listed it; ``0s`` as EVERY means every round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

DEFAULT_REVISIT = "15m:3h,1h:1d,1d:3d"
DEFAULT_EVERY = "15m"
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
"""Seconds in each duration unit."""
_DURATION = re.compile(r"(\d+(?:\.\d+)?)([smhd])")


def duration(text: str) -> timedelta:
    """``text`` (``90s``, ``15m``, ``1.5h``, ``2d``) as a duration; ``ValueError`` naming
    the text otherwise."""
    found = _DURATION.fullmatch(text.strip().lower())
    if found is None:
        raise ValueError(f"not a duration: {text!r} (write a number and s, m, h or d: 15m)")
    return timedelta(seconds=float(found[1]) * UNITS[found[2]])


@dataclass(frozen=True, slots=True)
class Schedule:
    """Revisit steps, youngest first: every ``interval`` while younger than ``until``."""

    steps: tuple[tuple[timedelta, timedelta], ...]

    @classmethod
    def parse(cls, text: str) -> Schedule:
        """The schedule ``EVERY:UNTIL,...`` (see the module); ``ValueError`` saying what is
        wrong otherwise."""
        steps = []
        for part in text.split(","):
            every, colon, until = part.partition(":")
            if not colon:
                raise ValueError(f"schedule step {part.strip()!r} is not EVERY:UNTIL (15m:3h)")
            steps.append((duration(every), duration(until)))
        ages = [until for _, until in steps]
        if ages != sorted(set(ages)):
            raise ValueError(f"schedule {text!r}: each UNTIL must be later than the one before")
        return cls(tuple(steps))

    def next_visit(self, first_seen: datetime, now: datetime) -> datetime | None:
        """When to visit a story first seen at ``first_seen`` after a visit at ``now``;
        None when it is past the last step's age."""
        age = now - first_seen
        for every, until in self.steps:
            if age < until:
                return now + every
        return None
