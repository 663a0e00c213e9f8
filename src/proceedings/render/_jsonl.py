"""The JSON Lines format: one line per finding (and per time limit), for pipelines."""

from __future__ import annotations

import json
from typing import Any

from .._report import Report
from ..corpus import Outcome, RecordContext
from ._common import LineFormat
from ._json import deadline_to_dict, finding_to_dict


def _line(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def finding_lines(report: Report, *, context: RecordContext | None = None) -> list[str]:
    """JSON Lines for a pipeline: one line per finding, with its record.

    Each line is :func:`finding_to_dict` plus ``"kind": "finding"``,
    ``record_id``, ``source`` and ``line`` (the record's line in a JSON Lines
    corpus, else the triggering event's line in the file, if known). Lines
    end with a newline.
    """
    out = []
    for f in report.findings:
        index = f.event_indices[0] if f.event_indices else None
        line = context.event_line(index) if context is not None and index is not None else None
        data = {
            "kind": "finding",
            "record_id": report.record_id,
            "source": report.source,
            "line": line,
            **finding_to_dict(f),
        }
        out.append(_line(data))
    return out


class JsonLinesFormat(LineFormat):
    """One line per finding (``"kind": "finding"``, see :func:`finding_lines`) and, with
    time limits, per limit (``"kind": "deadline"``). Input errors are not written."""

    name = "jsonl"

    def render(self, outcome: Outcome) -> str:
        if outcome.report is None:
            return ""
        out = finding_lines(outcome.report, context=outcome.context)
        for d in outcome.deadlines:
            entry = {
                "kind": "deadline",
                "record_id": outcome.report.record_id,
                "source": outcome.source,
                "line": outcome.line,
                "as_of": outcome.as_of,
                **deadline_to_dict(d),
            }
            out.append(_line(entry))
        return "".join(out)
