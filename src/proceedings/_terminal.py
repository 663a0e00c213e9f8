"""How the ``proceedings`` command talks to a terminal: colour, width, progress, errors, options.

The commands are in :mod:`proceedings.cli`; this is their plumbing: what
they print on standard error, when they colour, and the last line of defence
that turns a bug into a message and exit status 2 instead of a traceback.
"""

from __future__ import annotations

import contextlib
import difflib
import importlib
import importlib.util
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import attrs
import click

from ._console import INTERNAL, debug, error, isatty
from ._errors import InvalidDefinition, UnknownName
from ._limits import Limits, parse_limit
from ._model import CaseRecord
from ._printable import printable
from ._rules import Law, Rulebook
from .corpus import Outcome, Summary, read_record
from .law import DEFAULT_RULEBOOKS, RECORD

_F = TypeVar("_F", bound=Callable[..., Any])

if TYPE_CHECKING:
    from .casefiles import HoldingScore  # imported only by the test command

#: Inputs at least this large get a progress bar (when stderr is a terminal).
PROGRESS_BYTES = 1 << 20


def safe_stdout(machine: bool) -> None:
    """Let standard output write any string: a lone surrogate becomes ``\\udXXX``.

    In JSON that is the escape of the same character, so a machine format
    stays valid and says what the input said; machine formats are UTF-8
    whatever the locale.
    """
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        if machine:
            reconfigure(encoding="utf-8", errors="backslashreplace")
        else:
            reconfigure(errors="backslashreplace")


def status(summary: Summary, *, exit_zero: bool = False) -> int:
    """The exit status of a run: 2 for any input problem, 1 for violations (0 with
    ``exit_zero``), else 0."""
    if summary.problems:
        return 2
    return 1 if summary.violations and not exit_zero else 0


@contextlib.contextmanager
def output(name: str | None, *, machine: bool) -> Iterator[IO[str]]:
    """Standard output, or a file (``-o``) written whole and then moved into place.

    The file is written next to its target and renamed over it at the end, so
    that a run that fails leaves the old file (if any) as it was; a run cut short
    by Ctrl-C leaves the document it closed, marked incomplete.
    """
    if name is None or name == "-":
        safe_stdout(machine=machine)
        yield sys.stdout
        return
    target = Path(name)
    try:
        fd, temporary = tempfile.mkstemp(
            dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}."
        )
    except OSError as exc:
        error(f"{printable(name)}: cannot write: {exc.strerror or exc}")
        sys.exit(2)
    moved = False
    try:
        with open(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as stream:
            try:
                yield stream
            except KeyboardInterrupt:
                stream.close()
                os.replace(temporary, target)
                moved = True
                raise
        os.replace(temporary, target)
        moved = True
    finally:
        if not moved:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def parse_limits(ctx: click.Context, param: click.Parameter, values: Sequence[str]) -> Limits:
    """The ``--limit NAME=VALUE`` options, as :class:`~proceedings.corpus.Limits`."""
    limits = Limits()
    for value in values:
        try:
            limits = parse_limit(value, limits)
        except ValueError as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param=param) from None
    return limits


def progress(total: int, forced: bool | None) -> Any:
    wanted = forced if forced is not None else total >= PROGRESS_BYTES
    if not wanted or not isatty(sys.stderr) or (forced is None and isatty(sys.stdout)):
        return None
    return click.progressbar(
        length=max(total, 1), label="Validating", file=sys.stderr, show_eta=True, show_percent=True
    )


def width(stream: IO[str]) -> int | None:
    if isatty(stream):
        return max(60, min(100, shutil.get_terminal_size((100, 24)).columns))
    return 100


def report_problems(outcome: Outcome) -> None:
    for problem in outcome.problems:
        error(printable(str(problem)))
    if outcome.internal is not None:
        where = printable(outcome.where)
        first, _, trace = outcome.internal.partition("\n")
        detail = f"{first}\n{trace.rstrip()}" if debug() else first
        error(f"internal error while validating {where}: {detail}\n{INTERNAL}")


