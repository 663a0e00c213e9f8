"""The JSON codec: round trips, streaming, and a precise report for every kind of bad input.

Every refusal is checked by its JSON path and a fragment of its message, never
by the message alone; a wrong value must be refused, never coerced.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import event, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import proceedings
from proceedings import (
    EVENT_TYPES,
    AppealDecided,
    AppealFiled,
    AsylumClaim,
    AsylumDecision,
    CaseRecord,
    Detention,
    DetentionGround,
    Event,
    Person,
    Problem,
    RecordError,
    UncertainDate,
)
from proceedings import strategies as pst
from proceedings._checks import Check
from proceedings._countries import ISO_3166_ALPHA2
from proceedings._hypothesis_plugin import _hypothesis_setup_hook
from proceedings._strategies import records as _records
from proceedings.codec import _dumps_line as dumps_line
from proceedings.codec import (
    dump,
    dump_jsonl,
    dumps,
    json_lines,
    line_of,
    load,
    load_jsonl,
    loads,
    make_converter,
    structure,
    unstructure,
)

TAGS = sorted(cls.type for cls in EVENT_TYPES)

#: Each kind of breakage is its own test, so each gets its share of examples
#: under every profile (an eighth of the profile's, at least five).
PER_KIND = settings(max_examples=max(5, settings().max_examples // 8))


def record(**changes: Any) -> dict[str, Any]:
    """A minimal valid record's JSON with ``changes`` applied at the top level."""
    return {"id": "r1", "person": {"id": "p1"}, **changes}


def detention(event_id: str = "e1", **changes: Any) -> dict[str, Any]:
    """A valid detention event's JSON."""
    return {
        "type": "detention",
        "id": event_id,
        "date": "2022-11-05",
        "jurisdiction": "KZ",
        "ground": "border",
        **changes,
    }


def problems(data: Any) -> list[tuple[str, str]]:
    """``(path, message)`` of every problem the codec reports; fails if it accepts ``data``."""
    with pytest.raises(RecordError) as info:
        structure(data)
    return [(p.path, p.message) for p in info.value.problems]


def paths(data: Any) -> list[str]:
    """The path of every problem the codec reports, in order."""
    return [path for path, _ in problems(data)]


def the_problem(data: Any) -> tuple[str, str]:
    """The one problem the codec reports; fails if there are more."""
    (only,) = problems(data)
    return only


# -- round trips ------------------------------------------------------------------------


@given(pst.records(max_events=6))
def test_structure_inverts_unstructure(case: CaseRecord) -> None:
    """Structuring the JSON form of a record gives back an equal record."""
    assert case == structure(unstructure(case))


@given(pst.records(max_events=6))
def test_dumps_is_canonical(case: CaseRecord) -> None:
    """Writing what was read gives the same bytes, and reading gives the same record."""
    text = dumps(case)

    assert (text, case) == (dumps(loads(text)), loads(text))


@given(pst.records(max_events=4))
def test_a_json_lines_line_round_trips(case: CaseRecord) -> None:
    """A record written as one line is one line, and streams back as the same record."""
    line = dumps_line(case)

    assert (1, [case]) == (line.count("\n"), list(load_jsonl([line])))


def test_load_and_dump_use_files(tmp_path: Path) -> None:
    """``dump`` writes the canonical text; ``load`` reads it back and names the file in errors."""
    case = structure(record(events=[detention()]))
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    with good.open("w", encoding="utf-8") as fp:
        dump(case, fp)
    bad.write_text('{"id": 5, "person": {"id": "p"}}', encoding="utf-8")

    with pytest.raises(RecordError) as info, bad.open("rb") as fp:
        load(fp)
    with good.open(encoding="utf-8") as text, good.open("rb") as binary:
        read = (load(text), load(binary))

    assert (dumps(case), (case, case)) == (good.read_text(encoding="utf-8"), read)
    assert (str(bad), ("$.id",)) == (info.value.source, tuple(p.path for p in info.value.problems))


def test_load_names_the_source_it_is_given() -> None:
    """``source=`` names the input in errors, for a stream that has no file name."""
    with pytest.raises(RecordError) as info:
        load(io.StringIO('{"id": 5}'), source="inbox")

    assert "inbox" == info.value.source


def test_load_of_a_path_still_works_with_a_warning(tmp_path: Path) -> None:
    """The old ``load(path)`` reads the file, and warns that it is deprecated."""
    path = tmp_path / "good.json"
    case = structure(record(events=[detention()]))
    path.write_text(dumps(case), encoding="utf-8")

    with pytest.warns(DeprecationWarning, match="pass an open file"):
        assert case == load(path)
    with pytest.warns(DeprecationWarning, match="deprecated"):
        assert case == load(str(path))


@given(st.lists(pst.records(max_events=2), max_size=3))
def test_dump_jsonl_streams_back_with_load_jsonl(cases: list[CaseRecord]) -> None:
    """``dump_jsonl`` writes one line per record, and ``load_jsonl`` reads the same records."""
    out = io.StringIO()
    dump_jsonl(cases, out)
    out.seek(0)

    assert (len(cases), cases) == (out.getvalue().count("\n"), list(load_jsonl(out)))


