"""The JSON Schema: valid itself, generated from the classes, and in agreement with the codec.

The oracle is the independent ``jsonschema`` package. Agreement runs both ways:
every record the strategies make is accepted by the schema, and every record
broken in a way the schema can express is refused by both the schema and the
codec. The kinds of breakage only the library can see are shown to be refused
by the codec and (as documented) let through by the schema.
"""

from __future__ import annotations

import enum
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from proceedings import EVENT_TYPES, InvalidDate, InvalidDefinition, RecordError
from proceedings import _model as model
from proceedings import strategies as pst
from proceedings._checks import CHECK, COUNTRIES, COUNTRY
from proceedings._codec import structure
from proceedings._countries import ISO_3166_ALPHA2
from proceedings._dates import UncertainDate
from proceedings._schema import (
    DATE_PATTERN,
    LIBRARY_ONLY,
    OBJECT_CONSTRAINTS,
    build_schema,
    parse_docstring,
)
from proceedings._strategies.dates import invalid_date_strings
from proceedings.schema import json_schema, main, schema_json

SCHEMA = json_schema()
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=FormatChecker())
DEFS = SCHEMA["$defs"]

#: Breakage only the library detects: it compares values across the record, or
#: needs a calendar. JSON Schema has no way to say "this id names an earlier
#: item of the array", "no two items share an id", "these two fields differ" or
#: "2022-02-30 is not a day".
LIBRARY_ONLY_KINDS = frozenset(
    {"dangling_reference", "duplicate_id", "impossible_date", "crossing_to_same_country"}
)
SCHEMA_KINDS = tuple(k for k in pst.BREAKAGES if k not in LIBRARY_ONLY_KINDS)

