"""The generated fast decoders accept only what the detailed converter accepts, and build the same.

The fast path (``proceedings._fastdecode``) never reports a problem: it gives
up, and the detailed converter decodes the data again. So it may give up
more often than it must (that costs only time), but what it accepts must be
exactly what the detailed path builds from the same data, down to the type
of every value (``repr`` tells ``2`` from ``2.0``). And it must accept the
valid records people write, or it buys nothing.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proceedings import CaseRecord, RecordError
from proceedings._codec import _detailed, structure
from proceedings._fastdecode import Slow, decoder
from proceedings._versions import upgrade
from proceedings.strategies import broken_record_dicts, record_dicts

ROOT = Path(__file__).parent.parent
RECORDS = sorted([*ROOT.glob("examples/cases/*.json"), *ROOT.glob("examples/decisions/*.json")])


def _fast(data: Any) -> CaseRecord | None:
    """What the fast path builds, or ``None`` where it gives up."""
    try:
        record: CaseRecord = decoder(CaseRecord)(data)
    except Slow:
        return None
    return record


def _detailed_or_none(data: Any) -> CaseRecord | None:
    try:
        record: CaseRecord = _detailed().structure(data, CaseRecord)
    except Exception:
        return None
    return record


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.name)
def test_every_example_takes_the_fast_path_and_builds_the_same(path: Path) -> None:
    data, _ = upgrade(json.loads(path.read_text(encoding="utf-8")))
    fast = _fast(copy.deepcopy(data))
    assert fast is not None, f"{path.name} fell back to the detailed converter"
    assert repr(fast) == repr(_detailed().structure(data, CaseRecord))
    assert fast == structure(data)


@given(record_dicts(max_events=12))
def test_generated_records_take_the_fast_path_and_build_the_same(data: dict[str, Any]) -> None:
    fast = _fast(data)
    assert fast is not None
    assert repr(fast) == repr(_detailed().structure(data, CaseRecord))


@given(broken_record_dicts())
def test_the_fast_path_accepts_no_broken_record(case: tuple[dict[str, Any], str]) -> None:
    data, path = case
    assert _fast(data) is None
    with pytest.raises(RecordError) as info:
        structure(data)
    assert [p.path for p in info.value.problems] == [path]


#: JSON values to put where another one was: every JSON type, and the edges
#: the fast path tests in line (a lone surrogate, blanks, big numbers).
_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False),
    st.sampled_from(
        ["", " ", "KZ", "xx", "2022-02-30", "2022-12", "person", "\ud800", "a\udfffb", "-x"]
    ),
    st.text(max_size=5),
    st.just([]),
    st.just({}),
    st.lists(st.sampled_from(["KZ", "RU", "", 1]), max_size=2),
)


def _spots(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a JSON document."""
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _spots(inner, (*path, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            found += _spots(inner, (*path, i))
    return found


@given(record_dicts(max_events=6), st.data())
def test_what_the_fast_path_accepts_the_detailed_path_builds_the_same(
    data: dict[str, Any], draw: st.DataObject
) -> None:
    # One value replaced, one key removed or one key added, anywhere.
    spots = [s for s in _spots(data) if s]
    spot = draw.draw(st.sampled_from(spots))
    parent: Any = data
    for key in spot[:-1]:
        parent = parent[key]
    how = draw.draw(st.sampled_from(["replace", "remove", "add"]))
    if how == "replace":
        parent[spot[-1]] = draw.draw(_VALUES)
    elif how == "remove" and isinstance(parent, dict):
        del parent[spot[-1]]
    elif isinstance(parent, dict):
        parent[draw.draw(st.sampled_from(["type", "extra", "id", "note", "date"]))] = draw.draw(
            _VALUES
        )
    fast = _fast(copy.deepcopy(data))
    if fast is not None:
        detailed = _detailed_or_none(data)
        assert detailed is not None, "the fast path accepted what the detailed one refuses"
        assert repr(fast) == repr(detailed)


def test_a_part_or_an_event_is_decoded_by_its_own_function() -> None:
    from proceedings._parts import SourceRef

    ref = decoder(SourceRef)({"source": "s1", "quote": "q"})
    assert ref == SourceRef(source="s1", quote="q")
    with pytest.raises(Slow):
        decoder(SourceRef)({"source": "s1", "quote": " "})
    with pytest.raises(Slow):
        decoder(SourceRef)(["s1"])


def test_dates_are_shared_and_the_cache_stays_small() -> None:
    from proceedings import _fastdecode

    first = _fastdecode._date("2022-11")
    assert _fastdecode._date("2022-11") is first
    for year in range(1000, 1000 + _fastdecode._DATES_MAX + 10):
        _fastdecode._date(str(year))
    assert len(_fastdecode._DATES) <= _fastdecode._DATES_MAX
    with pytest.raises(Slow):
        _fastdecode._date("2022-13")
    with pytest.raises(Slow):
        _fastdecode._date(2022)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("_int", True),
        ("_int", 1.0),
        ("_bool", 1),
        ("_float", "1"),
        ("_float", 10**400),
        ("_float", float("inf")),
        ("_str", 5),
        ("_str", "a\ud800"),
        ("_event", []),
        ("_event", {"type": "nope"}),
        ("_event", {"type": ["detention"]}),
    ],
)
def test_a_value_the_detailed_path_must_judge_is_left_to_it(name: str, value: Any) -> None:
    from proceedings import _fastdecode

    with pytest.raises(Slow):
        getattr(_fastdecode, name)(value)


def test_a_whole_number_stays_whole_where_a_number_is_expected() -> None:
    from proceedings._fastdecode import _float

    assert type(_float(2)) is int
    assert _float(2.5) == 2.5


def test_a_word_outside_a_vocabulary_is_left_to_the_detailed_path() -> None:
    from proceedings import AppealOutcome
    from proceedings._fastdecode import _enum

    structure = _enum(AppealOutcome)
    assert structure(AppealOutcome.DISMISSED.value) is AppealOutcome.DISMISSED
    for value in ("nope", 1, None):
        with pytest.raises(Slow):
            structure(value)


def test_a_class_that_contains_itself_would_be_made_when_first_read() -> None:
    from proceedings._fastdecode import _lazy
    from proceedings._parts import SourceRef

    structure = _lazy(SourceRef)
    assert structure({"source": "s1"}) == SourceRef(source="s1")
    assert structure({"source": "s2"}) == SourceRef(source="s2")
