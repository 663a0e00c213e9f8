"""Tests for uncertain dates (``proceedings._dates``) and their strategies."""

from __future__ import annotations

import datetime
import itertools
import pickle
import re
from collections.abc import Callable

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from proceedings._dates import Truth, UncertainDate
from proceedings._durations import DayRange, HourRange, add_days, days_between, hours_between
from proceedings._errors import InvalidDate
from proceedings._strategies.dates import invalid_date_strings, uncertain_dates

D = datetime.date
T, F, U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN
ALL_TRUTHS = (T, F, U)


def parse(text: str) -> UncertainDate:
    return UncertainDate.parse(text)


# -- parsing: examples ----------------------------------------------------------

VALID = [
    # text, earliest, latest, approximate, uncertain
    ("2022", D(2022, 1, 1), D(2022, 12, 31), False, False),
    ("0001", D(1, 1, 1), D(1, 12, 31), False, False),
    ("9999", D(9999, 1, 1), D(9999, 12, 31), False, False),
    ("2022-11", D(2022, 11, 1), D(2022, 11, 30), False, False),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29), False, False),
    ("2023-02", D(2023, 2, 1), D(2023, 2, 28), False, False),
    ("2022-09-26", D(2022, 9, 26), D(2022, 9, 26), False, False),
    ("2024-02-29", D(2024, 2, 29), D(2024, 2, 29), False, False),
    ("2000-02-29", D(2000, 2, 29), D(2000, 2, 29), False, False),
    # qualifiers: recorded, bounds unchanged
    ("2022-09-26~", D(2022, 9, 26), D(2022, 9, 26), True, False),
    ("2022-11?", D(2022, 11, 1), D(2022, 11, 30), False, True),
    ("2022%", D(2022, 1, 1), D(2022, 12, 31), True, True),
    # unspecified digits
    ("2022-12-XX", D(2022, 12, 1), D(2022, 12, 31), False, False),
    ("2022-XX-XX", D(2022, 1, 1), D(2022, 12, 31), False, False),
    ("2022-XX", D(2022, 1, 1), D(2022, 12, 31), False, False),
    ("202X", D(2020, 1, 1), D(2029, 12, 31), False, False),
    ("20XX", D(2000, 1, 1), D(2099, 12, 31), False, False),
    ("2XXX", D(2000, 1, 1), D(2999, 12, 31), False, False),
    ("X999", D(999, 1, 1), D(9999, 12, 31), False, False),
    ("000X", D(1, 1, 1), D(9, 12, 31), False, False),
    ("19X5", D(1905, 1, 1), D(1995, 12, 31), False, False),
    ("2022-1X-05", D(2022, 10, 5), D(2022, 12, 5), False, False),
    ("2022-0X", D(2022, 1, 1), D(2022, 9, 30), False, False),
    ("2022-X1", D(2022, 1, 1), D(2022, 11, 30), False, False),
    ("2022-X0", D(2022, 10, 1), D(2022, 10, 31), False, False),
    ("2022-12-3X", D(2022, 12, 30), D(2022, 12, 31), False, False),
    ("2022-12-X0", D(2022, 12, 10), D(2022, 12, 30), False, False),
    ("2022-12-0X", D(2022, 12, 1), D(2022, 12, 9), False, False),
    ("2022-XX-31", D(2022, 1, 31), D(2022, 12, 31), False, False),
    ("2022-X2-31", D(2022, 12, 31), D(2022, 12, 31), False, False),
    ("2022-X1-31", D(2022, 1, 31), D(2022, 1, 31), False, False),
    ("2022-XX-30", D(2022, 1, 30), D(2022, 12, 30), False, False),
    ("2022-02-2X", D(2022, 2, 20), D(2022, 2, 28), False, False),
    ("2024-02-2X", D(2024, 2, 20), D(2024, 2, 29), False, False),
    # 29 February: only leap years match, found without walking every year
    ("20XX-02-29", D(2000, 2, 29), D(2096, 2, 29), False, False),
    ("201X-02-29", D(2012, 2, 29), D(2016, 2, 29), False, False),
    ("19XX-02-29", D(1904, 2, 29), D(1996, 2, 29), False, False),
    ("XX00-02-29", D(400, 2, 29), D(9600, 2, 29), False, False),
    ("2X2X-02-29", D(2020, 2, 29), D(2928, 2, 29), False, False),
    ("9999-12-XX~", D(9999, 12, 1), D(9999, 12, 31), True, False),
    # intervals
    ("2022-11-20/2022-11-30", D(2022, 11, 20), D(2022, 11, 30), False, False),
    ("2022/2023", D(2022, 1, 1), D(2023, 12, 31), False, False),
    ("2022-11-05/2022-11-05", D(2022, 11, 5), D(2022, 11, 5), False, False),
    ("2022-11~/2022-12", D(2022, 11, 1), D(2022, 12, 31), True, False),
    ("2022-11/2022-12?", D(2022, 11, 1), D(2022, 12, 31), False, True),
    ("2022-11~/2022-12?", D(2022, 11, 1), D(2022, 12, 31), True, True),
    ("202X/2025", D(2020, 1, 1), D(2025, 12, 31), False, False),
    # overlapping ends are fine: only a start wholly after the end is refused
    ("2022-XX/2022-06", D(2022, 1, 1), D(2022, 6, 30), False, False),
    ("2022-06-15/2022-06", D(2022, 6, 15), D(2022, 6, 30), False, False),
    # open intervals: the open end has no bound (date.min, date.max stand in)
    ("../2010-09-08", D.min, D(2010, 9, 8), False, False),
    ("../2010-09", D.min, D(2010, 9, 30), False, False),
    ("2010-06-09/..", D(2010, 6, 9), D.max, False, False),
    ("2010-06-09~/..", D(2010, 6, 9), D.max, True, False),
    ("../201X?", D.min, D(2019, 12, 31), False, True),
    # times of day: the days are unchanged
    ("2010-06-09T14:30", D(2010, 6, 9), D(2010, 6, 9), False, False),
    ("2010-06-09T00:00:59~", D(2010, 6, 9), D(2010, 6, 9), True, False),
    ("2010-06-09T22:00/2010-06-10T06:00", D(2010, 6, 9), D(2010, 6, 10), False, False),
    ("2010-06-09T06:00/2010-06-09T22:00", D(2010, 6, 9), D(2010, 6, 9), False, False),
    ("2010-06-09T22:00/2010-06-10", D(2010, 6, 9), D(2010, 6, 10), False, False),
    ("2010-06-09/2010-06-09T06:00", D(2010, 6, 9), D(2010, 6, 9), False, False),
    ("../2010-06-09T23:59", D.min, D(2010, 6, 9), False, False),
    ("2010-06-09T23:59:59/..", D(2010, 6, 9), D.max, False, False),
]