def test_load_jsonl_takes_the_source_from_the_file(tmp_path: Path) -> None:
    """A bad line of an open file names the file, unless ``source`` says otherwise."""
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": 5}\n', encoding="utf-8")

    with path.open(encoding="utf-8") as fp:
        (error,) = load_jsonl(fp)
    with path.open(encoding="utf-8") as fp:
        (named,) = load_jsonl(fp, source="corpus")

    assert isinstance(error, RecordError)
    assert isinstance(named, RecordError)
    assert (str(path), "corpus") == (error.source, named.source)


def test_the_old_names_still_work_with_a_warning() -> None:
    """``iter_jsonl``, ``proceedings.structure`` and ``unstructure`` warn and still work."""
    line = dumps_line(structure(record()))

    with pytest.warns(DeprecationWarning, match="load_jsonl"):
        old = list(proceedings.iter_jsonl([line]))
    with pytest.warns(DeprecationWarning, match="proceedings.codec.structure"):
        old_structure = proceedings.structure
    with pytest.warns(DeprecationWarning, match="proceedings.codec.unstructure"):
        old_unstructure = proceedings.unstructure

    assert list(load_jsonl([line])) == old
    assert (structure, unstructure) == (old_structure, old_unstructure)
    assert not {"iter_jsonl", "structure", "unstructure"} & set(proceedings.__all__)


def test_make_converter_is_the_strict_converter() -> None:
    """A converter from ``make_converter`` builds records and refuses what ``structure`` does."""
    converter = make_converter()
    data = record(events=[detention()])

    assert structure(data) == converter.structure(data, CaseRecord)
    with pytest.raises(cattrs.ClassValidationError, match="While structuring CaseRecord"):
        converter.structure({**data, "id": 5}, CaseRecord)


def test_defaults_are_left_out_and_the_event_tag_comes_first() -> None:
    """The canonical JSON omits defaults and starts each event with its ``type``."""
    case = CaseRecord(
        id="r1",
        person=Person(id="p1"),
        events=(
            Detention(
                id="e1",
                date=UncertainDate("2022-11-05"),
                jurisdiction="KZ",
                ground=DetentionGround.BORDER,
            ),
        ),
    )

    # The format version is the one field always written.
    assert {**record(events=[detention()]), "format_version": 2} == unstructure(case)
    assert ["type", "id", "date", "jurisdiction", "ground"] == list(unstructure(case)["events"][0])


# -- streaming JSON Lines ------------------------------------------------------------------

SYNTAX_ERRORS = st.sampled_from(['{"id": "r1"', "{", "not json", '{"id": NaN}', "[1,]"])


@st.composite
def corpora(draw: st.DrawFn) -> list[tuple[str, Any]]:
    """Lines of a JSON Lines file, each with what the stream must yield for it."""
    items = st.one_of(
        pst.records(max_events=2).map(lambda r: ("record", r)),
        pst.broken_record_dicts().map(lambda b: ("broken", b)),
        SYNTAX_ERRORS.map(lambda t: ("syntax", t)),
        st.sampled_from(["", "   ", "\t"]).map(lambda t: ("blank", t)),
    )
    return draw(st.lists(items, max_size=5))


def as_line(kind: str, item: Any) -> str:
    if kind == "record":
        return dumps_line(item)
    if kind == "broken":
        return json.dumps(item[0], ensure_ascii=False) + "\n"
    return item + "\n"


@given(corpora())
def test_load_jsonl_yields_records_and_errors_in_order(corpus: list[tuple[str, Any]]) -> None:
    """Each non-blank line yields its record or an error with its line number, and goes on."""
    lines = [as_line(kind, item) for kind, item in corpus]
    expected: list[Any] = []
    for number, (kind, item) in enumerate(corpus, start=1):
        if kind == "record":
            expected.append(item)
        elif kind == "broken":
            expected.append(("error", number, [item[1]]))
        elif kind == "syntax":
            expected.append(("error", number, ["$"]))

    actual = [
        ("error", out.problems[0].line, [p.path for p in out.problems])
        if isinstance(out, RecordError)
        else out
        for out in load_jsonl(lines, source="corpus.jsonl")
    ]

    assert expected == actual


def test_a_malformed_account_does_not_make_a_sound_reference_look_wrong() -> None:
    """An event whose account is not a string is reported for that, not for its references."""
    data = record(
        events=[
            detention("a", account="x"),
            detention("b", account=5, same_day_as="a"),
        ],
        accounts=[{"name": "x"}],
    )

    with pytest.raises(RecordError) as info:
        structure(data)

    assert ["$.events[1].account"] == [p.path for p in info.value.problems]


def test_load_jsonl_puts_the_line_on_repeated_keys() -> None:
    """A key given twice on line 2 is reported with line 2."""
    good = dumps_line(structure(record()))
    expected = [
        Problem(
            path="$.id",
            message="key 'id' appears more than once; only one value can be kept",
            line=2,
        )
    ]

    out = list(load_jsonl([good, '{"id": "a", "id": "b", "person": {"id": "p"}}']))

    assert isinstance(out[1], RecordError)
    assert expected == list(out[1].problems)


def test_load_jsonl_reads_a_binary_file(tmp_path: Path) -> None:
    """A file opened in binary mode streams too; every problem of a line carries its number."""
    path = tmp_path / "corpus.jsonl"
    good = dumps_line(structure(record()))
    path.write_bytes((good + "\n" + '{"id": 5, "person": {"id": 6}}\n' + good).encode("utf-8"))
    expected = (
        [CaseRecord, RecordError, CaseRecord],
        [
            Problem(path="$.id", message="expected a string, got a number", line=3),
            Problem(path="$.person.id", message="expected a string, got a number", line=3),
        ],
        str(path),
    )

    with path.open("rb") as fp:
        out = list(load_jsonl(fp, source=str(path)))
    error = out[1]

    assert isinstance(error, RecordError)
    assert expected == ([type(o) for o in out], list(error.problems), error.source)


