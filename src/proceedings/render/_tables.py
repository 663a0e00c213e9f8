"""Tables for researchers: findings and per-record summaries as rows, and as CSV.

Every table is built from the same rows (:func:`finding_rows`,
:func:`summary_row`): the CSV formats write them, :func:`corpus_rows` yields
them for a dataframe, and the Parquet writer stores them. A row is a ``dict``
of plain values whose keys are the columns of :data:`FINDING_COLUMNS` or
:data:`SUMMARY_COLUMNS`, every key always present.

CSV is written as RFC 4180 (the standard library's :mod:`csv`, fields quoted
where needed, lines ending in CRLF), in UTF-8. A cell is never altered: a
value that starts with ``=``, ``+``, ``-`` or ``@`` is written as it is,
which a spreadsheet may take for a formula (see the how-to on tables).
"""

from __future__ import annotations

import csv
import datetime
import io
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, Any, Literal

from .._findings import Certainty, Severity
from .._limits import Limits
from .._rows import FINDING_COLUMNS, SUMMARY_COLUMNS, error_row, finding_row, joined
from .._rules import Law
from ..corpus import Input, Outcome, validate_corpus
from ..law import DEFAULT_LAW
from ._common import LineFormat

#: The tables, by name: the columns of each, with their types.
TABLES: Mapping[str, Mapping[str, type]] = {
    "findings": FINDING_COLUMNS,
    "summary": SUMMARY_COLUMNS,
}

Table = Literal["findings", "summary"]


def _internal(outcome: Outcome) -> str | None:
    if outcome.internal is None:
        return None
    first = outcome.internal.split("\n", 1)[0]
    return f"internal error while validating {outcome.where}: {first}"


def finding_rows(outcome: Outcome) -> list[dict[str, Any]]:
    """The rows of the findings table for one outcome of a corpus.

    One row per finding (``line`` is its triggering event's line in the file,
    or the record's line in a JSON Lines corpus, where known), then one row
    per problem of the outcome, with only ``record_id`` (if the record was
    read), ``source``, ``line`` and ``error`` filled: an unreadable record is
    never silently missing from the table. A record without findings or
    problems has no row (the summary table has one for it).
    """
    rows: list[dict[str, Any]] = []
    report, context = outcome.report, outcome.context
    record_id = report.record_id if report is not None else None
    if report is not None:
        for f in report.findings:
            index = f.event_indices[0] if f.event_indices else None
            line = context.event_line(index) if context is not None and index is not None else None
            line = outcome.line if line is None else line
            rows.append(
                finding_row(f, record_id=report.record_id, source=outcome.source, line=line)
            )
    for problem in outcome.problems:
        rows.append(
            error_row(problem.text, source=problem.source, line=problem.line, record_id=record_id)
        )
    internal = _internal(outcome)
    if internal is not None:
        rows.append(error_row(internal, source=outcome.source, line=outcome.line))
    return rows


def summary_row(outcome: Outcome) -> dict[str, Any]:
    """The row of the summary table for one outcome: its counts, rules, accounts and errors.

    The counts are ``None`` (not 0) for a record that was not validated, so
    that an unreadable record never looks like a clean one; ``error`` then
    says why (its problems joined). ``undetermined`` and ``conditional`` count
    findings of those certainties, whatever their severity.
    """
    report = outcome.report
    errors = [p.text for p in outcome.problems]
    internal = _internal(outcome)
    if internal is not None:
        errors.append(internal)
    row: dict[str, Any] = dict.fromkeys(SUMMARY_COLUMNS)
    row.update(source=outcome.source, line=outcome.line, error=joined(errors))
    if report is None:
        return row
    findings = report.findings
    context = outcome.context
    row.update(
        record_id=report.record_id,
        events=context.events if context is not None and context.event_types else None,
        violations=sum(f.severity is Severity.VIOLATION for f in findings),
        warnings=sum(f.severity is Severity.WARNING for f in findings),
        notes=sum(f.severity is Severity.NOTE for f in findings),
        undetermined=sum(f.certainty is Certainty.UNDETERMINED for f in findings),
        conditional=sum(f.certainty is Certainty.CONDITIONAL for f in findings),
        rules=joined(sorted(report.rule_ids)),
        accounts=joined(report.accounts),
    )
    return row


