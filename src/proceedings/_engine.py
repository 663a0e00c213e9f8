"""One engine, two policies: replay events through the statechart and the rules.

Audit (:func:`validate`) replays every account of a record, never refuses,
and collects every finding. Strict (:class:`~proceedings.Proceeding`)
replays the same way but refuses an event that would produce a violation.
Both call :func:`step`: there is no second implementation of the law.
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from ._chart import features
from ._dates import Truth, UncertainDate
from ._durations import add_days, days_between, hours_between, leaves_calendar
from ._errors import UnknownName
from ._findings import Certainty, Finding, Unverified
from ._model import CaseRecord, Event
from ._report import DeadlineStatus, Report, sorted_findings
from ._rules import Context, Hit, Law, Memo, Rule, Rulebook
from ._statechart import JurisdictionState, Statechart
from ._timing import point_in_time, with_effective_dates
from .law import DEFAULT_LAW

#: A breach already reported in this replay: ``(rule id, anchor, truth)``.
_Fired = tuple[str, int, Truth]


@attrs.frozen(kw_only=True)
class Seen:
    """What the engine decided about one rule at one event (for a trace; engine bookkeeping).

    Written by :func:`step` only when the replay collects a trace, at the
    places where it decides, so that a trace cannot disagree with the
    findings. :mod:`proceedings._trace` turns these into explanations.

    Attributes:
        index: The event's index in the record.
        rule: A rule the event's type triggers (and the law applies).
        applies: :meth:`Rule.applies` as the engine computed it; ``FALSE``:
            the check was not run.
        findings: What the rule reported at this event.
        dropped: ``(reason, detail)`` for each breach its check found that
            the engine did not report: ``"not_party"`` (detail: the other
            state, which the treaty does not bind), ``"already_reported"``
            (detail: the id of the event the breach is about),
            ``"not_verified"`` (detail: what is unverified).
    """

    index: int
    rule: Rule
    applies: Truth
    findings: tuple[Finding, ...] = ()
    dropped: tuple[tuple[str, str], ...] = ()


@attrs.frozen
class State:
    """A person's state in every jurisdiction the record has touched.

    Attributes:
        jurisdictions: ``(country, state)`` pairs, in order of first appearance.
    """

    jurisdictions: tuple[tuple[str, JurisdictionState], ...] = ()

    def __getitem__(self, country: str) -> JurisdictionState:
        for code, state in self.jurisdictions:
            if code == country:
                return state
        raise KeyError(country)

    def get(self, country: str, chart: Statechart) -> JurisdictionState:
        """The jurisdiction's state, or the chart's initial state if untouched."""
        for code, state in self.jurisdictions:
            if code == country:
                return state
        return chart.initial()

    def with_(self, country: str, state: JurisdictionState) -> State:
        """The same state with one jurisdiction's replaced (or added last)."""
        pairs = list(self.jurisdictions)
        for i, (code, old) in enumerate(pairs):
            if code == country:
                if old is state:
                    return self  # most events change nothing: no copy
                pairs[i] = (country, state)
                return State(tuple(pairs))
        return State((*pairs, (country, state)))

    def as_dict(self) -> dict[str, dict[str, str]]:
        """``{country: {track: state}}``, for display."""
        return {code: state.as_dict() for code, state in self.jurisdictions}


@attrs.frozen(kw_only=True)
class Step:
    """One event replayed: the state around it and what the rules found.

    Attributes:
        index: The event's index in the record.
        event: The event, with its effective date (its ``date`` narrowed by
            its ``after``, if that says more; see :mod:`proceedings._timing`).
        before: The state before it.
        after: The state after it (equal to ``before`` if strict refused it).
        findings: What the rules found at this step.
    """

    index: int
    event: Event
    before: State
    after: State
    findings: tuple[Finding, ...]


