"""Valid case records, their parts and their events, drawn from the model's field metadata.

Every field's strategy comes from its type and its field check (see
``_checks.py``): the ``{Check: strategy}`` table below is the only place that
knows what a valid id, country or text is. References (``REFERS_TO``) name an
earlier event of an allowed type in the same account or in every account.
"""

from __future__ import annotations

import datetime
import enum
import functools
import inspect
import operator
import string
from collections.abc import Callable, Collection, Sequence
from types import UnionType
from typing import Any, ParamSpec, TypeVar, Union, get_args, get_origin

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .._checks import (
    CHECK,
    COUNTRIES,
    COUNTRY,
    DAY_COUNT,
    IDENTIFIER,
    LANGUAGE,
    NONEMPTY,
    NONEMPTY_ITEMS,
    NONEMPTY_TUPLE,
    NONNEGATIVE,
    PERIOD,
    POSITIVE,
    UNIQUE_STRINGS,
    Check,
)
from .._codec import _is_var_tuple, unstructure
from .._countries import ISO_3166_ALPHA2
from .._dates import UncertainDate
from .._model import (
    EVENT_TYPES,
    FORMAT_VERSION,
    REFERS_TO,
    Account,
    BorderCrossing,
    CaseRecord,
    Charge,
    Detention,
    DetentionExtended,
    Event,
    Person,
    PersonFacts,
    RelativeTiming,
    Source,
    SourceRef,
)
from .._parts import PARTS as _ALL_PARTS
from ._validation import check_bool, check_bounds, check_event_types, check_ids, check_int, renamed
from .dates import DAY_COUNTS, PERIODS, day_counts, uncertain_dates

# -- what a field is -----------------------------------------------------------------


@attrs.frozen
class Field:
    """An attrs field, as generation and mutation need to see it."""

    name: str
    type: Any  # with Optional taken off
    optional: bool
    required: bool
    check: Check | None
    refers_to: tuple[str, ...] | None
    default: Any


def is_model(tp: Any) -> bool:
    """Whether values of ``tp`` are JSON objects (dates are attrs classes, but strings)."""
    return tp is not UncertainDate and isinstance(tp, type) and attrs.has(tp)


_FIELDS: dict[type, tuple[Field, ...]] = {}


def fields(cls: type) -> tuple[Field, ...]:
    """The fields of an attrs class, with their checks and references, looked up once."""
    if cls in _FIELDS:
        return _FIELDS[cls]
    attrs.resolve_types(cls)
    out = []
    for field in attrs.fields(cls):
        tp = field.type
        optional = get_origin(tp) in (Union, UnionType) and type(None) in get_args(tp)
        if optional:
            (tp,) = (a for a in get_args(tp) if a is not type(None))
        out.append(
            Field(
                name=field.name,
                type=tp,
                optional=optional,
                required=field.default is attrs.NOTHING,
                check=field.metadata.get(CHECK),
                refers_to=field.metadata.get(REFERS_TO),
                default=field.default,
            )
        )
    _FIELDS[cls] = tuple(out)
    return _FIELDS[cls]


def _required_refs(cls: type[Event]) -> list[Field]:
    return [f for f in fields(cls) if f.refers_to is not None and f.required]


# -- values ------------------------------------------------------------------------------

_COUNTRY_CODES = tuple(sorted(ISO_3166_ALPHA2))
# Lowercase first, so that ids shrink to something readable ("a", not "A").
_ID_START = string.ascii_lowercase + string.digits + string.ascii_uppercase
_ID_REST = _ID_START + "._:-"


