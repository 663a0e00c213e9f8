"""The statechart diagrams checked into docs/diagrams/ are what the chart draws now."""

from __future__ import annotations

import importlib.util
from pathlib import Path

DIAGRAMS = Path(__file__).resolve().parent.parent / "docs" / "diagrams"


def _update_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("update_diagrams", DIAGRAMS / "update.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_diagrams_are_current() -> None:
    """Every diagram file equals what ``python docs/diagrams/update.py`` writes."""
    expected = _update_module().generate()
    actual = {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(DIAGRAMS.iterdir())
        if path.suffix in {".dot", ".mmd"}
    }
    assert expected == actual


def test_every_track_has_a_diagram() -> None:
    """One DOT file per track of the chart, each a digraph naming every state of the track."""
    from proceedings._chart import CHART

    for track in CHART.tracks:
        text = (DIAGRAMS / f"{track.name}.dot").read_text(encoding="utf-8")
        assert text.startswith("digraph statechart {")
        missing = [s for s in track.states if f'"{track.name}.{s}"' not in text]
        assert [] == missing
