"""Relative timing (``after``), effective dates, and the engine measuring from them."""

from __future__ import annotations

import datetime
import json
import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import detention, event, fired, record
from proceedings import (
    CaseRecord,
    RecordError,
    RelativeTiming,
    UncertainDate,
    codec,
    deadlines,
    replay,
)
from proceedings import (
    strategies as pst,
)
from proceedings._checks import FieldProblems
from proceedings._durations import Period
from proceedings._timing import effective_dates, timing, with_effective_dates
from proceedings.render import timeline, timeline_to_dot, timeline_to_mermaid
from proceedings.schema import json_schema

N = "note"
D = datetime.date


def after(ident: str, days: str) -> RelativeTiming:
    return RelativeTiming(event=ident, days=days)


def texts(rec: CaseRecord) -> list[str]:
    return [d.text for d in timing(rec).dates]


# -- the part ---------------------------------------------------------------------


@pytest.mark.parametrize(("days", "bounds"), [("0", (0, 0)), ("2", (2, 2)), ("2/3", (2, 3))])
def test_day_counts(days: str, bounds: tuple[int, int]) -> None:
    """days is a whole number or a range; bounds reads it."""
    assert bounds == after("d", days).bounds


@pytest.mark.parametrize(
    ("days", "fragment"),
    [
        ("-1", "not a number of whole days"),
        ("2.5", "not a number of whole days"),
        ("02", "not a number of whole days"),
        ("2-3", "not a number of whole days"),
        ("2/", "not a number of whole days"),
        (" 2", "not a number of whole days"),
        ("", "not a number of whole days"),
        ("1234567", "not a number of whole days"),
        ("3/2", "runs backwards"),
    ],
)
def test_bad_day_counts(days: str, fragment: str) -> None:
    """Anything but non-negative whole days, or a range that runs backwards, is refused."""
    with pytest.raises(FieldProblems, match=fragment):
        after("d", days)


def period(ident: str, text: str) -> RelativeTiming:
    return RelativeTiming(event=ident, period=text)


@pytest.mark.parametrize(
    ("text", "months", "days"),
    [("P1Y10M", 22, 0), ("P3W", 0, 21), ("P40D", 0, 40), ("P1Y2M3W4D", 14, 25), ("P0D", 0, 0)],
)
def test_periods_parse(text: str, months: int, days: int) -> None:
    """A period is ISO 8601 in calendar units: years and months in months, weeks in days."""
    assert Period(months=months, days=days) == Period.parse(text)


@pytest.mark.parametrize("text", ["P", "1Y", "P1H", "PT2H", "P1M1Y", "P-1D", "P1.5Y", "p1y", ""])
def test_bad_periods(text: str) -> None:
    """Anything but P and years, months, weeks, days in that order is no period."""
    with pytest.raises(ValueError, match="is not a period"):
        Period.parse(text)
    with pytest.raises(FieldProblems, match="is not a period"):
        period("d", text)


@pytest.mark.parametrize(
    ("start", "text", "landed"),
    [
        (D(2010, 3, 15), "P1Y10M", D(2012, 1, 15)),
        # A month after the 31st is the last day of the next month, leap or not.
        (D(2011, 1, 31), "P1M", D(2011, 2, 28)),
        (D(2012, 1, 31), "P1M", D(2012, 2, 29)),
        (D(2012, 2, 29), "P1Y", D(2013, 2, 28)),
        (D(2010, 12, 20), "P2W", D(2011, 1, 3)),
        (D(2010, 1, 31), "P1M1D", D(2010, 3, 1)),
    ],
)
def test_a_period_moves_along_the_calendar(start: D, text: str, landed: D) -> None:
    """Months are calendar months, clamped to the month's last day; then days."""
    assert landed == Period.parse(text).after(start)


def test_a_period_saturates_at_the_end_of_the_calendar() -> None:
    """Past 9999-12-31 a period stays on it, and says that it left."""
    assert D.max == Period.parse("P1M").after(D(9999, 12, 5))
    assert Period.parse("P1M").leaves(D(9999, 12, 5))
    assert Period.parse("P1D").leaves(D.max)
    assert not Period.parse("P26D").leaves(D(9999, 12, 5))


