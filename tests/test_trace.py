"""Explanations: the trace of the rules per event, and the point-in-time view (``as_of``).

The trace is written by the engine where it decides, so the rules that fired
must be exactly the report's findings, for every bundled record and every
account; the reasons a rule was not checked are tested on records built to
show each one.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import proceedings
from builders import (
    claim,
    detention,
    event,
    law,
    record,
    removal,
)
from proceedings import (
    Certainty,
    RemovalChannel,
    Trace,
    TraceOutcome,
    Truth,
    UncertainDate,
    deadlines,
    trace,
    validate,
)
from proceedings.render import trace_text, trace_to_dict

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted((ROOT / "examples" / "cases").glob("*.json")) + sorted(
    (ROOT / "examples" / "decisions").glob("*.json")
)
SEEDS = sorted((ROOT / "examples" / "cases").glob("*.json"))
VERIFIED_ONLY = law(verified_only=True)


def _load(path: Path) -> proceedings.CaseRecord:
    with path.open("rb") as fp:
        return proceedings.load(fp)


def _entry(found: Trace, event_id: str, rule_id: str) -> proceedings.TraceEntry:
    (ev,) = [ev for ev in found.events if ev.event_id == event_id]
    (entry,) = [e for e in ev.entries if e.rule_id == rule_id]
    return entry


# -- the trace agrees with the report ---------------------------------------------------


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_the_fired_rules_are_the_findings_of_every_bundled_record(path: Path) -> None:
    """For every bundled record, under each law and account, fired entries == findings."""
    rec = _load(path)
    for chosen in (proceedings.law.DEFAULT_LAW, VERIFIED_ONLY):
        found = trace(rec, law=chosen)
        assert validate(rec, law=chosen).findings == found.findings
        for account in [a.name for a in rec.accounts]:
            alone = trace(rec, law=chosen, accounts=[account])
            per_account = validate(rec, law=chosen, accounts=[account]).findings
            assert per_account == alone.findings
            assert sorted(per_account, key=repr) == sorted(
                (f for e in alone.fired for f in e.findings), key=repr
            )


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_each_seed_event_lists_every_rule_once(path: Path) -> None:
    """Each event of each account has one entry per rule of the law, checked or not."""
    rec = _load(path)
    found = trace(rec)
    ids = [r.id for r in proceedings.law.DEFAULT_LAW.all_rules]
    per_account = len(rec.accounts) or 1
    assert len(found.events) == sum(1 for acc, view in proceedings._engine.views(rec) for _ in view)
    assert per_account == len({ev.account for ev in found.events})
    for ev in found.events:
        assert ids == [e.rule_id for e in ev.entries]
        for e in ev.entries:
            triggered = ev.event_type in proceedings.law.DEFAULT_LAW.rule(e.rule_id).on
            assert (e.outcome is TraceOutcome.NOT_THIS_EVENT) == (not triggered)
            assert bool(e.findings) == (e.outcome is TraceOutcome.FIRED)


# -- why a rule was not checked ----------------------------------------------------------


def test_a_rule_out_of_force_on_the_event_is_not_in_force() -> None:
    """KZ-GOV-175 (from 2017-04-06) on a removal of 2016 is not in force, with its dates."""
    rec = record(removal("r", "2016-05-01"))
    entry = _entry(trace(rec), "r", "KZ-GOV-175")
    assert (TraceOutcome.NOT_IN_FORCE, "in force from 2017-04-06", Truth.FALSE) == (
        entry.outcome,
        entry.detail,
        entry.binding,
    )
    later = _entry(trace(record(removal("r", "2018-05-01"))), "r", "KZ-GOV-175")
    assert later.checked


def test_a_date_that_straddles_entry_into_force_is_checked_undetermined() -> None:
    """A removal in Dec 2014/Jan 2015 is checked by KZ-CPC-592 (in force 2015), binding unknown."""
    rec = record(removal("r", "2014-12/2015-01"))
    entry = _entry(trace(rec), "r", "KZ-CPC-592")
    assert entry.checked
    assert Truth.UNKNOWN is entry.binding
    assert "2015-01-01" in entry.detail


def test_a_non_party_state_gives_not_party() -> None:
    """Kazakhstan is not party to the ECHR: its rules are not party, with the party row."""
    rec = record(removal("r", "2023-02-01"))
    entry = _entry(trace(rec), "r", "ECHR-3-REMOVAL")
    assert (TraceOutcome.NOT_PARTY, "KZ is not party to echr") == (entry.outcome, entry.detail)


def test_a_party_not_yet_bound_gives_not_party_with_its_row() -> None:
    """A state party from a date, on an event before it: not party, naming the date."""
    chosen = proceedings.law.DEFAULT_LAW
    rule = chosen.rule("ECHR-3-REMOVAL")
    assert rule.treaty is not None
    party = chosen.party(rule.treaty, "RU") or chosen.party(rule.treaty, "FR")
    assert party is not None
    before = party.since.earliest - datetime.timedelta(days=400)
    rec = record(removal("r", before.isoformat(), where=party.state, destination="TR"))
    entry = _entry(trace(rec), "r", "ECHR-3-REMOVAL")
    assert TraceOutcome.NOT_PARTY is entry.outcome
    assert f"from {party.since.text}" in entry.detail


def test_verified_only_gives_not_verified() -> None:
    """Under verified_only, an unverified rule the event triggers is not verified."""
    rec = record(claim("c", "2023-01-10"), removal("r", "2023-02-01"))
    assert not proceedings.law.DEFAULT_LAW.rule("CAT-3").verified
    entry = _entry(trace(rec, law=VERIFIED_ONLY), "r", "CAT-3")
    assert TraceOutcome.NOT_VERIFIED is entry.outcome
    assert _entry(trace(rec), "r", "CAT-3").checked


def test_a_rule_left_out_by_the_selection_is_not_selected() -> None:
    """A rule --ignore or --select leaves out is 'not selected' at the events that would
    trigger it, and still 'not this event' at the others; the rest are checked."""
    rec = record(claim("c", "2023-01-10"), removal("r", "2023-02-01"))
    books = proceedings.law.DEFAULT_LAW.rulebooks
    ignoring = trace(rec, law=proceedings.law.Law(rulebooks=books, ignore=("CAT-3",)))
    assert TraceOutcome.NOT_SELECTED is _entry(ignoring, "r", "CAT-3").outcome
    assert TraceOutcome.NOT_THIS_EVENT is _entry(ignoring, "c", "CAT-3").outcome
    assert _entry(ignoring, "r", "ICCPR-7").checked
    selecting = trace(rec, law=proceedings.law.Law(rulebooks=books, select=("CAT",)))
    assert _entry(selecting, "r", "CAT-3").checked
    assert TraceOutcome.NOT_SELECTED is _entry(selecting, "r", "ICCPR-7").outcome


def test_a_breach_repeated_by_later_events_is_already_reported() -> None:
    """A limit that stays exceeded fires once; later events say it was reported before."""
    rec = _load(ROOT / "examples" / "cases" / "emelyanova.json")
    found = trace(rec)
    outcomes = [
        (ev.event_id, e.outcome)
        for ev in found.events
        for e in ev.entries
        if e.rule_id == "KZ-CPC-587"
    ]
    first_fired = [i for i, (_, o) in enumerate(outcomes) if o is TraceOutcome.FIRED]
    repeated = [i for i, (_, o) in enumerate(outcomes) if o is TraceOutcome.ALREADY_REPORTED]
    assert first_fired
    assert repeated
    assert min(first_fired) < min(repeated)


def test_a_rule_of_another_jurisdiction_says_where_it_applies() -> None:
    """A French rule on a Kazakh removal is not this jurisdiction."""
    entry = _entry(trace(record(removal("r", "2023-02-01"))), "r", "FR-CESEDA-L541")
    assert (TraceOutcome.NOT_THIS_JURISDICTION, "applies in FR") == (entry.outcome, entry.detail)


def test_a_fired_entry_carries_the_finding() -> None:
    """R-REF-33 fires on a removal while a claim is pending, with its finding."""
    rec = record(claim("c", "2023-01-10"), removal("r", "2023-02-01"))
    entry = _entry(trace(rec), "r", "R-REF-33")
    (finding,) = entry.findings
    assert (TraceOutcome.FIRED, "R-REF-33") == (entry.outcome, finding.rule_id)
    assert _entry(trace(rec), "c", "R-REF-33").outcome is TraceOutcome.NOT_THIS_EVENT


# -- as of a date ------------------------------------------------------------------------


def test_a_removal_after_the_date_gives_no_removal_finding() -> None:
    """As of a day before the removal, it does not count: no R-REF-33, and it is not counted."""
    rec = record(claim("c", "2023-01-10"), removal("r", "2023-02-01"))
    full = {f.rule_id for f in validate(rec).findings}
    assert "R-REF-33" in full
    then = validate(rec, as_of=datetime.date(2023, 1, 20))
    assert "R-REF-33" not in {f.rule_id for f in then.findings}
    found = trace(rec, as_of=datetime.date(2023, 1, 20))
    assert (("r",), ["c"]) == (found.not_counted, [ev.event_id for ev in found.events])
    assert then.findings == found.findings


def test_an_event_whose_date_straddles_the_date_counts_as_possibly_before() -> None:
    """A removal in Jan 2023, as of 20 Jan: replayed, and what rests on it is undetermined."""
    rec = record(claim("c", "2023-01-05"), removal("r", "2023-01"))
    assert Certainty.UNDETERMINED is not _ref33(validate(rec)).certainty
    then = _ref33(validate(rec, as_of=UncertainDate.parse("2023-01-20")))
    assert Certainty.UNDETERMINED is then.certainty
    assert "had happened by 2023-01-20" in then.message
    (removed,) = [ev for ev in trace(rec, as_of=datetime.date(2023, 1, 20)).events if ev.pending]
    assert "r" == removed.event_id


def _ref33(report: proceedings.Report) -> proceedings.Finding:
    (finding,) = [f for f in report.findings if f.rule_id == "R-REF-33"]
    return finding


def test_an_event_listed_after_a_later_one_does_not_count_either() -> None:
    """The list order is the order of events: after a dropped event, every event is dropped."""
    rec = record(claim("c", "2023-01-05"), detention("d", "2023-02-01"), removal("r", "2023"))
    found = trace(rec, as_of=datetime.date(2023, 1, 20))
    assert ("d", "r") == found.not_counted


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_as_of_after_the_last_event_is_the_full_report(path: Path) -> None:
    """As of a day after every event could have happened, the report is the full one."""
    rec = _load(path)
    full = validate(rec)
    assert full == validate(rec, as_of=datetime.date.max)
    last = max(ev.date.latest for ev in rec.events)
    if last < datetime.date.max:
        assert full == validate(rec, as_of=last + datetime.timedelta(days=1))


DEADLINE = (
    detention("arrest", "2023-01-02", proceedings.DetentionGround.EXTRADITION_ARREST),
    event("extradition_requested", "request", "2023-01-05", requesting_state="RU"),
    event("extradition_decided", "approval", "2023-01-10", outcome="approved", request="request"),
)


def test_a_time_limit_that_starts_after_the_date_is_not_running() -> None:
    """The 10-day appeal window opens with the approval of 10 Jan: not running on 8 Jan."""
    rec = record(*DEADLINE)
    on_8 = [d.rule_id for d in deadlines(rec, as_of=datetime.date(2023, 1, 8))]
    on_15 = [(d.rule_id, d.expired) for d in deadlines(rec, as_of=datetime.date(2023, 1, 15))]
    assert "KZ-CPC-592" not in on_8
    assert ("KZ-CPC-592", Truth.FALSE) in on_15


def test_a_time_limit_stopped_later_is_still_running_on_the_date() -> None:
    """On 3 Jan, before the request of 5 Jan, the 40-day clock of the arrest runs."""
    rec = record(*DEADLINE)
    on_3 = {d.rule_id: d for d in deadlines(rec, as_of=datetime.date(2023, 1, 3))}
    assert "KZ-CPC-588" in on_3
    assert (Truth.FALSE, Truth.TRUE) == (on_3["KZ-CPC-588"].expired, on_3["KZ-CPC-588"].started)
    assert "KZ-CPC-588" not in {d.rule_id for d in deadlines(rec, as_of=datetime.date(2023, 1, 6))}


def test_a_clock_started_by_a_pending_event_may_not_have_started() -> None:
    """An approval dated Jan 2023, as of 8 Jan: its window is listed, its start undetermined."""
    rec = record(
        *DEADLINE[:2],
        event("extradition_decided", "approval", "2023-01", outcome="approved", request="request"),
    )
    (window,) = [
        d for d in deadlines(rec, as_of=datetime.date(2023, 1, 8)) if d.rule_id == "KZ-CPC-592"
    ]
    assert (Truth.UNKNOWN, Truth.FALSE) == (window.started, window.expired)


# -- output ------------------------------------------------------------------------------


def test_text_lists_each_rule_with_its_outcome() -> None:
    """The text has a line per rule: fired with its finding, silent, not party."""
    rec = record(claim("c", "2023-01-10"), removal("r", "2023-02-01"))
    text = trace_text(trace(rec), width=None)
    assert "2023-02-01  removal  'r'  (KZ)" in text
    finding = _ref33(validate(rec))
    assert (
        f"fired            R-REF-33  {finding.severity.value} ({finding.certainty.value}): "
        f"{finding.message}"
    ) in text
    assert "not party        ECHR-13 (KZ is not party to echr)" in text
    assert "silent           KZ-CPC-592" in text
    assert "not this event" not in text
    assert "not this event   R-REF-33 (runs on removal)" in trace_text(
        trace(rec), all_rules=True, width=None
    )


def test_text_escapes_the_record() -> None:
    """Control characters in a message or a name are shown as escapes, never sent as is."""
    rec = record(claim("c", "2023-01-10"), removal("r", "2023-02-01"))
    found = trace(rec)
    ev = found.events[-1]
    fired = next(e for e in ev.entries if e.findings)
    hostile = attrs.evolve(
        fired,
        findings=(attrs.evolve(fired.findings[0], message="cleared\x1b[2J\u202e"),),
        detail="odd\x07",
    )
    doctored = attrs.evolve(
        found,
        record_id="bad\u202eid",
        events=(attrs.evolve(ev, account="acc\x1b", entries=(hostile,)),),
    )
    text = trace_text(doctored)
    assert not {"\x1b", "\u202e", "\x07"} & set(text)
    shown = [
        p for p in ("cleared\\x1b[2J\\u202e", "bad\\u202eid", "acc\\x1b", "odd\\x07") if p in text
    ]
    assert 4 == len(shown), text


def test_json_gives_the_findings_as_validate_does() -> None:
    """The JSON form lists the rules per event; fired ones carry the report's findings."""
    rec = record(claim("c", "2023-01-10"), removal("r", "2023-02-01"))
    data = json.loads(json.dumps(trace_to_dict(trace(rec))))
    fired = [f["rule_id"] for ev in data["events"] for r in ev["rules"] for f in r["findings"]]
    assert sorted(f.rule_id for f in validate(rec).findings) == sorted(fired)
    assert {"not_this_event"} == {
        r["outcome"]
        for ev in trace_to_dict(trace(rec), all_rules=True)["events"]
        for r in ev["rules"]
    } - {r["outcome"] for ev in data["events"] for r in ev["rules"]}


