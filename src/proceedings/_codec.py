"""JSON in and out: a strict cattrs converter with errors that carry JSON paths.

Out of the box cattrs coerces (``"false"`` becomes ``True``, ``"DE"`` becomes
``("D", "E")``). A validator must not, so every primitive and sequence has a
strict hook here, and every enum is re-registered after the ``str`` hook
(which would otherwise catch them, since they subclass ``str``).

Two converters share the same hooks: a fast one without detailed validation
for the common case of a good record, and a detailed one that a failing
record is run through again to collect every problem with its path. The
same converter writes and strictly reads reports and findings.

The public functions on top (files, strings, JSON Lines) are in
:mod:`proceedings.codec`.
"""

from __future__ import annotations

import enum
import functools
import math
import re
import types
from collections.abc import Callable
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from . import _model
from ._checks import CHECK, IDENTIFIER, Check, FieldProblems
from ._dates import UncertainDate
from ._errors import InvalidDate, Problem, RecordError
from ._fastdecode import Slow, decoder
from ._findings import Certainty, Finding, Severity, Unverified, citation_dict
from ._findings import Citation as LawCitation
from ._model import (
    EVENT_TYPE_BY_TAG,
    PARTS,
    CaseRecord,
    Event,
    EventRefs,
    iter_refs,
    reference_problems,
)
from ._paths import index_path, key_path
from ._report import Report
from ._versions import upgrade

T = TypeVar("T")

# Every vocabulary of the record format.
_ENUMS: tuple[type[enum.Enum], ...] = _model.VOCABULARIES


class _Refused(ValueError):
    """A value of the wrong JSON type or form; the message is for people."""


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__  # pragma: no cover - only reachable from Python callers


#: Half of a UTF-16 surrogate pair, on its own: JSON's "\\ud800" escape gives one.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise _Refused(f"expected a string, got {_json_type(value)}")
    # JSON can escape half a surrogate pair ("\ud800"), which is no character:
    # such text cannot be written as UTF-8 (a file, a terminal), so it is
    # refused here rather than when the record is written or printed.
    if not value.isascii() and (lone := _SURROGATE.search(value)) is not None:
        raise _Refused(
            f"a lone surrogate \\u{ord(lone[0]):04x} at character {lone.start() + 1} is "
            "half of a pair, not a character; a character past U+FFFF is escaped as a "
            "pair, such as \\ud83d\\ude00"
        )
    return value


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            raise _Refused(f"expected a whole number, got {value!r}; write it without a decimal")
        raise _Refused(f"expected a whole number, got {_json_type(value)}")
    return value


def _structure_float(value: Any, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Refused(f"expected a number, got {_json_type(value)}")
    try:
        finite = math.isfinite(value)
    except OverflowError:
        # An int past the range of a float (JSON allows 1 followed by 400 zeros):
        # too many digits to show.
        raise _Refused("expected a number, got one too large to be a float") from None
    if not finite:
        raise _Refused(f"expected a finite number, got {value!r}")
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise _Refused(f"expected true or false, got {_json_type(value)}")
    return value


def _structure_date(value: Any, _: type) -> UncertainDate:
    if not isinstance(value, str):
        raise _Refused(f"expected a date string such as '2022-12-06', got {_json_type(value)}")
    return UncertainDate.parse(value)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, type], Any]:
    values = [m.value for m in cls]
    expected = ", ".join(repr(v) for v in values)

    def structure(value: Any, _: type) -> Any:
        if isinstance(value, str) and value in values:
            return cls(value)
        shown = repr(value) if isinstance(value, str) else _json_type(value)
        raise _Refused(f"{shown} is not a valid {_enum_label(cls)}; expected one of: {expected}")

    return structure


def _enum_label(cls: type[enum.Enum]) -> str:
    # "RemovalChannel" -> "removal channel"
    name = cls.__name__
    return "".join(" " + c.lower() if c.isupper() and i else c.lower() for i, c in enumerate(name))


