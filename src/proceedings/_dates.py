"""Uncertain dates, as news reports give them, and three-valued comparisons.

A report rarely says "26 September 2022". It says "late September", "in 2022",
"around the 26th". This module reads the small subset of ISO 8601-2 (EDTF) that
is enough to write such dates down without inventing precision:

* ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` for years 0001..9999, four digits only;
* one qualifier at the very end: ``~`` approximate, ``?`` uncertain, ``%`` both
  (``2022-09-26~``, ``2022-11?``);
* unspecified digits ``X`` in any digit position (``2022-12-XX``, ``202X``,
  ``2022-1X-05``), except a year that is all ``X``, which has no bound;
* a time of day after a full date, 24-hour local time, ``YYYY-MM-DDThh:mm``
  or ``YYYY-MM-DDThh:mm:ss`` (``2010-06-09T14:30``), with no time zone;
* closed intervals ``A/B`` of two such dates (``2022-11-20/2022-11-30``,
  ``2010-06-09T22:00/2010-06-10T06:00``);
* open intervals ``../B`` (some day on or before ``B``) and ``A/..`` (on or
  after ``A``), whose known end is any single form above (``../2010-09``,
  ``2010-06-09~/..``).

Each :class:`UncertainDate` stands for *one* day that is not known exactly: it
lies somewhere between :attr:`UncertainDate.earliest` and
:attr:`UncertainDate.latest`, both included. An interval is read the same way:
``2022-11-20/2022-11-30`` is "some day from the 20th to the 30th", which is how a
reader writes "late November".

An open end has no bound: :attr:`UncertainDate.earliest` of ``../2010-09`` is
``datetime.date.min`` and :attr:`UncertainDate.open_start` says that this is
"unknown", not year 1; likewise ``datetime.date.max`` and
:attr:`UncertainDate.open_end`. Arithmetic saturates there instead of
overflowing, and whatever prints a date prints its text, never those stand-ins.

A time of day narrows nothing at day precision (``earliest`` and ``latest``
stay days), but :attr:`UncertainDate.earliest_time` and
:attr:`UncertainDate.latest_time` keep it, so that :func:`hours_between` can
measure a 48- or 72-hour limit exactly when both dates give times.

Qualifiers never widen those bounds. ``2022-09-26~`` has the bounds of
``2022-09-26``; the ``~`` is kept in :attr:`UncertainDate.approximate` so that a
report can say the date is approximate, but no rule of thumb ("give or take a
week") is invented here. Whoever means a wider span writes an interval.

Comparisons return a :class:`Truth`, Kleene's three-valued logic, because
"was the detention longer than 48 hours?" often has the honest answer "the
sources do not say".
"""

from __future__ import annotations

import calendar
import datetime
import enum
import functools
import itertools
import re
from typing import NamedTuple, NoReturn

import attrs

from ._errors import InvalidDate

__all__ = ["Truth", "UncertainDate"]