@pytest.mark.parametrize(
    ("text", "bounds"),
    [("P1M", (28, 31)), ("P1Y", (365, 366)), ("P3W2D", (23, 23)), ("P1Y10M/P1Y11M", (668, 703))],
)
def test_period_day_bounds(text: str, bounds: tuple[int, int]) -> None:
    """In days, a period is as short and as long as the calendar makes it."""
    assert bounds == period("d", text).bounds


@given(st.dates(max_value=D(9000, 1, 1)), st.sampled_from(["P1M", "P2Y7M", "P13M3D", "P5W"]))
def test_day_bounds_hold_on_every_day(start: D, text: str) -> None:
    """However long the period is from a given day, it is within its day bounds."""
    one = Period.parse(text)
    fewest, most = one.day_bounds
    assert fewest <= (one.after(start) - start).days <= most


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"days": "2", "period": "P1M"}, "as 'days' or as 'period', not both"),
        ({}, "as 'days' or as 'period', not both"),
        ({"period": "P2M/P1M"}, "may run backwards"),
        ({"period": "P30D/P1M"}, "may run backwards"),
    ],
)
def test_a_timing_gives_days_or_a_period(kwargs: dict[str, str], fragment: str) -> None:
    """Exactly one of the two, and a range of periods that cannot run backwards."""
    with pytest.raises(FieldProblems, match=fragment):
        RelativeTiming(event="d", **kwargs)


def test_a_growing_range_of_periods_is_accepted() -> None:
    """More months and more days never land sooner, whatever the lengths of months."""
    assert (28, 62) == period("d", "P1M/P2M").bounds
    assert (28, 31) == period("d", "P1M/P1M").bounds


# -- effective dates ---------------------------------------------------------------


def test_a_date_is_narrowed_by_its_timing() -> None:
    """'June 2010', two or three days after the 9th: the 11th or the 12th."""
    rec = record(
        detention("d", "2010-06-09"),
        event("release", "r", "2010-06", after=after("d", "2/3")),
    )

    assert ["2010-06-09", "2010-06-11/2010-06-12"] == texts(rec)


def test_narrowing_chains_in_list_order() -> None:
    """An event timed after a narrowed one counts from the narrowed date."""
    rec = record(
        detention("d", "2010-06-09"),
        event("release", "r", "2010-06", after=after("d", "2")),
        event("detention", "d2", "2010", ground="border", after=after("r", "0/1")),
    )

    assert ["2010-06-09", "2010-06-11", "2010-06-11/2010-06-12"] == texts(rec)


def test_own_date_is_kept_where_it_says_more() -> None:
    """Where the own date is already inside what the timing allows, it is kept (same object)."""
    rec = record(
        detention("d", "2010-06"),
        event("release", "r", "2010-06-12T10:30", after=after("d", "2/40")),
    )

    dates = timing(rec).dates

    assert rec.events[1].date is dates[1]


def test_times_survive_where_the_own_bound_holds() -> None:
    """A time of day on the own bound that holds is kept in the narrowed text."""
    rec = record(
        detention("d", "2010-06-09"),
        event(
            "release",
            "r",
            "2010-06-10T22:00/2010-06-20T08:00",
            after=after("d", "1/3"),
        ),
    )

    assert ["2010-06-09", "2010-06-10T22:00/2010-06-12"] == texts(rec)


def test_open_dates() -> None:
    """From an open date the timing gives an open date; an own known bound closes it."""
    rec = record(
        detention("d", "../2010-06-09"),
        event("release", "r", "2010-06", after=after("d", "2")),
        event("release", "r2", "../2010-12", after=after("d", "1")),
    )

    assert ["../2010-06-09", "2010-06-01/2010-06-11", "../2010-06-10"] == texts(rec)


