"""Explanations: for each event of a replay, every rule and why it fired or stayed silent.

A trace is what the engine decided, written down where it decides it:
:func:`trace` replays the record with the engine's trace collector switched
on (see :class:`proceedings._engine.Seen`), so the rules that fired in a
trace are exactly the findings of :func:`proceedings.validate`, and a rule
the engine did not check says why (the event's type does not trigger it,
the rule was not in force on the event's date, the state was not party to
its treaty, ...). Nothing here evaluates the law a second time; it only
spells out the engine's decisions.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Sequence

import attrs

from ._dates import Truth, UncertainDate
from ._engine import Seen, _chosen_views, _day, _merge, _replay, as_of_record
from ._findings import Finding, Severity
from ._model import CaseRecord, Event
from ._rules import Law, Rule
from .law import DEFAULT_LAW

__all__ = ["Trace", "TraceEntry", "TraceEvent", "TraceOutcome", "trace"]


class TraceOutcome(enum.StrEnum):
    """What became of one rule at one event."""

    FIRED = "fired"
    """Its check ran and the engine reported what it found (:attr:`TraceEntry.findings`)."""
    SILENT = "silent"
    """Its check ran and found nothing."""
    NOT_THIS_EVENT = "not_this_event"
    """The event's type is not among those that trigger it (its ``on``)."""
    NOT_THIS_JURISDICTION = "not_this_jurisdiction"
    """It applies only in other jurisdictions."""
    NOT_IN_FORCE = "not_in_force"
    """It was not in force on the event's date."""
    NOT_PARTY = "not_party"
    """The state (or, for a treaty between states, the other state) was not
    party to its treaty on the event's date."""
    NOT_VERIFIED = "not_verified"
    """Left out under ``verified_only``: its source text is unverified, or
    what it found rests on an unverified date of a state becoming party."""
    NOT_SELECTED = "not_selected"
    """Left out of the law by :attr:`Law.select <proceedings.law.Law.select>` or
    :attr:`Law.ignore <proceedings.law.Law.ignore>` (``--select``, ``--ignore``)."""
    ALREADY_REPORTED = "already_reported"
    """Its check found a breach that an earlier event of the account already
    reported (a time limit that stays exceeded is reported once)."""


#: The outcomes of a rule whose check ran.
CHECKED = frozenset({TraceOutcome.FIRED, TraceOutcome.SILENT})


@attrs.frozen(kw_only=True)
class TraceEntry:
    """One rule at one event.

    Attributes:
        rule_id: The rule.
        outcome: What became of it.
        detail: Why, in a phrase (empty where the outcome says it all).
        findings: For :attr:`TraceOutcome.FIRED`, what it reported here.
        binding: Whether the rule bound the event's jurisdiction on its date,
            as the engine decided (``UNKNOWN``: the date straddles the day it
            entered into force or the state became party; the check then
            runs and what it finds is undetermined). ``FALSE`` for the
            outcomes that say why it did not.
    """

    rule_id: str
    outcome: TraceOutcome
    detail: str = ""
    findings: tuple[Finding, ...] = ()
    binding: Truth = Truth.TRUE

    @property
    def checked(self) -> bool:
        """Whether the rule's check ran (it fired or stayed silent)."""
        return self.outcome in CHECKED


@attrs.frozen(kw_only=True)
class TraceEvent:
    """One event of one account replayed, and every rule at it.

    Attributes:
        index: The event's index in the record.
        event_id: Its id.
        event_type: Its type tag (``removal``).
        date: Its effective date, as text (its own date, narrowed by ``after``).
        jurisdiction: Where it happened.
        account: The account replayed (``None``: the record has none).
        entries: One per rule of the law, in rulebook order.
        pending: In a view as of a date, the event's date reaches past it:
            it counts as possibly before, and what rests on it is undetermined.
    """

    index: int
    event_id: str
    event_type: str
    date: str
    jurisdiction: str
    account: str | None
    entries: tuple[TraceEntry, ...]
    pending: bool = False

    def of(self, *outcomes: TraceOutcome) -> tuple[TraceEntry, ...]:
        """The entries with one of these outcomes."""
        return tuple(e for e in self.entries if e.outcome in outcomes)