def countries() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 country codes the library accepts (``XK`` included).

    Returns:
        A strategy for two-letter codes such as ``"KZ"``; shrinks towards ``"AD"``.
    """
    return st.sampled_from(_COUNTRY_CODES)


# Strategies are made once: Hypothesis validates each new strategy object on its
# first draw, and making them per draw cost more than drawing from them.
_IDS: st.SearchStrategy[str] = st.builds(
    operator.add, st.sampled_from(_ID_START), st.text(st.sampled_from(_ID_REST), max_size=8)
)
# Text that is not empty or blank (the NONEMPTY check).
_TEXTS = st.text(min_size=1, max_size=30).filter(str.strip)
# BCP 47 tags as the LANGUAGE check reads them: a primary tag and a subtag or
# two (from_regex could say this in one line, at several times the cost per draw).
_LANGUAGES = st.builds(
    operator.add,
    st.text(st.sampled_from(string.ascii_lowercase), min_size=2, max_size=3),
    st.lists(
        st.text(st.sampled_from(string.ascii_letters + string.digits), min_size=2, max_size=8),
        max_size=2,
    ).map(lambda subtags: "".join(f"-{tag}" for tag in subtags)),
)
_URLS = _IDS.map(lambda slug: f"https://example.org/{slug}")


#: The years of dates drawn where no bounds are asked for: ``(min_year, max_year)``.
_Years = tuple[int, int]
DEFAULT_YEARS: _Years = (1900, 2100)
_DATES: dict[_Years, st.SearchStrategy[UncertainDate]] = {}


def _dates(years: _Years) -> st.SearchStrategy[UncertainDate]:
    if years not in _DATES:
        _DATES[years] = uncertain_dates(min_year=years[0], max_year=years[1])
    return _DATES[years]


def _positive(tp: Any, years: _Years) -> st.SearchStrategy[Any]:
    if tp is int:
        return st.integers(1, 10_000)
    if tp is float:
        return st.floats(0, 1_000, exclude_min=True)
    raise TypeError(f"no strategy for a {tp!r} field with the check POSITIVE")


def _nonnegative(tp: Any, years: _Years) -> st.SearchStrategy[Any]:
    if tp is int:
        return st.integers(0, 10_000)
    if tp is float:
        return st.floats(0, 1_000)
    raise TypeError(f"no strategy for a {tp!r} field with the check NONNEGATIVE")


# What a valid value is, for each field check: the one place that knows. Each
# factory takes the field's type (with Optional taken off). Checks hold a dict
# (their schema) and cannot be dict keys, so the table is looked up by identity.
# Each also takes the years of the dates drawn, for parts that hold dates.
_CHECKED: tuple[tuple[Check, Callable[[Any, _Years], st.SearchStrategy[Any]]], ...] = (
    (IDENTIFIER, lambda tp, years: _IDS),
    (COUNTRY, lambda tp, years: countries()),
    (COUNTRIES, lambda tp, years: st.lists(countries(), unique=True, max_size=3).map(tuple)),
    (LANGUAGE, lambda tp, years: _LANGUAGES),
    (NONEMPTY, lambda tp, years: _TEXTS),
    (NONEMPTY_ITEMS, lambda tp, years: st.lists(_TEXTS, max_size=3).map(tuple)),
    (
        UNIQUE_STRINGS,
        lambda tp, years: st.lists(st.text(max_size=20), unique=True, max_size=3).map(tuple),
    ),
    (POSITIVE, _positive),
    (NONNEGATIVE, _nonnegative),
    (DAY_COUNT, lambda tp, years: DAY_COUNTS),
    (PERIOD, lambda tp, years: PERIODS),
    (
        NONEMPTY_TUPLE,
        lambda tp, years: st.lists(
            _plain_values(get_args(tp)[0], years), min_size=1, max_size=3
        ).map(tuple),
    ),
)


def _checked_values(check: Check, tp: Any, years: _Years = DEFAULT_YEARS) -> st.SearchStrategy[Any]:
    for known, factory in _CHECKED:
        if known is check:
            return factory(tp, years)
    raise TypeError(f"no strategy for a {tp!r} field with the check {check!r}")


def _plain_values(tp: Any, years: _Years = DEFAULT_YEARS) -> st.SearchStrategy[Any]:
    if tp is bool:
        return st.booleans()
    if tp is str:
        return st.text(max_size=20)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(tp)
    if tp is UncertainDate:
        return _dates(years)
    if _is_var_tuple(tp):
        return st.lists(_plain_values(get_args(tp)[0], years), max_size=3).map(tuple)
    if tp in PARTS:
        return _build(tp, {}, years)
    raise TypeError(f"no strategy for the type {tp!r}")


def _values(field: Field, years: _Years) -> st.SearchStrategy[Any]:
    if field.check is None:
        values = _plain_values(field.type, years)
    else:
        values = _checked_values(field.check, field.type, years)
    return st.none() | values if field.optional else values


_STRATEGIES: dict[tuple[type, _Years], dict[str, st.SearchStrategy[Any]]] = {}


def _field_strategies(
    cls: type, years: _Years = DEFAULT_YEARS
) -> dict[str, st.SearchStrategy[Any]]:
    """A strategy for each field of ``cls`` on its own, made once per class and years."""
    if (cls, years) not in _STRATEGIES:
        _STRATEGIES[cls, years] = {field.name: _values(field, years) for field in fields(cls)}
    return _STRATEGIES[cls, years]


# Checks on more than one field (the classes' ``_object_problems``): each fixup
# repairs the one combination a free draw can get wrong.


def _fix_charge(draw: st.DrawFn, kwargs: dict[str, Any]) -> None:
    if kwargs["article"] is None and kwargs["label"] is None:
        kwargs["label"] = draw(_TEXTS)


def _fix_source(draw: st.DrawFn, kwargs: dict[str, Any]) -> None:
    if kwargs["url"] is None and kwargs["file"] is None:
        kwargs["url"] = draw(_URLS)


def _fix_timing(draw: st.DrawFn, kwargs: dict[str, Any]) -> None:
    # Days or a period, never both or neither.
    if (kwargs["days"] is None) == (kwargs["period"] is None):
        if draw(st.booleans()):
            kwargs["days"], kwargs["period"] = draw(DAY_COUNTS), None
        else:
            kwargs["days"], kwargs["period"] = None, draw(PERIODS)


def _fix_term(draw: st.DrawFn, kwargs: dict[str, Any]) -> None:
    # An order that set no term gives no term_days.
    if kwargs["term_set"] is False:
        kwargs["term_days"] = None


def _fix_crossing(draw: st.DrawFn, kwargs: dict[str, Any]) -> None:
    if kwargs["to_country"] == kwargs["from_country"]:
        other = kwargs["from_country"]
        kwargs["to_country"] = draw(countries().filter(lambda code: code != other))


def _fix_person(draw: st.DrawFn, kwargs: dict[str, Any]) -> None:
    # One entry of facts per account.
    unique = {facts.account: facts for facts in kwargs["accounts"]}
    kwargs["accounts"] = tuple(unique.values())


_FIXUPS: dict[type, Callable[[st.DrawFn, dict[str, Any]], None]] = {
    Charge: _fix_charge,
    Person: _fix_person,
    Source: _fix_source,
    RelativeTiming: _fix_timing,
    BorderCrossing: _fix_crossing,
    Detention: _fix_term,
    DetentionExtended: _fix_term,
}


def _record_strategies(years: _Years = DEFAULT_YEARS) -> dict[str, st.SearchStrategy[Any]]:
    """Strategies for the fields of a record that do not depend on the others."""
    if (CaseRecord, years) not in _STRATEGIES:
        _STRATEGIES[CaseRecord, years] = {
            field.name: _values(field, years)
            for field in fields(CaseRecord)
            if field.name not in _RECORD_CONTEXT
        }
    return _STRATEGIES[CaseRecord, years]


# Record fields that _records builds itself, since they depend on each other.
_RECORD_CONTEXT = frozenset({"sources", "events", "accounts", "format_version"})


@st.composite
def _build(
    draw: st.DrawFn,
    cls: type[Any],
    overrides: dict[str, st.SearchStrategy[Any]],
    years: _Years = DEFAULT_YEARS,
) -> Any:
    strategies = _field_strategies(cls, years)
    kwargs = {name: draw(overrides.get(name, strategy)) for name, strategy in strategies.items()}
    if (fixup := _FIXUPS.get(cls)) is not None:
        fixup(draw, kwargs)
    return cls(**kwargs)


#: The parts of a record, each drawn from its fields alone (ids they hold,
#: of events or accounts, are then arbitrary: inside a record, :func:`records`
#: draws them from what the record holds).
PARTS: tuple[type, ...] = _ALL_PARTS


def parts(cls: type[Any]) -> st.SearchStrategy[Any]:
    """Valid instances of one of :data:`PARTS` (a person, a source, a charge...)."""
    if cls not in PARTS:
        raise InvalidArgument(f"{cls!r} is not one of the parts of a record: {PARTS!r}")
    return _build(cls, {})


def charges() -> st.SearchStrategy[Charge]:
    """Charges: a code and an article or a label (or both), perhaps a category.

    Returns:
        A strategy for :class:`~proceedings.Charge`.
    """
    return _build(Charge, {})


def source_refs(source_ids: Collection[str]) -> st.SearchStrategy[SourceRef]:
    """Citations of one of the given sources, perhaps with a quote and a note.

    Args:
        source_ids: The ids of the record's sources; at least one.

    Returns:
        A strategy for :class:`~proceedings.SourceRef`.

    Raises:
        hypothesis.errors.InvalidArgument: If ``source_ids`` is a single string,
            empty, repeats an id or holds something that is not an id.
    """
    ids = check_ids(source_ids, "source_ids", allow_empty=False)
    return _build(SourceRef, {"source": st.sampled_from(ids)})


# -- events --------------------------------------------------------------------------


@attrs.frozen
class _Context:
    """What an event may refer to: the record's sources, accounts and earlier events."""

    source_ids: tuple[str, ...]
    accounts: tuple[str, ...]
    earlier: tuple[Event, ...]
    #: The years of the dates drawn.
    years: _Years = DEFAULT_YEARS

    def candidates(self, refers_to: tuple[str, ...], account: str | None) -> list[str]:
        """Ids of the earlier events a reference field of an event in ``account`` may name."""
        return [
            ev.id
            for ev in self.earlier
            if (not refers_to or ev.type in refers_to)
            and (ev.account is None or ev.account == account)
        ]

    def accounts_for(self, cls: type[Event]) -> list[str | None]:
        """The accounts an event of ``cls`` may belong to, given what it must refer to."""
        return [
            account
            for account in (None, *self.accounts)
            if all(self.candidates(f.refers_to or (), account) for f in _required_refs(cls))
        ]