def _is_var_tuple(t: Any) -> bool:
    return get_origin(t) is tuple and len(get_args(t)) == 2 and get_args(t)[1] is Ellipsis


def _tuple_factory(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(t: Any) -> Callable[[Any, Any], Any]:
        inner = get_args(t)[0]
        inner_hook = converter.get_structure_hook(inner)
        detailed = converter.detailed_validation

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise _Refused(f"expected an array, got {_json_type(value)}")
            if not detailed:
                return tuple(inner_hook(item, inner) for item in value)
            out: list[Any] = []
            errors: list[Exception] = []
            for i, item in enumerate(value):
                try:
                    out.append(inner_hook(item, inner))
                except Exception as exc:
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"Structuring {t} @ index {i}", i, inner),
                    ]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return tuple(out)

        return structure

    return factory


def _is_optional(t: Any) -> bool:
    return (
        get_origin(t) in (Union, types.UnionType)
        and len(get_args(t)) == 2
        and (type(None) in get_args(t))
    )


def _optional_factory(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    """``X | None``: ``None``, or what ``X``'s hook makes, the hook looked up once
    (cattrs looks it up again for every value: some 4% of decoding)."""

    def factory(t: Any) -> Callable[[Any, Any], Any]:
        (inner,) = (a for a in get_args(t) if a is not type(None))
        hook = converter.get_structure_hook(inner)

        def structure(value: Any, _: Any) -> Any:
            return None if value is None else hook(value, inner)

        return structure

    return factory


def _event_hook(converter: cattrs.Converter) -> Callable[[Any, type], Event]:
    hooks: dict[str, Callable[[Any, Any], Any]] = {}  # each generated when first read
    expected = ", ".join(sorted(EVENT_TYPE_BY_TAG))

    def structure(value: Any, _: type) -> Event:
        if not isinstance(value, dict):
            raise _Refused(f"expected an event object, got {_json_type(value)}")
        tag = value.get("type")
        if tag is None:
            raise _Refused(f"an event needs a 'type'; one of: {expected}")
        hook = hooks.get(tag) if isinstance(tag, str) else None
        if hook is None:
            if not isinstance(tag, str) or tag not in EVENT_TYPE_BY_TAG:
                shown = repr(tag) if isinstance(tag, str) else _json_type(tag)
                raise _Refused(f"unknown event type {shown}; expected one of: {expected}")
            hook = hooks[tag] = converter.get_structure_hook(EVENT_TYPE_BY_TAG[tag])
        result: Event = hook(value, EVENT_TYPE_BY_TAG[tag])
        return result

    return structure


def _class_hook(cls: type, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """A strict structure hook for an attrs class whose checked fields fail early.

    The checks also run in ``__attrs_post_init__``; the detailed converter runs
    them here as well, so that a bad country code is reported together with,
    say, a missing field in the same object, instead of only once the other
    problems are fixed. The fast one leaves them to ``__attrs_post_init__``
    (each value checked once): a record it refuses is decoded again by the
    detailed one, whose problems the user sees.
    """
    attrs.resolve_types(cls)
    overrides: dict[str, Any] = {}
    for field in attrs.fields(cls):
        check: Check | None = field.metadata.get(CHECK)
        if check is not None and conv.detailed_validation:
            overrides[field.name] = override(
                struct_hook=_checked(conv.get_structure_hook(field.type), check)
            )
    inner: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, conv, **overrides)
    tag = cls.type if issubclass(cls, Event) else None
    label = f"a {tag} event object" if tag else "an object"

    def structure(value: Any, t: Any) -> Any:
        if not isinstance(value, dict):
            raise _Refused(f"expected {label}, got {_json_type(value)}")
        if tag is not None and "type" in value:
            # An event built by its own class may carry its tag, but only its own.
            if value["type"] != tag:
                raise _Refused(f"'type' is {value['type']!r}, but this is a {tag} event")
            value = {k: v for k, v in value.items() if k != "type"}
        return inner(value, t)

    return structure


def _checked(hook: Callable[[Any, Any], Any], check: Check) -> Callable[[Any, Any], Any]:
    def structure(value: Any, t: Any) -> Any:
        result = hook(value, t)
        if result is not None and (msg := check.test(result)) is not None:
            raise _Refused(msg)
        return result

    return structure


def _tagged(cls: type[Event], conv: cattrs.Converter) -> Callable[[Event], dict[str, Any]]:
    fields = make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)

    def unstructure(ev: Event) -> dict[str, Any]:
        # The tag comes first so that a reader of the JSON sees the kind at once.
        return {"type": ev.type, **fields(ev)}

    return unstructure


