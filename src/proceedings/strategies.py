"""Hypothesis strategies for case records, their JSON, and JSON with one thing broken.

For testing code that reads or writes records, and for testing this library::

    from hypothesis import given
    from proceedings import strategies as pst

    @given(pst.records(max_events=5))
    def test_my_dashboard_renders(record):
        ...

Every strategy here follows Hypothesis' own API style: plural nouns,
keyword-only bounds, and arguments checked when the strategy is made (a bad one
raises :class:`hypothesis.errors.InvalidArgument` at once, not on the first
draw).

What the generated records promise: the constructors and the codec accept them.
Ids are unique, every reference names an earlier event of an allowed type in the
same account or in every account, every citation names a listed source, every
account is declared. Dates are in any order unless ``chronological=True``: an
event dated before the one listed before it is a finding of validation, not an
invalid record, and tests of the findings need such records.

Installing the package registers :class:`~proceedings.UncertainDate` and
:class:`~proceedings.CaseRecord` with :func:`hypothesis.strategies.from_type`
through Hypothesis' entry point.
"""

from __future__ import annotations

import copy
import enum
import json
import operator
import string
from collections.abc import Callable, Collection, Sequence
from types import UnionType
from typing import Any, Union, get_args, get_origin

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ._checks import (
    CHECK,
    COUNTRIES,
    COUNTRY,
    IDENTIFIER,
    LANGUAGE,
    NONEMPTY,
    NONEMPTY_ITEMS,
    POSITIVE,
    UNIQUE_STRINGS,
    Check,
)
from ._codec import unstructure
from ._countries import ISO_3166_ALPHA2
from ._date_strategies import _missing_day, _reversed_interval, uncertain_dates
from ._dates import UncertainDate
from ._model import (
    EVENT_TYPE_BY_TAG,
    EVENT_TYPES,
    FORMAT_VERSION,
    REFERS_TO,
    Account,
    BorderCrossing,
    CaseRecord,
    Charge,
    Citation,
    Event,
    Penalty,
    Person,
    Source,
)

__all__ = [
    "MUTATION_KINDS",
    "broken_record_dicts",
    "charges",
    "citations",
    "countries",
    "events",
    "record_dicts",
    "records",
    "uncertain_dates",
]

# -- what a field is -----------------------------------------------------------------


@attrs.frozen
class _Field:
    """An attrs field, as generation and mutation need to see it."""

    name: str
    type: Any  # with Optional taken off
    optional: bool
    required: bool
    check: Check | None
    refers_to: tuple[str, ...] | None


def _is_var_tuple(tp: Any) -> bool:
    return get_origin(tp) is tuple and len(get_args(tp)) == 2 and get_args(tp)[1] is Ellipsis


def _is_model(tp: Any) -> bool:
    """Whether values of ``tp`` are JSON objects (dates are attrs classes, but strings)."""
    return tp is not UncertainDate and isinstance(tp, type) and attrs.has(tp)


_FIELDS: dict[type, tuple[_Field, ...]] = {}


def _fields(cls: type) -> tuple[_Field, ...]:
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
            _Field(
                name=field.name,
                type=tp,
                optional=optional,
                required=field.default is attrs.NOTHING,
                check=field.metadata.get(CHECK),
                refers_to=field.metadata.get(REFERS_TO),
            )
        )
    _FIELDS[cls] = tuple(out)
    return _FIELDS[cls]


def _required_refs(cls: type[Event]) -> list[_Field]:
    return [f for f in _fields(cls) if f.refers_to is not None and f.required]


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
_DATES = uncertain_dates()


def _checked_values(check: Check, tp: Any) -> st.SearchStrategy[Any]:
    if check is IDENTIFIER:
        return _IDS
    if check is COUNTRY:
        return countries()
    if check is COUNTRIES:
        return st.lists(countries(), unique=True, max_size=3).map(tuple)
    if check is LANGUAGE:
        return _LANGUAGES
    if check is NONEMPTY:
        return _TEXTS
    if check is NONEMPTY_ITEMS:
        return st.lists(_TEXTS, max_size=3).map(tuple)
    if check is UNIQUE_STRINGS:
        return st.lists(st.text(max_size=20), unique=True, max_size=3).map(tuple)
    if check is POSITIVE and tp is int:
        return st.integers(1, 10_000)
    if check is POSITIVE and tp is float:
        return st.floats(0, 1_000, exclude_min=True)
    raise TypeError(f"no strategy for a {tp!r} field with the check {check!r}")