def load_one(name: str) -> CaseRecord:
    """One record from a file (or stdin), or exit 2 with every problem."""
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        error(f"{printable(name)}: cannot read: {exc.strerror or exc}")
        sys.exit(2)
    read = read_record(data, source="<stdin>" if name == "-" else name)
    if isinstance(read, list):
        for problem in read:
            error(printable(str(problem)))
        sys.exit(2)
    return read


# -- the law the user chose -------------------------------------------------------------

#: The rulebooks of the law that ``--rulebook`` chooses among (the record checks always run).
LAW_BOOKS = tuple(b for b in DEFAULT_RULEBOOKS if b is not RECORD)


def choose_rulebooks(
    names: Sequence[str], among: Sequence[Rulebook] = LAW_BOOKS
) -> tuple[Rulebook, ...]:
    """The record checks and the rulebooks named (all if none), in the law's order."""
    known = {b.name: b for b in among if b is not RECORD}
    for name in names:
        if name not in known:
            raise click.BadParameter(
                f"unknown rulebook {name!r}; choose among: {', '.join(known)}",
                param_hint="'--rulebook'",
            )
    return (RECORD, *(b for b in known.values() if not names or b.name in names))


def import_law(spec: str) -> Law:
    """The law that ``--law MODULE[:NAME]`` names, or a usage error.

    ``MODULE`` is a dotted module name (looked up from the current directory
    too) or a ``.py`` file; ``NAME`` defaults to ``LAW``, then ``RULEBOOKS``,
    then ``RULEBOOK``. A :class:`~proceedings.law.Law` is used as it is; a
    rulebook, or a sequence of them, is added to the library's rulebooks.
    """
    module_name, _, attr = spec.partition(":")
    hint = "'--law'"
    try:
        if module_name.endswith(".py"):
            path = Path(module_name)
            loaded = importlib.util.spec_from_file_location(path.stem, path)
            if loaded is None or loaded.loader is None or not path.is_file():
                raise click.BadParameter(f"no Python file {module_name!r}", param_hint=hint)
            module = importlib.util.module_from_spec(loaded)
            sys.modules[path.stem] = module  # so that worker processes can find its checks
            loaded.loader.exec_module(module)
        else:
            if "" not in sys.path and os.getcwd() not in sys.path:
                sys.path.insert(0, os.getcwd())
            module = importlib.import_module(module_name)
    except click.BadParameter:
        raise
    except Exception as exc:  # the user's code: any error is theirs to see, as a message
        raise click.BadParameter(
            f"cannot import {module_name!r}: {type(exc).__name__}: {exc}", param_hint=hint
        ) from None
    names = [attr] if attr else ["LAW", "RULEBOOKS", "RULEBOOK"]
    for name in names:
        value = getattr(module, name, None)
        if isinstance(value, Law):
            return value
        books = (value,) if isinstance(value, Rulebook) else value
        if (
            isinstance(books, (tuple, list))
            and books
            and all(isinstance(b, Rulebook) for b in books)
        ):
            try:
                return Law(rulebooks=(*DEFAULT_RULEBOOKS, *books))
            except (InvalidDefinition, UnknownName) as exc:
                raise click.BadParameter(str(exc), param_hint=hint) from None
    raise click.BadParameter(
        f"{module_name!r} has no {' or '.join(names)} that is a Law, a Rulebook or a sequence "
        "of Rulebooks",
        param_hint=hint,
    )