@pytest.mark.parametrize(("text", "earliest", "latest", "approximate", "uncertain"), VALID)
def test_valid_examples(
    text: str, earliest: D, latest: D, approximate: bool, uncertain: bool
) -> None:
    """Each supported form parses to its documented bounds and qualifiers; text is kept."""
    date = parse(text)

    assert (text, earliest, latest, approximate, uncertain) == (
        date.text,
        date.earliest,
        date.latest,
        date.approximate,
        date.uncertain,
    )


INVALID = [
    # text, a fragment of the reason
    ("", "empty string"),
    (" ", "whitespace"),
    ("2022 ", "whitespace"),
    (" 2022", "whitespace"),
    ("2022-11-05 ", "whitespace"),
    ("2022\n", "whitespace"),
    ("2022-xx", "uppercase 'X'"),
    ("202x", "uppercase 'X'"),
    ("2022-11-05T10", "time '10' must be hh:mm or hh:mm:ss"),
    ("2022-11-05T1000", "time '1000' must be hh:mm"),
    ("2022-11-05T10:0", "time '10:0' must be hh:mm"),
    ("2022-11-05T", "time '' must be hh:mm"),
    ("2022-11-05T10:00Z", "unexpected character 'Z'"),
    ("2022-11-05T10:00+01:00", "unexpected character '+'"),
    ("2022-11-05T10:00:00.5", "unexpected character '.'"),
    ("10:00", "a time of day follows a full date and a 'T'"),
    ("2022-11T10:00", "a time of day needs a full date YYYY-MM-DD"),
    ("2022-11-XXT10:00", "a time of day needs a fully known day"),
    ("202X-11-05T10:00", "a time of day needs a fully known day"),
    ("2022-11-05T24:00", "hour 24 out of range 00..23"),
    ("2022-11-05T10:60", "minute 60 out of range 00..59"),
    ("2022-11-05T10:00:60", "second 60 out of range 00..59"),
    ("2022-02-30T10:00", "day 30 does not exist in 2022-02"),
    (
        "2022-11-05T10:00~/2022-11-05T09:59",
        "lies after its end 2022-11-05T09:59 (2022-11-05T09:59)",
    ),
    ("2022-11-05T10:00/2022-11-04", "lies after its end"),
    ("2022-13", "month 13 out of range"),
    ("2022-00", "month 00 out of range"),
    ("2022-2X", "month 2X out of range"),
    ("2022-21", "seasons"),
    ("2022-41", "seasons"),
    ("2022-42", "month 42 out of range 01..12"),
    ("2022-13-01", "month 13 out of range"),
    ("2022-11-32", "day 32 out of range"),
    ("2022-11-00", "day 00 out of range"),
    ("2022-11-4X", "day 4X out of range"),
    ("2022-02-30", "day 30 does not exist in 2022-02"),
    ("2022-02-29", "day 29 does not exist in 2022-02"),
    ("1900-02-29", "day 29 does not exist in 1900-02"),
    ("2022-04-31", "day 31 does not exist in 2022-04"),
    ("2022-02-3X", "day 3X does not exist in 2022-02"),
    ("20X1-02-29", "day 29 does not exist in 20X1-02"),
    ("201X-02-30", "day 30 does not exist in 201X-02"),
    ("X900-02-29", "day 29 does not exist in X900-02"),  # x900 is never a leap year
    ("2022-X4-31", "day 31 does not exist in 2022-X4"),
    ("XXXX", "no bound"),
    ("XXXX-11-05", "no bound"),
    ("0000", "year 0000 out of range"),
    ("0000-01-01", "year 0000 out of range"),
    ("2022-9-1", "month must have exactly 2 digits, got '9'"),
    ("2022-09-1", "day must have exactly 2 digits, got '1'"),
    ("22", "year must have exactly 4 digits, got '22'"),
    ("02022", "year must have exactly 4 digits"),
    ("20221105", "year must have exactly 4 digits"),
    ("-2022", "year must have exactly 4 digits, got ''"),
    ("2022-", "month must have exactly 2 digits, got ''"),
    ("2022--05", "month must have exactly 2 digits, got ''"),
    ("2022-9~", "month must have exactly 2 digits, got '9'"),
    ("2022-11-05-01", "too many components"),
    ("+2022", "unexpected character '+'"),
    ("2022.11.05", "unexpected character '.'"),
    ("2022_11", "unexpected character '_'"),
    ("[2022,2023]", "unexpected character '['"),
    ("２０２２", "unexpected character"),
    ("Y20000", "unexpected character 'Y'"),
    ("late November", "whitespace"),
    ("Wednesday", "unexpected character 'W'"),
    ("2022~-11", "only once, at the end"),
    ("~2022", "only once, at the end"),
    ("2022~~", "only once, at the end"),
    ("2022~?", "only once, at the end"),
    ("/2022", "an interval end is missing; write '..' for an open end"),
    ("2022/", "an interval end is missing"),
    ("/", "an interval end is missing"),
    ("../..", "an interval needs at least one known end"),
    ("..", "'..' is an open end of an interval, not a date"),
    (".../2022", "interval start: unexpected character '.'"),
    ("../2022-13", "interval end: month 13 out of range"),
    ("../2022/..", "exactly one '/'"),
    ("2020/2021/2022", "exactly one '/'"),
    ("2022/11/05", "exactly one '/'"),
    ("2022//2023", "exactly one '/'"),
    ("2023/2022", "interval start 2023 (2023-01-01) lies after its end 2022 (2022-12-31)"),
    ("2022-11-06/2022-11-05", "lies after its end"),
    ("2022-10/2022-0X", "lies after its end"),
    ("2022-13/2023", "interval start: month 13 out of range"),
    ("2022/2023-02-30", "interval end: day 30 does not exist in 2023-02"),
    ("2022/2023-9", "interval end: month must have exactly 2 digits"),
]


