"""Effective dates: an event's own date, narrowed by its relative timing.

An event may say when it happened twice: by its ``date`` ("June 2010") and
by ``after`` ("on the third day of the detention", two days after event
``d1``). Both are facts from the sources, so the day it happened lies in
both: its *effective date* is the intersection of its own date with the
days ``after`` gives, counted from the effective date of the earlier event
(so a chain of relative timings narrows in list order).

Where the two cannot both be true (no day lies in both), the record is
inconsistent: :func:`timing_problems` reports it at ``events[i].after``, as a
record problem (see :meth:`CaseRecord._object_problems`).

The record itself is never changed: a loaded record dumps as it was written.
The engine replays :func:`with_effective_dates` of it instead, whose events
carry the narrowed dates. A narrowed date is written as its bounds
(:meth:`UncertainDate.from_bounds`: ``2010-06-11``, ``2010-06-10/2010-06-12``,
``../2010-06-12``), since no text of the sources says it.

Nothing here knows the law; references that do not resolve are left to the
reference checks, which report them.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Protocol, TypeVar

import attrs

from ._dates import UncertainDate
from ._events import Event

__all__ = [
    "PointInTime",
    "Timing",
    "effective_dates",
    "point_in_time",
    "timing",
    "timing_problems",
    "with_effective_dates",
]


class _HasEvents(Protocol):
    @property
    def events(self) -> tuple[Event, ...]: ...


R = TypeVar("R", bound=_HasEvents)


@attrs.frozen
class Timing:
    """The effective date of each event of a record, and the contradictions found.

    Attributes:
        dates: One per event, in record order: the event's own date where
            nothing narrows it (the same object), else the narrowed date.
        problems: ``(path, message)`` for each event whose ``date`` and
            ``after`` share no day; paths like ``events[3].after``. Such an
            event keeps its own date.
    """

    dates: tuple[UncertainDate, ...]
    problems: tuple[tuple[str, str], ...] = ()


def _bound(
    day: datetime.date, own_day: datetime.date, own_time: datetime.datetime | None
) -> datetime.date:
    # Keep the event's own time of day where its own bound is the one that holds.
    if day == own_day and own_time is not None:
        return own_time
    return day


def _narrow(
    own: UncertainDate, low: datetime.date, high: datetime.date, base: UncertainDate
) -> UncertainDate:
    """The intersection of ``own`` with ``low..high`` (bounds of a shifted ``base``)."""
    earliest, latest = max(own.earliest, low), min(own.latest, high)
    if (earliest, latest) == (own.earliest, own.latest):
        return own
    # A bound is open only if it is open on both sides: one known side bounds it.
    open_start = own.open_start and base.open_start
    open_end = own.open_end and base.open_end
    return UncertainDate.from_bounds(
        None if open_start else _bound(earliest, own.earliest, own.earliest_time),
        None if open_end else _bound(latest, own.latest, own.latest_time),
    )


def effective_dates(events: Sequence[Event]) -> Timing:
    """The effective date of each event, narrowed by ``after`` in list order.

    Args:
        events: A record's events, in record order.

    Returns:
        The dates and the contradictions; an ``after`` that names no earlier
        event is skipped (the reference checks report it).
    """
    dates: list[UncertainDate] = []
    problems: list[tuple[str, str]] = []
    index: dict[str, int] = {}
    for i, ev in enumerate(events):
        own = ev.date
        timing = ev.after
        k = index.get(timing.event) if timing is not None else None
        if timing is None or k is None:
            dates.append(own)
        else:
            base = dates[k]
            narrowed = " as narrowed by its own 'after'" if base is not events[k].date else ""
            # The span saturates at 9999-12-31. A saturated high is harmless
            # (no written date lies beyond it), but a saturated low would make
            # "5 days after 9999-12-30" the day 9999-12-31. Where even the
            # soonest day is past the calendar's end, only a date open at the
            # end ("9999-12/..") can hold it, and then only as "on or after
            # 9999-12-31"; any other date contradicts the timing.
            low, high, past_end = timing.span(base)
            if past_end and own.open_end:
                dates.append(
                    UncertainDate.from_bounds(_bound(low, own.earliest, own.earliest_time), None)
                )
            elif past_end or own.earliest > high or own.latest < low:
                implied = (
                    "after 9999-12-31, the last day a date can have"
                    if past_end
                    else UncertainDate.from_bounds(
                        None if base.open_start else low, None if base.open_end else high
                    ).text
                )
                problems.append(
                    (
                        f"events[{i}].after",
                        f"{timing.describe()} after event {timing.event!r} "
                        f"({base.text}{narrowed}) is {implied}, which the event's date "
                        f"{own.text} does not include",
                    )
                )
                dates.append(own)
            else:
                dates.append(_narrow(own, low, high, base))
        # Only earlier events can be named: the first of a repeated id counts
        # (the repeat is a reference problem of its own).
        index.setdefault(ev.id, i)
    return Timing(dates=tuple(dates), problems=tuple(problems))


def timing(record: _HasEvents) -> Timing:
    """The effective dates of a :class:`~proceedings.CaseRecord`'s events, and their problems."""
    return effective_dates(record.events)


def timing_problems(events: Sequence[Event]) -> list[tuple[str, str]]:
    """Each event whose ``date`` and ``after`` cannot both be true, as ``(path, message)``."""
    return list(effective_dates(events).problems)


def with_effective_dates(record: R) -> R:
    """The record with each event's date replaced by its effective date.

    Returns ``record`` itself when no date is narrowed (the usual case), so
    that a record without ``after`` costs one pass and no copy.
    """
    dates = timing(record).dates
    if all(d is ev.date for d, ev in zip(dates, record.events, strict=True)):
        return record
    events = tuple(
        ev if d is ev.date else attrs.evolve(ev, date=d)
        for d, ev in zip(dates, record.events, strict=True)
    )
    # mypy's attrs plugin cannot see that R is an attrs class (a CaseRecord:
    # naming it would make this module and _model import each other).
    return attrs.evolve(record, events=events)  # type: ignore[misc]


@attrs.frozen
class PointInTime:
    """Which events of a record count in a view of it as of a date.

    Attributes:
        counted: How many events count: the first ``counted`` (a prefix of
            the record, so that indices stay those of the record).
        pending: Indices of counted events that may or may not have
            happened by the date: their dates reach past it.
    """

    counted: int
    pending: frozenset[int] = frozenset()


def point_in_time(dates: Sequence[UncertainDate], as_of: UncertainDate) -> PointInTime:
    """The events that count as of the end of ``as_of``, from their effective dates.

    An event counts if it happened on or before the date. One whose date lies
    wholly after it does not, and neither does any event listed after that
    one: the list order is the order of events. An event whose date reaches
    both sides of the date (``2023-01`` as of ``2023-01-10``, or any date as
    of an uncertain one it overlaps) counts as possibly before: it is
    replayed, and :attr:`PointInTime.pending` names it, so that what rests on
    it is undetermined.

    Args:
        dates: The effective dates of a record's events, in record order.
        as_of: The date of the view (to the day; a time of day is ignored).

    Returns:
        The count and the pending events.
    """
    pending: list[int] = []
    for i, day in enumerate(dates):
        if day.earliest > as_of.latest:
            return PointInTime(counted=i, pending=frozenset(pending))
        if day.latest > as_of.earliest:
            pending.append(i)
    return PointInTime(counted=len(dates), pending=frozenset(pending))
