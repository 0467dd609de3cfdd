"""The output schema of a batch run, derived from the record type.

``byline.record.Record`` is the contract; Parquet's Arrow schema and CSV's
columns are read off its type hints here, so a field added to the record
appears in every format without touching the writers.
"""

from __future__ import annotations

import json
import typing
from dataclasses import fields, is_dataclass
from functools import cache
from typing import Any

import pyarrow as pa

from byline.record import Article, Record, is_moment, without_none


@cache
def record_fields() -> tuple[tuple[str, Any], ...]:
    """(name, type) of each top-level output column, in ``Record.to_dict()`` order."""
    hints = _hints(Record)
    article = tuple((f.name, _hints(Article)[f.name]) for f in fields(Article))
    return (
        ("id", hints["id"]),
        *article,
        ("source", hints["source"]),
        ("duplicate_of", hints["duplicate_of"]),
    )


@cache
def arrow_schema() -> pa.Schema:
    return pa.schema([pa.field(name, arrow_type(hint)) for name, hint in record_fields()])


def arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of a Python type hint of the record.

    Dates stay ISO 8601 strings: a value may be a date or an aware datetime, and
    a timestamp column would invent midnight-UTC precision for the former.
    Values typed ``Any`` (a disagreeing source's raw value) are JSON text, and a
    ``StrEnum``'s members their values.
    """
    hint = without_none(hint)
    if hint is Any or is_moment(hint) or (isinstance(hint, type) and issubclass(hint, str)):
        return pa.string()
    if hint is int:
        return pa.int64()
    if hint is float:
        return pa.float64()
    if hint is bool:
        return pa.bool_()
    origin = typing.get_origin(hint)
    if origin is list:
        return pa.list_(arrow_type(typing.get_args(hint)[0]))
    if origin is dict:
        key, value = typing.get_args(hint)
        return pa.map_(arrow_type(key), arrow_type(value))
    if isinstance(hint, type) and is_dataclass(hint):
        hints = _hints(hint)
        return pa.struct([pa.field(f.name, arrow_type(hints[f.name])) for f in fields(hint)])
    raise TypeError(f"no Arrow type for {hint!r}")


def conform(value: Any, hint: Any) -> Any:
    """``value`` (JSON-ready, as from ``to_dict()``) shaped for ``arrow_type(hint)``."""
    if value is None:
        return None
    hint = without_none(hint)
    if hint is Any:
        return json.dumps(value, ensure_ascii=False)
    origin = typing.get_origin(hint)
    if origin is list:
        (item,) = typing.get_args(hint)
        return [conform(v, item) for v in value]
    if origin is dict:
        _, item = typing.get_args(hint)
        return [(k, conform(v, item)) for k, v in value.items()]
    if isinstance(hint, type) and is_dataclass(hint):
        hints = _hints(hint)
        return {f.name: conform(value.get(f.name), hints[f.name]) for f in fields(hint)}
    return value


def unconform(value: Any, hint: Any) -> Any:
    """``value`` as read from Parquet, in its ``to_dict()`` form: the inverse of ``conform``."""
    if value is None:
        return None
    hint = without_none(hint)
    if hint is Any:
        return json.loads(value)
    origin = typing.get_origin(hint)
    if origin is list:
        (item,) = typing.get_args(hint)
        return [unconform(v, item) for v in value]
    if origin is dict:  # a map reads back as (key, value) pairs
        _, item = typing.get_args(hint)
        return {k: unconform(v, item) for k, v in value}
    if is_dataclass(hint):
        hints = _hints(hint)
        return {f.name: unconform(value.get(f.name), hints[f.name]) for f in fields(hint)}
    return value


def csv_columns() -> list[str]:
    """Flat CSV column names: struct fields dotted (``publisher.name``)."""
    return [name for name, _ in _flat_columns()]


def flatten(row: dict[str, Any]) -> dict[str, Any]:
    """One CSV row: scalars as they are, lists of scalars joined with "; ",
    lists of objects and maps as JSON text."""
    flat: dict[str, Any] = {}
    for name, hint in _flat_columns():
        value: Any = row
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        flat[name] = _csv_cell(value, hint)
    return flat


@cache
def _flat_columns() -> tuple[tuple[str, Any], ...]:
    columns: list[tuple[str, Any]] = []

    def add(prefix: str, hint: Any) -> None:
        bare = without_none(hint)
        if isinstance(bare, type) and is_dataclass(bare):
            hints = _hints(bare)
            for f in fields(bare):
                add(f"{prefix}.{f.name}", hints[f.name])
        else:
            columns.append((prefix, bare))

    for name, hint in record_fields():
        add(name, hint)
    return tuple(columns)


def _csv_cell(value: Any, hint: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)
