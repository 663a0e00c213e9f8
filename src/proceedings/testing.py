"""Hypothesis support for testing rulebooks: a state machine and history strategies.

A rulebook is law as data, and law has properties that must hold whatever
happens: no removal while an asylum claim is pending, none while an interim
measure stands, the strict policy refuses exactly what the audit policy
reports. :func:`proceeding_machine` turns those properties into a Hypothesis
:class:`~hypothesis.stateful.RuleBasedStateMachine` that applies random events
to a strict :class:`~proceedings.Proceeding` built on *your* rulebooks::

    from proceedings.law import DEFAULT_RULEBOOKS
    from proceedings.testing import proceeding_machine

    TestMyLaw = proceeding_machine(rulebooks=(*DEFAULT_RULEBOOKS, MY_RULEBOOK)).TestCase

No subclassing: everything the machine needs is passed in. The protections it
checks are written here, independently of the engine, from the law they model
(see :data:`PROTECTIONS`).

:func:`lawful_histories` and :func:`near_lawful_mutations` are strategies for
records a strict proceeding accepts, and for such a record with one more event
that a named rule of the default rulebooks must refuse.

This module imports Hypothesis; install ``proceedings[hypothesis]`` to use it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from ._countries import ISO_3166_ALPHA2
from ._dates import UncertainDate, days_between
from ._engine import State, Step, validate
from ._errors import InvalidDefinition, RecordError, TransitionRefused
from ._findings import Finding, Severity
from ._model import (
    EVENT_TYPE_BY_TAG,
    EVENT_TYPES,
    AdministrativeOffenceCharged,
    AppealDecided,
    AppealFiled,
    AppealLevel,
    AppealOutcome,
    AssuranceGiven,
    AsylumClaim,
    AsylumClaimNotRegistered,
    AsylumDecision,
    AsylumOutcome,
    BorderCrossing,
    CaseRecord,
    Charge,
    ChargeUpgraded,
    CriminalCaseOpened,
    CriminalConviction,
    CrossingMode,
    Departure,
    Detention,
    DetentionExtended,
    DetentionGround,
    DocumentDenied,
    DocumentKind,
    EntryRefused,
    Escape,
    Event,
    ExpulsionKind,
    ExpulsionOrdered,
    ExtraditionDecided,
    ExtraditionOutcome,
    ExtraditionRequested,
    ExtraditionSuspended,
    InterimBody,
    InterimMeasureLifted,
    InterimMeasureRequested,
    Other,
    Penalty,
    PenaltyKind,
    Person,
    Release,
    Removal,
    RemovalChannel,
    TransitZoneConfinement,
    WantedListing,
    WantedScope,
)
from ._proceeding import Proceeding
from ._rules import Law, Rulebook

__all__ = [
    "MUTATION_KINDS",
    "PROTECTIONS",
    "Mutation",
    "lawful_histories",
    "near_lawful_mutations",
    "proceeding_machine",
]

#: The protections the machine can check, each a sentence of the law it models.
#: ``extradition_appeal`` uses the 10-day appeal of Kazakhstan's Criminal
#: Procedure Code (art 592), and is checked by default only there.
PROTECTIONS: Mapping[str, str] = {
    "asylum_claim": "No removal, on any channel, while an asylum claim awaits a decision.",
    "asylum_appeal": (
        "No removal while an appeal against an asylum refusal is pending (under the "
        "default reading asylum_appeal_suspensive=yes)."
    ),
    "asylum_granted": "No removal of a person granted refugee status or protection.",
    "interim_measure": "No removal while an interim measure against removal is in force.",
    "extradition_appeal": (
        "No surrender to the requesting state while the 10-day appeal against the "
        "extradition decision may run, while an appeal is pending, or while extradition "
        "is suspended."
    ),
}

_EXTRADITION_APPEAL_DAYS = 10
_DEFAULT_START = datetime.date(2023, 1, 9)
_UN_BODIES = (InterimBody.UN_CAT, InterimBody.UN_HRC)
_DEFAULT_PERSON = Person(id="person", nationalities=("RU",))

# Charges the generated events use: military, political and ordinary ones,
# illegal border crossing among them, so that the catalogue-driven rules fire.
_CHARGES = (
    Charge(code="RU-CC", article="338", part="1", label="desertion"),
    Charge(code="RU-CC", article="337", part="5"),
    Charge(code="RU-CC", article="275", label="high treason"),
    Charge(code="RU-CC", article="328", label="evading conscription"),
    Charge(code="RU-CC", article="322", part="1"),
    Charge(code="KZ-CC", article="392", part="1", label="illegal border crossing"),
)
_PENALTIES = (
    Penalty(kind=PenaltyKind.EXPULSION),
    Penalty(kind=PenaltyKind.FINE),
    Penalty(kind=PenaltyKind.IMPRISONMENT, months=12),
)

# How often each event type is drawn relative to the others: the protections
# are about removals after claims, appeals, measures and extradition decisions.
_WEIGHTS: Mapping[type[Event], int] = {
    Removal: 5,
    AsylumClaim: 3,
    AsylumDecision: 3,
    AppealFiled: 4,
    AppealDecided: 4,
    InterimMeasureRequested: 3,
    InterimMeasureLifted: 3,
    ExtraditionRequested: 2,
    ExtraditionDecided: 3,
    Detention: 3,
    ExpulsionOrdered: 2,
}

# Events that may also happen in the country of origin (a case opened there, a
# verdict in absentia): irrelevant to the protections in the jurisdiction.
_ALSO_ABROAD = (WantedListing, CriminalCaseOpened, CriminalConviction, Other, DocumentDenied)


# -- arguments -------------------------------------------------------------------------


@attrs.frozen
class _Scene:
    """Everything the event generator needs besides the record so far."""

    jurisdiction: str
    origin: str
    third: str
    types: tuple[type[Event], ...]
    bodies: tuple[InterimBody, ...]


def _check_country(value: object, name: str) -> str:
    if not isinstance(value, str) or value not in ISO_3166_ALPHA2:
        raise InvalidArgument(f"{name}={value!r} must be an ISO 3166-1 alpha-2 code")
    return value


def _check_types(value: object) -> tuple[type[Event], ...]:
    if value is None:
        return EVENT_TYPES
    if isinstance(value, (str, type)) or not isinstance(value, Collection):
        raise InvalidArgument(f"event_types={value!r} must be a collection of event classes")
    chosen = tuple(value)
    unknown = [cls for cls in chosen if cls not in EVENT_TYPES]
    if unknown or not chosen:
        raise InvalidArgument(
            f"event_types must hold at least one of proceedings.EVENT_TYPES; got {value!r}"
        )
    return chosen


def _check_bodies(value: object) -> tuple[InterimBody, ...]:
    if isinstance(value, str) or not isinstance(value, Collection):
        raise InvalidArgument(f"interim_bodies={value!r} must be a collection of InterimBody")
    chosen = tuple(value)
    if not chosen or not all(isinstance(b, InterimBody) for b in chosen):
        raise InvalidArgument(f"interim_bodies={value!r} must hold at least one InterimBody")
    return chosen


def _check_int(value: object, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidArgument(f"{name}={value!r} must be a non-negative int")
    return value


def _check_start(value: object) -> datetime.date:
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise InvalidArgument(f"start={value!r} must be a datetime.date")
    return value


def _scene(
    person: Person, jurisdiction: str, event_types: object, interim_bodies: object
) -> _Scene:
    where = _check_country(jurisdiction, "jurisdiction")
    abroad = [c for c in person.nationalities if c != where] + ["RU", "UZ"]
    origin = next(c for c in abroad if c != where)
    third = next(c for c in ("TR", "AM", "GE") if c not in {where, origin})
    return _Scene(
        jurisdiction=where,
        origin=origin,
        third=third,
        types=_check_types(event_types),
        bodies=_check_bodies(interim_bodies),
    )


def _check_person(value: object) -> Person:
    if value is None:
        return _DEFAULT_PERSON
    if not isinstance(value, Person):
        raise InvalidArgument(f"person={value!r} must be a proceedings.Person")
    return value


def _check_law(
    person: Person, rulebooks: Sequence[Rulebook] | None, readings: Mapping[str, str] | None
) -> dict[str, Any]:
    """The keyword arguments for :class:`Proceeding`, checked by building one now."""
    if rulebooks is not None and (
        isinstance(rulebooks, (str, Rulebook))
        or not isinstance(rulebooks, Sequence)
        or not all(isinstance(b, Rulebook) for b in rulebooks)
    ):
        raise InvalidArgument(f"rulebooks={rulebooks!r} must be a sequence of Rulebook")
    if readings is not None and not isinstance(readings, Mapping):
        raise InvalidArgument(f"readings={readings!r} must be a mapping of reading to option")
    from .law import DEFAULT_RULEBOOKS  # noqa: PLC0415 - after the library is imported

    try:
        law = Law(
            rulebooks=DEFAULT_RULEBOOKS if rulebooks is None else tuple(rulebooks),
            readings=dict(readings or {}),
        )
        Proceeding(person, law=law)
    except (InvalidDefinition, ValueError) as exc:
        raise InvalidArgument(f"the rulebooks and readings do not compose: {exc}") from exc
    return {"law": law}


# -- the protections, written from the law (not from the engine) ------------------------


def _root(by_id: Mapping[str, Event], event: Event) -> Event | None:
    """The decision an appeal (or a decision on an appeal) is ultimately about."""
    seen: set[str] = set()
    current: Event | None = event
    while isinstance(current, (AppealFiled, AppealDecided)) and current.id not in seen:
        seen.add(current.id)
        target = current.against if isinstance(current, AppealFiled) else current.appeal
        current = by_id.get(target)
    return current


@attrs.define
class _Protections:
    """What protects the person from removal in one jurisdiction, event by event.

    A deliberately small reading of the law, independent of the statechart:
    an asylum claim stands until finally decided (a refusal with a pending
    appeal is not final, under the default reading); an interim measure stands
    until the body lifts *that* measure; a surrender waits for the appeal
    against the extradition decision, or for its time limit.
    """

    jurisdiction: str
    by_id: dict[str, Event] = attrs.Factory(dict)
    asylum: str = "none"  # none, pending, refused, appeal, granted, final, withdrawn
    measures: dict[str, InterimBody] = attrs.Factory(dict)
    approval: Event | None = None
    approval_appeal: str = "none"  # none, pending, dismissed
    suspended: bool = False

    def update(self, event: Event) -> None:
        self.by_id[event.id] = event
        if event.jurisdiction != self.jurisdiction:
            return
        root = _root(self.by_id, event)
        if isinstance(event, AsylumClaim):
            if self.asylum not in {"pending", "appeal", "granted"}:
                self.asylum = "pending"
        elif isinstance(event, AsylumClaimNotRegistered):
            # Not registering a claim is no decision on it: the person asked.
            self.asylum = "pending"
        elif isinstance(event, AsylumDecision):
            self.asylum = {
                AsylumOutcome.GRANTED: "granted",
                AsylumOutcome.SUBSIDIARY_PROTECTION: "granted",
                AsylumOutcome.REFUSED: "refused",
                AsylumOutcome.WITHDRAWN: "withdrawn",
            }[event.outcome]
        elif isinstance(event, InterimMeasureRequested):
            self.measures[event.id] = event.body
        elif isinstance(event, InterimMeasureLifted):
            self.measures.pop(event.measure, None)
        elif isinstance(event, ExtraditionDecided):
            approved = event.outcome is ExtraditionOutcome.APPROVED
            self.approval = event if approved else None
            self.approval_appeal, self.suspended = "none", False
        elif isinstance(event, ExtraditionSuspended):
            self.suspended = True
        elif isinstance(event, AppealFiled) and root is not None:
            if root.type in {"asylum_decision", "asylum_claim_not_registered"}:
                self.asylum = "appeal"
            elif root.type == "extradition_decided" and self.approval is not None:
                self.approval_appeal = "pending"
        elif isinstance(event, AppealDecided) and root is not None:
            if root.type in {"asylum_decision", "asylum_claim_not_registered"}:
                self.asylum = {
                    AppealOutcome.DISMISSED: "final",
                    AppealOutcome.SUSPENDED: "appeal",
                }.get(event.outcome, "pending")
            elif root.type == "extradition_decided" and self.approval is not None:
                if event.outcome is AppealOutcome.DISMISSED:
                    self.approval_appeal = "dismissed"
                elif event.outcome is AppealOutcome.SUSPENDED:
                    self.suspended = True
                else:  # upheld or remanded: the approval is set aside
                    self.approval = None

    def barring(self, removal: Removal) -> list[str]:
        """The protections in force that bar ``removal`` (by name, see PROTECTIONS)."""
        if removal.jurisdiction != self.jurisdiction:
            return []
        found = []
        if self.asylum == "pending":
            found.append("asylum_claim")
        if self.asylum == "appeal":
            found.append("asylum_appeal")
        if self.asylum == "granted":
            found.append("asylum_granted")
        if self.measures:
            found.append("interim_measure")
        if removal.channel is RemovalChannel.EXTRADITION and self.approval is not None:
            window_open = (
                days_between(self.approval.date, removal.date).min <= _EXTRADITION_APPEAL_DAYS
            )
            if (
                self.suspended
                or self.approval_appeal == "pending"
                or (self.approval_appeal == "none" and window_open)
            ):
                found.append("extradition_appeal")
        return found


def _default_protections(jurisdiction: str, readings: Mapping[str, str] | None) -> frozenset[str]:
    chosen = set(PROTECTIONS)
    if (readings or {}).get("asylum_appeal_suspensive", "yes") != "yes":
        chosen.discard("asylum_appeal")
    if jurisdiction != "KZ":
        chosen.discard("extradition_appeal")
    return frozenset(chosen)


def _check_protections(
    value: object, jurisdiction: str, readings: Mapping[str, str] | None
) -> frozenset[str]:
    if value is None:
        return _default_protections(jurisdiction, readings)
    if isinstance(value, str) or not isinstance(value, Collection):
        raise InvalidArgument(f"protections={value!r} must be a collection of names")
    unknown = sorted(set(value) - set(PROTECTIONS))
    if unknown:
        raise InvalidArgument(
            f"unknown protections {unknown}; known: {', '.join(sorted(PROTECTIONS))}"
        )
    return frozenset(value)


# -- events ------------------------------------------------------------------------------


def _dates_on(day: datetime.date) -> st.SearchStrategy[UncertainDate]:
    """Mostly the exact day; sometimes its month, an interval around it, a qualifier."""
    exact = day.isoformat()
    texts = st.sampled_from(
        [exact] * 6
        + [
            f"{day:%Y-%m}",
            f"{exact}~",
            f"{day - datetime.timedelta(days=2)}/{day + datetime.timedelta(days=2)}",
        ]
    )
    return texts.map(UncertainDate.parse)


def _appealable(here: Sequence[Event]) -> list[str]:
    """Ids of decisions against the person, which the person would appeal."""
    out = []
    for ev in here:
        adverse = (
            (isinstance(ev, AsylumDecision) and ev.outcome is AsylumOutcome.REFUSED)
            or (isinstance(ev, ExtraditionDecided) and ev.outcome is ExtraditionOutcome.APPROVED)
            or (isinstance(ev, AppealDecided) and ev.outcome is AppealOutcome.DISMISSED)
            or isinstance(
                ev,
                (
                    AsylumClaimNotRegistered,
                    CriminalConviction,
                    ExpulsionOrdered,
                    Detention,
                    DetentionExtended,
                    EntryRefused,
                    DocumentDenied,
                ),
            )
        )
        if adverse:
            out.append(ev.id)
    return out


def _open_appeals(here: Sequence[Event]) -> list[str]:
    decided = {ev.appeal for ev in here if isinstance(ev, AppealDecided)}
    return [ev.id for ev in here if isinstance(ev, AppealFiled) and ev.id not in decided]


def _measures_in_force(here: Sequence[Event]) -> list[str]:
    lifted = {ev.measure for ev in here if isinstance(ev, InterimMeasureLifted)}
    return [ev.id for ev in here if isinstance(ev, InterimMeasureRequested) and ev.id not in lifted]


def _latest(here: Sequence[Event], cls: type[Event]) -> str | None:
    return next((ev.id for ev in reversed(here) if isinstance(ev, cls)), None)


# Every helper below draws the same number of choices whatever the record
# holds: a step's draws then stay aligned when the shrinker deletes an
# earlier step, and shrinking stays fast.


def _pick(draw: st.DrawFn, candidates: Sequence[str]) -> str | None:
    """One of ``candidates`` (the latest by preference), or ``None`` if there are none."""
    i = draw(st.integers(0, 255))
    return candidates[-1 - i % len(candidates)] if candidates else None


def _maybe(draw: st.DrawFn, value: str | None) -> str | None:
    keep = draw(st.booleans())
    return value if keep else None


_Fields = Callable[[st.DrawFn, _Scene, Sequence[Event]], dict[str, Any]]

#: Reference fields an event cannot do without.
_REQUIRED = ("against", "appeal", "measure")


def _charges(draw: st.DrawFn) -> tuple[Charge, ...]:
    return tuple(draw(st.lists(st.sampled_from(_CHARGES), max_size=2, unique=True)))


def _nothing(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {}


def _crossing(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    mode = draw(st.sampled_from(CrossingMode))
    if draw(st.booleans()):
        return {"mode": mode, "from_country": scene.origin, "to_country": scene.jurisdiction}
    return {"mode": mode, "from_country": scene.jurisdiction, "to_country": scene.third}


def _detention(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    term = draw(st.none() | st.sampled_from([2, 30, 40, 60]))
    return {"ground": draw(st.sampled_from(DetentionGround)), "term_days": term}


def _extension(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {
        "detention": _maybe(draw, _latest(here, Detention)),
        "ground": draw(st.none() | st.sampled_from(DetentionGround)),
        "term_days": draw(st.none() | st.sampled_from([30, 40])),
    }


def _asylum_decision(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {
        "outcome": draw(st.sampled_from(AsylumOutcome)),
        "claim": _maybe(draw, _latest(here, AsylumClaim)),
    }


def _not_registered(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {"claim": _maybe(draw, _latest(here, AsylumClaim))}


def _appeal(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {
        "against": _pick(draw, _appealable(here)),
        "level": draw(st.sampled_from(AppealLevel)),
    }


def _appeal_decision(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {
        "appeal": _pick(draw, _open_appeals(here)),
        "outcome": draw(st.sampled_from(AppealOutcome)),
    }


def _with_charges(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {"charges": _charges(draw)}


def _offences(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {"offences": _charges(draw)}


def _upgrade(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {"case": _maybe(draw, _latest(here, CriminalCaseOpened)), "charges": _charges(draw)}


def _wanted(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {"scope": draw(st.sampled_from(WantedScope)), "charges": _charges(draw)}


def _conviction(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    penalties = st.lists(st.sampled_from(_PENALTIES), max_size=2, unique=True).map(tuple)
    return {
        "charges": _charges(draw),
        "sentence": draw(penalties),
        "additional_penalties": draw(penalties),
        "in_absentia": draw(st.booleans()),
    }


def _expulsion(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    basis = _latest(here, CriminalConviction) or _latest(here, AdministrativeOffenceCharged)
    return {"kind": draw(st.sampled_from(ExpulsionKind)), "basis": _maybe(draw, basis)}


def _request(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {"requesting_state": scene.origin, "charges": _charges(draw)}


def _extradition_decision(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {
        "outcome": draw(st.sampled_from(ExtraditionOutcome)),
        "request": _maybe(draw, _latest(here, ExtraditionRequested)),
    }


def _removal(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {
        "channel": draw(st.sampled_from(RemovalChannel)),
        "destination": draw(st.sampled_from([scene.origin, scene.origin, scene.third])),
    }


def _departure(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {"destination": draw(st.sampled_from([scene.origin, scene.third]))}


def _measure(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {"body": draw(st.sampled_from(scene.bodies))}


def _lift(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {"measure": _pick(draw, _measures_in_force(here))}


def _assurance(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {"by": "prosecutor general", "content": "no extradition before the asylum decision"}


def _document(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {"document": draw(st.sampled_from(DocumentKind))}


def _other(draw: st.DrawFn, scene: _Scene, here: Sequence[Event]) -> dict[str, Any]:
    return {"kind": "mobilization_declared", "description": "Partial mobilization declared."}


_FIELD_MAKERS: Mapping[type[Event], _Fields] = {
    BorderCrossing: _crossing,
    EntryRefused: _nothing,
    TransitZoneConfinement: _nothing,
    Detention: _detention,
    DetentionExtended: _extension,
    Release: _nothing,
    AsylumClaim: _nothing,
    AsylumClaimNotRegistered: _not_registered,
    AsylumDecision: _asylum_decision,
    AppealFiled: _appeal,
    AppealDecided: _appeal_decision,
    AdministrativeOffenceCharged: _offences,
    CriminalCaseOpened: _with_charges,
    ChargeUpgraded: _upgrade,
    WantedListing: _wanted,
    CriminalConviction: _conviction,
    ExpulsionOrdered: _expulsion,
    ExtraditionRequested: _request,
    ExtraditionDecided: _extradition_decision,
    ExtraditionSuspended: _nothing,
    Removal: _removal,
    Escape: _nothing,
    Departure: _departure,
    InterimMeasureRequested: _measure,
    InterimMeasureLifted: _lift,
    AssuranceGiven: _assurance,
    DocumentDenied: _document,
    Other: _other,
}


def _kinds(scene: _Scene) -> st.SearchStrategy[str]:
    """Event type tags, weighted; the same list whatever happened before.

    A fixed list keeps shrinking effective: deleting an earlier step does not
    change which type a later step draws. ``other`` comes first, so that steps
    the shrinker cannot delete shrink towards an event nothing reacts to.
    """
    ordered = sorted(scene.types, key=lambda cls: cls is not Other)
    return st.sampled_from([cls.type for cls in ordered for _ in range(_WEIGHTS.get(cls, 1))])


@st.composite
def _events_of(
    draw: st.DrawFn,
    kind: str,
    scene: _Scene,
    record: CaseRecord,
    day: datetime.date,
    ident: str,
) -> Event | None:
    """An event of type ``kind`` on (or around) ``day`` after ``record``'s events.

    ``None`` if no such event can happen yet (an appeal decision needs an appeal).
    """
    cls = EVENT_TYPE_BY_TAG[kind]
    here = [ev for ev in record.events if ev.jurisdiction == scene.jurisdiction]
    abroad = cls in _ALSO_ABROAD and draw(st.integers(0, 4)) == 0
    fields = _FIELD_MAKERS[cls](draw, scene, here)
    date = draw(_dates_on(day))
    if any(fields.get(name, "") is None for name in _REQUIRED):
        return None
    return cls(
        id=ident,
        date=date,
        jurisdiction=scene.origin if abroad else scene.jurisdiction,
        **fields,
    )


_WAITS = st.one_of(st.integers(0, 4), st.sampled_from([9, 10, 11, 30, 39, 41, 45, 100]))


# -- the state machine --------------------------------------------------------------------


def _finding_keys(findings: Sequence[Finding]) -> set[tuple[str, tuple[str, ...], str, str]]:
    return {
        (f.rule_id, f.paths, f.severity.value, f.certainty.value)
        for f in findings
        if f.rule_id != "REC-DATE-ORDER"
    }


def _check_refusal(refusal: TransitionRefused, event: Event) -> None:
    """A refusal names the refused event and the violations (with citations) that bar it."""
    assert refusal.event_id == event.id, (refusal.event_id, event.id)
    assert refusal.findings, "a refusal must name the findings that bar the event"
    for f in refusal.findings:
        assert f.severity is Severity.VIOLATION, f
        assert f.citations, f"refusal by {f.rule_id} cites nothing"
        assert f.rule_id in str(refusal), (f.rule_id, str(refusal))


@attrs.frozen
class _Attempt:
    """One event offered to the proceeding, and what was seen around it."""

    event: Event
    accepted: bool
    record_before: CaseRecord
    state_before: State
    steps_before: tuple[Step, ...]
    barring: tuple[str, ...]


def proceeding_machine(
    *,
    rulebooks: Sequence[Rulebook] | None = None,
    readings: Mapping[str, str] | None = None,
    person: Person | None = None,
    jurisdiction: str = "KZ",
    event_types: Collection[type[Event]] | None = None,
    protections: Collection[str] | None = None,
    interim_bodies: Collection[InterimBody] = _UN_BODIES,
    start: datetime.date = _DEFAULT_START,
) -> type[RuleBasedStateMachine]:
    """A state machine that applies random events to a strict proceeding and checks the law.

    Its rules move the date forward by random steps from ``start`` and offer
    random events of every type (appeals against earlier decisions, removals
    on every channel, detentions on every ground, interim measures, dates
    sometimes uncertain) to a strict :class:`~proceedings.Proceeding`. It
    checks, after every step (the agreement with the audit at the end of each
    run, which covers every prefix since findings never depend on later events):

    * no accepted removal breaches one of ``protections`` (see
      :data:`PROTECTIONS`; checked against an oracle written in this module,
      not against the engine's state);
    * a refused event leaves the record, the state and the steps unchanged;
    * the audit policy agrees with the strict one: :func:`~proceedings.validate`
      of the accepted record finds no violation (other than a retrospective
      one, which an accepted release may reveal), and exactly the findings
      the accepted steps produced;
    * the engine raises nothing but :class:`~proceedings.TransitionRefused` or
      :class:`~proceedings.RecordError`, and a refusal names violations.

    Use the machine's ``TestCase`` attribute as a test class, or pass the
    machine to :func:`hypothesis.stateful.run_state_machine_as_test`.

    Args:
        rulebooks: The rulebooks under test; the library's defaults if ``None``.
        readings: ``{reading: option}`` for disputed points of law.
        person: Whom the proceedings are about (a Russian national by default).
        jurisdiction: Where the events happen (ISO 3166-1 alpha-2). A few
            events (a case opened, a verdict in absentia) happen in the
            country of origin instead.
        event_types: The event classes to generate (all by default).
        protections: Names from :data:`PROTECTIONS` to check. By default all,
            except ``asylum_appeal`` under ``asylum_appeal_suspensive=no`` and
            ``extradition_appeal`` outside Kazakhstan. Pass ``()`` to check
            only the agreement of the two policies.
        interim_bodies: The bodies whose interim measures are generated. The
            UN committees by default; the ECtHR binds only members of the
            Council of Europe.
        start: The date of the first event.

    Returns:
        A :class:`~hypothesis.stateful.RuleBasedStateMachine` subclass.

    Raises:
        hypothesis.errors.InvalidArgument: At once, if an argument is malformed
            or the rulebooks and readings do not compose.
    """
    who = _check_person(person)
    law = _check_law(who, rulebooks, readings)
    scene = _scene(who, jurisdiction, event_types, interim_bodies)
    checked = _check_protections(protections, scene.jurisdiction, readings)
    first_day = _check_start(start)

    class ProceedingMachine(RuleBasedStateMachine):
        """Random events applied to a strict proceeding; the law checked after each."""

        def __init__(self) -> None:
            super().__init__()
            self.proceeding = Proceeding(who, **law)
            self.day = first_day
            self.offered = 0
            self.oracle = _Protections(scene.jurisdiction)
            self.last: _Attempt | None = None

        @rule(days=_WAITS)
        def wait(self, days: int) -> None:
            """Let time pass."""
            self.day += datetime.timedelta(days=days)

        @rule(kind=_kinds(scene), data=st.data())
        def offer_event(self, kind: str, data: st.DataObject) -> None:
            """Offer one random event of type ``kind``; record whether it was accepted."""
            self.offered += 1
            proc = self.proceeding
            self.last = None
            event = data.draw(_events_of(kind, scene, proc.record, self.day, f"e{self.offered}"))
            if event is None:
                return
            barring = (
                tuple(n for n in self.oracle.barring(event) if n in checked)
                if isinstance(event, Removal)
                else ()
            )
            record, state, steps = proc.record, proc.state, proc.steps
            refusal: TransitionRefused | None = None
            try:
                proc.apply(event)
            except TransitionRefused as exc:
                refusal = exc
            except RecordError:
                pass
            except Exception as exc:
                raise AssertionError(
                    f"the engine raised {type(exc).__name__}: {exc} for {event!r}"
                ) from exc
            accepted = len(proc.record.events) > len(record.events)
            if accepted:
                self.oracle.update(event)
            if refusal is not None:
                _check_refusal(refusal, event)
            self.last = _Attempt(
                event=event,
                accepted=accepted,
                record_before=record,
                state_before=state,
                steps_before=steps,
                barring=barring,
            )

        @invariant()
        def removals_respect_protections(self) -> None:
            """No accepted removal breaches a protection in force."""
            last = self.last
            if last is not None and last.accepted:
                assert not last.barring, (
                    f"removal {last.event!r} was accepted although these protections "
                    f"were in force: {', '.join(last.barring)}"
                )

        @invariant()
        def refusals_change_nothing(self) -> None:
            """A refused event leaves the record, the state and the steps as they were."""
            last = self.last
            if last is not None and not last.accepted:
                proc = self.proceeding
                assert proc.record == last.record_before
                assert proc.state == last.state_before
                assert proc.steps == last.steps_before

        def teardown(self) -> None:
            """The audit of the accepted record has no violation, and the same findings.

            Checked once, at the end: findings at an event do not depend on
            later events, so the whole record shows every prefix's findings.
            """
            proc = self.proceeding
            report = validate(proc.record, **law)
            # A retrospective violation lies before the event that reveals it
            # (a release after custody ran too long): strict mode accepts it.
            current = [f for f in report.violations if not f.retrospective]
            assert not current, current
            produced = [f for step in proc.steps for f in step.findings]
            assert _finding_keys(report.findings) == _finding_keys(produced)

    ProceedingMachine.__name__ = ProceedingMachine.__qualname__ = (
        f"ProceedingMachine_{scene.jurisdiction}"
    )
    return ProceedingMachine


# -- strategies ----------------------------------------------------------------------------


@st.composite
def _lawful(
    draw: st.DrawFn,
    *,
    who: Person,
    law: dict[str, Any],
    scene: _Scene,
    low: int,
    high: int,
    first_day: datetime.date,
) -> Proceeding:
    proc = Proceeding(who, **law)
    wanted = draw(st.integers(low, high))
    day = first_day
    for offered in range(1, 5 * wanted + 1):
        if len(proc.record.events) >= wanted:
            break
        day += datetime.timedelta(days=draw(_WAITS))
        event = draw(_events_of(draw(_kinds(scene)), scene, proc.record, day, f"e{offered}"))
        if event is None:
            continue
        try:
            proc.apply(event)
        except (TransitionRefused, RecordError):
            continue
    assume(len(proc.record.events) >= low)
    return proc


def lawful_histories(
    *,
    min_events: int = 0,
    max_events: int = 10,
    rulebooks: Sequence[Rulebook] | None = None,
    readings: Mapping[str, str] | None = None,
    person: Person | None = None,
    jurisdiction: str = "KZ",
    event_types: Collection[type[Event]] | None = None,
    interim_bodies: Collection[InterimBody] = _UN_BODIES,
    start: datetime.date = _DEFAULT_START,
) -> st.SearchStrategy[CaseRecord]:
    """Records whose events a strict proceeding on these rulebooks accepts, in order.

    Events are drawn as in :func:`proceeding_machine`; those the proceeding
    refuses are left out, so the record is a history the law allows. Dates
    move forward from ``start`` and are sometimes uncertain.

    Args:
        min_events: The fewest events.
        max_events: The most events.
        rulebooks: The rulebooks; the library's defaults if ``None``.
        readings: ``{reading: option}`` for disputed points of law.
        person: Whom the record is about (a Russian national by default).
        jurisdiction: Where the events happen (ISO 3166-1 alpha-2).
        event_types: The event classes to draw from (all by default).
        interim_bodies: The bodies whose interim measures are drawn.
        start: The earliest date.

    Returns:
        A strategy for :class:`~proceedings.CaseRecord`;
        ``Proceeding.from_record(record, rulebooks=..., readings=...)`` accepts
        every one.

    Raises:
        hypothesis.errors.InvalidArgument: At once, if an argument is malformed.
    """
    low = _check_int(min_events, "min_events")
    high = _check_int(max_events, "max_events")
    if low > high:
        raise InvalidArgument(f"min_events={low} is greater than max_events={high}")
    who = _check_person(person)
    law = _check_law(who, rulebooks, readings)
    scene = _scene(who, jurisdiction, event_types, interim_bodies)
    first_day = _check_start(start)
    return _lawful(who=who, law=law, scene=scene, low=low, high=high, first_day=first_day).map(
        lambda proc: proc.record
    )


@attrs.frozen(kw_only=True)
class Mutation:
    """A lawful record, and one event after it that a named rule must refuse.

    Attributes:
        record: A record the strict proceeding accepts.
        event: The next event, which breaches the law.
        rule_id: The rule of the default rulebooks that must refuse it (others
            may refuse it too).
        kind: Which breach it is (``removal_during_claim``...).
    """

    record: CaseRecord
    event: Event
    rule_id: str
    kind: str


# Each breach: the lawful events that set it up, the breaching event, the rule.
# ``needs`` is a precondition on the oracle of protections before the set-up.
_Builder = Callable[[st.DrawFn, _Scene, datetime.date], tuple[list[Event], Event]]


def _ev(cls: type[Event], ident: str, day: datetime.date, where: str, **fields: Any) -> Event:
    return cls(id=ident, date=UncertainDate.from_date(day), jurisdiction=where, **fields)


def _days(day: datetime.date, n: int) -> datetime.date:
    return day + datetime.timedelta(days=n)


def _removal_to_origin(draw: st.DrawFn, scene: _Scene, day: datetime.date, ident: str) -> Event:
    return _ev(
        Removal,
        ident,
        day,
        scene.jurisdiction,
        channel=draw(st.sampled_from(RemovalChannel)),
        destination=scene.origin,
    )


def _during_claim(draw: st.DrawFn, scene: _Scene, day: datetime.date) -> tuple[list[Event], Event]:
    claim = _ev(AsylumClaim, "m-claim", day, scene.jurisdiction)
    later = _days(day, draw(st.integers(0, 60)))
    return [claim], _removal_to_origin(draw, scene, later, "m-removal")


def _during_appeal(draw: st.DrawFn, scene: _Scene, day: datetime.date) -> tuple[list[Event], Event]:
    where = scene.jurisdiction
    claim = _ev(AsylumClaim, "m-claim", day, where)
    refusal = _ev(AsylumDecision, "m-refusal", _days(day, 30), where, outcome=AsylumOutcome.REFUSED)
    appeal = _ev(AppealFiled, "m-appeal", _days(day, 35), where, against="m-refusal")
    later = _days(day, 35 + draw(st.integers(0, 60)))
    return [claim, refusal, appeal], _removal_to_origin(draw, scene, later, "m-removal")


def _under_measure(body: InterimBody) -> _Builder:
    def build(draw: st.DrawFn, scene: _Scene, day: datetime.date) -> tuple[list[Event], Event]:
        measure = _ev(InterimMeasureRequested, "m-measure", day, scene.jurisdiction, body=body)
        later = _days(day, draw(st.integers(0, 60)))
        return [measure], _removal_to_origin(draw, scene, later, "m-removal")

    return build


def _surrender_in_window(
    draw: st.DrawFn, scene: _Scene, day: datetime.date
) -> tuple[list[Event], Event]:
    where = scene.jurisdiction
    request = _ev(ExtraditionRequested, "m-request", day, where, requesting_state=scene.origin)
    approval = _ev(
        ExtraditionDecided,
        "m-approval",
        _days(day, 1),
        where,
        outcome=ExtraditionOutcome.APPROVED,
        request="m-request",
    )
    later = _days(day, 1 + draw(st.integers(0, _EXTRADITION_APPEAL_DAYS)))
    surrender = _ev(
        Removal,
        "m-removal",
        later,
        where,
        channel=RemovalChannel.EXTRADITION,
        destination=scene.origin,
    )
    return [request, approval], surrender


def _handover(draw: st.DrawFn, scene: _Scene, day: datetime.date) -> tuple[list[Event], Event]:
    channel = draw(
        st.sampled_from(
            [RemovalChannel.INFORMAL_HANDOVER, RemovalChannel.FOREIGN_FACILITY_TRANSFER]
        )
    )
    removal = _ev(
        Removal, "m-removal", day, scene.jurisdiction, channel=channel, destination=scene.origin
    )
    return [], removal


def _approval_during_claim(
    draw: st.DrawFn, scene: _Scene, day: datetime.date
) -> tuple[list[Event], Event]:
    claim = _ev(AsylumClaim, "m-claim", day, scene.jurisdiction)
    approval = _ev(
        ExtraditionDecided,
        "m-approval",
        _days(day, draw(st.integers(0, 60))),
        scene.jurisdiction,
        outcome=ExtraditionOutcome.APPROVED,
    )
    return [claim], approval


def _expelled_before_final(
    draw: st.DrawFn, scene: _Scene, day: datetime.date
) -> tuple[list[Event], Event]:
    kind = draw(st.sampled_from([ExpulsionKind.ADMINISTRATIVE, ExpulsionKind.CIVIL]))
    order = _ev(ExpulsionOrdered, "m-order", day, scene.jurisdiction, kind=kind)
    channel = draw(
        st.sampled_from(
            [
                RemovalChannel.ADMINISTRATIVE_EXPULSION,
                RemovalChannel.CIVIL_EXPULSION,
                RemovalChannel.DEPORTATION,
            ]
        )
    )
    removal = _ev(
        Removal,
        "m-removal",
        _days(day, draw(st.integers(0, 10))),
        scene.jurisdiction,
        channel=channel,
        destination=scene.origin,
    )
    return [order], removal


def _custody_past_forty_days(
    draw: st.DrawFn, scene: _Scene, day: datetime.date
) -> tuple[list[Event], Event]:
    where = scene.jurisdiction
    detention = _ev(
        Detention, "m-detention", day, where, ground=DetentionGround.EXTRADITION_CUSTODY
    )
    # Keeping the person in custody past the limit is the breach (a late
    # request or a release only reveals it, and strict mode accepts those).
    extension = _ev(
        DetentionExtended,
        "m-extension",
        _days(day, draw(st.integers(41, 90))),
        where,
    )
    return [detention], extension


_CUSTODY_OR_EXTRADITION = (
    Detention,
    DetentionExtended,
    ExtraditionRequested,
    ExtraditionDecided,
    ExtraditionSuspended,
)

# (kind, rule, builder, which earlier states of the oracle rule it out)
_Needs = Callable[[_Protections, Sequence[Event]], bool]
_BREACHES: tuple[tuple[str, str, _Builder, _Needs], ...] = (
    ("removal_during_claim", "KZ-REF-AS-STATUS", _during_claim, lambda o, h: o.asylum != "granted"),
    ("removal_during_appeal", "KZ-REF-AS-STATUS", _during_appeal, lambda o, h: True),
    ("removal_under_cat_measure", "CAT-22", _under_measure(InterimBody.UN_CAT), lambda o, h: True),
    (
        "removal_under_hrc_measure",
        "ICCPR-OP1",
        _under_measure(InterimBody.UN_HRC),
        lambda o, h: True,
    ),
    (
        "surrender_in_appeal_window",
        "KZ-CPC-592",
        _surrender_in_window,
        # Approval must itself be lawful: no asylum protection in force.
        lambda o, h: o.asylum not in {"granted", "pending", "appeal"},
    ),
    ("handover", "KZ-CPC-587-592", _handover, lambda o, h: True),
    (
        "approval_during_claim",
        "KZ-CPC-590-ASYLUM",
        _approval_during_claim,
        lambda o, h: o.asylum != "granted",
    ),
    ("expelled_before_final", "KZ-KOAP-APPEAL", _expelled_before_final, lambda o, h: True),
    (
        "custody_past_forty_days",
        "KZ-CPC-588",
        _custody_past_forty_days,
        # A fresh extradition custody: no detention, no extradition case so far.
        lambda o, h: not any(isinstance(ev, _CUSTODY_OR_EXTRADITION) for ev in h),
    ),
)

#: The kinds of breach :func:`near_lawful_mutations` makes.
MUTATION_KINDS: tuple[str, ...] = tuple(kind for kind, *_ in _BREACHES)


@st.composite
def _mutations(
    draw: st.DrawFn,
    *,
    who: Person,
    scene: _Scene,
    low: int,
    high: int,
    kinds: tuple[str, ...],
    first_day: datetime.date,
) -> Mutation:
    proc = draw(_lawful(who=who, law={}, scene=scene, low=low, high=high, first_day=first_day))
    oracle = _Protections(scene.jurisdiction)
    for ev in proc.record.events:
        oracle.update(ev)
    here = [ev for ev in proc.record.events if ev.jurisdiction == scene.jurisdiction]
    possible = [b for b in _BREACHES if b[0] in kinds and b[3](oracle, here)]
    assume(possible)
    kind, rule_id, build, _ = draw(st.sampled_from(possible))
    last = max((ev.date.latest for ev in proc.record.events), default=first_day)
    setup, breach = build(draw, scene, _days(last, draw(st.integers(1, 30))))
    for ev in setup:
        try:
            proc.apply(ev)
        except (TransitionRefused, RecordError):
            assume(False)
    return Mutation(record=proc.record, event=breach, rule_id=rule_id, kind=kind)


def near_lawful_mutations(
    *,
    min_events: int = 0,
    max_events: int = 8,
    person: Person | None = None,
    kinds: Collection[str] | None = None,
    start: datetime.date = _DEFAULT_START,
) -> st.SearchStrategy[Mutation]:
    """A lawful record in Kazakhstan, and one more event that a named rule must refuse.

    The record is drawn as by :func:`lawful_histories` (default rulebooks,
    default readings) and ends with the lawful events that set up a breach
    (an asylum claim, an extradition approval); the breaching event itself is
    not applied. The expected rule comes from the kind of breach, not from the
    engine, so a test can check that the engine refuses the event *for that
    rule*.

    Args:
        min_events: The fewest random events before the set-up.
        max_events: The most random events before the set-up.
        person: Whom the record is about; must not be a citizen of Kazakhstan.
        kinds: Which breaches to make (:data:`MUTATION_KINDS`; all by default).
        start: The earliest date.

    Returns:
        A strategy for :class:`Mutation`.

    Raises:
        hypothesis.errors.InvalidArgument: At once, if an argument is malformed.
    """
    low = _check_int(min_events, "min_events")
    high = _check_int(max_events, "max_events")
    if low > high:
        raise InvalidArgument(f"min_events={low} is greater than max_events={high}")
    who = _check_person(person)
    if "KZ" in who.nationalities:
        raise InvalidArgument("person must not be a citizen of Kazakhstan (no extradition)")
    if kinds is None:
        chosen = MUTATION_KINDS
    else:
        if isinstance(kinds, str) or not isinstance(kinds, Collection):
            raise InvalidArgument(f"kinds={kinds!r} must be a collection of names")
        chosen = tuple(kinds)
        unknown = sorted(set(chosen) - set(MUTATION_KINDS))
        if unknown or not chosen:
            raise InvalidArgument(f"unknown or no kinds {unknown}; known: {MUTATION_KINDS}")
    scene = _scene(who, "KZ", None, _UN_BODIES)
    return _mutations(
        who=who, scene=scene, low=low, high=high, kinds=chosen, first_day=_check_start(start)
    )
