"""The fast path of decoding: one generated function per model class.

Most records are valid. For them, decoding is a walk over parsed JSON that
checks each value once and builds the object; cattrs' generated hooks do
that walk with a Python-level dispatch around every nested value, and the
classes then check every field again in ``__attrs_post_init__``. This module
generates, once per class and when the class is first read, a function that
does the walk in straight-line code: a type test per value, each field's
check (the same :class:`~proceedings._checks.Check`, its three commonest
kinds inlined), and the object built with the checks already made.

The functions never report a problem: on anything unexpected (a wrong type,
a refused value, a missing or extra key, a cross-field problem) they raise
:class:`Slow`, and the caller decodes the same data again with the detailed
converter, whose errors name every problem with its JSON path. So the fast
path only has to agree with the detailed one on what it *accepts*, and to
build equal objects (a property test checks both on generated records).
"""

from __future__ import annotations

import enum
import math
import re
import types
from collections.abc import Callable
from typing import Any, Union, get_args, get_origin

import attrs

from ._checks import _ID, CHECK, COUNTRY, IDENTIFIER, NONEMPTY, Check
from ._countries import ISO_3166_ALPHA2
from ._dates import UncertainDate
from ._event import Event
from ._fields import _Checked
from ._model import EVENT_TYPE_BY_TAG

__all__ = ["Slow", "decoder"]


class Slow(Exception):
    """The fast path gives up: decode the data with the detailed converter."""


_SLOW = Slow()  # raised without a message: the detailed converter gives one
_MISSING = object()

#: Each class's decoding function, made when the class is first decoded.
_DECODERS: dict[Any, Callable[[Any], Any]] = {}

#: Dates, by text: the same few hundred texts recur across a corpus, and a
#: date is immutable. Cleared when it grows past its size, so that a corpus of
#: distinct dates costs no more memory than one of repeated dates.
_DATES: dict[str, UncertainDate] = {}
_DATES_MAX = 4096


def _date(value: Any) -> UncertainDate:
    if type(value) is not str:
        raise _SLOW
    found = _DATES.get(value)
    if found is None:
        try:
            found = UncertainDate.parse(value)
        except Exception:
            raise _SLOW from None
        if len(_DATES) >= _DATES_MAX:
            _DATES.clear()
        _DATES[value] = found
    return found


def _str(value: Any) -> str:
    # A lone surrogate ("\\ud800") is no character: the detailed path refuses
    # it, with a message. An ASCII string cannot hold one.
    if type(value) is not str or (not value.isascii() and _has_surrogate(value)):
        raise _SLOW
    return value


_has_surrogate = re.compile("[\ud800-\udfff]").search


def _int(value: Any) -> int:
    if type(value) is not int:
        raise _SLOW
    return value


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise _SLOW
    return value


def _float(value: Any) -> float:
    # A whole number is a number too, and stays an int, as on the detailed
    # path; one past a float's range (OverflowError) is left to it to refuse.
    if type(value) is not float and type(value) is not int:
        raise _SLOW
    try:
        finite = math.isfinite(value)
    except OverflowError:
        raise _SLOW from None
    if not finite:
        raise _SLOW
    return value


def _enum(cls: type[enum.Enum]) -> Callable[[Any], Any]:
    members = {m.value: m for m in cls}

    def structure(value: Any) -> Any:
        member = members.get(value) if type(value) is str else None
        if member is None:
            raise _SLOW
        return member

    return structure


