"""Field declarations shared by the record classes.

Each constructor attaches a check (see ``_checks``) to an attrs field, so that
the class, the codec and the JSON Schema agree on what a valid value is; and
``REFERS_TO`` marks a field that names another event, which the reference
checks, the codec and the Hypothesis strategies read.
"""

from __future__ import annotations

from typing import Any

import attrs

from ._checks import (
    CHECK,
    COUNTRIES,
    COUNTRY,
    IDENTIFIER,
    NONEMPTY,
    POSITIVE,
    validate_fields,
)


def _ident() -> Any:
    return attrs.field(metadata={CHECK: IDENTIFIER})


def _opt_ident() -> Any:
    return attrs.field(default=None, metadata={CHECK: IDENTIFIER})


def _country() -> Any:
    return attrs.field(metadata={CHECK: COUNTRY})


def _opt_country() -> Any:
    return attrs.field(default=None, metadata={CHECK: COUNTRY})


def _countries() -> Any:
    return attrs.field(default=(), metadata={CHECK: COUNTRIES})


def _text() -> Any:
    return attrs.field(metadata={CHECK: NONEMPTY})


def _opt_text() -> Any:
    return attrs.field(default=None, metadata={CHECK: NONEMPTY})


def _opt_positive() -> Any:
    return attrs.field(default=None, metadata={CHECK: POSITIVE})


class _Checked:
    """Mixin: run the field checks after ``__init__`` (and ``attrs.evolve``)."""

    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        validate_fields(self)

    def _object_problems(self) -> list[tuple[str, str]]:
        """Checks that involve more than one field; override where needed."""
        return []


#: Key under which a field that names another event stores the event types it
#: may name (an empty tuple means any type).
REFERS_TO = "proceedings.refers_to"


def _ref(*types: str, optional: bool = True) -> Any:
    metadata = {CHECK: IDENTIFIER, REFERS_TO: types}
    if optional:
        return attrs.field(default=None, metadata=metadata)
    return attrs.field(metadata=metadata)


#: Key under which a field says how :meth:`~proceedings.Proceeding.allowed`
#: probes it: :data:`VARY` (one probe per member of its vocabulary), a tuple
#: of the members to probe, or a role for a country (:data:`DESTINATIONS`:
#: one probe per state the person could be sent to; :data:`HERE`: the
#: jurisdiction itself). A required field without it takes the first member
#: of its vocabulary, the person's state of origin for a country, or a
#: placeholder text.
PROBE = "proceedings.probe"
VARY = "vary"
DESTINATIONS = "destinations"
HERE = "here"


def _probed(how: object, **metadata: Any) -> Any:
    return attrs.field(metadata={PROBE: how, **metadata})