@attrs.frozen(kw_only=True)
class Trace:
    """Every rule at every event of a record, per account.

    Attributes:
        record_id: The record.
        accounts: The accounts traced (empty: the record has none).
        events: Per account in turn, its events in order.
        as_of: The date of a point-in-time view, if one was asked.
        not_counted: In such a view, the ids of the events left out (they
            happened after the date).
    """

    record_id: str
    accounts: tuple[str, ...] = ()
    events: tuple[TraceEvent, ...] = ()
    as_of: str | None = None
    not_counted: tuple[str, ...] = ()

    @property
    def fired(self) -> tuple[TraceEntry, ...]:
        """The entries of rules that fired, in replay order."""
        return tuple(e for ev in self.events for e in ev.of(TraceOutcome.FIRED))

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings of the fired rules, merged across accounts as a report merges them."""
        return _merge((f for e in self.fired for f in e.findings), self.accounts)

    @property
    def ok(self) -> bool:
        """No rule found a violation."""
        return not any(f.severity is Severity.VIOLATION for f in self.findings)


def _dates(rule: Rule) -> str:
    start, end = rule.in_force
    if start is not None and end is not None:
        return f"in force from {start} until {end}"
    if start is not None:
        return f"in force from {start}"
    return f"in force until {end}"


def _party_row(rule: Rule, state: str, law: Law) -> str:
    # The row of the party table the engine read (Law.party), in words.
    treaty = (rule.treaty or "").replace("_", " ")
    party = law.party(rule.treaty or "", state)
    if party is None:
        return f"{state} is not party to {treaty}"
    until = f" until {party.until.text}" if party.until is not None else ""
    return f"{state} was party to {treaty} from {party.since.text}{until}"


def _not_party(rule: Rule, state: str, law: Law) -> str:
    row = _party_row(rule, state, law)
    return row if law.party(rule.treaty or "", state) is None else f"{row}, not on that date"


def _not_applied(rule: Rule, event: Event, law: Law) -> TraceEntry:
    # Which part of Rule.applies said FALSE: the same three tests, in its order.
    def entry(outcome: TraceOutcome, detail: str) -> TraceEntry:
        return TraceEntry(rule_id=rule.id, outcome=outcome, detail=detail, binding=Truth.FALSE)

    if rule.jurisdictions is not None and event.jurisdiction not in rule.jurisdictions:
        where = ", ".join(sorted(rule.jurisdictions))
        return entry(TraceOutcome.NOT_THIS_JURISDICTION, f"applies in {where}")
    if rule.in_force_on(event.date) is Truth.FALSE:
        return entry(TraceOutcome.NOT_IN_FORCE, _dates(rule))
    return entry(TraceOutcome.NOT_PARTY, _not_party(rule, event.jurisdiction, law))


def _binding_detail(rule: Rule, event: Event, law: Law) -> str:
    if rule.in_force_on(event.date) is Truth.UNKNOWN:
        return f"{_dates(rule)}: the event's date may fall on either side"
    if rule.treaty is not None and law.party(rule.treaty, event.jurisdiction) is None:
        treaty = rule.treaty.replace("_", " ")
        return f"whether {event.jurisdiction} is party to {treaty} is not in the party table"
    return f"{_party_row(rule, event.jurisdiction, law)}: the event's date may fall on either side"


def _checked(seen: Seen, event: Event, law: Law) -> TraceEntry:
    rule = seen.rule
    doubt = _binding_detail(rule, event, law) if seen.applies is Truth.UNKNOWN else ""
    if seen.findings:
        return TraceEntry(
            rule_id=rule.id,
            outcome=TraceOutcome.FIRED,
            detail=doubt,
            findings=seen.findings,
            binding=seen.applies,
        )
    # A breach found but not reported: the first reason the engine gave.
    for reason, what in seen.dropped:
        if reason == "not_party":
            detail = f"the other state: {_not_party(rule, what, law)}"
            return TraceEntry(
                rule_id=rule.id, outcome=TraceOutcome.NOT_PARTY, detail=detail, binding=seen.applies
            )
        if reason == "already_reported":
            detail = f"the breach about event {what!r} was reported at an earlier event"
            return TraceEntry(
                rule_id=rule.id,
                outcome=TraceOutcome.ALREADY_REPORTED,
                detail=detail,
                binding=seen.applies,
            )
        if reason == "not_verified":
            return TraceEntry(
                rule_id=rule.id,
                outcome=TraceOutcome.NOT_VERIFIED,
                detail=f"what it found rests on unverified law: {what}",
                binding=seen.applies,
            )
    return TraceEntry(
        rule_id=rule.id, outcome=TraceOutcome.SILENT, detail=doubt, binding=seen.applies
    )


def _unchecked(rule: Rule, event: Event, law: Law) -> TraceEntry:
    # A rule the law did not hand the engine for this event (Law.rules_for).
    if event.type in rule.on and law.verified_only and not rule.verified:
        return TraceEntry(
            rule_id=rule.id,
            outcome=TraceOutcome.NOT_VERIFIED,
            detail="its source text is unverified",
            binding=Truth.FALSE,
        )
    if event.type in rule.on and rule not in law.rules:
        return TraceEntry(
            rule_id=rule.id,
            outcome=TraceOutcome.NOT_SELECTED,
            detail="left out by the law's selection (--select, --ignore)",
            binding=Truth.FALSE,
        )
    on = ", ".join(sorted(rule.on))
    return TraceEntry(
        rule_id=rule.id,
        outcome=TraceOutcome.NOT_THIS_EVENT,
        detail=f"runs on {on}",
        binding=Truth.FALSE,
    )


def _entries(seen: Sequence[Seen], event: Event, law: Law) -> tuple[TraceEntry, ...]:
    by_rule = {s.rule.id: s for s in seen}
    out = []
    for rule in law.all_rules:
        s = by_rule.get(rule.id)
        if s is None:
            out.append(_unchecked(rule, event, law))
        elif s.applies is Truth.FALSE:
            out.append(_not_applied(rule, event, law))
        else:
            out.append(_checked(s, event, law))
    return tuple(out)


def trace(
    record: CaseRecord,
    *,
    law: Law | None = None,
    accounts: Sequence[str] | None = None,
    as_of: UncertainDate | datetime.date | None = None,
) -> Trace:
    """Replay a record and say, for each event, what became of every rule.

    The replay is the one :func:`proceedings.validate` makes, with the
    engine writing down its decisions: the findings of the rules that fired
    (:attr:`Trace.findings`) are the report's findings.

    Args:
        record: The record.
        law: The law; :data:`proceedings.law.DEFAULT_LAW` if ``None``.
        accounts: Only these accounts (all if ``None``).
        as_of: Replay the record as it stood at the end of this date, as
            :func:`proceedings.validate` does with ``as_of``.

    Returns:
        The trace: per account, per event, one entry per rule of the law.

    Raises:
        UnknownName: An account the record does not have.
    """
    law = DEFAULT_LAW if law is None else law
    chosen = _chosen_views(record, accounts)
    timed, pending = as_of_record(record, as_of)
    day = None if as_of is None else _day(as_of).text
    events: list[TraceEvent] = []
    for account, _ in chosen:
        seen: list[Seen] = []
        for step in _replay(timed, law, account, pending=pending, as_of=day, trace=seen):
            event = step.event
            events.append(
                TraceEvent(
                    index=step.index,
                    event_id=event.id,
                    event_type=event.type,
                    date=event.date.text,
                    jurisdiction=event.jurisdiction,
                    account=account,
                    entries=_entries(seen, event, law),
                    pending=step.index in pending,
                )
            )
            seen.clear()
    return Trace(
        record_id=record.id,
        accounts=tuple(n for n, _ in chosen if n is not None),
        events=tuple(events),
        as_of=day,
        not_counted=tuple(ev.id for ev in record.events[len(timed.events) :]),
    )