#: Each kind of breakage is its own test, so each gets its share of examples
#: under every profile (an eighth of the profile's, at least five).
PER_KIND = settings(max_examples=max(5, settings().max_examples // 8))

MINIMAL: dict[str, Any] = {"id": "r1", "person": {"id": "p1"}}


def schema_paths(data: Any) -> list[str]:
    """The JSON paths of every error the schema reports, in the validator's order."""
    return [error.json_path for error in VALIDATOR.iter_errors(data)]


def codec_paths(data: Any) -> list[str]:
    """The JSON paths of every problem the codec reports (none if it accepts ``data``)."""
    try:
        structure(data)
    except RecordError as err:
        return [p.path for p in err.problems]
    return []


def related(a: str, b: str) -> bool:
    """Whether one JSON path is the other or lies inside it (``$.a`` and ``$.a[0].b``)."""
    short, long = sorted((a, b), key=len)
    return long == short or (long.startswith(short) and long[len(short)] in ".[")


# -- the schema as a document ---------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The metaschema accepts the generated schema."""
    Draft202012Validator.check_schema(SCHEMA)


def test_schema_declares_its_dialect_identity_and_root() -> None:
    """The root names the dialect, a URN id with the format version, and refers to CaseRecord."""
    expected = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:proceedings:case-record:v2",
        "title": "proceedings case record, format version 2",
        "description": "One person's proceedings: who, from which sources, and what happened.",
        "$ref": "#/$defs/CaseRecord",
    }

    assert expected == {k: v for k, v in SCHEMA.items() if k != "$defs"}


def test_defs_come_in_reading_order() -> None:
    """The record, its parts, the event union, each event type in order, vocabularies, dates."""
    names = list(DEFS)
    after_union = names.index("Event") + 1
    expected = (
        [
            "CaseRecord",
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
        ],
        [cls.__name__ for cls in EVENT_TYPES],
        "UncertainDate",
    )
    count = len(EVENT_TYPES)

    assert expected == (names[:12], names[after_union : after_union + count], names[-1])


def test_every_event_type_is_a_branch_of_the_union() -> None:
    """Each class in EVENT_TYPES has a $def whose ``type`` is its const tag, chosen by if/then."""
    union = DEFS["Event"]
    expected = (
        [cls.type for cls in EVENT_TYPES],
        [(cls.type, f"#/$defs/{cls.__name__}") for cls in EVENT_TYPES],
        [(cls.type, "type", False) for cls in EVENT_TYPES],
    )

    assert expected == (
        union["properties"]["type"]["enum"],
        [(b["if"]["properties"]["type"]["const"], b["then"]["$ref"]) for b in union["allOf"]],
        [
            (
                DEFS[cls.__name__]["properties"]["type"]["const"],
                DEFS[cls.__name__]["required"][0],
                DEFS[cls.__name__]["additionalProperties"],
            )
            for cls in EVENT_TYPES
        ],
    )


CLASSES = (model.CaseRecord, *model.PARTS, *EVENT_TYPES)


def test_every_field_of_every_class_is_a_property() -> None:
    """The properties are exactly the attrs fields (plus ``type`` for events), in field order."""
    expected = {
        cls.__name__: (["type"] if cls in EVENT_TYPES else []) + [f.name for f in attrs.fields(cls)]
        for cls in CLASSES
    }

    assert expected == {cls.__name__: list(DEFS[cls.__name__]["properties"]) for cls in CLASSES}


def test_required_fields_are_those_without_a_default() -> None:
    """A record needs an id and a person; a detention its id, date, jurisdiction and ground."""
    expected = {
        "CaseRecord": ["id", "person"],
        "Detention": ["type", "id", "date", "jurisdiction", "ground"],
        "AppealFiled": ["type", "id", "date", "jurisdiction", "against"],
    }

    assert expected == {name: DEFS[name]["required"] for name in expected}


def test_fragments_a_reader_should_see() -> None:
    """Checks, docstrings, defaults and nullability become the keywords one expects."""
    expected = {
        ("Person", "nationalities"): {
            "description": "ISO 3166-1 alpha-2 codes.",
            "type": "array",
            "items": {"$ref": "#/$defs/CountryCode"},
            "uniqueItems": True,
            "default": [],
        },
        ("Person", "name"): {
            "description": "The name as published, if it is.",
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": r"\S",
            "default": None,
        },
        ("Detention", "ground"): {
            "description": "The legal ground relied on.",
            "$ref": "#/$defs/DetentionGround",
        },
        ("Detention", "term_days"): {
            "description": "The term ordered, where one was (a court's 40 days).",
            "type": ["integer", "null"],
            "exclusiveMinimum": 0,
            "default": None,
        },
        ("CaseRecord", "format_version"): {
            "description": "The JSON format version (see `FORMAT_VERSION`).",
            "type": "integer",
            "enum": [1, 2],
            "default": 2,
        },
        ("Charge", "category"): {
            "description": (
                "Military, ordinary or political; `null` lets the engine look it up in the "
                "offence catalogue."
            ),
            "anyOf": [{"$ref": "#/$defs/OffenceCategory"}, {"type": "null"}],
            "default": None,
        },
        ("Removal", "destination"): {
            "description": (
                "The state the person was sent to, or whose agents took custody "
                "(a foreign-controlled facility counts as that state)."
            ),
            "$ref": "#/$defs/CountryCode",
        },
        ("InterimMeasureLifted", "measure"): {
            "description": (
                "Must be the `id` of an earlier event (`interim_measure_requested`) that "
                "belongs to this event's account or to every account."
            ),
            "type": "string",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]*$",
        },
    }

    assert expected == {(name, prop): DEFS[name]["properties"][prop] for name, prop in expected}


def test_cross_field_constraints_a_reader_should_see() -> None:
    """A source needs a url or a file; a charge an article or a label (null counts as absent)."""
    expected = {
        "Source": [
            {"required": ["url"], "properties": {"url": {"type": "string"}}},
            {"required": ["file"], "properties": {"file": {"type": "string"}}},
        ],
        "Charge": [
            {"required": ["article"], "properties": {"article": {"type": "string"}}},
            {"required": ["label"], "properties": {"label": {"type": "string"}}},
        ],
    }

    assert expected == {name: DEFS[name]["anyOf"] for name in expected}