@attrs.define
class Replay:
    """The bookkeeping of one replay of one account (not part of any result).

    Attributes:
        record: The record.
        view: The indices of the account's events.
        law: The law applied.
        account: The account followed (``None``: the record has none).
        events_by_id: The account's events, by id (for references).
        fired: Breaches already reported, so that a breach later events
            repeat (a limit that stays exceeded) is reported once.
        memo: Values the rules compute once per replay.
        trace: Where :func:`step` writes what it decided about each rule
            (``None``, the usual case: nothing is written, nothing costs).
        pending: Indices of the events that may or may not have happened
            by the date of a point-in-time view (``as_of``): a finding that
            rests on one is undetermined.
        as_of: The date of that view, as written, for messages.
    """

    record: CaseRecord
    view: tuple[int, ...]
    law: Law
    account: str | None
    events_by_id: Mapping[str, Event]
    fired: set[_Fired] = attrs.field(factory=set)
    memo: Memo = attrs.field(factory=Memo)
    trace: list[Seen] | None = None
    pending: frozenset[int] = frozenset()
    as_of: str | None = None


def certainty(truth: Truth, *, settled: bool = True) -> Certainty:
    """``CERTAIN`` for :attr:`Truth.TRUE`, ``UNDETERMINED`` for ``UNKNOWN``.

    A true finding on law that is not ``settled`` (a disputed reading, a text
    or a treaty date not verified) is ``CONDITIONAL``.

    Raises:
        ValueError: For :attr:`Truth.FALSE`; nothing was found.
    """
    if truth is Truth.TRUE:
        return Certainty.CERTAIN if settled else Certainty.CONDITIONAL
    if truth is Truth.UNKNOWN:
        return Certainty.UNDETERMINED
    raise ValueError("a false condition is not a finding")


def _binding_doubt(rule: Rule, state: str, law: Law) -> str:
    """Why it is not certain that ``rule`` binds ``state``, as a parenthesis for a message."""
    if rule.treaty is not None and law.party(rule.treaty, state) is None:
        treaty = rule.treaty.replace("_", " ")
        return f" (whether {state} is party to {treaty} is not in the party table)"
    return " (whether the rule was in force on that date depends on the exact date)"


def _finding(
    rule: Rule, ctx: Context, truth: Truth, hit: Hit, message: str, run: Replay
) -> Finding:
    unverified: tuple[Unverified, ...] = () if rule.verified else (Unverified.RULE,)
    if rule.treaty is not None:
        states = [ctx.event.jurisdiction]
        if hit.counterparty is not None and hit.counterparty != ctx.event.jurisdiction:
            states.append(hit.counterparty)
        for state in states:
            party = ctx.law.party(rule.treaty, state)
            if party is None or not party.verified:
                # Unverified, or not in the party table at all.
                unverified += (Unverified.party(rule.treaty, state),)
    indices = (ctx.index, *[i for i in hit.related if i != ctx.index])
    readings = tuple(f"{name}={ctx.law.reading(name)}" for name in hit.readings)
    return Finding(
        rule_id=rule.id,
        severity=rule.severity,
        certainty=certainty(truth, settled=not unverified and not readings),
        readings=readings,
        message=message,
        event_indices=indices,
        event_ids=tuple(ctx.at(i).id for i in indices),
        accounts=(run.account,) if run.account is not None else (),
        citations=rule.citations,
        unverified=unverified,
        date=ctx.event.date.text,
        retrospective=hit.retrospective,
    )