# -- one test per kind of bad input ----------------------------------------------------------


def test_invalid_json_syntax_reports_line_and_column() -> None:
    """A syntax error names the line and column, and carries the line."""
    with pytest.raises(RecordError) as info:
        loads('{"id": "r1",\n  "person": }', source="r1.json")

    expected = (
        Problem(path="$", message="invalid JSON: Expecting value (line 2, column 13)", line=2),
    )

    assert (expected, "r1.json") == (info.value.problems, info.value.source)


#: Records in encodings other than UTF-8, and UTF-8 with a surrogate encoded; the
#: line and the column (counted in bytes, as the command line counts) of the first bad byte.
_TEXT = Path("examples/cases/zhilin.json").read_text(encoding="utf-8")
NOT_UTF8 = {
    "utf-16": (_TEXT.encode("utf-16"), 1, "0xFF at column 1"),
    "utf-32": (_TEXT.encode("utf-32"), 1, "0xFF at column 1"),
    "utf-16-be": ('{"id": "\u00e9"}'.encode("utf-16-be"), 1, "0xE9 at column 18"),
    "latin-1": ('{\n  "id": "caf\u00e9"}'.encode("latin-1"), 2, "0xE9 at column 13"),
    "surrogate": (b'{\n\n  "id": "x\xed\xa0\x80"}', 3, "0xED at column 11"),
    "after a mark": (b'\xef\xbb\xbf{"id": "\xff"}', 1, "0xFF at column 9"),
}


@pytest.mark.parametrize("name", sorted(NOT_UTF8))
def test_bytes_that_are_not_utf8_are_refused_as_the_command_line_refuses_them(name: str) -> None:
    """``loads``, ``load`` of a binary file and ``load_jsonl`` decode bytes strictly as
    UTF-8, as ``proceedings validate`` does, with its message (json.loads would guess
    UTF-16 or UTF-32, and let an encoded surrogate through)."""
    data, line, where = NOT_UTF8[name]
    message = f"not UTF-8 text: byte {where} cannot be decoded; save the file as UTF-8"
    expected = (Problem(path="$", message=message, line=line),)

    with pytest.raises(RecordError) as from_bytes:
        loads(data, source="r.json")
    with pytest.raises(RecordError) as from_file:
        load(io.BytesIO(data))
    (streamed,) = load_jsonl([data.replace(b"\n", b" ")])

    assert (expected, "r.json") == (from_bytes.value.problems, from_bytes.value.source)
    assert expected == from_file.value.problems
    assert isinstance(streamed, RecordError)
    assert ("$", message[: len("not UTF-8 text: byte 0x")]) == (
        streamed.problems[0].path,
        streamed.problems[0].message[: len("not UTF-8 text: byte 0x")],
    )


def test_a_byte_order_mark_may_open_a_document_or_a_corpus_only() -> None:
    """A UTF-8 byte-order mark is read at the start of a document and of the first line
    of a JSON Lines file; on a later line it is an error, as for the command line."""
    bom = b"\xef\xbb\xbf"
    good = json.dumps(record()).encode("utf-8")

    first, second = load_jsonl([bom + good, bom + good])

    assert structure(record()) == loads(bom + good) == first
    assert isinstance(second, RecordError)
    assert ("$", 2) == (second.problems[0].path, second.problems[0].line)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(constant: str) -> None:
    """Python's json reads NaN and Infinity; the codec refuses them as the JSON standard does."""
    with pytest.raises(RecordError) as info:
        loads(f'{{"id": "r1", "person": {{"id": "p1"}}, "format_version": {constant}}}')

    assert (("$", f"invalid JSON: {constant} is not valid JSON"),) == tuple(
        (p.path, p.message) for p in info.value.problems
    )


def test_deeply_nested_json_is_refused_not_crashed() -> None:
    """Nesting past the parser's recursion limit is a RecordError, not a RecursionError."""
    with pytest.raises(RecordError) as info:
        loads("[" * 100_000 + "]" * 100_000)

    (problem,) = info.value.problems
    assert ("$", "arrays and objects nest too deeply for the JSON parser") == (
        problem.path,
        problem.message,
    )


def test_duplicate_keys_are_refused_at_every_level() -> None:
    """A key given twice would silently lose a value: each one is reported at its path."""
    text = (
        '{"id": "a", "id": "b", "person": {"id": "p", "id": "q"}, "a b": 1, "a b": 2,'
        ' "events": [{"type": "escape", "type": "release"}]}'
    )

    with pytest.raises(RecordError) as info:
        loads(text)

    assert ["$.id", '$["a b"]', "$.person.id", "$.events[0].type"] == [
        p.path for p in info.value.problems
    ]
    assert all("appears more than once" in p.message for p in info.value.problems)


@pytest.mark.parametrize(
    ("text", "shown"),
    [("[]", "an array"), ('"r1"', "a string"), ("5", "a number"), ("null", "null")],
)
def test_a_record_must_be_an_object(text: str, shown: str) -> None:
    """A top-level array, string, number or null is refused at ``$``."""
    with pytest.raises(RecordError) as info:
        loads(text)

    assert (("$", f"expected a case record object, got {shown}"),) == tuple(
        (p.path, p.message) for p in info.value.problems
    )


