"""Corpus validation on Dask: the same outcomes and findings as the command line.

Runs on a ``LocalCluster`` of two worker processes (the optional extra
``dask``; the test skips without it, and CI runs it after installing it).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from proceedings.corpus import validate_corpus
from proceedings.render import FINDING_COLUMNS, csv_cell, finding_rows

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("dask.distributed")
pytest.importorskip("pandas")

from proceedings.dask import findings_bag, findings_frame, validate_bag  # noqa: E402

EXAMPLES = Path("examples/cases")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSON Lines corpus of every example, a bad line and blank lines among them."""
    lines = [
        json.dumps(json.loads(p.read_text(encoding="utf-8")))
        for p in sorted(EXAMPLES.glob("*.json"))
    ]
    lines.insert(3, "")
    lines.insert(7, '{"id": "broken", "events": [}')
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("\n".join(lines * 3) + "\n", encoding="utf-8")
    return path


def _cli_rows(*paths: Path) -> list[list[str]]:
    done = subprocess.run(
        [sys.executable, "-m", "proceedings", "validate", "-f", "csv", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (1, 2), done.stderr
    return list(csv.reader(io.StringIO(done.stdout)))[1:]


def _cells(row: dict[str, object]) -> list[str]:
    return [csv_cell(row[name]) for name in FINDING_COLUMNS]


def test_findings_equal_the_command_lines(client: object, corpus: Path) -> None:
    """Partitions of 4 kB cut the corpus at line breaks; every row comes back, in order.

    The ids repeat from one copy of the corpus to the next, which only the
    command line (reading the whole run) reports; the rows are compared
    without those problems.
    """
    bag = validate_bag([corpus], blocksize=4096)
    assert bag.npartitions > 3
    rows = [_cells(row) for row in findings_bag(bag).compute()]
    duplicate = "each record of a run needs its own id"
    expected = [row for row in _cli_rows(corpus) if duplicate not in row[-1]]
    assert expected == [row for row in rows if duplicate not in row[-1]]
    assert any(row[3] for row in rows)  # findings, not only problems


def test_outcomes_equal_the_corpus_functions(client: object, corpus: Path) -> None:
    outcomes = validate_bag([EXAMPLES, corpus], blocksize=8192).compute()
    expected = list(validate_corpus([EXAMPLES, corpus]))
    drop = "each record of a run needs its own id"

    def rows(found: list[object]) -> list[list[str]]:
        return [_cells(r) for o in found for r in finding_rows(o) if drop not in (r["error"] or "")]  # type: ignore[arg-type]

    assert rows(expected) == rows(outcomes)
    assert [o.line for o in expected] == [o.line for o in outcomes]


def test_a_frame_writes_parquet(client: object, corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    bag = validate_bag([corpus], blocksize=4096)
    frame = findings_frame(bag)
    assert list(frame.columns) == list(FINDING_COLUMNS)
    # Names that sort in partition order, so that a reader of the folder keeps it.
    frame.to_parquet(tmp_path / "findings", name_function=lambda i: f"part-{i:06d}.parquet")
    import pandas as pd

    back = pd.read_parquet(tmp_path / "findings")
    rows = findings_bag(bag).compute()
    assert len(back) == len(rows)
    assert list(back["rule_id"].fillna("")) == [r["rule_id"] or "" for r in rows]
    dates = [None if pd.isna(d) else d for d in back["date_earliest"]]
    assert dates == [r["date_earliest"] for r in rows]


def test_one_path_may_be_given_as_it_is(client: object) -> None:
    outcomes = validate_bag("examples/cases/kasimov.json").compute()
    assert [o.report.record_id for o in outcomes if o.report is not None] == ["kasimov"]


def test_standard_input_and_a_bad_blocksize_are_refused() -> None:
    with pytest.raises(ValueError, match="standard input"):
        validate_bag(["-"])
    with pytest.raises(ValueError, match="blocksize"):
        validate_bag([EXAMPLES], blocksize=0)