def step(run: Replay, position: int, index: int, state: State) -> tuple[Step, set[_Fired]]:
    """Replay one event: fire the chart, run the rules. Shared by both policies.

    Args:
        run: The replay's bookkeeping (not changed: the breaches this step
            reports are returned, for the caller to keep or drop).
        position: The event's position in the account.
        index: The event's index in the record.
        state: The state before the event.

    Returns:
        The step, and the breaches it reported that :attr:`Replay.fired` did
        not have (for the caller to add, if it keeps the step: copying every
        breach so far at every step made a replay quadratic in its findings).
    """
    record, law = run.record, run.law
    chart = law.chart
    event = record.events[index]
    before_j = state.get(event.jurisdiction, chart)
    after_j, unexpected = chart.fire(before_j, event, index, features(event, run.events_by_id))
    ctx = Context(
        record=record,
        view=run.view,
        index=index,
        before=before_j,
        after=after_j,
        states=dict(state.jurisdictions),
        law=law,
        unexpected=unexpected,
        position=position,
        shared=run.memo,
        account=run.account,
    )
    found: list[Finding] = []
    fired, added = run.fired, set[_Fired]()
    # The trace is written only where asked for: two tests of ``trace`` per
    # rule, and bookkeeping on the rare paths where a breach is dropped.
    trace = run.trace
    # Without a trace, the rules that cannot bind the event's jurisdiction on
    # any day are not even looked at; a trace lists them, as not applying.
    rules = (
        law.rules_at(event.type, event.jurisdiction) if trace is None else law.rules_for(event.type)
    )
    for rule in rules:
        applies = law.applies(rule, event.jurisdiction, event.date)
        if applies is Truth.FALSE:
            if trace is not None:
                trace.append(Seen(index=index, rule=rule, applies=applies))
            continue
        first = len(found)
        dropped: list[tuple[str, str]] | None = None if trace is None else []
        for hit in rule.check(ctx):
            truth = hit.truth & applies
            other = Truth.TRUE
            if hit.counterparty is not None and hit.counterparty != event.jurisdiction:
                other = rule.binds(hit.counterparty, event.date, law)
                truth &= other
            if truth is Truth.FALSE:
                if dropped is not None and other is Truth.FALSE and hit.counterparty is not None:
                    dropped.append(("not_party", hit.counterparty))
                continue
            unsettled = _order_unsettled(record, index, hit.related) if rule.kind == "law" else None
            if unsettled is not None:
                truth &= Truth.UNKNOWN
            maybe_later = _pending(run, index, hit.related) if run.pending else None
            if maybe_later is not None:
                truth &= Truth.UNKNOWN
            if hit.anchor is not None:
                certain, this = (rule.id, hit.anchor, Truth.TRUE), (rule.id, hit.anchor, truth)
                if certain in fired or certain in added or this in fired or this in added:
                    if dropped is not None:
                        dropped.append(("already_reported", record.events[hit.anchor].id))
                    continue
                added.add(this)
            message = hit.message
            for country, binding in ((event.jurisdiction, applies), (hit.counterparty, other)):
                if binding is Truth.UNKNOWN and country is not None:
                    message += _binding_doubt(rule, country, law)
            if unsettled is not None:
                message += (
                    f" (it depends on whether {ctx.describe(unsettled)} came before this event: "
                    "the record leaves their order open)"
                )
            if maybe_later is not None:
                message += (
                    f" (it depends on whether {ctx.describe(maybe_later)} had happened by "
                    f"{run.as_of}: its date reaches past it)"
                )
            finding = _finding(rule, ctx, truth, hit, message, run)
            if finding.verified or not law.verified_only:
                found.append(finding)
            elif dropped is not None:
                dropped.append(("not_verified", "; ".join(u.phrase() for u in finding.unverified)))
        if trace is not None:
            trace.append(
                Seen(
                    index=index,
                    rule=rule,
                    applies=applies,
                    findings=tuple(found[first:]),
                    dropped=tuple(dropped or ()),
                )
            )
    after = state.with_(event.jurisdiction, after_j)
    return Step(index=index, event=event, before=state, after=after, findings=tuple(found)), added


def _pending(run: Replay, index: int, related: tuple[int, ...]) -> int | None:
    """The event a finding rests on that may have happened after the view's date, if any."""
    for i in (index, *related):
        if i in run.pending:
            return i
    return None


def _order_unsettled(record: CaseRecord, index: int, related: tuple[int, ...]) -> int | None:
    """An earlier-listed event a finding rests on that may have come after the event.

    The list order of a record is the order of events, except where an
    event says its place is uncertain (``order_uncertain``): then an event
    listed before it whose dates reach the same day or later may in fact
    have followed it, and a finding that rests on the two in that order
    holds for one order and not the other.
    """
    event = record.events[index]
    for r in related:
        if r >= index:
            continue
        other = record.events[r]
        if (event.order_uncertain or other.order_uncertain) and (
            other.date.latest >= event.date.earliest
        ):
            return r
    return None


def views(record: CaseRecord) -> list[tuple[str | None, tuple[int, ...]]]:
    """Each account's events (all accounts share the events without one)."""
    if not record.accounts:
        return [(None, tuple(range(len(record.events))))]
    return [
        (
            acc.name,
            tuple(i for i, ev in enumerate(record.events) if ev.account in (None, acc.name)),
        )
        for acc in record.accounts
    ]


