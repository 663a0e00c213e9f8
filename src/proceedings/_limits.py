"""How much one input may ask of a run: sizes, depth, string length, events.

A corpus may come from anyone. Without limits, a ten-kilobyte file of ``[``
or a line of two gigabytes could take all the memory of the machine, and one
bad input would stop the run for every other. Each limit is checked before
the work it protects, and a refusal is an input problem naming the file, the
line and the limit, so that the rest of the run goes on.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Limits", "format_size", "parse_limit"]

_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
_SIZE = re.compile(r"(\d+)\s*([kmg]?)(?:i?b)?", re.IGNORECASE)


def format_size(value: int) -> str:
    """``16 MiB``, ``512 KiB`` or ``300 bytes``: a size as people read it."""
    for unit, name in ((1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")):
        if value >= unit and value % unit == 0:
            return f"{value // unit} {name}"
    return f"{value:,} bytes"


def _positive(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"limit {attribute.name} must be a positive whole number, not {value!r}")


def _deep_enough(instance: Limits, attribute: attrs.Attribute[int], value: int) -> None:
    _positive(instance, attribute, value)
    if value < Limits.MIN_DEPTH:
        raise ValueError(
            f"limit depth must be at least {Limits.MIN_DEPTH} (records nest that deep), not {value}"
        )


@attrs.frozen(kw_only=True)
class Limits:
    """The most one input may hold; anything beyond is refused, not read.

    Attributes:
        document_bytes: The size of a JSON document (a ``.json`` file, or a
            document on standard input).
        line_bytes: The size of one line of a JSON Lines corpus.
        depth: How deeply arrays and objects may nest. A valid record nests
            far less; the limit bounds the work spent on one that is not.
        string_chars: The length of any one string (a note, a quote, a key).
        items: The items of any one array: the events of a record, the
            sources of an event, its quotes.
        values: The values in one record, all arrays and objects counted
            (a refused record is checked value by value, at some cost each).

    The defaults leave room for any real case (the longest decision quoted
    whole fits in a string many times over), and keep the memory one input
    can take to a few hundred megabytes.
    """

    #: The least ``depth`` allowed: deeper than any valid record nests.
    MIN_DEPTH = 16

    document_bytes: int = attrs.field(default=16 << 20, validator=_positive)
    line_bytes: int = attrs.field(default=16 << 20, validator=_positive)
    depth: int = attrs.field(default=64, validator=_deep_enough)
    string_chars: int = attrs.field(default=1 << 20, validator=_positive)
    items: int = attrs.field(default=10_000, validator=_positive)
    values: int = attrs.field(default=1_000_000, validator=_positive)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The limits' names, as ``--limit NAME=VALUE`` takes them."""
        return tuple(a.name for a in attrs.fields(cls))

    def describe(self, name: str) -> str:
        """A limit's value as people read it: ``16 MiB``, ``64 levels``, ``10,000 items``."""
        value: int = getattr(self, name)
        if name.endswith("_bytes"):
            return format_size(value)
        unit = {
            "depth": "levels",
            "string_chars": "characters",
            "items": "items",
            "values": "values",
        }[name]
        return f"{value:,} {unit}"


def parse_limit(text: str, limits: Limits) -> Limits:
    """``limits`` with one changed by ``NAME=VALUE`` (sizes may say ``K``, ``M`` or ``G``).

    Raises:
        ValueError: An unknown name or a value that is not a positive number.
    """
    name, sep, value = text.partition("=")
    name = name.strip().replace("-", "_")
    if not sep or name not in Limits.names():
        known = ", ".join(Limits.names())
        raise ValueError(f"expected NAME=VALUE with NAME one of {known}, got {text!r}")
    match = _SIZE.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"limit {name}: expected a whole number, got {value!r}")
    number = int(match.group(1)) * _UNITS[match.group(2).lower()]
    return attrs.evolve(limits, **{name: number})
