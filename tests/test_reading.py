"""Reading inputs within limits, and locating paths in a document: the edges of each."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from proceedings._limits import Limits, format_size, parse_limit
from proceedings._locate import json_lines, line_of, locate, too_deep
from proceedings._reading import Input, Item, read_items

EXAMPLE = Path(__file__).parent.parent / "examples" / "cases" / "kasimov.json"


# -- limits ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [(16 << 20, "16 MiB"), (1 << 30, "1 GiB"), (2048, "2 KiB"), (1500, "1,500 bytes")],
)
def test_sizes_are_said_as_people_read_them(value: int, text: str) -> None:
    assert text == format_size(value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"items": 0}, "limit items must be a positive whole number, not 0"),
        ({"values": True}, "limit values must be a positive whole number, not True"),
        ({"depth": 15}, "limit depth must be at least 16 (records nest that deep), not 15"),
    ],
)
def test_a_limit_must_be_a_positive_number(change: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Limits(**change)  # type: ignore[arg-type]


def test_a_limit_is_changed_by_name_and_size() -> None:
    limits = parse_limit("line-bytes = 2M", parse_limit("items=20k", Limits()))
    assert (2 << 20, 20 << 10) == (limits.line_bytes, limits.items)
    assert "2 MiB" == limits.describe("line_bytes")
    with pytest.raises(ValueError, match="limit depth: expected a whole number, got 'deep'"):
        parse_limit("depth=deep", limits)


# -- locating paths ----------------------------------------------------------------------

DOC = '{\n  "a": [\n    1,\n    {"b c": 2}\n  ],\n  "d": {"e": [3, [4]]}\n}'


def test_locate_follows_only_the_paths_asked_for_and_their_ancestors() -> None:
    found = locate(DOC, ['$.a[1]["b c"]', "$.d.e[1]"])
    assert {
        "$": 1,
        "$.a": 2,
        "$.a[1]": 4,
        '$.a[1]["b c"]': 4,
        "$.d": 6,
        "$.d.e": 6,
        "$.d.e[1]": 6,
    } == found


@pytest.mark.parametrize("path", ["events[0]", "$.a[x]", '$["bad \\q"]'])
def test_a_path_not_spelt_as_the_library_spells_them_is_left_out(path: str) -> None:
    assert {"$": 1} == locate(DOC, [path, "$"])


def test_the_scanner_stops_at_a_key_it_cannot_read() -> None:
    assert {"$": 1, "$.a": 1} == json_lines('{"a": 1, "b\\q": 2, "c": 3}')


def test_line_of_falls_back_to_the_document() -> None:
    assert 1 == line_of("$.x.y", {"$": 1})
    assert None is line_of("$.x", {})


def test_too_deep_counts_brackets_outside_strings() -> None:
    assert None is too_deep('{"a": "[[[[[[[["}', 2)
    assert 3 == too_deep('[\n[\n[\n"x"]]]', 2)
    assert None is too_deep("[[]][[]]", 2)


# -- reading inputs ----------------------------------------------------------------------


def test_the_size_of_an_input_that_is_gone_is_0(tmp_path: Path) -> None:
    gone = tmp_path / "gone.json"
    assert 0 == Input(str(gone), gone, "json").size
    assert 0 == Input("<stdin>").size


@pytest.mark.parametrize("mode", ["auto", "jsonl", "json"])
def test_blank_input_is_an_empty_file(mode: str) -> None:
    (item,) = read_items([Input("<stdin>", mode=mode)], io.BytesIO(b"\n  \n\n"))
    assert Item("error", "<stdin>", 1, message="the file is empty; it holds no record") == item


def test_blank_lines_before_a_corpus_are_skipped() -> None:
    line = json.dumps(json.loads(EXAMPLE.read_text("utf-8"))).encode()
    items = list(read_items([Input("<stdin>")], io.BytesIO(b"\n\n" + line + b"\n\n" + line)))
    assert [("line", 3), ("line", 5)] == [(i.kind, i.line) for i in items]


def test_blank_lines_past_the_document_limit_are_a_document_too_large() -> None:
    limits = Limits(document_bytes=100, line_bytes=10)
    (item,) = read_items([Input("<stdin>")], io.BytesIO(b"\n" * 300), limits)
    assert ("error", True) == (item.kind, item.message.startswith("the document is larger than"))
