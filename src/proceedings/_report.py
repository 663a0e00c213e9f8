"""Reports and time limits: what validating a record gives, as plain values.

Computing a report (merging findings by account) is the engine's; rendering
it is :mod:`proceedings.render`'s. This module only holds the values.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

import attrs

from ._dates import Truth
from ._findings import Finding, Severity
from ._rows import finding_row


@attrs.frozen(kw_only=True)
class Report:
    """Every finding about one record.

    Attributes:
        record_id: The record's id.
        findings: In the order of the events that triggered them.
        accounts: The accounts that were evaluated.
        source: The file the record came from, if any.
    """

    record_id: str
    findings: tuple[Finding, ...] = ()
    accounts: tuple[str, ...] = ()
    source: str | None = None

    def by_severity(self, severity: Severity) -> tuple[Finding, ...]:
        """The findings of one severity."""
        return tuple(f for f in self.findings if f.severity is severity)

    @property
    def violations(self) -> tuple[Finding, ...]:
        """The findings that are violations of a binding norm."""
        return self.by_severity(Severity.VIOLATION)

    @property
    def ok(self) -> bool:
        """No violation under any account (warnings and notes allowed)."""
        return not self.violations

    @property
    def rule_ids(self) -> frozenset[str]:
        """The ids of the rules that found something."""
        return frozenset(f.rule_id for f in self.findings)

    def to_rows(self) -> list[dict[str, Any]]:
        """One row per finding, of plain values, for a dataframe or a table.

        Each row has the columns of :data:`proceedings.render.FINDING_COLUMNS`
        (``line`` and ``error`` are ``None`` here: a report does not know its
        file's lines; :func:`proceedings.render.finding_rows` adds them).

        >>> import proceedings
        >>> with open("examples/cases/kasimov.json", "rb") as fp:
        ...     report = proceedings.validate(proceedings.load(fp))
        >>> row = report.to_rows()[0]
        >>> row["record_id"], row["severity"], type(row["date_earliest"]).__name__
        ('kasimov', 'violation', 'date')
        """
        return [finding_row(f, record_id=self.record_id, source=self.source) for f in self.findings]


@attrs.frozen(kw_only=True)
class DeadlineStatus:
    """A running or expired time limit, as of a date.

    Attributes:
        rule_id: The rule that sets it.
        label: What must happen in time.
        jurisdiction: Where.
        started_by: The id of the event that started the clock.
        due: ``(earliest, latest)`` possible last day.
        due_open: Whether each bound of :attr:`due` is unknown, because the
            clock started on an open date (``../2010-09``): the bound is then
            ``date.min`` or ``date.max``, a stand-in never to print. The
            latest bound is also open where it falls after 9999-12-31, the
            calendar's last day (then :attr:`due` holds ``date.max``, and the
            earliest bound, ``date.max`` too if it also falls after, is still
            a true "on or after").
        expired: Whether it has run out as of the date asked.
        account: The account it was computed under, for a record with accounts.
        started: Whether the clock had started by the date asked: ``UNKNOWN``
            where the event that starts it has a date that reaches past it
            (in a view as of a date, that event counts as possibly before), or
            where it counts from a service date that may come after it.
        counted_from: What the clock counts from: ``"event"`` (the starting
            event's date, as the law has it), ``"served"`` (the date the
            decision was served, as the law counts from receipt), or
            ``"event_not_served"`` (the law counts from receipt, the record
            gives no service date: counted from the decision, so the period
            may end later than :attr:`due` says).
    """

    rule_id: str
    label: str
    jurisdiction: str
    started_by: str
    due: tuple[datetime.date, datetime.date]
    expired: Truth
    account: str | None = None
    due_open: tuple[bool, bool] = (False, False)
    started: Truth = Truth.TRUE
    counted_from: str = "event"


def sorted_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Findings in a stable order: by triggering event position, then rule id."""

    def key(f: Finding) -> tuple[int, str, str]:
        return (f.event_indices[0] if f.event_indices else -1, f.rule_id, f.message)

    return tuple(sorted(findings, key=key))