@pytest.mark.parametrize(("text", "fragment"), INVALID)
def test_invalid_examples(text: str, fragment: str) -> None:
    """Each malformed string is refused with a specific reason, and the message quotes it."""
    with pytest.raises(InvalidDate) as info:
        parse(text)

    assert text == info.value.text
    assert fragment in info.value.reason
    assert repr(text) in str(info.value)


@pytest.mark.parametrize("value", [None, 2022, 2022.5, b"2022", D(2022, 1, 1), ["2022"]])
def test_non_strings_refused(value: object) -> None:
    """Anything but a string is refused with InvalidDate naming its type."""
    with pytest.raises(InvalidDate) as info:
        UncertainDate.parse(value)  # type: ignore[arg-type]

    assert f"expected a string, got {type(value).__name__}" == info.value.reason
    assert repr(value) == info.value.text


def test_invalid_date_is_a_value_error() -> None:
    """InvalidDate can be caught as ValueError, like other bad values."""
    with pytest.raises(ValueError, match="month 13"):
        parse("2022-13")


# -- the UncertainDate object ---------------------------------------------------


class TestUncertainDate:
    def test_equality_and_hash_by_text(self) -> None:
        """Two parses of one text are equal and hash alike; same bounds, other text: unequal."""
        a, b = parse("2022-11~"), parse("2022-11~")
        day, interval = parse("2022-11-05"), parse("2022-11-05/2022-11-05")

        assert (a, hash(a)) == (b, hash(b))
        assert (day.earliest, day.latest) == (interval.earliest, interval.latest)
        assert day != interval
        assert day not in {a, b}
        assert {a} == {a, b}

    def test_constructor_is_parse(self) -> None:
        """Calling the class with a text is the same as parse."""
        assert parse("2022-11") == UncertainDate("2022-11")
        assert D(2022, 11, 30) == UncertainDate("2022-11").latest

    def test_constructor_refuses_bounds(self) -> None:
        """Bounds cannot be passed in, so they can never disagree with the text."""
        with pytest.raises(TypeError, match="earliest"):
            UncertainDate(text="2022", earliest=D(1999, 1, 1))  # type: ignore[call-arg]

    def test_constructor_validates(self) -> None:
        """The constructor refuses what parse refuses."""
        with pytest.raises(InvalidDate, match="month 13"):
            UncertainDate("2022-13")

    def test_evolve_recomputes(self) -> None:
        """attrs.evolve with a new text recomputes the bounds from it."""
        evolved = attrs.evolve(parse("2022-11"), text="2023-02")

        assert (D(2023, 2, 1), D(2023, 2, 28)) == (evolved.earliest, evolved.latest)

    def test_frozen(self) -> None:
        """Dates are immutable."""
        date = parse("2022")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            date.earliest = D(2000, 1, 1)  # type: ignore[misc]

    def test_str_and_repr(self) -> None:
        """str() is the text as given; repr() shows only the text."""
        date = parse("2022-11-2X?")

        expected = ("2022-11-2X?", "UncertainDate(text='2022-11-2X?')")

        assert expected == (str(date), repr(date))

    def test_pickle(self) -> None:
        """A pickled date comes back equal, bounds included."""
        date = parse("2022-11~/2022-12")
        back = pickle.loads(pickle.dumps(date))

        assert (date, date.latest, date.approximate) == (back, back.latest, back.approximate)

    def test_as_field_of_frozen_class(self) -> None:
        """A date works as a field value of a frozen attrs class (hashable, comparable)."""

        @attrs.frozen
        class Event:
            date: UncertainDate

        assert Event(parse("2022")) == Event(parse("2022"))
        assert hash(Event(parse("2022"))) == hash(Event(parse("2022")))

    def test_from_date(self) -> None:
        """from_date gives the exact day, written YYYY-MM-DD (4-digit year even before 1000)."""
        date = UncertainDate.from_date(D(987, 6, 5))

        expected = ("0987-06-05", True, D(987, 6, 5), D(987, 6, 5))

        assert expected == (date.text, date.is_exact, date.earliest, date.latest)

    @pytest.mark.parametrize("value", [datetime.datetime(2022, 1, 1, 12), "2022-01-01"])
    def test_from_date_refuses_others(self, value: object) -> None:
        """from_date refuses datetimes (which day is a caller's choice) and non-dates."""
        with pytest.raises(TypeError, match=r"takes a datetime\.date"):
            UncertainDate.from_date(value)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("text", "exact", "interval"),
        [
            ("2022-11-05", True, False),
            ("2022-11-05~", False, False),
            ("2022-11-05?", False, False),
            ("2022-11", False, False),
            ("2022-11-05/2022-11-05", True, True),
            ("2022-11-05/2022-11-06", False, True),
            ("2022-02-2X", False, False),
        ],
    )
    def test_is_exact_is_interval(self, text: str, exact: bool, interval: bool) -> None:
        """is_exact: one day and no qualifier; is_interval: written with '/'."""
        date = parse(text)

        assert (exact, interval) == (date.is_exact, date.is_interval)

    def test_qualifiers_do_not_widen(self) -> None:
        """~, ? and % change the flags, never the bounds."""
        plain = parse("2022-09-26")
        for qualifier in "~?%":
            qualified = parse("2022-09-26" + qualifier)
            assert (plain.earliest, plain.latest) == (qualified.earliest, qualified.latest)

    def test_contains(self) -> None:
        """contains is inclusive at both ends."""
        date = parse("2022-11-2X")

        expected = [False, True, True, True, False]

        assert expected == [date.contains(D(2022, 11, d)) for d in (19, 20, 25, 29, 30)]

    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            ("2022-11", "2022-11-30", True),
            ("2022-11", "2022-12", False),
            ("2022-11-30", "2022-12-01", False),
            ("2022", "2022-06/2023", True),
            ("202X", "2025-05-05", True),
        ],
    )
    def test_overlaps(self, a: str, b: str, expected: bool) -> None:
        """overlaps: the spans share at least one day (symmetric)."""
        assert (expected, expected) == (parse(a).overlaps(parse(b)), parse(b).overlaps(parse(a)))


