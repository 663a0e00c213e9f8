"""One engine, two policies: replay events through the statechart and the rules.

Audit (:func:`validate`) replays every account of a record, never refuses,
and collects every finding. Strict (:class:`Proceeding`) replays the same way
but refuses an event that would produce a violation, naming the rules that
bar it, and leaves the state unchanged. Both call :func:`_step`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ._chart import CHART
from ._checks import FieldProblems
from ._dates import DayRange, Truth, UncertainDate, days_between
from ._errors import Problem, RecordError, TransitionRefused
from ._model import (
    EVENT_TYPE_BY_TAG,
    AppealDecided,
    AppealFiled,
    CaseRecord,
    CriminalConviction,
    Event,
    InterimMeasureLifted,
    PenaltyKind,
    Person,
    Source,
)
from ._probes import probes
from ._report import Certainty, Finding, Report, Severity, sorted_findings
from ._rules import Context, Hit, Law, Rule, Rulebook
from ._statechart import JurisdictionState, Statechart
from .law import DEFAULT_RULEBOOKS


@attrs.frozen(kw_only=True)
class RecordCheck:
    """A check of the record itself, not of the law: it produces findings too.

    Attributes:
        id: Stable id (``REC-DATE-ORDER``).
        title: Short title.
        severity: The severity of its findings.
        description: What it checks and why.
    """

    id: str
    title: str
    severity: Severity
    description: str


#: The record-level checks the engine runs besides the rules; their findings
#: appear in reports all the same.
RECORD_CHECKS: tuple[RecordCheck, ...] = (
    RecordCheck(
        id="REC-DATE-ORDER",
        title="Events listed out of date order",
        severity=Severity.WARNING,
        description=(
            "A record lists its events in the order in which they happened. This check "
            "reports an event whose latest possible day lies before the earliest possible "
            "day of an event listed before it. Either the order of the events or one of "
            "the dates is wrong; rules that measure time between events may be misled "
            "until it is fixed."
        ),
    ),
    RecordCheck(
        id="REC-SEQUENCE",
        title="Event not expected in the person's state",
        severity=Severity.NOTE,
        description=(
            "Replaying the events through the statechart, an event arrived while one of "
            "the person's tracks (custody, asylum, extradition...) was in a state from "
            "which that kind of event does not normally follow: for example an appeal "
            "decided with no appeal on record. An earlier event is probably missing from "
            "the record; add it if the sources report it."
        ),
    ),
)


@attrs.frozen
class State:
    """A person's state in every jurisdiction the record has touched.

    Attributes:
        jurisdictions: ``(country, state)`` pairs, in order of first appearance.
    """

    jurisdictions: tuple[tuple[str, JurisdictionState], ...] = ()
    fired: frozenset[tuple[str, int, Truth]] = frozenset()

    def __getitem__(self, country: str) -> JurisdictionState:
        for code, state in self.jurisdictions:
            if code == country:
                return state
        raise KeyError(country)

    def get(self, country: str, chart: Statechart = CHART) -> JurisdictionState:
        """The jurisdiction's state, or the chart's initial state if untouched."""
        for code, state in self.jurisdictions:
            if code == country:
                return state
        return chart.initial()

    def with_(self, country: str, state: JurisdictionState) -> State:
        pairs = [(c, s) for c, s in self.jurisdictions if c != country]
        known = [c for c, _ in self.jurisdictions]
        if country in known:
            pairs.insert(known.index(country), (country, state))
        else:
            pairs.append((country, state))
        return State(tuple(pairs), self.fired)

    def as_dict(self) -> dict[str, dict[str, str]]:
        """``{country: {track: state}}``, for display."""
        return {code: state.as_dict() for code, state in self.jurisdictions}


@attrs.frozen(kw_only=True)
class Step:
    """One event replayed: the state around it and what the rules found.

    Attributes:
        index: The event's index in the record.
        event: The event.
        before: The state before it.
        after: The state after it (equal to ``before`` if strict refused it).
        findings: What the rules found at this step.
    """

    index: int
    event: Event
    before: State
    after: State
    findings: tuple[Finding, ...]


def _appeal_root(events_by_id: Mapping[str, Event], event: Event) -> str | None:
    # Follow an appeal chain down to the decision at its root: an appeal
    # against the decision on an appeal against an asylum refusal is, for the
    # asylum track, still about the asylum refusal.
    seen: set[str] = set()
    current: Event | None = event
    while current is not None and current.id not in seen:
        seen.add(current.id)
        if isinstance(current, AppealDecided):
            current = events_by_id.get(current.appeal)
        elif isinstance(current, AppealFiled):
            current = events_by_id.get(current.against)
        else:
            return current.type
    return None


def features(event: Event, events_by_id: Mapping[str, Event]) -> Any:
    """The feature lookup the statechart's conditions use for one event."""

    def lookup(name: str) -> Any:
        if name == "appeal_root":
            return _appeal_root(events_by_id, event)
        if name == "has_expulsion_penalty":
            return isinstance(event, CriminalConviction) and any(
                p.kind is PenaltyKind.EXPULSION
                for p in (*event.sentence, *event.additional_penalties)
            )
        if name == "measure_body":
            measure = event
            if isinstance(event, InterimMeasureLifted):
                measure = events_by_id.get(event.measure, event)
            body = getattr(measure, "body", None)
            return body.value if body is not None else None
        if name == "appellant":
            appeal = event
            if isinstance(event, AppealDecided):
                appeal = events_by_id.get(event.appeal, event)
            who = getattr(appeal, "appellant", None)
            return who.value if who is not None else None
        if name == "direction":
            to_country = getattr(event, "to_country", None)
            return "in" if to_country == event.jurisdiction else "out"
        return getattr(event, name, None)

    return lookup


