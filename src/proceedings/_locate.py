"""Where a JSON path is in a document: the line each value starts on.

The codec reports problems by JSON path; a person reading a file wants the
line. This scanner maps one to the other without parsing the document
(which may be the broken one being reported).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from ._paths import index_path, key_path

_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\]:,]|-?\d[\d.eE+\-]*|true|false|null|\n', re.DOTALL)


def json_lines(text: str) -> dict[str, int]:
    """The line on which each value of a JSON document starts, by JSON path.

    A small tolerant scanner: it stops quietly where the document breaks, so
    that it can locate the problems of a record that does not fit the format.
    Paths are spelt as in :class:`~proceedings.Problem` (``$.events[3].date``,
    ``$["odd key"]``).
    """
    found: dict[str, int] = {}
    line = 1
    # Each open container: [path, is_array, index or key, expecting_key].
    stack: list[list[Any]] = []

    def here() -> str:
        if not stack:
            return "$"
        path, is_array, at, _ = stack[-1]
        return index_path(path, at) if is_array else key_path(path, str(at))

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


def line_of(path: str, lines: Mapping[str, int]) -> int | None:
    """The line of ``path`` in :func:`json_lines`' map, or of its nearest ancestor there."""
    while True:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            return lines.get("$")
        path = path[:cut]