def _fresh_id(draw: st.DrawFn, used: Collection[str]) -> str:
    ident = draw(_IDS)
    suffix = 1
    candidate = ident
    while candidate in used:
        suffix += 1
        candidate = f"{ident}-{suffix}"
    return candidate


@st.composite
def _one_event(draw: st.DrawFn, choices: tuple[type[Event], ...], context: _Context) -> Event:
    possible = [cls for cls in choices if context.accounts_for(cls)]
    cls = draw(st.sampled_from(possible))
    account = draw(st.sampled_from(context.accounts_for(cls)))
    kwargs: dict[str, Any] = {}
    strategies = _field_strategies(cls, context.years)
    for field in fields(cls):
        if field.name == "id":
            kwargs["id"] = _fresh_id(draw, {ev.id for ev in context.earlier})
        elif field.name == "account":
            kwargs["account"] = account
        elif field.name == "sources":
            if context.source_ids:
                cited = st.lists(source_refs(context.source_ids), max_size=2).map(tuple)
                kwargs["sources"] = draw(cited)
            else:
                kwargs["sources"] = ()
        elif field.name == "after":
            kwargs["after"] = None  # drawn below, with a date that fits it
        elif field.refers_to is not None:
            kwargs[field.name] = draw(_references(field, context, account))
        elif (part := _part_with_refs(field)) is not None:
            kwargs[field.name] = draw(_contextual(field, part, context, account))
        else:
            kwargs[field.name] = draw(strategies[field.name])
    if kwargs.get("same_day_as") is not None:
        # Events tied to one day must have dates that can overlap: share one.
        target = next(ev for ev in context.earlier if ev.id == kwargs["same_day_as"])
        kwargs["date"] = target.date
    elif (after := _draw_after(draw, context, account)) is not None:
        kwargs["after"], kwargs["date"] = after
    if (fixup := _FIXUPS.get(cls)) is not None:
        fixup(draw, kwargs)
    result: Event = cls(**kwargs)
    return result


