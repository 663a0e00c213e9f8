"""The seed cases and the decided cases: every record loads, round-trips, and is tested.

The expectations live in test-case files beside the records
(``examples/cases/*.test.toml``, ``examples/decisions/*.test.toml``). The seed
cases' are written from the law, case by case, following the "Rules arguably
broken or engaged" of shared/research/seed-cases.md and what the model can
express (each file says why); the decided cases' are the bodies' own holdings,
read from the records, with the holdings the engine does not reproduce listed
as known misses with their reasons.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import proceedings
from proceedings.casefiles import check, find_casefiles, load_casefile

CASES = Path(__file__).resolve().parent.parent / "examples" / "cases"
DECISIONS = CASES.parent / "decisions"
PATHS = sorted(CASES.glob("*.json"))


def _load(path: Path) -> proceedings.CaseRecord:
    with path.open("rb") as fp:
        return proceedings.load(fp)


#: The test-case files of the seed cases and of the decided cases.
CASEFILES = sorted(find_casefiles([CASES, DECISIONS]))


def test_every_record_has_a_test_case_file() -> None:
    """Every seed and decision record is tested by a test-case file of its own name."""
    records = sorted(p.stem for p in [*PATHS, *DECISIONS.glob("*.json")])
    tested = sorted({load_casefile(p).record.id for p in CASEFILES})
    assert records == tested


@pytest.mark.parametrize("path", CASEFILES, ids=lambda p: p.name.removesuffix(".test.toml"))
def test_case_file(path: Path) -> None:
    """The findings are those the file expects: the law's, or the body's own holdings."""
    check(path)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_record_is_canonical(path: Path) -> None:
    """Each example loads and its file is byte for byte its canonical JSON."""
    record = _load(path)
    assert path.read_text(encoding="utf-8") == proceedings.dumps(record)


def test_every_quote_is_in_its_seed_file() -> None:
    """Every quote attributed to a seed file appears verbatim in that file."""
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/seeds is not beside this checkout")
    missing = []
    for path in PATHS:
        record = _load(path)
        files = {s.id: s.file for s in record.sources if s.file}
        for event in record.events:
            for cit in event.sources:
                if cit.quote and cit.source in files:
                    text = (seeds / files[cit.source]).read_text(encoding="utf-8")
                    if cit.quote not in text:
                        missing.append((record.id, event.id, cit.quote))
    assert [] == missing
