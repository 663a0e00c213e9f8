"""Rules as data: citations, dates in force, severity, readings and a pure check.

A rule never reads the clock and never mutates anything: its check receives a
:class:`Context` (the state before and after one event, the event, the
record) and returns :class:`Hit` values, each with a three-valued truth.
The engine turns hits into findings; the strict policy turns violations into
refusals. There is no other implementation of the law.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import itertools
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, TypeAlias, TypeVar, overload

import attrs

from ._chart import CHART
from ._countries import ISO_3166_ALPHA2
from ._dates import Truth, UncertainDate
from ._durations import DayRange, HourRange, days_between, hours_between
from ._errors import InvalidDefinition, UnknownName
from ._findings import Citation, Severity
from ._model import EVENT_TYPE_BY_TAG, CaseRecord, Charge, Event, OffenceCategory
from ._rule_parts import Deadline, Hit, NonParty, Offence, Party, Reading
from ._statechart import JurisdictionState, Statechart, index_by

T = TypeVar("T")
E = TypeVar("E", bound=Event)
F = TypeVar("F", bound=Event)

_RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Za-z0-9.]+)+$")


def _event_tags(on: Iterable[str | type[Event]]) -> frozenset[str]:
    # Rules name their triggers as event classes (Rule(on=(Removal,))) or as
    # the JSON tags (on=frozenset({"removal"})); either way they are kept as
    # tags, which the engine indexes by.
    if isinstance(on, str):
        on = (on,)
    return frozenset(t.type if isinstance(t, type) and issubclass(t, Event) else str(t) for t in on)


#: What a rule's check is: a pure function of one event in its context that
#: yields what it found. (Named like structlog's ``Processor``, so that check
#: factories can be typed.)
Check: TypeAlias = "Callable[[Context], Iterable[Hit]]"

#: The kinds of rule: a rule of law (it needs a citation), or a check of the
#: record itself (its order, its consistency with the procedure).
RULE_KINDS = ("law", "record")


@attrs.frozen(kw_only=True)
class Rule:
    """A legal rule (or a check of the record): data about the norm, and a pure check.

    Attributes:
        id: Stable id (``KZ-CPC-592``).
        title: A short title.
        citations: Where the norm is (at least one for a rule of law; none
            for a record check).
        severity: Violation, warning or note.
        on: The event types that trigger the check: event classes
            (``(Removal,)``) or their ``type`` tags; kept as tags.
        check: The pure check.
        verified: Whether its source text was checked (``False`` for a rule
            resting on a text recalled, not read).
        verification: What exactly is and is not verified.
        kind: ``"law"`` (a rule of law) or ``"record"`` (a check of the
            record itself, made whatever the law: it cites nothing).
        description: What it checks and why, in a paragraph.
        jurisdictions: Where it applies; ``None`` for everywhere.
        in_force: ``(from, until)``; ``None`` for an open end.
        treaty: It binds a state only while that state is party to this treaty.
        readings: The readings the check consults.
        deadline: The time limit it enforces, if any.
        example: A one-line example of what makes it fire.
        case_law: The decided cases whose reading of the norm the rule
            follows (``Soering v. the United Kingdom, no. 14038/88, ...``).
    """

    id: str
    title: str
    citations: tuple[Citation, ...]
    severity: Severity
    on: frozenset[str] = attrs.field(converter=_event_tags)
    check: Check = attrs.field(eq=False, repr=False)
    verified: bool
    verification: str
    kind: str = "law"
    description: str = ""
    jurisdictions: frozenset[str] | None = None
    in_force: tuple[datetime.date | None, datetime.date | None] = (None, None)
    treaty: str | None = None
    readings: tuple[str, ...] = ()
    deadline: Deadline | None = None
    example: str | None = None
    case_law: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        problems = []
        if not _RULE_ID.match(self.id):
            problems.append("id must look like KZ-CPC-592")
        if self.kind not in RULE_KINDS:
            problems.append(f"kind must be one of {', '.join(RULE_KINDS)}")
        if self.kind == "law" and not self.citations:
            problems.append("a rule of law needs at least one citation")
        unknown = sorted(self.on - set(EVENT_TYPE_BY_TAG))
        if unknown or not self.on:
            problems.append(f"unknown or no trigger event types {unknown}")
        if self.jurisdictions is not None and not self.jurisdictions <= ISO_3166_ALPHA2:
            problems.append("jurisdictions must be ISO 3166-1 alpha-2 codes")
        start, end = self.in_force
        if start is not None and end is not None and start > end:
            problems.append("in_force starts after it ends")
        if problems:
            raise InvalidDefinition(f"rule {self.id!r}: " + "; ".join(problems), ids=[self.id])

    def in_force_on(self, day: UncertainDate) -> Truth:
        """Whether the rule was in force on ``day`` (three-valued)."""
        start, end = self.in_force
        if start is None and end is None:
            return Truth.TRUE
        truth = Truth.TRUE
        if start is not None:
            truth = truth & _compare(day.earliest >= start, day.latest < start)
        if end is not None:
            truth = truth & _compare(day.latest <= end, day.earliest > end)
        return truth

    def applies(self, jurisdiction: str, day: UncertainDate, law: Law) -> Truth:
        """Whether the rule binds ``jurisdiction`` on ``day`` (three-valued).

        It must apply there, be in force that day and, for a treaty rule,
        the state must be party to the treaty that day.
        """
        if self.jurisdictions is not None and jurisdiction not in self.jurisdictions:
            return Truth.FALSE
        # A known non-party is not bound; a state not in the table at all may be.
        in_force = self.in_force_on(day)
        if in_force is Truth.FALSE or self.treaty is None:
            return in_force
        return in_force & self.binds(jurisdiction, day, law)

    def binds(self, state: str, day: UncertainDate, law: Law) -> Truth:
        """Whether the rule's treaty binds ``state`` on ``day`` (``TRUE`` for a rule of no treaty).

        ``FALSE`` for a known non-party, ``UNKNOWN`` for a state the party
        table does not know (or a date near its entry into force).
        """
        if self.treaty is None:
            return Truth.TRUE
        party = law.party(self.treaty, state)
        if party is None:
            return Truth.FALSE if law.non_party(self.treaty, state) else Truth.UNKNOWN
        return party.in_force_on(day)

    def may_apply_in(self, jurisdiction: str, law: Law) -> bool:
        """Whether the rule can bind ``jurisdiction`` on some day (ignoring dates)."""
        if self.jurisdictions is not None and jurisdiction not in self.jurisdictions:
            return False
        return self.treaty is None or not law.non_party(self.treaty, jurisdiction)


def _compare(certainly: bool, certainly_not: bool) -> Truth:
    if certainly:
        return Truth.TRUE
    if certainly_not:
        return Truth.FALSE
    return Truth.UNKNOWN


@attrs.frozen(kw_only=True)
class Rulebook:
    """A named set of rules, with the readings, treaty parties and offences they use.

    Rulebooks are composed by passing several to :func:`proceedings.validate`
    or :class:`proceedings.Proceeding`; a user's own rulebook is just another
    one. Checked when built: unique rule ids, readings declared.

    Attributes:
        name: Short name (``kazakhstan``).
        title: Human title.
        rules: The rules.
        readings: Readings its rules (or others') consult.
        parties: Treaty parties its rules depend on.
        non_parties: States known not to be party to a treaty its rules
            depend on (a state in neither list is unknown).
        offences: Offence catalogue entries.
        description: What it covers and what it leaves out.
    """

    name: str
    title: str
    rules: tuple[Rule, ...] = ()
    readings: tuple[Reading, ...] = ()
    parties: tuple[Party, ...] = ()
    offences: tuple[Offence, ...] = ()
    description: str = ""
    non_parties: tuple[NonParty, ...] = ()

    def __attrs_post_init__(self) -> None:
        ids = [r.id for r in self.rules]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise InvalidDefinition(f"rulebook {self.name!r}: duplicate rule ids", ids=dupes)
        names = [r.name for r in self.readings]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise InvalidDefinition(f"rulebook {self.name!r}: duplicate readings", ids=dupes)

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id.

        Raises:
            UnknownName: The rulebook has none (``kind="rule"``; also a ``KeyError``).
        """
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise UnknownName(
            "rule", rule_id, [r.id for r in self.rules], context=f"rulebook {self.name!r}"
        )


def _chart_names(law_rules: Iterable[Rule], chart: Statechart) -> list[str]:
    # Every track, state and mark a deadline names must exist in the chart:
    # a misspelt one would never match, and the rule would silently never fire.
    bad: list[str] = []
    marks = chart.marks
    for rule in law_rules:
        dl = rule.deadline
        if dl is None:
            continue
        if dl.start not in marks:
            bad.append(f"{rule.id}: mark {dl.start!r}")
        for track, states in dl.running_while.items():
            if track not in chart.track_names:
                bad.append(f"{rule.id}: track {track!r}")
                continue
            declared = chart.track(track).states
            bad += [f"{rule.id}: state {track}.{s}" for s in states if s not in declared]
    return bad


def _books(books: Iterable[Rulebook]) -> tuple[Rulebook, ...]:
    return tuple(books)


def _options(readings: Mapping[str, str]) -> dict[str, str]:
    return dict(readings)


def _selectors(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        values = (values,)
    return tuple(sorted({v.strip().upper() for v in values}))


def _chosen(rules: Sequence[Rule], selector: str) -> set[str]:
    """The ids a selector chooses: the rule of that id, else the ids it starts, up to a
    hyphen (``KZ-CPC-587`` is one rule; ``KZ-CPC`` is all of ``KZ-CPC-*``)."""
    ids = {r.id for r in rules}
    if selector in ids:
        return {selector}
    return {i for i in ids if i.startswith(selector + "-")}


@attrs.frozen(kw_only=True)
class Law:
    """Several rulebooks composed, with the readings chosen: what a replay uses.

    Build one once and pass it as ``law=`` to :func:`proceedings.validate`,
    :func:`proceedings.deadlines` and :class:`proceedings.Proceeding`;
    :data:`proceedings.law.DEFAULT_LAW` is the library's rulebooks with every
    reading at its default.

    Attributes:
        rulebooks: The rulebooks, in order.
        readings: ``{reading: option}`` for disputed points of law; a reading
            not named takes its default.
        verified_only: Keep only findings resting wholly on verified sources:
            rules whose source text is unverified are left out, and so are
            findings of a verified rule that depend on an unverified date of
            a state becoming party to its treaty.
        chart: The statechart the rules are written against.
        select: Apply only the rules these select (empty: all). A selector is
            a rule id (``KZ-CPC-587``: that rule only), or else the start of
            ids up to a hyphen (``KZ`` selects ``KZ-CPC-592`` and
            ``KZ-GOV-175``; ``REC`` the record checks), in any case.
        ignore: Leave out the rules these select, after :attr:`select`.

    Raises:
        InvalidDefinition: Rule ids clash across rulebooks, a rule uses an
            undeclared reading, or a deadline names a mark, track or state the
            chart does not have.
        UnknownName: ``readings`` names an unknown reading (``kind="reading"``)
            or option (``kind="option"``); a selector of ``select`` or
            ``ignore`` selects no rule (``kind="rule"``).
    """

    rulebooks: tuple[Rulebook, ...] = attrs.field(converter=_books)
    readings: Mapping[str, str] = attrs.field(factory=dict, converter=_options)
    verified_only: bool = False
    chart: Statechart = CHART
    select: tuple[str, ...] = attrs.field(default=(), converter=_selectors)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_selectors)
    _by_type: dict[str, tuple[Rule, ...]] = attrs.field(init=False, eq=False, repr=False)
    _declared: dict[str, Reading] = attrs.field(init=False, eq=False, repr=False)
    _parties: dict[tuple[str, str], Party] = attrs.field(init=False, eq=False, repr=False)
    _non_parties: frozenset[tuple[str, str]] = attrs.field(init=False, eq=False, repr=False)
    _applied: tuple[Rule, ...] = attrs.field(init=False, eq=False, repr=False)
    # Filled as replays ask: the rules that may bind a jurisdiction, by
    # (event type, jurisdiction); whether a rule applies, by (rule id,
    # jurisdiction, date text). Neither changes for a given law.
    _at: dict[tuple[str, str], tuple[Rule, ...]] = attrs.field(
        init=False, eq=False, repr=False, factory=dict
    )
    _applies: dict[tuple[str, str, str], Truth] = attrs.field(
        init=False, eq=False, repr=False, factory=dict
    )
    _unconditional: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        ids = [r.id for book in self.rulebooks for r in book.rules]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise InvalidDefinition("rule ids repeat across rulebooks", ids=dupes)
        clashing = sorted(
            {
                a.name
                for book in self.rulebooks
                for a in book.readings
                for other in self.rulebooks
                for b in other.readings
                if a.name == b.name and a != b
            }
        )
        if clashing:
            raise InvalidDefinition(
                "rulebooks declare different readings by one name", ids=clashing
            )
        declared = {r.name: r for book in self.rulebooks for r in book.readings}
        object.__setattr__(self, "_declared", declared)
        every = self.all_rules
        missing = sorted({n for r in every for n in r.readings if n not in declared})
        if missing:
            raise InvalidDefinition("rules use readings no rulebook declares", ids=missing)
        bad = _chart_names(every, self.chart)
        if bad:
            raise InvalidDefinition("deadlines name what the statechart does not have", ids=bad)
        for name, option in self.readings.items():
            if name not in declared:
                raise UnknownName("reading", name, sorted(declared))
            if option not in declared[name].options:
                raise UnknownName(
                    "option", option, tuple(declared[name].options), context=f"reading {name!r}"
                )
        parties: dict[tuple[str, str], Party] = {}
        for book in self.rulebooks:
            for party in book.parties:
                parties.setdefault((party.treaty, party.state), party)
        object.__setattr__(self, "_parties", parties)
        non_parties = {
            (n.treaty, n.state)
            for book in self.rulebooks
            for n in book.non_parties
            if (n.treaty, n.state) not in parties
        }
        object.__setattr__(self, "_non_parties", frozenset(non_parties))
        chosen = {s: _chosen(every, s) for s in (*self.select, *self.ignore)}
        for selector, picked in chosen.items():
            if not picked:
                raise UnknownName("rule", selector, [r.id for r in every])
        selected: set[str] = set().union(*(chosen[s] for s in self.select))
        ignored: set[str] = set().union(*(chosen[s] for s in self.ignore))
        applied = tuple(
            r
            for r in every
            if (not self.verified_only or r.verified)
            and (not self.select or r.id in selected)
            and r.id not in ignored
        )
        object.__setattr__(self, "_applied", applied)
        # Rules indexed by the event types that trigger them: a replay asks
        # for them once per event.
        object.__setattr__(self, "_by_type", index_by(applied, lambda r: r.on))
        object.__setattr__(
            self,
            "_unconditional",
            frozenset(
                r.id
                for r in applied
                if r.jurisdictions is None and r.treaty is None and r.in_force == (None, None)
            ),
        )

    @property
    def all_rules(self) -> tuple[Rule, ...]:
        """Every rule of every rulebook, verified or not."""
        return tuple(r for book in self.rulebooks for r in book.rules)

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The rules applied: all of them, or those :attr:`verified_only`, :attr:`select` and
        :attr:`ignore` keep."""
        return self._applied

    @property
    def declared_readings(self) -> dict[str, Reading]:
        """Every reading the rulebooks declare, by name."""
        return dict(self._declared)

    def rules_for(self, event_type: str) -> tuple[Rule, ...]:
        """The rules an event of this type triggers, in rulebook order."""
        return self._by_type.get(event_type, ())

    def rules_at(self, event_type: str, jurisdiction: str) -> tuple[Rule, ...]:
        """The rules an event of this type triggers that may bind ``jurisdiction``
        on some day (:meth:`Rule.may_apply_in`), in rulebook order."""
        key = (event_type, jurisdiction)
        found = self._at.get(key)
        if found is None:
            found = tuple(
                r for r in self.rules_for(event_type) if r.may_apply_in(jurisdiction, self)
            )
            self._at[key] = found
        return found

    def applies(self, rule: Rule, jurisdiction: str, day: UncertainDate) -> Truth:
        """:meth:`Rule.applies` under this law, computed once per rule, place and date."""
        if rule.id in self._unconditional:
            return Truth.TRUE
        key = (rule.id, jurisdiction, day.text)
        found = self._applies.get(key)
        if found is None:
            if len(self._applies) >= _APPLIES_MAX:
                self._applies.clear()  # a corpus of distinct dates keeps memory flat
            found = self._applies[key] = rule.applies(jurisdiction, day, self)
        return found

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id (verified or not).

        Raises:
            UnknownName: No rulebook has it (``kind="rule"``).
        """
        return self.rulebook_of(rule_id).rule(rule_id)

    def rulebook_of(self, rule_id: str) -> Rulebook:
        """The rulebook that holds the rule with this id.

        Raises:
            UnknownName: No rulebook has it (``kind="rule"``).
        """
        for book in self.rulebooks:
            if any(r.id == rule_id for r in book.rules):
                return book
        raise UnknownName("rule", rule_id, [r.id for r in self.all_rules])

    def reading(self, name: str) -> str:
        """The chosen option of a reading (its default unless chosen).

        Raises:
            UnknownName: No rulebook declares it (``kind="reading"``).
        """
        if name in self.readings:
            return self.readings[name]
        if name not in self._declared:
            raise UnknownName("reading", name, sorted(self._declared))
        return self._declared[name].default

    def party(self, treaty: str, state: str) -> Party | None:
        """When ``state`` became party to ``treaty``, if a rulebook says."""
        return self._parties.get((treaty, state))

    def non_party(self, treaty: str, state: str) -> bool:
        """Whether a rulebook says ``state`` is not party to ``treaty``."""
        return (treaty, state) in self._non_parties

    def category(self, charge: Charge, on: UncertainDate) -> OffenceCategory:
        """A charge's category: as the record states it, else from the catalogues."""
        if charge.category is not None:
            return charge.category
        entry = self.offence(charge, on)
        return entry.category if entry is not None else OffenceCategory.UNKNOWN

    def offence(self, charge: Charge, on: UncertainDate) -> Offence | None:
        """The catalogue entry for a charge in force on a date (most specific first)."""
        candidates = [
            o
            for book in self.rulebooks
            for o in book.offences
            if o.matches(charge)
            and (o.since is None or o.since <= on.latest)
            and (o.until is None or o.until >= on.earliest)
        ]
        candidates.sort(key=lambda o: o.part is None)
        return candidates[0] if candidates else None


#: How many answers of :meth:`Law.applies` a law keeps.
_APPLIES_MAX = 1 << 16


@attrs.define(eq=False)
class Memo:
    """Values a replay computes once and its rules share (engine bookkeeping).

    A rule that needs something about the whole account (the latest start
    date so far, say) asks :meth:`Context.memo` for it instead of walking
    every earlier event at every event, which would make a replay
    quadratic in the number of events.
    """

    values: dict[Hashable, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Context:
    """What a rule's check sees: one event, the state around it, the record.

    Attributes:
        record: The record (its person, sources and all events).
        view: Indices of the events of the account being evaluated, in order.
        index: The event's index in ``record.events``.
        before: The event's jurisdiction's state before the event.
        after: The same after it.
        states: Every jurisdiction's state before the event.
        law: The composed rulebooks and chosen readings.
        unexpected: ``(track, state)`` for every track that handles this kind
            of event but had no transition from its state (the record shows
            something the procedure does not lead to).
        position: The event's position in :attr:`view`.
        shared: Values shared by the rules of one replay (see :meth:`memo`).
        account: The account being evaluated (``None``: the record has none).
    """

    record: CaseRecord
    view: tuple[int, ...]
    index: int
    before: JurisdictionState
    after: JurisdictionState
    states: Mapping[str, JurisdictionState]
    law: Law
    unexpected: tuple[tuple[str, str], ...] = ()
    position: int | None = None
    shared: Memo = attrs.field(factory=Memo, eq=False, repr=False)
    account: str | None = None

    @property
    def event(self) -> Event:
        """The event being checked."""
        return self.record.events[self.index]

    @overload
    def event_as(self, kind: type[E], /) -> E: ...
    @overload
    def event_as(self, kind: type[E], other: type[F], /) -> E | F: ...
    def event_as(self, *kinds: type[Event]) -> Event:
        """The event being checked, as one of the classes the rule's ``on`` names.

        ``ctx.event_as(Removal)`` is the event, typed as a removal.

        Raises:
            InvalidDefinition: It is of none of them: the rule's ``on`` lets
                through events its check does not expect.
        """
        ev = self.record.events[self.index]
        if not isinstance(ev, kinds):
            raise InvalidDefinition(
                "a rule's check expects other events than its 'on' lets through",
                ids=[ev.type],
            )
        return ev

    @property
    def nationalities(self) -> tuple[str, ...]:
        """The person's nationalities as the account being evaluated gives them."""
        return self.record.person.nationalities_in(self.account)

    def at(self, index: int) -> Event:
        """The record's event at ``index``."""
        return self.record.events[index]

    def marked(self, name: str) -> int | None:
        """Index of the event remembered under ``name`` before this event.

        Raises:
            InvalidDefinition: No transition of the chart sets that mark (a
                misspelt name would otherwise never match).
        """
        if name not in self.law.chart.marks:
            raise InvalidDefinition("a rule reads a mark the statechart never sets", ids=[name])
        return self.before.mark(name)

    def in_state(self, track: str, *states: str, after: bool = False) -> bool:
        """Whether ``track`` was in one of ``states`` before this event (or after it).

        Raises:
            InvalidDefinition: The chart has no such track or state (a
                misspelt name would otherwise never match).
        """
        chart = self.law.chart
        if track not in chart.track_names:
            raise InvalidDefinition("a rule reads a track the statechart lacks", ids=[track])
        declared = chart.track(track).states
        unknown = [f"{track}.{s}" for s in states if s not in declared]
        if unknown:
            raise InvalidDefinition("a rule reads states the statechart lacks", ids=unknown)
        return (self.after if after else self.before)[track] in states

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A value computed once per replay of this account and shared by the rules."""
        values = self.shared.values
        if key not in values:
            values[key] = compute()
        return values[key]  # type: ignore[no-any-return]

    def index_of(self, event_id: str) -> int:
        """The index in the record of the event with this id (a reference the codec checked).

        The index by id is built once per replay and shared by the rules.
        """
        ids = self.memo(("event-ids",), lambda: {e.id: i for i, e in enumerate(self.record.events)})
        return ids[event_id]

    def days_since(self, index: int) -> DayRange:
        """Whole days from the event at ``index`` to this event."""
        return self.days_between(index, self.index)

    def days_between(self, start: int, end: int) -> DayRange:
        """Whole days from one event to another (by index).

        Events the record ties to the same day (``same_day_as``, directly or
        through a chain) are 0 days apart, whatever their written dates; an
        event timed ``after`` another (directly or through a chain) is as many
        days after it as the record says, narrowed by the written dates.
        """
        if self._day_anchor(start) == self._day_anchor(end):
            return DayRange(0, 0)
        by_dates = days_between(self.at(start).date, self.at(end).date)
        offset = self._offset(start, end)
        if offset is None:
            return by_dates
        low, high = max(offset[0], by_dates.min), min(offset[1], by_dates.max)
        if low > high:  # pragma: no cover - inconsistent timings are refused on load
            return by_dates
        return DayRange(low, high)

    def _offset(self, start: int, end: int) -> tuple[int, int] | None:
        """Days from ``start`` to ``end`` by the record's ``after`` and same-day ties."""
        target = self._day_anchor(start)
        low = high = 0
        ev = self.at(end)
        seen = {ev.id}
        while True:
            if self._anchor_of(ev) == target:
                return low, high
            if ev.after is None or ev.after.event in seen:
                return None
            fewest, most = ev.after.bounds
            low, high = low + fewest, high + most
            seen.add(ev.after.event)
            try:
                ev = self.record.event(ev.after.event)
            except KeyError:  # pragma: no cover - references are checked on load
                return None

    def hours_since(self, index: int) -> HourRange | None:
        """The time from the event at ``index`` to this event, where both give times."""
        return self.hours_between(index, self.index)

    def hours_between(self, start: int, end: int) -> HourRange | None:
        """The time from one event to another (by index), where both dates give
        times of day (``2010-06-09T22:00``); ``None`` otherwise: count in days.
        """
        return hours_between(self.at(start).date, self.at(end).date)

    def exceeded(self, deadline: Deadline, start: int) -> Truth:
        """Whether ``deadline``'s limit is exceeded from the event at ``start`` to this one.

        Counted in days, or in hours where both events give times of day.
        """
        return deadline.exceeded(self.days_since(start), self.hours_since(start))

    def _day_anchor(self, index: int) -> str:
        return self._anchor_of(self.at(index))

    def _anchor_of(self, ev: Event) -> str:
        # The first event of the chain of same-day ties that ``ev`` starts.
        seen = {ev.id}
        while ev.same_day_as is not None and ev.same_day_as not in seen:
            seen.add(ev.same_day_as)
            try:
                ev = self.record.event(ev.same_day_as)
            except KeyError:  # pragma: no cover - references are checked on load
                break
        return ev.id

    def reading(self, name: str) -> str:
        """The chosen option of a reading."""
        return self.law.reading(name)

    def reading_applies(self, name: str) -> bool:
        """Whether the reading is about the law of this event's jurisdiction.

        Raises:
            UnknownName: No rulebook declares it.
        """
        self.law.reading(name)  # an unknown name is an error, as for reading()
        declared = self.law.declared_readings[name]
        return declared.jurisdictions is None or self.event.jurisdiction in declared.jurisdictions

    def state_of(self, jurisdiction: str) -> JurisdictionState | None:
        """Another jurisdiction's state before this event, if the record touched it."""
        return self.states.get(jurisdiction)

    def earlier(self) -> Iterable[int]:
        """Indices of this account's events before this one, in order."""
        return itertools.takewhile(lambda i: i < self.index, self.view)

    def earlier_of(self, *kinds: type[Event]) -> list[int]:
        """Indices of this account's events before this one that are of one of ``kinds``, in order.

        The account's events of each kind are listed once per replay, so that
        a rule looking back for a few kinds of event at every removal costs
        what those events cost, not a walk over the whole record each time.
        """
        found: list[int] = []
        for kind in kinds:
            of_kind = self.memo(("events-of", kind), functools.partial(self._all_of, kind))
            found += of_kind[: bisect.bisect_left(of_kind, self.index)]
        if len(kinds) > 1:
            found = sorted(set(found))
        return found

    def earlier_events(self, kind: type[E]) -> list[tuple[int, E]]:
        """``(index, event)`` for this account's events of ``kind`` before this one, in order.

        :meth:`earlier_of` for one kind, with the events typed as that kind.
        """
        return [(i, self.at(i)) for i in self.earlier_of(kind)]  # type: ignore[misc]

    def _all_of(self, kind: type[Event]) -> list[int]:
        return [i for i in self.view if isinstance(self.at(i), kind)]

    def category(self, charge: Charge) -> OffenceCategory:
        """The category of a charge, on this event's date."""
        return self.law.category(charge, self.event.date)

    def describe(self, index: int) -> str:
        """``asylum_claim 'e5' (2022-09-26)``: an event for a message."""
        ev = self.at(index)
        return f"{ev.type.replace('_', ' ')} {ev.id!r} ({ev.date.text})"


__all__ = [
    "Context",
    "Law",
    "Memo",
    "Rule",
    "Rulebook",
    "Hit",
    "Reading",
    "Deadline",
    "Party",
    "NonParty",
    "Offence",
]
