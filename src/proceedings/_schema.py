"""The JSON Schema generator: walks the attrs classes and writes draft 2020-12.

Nothing in the schema is written by hand that the classes already say. Types
come from the annotations (resolved with :func:`attrs.resolve_types`),
constraints from each field's :data:`~proceedings._checks.CHECK` fragment,
required fields from the fields without a default, titles and descriptions from
the Google-style docstrings. The few constraints that involve more than one
field (a class's ``_object_problems``) are not data on the model; those the
schema can express are listed in :data:`OBJECT_CONSTRAINTS`, the others in
:data:`LIBRARY_ONLY`, and a test checks that every class with such checks is in
one of the two.
"""

from __future__ import annotations

import enum
import inspect
import re
import types
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Union, get_args, get_origin

import attrs

from ._checks import CHECK, COUNTRY, Check
from ._dates import UncertainDate
from ._errors import InvalidDefinition
from ._model import (
    EVENT_TYPES,
    FORMAT_VERSION,
    REFERS_TO,
    BorderCrossing,
    CaseRecord,
    Charge,
    Detention,
    DetentionExtended,
    Event,
    Person,
    RelativeTiming,
    Source,
)
from ._versions import READABLE_VERSIONS

#: The dialect every generated schema declares.
DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: The schema's identifier. A URN, not a URL: nothing is served at an address,
#: and a validator must never try to fetch one. The format version is part of
#: it, so that a schema of a later format is a different schema.
SCHEMA_ID = f"urn:proceedings:case-record:v{FORMAT_VERSION}"

# -- the date pattern ------------------------------------------------------------
#
# The pattern is a pre-filter: it accepts exactly the *shapes* the library reads
# (YYYY[-MM[-DD]], X digits, one trailing qualifier, a time of day Thh:mm[:ss]
# after a full date without X, one "/", ".." for an open end), with years,
# months and days whose digit masks can match a real number in range. What it
# cannot say is which days exist (2022-02-30, 2021-02-29, 2022-04-3X) and
# whether an interval's start lies after its end: those need a calendar and
# arithmetic, and only the library checks them.
#
# It is written in the subset of regular expressions that ECMA-262 (which JSON
# Schema names), Python's re, RE2 (Go) and Rust's regex agree on: no look-around,
# no backreferences. That is why "not 0000 and not XXXX" is spelled out below
# instead of written as a negative lookahead.
#
# One difference remains that no portable pattern can remove: in Python (and so
# in the ``jsonschema`` package) ``$`` also matches before a final newline, so a
# Python validator lets "2022\n" through, while ECMA-262 engines and the library
# refuse it.
_DIGIT_OR_X = "[0-9X]"
_YEAR = (
    "(?:"
    # a significant digit somewhere: at least one year in 0001..9999 fits
    f"[1-9]{_DIGIT_OR_X}{{3}}|{_DIGIT_OR_X}[1-9]{_DIGIT_OR_X}{{2}}"
    f"|{_DIGIT_OR_X}{{2}}[1-9]{_DIGIT_OR_X}|{_DIGIT_OR_X}{{3}}[1-9]"
    # only 0 and X: fine if it has both (0X00 is 100..900), not 0000 or XXXX
    "|0(?:X[0X]{2}|0X[0X]|00X)|X(?:0[0X]{2}|X0[0X]|XX0)"
    ")"
)
_MONTH = "(?:0[1-9X]|1[0-2X]|X[0-9X])"
_DAY = "(?:0[1-9X]|[12][0-9X]|3[01X]|X[0-9X])"
_SINGLE_DATE = f"{_YEAR}(?:-{_MONTH}(?:-{_DAY})?)?[~?%]?"
# A time of day needs a fully known day: digits only, and a year not 0000.
_KNOWN_DAY = (
    "(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
    "-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
)
_CLOCK = "(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?"
_TIMED_DATE = f"{_KNOWN_DAY}T{_CLOCK}[~?%]?"
_ONE_DATE = f"(?:{_SINGLE_DATE}|{_TIMED_DATE})"
_OPEN_END = r"\.\."