# -- the command -------------------------------------------------------------------------


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "proceedings", *map(str, args)],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )


def test_explain_case_prints_the_trace_and_exits_1_on_violations() -> None:
    """explain --case on a seed case with violations: every finding fired, exit 1."""
    path = ROOT / "examples" / "cases" / "kasimov.json"
    done = _run("explain", "--case", path)
    assert 1 == done.returncode, done.stderr
    assert "Trace of kasimov" in done.stdout
    assert "not party        ECHR-13 (KZ is not party to echr)" in done.stdout
    for finding in validate(_load(path)).findings:
        assert f"fired            {finding.rule_id}  {finding.severity.value}" in done.stdout


def test_explain_case_json(tmp_path: Path) -> None:
    """--format json gives the trace; --all adds the rules the events do not trigger."""
    path = ROOT / "examples" / "cases" / "zhilin.json"
    done = _run("explain", "--case", path, "--format", "json", "--account", "crossed-26-sep")
    data = json.loads(done.stdout)
    assert ["crossed-26-sep"] == data["accounts"]
    fired = sorted(
        (f["rule_id"], f["message"])
        for ev in data["events"]
        for r in ev["rules"]
        for f in r["findings"]
    )
    report = validate(_load(path), accounts=["crossed-26-sep"])
    assert sorted((f.rule_id, f.message) for f in report.findings) == fired
    every = json.loads(
        _run("explain", "--case", path, "-f", "json", "--all", "--account", "crossed-26-sep").stdout
    )
    assert "not_this_event" in {r["outcome"] for ev in every["events"] for r in ev["rules"]}