WRONG_TYPES = {
    "string-false-for-a-bool": (
        record(person={"id": "p1", "name_is_pseudonym": "false"}),
        ("$.person.name_is_pseudonym", "expected true or false, got a string"),
    ),
    "zero-for-a-bool": (
        record(person={"id": "p1", "name_is_pseudonym": 0}),
        ("$.person.name_is_pseudonym", "expected true or false, got a number"),
    ),
    "fraction-for-an-int": (
        record(events=[detention(term_days=12.7)]),
        ("$.events[0].term_days", "expected a whole number, got a number"),
    ),
    "decimal-point-for-an-int": (
        record(events=[detention(term_days=12.0)]),
        ("$.events[0].term_days", "expected a whole number, got 12.0; write it without a decimal"),
    ),
    "bool-for-an-int": (
        record(format_version=True),
        ("$.format_version", "expected a whole number, got a boolean"),
    ),
    "number-for-a-string": (
        record(person={"id": 5}),
        ("$.person.id", "expected a string, got a number"),
    ),
    "string-for-a-list-of-countries": (
        record(person={"id": "p1", "nationalities": "DE"}),
        ("$.person.nationalities", "expected an array, got a string"),
    ),
    "string-for-a-number": (
        record(
            events=[
                {
                    "type": "criminal_conviction",
                    "id": "e1",
                    "date": "2023",
                    "jurisdiction": "KZ",
                    "sentence": [{"kind": "imprisonment", "months": "6"}],
                }
            ]
        ),
        ("$.events[0].sentence[0].months", "expected a number, got a string"),
    ),
    "number-for-a-date": (
        record(events=[detention(date=20221105)]),
        ("$.events[0].date", "expected a date string such as '2022-12-06', got a number"),
    ),
    "object-for-a-list": (record(events={}), ("$.events", "expected an array, got an object")),
    "null-for-a-required-string": (
        record(events=[detention(jurisdiction=None)]),
        ("$.events[0].jurisdiction", "expected a string, got null"),
    ),
    "number-in-a-list-of-strings": (
        record(notes=["fine", 7]),
        ("$.notes[1]", "expected a string, got a number"),
    ),
}


@pytest.mark.parametrize(("data", "expected"), WRONG_TYPES.values(), ids=WRONG_TYPES)
def test_wrong_types_are_refused_not_coerced(
    data: dict[str, Any], expected: tuple[str, str]
) -> None:
    """cattrs would turn "false" into True, 12.7 into 12, 5 into "5", "DE" into ["D", "E"]."""
    assert expected == the_problem(data)


def test_an_unknown_event_type_lists_the_valid_ones() -> None:
    """The message names the type given and every valid type, sorted."""
    expected = ("$.events[0]", f"unknown event type 'arrest'; expected one of: {', '.join(TAGS)}")

    assert expected == the_problem(record(events=[detention(type="arrest")]))


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        (None, "an event needs a 'type'; one of: "),
        (5, "unknown event type a number; expected one of: "),
        ("event", "unknown event type 'event'; expected one of: "),
    ],
)
def test_a_missing_or_odd_event_type(tag: Any, message: str) -> None:
    """No type, a non-string type, and the abstract base's tag are all refused at the event."""
    event_json = detention(type=tag) if tag is not None else detention()
    if tag is None:
        del event_json["type"]

    path, text = the_problem(record(events=[event_json]))

    assert ("$.events[0]", message) == (path, text[: len(message)])


def test_a_non_finite_number_from_python_is_refused() -> None:
    """JSON has no NaN; a dict built in Python might, and the codec refuses it."""
    data = record(
        events=[
            {
                "type": "criminal_conviction",
                "id": "e1",
                "date": "2023",
                "jurisdiction": "KZ",
                "sentence": [{"kind": "imprisonment", "months": float("inf")}],
            }
        ]
    )
    expected = ("$.events[0].sentence[0].months", "expected a finite number, got inf")

    assert expected == the_problem(data)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {5: 1},
            [
                ("$.id", "required field is missing"),
                ("$.person", "required field is missing"),
                ("$", "a key of an object must be a string, got 5"),
            ],
        ),
        (
            record(person={"id": "p1", None: 0, "zz": 1}),
            [
                ("$.person.zz", "unknown field 'zz' for person; expected: id, name"),
                ("$.person", "a key of an object must be a string, got None"),
            ],
        ),
        (
            record(events=[{**detention(), (1, 2): "x"}]),
            [("$.events[0]", "a key of an object must be a string, got (1, 2)")],
        ),
    ],
)
def test_a_key_that_is_not_a_string_from_python_is_refused(
    data: dict[Any, Any], expected: list[tuple[str, str]]
) -> None:
    """JSON keys are strings; a dict built in Python may have others, each refused at
    the object that holds it (was: AttributeError)."""
    found = problems(data)

    # Each message is compared by its start (the rest lists the expected fields).
    assert expected == [
        (path, message[: len(start)])
        for (path, message), (_, start) in zip(found, expected, strict=True)
    ]