def outcome_rows(outcome: Outcome, table: Table = "findings") -> list[dict[str, Any]]:
    """The rows of ``table`` for one outcome: :func:`finding_rows` or [:func:`summary_row`]."""
    if table == "summary":
        return [summary_row(outcome)]
    if table == "findings":
        return finding_rows(outcome)
    raise ValueError(f"no table {table!r}; the tables are {', '.join(TABLES)}")


def corpus_rows(
    paths: Iterable[str | os.PathLike[str] | Input],
    *,
    table: Table = "findings",
    law: Law = DEFAULT_LAW,
    accounts: Sequence[str] | None = None,
    jobs: int = 1,
    limits: Limits | None = None,
) -> Iterator[dict[str, Any]]:
    """Validate a corpus and yield the rows of a table, as a dataframe library takes them.

    ``pandas.DataFrame(list(corpus_rows(...)))``, ``polars.DataFrame(...)``
    and DuckDB (through either) take them as they are. Values are ``str``,
    ``int``, ``bool``, ``datetime.date`` (``date_earliest``, ``date_latest``:
    the bounds of the triggering event's date) or ``None``.

    Args:
        paths: As for :func:`~proceedings.corpus.validate_corpus`.
        table: ``"findings"`` (one row per finding and per input problem, see
            :func:`finding_rows`) or ``"summary"`` (one row per record or
            unreadable input, see :func:`summary_row`).
        law: The law to validate against.
        accounts: Only these accounts of records that have them.
        jobs: Worker processes (as for ``validate_corpus``).
        limits: What one input may hold.

    Yields:
        Rows whose keys are the columns of ``TABLES[table]``, in input order.

    Raises:
        ValueError: An unknown table.
    """
    if table not in TABLES:
        raise ValueError(f"no table {table!r}; the tables are {', '.join(TABLES)}")
    outcomes = validate_corpus(
        paths, law=law, accounts=accounts, jobs=jobs, limits=limits, event_lines=True
    )
    return (row for outcome in outcomes for row in outcome_rows(outcome, table))


# -- CSV ------------------------------------------------------------------------------------


def csv_cell(value: object) -> str:
    """A value as a CSV cell: ``""`` for ``None``, ``true``/``false``, ISO dates, text as is."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def csv_text(rows: Iterable[Mapping[str, Any]], columns: Iterable[str]) -> str:
    """Rows as CSV lines (no header), the cells in the order of ``columns``."""
    names = list(columns)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_cell(row[n]) for n in names])
    return text.getvalue()


class CsvFormat(LineFormat):
    """The findings table as CSV: a header, then :func:`finding_rows` of each record.

    A record without findings has no row; an input that could not be read has
    one row per problem, with the ``error`` column filled.
    """

    name = "csv"
    table: Table = "findings"

    def render(self, outcome: Outcome) -> str:
        return csv_text(outcome_rows(outcome, self.table), TABLES[self.table])

    def start(self, out: IO[str]) -> None:
        out.write(csv_text([{n: n for n in TABLES[self.table]}], TABLES[self.table]))

    def write(self, out: IO[str], outcome: Outcome) -> None:
        # A problem found after the worker rendered the record (an id seen before)
        # belongs in the table too: render again here, where it is known.
        fresh = outcome.rendered is None or outcome.problems or outcome.internal is not None
        out.write(self.render(outcome) if fresh else outcome.rendered or "")


class SummaryCsvFormat(CsvFormat):
    """The summary table as CSV: a header, then one :func:`summary_row` per record
    (an unreadable input too, its counts empty and its ``error`` filled)."""

    name = "summary-csv"
    table: Table = "summary"
