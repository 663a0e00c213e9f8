"""Dates at the ends of the calendar: years 1 and 9999 (issue 12, "hostile input").

The record format accepts every year from 0001 to 9999, uncertain dates in
them (``9999-12``, ``9999-XX-XX``, ``999X``) and open intervals. Whatever
arithmetic runs past 9999-12-31 or before 0001-01-01 must neither overflow
nor pretend: a time limit whose last day falls after the calendar's end is
"on or after 9999-12-31" and has not run out on any day a record can give; a
calendar period that ends there has not either.

The properties draw records from the library's own strategies, over the whole
range and crowded at both ends, and check that validation, time limits, the
strict replay, every output format and the timeline diagrams run; the
examples pin the answers chosen at the end of the calendar.
"""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import proceedings
from builders import (
    claim,
    decision,
    detention,
    extradition,
    of_rule,
    record,
    removal,
    request,
)
from proceedings import (
    AsylumOutcome,
    CaseRecord,
    Certainty,
    Proceeding,
    ProceedingsError,
    RemovalChannel,
    Severity,
    Truth,
    UncertainDate,
    cli,
    render,
    validate,
)
from proceedings import deadlines as proceedings_deadlines
from proceedings._durations import add_days, leaves_calendar, shift_day
from proceedings.corpus import Outcome
from proceedings.law._common import add_months
from proceedings.strategies import lawful_histories, records, uncertain_dates

FIRST = datetime.date(1, 1, 1)
LAST = datetime.date(9999, 12, 31)


def _edge_records(max_accounts: int) -> st.SearchStrategy[CaseRecord]:
    """Records over the whole range, and records crowded into the first and last
    years, where the arithmetic runs off the calendar."""
    return st.one_of(
        records(max_events=12, max_accounts=max_accounts, min_year=1, max_year=9999),
        records(max_events=12, max_accounts=max_accounts, min_year=9998, max_year=9999),
        records(max_events=12, max_accounts=max_accounts, min_year=1, max_year=2),
    )


EDGE_RECORDS = _edge_records(max_accounts=1)
#: The days to measure against: both ends, any day, any uncertain date.
AS_OF = st.one_of(
    st.sampled_from([FIRST, LAST]),
    st.dates(FIRST, LAST),
    uncertain_dates(min_year=1, max_year=9999),
    uncertain_dates(min_year=9999, max_year=9999),
)
#: Lawful histories started anywhere, and within a few months of either end.
EDGE_STARTS = st.one_of(
    st.dates(FIRST, LAST),
    st.dates(FIRST, datetime.date(1, 3, 1)),
    st.dates(datetime.date(9999, 9, 1), LAST),
)
EDGE_HISTORIES = EDGE_STARTS.flatmap(lambda start: lawful_histories(max_events=8, start=start))


def _as_of_day(as_of: UncertainDate | datetime.date) -> UncertainDate:
    return as_of if isinstance(as_of, UncertainDate) else UncertainDate.from_date(as_of)


def _check_deadlines(
    statuses: tuple[proceedings.DeadlineStatus, ...], as_of: UncertainDate | datetime.date
) -> None:
    """What every time limit must satisfy, whatever the dates."""
    day = _as_of_day(as_of)
    for status in statuses:
        first, last = status.due
        assert first <= last
        if status.due_open[1]:
            # An unknown latest day is written as the calendar's last, never as a day.
            assert LAST == last
        if not status.due_open[0] and not day.has_time and day.earliest <= first:
            # On or before the earliest possible last day, no limit has run out:
            # in particular none whose last day falls after 9999-12-31.
            assert Truth.TRUE is not status.expired


# -- properties ---------------------------------------------------------------------------


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(rec=EDGE_RECORDS, as_of=AS_OF)
def test_validate_and_deadlines_run_over_the_whole_calendar(
    rec: CaseRecord, as_of: UncertainDate | datetime.date
) -> None:
    """validate() and deadlines() answer for any record of years 1..9999, as of any day,
    and no time limit has run out on or before its earliest possible last day."""
    report = validate(rec)
    statuses = proceedings_deadlines(rec, as_of=as_of)
    assert rec.id == report.record_id
    _check_deadlines(statuses, as_of)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(rec=EDGE_HISTORIES, as_of=st.sampled_from([FIRST, LAST]))