def test_a_date_is_narrowed_by_a_period() -> None:
    """'Held one year and ten months' from 15 March 2010: a release in January 2012 is the 15th."""
    rec = record(
        detention("d", "2010-03-15"),
        event("release", "r", "2012", after=period("d", "P1Y10M")),
    )

    assert ["2010-03-15", "2012-01-15"] == texts(rec)


def test_a_range_of_periods_from_an_uncertain_date() -> None:
    """From 'March 2010', ten months to a year: from 1 January 2011 to 31 March 2011."""
    rec = record(
        detention("d", "2010-03"),
        event("release", "r", "2011", after=period("d", "P10M/P1Y")),
        event("release", "r2", "2010/..", after=period("d", "P1M")),
    )

    assert ["2010-03", "2011-01-01/2011-03-31", "2010-04-01/2010-04-30"] == texts(rec)


def test_a_period_from_an_open_date_stays_open() -> None:
    """An open bound of the earlier date is not moved: the narrowed date stays open there."""
    rec = record(
        detention("d", "../2010-06-09"),
        event("release", "r", "../2011", after=period("d", "P6M")),
    )

    assert ["../2010-06-09", "../2010-12-09"] == texts(rec)


def test_a_period_that_contradicts_the_date_is_refused() -> None:
    """The message names the period as written, the earlier date and the event's own."""
    with pytest.raises(FieldProblems) as info:
        record(
            detention("d", "2010-03-15"),
            event("release", "r", "2011", after=period("d", "P1Y10M")),
        )

    assert [
        (
            "events[1].after",
            "P1Y10M after event 'd' (2010-03-15) is 2012-01-15, which the event's date "
            "2011 does not include",
        )
    ] == list(info.value.fields)


def test_a_period_past_the_end_of_the_calendar() -> None:
    """A month after 9999-12-05 is no day: an open end keeps 'on or after' the last day."""
    rec = record(
        detention("d", "9999-12-05"),
        event("release", "r", "9999-12/..", after=period("d", "P1M")),
    )

    assert ["9999-12-05", "9999-12-31/.."] == texts(rec)
    with pytest.raises(FieldProblems, match="after 9999-12-31, the last day"):
        record(
            detention("d", "9999-12-05"),
            event("release", "r", "9999-12", after=period("d", "P1M")),
        )


def test_a_period_round_trips_and_is_in_the_schema() -> None:
    """A record with a period is written and read back equal, and its pattern is in the schema."""
    rec = record(
        detention("d", "2010-03-15"),
        event("release", "r", "2012", after=period("d", "P1Y10M/P1Y11M")),
    )
    assert rec == codec.loads(codec.dumps(rec))
    schema = json.dumps(json_schema())
    assert "(?:[0-9]{1,4}Y)?" in schema


def test_no_overflow_at_the_end_of_the_calendar() -> None:
    """Days counted past 9999-12-31 do not overflow: an open end keeps "on or after"
    the calendar's last day, not the false exact day 9999-12-31."""
    rec = record(
        detention("d", "9999-12-30"),
        event("release", "r", "9999-12/..", after=after("d", "5")),
    )

    assert ["9999-12-30", "9999-12-31/.."] == texts(rec)


def test_a_timing_past_the_end_of_the_calendar_contradicts_a_closed_date() -> None:
    """No written day is 5 days after 9999-12-30: a closed date is refused, not clamped."""
    with pytest.raises(FieldProblems) as info:
        record(
            detention("d", "9999-12-30"),
            event("release", "r", "9999-12", after=after("d", "5")),
        )

    assert [
        (
            "events[1].after",
            "5 days after event 'd' (9999-12-30) is after 9999-12-31, the last day a date "
            "can have, which the event's date 9999-12 does not include",
        )
    ] == list(info.value.fields)


