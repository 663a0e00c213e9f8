"""Tests for the renderers and diagrams of ``proceedings.render``.

These are pure functions of reports, findings and models: the tests build
those directly, so that a change in the law does not change what is tested.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from proceedings import (
    CaseRecord,
    Certainty,
    Finding,
    RecordError,
    Report,
    Severity,
    UnknownName,
    Unverified,
    load,
)
from proceedings._chart import CHART
from proceedings._statechart import diagram_model
from proceedings.codec import structure
from proceedings.corpus import RecordContext
from proceedings.law import DEFAULT_RULEBOOKS, RECORD, all_rules
from proceedings.law import Citation as CitationRef
from proceedings.render import (
    FORMATS,
    TextFormat,
    artifact_uri,
    chart_to_dot,
    chart_to_mermaid,
    finding_lines,
    finding_to_dict,
    render_finding_text,
    render_report_text,
    report_to_dict,
    sarif_log,
    sarif_notification,
    sarif_rule,
    sarif_rules,
    timeline,
    timeline_to_dot,
    timeline_to_mermaid,
    when_phrase,
    write_reports,
)

HERE = Path(__file__).parent
EXAMPLES = HERE.parent / "examples" / "cases"
SARIF_SUBSET = json.loads((HERE / "data" / "sarif-2.1.0-subset.json").read_text("utf-8"))
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _zhilin() -> CaseRecord:
    with (EXAMPLES / "zhilin.json").open("rb") as fp:
        return load(fp)


CAT = CitationRef(
    instrument="Convention against Torture (1984)",
    article="3",
    paragraph="1",
    url="https://example.org/cat",
)
CPC = CitationRef(instrument="Criminal Procedure Code", article="592")

VIOLATION = Finding(
    rule_id="KZ-CPC-592",
    severity=Severity.VIOLATION,
    certainty=Certainty.CERTAIN,
    message="Surrendered before the appeal window closed",
    event_indices=(2, 1),
    event_ids=("surrender", "decision"),
    accounts=("lawyer", "prosecutor"),
    citations=(CPC, CAT),
    date="2022-12-29/2022-12-30",
)
NOTE = Finding(
    rule_id="REC-SEQUENCE",
    severity=Severity.NOTE,
    certainty=Certainty.UNDETERMINED,
    message="release 'r' is not expected while the custody track is 'free'",
    event_indices=(0,),
    event_ids=("r",),
    accounts=("lawyer",),
    unverified=(Unverified.RULE,),
    date="2022-12",
)
REPORT = Report(
    record_id="case-1",
    findings=(NOTE, VIOLATION),
    accounts=("lawyer", "prosecutor"),
    source="cases/case-1.json",
)
CONTEXT = RecordContext(
    title="A. Person",
    event_types=("release", "extradition_decided", "removal"),
    event_lines=(10, 20, 30),
)

# -- strategies for round trips ---------------------------------------------------------

_texts = st.text(max_size=30)
_gaps = st.just(Unverified.RULE) | st.builds(
    Unverified.party, st.sampled_from(["cat", "iccpr"]), st.sampled_from(["KZ", "RU"])
)
citations = st.builds(
    CitationRef,
    instrument=_texts.filter(bool),
    article=st.none() | _texts,
    paragraph=st.none() | _texts,
    url=st.none() | _texts,
    text_date=st.none() | _texts,
    read_at=st.none() | _texts,
)
findings = st.builds(
    Finding,
    rule_id=st.from_regex(r"[A-Z]{2,4}-[A-Z0-9]{1,5}", fullmatch=True),
    severity=st.sampled_from(Severity),
    certainty=st.sampled_from(Certainty),
    message=_texts,
    event_indices=st.lists(st.integers(0, 50), max_size=3).map(tuple),
    event_ids=st.lists(_texts, max_size=3).map(tuple),
    accounts=st.lists(_texts, max_size=2).map(tuple),
    citations=st.lists(citations, max_size=3).map(tuple),
    unverified=st.lists(_gaps, max_size=2, unique=True).map(tuple),
    date=st.none() | _texts,
)
reports = st.builds(
    Report,
    record_id=_texts.filter(bool),
    findings=st.lists(findings, max_size=4).map(tuple),
    accounts=st.lists(_texts, max_size=2).map(tuple),
    source=st.none() | _texts,
)


# -- JSON --------------------------------------------------------------------------------------


def test_finding_to_dict_has_the_documented_keys_in_order() -> None:
    """A finding's JSON form has exactly the documented keys, in the documented order."""
    expected = [
        "rule_id",
        "severity",
        "certainty",
        "message",
        "date",
        "events",
        "event_ids",
        "accounts",
        "verified",
        "unverified",
        "readings",
        "retrospective",
        "citations",
    ]
    assert expected == list(finding_to_dict(VIOLATION))