class Truth(enum.Enum):
    """A truth value of Kleene's strong three-valued logic.

    ``UNKNOWN`` means "could be either, given what the sources say". The
    operators ``&``, ``|`` and ``~`` follow Kleene's tables, so that
    ``UNKNOWN & FALSE`` is ``FALSE`` and ``UNKNOWN | TRUE`` is ``TRUE``.

    ``bool(truth)`` raises :class:`TypeError`: ``if truth:`` would silently
    treat ``UNKNOWN`` as true, which is exactly the mistake this type exists to
    prevent. Ask :attr:`is_true`, :attr:`is_false` or :attr:`is_unknown`.
    """

    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"

    @classmethod
    def of(cls, value: bool) -> Truth:
        """The known truth value of a plain boolean.

        Args:
            value: A ``bool``.

        Returns:
            ``TRUE`` or ``FALSE``.

        Raises:
            TypeError: If ``value`` is not a ``bool`` (``0`` and ``1`` included,
                so that a count is never taken for a truth value by mistake).
        """
        if not isinstance(value, bool):
            raise TypeError(f"Truth.of() takes a bool, not {type(value).__name__}")
        return cls.TRUE if value else cls.FALSE

    @property
    def is_true(self) -> bool:
        """Whether this is certainly true."""
        return self is Truth.TRUE

    @property
    def is_false(self) -> bool:
        """Whether this is certainly false."""
        return self is Truth.FALSE

    @property
    def is_unknown(self) -> bool:
        """Whether the sources allow either answer."""
        return self is Truth.UNKNOWN

    # Kleene's tables are min and max in the order FALSE < UNKNOWN < TRUE.
    def __and__(self, other: object) -> Truth:
        if not isinstance(other, Truth):
            return NotImplemented
        return other if self is Truth.TRUE or other is Truth.FALSE else self

    def __or__(self, other: object) -> Truth:
        if not isinstance(other, Truth):
            return NotImplemented
        return other if self is Truth.FALSE or other is Truth.TRUE else self

    def __invert__(self) -> Truth:
        if self is Truth.TRUE:
            return Truth.FALSE
        if self is Truth.FALSE:
            return Truth.TRUE
        return Truth.UNKNOWN

    def __bool__(self) -> NoReturn:
        raise TypeError(
            f"the truth value of {self} is three-valued; "
            "use .is_true, .is_false or .is_unknown instead of bool()"
        )


# -- parsing ------------------------------------------------------------------

# ASCII classes on purpose: ``\d`` would also accept other scripts' digits.
_SINGLE = re.compile(
    r"(?P<year>[0-9X]{4})(?:-(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2})"
    r"(?:T(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?)?)?)?"
    r"(?P<qualifier>[~?%])?"
)
_FULL_DAY = re.compile(r"[0-9X]{4}-[0-9X]{2}-[0-9X]{2}")
_CLOCK = re.compile(r"[0-9]{2}:[0-9]{2}(?::[0-9]{2})?")
_QUALIFIERS = "~?%"
_ALLOWED = frozenset("0123456789X-~?%T:")
#: The open end of an interval (EDTF's "..": on or before, on or after).
_OPEN = ".."
_ALL_MONTHS = tuple(range(1, 13))
_ALL_DAYS = tuple(range(1, 32))


class _Parsed(NamedTuple):
    earliest: datetime.date
    latest: datetime.date
    approximate: bool
    uncertain: bool
    open_start: bool = False
    open_end: bool = False
    earliest_time: datetime.datetime | None = None
    latest_time: datetime.datetime | None = None


#: An open interval start or end: no bound, no time, no qualifier.
_OPEN_START = _Parsed(datetime.date.min, datetime.date.max, False, False, open_start=True)
_OPEN_END = _Parsed(datetime.date.min, datetime.date.max, False, False, open_end=True)


@functools.lru_cache(maxsize=1024)
def _matching(pattern: str, low: int, high: int) -> tuple[int, ...]:
    """The numbers from ``low`` to ``high`` whose digits fit ``pattern``, ascending.

    Each ``X`` stands for any digit. A pattern has at most three ``X`` (an
    all-``X`` year is refused before this is called), so at most 1000 numbers.
    """
    choices = ["0123456789" if c == "X" else c for c in pattern]
    # itertools.product walks the digits in lexicographic order, which for a
    # fixed width is numeric order, so the result is already sorted.
    numbers = (int("".join(digits)) for digits in itertools.product(*choices))
    return tuple(n for n in numbers if low <= n <= high)


def _days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _extreme_day(
    years: tuple[int, ...], months: tuple[int, ...], days: tuple[int, ...], *, last: bool
) -> datetime.date | None:
    """The earliest (or, with ``last``, the latest) real day that fits the patterns.

    Whether a day exists depends on the year only through 29 February: every
    common year behaves like every other, and so does every leap year. So only
    two years need a look: the first (last) year of the pattern and, if that one
    is a common year with no fitting day, the first (last) leap year. If a leap
    year has no fitting day, no year has.
    """
    ordered_years = reversed(years) if last else iter(years)
    first_year = years[-1] if last else years[0]
    candidates = [first_year]
    if not calendar.isleap(first_year):
        leap = next((y for y in ordered_years if calendar.isleap(y)), None)
        if leap is not None:
            candidates.append(leap)
    for year in candidates:
        for month in reversed(months) if last else months:
            fitting = [d for d in days if d <= _days_in_month(year, month)]
            if fitting:
                return datetime.date(year, month, fitting[-1] if last else fitting[0])
    return None


