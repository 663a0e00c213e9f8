"""The JSON format: one document with every report, the input errors and a summary.

The JSON form of a report (:func:`report_to_dict`) is stable: keys are never
renamed or removed within a major version, every key is always present
(``null`` or ``[]`` when empty), and new keys may be added. The codec reads
it back: ``proceedings.codec.structure(data, Report)``.
"""

from __future__ import annotations

from typing import Any

import attrs

from .._codec import unstructure
from .._dates import Truth
from .._findings import Finding
from .._report import DeadlineStatus, Report
from .._rules import Law
from ..corpus import InputProblem, Outcome, RecordContext, Summary
from ..law import DEFAULT_LAW
from ._common import LAST, LATER, STREAMED, Frame, Framed

#: The version of the JSON and JSON Lines forms of reports and findings.
REPORT_FORMAT_VERSION = 1

_EXPIRED = {Truth.TRUE: "expired", Truth.FALSE: "running", Truth.UNKNOWN: "undetermined"}


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """A finding as JSON-ready data.

    Keys (always present):

    ``rule_id``
        The rule id, e.g. ``"KZ-CPC-592"``.
    ``severity``
        ``"violation"``, ``"warning"`` or ``"note"``.
    ``certainty``
        ``"certain"`` (the dates and the law settle it), ``"conditional"`` (the
        dates settle it, but it rests on a disputed reading or a text not
        verified) or ``"undetermined"`` (it holds for some possible dates only).
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
    ``readings``
        The readings of disputed law it rests on, as ``"name=option"``.
    ``retrospective``
        The breach lies before the triggering event, which only reveals it.
    ``citations``
        Each with ``instrument``, ``article``, ``paragraph``, ``url`` (the
        official source where one is online), ``text_date`` and ``read_at``
        (the copy the text was checked against, when not the official source;
        added in 0.2, so absent from older reports, which still read back),
        ``null`` where absent.
    """
    data: dict[str, Any] = unstructure(finding)
    return data


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
    data: dict[str, Any] = unstructure(report)
    if context is not None:
        data["line"] = context.line
        data["events"] = context.events if context.event_types else None
    return data


def deadline_to_dict(status: DeadlineStatus) -> dict[str, Any]:
    """A time limit as JSON: ``rule_id``, ``label``, ``jurisdiction``, ``started_by``,
    ``due`` (``[earliest, latest]`` possible last day, ISO; ``null`` for a
    bound that is unknown because the clock started on an open date), ``status``
    (``"running"``, ``"expired"`` or ``"undetermined"``), ``account``
    (``null`` for a record without accounts), ``started`` (``"certain"``, or
    ``"undetermined"`` where the event that starts the clock may have come
    after the date asked) and ``counted_from`` (``"event"``, ``"served"``, or
    ``"event_not_served"``: the law counts from receipt of the decision and the
    record gives no service date, so the period may end later).
    """
    return {
        "rule_id": status.rule_id,
        "label": status.label,
        "jurisdiction": status.jurisdiction,
        "started_by": status.started_by,
        "due": [
            None if is_open else day.isoformat()
            for day, is_open in zip(status.due, status.due_open, strict=True)
        ],
        "status": _EXPIRED[status.expired],
        "account": status.account,
        "started": "certain" if status.started is Truth.TRUE else "undetermined",
        "counted_from": status.counted_from,
    }


def problem_to_dict(problem: InputProblem) -> dict[str, Any]:
    """An input problem as JSON: ``source``, ``line``, ``path`` and ``message``."""
    return attrs.asdict(problem, recurse=False)


def outcome_to_dict(outcome: Outcome) -> dict[str, Any] | None:
    """A validated record as the JSON format writes it (``None`` if it was not validated).

    That is :func:`report_to_dict`, plus ``"deadlines"`` (``as_of``,
    ``computed``, ``reason``, ``items``) when time limits were asked for.
    """
    if outcome.report is None:
        return None
    data = report_to_dict(outcome.report, context=outcome.context)
    if outcome.as_of is not None:
        data["deadlines"] = {
            "as_of": outcome.as_of,
            "computed": True,
            "reason": None,
            "items": [deadline_to_dict(d) for d in outcome.deadlines],
        }
    return data


def _skeleton() -> Frame:
    skeleton = {
        "format": "proceedings-report",
        "version": REPORT_FORMAT_VERSION,
        "reports": STREAMED,
        "errors": LATER,
        "summary": LAST,
    }
    return Frame(skeleton, [STREAMED, LATER, LAST])


class JsonFormat(Framed):
    """One document: ``{"format": "proceedings-report", "version": 1, "reports",
    "errors", "summary"}``, written as records arrive.

    Each report is :func:`outcome_to_dict`; each error
    :func:`problem_to_dict`; the summary :meth:`~proceedings.corpus.Summary.to_dict`.
    """

    name = "json"
    event_lines = False
    writes_summary = False

    def __init__(self, *, law: Law = DEFAULT_LAW, color: bool = False, width: int | None = 100):
        self._frame = _skeleton()

    def _skeleton(self) -> Frame:
        return _skeleton()

    def _filled(self, summary: Summary) -> list[Any]:
        return [[problem_to_dict(p) for p in summary.problems], summary.to_dict()]

    def render(self, outcome: Outcome) -> str:
        data = outcome_to_dict(outcome)
        return "" if data is None else self._frame.elements([data])
