"""Text safe to print on a terminal: every control character written as an escape."""

from __future__ import annotations

import re

# What a terminal acts on rather than shows: C0 and C1 controls, DEL, the
# bidirectional overrides and isolates (which reorder what follows them), line
# and paragraph separators, and lone surrogates (which no encoding can write).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
_UNSAFE_KEEP_NEWLINES = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, newlines: bool = False) -> str:
    """``text`` safe to print on a terminal: every control character written as an escape.

    A record's title, a file name or a key may hold escape sequences that
    clear the screen, set the window title or reorder the line; here they
    become visible text (``\\x1b``, ``\\u202e``). Letters of every script,
    and the joiners some scripts need, are left as they are. With
    ``newlines``, line breaks are kept (for text of the program's own making).

    >>> printable("\\x1b[2J0 violations\\u202e")
    '\\\\x1b[2J0 violations\\\\u202e'
    """
    pattern = _UNSAFE_KEEP_NEWLINES if newlines else _UNSAFE
    return pattern.sub(_escape, text) if pattern.search(text) else text