def _view(record: CaseRecord, account: str | None) -> tuple[int, ...]:
    for name, view in views(record):
        if name == account:
            return view
    if account is None:
        known = [a.name for a in record.accounts]
        raise UnknownName("account", None, known, context=f"record {record.id!r} has accounts")
    raise UnknownName(
        "account", account, [a.name for a in record.accounts], context=f"record {record.id!r}"
    )


def _replay(
    record: CaseRecord,
    law: Law,
    account: str | None,
    *,
    pending: frozenset[int] = frozenset(),
    as_of: str | None = None,
    trace: list[Seen] | None = None,
) -> Iterator[Step]:
    # The rules measure time between effective dates: a date narrowed by an
    # ``after`` replaces the written one (the caller's record is not changed).
    record = with_effective_dates(record)
    view = _view(record, account)
    run = Replay(
        record=record,
        view=view,
        law=law,
        account=account,
        events_by_id={record.events[i].id: record.events[i] for i in view},
        trace=trace,
        pending=pending,
        as_of=as_of,
    )
    state = State()
    for position, index in enumerate(view):
        result, added = step(run, position, index, state)
        run.fired |= added
        state = result.after
        yield result


def _day(as_of: UncertainDate | datetime.date) -> UncertainDate:
    return as_of if isinstance(as_of, UncertainDate) else UncertainDate.from_date(as_of)


def as_of_record(
    record: CaseRecord, as_of: UncertainDate | datetime.date | None
) -> tuple[CaseRecord, frozenset[int]]:
    """A record with effective dates, as it stood at the end of ``as_of``.

    Returns:
        The record with the events that had certainly not happened by then
        dropped (see :func:`proceedings._timing.point_in_time`), and the
        indices of those that may or may not have (``pending``). Without a
        date, the whole record and no pending event.
    """
    timed = with_effective_dates(record)
    if as_of is None:
        return timed, frozenset()
    view = point_in_time([ev.date for ev in timed.events], _day(as_of))
    if view.counted < len(timed.events):
        timed = attrs.evolve(timed, events=timed.events[: view.counted])
    return timed, view.pending


def _deprecated_law(
    law: Law | None, old: Mapping[str, Any], where: str, *, stacklevel: int = 3
) -> Law:
    # The keywords of 0.1 (rulebooks=, readings=, include_unverified=) still
    # work for one release; they build the Law the caller should build once.
    given = {k: v for k, v in old.items() if v is not None}
    if not given:
        return DEFAULT_LAW if law is None else law
    if law is not None:
        raise TypeError(f"{where}: pass either law= or the deprecated {', '.join(given)}")
    warnings.warn(
        f"{where}({', '.join(f'{k}=' for k in given)}) is deprecated; build a "
        "proceedings.law.Law(rulebooks=..., readings=..., verified_only=...) once and "
        "pass it as law=",
        DeprecationWarning,
        stacklevel=stacklevel,
    )
    return law_from_keywords(
        given.get("rulebooks"),
        given.get("readings"),
        verified_only=not given.get("include_unverified", True),
    )


def law_from_keywords(
    rulebooks: Sequence[Rulebook] | None,
    readings: Mapping[str, str] | None,
    *,
    verified_only: bool = False,
) -> Law:
    """The Law that the 0.1 keywords ``rulebooks=`` and ``readings=`` described.

    The checks of the record ran in 0.1 whatever the rulebooks, so they are
    added when the rulebooks given leave them out.

    Raises:
        InvalidDefinition: The rulebooks do not compose.
        UnknownName: An unknown reading or option.
    """
    from .law import DEFAULT_RULEBOOKS, RECORD  # noqa: PLC0415 - only on the deprecated paths

    books = DEFAULT_RULEBOOKS if rulebooks is None else tuple(rulebooks)
    if RECORD not in books:
        books = (RECORD, *books)
    return Law(rulebooks=books, readings=dict(readings or {}), verified_only=verified_only)