def test_the_strict_replay_runs_at_both_ends_of_the_calendar(
    rec: CaseRecord, as_of: datetime.date
) -> None:
    """A lawful history started near 0001-01-01 or 9999-12-31 replays strictly, event by
    event, and the proceeding answers allowed() and deadlines() as of either end."""
    proc = Proceeding.from_record(rec)
    assert rec.events == proc.record.events
    answers = proc.allowed(as_of=as_of, jurisdiction="KZ")
    # On the calendar's last day, after every event, something can always be asked about.
    assert answers or as_of == FIRST
    assert all(a.lawful in set(Truth) for a in answers)
    _check_deadlines(proc.deadlines(as_of=as_of), as_of)


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(rec=_edge_records(max_accounts=0))
def test_any_record_is_applied_or_refused_with_a_documented_error(rec: CaseRecord) -> None:
    """Applying any record's events strictly either succeeds or raises one of the library's
    errors (a refusal, a bad record), never an overflow or an assertion."""
    proc = Proceeding(person=rec.person)
    for ev in rec.events:
        try:
            proc.apply(ev)
        except ProceedingsError:
            break
    if proc.record.events:
        for as_of in (FIRST, LAST):
            assert all(a.lawful in set(Truth) for a in proc.allowed(as_of=as_of))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(rec=EDGE_RECORDS, as_of=st.sampled_from([FIRST, LAST]))
def test_every_output_format_and_diagram_renders_the_whole_calendar(
    rec: CaseRecord, as_of: datetime.date
) -> None:
    """Every validate format writes a record of years 1..9999 with its time limits, and the
    case timeline (``proceedings diagram --case``) draws it as Mermaid and DOT."""
    outcome = Outcome(
        source="edge.json",
        report=validate(rec),
        as_of=as_of.isoformat(),
        deadlines=proceedings_deadlines(rec, as_of=as_of),
    )
    for name, factory in render.FORMATS.items():
        out = io.StringIO()
        summary = render.write_outcomes([outcome], factory(), out)
        assert 1 == summary.records, name
        assert 0 == summary.internal_errors, name
        if name in {"json", "sarif"}:
            json.loads(out.getvalue())
    model = render.timeline(rec)
    mermaid = render.timeline_to_mermaid(model)
    dot = render.timeline_to_dot(model)
    assert mermaid.startswith("gantt\n")
    assert dot.startswith("digraph timeline {")
    assert len(rec.events) == mermaid.split("section Events\n", 1)[1].count(" : ") - len(
        model.spans
    )


@given(day=st.dates(FIRST, LAST), days=st.integers(-4_000_000, 4_000_000))
def test_shifted_days_saturate_and_say_so(day: datetime.date, days: int) -> None:
    """shift_day and add_days stay on the calendar; leaves_calendar says exactly when they
    were cut at one of its ends."""
    date = UncertainDate.from_date(day)
    earliest, latest = add_days(date, days)
    left = leaves_calendar(date, days)
    assert earliest == latest == shift_day(day, days)
    ordinal = day.toordinal() + days
    assert (left[0], left[1]) == ((ordinal > LAST.toordinal() or ordinal < 1),) * 2
    if not left[0]:
        assert ordinal == earliest.toordinal()


