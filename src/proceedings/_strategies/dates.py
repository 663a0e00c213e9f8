"""Hypothesis strategies for uncertain dates: valid ones, and strings to refuse.

Imported only by the Hypothesis kits, so Hypothesis is imported at the top
level here and is never needed by the library proper.
"""

from __future__ import annotations

import calendar
import datetime
import functools

from hypothesis import strategies as st

from .._dates import UncertainDate
from ._validation import check_bool, check_bounds

__all__ = ["invalid_date_strings", "uncertain_dates"]

_QUALIFIERS = ("", "~", "?", "%")


def _year_mask_fits(year_text: str, min_year: int, max_year: int) -> bool:
    """Whether every year the pattern matches lies within the requested years."""
    # Filling X with 0 (or 9) gives a lower (upper) bound on the years matched;
    # 0 is no year, so the true lowest is at least 1. Erring low only means a
    # mask is dropped now and then, never that a date leaves the range.
    lowest = max(int(year_text.replace("X", "0")), 1)
    highest = int(year_text.replace("X", "9"))
    # An all-X year has no bound; the library refuses it.
    return year_text != "XXXX" and min_year <= lowest and highest <= max_year


@st.composite
def _single_text(
    draw: st.DrawFn,
    *,
    min_year: int,
    max_year: int,
    unspecified: bool,
    qualifiers: bool,
    times: bool,
) -> str:
    """The text of one date (no ``/``) that the library accepts.

    A real day is drawn first and then truncated and masked with ``X``, so the
    pattern always matches at least that day: the result is always valid. A
    full day left unmasked may get a time of day.
    """
    year = draw(st.integers(min_year, max_year))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    precision = draw(st.sampled_from(("year", "month", "day")))
    parts = [f"{year:04d}", f"{month:02d}", f"{day:02d}"]
    parts = parts[: ("year", "month", "day").index(precision) + 1]
    if unspecified and draw(st.booleans()):
        masked = ["".join("X" if draw(st.booleans()) else c for c in part) for part in parts]
        # Masking the year may reach years outside the requested range
        # (``1X00`` is 1000..1900); then keep the year as it was.
        if not _year_mask_fits(masked[0], min_year, max_year):
            masked[0] = parts[0]
        parts = masked
    clock = ""
    if times and precision == "day" and "X" not in "".join(parts) and draw(st.booleans()):
        clock = f"T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
        if draw(st.booleans()):
            clock += f":{draw(st.integers(0, 59)):02d}"
    qualifier = draw(st.sampled_from(_QUALIFIERS)) if qualifiers else ""
    return "-".join(parts) + clock + qualifier


def uncertain_dates(
    *,
    min_year: int = 1900,
    max_year: int = 2100,
    intervals: bool = True,
    unspecified: bool = True,
    qualifiers: bool = True,
    times: bool = True,
    open_ends: bool = True,
) -> st.SearchStrategy[UncertainDate]:
    """Dates of every supported form: ``YYYY[-MM[-DD]]``, ``X`` digits, qualifiers,
    times of day ``YYYY-MM-DDThh:mm[:ss]``, ``A/B``, ``../B`` and ``A/..``.

    Args:
        min_year: No known bound of a generated date lies before this year
            (an open start has no bound: its ``earliest`` is ``date.min``).
        max_year: No known bound of a generated date lies after this year.
        intervals: Whether to generate intervals ``A/B`` as well.
        unspecified: Whether to generate ``X`` digits.
        qualifiers: Whether to generate the qualifiers ``~``, ``?`` and ``%``.
        times: Whether to generate times of day after full dates.
        open_ends: Whether to generate open intervals ``../B`` and ``A/..``
            (only with ``intervals``).

    Returns:
        A strategy for :class:`~proceedings._dates.UncertainDate`.

    Raises:
        hypothesis.errors.InvalidArgument: At once, if a year is not an int in
            1..9999, ``min_year > max_year``, or a flag is not a bool.
    """
    check_bounds(min_year, max_year, ("min_year", "max_year"), min_value=1, max_value=9999)
    for name, flag in (
        ("intervals", intervals),
        ("unspecified", unspecified),
        ("qualifiers", qualifiers),
        ("times", times),
        ("open_ends", open_ends),
    ):
        check_bool(flag, name)
    single = _single_text(
        min_year=min_year,
        max_year=max_year,
        unspecified=unspecified,
        qualifiers=qualifiers,
        times=times,
    ).map(UncertainDate.parse)
    if not intervals:
        return single
    closed = st.tuples(single, single).map(_interval)
    if not open_ends:
        return st.one_of(single, closed)
    open_ = st.one_of(
        single.map(lambda d: UncertainDate.parse(f"../{d.text}")),
        single.map(lambda d: UncertainDate.parse(f"{d.text}/..")),
    )
    return st.one_of(single, closed, open_)