def test_finding_to_dict_values() -> None:
    """Enums become their values, tuples become lists, absent citation parts become null."""
    data = finding_to_dict(VIOLATION)
    assert data["severity"] == "violation"
    assert data["certainty"] == "certain"
    assert data["events"] == ["$.events[2]", "$.events[1]"]
    assert data["citations"][0] == {
        "instrument": "Criminal Procedure Code",
        "article": "592",
        "paragraph": None,
        "url": None,
        "text_date": None,
        "read_at": None,
    }


def test_report_to_dict_counts_and_context() -> None:
    """A report's JSON form counts findings by severity and has the context's line and events."""
    data = report_to_dict(REPORT, context=RecordContext(line=7, event_types=("a", "b")))
    assert {"violation": 1, "warning": 0, "note": 1} == data["counts"]
    assert (7, 2) == (data["line"], data["events"])
    assert ["record_id", "source", "line", "events", "accounts", "counts", "findings"] == list(data)


def test_report_to_dict_without_context_has_null_line_and_events() -> None:
    """Without a context the keys are still there, with null values."""
    data = report_to_dict(REPORT)
    assert (None, None) == (data["line"], data["events"])


@given(reports)
def test_report_round_trips_through_json(report: Report) -> None:
    """The codec reads back what report_to_dict writes: structure(json(report_to_dict(r))) == r."""
    text = json.dumps(report_to_dict(report), ensure_ascii=False)
    assert report == structure(json.loads(text), Report)


@given(findings)
def test_finding_round_trips(finding: Finding) -> None:
    """The codec's structure inverts finding_to_dict."""
    assert finding == structure(finding_to_dict(finding), Finding)


def test_finding_from_dict_refuses_an_unknown_severity() -> None:
    """A severity that does not exist is an error, not a silent default."""
    data = finding_to_dict(VIOLATION) | {"severity": "catastrophe"}
    with pytest.raises(ValueError, match="catastrophe"):
        structure(data, Finding)


def test_finding_lines_one_json_object_per_finding() -> None:
    """JSON Lines: one line per finding, each a finding dict with its record and line."""
    lines = finding_lines(REPORT, context=CONTEXT)
    assert 2 == len(lines)
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    first = json.loads(lines[0])
    assert ("finding", "case-1", "cases/case-1.json", 10) == (
        first["kind"],
        first["record_id"],
        first["source"],
        first["line"],
    )
    assert finding_to_dict(NOTE).items() <= first.items()


# -- text --------------------------------------------------------------------------------------


def test_text_names_everything_a_reader_needs() -> None:
    """A finding's text has severity, rule id and title, date, event, line, sentence and law."""
    text = render_finding_text(
        VIOLATION,
        context=CONTEXT,
        rule_titles={"KZ-CPC-592": "No surrender before the appeal"},
        all_accounts=("lawyer", "prosecutor"),
    )
    lines = text.splitlines()
    assert "  VIOLATION  KZ-CPC-592  No surrender before the appeal" == lines[0]
    assert (
        "    Between 2022-12-29 and 2022-12-30: removal 'surrender' ($.events[2], line 30)"
        == lines[1]
    )
    assert "    Surrendered before the appeal window closed" == lines[2]
    assert "See also: extradition decided 'decision' ($.events[1], line 20)" in text
    assert "Law: Criminal Procedure Code, art 592" in text
    assert "Convention against Torture (1984), art 3, para 1" in text
    assert "https://example.org/cat" in text
    assert "Holds under every account (lawyer, prosecutor)" in text


def test_text_says_when_a_finding_is_undetermined_or_unverified() -> None:
    """Undetermined certainty and an unverified rule are both spelt out."""
    text = render_finding_text(NOTE, context=CONTEXT, all_accounts=("lawyer", "prosecutor"))
    words = " ".join(text.split())
    assert "undetermined: the possible dates, or the facts on record, do not settle it" in words
    assert "the rule's source text has not been verified" in words
    assert "Holds under account lawyer" in words


def test_text_capitalises_the_sentence() -> None:
    """A message that starts in lower case starts with a capital in the text."""
    text = render_finding_text(NOTE)
    assert "    Release 'r' is not expected" in text


def test_report_text_heading_and_no_findings() -> None:
    """A report's heading names the record, its file and title; an empty one says no findings."""
    text = render_report_text(
        Report(record_id="quiet", source="q.json"),
        context=RecordContext(title="Quiet Case", event_types=("other",)),
    )
    assert ["quiet  q.json", "  Quiet Case", "  1 event · no findings"] == text.splitlines()