@pytest.mark.parametrize(
    ("title", "aliases", "path", "shown"),
    [
        ("ab\\ud800c", "", "$.title", "\\ud800 at character 3"),
        ("\\ude00", "", "$.title", "\\ude00 at character 1"),
        ("\\ude00\\ud83d", "", "$.title", "\\ude00 at character 1"),
        ("ok", "\u00e9\\udfff", "$.person.aliases[0]", "\\udfff at character 2"),
    ],
)
def test_a_lone_surrogate_is_refused(title: str, aliases: str, path: str, shown: str) -> None:
    """JSON can escape half a surrogate pair, which is no character and cannot be written
    as UTF-8: it is refused where it is, so that a record read can always be written
    (and printed)."""
    person = f'{{"id": "p1", "aliases": ["{aliases}"]}}' if aliases else '{"id": "p1"}'
    text = f'{{"id": "r1", "title": "{title}", "person": {person}}}'

    with pytest.raises(RecordError) as info:
        loads(text)

    ((at, message),) = [(p.path, p.message) for p in info.value.problems]
    assert (path, f"a lone surrogate {shown} is half of a pair") == (
        at,
        message[: len(f"a lone surrogate {shown} is half of a pair")],
    )


def test_a_surrogate_pair_is_one_character() -> None:
    """The two halves of a pair, in order, are the character they escape."""
    text = '{"id": "r1", "title": "ab\\ud83d\\ude00c", "person": {"id": "p1"}}'

    assert "ab\U0001f600c" == loads(text).title


def test_a_whole_number_too_large_for_a_float_is_refused() -> None:
    """JSON writes any number of digits; a term of 10**400 months is refused as too large,
    not reported as an OverflowError."""
    sentence = '[{"kind": "imprisonment", "months": 1' + "0" * 400 + "}]"
    text = json.dumps(record(events=[{**detention(), "type": "criminal_conviction"}]))
    text = text.replace('"ground": "border"', f'"sentence": {sentence}')

    with pytest.raises(RecordError) as info:
        loads(text)

    assert [("$.events[0].sentence[0].months", "expected a number, got one too large")] == [
        (p.path, p.message[: len("expected a number, got one too large")])
        for p in info.value.problems
    ]


def test_an_event_unstructures_with_its_tag() -> None:
    """An event on its own unstructures to the same JSON it has inside a record."""
    case = structure(record(events=[detention()]))

    assert detention() == unstructure(case.events[0])


def test_an_event_that_is_not_an_object() -> None:
    """A string in the list of events is refused at its index."""
    expected = ("$.events[1]", "expected an event object, got a string")

    assert expected == the_problem(record(events=[detention(), "detention"]))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2022-13-01", "month 13 out of range 01..12"),
        ("2022-02-30", "day 30 does not exist in 2022-02"),
        ("November", "unexpected character 'N'; expected digits, 'X' and '-'"),
        ("late November", "whitespace is not allowed"),
        ("2022-11-30/2022-11-01", "interval start 2022-11-30 (2022-11-30) lies after"),
    ],
)
def test_a_bad_date_is_quoted(text: str, reason: str) -> None:
    """The message quotes the string as given and says what is wrong with it."""
    path, message = the_problem(record(events=[detention(date=text)]))

    assert ("$.events[0].date", f"invalid date {text!r}: {reason}") == (
        path,
        message[: len(f"invalid date {text!r}: {reason}")],
    )


def test_missing_fields_are_each_reported() -> None:
    """Every required field that is absent is reported, at the path it should have."""
    data = {"events": [{"type": "appeal_decided", "id": "e1"}]}

    assert [
        ("$.id", "required field is missing"),
        ("$.person", "required field is missing"),
        ("$.events[0].date", "required field is missing"),
        ("$.events[0].jurisdiction", "required field is missing"),
        ("$.events[0].appeal", "required field is missing"),
        ("$.events[0].outcome", "required field is missing"),
    ] == problems(data)


def test_unknown_fields_list_the_expected_ones() -> None:
    """An unknown key is reported at its own path, with the fields the object does have."""
    data = record(person={"id": "p1", "nmae": "A"}, events=[detention(**{"when?": "x"})])

    assert [
        (
            "$.person.nmae",
            "unknown field 'nmae' for person; expected: id, name, name_is_pseudonym, aliases, "
            "nationalities, birth_date, group_size, accounts",
        ),
        (
            '$.events[0]["when?"]',
            "unknown field 'when?' for event type 'detention'; expected: type, id, date, "
            "jurisdiction, account, sources, note, same_day_as, order_uncertain, after, "
            "ground, "
            "authority, term_days, term_set, place, acknowledged, actor, actor_state, involvement",
        ),
    ] == problems(data)


def test_a_bad_enum_value_lists_the_valid_ones() -> None:
    """An enum refuses a value not in it, even though enums are strings (see DESIGN.md)."""
    expected = (
        "$.events[0].ground",
        "'jail' is not a valid detention ground; expected one of: 'border', 'administrative', "
        "'wanted_person', 'extradition_custody', 'extradition_arrest', 'pre_trial', "
        "'immigration', 'none_given', 'unknown'",
    )

    assert expected == the_problem(record(events=[detention(ground="jail")]))


@pytest.mark.parametrize(
    ("code", "path"),
    [("kz", "$.events[0].jurisdiction"), ("UK", "$.events[0].jurisdiction")],
)
def test_a_bad_country_code_is_refused(code: str, path: str) -> None:
    """Only ISO 3166-1 alpha-2 codes (and XK) are countries; "UK" is not one."""
    expected = (
        path,
        f"{code!r} is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. 'KZ')",
    )

    assert expected == the_problem(record(events=[detention(jurisdiction=code)]))