def _make_converter(*, detailed: bool) -> cattrs.Converter:
    conv = cattrs.Converter(
        forbid_extra_keys=True, detailed_validation=detailed, omit_if_default=True
    )
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(UncertainDate, _structure_date)
    conv.register_unstructure_hook(UncertainDate, lambda d: d.text)
    # Enums subclass str, so the str hook (found through singledispatch) would
    # catch them and accept any string: each enum gets a direct hook instead.
    for enum_cls in _ENUMS:
        conv.register_structure_hook(enum_cls, _enum_hook(enum_cls))
        conv.register_unstructure_hook(enum_cls, lambda e: e.value)
    conv.register_structure_hook_factory(_is_var_tuple, _tuple_factory(conv))
    conv.register_structure_hook_factory(_is_optional, _optional_factory(conv))
    conv.register_unstructure_hook_func(_is_var_tuple, lambda v: [conv.unstructure(i) for i in v])

    # Each class's hooks are generated the first time they are needed (a run that
    # reads five event types generates five, not sixty), with the hooks of its
    # fields as registered here, whatever the order.
    classes = frozenset(PARTS)
    events = frozenset(EVENT_TYPE_BY_TAG.values())
    conv.register_structure_hook_factory(
        lambda t: t in classes or t in events or t is CaseRecord, lambda t: _class_hook(t, conv)
    )
    conv.register_unstructure_hook_factory(
        lambda t: t in classes,
        lambda t: make_dict_unstructure_fn(t, conv, _cattrs_omit_if_default=True),
    )
    conv.register_unstructure_hook_factory(lambda t: t in events, lambda t: _tagged(t, conv))
    # By predicate, not by class: a class hook would also catch every event type.
    conv.register_unstructure_hook_func(
        lambda t: t is Event, lambda ev: conv.unstructure(ev, type(ev))
    )
    conv.register_structure_hook_func(lambda t: t is Event, _event_hook(conv))
    # The version is always written, so that a reader knows the format at once.
    conv.register_unstructure_hook_factory(
        lambda t: t is CaseRecord,
        lambda t: make_dict_unstructure_fn(
            t, conv, _cattrs_omit_if_default=True, format_version=override(omit_if_default=False)
        ),
    )
    _report_hooks(conv)
    return conv


# -- reports and findings --------------------------------------------------------
#
# Their JSON is format version 1 of the report (see proceedings.render): every
# key always present, events as paths, gaps as "rule" / "party:TREATY:STATE".
# It is written by hand (the keys' order is part of the form) and read back
# by the same strict hooks as a record.

#: The keys of a finding and of a report, in the order they are written.
_FINDING_KEYS = (
    "rule_id",
    "severity",
    "certainty",
    "message",
    "date",
    "events",
    "event_ids",
    "accounts",
    "verified",
    "unverified",
    "readings",
    "retrospective",
    "citations",
)
_REPORT_KEYS = ("record_id", "source", "line", "events", "accounts", "counts", "findings")
#: Keys a report's JSON has that are derived, not read back.
_DERIVED = ("line", "events", "counts")
_EVENT_PATH = re.compile(r"^\$\.events\[(0|[1-9][0-9]*)\]$")


class _EventPath:
    """Stands for ``"$.events[N]"`` in a hook's type: structured to the index ``N``."""