#: The ``pattern`` of :class:`~proceedings._dates.UncertainDate` strings.
DATE_PATTERN = f"^(?:{_ONE_DATE}(?:/(?:{_ONE_DATE}|{_OPEN_END}))?|{_OPEN_END}/{_ONE_DATE})$"

# -- constraints on more than one field ------------------------------------------


def _present_string(name: str) -> dict[str, Any]:
    return {"required": [name], "properties": {name: {"type": "string"}}}


#: An order that set no term (``term_set: false``) gives no ``term_days``.
_NO_TERM_NO_DAYS: Mapping[str, Any] = {
    "not": {
        "required": ["term_set", "term_days"],
        "properties": {"term_set": {"const": False}, "term_days": {"type": "integer"}},
    }
}

#: Schema fragments for the ``_object_problems`` checks a schema can express.
#: ``null`` counts as absent, as it does in the library, hence the type.
OBJECT_CONSTRAINTS: Mapping[type, Mapping[str, Any]] = {
    Charge: {"anyOf": [_present_string("article"), _present_string("label")]},
    Source: {"anyOf": [_present_string("url"), _present_string("file")]},
    Detention: _NO_TERM_NO_DAYS,
    DetentionExtended: _NO_TERM_NO_DAYS,
}

#: The ``_object_problems`` checks only the library makes, and why.
LIBRARY_ONLY: Mapping[type, str] = {
    CaseRecord: (
        "unique ids and names, references to earlier events, declared sources and "
        "declared accounts, and each event's date against its relative timing (after), "
        "compare values across the record, which JSON Schema cannot do "
        "(format_version, the other check, is a const in the schema)"
    ),
    BorderCrossing: (
        "from_country must differ from to_country: JSON Schema cannot compare two values"
    ),
    RelativeTiming: (
        "a range of days or periods must not run backwards ('3/2', 'P2M/P1M'): JSON Schema "
        "cannot compare two numbers within one string; and it gives days or a period, not "
        "both, which the schema leaves to the library with the ranges"
    ),
    Person: (
        "each account has one entry of facts: JSON Schema cannot compare the objects of an "
        "array by one key"
    ),
}

#: Extra constraints on single fields that live in ``_object_problems``.
_FIELD_CONSTRAINTS: Mapping[tuple[type, str], Mapping[str, Any]] = {
    # Version 1 is read too, and upgraded on load (see proceedings.codec).
    (CaseRecord, "format_version"): {"enum": list(READABLE_VERSIONS)},
}

#: Check fragments that get one ``$defs`` entry instead of being repeated in
#: every field: the country list is long and used by some thirty fields, and a
#: named type is what a code generator in another language wants.
_NAMED_CHECKS: Mapping[str, tuple[Check, str]] = {
    "CountryCode": (
        COUNTRY,
        "An ISO 3166-1 alpha-2 country code (`KZ`, `RU`), or `XK` for Kosovo.",
    ),
}

# -- docstrings -------------------------------------------------------------------

_ROLE = re.compile(r":[a-z]+:`~?(?:[\w.]*\.)?([^`.]+)`")
_ENTRY = re.compile(r"(\w+)(?: \([^)]*\))?:\s*(.*)")


# Docstrings speak Python; the schema's readers write JSON.
_JSON_WORDS = {"`None`": "`null`", "`True`": "`true`", "`False`": "`false`"}


def _markdown(text: str) -> str:
    """Turn the reStructuredText roles and literals of a docstring into Markdown."""
    text = _ROLE.sub(r"`\1`", text).replace("``", "`")
    for python_word, json_word in _JSON_WORDS.items():
        text = text.replace(python_word, json_word)
    return text


@attrs.frozen
class Docstring:
    """What the schema takes from a Google-style docstring.

    Attributes:
        summary: The first paragraph, joined into one line.
        attributes: The entries of the ``Attributes:`` section, by name.
    """

    summary: str | None
    attributes: Mapping[str, str]