# -- three-valued comparisons: examples ------------------------------------------

COMPARISONS = [
    # a, b, a.before(b), a.after(b), a.same_day(b)
    ("2022-11-05", "2022-11-06", T, F, F),
    ("2022-11-05", "2022-11-05", F, F, T),
    ("2022-11-05", "2022-11-05~", F, F, T),  # qualifiers are not considered
    ("2022-11-06", "2022-11-05", F, T, F),
    ("2022-11", "2022-12-01", T, F, F),
    ("2022-11", "2022-11-30", U, F, U),  # could be the same day, never after
    ("2022-11", "2022-11-01", F, U, U),
    ("2022-11", "2022-11-15", U, U, U),
    ("2022-11", "2022-11", U, U, U),  # two unknown days in one month
    ("2022-11-30", "2022-12-XX", T, F, F),
    ("2022", "2022-11-05/2023-01-10", U, U, U),
    ("2022-11-05/2022-11-05", "2022-11-05", F, F, T),
]


@pytest.mark.parametrize(("a", "b", "before", "after", "same"), COMPARISONS)
def test_comparison_examples(a: str, b: str, before: Truth, after: Truth, same: Truth) -> None:
    """before/after are strict (the same day is neither); same_day is TRUE only for one day."""
    x, y = parse(a), parse(b)

    assert (before, after, same) == (x.before(y), x.after(y), x.same_day(y))


# -- Truth ------------------------------------------------------------------------

AND = {
    (T, T): T, (T, F): F, (T, U): U,
    (F, T): F, (F, F): F, (F, U): F,
    (U, T): U, (U, F): F, (U, U): U,
}  # fmt: skip
OR = {
    (T, T): T, (T, F): T, (T, U): T,
    (F, T): T, (F, F): F, (F, U): U,
    (U, T): T, (U, F): U, (U, U): U,
}  # fmt: skip
PAIRS = list(itertools.product(ALL_TRUTHS, repeat=2))


class TestTruth:
    @pytest.mark.parametrize(("p", "q"), PAIRS)
    def test_kleene_tables(self, p: Truth, q: Truth) -> None:
        """& and | follow Kleene's strong tables."""
        assert (AND[p, q], OR[p, q]) == (p & q, p | q)

    def test_negation(self) -> None:
        """~ swaps TRUE and FALSE and keeps UNKNOWN."""
        assert [F, T, U] == [~T, ~F, ~U]

    @pytest.mark.parametrize(("p", "q"), PAIRS)
    def test_de_morgan(self, p: Truth, q: Truth) -> None:
        """De Morgan's laws hold for all nine combinations."""
        assert (~p | ~q, ~p & ~q) == (~(p & q), ~(p | q))

    @pytest.mark.parametrize(("p", "q"), PAIRS)
    def test_commutative(self, p: Truth, q: Truth) -> None:
        """& and | are commutative."""
        assert (p & q, p | q) == (q & p, q | p)

    @pytest.mark.parametrize("p", ALL_TRUTHS)
    def test_identity_and_annihilation(self, p: Truth) -> None:
        """TRUE is the identity of &, FALSE of |; FALSE annihilates &, TRUE annihilates |."""
        assert (p, p, F, T) == (p & T, p | F, p & F, p | T)

    @pytest.mark.parametrize("p", ALL_TRUTHS)
    def test_double_negation_and_idempotence(self, p: Truth) -> None:
        """~~p is p; p & p and p | p are p."""
        assert (p, p, p) == (~~p, p & p, p | p)

    @pytest.mark.parametrize("p", ALL_TRUTHS)
    def test_bool_raises(self, p: Truth) -> None:
        """bool() refuses, so `if truth:` cannot silently treat UNKNOWN as true."""
        with pytest.raises(TypeError, match="three-valued"):
            bool(p)

    @pytest.mark.parametrize("other", [True, 1, None, "true"])
    def test_operators_refuse_non_truths(self, other: object) -> None:
        """Mixing a Truth with anything else is a TypeError, not a guess."""
        with pytest.raises(TypeError):
            T & other
        with pytest.raises(TypeError):
            F | other

    def test_of(self) -> None:
        """Truth.of maps True/False to TRUE/FALSE."""
        expected = (T, F)

        assert expected == (Truth.of(True), Truth.of(False))

    @pytest.mark.parametrize("value", [1, 0, None, T])
    def test_of_refuses_non_bools(self, value: object) -> None:
        """Truth.of takes only a bool."""
        with pytest.raises(TypeError, match="takes a bool"):
            Truth.of(value)  # type: ignore[arg-type]

    def test_predicates(self) -> None:
        """is_true, is_false and is_unknown each hold for exactly one value."""
        expected = [(True, False, False), (False, True, False), (False, False, True)]

        assert expected == [(t.is_true, t.is_false, t.is_unknown) for t in ALL_TRUTHS]