def test_vocabularies_are_string_enums_with_their_docstring() -> None:
    """Each StrEnum is a $def listing its values in order, described by its docstring."""
    expected = {
        "DetentionGround": {
            "title": "DetentionGround",
            "description": (
                "The legal ground the detaining authority relied on (or was reported to)."
            ),
            "type": "string",
            "enum": [g.value for g in model.DetentionGround],
        },
        "PenaltyKind": {
            "title": "PenaltyKind",
            "description": "What kind of penalty a court imposed.",
            "type": "string",
            "enum": list(model.PenaltyKind),
        },
    }

    assert expected == {name: DEFS[name] for name in expected}


def test_descriptions_speak_json_and_markdown() -> None:
    """``None`` reads ``null``; rST literals and roles become Markdown code."""
    expected = (
        "The account it belongs to where sources conflict; `null` means every account.",
        "The decision on an appeal (see `AppealOutcome` for the reading).",
    )

    assert expected == (
        DEFS["Detention"]["properties"]["account"]["description"],
        DEFS["AppealDecided"]["description"],
    )


def test_country_codes_are_one_definition() -> None:
    """The long list of codes appears once, as CountryCode, and every country field refers to it."""
    text = schema_json()
    country_fields = [
        f"{cls.__name__}.{f.name}"
        for cls in CLASSES
        for f in attrs.fields(cls)
        if f.metadata.get(CHECK) in (COUNTRY, COUNTRIES)
    ]
    expected = (1, sorted(ISO_3166_ALPHA2), len(country_fields))

    assert expected == (
        text.count('"KZ"'),
        DEFS["CountryCode"]["enum"],
        text.count('"$ref": "#/$defs/CountryCode"'),
    )


def test_object_constraints_cover_every_cross_field_check() -> None:
    """Every class with checks across fields is either expressed in the schema or documented.

    ``_object_problems`` is code, not data: this test is what notices a new one.
    """
    with_checks = {cls for cls in CLASSES if "_object_problems" in cls.__dict__}
    expected = (with_checks, set())

    assert expected == (
        set(OBJECT_CONSTRAINTS) | set(LIBRARY_ONLY),
        set(OBJECT_CONSTRAINTS) & set(LIBRARY_ONLY),
    )


def test_every_field_and_vocabulary_has_a_description() -> None:
    """Every $def and property is described, so readers in other languages know what it is."""
    undocumented = [
        f"{name}.{prop}"
        for name, definition in DEFS.items()
        for prop, schema in definition.get("properties", {}).items()
        if "description" not in schema
    ] + [name for name, definition in DEFS.items() if "description" not in definition]
    expected: list[str] = []

    assert expected == undocumented


# -- serialising and the command line ----------------------------------------------------


def test_json_schema_returns_a_fresh_copy() -> None:
    """Changing the returned dict does not change the next one."""
    first = json_schema()
    first["$defs"]["Person"]["required"].append("name")
    expected = ["id"]

    assert expected == json_schema()["$defs"]["Person"]["required"]


def test_schema_json_is_canonical_text() -> None:
    """Two-space indent, generation order kept, one final newline, same content."""
    text = schema_json()
    expected = ('{\n  "$schema": ', "}\n", SCHEMA, text)

    assert expected == (text[:15], text[-2:], json.loads(text), schema_json())


def test_main_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """``main()`` writes schema_json() to standard output."""
    main()

    assert schema_json() == capsys.readouterr().out


