"""Reading inputs: files and directories listed, bytes read within limits, records decoded.

Everything here runs before a record is validated, and everything here may
meet hostile input: a directory that cannot be listed, ``/dev/zero``, a line
of gigabytes, a document nested a million levels deep. Each is turned into
an :class:`InputProblem` for that input (with its file, line and limit),
never into an exception that would stop the run, and no read is unbounded.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from ._codec import structure
from ._errors import RecordError
from ._jsonparse import decode_utf8, parse_json
from ._limits import Limits
from ._locate import line_of, locate, too_deep
from ._model import CaseRecord
from ._paths import index_path, key_path

__all__ = ["Input", "InputProblem", "Item", "iter_inputs", "read_items", "read_record"]

RECORD_SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_DEFAULT = Limits()


@attrs.frozen
class Input:
    """A file to read (standard input when ``path`` is ``None``), or why there is none.

    Attributes:
        source: The name to show, as the user gave it (``<stdin>`` for ``-``).
        path: The file, or ``None`` for standard input or an input in error.
        mode: ``"json"`` (one record), ``"jsonl"`` (one record per line) or
            ``"auto"`` (decided by the first line).
        error: Why the input cannot be read, if it cannot.
    """

    source: str
    path: Path | None = None
    mode: str = "auto"
    error: str | None = None

    @property
    def size(self) -> int:
        """The file's size in bytes (0 for standard input or an input in error)."""
        try:
            return self.path.stat().st_size if self.path is not None else 0
        except OSError:
            return 0


@attrs.frozen(kw_only=True)
class InputProblem:
    """Why an input, or one record in it, was not validated.

    Attributes:
        source: The input, as shown.
        line: The line in the file, where known.
        path: The JSON path of the problem (``$.events[3].date``), where there is one.
        message: What is wrong, for a person.
    """

    source: str | None
    line: int | None = None
    path: str | None = None
    message: str

    @property
    def text(self) -> str:
        """``path: message``, or the message alone."""
        return f"{self.path}: {self.message}" if self.path else self.message

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.text}"


# -- listing -----------------------------------------------------------------------------


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _directory(name: str) -> Iterator[Input]:
    """The record files under a directory, sorted; each directory that cannot be read, too."""
    files: list[Path] = []
    errors: list[Input] = []
    seen: set[tuple[int, int]] = set()

    def refused(exc: OSError) -> None:
        where = exc.filename if isinstance(exc.filename, str) else name
        errors.append(Input(where, error=f"cannot read this directory: {_reason(exc)}"))

    for top, dirs, names in os.walk(name, onerror=refused, followlinks=True):
        try:
            st = os.stat(top)
        except OSError as exc:  # pragma: no cover - removed while being walked
            refused(exc)
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:
            # A link back up the tree: walking it again would never end.
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs.sort()
        for file in names:
            path = Path(top, file)
            if path.suffix in {".json", ".jsonl"} and path.is_file():
                files.append(path)
    if not files and not errors:
        yield Input(name, error="no .json or .jsonl files in this directory")
    yield from errors
    for f in sorted(files):
        yield Input(str(f), f, RECORD_SUFFIXES[f.suffix])


def iter_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Input]:
    """The inputs named, directories expanded, in a stable order.

    ``-`` is standard input; a directory gives its ``*.json`` and ``*.jsonl``
    files, sorted, searched recursively (links followed, each directory
    once). A name that does not exist, a directory without records, or a
    directory that cannot be read is an :class:`Input` with an ``error``.
    """
    for arg in paths:
        name = os.fspath(arg)
        if name == "-":
            yield Input("<stdin>")
            continue
        path = Path(name)
        if path.is_dir():
            yield from _directory(name)
        elif path.exists():
            yield Input(name, path, RECORD_SUFFIXES.get(path.suffix.lower(), "auto"))
        else:
            yield Input(name, error="no such file or directory")


# -- reading bytes -----------------------------------------------------------------------


@attrs.frozen
class Item:
    """One unit of work: a JSON document, a JSON Lines line, or an input error.

    ``kind`` is ``"doc"``, ``"line"``, ``"error"`` (``message`` says why) or
    ``"internal"`` (a bug met while reading; ``message`` is its traceback).
    """

    kind: str
    source: str
    line: int | None
    payload: bytes = b""
    message: str = ""