def _plain_values(tp: Any) -> st.SearchStrategy[Any]:
    if tp is bool:
        return st.booleans()
    if tp is str:
        return st.text(max_size=20)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(tp)
    if tp is UncertainDate:
        return _DATES
    if _is_var_tuple(tp):
        return st.lists(_plain_values(get_args(tp)[0]), max_size=3).map(tuple)
    if tp in _PARTS:
        return _parts(tp)
    raise TypeError(f"no strategy for the type {tp!r}")


def _values(field: _Field) -> st.SearchStrategy[Any]:
    if field.check is None:
        values = _plain_values(field.type)
    else:
        values = _checked_values(field.check, field.type)
    return st.none() | values if field.optional else values


_STRATEGIES: dict[type, dict[str, st.SearchStrategy[Any]]] = {}


def _field_strategies(cls: type) -> dict[str, st.SearchStrategy[Any]]:
    """A strategy for each field of ``cls`` on its own, made once per class."""
    if cls not in _STRATEGIES:
        _STRATEGIES[cls] = {field.name: _values(field) for field in _fields(cls)}
    return _STRATEGIES[cls]


# Checks on more than one field (the classes' ``_object_problems``): each fixup
# repairs the one combination a free draw can get wrong.


def _fix_charge(draw: st.DrawFn, kwargs: dict[str, Any]) -> None:
    if kwargs["article"] is None and kwargs["label"] is None:
        kwargs["label"] = draw(_TEXTS)


def _fix_source(draw: st.DrawFn, kwargs: dict[str, Any]) -> None:
    if kwargs["url"] is None and kwargs["file"] is None:
        kwargs["url"] = draw(_URLS)


def _fix_crossing(draw: st.DrawFn, kwargs: dict[str, Any]) -> None:
    if kwargs["to_country"] == kwargs["from_country"]:
        other = kwargs["from_country"]
        kwargs["to_country"] = draw(countries().filter(lambda code: code != other))


_FIXUPS: dict[type, Callable[[st.DrawFn, dict[str, Any]], None]] = {
    Charge: _fix_charge,
    Source: _fix_source,
    BorderCrossing: _fix_crossing,
}

_PARTS = (Charge, Penalty, Person, Source, Account, Citation)


def _record_strategies() -> dict[str, st.SearchStrategy[Any]]:
    """Strategies for the fields of a record that do not depend on the others."""
    if CaseRecord not in _STRATEGIES:
        _STRATEGIES[CaseRecord] = {
            field.name: _values(field)
            for field in _fields(CaseRecord)
            if field.name not in _RECORD_CONTEXT
        }
    return _STRATEGIES[CaseRecord]


# Record fields that _records builds itself, since they depend on each other.
_RECORD_CONTEXT = frozenset({"sources", "events", "accounts", "format_version"})


@st.composite
def _build(draw: st.DrawFn, cls: type[Any], overrides: dict[str, st.SearchStrategy[Any]]) -> Any:
    strategies = _field_strategies(cls)
    kwargs = {name: draw(overrides.get(name, strategy)) for name, strategy in strategies.items()}
    if (fixup := _FIXUPS.get(cls)) is not None:
        fixup(draw, kwargs)
    return cls(**kwargs)


def _parts(cls: type[Any]) -> st.SearchStrategy[Any]:
    return _build(cls, {})


def charges() -> st.SearchStrategy[Charge]:
    """Charges: a code and an article or a label (or both), perhaps a category.

    Returns:
        A strategy for :class:`~proceedings.Charge`.
    """
    return _build(Charge, {})


def _check_ids(value: Any, name: str, *, allow_empty: bool) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Collection):
        raise InvalidArgument(f"{name}={value!r} must be a collection of ids, not a single value")
    ids = tuple(value)
    if not ids and not allow_empty:
        raise InvalidArgument(f"{name} must name at least one id")
    for item in ids:
        if not isinstance(item, str) or IDENTIFIER.test(item) is not None:
            raise InvalidArgument(f"{name} holds {item!r}, which is not a valid id")
    if len(set(ids)) != len(ids):
        raise InvalidArgument(f"{name}={ids!r} repeats an id")
    return ids


def citations(source_ids: Collection[str]) -> st.SearchStrategy[Citation]:
    """Citations of one of the given sources, perhaps with a quote and a note.

    Args:
        source_ids: The ids of the record's sources; at least one.

    Returns:
        A strategy for :class:`~proceedings.Citation`.

    Raises:
        hypothesis.errors.InvalidArgument: If ``source_ids`` is a single string,
            empty, repeats an id or holds something that is not an id.
    """
    ids = _check_ids(source_ids, "source_ids", allow_empty=False)
    return _build(Citation, {"source": st.sampled_from(ids)})


