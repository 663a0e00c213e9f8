"""Histories a strict proceeding accepts, drawn event by event for a scene.

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

from .._checks import COUNTRY, IDENTIFIER, NONEMPTY, NONNEGATIVE, POSITIVE
from .._codec import _is_var_tuple
from .._dates import UncertainDate
from .._durations import shift_day
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
    DocumentDenied,
    Event,
    ExpulsionOrdered,
    ExtraditionDecided,
    ExtraditionOutcome,
    ExtraditionRequested,
    InterimBody,
    InterimMeasureLifted,
    InterimMeasureRequested,
    Other,
    Penalty,
    PenaltyKind,
    Person,
    Removal,
    WantedListing,
)
from .._proceeding import Proceeding
from .._rules import Law, Rulebook
from ._law import LawArgs, check_law
from ._validation import (
    check_bounds,
    check_country,
    check_date,
    check_event_types,
    check_instances,
    check_person,
)
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


def _asked_body(draw: st.DrawFn, where: Where) -> InterimBody | None:
    # Only the bodies asked for; a body may ask again while its first measure
    # stands (lifting one of two leaves the other in force, for the oracle as
    # for the rules).
    return _pick(draw, list(where.scene.bodies))


# Tuples of these come from a fixed list: charges the offence catalogue knows.
_ITEMS: Mapping[type, Sequence[Any]] = {Charge: _CHARGES, Penalty: _PENALTIES}


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
    # The bodies asked for.
    (InterimMeasureRequested, "body"): _asked_body,
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
            # Not %Y: strftime writes year 1 as "1", and a record's year has four digits.
            exact[:7],
            f"{exact}~",
            # Saturating: around 0001-01-01 or 9999-12-31 the interval is cut at the calendar's end.
            f"{shift_day(day, -2)}/{shift_day(day, 2)}",
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
    if where.drawn.get("term_set") is False:
        where.drawn["term_days"] = None  # an order that set no term gives none
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
def lawful(
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
        # Time stops at 9999-12-31: later events share that day, as a record must.
        day = shift_day(day, draw(WAITS))
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
    law: Law | None = None,
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
        law: The law (:class:`~proceedings.Law`);
            :data:`proceedings.law.DEFAULT_LAW` if ``None``.
        rulebooks: Deprecated: pass ``law=``.
        readings: Deprecated: pass ``law=``.
        person: Whom the record is about (a Russian national by default).
        jurisdiction: Where the events happen (ISO 3166-1 alpha-2).
        event_types: The event classes to draw from (all by default).
        interim_bodies: The bodies whose interim measures are drawn.
        start: The earliest date.

    Returns:
        A strategy for :class:`~proceedings.CaseRecord`;
        ``Proceeding.from_record(record, law=law)`` accepts every one.

    Raises:
        hypothesis.errors.InvalidArgument: At once, if an argument is malformed.
    """
    low, high = check_bounds(min_events, max_events)
    who = check_person(person, DEFAULT_PERSON)
    chosen = check_law(who, law, rulebooks, readings, where="lawful_histories")
    where = scene(who, jurisdiction, event_types, interim_bodies)
    first_day = check_date(start, "start")
    return lawful(who=who, law=chosen, scene=where, low=low, high=high, first_day=first_day).map(
        lambda proc: proc.record
    )
