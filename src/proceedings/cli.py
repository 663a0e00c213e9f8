"""The ``proceedings`` command: validate case records, print the schema, diagrams and rules.

Exit codes, for every command:

* 0: done, and (for ``validate``) no violation found;
* 1: ``validate`` found at least one violation;
* 2: a usage error, an input that could not be read or is not a valid record
  (even if violations were found in other records too), or an internal error.

Output of ``validate`` for tools (the text format is for people and may change):

* ``--format json``: one document ``{"format": "proceedings-report", "version": 1,
  "reports": [...], "errors": [...], "summary": {...}}``. Each report is
  :func:`proceedings._render.report_to_dict` (plus ``"deadlines"`` with
  ``--as-of``); each error is ``{"source", "line", "path", "message"}``; the
  summary counts records, events, findings by severity and inputs not
  validated.
* ``--format jsonl``: one line per finding (``"kind": "finding"``, see
  :func:`proceedings._render.finding_lines`) and, with ``--as-of``, per time
  limit (``"kind": "deadline"``). Errors go to standard error only.
* ``--format sarif``: a SARIF 2.1.0 log with one run; input errors are
  ``toolExecutionNotifications`` of its invocation.

Every format is written as records are validated, in input order, so memory
stays flat however large the corpus.

The heavy lifting is elsewhere: :mod:`proceedings._codec` reads records,
:func:`proceedings.validate` audits them, :mod:`proceedings._render` renders
the reports and :mod:`proceedings._diagrams` draws. This module reads the
inputs, streams them (through worker processes with ``--jobs``) and writes
the results in input order.
"""

from __future__ import annotations

import collections
import concurrent.futures
import difflib
import importlib.metadata
import json
import multiprocessing
import os
import re
import shutil
import signal
import sys
import textwrap
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import attrs
import click

from ._codec import parse_json, structure
from ._dates import UncertainDate
from ._engine import deadlines, validate
from ._errors import InvalidDate, InvalidDefinition, RecordError, UnknownName
from ._findings import Severity
from ._model import CaseRecord
from ._render import (
    LEGEND,
    REPORT_FORMAT_VERSION,
    SEVERITIES,
    RecordContext,
    counts_phrase,
    deadline_to_dict,
    finding_lines,
    plural,
    render_deadlines_text,
    render_report_text,
    report_to_dict,
    sarif_log,
    sarif_notification,
    sarif_result,
    sarif_rules,
)
from ._rules import Law, Rule, Rulebook
from .law import DEFAULT_RULEBOOKS
from .law.record import RECORD

RECORD_CHECKS = RECORD.rules
_LAW_BOOKS = tuple(b for b in DEFAULT_RULEBOOKS if b is not RECORD)

_FORMATS = ("text", "json", "jsonl", "sarif")
_RECORD_SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
#: Inputs at least this large get a progress bar (when stderr is a terminal).
_PROGRESS_BYTES = 1 << 20
#: Records sent to a worker at once, and the most bytes in one batch.
_BATCH_ITEMS = 64
_BATCH_BYTES = 1 << 20

_INTERNAL = (
    "This is a bug in proceedings, not a problem with your input. Please report it to "
    "the proceedings developers with the command you ran, the input that caused it and "
    "this message (set PROCEEDINGS_DEBUG=1 to include the traceback)."
)


def _version() -> str:
    try:
        return importlib.metadata.version("proceedings")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


def _debug() -> bool:
    return os.environ.get("PROCEEDINGS_DEBUG", "") not in {"", "0"}


def _color_wanted(choice: bool | None, stream: IO[str]) -> bool:
    # https://no-color.org: NO_COLOR set to anything but the empty string.
    if choice is not None:
        return choice
    if os.environ.get("NO_COLOR", ""):
        return False
    return stream.isatty()


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _error(message: str) -> None:
    stream = sys.stderr
    label = click.style("error:", fg="red", bold=True) if _color_wanted(None, stream) else "error:"
    click.echo(f"{label} {message}", err=True)


class _Group(click.Group):
    """The command group, with a last line of defence against tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            # Not 1, which would say "violations found": the run did not finish.
            _error("interrupted; the output is incomplete")
            ctx.exit(2)
        except BrokenPipeError:
            # The reader went away (``proceedings validate ... | head``): stop quietly.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(1)
        except Exception as exc:
            _error(f"internal error: {type(exc).__name__}: {exc}\n{_INTERNAL}")
            if _debug():
                traceback.print_exc()
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(_version(), "-V", "--version", prog_name="proceedings")
def main() -> None:
    """Validate case records of detention, asylum, expulsion and extradition
    against the law, and explore the rules and the procedure.

    \b
    Start with:
      proceedings validate examples/cases
      proceedings explain KZ-CPC-592
      proceedings rules --jurisdiction KZ

    This is a model of the law, not legal advice.
    """


# -- the law the user chose -------------------------------------------------------------


def _choose_rulebooks(names: Sequence[str]) -> tuple[Rulebook, ...]:
    """The default rulebooks named (all if none), in the library's order; record checks always."""
    known = {b.name: b for b in _LAW_BOOKS}
    for name in names:
        if name not in known:
            raise click.BadParameter(
                f"unknown rulebook {name!r}; choose among: {', '.join(known)}",
                param_hint="'--rulebook'",
            )
    if not names:
        return DEFAULT_RULEBOOKS
    return (RECORD, *(b for b in _LAW_BOOKS if b.name in names))


