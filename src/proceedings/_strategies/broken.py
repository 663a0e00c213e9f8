"""A valid record's JSON with exactly one thing broken, and the path where it is.

Each breakage edits the JSON of a record drawn by :func:`record_dicts` so that
the codec must report exactly one problem, at the path the breakage returns.
Where the record has nothing to break (no date, no enum), a breakage adds a
scaffold event that nothing refers to and breaks that.
"""

from __future__ import annotations

import copy
import enum
from collections.abc import Callable, Collection
from typing import Any, get_args

import attrs
from hypothesis import strategies as st

from .._checks import COUNTRIES, COUNTRY, IDENTIFIER, NONEMPTY, POSITIVE
from .._codec import _is_var_tuple
from .._countries import ISO_3166_ALPHA2
from .._dates import UncertainDate
from .._model import EVENT_TYPE_BY_TAG, FORMAT_VERSION, CaseRecord, Charge, Event, Source
from .._paths import key_path as _key_path
from ._validation import check_names, renamed
from .dates import _missing_day, _reversed_interval
from .records import Field, fields, is_model, record_dicts

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
    field: Field
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


def _nodes(data: dict[str, Any]) -> list[_Node]:
    found: list[_Node] = []

    def walk(path: str, cls: type, node: dict[str, Any]) -> None:
        found.append(_Node(path, cls, node))
        for field in fields(cls):
            if field.name not in node:
                continue
            value = node[field.name]
            where = f"{path}.{field.name}"
            if _is_var_tuple(field.type) and is_model(item_type := get_args(field.type)[0]):
                for i, item in enumerate(value):
                    item_cls = EVENT_TYPE_BY_TAG[item["type"]] if item_type is Event else item_type
                    walk(f"{where}[{i}]", item_cls, item)
            elif is_model(field.type) and value is not None:
                walk(where, field.type, value)

    walk("$", CaseRecord, data)
    return found


def _slots(data: dict[str, Any], wanted: Callable[[Field], bool]) -> list[_Slot]:
    return [
        _Slot(node, field)
        for node in _nodes(data)
        for field in fields(node.cls)
        if wanted(field) and not _account_in_use(data, node, field)
    ]


def _item_slots(data: dict[str, Any], wanted: Callable[[Any], bool]) -> list[_Slot]:
    """The items of the lists in ``data`` whose item type ``wanted`` accepts."""
    return [
        _Slot(node, field, i)
        for node in _nodes(data)
        for field in fields(node.cls)
        if _is_var_tuple(field.type) and wanted(get_args(field.type)[0])
        for i in range(len(node.data.get(field.name, [])))
    ]


def _account_in_use(data: dict[str, Any], node: _Node, field: Field) -> bool:
    """Whether breaking this event's account would break one of its references too.

    The codec reads a malformed account as none, that is every account, and an
    event in every account may not refer to an event of one account only: a
    second problem, at the reference.
    """
    if field.name != "account" or not issubclass(node.cls, Event):
        return False
    account_of = {ev.get("id"): ev.get("account") for ev in data.get("events", [])}
    return any(
        account_of.get(node.data.get(ref.name)) is not None
        for ref in fields(node.cls)
        if ref.refers_to is not None
    )


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


def _pick(draw: st.DrawFn, data: dict[str, Any], wanted: Callable[[Field], bool]) -> _Slot:
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
    slots = _slots(data, lambda f: _is_scalar(f.type)) + _item_slots(data, _is_scalar)
    slot = draw(st.sampled_from(slots))
    slot.set(draw(st.sampled_from(_wrong_values(slot.type, slot.optional))))
    return slot.path


def _wrong_container(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """A string where a list goes ("DE" for nationalities), a list where an object goes."""
    containers = _slots(data, lambda f: _is_var_tuple(f.type) or is_model(f.type))
    slots = containers + _item_slots(data, is_model)
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
    taken = {f.name for f in fields(node.cls)} | {"type"}
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
                "2022-11-05T10",
                "2022-11-05T24:00",
                "2022-11-XXT10:00",
                "2022-11-05T10:00Z",
                "2022-11~-05",
                "2022-xx",
                "XXXX",
                "0000",
                "../..",
                "/2022",
                "2022/",
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


_BREAKERS: dict[str, Callable[[st.DrawFn, dict[str, Any]], str]] = {
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
#: ``breakages`` argument and for labelling examples with :func:`hypothesis.event`.
BREAKAGES: tuple[str, ...] = tuple(_BREAKERS)


@st.composite
def _broken(
    draw: st.DrawFn, breakers: tuple[Callable[[st.DrawFn, dict[str, Any]], str], ...]
) -> tuple[dict[str, Any], str]:
    breaker = draw(st.sampled_from(breakers))
    data = copy.deepcopy(draw(record_dicts(min_events=1, max_events=4)))
    path = breaker(draw, data)
    return data, path


def broken_record_dicts(
    *, breakages: Collection[str] | None = None, kinds: Collection[str] | None = None
) -> st.SearchStrategy[tuple[dict[str, Any], str]]:
    """A valid record's JSON with exactly one thing broken, and where it is.

    Each example is ``(data, path)``: ``proceedings.codec.structure(data)`` raises a
    :class:`~proceedings.RecordError` with exactly one problem, at ``path``
    (``"$.events[2].date"``). The breakages (see :data:`BREAKAGES`):

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
        breakages: The breakages to choose from; all by default.
        kinds: The old name of ``breakages``; deprecated.

    Returns:
        A strategy for ``(dict, JSON path)`` pairs.

    Raises:
        hypothesis.errors.InvalidArgument: If ``breakages`` is a single string,
            is empty or names an unknown breakage.
    """
    asked = renamed("kinds", "breakages", kinds, breakages, None)
    chosen = check_names(asked, "breakages", BREAKAGES)
    return _broken(tuple(_BREAKERS[name] for name in chosen))