def test_python_dash_m_prints_the_schema() -> None:
    """``python -m proceedings.schema`` prints the same text, in a fresh interpreter."""
    src = Path(__file__).resolve().parent.parent / "src"
    result = subprocess.run(
        [sys.executable, "-m", "proceedings.schema"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        env={"PYTHONPATH": str(src), "PYTHONIOENCODING": "utf-8"},
    )

    assert schema_json() == result.stdout


# -- agreement with the codec ---------------------------------------------------------------


@given(pst.record_dicts(max_events=6))
def test_schema_accepts_every_valid_record(data: dict[str, Any]) -> None:
    """Whatever the library writes, the schema accepts."""
    expected: list[str] = []

    assert expected == schema_paths(data)


def test_schema_accepts_explicit_nulls_for_optional_fields() -> None:
    """``null`` in an optional field means absent, to the codec and to the schema alike."""
    data = {
        **MINIMAL,
        "title": None,
        "person": {"id": "p1", "name": None, "birth_date": None},
        "sources": [{"id": "s1", "publisher": "P", "url": "u", "file": None}],
        "events": [
            {
                "type": "criminal_case_opened",
                "id": "e1",
                "date": "2022",
                "jurisdiction": "RU",
                "account": None,
                "charges": [{"code": "RU-CC", "article": None, "label": "x", "category": None}],
            }
        ],
    }

    expected: tuple[list[str], list[str]] = ([], [])

    assert expected == (schema_paths(data), codec_paths(data))


@pytest.mark.parametrize("kind", SCHEMA_KINDS)
@PER_KIND
@given(data=st.data())
def test_schema_and_codec_refuse_what_the_schema_can_express(
    kind: str, data: st.DataObject
) -> None:
    """One break the schema can express: the codec reports it at its path; the schema agrees."""
    broken, path = data.draw(pst.broken_record_dicts(breakages=[kind]), label="broken")

    refused_at = schema_paths(broken)

    assert [path] == codec_paths(broken)
    assert refused_at, f"the schema accepts a record with a {kind} at {path}"
    assert any(related(path, p) for p in refused_at), (path, refused_at)


@pytest.mark.parametrize("kind", sorted(LIBRARY_ONLY_KINDS))
@PER_KIND
@given(data=st.data())
def test_library_only_breaks_pass_the_schema(kind: str, data: st.DataObject) -> None:
    """Dangling references, repeated ids, days that do not exist: only the codec refuses them.

    JSON Schema validates each value against a fixed schema; it cannot look
    up one value among others (a reference, a repeated id), compare two fields,
    or know the calendar. The schema's module docstring says so, and this test
    pins it: if the schema ever learns one of these, move the kind out of
    LIBRARY_ONLY_KINDS.
    """
    broken, path = data.draw(pst.broken_record_dicts(breakages=[kind]), label="broken")

    expected: tuple[list[str], list[str]] = ([path], [])

    assert expected == (codec_paths(broken), schema_paths(broken))


EXAMPLES = {
    "string-for-a-list": (
        {"person": {"id": "p1", "nationalities": "DE"}},
        ["$.person.nationalities"],
        ["$.person.nationalities"],
    ),
    "string-for-a-bool": (
        {"person": {"id": "p1", "name_is_pseudonym": "false"}},
        ["$.person.name_is_pseudonym"],
        ["$.person.name_is_pseudonym"],
    ),
    "format-version": ({"format_version": 3}, ["$.format_version"], ["$.format_version"]),
    "source-without-url-or-file": (
        {"sources": [{"id": "s", "publisher": "P"}]},
        ["$.sources[0]"],
        ["$.sources[0].url"],
    ),
    "unknown-event-type": (
        {"events": [{"type": "arrest", "id": "e", "date": "2022", "jurisdiction": "KZ"}]},
        ["$.events[0].type"],
        ["$.events[0]"],
    ),
    "no-event-type": (
        {"events": [{"id": "e", "date": "2022", "jurisdiction": "KZ"}]},
        ["$.events[0]"],
        ["$.events[0]"],
    ),
    "unknown-field": (
        {"events": [{"type": "escape", "id": "e", "date": "2022", "jurisdiction": "KZ", "zz": 1}]},
        ["$.events[0]"],
        ["$.events[0].zz"],
    ),
    "bad-enum": (
        {
            "events": [
                {
                    "type": "detention",
                    "id": "e",
                    "date": "2022",
                    "jurisdiction": "KZ",
                    "ground": "jail",
                }
            ]
        },
        ["$.events[0].ground"],
        ["$.events[0].ground"],
    ),
}


@pytest.mark.parametrize(("change", "schema_says", "codec_says"), EXAMPLES.values(), ids=EXAMPLES)
def test_examples_refused_by_both(
    change: dict[str, Any], schema_says: list[str], codec_says: list[str]
) -> None:
    """Breaks a reader should see, and where each validator points.

    The schema points at the object for a missing or unknown key and at the
    ``type`` for an unknown event type; the codec points at the key, and at the
    event for its type (which decides what the event is).
    """
    data = {**MINIMAL, **change}
    expected = (schema_says, codec_says)

    assert expected == (schema_paths(data), codec_paths(data))


def test_whole_numbers_with_a_decimal_point_divide_schema_and_codec() -> None:
    """JSON Schema counts 12.0 as an integer; the codec refuses it. Documented in the module."""
    data = {
        **MINIMAL,
        "events": [
            {
                "type": "detention",
                "id": "e",
                "date": "2022",
                "jurisdiction": "KZ",
                "ground": "border",
                "term_days": 12.0,
            }
        ],
    }
    expected: tuple[list[str], list[str]] = ([], ["$.events[0].term_days"])

    assert expected == (schema_paths(data), codec_paths(data))


# -- the date pattern --------------------------------------------------------------------------

DATE_RE = re.compile(DATE_PATTERN)
CALENDAR_REASONS = ("does not exist", "lies after its end")


def library_reason(text: str) -> str | None:
    """Why the library refuses ``text`` as a date, or None if it accepts it."""
    try:
        UncertainDate.parse(text)
    except InvalidDate as err:
        return err.reason
    return None


@given(pst.uncertain_dates(min_year=1, max_year=9999))
def test_pattern_accepts_every_date_the_library_makes(date: UncertainDate) -> None:
    """Every valid date, of every form, matches the pattern."""
    assert DATE_RE.search(date.text) is not None


@given(st.one_of(invalid_date_strings(), st.text(alphabet="0123456789X-~?%/x .T:", max_size=24)))
def test_pattern_refuses_what_the_library_refuses_except_the_calendar(text: str) -> None:
    """Pattern and library agree, except that only the library knows which days exist.

    A string the pattern accepts and the library refuses is always refused for a
    day missing from its month (2022-02-30) or an interval that ends before it
    starts. (Python's ``$`` also matches before a final newline; ECMA-262's,
    which JSON Schema specifies, does not: such strings are left out.)
    """
    reason = library_reason(text)
    matches = DATE_RE.search(text) is not None and not text.endswith("\n")
    if reason is None:
        assert matches, text
    elif matches:
        assert any(r in reason for r in CALENDAR_REASONS), (text, reason)


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("2022-12-06", True),
        ("2022-11~", True),
        ("2022-12-XX", True),
        ("202X", True),
        ("0X00", True),
        ("000X", True),
        ("2022-11-20/2022-11-30", True),
        ("2022-02-30", True),  # the calendar is the library's business
        ("2023/2022", True),  # so is the order of an interval's ends
        ("XXXX", False),
        ("0000", False),
        ("2022-13", False),
        ("2022-00-01", False),
        ("2022-01-32", False),
        ("2022-1X-4X", False),
        ("late 2022", False),
        ("2022-11-05T10:00", True),
        ("2022-11-05T10:00:30~/2022-11-06T08:00", True),
        ("../2022-11-05", True),
        ("2022-11-05?/..", True),
        ("2022-11-05T10:00/..", True),
        ("2022-11-05T24:00", False),
        ("2022-11-05T10:60", False),
        ("2022-11-XXT10:00", False),
        ("2022-11T10:00", False),
        ("2022-11-05T10", False),
        ("../..", False),
        ("..", False),
        ("2022/", False),
    ],
)
def test_date_pattern_examples(text: str, matches: bool) -> None:
    """The shapes the pattern lets through, and those it stops."""
    assert matches == (DATE_RE.search(text) is not None)