def replay(
    record: CaseRecord,
    law: Law | None = None,
    *,
    account: str | None = None,
) -> Iterator[Step]:
    """Replay one account of a record (audit: nothing is refused).

    Args:
        record: The record.
        law: The law; :data:`proceedings.law.DEFAULT_LAW` if ``None``. A law
            with no rulebooks replays the states alone.
        account: The account to follow; ``None`` for a record without accounts.

    Yields:
        A :class:`Step` per event of that account, in order.

    Raises:
        UnknownName: The record has no such account, or has accounts and
            none was chosen (``kind="account"``).
    """
    return _replay(record, DEFAULT_LAW if law is None else law, account)


def _merge(findings: Iterable[Finding], all_accounts: tuple[str, ...]) -> tuple[Finding, ...]:
    # A finding that holds under several accounts is reported once, listing them.
    merged: dict[tuple[Any, ...], Finding] = {}
    for f in findings:
        key = (f.rule_id, f.event_indices, f.message, f.certainty)
        if key in merged:
            prior = merged[key]
            accounts = tuple(a for a in all_accounts if a in {*prior.accounts, *f.accounts})
            merged[key] = attrs.evolve(prior, accounts=accounts)
        else:
            merged[key] = f
    return sorted_findings(merged.values())


def _chosen_views(
    record: CaseRecord, accounts: Sequence[str] | None
) -> list[tuple[str | None, tuple[int, ...]]]:
    all_views = views(record)
    if accounts is None:
        return all_views
    known = [name for name, _ in all_views if name is not None]
    for name in accounts:
        if name not in known:
            raise UnknownName("account", name, known, context=f"record {record.id!r}")
    return [(n, v) for n, v in all_views if n in accounts]


def validate(
    record: CaseRecord,
    *,
    law: Law | None = None,
    accounts: Sequence[str] | None = None,
    source: str | None = None,
    as_of: UncertainDate | datetime.date | None = None,
    rulebooks: Sequence[Rulebook] | None = None,
    readings: Mapping[str, str] | None = None,
    include_unverified: bool | None = None,
) -> Report:
    """Audit a record: replay every account and list every finding.

    Args:
        record: The case record.
        law: The law to apply; :data:`proceedings.law.DEFAULT_LAW` if ``None``.
        accounts: Evaluate only these accounts (all if ``None``).
        source: Where the record came from, kept in the report.
        as_of: Validate the record as it stood at the end of this date:
            events after it do not count (nor any event listed after one of
            them), and a finding that rests on an event whose date reaches
            past it is undetermined. ``None``: every event counts.
        rulebooks: Deprecated: build a :class:`~proceedings.law.Law`.
        readings: Deprecated: build a :class:`~proceedings.law.Law`.
        include_unverified: Deprecated: ``Law(verified_only=...)``.

    Returns:
        The report; findings are ordered by their triggering event.

    Raises:
        UnknownName: An account the record does not have.
    """
    law = _deprecated_law(
        law,
        {"rulebooks": rulebooks, "readings": readings, "include_unverified": include_unverified},
        "validate",
    )
    chosen = _chosen_views(record, accounts)
    evaluated = tuple(n for n, _ in chosen if n is not None)
    findings: list[Finding] = []
    timed, pending = as_of_record(record, as_of)
    day = None if as_of is None else _day(as_of).text
    for account, _ in chosen:
        for result in _replay(timed, law, account, pending=pending, as_of=day):
            findings.extend(result.findings)
    return Report(
        record_id=record.id,
        findings=_merge(findings, evaluated),
        accounts=evaluated,
        source=source,
    )


