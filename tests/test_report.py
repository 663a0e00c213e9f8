"""The case report (HTML) and the timeline picture (SVG): what a reader opens, prints or sends.

The report must be one self-contained file (nothing loaded when opened), every
finding linked to its events and shown with the sources' quotes and its
citations; text from a record never becomes markup. The picture must be
well-formed SVG on a real time axis, one lane per track, uncertain dates drawn
as spans and findings marked on the events they concern.
"""

from __future__ import annotations

import html
import html.parser
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import proceedings
from builders import claim, record, removal
from proceedings import RemovalChannel, Severity
from proceedings.law import DEFAULT_LAW
from proceedings.render import (
    ReadingChange,
    case_report_html,
    reading_changes,
    timeline,
    timeline_to_svg,
)

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "examples" / "cases").glob("*.json"))
DECISIONS = sorted((ROOT / "examples" / "decisions").glob("*.json"))
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & "quoted" \x1b[31mred\x07'


def _load(path: Path) -> proceedings.CaseRecord:
    with path.open("rb") as fp:
        return proceedings.load(fp)


class _Page(html.parser.HTMLParser):
    """The ids, links, tags and resource references of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.local_links: list[str] = []
        self.tags: list[str] = []
        self.loads: list[str] = []
        self.text: list[str] = []
        self.articles: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append(tag)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        href = found.get("href") or ""
        if href.startswith("#"):
            self.local_links.append(href[1:])
        if tag in {"img", "script", "iframe", "embed", "source", "audio", "video"} and (
            found.get("src")
        ):
            self.loads.append(f"{tag} src={found['src']}")
        if tag == "link":
            self.loads.append(f"link href={href}")
        if tag == "article":
            self.articles.append(found)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _page(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


def _report(path: Path) -> tuple[proceedings.CaseRecord, proceedings.Report, str]:
    rec = _load(path)
    report = proceedings.validate(rec)
    return rec, report, case_report_html(rec, report)


# -- the HTML report ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", CASES + DECISIONS, ids=lambda p: p.stem)
def test_every_bundled_record_gives_a_self_contained_report(path: Path) -> None:
    """Every bundled record renders; its page loads nothing and every local link lands."""
    rec, report, text = _report(path)
    page = _page(text)
    assert text.startswith("<!DOCTYPE html>")
    assert [] == page.loads
    assert "script" not in page.tags
    # Nothing fetched by the stylesheet either (fonts, images, imports).
    assert not re.search(r"url\((?!#)|@import", text)
    assert sorted(set(page.local_links) - page.ids) == []
    for section in ("summary", "timeline", "findings", "events", "uncertain", "sources"):
        assert section in page.ids
    assert len(rec.events) == len([i for i in page.ids if re.fullmatch(r"event-\d+", i)])
    assert len(report.findings) == len(page.articles)


def test_each_finding_links_its_events_quotes_and_citations() -> None:
    """A finding's article names its rule, links each of its events and shows the
    quotes of those events' sources and the links of its citations."""
    rec, report, text = _report(ROOT / "examples" / "cases" / "zhilin.json")
    assert report.findings
    articles = re.findall(
        r'<article class="finding [a-z]+" id="finding-(\d+)">(.*?)</article>', text, re.S
    )
    assert len(report.findings) == len(articles)
    bodies = {int(n): body for n, body in articles}
    for n, finding in enumerate(report.findings, start=1):
        body = bodies[n]
        assert f"<code>{finding.rule_id}</code>" in body
        for i in finding.event_indices:
            assert f'href="#event-{i}"' in body
            for ref in rec.events[i].sources:
                if ref.quote:
                    assert html_escape(ref.quote) in body
        for citation in finding.citations:
            if citation.url:
                assert f'href="{html_escape(citation.url)}"' in body
            if citation.read_at:
                assert f'<a href="{html_escape(citation.read_at)}">text read at</a>' in body


def html_escape(text: str) -> str:
    return html.escape(proceedings.render.printable(text), quote=True)


def test_findings_are_grouped_by_severity_violations_first() -> None:
    """In the findings section, every violation comes before every warning and note."""
    _, report, text = _report(ROOT / "examples" / "cases" / "zhilin.json")
    severities = {f.severity for f in report.findings}
    assert {Severity.VIOLATION, Severity.WARNING} <= severities
    section = text[text.index('<section id="findings"') : text.index('<section id="events"')]
    order = re.findall(r'<article class="finding ([a-z]+)"', section)
    rank = {"violation": 0, "warning": 1, "note": 2}
    assert order == sorted(order, key=rank.__getitem__)


def test_the_report_prints_cleanly() -> None:
    """A print stylesheet: the navigation hidden, page breaks where sections begin."""
    _, _, text = _report(ROOT / "examples" / "cases" / "kasimov.json")
    style = text[text.index("<style>") : text.index("</style>")]
    assert "@media print" in style
    printed = style[style.index("@media print") :]
    assert "nav" in printed
    assert "display: none" in printed.replace("display:none", "display: none")


def _hostile_record() -> proceedings.CaseRecord:
    data: dict[str, Any] = json.loads(
        (ROOT / "examples" / "cases" / "zhilin.json").read_text("utf-8")
    )
    data["title"] = HOSTILE
    data["person"]["name"] = HOSTILE
    data["events"][0]["note"] = HOSTILE
    for ev in data["events"]:
        for ref in ev.get("sources", []):
            ref["quote"] = HOSTILE
    data["sources"][0]["publisher"] = HOSTILE
    data["sources"][0]["url"] = "javascript:alert(1)"
    return proceedings.loads(json.dumps(data))


def test_text_from_a_record_never_becomes_markup() -> None:
    """Names, notes, quotes, publishers and URLs are escaped; a javascript: URL is no link;
    control characters are shown, not passed on."""
    rec = _hostile_record()
    text = case_report_html(rec, proceedings.validate(rec))
    page = _page(text)
    assert "script" not in page.tags
    assert "<script>" not in text
    assert "\x1b" not in text
    assert "\x07" not in text
    assert 'href="javascript:' not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot;" in text


def _key(f: proceedings.Finding) -> tuple[object, ...]:
    return (f.rule_id, f.event_indices, f.accounts, f.severity, f.certainty)


def test_reading_changes_are_what_another_option_gives() -> None:
    """Each change is the difference between validating under the law and under the
    other option, computed independently here."""
    rec = _load(ROOT / "examples" / "cases" / "zhilin.json")
    changes = reading_changes(rec, law=DEFAULT_LAW)
    assert changes, "zhilin depends on at least one reading"
    base = proceedings.validate(rec)
    for change in changes:
        assert isinstance(change, ReadingChange)
        assert change.option != change.current == DEFAULT_LAW.reading(change.reading)
        other = proceedings.validate(
            rec,
            law=proceedings.Law(
                rulebooks=DEFAULT_LAW.rulebooks,
                readings={**DEFAULT_LAW.readings, change.reading: change.option},
            ),
        )
        now = {_key(f) for f in base.findings}
        then = {_key(f) for f in other.findings}
        assert then - now == {_key(f) for f in change.appeared}
        assert now - then == {_key(f) for f in change.disappeared}
        assert change.appeared or change.disappeared
    text = case_report_html(rec, base)
    section = text[text.index('<section id="readings"') :]
    for change in changes:
        assert change.reading in section


def test_reading_changes_keep_the_laws_selection() -> None:
    """Under a law that leaves rules out, another reading does not bring them back."""
    rec = _load(ROOT / "examples" / "cases" / "zhilin.json")
    law = proceedings.Law(rulebooks=DEFAULT_LAW.rulebooks, ignore=("R-REF",))
    for change in reading_changes(rec, law=law):
        assert not any(f.rule_id.startswith("R-REF") for f in change.appeared)


# -- the SVG timeline ----------------------------------------------------------------------------


def _svg(path: Path, account: str | None = None) -> tuple[ET.Element, str]:
    rec = _load(path)
    model = timeline(rec, account=account)
    report = proceedings.validate(rec, accounts=[account] if account else None)
    text = timeline_to_svg(model, report=report)
    return ET.fromstring(text), text


@pytest.mark.parametrize("path", CASES + DECISIONS, ids=lambda p: p.stem)
def test_every_bundled_record_gives_a_well_formed_timeline(path: Path) -> None:
    """Well-formed SVG with a view box; no script, no external reference."""
    rec = _load(path)
    for account in rec.accounts or (None,):
        root, text = _svg(path, account.name if account is not None else None)
        assert SVG + "svg" == root.tag
        assert root.get("viewBox")
        assert not list(root.iter(SVG + "script"))
        assert not re.search(r'(?:href|src)="(?:https?:|//)', text)


def _groups(root: ET.Element, cls: str) -> list[ET.Element]:
    return [g for g in root.iter(SVG + "g") if (g.get("class") or "").split()[:1] == [cls]]


def test_the_timeline_has_a_dated_axis_and_a_lane_per_track() -> None:
    """Ticks are labelled with years or months; every span drawn sits in its track's lane,
    and each (jurisdiction, track) that has a span has exactly one lane."""
    rec = _load(ROOT / "examples" / "cases" / "zhilin.json")
    account = rec.accounts[0].name
    root, _ = _svg(ROOT / "examples" / "cases" / "zhilin.json", account)
    labels = [t.text or "" for t in root.iter(SVG + "text")]
    assert any(re.fullmatch(r"(19|20)\d\d", s) for s in labels)
    assert any(
        s in {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
        for s in labels
    )
    model = timeline(rec, account=account)
    expected = {(s.jurisdiction, s.track) for s in model.spans}
    lanes = [(g.get("data-jurisdiction"), g.get("data-track")) for g in _groups(root, "lane")]
    assert sorted(expected) == sorted(lanes)
    assert len(lanes) == len(set(lanes))


def test_an_uncertain_date_is_a_span_and_an_exact_one_a_point() -> None:
    """An event dated to a month is drawn as a bar with width; one dated to a day as a dot."""
    rec = record(claim("c", "2023-01"), removal("r", "2023-02-14", RemovalChannel.DEPORTATION))
    model = timeline(rec)
    root = ET.fromstring(timeline_to_svg(model, report=proceedings.validate(rec)))
    events = {g.get("data-event"): g for g in _groups(root, "event")}
    month = [r for r in events["c"].iter(SVG + "rect") if "uncertain" in (r.get("class") or "")]
    assert month
    assert float(month[0].get("width", "0")) > 0
    day = [c for c in events["r"].iter(SVG + "circle") if c.get("class") == "mark"]
    assert day
    assert not [r for r in events["r"].iter(SVG + "rect") if "uncertain" in (r.get("class") or "")]


def test_findings_are_marked_on_their_events() -> None:
    """Each finding that holds under the account drawn has a mark on the event it concerns."""
    path = ROOT / "examples" / "cases" / "kasimov.json"
    rec = _load(path)
    report = proceedings.validate(rec)
    root, _ = _svg(path)
    marked = {(g.get("data-rule"), g.get("data-event")) for g in _groups(root, "finding")}
    expected = {
        (f.rule_id, rec.events[f.event_indices[0]].id) for f in report.findings if f.event_indices
    }
    assert expected
    assert expected <= marked


def test_accounts_are_drawn_apart() -> None:
    """A record with accounts gives one picture per account, each naming its account, with
    ids that do not collide on one page."""
    path = ROOT / "examples" / "cases" / "zhilin.json"
    rec = _load(path)
    assert len(rec.accounts) >= 2
    pictures = [_svg(path, a.name) for a in rec.accounts]
    ids = [{e.get("id") for e in root.iter() if e.get("id")} for root, _ in pictures]
    assert not set.intersection(*ids)
    for (_, text), account in zip(pictures, rec.accounts, strict=True):
        assert account.name in text
    page = case_report_html(rec, proceedings.validate(rec))
    for account in rec.accounts:
        assert f"tl-zhilin-{account.name}" in page


def test_hostile_text_in_the_timeline_is_escaped() -> None:
    """Record text in titles and labels stays text: the SVG parses and has no script."""
    rec = _hostile_record()
    for account in rec.accounts:
        text = timeline_to_svg(timeline(rec, account=account.name))
        root = ET.fromstring(text)
        assert not list(root.iter(SVG + "script"))
        assert "\x1b" not in text


# -- the commands ------------------------------------------------------------------------------


def _run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "proceedings", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env={**os.environ, **env},
        timeout=300,
        check=False,
    )


def test_report_command_writes_the_file_and_exits_like_validate(tmp_path: Path) -> None:
    """Violations: the report is written and the exit status is 1; none: 0."""
    out = tmp_path / "case.html"
    done = _run("report", ROOT / "examples" / "cases" / "kasimov.json", "-o", out)
    assert 1 == done.returncode, done.stderr
    _rec, report, expected = _report(ROOT / "examples" / "cases" / "kasimov.json")
    assert not report.ok
    written = out.read_text("utf-8")
    assert _page(written).ids == _page(expected).ids
    clean = record(claim("c", "2023-01-10"))
    path = tmp_path / "clean.json"
    path.write_text(proceedings.dumps(clean), encoding="utf-8")
    assert 0 == _run("report", path, "-o", tmp_path / "clean.html").returncode
    assert (tmp_path / "clean.html").read_text("utf-8").startswith("<!DOCTYPE html>")


def test_report_command_takes_the_law_options(tmp_path: Path) -> None:
    """--ignore leaves rules out of the report, as it does for validate."""
    out = tmp_path / "case.html"
    done = _run("report", ROOT / "examples" / "cases" / "kasimov.json", "--ignore", "KZ", "-o", out)
    assert done.returncode in {0, 1}, done.stderr
    assert "<code>KZ-" not in out.read_text("utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope.json"], "cannot read"),
        (["examples/cases/zhilin.json", "--account", "nobody"], "nobody"),
        (["examples/cases/zhilin.json", "-o", "/nonexistent-dir/case.html"], "cannot write"),
    ],
)
def test_report_command_bad_input_is_exit_2(args: list[str], message: str) -> None:
    """An unreadable case, an unknown account, an unwritable output: exit 2, a message
    naming it, no traceback."""
    done = _run("report", *args)
    assert 2 == done.returncode
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_report_to_pdf_without_weasyprint_is_a_clear_error(tmp_path: Path) -> None:
    """Without WeasyPrint, -o case.pdf says what to install (exit 2); no file is left."""
    out = tmp_path / "case.pdf"
    hide = "import sys; sys.modules['weasyprint'] = None; from proceedings.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", hide, "report", "examples/cases/kasimov.json", "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        timeout=300,
        check=False,
    )
    assert 2 == done.returncode
    assert "pip install 'proceedings-law[pdf]'" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_report_to_pdf(tmp_path: Path) -> None:
    """With WeasyPrint (the pdf extra), -o case.pdf writes a PDF."""
    pytest.importorskip("weasyprint")
    out = tmp_path / "case.pdf"
    done = _run("report", ROOT / "examples" / "cases" / "kasimov.json", "-o", out)
    assert 1 == done.returncode, done.stderr
    assert out.read_bytes().startswith(b"%PDF-")


def test_diagram_svg_draws_a_case_timeline() -> None:
    """diagram --case FILE --format svg prints the timeline; without --case it says why not."""
    done = _run("diagram", "--case", "examples/cases/zhilin.json", "--format", "svg")
    assert 0 == done.returncode, done.stderr
    assert SVG + "svg" == ET.fromstring(done.stdout).tag
    chart = _run("diagram", "--format", "svg")
    assert 2 == chart.returncode
    assert "--case" in chart.stderr
