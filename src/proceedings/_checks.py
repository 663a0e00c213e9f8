"""Field checks shared by the classes, the JSON codec and the JSON Schema.

A check is declared once, on the attrs field's metadata, and serves three
places: the class refuses a bad value when built in Python, the codec reports
it with its JSON path, and the schema generator turns it into a constraint.
Keeping the three in one object is what stops them drifting apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ._countries import ISO_3166_ALPHA2
from ._errors import Problem, RecordError

#: Key under which a field's :class:`Check` is stored in attrs metadata.
CHECK = "proceedings.check"


@attrs.frozen
class Check:
    """A constraint on a field's value beyond its Python type.

    Attributes:
        test: Returns ``None`` for a good value, else what is wrong with it.
        schema: The JSON Schema fragment that expresses the same constraint.
    """

    test: Callable[[Any], str | None]
    schema: Mapping[str, Any]


class FieldProblems(RecordError):
    """One or more fields of an object hold values their checks refuse.

    A :class:`~proceedings.RecordError` like any other bad input: its
    :attr:`problems` are located relative to the object being built
    (``$.date``, ``$.events[3].against``).

    Args:
        cls: The class being built.
        fields: ``(field name or relative path, message)`` pairs, in field order.
    """

    def __init__(self, cls: type, fields: list[tuple[str, str]]) -> None:
        super().__init__([Problem(path=f"$.{name}", message=msg) for name, msg in fields])
        self.cls = cls
        self.fields = tuple(fields)

    def __str__(self) -> str:
        inner = "; ".join(f"{name}: {msg}" for name, msg in self.fields)
        return f"invalid {self.cls.__name__}: {inner}"


def _country(value: Any) -> str | None:
    if value in ISO_3166_ALPHA2:
        return None
    return f"{value!r} is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. 'KZ')"


def _countries(value: Any) -> str | None:
    for item in value:
        if (msg := _country(item)) is not None:
            return msg
    if len(set(value)) != len(value):
        return "country codes must not repeat"
    return None


_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")


_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def _nonempty(value: Any) -> str | None:
    return None if value.strip() else "must not be empty or blank"


def _positive(value: Any) -> str | None:
    return None if value > 0 else f"must be a positive number, not {value}"


def _nonnegative(value: Any) -> str | None:
    return None if value >= 0 else f"must not be negative, not {value}"


def _nonempty_tuple(value: Any) -> str | None:
    return None if len(value) else "must list at least one item"


def _nonempty_items(value: Any) -> str | None:
    for item in value:
        if not item.strip():
            return "items must not be empty or blank"
    return None


def _unique_strings(value: Any) -> str | None:
    return None if len(set(value)) == len(value) else "items must not repeat"


# Whole days, "2", or a range "2/3"; six digits are some 2700 years.
_DAY_COUNT = re.compile(r"^(?:0|[1-9][0-9]{0,5})(?:/(?:0|[1-9][0-9]{0,5}))?$")


# An ISO 8601 period in calendar units, "P1Y10M", or a range "P1Y10M/P1Y11M".
_ONE_PERIOD = r"P(?=[0-9])(?:[0-9]{1,4}Y)?(?:[0-9]{1,5}M)?(?:[0-9]{1,6}W)?(?:[0-9]{1,6}D)?"
_PERIOD_RANGE = re.compile(rf"^{_ONE_PERIOD}(?:/{_ONE_PERIOD})?$")


def _matching(pattern: re.Pattern[str], wanted: str) -> Check:
    """A check that a string matches ``pattern``; ``wanted`` ends the message: "is not ..."."""

    def test(value: Any) -> str | None:
        return None if pattern.fullmatch(value) else f"{value!r} is not {wanted}"

    return Check(test, {"pattern": pattern.pattern})


COUNTRY = Check(_country, {"enum": sorted(ISO_3166_ALPHA2)})
COUNTRIES = Check(_countries, {"items": {"enum": sorted(ISO_3166_ALPHA2)}, "uniqueItems": True})
IDENTIFIER = _matching(_ID, "a valid id (letters, digits and . _ : -, not starting with a sign)")
LANGUAGE = _matching(_LANG, "a BCP 47 language tag (e.g. 'en', 'ru', 'kk')")
NONEMPTY = Check(_nonempty, {"minLength": 1, "pattern": r"\S"})
POSITIVE = Check(_positive, {"exclusiveMinimum": 0})
NONNEGATIVE = Check(_nonnegative, {"minimum": 0})
NONEMPTY_TUPLE = Check(_nonempty_tuple, {"minItems": 1})
NONEMPTY_ITEMS = Check(_nonempty_items, {"items": {"minLength": 1, "pattern": r"\S"}})
UNIQUE_STRINGS = Check(_unique_strings, {"uniqueItems": True})
DAY_COUNT = _matching(
    _DAY_COUNT,
    "a number of whole days: write '2' or a range '2/3' (digits only, 0 for the same day)",
)
PERIOD = _matching(
    _PERIOD_RANGE,
    "a period: write an ISO 8601 duration in years, months, weeks and days, such as "
    "'P1Y10M', 'P3W' or 'P40D', or a range 'P1Y10M/P1Y11M'",
)


_CHECKED_FIELDS: dict[type, tuple[tuple[str, Check], ...]] = {}


def _checked_fields(cls: type) -> tuple[tuple[str, Check], ...]:
    # The fields of a class never change: look their checks up once.
    found = _CHECKED_FIELDS.get(cls)
    if found is None:
        found = tuple(
            (field.name, field.metadata[CHECK])
            for field in attrs.fields(cls)
            if CHECK in field.metadata
        )
        _CHECKED_FIELDS[cls] = found
    return found


def field_problems(obj: Any) -> list[tuple[str, str]]:
    """Run every field check of an attrs instance.

    Args:
        obj: An attrs instance whose fields may carry a :data:`CHECK`.

    Returns:
        ``(field name, message)`` for each refused value; ``None`` values
        (absent optional fields) are not checked.
    """
    problems: list[tuple[str, str]] = []
    for name, check in _checked_fields(type(obj)):
        value = getattr(obj, name)
        if value is not None and (msg := check.test(value)) is not None:
            problems.append((name, msg))
    return problems


def validate_fields(obj: Any) -> None:
    """Raise :class:`FieldProblems` listing every refused field of ``obj``.

    Used as ``__attrs_post_init__`` so that every way of building an object,
    ``attrs.evolve`` included, goes through the same checks.
    """
    problems = field_problems(obj)
    problems.extend(obj._object_problems())
    if problems:
        raise FieldProblems(type(obj), problems)
