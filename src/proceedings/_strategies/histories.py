"""Histories a strict proceeding accepts, and such a history with one breach to come.

The events here are drawn for a *scene* (a jurisdiction, the person's country
of origin, a third country) rather than freely as in ``records``: the protections
are about removals to the country of origin after claims, appeals, measures and
extradition decisions, and free draws would rarely meet them.

Each event's fields are derived from the model's field metadata, not written
per event type: a reference (``REFERS_TO``) names an earlier event of an
allowed type, an enumeration draws one of its members, a country one of the
scene's. :data:`FIELD_OVERRIDES` holds the few ``(class, field)`` pairs whose
values need the law's sense (a crossing enters or leaves the jurisdiction; the
person appeals decisions against them). A new event type in the model is drawn
here with no edit; a field type without a derivation fails at import.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, TypeVar, get_args

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .._checks import COUNTRY, IDENTIFIER, NONEMPTY, NONNEGATIVE, POSITIVE
from .._codec import _is_var_tuple
from .._dates import UncertainDate
from .._engine import Proceeding
from .._errors import RecordError, TransitionRefused
from .._model import (
    EVENT_TYPE_BY_TAG,
    EVENT_TYPES,
    AppealDecided,
    AppealFiled,
    AppealOutcome,
    AsylumClaim,
    AsylumDecision,
    AsylumOutcome,
    BorderCrossing,
    CaseRecord,
    Charge,
    CriminalCaseOpened,
    CriminalConviction,
    Detention,
    DetentionExtended,
    DetentionGround,
    DocumentDenied,
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
    Removal,
    RemovalChannel,
    WantedListing,
)
from .._rules import Rulebook
from ._law import DEFAULT_LAW, LawArgs, check_law
from ._validation import (
    check_bounds,
    check_country,
    check_date,
    check_event_types,
    check_instances,
    check_names,
    check_person,
    renamed,
)
from .oracle import EXTRADITION_APPEAL_DAYS, Protections
from .records import Field, fields

T = TypeVar("T")

DEFAULT_START = datetime.date(2023, 1, 9)
UN_BODIES = (InterimBody.UN_CAT, InterimBody.UN_HRC)
DEFAULT_PERSON = Person(id="person", nationalities=("RU",))

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
# Terms (in days, or years of a ban) around the limits the rules count.
_TERMS = (2, 30, 40, 60)

# How often each event type is drawn relative to the others (1 if not listed):
# the protections are about removals after claims, appeals, measures and
# extradition decisions. A tuning of the mix, not needed to draw a type.
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


# -- the scene ---------------------------------------------------------------------------


@attrs.frozen
class Scene:
    """Everything the event generator needs besides the record so far."""

    jurisdiction: str
    origin: str
    third: str
    types: tuple[type[Event], ...]
    bodies: tuple[InterimBody, ...]


def scene(person: Person, jurisdiction: object, event_types: object, bodies: object) -> Scene:
    """The scene for ``person`` in ``jurisdiction``, the arguments checked."""
    where = check_country(jurisdiction, "jurisdiction")
    abroad = [c for c in person.nationalities if c != where] + ["RU", "UZ"]
    origin = next(c for c in abroad if c != where)
    third = next(c for c in ("TR", "AM", "GE") if c not in {where, origin})
    return Scene(
        jurisdiction=where,
        origin=origin,
        third=third,
        types=check_event_types(event_types),
        bodies=check_instances(bodies, "interim_bodies", InterimBody),
    )


# -- field values, derived from the model -------------------------------------------------


@attrs.frozen
class Where:
    """What a field's builder sees: the scene, the events so far there, the fields so far."""

    scene: Scene
    here: Sequence[Event]
    cls: type[Event]
    drawn: dict[str, Any]


#: Draws one field's value. Every builder draws the same number of choices
#: whatever the record holds: a step's draws then stay aligned when the
#: shrinker deletes an earlier step, and shrinking stays fast.
Builder = Callable[[st.DrawFn, Where], Any]


def _pick(draw: st.DrawFn, candidates: Sequence[T]) -> T | None:
    """One of ``candidates`` (the latest by preference), or ``None`` if there are none."""
    i = draw(st.integers(0, 255))
    return candidates[-1 - i % len(candidates)] if candidates else None


