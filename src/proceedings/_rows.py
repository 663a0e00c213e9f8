"""Findings as flat rows: the one shape of every table (CSV, Parquet, dataframes).

A row is a ``dict`` of plain values, every column always present: ``str``,
``int``, ``bool``, ``datetime.date`` or ``None``. A value that a finding holds
several of (accounts, event ids, citations) is one string, its items joined
with :data:`SEPARATOR`, so that each column has one type in every table and a
CSV cell is a cell. This module sits beside the report values, below the
renderers, so that :meth:`proceedings.Report.to_rows` needs nothing above it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from ._dates import UncertainDate
from ._errors import InvalidDate
from ._findings import Finding

#: What joins the items of a multi-valued cell (``"kasimov; hunter"``). No
#: citation of the library's rulebooks contains it; a name given in a record may.
SEPARATOR = "; "

#: The columns of the findings table, in order, with the type of their values
#: (each may also be ``None``).
FINDING_COLUMNS: Mapping[str, type] = {
    "record_id": str,
    "source": str,
    "line": int,
    "rule_id": str,
    "severity": str,
    "certainty": str,
    "accounts": str,
    "event_ids": str,
    "event_indices": str,
    "date": str,
    "date_earliest": datetime.date,
    "date_latest": datetime.date,
    "message": str,
    "citations": str,
    "unverified": str,
    "readings": str,
    "retrospective": bool,
    "error": str,
}

#: The columns of the summary table (one row per record), in order, with their types.
SUMMARY_COLUMNS: Mapping[str, type] = {
    "record_id": str,
    "source": str,
    "line": int,
    "events": int,
    "violations": int,
    "warnings": int,
    "notes": int,
    "undetermined": int,
    "conditional": int,
    "rules": str,
    "accounts": str,
    "error": str,
}


def joined(items: Iterable[object]) -> str | None:
    """Items as one cell, joined with :data:`SEPARATOR`; ``None`` for none."""
    text = SEPARATOR.join(str(i) for i in items)
    return text or None


def _bounds(text: str | None) -> tuple[datetime.date | None, datetime.date | None]:
    if text is None:
        return None, None
    try:
        day = UncertainDate.parse(text)
    except InvalidDate:
        # A finding's date is the record's, already read; a hand-made one may not parse.
        return None, None
    return (
        None if day.open_start else day.earliest,
        None if day.open_end else day.latest,
    )


def finding_row(
    finding: Finding, *, record_id: str, source: str | None, line: int | None = None
) -> dict[str, Any]:
    """One finding as a row of :data:`FINDING_COLUMNS` (``error`` is ``None``).

    Args:
        finding: The finding.
        record_id: The id of its record.
        source: The file the record came from.
        line: The line of its triggering event in that file, if known.
    """
    earliest, latest = _bounds(finding.date)
    return {
        "record_id": record_id,
        "source": source,
        "line": line,
        "rule_id": finding.rule_id,
        "severity": finding.severity.value,
        "certainty": finding.certainty.value,
        "accounts": joined(finding.accounts),
        "event_ids": joined(finding.event_ids),
        "event_indices": joined(finding.event_indices),
        "date": finding.date,
        "date_earliest": earliest,
        "date_latest": latest,
        "message": finding.message,
        "citations": joined(finding.citations),
        "unverified": joined(u.key for u in finding.unverified),
        "readings": joined(finding.readings),
        "retrospective": finding.retrospective,
        "error": None,
    }


def error_row(
    message: str, *, source: str | None, line: int | None = None, record_id: str | None = None
) -> dict[str, Any]:
    """A row of :data:`FINDING_COLUMNS` for an input that was not validated: only
    ``record_id`` (if known), ``source``, ``line`` and ``error`` are filled."""
    row: dict[str, Any] = dict.fromkeys(FINDING_COLUMNS)
    row.update(record_id=record_id, source=source, line=line, error=message)
    return row