def _draw_after(
    draw: st.DrawFn, context: _Context, account: str | None
) -> tuple[RelativeTiming, UncertainDate] | None:
    """Sometimes, a relative timing after an earlier event, and a date that fits it.

    The date is the written date of the earlier event moved by the days: it
    holds every day the timing allows, so it stays consistent even where the
    earlier event's own date is narrowed by a timing of its own.
    """
    targets = context.candidates((), account)
    if not targets or draw(st.integers(0, 3)) != 0:
        return None
    target_id = draw(st.sampled_from(targets))
    target = next(ev for ev in context.earlier if ev.id == target_id)
    # The days left before 9999-12-31 bound the fewest days (an open start,
    # date.min, leaves any number).
    room = datetime.date.max.toordinal() - target.date.earliest.toordinal()
    if room > 2_000 and draw(st.integers(0, 2)) == 0:
        timing = RelativeTiming(event=target_id, period=draw(PERIODS))
    else:
        timing = RelativeTiming(event=target_id, days=draw(day_counts(min(room, 30))))
    low, high, _ = timing.span(target.date)
    date = UncertainDate.from_bounds(
        None if target.date.open_start else low, None if target.date.open_end else high
    )
    return timing, date


def _references(field: Field, context: _Context, account: str | None) -> st.SearchStrategy[Any]:
    """Ids for a reference field: earlier events it may name, one or a tuple."""
    targets = context.candidates(field.refers_to or (), account)
    if _is_var_tuple(field.type):
        return (
            st.lists(st.sampled_from(targets), unique=True, max_size=2).map(tuple)
            if targets
            else st.just(())
        )
    if field.required:
        return st.sampled_from(targets)
    return st.none() | st.sampled_from(targets) if targets else st.none()


