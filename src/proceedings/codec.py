"""The strict JSON codec of case records, for users who need more than ``proceedings.loads``.

The facade :mod:`proceedings` has the everyday pairs (``load``/``dump``,
``loads``/``dumps``, ``load_jsonl``/``dump_jsonl``). This module adds what
tools built on the format need:

* :func:`make_converter`, :func:`structure` and :func:`unstructure`: the
  strict cattrs converter (no coercion, no unknown keys) and its two
  directions, for a record or any of its parts;
* :func:`parse_json`: JSON parsing that refuses ``NaN`` and repeated keys;
* :func:`json_lines` and :func:`line_of`: where a JSON path is in a
  document, to point a reader at the line of a problem.

Every error is a :class:`~proceedings.RecordError` whose problems carry JSON
paths spelt one way: ``$.events[3].date``, ``$["odd key"]``.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import attrs

from ._codec import make_converter, structure, unstructure
from ._errors import RecordError
from ._jsonparse import parse_json
from ._locate import json_lines, line_of
from ._model import CaseRecord

__all__ = [
    "dump",
    "dump_jsonl",
    "dumps",
    "json_lines",
    "line_of",
    "load",
    "load_jsonl",
    "loads",
    "make_converter",
    "parse_json",
    "structure",
    "unstructure",
]


def loads(text: str | bytes, *, source: str | None = None) -> CaseRecord:
    """Read one case record from a JSON document.

    Args:
        text: The document, as text or as UTF-8 bytes (a byte-order mark
            may open them).
        source: The name errors give.

    Raises:
        RecordError: Bytes that are not UTF-8, invalid JSON, or a record that
            does not fit the format.
    """
    return structure(parse_json(text, source=source), CaseRecord, source=source)


def _name_of(fp: object) -> str | None:
    name = getattr(fp, "name", None)
    return name if isinstance(name, str) else None


def load(
    fp: IO[str] | IO[bytes] | str | os.PathLike[str], *, source: str | None = None
) -> CaseRecord:
    """Read one case record from an open JSON file, as :func:`json.load` does.

    Args:
        fp: A file opened for reading, text or binary (binary is faster,
            must be UTF-8 and may open with a byte-order mark, as for the
            command line). A path is still accepted, with a
            :class:`DeprecationWarning`, for one release.
        source: The name errors give; the file's ``name`` by default.

    Raises:
        RecordError: The file does not hold a valid record (named in the error).
        OSError: A path that cannot be read.
    """
    if isinstance(fp, str | os.PathLike):
        warnings.warn(
            "proceedings.load(path) is deprecated: pass an open file, as in "
            "'with open(path, \"rb\") as fp: proceedings.load(fp)'",
            DeprecationWarning,
            stacklevel=2,
        )
        p = Path(fp)
        return loads(p.read_bytes(), source=str(p) if source is None else source)
    return loads(fp.read(), source=_name_of(fp) if source is None else source)


def dumps(record: CaseRecord) -> str:
    """The canonical JSON of a record: two-space indent, UTF-8, defaults left out.

    ``dumps(loads(dumps(r))) == dumps(r)`` byte for byte.
    """
    return json.dumps(unstructure(record), ensure_ascii=False, indent=2) + "\n"


def dump(record: CaseRecord, fp: IO[str]) -> None:
    """Write the canonical JSON of a record to a text file."""
    fp.write(dumps(record))


def _dumps_line(record: CaseRecord) -> str:
    """One record as a single JSON Lines line (with its newline)."""
    return json.dumps(unstructure(record), ensure_ascii=False, separators=(",", ":")) + "\n"


def dump_jsonl(records: Iterable[CaseRecord], fp: IO[str]) -> None:
    """Write records to a text file as JSON Lines, one record per line.

    ``load_jsonl`` reads them back; records stream, so memory stays flat.
    """
    for record in records:
        fp.write(_dumps_line(record))


def load_jsonl(
    fp: Iterable[str | bytes], *, source: str | None = None
) -> Iterator[CaseRecord | RecordError]:
    """Stream a JSON Lines corpus one record at a time.

    A bad line does not stop the stream: it is yielded as a
    :class:`RecordError` whose problems carry the line number, and the next
    line is read. Blank lines are skipped. Memory stays flat.

    Args:
        fp: A file opened for reading (text or binary), or any iterable of
            lines; bytes must be UTF-8 (a byte-order mark may open the first
            line only), else the line is an error.
        source: The name errors give; the file's ``name`` by default.

    Yields:
        Each record, or the error for its line, in file order.
    """
    if source is None:
        source = _name_of(fp)
    for number, raw in enumerate(fp, start=1):
        if not raw.strip():
            continue
        # Without its line break, a syntax error's column is on the right line.
        text = raw.rstrip(b"\r\n") if isinstance(raw, bytes) else raw.rstrip("\r\n")
        try:
            data = parse_json(text, source=source, line=number)
            yield structure(data, CaseRecord, source=source)
        except RecordError as err:
            yield RecordError([attrs.evolve(p, line=number) for p in err.problems], source=source)


def iter_jsonl(
    lines: Iterable[str | bytes], *, source: str | None = None
) -> Iterator[CaseRecord | RecordError]:
    """Deprecated: :func:`load_jsonl` under its old name (it does not read ``name``)."""
    warnings.warn(
        "proceedings.iter_jsonl is deprecated; use proceedings.load_jsonl",
        DeprecationWarning,
        stacklevel=2,
    )
    # The old function never took the source from the file's name: a generator has none.
    return load_jsonl((line for line in lines), source=source)


def __dir__() -> list[str]:
    return sorted(__all__)
