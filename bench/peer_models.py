"""The record format as msgspec and pydantic models, generated from the attrs model.

The peers of ``bench_peers.py`` must read the same format as the library, or
the comparison says nothing. Writing fifty event classes by hand twice would
drift from ``proceedings._model`` at the first new field; so both models are
built here, when asked for, by walking the attrs classes (the record, its
parts and every class of ``EVENT_TYPE_BY_TAG``) and mapping each field's type:

=============================  ==========================================
attrs field                    msgspec / pydantic field
=============================  ==========================================
``str``, ``int``, ``float``,   the same type (strict: no coercion)
``bool``
a vocabulary (``StrEnum``)     ``Literal`` of its values
``UncertainDate``              ``str`` (the date's text, unparsed)
``tuple[X, ...]``              ``list[X]``
``X | None``                   ``X | None``
an attrs part class            the generated model of that class
``Event``                      a union of the event models, tagged by ``type``
=============================  ==========================================

A field with a default is optional, with the same default (``()`` becomes an
empty list, a vocabulary member its value); a field without one is required.
Unknown keys are refused (msgspec ``forbid_unknown_fields``, pydantic
``extra="forbid"``), as the library's converter refuses them.

What the generated models do not check, and the library does: identifiers,
country and language codes, non-empty texts, positive numbers, unique items
(the field checks of ``proceedings._checks``); the syntax and calendar of
dates; the checks across fields and objects (a crossing leads to another
country, a source has a url or a file, a charge has an article or a label);
every reference between ids (unique ids, events that name an earlier event
of the right type and account, listed sources, declared accounts); the
format version's value; repeated keys and ``NaN`` in the JSON text. So the
peers do less work per record than the library's decode: they are a floor
for what a typed decode of this format costs, not an equivalent.
"""

from __future__ import annotations

import enum
import functools
import importlib
import typing
from collections.abc import Callable
from typing import Any, Literal

import attrs

from proceedings._dates import UncertainDate
from proceedings._model import EVENT_TYPE_BY_TAG, PARTS, CaseRecord, Event

__all__ = ["ModelClasses", "msgspec_record", "pydantic_record"]

#: Every class the generated models mirror, each after the parts it holds.
ModelClasses = (*PARTS, *EVENT_TYPE_BY_TAG.values(), CaseRecord)


class _Backend:
    """What differs between the two libraries: how a model and a union are made."""

    def __init__(self) -> None:
        self.models: dict[type, Any] = {}

    def make(self, cls: type, fields: list[tuple[str, Any, Any]], tag: str | None) -> Any:
        raise NotImplementedError

    def event_union(self, members: list[Any]) -> Any:
        raise NotImplementedError

    def empty_list(self) -> Any:
        raise NotImplementedError

    def field_type(self, tp: Any, where: str) -> Any:
        """The peer type for an attrs field type ``tp`` (``where`` names it in errors)."""
        if tp is Event:
            return self.event_union([self.model(c) for c in EVENT_TYPE_BY_TAG.values()])
        if tp is UncertainDate:
            return str
        if tp in (str, int, float, bool):
            return tp
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return Literal[tuple(m.value for m in tp)]
        if isinstance(tp, type) and attrs.has(tp):
            return self.model(tp)
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return list[self.field_type(args[0], where)]  # type: ignore[misc]
        if args and type(None) in args:
            rest = [a for a in args if a is not type(None)]
            if len(rest) == 1:
                return self.field_type(rest[0], where) | None
        raise TypeError(f"no peer type for {tp!r} at {where}; extend peer_models.field_type")

    def default(self, value: Any, where: str) -> Any:
        if value == ():
            return self.empty_list()
        if isinstance(value, enum.Enum):
            return value.value
        if value is None or isinstance(value, bool | int | float | str):
            return value
        raise TypeError(f"no peer default for {value!r} at {where}")

    def model(self, cls: type) -> Any:
        if cls not in self.models:
            hints = typing.get_type_hints(cls)
            fields: list[tuple[str, Any, Any]] = []
            for f in attrs.fields(cls):
                where = f"{cls.__name__}.{f.name}"
                default = f.default
                if default is not attrs.NOTHING:
                    default = self.default(default, where)
                fields.append((f.alias or f.name, self.field_type(hints[f.name], where), default))
            tag = cls.type if issubclass(cls, Event) else None
            self.models[cls] = self.make(cls, fields, tag)
        return self.models[cls]


class _Msgspec(_Backend):
    def __init__(self) -> None:
        super().__init__()
        # Imported when asked for, so that a missing peer only loses its own rows.
        self.msgspec = importlib.import_module("msgspec")

    def make(self, cls: type, fields: list[tuple[str, Any, Any]], tag: str | None) -> Any:
        spec = [(n, t) if d is attrs.NOTHING else (n, t, d) for n, t, d in fields]
        tagging: dict[str, Any] = {"tag_field": "type", "tag": tag} if tag else {}
        return self.msgspec.defstruct(
            cls.__name__, spec, kw_only=True, forbid_unknown_fields=True, **tagging
        )

    def event_union(self, members: list[Any]) -> Any:
        return typing.Union[tuple(members)]  # noqa: UP007 - built from a runtime list

    def empty_list(self) -> Any:
        return self.msgspec.field(default_factory=list)


class _Pydantic(_Backend):
    def __init__(self) -> None:
        super().__init__()
        self.pydantic = importlib.import_module("pydantic")

    def make(self, cls: type, fields: list[tuple[str, Any, Any]], tag: str | None) -> Any:
        pd = self.pydantic
        spec: dict[str, Any] = {}
        if tag:
            spec["type"] = (Literal[tag], ...)
        for name, tp, default in fields:
            spec[name] = (tp, ... if default is attrs.NOTHING else default)
        config = pd.ConfigDict(extra="forbid", strict=True, frozen=True)
        return pd.create_model(cls.__name__, __config__=config, **spec)

    def event_union(self, members: list[Any]) -> Any:
        union = typing.Union[tuple(members)]  # noqa: UP007 - built from a runtime list
        return typing.Annotated[union, self.pydantic.Field(discriminator="type")]

    def empty_list(self) -> Any:
        return self.pydantic.Field(default_factory=list)


def _generated(backend: Callable[[], _Backend]) -> Any:
    return backend().model(CaseRecord)


@functools.cache
def msgspec_record() -> Any:
    """The record as a ``msgspec.Struct`` (decode with ``strict=True``).

    Raises:
        ImportError: msgspec is not installed.
    """
    return _generated(_Msgspec)


@functools.cache
def pydantic_record() -> Any:
    """The record as a pydantic v2 ``BaseModel`` (validate with ``strict=True``).

    Raises:
        ImportError: pydantic is not installed.
    """
    return _generated(_Pydantic)
