"""Hypothesis' entry point: register the library's types with ``st.from_type``.

Hypothesis runs its entry points when it is first imported, and that may be
in the middle of importing :mod:`proceedings.strategies` (whose modules import
Hypothesis), with the strategies not defined yet. So this module imports no
strategy at the top, nor in the hook: each registered strategy is looked up
only when ``from_type`` first resolves its type, by which time every import
is done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, get_args

import attrs

from ._dates import UncertainDate
from ._model import EVENT_TYPES, REFERS_TO, CaseRecord, Event


def record_parts() -> tuple[type, ...]:
    """The attrs classes a record holds besides events and dates, found from the field types."""
    found: list[type] = []

    def walk(cls: Any) -> None:
        attrs.resolve_types(cls)
        for field in attrs.fields(cls):
            for tp in (field.type, *get_args(field.type), *_items(field.type)):
                if _is_part(tp) and tp not in found:
                    found.append(tp)
                    walk(tp)

    for cls in (CaseRecord, *EVENT_TYPES):
        walk(cls)
    return tuple(found)


def _is_part(tp: Any) -> bool:
    return (
        isinstance(tp, type)
        and attrs.has(tp)
        and tp is not UncertainDate
        and not issubclass(tp, Event)
    )


def _items(tp: Any) -> tuple[Any, ...]:
    # The item type of tuple[X, ...], inside an Optional or not.
    return tuple(arg for inner in get_args(tp) for arg in get_args(inner))


def _needs_earlier(cls: type[Event]) -> bool:
    """Whether an event of ``cls`` must refer to an earlier one (an appeal decision does)."""
    return any(
        REFERS_TO in field.metadata and field.default is attrs.NOTHING
        for field in attrs.fields(cls)
    )


def _deferred(make: Callable[[], Any]) -> Callable[[type], Any]:
    def resolve(_: type) -> Any:
        return make()

    return resolve


def _records() -> Any:
    from . import strategies  # noqa: PLC0415 (see the module docstring)

    return strategies.records()


def _dates() -> Any:
    from . import strategies  # noqa: PLC0415 (see the module docstring)

    return strategies.uncertain_dates()


def _part(cls: type) -> Callable[[], Any]:
    def make() -> Any:
        from ._strategies import records  # noqa: PLC0415

        return records.parts(cls)

    return make


def _event(cls: type[Event] | None) -> Callable[[], Any]:
    def make() -> Any:
        from . import strategies  # noqa: PLC0415 (see the module docstring)

        return strategies.events(event_types=None if cls is None else (cls,))

    return make


def _hypothesis_setup_hook() -> None:
    """Register dates, records, their parts and the event classes with ``st.from_type``.

    Hypothesis calls this through the ``hypothesis`` entry point declared in
    ``pyproject.toml`` when it is imported, if this package is installed.
    """
    # Hypothesis' own advice: a plugin imports it inside the hook.
    from hypothesis import strategies as st  # noqa: PLC0415

    st.register_type_strategy(UncertainDate, _deferred(_dates))
    st.register_type_strategy(CaseRecord, _deferred(_records))
    for cls in record_parts():
        st.register_type_strategy(cls, _deferred(_part(cls)))
    # An event that must refer to an earlier one cannot be drawn on its own;
    # Event itself draws any of the others.
    st.register_type_strategy(Event, _deferred(_event(None)))
    for kind in EVENT_TYPES:
        if not _needs_earlier(kind):
            st.register_type_strategy(kind, _deferred(_event(kind)))
