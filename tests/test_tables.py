"""The tables for researchers: rows, CSV, the summary, Parquet, and what loads them.

The findings table must hold exactly the findings ``proceedings.validate``
gives (checked against the findings themselves, not against the row code),
survive any text a record holds, and never drop an unreadable record; the
summary must count what the reports count; DuckDB (in the test extra) must
read the CSV, the summary and the JSON Lines with the right types; pandas,
polars and pyarrow are tested where they are installed.
"""

from __future__ import annotations

import csv
import datetime
import doctest
import io
import json
import os
import pty
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import proceedings
import proceedings._report
from proceedings import Citation, Finding, Report
from proceedings._findings import Certainty, Severity, Unverified
from proceedings.corpus import validate_corpus
from proceedings.render import (
    BINARY_FORMATS,
    FINDING_COLUMNS,
    FORMATS,
    SEPARATOR,
    SUMMARY_COLUMNS,
    TABLES,
    CsvFormat,
    FormatUnavailable,
    corpus_rows,
    csv_cell,
    write_outcomes,
    write_reports,
)

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SRC = REPO / "src"
CASES = REPO / "examples" / "cases"
DECISIONS = REPO / "examples" / "decisions"
BROKEN = Path("tests/data/broken")
#: Every bundled record file.
RECORDS = sorted([*CASES.glob("*.json"), *DECISIONS.glob("*.json")])