def _structure_event_path(value: Any, _: type) -> int:
    match = _EVENT_PATH.match(value) if isinstance(value, str) else None
    if match is None:
        shown = repr(value) if isinstance(value, str) else _json_type(value)
        raise _Refused(f"expected the path of an event such as '$.events[3]', got {shown}")
    return int(match[1])


def _structure_unverified(value: Any, _: type) -> Unverified:
    if not isinstance(value, str):
        raise _Refused(f"expected 'rule' or 'party:TREATY:STATE', got {_json_type(value)}")
    try:
        return Unverified.from_key(value)
    except ValueError as exc:
        raise _Refused(str(exc)) from None


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule_id": f.rule_id,
        "severity": f.severity.value,
        "certainty": f.certainty.value,
        "message": f.message,
        "date": f.date,
        "events": list(f.paths),
        "event_ids": list(f.event_ids),
        "accounts": list(f.accounts),
        "verified": f.verified,
        "unverified": [u.key for u in f.unverified],
        "readings": list(f.readings),
        "retrospective": f.retrospective,
        "citations": [citation_dict(c) for c in f.citations],
    }


def _report_dict(r: Report) -> dict[str, Any]:
    counts = {s.value: 0 for s in (Severity.VIOLATION, Severity.WARNING, Severity.NOTE)}
    for f in r.findings:
        counts[f.severity.value] += 1
    return {
        "record_id": r.record_id,
        "source": r.source,
        "line": None,
        "events": None,
        "accounts": list(r.accounts),
        "counts": counts,
        "findings": [_finding_dict(f) for f in r.findings],
    }


def _at(key: str, exc: Exception, cls: type) -> ClassValidationError:
    """``exc`` as the problem of member ``key`` of a ``cls`` object."""
    exc.__notes__ = [AttributeValidationNote(f"Structuring {key}", key, bool)]
    return ClassValidationError(f"While structuring {cls.__name__}", [exc], cls)


def _finding_hook(conv: cattrs.Converter) -> Callable[[Any, Any], Finding]:
    indices = _tuple_factory(conv)(tuple[_EventPath, ...])
    inner = make_dict_structure_fn(
        Finding, conv, event_indices=override(rename="events", struct_hook=indices)
    )

    def structure(value: Any, t: Any) -> Finding:
        if not isinstance(value, dict):
            raise _Refused(f"expected a finding object, got {_json_type(value)}")
        # "verified" is derived from "unverified": read, it must agree.
        finding: Finding = inner({k: v for k, v in value.items() if k != "verified"}, t)
        if "verified" in value:
            verified = value["verified"]
            if not isinstance(verified, bool):
                raise _at(
                    "verified",
                    _Refused(f"expected true or false, got {_json_type(verified)}"),
                    Finding,
                )
            if verified is not finding.verified:
                gaps = "lists nothing" if finding.verified else "is not empty"
                message = f"verified is {str(verified).lower()}, but 'unverified' {gaps}"
                raise _at("verified", _Refused(message), Finding)
        return finding

    return structure


def _report_hook(conv: cattrs.Converter) -> Callable[[Any, Any], Report]:
    inner = make_dict_structure_fn(Report, conv)

    def structure(value: Any, t: Any) -> Report:
        if not isinstance(value, dict):
            raise _Refused(f"expected a report object, got {_json_type(value)}")
        report: Report = inner({k: v for k, v in value.items() if k not in _DERIVED}, t)
        return report

    return structure


def _report_hooks(conv: cattrs.Converter) -> None:
    for enum_cls in (Severity, Certainty):
        conv.register_structure_hook(enum_cls, _enum_hook(enum_cls))
        conv.register_unstructure_hook(enum_cls, lambda e: e.value)
    conv.register_structure_hook(_EventPath, _structure_event_path)
    conv.register_structure_hook(Unverified, _structure_unverified)
    conv.register_unstructure_hook(Unverified, lambda u: u.key)
    conv.register_structure_hook(LawCitation, _class_hook(LawCitation, conv))
    conv.register_unstructure_hook(LawCitation, citation_dict)
    conv.register_structure_hook(Finding, _finding_hook(conv))
    conv.register_unstructure_hook(Finding, _finding_dict)
    conv.register_structure_hook(Report, _report_hook(conv))
    conv.register_unstructure_hook(Report, _report_dict)


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """A new strict converter for the record format, to extend or to use directly.

    It is the converter :func:`structure` and :func:`unstructure` use: no
    coercion, no unknown keys, defaults left out when writing. With
    ``detailed_validation`` (the default) a failure is a cattrs exception
    group naming every problem; :func:`structure` turns that into a
    :class:`~proceedings.RecordError` with JSON paths.
    """
    return _make_converter(detailed=detailed_validation)