def _parse_readings(values: Sequence[str]) -> dict[str, str]:
    readings: dict[str, str] = {}
    for value in values:
        name, sep, option = value.partition("=")
        if not sep or not name.strip() or not option.strip():
            raise click.BadParameter(
                f"{value!r} is not NAME=OPTION (for example asylum_appeal_suspensive=no)",
                param_hint="'--reading'",
            )
        readings[name.strip()] = option.strip()
    return readings


def _law(rulebooks: tuple[Rulebook, ...], readings: Mapping[str, str], verified_only: bool) -> Law:
    try:
        return Law(rulebooks=rulebooks, readings=readings, verified_only=verified_only)
    except InvalidDefinition as exc:
        raise click.BadParameter(str(exc), param_hint="'--rulebook'") from None
    except UnknownName as exc:
        raise click.BadParameter(str(exc), param_hint="'--reading'") from None


# -- inputs ------------------------------------------------------------------------------


@attrs.frozen
class _Item:
    """One unit of work: a JSON document, a JSON Lines line, or an input error."""

    kind: str  # "doc", "line" or "error"
    source: str
    line: int | None
    payload: bytes = b""
    message: str = ""


def _looks_like_jsonl(first: bytes) -> bool:
    """Whether the first non-blank line of an input is a whole JSON value by itself."""
    try:
        json.loads(first)
    except ValueError:
        return False
    return True


def _read_stream(fh: IO[bytes], source: str, mode: str) -> Iterator[_Item]:
    """The records of an open binary stream, as a document or as lines."""
    if mode == "auto":
        buffered: list[bytes] = []
        for raw in fh:
            buffered.append(raw)
            if raw.strip():
                break
        first = buffered[-1] if buffered else b""
        if first.strip() and _looks_like_jsonl(first):
            yield from _lines(iter([*buffered]), source, fh)
            return
        data = b"".join(buffered) + fh.read()
        yield from _document(data, source)
        return
    if mode == "jsonl":
        yield from _lines(iter(()), source, fh)
        return
    yield from _document(fh.read(), source)


def _document(data: bytes, source: str) -> Iterator[_Item]:
    if not data.strip():
        yield _Item("error", source, 1, message="the file is empty; it holds no record")
    else:
        yield _Item("doc", source, None, data)


def _lines(head: Iterator[bytes], source: str, fh: IO[bytes]) -> Iterator[_Item]:
    any_record = False
    number = 0
    for stream in (head, fh):
        for raw in stream:
            number += 1
            if raw.strip():
                any_record = True
                yield _Item("line", source, number, raw)
    if not any_record:
        yield _Item("error", source, 1, message="the file is empty; it holds no record")


def _record_files(directory: Path) -> list[Path]:
    return sorted(
        p for p in directory.rglob("*") if p.suffix in {".json", ".jsonl"} and p.is_file()
    )


@attrs.frozen
class _Input:
    """A file to read (or standard input, ``path is None``), or why there is none."""

    shown: str
    path: Path | None
    mode: str = "auto"  # "json", "jsonl" or "auto" (decided by the first line)
    error: str | None = None


def _expand(paths: Sequence[str]) -> list[_Input]:
    """The inputs named on the command line, directories expanded, in a stable order."""
    out: list[_Input] = []
    for arg in paths:
        if arg == "-":
            out.append(_Input("<stdin>", None))
            continue
        path = Path(arg)
        if path.is_dir():
            files = _record_files(path)
            if not files:
                out.append(_Input(arg, None, error="no .json or .jsonl files in this directory"))
            out += [_Input(str(f), f, _RECORD_SUFFIXES[f.suffix]) for f in files]
        elif path.exists():
            out.append(_Input(arg, path, _RECORD_SUFFIXES.get(path.suffix.lower(), "auto")))
        else:
            out.append(_Input(arg, None, error="no such file or directory"))
    return out


def _items(inputs: Sequence[_Input]) -> Iterator[_Item]:
    for source in inputs:
        if source.error is not None:
            yield _Item("error", source.shown, None, message=source.error)
        elif source.path is None:
            yield from _read_stream(sys.stdin.buffer, source.shown, source.mode)
        else:
            try:
                with source.path.open("rb") as fh:
                    yield from _read_stream(fh, source.shown, source.mode)
            except OSError as exc:
                message = f"cannot read: {exc.strerror or exc}"
                yield _Item("error", source.shown, None, message=message)