def _run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "PROCEEDINGS_DEBUG"}
    environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (*(env or {}).get("PREPEND", "").split(os.pathsep), str(SRC)) if p
    )
    return subprocess.run(
        [sys.executable, "-m", "proceedings", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environ,
        cwd=REPO,
        check=False,
    )


def _csv(fmt: str, *paths: str | Path, jobs: int = 1) -> str:
    out = io.StringIO()
    outcomes = validate_corpus(
        [str(p) for p in paths], jobs=jobs, render=FORMATS[fmt]().render, event_lines=True
    )
    write_outcomes(outcomes, FORMATS[fmt](), out)
    return out.getvalue()


def _dict_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _split(cell: str) -> list[str]:
    return cell.split(SEPARATOR) if cell else []


def _reports() -> Iterator[Report]:
    for path in RECORDS:
        with path.open("rb") as fp:
            yield proceedings.validate(proceedings.load(fp), source=str(path))


@pytest.fixture(autouse=True)
def _in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    # Inputs are named relative to the root, as a user at the root names them.
    monkeypatch.chdir(REPO)


@pytest.fixture(scope="module")
def bundled_csv() -> str:
    return _csv("csv", CASES, DECISIONS)


# -- the findings table ---------------------------------------------------------------------


def test_csv_holds_exactly_the_findings_of_validate(bundled_csv: str) -> None:
    """Read back with the standard csv reader, the table of every bundled record has one
    row per finding of ``proceedings.validate``, in order, each cell saying what the
    finding says."""
    rows = _dict_rows(bundled_csv)
    expected = [
        {
            "record_id": r.record_id,
            "source": r.source,
            "rule_id": f.rule_id,
            "severity": f.severity.value,
            "certainty": f.certainty.value,
            "accounts": list(f.accounts),
            "event_ids": list(f.event_ids),
            "event_indices": [str(i) for i in f.event_indices],
            "date": f.date or "",
            "message": f.message,
            "citations": [str(c) for c in f.citations],
            "unverified": [u.key for u in f.unverified],
            "readings": list(f.readings),
            "retrospective": "true" if f.retrospective else "false",
            "error": "",
        }
        for r in _reports()
        for f in r.findings
    ]
    multi = {"accounts", "event_ids", "event_indices", "citations", "unverified", "readings"}
    actual = [{k: _split(row[k]) if k in multi else row[k] for k in expected[0]} for row in rows]

    assert list(FINDING_COLUMNS) == list(rows[0])
    assert len(expected) > 100
    assert expected == actual


def test_csv_lines_are_the_triggering_events_lines(bundled_csv: str) -> None:
    """``line`` is the line in the file where the finding's triggering event starts."""
    checked = 0
    for row in _dict_rows(bundled_csv):
        text = Path(row["source"]).read_text(encoding="utf-8").splitlines()
        index = int(_split(row["event_indices"])[0])
        data = json.loads("\n".join(text))
        event_id = data["events"][index]["id"]
        # The event's object opens on its line or just before the line naming its id.
        window = text[int(row["line"]) - 1 : int(row["line"]) + 3]
        assert any(f'"{event_id}"' in line for line in window), (row["source"], row["line"])
        checked += 1
    assert checked > 100


def test_csv_dates_are_the_bounds_of_the_triggering_date(bundled_csv: str) -> None:
    """``date_earliest`` and ``date_latest`` are the ISO bounds of ``date`` as written."""
    for row in _dict_rows(bundled_csv):
        if not row["date"]:
            assert ("", "") == (row["date_earliest"], row["date_latest"])
            continue
        day = proceedings.UncertainDate.parse(row["date"])
        earliest = "" if day.open_start else day.earliest.isoformat()
        latest = "" if day.open_end else day.latest.isoformat()
        assert (earliest, latest) == (row["date_earliest"], row["date_latest"])


def test_csv_is_the_same_through_the_command_and_worker_processes(bundled_csv: str) -> None:
    """``proceedings validate --format csv`` with two workers writes the same bytes."""
    result = _run("validate", "--format", "csv", "-j", "2", CASES, DECISIONS)

    assert 1 == result.returncode, result.stderr
    assert bundled_csv.replace("\r\n", "\n") == result.stdout.replace("\r\n", "\n")
    assert "\r\n" in bundled_csv  # RFC 4180 line ends


def test_csv_is_the_rows_of_corpus_rows(bundled_csv: str) -> None:
    """The CSV is the rows of ``corpus_rows``, each value as ``csv_cell`` writes it."""
    rows = [[csv_cell(v) for v in row.values()] for row in corpus_rows([CASES, DECISIONS])]

    assert [list(FINDING_COLUMNS), *rows] == list(csv.reader(io.StringIO(bundled_csv)))


HOSTILE = [
    'Detained, then "released", then detained again',
    "Two lines\nof text\r\nwith CRLF and a lone \r",
    "Кириллица, العربية, 漢字, emoji 🛂, and a comma,",
    '=HYPERLINK("http://example.invalid")',
    "+1 and -1 and @home and\ttab",
    "  leading and trailing spaces  ",
    "",
]


@pytest.mark.parametrize("message", HOSTILE)
def test_any_text_survives_the_csv_unchanged(message: str) -> None:
    """Commas, quotes, newlines, carriage returns, any script and would-be formulas are
    quoted as RFC 4180 says and read back exactly: no cell is altered."""
    finding = Finding(
        rule_id="X-1",
        severity=Severity.WARNING,
        certainty=Certainty.CERTAIN,
        message=message,
        event_ids=("a,b", 'c"d'),
        event_indices=(2, 0),
        accounts=("lawyer; mother",),
        citations=(Citation(instrument="Code, with comma", article="5"),),
        unverified=(Unverified.RULE,),
        date="2022-11~",
    )
    report = Report(record_id="=id,1", findings=(finding,), accounts=("lawyer; mother",))
    out = io.StringIO()
    write_reports([report], "csv", out)

    [row] = _dict_rows(out.getvalue())
    assert message == row["message"]
    assert "=id,1" == row["record_id"]
    assert 'a,b; c"d' == row["event_ids"]
    assert "2; 0" == row["event_indices"]
    assert "Code, with comma, art 5" == row["citations"]
    assert ("2022-11-01", "2022-11-30") == (row["date_earliest"], row["date_latest"])


def test_unreadable_inputs_are_rows_with_the_error_filled() -> None:
    """Each problem of an input that was not validated is a row naming its file and line,
    with only ``error`` filled besides; the good records' findings are still there."""
    text = _csv("csv", BROKEN)
    rows = _dict_rows(text)
    problems = [
        (p.source, str(p.line or ""), p.text)
        for o in validate_corpus([str(BROKEN)])
        for p in o.problems
    ]
    errors = [(r["source"], r["line"], r["error"]) for r in rows if r["error"]]

    assert len(problems) >= 10
    assert problems == errors
    for row in rows:
        if row["error"]:
            assert "" == row["rule_id"] + row["severity"] + row["message"]
        else:
            assert row["rule_id"]
    assert {"tests/data/broken/good-record.json", "tests/data/broken/corpus.jsonl"} <= {
        r["source"] for r in rows if not r["error"]
    }


def test_a_repeated_record_id_is_one_error_row(tmp_path: Path) -> None:
    """A record whose id an earlier one had (found after the worker rendered it) gets
    its findings and one error row, in one process or two."""
    for name in ("a.json", "b.json"):
        shutil.copy(CASES / "kasimov.json", tmp_path / name)
    for jobs in (1, 2):
        rows = _dict_rows(_csv("csv", tmp_path, jobs=jobs))
        errors = [r for r in rows if r["error"]]
        findings = [r for r in rows if not r["error"]]
        summary = _dict_rows(_csv("summary-csv", tmp_path, jobs=jobs))

        assert 1 == len(errors)
        assert ("kasimov", str(tmp_path / "b.json")) == (
            errors[0]["record_id"],
            errors[0]["source"],
        )
        assert "also the id of the record in" in errors[0]["error"]
        assert len(findings) % 2 == 0
        assert ["", errors[0]["error"]] == [r["error"] for r in summary]


# -- the summary table ----------------------------------------------------------------------


def test_summary_counts_are_the_reports_counts() -> None:
    """One row per record, its counts, rules, accounts and events those of its report."""
    rows = _dict_rows(_csv("summary-csv", CASES, DECISIONS))
    expected = []
    for path, report in zip(RECORDS, _reports(), strict=True):
        with path.open("rb") as fp:
            record = proceedings.load(fp)
        fs = report.findings
        expected.append(
            {
                "record_id": report.record_id,
                "source": str(path),
                "line": "",
                "events": str(len(record.events)),
                "violations": str(len(report.violations)),
                "warnings": str(len(report.by_severity(Severity.WARNING))),
                "notes": str(len(report.by_severity(Severity.NOTE))),
                "undetermined": str(sum(f.certainty is Certainty.UNDETERMINED for f in fs)),
                "conditional": str(sum(f.certainty is Certainty.CONDITIONAL for f in fs)),
                "rules": SEPARATOR.join(sorted(report.rule_ids)),
                "accounts": SEPARATOR.join(report.accounts),
                "error": "",
            }
        )
    # Directories are read in name order; the reports here in path order: compare as sets.
    key = lambda row: row["source"]  # noqa: E731
    assert sorted(expected, key=key) == sorted(rows, key=key)
    assert list(SUMMARY_COLUMNS) == list(rows[0])
    assert any(r["accounts"] for r in rows)
    assert any(r["violations"] == "0" for r in rows)


def test_summary_of_an_unreadable_input_has_no_counts() -> None:
    """An input not validated has a row with its error and empty counts, never zeros."""
    rows = _dict_rows(_csv("summary-csv", BROKEN))
    bad = [r for r in rows if r["error"]]
    good = [r for r in rows if not r["error"]]

    assert len(bad) >= 9
    for row in bad:
        assert "" == row["record_id"] + row["violations"] + row["notes"] + row["events"]
    jsonl = [r for r in rows if r["source"].endswith("corpus.jsonl")]
    assert ["1", "2", "3", "4"] == [r["line"] for r in jsonl]
    assert [bool(r["error"]) for r in jsonl] == [False, False, True, False]
    assert all(r["violations"].isdigit() for r in good)


# -- plain rows ---------------------------------------------------------------------------


@pytest.mark.parametrize("table", list(TABLES))
def test_rows_are_plain_values_of_their_columns_types(table: str) -> None:
    """Every row has every column, each value ``None`` or of its column's type."""
    rows = list(corpus_rows([CASES, DECISIONS, BROKEN], table=table))  # type: ignore[arg-type]
    columns = TABLES[table]

    assert len(rows) > 40
    for row in rows:
        assert list(columns) == list(row)
        for name, value in row.items():
            assert value is None or type(value) is columns[name], (name, value)


def test_report_to_rows_are_the_findings_rows_without_lines() -> None:
    """``Report.to_rows`` gives the corpus rows of its record, less the file's lines."""
    for report in _reports():
        from_corpus = [{**row, "line": None} for row in corpus_rows([report.source or ""])]
        assert from_corpus == report.to_rows()


def test_the_examples_in_the_docstrings_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """The example of ``Report.to_rows`` prints what it shows."""
    monkeypatch.chdir(REPO)
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    tests = finder.find(proceedings._report.Report.to_rows, "to_rows", globs={})
    for test in tests:
        runner.run(test)

    assert (0, True) == (runner.failures, runner.tries > 0)


def test_an_unknown_table_fails_at_the_call() -> None:
    """``table`` is checked when ``corpus_rows`` is called."""
    with pytest.raises(ValueError, match="no table 'finding'"):
        corpus_rows([CASES], table="finding")  # type: ignore[arg-type]


# -- DuckDB ----------------------------------------------------------------------------------

SQL = {str: "VARCHAR", int: "BIGINT", bool: "BOOLEAN", datetime.date: "DATE"}


@pytest.fixture(scope="module")
def duckdb() -> Any:
    return pytest.importorskip("duckdb")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_duckdb_reads_the_csv_and_the_summary_with_their_types(
    duckdb: Any, tmp_path: Path, bundled_csv: str
) -> None:
    """DuckDB's ``read_csv``, left to guess, finds every column's type and every row."""
    corpus = [CASES, DECISIONS, BROKEN]
    findings = _write(tmp_path, "findings.csv", _csv("csv", *corpus))
    summary = _write(tmp_path, "summary.csv", _csv("summary-csv", *corpus))
    con = duckdb.connect()
    for path, table in ((findings, "findings"), (summary, "summary")):
        described = con.sql(f"DESCRIBE SELECT * FROM read_csv('{path}')").fetchall()
        [(count,)] = con.sql(f"SELECT count(*) FROM read_csv('{path}')").fetchall()
        rows = list(corpus_rows(corpus, table=table))  # type: ignore[arg-type]

        assert [(n, SQL[t]) for n, t in TABLES[table].items()] == [d[:2] for d in described]
        assert len(rows) == count
    [(violations,)] = con.sql(f"SELECT sum(violations) FROM read_csv('{summary}')").fetchall()
    assert (
        sum(len(r.violations) for r in _reports())
        + sum(len(o.report.violations) for o in validate_corpus([str(BROKEN)]) if o.report)
        == violations
    )


def test_duckdb_reads_a_small_table_with_the_declared_types(duckdb: Any, tmp_path: Path) -> None:
    """Where guessing would go wrong (one record, every cell looking like a number), the
    types the how-to builds from ``TABLES`` read every column as declared."""
    data = json.loads((CASES / "kasimov.json").read_text(encoding="utf-8"))
    data["id"] = "007"
    (tmp_path / "r.json").write_text(json.dumps(data), encoding="utf-8")
    path = _write(tmp_path, "f.csv", _csv("csv", tmp_path))
    types = {name: SQL[kind] for name, kind in FINDING_COLUMNS.items()}
    relation = duckdb.read_csv(str(path), dtype=types)

    assert [SQL[t] for t in FINDING_COLUMNS.values()] == [str(t) for t in relation.types]
    assert {"007"} == {r[0] for r in relation.fetchall()}


def test_duckdb_reads_the_json_lines(duckdb: Any, tmp_path: Path) -> None:
    """``--format jsonl`` loads with ``read_json``: one row per finding, arrays as lists."""
    result = _run("validate", "--format", "jsonl", CASES)
    path = _write(tmp_path, "f.jsonl", result.stdout)
    con = duckdb.connect()
    rows = con.sql(
        f"SELECT record_id, rule_id, event_ids, line FROM read_json('{path}') "
        "WHERE kind = 'finding'"
    ).fetchall()
    expected = [
        (r.record_id, f.rule_id, list(f.event_ids))
        for r in _reports()
        if Path(r.source or "").parent == CASES
        for f in r.findings
    ]

    assert sorted(expected) == sorted(row[:3] for row in rows)
    assert all(isinstance(row[3], int) for row in rows)


# -- Parquet ----------------------------------------------------------------------------------


def test_parquet_round_trips_the_rows(tmp_path: Path) -> None:
    """``write_parquet`` stores the rows of both tables, read back with the same values."""
    pq = pytest.importorskip("pyarrow.parquet")
    from proceedings.render import write_parquet

    for table in TABLES:
        rows = list(corpus_rows([CASES, DECISIONS, BROKEN], table=table))  # type: ignore[arg-type]
        path = tmp_path / f"{table}.parquet"
        written = write_parquet(iter(rows), path, table=table)  # type: ignore[arg-type]
        back = pq.read_table(path)

        assert len(rows) == written
        assert list(TABLES[table]) == back.schema.names
        assert rows == back.to_pylist()


def test_parquet_from_the_command_is_the_same_table(tmp_path: Path) -> None:
    """``--format parquet > FILE`` and ``summary-parquet`` write the tables of the rows."""
    pq = pytest.importorskip("pyarrow.parquet")
    for fmt, table in (("parquet", "findings"), ("summary-parquet", "summary")):
        path = tmp_path / f"{fmt}.parquet"
        with path.open("wb") as fp:
            result = subprocess.run(
                [sys.executable, "-m", "proceedings", "validate", "--format", fmt, str(CASES)],
                stdout=fp,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONPATH": str(SRC)},
                cwd=REPO,
                check=False,
            )
        assert 1 == result.returncode, result.stderr
        assert list(corpus_rows([CASES], table=table)) == pq.read_table(path).to_pylist()  # type: ignore[arg-type]


def test_parquet_refuses_a_terminal() -> None:
    """Binary output to a terminal is a usage error (exit 2), not bytes on the screen."""
    pytest.importorskip("pyarrow")
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "proceedings", "validate", "--format", "parquet", str(CASES)],
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(SRC)},
            cwd=REPO,
            check=False,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert 2 == result.returncode
    assert "Parquet is binary and the output is a terminal" in result.stderr


