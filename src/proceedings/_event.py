"""The event: what happened, as the sources report it; every event type subclasses it."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, ClassVar

import attrs

from ._dates import UncertainDate
from ._fields import (
    _Checked,
    _country,
    _ident,
    _opt_ident,
    _opt_text,
    _ref,
)
from ._parts import (
    RelativeTiming,
    SourceRef,
)


@attrs.frozen(kw_only=True)
class Event(_Checked):
    """Something that happened, as the sources report it.

    Every concrete event type is a subclass with a ``type`` tag, which is also
    its ``"type"`` in JSON.

    Attributes:
        id: Unique within the record; findings point back to it.
        date: When it happened, as precisely as the sources allow.
        jurisdiction: The state in whose territory or legal order it happened
            (ISO 3166-1 alpha-2).
        account: The account it belongs to where sources conflict; ``None``
            means every account.
        same_day_as: An earlier event that happened on the same day, where the
            sources say so ("within hours") but give only a vague date for
            both: time limits between the two are then measured as 0 days.
        sources: Citations of the record's sources, each with a short quote.
        note: Anything a reader needs (an inference, a doubt).
        order_uncertain: The sources leave open where this event falls among
            the events listed around it whose dates overlap its own: a
            finding that rests on their order is then undetermined. By
            default the order of the list is the order of events.
        after: When it happened counted in days after an earlier event ("on
            the third day of detention"); ``date`` must be consistent with it,
            and time limits are measured from the narrower of the two.
    """

    type: ClassVar[str] = "event"
    #: Whether this kind of event is a step of the procedure, which the
    #: statechart must follow. ``False`` for facts kept for people and for
    #: rules (a denied document, anything else) that change no state: the
    #: chart declares them inert instead of driving a track with them.
    procedural: ClassVar[bool] = True

    id: str = _ident()
    date: UncertainDate
    jurisdiction: str = _country()
    account: str | None = _opt_ident()
    sources: tuple[SourceRef, ...] = ()
    note: str | None = _opt_text()
    same_day_as: str | None = _ref()
    order_uncertain: bool = False
    after: RelativeTiming | None = None

    # One ``__repr__``, ``__eq__`` and ``__hash__`` for every event type, doing what
    # attrs would generate for each (the fields in order, equal only to the same
    # type): the types are declared with ``eq=False, repr=False``, so that
    # defining sixty of them compiles only their ``__init__`` (the rest was a third
    # of the time to import the model).
    def __repr__(self) -> str:
        cls = self.__class__
        shown = ", ".join(
            f"{name}={value!r}" for name, value in zip(_names(cls), _values(cls)(self), strict=True)
        )
        return f"{cls.__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = _values(self.__class__)
        return bool(values(self) == values(other))

    def __hash__(self) -> int:
        return hash((self.__class__, _values(self.__class__)(self)))


_NAMES: dict[type, tuple[str, ...]] = {}
_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _names(cls: type) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(a.name for a in attrs.fields(cls))
    return names


def _values(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving an event's field values, in order (a tuple: events have several)."""
    getter = _GETTERS.get(cls)
    if getter is None:
        getter = _GETTERS[cls] = operator.attrgetter(*_names(cls))
    return getter


__all__ = ["Event"]
