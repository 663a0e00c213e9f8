"""Renderers: a report as text, as JSON-ready dicts, as JSON Lines and as SARIF 2.1.0.

Everything here is a pure function of a :class:`~proceedings.Report` (or a
:class:`~proceedings.Finding`) and optional context about where the record
came from: nothing reads files, the clock or the terminal. The command line
calls these, and so can documentation builds and other tools.

The JSON form of a report (:func:`report_to_dict`) is stable: keys are never
renamed or removed within a major version, every key is always present
(``null`` or ``[]`` when empty), and new keys may be added. It reads back
with :func:`report_from_dict`.
"""

from __future__ import annotations

import hashlib
import json
import re
import textwrap
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any

import attrs

from ._dates import Truth
from ._findings import Certainty, Finding, Severity, Unverified
from ._findings import Citation as CitationRef
from ._report import DeadlineStatus, Report
from ._rules import Rule
from .law.record import RECORD

RECORD_CHECKS = RECORD.rules

#: The ``$schema`` written into SARIF logs.
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: The SARIF version written.
SARIF_VERSION = "2.1.0"
#: The version of the JSON and JSON Lines forms of reports and findings.
REPORT_FORMAT_VERSION = 1

#: Severities from most to least serious, as shown in counts.
SEVERITIES: tuple[Severity, ...] = (Severity.VIOLATION, Severity.WARNING, Severity.NOTE)

_SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")
_SARIF_LEVEL = {Severity.VIOLATION: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}


# -- the record-level checks -------------------------------------------------------


def record_check(check_id: str) -> Rule:
    """The record-level check with this id.

    Raises:
        KeyError: There is none.
    """
    for check in RECORD_CHECKS:
        if check.id == check_id:
            return check
    raise KeyError(check_id)


# -- context: where a record came from ------------------------------------------------


@attrs.frozen(kw_only=True)
class RecordContext:
    """What a renderer may know about a record besides its report.

    Attributes:
        title: A human title (the record's title or the person's name).
        line: The line of a JSON Lines corpus the record was on.
        event_types: Each event's type, by index in the record.
        event_lines: Each event's first line in the source file, by index
            (``None`` where unknown).
    """

    title: str | None = None
    line: int | None = None
    event_types: tuple[str, ...] = ()
    event_lines: tuple[int | None, ...] = ()

    @property
    def events(self) -> int:
        return len(self.event_types)

    def event_line(self, path: str) -> int | None:
        """The source line of ``$.events[i]``: the record's line in a JSON Lines corpus."""
        if self.line is not None:
            return self.line
        index = event_index(path)
        if index is not None and index < len(self.event_lines):
            return self.event_lines[index]
        return None

    def event_type(self, path: str) -> str | None:
        index = event_index(path)
        if index is not None and index < len(self.event_types):
            return self.event_types[index]
        return None


def event_index(path: str) -> int | None:
    """``3`` for ``$.events[3]``; ``None`` for any other path."""
    prefix = "$.events["
    if path.startswith(prefix) and path.endswith("]"):
        inner = path[len(prefix) : -1]
        if inner.isdigit():
            return int(inner)
    return None


# -- JSON ----------------------------------------------------------------------------------


