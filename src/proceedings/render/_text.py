"""The text format: a report for a person, with colour on a terminal (may change)."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import IO

from .._dates import Truth
from .._findings import Certainty, Finding
from .._paths import event_path
from .._printable import printable
from .._report import DeadlineStatus, Report
from .._rules import Law
from ..corpus import Outcome, RecordContext, Summary
from ..law import DEFAULT_LAW
from ._common import (
    LEGEND,
    Paint,
    counts_phrase,
    plural,
    severity_counts,
    summary_text,
    when_phrase,
    wrap,
)

_EXPIRED = {Truth.TRUE: "expired", Truth.FALSE: "running", Truth.UNKNOWN: "undetermined"}


def _event_phrase(index: int, event_id: str | None, context: RecordContext | None) -> str:
    kind = context.event_type(index) if context is not None else None
    parts = []
    if kind is not None:
        parts.append(kind.replace("_", " "))
    if event_id is not None:
        parts.append(repr(event_id))
    where = event_path(index)
    # In a JSON Lines corpus the heading already gives the record's line.
    line = context.event_line(index) if context is not None and context.line is None else None
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
    paint = Paint(color)
    sev = finding.severity.value
    head = f"  {paint(sev.upper(), sev)}  {paint(finding.rule_id, 'bold')}"
    title = (rule_titles or {}).get(finding.rule_id)
    pad = "    "
    if title:
        # Wrap the title as if the (coloured) head were plain text of its length.
        shown = len(f"  {sev.upper()}  {finding.rule_id}  ")
        wrapped = wrap(title, width, " " * shown)
        lines = [head + "  " + wrapped[0][shown:], *wrapped[1:]]
    else:
        lines = [head]
    ids = finding.event_ids

    def event_id(i: int) -> str | None:
        return ids[i] if i < len(ids) else None

    indices = finding.event_indices
    if indices:
        when = f"{when_phrase(finding.date)}: " if finding.date else ""
        lines += wrap(when + _event_phrase(indices[0], event_id(0), context), width, pad)
    message = printable(finding.message)
    lines += wrap(message[:1].upper() + message[1:], width, pad)
    others = [_event_phrase(index, event_id(i), context) for i, index in enumerate(indices) if i]
    if others:
        lines += wrap("See also: " + "; ".join(others), width, pad, pad + "  ")
    caveats = []
    if finding.certainty is Certainty.UNDETERMINED:
        caveats.append("undetermined: the possible dates, or the facts on record, do not settle it")
    caveats += [f"it holds under the reading {reading}" for reading in finding.readings]
    caveats += [gap.phrase() for gap in finding.unverified]
    if caveats:
        lines += [paint(part, "dim") for part in wrap("(" + "; ".join(caveats) + ")", width, pad)]
    for i, citation in enumerate(finding.citations):
        label = "Law: " if i == 0 else "     "
        lines += wrap(label + str(citation), width, pad, pad + "     ")
        if citation.url:
            lines.append(pad + "     " + paint(citation.url, "dim"))
        if citation.read_at:
            lines.append(pad + "     " + paint("read at " + citation.read_at, "dim"))
    if finding.accounts:
        if len(all_accounts) > 1 and set(finding.accounts) >= set(all_accounts):
            held = "every account (" + ", ".join(map(printable, finding.accounts)) + ")"
        else:
            held = "account " if len(finding.accounts) == 1 else "accounts "
            held += ", ".join(map(printable, finding.accounts))
        lines += wrap(f"Holds under {held}", width, pad)
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
    paint = Paint(color)
    # The id, the file name and the title come from the input: never raw to a terminal.
    where = printable(report.source or "")
    line = context.line if context is not None else None
    if where and line is not None:
        where += f":{line}"
    heading = paint(printable(report.record_id), "bold")
    if where:
        heading += f"  {paint(where, 'dim')}"
    title = context.title if context is not None else None
    facts = []
    if context is not None and context.event_types:
        facts.append(plural(context.events, "event"))
    if report.accounts:
        names = ", ".join(map(printable, report.accounts))
        facts.append(f"{plural(len(report.accounts), 'account')} ({names})")
    if report.findings:
        facts.append(counts_phrase(severity_counts(report.findings)))
    else:
        facts.append(paint("no findings", "ok"))
    lines = [heading]
    if title and title != report.record_id:
        lines += wrap(printable(title), width, "  ")
    lines += wrap(" · ".join(facts), width, "  ")
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


#: What a time limit counts from, as a clause of its line (nothing for the event's date).
_COUNTED_FROM = {
    "event": "",
    "served": ", counted from the date it was served",
    "event_not_served": (
        ", counted from its date: the law counts from receipt of a copy and the record gives "
        "no service date, so the period may end later"
    ),
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
    paint = Paint(color)
    lines = [f"  {paint('Time limits as of ' + as_of, 'bold')}"]
    if reason is not None:
        lines += wrap(reason, width, "    ")
    elif not deadlines:
        lines.append("    No time limit is running.")
    for d in deadlines:
        state = _EXPIRED[d.expired]
        style = {"expired": "violation", "undetermined": "warning", "running": "ok"}[state]
        first, last = d.due
        if d.due_open == (True, True):  # pragma: no cover - a date has a known end
            due = "unknown"
        elif d.due_open[0]:
            due = f"on or before {last}"
        elif d.due_open[1]:
            due = f"on or after {first}"
        else:
            due = first.isoformat() if first == last else f"between {first} and {last}"
        lines += wrap(
            f"{paint(state.upper(), style)}  {paint(d.rule_id, 'bold')}  {d.label} "
            f"({d.jurisdiction}); the clock started with {d.started_by!r}"
            + _COUNTED_FROM[d.counted_from]
            + f"; last day {due}"
            + (f"; account {printable(d.account)}" if d.account else "")
            + ("; the clock may not have started by then" if d.started is not Truth.TRUE else ""),
            width,
            "    ",
            "      ",
        )
    return "\n".join(lines) + "\n"


class TextFormat:
    """Each record's report as text, then the summary line and the legend.

    Args:
        law: The law applied (its rules' titles name the findings).
        color: Add ANSI colours.
        width: Wrap at this many columns; ``None`` to never wrap.
    """

    name = "text"
    event_lines = True
    writes_summary = True

    def __init__(self, *, law: Law = DEFAULT_LAW, color: bool = False, width: int | None = 100):
        if width is not None and width < 1:
            # Here, not deep in the wrapping of the first record (in a worker, perhaps).
            raise ValueError(f"width must be a number of columns (1 or more) or None, not {width}")
        self.color = color
        self.width = width
        self.titles = {r.id: r.title for r in law.all_rules}
        self._first = True

    def render(self, outcome: Outcome) -> str:
        if outcome.report is None:
            return ""
        text = render_report_text(
            outcome.report,
            context=outcome.context,
            rule_titles=self.titles,
            color=self.color,
            width=self.width,
        )
        if outcome.as_of is not None:
            text += "\n" + render_deadlines_text(
                outcome.deadlines, as_of=outcome.as_of, color=self.color, width=self.width
            )
        return text

    def start(self, out: IO[str]) -> None:
        self._first = True

    def write(self, out: IO[str], outcome: Outcome) -> None:
        text = outcome.rendered if outcome.rendered is not None else self.render(outcome)
        if not text:
            return
        if not self._first:
            out.write("\n")
        out.write(text)
        self._first = False

    def finish(self, out: IO[str], summary: Summary) -> None:
        paint = Paint(self.color)
        if summary.records:
            out.write("\n")
        out.write(summary_text(summary) + "\n")
        if any(summary.findings.values()):
            for line in textwrap.wrap(LEGEND, width=self.width or 100):
                out.write(paint(line, "dim") + "\n")
