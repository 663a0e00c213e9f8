"""Where a JSON path is in a document: the line each value starts on.

The codec reports problems by JSON path; a person reading a file wants the
line. This scanner maps one to the other without parsing the document
(which may be the broken one being reported).

It is linear in time, and what it keeps is bounded by what is asked:
:func:`locate` follows only the paths it is given (and their ancestors), so
that a document nested a million levels deep, or holding a ten-megabyte
string, costs one pass and a few frames. :func:`json_lines` maps every value,
to a depth limit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ._paths import ROOT, index_path, key_path

# Strings as one run of plain characters between escapes: no backtracking
# state per character, so a long string costs its length and nothing more.
_TOKEN = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|[{}\[\]:,]|-?\d[\d.eE+\-]*|true|false|null|\n')
_SEGMENT = re.compile(r'\.([^.\[]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')

#: How deep :func:`json_lines` maps values (the record format nests far less).
MAX_DEPTH = 64


class _Wanted:
    """A node of the tree of wanted paths: its path, and the wanted paths below it."""

    __slots__ = ("kids", "path")

    def __init__(self, path: str) -> None:
        self.path = path
        self.kids: dict[str | int, _Wanted] = {}

    def below(self, segment: str | int) -> _Wanted | None:
        return self.kids.get(segment)

    def deeper(self) -> bool:
        return bool(self.kids)


class _Every(_Wanted):
    """Every path is wanted, to a depth."""

    __slots__ = ("depth",)

    def __init__(self, path: str, depth: int) -> None:
        super().__init__(path)
        self.depth = depth

    def below(self, segment: str | int) -> _Wanted | None:
        if isinstance(segment, int):
            return _Every(index_path(self.path, segment), self.depth - 1)
        return _Every(key_path(self.path, segment), self.depth - 1)

    def deeper(self) -> bool:
        return self.depth > 0


def _segments(path: str) -> list[str | int] | None:
    """The keys and indices of a path as :mod:`proceedings` spells them, or ``None``."""
    if not path.startswith(ROOT):
        return None
    out: list[str | int] = []
    at = len(ROOT)
    while at < len(path):
        match = _SEGMENT.match(path, at)
        if match is None:
            return None
        name, index, quoted = match.groups()
        if name is not None:
            out.append(name)
        elif index is not None:
            out.append(int(index))
        else:
            try:
                out.append(json.loads(quoted))
            except ValueError:
                return None
        at = match.end()
    return out


def _scan(text: str, root: _Wanted) -> dict[str, int]:
    found: dict[str, int] = {}
    line = 1
    # Each open container on a wanted path: [node, is_array, index or key, expecting_key].
    stack: list[list[Any]] = []
    # How many containers deep the scanner is below the last wanted one.
    skip = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
            continue
        if skip:
            if token in "{[":
                skip += 1
            elif token in "}]":
                skip -= 1
            continue
        top = stack[-1] if stack else None
        if token in "}]":
            if top is None:
                break
            stack.pop()
            continue
        if token == ",":
            if top is not None:
                if top[1]:
                    top[2] += 1
                else:
                    top[3] = True
            continue
        if token == ":":
            continue
        if top is not None and not top[1] and top[3]:
            try:
                top[2] = json.loads(token)
            except ValueError:
                break
            top[3] = False
            continue
        # A value starts here.
        node = root if top is None else top[0].below(top[2])
        if node is not None:
            found.setdefault(node.path, line)
        if token in "{[":
            if node is not None and node.deeper():
                stack.append([node, token == "[", 0 if token == "[" else None, token == "{"])
            else:
                skip = 1
    return found


def locate(text: str, paths: Iterable[str]) -> dict[str, int]:
    """The line on which the value at each path, and each of its ancestors, starts.

    Paths not in the document (or past where it breaks) are left out;
    :func:`line_of` then finds their nearest ancestor. Time is linear in the
    text; memory is bounded by the paths asked for, not by the document.
    """
    root = _Wanted(ROOT)
    for path in paths:
        segments = _segments(path)
        if segments is None:
            continue
        node = root
        for segment in segments:
            child = node.kids.get(segment)
            if child is None:
                prefix = node.path
                child = _Wanted(
                    index_path(prefix, segment)
                    if isinstance(segment, int)
                    else key_path(prefix, segment)
                )
                node.kids[segment] = child
            node = child
    return _scan(text, root)


def json_lines(text: str, *, max_depth: int = MAX_DEPTH) -> dict[str, int]:
    """The line on which each value of a JSON document starts, by JSON path.

    A small tolerant scanner: it stops quietly where the document breaks, so
    that it can locate the problems of a record that does not fit the format.
    Paths are spelt as in :class:`~proceedings.Problem` (``$.events[3].date``,
    ``$["odd key"]``). Values nested deeper than ``max_depth`` are not mapped
    (:func:`line_of` gives them their deepest mapped ancestor's line); to
    find a few paths in a large document, :func:`locate` keeps less.
    """
    return _scan(text, _Every(ROOT, max_depth))


def line_of(path: str, lines: Mapping[str, int]) -> int | None:
    """The line of ``path`` in :func:`json_lines`' map, or of its nearest ancestor there."""
    while True:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            return lines.get("$")
        path = path[:cut]


_NESTING = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|[\[{]|[\]}]|\n')


def too_deep(text: str, depth: int) -> int | None:
    """The line on which ``text`` first nests deeper than ``depth``, or ``None``.

    One pass, strings skipped; it stops at the first container too many.
    """
    line = 1
    level = 0
    for match in _NESTING.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
        elif token in "[{":
            level += 1
            if level > depth:
                return line
        elif token in "]}":
            level -= 1
    return None