def test_report_text_counts() -> None:
    """The heading counts findings by severity and lists the accounts."""
    text = render_report_text(REPORT, context=CONTEXT)
    assert "3 events · 2 accounts (lawyer, prosecutor) · 1 violation, 0 warnings, 1 note" in text


def test_report_text_colour_only_when_asked() -> None:
    """ANSI escapes appear with color=True and never without; the words are the same."""
    plain = render_report_text(REPORT, context=CONTEXT)
    coloured = render_report_text(REPORT, context=CONTEXT, color=True)
    assert not ANSI.search(plain)
    assert ANSI.search(coloured)
    assert plain == ANSI.sub("", coloured)


def test_report_text_wraps_at_width() -> None:
    """No line is longer than the width (URLs and paths are never broken)."""
    long = Finding(
        rule_id="X-1",
        severity=Severity.WARNING,
        certainty=Certainty.CERTAIN,
        message=" ".join(["word"] * 80),
    )
    titles = {"X-1": " ".join(["title"] * 20)}
    text = render_report_text(Report(record_id="r", findings=(long,)), width=60, rule_titles=titles)
    assert max(len(line) for line in text.splitlines()) <= 60
    assert text.splitlines()[3].startswith("  WARNING  X-1  title title")
    assert text.splitlines()[4].startswith(" " * 16 + "title")


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2022-12-06", "On 2022-12-06"),
        ("2022-12-12~", "On 2022-12-12~"),
        ("2022-11", "In 2022-11"),
        ("2023", "In 2023"),
        ("2022-12-01/2022-12-12", "Between 2022-12-01 and 2022-12-12"),
        ("../2022-09-08", "On or before 2022-09-08"),
        ("2022-06~/..", "On or after 2022-06~"),
        ("2022-06-09T22:00", "At 2022-06-09T22:00"),
        ("2022-06-09T22:00:30~", "At 2022-06-09T22:00:30~"),
    ],
)
def test_when_phrase(date: str, expected: str) -> None:
    """Dates read as prose: on a day, in a month or year, between two bounds."""
    assert expected == when_phrase(date)


@pytest.mark.parametrize(
    ("change", "path", "fragment"),
    [
        ({"events": ["$.events[3].date"]}, "$.events[0]", "the path of an event"),
        ({"events": ["$.person"]}, "$.events[0]", "the path of an event"),
        ({"unverified": ["party:cat"]}, "$.unverified[0]", "party:TREATY:STATE"),
        ({"verified": True}, "$.verified", "'unverified' is not empty"),
        ({"verified": "yes"}, "$.verified", "expected true or false"),
        ({"severity": 3}, "$.severity", "not a valid severity"),
        ({"colour": "red"}, "$.colour", "unknown field 'colour' for finding; expected: rule_id"),
    ],
)
def test_a_finding_read_back_is_checked_strictly(
    change: dict[str, Any], path: str, fragment: str
) -> None:
    """Bad finding JSON is refused with the path of each problem, never coerced or ignored."""
    with pytest.raises(RecordError) as info:
        structure(finding_to_dict(NOTE) | change, Finding)

    assert [path] == [p.path for p in info.value.problems]
    assert fragment in info.value.problems[0].message


def test_a_report_read_back_ignores_only_what_is_derived() -> None:
    """``line``, ``events`` and ``counts`` are written for readers, and not read back."""
    data = report_to_dict(REPORT, context=CONTEXT)
    with pytest.raises(RecordError) as info:
        structure(data | {"extra": 1}, Report)

    assert REPORT == structure(data, Report)
    assert ["$.extra"] == [p.path for p in info.value.problems]


def test_context_line_of_a_jsonl_record_is_its_line() -> None:
    """In a JSON Lines corpus every event is on the record's line."""
    ctx = RecordContext(line=42, event_types=("a",), event_lines=(3,))
    assert 42 == ctx.event_line(0)
    assert RecordContext(event_lines=(3,)).event_line(5) is None


# -- SARIF -------------------------------------------------------------------------------------


def _log() -> dict[str, Any]:
    return sarif_log(
        [(REPORT, CONTEXT), (Report(record_id="clean", source="/abs/clean.json"), None)],
        rules=all_rules(),
        tool_version="1.2.3",
        notifications=[sarif_notification("bad", source="broken.json", line=3)],
    )


