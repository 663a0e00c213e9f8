"""``proceedings validate`` and ``proceedings test``: the commands that read records.

Only the commands and their options are here: :mod:`proceedings.corpus`
reads and validates the inputs (through worker processes with ``--jobs``), in
input order; :mod:`proceedings.render` has the output formats (``--format``
lists :data:`proceedings.render.FORMATS`); ``proceedings._terminal`` colours,
wraps, shows progress and reports errors.
"""

from __future__ import annotations

import contextlib
import sys

import click

from . import _console as console
from . import _terminal as term
from . import render
from ._dates import UncertainDate
from ._errors import InvalidDate
from ._limits import Limits
from ._printable import printable
from .corpus import Outcome, Tally, iter_inputs, validate_corpus


@click.command("validate", short_help="Validate case records against the law.")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice([*render.FORMATS, *render.BINARY_FORMATS]),
    default="text",
    show_default=True,
    help="text for people; concise (one line per finding); json (one document), jsonl "
    "(one finding per line) or sarif (2.1.0) for tools; csv (one row per finding), "
    "summary-csv (one row per record), parquet and summary-parquet (the same tables; need "
    "pyarrow) for researchers.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    help="Write the output to this file (written whole, then moved into place).",
)
@click.option("-q", "--quiet", is_flag=True, help="No summary line and no progress bar.")
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even if violations are found (still 2 for an input that could not be read).",
)
@term.law_options
@click.option(
    "--account",
    "accounts",
    multiple=True,
    metavar="NAME",
    help="Evaluate only these accounts of a record with conflicting sources (repeatable).",
)
@click.option(
    "--as-of",
    metavar="DATE",
    help="Validate as of DATE: later events do not count; list the time limits on DATE "
    "(not in SARIF or the tables).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes; 0 for one per CPU.",
)
@click.option(
    "--limit",
    "limits",
    multiple=True,
    metavar="NAME=VALUE",
    callback=term.parse_limits,
    help="Raise or lower a limit on one input (repeatable; sizes take K, M, G): "
    + ", ".join(f"{n} ({Limits().describe(n)})" for n in Limits.names())
    + ".",
)
@click.option("--color/--no-color", default=None, help="Colour the text (default: on a terminal).")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: for large inputs when stderr is a terminal "
    "and stdout is not).",
)
def validate_command(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    quiet: bool,
    exit_zero: bool,
    law_spec: str | None,
    rulebooks: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    readings: tuple[str, ...],
    verified_only: bool,
    accounts: tuple[str, ...],
    as_of: str | None,
    jobs: int,
    limits: Limits,
    color: bool | None,
    progress: bool | None,
) -> None:
    """Validate case records and report every finding with its legal citation.

    PATH is a JSON file (one record), a JSON Lines file (one record per line,
    .jsonl), a directory (searched for *.json and *.jsonl) or - for standard
    input. A bad input is reported with its file, line and JSON path, and
    the other records are still validated.

    \b
    Formats: text (for people; may change), concise (FILE:LINE: RULE
    severity: message, one line per finding), json (one document: "reports",
    "errors", "summary"), jsonl (one line per finding, and per time limit
    with --as-of; errors on stderr only), sarif (SARIF 2.1.0, input errors as
    tool notifications), csv and summary-csv (RFC 4180 tables; input errors
    are rows with the error column filled), parquet and summary-parquet (the
    same tables, binary: redirect to a file). Each is written as records are
    validated, in input order.

    Each input is held to limits (--limit) and read in its own error boundary:
    one that is too large, too deep or broken is an error naming its file and
    line, and the run goes on.

    Exit status: 0 no violation, 1 violations found, 2 bad usage, an input
    that could not be validated or a repeated record id (even if violations
    were found too), an internal error, or an interruption. If the reader of
    the output goes away (| head), the status of what was validated so far.
    """
    law = term.law_of(
        rulebooks, readings, verified_only, law=law_spec, select=select, ignore=ignore
    )
    if as_of is not None:
        try:
            UncertainDate.parse(as_of)
        except InvalidDate as exc:
            raise click.BadParameter(str(exc), param_hint="'--as-of'") from None
    with term.output(output, machine=fmt != "text") as out:
        try:
            factory = render.FORMATS.get(fmt) or render.BINARY_FORMATS[fmt]
            chosen = factory(
                law=law,
                color=fmt == "text" and console.color_wanted(color, out),
                width=term.width(out),
            )
        except render.FormatUnavailable as exc:  # pyarrow missing for Parquet
            raise click.UsageError(str(exc)) from None
        inputs = list(iter_inputs(paths))
        bar = None if quiet else term.progress(sum(i.size for i in inputs), progress)
        seen = Tally()

        def each(outcome: Outcome) -> None:
            seen.add(outcome)
            if bar is not None:
                bar.update(outcome.size)
            term.report_problems(outcome)

        outcomes = validate_corpus(
            inputs,
            law=law,
            accounts=accounts or None,
            as_of=as_of,
            jobs=jobs,
            event_lines=chosen.event_lines,
            render=chosen.render,
            limits=limits,
        )
        try:
            with bar if bar is not None else contextlib.nullcontext():
                summary = render.write_outcomes(outcomes, chosen, out, each=each)
        except render.FormatUnavailable as exc:  # binary output on a terminal
            raise click.UsageError(str(exc)) from None
        except BrokenPipeError:
            # The reader went away (``| head``): the status of what was validated till then.
            console.quiet_stdout()
            sys.exit(term.status(seen.summary(), exit_zero=exit_zero))
    if not chosen.writes_summary and not quiet:
        click.echo(render.summary_text(summary), err=True)
    sys.exit(term.status(summary, exit_zero=exit_zero))