def _diagnose(part: str) -> str:
    """Why ``part``, which did not match :data:`_SINGLE`, is not a single date.

    Only called on failure, so it may be slow and thorough.
    """
    if any(c in _QUALIFIERS for c in part[:-1]):
        return "a qualifier (~, ? or %) may appear only once, at the end of a date"
    body = part[:-1] if part[-1] in _QUALIFIERS else part
    bad = next((c for c in body if c not in _ALLOWED), None)
    if bad is not None:
        return f"unexpected character {bad!r}; expected digits, 'X' and '-'"
    if "T" in body or ":" in body:
        return _diagnose_time(body)
    components = body.split("-")
    if len(components) > 3:
        return "too many components; expected YYYY, YYYY-MM or YYYY-MM-DD"
    for name, width, value in zip(("year", "month", "day"), (4, 2, 2), components, strict=False):
        if len(value) != width:
            return f"{name} must have exactly {width} digits, got {value!r}"
    # Every way to miss the regex is caught above; this guards the two in sync.
    raise AssertionError(f"no diagnosis for {part!r}")  # pragma: no cover


def _diagnose_time(body: str) -> str:
    """Why ``body``, which has a ``T`` or a ``:``, is not a date with a time of day."""
    day, designator, clock = body.partition("T")
    if not designator:
        return "a time of day follows a full date and a 'T' (YYYY-MM-DDThh:mm)"
    if _FULL_DAY.fullmatch(day) is None:
        return "a time of day needs a full date YYYY-MM-DD before the 'T'"
    if _CLOCK.fullmatch(clock) is None:
        return f"time {clock!r} must be hh:mm or hh:mm:ss (24-hour clock, two digits each)"
    # Every way to miss the regex is caught above; this guards the two in sync.
    raise AssertionError(f"no diagnosis for {body!r}")  # pragma: no cover


def _clock(
    text: str, role: str, day: str, hour: str, minute: str, second: str | None
) -> datetime.time:
    """The time of day ``hour:minute[:second]``, checked; ``day`` is the date's day pattern."""
    if "X" in day:
        raise InvalidDate(text, role + "a time of day needs a fully known day (no 'X' digits)")
    for name, value, top in (("hour", hour, 23), ("minute", minute, 59), ("second", second, 59)):
        if value is not None and int(value) > top:
            raise InvalidDate(text, role + f"{name} {value} out of range 00..{top}")
    return datetime.time(int(hour), int(minute), int(second or 0))


def _month_reason(pattern: str) -> str:
    reason = f"month {pattern} out of range 01..12"
    if pattern.isdigit() and 21 <= int(pattern) <= 41:
        reason += " (EDTF seasons and quarters are not supported)"
    return reason


def _parse_single(text: str, part: str, role: str) -> _Parsed:
    """Read one date without ``/``: ``part`` of the whole ``text``.

    Args:
        text: The whole string, for the error.
        part: The date to read: all of ``text``, or one end of an interval.
        role: ``""``, or ``"interval start: "`` / ``"interval end: "`` to say
            which end of an interval is at fault.

    Returns:
        The bounds and qualifiers of ``part``.

    Raises:
        InvalidDate: If ``part`` is not a date of the supported subset.
    """
    match = _SINGLE.fullmatch(part)
    if match is None:
        raise InvalidDate(text, role + _diagnose(part))
    year, month, day, qualifier = match.group("year", "month", "day", "qualifier")
    hour, minute, second = match.group("hour", "minute", "second")
    if year == "XXXX":
        raise InvalidDate(
            text,
            role + "year XXXX is entirely unspecified and has no bound; give at least one digit",
        )
    years = _matching(year, 1, 9999)
    if not years:
        raise InvalidDate(text, role + f"year {year} out of range 0001..9999")
    months = _matching(month, 1, 12) if month else _ALL_MONTHS
    if not months:
        raise InvalidDate(text, role + _month_reason(month))
    days = _matching(day, 1, 31) if day else _ALL_DAYS
    if not days:
        raise InvalidDate(text, role + f"day {day} out of range 01..31")
    earliest = _extreme_day(years, months, days, last=False)
    latest = _extreme_day(years, months, days, last=True)
    if earliest is None or latest is None:
        # Only a day pattern can fail here: every month has a day 1.
        raise InvalidDate(text, role + f"day {day} does not exist in {year}-{month}")
    instant = None
    if hour is not None:
        # The regex allows a time only after a full day, so ``day`` is set.
        clock = _clock(text, role, year + month + day, hour, minute, second)
        instant = datetime.datetime.combine(earliest, clock)
    return _Parsed(
        earliest=earliest,
        latest=latest,
        approximate=qualifier in ("~", "%"),
        uncertain=qualifier in ("?", "%"),
        earliest_time=instant,
        latest_time=instant,
    )