@functools.cache
def _fast() -> cattrs.Converter:
    """The converter of the common case, built when a record is first read or written."""
    return _make_converter(detailed=False)


@functools.cache
def _detailed() -> cattrs.Converter:
    """The converter that collects every problem, built when a record first fails."""
    return _make_converter(detailed=True)


# -- turning exceptions into problems ------------------------------------------


def _subpath(path: str, relative: str) -> str:
    # FieldProblems name a field, or a relative path such as "events[3].against".
    return f"{path}.{relative}"


def _problems(exc: BaseException, path: str) -> list[Problem]:
    if isinstance(exc, IterableValidationError | ClassValidationError):
        found: list[Problem] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            if isinstance(note, IterableValidationNote):
                at = note.index  # an int for a sequence, a key for a mapping
                sub_path = index_path(path, at) if isinstance(at, int) else key_path(path, at)
                found += _problems(sub, sub_path)
            else:
                cl = getattr(exc, "cl", None)
                found += _problems(sub, key_path(path, _RENAMED.get((cl, note.name), note.name)))
        for sub in without:
            found += _problems(sub, path)
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = ", ".join(_JSON_KEYS.get(exc.cl) or [a.name for a in attrs.fields(exc.cl)])
        if issubclass(exc.cl, Event):
            allowed = "type, " + allowed
        # Only data built in Python can have keys that are not strings (JSON has
        # none); such a key has no path of its own, so the object's is given.
        odd = sorted((k for k in exc.extra_fields if not isinstance(k, str)), key=repr)
        return [
            Problem(
                path=key_path(path, key),
                message=f"unknown field {key!r} for {_describe(exc.cl)}; expected: {allowed}",
            )
            for key in sorted(k for k in exc.extra_fields if isinstance(k, str))
        ] + [
            Problem(
                path=path,
                message=f"a key of an object must be a string, got {key!r}",
            )
            for key in odd
        ]
    if isinstance(exc, FieldProblems):
        return [Problem(path=_subpath(path, name), message=msg) for name, msg in exc.fields]
    if isinstance(exc, KeyError):
        return [Problem(path=path, message="required field is missing")]
    if isinstance(exc, InvalidDate):
        return [Problem(path=path, message=str(exc))]
    if isinstance(exc, _Refused):
        return [Problem(path=path, message=str(exc))]
    if isinstance(exc, TypeError) and "missing" in str(exc):  # pragma: no cover - defensive
        return [Problem(path=path, message="required field is missing")]
    return [Problem(path=path, message=f"{type(exc).__name__}: {exc}")]


_JSON_KEYS: dict[type, tuple[str, ...]] = {Finding: _FINDING_KEYS, Report: _REPORT_KEYS}
#: Attributes whose JSON key differs: ``{(class, attribute): key}``.
_RENAMED: dict[tuple[type | None, str], str] = {(Finding, "event_indices"): "events"}


def _describe(cls: type) -> str:
    if issubclass(cls, Event):
        return f"event type {cls.type!r}"
    return _enum_label(cls)  # type: ignore[arg-type]