def test_parquet_without_pyarrow_names_the_extra(tmp_path: Path) -> None:
    """Without pyarrow, ``--format parquet`` exits 2 naming the extra to install, and
    ``write_parquet`` raises ``FormatUnavailable`` with the same advice."""
    blocker = tmp_path / "pyarrow"
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('no pyarrow here')\n")
    result = _run("validate", "--format", "parquet", CASES, env={"PREPEND": str(tmp_path)})

    assert 2 == result.returncode
    assert "proceedings-law[parquet]" in result.stderr
    assert "Traceback" not in result.stderr

    saved = {k: v for k, v in sys.modules.items() if k.split(".")[0] == "pyarrow"}
    sys.modules["pyarrow"] = None  # type: ignore[assignment]
    try:
        from proceedings.render import parquet_available, write_parquet

        assert not parquet_available()
        with pytest.raises(FormatUnavailable, match=r"proceedings-law\[parquet\]"):
            write_parquet([], tmp_path / "x.parquet")
        with pytest.raises(FormatUnavailable):
            BINARY_FORMATS["parquet"]()
    finally:
        del sys.modules["pyarrow"]
        sys.modules.update(saved)


def test_parquet_refuses_a_text_only_stream() -> None:
    """A stream with no binary buffer beneath (``io.StringIO``) cannot take Parquet."""
    pytest.importorskip("pyarrow")
    with pytest.raises(FormatUnavailable, match="binary"):
        write_reports([], BINARY_FORMATS["parquet"](), io.StringIO())