def citation_to_dict(citation: CitationRef) -> dict[str, Any]:
    """A citation as JSON: ``instrument``, ``article``, ``paragraph``, ``url``, ``text_date``."""
    return {
        "instrument": citation.instrument,
        "article": citation.article,
        "paragraph": citation.paragraph,
        "url": citation.url,
        "text_date": citation.text_date,
    }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """A finding as JSON-ready data.

    Keys (always present):

    ``rule_id``
        The rule (or record check) id, e.g. ``"KZ-CPC-592"``.
    ``severity``
        ``"violation"``, ``"warning"`` or ``"note"``.
    ``certainty``
        ``"certain"`` or ``"undetermined"`` (depends on uncertain dates).
    ``message``
        The sentence.
    ``date``
        The date of the triggering event as written in the record, or ``null``.
    ``events`` / ``event_ids``
        Paths (``"$.events[14]"``) and ids of the events behind it, the
        triggering one first.
    ``accounts``
        The accounts under which it holds (``[]``: the record has no accounts).
    ``verified``
        Whether everything the finding rests on has been checked.
    ``unverified``
        What has not been checked: ``"rule"`` (the rule's source text) and/or
        ``"party:TREATY:STATE"`` (the date the state became party to the treaty).
    ``retrospective``
        The breach lies before the triggering event, which only reveals it.
    ``citations``
        Each with ``instrument``, ``article``, ``paragraph``, ``url``,
        ``text_date`` (``null`` where absent).
    """
    return {
        "rule_id": finding.rule_id,
        "severity": finding.severity.value,
        "certainty": finding.certainty.value,
        "message": finding.message,
        "date": finding.date,
        "events": list(finding.paths),
        "event_ids": list(finding.event_ids),
        "accounts": list(finding.accounts),
        "verified": finding.verified,
        "unverified": [u.key for u in finding.unverified],
        "retrospective": finding.retrospective,
        "citations": [citation_to_dict(c) for c in finding.citations],
    }


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """``{"violation": n, "warning": n, "note": n}``, every key present."""
    counts = {s.value: 0 for s in SEVERITIES}
    for f in findings:
        counts[f.severity.value] += 1
    return counts


def report_to_dict(report: Report, *, context: RecordContext | None = None) -> dict[str, Any]:
    """A report as JSON-ready data (stable; see the module docstring).

    Keys (always present):

    ``record_id``
        The record's id.
    ``source``
        The file it came from, or ``null``.
    ``line``
        Its line in a JSON Lines corpus, or ``null``.
    ``events``
        How many events the record has, or ``null`` if not known.
    ``accounts``
        The accounts evaluated (``[]`` for a record without accounts).
    ``counts``
        Findings by severity: ``{"violation": n, "warning": n, "note": n}``.
    ``findings``
        Each as :func:`finding_to_dict` gives it, in the order of their
        triggering events.

    Args:
        report: The report.
        context: Where the record came from, if known.
    """
    return {
        "record_id": report.record_id,
        "source": report.source,
        "line": context.line if context is not None else None,
        "events": context.events if context is not None and context.event_types else None,
        "accounts": list(report.accounts),
        "counts": severity_counts(report.findings),
        "findings": [finding_to_dict(f) for f in report.findings],
    }


def _citation_from_dict(data: Mapping[str, Any]) -> CitationRef:
    return CitationRef(
        instrument=data["instrument"],
        article=data.get("article"),
        paragraph=data.get("paragraph"),
        url=data.get("url"),
        text_date=data.get("text_date"),
    )


def _index_of(path: str) -> int:
    index = event_index(path)
    if index is None:
        raise ValueError(f"{path!r} is not the path of an event ($.events[N])")
    return index


def finding_from_dict(data: Mapping[str, Any]) -> Finding:
    """The finding that :func:`finding_to_dict` wrote (extra keys are ignored).

    Raises:
        KeyError: A required key is missing.
        ValueError: A severity or certainty is unknown.
    """
    return Finding(
        rule_id=data["rule_id"],
        severity=Severity(data["severity"]),
        certainty=Certainty(data["certainty"]),
        message=data["message"],
        date=data.get("date"),
        event_indices=tuple(_index_of(path) for path in data.get("events", ())),
        event_ids=tuple(data.get("event_ids", ())),
        accounts=tuple(data.get("accounts", ())),
        unverified=tuple(Unverified.from_key(k) for k in data.get("unverified", ())),
        retrospective=bool(data.get("retrospective", False)),
        citations=tuple(_citation_from_dict(c) for c in data.get("citations", ())),
    )