def _batches(items: Iterable[_Item]) -> Iterator[list[_Item]]:
    batch: list[_Item] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item.payload)
        if len(batch) >= _BATCH_ITEMS or size >= _BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


# -- locating JSON paths in a document ----------------------------------------------------

_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\]:,]|-?\d[\d.eE+\-]*|true|false|null|\n', re.DOTALL)


def _key_path(path: str, key: str) -> str:
    # The same spelling as the codec's paths: $.events[3].date, $["odd key"].
    if key.isidentifier():
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def json_lines(text: str) -> dict[str, int]:
    """The line on which each value of a JSON document starts, by JSON path.

    A small tolerant scanner: it stops quietly where the document breaks, so
    that it can locate the problems of a record that does not fit the format.
    """
    found: dict[str, int] = {}
    line = 1
    # Each open container: [path, is_array, index or key, expecting_key].
    stack: list[list[Any]] = []

    def here() -> str:
        if not stack:
            return "$"
        path, is_array, at, _ = stack[-1]
        return f"{path}[{at}]" if is_array else _key_path(path, str(at))

    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
            continue
        top = stack[-1] if stack else None
        if token in "{[":
            path = here()
            found.setdefault(path, line)
            stack.append([path, token == "[", 0 if token == "[" else None, token == "{"])
        elif token in "}]":
            if not stack:
                break
            stack.pop()
        elif token == ",":
            if top is not None:
                if top[1]:
                    top[2] += 1
                else:
                    top[3] = True
        elif token == ":":
            continue
        elif top is not None and not top[1] and top[3]:
            try:
                top[2] = json.loads(token)
            except ValueError:
                break
            top[3] = False
        else:
            found.setdefault(here(), line)
    return found


def _line_of(path: str, lines: Mapping[str, int]) -> int | None:
    """The line of ``path``, or of its nearest ancestor that exists."""
    while True:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            return lines.get("$")
        path = path[:cut]


# -- validating one record (in this process or a worker) ------------------------------------


@attrs.frozen
class _Options:
    """What every worker needs to know; small and picklable."""

    fmt: str
    rulebooks: tuple[str, ...]
    readings: tuple[tuple[str, str], ...]
    accounts: tuple[str, ...] | None
    verified_only: bool
    as_of: str | None
    color: bool
    width: int | None


def _read_record(item: _Item, errors: list[dict[str, Any]]) -> tuple[CaseRecord, str] | None:
    """A record and its text, or ``None`` after adding its problems to ``errors``."""
    # A byte-order mark may open a file (so a document, or the first line of a corpus).
    bom = item.kind == "doc" or item.line == 1
    try:
        text = item.payload.decode("utf-8-sig" if bom else "utf-8")
    except UnicodeDecodeError as exc:
        before = item.payload[: exc.start]
        line = item.line if item.kind == "line" else before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        errors.append(
            _problem(
                item.source,
                line,
                "$",
                f"not UTF-8 text: byte 0x{item.payload[exc.start]:02X} at column {column} "
                "cannot be decoded; save the file as UTF-8",
            )
        )
        return None
    line = item.line if item.kind == "line" else None
    if line is not None:
        text = text.rstrip("\r\n")
    try:
        data = parse_json(text, source=item.source, line=line)
        if isinstance(data, list):
            message = (
                "expected a case record object, got an array; a .json file holds one "
                "record: put several in a .jsonl file, one record per line"
            )
            errors.append(_problem(item.source, item.line or 1, "$", message))
            return None
        record = structure(data, CaseRecord)
    except RecordError as err:
        lines = json_lines(text) if item.kind == "doc" else {}
        for p in err.problems:
            at = p.line if p.line is not None else (item.line or _line_of(p.path, lines))
            errors.append(_problem(item.source, at, p.path, p.message))
        return None
    return record, text