def _path(index: int) -> str:
    return f"$.events[{index}]"


def _applies(rule: Rule, ctx: Context) -> Truth:
    event = ctx.event
    if rule.jurisdictions is not None and event.jurisdiction not in rule.jurisdictions:
        return Truth.FALSE
    truth = rule.in_force_on(event.date)
    if rule.treaty is not None:
        party = ctx.law.party(rule.treaty, event.jurisdiction)
        if party is None:
            return Truth.FALSE
        truth = truth & party.in_force_on(event.date)
    return truth


def _finding(
    rule: Rule,
    ctx: Context,
    truth: Truth,
    hit: Hit,
    message: str,
    account: str | None,
) -> Finding:
    party = ctx.law.party(rule.treaty, ctx.event.jurisdiction) if rule.treaty else None
    unverified: tuple[str, ...] = ("rule",) if not rule.verified else ()
    if party is not None and not party.verified:
        unverified += (f"party:{party.treaty}:{party.state}",)
    indices = (ctx.index, *[i for i in hit.related if i != ctx.index])
    return Finding(
        rule_id=rule.id,
        severity=rule.severity,
        certainty=Certainty.of(truth),
        message=message,
        events=tuple(_path(i) for i in indices),
        event_ids=tuple(ctx.at(i).id for i in indices),
        accounts=(account,) if account is not None else (),
        citations=rule.citations,
        verified=not unverified,
        unverified=unverified,
        date=ctx.event.date.text,
        retrospective=hit.retrospective,
    )


