"""The JSON parser: orjson where it gives what ``json`` gives, ``json`` everywhere else.

The fast path must never change a value, accept what ``json`` refuses, or miss
a key given twice; the properties below compare it with :func:`json.loads` on
texts with escapes, non-ASCII, big numbers, floats and repeated keys.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proceedings import RecordError, _jsonparse
from proceedings._jsonparse import _parse_fast, parse_json

EXAMPLES = sorted(Path("examples/cases").glob("*.json"))

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),
    st.text(alphabet="abcé\u2028 \"'/Жk", max_size=8),
)
_KEYS = st.one_of(st.sampled_from(["a", "b", "k"]), st.text(max_size=4))


def _scalar_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _object(pairs: list[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{_scalar_text(k)}: {v}" for k, v in pairs) + "}"


#: JSON texts, objects written pair by pair so that a key may come twice.
JSON_TEXTS = st.recursive(
    _SCALARS.map(_scalar_text),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: "[" + ",".join(items) + "]"),
        st.lists(st.tuples(_KEYS, inner), max_size=4).map(_object),
    ),
    max_leaves=12,
)


def _typed(value: Any) -> Any:
    """``value`` with every number's type kept (``1 == 1.0`` would hide a change)."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__, value)


def _repeats(text: str) -> bool:
    found: list[bool] = []

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found.append(len(dict(pairs)) != len(pairs))
        return dict(pairs)

    json.loads(text, object_pairs_hook=hook)
    return any(found)


@given(JSON_TEXTS, st.booleans())
def test_the_fast_path_gives_what_json_gives_or_declines(text: str, as_bytes: bool) -> None:
    fast = _parse_fast(text.encode() if as_bytes else text)
    if _repeats(text):
        assert fast is None
    elif fast is not None:
        assert _typed(json.loads(text)) == _typed(fast)


@given(JSON_TEXTS)
def test_parse_json_is_json_with_repeated_keys_refused(text: str) -> None:
    if _repeats(text):
        with pytest.raises(RecordError, match="appears more than once"):
            parse_json(text)
    else:
        assert _typed(json.loads(text)) == _typed(parse_json(text))


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "a": 1}',
        '{"a\\"": "\\\\", "a\\"": "\\\\"}',  # escaped quotes and backslashes
        '{"a": {"b": "x", "b": "x"}}',
        '[{"k": null, "k": null}]',
        '{"a": 12345678901234567890}',  # a float to orjson
        '"\\ud800"',  # a lone surrogate, which json lets through
        "\ufeff{}",
        '{"a": 1e400}',  # infinity to json, an error to orjson
        "[" * 300 + "]" * 300,  # deeper than orjson writes
        "null",
        "NaN",
        "{'a': 1}",
    ],
)
def test_what_the_fast_path_declines(text: str) -> None:
    assert _parse_fast(text) is None
    assert _parse_fast(text.encode("utf-8", "surrogatepass")) is None


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_fast_path_takes_the_examples(path: Path) -> None:
    """A record as the examples write it takes the fast path, to the same values."""
    data = path.read_bytes()
    fast = _parse_fast(data)
    assert fast is not None
    assert _typed(json.loads(data)) == _typed(fast)


def test_without_orjson_the_same_values_and_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    data = EXAMPLES[0].read_bytes()
    fast = parse_json(data)
    monkeypatch.setattr(_jsonparse, "_orjson", None)
    assert _parse_fast(data) is None
    assert _typed(fast) == _typed(parse_json(data))
    with pytest.raises(RecordError, match="appears more than once"):
        parse_json('{"a": 1, "a": 2}')