# -- references --------------------------------------------------------------------------------

APPEAL = {"type": "appeal_filed", "date": "2022-12", "jurisdiction": "KZ"}

REFERENCES = {
    "dangling": (
        record(events=[detention(), {**APPEAL, "id": "e2", "against": "e9"}]),
        ("$.events[1].against", "no event has id 'e9'"),
    ),
    "forward": (
        record(events=[{**APPEAL, "id": "e1", "against": "e2"}, detention("e2")]),
        ("$.events[0].against", "event 'e2' comes later; refer to earlier ones"),
    ),
    "to-itself": (
        record(events=[{**APPEAL, "id": "e1", "against": "e1"}]),
        ("$.events[0].against", "event 'e1' comes later; refer to earlier ones"),
    ),
    "wrong-type": (
        record(
            events=[
                {"type": "asylum_claim", "id": "e1", "date": "2022", "jurisdiction": "KZ"},
                {**APPEAL, "id": "e2", "against": "e1"},
            ]
        ),
        ("$.events[1].against", "event 'e1' is a asylum_claim; expected asylum_decision or "),
    ),
    "cross-account": (
        record(
            accounts=[{"name": "lawyer"}, {"name": "prosecutor"}],
            events=[
                detention(account="lawyer"),
                {**APPEAL, "id": "e2", "against": "e1", "account": "prosecutor"},
            ],
        ),
        ("$.events[1].against", "event 'e1' belongs to account 'lawyer' only"),
    ),
    "account-less-to-account": (
        record(
            accounts=[{"name": "lawyer"}],
            events=[detention(account="lawyer"), {**APPEAL, "id": "e2", "against": "e1"}],
        ),
        ("$.events[1].against", "event 'e1' belongs to account 'lawyer' only"),
    ),
    "undeclared-account": (
        record(events=[detention(account="lawyer")]),
        ("$.events[0].account", "account 'lawyer' is not declared (none declared)"),
    ),
    "unlisted-source": (
        record(
            sources=[{"id": "s1", "publisher": "P", "url": "u"}],
            events=[detention(sources=[{"source": "s1"}, {"source": "s2"}])],
        ),
        ("$.events[0].sources[1].source", "source 's2' is not listed"),
    ),
}


@pytest.mark.parametrize(("data", "expected"), REFERENCES.values(), ids=REFERENCES)
def test_bad_references_are_reported_where_they_are(
    data: dict[str, Any], expected: tuple[str, str]
) -> None:
    """A reference must name an earlier event of an allowed type, in its account or in all."""
    path, message = the_problem(data)

    assert expected == (path, message[: len(expected[1])])


def test_a_reference_into_every_account_is_fine() -> None:
    """An event in an account may rest on an event that belongs to every account."""
    data = record(
        accounts=[{"name": "lawyer"}],
        events=[detention(), {**APPEAL, "id": "e2", "against": "e1", "account": "lawyer"}],
    )

    assert "e1" == structure(data).events[1].against


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            record(events=[detention("e1"), detention("e2"), detention("e1")]),
            ("$.events[2].id", "id 'e1' repeats events[0]"),
        ),
        (
            record(sources=[{"id": "s", "publisher": "P", "url": "u"}] * 2),
            ("$.sources[1].id", "id 's' repeats sources[0]"),
        ),
        (
            record(accounts=[{"name": "a"}, {"name": "a"}]),
            ("$.accounts[1].name", "name 'a' repeats accounts[0]"),
        ),
    ],
    ids=["events", "sources", "accounts"],
)
def test_duplicate_ids_are_refused(data: dict[str, Any], expected: tuple[str, str]) -> None:
    """Ids of events and sources, and names of accounts, are unique; the repeat is named."""
    assert expected == the_problem(data)


@pytest.mark.parametrize("version", [0, 3, 99])
def test_an_unsupported_format_version_is_refused(version: int) -> None:
    """Only format versions 1 and 2 are read; the message says which ones are."""
    expected = (
        "$.format_version",
        f"unsupported format_version {version}; this library reads versions 1 and 2 "
        "(1 is upgraded when a record is loaded)",
    )

    assert expected == the_problem(record(format_version=version))


def test_every_problem_of_a_record_is_reported_at_once() -> None:
    """A record with many structural problems gets all of them, each with its path."""
    data = {
        "id": " r1",
        "person": {"id": "p1", "nationalities": ["DE", "zz"], "name_is_pseudonym": "no"},
        "sources": [{"id": "s1", "publisher": ""}, "s2"],
        "events": [
            detention(date="2022-13", ground="jail"),
            {"type": "arrest"},
            detention("e3", jurisdiction="KZ", term_days=-3, extra=True),
        ],
        "accounts": "lawyer",
        "unknown": 1,
    }

    assert [
        "$.id",
        "$.person.name_is_pseudonym",
        "$.person.nationalities",
        "$.sources[0].publisher",
        "$.sources[1]",
        "$.events[0].date",
        "$.events[0].ground",
        "$.events[1]",
        "$.events[2].term_days",
        "$.events[2].extra",
        "$.accounts",
        "$.unknown",
    ] == paths(data)


