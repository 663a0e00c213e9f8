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

from ._codec import (
    dump,
    dump_jsonl,
    dumps,
    load,
    load_jsonl,
    loads,
    make_converter,
    parse_json,
    structure,
    unstructure,
)
from ._locate import json_lines, line_of

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


def __dir__() -> list[str]:
    return sorted(__all__)