class _Validator:
    """Validates records and renders each one's result to small JSON-able data."""

    def __init__(self, options: _Options) -> None:
        self.options = options
        self.rulebooks = _choose_rulebooks(options.rulebooks)
        self.readings = dict(options.readings)
        self.law = _law(self.rulebooks, self.readings, options.verified_only)
        self.titles = {r.id: r.title for r in self.law.rules}
        self.titles.update({c.id: c.title for c in RECORD_CHECKS})
        self.rule_index = {d["id"]: i for i, d in enumerate(sarif_rules(self.law.rules))}
        self.as_of = UncertainDate.parse(options.as_of) if options.as_of else None

    def run(self, batch: Sequence[_Item]) -> list[dict[str, Any]]:
        return [self.one(item) for item in batch]

    def one(self, item: _Item) -> dict[str, Any]:
        outcome: dict[str, Any] = {
            "source": item.source,
            "line": item.line,
            "bytes": len(item.payload),
            "errors": [],
            "internal": None,
            "events": 0,
            "counts": None,
            "output": None,
        }
        if item.kind == "error":
            path = "$" if item.line is not None else None
            outcome["errors"].append(_problem(item.source, item.line, path, item.message))
            return outcome
        try:
            self._validate(item, outcome)
        except Exception as exc:
            outcome["internal"] = f"{type(exc).__name__}: {exc}"
            if _debug():
                outcome["internal"] += "\n" + traceback.format_exc()
        return outcome

    def _validate(self, item: _Item, outcome: dict[str, Any]) -> None:
        read = _read_record(item, outcome["errors"])
        if read is None:
            return
        record, text = read
        options = self.options
        known = [a.name for a in record.accounts]
        missing = [a for a in options.accounts or () if a not in known]
        if missing:
            message = (
                f"record {record.id!r} has no account {missing[0]!r} "
                f"(its accounts: {', '.join(known) or 'none'})"
            )
            outcome["errors"].append(_problem(item.source, item.line, "$.accounts", message))
            return
        report = validate(record, law=self.law, accounts=options.accounts, source=item.source)
        event_lines: tuple[int | None, ...] = ()
        if item.kind == "doc" and options.fmt != "json":
            lines = json_lines(text)
            event_lines = tuple(lines.get(f"$.events[{i}]") for i in range(len(record.events)))
        context = RecordContext(
            title=record.title or record.person.name,
            line=item.line,
            event_types=tuple(ev.type for ev in record.events),
            event_lines=event_lines,
        )
        outcome["events"] = len(record.events)
        outcome["counts"] = {s.value: len(report.by_severity(s)) for s in SEVERITIES}
        deadlines, reason = self._deadlines(record)
        if options.fmt == "text":
            text_out = render_report_text(
                report,
                context=context,
                rule_titles=self.titles,
                color=options.color,
                width=options.width,
            )
            if options.as_of is not None:
                text_out += "\n" + render_deadlines_text(
                    deadlines or (),
                    as_of=options.as_of,
                    reason=reason,
                    color=options.color,
                    width=options.width,
                )
            outcome["output"] = text_out
        elif options.fmt == "json":
            data = report_to_dict(report, context=context)
            if options.as_of is not None:
                data["deadlines"] = {
                    "as_of": options.as_of,
                    "computed": deadlines is not None,
                    "reason": reason,
                    "items": [deadline_to_dict(d) for d in deadlines or ()],
                }
            outcome["output"] = data
        elif options.fmt == "jsonl":
            out = finding_lines(report, context=context)
            for d in deadlines or ():
                entry = {
                    "kind": "deadline",
                    "record_id": record.id,
                    "source": item.source,
                    "line": item.line,
                    "as_of": options.as_of,
                    **deadline_to_dict(d),
                }
                out.append(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n")
            outcome["output"] = "".join(out)
        else:
            outcome["output"] = [
                sarif_result(f, report, rule_index=self.rule_index, context=context)
                for f in report.findings
            ]

    def _deadlines(self, record: CaseRecord) -> tuple[Sequence[Any] | None, str | None]:
        if self.as_of is None:
            return None, None
        return (
            deadlines(
                record, as_of=self.as_of, law=self.law, accounts=self.options.accounts or None
            ),
            None,
        )


def _problem(source: str, line: int | None, path: str | None, message: str) -> dict[str, Any]:
    return {"source": source, "line": line, "path": path, "message": message}


#: The validator of a worker process, built once by its initializer.
_WORKER: dict[str, _Validator] = {}


def _init_worker(options: _Options) -> None:
    # Ctrl-C is for the main process, which stops the workers in order.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["validator"] = _Validator(options)


def _run_in_worker(batch: list[_Item]) -> list[dict[str, Any]]:
    return _WORKER["validator"].run(batch)


def _ordered(
    batches: Iterable[list[_Item]], options: _Options, jobs: int
) -> Iterator[list[dict[str, Any]]]:
    """Each batch's outcomes, in input order; at most a few batches in flight."""
    if jobs <= 1:
        local = _Validator(options)
        for batch in batches:
            yield local.run(batch)
        return
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(options,)
    ) as pool:
        pending: collections.deque[concurrent.futures.Future[list[dict[str, Any]]]]
        pending = collections.deque()
        for batch in batches:
            pending.append(pool.submit(_run_in_worker, batch))
            # Keep memory flat: never read far ahead of what has been written.
            while len(pending) >= 3 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


# -- output ------------------------------------------------------------------------------


def _indent_json(data: Any, level: int) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + " " * level)


class _Frame:
    """A JSON document written piece by piece: one array streamed, the rest filled at the end.

    The document is laid out once from a skeleton in which marker strings
    stand for the parts not known yet; the text is cut at the markers. So the
    streamed output has exactly the structure of the skeleton (for SARIF,
    the one :func:`~proceedings._render.sarif_log` builds).
    """

    def __init__(self, skeleton: Mapping[str, Any], markers: Sequence[str]) -> None:
        text = json.dumps(skeleton, ensure_ascii=False, indent=2)
        self.parts: list[str] = []
        self.levels: list[int] = []
        for marker in markers:
            before, text = text.split(json.dumps(marker), 1)
            self.parts.append(before)
            last_line = before[before.rfind("\n") + 1 :]
            self.levels.append(len(last_line) - len(last_line.lstrip(" ")))
        self.parts.append(text)


