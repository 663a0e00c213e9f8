"""The SARIF format: a SARIF 2.1.0 log with one run, as code-scanning dashboards read it."""

from __future__ import annotations

import hashlib
import re
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any

from .._findings import Citation, Finding, Severity
from .._paths import event_path
from .._report import Report
from .._rules import Law, Rule
from .._version import tool_version
from ..corpus import InputProblem, Outcome, RecordContext, Summary
from ..law import DEFAULT_LAW
from ._common import LATER, STREAMED, Frame, Framed

#: The ``$schema`` written into SARIF logs.
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: The SARIF version written.
SARIF_VERSION = "2.1.0"
#: The ``tool.driver.informationUri``: where a reader of a log learns about the tool
#: (the package's page on the Python Package Index, until it has a site of its own).
SARIF_INFORMATION_URI = "https://pypi.org/project/proceedings-law/"

_SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")
_SARIF_LEVEL = {Severity.VIOLATION: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}


def _help_uri(citations: Sequence[Citation]) -> str | None:
    for c in citations:
        if c.url:
            return c.url
    return None


def sarif_rule(rule: Rule) -> dict[str, Any]:
    """A ``reportingDescriptor`` for a rule (its id is stable across runs).

    Its full description is the rule's description if it has one (a check of
    the record always does, and cites nothing), else its citations and example.
    """
    cited = "; ".join(str(c) for c in rule.citations)
    full = rule.description or cited + (". " + rule.example if rule.example else "")
    # A check of the record is tagged so; a rule of law by where it binds.
    tags = ["record"] if rule.kind == "record" else sorted(rule.jurisdictions or ())
    described: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {
            "kind": rule.kind,
            "tags": tags,
            "verified": rule.verified,
            "citations": [str(c) for c in rule.citations],
        },
    }
    uri = _help_uri(rule.citations)
    if uri is not None:
        described["helpUri"] = uri
    return described


def sarif_rules(rules: Iterable[Rule]) -> list[dict[str, Any]]:
    """The ``driver.rules`` array: each rule, in the given order."""
    return [sarif_rule(r) for r in rules]


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
    indices = finding.event_indices
    line = context.event_line(indices[0]) if context is not None and indices else None
    if line is None and context is not None:
        line = context.line
    if line is not None:
        physical["region"] = {"startLine": line}
    ids = finding.event_ids
    logical = [
        {
            "name": ids[i] if i < len(ids) else event_path(index),
            "fullyQualifiedName": f"{report.record_id}/{event_path(index)}",
            "kind": "object",
        }
        for i, index in enumerate(indices)
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


def sarif_driver(descriptors: list[dict[str, Any]], tool_version: str) -> dict[str, Any]:
    """The ``tool.driver`` object naming ``proceedings`` and its rules."""
    driver: dict[str, Any] = {
        "name": "proceedings",
        "informationUri": SARIF_INFORMATION_URI,
        "version": tool_version,
    }
    if _SEMVER.match(tool_version):
        driver["semanticVersion"] = tool_version
    driver["rules"] = descriptors
    return driver


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
        rules: The rules that were applied.
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
    return _log(descriptors, tool_version, results, [_invocation(notifications)])


def _invocation(notifications: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    return {
        "executionSuccessful": not notifications,
        "toolExecutionNotifications": list(notifications),
    }


def _log(
    descriptors: list[dict[str, Any]], version: str, results: Any, invocations: Any
) -> dict[str, Any]:
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": sarif_driver(descriptors, version)},
                "results": results,
                "invocations": invocations,
            }
        ],
    }


def _notification(problem: InputProblem) -> dict[str, Any]:
    return sarif_notification(problem.text, source=problem.source, line=problem.line)


class SarifFormat(Framed):
    """A SARIF 2.1.0 log with one run, written as records arrive: the law's rules,
    a result per finding, and each input problem as a ``toolExecutionNotification``.

    Args:
        law: The law applied (its rules are the driver's rules).
        color: Unused (SARIF is for tools).
        width: Unused.
        version: The tool version to write; the installed one by default.
    """

    name = "sarif"
    event_lines = True
    writes_summary = False

    def __init__(
        self,
        *,
        law: Law = DEFAULT_LAW,
        color: bool = False,
        width: int | None = 100,
        version: str | None = None,
    ):
        # Plain data only: a format travels to worker processes, and rules do not pickle.
        self.descriptors = sarif_rules(law.rules)
        self.version = tool_version() if version is None else version
        self.rule_index = {d["id"]: i for i, d in enumerate(self.descriptors)}
        self._frame = self._skeleton()

    def _skeleton(self) -> Frame:
        return Frame(_log(self.descriptors, self.version, STREAMED, LATER), [STREAMED, LATER])

    def render(self, outcome: Outcome) -> str:
        report = outcome.report
        if report is None:
            return ""
        results = [
            sarif_result(f, report, rule_index=self.rule_index, context=outcome.context)
            for f in report.findings
        ]
        return self._frame.elements(results)

    def _filled(self, summary: Summary) -> list[Any]:
        notes = [_notification(p) for p in summary.problems]
        if not summary.complete:
            notes.append(sarif_notification("interrupted: the results are incomplete"))
        return [[_invocation(notes)]]