@pytest.mark.parametrize("kind", pst.BREAKAGES)
@PER_KIND
@given(data=st.data())
def test_every_broken_record_is_refused_at_its_path(kind: str, data: st.DataObject) -> None:
    """One thing broken: exactly one problem, at the path the strategy names."""
    broken, path = data.draw(pst.broken_record_dicts(breakages=[kind]), label="broken")
    event(path.split(".")[-1].split("[")[0])

    assert [path] == paths(broken)


# -- bugs and gaps found while writing these tests (see the report) ---------------------------


@pytest.mark.parametrize(
    "change",
    [
        {"person": {"id": "p1\n"}},
        {"sources": [{"id": "s1", "publisher": "P", "url": "u", "language": "en\n"}]},
    ],
    ids=["id", "language"],
)
def test_a_trailing_newline_is_not_part_of_an_id(change: dict[str, Any]) -> None:
    """An id or language tag ending in a newline is refused, as the schema's pattern would be."""
    with pytest.raises(RecordError):
        structure(record(**change))


def test_a_part_that_is_not_an_object_says_what_was_expected() -> None:
    """A string where the person goes says an object was expected, as it does for events."""
    assert ("$.person", "expected an object, got a string") == the_problem(record(person="p1"))


def test_reference_problems_come_with_structural_ones() -> None:
    """All problems at once: a wrong type in one event and a dangling reference in another."""
    data = record(
        events=[detention(term_days="40"), {**APPEAL, "id": "e2", "against": "e9"}],
    )

    assert ["$.events[0].term_days", "$.events[1].against"] == paths(data)


def test_a_json_lines_syntax_error_has_the_column_of_its_line() -> None:
    """A line cut short reports the column where the value was expected, on that line."""
    *_, error = list(load_jsonl(['{"id": "r1"}\n', '{"id": \n']))

    assert isinstance(error, RecordError)
    assert ("invalid JSON: Expecting value (line 2, column 8)", 2) == (
        error.problems[0].message,
        error.problems[0].line,
    )


# -- the strategies these tests stand on ------------------------------------------------------


def test_strategies_all_is_sorted_and_complete() -> None:
    """``__all__`` is sorted and names every public object of the kits there, and nothing else."""
    public = {
        name
        for name, value in vars(pst).items()
        if not name.startswith("_")
        and not isinstance(value, type(pst))
        # Constants have no __module__; imports from outside the library do.
        and getattr(value, "__module__", "proceedings").startswith("proceedings")
    }

    assert sorted(pst.__all__) == pst.__all__
    assert public == set(pst.__all__)


@given(pst.records(max_events=5, chronological=True))
def test_chronological_records_keep_their_dates_in_order(case: CaseRecord) -> None:
    """No event lies wholly before the one listed before it."""
    pairs = zip(case.events, case.events[1:], strict=False)

    assert [] == [(a.id, b.id) for a, b in pairs if b.date.latest < a.date.earliest]


@given(pst.records(max_events=3, max_accounts=0))
def test_records_without_accounts(case: CaseRecord) -> None:
    """``max_accounts=0``: no account is declared and no event belongs to one."""
    assert ((), set()) == (case.accounts, {ev.account for ev in case.events} - {None})


@given(
    pst.records(min_events=3, max_events=3, event_types=[AppealFiled, AsylumDecision, AsylumClaim])
)
def test_records_of_chosen_event_types(case: CaseRecord) -> None:
    """``event_types`` limits the classes used; references among them are still valid."""
    assert (3, True) == (
        len(case.events),
        {type(ev) for ev in case.events} <= {AppealFiled, AsylumDecision, AsylumClaim},
    )


@given(st.data())
def test_events_fit_after_the_given_ones(data: st.DataObject) -> None:
    """An event drawn for a context can be appended to a record with that context."""
    case = data.draw(pst.records(max_events=4))
    new = data.draw(
        pst.events(
            source_ids=[s.id for s in case.sources],
            accounts=[a.name for a in case.accounts],
            earlier=case.events,
        )
    )

    longer = attrs.evolve(case, events=(*case.events, new))

    assert longer == structure(unstructure(longer))


@given(pst.source_refs(["s1", "s2"]), pst.charges(), pst.countries())
def test_small_strategies(citation: Any, charge: Any, country: str) -> None:
    """Citations name given sources, charges have an article or label, countries are ISO."""
    assert (True, True, True) == (
        citation.source in {"s1", "s2"},
        charge.article is not None or charge.label is not None,
        country in ISO_3166_ALPHA2,
    )


INVALID_ARGUMENTS = {
    "negative-min": lambda: pst.records(min_events=-1),
    "bool-max": lambda: pst.records(max_events=True),
    "min-above-max": lambda: pst.records(min_events=3, max_events=2),
    "unreachable-type": lambda: pst.records(event_types=[AppealDecided]),
    "one-class": lambda: pst.records(event_types=Detention),  # type: ignore[arg-type]
    "no-classes": lambda: pst.records(event_types=[]),
    "base-class": lambda: pst.records(event_types=[Event]),
    "bound-not-int": lambda: pst.records(max_accounts="2"),  # type: ignore[arg-type]
    "negative-accounts": lambda: pst.records(max_accounts=-1),
    "dicts-too": lambda: pst.record_dicts(chronological=1),  # type: ignore[arg-type]
    "one-source-id": lambda: pst.source_refs("s1"),
    "no-source-ids": lambda: pst.source_refs([]),
    "bad-source-id": lambda: pst.source_refs(["a b"]),
    "repeated-source-id": lambda: pst.source_refs(["s", "s"]),
    "needs-earlier": lambda: pst.events(event_types=[AppealDecided]),
    "earlier-not-a-sequence": lambda: pst.events(earlier="e1"),  # type: ignore[arg-type]
    "earlier-not-events": lambda: pst.events(earlier=[1]),  # type: ignore[list-item]
    "earlier-undeclared-account": lambda: pst.events(
        earlier=[structure(detention(account="x"), Event)]
    ),
    "earlier-repeated-id": lambda: pst.events(earlier=[structure(detention(), Event)] * 2),
    "one-breakage": lambda: pst.broken_record_dicts(breakages="bad_date"),
    "no-breakages": lambda: pst.broken_record_dicts(breakages=[]),
    "unknown-breakage": lambda: pst.broken_record_dicts(breakages=["typo"]),
}


