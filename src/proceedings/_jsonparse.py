"""Strict JSON parsing: UTF-8 only, no ``NaN`` or ``Infinity``, no key given twice.

Python's :mod:`json` parses every document, and a hook on each object finds
the keys given twice, with their paths. Where ``orjson`` is installed (a
dependency of the package on CPython), a document that it provably parses
to the same values is parsed by it instead, several times faster: one with
no run of 19 digits (an integer orjson would turn into a float, or one
Python refuses); orjson itself refuses a byte-order mark, which only the
first line of a file may have. A key given twice, which orjson
would drop silently, is caught by counting strings: every quote of a valid
document that no backslash escapes opens or closes a string, and orjson's
own output holds each string it kept, key or value, once. Any other
document, and any error, goes to :mod:`json`, whose messages the user sees.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterator
from typing import Any

import attrs

from ._errors import Problem, RecordError
from ._paths import index_path, key_path

try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - installed with the package on CPython
    _orjson = None  # type: ignore[assignment]

__all__ = ["decode_utf8", "parse_json"]

#: A run of 19 digits, once every digit is written 0: a text that holds none has no
#: integer that orjson turns into a float (past 64 bits) or that Python refuses.
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_NINETEEN_DIGITS = b"0" * 19


def _strings(text: bytes) -> int:
    """How many strings a valid JSON document holds, keys included.

    Each backslash in it starts an escape, so once the escaped backslashes are
    taken out, a quote is escaped exactly when a backslash stands before it.
    """
    if b"\\" not in text:
        return text.count(b'"') // 2
    text = text.replace(b"\\\\", b"")
    return (text.count(b'"') - text.count(b'\\"')) // 2


def _parse_fast(text: str | bytes) -> Any:
    """What orjson parses ``text`` to, where that is what :mod:`json` gives; else ``None``.

    ``None`` is never a record (``null`` is sent to :mod:`json` as well).
    """
    if _orjson is None:  # pragma: no cover - installed with the package on CPython
        return None
    if isinstance(text, str):
        try:
            text = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate, which json may let through
            return None
    if _NINETEEN_DIGITS in text.translate(_DIGITS_AS_ZERO):
        return None
    try:
        data = _orjson.loads(text)
        kept = _strings(_orjson.dumps(data))
    except (_orjson.JSONDecodeError, _orjson.JSONEncodeError):
        return None  # json says what is wrong (or it nests deeper than orjson writes)
    if kept != _strings(text):
        return None  # a key was given twice, and orjson kept one
    return data


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it saw twice."""

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.repeated: list[str] = []
        if len(self) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen and key not in self.repeated:
                    self.repeated.append(key)
                seen.add(key)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _repeated_keys(node: Any, path: str) -> Iterator[Problem]:
    # A stack, not recursion: a document may nest as deep as the parser allows.
    stack: list[tuple[Any, str]] = [(node, path)]
    while stack:
        node, path = stack.pop()
        if isinstance(node, _Object):
            for key in node.repeated:
                yield Problem(
                    path=key_path(path, key),
                    message=f"key {key!r} appears more than once; only one value can be kept",
                )
            stack.extend((value, key_path(path, key)) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend(
                (value, index_path(path, i)) for i, value in reversed(list(enumerate(node)))
            )


def decode_utf8(
    data: bytes, *, bom: bool = True, source: str | None = None, line: int | None = None
) -> str:
    """The text of UTF-8 bytes, decoded strictly, as the command line reads files.

    :func:`json.loads` would guess UTF-16 or UTF-32 from the first bytes and
    let the encoded halves of a surrogate pair through; a record file is
    UTF-8 (RFC 8259, section 8.1), so the Python API and the command line
    refuse the same bytes, with the same message.

    Args:
        data: A document, or one line of a JSON Lines file.
        bom: Whether a byte-order mark may open it: a document, or the first
            line of a file.
        source: Where the bytes came from, for the error.
        line: The line of a JSON Lines file the bytes are (``None``: the
            bytes are a whole document, and the line is counted in them).

    The column of a bad byte is counted in bytes from the start of its line
    (after a byte-order mark), as the command line counts it.

    Raises:
        RecordError: The bytes are not UTF-8, with the line and column of the
            first byte that is not.
    """
    # The mark is cut off by hand, not by the "utf-8-sig" codec, whose error
    # offsets count from after the mark and so would name the wrong byte.
    if bom and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        at_line = before.count(b"\n") + 1 if line is None else line
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        message = (
            f"not UTF-8 text: byte 0x{data[exc.start]:02X} at column {column} "
            "cannot be decoded; save the file as UTF-8"
        )
        raise RecordError(
            [Problem(path="$", message=message, line=at_line)], source=source
        ) from None


def parse_json(text: str | bytes, *, source: str | None = None, line: int | None = None) -> Any:
    """Parse JSON strictly: no NaN or Infinity, no key given twice.

    Bytes must be UTF-8, decoded strictly as the command line decodes files
    (not guessed, as :func:`json.loads` guesses UTF-16 and UTF-32); a
    byte-order mark may open a document or the first line of a JSON Lines
    file (``line`` 1).

    Raises:
        RecordError: With the line and column of a syntax error or of a byte
            that is not UTF-8, or the paths of repeated keys.
    """
    fast = _parse_fast(text)
    if fast is not None:
        return fast
    if isinstance(text, bytes):
        text = decode_utf8(text, bom=line in (None, 1), source=source, line=line)
    repeats: list[bool] = []

    def hook(pairs: list[tuple[str, Any]]) -> _Object:
        obj = _Object(pairs)
        if obj.repeated:
            repeats.append(True)
        return obj

    try:
        data = json.loads(text, object_pairs_hook=hook, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        at_line = exc.lineno if line is None else line
        col = exc.colno
        raise RecordError(
            [
                Problem(
                    path="$",
                    message=f"invalid JSON: {exc.msg} (line {at_line}, column {col})",
                    line=at_line,
                )
            ],
            source=source,
        ) from None
    except RecursionError:
        message = "arrays and objects nest too deeply for the JSON parser"
        raise RecordError([Problem(path="$", message=message, line=line)], source=source) from None
    except ValueError as exc:
        message = f"invalid JSON: {exc}"
        if "integer string conversion" in message:
            # Python's own wording names a function of its own; say what is wrong.
            message = f"invalid JSON: a number of more than {sys.get_int_max_str_digits()} digits"
        raise RecordError([Problem(path="$", message=message, line=line)], source=source) from None
    if not repeats:
        # Walking the tree for paths costs as much as parsing: only when needed.
        return data
    repeated = [attrs.evolve(p, line=line) for p in _repeated_keys(data, "$")]
    raise RecordError(repeated, source=source)