def test_disjoint_dates_are_a_record_problem() -> None:
    """A date the timing excludes is refused at events[i].after, naming both dates."""
    with pytest.raises(FieldProblems) as info:
        record(
            detention("d", "2010-06-09"),
            event("release", "r", "2010-07", after=after("d", "2")),
        )

    assert [
        (
            "events[1].after",
            "2 days after event 'd' (2010-06-09) is 2010-06-11, which the event's date "
            "2010-07 does not include",
        )
    ] == list(info.value.fields)


def test_disjoint_from_an_open_date_prints_no_stand_in() -> None:
    """The message gives the open date as text, never 0001-01-01."""
    events = (
        detention("d", "../2010-06-09"),
        event("release", "r", "2010-07", after=after("d", "1/2")),
    )

    found = effective_dates(events).problems

    assert [
        (
            "events[1].after",
            "1 to 2 days after event 'd' (../2010-06-09) is ../2010-06-11, which the "
            "event's date 2010-07 does not include",
        )
    ] == list(found)


def test_unresolved_references_are_left_to_the_reference_checks() -> None:
    """A timing that names no earlier event is reported once, by the reference check."""
    data = codec.unstructure(record(detention("d", "2010-06-09")))
    data["events"].insert(
        0,
        {
            "type": "release",
            "id": "r",
            "date": "2010-06",
            "jurisdiction": "KZ",
            "after": {"event": "d", "days": "2"},
        },
    )

    with pytest.raises(RecordError) as info:
        codec.structure(data)

    assert [("$.events[0].after.event", "event 'd' comes later; refer to earlier ones")] == [
        (p.path, p.message) for p in info.value.problems
    ]


def test_reference_of_a_record_that_does_not_build() -> None:
    """The raw-JSON reference check also reads after.event."""
    data = codec.unstructure(
        record(detention("d", "2010-06-09"), event("release", "r", "2010-06-12"))
    )
    data["events"][1]["after"] = {"event": "nobody", "days": "2"}
    data["events"][0]["ground"] = "no such ground"

    with pytest.raises(RecordError) as info:
        codec.structure(data)

    assert ("$.events[1].after.event", "no event has id 'nobody'") in [
        (p.path, p.message) for p in info.value.problems
    ]


def test_the_record_dumps_as_written() -> None:
    """Loading and dumping keeps date and after as written; only the engine narrows."""
    rec = record(
        detention("d", "2010-06-09"),
        event("release", "r", "2010-06", after=after("d", "2/3")),
    )
    data = codec.unstructure(rec)

    assert ("2010-06", {"event": "d", "days": "2/3"}) == (
        data["events"][1]["date"],
        data["events"][1]["after"],
    )
    assert rec == codec.structure(data)
    assert "2010-06-11/2010-06-12" == list(replay(rec))[1].event.date.text
    assert "2010-06" == rec.events[1].date.text


def test_no_copy_without_narrowing() -> None:
    """A record whose timings narrow nothing is returned as it is."""
    rec = record(detention("d", "2010-06-09"), event("release", "r", "2010-06-12"))

    assert rec is with_effective_dates(rec)


# -- the engine measures from effective dates ----------------------------------------


def test_the_seventy_two_hour_rule_uses_the_narrowed_date() -> None:
    """A release 'in January', on the sixth day of detention, is certainly over 72 hours."""
    plain = record(detention("d", "2023-01-01"), event("release", "x", "2023-01"))
    timed = record(
        detention("d", "2023-01-01"),
        event("release", "x", "2023-01", after=after("d", "5")),
    )

    assert [(N, "undetermined", ("x", "d"))] == [
        (s.value, c.value, ids) for s, c, ids in fired(plain, "KZ-CPC-587")
    ]
    assert [(N, "certain", ("x", "d"))] == [
        (s.value, c.value, ids) for s, c, ids in fired(timed, "KZ-CPC-587")
    ]


def test_the_narrowed_date_appears_in_messages() -> None:
    """A message describes an event by its effective date, a text, not a stand-in day."""
    timed = record(
        detention("d", "2023-01-01"),
        event("release", "x", "2023-01", after=after("d", "5")),
    )

    messages = [f.message for step in replay(timed) for f in step.findings]

    assert any("(2023-01-06)" in m for m in messages)