def _low(parsed: _Parsed) -> datetime.datetime:
    """The first instant a date may be: its time, or the start of its first day."""
    return parsed.earliest_time or datetime.datetime.combine(parsed.earliest, datetime.time.min)


def _high(parsed: _Parsed) -> datetime.datetime:
    """The last instant a date may be: its time, or the end of its last day."""
    return parsed.latest_time or datetime.datetime.combine(parsed.latest, datetime.time.max)


def _instant(day: datetime.date, instant: datetime.datetime | None) -> str:
    """A bound for a message: the day, with its time of day if there is one."""
    if instant is None:
        return day.isoformat()
    return instant.isoformat(timespec="seconds" if instant.second else "minutes")


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> _Parsed:
    """Bounds and qualifiers of ``text``; cached, since records repeat dates.

    Raises:
        InvalidDate: If ``text`` is not a date of the supported subset.
    """
    if not text:
        raise InvalidDate(text, "empty string")
    if any(c.isspace() for c in text):
        raise InvalidDate(text, "whitespace is not allowed")
    if "x" in text:
        raise InvalidDate(text, "unspecified digits must be an uppercase 'X', not 'x'")
    if "/" not in text:
        if text == _OPEN:
            raise InvalidDate(text, "'..' is an open end of an interval, not a date")
        return _parse_single(text, text, "")
    if text.count("/") > 1:
        raise InvalidDate(
            text, "an interval has exactly one '/'; nested or chained intervals are not supported"
        )
    start_text, end_text = text.split("/")
    if not start_text or not end_text:
        raise InvalidDate(text, "an interval end is missing; write '..' for an open end")
    if start_text == end_text == _OPEN:
        raise InvalidDate(text, "an interval needs at least one known end; '../..' says nothing")
    start = (
        _OPEN_START if start_text == _OPEN else _parse_single(text, start_text, "interval start: ")
    )
    end = _OPEN_END if end_text == _OPEN else _parse_single(text, end_text, "interval end: ")
    if _low(start) > _high(end):
        raise InvalidDate(
            text,
            f"interval start {start_text} ({_instant(start.earliest, start.earliest_time)}) "
            f"lies after its end {end_text} ({_instant(end.latest, end.latest_time)})",
        )
    return _Parsed(
        earliest=start.earliest,
        latest=end.latest,
        approximate=start.approximate or end.approximate,
        uncertain=start.uncertain or end.uncertain,
        open_start=start.open_start,
        open_end=end.open_end,
        earliest_time=start.earliest_time,
        latest_time=end.latest_time,
    )