def _maybe(draw: st.DrawFn, value: str | None) -> str | None:
    keep = draw(st.booleans())
    return value if keep else None


def _targets(where: Where, field: Field) -> list[str]:
    allowed = field.refers_to or ()
    return [ev.id for ev in where.here if not allowed or ev.type in allowed]


def _required_reference(field: Field) -> Builder:
    # An appeal is decided once, a measure lifted once: a required reference
    # names a target that no earlier event of the same type has named.
    def build(draw: st.DrawFn, where: Where) -> Any:
        named = {getattr(ev, field.name) for ev in where.here if type(ev) is where.cls}
        return _pick(draw, [i for i in _targets(where, field) if i not in named])

    return build


def _optional_reference(field: Field) -> Builder:
    def build(draw: st.DrawFn, where: Where) -> Any:
        targets = _targets(where, field)
        return _maybe(draw, targets[-1] if targets else None)

    return build


def _sample(values: Sequence[Any], *, optional: bool) -> Builder:
    strategy = st.sampled_from(values)
    if optional:
        strategy = st.none() | strategy
    return lambda draw, where: draw(strategy)


def _tuple_of(values: Sequence[Any]) -> Builder:
    strategy = st.lists(st.sampled_from(values), max_size=2, unique=True).map(tuple)
    return lambda draw, where: draw(strategy)


def _abroad(draw: st.DrawFn, where: Where) -> str:
    scene = where.scene
    return draw(st.sampled_from([scene.origin, scene.origin, scene.third]))


def _bodies(draw: st.DrawFn, where: Where) -> InterimBody:
    return draw(st.sampled_from(where.scene.bodies))


def _free_body(draw: st.DrawFn, where: Where) -> InterimBody | None:
    # The chart keeps one measure per body (lifting one lifts the body's
    # measure), the oracle one per request: a body whose measure stands
    # reiterates it rather than requesting another, so neither reading is drawn.
    lifted = {ev.measure for ev in where.here if isinstance(ev, InterimMeasureLifted)}
    standing = {
        ev.body
        for ev in where.here
        if isinstance(ev, InterimMeasureRequested) and ev.id not in lifted
    }
    return _pick(draw, [body for body in where.scene.bodies if body not in standing])


# Values of these types come from a fixed list (charges that the offence
# catalogue knows) or from the scene (the bodies asked for).
_ITEMS: Mapping[type, Sequence[Any]] = {Charge: _CHARGES, Penalty: _PENALTIES}
_BY_TYPE: Mapping[type, Builder] = {InterimBody: _bodies}


def _adverse(event: Event) -> bool:
    for (cls, name), outcomes in _ADVERSE_OUTCOMES.items():
        if isinstance(event, cls):
            return getattr(event, name) in outcomes
    return True


def _appealed(draw: st.DrawFn, where: Where) -> str | None:
    field = next(f for f in fields(AppealFiled) if f.name == "against")
    by_id = {ev.id: ev for ev in where.here}
    return _pick(draw, [i for i in _targets(where, field) if _adverse(by_id[i])])


def _crossing_from(draw: st.DrawFn, where: Where) -> str:
    entering = draw(st.booleans())
    return where.scene.origin if entering else where.scene.jurisdiction


def _crossing_to(draw: st.DrawFn, where: Where) -> str:
    entering = where.drawn["from_country"] != where.scene.jurisdiction
    return where.scene.jurisdiction if entering else where.scene.third


#: Decisions the person would appeal only with these outcomes (any other
#: event an appeal may name is against the person whatever it says).
_ADVERSE_OUTCOMES: Mapping[tuple[type[Event], str], frozenset[Any]] = {
    (AsylumDecision, "outcome"): frozenset({AsylumOutcome.REFUSED}),
    (ExtraditionDecided, "outcome"): frozenset({ExtraditionOutcome.APPROVED}),
    (AppealDecided, "outcome"): frozenset({AppealOutcome.DISMISSED}),
}