def _too_large(source: str, limits: Limits) -> Item:
    message = (
        f"the document is larger than {limits.describe('document_bytes')} "
        "(the document_bytes limit); it was not read"
    )
    return Item("error", source, None, message=message)


def _whole_lines(fh: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of a stream, each at most ``limit`` bytes; ``None`` for a longer one.

    A longer line is read past in chunks and never held whole.
    """
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield raw


def _looks_like_jsonl(first: bytes) -> bool:
    """Whether the first non-blank line of an input is a whole JSON value by itself."""
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return False
    return True


def _read_stream(fh: IO[bytes], source: str, mode: str, limits: Limits) -> Iterator[Item]:
    """The records of an open binary stream, as a document or as lines."""
    if mode == "jsonl":
        yield from _lines((), source, fh, limits)
        return
    if mode == "json":
        yield from _document(b"", source, fh, limits)
        return
    # Sniff: one JSON value on the first non-blank line makes a JSON Lines corpus.
    buffered: list[bytes] = []
    size = 0
    while size <= limits.document_bytes:
        raw = fh.readline(limits.line_bytes + 1)
        if not raw:
            break
        buffered.append(raw)
        size += len(raw)
        if raw.strip():
            break
    first = buffered[-1] if buffered else b""
    whole = first.endswith(b"\n") or len(first) <= limits.line_bytes
    if first.strip() and whole and _looks_like_jsonl(first):
        yield from _lines(buffered, source, fh, limits)
        return
    yield from _document(b"".join(buffered), source, fh, limits)


def _document(head: bytes, source: str, fh: IO[bytes], limits: Limits) -> Iterator[Item]:
    data = head + fh.read(limits.document_bytes + 1 - len(head))
    if len(data) > limits.document_bytes:
        yield _too_large(source, limits)
    elif not data.strip():
        yield Item("error", source, 1, message="the file is empty; it holds no record")
    else:
        yield Item("doc", source, None, data)


def _lines(
    head: Iterable[bytes],
    source: str,
    fh: IO[bytes],
    limits: Limits,
    *,
    first: int = 1,
    part: bool = False,
) -> Iterator[Item]:
    """The records of a JSON Lines stream, numbered from ``first``; a ``part`` of a file
    (a partition of :mod:`proceedings.dask`) may hold none."""
    any_record = False
    long_line = (
        f"the line is longer than {limits.describe('line_bytes')} (the line_bytes limit); "
        "it was not read"
    )
    lines = itertools.chain(head, _whole_lines(fh, limits.line_bytes))
    for number, raw in enumerate(lines, first):
        if raw is None:
            any_record = True
            yield Item("error", source, number, message=long_line)
        elif raw.strip():
            any_record = True
            yield Item("line", source, number, raw)
    if not any_record and not part:
        yield Item("error", source, 1, message="the file is empty; it holds no record")


def _read_input(source: Input, stdin: IO[bytes], limits: Limits) -> Iterator[Item]:
    if source.error is not None:
        yield Item("error", source.source, None, message=source.error)
        return
    if source.path is None:
        yield from _read_stream(stdin, source.source, source.mode, limits)
        return
    try:
        with source.path.open("rb") as fh:
            if source.mode == "json" and os.fstat(fh.fileno()).st_size > limits.document_bytes:
                yield _too_large(source.source, limits)
                return
            yield from _read_stream(fh, source.source, source.mode, limits)
    except OSError as exc:
        yield Item("error", source.source, None, message=f"cannot read: {_reason(exc)}")


def read_items(
    inputs: Iterable[Input], stdin: IO[bytes], limits: Limits = _DEFAULT
) -> Iterator[Item]:
    """Every record of every input as bytes, read within ``limits``.

    Whatever goes wrong with one input (a read error, a limit, a bug) is an
    item for that input, and the next input is read.
    """
    for source in inputs:
        try:
            yield from _read_input(source, stdin, limits)
        except Exception as exc:
            trace = traceback.format_exc()
            yield Item(
                "internal", source.source, None, message=f"{type(exc).__name__}: {exc}\n{trace}"
            )


# -- decoding one record -----------------------------------------------------------------

_LONG_QUOTE = re.compile(r"'[^'\n]{100,}'|\"[^\"\n]{100,}\"")


def shorten(message: str) -> str:
    """A message with any long quoted value cut to its start and its length."""
    if len(message) < 200:
        return message

    def cut(match: re.Match[str]) -> str:
        quoted = match.group()
        return f"{quoted[:41]}…{quoted[0]} ({len(quoted) - 2:,} characters)"

    return _LONG_QUOTE.sub(cut, message)


def _oversized(data: Any, limits: Limits) -> tuple[str, str] | None:
    """The path and the complaint of the first value past a limit on strings, arrays, values."""
    stack: list[tuple[str, Any]] = [("$", data)]
    count = 1
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict | list):
            # Counted as they are put on the stack, so that it never holds more.
            count += len(node)
            if count > limits.values:
                return "$", (
                    f"the record holds more than {limits.describe('values')} "
                    "(the values limit, all arrays and objects counted)"
                )
        if isinstance(node, str):
            if len(node) > limits.string_chars:
                return path, _long(len(node), limits)
        elif isinstance(node, dict):
            for key, value in node.items():
                if len(key) > limits.string_chars:
                    return path, _long(len(key), limits)
                stack.append((key_path(path, key), value))
        elif isinstance(node, list):
            if len(node) > limits.items:
                return path, (
                    f"an array of {len(node):,} items, more than {limits.describe('items')} "
                    "(the items limit)"
                )
            stack.extend((index_path(path, i), value) for i, value in enumerate(node))
    return None


def _long(length: int, limits: Limits) -> str:
    return (
        f"a string of {length:,} characters, longer than {limits.describe('string_chars')} "
        "(the string_chars limit)"
    )


def _decode(item: Item) -> str | InputProblem:
    # A byte-order mark may open a file (so a document, or the first line of a corpus).
    line = item.line if item.kind == "line" else None
    try:
        text = decode_utf8(
            item.payload, bom=item.kind == "doc" or item.line == 1, source=item.source, line=line
        )
    except RecordError as err:
        (problem,) = err.problems
        return InputProblem(
            source=item.source, line=problem.line, path="$", message=problem.message
        )
    return text.rstrip("\r\n") if item.kind == "line" else text


def _depth_problem(item: Item, text: str, limits: Limits) -> InputProblem | None:
    at = too_deep(text, limits.depth)
    if at is None:
        return None
    message = (
        f"arrays and objects nest deeper than {limits.describe('depth')} "
        "(the depth limit); a case record nests far less"
    )
    return InputProblem(source=item.source, line=item.line or at, path="$", message=message)


def read_record(
    item: Item, limits: Limits = _DEFAULT
) -> tuple[CaseRecord, str] | list[InputProblem]:
    """A record and its text, or its problems, each with its line."""
    text = _decode(item)
    if isinstance(text, InputProblem):
        return [text]
    line = item.line if item.kind == "line" else None
    try:
        data = parse_json(text, source=item.source, line=line)
        if isinstance(data, list):
            deep = _depth_problem(item, text, limits)
            if deep is not None:
                return [deep]
            message = (
                "expected a case record object, got an array; a .json file holds one "
                "record: put several in a .jsonl file, one record per line"
            )
            return [
                InputProblem(source=item.source, line=item.line or 1, path="$", message=message)
            ]
        refused = _over_limits(item, text, data, limits)
        if refused is not None:
            return [refused]
        record = structure(data, CaseRecord)
    except RecordError as err:
        # Only a refused record pays for these scans.
        deep = _depth_problem(item, text, limits)
        if deep is not None:
            return [deep]
        lines = locate(text, (p.path for p in err.problems)) if item.kind == "doc" else {}
        return [
            InputProblem(
                source=item.source,
                line=p.line if p.line is not None else (item.line or line_of(p.path, lines)),
                path=p.path,
                message=shorten(p.message),
            )
            for p in err.problems
        ]
    return record, text


def _over_limits(item: Item, text: str, data: Any, limits: Limits) -> InputProblem | None:
    """The first limit a parsed document breaks, found before the work of structuring it."""
    # A string is no longer than its text, and each item or value takes two
    # characters at least: most documents are too short to break any limit.
    if len(text) <= min(limits.string_chars, 2 * limits.items, 2 * limits.values):
        return None
    found = _oversized(data, limits)
    if found is None:
        return None
    path, message = found
    lines = locate(text, [path]) if item.kind == "doc" else {}
    line = item.line or line_of(path, lines)
    return InputProblem(source=item.source, line=line, path=path, message=message)
