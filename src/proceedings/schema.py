"""The JSON Schema of the case-record format, for tools in other languages.

The schema is generated from the record classes themselves (their types, the
checks on their fields and their docstrings), so it cannot drift from what the
library reads. It follows JSON Schema draft 2020-12.

Get it from the command line::

    python -m proceedings.schema > case-record.schema.json

or from Python with :func:`json_schema` (a dict) or :func:`schema_json` (the
canonical text). Then validate records with any draft 2020-12 validator, for
example ``ajv`` in JavaScript (``new Ajv2020().compile(schema)``), ``jsonschema``
in Python, ``santhosh-tekuri/jsonschema`` in Go or ``networknt/json-schema-validator``
in Java.

What the schema checks, and what only this library checks:

* The schema checks the structure: every field's JSON type, required and
  unknown fields, enumerations, country codes, identifiers, the form of dates,
  and the format version. A record the schema refuses, the library refuses too.
* Only the library checks what compares values across the record or needs a
  calendar: that ids are unique, that references point to an earlier event of
  the right type and account, to a listed source and to a declared account,
  that a border crossing leads to another country, and that a date's day
  exists (``2022-02-30``) and an interval ends after it starts. A record the
  schema accepts may still be refused by ``proceedings.load``; validate with the
  library before relying on a record.
* Whole numbers: JSON Schema counts ``12.0`` as an integer; the library asks
  for ``12``.

Events are a tagged union on ``"type"``: ``$defs/Event`` picks the schema of
each event type (``$defs/Detention``, ...) with ``if``/``then`` on the tag.
"""

from __future__ import annotations

import copy
import functools
import json
import sys
from typing import Any

from ._schema import DATE_PATTERN, DIALECT, SCHEMA_ID, build_schema

__all__ = ["DATE_PATTERN", "DIALECT", "SCHEMA_ID", "json_schema", "main", "schema_json"]


@functools.cache
def _schema() -> dict[str, Any]:
    return build_schema()


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a case record.

    Returns:
        A new dict each time, so a caller may change it freely.
    """
    return copy.deepcopy(_schema())


def schema_json() -> str:
    """The schema as canonical JSON text: two-space indent, UTF-8, final newline.

    The keys keep the order in which they were generated (the record first,
    then its parts, the events and the vocabularies), which is stable from one
    run to the next, so the text can be committed and compared.
    """
    return json.dumps(_schema(), ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    """Write the schema to standard output (``python -m proceedings.schema``)."""
    sys.stdout.write(schema_json())


if __name__ == "__main__":  # pragma: no cover - the tests run it in a subprocess
    main()