# -- DayRange, days_between, add_days ------------------------------------------------


class TestDayRange:
    @pytest.mark.parametrize(
        ("low", "high", "limit", "exceeds"),
        [
            (3, 5, 2, T),
            (3, 5, 3, U),
            (3, 5, 4, U),
            (3, 5, 5, F),
            (3, 5, 6, F),
            (2, 2, 2, F),
            (2, 2, 1, T),
        ],
    )
    def test_exceeds_and_at_most(self, low: int, high: int, limit: int, exceeds: Truth) -> None:
        """exceeds: TRUE if min > limit, FALSE if max <= limit; at_most is its negation."""
        days = DayRange(min=low, max=high)

        assert (exceeds, ~exceeds) == (days.exceeds(limit), days.at_most(limit))

    def test_contains(self) -> None:
        """`in` tests an int against both bounds, inclusive; bools and others are not in."""
        days = DayRange(min=-1, max=2)

        expected = [False, True, True, False, False, False, False]

        assert expected == [n in days for n in (-2, -1, 2, 3, True, 1.0, "1")]

    def test_refuses_reversed_bounds(self) -> None:
        """min must not exceed max."""
        with pytest.raises(ValueError, match="greater than max"):
            DayRange(min=2, max=1)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2022-11-05", "2022-11-07", DayRange(2, 2)),
        ("2022-11-07", "2022-11-05", DayRange(-2, -2)),
        ("2022-11-05", "2022-11-05", DayRange(0, 0)),
        ("2022-11", "2022-12-01", DayRange(1, 30)),
        ("2022-11-28", "2022-12", DayRange(3, 33)),
        ("2022-11", "2022-11", DayRange(-29, 29)),
        ("2022-11-05~", "2022-11-07?", DayRange(2, 2)),
    ],
)
def test_days_between_examples(start: str, end: str, expected: DayRange) -> None:
    """days_between bounds end_day - start_day over all possible days; may be negative."""
    assert expected == days_between(parse(start), parse(end))


def test_detention_limit_example() -> None:
    """An arrest 'late November' and a hearing on 2022-12-02 may or may not exceed 48h (2 days)."""
    gap = days_between(parse("2022-11-25/2022-11-30"), parse("2022-12-02"))

    expected = (U, F, T)

    assert expected == (gap.exceeds(2), gap.exceeds(7), gap.exceeds(1))


def test_add_days() -> None:
    """add_days moves both bounds by the same number of days, either way."""
    date = parse("2022-11")

    assert (D(2022, 12, 1), D(2022, 12, 30)) == add_days(date, 30)
    assert (D(2022, 10, 31), D(2022, 11, 29)) == add_days(date, -1)


def test_add_days_saturates() -> None:
    """Moving past year 9999 or before year 1 stops at date.max or date.min, no OverflowError."""
    assert (D(9999, 12, 2), D.max) == add_days(parse("9999-12"), 1)
    assert (D.min, D(1, 1, 2)) == add_days(parse("0001-01-0X"), -7)
    assert (D.max, D.max) == add_days(parse("2022"), 10**12)


def test_add_days_keeps_open_ends_open() -> None:
    """An open bound is unknown: moving it by any number of days leaves it at date.min/max."""
    assert (D.min, D(2010, 9, 10)) == add_days(parse("../2010-09-08"), 2)
    assert (D(2010, 6, 7), D.max) == add_days(parse("2010-06-09/.."), -2)
    assert (D.min, D(2010, 9, 6)) == add_days(parse("../2010-09-08"), -2)


# -- open intervals -------------------------------------------------------------------


