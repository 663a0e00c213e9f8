"""The concise format: one line per finding, ``FILE:LINE: RULE severity: message``.

For people who grep, and for editors that jump to ``file:line`` (the shape of
ruff's and compilers' concise output). Input errors go to standard error, as
with JSON Lines.
"""

from __future__ import annotations

from .._findings import Certainty, Finding
from .._printable import printable
from ..corpus import Outcome
from ._common import LineFormat


def _one_line(text: str) -> str:
    return " ".join(printable(text).split())


def concise_line(finding: Finding, outcome: Outcome) -> str:
    """One finding as one line: where, the rule, the severity, the sentence, the events.

    ``where`` is the file and line of the triggering event (or of the record,
    in a JSON Lines input); an undetermined finding says so after its severity;
    the accounts it holds under follow in brackets when the record has several.
    """
    index = finding.event_indices[0] if finding.event_indices else None
    line = outcome.line
    if line is None and outcome.context is not None and index is not None:
        line = outcome.context.event_line(index)
    where = printable(outcome.source or "<stdin>") + (f":{line}" if line is not None else "")
    severity = finding.severity.value
    if finding.certainty is Certainty.UNDETERMINED:
        severity += " (undetermined)"
    events = f" [{_one_line(', '.join(finding.event_ids))}]" if finding.event_ids else ""
    accounts = f" {{{_one_line(', '.join(finding.accounts))}}}" if finding.accounts else ""
    return (
        f"{where}: {finding.rule_id} {severity}: {_one_line(finding.message)}{events}{accounts}\n"
    )


class ConciseFormat(LineFormat):
    """One line per finding (see :func:`concise_line`); the summary goes to standard error."""

    name = "concise"

    def render(self, outcome: Outcome) -> str:
        if outcome.report is None:
            return ""
        return "".join(concise_line(f, outcome) for f in outcome.report.findings)