def test_date_pattern_uses_no_lookaround() -> None:
    """No look-ahead or look-behind, so that RE2 (Go) and Rust's regex can run it too."""
    assert not re.search(r"\(\?<?[=!]", DATE_PATTERN)


# -- the generator's own parts ----------------------------------------------------------------


def test_parse_docstring_reads_summary_and_attributes() -> None:
    """The first paragraph is the summary; Attributes entries run over continuation lines."""
    doc = """Summary over
    two lines.

    More text.

    Attributes:
        first: One line with ``code``.
        second (int): Two
            lines, see :class:`~proceedings.Report`.

    Raises:
        ValueError: Not an attribute.
    """
    expected = (
        "Summary over two lines.",
        {"first": "One line with `code`.", "second": "Two lines, see `Report`."},
    )

    parsed = parse_docstring(doc)

    assert expected == (parsed.summary, dict(parsed.attributes))


@pytest.mark.parametrize("doc", [None, "", "Only a summary.\n\nAttributes:\n"])
def test_parse_docstring_without_attributes(doc: str | None) -> None:
    """No docstring, an empty one, or an empty Attributes section: no entries."""
    expected: dict[str, str] = {}

    assert expected == dict(parse_docstring(doc).attributes)


def test_build_schema_of_another_root() -> None:
    """Any record class can be a root; only CaseRecord's schema gets the $id."""
    schema = build_schema(model.SourceRef)
    expected = ("SourceRef", ["SourceRef"], False)

    assert expected == (schema["title"], list(schema["$defs"]), "$id" in schema)