_STREAMED, _LATER, _LAST = "\x00streamed\x00", "\x00later\x00", "\x00last\x00"


class _Writer:
    """Writes one output format as outcomes arrive, so that nothing piles up."""

    def __init__(self, fmt: str, out: IO[str], rules: Sequence[Rule]) -> None:
        self.fmt = fmt
        self.out = out
        self.first = True
        self.frame: _Frame | None = None
        if fmt == "json":
            skeleton: dict[str, Any] = {
                "format": "proceedings-report",
                "version": REPORT_FORMAT_VERSION,
                "reports": _STREAMED,
                "errors": _LATER,
                "summary": _LAST,
            }
            self.frame = _Frame(skeleton, [_STREAMED, _LATER, _LAST])
        elif fmt == "sarif":
            skeleton = sarif_log([], rules=rules, tool_version=_version())
            skeleton["runs"][0]["results"] = _STREAMED
            skeleton["runs"][0]["invocations"] = _LATER
            self.frame = _Frame(skeleton, [_STREAMED, _LATER])

    def start(self) -> None:
        if self.frame is not None:
            self.out.write(self.frame.parts[0] + "[")

    def item(self, output: Any) -> None:
        if self.frame is None:
            if self.fmt == "text" and not self.first:
                self.out.write("\n")
            if output:
                self.out.write(output)
                self.first = False
            return
        level = self.frame.levels[0] + 2
        for element in output if self.fmt == "sarif" else [output]:
            self.out.write(("\n" if self.first else ",\n") + " " * level)
            self.out.write(_indent_json(element, level))
            self.first = False

    def finish(self, errors: list[dict[str, Any]], summary: dict[str, Any]) -> None:
        if self.frame is None:
            return
        parts, levels = self.frame.parts, self.frame.levels
        self.out.write("]" if self.first else "\n" + " " * levels[0] + "]")
        if self.fmt == "json":
            filled = [errors, summary]
        else:
            notes = [
                sarif_notification(_error_text(e), source=e["source"], line=e["line"])
                for e in errors
            ]
            filled = [[{"executionSuccessful": not errors, "toolExecutionNotifications": notes}]]
        for text, value, level in zip(parts[1:], filled, levels[1:], strict=False):
            self.out.write(text + _indent_json(value, level))
        self.out.write(parts[-1] + "\n")


def _error_text(e: Mapping[str, Any]) -> str:
    return f"{e['path']}: {e['message']}" if e.get("path") else str(e["message"])


def _error_line(e: Mapping[str, Any]) -> str:
    where = e["source"] if e.get("line") is None else f"{e['source']}:{e['line']}"
    return f"{where}: {_error_text(e)}"


def _progress(total: int, forced: bool | None) -> Any:
    stderr = sys.stderr
    wanted = forced if forced is not None else total >= _PROGRESS_BYTES
    stdout_tty = _isatty(sys.stdout)
    if not wanted or not _isatty(stderr) or (forced is None and stdout_tty):
        return None
    return click.progressbar(
        length=max(total, 1), label="Validating", file=stderr, show_eta=True, show_percent=True
    )


def _width(stream: IO[str]) -> int | None:
    if _isatty(stream):
        return max(60, min(100, shutil.get_terminal_size((100, 24)).columns))
    return 100