class TestOpenIntervals:
    @pytest.mark.parametrize(
        ("text", "open_start", "open_end"),
        [
            ("../2010-09-08", True, False),
            ("2010-06-09~/..", False, True),
            ("2010-06-09/2010-06-10", False, False),
            ("2010", False, False),
        ],
    )
    def test_flags(self, text: str, open_start: bool, open_end: bool) -> None:
        """open_start / open_end say which end is open; str() gives the text back."""
        date = parse(text)

        assert (open_start, open_end, open_start or open_end, text) == (
            date.open_start,
            date.open_end,
            date.is_open,
            str(date),
        )

    def test_open_is_never_exact(self) -> None:
        """Even '../0001-01-01' (whose only possible day is 0001-01-01) is not exact."""
        assert not parse("../0001-01-01").is_exact

    @pytest.mark.parametrize(
        ("a", "b", "before", "after", "same"),
        [
            ("../2010-09-08", "2010-09-09", T, F, F),
            ("../2010-09-08", "2010-09-08", U, F, U),
            ("../2010-09-08", "2010-09-01", U, U, U),
            ("2010-06-09/..", "2010-06-08", F, T, F),
            ("2010-06-09/..", "2010-06-10", U, U, U),
            ("../2010-01", "2010-02/..", T, F, F),
            ("../2010-01", "../2009", U, U, U),
            ("9999-12-31/..", "9999-12-31", F, F, T),
        ],
    )
    def test_comparisons(self, a: str, b: str, before: Truth, after: Truth, same: Truth) -> None:
        """Three-valued comparisons treat an open end as "any day that way"."""
        x, y = parse(a), parse(b)

        assert (before, after, same) == (x.before(y), x.after(y), x.same_day(y))

    def test_days_between_marks_open_bounds(self) -> None:
        """A bound resting on an open end is open; the other is an ordinary number."""
        gap = days_between(parse("../2010-09-08"), parse("2010-09-10"))
        back = days_between(parse("2010-09-10"), parse("2010-09-12/.."))

        assert (2, False, True) == (gap.min, gap.min_open, gap.max_open)
        assert (2, False, True) == (back.min, back.min_open, back.max_open)
        assert (gap.exceeds(1), gap.exceeds(2)) == (T, U)

    def test_days_between_near_the_ends_of_the_calendar(self) -> None:
        """No OverflowError with open ends at both extremes."""
        gap = days_between(parse("../0001-01-05"), parse("9999-12-30/.."))

        assert (gap.min_open, gap.max_open, gap.min) == (
            False,
            True,
            (D(9999, 12, 30) - D(1, 1, 5)).days,
        )

    @pytest.mark.parametrize(
        ("gap", "words"),
        [
            (DayRange(3, 3), "3 days"),
            (DayRange(2, 5), "2 to 5 days"),
            (DayRange(2, 10**6, max_open=True), "at least 2 days"),
            (DayRange(-(10**6), 4, min_open=True), "at most 4 days"),
            (DayRange(-(10**6), 10**6, min_open=True, max_open=True), "an unknown number of days"),
        ],
    )
    def test_describe_never_prints_an_open_bound(self, gap: DayRange, words: str) -> None:
        """describe() words a range; an open bound gets no number."""
        assert words == gap.describe()

    def test_from_bounds(self) -> None:
        """from_bounds writes the bounds: one day, an interval, or an open interval."""
        texts = [
            UncertainDate.from_bounds(D(2010, 6, 9), D(2010, 6, 9)).text,
            UncertainDate.from_bounds(D(2010, 6, 9), D(2010, 6, 11)).text,
            UncertainDate.from_bounds(None, D(2010, 6, 11)).text,
            UncertainDate.from_bounds(D(2010, 6, 9), None).text,
            UncertainDate.from_bounds(
                datetime.datetime(2010, 6, 9, 22), datetime.datetime(2010, 6, 10, 6, 0, 30)
            ).text,
        ]

        assert [
            "2010-06-09",
            "2010-06-09/2010-06-11",
            "../2010-06-11",
            "2010-06-09/..",
            "2010-06-09T22:00/2010-06-10T06:00:30",
        ] == texts

    def test_from_bounds_refuses_nothing(self) -> None:
        """from_bounds needs at least one end."""
        with pytest.raises(ValueError, match="at least one end"):
            UncertainDate.from_bounds(None, None)


# -- times of day ---------------------------------------------------------------------


class TestTimes:
    def test_instants(self) -> None:
        """earliest_time / latest_time carry the times; days stay dates."""
        single = parse("2010-06-09T14:30")
        span = parse("2010-06-09T22:00/2010-06-10T06:00")
        half = parse("2010-06-09T22:00/2010-06-10")

        assert (single.earliest_time, single.latest_time, single.has_time) == (
            datetime.datetime(2010, 6, 9, 14, 30),
            datetime.datetime(2010, 6, 9, 14, 30),
            True,
        )
        assert (span.earliest, span.latest, span.has_time) == (D(2010, 6, 9), D(2010, 6, 10), True)
        assert (half.earliest_time, half.latest_time, half.has_time) == (
            datetime.datetime(2010, 6, 9, 22),
            None,
            False,
        )
        assert (None, None) == (parse("2010-06-09").earliest_time, parse("2010-06-09").latest_time)

    def test_seconds(self) -> None:
        """Seconds are read where given."""
        assert datetime.datetime(2010, 6, 9, 14, 30, 5) == parse("2010-06-09T14:30:05").latest_time

    def test_same_day_with_times(self) -> None:
        """Comparisons stay day-based: two times on one day are the same day."""
        assert T == parse("2010-06-09T08:00").same_day(parse("2010-06-09T22:00"))

    @pytest.mark.parametrize(
        ("start", "end", "low", "high"),
        [
            ("2010-06-09T22:00", "2010-06-11T22:00", 48, 48),
            ("2010-06-09T22:00", "2010-06-11T23:30", 49.5, 49.5),
            ("2010-06-09T22:00/2010-06-10T06:00", "2010-06-12T06:00", 48, 56),
            ("2010-06-09T22:00", "2010-06-09T21:00", -1, -1),
        ],
    )
    def test_hours_between(self, start: str, end: str, low: float, high: float) -> None:
        """hours_between bounds the time between the instants, in hours."""
        gap = hours_between(parse(start), parse(end))

        assert gap is not None
        assert (low, high) == (gap.min_hours, gap.max_hours)

    def test_hours_between_72_hour_limit(self) -> None:
        """A 72-hour limit is decided exactly where days alone would leave it open."""
        arrest, order = parse("2010-06-09T22:00"), parse("2010-06-12T21:00")
        late = parse("2010-06-12T22:01")

        exact = hours_between(arrest, order)
        over = hours_between(arrest, late)

        assert exact is not None
        assert over is not None
        assert (F, T) == (exact.exceeds(72), over.exceeds(72))
        assert (T, F) == (exact.at_most(72), over.at_most(72))

    @pytest.mark.parametrize(
        ("start", "end"),
        [
            ("2010-06-09", "2010-06-11T10:00"),
            ("2010-06-09T10:00", "2010-06-11"),
            ("2010-06-09T10:00/2010-06-10", "2010-06-11T10:00"),
            ("../2010-06-09T10:00", "2010-06-11T10:00"),
            ("2010-06-09T10:00", "2010-06-11T10:00/.."),
        ],
    )
    def test_hours_between_needs_times(self, start: str, end: str) -> None:
        """Without a time on every bound (an open end has none), there is no hour count."""
        assert hours_between(parse(start), parse(end)) is None

    def test_hour_range(self) -> None:
        """HourRange refuses reversed bounds and holds timedeltas."""
        hour = datetime.timedelta(hours=1)
        span = HourRange(hour, 3 * hour)

        assert (2 * hour in span, 4 * hour in span, 2 in span) == (True, False, False)
        with pytest.raises(ValueError, match="greater than max"):
            HourRange(3 * hour, hour)


