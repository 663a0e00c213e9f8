"""The plumbing of ``proceedings report`` and ``proceedings diagram``.

The commands in :mod:`proceedings.cli` stay thin: this module validates the
record, draws the picture or the report with :mod:`proceedings.render`, and
writes it to a file or standard output (or, for a ``.pdf`` file, through
WeasyPrint where the optional ``pdf`` extra is installed).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from . import _console as console
from . import _terminal as term
from . import render
from ._chart import CHART
from ._engine import validate
from ._errors import UnknownName
from ._model import CaseRecord
from ._report import Report
from ._rules import Law
from ._statechart import diagram_model
from .law import DEFAULT_LAW

#: The accounts option of ``report``, as ``validate`` has it.
ACCOUNTS = click.option(
    "--account",
    "accounts",
    multiple=True,
    metavar="NAME",
    help="Only these accounts of a record with conflicting sources (repeatable).",
)


def _report_of(record: CaseRecord, law: Law, accounts: Sequence[str]) -> Report:
    try:
        return validate(record, law=law, accounts=list(accounts) or None)
    except UnknownName as exc:
        raise click.BadParameter(str(exc), param_hint="'--account'") from None


def diagram(fmt: str, tracks: Sequence[str], case: str | None, account: str | None) -> str:
    """What ``proceedings diagram`` prints: the statechart, or a record's timeline."""
    known = [t.name for t in CHART.tracks]
    for t in tracks:
        if t not in known:
            raise click.BadParameter(
                f"unknown track {t!r}; tracks: {', '.join(known)}", param_hint="'--track'"
            )
    only = list(tracks) or None
    if case is None:
        if account is not None:
            raise click.UsageError("--account needs --case FILE")
        if fmt == "svg":
            raise click.UsageError(
                "--format svg draws a case's timeline (--case FILE); for the statechart, "
                "pipe --format dot into Graphviz: dot -Tsvg"
            )
        draw_chart = render.chart_to_mermaid if fmt == "mermaid" else render.chart_to_dot
        return draw_chart(diagram_model(CHART), tracks=only)
    record = term.load_one(case)
    if fmt == "svg":
        return timeline_svg(record, account=account, tracks=only)
    try:
        timeline = render.timeline(record, account=account)
    except UnknownName as exc:
        raise click.BadParameter(str(exc), param_hint="'--account'") from None
    draw = render.timeline_to_mermaid if fmt == "mermaid" else render.timeline_to_dot
    return draw(timeline, tracks=only)


def timeline_svg(
    record: CaseRecord, *, account: str | None, tracks: Sequence[str] | None, width: int = 960
) -> str:
    """The record's timeline as SVG, with the findings under the default law marked."""
    try:
        model = render.timeline(record, account=account)
    except UnknownName as exc:
        raise click.BadParameter(str(exc), param_hint="'--account'") from None
    report = _report_of(record, DEFAULT_LAW, [account] if account else [])
    return render.timeline_to_svg(model, report=report, tracks=tracks, width=width)


def _pdf(html_text: str, target: Path) -> bytes:
    try:
        import weasyprint  # type: ignore[import-not-found, import-untyped, unused-ignore]  # noqa: PLC0415
    except (ImportError, OSError) as exc:
        # OSError: the package is there but the Pango libraries it loads are not.
        console.error(
            f"{target}: writing PDF needs WeasyPrint and its system libraries (Pango): "
            f"pip install 'proceedings-law[pdf]' ({type(exc).__name__}: {exc}); or write HTML "
            "and print it from a browser"
        )
        sys.exit(2)
    pdf: bytes = weasyprint.HTML(string=html_text).write_pdf()
    return pdf


def write_case_report(case: str, output: str | None, *, law: Law, accounts: Sequence[str]) -> int:
    """Validate one record, write its case report, and return the exit status (0 or 1).

    Args:
        case: The record's file, or ``-`` for standard input.
        output: The file to write (``.pdf`` for PDF, anything else HTML), or
            ``None`` or ``-`` for standard output.
        law: The law to apply.
        accounts: Only these accounts (all if empty).
    """
    record = term.load_one(case)
    report = _report_of(record, law, accounts)
    text = render.case_report_html(record, report, law=law)
    if output is not None and Path(output).suffix.lower() == ".pdf":
        pdf = _pdf(text, Path(output))  # before anything is written
        with term.output(output, machine=True) as out:
            out.flush()
            out.buffer.write(pdf)  # type: ignore[attr-defined]  # a file opened as text
    else:
        # Written whole, then moved into place: a failed run leaves no half report.
        with term.output(output, machine=True) as out:
            out.write(text)
    return 0 if report.ok else 1


# -- the commands ----------------------------------------------------------------------


@click.command("schema", short_help="Print the JSON Schema of a case record.")
def schema_command() -> None:
    """Print the JSON Schema (draft 2020-12) of the case-record format."""
    from . import schema  # noqa: PLC0415 - the schema is built only when asked for

    click.echo(schema.schema_json(), nl=False)


@click.command("diagram", short_help="Draw the statechart or a case's timeline.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["mermaid", "dot", "svg"]),
    default="mermaid",
    show_default=True,
    help="Mermaid (paste into Markdown), Graphviz DOT (pipe into 'dot -Tsvg') or, with "
    "--case, an SVG picture on a time axis with the findings marked.",
)
@click.option(
    "--track",
    "tracks",
    multiple=True,
    metavar="NAME",
    help="Only this track of the statechart (repeatable), e.g. asylum, extradition.",
)
@click.option(
    "--case",
    "case",
    metavar="FILE",
    help="Draw this record's timeline instead: its events by date and the tracks' states.",
)
@click.option("--account", metavar="NAME", help="With --case: the account to follow.")
def diagram_command(
    fmt: str, tracks: tuple[str, ...], case: str | None, account: str | None
) -> None:
    """Draw the statechart of the procedure, or one case's timeline (--case)."""
    click.echo(diagram(fmt, tracks, case, account), nl=False)


@click.command("report", short_help="Write a case report: one HTML file to open or print.")
@click.argument("case", metavar="CASE")
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="The file (.html, or .pdf with the pdf extra); standard output if - or not given.",
)
@term.law_options
@ACCOUNTS
def report_command(case: str, output: str | None, accounts: tuple[str, ...], **law: Any) -> None:
    """Write one record's case report: a self-contained HTML file (no network when
    opened) with the summary, the timeline, the findings linked to their events,
    quotes and citations, what remains uncertain and what other readings change.

    Exit status: 0 no violation, 1 violations found, 2 bad usage or input.
    """
    chosen = term.law_from(law)
    sys.exit(write_case_report(case, output, law=chosen, accounts=accounts))