@pytest.mark.parametrize(
    ("arrest", "release", "certainty"),
    [
        ("2023-01-01T22:00", "2023-01-04T21:00", None),  # 71 hours: kept
        ("2023-01-01T22:00", "2023-01-04T22:00", None),  # exactly 72: kept
        ("2023-01-01T22:00", "2023-01-04T22:30", "certain"),  # 72.5: exceeded
        ("2023-01-01", "2023-01-04", "undetermined"),  # days only: could be either
    ],
)
def test_hours_decide_the_seventy_two_hour_rule(
    arrest: str, release: str, certainty: str | None
) -> None:
    """With times on both dates, the 72-hour limit is decided exactly."""
    rec = record(detention("d", arrest), event("release", "x", release))

    found = [c.value for _, c, _ in fired(rec, "KZ-CPC-587")]

    assert ([] if certainty is None else [certainty]) == found


def test_hours_undecided_when_the_times_straddle_the_limit() -> None:
    """An interval of times on either side of 72 hours leaves the limit undetermined."""
    rec = record(
        detention("d", "2023-01-01T22:00"),
        event("release", "x", "2023-01-04T20:00/2023-01-04T23:00"),
    )

    assert ["undetermined"] == [c.value for _, c, _ in fired(rec, "KZ-CPC-587")]


def test_calendar_months_from_an_open_claim_do_not_overflow() -> None:
    """Three months and a year from a claim 'on or after 10 January' saturate, not raise."""
    from builders import claim, decision
    from proceedings import AsylumOutcome

    rec = record(claim("c", "2023-01-10/.."), decision("a", "2023-06", AsylumOutcome.REFUSED))

    found = fired(rec, "KZ-REF-11")
    messages = [f.message for step in replay(rec) for f in step.findings]

    # The claim may have been on 10 January (then over three months) or later.
    assert ["undetermined"] == [c.value for _, c, _ in found]
    assert not any(STAND_INS.search(m) for m in messages)


# -- printing open dates ----------------------------------------------------------------

STAND_INS = re.compile(r"0001-01-01|9999-12-31")


def test_deadlines_from_an_open_date() -> None:
    """A clock started on an open date has an open due day, and no OverflowError."""
    from proceedings.render._json import deadline_to_dict
    from proceedings.render._text import render_deadlines_text

    rec = record(detention("d", "2023-01-01/.."))

    found = deadlines(rec, as_of=D(2023, 1, 2))
    text = render_deadlines_text(found, as_of="2023-01-02")

    assert found
    assert {(True, False, True)} == {
        (d.due[1] == D.max, d.due_open[0], d.due_open[1]) for d in found
    }
    assert all(deadline_to_dict(d)["due"][1] is None for d in found)
    assert "last day on or after 2023-01-" in text
    assert not STAND_INS.search(text)


def test_deadlines_due_before_an_open_start() -> None:
    """An open start gives 'on or before' the due day."""
    from proceedings.render._text import render_deadlines_text

    found = deadlines(record(detention("d", "../2023-01-01")), as_of=D(2023, 1, 2))

    assert "last day on or before 2023-01-" in render_deadlines_text(found, as_of="2023-01-02")


def test_timeline_of_open_dates_draws_known_days() -> None:
    """Spans and milestones of open dates use the known day, never year 1 or 9999."""
    rec = record(
        detention("d", "../2023-01-01"),
        event("release", "x", "2023-01-05/.."),
    )
    model = timeline(rec)

    mermaid = timeline_to_mermaid(model)
    dot = timeline_to_dot(model)

    assert not STAND_INS.search(mermaid)
    assert "../2023-01-01" in mermaid
    assert "2023-01-05/.." in dot
    assert [(D(2023, 1, 1), D(2023, 1, 5))] == [
        (s.start, s.end) for s in model.spans if s.track == "custody"
    ]