@click.command("test", short_help="Run test-case files: expected findings of records.")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "-v", "--verbose", is_flag=True, help="Also list the passing files and the known misses."
)
def test_command(paths: tuple[str, ...], verbose: bool) -> None:
    """Run test-case files and show where the findings differ from them.

    PATH is a test-case file (*.test.toml) or a directory searched for them.
    Each file names a record and the findings expected of it, those that must
    not appear, and, for the record of a decided case, whether the body's own
    holdings are the expectations (see the how-to on test-case files).

    For decided cases it prints the score: the body's findings of a violation
    the engine reproduces (a violation citing the same article, about the same
    event), and the certain violations it gives where the body found none.

    Exit status: 0 every file passes, 1 a difference, 2 a file or its record
    could not be read (the other files are still run).
    """
    from .casefiles import CaseFileError, find_casefiles, run_casefile, score  # noqa: PLC0415

    results = []
    unreadable = 0
    files = list(find_casefiles(paths))
    if not files:
        console.error("no test-case files (*.test.toml) at " + ", ".join(map(printable, paths)))
        sys.exit(2)
    for file in files:
        try:
            result = run_casefile(file)
        except CaseFileError as exc:
            unreadable += 1
            click.echo(f"ERROR {printable(exc.source)}", err=True)
            for problem in exc.problems:
                click.echo(f"  {printable(problem)}", err=True)
            continue
        results.append(result)
        if result.passed:
            if verbose:
                click.echo(f"pass  {printable(result.source)} ({result.checked} checked)")
        else:
            click.echo(f"FAIL  {printable(result.source)} ({printable(result.record_id)})")
            for difference in result.differences:
                click.echo(f"  {difference.kind}: {printable(difference.text)}")
        if verbose and result.holdings is not None:
            for holding, why in result.holdings.missed:
                if why:
                    click.echo(f"  known miss: {printable(holding)}: {printable(why)}")
    failed = sum(not r.passed for r in results)
    click.echo(
        f"{len(results) - failed} passed, {failed} failed, {unreadable} unreadable "
        f"({len(files)} test-case files)"
    )
    term.show_score(score(results))
    if unreadable:
        sys.exit(2)
    sys.exit(1 if failed else 0)
