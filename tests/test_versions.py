"""Format versions: every version-1 record loads, upgraded without loss."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import proceedings
from proceedings._errors import RecordError
from proceedings.codec import structure, unstructure

FORMAT_1 = sorted((Path(__file__).parent / "data" / "format1").rglob("*.json"))


def test_the_version_1_records_are_kept() -> None:
    """The version-1 form of every seed example is kept as test data."""
    assert len(FORMAT_1) >= 17


@pytest.mark.parametrize("path", FORMAT_1, ids=lambda p: p.stem)
def test_a_version_1_record_loads_and_upgrades_without_loss(path: Path) -> None:
    """Loaded and written again, a version-1 record is the same JSON, at version 2."""
    data = json.loads(path.read_text(encoding="utf-8"))
    record = structure(data)
    expected = {**data, "format_version": 2}

    assert (2, expected) == (record.format_version, unstructure(record))


@pytest.mark.parametrize("path", FORMAT_1, ids=lambda p: p.stem)
def test_a_version_1_record_labelled_as_such_loads_too(path: Path) -> None:
    """With ``format_version: 1`` written out, the record loads the same."""
    data = json.loads(path.read_text(encoding="utf-8"))

    assert structure(data) == structure({**data, "format_version": 1})


def test_a_version_1_record_with_format_2_keys_is_refused() -> None:
    """A record that says version 1 but holds what only format 2 has names each such key."""
    data = {
        "id": "r",
        "format_version": 1,
        "person": {"id": "p", "group_size": 2},
        "events": [
            {
                "type": "detention",
                "id": "d",
                "date": "2020",
                "jurisdiction": "KZ",
                "ground": "border",
                "acknowledged": False,
            },
            {
                "type": "military_service",
                "id": "m",
                "date": "2020",
                "jurisdiction": "RU",
                "kind": "mobilized",
            },
        ],
    }
    with pytest.raises(RecordError) as info:
        structure(data)

    assert [
        "$.person.group_size",
        "$.events[0].acknowledged",
        "$.events[1].type",
    ] == [p.path for p in info.value.problems]


def test_dump_writes_the_current_version() -> None:
    """Every record is written at version 2, the version always present."""
    record = structure({"id": "r", "person": {"id": "p"}})

    assert '"format_version": 2' in proceedings.dumps(record)


def test_a_version_1_record_with_a_format_2_date_is_refused() -> None:
    """Open ends and times of day are format 2: a record labelled 1 that uses them is refused."""
    data = {
        "id": "r",
        "format_version": 1,
        "person": {"id": "p", "birth_date": "../1990"},
        "events": [
            {
                "type": "detention",
                "id": "d",
                "date": "2020-01-01T10:00",
                "jurisdiction": "KZ",
                "ground": "border",
            },
            {"type": "release", "id": "r", "date": "2020-01-02", "jurisdiction": "KZ"},
        ],
    }
    with pytest.raises(RecordError) as info:
        structure(data)

    assert ["$.person.birth_date", "$.events[0].date"] == [p.path for p in info.value.problems]


def test_a_version_1_check_leaves_malformed_parts_to_the_codec() -> None:
    """A person that is no object and an unknown event type are the codec's to report."""
    data = {
        "id": "r",
        "format_version": 1,
        "person": "p",
        "events": [{"type": "no_such_type", "id": "e", "date": "2020", "jurisdiction": "KZ"}],
    }
    with pytest.raises(RecordError) as info:
        structure(data)

    assert {"$.person", "$.events[0]"} <= {p.path for p in info.value.problems}