@attrs.frozen(order=False)
class UncertainDate:
    """One day, known only to lie between two bounds.

    Build one with :meth:`parse` (or :meth:`from_date` for a known day);
    ``UncertainDate("2022-11")`` does the same as ``UncertainDate.parse``. The
    bounds and qualifiers are always computed from the text, so an object whose
    bounds disagree with its text cannot be made.

    Two dates are equal when their texts are equal: ``2022-11-05`` and
    ``2022-11-05/2022-11-05`` have the same bounds but say different things, and
    are not equal. Dates are hashable and have no order (sorting uncertain dates
    has no single right answer; compare with :meth:`before` instead).

    Qualifiers do not widen the bounds: ``2022-09-26~`` lies from 2022-09-26 to
    2022-09-26 and is flagged :attr:`approximate`.

    An open end (``../2010-09``, ``2010-06-09/..``) has no bound: ``earliest``
    is then ``datetime.date.min`` and :attr:`open_start` is true (``latest``
    is ``datetime.date.max`` and :attr:`open_end` is true). Those stand-ins
    keep comparisons right; they are never a day to print.

    Attributes:
        text: Exactly the string as given; the canonical form is the input.
        earliest: The first day it may be (``datetime.date.min`` if the
            start is open).
        latest: The last day it may be (``earliest <= latest``;
            ``datetime.date.max`` if the end is open).
        approximate: Whether any part is qualified ``~`` or ``%``.
        uncertain: Whether any part is qualified ``?`` or ``%``.
        open_start: Whether it is written ``../B``: some day on or before ``B``.
        open_end: Whether it is written ``A/..``: some day on or after ``A``.
        earliest_time: The first instant it may be, where its first day has a
            time of day (``2010-06-09T22:00``, or an interval starting so);
            ``None`` otherwise. Local time, naive.
        latest_time: The last instant, where its last day has a time of day.

    Raises:
        InvalidDate: On construction, if ``text`` is not a date of the
            supported subset, or is not a string at all.
    """

    text: str
    # Derived from the text by __attrs_post_init__: never passed in, never
    # compared (equality is by text), not in repr (the text says it all).
    earliest: datetime.date = attrs.field(init=False, eq=False, repr=False)
    latest: datetime.date = attrs.field(init=False, eq=False, repr=False)
    approximate: bool = attrs.field(init=False, eq=False, repr=False)
    uncertain: bool = attrs.field(init=False, eq=False, repr=False)
    open_start: bool = attrs.field(init=False, eq=False, repr=False)
    open_end: bool = attrs.field(init=False, eq=False, repr=False)
    earliest_time: datetime.datetime | None = attrs.field(init=False, eq=False, repr=False)
    latest_time: datetime.datetime | None = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise InvalidDate(repr(self.text), f"expected a string, got {type(self.text).__name__}")
        parsed = _parse(self.text)
        # The class is frozen; this is the one place where the derived fields
        # are set, right after __init__.
        object.__setattr__(self, "earliest", parsed.earliest)
        object.__setattr__(self, "latest", parsed.latest)
        object.__setattr__(self, "approximate", parsed.approximate)
        object.__setattr__(self, "uncertain", parsed.uncertain)
        object.__setattr__(self, "open_start", parsed.open_start)
        object.__setattr__(self, "open_end", parsed.open_end)
        object.__setattr__(self, "earliest_time", parsed.earliest_time)
        object.__setattr__(self, "latest_time", parsed.latest_time)

    @classmethod
    def parse(cls, text: str) -> UncertainDate:
        """Read a date of the supported ISO 8601-2 / EDTF subset.

        Args:
            text: For example ``"2022"``, ``"2022-11~"``, ``"2022-12-XX"``,
                ``"2022-11-20/2022-11-30"``, ``"../2010-09"``,
                ``"2010-06-09T14:30"``.

        Returns:
            The date; its :attr:`text` is ``text`` unchanged.

        Raises:
            InvalidDate: If ``text`` is not a string, or not a date of the
                subset; the reason names what is wrong.
        """
        return cls(text)

    @classmethod
    def from_date(cls, day: datetime.date) -> UncertainDate:
        """The exact date of a known day.

        Args:
            day: A calendar day.

        Returns:
            An exact date whose text is ``YYYY-MM-DD``.

        Raises:
            TypeError: If ``day`` is a ``datetime.datetime`` (which would carry a
                time and perhaps a time zone, so its day is a choice the caller
                must make) or not a date at all.
        """
        if isinstance(day, datetime.datetime) or not isinstance(day, datetime.date):
            raise TypeError(f"from_date() takes a datetime.date, not {type(day).__name__}")
        return cls(day.isoformat())

    @classmethod
    def from_bounds(
        cls,
        start: datetime.date | None,
        end: datetime.date | None,
    ) -> UncertainDate:
        """The date "some day from ``start`` to ``end``", written as its bounds.

        Args:
            start: The first possible day, or a ``datetime.datetime`` for the
                first possible instant; ``None`` for an open start.
            end: The last possible day or instant; ``None`` for an open end.

        Returns:
            ``YYYY-MM-DD`` when both are the same day without a time, else the
            interval ``A/B`` (``..`` for an open end; a datetime is written
            ``YYYY-MM-DDThh:mm``, with seconds if it has any).

        Raises:
            ValueError: If both ends are ``None``.
            InvalidDate: If ``start`` lies after ``end``.
        """
        if start is None and end is None:
            raise ValueError("from_bounds() needs at least one end")

        def written(bound: datetime.date | None) -> str:
            if bound is None:
                return _OPEN
            if isinstance(bound, datetime.datetime):
                return _instant(bound.date(), bound)
            return bound.isoformat()

        if (
            start is not None
            and start == end
            and not isinstance(start, datetime.datetime)
            and not isinstance(end, datetime.datetime)
        ):
            return cls(start.isoformat())
        return cls(f"{written(start)}/{written(end)}")

    @property
    def is_exact(self) -> bool:
        """Whether it is one known day: a single-day span with no qualifier."""
        return (
            self.earliest == self.latest
            and not (self.approximate or self.uncertain)
            and not (self.open_start or self.open_end)
        )

    @property
    def is_open(self) -> bool:
        """Whether one end is open (``../B`` or ``A/..``)."""
        return self.open_start or self.open_end

    @property
    def has_time(self) -> bool:
        """Whether both bounds are instants (a time of day on the first and last day)."""
        return self.earliest_time is not None and self.latest_time is not None

    @property
    def is_interval(self) -> bool:
        """Whether it was written as an interval ``A/B``."""
        return "/" in self.text

    def before(self, other: UncertainDate) -> Truth:
        """Whether this day is strictly earlier than ``other``'s day.

        "Before" means on an earlier calendar day; the same day is not before.

        Args:
            other: The date to compare with.

        Returns:
            ``TRUE`` if every possible day of this date is earlier than every
            possible day of ``other``; ``FALSE`` if none is; ``UNKNOWN``
            otherwise. Qualifiers are not considered (see the module notes).
        """
        if self.latest < other.earliest:
            return Truth.TRUE
        if self.earliest >= other.latest:
            return Truth.FALSE
        return Truth.UNKNOWN

    def after(self, other: UncertainDate) -> Truth:
        """Whether this day is strictly later than ``other``'s day.

        Args:
            other: The date to compare with.

        Returns:
            The same as ``other.before(self)``.
        """
        return other.before(self)

    def same_day(self, other: UncertainDate) -> Truth:
        """Whether this date and ``other`` are the same calendar day.

        Args:
            other: The date to compare with.

        Returns:
            ``TRUE`` only if both span one and the same single day; ``FALSE`` if
            their spans do not overlap; ``UNKNOWN`` otherwise. Qualifiers are
            not considered, as everywhere in this module.
        """
        if self.earliest == self.latest == other.earliest == other.latest:
            return Truth.TRUE
        if not self.overlaps(other):
            return Truth.FALSE
        return Truth.UNKNOWN

    def contains(self, day: datetime.date) -> bool:
        """Whether ``day`` is one of the days this date may be.

        Args:
            day: A calendar day.

        Returns:
            ``earliest <= day <= latest``.
        """
        return self.earliest <= day <= self.latest

    def overlaps(self, other: UncertainDate) -> bool:
        """Whether this date and ``other`` could be the same day.

        Args:
            other: The date to compare with.

        Returns:
            Whether the two spans share at least one day.
        """
        return self.earliest <= other.latest and other.earliest <= self.latest

    def __str__(self) -> str:
        return self.text
