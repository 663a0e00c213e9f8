"""Durations between uncertain dates, and days moved along the calendar.

A :class:`DayRange` or :class:`HourRange` bounds how long lies between two
:class:`~proceedings.UncertainDate` values, every reading of both counted;
:func:`add_days` and :func:`shift_day` move a day and stop at the ends of the
calendar (0001-01-01 and 9999-12-31) instead of overflowing.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from typing import TypeVar

import attrs

from ._dates import Truth, UncertainDate

__all__ = [
    "DayRange",
    "HourRange",
    "Period",
    "add_days",
    "days_between",
    "hours_between",
    "leaves_calendar",
    "shift_day",
]


@attrs.frozen
class DayRange:
    """Bounds on a number of days, both included.

    A bound measured from an open end of a date (``../2010-09``) is not known:
    :attr:`min_open` or :attr:`max_open` says so, and the number is then only
    the extreme the calendar allows, which keeps :meth:`exceeds` and
    :meth:`at_most` right but is no number to print (:meth:`describe` does
    not).

    Attributes:
        min: The smallest possible number of days.
        max: The largest possible number (``min <= max``).
        min_open: Whether the smallest number is unknown (an open end).
        max_open: Whether the largest number is unknown (an open end).

    Raises:
        ValueError: On construction, if ``min > max``.
    """

    min: int
    max: int
    min_open: bool = attrs.field(default=False, kw_only=True)
    max_open: bool = attrs.field(default=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.min > self.max:
            raise ValueError(f"DayRange min {self.min} is greater than max {self.max}")

    def exceeds(self, limit: int) -> Truth:
        """Whether the number of days is greater than ``limit``.

        Args:
            limit: A number of days, e.g. a legal time limit.

        Returns:
            ``TRUE`` if even the smallest number exceeds it, ``FALSE`` if even
            the largest does not, ``UNKNOWN`` otherwise.
        """
        return _exceeds(self.min, self.max, limit)

    def at_most(self, limit: int) -> Truth:
        """Whether the number of days is at most ``limit``.

        Args:
            limit: A number of days.

        Returns:
            The negation of :meth:`exceeds`.
        """
        return ~self.exceeds(limit)

    def describe(self) -> str:
        """The range in words, for a message: ``"1 day"``, ``"2 to 5 days"``,
        ``"at least 2 days"``; an open bound is never given a number.
        """

        def days(n: int) -> str:
            return f"{n} day" if n == 1 else f"{n} days"

        if self.min_open and self.max_open:
            return "an unknown number of days"
        if self.max_open:
            return f"at least {days(self.min)}"
        if self.min_open:
            return f"at most {days(self.max)}"
        if self.min == self.max:
            return days(self.min)
        return f"{self.min} to {self.max} days"

    def __contains__(self, days: object) -> bool:
        # bool is an int, but "is True within the bounds" is a mistake, not a question.
        return isinstance(days, int) and not isinstance(days, bool) and self.min <= days <= self.max


_Length = TypeVar("_Length", int, datetime.timedelta)


def _exceeds(low: _Length, high: _Length, limit: _Length) -> Truth:
    # A range of lengths against a limit: the one comparison DayRange and
    # HourRange share.
    if low > limit:
        return Truth.TRUE
    if high <= limit:
        return Truth.FALSE
    return Truth.UNKNOWN


@attrs.frozen
class HourRange:
    """Bounds on a length of time between two instants, both included.

    Only built by :func:`hours_between`, from dates that give a time of day,
    so both bounds are known.

    Attributes:
        min: The shortest possible length.
        max: The longest possible length (``min <= max``).

    Raises:
        ValueError: On construction, if ``min > max``.
    """

    min: datetime.timedelta
    max: datetime.timedelta

    def __attrs_post_init__(self) -> None:
        if self.min > self.max:
            raise ValueError(f"HourRange min {self.min} is greater than max {self.max}")

    @property
    def min_hours(self) -> float:
        """:attr:`min` in hours."""
        return self.min / datetime.timedelta(hours=1)

    @property
    def max_hours(self) -> float:
        """:attr:`max` in hours."""
        return self.max / datetime.timedelta(hours=1)

    def exceeds(self, hours: int) -> Truth:
        """Whether the length is greater than ``hours``.

        Args:
            hours: A number of hours, e.g. a legal time limit of 48 hours.

        Returns:
            ``TRUE`` if even the shortest length exceeds it, ``FALSE`` if even
            the longest does not, ``UNKNOWN`` otherwise.
        """
        return _exceeds(self.min, self.max, datetime.timedelta(hours=hours))

    def at_most(self, hours: int) -> Truth:
        """Whether the length is at most ``hours``: the negation of :meth:`exceeds`."""
        return ~self.exceeds(hours)

    def __contains__(self, length: object) -> bool:
        return isinstance(length, datetime.timedelta) and self.min <= length <= self.max


def days_between(start: UncertainDate, end: UncertainDate) -> DayRange:
    """Bounds on the number of days from ``start``'s day to ``end``'s day.

    Args:
        start: The earlier event, e.g. an arrest.
        end: The later event, e.g. the first appearance before a judge.

    Returns:
        The smallest and largest ``end_day - start_day`` over all possible
        days. Negative if ``end`` may lie before ``start``; zero is the same day.
        A bound that rests on an open end is marked open (see :class:`DayRange`).
    """
    return DayRange(
        min=(end.earliest - start.latest).days,
        max=(end.latest - start.earliest).days,
        min_open=end.open_start or start.open_end,
        max_open=end.open_end or start.open_start,
    )


def hours_between(start: UncertainDate, end: UncertainDate) -> HourRange | None:
    """Bounds on the time from ``start`` to ``end``, where both give times of day.

    Args:
        start: The earlier event, e.g. an arrest at ``2010-06-09T22:00``.
        end: The later event, e.g. a court order at ``2010-06-11T23:00``.

    Returns:
        The shortest and longest ``end - start`` over all possible instants
        (negative if ``end`` may come first), or ``None`` if a bound of either
        date has no time of day (then count in days: :func:`days_between`).
    """
    first, last = start.earliest_time, start.latest_time
    soonest, latest = end.earliest_time, end.latest_time
    if first is None or last is None or soonest is None or latest is None:
        return None
    return HourRange(min=soonest - last, max=latest - first)


_FIRST_ORDINAL = datetime.date.min.toordinal()
_LAST_ORDINAL = datetime.date.max.toordinal()


def shift_day(day: datetime.date, days: int) -> datetime.date:
    """``day + days``, saturating at ``date.min`` and ``date.max`` instead of overflowing.

    The record format has no day before 0001-01-01 or after 9999-12-31, so a
    day moved past either end stays on it; :func:`leaves_calendar` says
    whether that happened, for callers to whom it matters.
    """
    return datetime.date.fromordinal(
        min(max(day.toordinal() + days, _FIRST_ORDINAL), _LAST_ORDINAL)
    )


def _outside(day: datetime.date, days: int) -> bool:
    return not _FIRST_ORDINAL <= day.toordinal() + days <= _LAST_ORDINAL


def leaves_calendar(date: UncertainDate, days: int) -> tuple[bool, bool]:
    """Whether each bound of :func:`add_days` ``(date, days)`` was saturated.

    A deadline ten days after ``9999-12-25`` falls on no day the calendar
    has: :func:`add_days` answers ``9999-12-31``, which is a true lower bound
    for its earliest day but no upper bound for its latest. This says which
    bound ran off the calendar (before 0001-01-01 or after 9999-12-31), so
    that the caller can say "not before the end of the calendar" instead.

    Args:
        date: The starting date.
        days: How many days are added; may be negative.

    Returns:
        ``(earliest_left, latest_left)``; an open bound is never moved, so it
        never leaves.
    """
    return (
        not date.open_start and _outside(date.earliest, days),
        not date.open_end and _outside(date.latest, days),
    )


def add_days(date: UncertainDate, days: int) -> tuple[datetime.date, datetime.date]:
    """The bounds of ``date`` moved by ``days``, e.g. to find a deadline.

    Args:
        date: The starting date.
        days: How many days to add; may be negative.

    Returns:
        ``(earliest + days, latest + days)``, saturating at ``datetime.date.min``
        and ``datetime.date.max`` instead of overflowing (see
        :func:`leaves_calendar` for whether a bound did). An open bound stays
        open: ``date.min`` (``date.max``) moved by any number of days is still
        "unknown", so it is not moved.
    """
    earliest = date.earliest if date.open_start else shift_day(date.earliest, days)
    latest = date.latest if date.open_end else shift_day(date.latest, days)
    return earliest, latest


#: An ISO 8601 duration in calendar units: years, months, weeks, days, each
#: at most once and in that order (``P1Y10M``, ``P3W``, ``P40D``); no time part.
_PERIOD = re.compile(r"P(?=\d)(?:(\d{1,4})Y)?(?:(\d{1,5})M)?(?:(\d{1,6})W)?(?:(\d{1,6})D)?")


@attrs.frozen
class Period:
    """A length of calendar time, as ISO 8601 writes it: ``P1Y10M``, ``P3W``, ``P40D``.

    Years and months are calendar months (a month after 31 January is the
    last day of February, as with :mod:`dateutil`'s ``relativedelta``), weeks
    and days are days: ``P1Y10M`` after 2010-03-15 is 2012-01-15.

    Attributes:
        months: Years and months, in months.
        days: Weeks and days, in days.
    """

    months: int
    days: int

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``P1Y10M``, ``P3W2D``...

        Raises:
            ValueError: ``text`` is not such a duration.
        """
        match = _PERIOD.fullmatch(text)
        if match is None:
            raise ValueError(f"{text!r} is not a period such as 'P1Y10M', 'P3W' or 'P40D'")
        years, months, weeks, days = (int(part or 0) for part in match.groups())
        return cls(months=12 * years + months, days=7 * weeks + days)

    def _moved(self, day: datetime.date) -> tuple[int, bool]:
        # The ordinal of the day this period after ``day``, and whether it
        # leaves the calendar (then the ordinal is that of 9999-12-31).
        year, month = divmod(day.month - 1 + self.months, 12)
        year += day.year
        if year > datetime.MAXYEAR:
            return _LAST_ORDINAL, True
        month += 1
        landed = datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
        ordinal = landed.toordinal() + self.days
        return min(ordinal, _LAST_ORDINAL), ordinal > _LAST_ORDINAL

    def after(self, day: datetime.date) -> datetime.date:
        """The day this period after ``day``, saturating at 9999-12-31 (see :meth:`leaves`)."""
        return datetime.date.fromordinal(self._moved(day)[0])

    def leaves(self, day: datetime.date) -> bool:
        """Whether the day this period after ``day`` is past 9999-12-31."""
        return self._moved(day)[1]

    @property
    def day_bounds(self) -> tuple[int, int]:
        """``(fewest, most)`` days the period can be, whatever day it starts on."""
        return _month_bounds(self.months)[0] + self.days, _month_bounds(self.months)[1] + self.days


@functools.cache
def _month_bounds(months: int) -> tuple[int, int]:
    # The calendar repeats every 400 years; a month's length depends on the
    # day it starts from only through the clamping of the last days of a
    # month, so the first, 28th to 31st of each month of the cycle cover
    # every case.
    if months == 0:
        return 0, 0
    lengths = []
    period = Period(months=months, days=0)
    for year in range(2000, 2400):
        for month in range(1, 13):
            last = calendar.monthrange(year, month)[1]
            for dom in (1, 28, 29, 30, 31):
                if dom <= last:
                    day = datetime.date(year, month, dom)
                    lengths.append(period._moved(day)[0] - day.toordinal())
    return min(lengths), max(lengths)