@main.command("validate", short_help="Validate case records against the law.")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(_FORMATS),
    default="text",
    show_default=True,
    help="text for people; json (one document), jsonl (one finding per line) or "
    "sarif (2.1.0) for tools.",
)
@click.option(
    "--rulebook",
    "rulebooks",
    multiple=True,
    metavar="NAME",
    help="Apply only these of the default rulebooks (repeatable): "
    + ", ".join(b.name for b in DEFAULT_RULEBOOKS)
    + ".",
)
@click.option(
    "--reading",
    "readings",
    multiple=True,
    metavar="NAME=OPTION",
    help="Choose an option of a reading where the law is ambiguous (repeatable); "
    "see 'proceedings explain' of a rule for its readings.",
)
@click.option(
    "--verified-only",
    is_flag=True,
    help="Only findings that rest on verified text: skip rules whose source text, or the "
    "date a state became party to their treaty, is unverified.",
)
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
    help="Also list the time limits running or expired on DATE (per account; not in SARIF).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes; 0 for one per CPU.",
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
    rulebooks: tuple[str, ...],
    readings: tuple[str, ...],
    verified_only: bool,
    accounts: tuple[str, ...],
    as_of: str | None,
    jobs: int,
    color: bool | None,
    progress: bool | None,
) -> None:
    """Validate case records and report every finding with its legal citation.

    PATH is a JSON file (one record), a JSON Lines file (one record per line,
    .jsonl), a directory (searched for *.json and *.jsonl) or - for standard
    input. A bad input is reported with its file, line and JSON path, and
    the other records are still validated.

    Exit status: 0 no violation, 1 violations found, 2 bad usage, an input
    that could not be validated (even if violations were found too) or an
    internal error.
    """
    started = time.perf_counter()
    chosen = _choose_rulebooks(rulebooks)
    chosen_readings = _parse_readings(readings)
    law = _law(chosen, chosen_readings, verified_only)
    if as_of is not None:
        try:
            UncertainDate.parse(as_of)
        except InvalidDate as exc:
            raise click.BadParameter(str(exc), param_hint="'--as-of'") from None
    out = sys.stdout
    options = _Options(
        fmt=fmt,
        rulebooks=rulebooks,
        readings=tuple(chosen_readings.items()),
        accounts=accounts or None,
        verified_only=verified_only,
        as_of=as_of,
        color=fmt == "text" and _color_wanted(color, out),
        width=_width(out),
    )
    inputs = _expand(paths)
    total = sum(i.path.stat().st_size for i in inputs if i.path is not None)
    writer = _Writer(fmt, out, law.rules)
    errors: list[dict[str, Any]] = []
    records = events = internal = failed = 0
    counts = {s.value: 0 for s in SEVERITIES}
    bar = _progress(total, progress)
    advance: Callable[[int], None] = bar.update if bar is not None else (lambda n: None)
    writer.start()
    try:
        if bar is not None:
            bar.__enter__()
        jobs = jobs or os.cpu_count() or 1
        for outcomes in _ordered(_batches(_items(inputs)), options, jobs):
            for o in outcomes:
                advance(o["bytes"])
                if o["errors"] or o["internal"] is not None:
                    failed += 1
                for e in o["errors"]:
                    errors.append(e)
                    _error(_error_line(e))
                if o["internal"] is not None:
                    internal += 1
                    where = o["source"] if o["line"] is None else f"{o['source']}:{o['line']}"
                    message = f"internal error while validating {where}: {o['internal']}"
                    errors.append(_problem(o["source"], o["line"], None, message))
                    _error(f"{message}\n{_INTERNAL}")
                if o["counts"] is not None:
                    records += 1
                    events += o["events"]
                    for key, n in o["counts"].items():
                        counts[key] += n
                    writer.item(o["output"])
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    seconds = time.perf_counter() - started
    summary = {
        "records": records,
        "events": events,
        "findings": counts,
        "inputs_not_validated": failed,
        "problems": len(errors) - internal,
        "internal_errors": internal,
    }
    writer.finish(errors, summary)
    line = f"{plural(records, 'record')}, {plural(events, 'event')}: {counts_phrase(counts)}"
    if failed:
        line += f"; {plural(failed, 'input')} not validated ({plural(len(errors), 'problem')})"
    line += f"; {seconds:.2f} s"
    if fmt == "text":
        if records:
            click.echo()
        click.echo(line)
        if any(counts.values()):
            for legend_line in textwrap.wrap(LEGEND, width=options.width or 100):
                click.echo(click.style(legend_line, dim=True), color=options.color)
    else:
        click.echo(line, err=True)
    if errors:
        sys.exit(2)
    sys.exit(1 if counts[Severity.VIOLATION.value] else 0)


# -- schema ------------------------------------------------------------------------------


@main.command("schema", short_help="Print the JSON Schema of a case record.")
def schema_command() -> None:
    """Print the JSON Schema (draft 2020-12) of the case-record format."""
    from . import schema  # noqa: PLC0415 - the schema is built only when asked for

    click.echo(schema.schema_json(), nl=False)


# -- diagram -----------------------------------------------------------------------------


