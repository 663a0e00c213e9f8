"""The peer models of the benchmark read the same format as the library.

``bench/peer_models.py`` generates a msgspec ``Struct`` and a pydantic model
from the attrs model; a comparison of speed is fair only if both accept every
record the library accepts and, like it, refuse unknown keys. No test here
measures a time.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "cases").glob("*.json"))


@functools.cache
def _peer_models() -> ModuleType:
    # bench/ is not a package: load the module from its file.
    spec = importlib.util.spec_from_file_location("peer_models", ROOT / "bench" / "peer_models.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _with_unknown_key(path: Path) -> bytes:
    record = json.loads(path.read_bytes())
    record["events"][0]["unheard_of"] = True
    return json.dumps(record).encode()


def _msgspec() -> tuple[Any, Any]:
    msgspec = pytest.importorskip("msgspec")
    return msgspec, _peer_models().msgspec_record()


def _pydantic() -> tuple[Any, Any]:
    pydantic = pytest.importorskip("pydantic")
    return pydantic, _peer_models().pydantic_record()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_msgspec_model_accepts_every_example(path: Path) -> None:
    """The generated msgspec Struct decodes every bundled record, strictly."""
    msgspec, record = _msgspec()
    decoded = msgspec.json.decode(path.read_bytes(), type=record, strict=True)
    assert json.loads(path.read_bytes())["id"] == decoded.id


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_pydantic_model_accepts_every_example(path: Path) -> None:
    """The generated pydantic model validates every bundled record, strictly."""
    _, record = _pydantic()
    decoded = record.model_validate_json(path.read_bytes(), strict=True)
    assert json.loads(path.read_bytes())["id"] == decoded.id


def test_peer_models_refuse_an_unknown_key() -> None:
    """Both models refuse a key the format does not have, as the library does."""
    msgspec, ms_record = _msgspec()
    pydantic, pd_record = _pydantic()
    text = _with_unknown_key(EXAMPLES[0])
    with pytest.raises(msgspec.ValidationError, match="unheard_of"):
        msgspec.json.decode(text, type=ms_record, strict=True)
    with pytest.raises(pydantic.ValidationError, match="unheard_of"):
        pd_record.model_validate_json(text, strict=True)