def _split(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def law_of(
    rulebooks: Sequence[str],
    readings: Sequence[str],
    verified_only: bool,
    *,
    law: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> Law:
    """The law that ``--law``, ``--rulebook``, ``--reading``, ``--verified-only``,
    ``--select`` and ``--ignore`` chose."""
    chosen: dict[str, str] = {}
    for value in readings:
        name, sep, option = value.partition("=")
        if not sep or not name.strip() or not option.strip():
            raise click.BadParameter(
                f"{value!r} is not NAME=OPTION (for example asylum_appeal_suspensive=no)",
                param_hint="'--reading'",
            )
        chosen[name.strip()] = option.strip()
    # The options add to a --law's own choices (its readings, selection, verified_only).
    if law is None:
        base, books = Law(rulebooks=()), choose_rulebooks(rulebooks)
    else:
        base = import_law(law)
        books = choose_rulebooks(rulebooks, among=base.rulebooks) if rulebooks else base.rulebooks
    try:
        return attrs.evolve(
            base,
            rulebooks=books,
            readings={**base.readings, **chosen},
            verified_only=verified_only or base.verified_only,
            select=_split(select) or base.select,
            ignore=(*_split(ignore), *base.ignore),
        )
    except InvalidDefinition as exc:
        raise click.BadParameter(str(exc), param_hint="'--rulebook'") from None
    except UnknownName as exc:
        if exc.kind == "rule":
            close = difflib.get_close_matches(exc.name or "", exc.known, n=3, cutoff=0.5)
            hint = f"; did you mean {' or '.join(close)}?" if close else ""
            raise click.BadParameter(
                f"{exc.name!r} selects no rule{hint} ('proceedings rules' lists them)",
                param_hint="'--select' / '--ignore'",
            ) from None
        hint = "'--reading'" if exc.kind in {"reading", "option"} else f"'--{exc.kind}'"
        raise click.BadParameter(str(exc), param_hint=hint) from None


def law_from(options: Mapping[str, Any]) -> Law:
    """The law that the options of :func:`law_options` chose, from a command's keywords."""
    return law_of(
        options["rulebooks"],
        options["readings"],
        options["verified_only"],
        law=options["law_spec"],
        select=options["select"],
        ignore=options["ignore"],
    )


def law_options(command: _F) -> _F:
    """The options that choose the law, for every command that validates."""
    options = [
        click.option(
            "--law",
            "law_spec",
            metavar="MODULE[:NAME]",
            help="Use the law of a module or .py file: its LAW (a Law), or its RULEBOOKS or "
            "RULEBOOK, added to the library's rulebooks.",
        ),
        click.option(
            "--rulebook",
            "rulebooks",
            multiple=True,
            metavar="NAME",
            help="Apply only these rulebooks (repeatable; the record checks always run): "
            + ", ".join(b.name for b in LAW_BOOKS)
            + ".",
        ),
        click.option(
            "--select",
            multiple=True,
            metavar="RULE",
            help="Apply only these rules: ids, or the start of ids up to a hyphen (KZ, "
            "ECHR-3, REC for the record checks); repeatable or comma-separated.",
        ),
        click.option(
            "--ignore",
            multiple=True,
            metavar="RULE",
            help="Leave out these rules (as --select); repeatable or comma-separated.",
        ),
        click.option(
            "--reading",
            "readings",
            multiple=True,
            metavar="NAME=OPTION",
            help="Choose an option of a reading where the law is ambiguous (repeatable); "
            "see 'proceedings explain' of a rule for its readings.",
        ),
        click.option(
            "--verified-only",
            is_flag=True,
            help="Only findings that rest on verified text: skip rules whose source text, or "
            "the date a state became party to their treaty, is unverified.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def show_score(total: HoldingScore) -> None:
    """The decided cases' score: holdings reproduced, and violations the body did not find."""
    if not (total.found or total.cleared):
        return

    def share(part: int, whole: int) -> str:
        return f"{part} of {whole}" + (f" ({100 * part / whole:.0f}%)" if whole else "")

    click.echo(
        "Holdings of a violation reproduced (same article, same event): "
        f"{share(total.reproduced, total.found)}; "
        f"{share(total.reproduced, total.placed)} of those that name an event of the record"
    )
    click.echo(
        f"Certain violations where the body found none: {total.contradicted} "
        f"(of {total.cleared} holdings of no violation)"
    )