def _step(
    record: CaseRecord,
    view: tuple[int, ...],
    index: int,
    state: State,
    law: Law,
    events_by_id: Mapping[str, Event],
    account: str | None,
    chart: Statechart = CHART,
) -> Step:
    """Replay one event: fire the chart, run the rules. Shared by both policies."""
    event = record.events[index]
    before_j = state.get(event.jurisdiction, chart)
    after_j, unexpected = chart.fire(before_j, event, index, features(event, events_by_id))
    ctx = Context(
        record=record,
        view=view,
        index=index,
        before=before_j,
        after=after_j,
        states=dict(state.jurisdictions),
        law=law,
    )
    found: list[Finding] = []
    fired = set(state.fired)
    for rule in law.rules_for(event.type):
        applies = _applies(rule, ctx)
        if applies is Truth.FALSE:
            continue
        for hit in rule.check(ctx):
            truth = hit.truth & applies
            if truth is Truth.FALSE:
                continue
            if hit.anchor is not None:
                if (rule.id, hit.anchor, Truth.TRUE) in fired or (
                    rule.id,
                    hit.anchor,
                    truth,
                ) in fired:
                    continue
                fired.add((rule.id, hit.anchor, truth))
            message = hit.message
            if applies is Truth.UNKNOWN:
                message += " (whether the rule was in force on that date depends on the exact date)"
            finding = _finding(rule, ctx, truth, hit, message, account)
            if law.include_unverified or finding.verified:
                found.append(finding)
    for track, current in unexpected:
        found.append(
            Finding(
                rule_id="REC-SEQUENCE",
                severity=Severity.NOTE,
                certainty=Certainty.CERTAIN,
                message=(
                    f"{event.type.replace('_', ' ').capitalize()} {event.id!r} is not expected "
                    "while the "
                    f"{track} track is '{current}'; an earlier event may be missing"
                ),
                events=(_path(index),),
                event_ids=(event.id,),
                accounts=(account,) if account is not None else (),
                date=event.date.text,
            )
        )
    after = attrs.evolve(state.with_(event.jurisdiction, after_j), fired=frozenset(fired))
    return Step(index=index, event=event, before=state, after=after, findings=tuple(found))


def _order_findings(
    record: CaseRecord, view: Sequence[int], account: str | None
) -> Iterable[Finding]:
    # Events are listed in the order they happened. An event whose latest
    # possible day is before the earliest possible day of an event listed
    # before it contradicts that order.
    latest_start: tuple[datetime.date, int] | None = None
    for i in view:
        ev = record.events[i]
        if latest_start is not None and ev.date.latest < latest_start[0]:
            j = latest_start[1]
            other = record.events[j]
            yield Finding(
                rule_id="REC-DATE-ORDER",
                severity=Severity.WARNING,
                certainty=Certainty.CERTAIN,
                message=(
                    f"Event {ev.id!r} ({ev.date.text}) is listed after {other.id!r} "
                    f"({other.date.text}) but lies wholly before it; events must be listed "
                    "in the order they happened"
                ),
                events=(_path(i), _path(j)),
                event_ids=(ev.id, other.id),
                accounts=(account,) if account is not None else (),
                date=ev.date.text,
            )
        if latest_start is None or ev.date.earliest > latest_start[0]:
            latest_start = (ev.date.earliest, i)


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


def replay(record: CaseRecord, law: Law, *, account: str | None = None) -> Iterable[Step]:
    """Replay one account of a record (audit: nothing is refused).

    Args:
        record: The record.
        law: The composed rulebooks and readings.
        account: The account to follow; ``None`` for a record without accounts.

    Yields:
        A :class:`Step` per event of that account, in order.
    """
    chosen = [v for name, v in views(record) if name == account]
    if not chosen:
        names = ", ".join(a.name for a in record.accounts) or "none"
        raise ValueError(f"record {record.id!r} has no account {account!r} (accounts: {names})")
    view = chosen[0]
    by_id = {record.events[i].id: record.events[i] for i in view}
    state = State()
    for index in view:
        step = _step(record, view, index, state, law, by_id, account)
        state = step.after
        yield step


def _merge(findings: Iterable[Finding], all_accounts: tuple[str, ...]) -> tuple[Finding, ...]:
    # A finding that holds under several accounts is reported once, listing them.
    merged: dict[tuple[Any, ...], Finding] = {}
    for f in findings:
        key = (f.rule_id, f.events, f.message, f.certainty)
        if key in merged:
            prior = merged[key]
            accounts = tuple(a for a in all_accounts if a in {*prior.accounts, *f.accounts})
            merged[key] = attrs.evolve(prior, accounts=accounts)
        else:
            merged[key] = f
    return sorted_findings(merged.values())


_LAWS: dict[tuple[Any, ...], tuple[tuple[Rulebook, ...], Law]] = {}