def test_explain_case_exits_0_when_nothing_is_violated(tmp_path: Path) -> None:
    """A record without violations: exit 0; and --as-of before a removal drops it."""
    rec = record(claim("c", "2023-01-10"), removal("r", "2023-02-01"))
    path = tmp_path / "r.json"
    path.write_text(proceedings.dumps(rec), encoding="utf-8")
    assert 1 == _run("explain", "--case", path).returncode
    done = _run("explain", "--case", path, "--as-of", "2023-01-20")
    assert 0 == done.returncode, done.stderr
    assert "Not counted (after 2023-01-20): 'r'" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--case", "nope.json"], "cannot read"),
        (["--case", "examples/cases/zhilin.json", "--as-of", "soon"], "invalid date"),
        (["--case", "examples/cases/zhilin.json", "--account", "x"], "no account 'x'"),
        (["KZ-CPC-592", "--case", "examples/cases/zhilin.json"], "not both"),
        (["--all"], "--all needs --case"),
        (["--select", "KZ"], "--select needs --case"),
        ([], "give a RULE-ID"),
    ],
)
def test_explain_case_bad_input_exits_2(args: list[str], message: str) -> None:
    """A bad file, date, account or combination of arguments: exit 2 and a message."""
    done = _run("explain", *args)
    assert 2 == done.returncode
    assert message in done.stderr


