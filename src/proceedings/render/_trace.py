"""A trace as output: per event, the rules and why each fired or stayed silent.

``proceedings explain --case FILE`` prints :func:`trace_text` (or, with
``--format json``, :func:`trace_to_dict` as JSON).
"""

from __future__ import annotations

from typing import Any

from .._printable import printable
from .._trace import Trace, TraceEntry, TraceEvent, TraceOutcome
from ._common import Paint, wrap
from ._json import finding_to_dict

__all__ = ["TRACE_LABELS", "trace_text", "trace_to_dict"]

#: How each outcome reads in the text, padded to one column.
TRACE_LABELS: dict[TraceOutcome, str] = {
    TraceOutcome.FIRED: "fired",
    TraceOutcome.SILENT: "silent",
    TraceOutcome.NOT_THIS_EVENT: "not this event",
    TraceOutcome.NOT_THIS_JURISDICTION: "not here",
    TraceOutcome.NOT_IN_FORCE: "not in force",
    TraceOutcome.NOT_PARTY: "not party",
    TraceOutcome.NOT_VERIFIED: "not verified",
    TraceOutcome.NOT_SELECTED: "not selected",
    TraceOutcome.ALREADY_REPORTED: "reported before",
}
_COLUMN = max(len(label) for label in TRACE_LABELS.values()) + 2
_STYLE = {"violation": "violation", "warning": "warning", "note": "note"}


def entry_to_dict(entry: TraceEntry) -> dict[str, Any]:
    """One rule at one event as JSON-ready data."""
    return {
        "rule_id": entry.rule_id,
        "outcome": entry.outcome.value,
        "detail": entry.detail,
        "binding": entry.binding.value,
        "findings": [finding_to_dict(f) for f in entry.findings],
    }


def trace_to_dict(trace: Trace, *, all_rules: bool = False) -> dict[str, Any]:
    """A trace as JSON-ready data.

    ``{"record_id", "accounts", "as_of", "not_counted", "events": [{"index",
    "id", "type", "date", "jurisdiction", "account", "pending", "rules":
    [{"rule_id", "outcome", "detail", "binding", "findings"}]}]}``; a
    finding is as in :func:`~proceedings.render.finding_to_dict`. Rules the
    event's type does not trigger are left out unless ``all_rules``.
    """
    return {
        "record_id": trace.record_id,
        "accounts": list(trace.accounts),
        "as_of": trace.as_of,
        "not_counted": list(trace.not_counted),
        "events": [
            {
                "index": ev.index,
                "id": ev.event_id,
                "type": ev.event_type,
                "date": ev.date,
                "jurisdiction": ev.jurisdiction,
                "account": ev.account,
                "pending": ev.pending,
                "rules": [entry_to_dict(e) for e in _shown(ev, all_rules)],
            }
            for ev in trace.events
        ],
    }


def _shown(event: TraceEvent, all_rules: bool) -> tuple[TraceEntry, ...]:
    if all_rules:
        return event.entries
    return tuple(e for e in event.entries if e.outcome is not TraceOutcome.NOT_THIS_EVENT)


def _entry_lines(entry: TraceEntry, paint: Paint, width: int | None) -> list[str]:
    label = TRACE_LABELS[entry.outcome]
    head = f"    {label:<{_COLUMN}}{entry.rule_id}"
    hang = " " * (4 + _COLUMN + 2)
    if entry.outcome is TraceOutcome.FIRED:
        lines = []
        for f in entry.findings:
            what = f"{f.severity.value} ({f.certainty.value})"
            text = f"{head}  {what}: {printable(f.message)}"
            painted = wrap(text, width, "", hang)
            painted[0] = painted[0].replace(what, paint(what, _STYLE[f.severity.value]), 1)
            lines += painted
        if entry.detail:
            lines += wrap(f"({printable(entry.detail)})", width, hang, hang)
        return lines
    text = head + (f" ({printable(entry.detail)})" if entry.detail else "")
    lines = wrap(text, width, "", hang)
    if entry.outcome is not TraceOutcome.SILENT:
        lines = [paint(line, "dim") for line in lines]
    return lines


def trace_text(
    trace: Trace, *, all_rules: bool = False, color: bool = False, width: int | None = 100
) -> str:
    """A trace as text: per event (date, type, id), one line per rule.

    ``fired  KZ-CPC-592  violation (certain): <message>``, ``silent  ECHR-13``,
    ``not in force  KZ-GOV-175 (in force from 2017-04-06)``. Rules the event's
    type does not trigger are left out unless ``all_rules``. Text from the
    record is escaped (:func:`~proceedings.render.printable`).
    """
    paint = Paint(color)
    title = f"Trace of {printable(trace.record_id)}"
    if trace.as_of is not None:
        title += f" as of {trace.as_of}"
    lines = [paint(title, "bold")]
    if trace.not_counted:
        ids = ", ".join(f"'{printable(i)}'" for i in trace.not_counted)
        lines += wrap(f"Not counted (after {trace.as_of}): {ids}", width, "  ", "    ")
    account: object = None
    for ev in trace.events:
        if ev.account is not None and ev.account != account:
            account = ev.account
            lines += ["", paint(f"Account {printable(ev.account)}", "bold")]
        pending = f" (may have happened after {trace.as_of})" if ev.pending else ""
        lines.append(
            "  "
            + paint(f"{ev.date}  {ev.event_type}  '{printable(ev.event_id)}'", "bold")
            + f"  ({ev.jurisdiction}){pending}"
        )
        shown = _shown(ev, all_rules)
        if not shown:
            lines.append("    (no rule runs on this event)")
        for entry in shown:
            lines += _entry_lines(entry, paint, width)
    count = len(trace.findings)
    lines += [
        "",
        f"{len(trace.events)} events replayed, {count} findings (as validate reports them).",
    ]
    return "\n".join(lines) + "\n"