def _first_instant(date: UncertainDate) -> datetime.datetime:
    return date.earliest_time or datetime.datetime.combine(date.earliest, datetime.time.min)


def _last_instant(date: UncertainDate) -> datetime.datetime:
    return date.latest_time or datetime.datetime.combine(date.latest, datetime.time.max)


def _interval(ends: tuple[UncertainDate, UncertainDate]) -> UncertainDate:
    first, second = ends
    # If first cannot start the interval, second wholly precedes it and can.
    if _first_instant(first) > _last_instant(second):
        first, second = second, first
    return UncertainDate.parse(f"{first.text}/{second.text}")


def _ymd(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


@st.composite
def _missing_day(draw: st.DrawFn) -> str:
    """A day past the end of its month: Feb 30, Apr 31, Feb 29 of a common year."""
    year = draw(st.integers(1, 9999))
    month = draw(st.integers(1, 12))
    last = calendar.monthrange(year, month)[1]
    if last == 31:
        # No day past the 31st is "missing"; use a short month of the same year.
        month = draw(st.sampled_from((2, 4, 6, 9, 11)))
        last = calendar.monthrange(year, month)[1]
    return _ymd(year, month, draw(st.integers(last + 1, 31)))


@st.composite
def _reversed_interval(draw: st.DrawFn) -> str:
    """An interval whose start lies wholly after its end."""
    end = draw(uncertain_dates(min_year=1, max_year=9998, intervals=False))
    # The start's years all come after the end's last year, X digits included.
    start = draw(uncertain_dates(min_year=end.latest.year + 1, max_year=9999, intervals=False))
    return f"{start.text}/{end.text}"


@st.composite
def _reversed_times(draw: st.DrawFn) -> str:
    """An interval within one day whose start time is after its end time."""
    day = draw(st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31))).isoformat()
    first, second = sorted(
        draw(st.lists(st.integers(0, 1439), min_size=2, max_size=2, unique=True))
    )
    return f"{day}T{second // 60:02d}:{second % 60:02d}/{day}T{first // 60:02d}:{first % 60:02d}"