# -- events --------------------------------------------------------------------------


@attrs.frozen
class _Context:
    """What an event may refer to: the record's sources, accounts and earlier events."""

    source_ids: tuple[str, ...]
    accounts: tuple[str, ...]
    earlier: tuple[Event, ...]

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
    strategies = _field_strategies(cls)
    for field in _fields(cls):
        if field.name == "id":
            kwargs["id"] = _fresh_id(draw, {ev.id for ev in context.earlier})
        elif field.name == "account":
            kwargs["account"] = account
        elif field.name == "sources":
            if context.source_ids:
                cited = st.lists(citations(context.source_ids), max_size=2).map(tuple)
                kwargs["sources"] = draw(cited)
            else:
                kwargs["sources"] = ()
        elif field.refers_to is not None:
            targets = context.candidates(field.refers_to, account)
            if field.required:
                kwargs[field.name] = draw(st.sampled_from(targets))
            elif targets:
                kwargs[field.name] = draw(st.none() | st.sampled_from(targets))
            else:
                kwargs[field.name] = None
        else:
            kwargs[field.name] = draw(strategies[field.name])
    if kwargs.get("same_day_as") is not None:
        # Events tied to one day must have dates that can overlap: share one.
        target = next(ev for ev in context.earlier if ev.id == kwargs["same_day_as"])
        kwargs["date"] = target.date
    if (fixup := _FIXUPS.get(cls)) is not None:
        fixup(draw, kwargs)
    result: Event = cls(**kwargs)
    return result


def _check_types(value: Any, name: str) -> tuple[type[Event], ...]:
    if value is None:
        return EVENT_TYPES
    if isinstance(value, type) or not isinstance(value, Collection):
        raise InvalidArgument(f"{name}={value!r} must be a collection of event classes")
    chosen = tuple(value)
    if not chosen:
        raise InvalidArgument(f"{name} must name at least one event class")
    for cls in chosen:
        if cls not in EVENT_TYPES:
            raise InvalidArgument(
                f"{name} holds {cls!r}, which is not one of the concrete event classes "
                "in proceedings.EVENT_TYPES"
            )
    return chosen


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


def events(
    *,
    types: Collection[type[Event]] | None = None,
    source_ids: Collection[str] = (),
    accounts: Collection[str] = (),
    earlier: Sequence[Event] = (),
) -> st.SearchStrategy[Event]:
    """One event that may follow ``earlier`` in a record with these sources and accounts.

    The event's id differs from every earlier one; its references name earlier
    events of an allowed type that belong to its account or to every account;
    its citations name ``source_ids``; its account is one of ``accounts`` or
    none. To build a whole record, use :func:`records`, which calls this logic
    once per event.

    Args:
        types: The event classes to choose from (all of
            :data:`~proceedings.EVENT_TYPES` by default).
        source_ids: The ids of the record's sources.
        accounts: The names of the record's accounts.
        earlier: The events before this one, in order.

    Returns:
        A strategy for :class:`~proceedings.Event` subclasses.

    Raises:
        hypothesis.errors.InvalidArgument: If an argument has the wrong form, an
            earlier event belongs to an undeclared account or repeats an id, or
            one of the ``types`` asked for needs an earlier event that
            ``earlier`` does not hold (an ``AppealDecided`` needs an
            ``AppealFiled``); with ``types=None``, such types are left out.
    """
    chosen = _check_types(types, "types")
    sources = _check_ids(source_ids, "source_ids", allow_empty=True)
    names = _check_ids(accounts, "accounts", allow_empty=True)
    if isinstance(earlier, str) or not isinstance(earlier, Sequence):
        raise InvalidArgument(f"earlier={earlier!r} must be a sequence of events")
    previous = tuple(earlier)
    seen: set[str] = set()
    for ev in previous:
        if not isinstance(ev, Event):
            raise InvalidArgument(f"earlier holds {ev!r}, which is not an event")
        if ev.account is not None and ev.account not in names:
            raise InvalidArgument(f"earlier event {ev.id!r} belongs to undeclared {ev.account!r}")
        if ev.id in seen:
            raise InvalidArgument(f"earlier repeats the event id {ev.id!r}")
        seen.add(ev.id)
    context = _Context(source_ids=sources, accounts=names, earlier=previous)
    possible = tuple(cls for cls in chosen if context.accounts_for(cls))
    if types is not None and len(possible) < len(chosen):
        missing = ", ".join(cls.__name__ for cls in chosen if cls not in possible)
        raise InvalidArgument(f"no earlier event that {missing} must refer to")
    return _one_event(possible, context)


