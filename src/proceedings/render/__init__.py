"""Output: validation results in every format, rules as text and JSON, diagrams, case reports.

A format is a :class:`Format`: it starts a document, writes each record's
outcome as it arrives, and finishes with the totals, so memory stays flat
however large the corpus. :data:`FORMATS` holds them by name; the command
line's ``--format`` choices are its keys.

>>> import io, proceedings
>>> from proceedings import render
>>> with open("examples/cases/kasimov.json", "rb") as fp:
...     report = proceedings.validate(proceedings.load(fp))
>>> out = io.StringIO()
>>> summary = render.write_reports([report], "sarif", out)
>>> summary.records, out.getvalue().startswith("{")
(1, True)

Adding a format is one file: a class with the four members of
:class:`Format` (see the how-to "Add an output format"), registered in
:data:`FORMATS`. Each name here is imported when first used, so that a run
imports only the format it writes.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, Protocol

import attrs

from .._report import Report
from .._rules import Law
from ..corpus import Outcome, Summary, Tally
from ..law import DEFAULT_LAW

# The names are imported when first used (PEP 562), so that a run imports only
# the formats it writes (``validate`` in text needs neither HTML nor SARIF);
# type checkers and editors read the imports below.
if TYPE_CHECKING:
    from .._printable import printable
    from .._rows import FINDING_COLUMNS, SEPARATOR, SUMMARY_COLUMNS
    from .._timeline import Change, Span, Timeline, TimelineEvent, timeline
    from ._common import (
        LEGEND,
        SEVERITIES,
        counts_phrase,
        severity_counts,
        summary_text,
        when_phrase,
    )
    from ._concise import ConciseFormat, concise_line
    from ._diagrams import chart_to_dot, chart_to_mermaid, timeline_to_dot, timeline_to_mermaid
    from ._html import ReadingChange, case_report_html, reading_changes
    from ._json import (
        REPORT_FORMAT_VERSION,
        JsonFormat,
        deadline_to_dict,
        finding_to_dict,
        outcome_to_dict,
        problem_to_dict,
        report_to_dict,
    )
    from ._jsonl import JsonLinesFormat, finding_lines
    from ._parquet import (
        FormatUnavailable,
        ParquetFormat,
        SummaryParquetFormat,
        parquet_available,
        write_parquet,
    )
    from ._rules import explain_text, rule_to_dict, rules_text
    from ._sarif import (
        SARIF_INFORMATION_URI,
        SARIF_SCHEMA,
        SARIF_VERSION,
        SarifFormat,
        artifact_uri,
        sarif_log,
        sarif_notification,
        sarif_result,
        sarif_rule,
        sarif_rules,
    )
    from ._svg import SEVERITY_STYLE, timeline_to_svg
    from ._tables import (
        TABLES,
        CsvFormat,
        SummaryCsvFormat,
        corpus_rows,
        csv_cell,
        finding_rows,
        outcome_rows,
        summary_row,
    )
    from ._text import TextFormat, render_deadlines_text, render_finding_text, render_report_text
    from ._trace import trace_text, trace_to_dict


__all__ = [
    "BINARY_FORMATS",
    "FINDING_COLUMNS",
    "FORMATS",
    "LEGEND",
    "REPORT_FORMAT_VERSION",
    "SARIF_INFORMATION_URI",
    "SARIF_SCHEMA",
    "SARIF_VERSION",
    "SEPARATOR",
    "SEVERITIES",
    "SUMMARY_COLUMNS",
    "TABLES",
    "SEVERITY_STYLE",
    "Change",
    "ConciseFormat",
    "CsvFormat",
    "Format",
    "FormatFactory",
    "FormatUnavailable",
    "JsonFormat",
    "JsonLinesFormat",
    "ParquetFormat",
    "ReadingChange",
    "SarifFormat",
    "Span",
    "SummaryCsvFormat",
    "SummaryParquetFormat",
    "TextFormat",
    "Timeline",
    "TimelineEvent",
    "artifact_uri",
    "case_report_html",
    "chart_to_dot",
    "chart_to_mermaid",
    "concise_line",
    "corpus_rows",
    "counts_phrase",
    "csv_cell",
    "deadline_to_dict",
    "explain_text",
    "finding_lines",
    "finding_rows",
    "finding_to_dict",
    "outcome_rows",
    "outcome_to_dict",
    "parquet_available",
    "printable",
    "problem_to_dict",
    "reading_changes",
    "render_deadlines_text",
    "render_finding_text",
    "render_report_text",
    "report_to_dict",
    "rule_to_dict",
    "rules_text",
    "sarif_log",
    "sarif_notification",
    "sarif_result",
    "sarif_rule",
    "sarif_rules",
    "severity_counts",
    "summary_row",
    "summary_text",
    "timeline",
    "timeline_to_dot",
    "timeline_to_mermaid",
    "trace_text",
    "trace_to_dict",
    "timeline_to_svg",
    "when_phrase",
    "write_outcomes",
    "write_parquet",
    "write_reports",
]


#: Each public name not defined here: the module it is imported from when first used.
_HOME: dict[str, str] = {
    name: module
    for module, names in {
        ".._printable": ("printable",),
        ".._rows": ("FINDING_COLUMNS", "SEPARATOR", "SUMMARY_COLUMNS"),
        ".._timeline": ("Change", "Span", "Timeline", "TimelineEvent", "timeline"),
        "._common": (
            "LEGEND",
            "SEVERITIES",
            "counts_phrase",
            "severity_counts",
            "summary_text",
            "when_phrase",
        ),
        "._concise": ("ConciseFormat", "concise_line"),
        "._diagrams": (
            "chart_to_dot",
            "chart_to_mermaid",
            "timeline_to_dot",
            "timeline_to_mermaid",
        ),
        "._html": ("ReadingChange", "case_report_html", "reading_changes"),
        "._json": (
            "REPORT_FORMAT_VERSION",
            "JsonFormat",
            "deadline_to_dict",
            "finding_to_dict",
            "outcome_to_dict",
            "problem_to_dict",
            "report_to_dict",
        ),
        "._jsonl": ("JsonLinesFormat", "finding_lines"),
        "._parquet": (
            "FormatUnavailable",
            "ParquetFormat",
            "SummaryParquetFormat",
            "parquet_available",
            "write_parquet",
        ),
        "._rules": ("explain_text", "rule_to_dict", "rules_text"),
        "._sarif": (
            "SARIF_INFORMATION_URI",
            "SARIF_SCHEMA",
            "SARIF_VERSION",
            "SarifFormat",
            "artifact_uri",
            "sarif_log",
            "sarif_notification",
            "sarif_result",
            "sarif_rule",
            "sarif_rules",
        ),
        "._svg": ("SEVERITY_STYLE", "timeline_to_svg"),
        "._tables": (
            "TABLES",
            "CsvFormat",
            "SummaryCsvFormat",
            "corpus_rows",
            "csv_cell",
            "finding_rows",
            "outcome_rows",
            "summary_row",
        ),
        "._text": (
            "TextFormat",
            "render_deadlines_text",
            "render_finding_text",
            "render_report_text",
        ),
        "._trace": ("trace_text", "trace_to_dict"),
    }.items()
    for name in names
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOME[name], __name__), name)
    globals()[name] = value  # the next lookup does not come here
    return value


class Format(Protocol):
    """An output format for validation outcomes, written as they arrive.

    A run calls :meth:`start` once, :meth:`write` for each outcome in input
    order, and :meth:`finish` once with the totals. :meth:`render` is pure
    (it reads neither the output nor the format's state), so that
    :func:`~proceedings.corpus.validate_corpus` can run it in its worker
    processes and send back only text.

    Attributes:
        name: The name in :data:`FORMATS` and on the command line.
        event_lines: Whether it shows events' lines in the file (the corpus
            then finds them, at the cost of a second scan of each document).
        writes_summary: Whether :meth:`finish` writes the summary line into
            the output (if not, the command line prints it on standard error).
    """

    name: str
    event_lines: bool
    writes_summary: bool

    def render(self, outcome: Outcome) -> str:
        """The text that stands for one outcome (``""`` for none)."""

    def start(self, out: IO[str]) -> None:
        """Write what comes before the first outcome."""

    def write(self, out: IO[str], outcome: Outcome) -> None:
        """Write one outcome: its :attr:`~proceedings.corpus.Outcome.rendered` text if it
        was rendered already, else what :meth:`render` gives."""

    def finish(self, out: IO[str], summary: Summary) -> None:
        """Write what comes after the last outcome; ``summary`` has the input problems."""


class FormatFactory(Protocol):
    """What :data:`FORMATS` holds: a callable (usually the format's class) making a format."""

    def __call__(
        self, *, law: Law = DEFAULT_LAW, color: bool = False, width: int | None = 100
    ) -> Format: ...


class _Registry(Mapping[str, FormatFactory]):
    """Formats by name, each imported when it is first looked up."""

    def __init__(self, classes: Mapping[str, str]) -> None:
        self._classes = dict(classes)  # name -> the class's public name here

    def __getitem__(self, name: str) -> FormatFactory:
        factory: FormatFactory = __getattr__(self._classes[name])
        return factory

    def __iter__(self) -> Iterator[str]:
        return iter(self._classes)

    def __len__(self) -> int:
        return len(self._classes)

    def __repr__(self) -> str:
        return "{" + ", ".join(f"{n!r}: {c}" for n, c in self._classes.items()) + "}"


#: The output formats of ``validate``, by name (a mapping to each format's class).
FORMATS: Mapping[str, FormatFactory] = _Registry(
    {
        "text": "TextFormat",
        "concise": "ConciseFormat",
        "json": "JsonFormat",
        "jsonl": "JsonLinesFormat",
        "sarif": "SarifFormat",
        "csv": "CsvFormat",
        "summary-csv": "SummaryCsvFormat",
    }
)

#: The formats that write bytes (Parquet), by name: they follow :class:`Format`, but
#: write to the binary buffer beneath the text stream they are given (standard
#: output, or a file opened in text mode), so a :class:`io.StringIO` cannot take
#: them. The command line offers them beside :data:`FORMATS`.
BINARY_FORMATS: Mapping[str, FormatFactory] = _Registry(
    {"parquet": "ParquetFormat", "summary-parquet": "SummaryParquetFormat"}
)


def write_outcomes(
    outcomes: Iterable[Outcome],
    fmt: Format,
    out: IO[str],
    *,
    each: Callable[[Outcome], object] | None = None,
) -> Summary:
    """Write outcomes (from :func:`~proceedings.corpus.validate_corpus`) in a format.

    Args:
        outcomes: The outcomes, in the order to write them.
        fmt: The format.
        out: A text stream.
        each: Called with each outcome before it is written (to report its
            problems, or show progress).

    On :exc:`KeyboardInterrupt`, the format's end is written with the totals
    so far (:attr:`~proceedings.corpus.Summary.complete` false) before the
    interruption goes on, so that a JSON or SARIF document stays whole.

    Returns:
        The totals, as the format's end was written with them.
    """
    started = time.perf_counter()
    tally = Tally()
    fmt.start(out)
    try:
        for outcome in outcomes:
            if each is not None:
                each(outcome)
            tally.add(outcome)
            fmt.write(out, outcome)
    except KeyboardInterrupt:
        # Close the document, so that what was written stays a valid one, marked
        # incomplete; then let the interruption go on.
        cut = attrs.evolve(tally.summary(time.perf_counter() - started), complete=False)
        fmt.finish(out, cut)
        raise
    summary = tally.summary(time.perf_counter() - started)
    fmt.finish(out, summary)
    return summary


def write_reports(
    reports: Iterable[Report], fmt: str | Format, out: IO[str], *, law: Law = DEFAULT_LAW
) -> Summary:
    """Write reports in a format, as ``proceedings validate`` would for their records.

    Without the records, the text has no event types or lines.

    Args:
        reports: The reports, e.g. from :func:`proceedings.validate`.
        fmt: A name in :data:`FORMATS`, or a format.
        out: A text stream.
        law: The law the reports were made under (rule titles, SARIF rules).

    Raises:
        KeyError: An unknown format name.
    """
    chosen = FORMATS[fmt](law=law) if isinstance(fmt, str) else fmt
    outcomes = (Outcome(source=r.source, report=r) for r in reports)
    return write_outcomes(outcomes, chosen, out)


def __dir__() -> list[str]:
    return sorted(__all__)
