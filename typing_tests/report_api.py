"""The case report and the timeline picture, as a user's code calls them."""

from __future__ import annotations

import proceedings
from proceedings import CaseRecord, Severity
from proceedings.law import DEFAULT_LAW
from proceedings.render import (
    SEVERITY_STYLE,
    ReadingChange,
    case_report_html,
    reading_changes,
    timeline,
    timeline_to_svg,
)


def report_page(record: CaseRecord) -> tuple[str, str]:
    report = proceedings.validate(record)
    svg: str = timeline_to_svg(
        timeline(record, account=None), report=report, tracks=None, width=800
    )
    page: str = case_report_html(record, report, law=DEFAULT_LAW, timeline_svg=svg)
    return page, svg


def changes(record: CaseRecord) -> list[str]:
    found: tuple[ReadingChange, ...] = reading_changes(record, law=DEFAULT_LAW)
    colour, shape = SEVERITY_STYLE[Severity.VIOLATION]
    return [f"{c.reading}={c.option}: +{len(c.appeared)} -{len(c.disappeared)}" for c in found] + [
        colour,
        shape,
    ]