def _part_with_refs(field: Field) -> type | None:
    """The part class a field holds (alone or in a tuple) if the part holds references."""
    tp = get_args(field.type)[0] if _is_var_tuple(field.type) else field.type
    if tp in PARTS and any(f.refers_to is not None for f in fields(tp)):
        return tp  # type: ignore[no-any-return]
    return None


def _contextual(
    field: Field, part: type, context: _Context, account: str | None
) -> st.SearchStrategy[Any]:
    """A part (or a tuple of parts) whose references name earlier events."""
    overrides = {
        f.name: _references(f, context, account) for f in fields(part) if f.refers_to is not None
    }
    one = _build(part, overrides, context.years)
    if _is_var_tuple(field.type):
        return st.lists(one, max_size=2).map(tuple)
    return st.none() | one if field.optional else one


def _reachable(chosen: tuple[type[Event], ...]) -> set[type[Event]]:
    """The event types that can occur in a record made only of ``chosen`` types.

    A type with a required reference (an appeal decision needs its appeal) can
    occur only once a type it may refer to can.
    """
    reached: set[type[Event]] = set()
    grew = True
    while grew:
        grew = False
        for cls in chosen:
            if cls in reached:
                continue
            if all(
                any(not f.refers_to or target.type in f.refers_to for target in reached)
                for f in _required_refs(cls)
            ):
                reached.add(cls)
                grew = True
    return reached


def _check_earlier(earlier: object, accounts: tuple[str, ...]) -> tuple[Event, ...]:
    if isinstance(earlier, str) or not isinstance(earlier, Sequence):
        raise InvalidArgument(f"earlier={earlier!r} must be a sequence of events")
    previous = tuple(earlier)
    seen: set[str] = set()
    for ev in previous:
        if not isinstance(ev, Event):
            raise InvalidArgument(f"earlier holds {ev!r}, which is not an event")
        if ev.account is not None and ev.account not in accounts:
            raise InvalidArgument(f"earlier event {ev.id!r} belongs to undeclared {ev.account!r}")
        if ev.id in seen:
            raise InvalidArgument(f"earlier repeats the event id {ev.id!r}")
        seen.add(ev.id)
    return previous