@pytest.mark.parametrize("make", INVALID_ARGUMENTS.values(), ids=INVALID_ARGUMENTS)
def test_bad_arguments_are_refused_when_the_strategy_is_made(make: Any) -> None:
    """Hypothesis style: InvalidArgument at once, not on the first draw."""
    with pytest.raises(InvalidArgument):
        make()


def test_a_field_type_without_a_strategy_fails_loudly() -> None:
    """The strategies refuse to guess: a new field type or check needs a strategy written."""
    odd_check = Check(test=lambda value: None, schema={})

    with pytest.raises(TypeError, match="no strategy for the type"):
        _records._plain_values(dict)
    with pytest.raises(TypeError, match="no strategy for a <class 'str'> field"):
        _records._checked_values(odd_check, str)


def test_the_setup_hook_registers_types_for_from_type() -> None:
    """After the entry point's hook, ``st.from_type`` knows dates and records."""
    _hypothesis_setup_hook()

    interval = find(st.from_type(UncertainDate), lambda d: d.is_interval)
    case = find(st.from_type(CaseRecord), lambda r: len(r.events) >= 1)

    assert (True, 1) == (interval.is_interval, len(case.events))


def test_dates_reexported() -> None:
    """``uncertain_dates`` is the date strategy of the library, re-exported."""
    from proceedings._strategies.dates import uncertain_dates

    assert uncertain_dates is pst.uncertain_dates


def test_dump_writes_to_any_text_stream() -> None:
    """``dump`` writes to any text file object, not only a real file."""
    out = io.StringIO()
    case = structure(record())

    dump(case, out)

    assert dumps(case) == out.getvalue()


# -- locating JSON paths ---------------------------------------------------------------


def test_json_lines_locates_values() -> None:
    """json_lines maps JSON paths to the line where each value starts."""
    text = '{\n  "a": 1,\n  "events": [\n    {"id": "x"},\n    {\n      "id": "y"\n    }\n  ]\n}'
    lines = json_lines(text)
    assert {
        "$": 1,
        "$.a": 2,
        "$.events": 3,
        "$.events[0]": 4,
        "$.events[0].id": 4,
        "$.events[1]": 5,
        "$.events[1].id": 6,
    } == lines


def test_json_lines_handles_odd_keys_and_escapes() -> None:
    """Keys that are not identifiers use bracket notation; escaped quotes do not confuse it."""
    text = '{"odd key": "a \\" b",\n"x": [true,\nnull]}'
    assert {"$": 1, '$["odd key"]': 1, "$.x": 2, "$.x[0]": 2, "$.x[1]": 3} == json_lines(text)


def test_json_lines_stops_quietly_on_broken_json() -> None:
    """A broken document gives the lines found so far, without raising."""
    assert {"$": 1, "$.a": 2} == json_lines('{\n"a": [\n}}}}')


def test_line_of_falls_back_to_the_nearest_ancestor() -> None:
    """A path that is not in the document is placed at its nearest ancestor that is."""
    lines = json_lines('{\n  "events": [\n    {"id": "x"}\n  ]\n}')

    assert (3, 2, 1) == (
        line_of("$.events[0].date", lines),
        line_of("$.events[7]", lines),
        line_of("$.person.name", lines),
    )


def test_a_reference_inside_a_part_is_checked_with_its_path() -> None:
    """A holding that names no event, or a later one, is reported at its own path."""
    data = {
        "id": "r",
        "person": {"id": "p"},
        "events": [
            {
                "type": "complaint_lodged",
                "id": "c",
                "date": "2020",
                "jurisdiction": "RU",
                "body": "ecthr",
            },
            {
                "type": "international_decision",
                "id": "d",
                "date": "2021",
                "jurisdiction": "RU",
                "body": "ecthr",
                "complaint": "c",
                "holdings": [
                    {
                        "instrument": "ECHR",
                        "article": "3",
                        "holding": "violation",
                        "events": ["c", "nowhere", "later"],
                    }
                ],
            },
            {
                "type": "removal",
                "id": "later",
                "date": "2022",
                "jurisdiction": "RU",
                "channel": "deportation",
                "destination": "UZ",
            },
        ],
    }
    with pytest.raises(RecordError) as info:
        structure(data)

    assert [
        ("$.events[1].holdings[0].events[1]", "no event has id 'nowhere'"),
        (
            "$.events[1].holdings[0].events[2]",
            "event 'later' comes later; refer to earlier ones",
        ),
    ] == [(p.path, p.message) for p in info.value.problems]