def _raw_reference_problems(data: dict[str, Any]) -> list[Problem]:
    """Reference problems read off raw JSON, for a record that could not be built.

    Parts that are malformed are left out (their own problems are reported
    already); only well-formed ids and references are compared.
    """

    def text(value: Any) -> str | None:
        return value if isinstance(value, str) else None

    def items(key: str, container: Any = data) -> list[Any]:
        value = container.get(key, []) if isinstance(container, dict) else None
        return value if isinstance(value, list) else []

    def ids(key: str, name: str) -> list[str | None] | None:
        # None: the list itself is malformed, so membership cannot be judged.
        value = data.get(key, [])
        return [field(item, name) for item in value] if isinstance(value, list) else None

    def field(obj: Any, key: str) -> str | None:
        # Only well-formed ids count: a malformed one has its own problem.
        value = text(obj.get(key)) if isinstance(obj, dict) else None
        return value if value is not None and IDENTIFIER.test(value) is None else None

    def raw(obj: Any, key: str) -> Any:
        # A field as iter_refs reads it: ids only when well-formed, parts as
        # they are (a malformed part yields nothing).
        value = obj.get(key) if isinstance(obj, dict) else None
        if isinstance(value, list):
            return [field({"v": v}, "v") if isinstance(v, str) else v for v in value]
        if isinstance(value, str):
            return field(obj, key)
        return value if isinstance(value, dict) else None

    events = []
    for ev in items("events"):
        tag = field(ev, "type")
        cls = EVENT_TYPE_BY_TAG.get(tag) if tag is not None else None
        refs: list[tuple[str, str, tuple[str, ...]]] = []
        # A malformed account has its own problem; which version of the facts
        # the event belongs to is then unknown, so its references are not judged
        # (None would read as "every account" and flag a sound reference).
        unknown_account = isinstance(ev, dict) and ev.get("account") is not None
        unknown_account = unknown_account and field(ev, "account") is None
        if cls is not None and not unknown_account:
            refs.extend(iter_refs(cls, ev, raw))
        events.append(
            EventRefs(
                id=field(ev, "id"),
                type=tag if cls is not None else None,
                account=field(ev, "account"),
                citations=tuple(field(c, "source") for c in items("sources", ev)),
                refs=tuple(refs),
            )
        )
    found = reference_problems(ids("sources", "id"), ids("accounts", "name"), events)
    return [Problem(path=f"$.{path}", message=msg) for path, msg in found]


# -- public functions ------------------------------------------------------------

#: The classes the generated fast decoders build (reports and findings go
#: through the cattrs converter).
_MODEL_CLASSES = frozenset({CaseRecord, Event, *PARTS, *EVENT_TYPE_BY_TAG.values()})


def structure(data: Any, cls: type[T] = CaseRecord, *, source: str | None = None) -> T:  # type: ignore[assignment]
    """Build a record (or any model class) from JSON-like data.

    Args:
        data: Parsed JSON (dicts, lists, strings, numbers).
        cls: The class to build; a :class:`CaseRecord` by default.
        source: Where the data came from, for error messages.

    Returns:
        The built object.

    Raises:
        RecordError: Listing every problem, each with its JSON path.
    """
    if cls is CaseRecord and not isinstance(data, dict):
        raise RecordError(
            [Problem(path="$", message=f"expected a case record object, got {_json_type(data)}")],
            source=source,
        )
    if cls is CaseRecord:
        data, newer = upgrade(data)
        if newer:
            raise RecordError(newer, source=source)
    try:
        if cls in _MODEL_CLASSES:
            result: T = decoder(cls)(data)
            return result
        return _fast().structure(data, cls)
    except (Slow, Exception):
        pass
    try:
        result = _detailed().structure(data, cls)
    except Exception as exc:
        problems = _problems(exc, "$")
        if cls is CaseRecord:
            seen = {(p.path, p.message) for p in problems}
            problems += [
                p for p in _raw_reference_problems(data) if (p.path, p.message) not in seen
            ]
        raise RecordError(problems, source=source) from None
    return result  # pragma: no cover - both converters refuse the same inputs


def unstructure(obj: Any) -> Any:
    """The JSON-ready form of a record, event or part (defaults omitted)."""
    if isinstance(obj, Event):
        return _fast().unstructure(obj, Event)
    return _fast().unstructure(obj)