def events(
    *,
    event_types: Collection[type[Event]] | None = None,
    source_ids: Collection[str] = (),
    accounts: Collection[str] = (),
    earlier: Sequence[Event] = (),
    types: Collection[type[Event]] | None = None,
) -> st.SearchStrategy[Event]:
    """One event that may follow ``earlier`` in a record with these sources and accounts.

    The event's id differs from every earlier one; its references name earlier
    events of an allowed type that belong to its account or to every account;
    its source references name ``source_ids``; its account is one of ``accounts`` or
    none. To build a whole record, use :func:`records`, which calls this logic
    once per event.

    Args:
        event_types: The event classes to choose from (all of
            :data:`~proceedings.EVENT_TYPES` by default).
        source_ids: The ids of the record's sources.
        accounts: The names of the record's accounts.
        earlier: The events before this one, in order.
        types: The old name of ``event_types``; deprecated.

    Returns:
        A strategy for :class:`~proceedings.Event` subclasses.

    Raises:
        hypothesis.errors.InvalidArgument: If an argument has the wrong form, an
            earlier event belongs to an undeclared account or repeats an id, or
            one of the ``event_types`` asked for needs an earlier event that
            ``earlier`` does not hold (an ``AppealDecided`` needs an
            ``AppealFiled``); with ``event_types=None``, such types are left out.
    """
    asked = renamed("types", "event_types", types, event_types, None)
    chosen = check_event_types(asked)
    sources = check_ids(source_ids, "source_ids", allow_empty=True)
    names = check_ids(accounts, "accounts", allow_empty=True)
    context = _Context(source_ids=sources, accounts=names, earlier=_check_earlier(earlier, names))
    possible = tuple(cls for cls in chosen if context.accounts_for(cls))
    if asked is not None and len(possible) < len(chosen):
        missing = ", ".join(cls.__name__ for cls in chosen if cls not in possible)
        raise InvalidArgument(f"no earlier event that {missing} must refer to")
    return _one_event(possible, context)


# -- records -----------------------------------------------------------------------------


@st.composite
def _records(
    draw: st.DrawFn,
    *,
    min_events: int,
    max_events: int,
    choices: tuple[type[Event], ...],
    max_accounts: int,
    chronological: bool,
    years: _Years,
) -> CaseRecord:
    sources = draw(st.lists(_build(Source, {}, years), max_size=3, unique_by=lambda s: s.id))
    declared = draw(
        st.lists(_build(Account, {}, years), max_size=max_accounts, unique_by=lambda a: a.name)
    )
    context = _Context(
        source_ids=tuple(s.id for s in sources),
        accounts=tuple(a.name for a in declared),
        earlier=(),
        years=years,
    )
    for _ in range(draw(st.integers(min_events, max_events))):
        event = draw(_one_event(choices, context))
        context = attrs.evolve(context, earlier=(*context.earlier, event))
    happened = context.earlier
    if chronological:
        # Sorted by earliest day, no event can lie wholly before the one listed
        # before it: its latest day is at least its own earliest day, which is
        # at least the earlier event's earliest day.
        # Re-dating would break same-day ties and relative timings, so
        # chronological records have none.
        dates = sorted((ev.date for ev in happened), key=lambda d: (d.earliest, d.latest))
        happened = tuple(
            attrs.evolve(ev, date=d, same_day_as=None, after=None)
            for ev, d in zip(happened, dates, strict=True)
        )
    fixed: dict[str, Any] = {
        "sources": tuple(sources),
        "events": happened,
        "accounts": tuple(declared),
        "format_version": FORMAT_VERSION,
    }
    # Every other field (id, person, title, notes, ...) is drawn like any part's.
    others = {name: draw(strategy) for name, strategy in _record_strategies(years).items()}
    # The person's facts per account name declared accounts, each once.
    names = [a.name for a in declared]
    facts = st.lists(st.sampled_from(names), unique=True, max_size=2) if names else st.just([])
    person_accounts = tuple(
        draw(_build(PersonFacts, {"account": st.just(name)}, years)) for name in draw(facts)
    )
    others["person"] = attrs.evolve(others["person"], accounts=person_accounts)
    return CaseRecord(**others, **fixed)


def _max_accounts(max_accounts: object, accounts: object) -> int:
    """``max_accounts``, or the deprecated flag ``accounts`` read as a bound."""
    if accounts is not None:
        bound = 2 if check_bool(accounts, "accounts") else 0
        renamed("accounts", "max_accounts", bound, max_accounts, 2)
        return bound
    return check_int(max_accounts, "max_accounts")


