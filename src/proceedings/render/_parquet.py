"""Parquet: the tables of :mod:`._tables`, typed, for DuckDB, pandas, polars and Spark.

Parquet needs pyarrow, an optional extra (``pip install 'proceedings-law[parquet]'``,
or pyarrow itself): it is imported when a Parquet file is written, never
before, so the rest of the library does not need it.

Parquet is binary, so it does not fit a text stream as the other formats do:
:func:`write_parquet` writes rows to a path or a binary file, and the formats
of :data:`~proceedings.render.BINARY_FORMATS` (not in ``FORMATS``, whose
formats any text stream takes) write to the binary buffer beneath the text
stream they are given: standard output, or a file opened in text mode. They
refuse a terminal.
"""

from __future__ import annotations

import datetime
import importlib
import os
from collections.abc import Iterable, Mapping
from typing import IO, Any, BinaryIO

from .._errors import ProceedingsError
from .._rules import Law
from ..corpus import Outcome, Summary
from ..law import DEFAULT_LAW
from ._tables import TABLES, Table, outcome_rows

#: Rows written to Parquet at once (one row group each, at most).
_BATCH_ROWS = 10_000


class FormatUnavailable(ProceedingsError):
    """A format cannot be used here: a library it needs is missing, or its output cannot
    take it (binary output on a terminal). The message says what to do."""


def _pyarrow() -> Any:
    # Imported by name: pyarrow is optional and untyped, so not a static import.
    try:
        pyarrow = importlib.import_module("pyarrow")
        importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise FormatUnavailable(
            "Parquet needs pyarrow, which is not installed: install the 'parquet' extra "
            "(pip install 'proceedings-law[parquet]') or pyarrow itself"
        ) from None
    return pyarrow


def parquet_available() -> bool:
    """Whether pyarrow is installed, so that Parquet can be written."""
    try:
        _pyarrow()
    except FormatUnavailable:
        return False
    return True


def _schema(pa: Any, columns: Mapping[str, type]) -> Any:
    types = {
        str: pa.string(),
        int: pa.int64(),
        bool: pa.bool_(),
        datetime.date: pa.date32(),
    }
    return pa.schema([(name, types[kind]) for name, kind in columns.items()])


class _Writer:
    """Rows of one table into a Parquet file, a batch at a time (memory stays flat)."""

    def __init__(self, where: str | os.PathLike[str] | BinaryIO, table: Table) -> None:
        if table not in TABLES:
            raise ValueError(f"no table {table!r}; the tables are {', '.join(TABLES)}")
        self.pa = _pyarrow()
        self.columns = TABLES[table]
        self.schema = _schema(self.pa, self.columns)
        self.writer = self.pa.parquet.ParquetWriter(
            os.fspath(where) if isinstance(where, (str, os.PathLike)) else where, self.schema
        )
        self.batch: list[Mapping[str, Any]] = []
        self.rows = 0

    def add(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self.batch.append(row)
            if len(self.batch) >= _BATCH_ROWS:
                self.flush()

    def flush(self) -> None:
        if self.batch:
            data = self.pa.Table.from_pylist(self.batch, schema=self.schema)
            self.writer.write_table(data)
            self.rows += len(self.batch)
            self.batch = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def write_parquet(
    rows: Iterable[Mapping[str, Any]],
    where: str | os.PathLike[str] | BinaryIO,
    *,
    table: Table = "findings",
) -> int:
    """Write rows of a table (from :func:`~proceedings.render.corpus_rows`) as Parquet.

    The columns and their types are those of ``TABLES[table]``: text as
    ``string``, counts and lines as ``int64``, ``retrospective`` as ``bool``,
    ``date_earliest`` and ``date_latest`` as ``date32``; every column nullable.
    Rows are written a batch at a time, so a corpus of any size fits.

    Args:
        rows: The rows, each with the table's columns as keys.
        where: A file path, or a binary file open for writing (left open).
        table: ``"findings"`` or ``"summary"``.

    Returns:
        How many rows were written.

    Raises:
        FormatUnavailable: pyarrow is not installed.
        ValueError: An unknown table.
    """
    writer = _Writer(where, table)
    try:
        writer.add(rows)
    finally:
        writer.close()
    return writer.rows


class ParquetFormat:
    """The findings table as Parquet, written to the binary buffer under the output.

    Constructing it fails with :exc:`FormatUnavailable` when pyarrow is
    missing; starting it, when the output is a terminal or has no binary
    buffer (an :class:`io.StringIO`). Nothing is rendered in worker
    processes: the rows are made where the file is written.
    """

    name = "parquet"
    event_lines = True
    writes_summary = False
    table: Table = "findings"

    def __init__(self, *, law: Law = DEFAULT_LAW, color: bool = False, width: int | None = 100):
        _pyarrow()
        self._writer: _Writer | None = None

    def render(self, outcome: Outcome) -> str:
        return ""

    def start(self, out: IO[str]) -> None:
        binary = getattr(out, "buffer", None)
        if binary is None:
            raise FormatUnavailable("Parquet is binary: write it to a file, not a text stream")
        if out.isatty():
            raise FormatUnavailable(
                "Parquet is binary and the output is a terminal: redirect it to a file "
                "(> findings.parquet)"
            )
        out.flush()
        self._binary: BinaryIO = binary
        self._writer = _Writer(binary, self.table)

    def write(self, out: IO[str], outcome: Outcome) -> None:
        if self._writer is not None:
            self._writer.add(outcome_rows(outcome, self.table))

    def finish(self, out: IO[str], summary: Summary) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
            self._binary.flush()


class SummaryParquetFormat(ParquetFormat):
    """The summary table as Parquet (see :class:`ParquetFormat`)."""

    name = "summary-parquet"
    table: Table = "summary"
