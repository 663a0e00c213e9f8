"""Findings and reports: what validation says about a record.

Computing a report and rendering it are separate: this module holds plain
data; renderers (text, JSON, SARIF) live elsewhere and only read it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from ._dates import Truth


class Severity(enum.StrEnum):
    """How serious a finding is."""

    VIOLATION = "violation"
    """A breach of a binding norm."""
    WARNING = "warning"
    """A pattern a lawyer would flag, not unlawful in itself (disguised extradition)."""
    NOTE = "note"
    """Information: a data gap, an inconsistency in the record, a deadline."""


class Certainty(enum.StrEnum):
    """Whether the finding holds for every reading of the uncertain dates."""

    CERTAIN = "certain"
    UNDETERMINED = "undetermined"
    """It holds for some possible dates and not for others; the message says which."""

    @classmethod
    def of(cls, truth: Truth) -> Certainty:
        """``CERTAIN`` for :attr:`Truth.TRUE`, ``UNDETERMINED`` for ``UNKNOWN``.

        Raises:
            ValueError: For :attr:`Truth.FALSE`; nothing was found.
        """
        if truth is Truth.TRUE:
            return cls.CERTAIN
        if truth is Truth.UNKNOWN:
            return cls.UNDETERMINED
        raise ValueError("a false condition is not a finding")


@attrs.frozen(kw_only=True)
class CitationRef:
    """Where a rule comes from.

    Attributes:
        instrument: The law or treaty (``Criminal Procedure Code of Kazakhstan``).
        article: The article, as numbered in the instrument (``592``).
        paragraph: Part or paragraph, where relevant.
        url: Where the text (or the mirror it was checked against) can be read.
        text_date: The date of the version of the text relied on.
    """

    instrument: str
    article: str | None = None
    paragraph: str | None = None
    url: str | None = None
    text_date: str | None = None

    def __str__(self) -> str:
        parts = [self.instrument]
        if self.article:
            parts.append(f"art {self.article}")
        if self.paragraph:
            parts.append(f"para {self.paragraph}")
        return ", ".join(parts)


@attrs.frozen(kw_only=True)
class Finding:
    """One breach, pattern or inconsistency, with everything needed to check it.

    Attributes:
        rule_id: The stable id of the rule (``KZ-CPC-592``).
        severity: Violation, warning or note.
        certainty: Certain, or undetermined because of uncertain dates.
        message: A sentence a lawyer would accept.
        events: Paths of the events behind it (``$.events[14]``), first the
            one that triggered it.
        event_ids: The same events by id.
        accounts: The accounts under which it holds (empty: the record has no
            accounts, so it holds for the only version there is).
        citations: Where the rule comes from.
        verified: Whether everything the finding rests on has been checked.
        unverified: What has not been checked, if anything: ``"rule"`` (the
            rule's source text) and/or ``"party:TREATY:STATE"`` (the date the
            state became party to the treaty).
        date: The date of the triggering event, as written in the record.
        retrospective: The breach happened before the triggering event, which
            only reveals it (a release after custody ran too long); strict
            mode does not refuse such an event.
    """

    rule_id: str
    severity: Severity
    certainty: Certainty
    message: str
    events: tuple[str, ...] = ()
    event_ids: tuple[str, ...] = ()
    accounts: tuple[str, ...] = ()
    citations: tuple[CitationRef, ...] = ()
    verified: bool = True
    unverified: tuple[str, ...] = ()
    date: str | None = None
    retrospective: bool = False


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
        return self.by_severity(Severity.VIOLATION)

    @property
    def ok(self) -> bool:
        """No violation under any account (warnings and notes allowed)."""
        return not self.violations

    def rule_ids(self) -> frozenset[str]:
        return frozenset(f.rule_id for f in self.findings)


def sorted_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Findings in a stable order: by triggering event position, then rule id."""

    def key(f: Finding) -> tuple[int, str, str]:
        first = f.events[0] if f.events else "$.events[-1]"
        index = int(first.rsplit("[", 1)[1].rstrip("]")) if "[" in first else -1
        return (index, f.rule_id, f.message)

    return tuple(sorted(findings, key=key))