def _tuple(item: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, ...]]:
    def structure(value: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _SLOW
        return tuple([item(v) for v in value])

    return structure


def _optional(inner: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def structure(value: Any) -> Any:
        return None if value is None else inner(value)

    return structure


def _event(value: Any) -> Event:
    if type(value) is not dict:
        raise _SLOW
    tag = value.get("type")
    structure = _BY_TAG.get(tag) if type(tag) is str else None
    if structure is None:
        cls = EVENT_TYPE_BY_TAG.get(tag) if type(tag) is str else None
        if cls is None:
            raise _SLOW
        structure = _BY_TAG[cls.type] = decoder(cls)
    result: Event = structure(value)
    return result


#: Each event type's function, by its tag.
_BY_TAG: dict[str, Callable[[Any], Any]] = {}


_SCALARS: dict[Any, Callable[[Any], Any]] = {
    str: _str,
    int: _int,
    bool: _bool,
    float: _float,
    UncertainDate: _date,
}


def _hook(t: Any) -> Callable[[Any], Any]:
    """The function that decodes a value of type ``t``."""
    scalar = _SCALARS.get(t)
    if scalar is not None:
        return scalar
    if t is Event:
        return _event
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return _enum(t)
    origin, args = get_origin(t), get_args(t)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _tuple(_hook(args[0]))
    if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        (inner,) = (a for a in args if a is not type(None))
        return _optional(_hook(inner))
    if attrs.has(t):
        # Made now, unless it is being made (a class that contains itself).
        return _lazy(t) if t in _MAKING else decoder(t)
    raise TypeError(f"no fast decoder for {t!r}")  # pragma: no cover - a new kind of field


def _lazy(cls: type) -> Callable[[Any], Any]:
    # Classes refer to each other (an event to its parts): each one's function
    # is made when first called, not when the referring class is.
    made: list[Callable[[Any], Any]] = []

    def structure(value: Any) -> Any:
        if not made:
            made.append(decoder(cls))
        return made[0](value)

    return structure


def decoder(cls: type) -> Callable[[Any], Any]:
    """The fast decoding function of an attrs model class (made once)."""
    found = _DECODERS.get(cls)
    if found is None:
        _MAKING.add(cls)
        try:
            found = _DECODERS[cls] = _generate(cls)
        finally:
            _MAKING.discard(cls)
    return found


#: The classes whose functions are being made.
_MAKING: set[type] = set()


#: Checks tested by an expression on the value ``v`` instead of a call (a
#: check holds a schema dict, so it is found by identity, not by hash).
_INLINE = (
    (IDENTIFIER, "_ident(v) is not None"),
    (NONEMPTY, "v.strip()"),
    (COUNTRY, "v in _countries"),
)


#: A string field's test, in line: the value itself, or the slow path.
_STR_TEST = "v if type(v) is str and (v.isascii() or _surrogate(v) is None) else _h{i}(v)"


def _inline(check: Check) -> str | None:
    return next((test for known, test in _INLINE if known is check), None)


def _generate(cls: type) -> Callable[[Any], Any]:
    attrs.resolve_types(cls)
    tag = cls.type if issubclass(cls, Event) else None
    # The model's classes do no more after ``__init__`` than their checks (the
    # fields' checks and those across fields): the functions make the same
    # checks and build the object without it. A class that did more, or had
    # a field ``__init__`` does not set, would need its ``__init__``.
    if getattr(cls, "__attrs_post_init__", None) is not _Checked.__attrs_post_init__ or not all(
        f.init and not isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
        for f in attrs.fields(cls)
    ):  # pragma: no cover - a new kind of model class
        raise TypeError(f"no fast decoder for {cls.__qualname__}: it does more in __init__")
    object_checks = getattr(cls, "_object_problems", None) is not _Checked._object_problems
    names: dict[str, Any] = {
        "_SLOW": _SLOW,
        "_MISSING": _MISSING,
        "_cls": cls,
        "_new": object.__new__,
        "_set": object.__setattr__,
        "_ident": _ID.fullmatch,
        "_countries": ISO_3166_ALPHA2,
        "_surrogate": _has_surrogate,
    }
    lines = [
        "def structure(d):",
        "    if type(d) is not dict:",
        "        raise _SLOW",
        "    n = 0",
    ]
    if tag is not None:
        names["_tag"] = tag
        lines += [
            "    v = d.get('type', _MISSING)",
            "    if v is not _MISSING:",
            "        if v != _tag:",
            "            raise _SLOW",
            "        n = 1",
        ]
    for i, field in enumerate(attrs.fields(cls)):
        if field.alias != field.name:  # pragma: no cover - no model field is aliased
            raise TypeError(f"{cls.__name__}.{field.name} is aliased")
        names[f"_h{i}"] = _hook(field.type)
        local = f"f{i}"
        # The commonest field, a string, is tested in line.
        if field.type is str:
            value = _STR_TEST.format(i=i)
        elif field.type == str | None:
            value = f"None if v is None else ({_STR_TEST.format(i=i)})"
        else:
            value = f"_h{i}(v)"
        lines.append(f"    v = d.get({field.name!r}, _MISSING)")
        if field.default is attrs.NOTHING:
            lines += ["    if v is _MISSING:", "        raise _SLOW"]
            lines.append(f"    n += 1\n    {local} = {value}")
            indent = "    "
        else:
            names[f"_d{i}"] = field.default
            lines += [
                "    if v is _MISSING:",
                f"        {local} = _d{i}",
                "    else:",
                "        n += 1",
                f"        {local} = {value}",
            ]
            indent = "        "
        check: Check | None = field.metadata.get(CHECK)
        if check is not None:
            test = _inline(check)
            if test is None:
                names[f"_c{i}"] = check.test
                test = f"_c{i}(v) is None"
            lines += [
                f"{indent}v = {local}",
                f"{indent}if v is not None and not ({test}):",
                f"{indent}    raise _SLOW",
            ]
    lines += ["    if n != len(d):", "        raise _SLOW"]  # a key the class does not have
    lines.append("    o = _new(_cls)")
    lines += [f"    _set(o, {f.name!r}, f{i})" for i, f in enumerate(attrs.fields(cls))]
    if object_checks:
        lines += ["    if o._object_problems():", "        raise _SLOW"]
    lines.append("    return o")
    namespace = dict(names)
    code = compile("\n".join(lines), f"<proceedings fast decoder {cls.__qualname__}>", "exec")
    exec(code, namespace)  # the source is generated above from the class's own fields
    structure: Callable[[Any], Any] = namespace["structure"]
    return structure