# -- dataframes, where installed -------------------------------------------------------------


def test_pandas_loads_the_csv_and_the_rows(tmp_path: Path, bundled_csv: str) -> None:
    """pandas reads the CSV and takes the rows, with one row per finding either way."""
    pd = pytest.importorskip("pandas")
    path = _write(tmp_path, "f.csv", bundled_csv)
    from_csv = pd.read_csv(path, dtype={"record_id": str}, parse_dates=["date_earliest"])
    from_rows = pd.DataFrame(list(corpus_rows([CASES, DECISIONS])))

    assert len(from_csv) == len(from_rows) > 100
    assert list(FINDING_COLUMNS) == list(from_csv.columns) == list(from_rows.columns)
    assert (from_csv["severity"] == from_rows["severity"]).all()


def test_polars_loads_the_csv_and_the_rows(tmp_path: Path, bundled_csv: str) -> None:
    """polars reads the CSV (dates as dates) and takes the rows."""
    pl = pytest.importorskip("polars")
    path = _write(tmp_path, "f.csv", bundled_csv)
    from_csv = pl.read_csv(path, try_parse_dates=True)
    from_rows = pl.DataFrame(list(corpus_rows([CASES, DECISIONS])), infer_schema_length=None)

    assert from_csv.height == from_rows.height > 100
    assert pl.Date == from_csv.schema["date_earliest"] == from_rows.schema["date_latest"]
    assert from_csv["rule_id"].to_list() == from_rows["rule_id"].to_list()