def parse_docstring(doc: str | None) -> Docstring:
    """Read the summary and the ``Attributes:`` entries of a docstring.

    Args:
        doc: A docstring, or ``None``.

    Returns:
        The first paragraph and each attribute's description, each joined into
        one line and with reStructuredText literals and roles made Markdown.
    """
    if not doc:
        return Docstring(summary=None, attributes={})
    lines = inspect.cleandoc(doc).splitlines()
    first: list[str] = []
    for line in lines:
        if not line.strip():
            break
        first.append(line.strip())
    return Docstring(summary=_markdown(" ".join(first)), attributes=dict(_attributes(lines)))


def _attributes(lines: list[str]) -> Iterator[tuple[str, str]]:
    try:
        start = lines.index("Attributes:") + 1
    except ValueError:
        return
    indent: int | None = None
    name: str | None = None
    text: list[str] = []
    for line in lines[start:]:
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip())
        if indent is None:
            indent = depth
        if depth < indent:
            break  # the next section
        match = _ENTRY.fullmatch(line.strip()) if depth == indent else None
        if match is None:
            text.append(line.strip())  # a continuation line
            continue
        if name is not None:
            yield name, _markdown(" ".join(text))
        name, text = match[1], [match[2]]
    if name is not None:
        yield name, _markdown(" ".join(text))


def _docs(cls: type) -> Docstring:
    """A class's summary, and its attributes' descriptions with those of its bases."""
    own = parse_docstring(cls.__doc__)
    attributes: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        attributes.update(parse_docstring(klass.__doc__).attributes)
    return Docstring(summary=own.summary, attributes=attributes)


# -- types --------------------------------------------------------------------------

# Keywords that say nothing about ``null``: a schema made only of these can be
# made nullable by adding "null" to its "type". Anything else (enum, const, $ref)
# would refuse null, and is wrapped in an anyOf instead.
_TYPE_SPECIFIC = frozenset(
    {
        "type",
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "items",
        "minItems",
        "maxItems",
        "uniqueItems",
        "description",
    }
)