def report_from_dict(data: Mapping[str, Any]) -> Report:
    """The report that :func:`report_to_dict` wrote (``line``, ``events`` and ``counts`` dropped).

    Raises:
        KeyError: A required key is missing.
        ValueError: A severity or certainty is unknown.
    """
    return Report(
        record_id=data["record_id"],
        source=data.get("source"),
        accounts=tuple(data.get("accounts", ())),
        findings=tuple(finding_from_dict(f) for f in data.get("findings", ())),
    )


def finding_lines(report: Report, *, context: RecordContext | None = None) -> list[str]:
    """JSON Lines for a pipeline: one line per finding, with its record.

    Each line is :func:`finding_to_dict` plus ``"kind": "finding"``,
    ``record_id``, ``source`` and ``line`` (the record's line in a JSON Lines
    corpus, else the triggering event's line in the file, if known). Lines
    end with a newline.
    """
    out = []
    for f in report.findings:
        line = context.event_line(f.paths[0]) if context is not None and f.paths else None
        data = {
            "kind": "finding",
            "record_id": report.record_id,
            "source": report.source,
            "line": line,
            **finding_to_dict(f),
        }
        out.append(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    return out


# -- text ----------------------------------------------------------------------------------


_STYLES: dict[str, str] = {
    "violation": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "note": "\x1b[1;36m",
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "ok": "\x1b[1;32m",
}
_RESET = "\x1b[0m"


class _Paint:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, style: str) -> str:
        if not self.enabled or not text:
            return text
        return f"{_STYLES[style]}{text}{_RESET}"