def test_sarif_log_is_valid_against_the_subset_schema() -> None:
    """The SARIF log validates against the 2.1.0 subset schema."""
    jsonschema.validate(_log(), SARIF_SUBSET, format_checker=jsonschema.FormatChecker())


def test_sarif_subset_schema_rejects_a_wrong_log() -> None:
    """The subset schema is not vacuous: a wrong level or version is refused."""
    log = _log()
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, SARIF_SUBSET)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(_log() | {"version": "2.0.0"}, SARIF_SUBSET)


def test_sarif_results_point_at_their_rules() -> None:
    """Each result's ruleIndex is the index of its ruleId in driver.rules."""
    run = _log()["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["ruleId"] for r in run["results"]] == ["REC-SEQUENCE", "KZ-CPC-592"]
    for result in run["results"]:
        assert result["ruleId"] == rules[result["ruleIndex"]]["id"]


def test_sarif_levels_and_locations() -> None:
    """Violations are errors; the location has the file, the event's line and the record path."""
    result = _log()["runs"][0]["results"][1]
    assert "error" == result["level"]
    location = result["locations"][0]
    assert {"artifactLocation": {"uri": "cases/case-1.json"}, "region": {"startLine": 30}} == (
        location["physicalLocation"]
    )
    assert ["case-1/$.events[2]", "case-1/$.events[1]"] == [
        loc["fullyQualifiedName"] for loc in location["logicalLocations"]
    ]


def test_sarif_rules_cover_every_rule_and_record_check_once() -> None:
    """driver.rules lists every default rule and both record checks, ids unique and stable."""
    ids = [d["id"] for d in sarif_rules(all_rules(DEFAULT_RULEBOOKS))]
    assert len(ids) == len(set(ids))
    assert {"REC-DATE-ORDER", "REC-SEQUENCE"} <= set(ids)
    assert {r.id for r in all_rules()} <= set(ids)
    assert ids == [d["id"] for d in sarif_rules(all_rules(DEFAULT_RULEBOOKS))]


def test_sarif_notifications_report_failed_inputs() -> None:
    """Unreadable inputs are tool notifications, and the run is then not successful."""
    invocation = _log()["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    note = invocation["toolExecutionNotifications"][0]
    assert {"startLine": 3} == note["locations"][0]["physicalLocation"]["region"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("cases/a.json", "cases/a.json"),
        ("my cases/a b.json", "my%20cases/a%20b.json"),
        ("/data/a.json", "file:///data/a.json"),
        ("-", "stdin"),
        (None, "stdin"),
    ],
)
def test_artifact_uri(source: str | None, expected: str) -> None:
    """File names become URI references: relative stay relative, absolute become file URIs."""
    assert expected == artifact_uri(source)


def test_record_checks_are_rules_described_by_what_they_check() -> None:
    """A record check's SARIF descriptor is a rule's, of kind "record", with its description."""
    described = [sarif_rule(r) for r in RECORD.rules]

    assert ["REC-DATE-ORDER", "REC-SEQUENCE"] == [d["id"] for d in described]
    assert {"record"} == {d["properties"]["kind"] for d in described}
    assert [r.description for r in RECORD.rules] == [
        d["fullDescription"]["text"] for d in described
    ]


# -- formats ---------------------------------------------------------------------------------


def test_the_formats_are_registered_by_name() -> None:
    """FORMATS has the text formats of ``validate --format``, each named as it is registered."""
    assert ["text", "concise", "json", "jsonl", "sarif", "csv", "summary-csv"] == list(FORMATS)
    assert all(FORMATS[name]().name == name for name in FORMATS)


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_writes_reports_from_python(name: str) -> None:
    """write_reports writes reports in any format, and says how many it wrote."""
    out = io.StringIO()
    summary = write_reports([REPORT, Report(record_id="clean")], name, out)

    assert (2, {"violation": 1, "warning": 0, "note": 1}) == (summary.records, summary.findings)
    assert "KZ-CPC-592" in out.getvalue()


def test_the_json_format_reads_back_with_the_codec() -> None:
    """The reports of the json format's document are Reports again through the codec."""
    out = io.StringIO()
    write_reports([REPORT], "json", out)
    document = json.loads(out.getvalue())

    assert ("proceedings-report", 1) == (document["format"], document["version"])
    assert [REPORT] == [structure(r, Report) for r in document["reports"]]


def test_the_sarif_format_is_the_log_sarif_log_builds() -> None:
    """Streamed SARIF is, once parsed, the log that sarif_log builds from the same reports."""
    out = io.StringIO()
    write_reports([REPORT], FORMATS["sarif"](), out)

    expected = sarif_log([(REPORT, None)], rules=all_rules(), tool_version=_version(out))
    assert expected == json.loads(out.getvalue())


def _version(out: io.StringIO) -> str:
    version: str = json.loads(out.getvalue())["runs"][0]["tool"]["driver"]["version"]
    return version


# -- diagrams ------------------------------------------------------------------------------

MODEL = diagram_model(CHART)


def test_mermaid_chart_has_every_track_state_and_edge() -> None:
    """The Mermaid statechart has a composite state per track and a line per edge."""
    text = chart_to_mermaid(MODEL)
    assert text.startswith("stateDiagram-v2\n")
    for track in MODEL["tracks"]:
        assert f'state "{track["name"]}" as {track["name"]} {{' in text
        assert f"[*] --> {track['name']}_{track['initial']}" in text
    edges = sum(len(t["edges"]) for t in MODEL["tracks"])
    assert edges == len(re.findall(r"^\s+\w+ --> \w+ : ", text, flags=re.M))
    assert ";" not in text


def test_mermaid_chart_of_one_track() -> None:
    """--track keeps only that track."""
    text = chart_to_mermaid(MODEL, tracks=["custody"])
    assert ["custody"] == re.findall(r'^    state "(\w+)"', text, flags=re.M)


def test_unknown_track_is_refused() -> None:
    """An unknown track name is an error that lists the tracks."""
    with pytest.raises(ValueError, match="unknown track 'nope'; known: presence"):
        chart_to_dot(MODEL, tracks=["nope"])


def test_dot_chart_has_a_cluster_per_track() -> None:
    """The DOT statechart has one cluster per track and balanced braces."""
    text = chart_to_dot(MODEL)
    assert text.startswith("digraph statechart {")
    assert [t.name for t in CHART.tracks] == re.findall(r'subgraph "cluster_(\w+)"', text)
    assert text.count("{") == text.count("}")


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_dot_outputs_are_accepted_by_graphviz() -> None:
    """Graphviz parses the statechart and a timeline without complaint."""
    model = timeline(_zhilin())
    for text in (chart_to_dot(MODEL), timeline_to_dot(model)):
        done = subprocess.run(
            ["dot", "-Tsvg"], input=text, capture_output=True, text=True, check=False
        )
        assert (0, "") == (done.returncode, done.stderr)


def test_timeline_model_follows_the_first_account() -> None:
    """A record with accounts is drawn for its first account unless told otherwise."""
    record = _zhilin()
    model = timeline(record)
    assert record.accounts[0].name == model.account
    ids = [e.id for e in model.events]
    assert "crossing-27-sep" not in ids
    other = timeline(record, account=record.accounts[1].name)
    assert "crossing-27-sep" in [e.id for e in other.events]


def test_timeline_model_spans_follow_state_changes() -> None:
    """Spans record each non-initial state a track entered, in order."""
    model = timeline(_zhilin())
    spans = model.states()
    assert ["irregular", "removed"] == spans[("KZ", "presence")]
    assert ["claimed", "refused", "appeal_pending"] == spans[("KZ", "asylum")]
    for span in model.spans:
        assert span.start <= span.end


def test_timeline_model_refuses_an_unknown_account() -> None:
    """Asking for an account the record does not have is an error."""
    with pytest.raises(UnknownName, match="no account") as info:
        timeline(_zhilin(), account="nope")
    assert ("account", "nope") == (info.value.kind, info.value.name)


def test_timeline_mermaid_is_a_gantt_with_every_event() -> None:
    """The Mermaid timeline is a gantt chart with a task per event and per span."""
    model = timeline(_zhilin())
    text = timeline_to_mermaid(model)
    assert text.startswith("gantt\n")
    tasks = re.findall(r"^    [^:\n]+ : (?:milestone, )?(\w+), ", text, flags=re.M)
    assert len(model.events) + len(model.spans) == len(tasks)
    title = text.splitlines()[1]
    assert ":" not in title


def test_timeline_dot_lists_state_changes() -> None:
    """The DOT timeline has a node per event, chained in order, labelled with the changes."""
    model = timeline(_zhilin())
    text = timeline_to_dot(model)
    assert len(model.events) == len(re.findall(r'^    "e\d+" \[label=', text, flags=re.M))
    assert len(model.events) - 1 == text.count(" -> ")
    assert "asylum: claimed → refused" in text


@pytest.mark.parametrize("width", [0, -1])
def test_text_format_refuses_a_width_of_no_columns(width: int) -> None:
    """A width of no columns is refused when the format is made, not when it wraps."""
    with pytest.raises(ValueError, match=f"not {width}"):
        TextFormat(width=width)
