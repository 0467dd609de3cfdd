"""Types of the commands' arguments: counts, ports and seconds, each refused in one line
(``argparse``) when it is out of range. Light on purpose: the web server's workers import it."""

from __future__ import annotations

import argparse

MAX_COUNT = 1_000_000
"""The most an argument that counts can say: more is a typo (and SQLite's integers end at
2**63, where a search's limit raised OverflowError)."""


MAX_WORKERS = 512
"""Processes one machine is asked for at most (each holds a parser and the models); more is a
typo. A cluster is asked through Dask (``byline run --engine dask``)."""
MAX_PORT = 65535


def worker_count(text: str) -> int:
    """A ``--workers`` argument: a whole number from 1 to ``MAX_WORKERS``."""
    return counted(text, MAX_WORKERS)


def port_number(text: str) -> int:
    """A ``--port`` argument: a whole number from 1 to ``MAX_PORT``."""
    return counted(text, MAX_PORT)


def positive_int(text: str) -> int:
    """An argument that counts something: a whole number from 1 to ``MAX_COUNT``."""
    return counted(text, MAX_COUNT)


def counted(text: str, most: int) -> int:
    """A whole number from 1 to ``most``, else an argument error that says which."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    if number > most:
        raise argparse.ArgumentTypeError(f"{text!r} is over {most}")
    return number


def seconds(text: str) -> float:
    """An argument that is a time allowed: a number of seconds above 0."""
    number = _seconds(text)
    if number == 0:
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {text!r}")
    return number


def pause(text: str) -> float:
    """An argument that is a pause: a number of seconds, 0 or more."""
    return _seconds(text)


def _seconds(text: str) -> float:
    try:
        number = float(text)
    except ValueError:
        number = -1.0
    if not 0 <= number < float("inf"):  # NaN fails both
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    return number