# -- records -----------------------------------------------------------------------------


def _check_int(value: Any, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be an int")
    if value < 0:
        raise InvalidArgument(f"{name}={value!r} must not be negative")
    return value


def _check_bool(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be True or False")
    return value


@st.composite
def _records(
    draw: st.DrawFn,
    *,
    min_events: int,
    max_events: int,
    choices: tuple[type[Event], ...],
    with_accounts: bool,
    chronological: bool,
) -> CaseRecord:
    sources = draw(st.lists(_parts(Source), max_size=3, unique_by=lambda s: s.id))
    declared = (
        draw(st.lists(_parts(Account), max_size=2, unique_by=lambda a: a.name))
        if with_accounts
        else []
    )
    context = _Context(
        source_ids=tuple(s.id for s in sources),
        accounts=tuple(a.name for a in declared),
        earlier=(),
    )
    for _ in range(draw(st.integers(min_events, max_events))):
        event = draw(_one_event(choices, context))
        context = attrs.evolve(context, earlier=(*context.earlier, event))
    happened = context.earlier
    if chronological:
        # Sorted by earliest day, no event can lie wholly before the one listed
        # before it: its latest day is at least its own earliest day, which is
        # at least the earlier event's earliest day.
        # Re-dating would break same-day ties, so chronological records have none.
        dates = sorted((ev.date for ev in happened), key=lambda d: (d.earliest, d.latest))
        happened = tuple(
            attrs.evolve(ev, date=d, same_day_as=None)
            for ev, d in zip(happened, dates, strict=True)
        )
    fixed: dict[str, Any] = {
        "sources": tuple(sources),
        "events": happened,
        "accounts": tuple(declared),
        "format_version": FORMAT_VERSION,
    }
    # Every other field (id, person, title, notes, ...) is drawn like any part's.
    others = {name: draw(strategy) for name, strategy in _record_strategies().items()}
    return CaseRecord(**others, **fixed)


def records(
    *,
    min_events: int = 0,
    max_events: int = 20,
    event_types: Collection[type[Event]] | None = None,
    accounts: bool = True,
    chronological: bool = False,
) -> st.SearchStrategy[CaseRecord]:
    """Valid case records: the constructors and the codec accept every one.

    Args:
        min_events: The fewest events a record has.
        max_events: The most events a record has.
        event_types: The event classes to use (all by default). A class that
            must refer to another (``AppealDecided`` to ``AppealFiled``) needs
            a class it can refer to among them.
        accounts: Whether records may declare accounts and put events in them.
        chronological: Whether the dates must be consistent with the order of
            the events (no event wholly before the one listed before it). Off
            by default: an inconsistent order is a finding, not an invalid record.

    Returns:
        A strategy for :class:`~proceedings.CaseRecord`.

    Raises:
        hypothesis.errors.InvalidArgument: If a bound is not a non-negative int,
            ``min_events > max_events``, a flag is not a bool, or
            ``event_types`` holds a class that could never occur.
    """
    low = _check_int(min_events, "min_events")
    high = _check_int(max_events, "max_events")
    if low > high:
        raise InvalidArgument(f"min_events={low} is greater than max_events={high}")
    chosen = _check_types(event_types, "event_types")
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
        with_accounts=_check_bool(accounts, "accounts"),
        chronological=_check_bool(chronological, "chronological"),
    )


def record_dicts(
    *,
    min_events: int = 0,
    max_events: int = 20,
    event_types: Collection[type[Event]] | None = None,
    accounts: bool = True,
    chronological: bool = False,
) -> st.SearchStrategy[dict[str, Any]]:
    """The JSON form of :func:`records` (dicts, lists, strings, numbers), defaults left out.

    Takes the same arguments as :func:`records`.

    Returns:
        A strategy for dicts that ``proceedings.structure`` accepts, and that
        ``json.dumps`` can write.
    """
    strategy = records(
        min_events=min_events,
        max_events=max_events,
        event_types=event_types,
        accounts=accounts,
        chronological=chronological,
    )
    return strategy.map(_as_json)


def _as_json(record: CaseRecord) -> dict[str, Any]:
    data: dict[str, Any] = unstructure(record)
    return data


# -- broken records ------------------------------------------------------------------


@attrs.frozen
class _Node:
    """One object inside a record's JSON, with its path and its class."""

    path: str
    cls: type
    data: dict[str, Any]


@attrs.frozen
class _Slot:
    """A place for a value: a field of a node (present or not), or an item of a list."""

    node: _Node
    field: _Field
    index: int | None = None

    @property
    def path(self) -> str:
        where = f"{self.node.path}.{self.field.name}"
        return where if self.index is None else f"{where}[{self.index}]"

    @property
    def type(self) -> Any:
        return get_args(self.field.type)[0] if self.index is not None else self.field.type

    @property
    def optional(self) -> bool:
        return self.field.optional and self.index is None

    def set(self, value: Any) -> None:
        if self.index is None:
            self.node.data[self.field.name] = value
        else:
            self.node.data[self.field.name][self.index] = value


def _key_path(path: str, key: str) -> str:
    # As the codec writes it: a dot for a plain name, a quoted key otherwise.
    if key.isidentifier():
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def _nodes(data: dict[str, Any]) -> list[_Node]:
    found: list[_Node] = []

    def walk(path: str, cls: type, node: dict[str, Any]) -> None:
        found.append(_Node(path, cls, node))
        for field in _fields(cls):
            if field.name not in node:
                continue
            value = node[field.name]
            where = f"{path}.{field.name}"
            if _is_var_tuple(field.type) and _is_model(item_type := get_args(field.type)[0]):
                for i, item in enumerate(value):
                    item_cls = EVENT_TYPE_BY_TAG[item["type"]] if item_type is Event else item_type
                    walk(f"{where}[{i}]", item_cls, item)
            elif _is_model(field.type) and value is not None:
                walk(where, field.type, value)

    walk("$", CaseRecord, data)
    return found


def _slots(data: dict[str, Any], wanted: Callable[[_Field], bool]) -> list[_Slot]:
    return [
        _Slot(node, field) for node in _nodes(data) for field in _fields(node.cls) if wanted(field)
    ]


def _all_ids(data: dict[str, Any]) -> set[str]:
    ids: set[str] = set()
    for node in _nodes(data):
        for key in ("id", "name"):
            if isinstance(node.data.get(key), str):
                ids.add(node.data[key])
    return ids


def _fresh(data: dict[str, Any], stem: str = "missing") -> str:
    used = _all_ids(data)
    n = 1
    while f"{stem}-{n}" in used:
        n += 1
    return f"{stem}-{n}"


def _scaffold(data: dict[str, Any], fields: dict[str, Any] | None = None) -> int:
    """Append an event that nothing refers to: a detention, unless ``fields`` say otherwise.

    Returns:
        Its index in ``data["events"]``.
    """
    event = {"id": _fresh(data, "scaffold"), "date": "2022-11-05", "jurisdiction": "KZ"}
    if fields is None:
        fields = {"type": "detention", "ground": "border", "term_days": 40}
    data.setdefault("events", []).append({"type": fields["type"], **event, **fields})
    return len(data["events"]) - 1


def _pick(draw: st.DrawFn, data: dict[str, Any], wanted: Callable[[_Field], bool]) -> _Slot:
    """A slot that ``wanted`` accepts, adding a scaffold detention if there is none."""
    slots = _slots(data, wanted)
    if not slots:
        _scaffold(data)
        slots = _slots(data, wanted)
    return draw(st.sampled_from(slots))


def _is_scalar(tp: Any) -> bool:
    return tp in (str, int, float, bool, UncertainDate) or (
        isinstance(tp, type) and issubclass(tp, enum.Enum)
    )


def _wrong_values(tp: Any, optional: bool) -> list[Any]:
    if tp is bool:
        wrong: list[Any] = ["false", "true", 0, 1]
    elif tp is int:
        wrong = [12.7, "12", True, [12]]
    elif tp is float:
        wrong = ["1.5", False, [1.5]]
    else:
        wrong = [5, 1.5, True, ["x"], {}]
    return wrong if optional else [*wrong, None]


def _wrong_type(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """A value of the wrong JSON type where a string, number or boolean goes."""
    slots = _slots(data, lambda f: _is_scalar(f.type))
    for node in _nodes(data):
        for field in _fields(node.cls):
            if _is_var_tuple(field.type) and _is_scalar(get_args(field.type)[0]):
                items = node.data.get(field.name, [])
                slots += [_Slot(node, field, i) for i in range(len(items))]
    slot = draw(st.sampled_from(slots))
    slot.set(draw(st.sampled_from(_wrong_values(slot.type, slot.optional))))
    return slot.path


def _wrong_container(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """A string where a list goes ("DE" for nationalities), a list where an object goes."""
    slots = _slots(data, lambda f: _is_var_tuple(f.type) or _is_model(f.type))
    for node in _nodes(data):
        for field in _fields(node.cls):
            if _is_var_tuple(field.type) and _is_model(get_args(field.type)[0]):
                items = node.data.get(field.name, [])
                slots += [_Slot(node, field, i) for i in range(len(items))]
    slot = draw(st.sampled_from(slots))
    wrong: list[Any] = ["DE", {}, 5] if _is_var_tuple(slot.type) else ["x", [], 5]
    slot.set(draw(st.sampled_from(wrong if slot.optional else [*wrong, None])))
    return slot.path


def _event_index(draw: st.DrawFn, data: dict[str, Any]) -> int:
    if not data.get("events"):
        return _scaffold(data)
    return draw(st.integers(0, len(data["events"]) - 1))


def _unknown_event_type(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """An event ``type`` that names no event type (the base class's "event" included)."""
    i = _event_index(draw, data)
    data["events"][i]["type"] = draw(
        st.sampled_from(["event", "arrest", "Detention", "DETENTION", "", 5, True, ["removal"]])
    )
    # The codec reports the event as a whole, since the tag decides what it is.
    return f"$.events[{i}]"


def _missing_field(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """A required field left out (an event's ``type`` included)."""
    slots = _slots(data, lambda f: f.required)
    tags = len(data.get("events", []))
    k = draw(st.integers(0, len(slots) + tags - 1))
    if k >= len(slots):
        i = k - len(slots)
        del data["events"][i]["type"]
        return f"$.events[{i}]"  # where the codec reports a missing tag
    del slots[k].node.data[slots[k].field.name]
    return slots[k].path


_EXTRA_KEYS = st.one_of(
    st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True),
    st.sampled_from(["with space", "dash-ed", "0lead", "ключ", "", "a.b"]),
)


def _extra_field(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """A key that is not a field of its object."""
    node = draw(st.sampled_from(_nodes(data)))
    taken = {f.name for f in _fields(node.cls)} | {"type"}
    key = draw(_EXTRA_KEYS.filter(lambda k: k not in taken))
    node.data[key] = draw(st.sampled_from([1, "x", None, [], {}]))
    return _key_path(node.path, key)


def _bad_enum(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """A string that is not one of its enumeration's values."""
    slot = _pick(draw, data, lambda f: isinstance(f.type, type) and issubclass(f.type, enum.Enum))
    values = [member.value for member in slot.type]
    wrong = [v.upper() for v in values] + ["", "n/a", "other_value", "Border"]
    slot.set(draw(st.sampled_from([w for w in wrong if w not in values])))
    return slot.path


def _malformed_dates() -> st.SearchStrategy[str]:
    """Date strings whose form is wrong: the library and the schema's pattern refuse them."""
    return st.one_of(
        st.sampled_from(
            [
                "",
                "late November 2022",
                "2022/11/05",
                "05.11.2022",
                "2022-1-5",
                "22",
                "2022-11-05T10:00",
                "2022-11~-05",
                "2022-xx",
                "XXXX",
                "0000",
                "../2022",
                "2022/..",
                "2020/2021/2022",
                "2022-21",
            ]
        ),
        st.builds("{}-{:02d}".format, st.integers(1000, 9999), st.sampled_from([0, 13, 20, 99])),
        st.builds(
            "{}-{:02d}-{:02d}".format,
            st.integers(1000, 9999),
            st.integers(1, 12),
            st.sampled_from([0, 32, 40, 99]),
        ),
    )


def _impossible_dates() -> st.SearchStrategy[str]:
    """Well-formed dates with no day: Feb 30, Apr 31, reversed intervals."""
    return st.one_of(
        _missing_day(),
        _reversed_interval(),
        st.sampled_from(["2022-02-3X", "2021-02-29", "20X1-02-29"]),
    )


def _date_slot(draw: st.DrawFn, data: dict[str, Any]) -> _Slot:
    return _pick(draw, data, lambda f: f.type is UncertainDate)


def _bad_date(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """A date string of the wrong form (month 13, words, a time of day)."""
    slot = _date_slot(draw, data)
    slot.set(draw(_malformed_dates()))
    return slot.path


def _impossible_date(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """A well-formed date whose day does not exist, or an interval that ends before it starts."""
    slot = _date_slot(draw, data)
    slot.set(draw(_impossible_dates()))
    return slot.path


_BAD_CODES = st.one_of(
    st.sampled_from(["kz", "KAZ", "", "K", "U.S.", "XX", "EU", "UK", "SU"]),
    st.from_regex(r"[A-Z]{2}", fullmatch=True).filter(lambda c: c not in ISO_3166_ALPHA2),
)


def _bad_country(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """A country code that is not ISO 3166-1 alpha-2 (``"kz"``, ``"KAZ"``, ``"UK"``)."""
    slot = _pick(draw, data, lambda f: f.check is COUNTRY or f.check is COUNTRIES)
    code = draw(_BAD_CODES)
    slot.set([code] if slot.field.check is COUNTRIES else code)
    return slot.path


def _bad_identifier(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """An id with a space, a leading sign or a character ids do not use."""
    slot = _pick(draw, data, lambda f: f.check is IDENTIFIER)
    slot.set(draw(st.sampled_from(["", " x", "x y", "-x", ".x", "x/y", "#1", "é", "x\ty"])))
    return slot.path


def _blank_text(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """An empty or blank string where text goes."""
    slot = _pick(draw, data, lambda f: f.check is NONEMPTY)
    slot.set(draw(st.sampled_from(["", " ", "\t", " \n "])))
    return slot.path


def _out_of_range(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """Zero or a negative number where a positive one goes (a term, a ban's years)."""
    slot = _pick(draw, data, lambda f: f.check is POSITIVE)
    slot.set(draw(st.sampled_from([0, -1, -40] if slot.type is int else [0, -0.5, -12])))
    return slot.path


def _unsupported_format_version(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """A ``format_version`` this library does not read."""
    data["format_version"] = draw(st.sampled_from([0, FORMAT_VERSION + 1, 99, -1]))
    return "$.format_version"


def _missing_alternative(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """A source with neither url nor file, or a charge with neither article nor label."""
    choices: list[tuple[dict[str, Any], str, str, str]] = [
        (node.data, node.path, "url", "file") for node in _nodes(data) if node.cls is Source
    ]
    choices += [
        (node.data, node.path, "article", "label") for node in _nodes(data) if node.cls is Charge
    ]
    if not choices:
        data.setdefault("sources", []).append({"id": _fresh(data, "src"), "publisher": "P"})
        return f"$.sources[{len(data['sources']) - 1}].url"
    obj, path, first, second = draw(st.sampled_from(choices))
    obj.pop(first, None)
    obj.pop(second, None)
    # The library names the first of the two fields.
    return f"{path}.{first}"


def _crossing_to_same_country(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """A border crossing from a country into the same country."""
    crossings = [
        i for i, ev in enumerate(data.get("events", [])) if ev["type"] == "border_crossing"
    ]
    if crossings:
        i = draw(st.sampled_from(crossings))
        data["events"][i]["to_country"] = data["events"][i]["from_country"]
    else:
        same = {"type": "border_crossing", "mode": "regular", "from_country": "KZ"}
        i = _scaffold(data, {**same, "to_country": "KZ"})
    return f"$.events[{i}].to_country"


def _duplicate_id(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """An event id, source id or account name that repeats an earlier one.

    The last item takes the first one's id, and whatever named the last one
    follows it, so that nothing else breaks: no reference can name the last
    event (references point backwards), and citations and events of the last
    source or account are rewritten to the id it now has.
    """
    choices = ["events"]
    if len(data.get("sources", [])) >= 2:
        choices.append("sources")
    if len(data.get("accounts", [])) >= 2:
        choices.append("accounts")
    where = draw(st.sampled_from(choices))
    if where == "events":
        while len(data.get("events", [])) < 2:
            _scaffold(data)
        data["events"][-1]["id"] = data["events"][0]["id"]
        return f"$.events[{len(data['events']) - 1}].id"
    key = "id" if where == "sources" else "name"
    items = data[where]
    old, new = items[-1][key], items[0][key]
    items[-1][key] = new
    for event in data.get("events", []):
        if where == "accounts" and event.get("account") == old:
            event["account"] = new
        for citation in event.get("sources", []) if where == "sources" else []:
            if citation["source"] == old:
                citation["source"] = new
    return f"$.{where}[{len(items) - 1}].{key}"


def _dangling_reference(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """A reference to an event, source or account the record does not have.

    A changed account goes on the last event: no event refers to it, so no
    reference to it can turn into one across accounts.
    """
    i = _event_index(draw, data)
    ghost = _fresh(data, "ghost")
    refs = [
        slot
        for slot in _slots(data, lambda f: f.refers_to is not None)
        if slot.node.path.startswith("$.events[")
    ]
    kind = draw(st.sampled_from(["event", "account", "source"] if refs else ["account", "source"]))
    if kind == "event":
        slot = draw(st.sampled_from(refs))
        slot.set(ghost)
        return slot.path
    if kind == "account":
        last = len(data["events"]) - 1
        data["events"][last]["account"] = ghost
        return f"$.events[{last}].account"
    event = data["events"][i]
    cited = event.setdefault("sources", [])
    if not cited:
        cited.append({"source": ghost})
        return f"$.events[{i}].sources[0].source"
    j = draw(st.integers(0, len(cited) - 1))
    cited[j]["source"] = ghost
    return f"$.events[{i}].sources[{j}].source"


_MUTATIONS: dict[str, Callable[[st.DrawFn, dict[str, Any]], str]] = {
    "wrong_type": _wrong_type,
    "wrong_container": _wrong_container,
    "unknown_event_type": _unknown_event_type,
    "missing_field": _missing_field,
    "extra_field": _extra_field,
    "bad_enum": _bad_enum,
    "bad_date": _bad_date,
    "impossible_date": _impossible_date,
    "bad_country": _bad_country,
    "bad_identifier": _bad_identifier,
    "blank_text": _blank_text,
    "out_of_range": _out_of_range,
    "unsupported_format_version": _unsupported_format_version,
    "missing_alternative": _missing_alternative,
    "crossing_to_same_country": _crossing_to_same_country,
    "duplicate_id": _duplicate_id,
    "dangling_reference": _dangling_reference,
}

#: The names of the ways :func:`broken_record_dicts` breaks a record, for its
#: ``kinds`` argument and for labelling examples with :func:`hypothesis.event`.
MUTATION_KINDS: tuple[str, ...] = tuple(_MUTATIONS)


@st.composite
def _broken(
    draw: st.DrawFn, mutations: tuple[Callable[[st.DrawFn, dict[str, Any]], str], ...]
) -> tuple[dict[str, Any], str]:
    mutate = draw(st.sampled_from(mutations))
    data = copy.deepcopy(draw(record_dicts(min_events=1, max_events=4)))
    path = mutate(draw, data)
    return data, path


def broken_record_dicts(
    *, kinds: Collection[str] | None = None
) -> st.SearchStrategy[tuple[dict[str, Any], str]]:
    """A valid record's JSON with exactly one thing broken, and where it is.

    Each example is ``(data, path)``: ``proceedings.structure(data)`` raises a
    :class:`~proceedings.RecordError` with exactly one problem, at ``path``
    (``"$.events[2].date"``). The kinds of breakage (see :data:`MUTATION_KINDS`):

    * ``wrong_type``: ``"false"`` for a boolean, ``12.7`` for a whole number,
      ``5`` for a string, ``null`` where a value is required;
    * ``wrong_container``: ``"DE"`` for a list, a list for an object;
    * ``unknown_event_type``, ``missing_field``, ``extra_field``, ``bad_enum``;
    * ``bad_date`` (the wrong form: ``2022-13``) and ``impossible_date`` (the
      right form but no such day: ``2022-02-30``);
    * ``bad_country``, ``bad_identifier``, ``blank_text``, ``out_of_range``,
      ``unsupported_format_version``;
    * ``missing_alternative`` (a source with neither url nor file) and
      ``crossing_to_same_country``;
    * ``duplicate_id`` and ``dangling_reference`` (to an event, a source or an
      account that does not exist).

    Args:
        kinds: The kinds to choose from; all by default.

    Returns:
        A strategy for ``(dict, JSON path)`` pairs.

    Raises:
        hypothesis.errors.InvalidArgument: If ``kinds`` is a single string, is
            empty or names an unknown kind.
    """
    if kinds is None:
        chosen = MUTATION_KINDS
    else:
        if isinstance(kinds, str) or not isinstance(kinds, Collection):
            raise InvalidArgument(f"kinds={kinds!r} must be a collection of kind names")
        chosen = tuple(kinds)
        if not chosen:
            raise InvalidArgument("kinds must name at least one kind")
        unknown = [k for k in chosen if k not in _MUTATIONS]
        if unknown:
            raise InvalidArgument(
                f"unknown kinds {unknown!r}; expected some of: {', '.join(MUTATION_KINDS)}"
            )
    return _broken(tuple(_MUTATIONS[k] for k in chosen))


# -- registration ------------------------------------------------------------------------


def _hypothesis_setup_hook() -> None:
    """Register the library's types with :func:`hypothesis.strategies.from_type`.

    Hypothesis calls this through the ``hypothesis`` entry point declared in
    ``pyproject.toml`` when it is imported, if this package is installed.
    """
    st.register_type_strategy(UncertainDate, uncertain_dates())
    st.register_type_strategy(CaseRecord, records())


def _check_coverage() -> None:
    """Make every field's strategy now, so that a field type without one fails at import."""
    for cls in (*_PARTS, *EVENT_TYPES):
        _field_strategies(cls)
    _record_strategies()


_check_coverage()