def test_explain_case_takes_the_law_options_of_validate() -> None:
    """--ignore, --select and --law choose the law traced, as they do for validate."""
    path = ROOT / "examples" / "cases" / "kasimov.json"
    done = _run("explain", "--case", path, "--ignore", "KZ")
    assert done.returncode in {0, 1}, done.stderr
    assert "not selected" in done.stdout
    assert "fired            KZ-" not in done.stdout
    wrong = _run("explain", "--case", path, "--select", "NOPE")
    assert 2 == wrong.returncode
    assert "'NOPE' selects no rule" in wrong.stderr


def test_explain_rule_still_works() -> None:
    """explain RULE-ID explains the rule as before."""
    done = _run("explain", "KZ-CPC-592")
    assert 0 == done.returncode
    assert done.stdout.startswith("KZ-CPC-592  ")


def test_validate_as_of_is_a_point_in_time_view(tmp_path: Path) -> None:
    """validate --as-of drops the later events from the findings, not only from the limits."""
    rec = record(claim("c", "2023-01-10"), removal("r", "2023-02-01", RemovalChannel.DEPORTATION))
    path = tmp_path / "r.json"
    path.write_text(proceedings.dumps(rec), encoding="utf-8")
    full = json.loads(_run("validate", "-f", "json", path).stdout)["reports"][0]
    then = json.loads(_run("validate", "-f", "json", "--as-of", "2023-01-20", path).stdout)
    assert "R-REF-33" in {f["rule_id"] for f in full["findings"]}
    assert "R-REF-33" not in {f["rule_id"] for f in then["reports"][0]["findings"]}


def test_a_breach_towards_a_non_party_state_is_not_party() -> None:
    """Held in 2024 on a listing by Ukraine, which left the Minsk Convention on 2023-12-29:
    the forty-day breach is dropped, and the trace says the other state was not party."""
    rec = record(
        event("wanted_listing", "w", "2024-01-05", "UA", scope="interstate"),
        detention("d", "2024-01-10"),
        event("release", "out", "2024-03-10", detention="d"),
    )
    entry = _entry(trace(rec), "out", "CIS-MINSK-62")
    assert TraceOutcome.NOT_PARTY is entry.outcome
    assert entry.detail.startswith("the other state: UA")
