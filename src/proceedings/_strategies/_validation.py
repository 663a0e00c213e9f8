"""Eager argument checks shared by every strategy and by the state machine.

Hypothesis' API style: a bad argument raises
:class:`hypothesis.errors.InvalidArgument` when the strategy is made, with a
message that names the argument and the value. One function per kind of
argument, so that the same mistake reads the same everywhere.
"""

from __future__ import annotations

import datetime
import sys
import warnings
from collections.abc import Collection, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, TypeVar

from hypothesis.errors import InvalidArgument

from .._checks import IDENTIFIER
from .._countries import ISO_3166_ALPHA2
from .._model import EVENT_TYPES, Event, Person

T = TypeVar("T")


def check_int(value: object, name: str, *, min_value: int = 0, max_value: int | None = None) -> int:
    """``value`` if it is an int (not a bool) within ``min_value..max_value``."""
    # bool is an int; a bound of True is a mistake worth reporting.
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be an int")
    if value < min_value or (max_value is not None and value > max_value):
        upper = "" if max_value is None else str(max_value)
        raise InvalidArgument(f"{name}={value!r} is out of range {min_value}..{upper}")
    return value


def check_bounds(
    low: object,
    high: object,
    names: tuple[str, str] = ("min_events", "max_events"),
    *,
    min_value: int = 0,
    max_value: int | None = None,
) -> tuple[int, int]:
    """Two int bounds, each in range, the first not greater than the second."""
    first = check_int(low, names[0], min_value=min_value, max_value=max_value)
    second = check_int(high, names[1], min_value=min_value, max_value=max_value)
    if first > second:
        raise InvalidArgument(f"{names[0]}={first!r} is greater than {names[1]}={second!r}")
    return first, second


def check_bool(value: object, name: str) -> bool:
    """``value`` if it is ``True`` or ``False``."""
    if not isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be True or False")
    return value


def _collection(
    value: object, name: str, what: str, order: Sequence[Any] | None = None
) -> tuple[Any, ...]:
    # A string is a collection of characters, and a class is no collection:
    # both are a single value passed where several were meant.
    if isinstance(value, (str, type)) or not isinstance(value, Collection):
        raise InvalidArgument(f"{name}={value!r} must be a collection of {what}")
    items = tuple(value)
    if isinstance(value, AbstractSet):
        # A set iterates in an order that hangs on hashes: of strings, seeded
        # anew in each process; of classes, their addresses in memory. Drawn
        # in that order, the same seed would give other examples in another
        # run, and a derandomised test (CI) would change with unrelated code.
        # Sorted in a fixed order instead: ``order``'s, or by value.
        if order is not None:
            rank = {item: i for i, item in enumerate(order)}
            items = tuple(sorted(items, key=lambda item: rank.get(item, len(rank))))
        else:
            items = tuple(sorted(items, key=repr))
    return items


def check_event_types(value: object, name: str = "event_types") -> tuple[type[Event], ...]:
    """Event classes, at least one, each in :data:`~proceedings.EVENT_TYPES`; all if ``None``."""
    if value is None:
        return EVENT_TYPES
    chosen = _collection(value, name, "event classes", EVENT_TYPES)
    if not chosen:
        raise InvalidArgument(f"{name} must name at least one event class")
    for cls in chosen:
        if cls not in EVENT_TYPES:
            raise InvalidArgument(
                f"{name} holds {cls!r}, which is not one of the concrete event classes "
                "in proceedings.EVENT_TYPES"
            )
    return chosen


def check_ids(value: object, name: str, *, allow_empty: bool) -> tuple[str, ...]:
    """Distinct valid ids (as the ``IDENTIFIER`` field check reads them)."""
    ids = _collection(value, name, "ids")
    if not ids and not allow_empty:
        raise InvalidArgument(f"{name} must name at least one id")
    for item in ids:
        if not isinstance(item, str) or IDENTIFIER.test(item) is not None:
            raise InvalidArgument(f"{name} holds {item!r}, which is not a valid id")
    if len(set(ids)) != len(ids):
        raise InvalidArgument(f"{name}={ids!r} repeats an id")
    return ids


def check_names(value: object, name: str, known: Sequence[str]) -> tuple[str, ...]:
    """Some of the ``known`` names, at least one; all of them if ``None``."""
    if value is None:
        return tuple(known)
    chosen = _collection(value, name, "names", known)
    if not chosen:
        raise InvalidArgument(f"{name} must name at least one of: {', '.join(known)}")
    unknown = [item for item in chosen if item not in known]
    if unknown:
        raise InvalidArgument(f"{name} holds unknown {unknown!r}; known: {', '.join(known)}")
    return chosen


def check_instances(value: object, name: str, cls: type[T]) -> tuple[T, ...]:
    """At least one instance of ``cls``, in a collection."""
    chosen = _collection(value, name, cls.__name__)
    if not chosen or not all(isinstance(item, cls) for item in chosen):
        raise InvalidArgument(f"{name}={value!r} must hold at least one {cls.__name__}")
    return chosen


def check_country(value: object, name: str) -> str:
    """An ISO 3166-1 alpha-2 code the library accepts."""
    if not isinstance(value, str) or value not in ISO_3166_ALPHA2:
        raise InvalidArgument(f"{name}={value!r} must be an ISO 3166-1 alpha-2 code")
    return value


def check_person(value: object, default: Person) -> Person:
    """A :class:`~proceedings.Person`, or ``default`` for ``None``."""
    if value is None:
        return default
    if not isinstance(value, Person):
        raise InvalidArgument(f"person={value!r} must be a proceedings.Person")
    return value


def check_date(value: object, name: str) -> datetime.date:
    """A :class:`datetime.date` that is not a datetime."""
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise InvalidArgument(f"{name}={value!r} must be a datetime.date")
    return value


def _outside_stacklevel() -> int:
    """The ``stacklevel`` that points the caller's warning at the first code outside the package.

    A public kit may call another (``record_dicts`` is ``records`` turned into
    JSON), so no fixed level points at the user's line from both.
    """
    package = __name__.partition(".")[0]
    frame, level = sys._getframe(1), 1
    while frame.f_back is not None and (
        frame.f_globals.get("__name__", "").partition(".")[0] == package
    ):
        frame, level = frame.f_back, level + 1
    return level


def renamed(old: str, new: str, old_value: T, new_value: T, default: T) -> T:
    """The value of a renamed keyword: ``new``'s, or ``old``'s with a DeprecationWarning.

    The warning points at the user's call of the public function.

    Args:
        old: The keyword's old name.
        new: Its new name.
        old_value: What was passed as ``old`` (``None`` if nothing).
        new_value: What was passed as ``new``.
        default: ``new``'s default, to tell whether it was passed too.
    """
    if old_value is None:
        return new_value
    if new_value is not default:
        raise InvalidArgument(f"pass {new}= only; {old}= is its old name")
    warnings.warn(
        f"{old}= is deprecated; use {new}= instead",
        DeprecationWarning,
        stacklevel=_outside_stacklevel(),
    )
    return old_value


def deprecated(old: str, new: str, value: T) -> T:
    """``value``, with a DeprecationWarning that ``old`` is now ``new``.

    For a module's ``__getattr__``: the warning points at the code that read
    the old name.
    """
    warnings.warn(f"{old} is deprecated; use {new}", DeprecationWarning, stacklevel=3)
    return value