def plural(n: int, word: str) -> str:
    """``1 violation``, ``2 violations``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def counts_phrase(counts: Mapping[str, int]) -> str:
    """``2 violations, 1 warning, 0 notes``."""
    return ", ".join(plural(counts.get(s.value, 0), s.value) for s in SEVERITIES)


def _wrap(text: str, width: int | None, indent: str, subsequent: str | None = None) -> list[str]:
    if width is None:
        return [indent + text]
    return textwrap.wrap(
        text,
        width=max(width, len(indent) + 20),
        initial_indent=indent,
        subsequent_indent=indent if subsequent is None else subsequent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent]


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}[~?%]*$")


def when_phrase(date: str) -> str:
    """``On 2022-12-06``, ``In 2023-03``, ``Between 2022-12-01 and 2022-12-12``."""
    start, sep, end = date.partition("/")
    if sep:
        return f"Between {start} and {end}"
    return f"On {date}" if _DAY.match(date) else f"In {date}"


def _event_phrase(path: str, event_id: str | None, context: RecordContext | None) -> str:
    kind = context.event_type(path) if context is not None else None
    parts = []
    if kind is not None:
        parts.append(kind.replace("_", " "))
    if event_id is not None:
        parts.append(repr(event_id))
    where = path
    # In a JSON Lines corpus the heading already gives the record's line.
    line = context.event_line(path) if context is not None and context.line is None else None
    if line is not None:
        where += f", line {line}"
    parts.append(f"({where})")
    return " ".join(parts)


def render_finding_text(
    finding: Finding,
    *,
    context: RecordContext | None = None,
    rule_titles: Mapping[str, str] | None = None,
    all_accounts: Sequence[str] = (),
    color: bool = False,
    width: int | None = 100,
) -> str:
    """One finding as a few lines of text, for a person.

    The first line gives the severity, the rule id and its title; then the
    date and the event; the sentence; the other events involved; the law;
    and, for a record with accounts, the accounts it holds under.

    Args:
        finding: The finding.
        context: Event types and lines, if known.
        rule_titles: ``{rule id: title}``, to name the rule.
        all_accounts: The accounts evaluated (to say "all accounts").
        color: Add ANSI colours.
        width: Wrap at this many columns; ``None`` to never wrap.
    """
    paint = _Paint(color)
    sev = finding.severity.value
    head = f"  {paint(sev.upper(), sev)}  {paint(finding.rule_id, 'bold')}"
    title = (rule_titles or {}).get(finding.rule_id)
    pad = "    "
    if title:
        # Wrap the title as if the (coloured) head were plain text of its length.
        shown = len(f"  {sev.upper()}  {finding.rule_id}  ")
        wrapped = _wrap(title, width, " " * shown)
        lines = [head + "  " + wrapped[0][shown:], *wrapped[1:]]
    else:
        lines = [head]
    if finding.paths:
        first_id = finding.event_ids[0] if finding.event_ids else None
        when = f"{when_phrase(finding.date)}: " if finding.date else ""
        lines += _wrap(when + _event_phrase(finding.paths[0], first_id, context), width, pad)
    lines += _wrap(finding.message[:1].upper() + finding.message[1:], width, pad)
    others = [
        _event_phrase(path, finding.event_ids[i] if i < len(finding.event_ids) else None, context)
        for i, path in enumerate(finding.paths)
        if i > 0
    ]
    if others:
        lines += _wrap("See also: " + "; ".join(others), width, pad, pad + "  ")
    caveats = []
    if finding.certainty is Certainty.UNDETERMINED:
        caveats.append("undetermined: it holds for some of the possible dates, not all")
    # A finding built by hand may say only verified=False: that is the rule.
    caveats += [gap.phrase() for gap in finding.unverified]
    if caveats:
        lines += [paint(part, "dim") for part in _wrap("(" + "; ".join(caveats) + ")", width, pad)]
    for i, citation in enumerate(finding.citations):
        label = "Law: " if i == 0 else "     "
        lines += _wrap(label + str(citation), width, pad, pad + "     ")
        if citation.url:
            lines.append(pad + "     " + paint(citation.url, "dim"))
    if finding.accounts:
        if len(all_accounts) > 1 and set(finding.accounts) >= set(all_accounts):
            held = "every account (" + ", ".join(finding.accounts) + ")"
        else:
            held = "account " if len(finding.accounts) == 1 else "accounts "
            held += ", ".join(finding.accounts)
        lines += _wrap(f"Holds under {held}", width, pad)
    return "\n".join(lines)


def render_report_text(
    report: Report,
    *,
    context: RecordContext | None = None,
    rule_titles: Mapping[str, str] | None = None,
    color: bool = False,
    width: int | None = 100,
) -> str:
    """A report as text for a person: a heading for the record, then each finding.

    Args:
        report: The report.
        context: Title, event types and lines, if known.
        rule_titles: ``{rule id: title}``, to name the rules.
        color: Add ANSI colours.
        width: Wrap at this many columns; ``None`` to never wrap.

    Returns:
        The text, ending with a newline.
    """
    paint = _Paint(color)
    where = report.source or ""
    line = context.line if context is not None else None
    if where and line is not None:
        where += f":{line}"
    heading = paint(report.record_id, "bold")
    if where:
        heading += f"  {paint(where, 'dim')}"
    title = context.title if context is not None else None
    counts = severity_counts(report.findings)
    facts = []
    if context is not None and context.event_types:
        facts.append(plural(context.events, "event"))
    if report.accounts:
        facts.append(f"{plural(len(report.accounts), 'account')} ({', '.join(report.accounts)})")
    if report.findings:
        facts.append(counts_phrase(counts))
    else:
        facts.append(paint("no findings", "ok"))
    lines = [heading]
    if title and title != report.record_id:
        lines += _wrap(title, width, "  ")
    lines += _wrap(" · ".join(facts), width, "  ")
    for f in report.findings:
        lines.append("")
        lines.append(
            render_finding_text(
                f,
                context=context,
                rule_titles=rule_titles,
                all_accounts=report.accounts,
                color=color,
                width=width,
            )
        )
    return "\n".join(lines) + "\n"


#: What the severities and certainties mean, for a reader new to the tool.
LEGEND = (
    "violation: a breach of a binding norm · warning: a pattern a lawyer would flag · "
    "note: a gap or inconsistency in the record · undetermined: holds for some of the "
    "possible dates, not all"
)


# -- deadlines ---------------------------------------------------------------------------

_EXPIRED = {Truth.TRUE: "expired", Truth.FALSE: "running", Truth.UNKNOWN: "undetermined"}


def deadline_to_dict(status: DeadlineStatus) -> dict[str, Any]:
    """A time limit as JSON: ``rule_id``, ``label``, ``jurisdiction``, ``started_by``,
    ``due`` (``[earliest, latest]`` possible last day, ISO), ``status``
    (``"running"``, ``"expired"`` or ``"undetermined"``) and ``account``
    (``null`` for a record without accounts).
    """
    return {
        "rule_id": status.rule_id,
        "label": status.label,
        "jurisdiction": status.jurisdiction,
        "started_by": status.started_by,
        "due": [status.due[0].isoformat(), status.due[1].isoformat()],
        "status": _EXPIRED[status.expired],
        "account": status.account,
    }


def render_deadlines_text(
    deadlines: Sequence[DeadlineStatus],
    *,
    as_of: str,
    reason: str | None = None,
    color: bool = False,
    width: int | None = 100,
) -> str:
    """The time limits of a record as of a date, as text (``reason``: why none were computed)."""
    paint = _Paint(color)
    lines = [f"  {paint('Time limits as of ' + as_of, 'bold')}"]
    if reason is not None:
        lines += _wrap(reason, width, "    ")
    elif not deadlines:
        lines.append("    No time limit is running.")
    for d in deadlines:
        state = _EXPIRED[d.expired]
        style = {"expired": "violation", "undetermined": "warning", "running": "ok"}[state]
        first, last = d.due
        due = first.isoformat() if first == last else f"between {first} and {last}"
        lines += _wrap(
            f"{paint(state.upper(), style)}  {paint(d.rule_id, 'bold')}  {d.label} "
            f"({d.jurisdiction}); the clock started with {d.started_by!r}; last day {due}"
            + (f"; account {d.account}" if d.account else ""),
            width,
            "    ",
            "      ",
        )
    return "\n".join(lines) + "\n"


# -- SARIF ---------------------------------------------------------------------------------


def _help_uri(citations: Sequence[CitationRef]) -> str | None:
    for c in citations:
        if c.url:
            return c.url
    return None


def sarif_rule(rule: Rule) -> dict[str, Any]:
    """A ``reportingDescriptor`` for a rule or record check (id stable across runs)."""
    if rule.kind == "record":
        return {
            "id": rule.id,
            "shortDescription": {"text": rule.title},
            "fullDescription": {"text": rule.description},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
            "properties": {"kind": "record-check", "tags": ["record"]},
        }
    described: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {"text": rule.title},
        "fullDescription": {
            "text": "; ".join(str(c) for c in rule.citations)
            + (". " + rule.example if rule.example else "")
        },
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {
            "kind": "rule",
            "tags": sorted(rule.jurisdictions) if rule.jurisdictions is not None else [],
            "verified": rule.verified,
            "citations": [str(c) for c in rule.citations],
        },
    }
    uri = _help_uri(rule.citations)
    if uri is not None:
        described["helpUri"] = uri
    return described


def sarif_rules(rules: Iterable[Rule]) -> list[dict[str, Any]]:
    """The ``driver.rules`` array: the record checks, then each rule, in the given order."""
    others = [r for r in rules if r.kind != "record"]
    return [*(sarif_rule(c) for c in RECORD_CHECKS), *(sarif_rule(r) for r in others)]


def artifact_uri(source: str | None) -> str:
    """A SARIF ``artifactLocation.uri`` for a file name as the user gave it.

    Relative paths stay relative (with forward slashes, percent-encoded);
    absolute paths become ``file://`` URIs; standard input is ``stdin``.
    """
    if source is None or source in {"-", "<stdin>"}:
        return "stdin"
    windows = PureWindowsPath(source)
    path: PurePath = windows if windows.drive else PurePosixPath(source)
    if path.is_absolute():
        return path.as_uri()
    return urllib.parse.quote(path.as_posix())


def _fingerprint(report: Report, finding: Finding) -> str:
    key = "\x1f".join([report.record_id, finding.rule_id, *finding.event_ids, *finding.accounts])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def sarif_result(
    finding: Finding,
    report: Report,
    *,
    rule_index: Mapping[str, int] | None = None,
    context: RecordContext | None = None,
) -> dict[str, Any]:
    """One SARIF ``result`` for a finding.

    Its location is the record's file (and the event's line where known);
    its logical locations name the record and the events
    (``zhilin/$.events[17]``).

    Args:
        finding: The finding.
        report: The report it belongs to (its record id and source).
        rule_index: ``{rule id: index in driver.rules}``, to set ``ruleIndex``.
        context: Event lines, if known.
    """
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(report.source)}}
    line = context.event_line(finding.paths[0]) if context is not None and finding.paths else None
    if line is None and context is not None:
        line = context.line
    if line is not None:
        physical["region"] = {"startLine": line}
    logical = [
        {
            "name": finding.event_ids[i] if i < len(finding.event_ids) else path,
            "fullyQualifiedName": f"{report.record_id}/{path}",
            "kind": "object",
        }
        for i, path in enumerate(finding.paths)
    ] or [{"name": report.record_id, "fullyQualifiedName": report.record_id, "kind": "object"}]
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "level": _SARIF_LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical, "logicalLocations": logical}],
        "partialFingerprints": {"proceedingsFinding/v1": _fingerprint(report, finding)},
        "properties": {
            "recordId": report.record_id,
            "certainty": finding.certainty.value,
            "date": finding.date,
            "accounts": list(finding.accounts),
            "eventIds": list(finding.event_ids),
            "verified": finding.verified,
        },
    }
    if rule_index is not None and finding.rule_id in rule_index:
        result["ruleIndex"] = rule_index[finding.rule_id]
    return result


def sarif_notification(
    message: str, *, source: str | None = None, line: int | None = None
) -> dict[str, Any]:
    """A ``toolExecutionNotification`` for an input that could not be read."""
    note: dict[str, Any] = {"level": "error", "message": {"text": message}}
    if source is not None:
        physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(source)}}
        if line is not None:
            physical["region"] = {"startLine": line}
        note["locations"] = [{"physicalLocation": physical}]
    return note


def sarif_log(
    reports: Iterable[tuple[Report, RecordContext | None]],
    *,
    rules: Sequence[Rule],
    tool_version: str,
    notifications: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """A complete SARIF 2.1.0 log: one run, every rule, one result per finding.

    Args:
        reports: Each report with its context (or ``None``).
        rules: The rules that were applied (the record checks are added).
        tool_version: The version of ``proceedings``.
        notifications: Problems with the inputs (:func:`sarif_notification`).
    """
    descriptors = sarif_rules(rules)
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    results = [
        sarif_result(f, report, rule_index=index, context=ctx)
        for report, ctx in reports
        for f in report.findings
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": sarif_driver(descriptors, tool_version)},
                "results": results,
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "toolExecutionNotifications": list(notifications),
                    }
                ],
            }
        ],
    }


def sarif_driver(descriptors: list[dict[str, Any]], tool_version: str) -> dict[str, Any]:
    """The ``tool.driver`` object naming ``proceedings`` and its rules."""
    driver: dict[str, Any] = {"name": "proceedings", "version": tool_version}
    if _SEMVER.match(tool_version):
        driver["semanticVersion"] = tool_version
    driver["rules"] = descriptors
    return driver