def invalid_date_strings() -> st.SearchStrategy[str]:
    """Strings that look like dates but must be refused with ``InvalidDate``.

    Covers months and days out of range, days missing from their month,
    intervals with a missing end or two open ends, reversed and chained
    intervals, wrong widths and separators, lowercase ``x``, all-``X`` years,
    year 0000, misplaced qualifiers, malformed times of day and blanks.

    Returns:
        A strategy for strings that
        :meth:`~proceedings._dates.UncertainDate.parse` refuses.
    """
    years = st.integers(1, 9999).map(lambda y: f"{y:04d}")
    valid = uncertain_dates(min_year=1, max_year=9999, intervals=False)
    bad_month = st.builds(lambda y, m: f"{y}-{m:02d}", years, st.sampled_from([0, *range(13, 100)]))
    bad_day = st.builds(
        lambda y, m, d: f"{y}-{m:02d}-{d:02d}",
        years,
        st.integers(1, 12),
        st.sampled_from([0, *range(32, 100)]),
    )
    missing_end = st.one_of(
        valid.map(lambda d: f"/{d.text}"),
        valid.map(lambda d: f"{d.text}/"),
        st.just("../.."),
        st.just(".."),
        st.just("/"),
    )
    bad_time = st.builds(
        lambda d, h, m: f"{d.isoformat()}T{h:02d}:{m:02d}",
        st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)),
        st.integers(0, 99),
        st.integers(0, 99),
    ).filter(lambda t: int(t[11:13]) > 23 or int(t[14:16]) > 59)
    chained = st.lists(valid, min_size=3, max_size=4).map(lambda ds: "/".join(d.text for d in ds))
    bad_separator = st.builds(
        lambda y, m, d, sep: f"{y}{sep}{m:02d}{sep}{d:02d}",
        years,
        st.integers(1, 12),
        st.integers(1, 28),
        st.sampled_from(["", ".", "_", " ", ",", "--"]),
    )
    short_parts = st.builds(
        lambda y, m, d: f"{y}-{m}-{d}", years, st.integers(1, 9), st.integers(1, 9)
    )
    fixed = st.sampled_from(
        [
            "",
            " ",
            "22",
            "02022",
            "2022-1",
            "2022-11-5",
            "2022-xx",
            "202x",
            "XXXX",
            "XXXX-11-05",
            "0000",
            "0000-01-01",
            "2022~-11",
            "~2022",
            "2022~~",
            "2022~?",
            "2022-11-05T10",
            "2022-11-05T1000",
            "2022-11-05T10:00Z",
            "2022-11-05T10:00+01:00",
            "2022-11-05T10:00:00.5",
            "2022-11-XXT10:00",
            "2022-11T10:00",
            "10:00",
            "2022-11-05 10:00",
            "2022-11-05T",
            " 2022",
            "2022\n",
            "-2022",
            "+2022",
            "2022-21",
            "2022-02-3X",
            "2021-02-29",
            "20X1-02-29",
            "2022-1X-3X-01",
            "[2022,2023]",
            "２０２２",
        ]
    )
    return st.one_of(
        fixed,
        bad_month,
        bad_day,
        _missing_day(),
        missing_end,
        bad_time,
        _reversed_interval(),
        _reversed_times(),
        chained,
        bad_separator,
        short_parts,
    )


# -- times after an event (a relative timing's "days" and "period") --------------


@functools.cache
def day_counts(soonest: int) -> st.SearchStrategy[str]:
    """Whole days after an event: "2", or a range "2/3" that never runs backwards.

    The fewest days are at most ``soonest`` (0..30): an event timed after a
    day near 9999-12-31 must have a soonest day the calendar holds.
    """
    return st.one_of(
        st.integers(0, soonest).map(str),
        st.tuples(st.integers(0, soonest), st.integers(0, 10)).map(
            lambda t: f"{t[0]}/{t[0] + t[1]}"
        ),
    )


DAY_COUNTS = day_counts(30)


def _period_text(parts: tuple[int, int, int, int]) -> str:
    text = "".join(f"{n}{unit}" for n, unit in zip(parts, "YMWD", strict=True) if n)
    return f"P{text or '0D'}"


_PERIOD_PARTS = st.tuples(
    st.integers(0, 3), st.integers(0, 11), st.integers(0, 4), st.integers(0, 30)
)
#: A period after an event, "P1Y10M", or a range "P1Y10M/P1Y11M" whose second
#: period has at least the months and days of the first (so it never runs backwards).
PERIODS = st.one_of(
    _PERIOD_PARTS.map(_period_text),
    st.tuples(_PERIOD_PARTS, _PERIOD_PARTS).map(
        lambda t: (
            f"{_period_text(t[0])}/"
            + _period_text((t[0][0] + t[1][0], t[0][1] + t[1][1], t[0][2] + t[1][2], t[0][3]))
        )
    ),
)
