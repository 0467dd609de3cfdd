"""Where records go: JSON Lines, Parquet or CSV, and the errors file.

Every sink appends and can ``commit()``: make what it holds durable and say
where it stands (a byte length, a number of part files). The journal keeps
that position with the inputs it covers; a resumed run ``resume_at()`` it, so
anything written after the last commit is cut off and redone, never doubled.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from byline.pipeline import schema
from byline.record import Record

PARQUET_ROW_GROUP = 1000  # rows; bounds the memory a reader needs per group
PARQUET_PARTS = "part-*.parquet"  # the part files of a Parquet output directory
FORMATS = ("jsonl", "parquet", "csv")


class Sink(Protocol):
    def write(self, row: dict[str, Any]) -> None: ...
    def commit(self) -> int: ...
    def resume_at(self, position: int) -> None: ...
    def close(self) -> None: ...


def format_of(path: Path, requested: str | None) -> str:
    """The output format: as requested, else from the file name (default JSON Lines)."""
    if requested:
        return requested
    suffix = path.suffix.lower().lstrip(".")
    return {"parquet": "parquet", "pq": "parquet", "csv": "csv"}.get(suffix, "jsonl")


def open_sink(path: Path, fmt: str) -> Sink:
    if fmt == "parquet":
        return ParquetSink(path)
    if fmt == "csv":
        return CsvSink(path)
    return JsonLinesSink(path)


def parquet_parts(path: Path) -> list[Path]:
    """The part files of a Parquet output directory, in order; a single Parquet file: itself."""
    return [path] if path.is_file() else sorted(path.glob(PARQUET_PARTS))


def read_records(path: Path, fmt: str) -> Iterator[Record]:
    """The records a JSON Lines or Parquet output (a directory of parts, or one file) holds,
    streamed.

    CSV is not read back: its flattened columns lose the record's lists. Raises
    ``RecordError`` for a row that is not a record.
    """
    if fmt == "csv":
        raise ValueError("records are read back from JSON Lines or Parquet, not CSV")
    if fmt == "parquet":
        import pyarrow.parquet as pq

        columns = schema.record_fields()
        for part in parquet_parts(path):
            for batch in pq.ParquetFile(part).iter_batches(PARQUET_ROW_GROUP):
                for row in batch.to_pylist():
                    yield Record.from_dict(
                        {name: schema.unconform(row.get(name), hint) for name, hint in columns}
                    )
        return
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield Record.from_dict(json.loads(line))


class _AppendedFile:
    """A file only ever appended to; its committed length is its position."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.file = path.open("ab")

    def commit(self) -> int:
        self.file.flush()
        os.fsync(self.file.fileno())
        return self.file.tell()

    def resume_at(self, position: int) -> None:
        self.file.truncate(position)
        self.file.seek(position)

    def close(self) -> None:
        self.file.close()


class JsonLinesSink(_AppendedFile):
    """One JSON object per line (records, or the errors file)."""

    def write(self, row: dict[str, Any]) -> None:
        line = json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n"
        self.file.write(line.encode("utf-8"))


class CsvSink(_AppendedFile):
    """Flat CSV: struct fields as dotted columns, lists joined or as JSON text."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.columns = schema.csv_columns()
        if self.file.tell() == 0:
            self._write_row(dict(zip(self.columns, self.columns, strict=True)))

    def write(self, row: dict[str, Any]) -> None:
        self._write_row(schema.flatten(row))

    def resume_at(self, position: int) -> None:
        super().resume_at(max(position, self._header_length()))

    def _write_row(self, row: dict[str, Any]) -> None:
        text = io.StringIO()
        csv.DictWriter(text, self.columns, lineterminator="\n").writerow(row)
        self.file.write(text.getvalue().encode("utf-8"))

    def _header_length(self) -> int:
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerow(self.columns)
        return len(text.getvalue().encode("utf-8"))


class ParquetSink:
    """A Parquet dataset: a directory of ``part-NNNNN.parquet`` files, one per commit.

    Each part is written under a temporary name and renamed, so a part either
    exists whole or not at all; the position is the number of parts.
    """

    def __init__(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.rows: list[dict[str, Any]] = []
        self.parts = len(self._part_files())

    def write(self, row: dict[str, Any]) -> None:
        self.rows.append(
            {name: schema.conform(row.get(name), hint) for name, hint in schema.record_fields()}
        )

    def commit(self) -> int:
        if self.rows:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pylist(self.rows, schema=schema.arrow_schema())
            final = self.path / f"part-{self.parts:05d}.parquet"
            temporary = final.with_suffix(".parquet.tmp")
            pq.write_table(table, temporary, row_group_size=PARQUET_ROW_GROUP)
            os.replace(temporary, final)
            self.parts += 1
            self.rows = []
        return self.parts

    def resume_at(self, position: int) -> None:
        for part in self._part_files()[position:]:
            part.unlink()
        for temporary in self.path.glob("*.parquet.tmp"):
            temporary.unlink()
        self.parts = position
        self.rows = []

    def close(self) -> None:
        self.rows = []  # what was never committed is redone by the next run

    def _part_files(self) -> list[Path]:
        return sorted(self.path.glob(PARQUET_PARTS))