#: The ``(class, field)`` pairs whose values need the law's sense; ``None``
#: keeps the field's default. Every other field is derived from its metadata.
FIELD_OVERRIDES: Mapping[tuple[type[Event], str], Builder | None] = {
    # A crossing enters the jurisdiction from the country of origin, or leaves it.
    (BorderCrossing, "from_country"): _crossing_from,
    (BorderCrossing, "to_country"): _crossing_to,
    # Extradition is asked by the country the person fled.
    (ExtraditionRequested, "requesting_state"): lambda draw, where: where.scene.origin,
    # The person appeals decisions against them, ...
    (AppealFiled, "against"): _appealed,
    # ... and the oracle reads only the person's appeals.
    (AppealFiled, "appellant"): None,
    # One standing measure per body.
    (InterimMeasureRequested, "body"): _free_body,
}

# The fields every event has are the generator's: it sets the id, date and
# jurisdiction, and leaves accounts, citations, notes and same-day ties out.
_EVENT_FIELDS = frozenset(f.name for f in fields(Event))


def _derived(cls: type[Event], field: Field) -> Builder | None:
    """How to draw ``field`` of ``cls`` for the machine; ``None`` keeps its default."""
    if (cls, field.name) in FIELD_OVERRIDES:
        return FIELD_OVERRIDES[cls, field.name]
    if field.name in _EVENT_FIELDS:
        return None
    tp, check, optional = field.type, field.check, not field.required
    if field.refers_to is not None:
        return _required_reference(field) if field.required else _optional_reference(field)
    if _is_var_tuple(tp) and get_args(tp)[0] in _ITEMS:
        return _tuple_of(_ITEMS[get_args(tp)[0]])
    if tp in _BY_TYPE:
        return _BY_TYPE[tp]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        # An enumeration with a default member still varies; one with none may be absent.
        return _sample(list(tp), optional=field.optional)
    if tp is bool:
        return _sample([False, True], optional=False)
    if check is COUNTRY and not optional:
        return _abroad
    if check in (POSITIVE, NONNEGATIVE) and tp is int:
        return _sample(_TERMS, optional=field.optional)
    if optional:
        # Free text and the rest: the law reads none of it.
        return None
    if check is NONEMPTY:
        return lambda draw, where: "as reported"
    if check is IDENTIFIER:
        ident = f"{cls.type}_{field.name}"
        return lambda draw, where: ident
    raise TypeError(f"no machine value for the required field {cls.__name__}.{field.name}")


def _is_required(cls: type[Event], name: str) -> bool:
    return next(f for f in fields(cls) if f.name == name).required


def _plan(cls: type[Event]) -> tuple[tuple[str, Builder], ...]:
    return tuple(
        (field.name, build) for field in fields(cls) if (build := _derived(cls, field)) is not None
    )


# Derived once, at import, for every event type: a field the derivation does
# not know fails here, not in the middle of a test run.
_PLANS: Mapping[type[Event], tuple[tuple[str, Builder], ...]] = {
    cls: _plan(cls) for cls in EVENT_TYPES
}
# A required field drawn as None means that no such event can happen yet (an
# appeal decision with no appeal to decide).
_REQUIRED: Mapping[type[Event], tuple[str, ...]] = {
    cls: tuple(name for name, _ in _PLANS[cls] if _is_required(cls, name)) for cls in EVENT_TYPES
}


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


def event_tags(scene: Scene) -> st.SearchStrategy[str]:
    """Event type tags, weighted; the same list whatever happened before.

    A fixed list keeps shrinking effective: deleting an earlier step does not
    change which type a later step draws. ``other`` comes first, so that steps
    the shrinker cannot delete shrink towards an event nothing reacts to.
    """
    ordered = sorted(scene.types, key=lambda cls: cls is not Other)
    return st.sampled_from([cls.type for cls in ordered for _ in range(_WEIGHTS.get(cls, 1))])


@st.composite
def next_events(
    draw: st.DrawFn,
    tag: str,
    scene: Scene,
    record: CaseRecord,
    day: datetime.date,
    ident: str,
) -> Event | None:
    """An event of type ``tag`` on (or around) ``day`` after ``record``'s events.

    ``None`` if no such event can happen yet (an appeal decision needs an appeal).
    """
    cls = EVENT_TYPE_BY_TAG[tag]
    here = [ev for ev in record.events if ev.jurisdiction == scene.jurisdiction]
    abroad = cls in _ALSO_ABROAD and draw(st.integers(0, 4)) == 0
    where = Where(scene=scene, here=here, cls=cls, drawn={})
    for name, build in _PLANS[cls]:
        where.drawn[name] = build(draw, where)
    date = draw(_dates_on(day))
    if any(where.drawn[name] is None for name in _REQUIRED[cls]):
        return None
    result: Event = cls(
        id=ident,
        date=date,
        jurisdiction=scene.origin if abroad else scene.jurisdiction,
        **where.drawn,
    )
    return result