@main.command("diagram", short_help="Draw the statechart or a case's timeline.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["mermaid", "dot"]),
    default="mermaid",
    show_default=True,
    help="Mermaid (paste into Markdown) or Graphviz DOT (pipe into 'dot -Tsvg').",
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
    from ._chart import CHART  # noqa: PLC0415
    from ._diagrams import (  # noqa: PLC0415
        chart_to_dot,
        chart_to_mermaid,
        timeline_model,
        timeline_to_dot,
        timeline_to_mermaid,
        track_names,
    )
    from ._statechart import diagram_model  # noqa: PLC0415

    model = diagram_model(CHART)
    known = track_names(model)
    for t in tracks:
        if t not in known:
            raise click.BadParameter(
                f"unknown track {t!r}; tracks: {', '.join(known)}", param_hint="'--track'"
            )
    only = list(tracks) or None
    if case is None:
        if account is not None:
            raise click.UsageError("--account needs --case FILE")
        render = chart_to_mermaid if fmt == "mermaid" else chart_to_dot
        click.echo(render(model, tracks=only), nl=False)
        return
    record = _load_one(case)
    try:
        timeline = timeline_model(record, account=account)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--account'") from None
    draw = timeline_to_mermaid if fmt == "mermaid" else timeline_to_dot
    click.echo(draw(timeline, tracks=only), nl=False)


def _load_one(name: str) -> CaseRecord:
    """One record from a file (or stdin), or exit 2 with every problem."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read()
            shown = "<stdin>"
        else:
            data = Path(name).read_bytes()
            shown = name
    except OSError as exc:
        _error(f"{name}: cannot read: {exc.strerror or exc}")
        sys.exit(2)
    errors: list[dict[str, Any]] = []
    read = _read_record(_Item("doc", shown, None, data), errors)
    if read is None:
        for e in errors:
            _error(_error_line(e))
        sys.exit(2)
    return read[0]


# -- rules and explain ---------------------------------------------------------------------


def _applies_in(rule: Rule, country: str, law: Law) -> bool:
    if rule.jurisdictions is not None and country not in rule.jurisdictions:
        return False
    return rule.treaty is None or law.party(rule.treaty, country) is not None


def rule_to_dict(rule: Rule, *, rulebook: Rulebook, law: Law) -> dict[str, Any]:
    """A rule as JSON, with its readings and deadline spelt out."""
    readings = law.declared_readings
    start, end = rule.in_force
    return {
        "kind": "rule",
        "id": rule.id,
        "title": rule.title,
        "rulebook": rulebook.name,
        "rulebook_title": rulebook.title,
        "severity": rule.severity.value,
        "jurisdictions": sorted(rule.jurisdictions) if rule.jurisdictions is not None else None,
        "treaty": rule.treaty,
        "parties": [
            {
                "state": p.state,
                "since": p.since.text,
                "until": p.until.text if p.until else None,
                "verified": p.verified,
            }
            for book in law.rulebooks
            for p in book.parties
            if rule.treaty is not None and p.treaty == rule.treaty
        ],
        "in_force": [start.isoformat() if start else None, end.isoformat() if end else None],
        "triggers": sorted(rule.on),
        "verified": rule.verified,
        "verification": rule.verification,
        "citations": [
            {
                "instrument": c.instrument,
                "article": c.article,
                "paragraph": c.paragraph,
                "url": c.url,
                "text_date": c.text_date,
            }
            for c in rule.citations
        ],
        "readings": [
            {
                "name": name,
                "question": readings[name].question,
                "options": dict(readings[name].options),
                "default": readings[name].default,
                "rationale": readings[name].rationale,
            }
            for name in rule.readings
            if name in readings
        ],
        "deadline": None
        if rule.deadline is None
        else {
            "label": rule.deadline.label,
            "limit": rule.deadline.limit,
            "unit": rule.deadline.unit,
            "starts_at": rule.deadline.start,
            "running_while": {k: list(v) for k, v in rule.deadline.running_while.items()},
        },
        "example": rule.example,
    }


def check_to_dict(check: Rule) -> dict[str, Any]:
    """A record-level check as JSON (the same keys as a rule where they apply)."""
    return {
        "kind": "record_check",
        "id": check.id,
        "title": check.title,
        "rulebook": None,
        "rulebook_title": None,
        "severity": check.severity.value,
        "jurisdictions": None,
        "description": check.description,
        "citations": [],
        "readings": [],
        "deadline": None,
    }


def _default_law() -> Law:
    return Law(rulebooks=DEFAULT_RULEBOOKS)


@main.command("rules", short_help="List the rules and record checks.")
@click.option(
    "--jurisdiction",
    metavar="CC",
    help="Only rules that can apply in this country (ISO 3166-1 alpha-2, e.g. KZ).",
)
@click.option(
    "--rulebook", "rulebooks", multiple=True, metavar="NAME", help="Only these rulebooks."
)
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules_command(jurisdiction: str | None, rulebooks: tuple[str, ...], fmt: str) -> None:
    """List the rules: id, severity, title and whether the source text is verified."""
    law = _default_law()
    chosen = _choose_rulebooks(rulebooks)
    country = jurisdiction.upper() if jurisdiction else None
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        raise click.BadParameter(
            f"{jurisdiction!r} is not a two-letter country code", param_hint="'--jurisdiction'"
        )
    selected = [
        (book, rule)
        for book in chosen
        if book is not RECORD
        for rule in book.rules
        if country is None or _applies_in(rule, country, law)
    ]
    if fmt == "json":
        data = [rule_to_dict(r, rulebook=b, law=law) for b, r in selected]
        data += [check_to_dict(c) for c in RECORD_CHECKS]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    width = max([len(r.id) for _, r in selected] + [len(c.id) for c in RECORD_CHECKS])
    current = None
    for book, rule in selected:
        if book is not current:
            if current is not None:
                click.echo()
            click.echo(click.style(f"{book.title} ({book.name})", bold=True))
            current = book
        mark = "" if rule.verified or "unverified" in rule.title else "  [unverified]"
        click.echo(f"  {rule.id:<{width}}  {rule.severity.value:<9}  {rule.title}{mark}")
    if current is not None:
        click.echo()
    click.echo(click.style("Record checks (made by the engine; not rules)", bold=True))
    for check in RECORD_CHECKS:
        click.echo(f"  {check.id:<{width}}  {check.severity.value:<9}  {check.title}")
    where = f" that can apply in {country}" if country else ""
    click.echo(
        f"\n{plural(len(selected), 'rule')}{where}. "
        "'proceedings explain RULE-ID' shows a rule's citations and readings."
    )


def _field(label: str, text: str, width: int = 100) -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=f"{label:<14}",
        subsequent_indent=" " * 14,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [label]


def _wrap_hanging(text: str, indent: int, width: int = 100) -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=" " * (indent - 2) + "- ",
        subsequent_indent=" " * indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _explain_text(data: Mapping[str, Any]) -> str:
    lines = [click.style(data["id"], bold=True) + f"  {data['title']}", ""]
    if data["kind"] == "record_check":
        lines += _field("Kind:", "record check, made by the engine (not a rule of law)")
        lines += _field("Severity:", data["severity"])
        lines += _field("Applies in:", "every record")
        lines += _field("What:", data["description"])
        lines += _field("Citations:", "none: it is about the record, not about the law")
        return "\n".join(lines) + "\n"
    lines += _field("Rulebook:", f"{data['rulebook']} ({data['rulebook_title']})")
    lines += _field("Severity:", data["severity"])
    where = ", ".join(data["jurisdictions"]) if data["jurisdictions"] else "any jurisdiction"
    if data["treaty"]:
        parties = ", ".join(
            f"{p['state']} since {p['since']}" + ("" if p["verified"] else " (unverified)")
            for p in data["parties"]
        )
        where += f"; binds a state only while it is party to {data['treaty']}"
        where += f" (known parties: {parties})" if parties else " (no party known)"
    lines += _field("Applies in:", where)
    lines += _field("In force:", _in_force_text(data["in_force"]))
    lines += _field("Triggered by:", ", ".join(t.replace("_", " ") for t in data["triggers"]))
    status = "verified" if data["verified"] else "NOT verified"
    lines += _field("Source text:", f"{status}. {data['verification']}")
    for i, c in enumerate(data["citations"]):
        parts = [c["instrument"]]
        if c["article"]:
            parts.append(f"art {c['article']}")
        if c["paragraph"]:
            parts.append(f"para {c['paragraph']}")
        text = ", ".join(parts) + (f" (text of {c['text_date']})" if c["text_date"] else "")
        lines += _field("Citations:" if i == 0 else "", text)
        if c["url"]:
            lines.append(" " * 14 + c["url"])
    dl = data["deadline"]
    if dl is None:
        lines += _field("Time limit:", "none")
    else:
        running = " and ".join(
            f"the {k} track is {' or '.join(repr(s) for s in v)}"
            for k, v in dl["running_while"].items()
        )
        text = (
            f"{dl['limit']} {dl['unit']} ({dl['label']}), counted from the "
            f"{dl['starts_at'].replace('_', ' ')}"
        )
        lines += _field("Time limit:", text + (f", while {running}" if running else ""))
    if not data["readings"]:
        lines += _field("Readings:", "none; the rule does not depend on a disputed point of law")
    for r in data["readings"]:
        lines += _field("Reading:", f"{r['name']}. {r['question']}")
        for option, meaning in r["options"].items():
            default = " (the default)" if option == r["default"] else ""
            lines += _wrap_hanging(f"{option}{default}: {meaning}", 16)
        lines += _field("", f"Why this default: {r['rationale']}")
        lines += _field("", f"Choose another with --reading {r['name']}=OPTION")
    if data["example"]:
        lines += _field("Example:", data["example"])
    return "\n".join(lines) + "\n"


def _in_force_text(pair: Sequence[str | None]) -> str:
    start, end = pair
    if start is None and end is None:
        return "no date limits in the model"
    if end is None:
        return f"from {start}"
    if start is None:
        return f"until {end}"
    return f"from {start} until {end}"


@main.command("explain", short_help="Explain one rule or record check.")
@click.argument("rule_id", metavar="RULE-ID")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def explain_command(rule_id: str, fmt: str) -> None:
    """Explain a rule: its citations, verification, readings, time limit and an example."""
    law = _default_law()
    by_id: dict[str, dict[str, Any]] = {}
    for book in _LAW_BOOKS:
        for rule in book.rules:
            by_id[rule.id] = rule_to_dict(rule, rulebook=book, law=law)
    for check in RECORD_CHECKS:
        by_id[check.id] = check_to_dict(check)
    key = rule_id if rule_id in by_id else {k.upper(): k for k in by_id}.get(rule_id.upper())
    if key is None:
        close = difflib.get_close_matches(rule_id.upper(), list(by_id), n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise click.BadParameter(
            f"no rule {rule_id!r}{hint} ('proceedings rules' lists them all)",
            param_hint="'RULE-ID'",
        )
    data = by_id[key]
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(_explain_text(data), nl=False)