_PRIMITIVES: Mapping[type, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with the keywords of ``extra``; nested schemas (``items``) merge too.

    A ``$ref`` in ``extra`` replaces what it meets: the definition it points to
    is complete, and ``{"type": "string", "$ref": ...}`` only says it twice.
    """
    if "$ref" in extra:
        return dict(extra)
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` or ``null``, in the form that gives the plainest error messages.

    ``{"type": ["string", "null"], "pattern": ...}`` where that says it (one
    error, "None is not of type..." or "does not match"), an ``anyOf`` with
    ``{"type": "null"}`` where the schema would refuse null (a ``$ref``).
    """
    if set(schema) <= _TYPE_SPECIFIC and isinstance(schema.get("type"), str):
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _describe_field(field: attrs.Attribute[Any], docs: Docstring) -> str | None:
    """The field's docstring entry, and for a reference what it may name.

    The reference rule cannot be a constraint (JSON Schema cannot look up
    another event), so it is said in words where a reader will look.
    """
    parts = [docs.attributes[field.name]] if field.name in docs.attributes else []
    refers_to = field.metadata.get(REFERS_TO)
    if refers_to is not None:
        kinds = ", ".join(f"`{tag}`" for tag in refers_to) or "of any type"
        parts.append(
            f"Must be the `id` of an earlier event ({kinds}) that belongs to this "
            "event's account or to every account."
        )
    return " ".join(parts) or None


def _titled(title: str, description: str | None) -> dict[str, Any]:
    """The start of a definition: its title, and its description if it has one."""
    out: dict[str, Any] = {"title": title}
    if description is not None:
        out["description"] = description
    return out


def _json_default(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_json_default(v) for v in value]
    return value


def _is_optional(tp: Any) -> bool:
    return get_origin(tp) in (Union, types.UnionType) and type(None) in get_args(tp)


class _Builder:
    """Collects ``$defs`` while it walks the classes, each class once."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def type_schema(self, tp: Any, where: str) -> dict[str, Any]:
        """The schema of a value of type ``tp``; ``where`` names the field for errors.

        ``Optional`` is not handled here but by the field, which adds ``null``
        after the check's constraints, since a check never applies to ``None``.
        """
        if get_origin(tp) is tuple and len(get_args(tp)) == 2 and get_args(tp)[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(get_args(tp)[0], where)}
        if tp in _PRIMITIVES:
            return {"type": _PRIMITIVES[tp]}
        if isinstance(tp, type) and issubclass(tp, enum.StrEnum):
            return self._named(tp, self._enum_def)
        if tp is UncertainDate:
            return self._named(tp, _date_def)
        if tp is Event:
            return self._named(tp, self._event_union_def)
        if attrs.has(tp):
            return self._named(tp, self._class_def)
        raise InvalidDefinition(f"no JSON Schema for the type {tp!r} of", ids=[where])

    def _named(self, cls: Any, make: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # a placeholder, so that a cycle ends here
            self.defs[name] = make(cls)
        return self.ref(name)

    def _enum_def(self, cls: type[enum.StrEnum]) -> dict[str, Any]:
        out = _titled(cls.__name__, parse_docstring(cls.__doc__).summary)
        out["type"] = "string"
        out["enum"] = [member.value for member in cls]
        return out

    def _class_def(self, cls: type) -> dict[str, Any]:
        attrs.resolve_types(cls)
        docs = _docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if issubclass(cls, Event):
            # The tag comes first, as it does in the JSON the codec writes.
            properties["type"] = {
                "description": f"The event type: always `{cls.type}` for this one.",
                "const": cls.type,
            }
            required.append("type")
        for field in attrs.fields(cls):
            properties[field.name] = self._field_schema(cls, field, docs)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        out = _titled(cls.__name__, docs.summary)
        out["type"] = "object"
        out["properties"] = properties
        out["required"] = required
        out["additionalProperties"] = False
        out.update(OBJECT_CONSTRAINTS.get(cls, {}))
        return out

    def _field_schema(self, cls: type, field: attrs.Attribute[Any], docs: Docstring) -> Any:
        where = f"{cls.__name__}.{field.name}"
        tp = field.type
        optional = _is_optional(tp)
        if optional:
            (tp,) = (a for a in get_args(tp) if a is not type(None))
        schema = self.type_schema(tp, where)
        check: Check | None = field.metadata.get(CHECK)
        if check is not None:
            schema = _merge(schema, self._fragment(check.schema))
        schema = _merge(schema, _FIELD_CONSTRAINTS.get((cls, field.name), {}))
        if optional:
            schema = _nullable(schema)
        out: dict[str, Any] = {}
        if (description := _describe_field(field, docs)) is not None:
            out["description"] = description
        out.update(schema)
        if field.default is not attrs.NOTHING:
            out["default"] = _json_default(field.default)
        return out

    def _fragment(self, fragment: Mapping[str, Any]) -> Mapping[str, Any]:
        """A check's fragment, with the parts that are a named check made ``$ref``."""
        for name, (check, description) in _NAMED_CHECKS.items():
            if fragment == check.schema:
                if name not in self.defs:
                    self.defs[name] = {
                        "title": name,
                        "description": description,
                        "type": "string",
                        **check.schema,
                    }
                return self.ref(name)
        return {
            key: self._fragment(value) if isinstance(value, Mapping) else value
            for key, value in fragment.items()
        }

    def _event_union_def(self, cls: type[Event]) -> dict[str, Any]:
        # Why if/then and not oneOf: with oneOf, one wrong field in a detention
        # makes the event fail all 28 branches, and a validator reports a
        # single "{...} is not valid under any of the given schemas" at the
        # event. jsonschema's best_match can dig the real error out of the 28
        # branches' errors for a bad enum, but not for an unknown field or an
        # unknown type, where it returns that same unhelpful message; other
        # validators print all 28 branches' errors. With if/then the tag picks
        # exactly one branch, and only that branch's errors are reported,
        # where they are: "'x' is not one of ['border', ...]" at
        # $.events[0].ground, "Additional properties are not allowed ('zz' was
        # unexpected)" at $.events[0]. An unknown tag fails the "enum" below,
        # which lists the valid ones. Each "if" requires "type", so that a
        # missing tag is one "required" error and not 28 "then" failures.
        # The price: code generators that read oneOf as a tagged union do not
        # read if/then; they can still use the per-type $defs.
        branches = [
            {
                "if": {"properties": {"type": {"const": ev.type}}, "required": ["type"]},
                "then": self._named(ev, self._class_def),
            }
            for ev in EVENT_TYPES
        ]
        out = _titled(cls.__name__, parse_docstring(cls.__doc__).summary)
        out["type"] = "object"
        out["properties"] = {
            "type": {
                "description": "The event type; the other fields depend on it.",
                "enum": [ev.type for ev in EVENT_TYPES],
            }
        }
        out["required"] = ["type"]
        out["allOf"] = branches
        return out


def _date_def(cls: type[UncertainDate]) -> dict[str, Any]:
    return {
        "title": cls.__name__,
        "description": (
            f"{parse_docstring(cls.__doc__).summary} A subset of ISO 8601-2 / EDTF: "
            "`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with `X` for unknown digits, "
            "one trailing qualifier (`~` approximate, `?` uncertain, `%` both), "
            "a local time of day after a full date (`YYYY-MM-DDThh:mm`, or `Thh:mm:ss`), "
            "a closed interval `A/B` of two such dates, or an open one: `../B` "
            "(on or before B) or `A/..` (on or after A)."
        ),
        "$comment": (
            "The pattern checks the form only. Whether the day exists (2022-02-30) and "
            "whether an interval ends after it starts are checked by the library alone."
        ),
        "type": "string",
        "pattern": DATE_PATTERN,
        "examples": [
            "2022-12-06",
            "2022-11~",
            "2022-12-XX",
            "2022-11-20/2022-11-30",
            "../2010-09-08",
            "2010-06-09T22:00/2010-06-10T06:00",
        ],
    }


# Where each kind of $defs entry goes, so that a reader meets the record first,
# then its parts, the events in the documented order, and the vocabularies last.
_PARTS = (
    "Person",
    "PersonFacts",
    "Source",
    "Account",
    "RecordLink",
    "SourceRef",
    "Charge",
    "Penalty",
    "Safeguards",
    "ArticleHolding",
    "RelativeTiming",
)
_EVENT_NAMES = tuple(ev.__name__ for ev in EVENT_TYPES)


def _rank(name: str, definition: Mapping[str, Any]) -> tuple[int, int]:
    if name == CaseRecord.__name__:
        return (0, 0)
    if name in _PARTS:
        return (1, _PARTS.index(name))
    if name == Event.__name__:
        return (2, 0)
    if name in _EVENT_NAMES:
        return (3, _EVENT_NAMES.index(name))
    if "enum" in definition:
        return (4, 0)  # the sort is stable: enums stay in the order first met
    return (5, 0)


def build_schema(root: type = CaseRecord) -> dict[str, Any]:
    """The JSON Schema of ``root`` (a case record unless told otherwise).

    Args:
        root: An attrs class whose fields the generator can map.

    Returns:
        A fresh draft 2020-12 schema: ``$ref`` to ``root`` and one ``$defs``
        entry per class, enum and date type.

    Raises:
        InvalidDefinition: A field has a type the generator has no schema for.
    """
    builder = _Builder()
    top = builder.type_schema(root, root.__name__)
    defs = sorted(builder.defs.items(), key=lambda item: _rank(*item))
    out: dict[str, Any] = {"$schema": DIALECT}
    if root is CaseRecord:
        out["$id"] = SCHEMA_ID
        title = f"proceedings case record, format version {FORMAT_VERSION}"
    else:
        title = root.__name__
    out.update(_titled(title, parse_docstring(root.__doc__).summary))
    out.update(top)
    out["$defs"] = dict(defs)
    return out