# -- properties --------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(pst.records(max_events=6))
def test_effective_dates_lie_within_the_written_ones(rec: CaseRecord) -> None:
    """Every effective date is a sub-span of the written date, and narrowing is idempotent."""
    dates = timing(rec).dates
    timed = with_effective_dates(rec)

    assert [] == list(timing(rec).problems)
    for ev, d in zip(rec.events, dates, strict=True):
        assert ev.date.earliest <= d.earliest <= d.latest <= ev.date.latest
    assert timed is with_effective_dates(timed)


@settings(max_examples=60, deadline=None)
@given(pst.records(max_events=6))
def test_generated_timings_round_trip(rec: CaseRecord) -> None:
    """Records with relative timings dump and load back equal."""
    assert rec == codec.structure(codec.unstructure(rec))


@settings(max_examples=40, deadline=None)
@given(pst.records(max_events=6))
def test_the_timeline_never_draws_a_stand_in(rec: CaseRecord) -> None:
    """No diagram of a generated record shows 0001-01-01 or 9999-12-31 unless a date says so."""
    written = " ".join(ev.date.text for ev in rec.events)
    model = timeline(rec)

    for text in (timeline_to_mermaid(model), timeline_to_dot(model)):
        for stand_in in STAND_INS.findall(text):
            assert stand_in in written


def test_records_strategy_draws_timings() -> None:
    """The records strategy sometimes draws an after (found by search)."""
    from hypothesis import Phase, find

    found = find(
        pst.records(min_events=2, max_events=4),
        lambda r: any(ev.after is not None for ev in r.events),
        settings=settings(max_examples=2000, database=None, phases=[Phase.generate]),
    )

    assert any(ev.after is not None for ev in found.events)


@given(st.data())
@settings(max_examples=30, deadline=None)
def test_generated_events_with_timing_are_consistent(data: st.DataObject) -> None:
    """A drawn after always fits the event's date (the record builds)."""
    rec = data.draw(pst.records(min_events=2, max_events=5))
    for i, ev in enumerate(rec.events):
        if ev.after is not None:
            target = rec.event(ev.after.event)
            assert rec.events.index(target) < i
    assert attrs.evolve(rec) == rec


def test_an_invalid_date_text_is_never_printed_for_a_narrowed_date() -> None:
    """A narrowed date is a valid date text of its own (it parses back)."""
    rec = record(
        detention("d", "2010-06-09T08:00"),
        event("release", "r", "2010-06-10T22:00/2010-06-20", after=after("d", "1/3")),
    )

    for d in timing(rec).dates:
        assert d == UncertainDate.parse(d.text)


def test_the_days_between_events_follow_their_relative_timing() -> None:
    """Released two days after a detention dated to the month: 2 days apart, not 0 to 30."""
    from proceedings import validate
    from proceedings.codec import structure

    def held(after: dict[str, str] | None) -> object:
        release = {"type": "release", "id": "r", "date": "2023-03", "jurisdiction": "KZ"}
        if after is not None:
            release["after"] = after  # type: ignore[assignment]
        return structure(
            {
                "id": "x",
                "person": {"id": "p", "nationalities": ["RU"]},
                "events": [
                    {
                        "type": "detention",
                        "id": "d",
                        "date": "2023-03",
                        "jurisdiction": "KZ",
                        "ground": "wanted_person",
                    },
                    {
                        "type": "hearing",
                        "id": "h",
                        "date": "2023-03",
                        "jurisdiction": "KZ",
                        "kind": "questioning",
                        "after": {"event": "d", "days": "1"},
                    },
                    release,
                ],
            }
        )

    def notes(rec: object) -> list[str]:
        return [f.certainty.value for f in validate(rec).findings if f.rule_id == "KZ-CPC-587"]  # type: ignore[arg-type]

    assert (["undetermined"], [], [], ["certain"]) == (
        notes(held(None)),
        notes(held({"event": "d", "days": "2"})),
        notes(held({"event": "h", "days": "1"})),  # through a chain: 1 + 1 days
        notes(held({"event": "h", "days": "5"})),  # 6 days: certainly more than 72 hours
    )