# -- properties -----------------------------------------------------------------------

ANY_DATES = uncertain_dates(min_year=1, max_year=9999)
DAY_PRECISION = uncertain_dates(intervals=False).filter(
    lambda d: d.text.rstrip("~?%").count("-") == 2
)


@given(ANY_DATES)
def test_bounds_ordered(date: UncertainDate) -> None:
    """earliest <= latest for every date, and the instants agree with the days."""
    assert date.earliest <= date.latest
    if date.earliest_time is not None:
        assert date.earliest == date.earliest_time.date()
    if date.latest_time is not None:
        assert date.latest == date.latest_time.date()
    if date.has_time:
        assert date.earliest_time is not None
        assert date.latest_time is not None
        assert date.earliest_time <= date.latest_time


@given(ANY_DATES)
def test_open_ends_are_the_extremes(date: UncertainDate) -> None:
    """An open start is date.min with no time; an open end is date.max with no time."""
    if date.open_start:
        assert (D.min, None) == (date.earliest, date.earliest_time)
    if date.open_end:
        assert (D.max, None) == (date.latest, date.latest_time)


@given(ANY_DATES, st.integers(-(10**7), 10**7))
def test_add_days_never_overflows(date: UncertainDate, days: int) -> None:
    """add_days saturates in the calendar and keeps open bounds where they are."""
    low, high = add_days(date, days)

    assert low <= high
    if date.open_start:
        assert D.min == low
    if date.open_end:
        assert D.max == high


@given(ANY_DATES, ANY_DATES)
def test_hours_between_contains_true_difference(a: UncertainDate, b: UncertainDate) -> None:
    """With times on every bound, every pair of instants lies within hours_between."""
    gap = hours_between(a, b)
    if not (a.has_time and b.has_time):
        assert gap is None
        return
    assert gap is not None
    assert a.earliest_time is not None
    assert a.latest_time is not None
    assert b.earliest_time is not None
    assert b.latest_time is not None
    for x in (a.earliest_time, a.latest_time):
        for y in (b.earliest_time, b.latest_time):
            assert y - x in gap


@given(ANY_DATES)
def test_round_trip(date: UncertainDate) -> None:
    """Parsing a date's text gives an equal date with the same bounds and flags."""
    again = parse(date.text)

    assert (date, date.earliest, date.latest, date.approximate, date.uncertain) == (
        again,
        again.earliest,
        again.latest,
        again.approximate,
        again.uncertain,
    )


@given(ANY_DATES)
def test_flags_follow_qualifiers(date: UncertainDate) -> None:
    """approximate iff the text has ~ or %; uncertain iff it has ? or %."""
    text = date.text

    assert ("~" in text or "%" in text, "?" in text or "%" in text) == (
        date.approximate,
        date.uncertain,
    )


@given(DAY_PRECISION)
def test_truncation_contains(date: UncertainDate) -> None:
    """A day-precision date lies within its month- and year-precision truncations."""
    body = date.text.rstrip("~?%")
    month, year = parse(body[:7]), parse(body[:4])

    expected = [True] * 4

    assert expected == [w.contains(d) for w in (month, year) for d in (date.earliest, date.latest)]


@given(ANY_DATES, ANY_DATES)
def test_before_after_mirror(a: UncertainDate, b: UncertainDate) -> None:
    """a.before(b) is b.after(a); same_day is symmetric."""
    assert (a.before(b), a.same_day(b)) == (b.after(a), b.same_day(a))


@given(ANY_DATES, ANY_DATES)
def test_before_excludes_same_day(a: UncertainDate, b: UncertainDate) -> None:
    """If a is certainly before b, they are certainly not the same day, nor is a after b."""
    expected = (F, F)

    if a.before(b).is_true:
        assert expected == (a.same_day(b), a.after(b))


@given(ANY_DATES, ANY_DATES)
def test_before_matches_days(a: UncertainDate, b: UncertainDate) -> None:
    """before is TRUE/FALSE exactly when every/no pair of possible days is strictly ordered."""
    every = a.latest < b.earliest
    some = a.earliest < b.latest

    expected = T if every else (F if not some else U)
    assert expected == a.before(b)


@given(st.dates(), st.dates())
def test_exact_dates_are_decided(x: D, y: D) -> None:
    """For exact dates, before/after/same_day are never UNKNOWN and agree with date order."""
    a, b = UncertainDate.from_date(x), UncertainDate.from_date(y)

    assert (Truth.of(x < y), Truth.of(x > y), Truth.of(x == y)) == (
        a.before(b),
        a.after(b),
        a.same_day(b),
    )


@given(st.data(), ANY_DATES, ANY_DATES)
def test_days_between_contains_true_difference(
    data: st.DataObject, a: UncertainDate, b: UncertainDate
) -> None:
    """For any days x in a and y in b, y - x lies within days_between(a, b)."""
    x = data.draw(st.dates(a.earliest, a.latest))
    y = data.draw(st.dates(b.earliest, b.latest))

    assert (y - x).days in days_between(a, b)


@given(ANY_DATES, ANY_DATES)
def test_days_between_bounds_are_reached(a: UncertainDate, b: UncertainDate) -> None:
    """The bounds of days_between are tight: both are real differences of possible days."""
    gap = days_between(a, b)

    assert (gap.min, gap.max) == ((b.earliest - a.latest).days, (b.latest - a.earliest).days)


@given(ANY_DATES, ANY_DATES)
def test_overlap_and_same_day(a: UncertainDate, b: UncertainDate) -> None:
    """same_day is FALSE exactly when the spans do not overlap."""
    assert (not a.overlaps(b)) == a.same_day(b).is_false


@given(invalid_date_strings())
def test_invalid_strings_refused(text: str) -> None:
    """Every string from invalid_date_strings() is refused, and the message quotes it."""
    with pytest.raises(InvalidDate) as info:
        parse(text)

    assert text == info.value.text
    assert repr(text) in str(info.value)