WAITS = st.one_of(st.integers(0, 4), st.sampled_from([9, 10, 11, 30, 39, 41, 45, 100]))


# -- lawful histories ----------------------------------------------------------------------


@st.composite
def _lawful(
    draw: st.DrawFn,
    *,
    who: Person,
    law: LawArgs,
    scene: Scene,
    low: int,
    high: int,
    first_day: datetime.date,
) -> Proceeding:
    proc = law.proceeding(who)
    wanted = draw(st.integers(low, high))
    day = first_day
    for offered in range(1, 5 * wanted + 1):
        if len(proc.record.events) >= wanted:
            break
        day += datetime.timedelta(days=draw(WAITS))
        event = draw(next_events(draw(event_tags(scene)), scene, proc.record, day, f"e{offered}"))
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
    interim_bodies: Collection[InterimBody] = UN_BODIES,
    start: datetime.date = DEFAULT_START,
) -> st.SearchStrategy[CaseRecord]:
    """Records whose events a strict proceeding on these rulebooks accepts, in order.

    Events are drawn as in :func:`proceedings.testing.proceeding_machine`; those
    the proceeding refuses are left out, so the record is a history the law
    allows. Dates move forward from ``start`` and are sometimes uncertain.

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
    low, high = check_bounds(min_events, max_events)
    who = check_person(person, DEFAULT_PERSON)
    law = check_law(who, rulebooks, readings)
    where = scene(who, jurisdiction, event_types, interim_bodies)
    first_day = check_date(start, "start")
    return _lawful(who=who, law=law, scene=where, low=low, high=high, first_day=first_day).map(
        lambda proc: proc.record
    )


# -- near-lawful mutations -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Mutation:
    """A lawful record, and one event after it that a named rule must refuse.

    Attributes:
        record: A record the strict proceeding accepts.
        event: The next event, which breaches the law.
        rule_id: The rule of the default rulebooks that must refuse it (others
            may refuse it too).
        kind: Which breach it is (one of :data:`BREACHES`).
    """

    record: CaseRecord
    event: Event
    rule_id: str
    kind: str


# Each breach: the lawful events that set it up, and the breaching event.
_Builder = Callable[[st.DrawFn, Scene, datetime.date], tuple[list[Event], Event]]


def _ev(cls: type[Event], ident: str, day: datetime.date, where: str, **values: Any) -> Event:
    return cls(id=ident, date=UncertainDate.from_date(day), jurisdiction=where, **values)


def _days(day: datetime.date, n: int) -> datetime.date:
    return day + datetime.timedelta(days=n)


def _removal_to_origin(draw: st.DrawFn, scene: Scene, day: datetime.date, ident: str) -> Event:
    return _ev(
        Removal,
        ident,
        day,
        scene.jurisdiction,
        channel=draw(st.sampled_from(RemovalChannel)),
        destination=scene.origin,
    )


def _during_claim(draw: st.DrawFn, scene: Scene, day: datetime.date) -> tuple[list[Event], Event]:
    claim = _ev(AsylumClaim, "m-claim", day, scene.jurisdiction)
    later = _days(day, draw(st.integers(0, 60)))
    return [claim], _removal_to_origin(draw, scene, later, "m-removal")


def _during_appeal(draw: st.DrawFn, scene: Scene, day: datetime.date) -> tuple[list[Event], Event]:
    where = scene.jurisdiction
    claim = _ev(AsylumClaim, "m-claim", day, where)
    refusal = _ev(AsylumDecision, "m-refusal", _days(day, 30), where, outcome=AsylumOutcome.REFUSED)
    appeal = _ev(AppealFiled, "m-appeal", _days(day, 35), where, against="m-refusal")
    later = _days(day, 35 + draw(st.integers(0, 60)))
    return [claim, refusal, appeal], _removal_to_origin(draw, scene, later, "m-removal")


def _under_measure(body: InterimBody) -> _Builder:
    def build(draw: st.DrawFn, scene: Scene, day: datetime.date) -> tuple[list[Event], Event]:
        measure = _ev(InterimMeasureRequested, "m-measure", day, scene.jurisdiction, body=body)
        later = _days(day, draw(st.integers(0, 60)))
        return [measure], _removal_to_origin(draw, scene, later, "m-removal")

    return build


def _surrender_in_window(
    draw: st.DrawFn, scene: Scene, day: datetime.date
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
    later = _days(day, 1 + draw(st.integers(0, EXTRADITION_APPEAL_DAYS)))
    surrender = _ev(
        Removal,
        "m-removal",
        later,
        where,
        channel=RemovalChannel.EXTRADITION,
        destination=scene.origin,
    )
    return [request, approval], surrender


def _handover(draw: st.DrawFn, scene: Scene, day: datetime.date) -> tuple[list[Event], Event]:
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
    draw: st.DrawFn, scene: Scene, day: datetime.date
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
    draw: st.DrawFn, scene: Scene, day: datetime.date
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
    draw: st.DrawFn, scene: Scene, day: datetime.date
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

# (breach, rule, builder, which earlier states of the oracle rule it out)
_Needs = Callable[[Protections, Sequence[Event]], bool]
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

#: The breaches :func:`near_lawful_mutations` makes, for its ``breaches`` argument.
BREACHES: tuple[str, ...] = tuple(name for name, *_ in _BREACHES)


@st.composite
def _mutations(
    draw: st.DrawFn,
    *,
    who: Person,
    scene: Scene,
    low: int,
    high: int,
    breaches: tuple[str, ...],
    first_day: datetime.date,
) -> Mutation:
    proc = draw(
        _lawful(who=who, law=DEFAULT_LAW, scene=scene, low=low, high=high, first_day=first_day)
    )
    oracle = Protections(scene.jurisdiction)
    for ev in proc.record.events:
        oracle.update(ev)
    here = [ev for ev in proc.record.events if ev.jurisdiction == scene.jurisdiction]
    possible = [b for b in _BREACHES if b[0] in breaches and b[3](oracle, here)]
    assume(possible)
    name, rule_id, build, _ = draw(st.sampled_from(possible))
    last = max((ev.date.latest for ev in proc.record.events), default=first_day)
    setup, breach = build(draw, scene, _days(last, draw(st.integers(1, 30))))
    for ev in setup:
        try:
            proc.apply(ev)
        except (TransitionRefused, RecordError):
            assume(False)
    return Mutation(record=proc.record, event=breach, rule_id=rule_id, kind=name)


def near_lawful_mutations(
    *,
    min_events: int = 0,
    max_events: int = 8,
    person: Person | None = None,
    breaches: Collection[str] | None = None,
    start: datetime.date = DEFAULT_START,
    kinds: Collection[str] | None = None,
) -> st.SearchStrategy[Mutation]:
    """A lawful record in Kazakhstan, and one more event that a named rule must refuse.

    The record is drawn as by :func:`lawful_histories` (default rulebooks,
    default readings) and ends with the lawful events that set up a breach
    (an asylum claim, an extradition approval); the breaching event itself is
    not applied. The expected rule comes from the breach, not from the engine,
    so a test can check that the engine refuses the event *for that rule*.

    Args:
        min_events: The fewest random events before the set-up.
        max_events: The most random events before the set-up.
        person: Whom the record is about; must not be a citizen of Kazakhstan.
        breaches: Which breaches to make (:data:`BREACHES`; all by default).
        start: The earliest date.
        kinds: The old name of ``breaches``; deprecated.

    Returns:
        A strategy for :class:`Mutation`.

    Raises:
        hypothesis.errors.InvalidArgument: At once, if an argument is malformed.
    """
    low, high = check_bounds(min_events, max_events)
    who = check_person(person, DEFAULT_PERSON)
    if "KZ" in who.nationalities:
        raise InvalidArgument("person must not be a citizen of Kazakhstan (no extradition)")
    chosen = check_names(renamed("kinds", "breaches", kinds, breaches, None), "breaches", BREACHES)
    return _mutations(
        who=who,
        scene=scene(who, "KZ", None, UN_BODIES),
        low=low,
        high=high,
        breaches=chosen,
        first_day=check_date(start, "start"),
    )