class Colour(enum.Enum):
    """An enum that is not a StrEnum: the format has none."""

    RED = 1


@attrs.frozen
class Odd:
    """A class with a field type the generator has no mapping for."""

    mapping: dict[str, int]


@attrs.frozen
class Odder:
    """A class with an enum that is not a StrEnum."""

    colour: Colour


@attrs.frozen
class Bare:
    name: str


def test_build_schema_refuses_a_type_it_cannot_map() -> None:
    """A field type without a mapping fails at generation, naming the field."""
    with pytest.raises(InvalidDefinition) as mapping:
        build_schema(Odd)
    with pytest.raises(InvalidDefinition) as colour:
        build_schema(Odder)
    expected = (["Odd.mapping"], ["Odder.colour"])

    assert expected == (list(mapping.value.ids), list(colour.value.ids))


def test_a_class_without_docstring_has_no_description() -> None:
    """No docstring: a title but no description."""
    definition = build_schema(Bare)["$defs"]["Bare"]
    expected = {"title": "Bare", "type": "object"}

    assert expected == {
        k: v for k, v in definition.items() if k in {"title", "type", "description"}
    }


def test_a_hand_written_record_passes_schema_and_codec() -> None:
    """A record with every kind of part, references and accounts is accepted by both."""
    data = {
        "id": "ahmedov",
        "person": {"id": "p1", "name": "A", "nationalities": ["RU"], "birth_date": "1990~"},
        "sources": [
            {"id": "mt", "publisher": "The Moscow Times", "url": "https://x", "language": "en"}
        ],
        "accounts": [{"name": "lawyer"}],
        "events": [
            {
                "type": "border_crossing",
                "id": "e1",
                "date": "2022-09-26",
                "jurisdiction": "KZ",
                "mode": "regular",
                "from_country": "RU",
                "to_country": "KZ",
            },
            {
                "type": "asylum_claim",
                "id": "e2",
                "date": "2022-10",
                "jurisdiction": "KZ",
                "sources": [{"source": "mt", "quote": "he applied"}],
            },
            {
                "type": "asylum_decision",
                "id": "e3",
                "date": "2022-11-20/2022-11-30",
                "jurisdiction": "KZ",
                "outcome": "refused",
                "claim": "e2",
            },
            {
                "type": "appeal_filed",
                "id": "e4",
                "date": "2022-12-XX",
                "jurisdiction": "KZ",
                "against": "e3",
                "account": "lawyer",
            },
        ],
    }
    expected: tuple[list[str], list[str]] = ([], [])

    assert expected == (schema_paths(data), codec_paths(data))