@given(day=st.dates(FIRST, LAST), months=st.integers(-200_000, 200_000))
def test_add_months_saturates_at_both_ends(day: datetime.date, months: int) -> None:
    """add_months never raises: past 9999-12 it is date.max, before 0001-01 date.min."""
    moved = add_months(day, months)
    index = day.year * 12 + day.month - 1 + months
    if index >= 10000 * 12:
        assert datetime.date.max == moved
    elif index < 12:
        assert datetime.date.min == moved
    else:
        assert (index // 12, index % 12 + 1) == (moved.year, moved.month)
        assert moved.day <= day.day


# -- examples: the answers chosen at the end of the calendar ---------------------------------


def test_add_months_examples_at_both_ends() -> None:
    """A month after the calendar's last day is date.max, a month before its first date.min
    (this was an AssertionError); inside, the month's last day stands in for a missing one."""
    assert datetime.date.max == add_months(LAST, 1)
    assert datetime.date.min == add_months(datetime.date(1, 1, 31), -1)
    assert datetime.date(9999, 12, 30) == add_months(datetime.date(9999, 11, 30), 1)
    assert datetime.date(9999, 2, 28) == add_months(datetime.date(9998, 11, 30), 3)


def _kz_ref_11(claimed: str, decided: str) -> list[tuple[Severity, Certainty, tuple[str, ...]]]:
    rec = record(
        claim("claim", claimed),
        decision("decision", decided, AsylumOutcome.REFUSED),
    )
    return of_rule(validate(rec), "KZ-REF-11")


def test_kz_ref_11_a_period_ending_inside_the_calendar_is_counted() -> None:
    """Three months from 9999-09-15 end on 9999-12-15: a decision on 9999-12-31 is late,
    and a year from the claim ends after the calendar, so it is not 'more than a year'."""
    assert [(Severity.WARNING, Certainty.CERTAIN, ("decision", "claim"))] == _kz_ref_11(
        "9999-09-15", "9999-12-31"
    )
    rec = record(
        claim("claim", "9999-09-15"), decision("decision", "9999-12-31", AsylumOutcome.REFUSED)
    )
    (finding,) = [f for f in validate(rec).findings if f.rule_id == "KZ-REF-11"]
    assert "more than three months" in finding.message
    assert "possibly more than a year" not in finding.message


def test_kz_ref_11_a_period_ending_after_the_calendar_has_not_run_out() -> None:
    """Three months from 9999-10-15 end after 9999-12-31: a decision on the calendar's last
    day is in time (no finding); one open at the end may be later, so it is undetermined."""
    assert [] == _kz_ref_11("9999-10-15", "9999-12-31")
    assert [] == _kz_ref_11("9999-10-15", "9999-XX-XX")
    assert [(Severity.WARNING, Certainty.UNDETERMINED, ("decision", "claim"))] == _kz_ref_11(
        "9999-10-15", "9999-12-31/.."
    )


def _extradition_record(
    approved: str, *, surrendered: str | None = None, ident: str = "edge-9999"
) -> CaseRecord:
    events = [request("request", "9999-12-20"), extradition("approval", approved)]
    if surrendered is not None:
        events.append(removal("surrender", surrendered, RemovalChannel.EXTRADITION))
    return record(*events, ident=ident)


def test_an_appeal_period_past_the_end_of_the_calendar_is_running_not_expired() -> None:
    """The 10-day appeal period from an approval on 9999-12-25 would end on 10000-01-04:
    its last day is 'on or after 9999-12-31' (latest bound open) and, as of the calendar's
    last day, it is running."""
    rec = _extradition_record("9999-12-25")
    (status,) = proceedings_deadlines(rec, as_of=LAST)
    assert ("KZ-CPC-592", "approval") == (status.rule_id, status.started_by)
    assert (LAST, datetime.date.max) == status.due
    assert (False, True) == status.due_open
    assert Truth.FALSE is status.expired


def test_an_appeal_period_inside_the_calendar_still_expires() -> None:
    """The same period from an approval on 9999-12-15 ends on 9999-12-25, a day like any
    other: closed, and expired as of 9999-12-31."""
    rec = _extradition_record("9999-12-15")
    (status,) = proceedings_deadlines(rec, as_of=LAST)
    assert (datetime.date(9999, 12, 25),) * 2 == status.due
    assert (False, False) == status.due_open
    assert Truth.TRUE is status.expired


def test_a_surrender_on_the_last_day_within_the_appeal_period_is_a_violation() -> None:
    """Surrender on 9999-12-31, six days into the appeal period, breaches KZ-CPC-592."""
    rec = _extradition_record("9999-12-25", surrendered="9999-12-31")
    assert [(Severity.VIOLATION, Certainty.CERTAIN, ("surrender", "approval"))] == of_rule(
        validate(rec), "KZ-CPC-592"
    )


def test_custody_from_the_first_day_of_the_calendar() -> None:
    """Custody from 0001-01-01 (or an open "../0001-01-01", or "000X") is validated and
    measured without error: as of 0001-01-01 no time limit is in force (the law is
    centuries younger); as of 9999-12-31 the 40 days have long run out, unless a removal
    ended the custody."""
    for date in ("0001-01-01", "../0001-01-01", "000X"):
        held = record(detention("d", date))
        removed = record(detention("d", date), removal("r", "0001-01-01/0001-12-31"))
        assert {"PAT-DISGUISED-EXTRADITION"} == validate(removed).rule_ids
        assert () == proceedings_deadlines(held, as_of=FIRST)
        assert () == proceedings_deadlines(removed, as_of=LAST)
        statuses = {d.rule_id: d for d in proceedings_deadlines(held, as_of=LAST)}
        assert {"CIS-MINSK-62", "KZ-CPC-587", "KZ-CPC-588"} == set(statuses)
        assert Truth.TRUE is statuses["KZ-CPC-588"].expired
        assert (date.startswith(".."), False) == statuses["KZ-CPC-588"].due_open


def test_a_custody_limit_from_an_open_start() -> None:
    """Forty days from a detention "on or before 2023-01-10": the earliest last day is unknown
    (date.min, open), the latest is 2023-02-19; as of 2023-03-01 the limit has run out."""
    rec = record(detention("d", "../2023-01-10"))
    statuses = proceedings_deadlines(rec, as_of=datetime.date(2023, 3, 1))
    (status,) = [d for d in statuses if d.rule_id == "KZ-CPC-588"]
    assert (datetime.date.min, datetime.date(2023, 2, 19)) == status.due
    assert (True, False) == status.due_open
    assert Truth.TRUE is status.expired


# -- the command line -----------------------------------------------------------------------


def _write(tmp_path: Path, name: str, rec: CaseRecord) -> Path:
    path = tmp_path / name
    path.write_text(proceedings.dumps(rec), encoding="utf-8")
    return path


@pytest.fixture
def edge_files(tmp_path: Path) -> list[Path]:
    return [
        _write(tmp_path, "running.json", _extradition_record("9999-12-25")),
        _write(
            tmp_path,
            "surrendered.json",
            # Each record of a run has its own id (a repeated one is an input error).
            _extradition_record("9999-12-25", surrendered="9999-12-31", ident="surrendered"),
        ),
        _write(
            tmp_path,
            "asylum.json",
            record(
                claim("claim", "9999-09-15"),
                decision("decision", "9999-12-31", AsylumOutcome.REFUSED),
                ident="asylum-9999",
            ),
        ),
    ]


def test_cli_validate_as_of_the_last_day(edge_files: list[Path]) -> None:
    """``validate --as-of 9999-12-31`` reports each record, the surrender's violation, and
    the running appeal period as 'on or after 9999-12-31'."""
    result = CliRunner().invoke(
        cli.main, ["validate", *map(str, edge_files), "--as-of", "9999-12-31"]
    )
    assert 1 == result.exit_code, result.output
    assert "internal error" not in result.output
    assert "KZ-CPC-592" in result.output
    assert "KZ-REF-11" in result.output
    # The text wraps at 100 columns: read it as one line.
    assert "last day on or after 9999-12-31" in " ".join(result.output.split())
    assert "3 records" in result.output


def test_cli_json_has_a_report_for_every_record(edge_files: list[Path]) -> None:
    """Under ``-f json`` no report is null, and the open last day is null, not a day."""
    result = CliRunner().invoke(
        cli.main, ["validate", *map(str, edge_files), "--as-of", "9999-12-31", "-f", "json"]
    )
    assert 1 == result.exit_code, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    assert 3 == len(data["reports"])
    assert all(report is not None for report in data["reports"])
    assert 0 == data["summary"]["internal_errors"]
    running = next(r for r in data["reports"] if r["source"].endswith("running.json"))
    assert [{"rule_id": "KZ-CPC-592", "due": ["9999-12-31", None], "status": "running"}] == [
        {"rule_id": d["rule_id"], "due": d["due"], "status": d["status"]}
        for d in running["deadlines"]["items"]
    ]


@pytest.mark.parametrize("fmt", ["mermaid", "dot"])
def test_cli_diagram_of_a_case_on_the_last_day(edge_files: list[Path], fmt: str) -> None:
    """``diagram --case`` draws a record whose events end on 9999-12-31."""
    result = CliRunner().invoke(cli.main, ["diagram", "-f", fmt, "--case", str(edge_files[1])])
    assert 0 == result.exit_code, result.output
    assert "9999-12-31" in result.output
    assert "surrender" in result.output