def test_the_table_formats_are_registered() -> None:
    """CSV is a text format; Parquet is a binary one, beside them on the command line."""
    assert (CsvFormat, "summary-csv") == (FORMATS["csv"], FORMATS["summary-csv"]().name)
    assert ["parquet", "summary-parquet"] == list(BINARY_FORMATS)
    assert not set(FORMATS) & set(BINARY_FORMATS)
    result = _run("validate", "--help")
    assert all(name in result.stdout for name in [*FORMATS, *BINARY_FORMATS])


def test_an_internal_error_is_a_row_in_both_tables() -> None:
    """A bug while validating a record is an error row (findings) and an error cell
    (summary) naming the record, never a silent gap."""
    from proceedings.corpus import Outcome
    from proceedings.render import finding_rows, outcome_rows, summary_row

    outcome = Outcome(source="c.jsonl", line=7, internal="KeyError: 'x'\nTraceback ...")
    [row] = finding_rows(outcome)
    summary = summary_row(outcome)
    message = "internal error while validating c.jsonl:7: KeyError: 'x'"

    assert ("c.jsonl", 7, message) == (row["source"], row["line"], row["error"])
    assert (message, None) == (summary["error"], summary["violations"])
    with pytest.raises(ValueError, match="no table"):
        outcome_rows(outcome, "rows")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("date", "bounds"),
    [
        (None, (None, None)),
        ("not a date", (None, None)),
        ("../2010-09", (None, datetime.date(2010, 9, 30))),
        ("2022-12-01/2022-12-12", (datetime.date(2022, 12, 1), datetime.date(2022, 12, 12))),
    ],
)
def test_date_bounds_are_empty_where_unknown(
    date: str | None, bounds: tuple[datetime.date | None, datetime.date | None]
) -> None:
    """A finding without a date, with one that does not parse (made by hand), or with an
    open end has empty bounds there, never a stand-in day like 0001-01-01."""
    finding = Finding(
        rule_id="X", severity=Severity.NOTE, certainty=Certainty.CERTAIN, message="m", date=date
    )
    [row] = Report(record_id="r", findings=(finding,)).to_rows()
    assert bounds == (row["date_earliest"], row["date_latest"])