def _law(
    rulebooks: Sequence[Rulebook] | None,
    readings: Mapping[str, str] | None,
    include_unverified: bool,
) -> Law:
    # Composing and checking the law costs more than validating a small record;
    # a corpus run asks for the same law thousands of times. Rulebooks hold
    # functions and mappings, so they are keyed by identity (and kept alive
    # in the cache so that an id is never reused for another rulebook).
    books = DEFAULT_RULEBOOKS if rulebooks is None else tuple(rulebooks)
    chosen = dict(readings or {})
    key = (tuple(id(b) for b in books), tuple(sorted(chosen.items())), include_unverified)
    cached = _LAWS.get(key)
    if cached is None:
        if len(_LAWS) >= 64:
            _LAWS.clear()
        law = Law(rulebooks=books, chosen=chosen, include_unverified=include_unverified)
        cached = _LAWS[key] = (books, law)
    return cached[1]


def validate(
    record: CaseRecord,
    *,
    rulebooks: Sequence[Rulebook] | None = None,
    readings: Mapping[str, str] | None = None,
    accounts: Sequence[str] | None = None,
    include_unverified: bool = True,
    source: str | None = None,
) -> Report:
    """Audit a record: replay every account and list every finding.

    Args:
        record: The case record.
        rulebooks: The rulebooks to apply; the library's defaults if ``None``.
        readings: ``{reading: option}`` for disputed points of law.
        accounts: Evaluate only these accounts (all if ``None``).
        include_unverified: Also report findings that rest on anything
            unverified: a rule's source text or a treaty party's date (such
            findings say what is unverified). ``False`` keeps only findings
            resting wholly on verified sources.
        source: Where the record came from, kept in the report.

    Returns:
        The report; findings are ordered by their triggering event.

    Raises:
        ValueError: An unknown reading, option or account.
    """
    law = _law(rulebooks, readings, include_unverified)
    all_views = views(record)
    if accounts is not None:
        known = {name for name, _ in all_views}
        unknown = [a for a in accounts if a not in known]
        if unknown:
            names = ", ".join(a.name for a in record.accounts) or "none"
            raise ValueError(f"record {record.id!r} has no account {unknown[0]!r} ({names})")
        all_views = [(n, v) for n, v in all_views if n in accounts]
    evaluated = tuple(n for n, _ in all_views if n is not None)
    findings: list[Finding] = []
    for account, _ in all_views:
        view = dict(all_views)[account]
        findings.extend(_order_findings(record, view, account))
        for step in replay(record, law, account=account):
            findings.extend(step.findings)
    return Report(
        record_id=record.id,
        findings=_merge(findings, evaluated),
        accounts=evaluated,
        source=source,
    )


@attrs.frozen(kw_only=True)
class Permission:
    """Whether one kind of event may lawfully happen next.

    Attributes:
        event_type: The event type.
        variant: What the probe was (``channel=extradition``), if it varies.
        lawful: ``TRUE`` if no rule bars it, ``FALSE`` if one certainly does,
            ``UNKNOWN`` if one may, depending on dates.
        barred_by: The findings that bar it.
    """

    event_type: str
    variant: str | None
    lawful: Truth
    barred_by: tuple[Finding, ...] = ()


@attrs.frozen(kw_only=True)
class DeadlineStatus:
    """A running or expired time limit, as of a date.

    Attributes:
        rule_id: The rule that sets it.
        label: What must happen in time.
        jurisdiction: Where.
        started_by: The id of the event that started the clock.
        due: ``(earliest, latest)`` possible last day.
        expired: Whether it has run out as of the date asked.
        account: The account it was computed under, for a record with accounts.
    """

    rule_id: str
    label: str
    jurisdiction: str
    started_by: str
    due: tuple[datetime.date, datetime.date]
    expired: Truth
    account: str | None = None


def _deadlines(
    record: CaseRecord,
    state: State,
    law: Law,
    as_of: UncertainDate | datetime.date,
    account: str | None,
) -> tuple[DeadlineStatus, ...]:
    day = as_of if isinstance(as_of, UncertainDate) else UncertainDate.from_date(as_of)
    out = []
    for country, jstate in state.jurisdictions:
        for rule in law.rules:
            dl = rule.deadline
            if dl is None or not dl.runs_in(jstate):
                continue
            if rule.jurisdictions is not None and country not in rule.jurisdictions:
                continue
            if rule.in_force_on(day) is Truth.FALSE:
                continue
            if rule.treaty is not None:
                party = law.party(rule.treaty, country)
                if party is None or party.in_force_on(day) is Truth.FALSE:
                    continue
            start = jstate.mark(dl.start)
            if start is None:
                continue
            started = record.events[start]
            elapsed: DayRange = days_between(started.date, day)
            days = dl.in_days()
            out.append(
                DeadlineStatus(
                    rule_id=rule.id,
                    label=dl.label,
                    jurisdiction=country,
                    started_by=started.id,
                    due=(
                        started.date.earliest + datetime.timedelta(days=days),
                        started.date.latest + datetime.timedelta(days=days),
                    ),
                    expired=dl.exceeded(elapsed),
                    account=account,
                )
            )
    return tuple(out)