def running_deadlines(
    record: CaseRecord,
    state: State,
    law: Law,
    as_of: UncertainDate | datetime.date,
    account: str | None,
    pending: frozenset[int] = frozenset(),
) -> tuple[DeadlineStatus, ...]:
    """The time limits running in ``state`` (the state at the end of a replay) on a date.

    ``pending``: the events that may or may not have happened by then (see
    :func:`as_of_record`); a clock one of them starts may not have started.
    """
    day = _day(as_of)
    out = []
    for country, jstate in state.jurisdictions:
        for rule in law.rules:
            dl = rule.deadline
            if dl is None or not dl.runs_in(jstate):
                continue
            if rule.applies(country, day, law) is Truth.FALSE:
                continue
            start = jstate.mark(dl.start)
            if start is None:
                continue
            started = record.events[start]
            clock, counted_from = started.date, "event"
            begun = Truth.UNKNOWN if start in pending else Truth.TRUE
            if dl.from_served:
                served: UncertainDate | None = getattr(started, "served", None)
                if served is None:
                    counted_from = "event_not_served"
                else:
                    clock, counted_from = served, "served"
                    # Served after the day asked: the clock had not started.
                    if day.before(served) is Truth.TRUE:
                        continue
                    begun &= ~(day.before(served))
            # A last day past 9999-12-31 is on no day the calendar has: add_days
            # saturates there, a true lower bound for the earliest last day but
            # no upper bound for the latest, which is then open ("not before
            # the end of the calendar"). expired is counted in days, not from
            # the saturated day, so it is never TRUE on a representable date.
            past_end = leaves_calendar(clock, dl.in_days())[1]
            out.append(
                DeadlineStatus(
                    rule_id=rule.id,
                    label=dl.label,
                    jurisdiction=country,
                    started_by=started.id,
                    # Saturating: a clock started on an open date has an open due day.
                    due=add_days(clock, dl.in_days()),
                    due_open=(clock.open_start, clock.open_end or past_end),
                    expired=dl.exceeded(days_between(clock, day), hours_between(clock, day)),
                    account=account,
                    started=begun,
                    counted_from=counted_from,
                )
            )
    return tuple(out)


def deadlines(
    record: CaseRecord,
    positional_as_of: UncertainDate | datetime.date | None = None,
    /,
    *,
    as_of: UncertainDate | datetime.date | None = None,
    law: Law | None = None,
    accounts: Sequence[str] | None = None,
    rulebooks: Sequence[Rulebook] | None = None,
    readings: Mapping[str, str] | None = None,
    include_unverified: bool | None = None,
) -> tuple[DeadlineStatus, ...]:
    """Time limits running or expired as of a date (audit).

    The record is replayed as it stood at the end of ``as_of`` (as by
    :func:`validate` with ``as_of``): events after the date do not count, so
    a clock that had not started by then is not running, and one stopped
    later is still running. Unlike :meth:`Proceeding.deadlines`, this
    replays without refusing anything, so it works for records with
    violations, and for each account of a record that has several.

    Args:
        record: The record.
        positional_as_of: Deprecated: pass ``as_of=``.
        as_of: The date to measure against.
        law: The law; :data:`proceedings.law.DEFAULT_LAW` if ``None``.
        accounts: Only these accounts (all if ``None``).
        rulebooks: Deprecated: build a :class:`~proceedings.law.Law`.
        readings: Deprecated: build a :class:`~proceedings.law.Law`.
        include_unverified: Deprecated: ``Law(verified_only=...)``.

    Returns:
        Each running limit per jurisdiction (and per account), with its due
        dates and whether it has expired (three-valued).

    Raises:
        UnknownName: An account the record does not have.
    """
    day = as_of_argument(positional_as_of, as_of, "deadlines")
    law = _deprecated_law(
        law,
        {"rulebooks": rulebooks, "readings": readings, "include_unverified": include_unverified},
        "deadlines",
    )
    out: list[DeadlineStatus] = []
    timed, pending = as_of_record(record, day)
    for account, _ in _chosen_views(record, accounts):
        state = State()
        for result in _replay(timed, law, account, pending=pending, as_of=_day(day).text):
            state = result.after
        out.extend(running_deadlines(timed, state, law, day, account, pending))
    return tuple(out)


def as_of_argument(
    positional: UncertainDate | datetime.date | None,
    as_of: UncertainDate | datetime.date | None,
    where: str,
) -> UncertainDate | datetime.date:
    """The date to measure against, from ``as_of=`` or (deprecated) by position."""
    if positional is not None:
        if as_of is not None:
            raise TypeError(f"{where}() got the date twice (by position and as as_of=)")
        warnings.warn(
            f"{where}(..., date) is deprecated; pass the date as as_of=",
            DeprecationWarning,
            stacklevel=3,
        )
        return positional
    if as_of is None:
        raise TypeError(f"{where}() needs as_of=, the date to measure against")
    return as_of