# -- the strategies themselves ------------------------------------------------------

# find() stops at the first hit; the budget only matters if a form is missing.
# No shrinking: any example of the form will do.
SEARCH = settings(max_examples=5000, database=None, phases=[Phase.generate])


@given(uncertain_dates(min_year=1990, max_year=1995))
def test_strategy_respects_years(date: UncertainDate) -> None:
    """Every known bound lies within min_year..max_year, X digits included."""
    if not date.open_start:
        assert 1990 <= date.earliest.year <= 1995
    if not date.open_end:
        assert 1990 <= date.latest.year <= 1995


@given(
    uncertain_dates(
        intervals=False, unspecified=False, qualifiers=False, times=False, open_ends=False
    )
)
def test_strategy_flags_off(date: UncertainDate) -> None:
    """With every option off, only plain YYYY, YYYY-MM and YYYY-MM-DD come out."""
    expected = (False, False, False, False)

    assert expected == (
        date.is_interval,
        "X" in date.text,
        date.approximate or date.uncertain,
        "T" in date.text,
    )


@given(uncertain_dates(open_ends=False))
def test_strategy_open_ends_off(date: UncertainDate) -> None:
    """open_ends=False: no '..' in any date."""
    assert ".." not in date.text


@given(uncertain_dates(min_year=5, max_year=5, open_ends=False))
def test_strategy_single_year(date: UncertainDate) -> None:
    """A one-year range still works, with masks that would leave it dropped."""
    expected = (5, 5)

    assert expected == (date.earliest.year, date.latest.year)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min_year": 2000, "max_year": 1999}, "greater than max_year"),
        ({"min_year": 0}, "out of range"),
        ({"max_year": 10000}, "out of range"),
        ({"min_year": 1900.0}, "must be an int"),
        ({"max_year": True}, "must be an int"),
        ({"times": 1}, "times"),
        ({"open_ends": None}, "open_ends"),
    ],
)
def test_strategy_validates_arguments(kwargs: dict[str, object], message: str) -> None:
    """Bad arguments raise InvalidArgument at once, not when drawing."""
    with pytest.raises(InvalidArgument, match=message):
        uncertain_dates(**kwargs)  # type: ignore[arg-type]


def _shape(text: str) -> str:
    """YYYY-MM-DD style shape of one date: digits become 9, X and the rest stay."""
    return re.sub("[0-9]", "9", text)


VALID_FORMS: dict[str, Callable[[str], object]] = {
    "year": lambda t: _shape(t) == "9999",
    "month": lambda t: _shape(t) == "9999-99",
    "day": lambda t: _shape(t) == "9999-99-99",
    "approximate": lambda t: t.endswith("~"),
    "uncertain": lambda t: t.endswith("?"),
    "both": lambda t: t.endswith("%"),
    "X in year": lambda t: "X" in t[:4],
    "X in month": lambda t: "X" in t[5:7],
    "X in day": lambda t: "X" in t[8:10],
    "interval": lambda t: "/" in t,
    "qualified interval start": lambda t: re.search("[~?%]/", t) is not None,
    "open start": lambda t: t.startswith("../"),
    "open end": lambda t: t.endswith("/.."),
    "time of day": lambda t: re.search(r"T[0-9]{2}:[0-9]{2}", t) is not None,
    "time with seconds": lambda t: re.search(r"T[0-9]{2}:[0-9]{2}:[0-9]{2}", t) is not None,
    "interval of times": lambda t: re.search(r"T[0-9:]+[~?%]?/[0-9-]+T", t) is not None,
}


@pytest.mark.parametrize("form", sorted(VALID_FORMS))
def test_strategy_reaches_form(form: str) -> None:
    """uncertain_dates() generates every supported form (found by search, not by luck)."""
    found = find(ANY_DATES, lambda d: bool(VALID_FORMS[form](d.text)), settings=SEARCH)

    assert VALID_FORMS[form](found.text)


def _reversed(text: str) -> bool:
    if text.count("/") != 1 or ".." in text or "T" in text:
        return False
    start, end = text.split("/")
    try:
        return parse(start).earliest > parse(end).latest
    except InvalidDate:
        return False


INVALID_FORMS: dict[str, Callable[[str], object]] = {
    "month out of range": lambda t: re.fullmatch(r"[0-9]{4}-(00|1[3-9]|[2-9][0-9])", t),
    "day out of range": lambda t: re.fullmatch(r"[0-9]{4}-[0-9]{2}-(00|3[2-9]|[4-9][0-9])", t),
    "31st of a short month": lambda t: re.fullmatch(r"[0-9]{4}-(04|06|09|11)-31", t),
    "30 February": lambda t: re.fullmatch(r"[0-9]{4}-02-30", t),
    "missing end": lambda t: t.startswith("/") or t.endswith("/"),
    "hour out of range": lambda t: re.fullmatch(r"[0-9-]{10}T(2[4-9]|[3-9][0-9]):[0-9]{2}", t),
    "reversed times": lambda t: re.fullmatch(r"([0-9-]{10})T[0-9:]{5}/\1T[0-9:]{5}", t),
    "reversed interval": _reversed,
    "chained interval": lambda t: t.count("/") >= 2,
    "bad separator": lambda t: re.fullmatch(r"[0-9]{4}[._, ][0-9]{2}[._, ][0-9]{2}", t),
    "short month": lambda t: re.fullmatch(r"[0-9]{4}-[0-9]-[0-9]", t),
}


@pytest.mark.parametrize("form", sorted(INVALID_FORMS))
def test_invalid_strategy_reaches_form(form: str) -> None:
    """invalid_date_strings() generates each kind of bad string (found by search)."""
    found = find(invalid_date_strings(), lambda t: bool(INVALID_FORMS[form](t)), settings=SEARCH)

    with pytest.raises(InvalidDate):
        parse(found)