def records(
    *,
    min_events: int = 0,
    max_events: int = 20,
    event_types: Collection[type[Event]] | None = None,
    max_accounts: int = 2,
    chronological: bool = False,
    min_year: int = DEFAULT_YEARS[0],
    max_year: int = DEFAULT_YEARS[1],
    accounts: bool | None = None,
) -> st.SearchStrategy[CaseRecord]:
    """Valid case records: the constructors and the codec accept every one.

    Args:
        min_events: The fewest events a record has.
        max_events: The most events a record has.
        event_types: The event classes to use (all by default). A class that
            must refer to another (``AppealDecided`` to ``AppealFiled``) needs
            a class it can refer to among them.
        max_accounts: The most accounts a record declares (events may belong
            to them); ``0`` for records without accounts.
        chronological: Whether the dates must be consistent with the order of
            the events (no event wholly before the one listed before it). Off
            by default: an inconsistent order is a finding, not an invalid record.
        min_year: No known bound of a date drawn (of an event, a source, a
            birth) lies before this year.
        max_year: Nor after this one; up to 9999, the last year a record can
            give (a date drawn ``after`` another is then cut at 9999-12-31).
        accounts: Deprecated: ``True`` is ``max_accounts=2``, ``False`` is
            ``max_accounts=0``.

    Returns:
        A strategy for :class:`~proceedings.CaseRecord`.

    Raises:
        hypothesis.errors.InvalidArgument: If a bound is not a non-negative int,
            ``min_events > max_events``, a year is not in 1..9999 or
            ``min_year > max_year``, a flag is not a bool, or ``event_types``
            holds a class that could never occur.
    """
    low, high = check_bounds(min_events, max_events)
    years = check_bounds(min_year, max_year, ("min_year", "max_year"), min_value=1, max_value=9999)
    chosen = check_event_types(event_types)
    reachable = _reachable(chosen)
    if len(reachable) < len(chosen):
        never = ", ".join(cls.__name__ for cls in chosen if cls not in reachable)
        raise InvalidArgument(
            f"event_types holds {never}, which must refer to an earlier event of a type "
            "not in event_types"
        )
    return _records(
        min_events=low,
        max_events=high,
        choices=chosen,
        max_accounts=_max_accounts(max_accounts, accounts),
        chronological=check_bool(chronological, "chronological"),
        years=years,
    )


P = ParamSpec("P")
T = TypeVar("T")
R = TypeVar("R")


def _same_arguments_as(make: Callable[P, T]) -> Callable[[Callable[[T], R]], Callable[P, R]]:
    """Make the decorated function take ``make``'s arguments, and pass it what ``make`` returns.

    Its signature (for :mod:`inspect`, autodoc and mypy) is ``make``'s with its own return type.
    """

    def decorate(then: Callable[[T], R]) -> Callable[P, R]:
        @functools.wraps(then)
        def public(*args: P.args, **kwargs: P.kwargs) -> R:
            return then(make(*args, **kwargs))

        returns = then.__annotations__["return"]
        public.__annotations__ = {**make.__annotations__, "return": returns}
        public.__signature__ = inspect.signature(make).replace(  # type: ignore[attr-defined]
            return_annotation=returns
        )
        return public

    return decorate


@_same_arguments_as(records)
def record_dicts(drawn: st.SearchStrategy[CaseRecord]) -> st.SearchStrategy[dict[str, Any]]:
    """The JSON form of :func:`records` (dicts, lists, strings, numbers), defaults left out.

    Takes the same arguments as :func:`records`.

    Returns:
        A strategy for dicts that ``proceedings.codec.structure`` accepts, and that
        ``json.dumps`` can write.
    """
    return drawn.map(_as_json)


def _as_json(record: CaseRecord) -> dict[str, Any]:
    data: dict[str, Any] = unstructure(record)
    return data


def _check_coverage() -> None:
    """Make every field's strategy now, so that a field type without one fails at import."""
    for cls in (*PARTS, *EVENT_TYPES):
        _field_strategies(cls)
    _record_strategies()


_check_coverage()