def deadlines(
    record: CaseRecord,
    as_of: UncertainDate | datetime.date,
    *,
    rulebooks: Sequence[Rulebook] | None = None,
    readings: Mapping[str, str] | None = None,
    accounts: Sequence[str] | None = None,
    include_unverified: bool = True,
) -> tuple[DeadlineStatus, ...]:
    """Time limits running or expired at the end of a record, as of a date (audit).

    Unlike :meth:`Proceeding.deadlines`, this replays the record without
    refusing anything, so it works for records with violations, and for each
    account of a record that has several.

    Args:
        record: The record.
        as_of: The date to measure against.
        rulebooks: As for :func:`validate`.
        readings: As for :func:`validate`.
        accounts: Only these accounts (all if ``None``).
        include_unverified: As for :func:`validate`.

    Returns:
        Each running limit per jurisdiction (and per account), with its due
        dates and whether it has expired (three-valued).
    """
    law = _law(rulebooks, readings, include_unverified)
    out: list[DeadlineStatus] = []
    for account, _ in views(record):
        if accounts is not None and account not in accounts:
            continue
        state = State()
        for step in replay(record, law, account=account):
            state = step.after
        out.extend(_deadlines(record, state, law, as_of, account))
    return tuple(out)


class Proceeding:
    """Strict policy: a case that refuses unlawful events.

    Build one for a person, then :meth:`apply` events as they happen. An
    event that would breach a rule is refused with
    :class:`~proceedings.TransitionRefused`, which names the rules and their
    citations, and the state does not change.

    Args:
        person: Whom the proceedings are about.
        record_id: The id of the record the proceeding builds up.
        sources: Sources that events may cite.
        rulebooks: The rulebooks; the library's defaults if ``None``.
        readings: ``{reading: option}`` for disputed points of law.
        refuse_undetermined: Also refuse an event that *may* breach a rule
            depending on uncertain dates (the default: a tool that keeps to
            the law must not take that chance).
        include_unverified: Also enforce rules whose text is unverified.
    """

    def __init__(
        self,
        person: Person,
        *,
        record_id: str = "proceeding",
        sources: Sequence[Source] = (),
        rulebooks: Sequence[Rulebook] | None = None,
        readings: Mapping[str, str] | None = None,
        refuse_undetermined: bool = True,
        include_unverified: bool = True,
    ) -> None:
        self._law = _law(rulebooks, readings, include_unverified)
        self._record = CaseRecord(id=record_id, person=person, sources=tuple(sources))
        self._state = State()
        self._steps: list[Step] = []
        self._refuse_undetermined = refuse_undetermined

    @classmethod
    def from_record(
        cls, record: CaseRecord, *, account: str | None = None, **kwargs: Any
    ) -> Proceeding:
        """Apply a record's events one by one; raises at the first refused one.

        Args:
            record: The record.
            account: For a record with accounts, the one to follow (its events
                are applied without their account tag).
            kwargs: As for the constructor.

        Raises:
            TransitionRefused: An event breaches a rule.
            ValueError: The record has accounts and none (or an unknown one)
                was chosen.
        """
        names = [a.name for a in record.accounts]
        if names and account not in names:
            raise ValueError(
                f"record {record.id!r} has accounts ({', '.join(names)}); choose one: "
                "a strict proceeding follows one version of events"
            )
        if not names and account is not None:
            raise ValueError(f"record {record.id!r} has no accounts")
        proc = cls(record.person, record_id=record.id, sources=record.sources, **kwargs)
        for event in record.events:
            if event.account in (None, account):
                proc.apply(attrs.evolve(event, account=None))
        return proc

    @property
    def record(self) -> CaseRecord:
        """The record of every accepted event."""
        return self._record

    @property
    def state(self) -> State:
        return self._state

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(self._steps)

    def _bars(self, finding: Finding) -> bool:
        if finding.severity is not Severity.VIOLATION or finding.retrospective:
            return False
        return finding.certainty is Certainty.CERTAIN or self._refuse_undetermined

    def _try(self, event: Event) -> tuple[CaseRecord, Step]:
        if event.account is not None:
            raise ValueError("a strict proceeding follows one account; events carry none")
        try:
            record = attrs.evolve(self._record, events=(*self._record.events, event))
        except FieldProblems as exc:
            problems = [Problem(path=f"$.{name}", message=msg) for name, msg in exc.problems]
            raise RecordError(problems, source=self._record.id) from None
        index = len(record.events) - 1
        # Time only moves forward: an event wholly before one already applied
        # would let a time limit be dodged by back-dating.
        for earlier in self._record.events:
            if event.date.latest < earlier.date.earliest:
                raise RecordError(
                    [
                        Problem(
                            path=f"$.events[{index}].date",
                            message=(
                                f"{event.date.text} lies wholly before event {earlier.id!r} "
                                f"({earlier.date.text}); a proceeding takes events in the "
                                "order they happened"
                            ),
                        )
                    ],
                    source=self._record.id,
                )
        view = tuple(range(len(record.events)))
        by_id = {ev.id: ev for ev in record.events}
        step = _step(record, view, index, self._state, self._law, by_id, None)
        return record, step

    def check(self, event: Event) -> tuple[Finding, ...]:
        """The findings ``event`` would produce now, without applying it."""
        return self._try(event)[1].findings

    def apply(self, event: Event) -> Step:
        """Apply an event, or refuse it.

        Returns:
            The step (with any warnings and notes it produced).

        Raises:
            TransitionRefused: It would breach a rule; nothing changed.
            RecordError: It does not fit the record (repeated id, dangling
                reference, undeclared source, a date wholly before an event
                already applied).
        """
        record, step = self._try(event)
        barring = tuple(f for f in step.findings if self._bars(f))
        if barring:
            raise TransitionRefused(event.id, barring)
        self._record = record
        self._state = step.after
        self._steps.append(step)
        return step

    def allowed(
        self, *, on: UncertainDate | datetime.date, jurisdiction: str | None = None
    ) -> tuple[Permission, ...]:
        """What may lawfully happen next, and for what is barred, why.

        Each event type is probed with a representative event on the date
        given (a removal once per channel, towards each of the person's
        nationalities). Events that refer to earlier ones (appeals) are
        probed against the latest event they could refer to.

        Args:
            on: The date the next event would happen.
            jurisdiction: Where; the jurisdiction of the last event if ``None``.
        """
        day = on if isinstance(on, UncertainDate) else UncertainDate.from_date(on)
        where = jurisdiction or (
            self._record.events[-1].jurisdiction if self._record.events else None
        )
        if where is None:
            raise ValueError("give a jurisdiction: the proceeding has no events yet")
        result = []
        for event_type, variant, event in probes(self._record, where, day):
            try:
                findings = self.check(event)
            except (RecordError, ValueError):  # pragma: no cover - probes are built valid
                continue
            # As in apply(): a retrospective finding does not bar the event.
            barring = tuple(
                f for f in findings if f.severity is Severity.VIOLATION and not f.retrospective
            )
            if not barring:
                lawful = Truth.TRUE
            elif any(f.certainty is Certainty.CERTAIN for f in barring):
                lawful = Truth.FALSE
            else:
                lawful = Truth.UNKNOWN
            result.append(
                Permission(event_type=event_type, variant=variant, lawful=lawful, barred_by=barring)
            )
        assert {p.event_type for p in result} <= set(EVENT_TYPE_BY_TAG)
        return tuple(result)

    def deadlines(self, as_of: UncertainDate | datetime.date) -> tuple[DeadlineStatus, ...]:
        """Running and expired time limits as of a date.

        Args:
            as_of: The date to measure against (never the clock: pass it in).
        """
        return _deadlines(self._record, self._state, self._law, as_of, None)
