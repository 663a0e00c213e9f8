"""End-to-end tests of the ``proceedings`` command, run as ``python -m proceedings``.

Each test runs the real entry point in a subprocess and checks what a user
or a pipeline sees: standard output, standard error and the exit status
(0 no violation, 1 violations, 2 bad usage or bad input or internal error).
"""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

import proceedings
from builders import run_measured
from proceedings import _validate_cmd, cli, corpus

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SRC = REPO / "src"
EXAMPLES = REPO / "examples" / "cases"
#: Relative to the repository root, where the commands run, so that messages name it so.
BROKEN = Path("tests/data/broken")
SARIF_SUBSET = json.loads((HERE / "data" / "sarif-2.1.0-subset.json").read_text("utf-8"))
ANSI = re.compile(r"\x1b\[[0-9;]*m")
TRACEBACK = "Traceback (most recent call last)"


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "PROCEEDINGS_DEBUG"}}
    # The subprocess imports this checkout's package whether or not it is installed.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    env.update(extra or {})
    return env


def run(
    *args: str | Path, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m proceedings ARGS`` from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "proceedings", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(env),
        cwd=REPO,
        timeout=120,
        check=False,
    )


def _minimal(record_id: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": record_id,
        "person": {"id": f"{record_id}-p", "name": "Test Person", "nationalities": ["RU"]},
        "events": events,
    }


QUIET_EVENTS = [
    {
        "type": "border_crossing",
        "id": "entry",
        "date": "2022-09-26",
        "jurisdiction": "KZ",
        "mode": "regular",
        "from_country": "RU",
        "to_country": "KZ",
    }
]
DEADLINE_EVENTS = [
    {
        "type": "detention",
        "id": "arrest",
        "date": "2023-01-02",
        "jurisdiction": "KZ",
        "ground": "extradition_arrest",
    },
    {
        "type": "extradition_requested",
        "id": "request",
        "date": "2023-01-05",
        "jurisdiction": "KZ",
        "requesting_state": "RU",
    },
    {
        "type": "extradition_decided",
        "id": "approval",
        "date": "2023-01-10",
        "jurisdiction": "KZ",
        "outcome": "approved",
        "request": "request",
    },
]


def _write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _examples() -> list[Path]:
    return sorted(EXAMPLES.glob("*.json"))


# -- validate: text ------------------------------------------------------------------------


def test_validate_examples_as_text() -> None:
    """The examples have violations: exit 1, every record has a heading, summary on stdout."""
    done = run("validate", "examples/cases")
    assert (1, "") == (done.returncode, done.stderr)
    for path in _examples():
        record_id = json.loads(path.read_text("utf-8"))["id"]
        assert f"{record_id}  examples/cases/{path.name}\n" in done.stdout
    assert "VIOLATION  KZ-REF-AS-STATUS" in done.stdout
    summary = re.search(r"^(\d+) records, (\d+) events: (\d+) violations", done.stdout, re.M)
    assert summary is not None
    assert len(_examples()) == int(summary.group(1))
    assert not ANSI.search(done.stdout)
    assert TRACEBACK not in done.stdout + done.stderr


def test_validate_a_record_without_violations_exits_0(tmp_path: Path) -> None:
    """No violation (warnings and notes allowed) gives exit 0."""
    path = _write(tmp_path / "quiet.json", _minimal("quiet", QUIET_EVENTS))
    done = run("validate", path)
    assert 0 == done.returncode
    assert "quiet  " in done.stdout
    assert "1 event · no findings" in done.stdout


def test_text_gives_the_event_line_in_the_file(tmp_path: Path) -> None:
    """Text output points at the line where the triggering event starts in the file."""
    events = [
        {"type": "asylum_claim", "id": "claim", "date": "2022-09-27", "jurisdiction": "KZ"},
        {
            "type": "removal",
            "id": "removed",
            "date": "2022-10-15",
            "jurisdiction": "KZ",
            "channel": "informal_handover",
            "destination": "RU",
        },
    ]
    path = _write(tmp_path / "lines.json", _minimal("lines", events))
    lines = path.read_text("utf-8").splitlines()
    # The event's object opens on the line before its "id" (the writer puts "type" first).
    id_line = 1 + next(i for i, line in enumerate(lines) if '"id": "removed"' in line)
    expected = id_line - 2
    done = run("validate", path)
    assert f"removal 'removed' ($.events[1], line {expected})" in done.stdout


def test_summary_goes_to_stderr_for_machine_formats() -> None:
    """Machine formats keep stdout parseable: the summary line is on stderr."""
    done = run("validate", "-f", "jsonl", "examples/cases/kasimov.json")
    events = len(json.loads((EXAMPLES / "kasimov.json").read_text("utf-8"))["events"])
    assert re.fullmatch(rf"1 record, {events} events: .*; \d+\.\d\d s\n", done.stderr)
    assert all(json.loads(line) for line in done.stdout.splitlines())


# -- validate: JSON, JSON Lines, SARIF ---------------------------------------------------


def test_json_output_is_one_document_in_input_order() -> None:
    """--format json: one document; reports in input order with counts and a summary."""
    done = run("validate", "-f", "json", "examples/cases")
    assert 1 == done.returncode
    data = json.loads(done.stdout)
    ids = [json.loads(p.read_text("utf-8"))["id"] for p in _examples()]
    assert ids == [r["record_id"] for r in data["reports"]]
    assert ("proceedings-report", 1, []) == (data["format"], data["version"], data["errors"])
    for report in data["reports"]:
        counted = Counter(f["severity"] for f in report["findings"])
        assert report["counts"] == {s: counted[s] for s in ("violation", "warning", "note")}
    total = sum(len(r["findings"]) for r in data["reports"])
    assert total == sum(data["summary"]["findings"].values())
    assert len(ids) == data["summary"]["records"]


def test_jsonl_output_has_one_finding_per_line() -> None:
    """--format jsonl: every line is a finding of a record, as many as in the JSON output."""
    as_json = json.loads(run("validate", "-f", "json", "examples/cases").stdout)
    done = run("validate", "-f", "jsonl", "examples/cases")
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    expected = [(r["record_id"], f["rule_id"]) for r in as_json["reports"] for f in r["findings"]]
    assert expected == [(line["record_id"], line["rule_id"]) for line in lines]
    assert {"finding"} == {line["kind"] for line in lines}


def test_sarif_output_is_valid_and_complete() -> None:
    """--format sarif validates against SARIF 2.1.0 (subset) and has a result per finding."""
    done = run("validate", "-f", "sarif", "examples/cases")
    assert 1 == done.returncode
    log = json.loads(done.stdout)
    jsonschema.validate(log, SARIF_SUBSET, format_checker=jsonschema.FormatChecker())
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert {"REC-DATE-ORDER", "REC-SEQUENCE", "KZ-CPC-592"} <= set(ids)
    as_json = json.loads(run("validate", "-f", "json", "examples/cases").stdout)
    assert sum(as_json["summary"]["findings"].values()) == len(run_["results"])
    for result in run_["results"]:
        assert result["ruleId"] == ids[result["ruleIndex"]]
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert run_["invocations"][0]["executionSuccessful"] is True


@pytest.mark.parametrize("fmt", ["json", "sarif"])
@pytest.mark.parametrize("inputs", [["examples/cases"], ["tests/data/broken/empty.json"]])
def test_streamed_documents_are_laid_out_like_a_single_dump(fmt: str, inputs: list[str]) -> None:
    """The JSON and SARIF documents, written as records arrive, equal a two-space dump of them."""
    done = run("validate", "-f", fmt, *inputs)
    data = json.loads(done.stdout)
    assert json.dumps(data, ensure_ascii=False, indent=2) + "\n" == done.stdout


def test_sarif_rule_ids_are_stable_across_runs() -> None:
    """The rules array is the same from one run to the next (code-scanning tools rely on it)."""
    first = json.loads(run("validate", "-f", "sarif", "examples/cases/sparrow.json").stdout)
    second = json.loads(run("validate", "-f", "sarif", "examples/cases/kasimov.json").stdout)
    assert first["runs"][0]["tool"] == second["runs"][0]["tool"]


def test_sarif_reports_bad_inputs_as_notifications() -> None:
    """Broken inputs become toolExecutionNotifications, and the run is not successful."""
    done = run("validate", "-f", "sarif", BROKEN)
    log = json.loads(done.stdout)
    jsonschema.validate(log, SARIF_SUBSET)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    uris = {
        n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for n in invocation["toolExecutionNotifications"]
    }
    assert any(uri.endswith("bad-date.json") for uri in uris)


# -- inputs: stdin, corpora, broken files -----------------------------------------------


def test_stdin_json_document() -> None:
    """``-`` reads a pretty-printed record from standard input."""
    text = (EXAMPLES / "kasimov.json").read_text("utf-8")
    done = run("validate", "-f", "json", "-", stdin=text)
    assert ["kasimov"] == [r["record_id"] for r in json.loads(done.stdout)["reports"]]
    assert "<stdin>" == json.loads(done.stdout)["reports"][0]["source"]


def test_stdin_json_lines() -> None:
    """``-`` reads a JSON Lines stream; each record keeps its line number."""
    lines = [json.dumps(_minimal(f"r{i}", QUIET_EVENTS)) for i in range(3)]
    done = run("validate", "-f", "json", "-", stdin="\n".join(lines) + "\n")
    reports = json.loads(done.stdout)["reports"]
    assert [("r0", 1), ("r1", 2), ("r2", 3)] == [(r["record_id"], r["line"]) for r in reports]
    assert 0 == done.returncode


BROKEN_EXPECTED = {
    "bad-date.json": (14, "$.events[0].date", "invalid date '2022-13-45'"),
    "corpus.jsonl": (3, "$", "invalid JSON"),
    "empty.json": (1, "$", "the file is empty"),
    "latin-1.json": (5, "$", "not UTF-8 text"),
    "missing-field.json": (11, "$.events[0].date", "required field is missing"),
    "not-json.json": (1, "$", "invalid JSON"),
    "truncated.json": (18, "$", "invalid JSON"),
    "unknown-event-type.json": (20, "$.events[1]", "unknown event type 'teleportation'"),
    "wrong-top-level.json": (1, "$", "expected a case record object, got an array"),
    "wrong-types.json": (6, "$.person.nationalities", "expected an array, got a string"),
}


def test_broken_corpus_reports_every_problem_and_validates_the_rest() -> None:
    """Each broken input gets a clear error with file, line and JSON path; good records still run.

    The exit status is 2 although the good records have violations too.
    """
    done = run("validate", "-f", "json", BROKEN, BROKEN / "no-records")
    assert 2 == done.returncode
    assert TRACEBACK not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    for name, (line, path, message) in BROKEN_EXPECTED.items():
        prefix = f"error: {BROKEN / name}:{line}: {path}: {message}"
        assert [e for e in errors if e.startswith(prefix)], f"{prefix!r} not in {errors}"
    assert f"error: {BROKEN / 'no-records'}: no .json or .jsonl files" in done.stderr
    data = json.loads(done.stdout)
    validated = [(r["record_id"], r["line"]) for r in data["reports"]]
    expected = [("line-good-0", 1), ("line-good-1", 2), ("line-good-2", 4), ("good-record", None)]
    assert expected == validated
    assert len(errors) == len(data["errors"]) == 13
    assert (4, 11) == (data["summary"]["records"], data["summary"]["inputs_not_validated"])


def test_wrong_types_lists_every_problem_of_the_record() -> None:
    """A record with several problems reports all of them at once, each with its path."""
    done = run("validate", BROKEN / "wrong-types.json")
    paths = re.findall(r"wrong-types\.json:\d+: (\S+):", done.stderr)
    assert ["$.person.nationalities", "$.events[0].mode", "$.format_version"] == paths


def test_missing_path_does_not_stop_the_run() -> None:
    """A path that does not exist is reported and the other paths are still validated."""
    done = run("validate", "-f", "json", "nope.json", "examples/cases/kasimov.json")
    assert 2 == done.returncode
    assert "error: nope.json: no such file or directory" in done.stderr
    assert ["kasimov"] == [r["record_id"] for r in json.loads(done.stdout)["reports"]]


def test_jobs_give_the_same_output_in_the_same_order(tmp_path: Path) -> None:
    """--jobs 2 writes exactly what --jobs 1 writes, in input order."""
    corpus = tmp_path / "corpus.jsonl"
    records = [json.loads(p.read_text("utf-8")) for p in _examples()]
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(300):
            record = records[i % len(records)] | {"id": f"r{i:04d}"}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        fh.write("{not json}\n")
    one = run("validate", "-f", "jsonl", corpus)
    two = run("validate", "-f", "jsonl", "--jobs", "2", corpus)
    assert (2, 2) == (one.returncode, two.returncode)
    assert one.stdout == two.stdout
    ids = [json.loads(line)["record_id"] for line in one.stdout.splitlines()]
    assert ids == sorted(ids)
    assert f"{corpus}:301: $: invalid JSON" in two.stderr


def test_ten_thousand_records_stream_in_flat_memory(tmp_path: Path) -> None:
    """A 10,000-record corpus is validated in order, with a bounded peak memory.

    The corpus (about 70 MB) repeats the example records under new ids and is
    validated by two worker processes. The output is compared with the
    findings of each example validated alone, in corpus order, and the peak
    resident memory of the main process (which reads the corpus and writes
    the output; each worker holds one small batch at a time) stays far below
    the size of the corpus.
    """
    examples = [json.loads(p.read_text("utf-8")) for p in _examples()]
    alone = run("validate", "-f", "jsonl", "examples/cases").stdout.splitlines()
    per_example = Counter(json.loads(line)["record_id"] for line in alone)
    corpus = tmp_path / "corpus.jsonl"
    expected: list[str] = []
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(10_000):
            base = examples[i % len(examples)]
            record_id = f"{base['id']}-{i}"
            fh.write(json.dumps(base | {"id": record_id}, ensure_ascii=False) + "\n")
            expected += [record_id] * per_example[base["id"]]
    size = corpus.stat().st_size
    started = time.perf_counter()
    command = ["validate", "-f", "jsonl", "-j", "2", corpus]
    done = run_measured(command, tmp_path, env=_env(), timeout=300)
    seconds = time.perf_counter() - started
    peak = done.peak
    stderr = done.err.decode("utf-8")
    assert 1 == done.status, stderr
    assert stderr.startswith("10000 records, ")
    with (tmp_path / "out").open(encoding="utf-8") as fh:
        assert expected == [json.loads(line)["record_id"] for line in fh]
    # Flat: far below what holding the corpus would take (its records as objects are
    # several times its 90 MB); the command's own peak, its workers' included.
    assert peak < 150 * 2**20, f"peak {peak} bytes for a {size}-byte corpus"
    print(f"10k corpus: {10_000 / seconds:.0f} records/s, peak {peak / 2**20:.0f} MiB")


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_ctrl_c_stops_cleanly(tmp_path: Path, fmt: str) -> None:
    """Ctrl-C (SIGINT to the whole process group) stops a parallel run: exit 2, no
    traceback, and a JSON document is closed, marked incomplete."""
    records = [json.loads(p.read_text("utf-8")) for p in _examples()]
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(5000):
            fh.write(json.dumps(records[i % len(records)] | {"id": f"r{i}"}) + "\n")
    out = tmp_path / "out.jsonl"
    with out.open("w", encoding="utf-8") as stdout:
        proc = subprocess.Popen(
            [sys.executable, "-m", "proceedings", "validate", "-f", fmt, "-j", "2", corpus],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
            cwd=REPO,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while out.stat().st_size == 0 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    assert 2 == proc.returncode
    assert "error: interrupted; the output is incomplete" in stderr
    assert TRACEBACK not in stderr
    if fmt == "json":
        document = json.loads(out.read_text("utf-8"))
        assert False is document["summary"]["complete"]
        assert len(document["reports"]) < 5000


# -- options -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rulebook", "narnia"], "unknown rulebook 'narnia'; choose among: international"),
        (["--reading", "nonsense"], "is not NAME=OPTION"),
        (["--reading", "nope=yes"], "unknown reading 'nope'"),
        (["--reading", "asylum_appeal_suspensive=maybe"], "has no option 'maybe'"),
        (["--as-of", "yesterday"], "invalid date 'yesterday'"),
        (["--format", "pdf"], "'pdf' is not one of"),
        (["--jobs", "-1"], "-1 is not in the range"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    """A bad option is a usage error: exit 2, a message naming it, no traceback, no output."""
    done = run("validate", *args, "examples/cases/kasimov.json")
    assert (2, "") == (done.returncode, done.stdout)
    assert message in " ".join(done.stderr.split())
    assert TRACEBACK not in done.stderr


def test_no_path_is_a_usage_error() -> None:
    """validate needs at least one PATH."""
    done = run("validate")
    assert 2 == done.returncode
    assert "Missing argument 'PATH...'" in done.stderr


def test_rulebook_choice_limits_the_rules() -> None:
    """--rulebook kazakhstan applies only Kazakh rules (and the record checks)."""
    done = run("validate", "-f", "jsonl", "--rulebook", "kazakhstan", "examples/cases")
    rules = {json.loads(line)["rule_id"] for line in done.stdout.splitlines()}
    assert rules
    assert all(r.startswith(("KZ-", "REC-")) for r in rules), rules
    assert "KZ-REF-AS-STATUS" in rules


def test_reading_changes_the_findings() -> None:
    """Under asylum_appeal_suspensive=no a pending appeal does not protect against removal."""
    default = run("validate", "-f", "jsonl", "examples/cases/zhilin.json")
    literal = run(
        "validate",
        "-f",
        "jsonl",
        "--reading",
        "asylum_appeal_suspensive=no",
        "examples/cases/zhilin.json",
    )
    before = {json.loads(line)["rule_id"] for line in default.stdout.splitlines()}
    after = {json.loads(line)["rule_id"] for line in literal.stdout.splitlines()}
    assert {"KZ-REF-AS-STATUS", "R-REF-33"} <= before
    assert not {"KZ-REF-AS-STATUS", "R-REF-33"} & after


def test_verified_only_drops_unverified_rules() -> None:
    """--verified-only: no finding that rests on unverified text (a rule's or a treaty date's)."""
    full = run("validate", "-f", "jsonl", "examples/cases").stdout.splitlines()
    strict = run("validate", "-f", "jsonl", "--verified-only", "examples/cases").stdout
    assert any(not json.loads(line)["verified"] for line in full)
    assert all(json.loads(line)["verified"] for line in strict.splitlines())


def test_account_selects_one_version_of_events() -> None:
    """--account evaluates only that account; every finding holds under it alone."""
    done = run(
        "validate", "-f", "json", "--account", "crossed-26-sep", "examples/cases/zhilin.json"
    )
    report = json.loads(done.stdout)["reports"][0]
    assert ["crossed-26-sep"] == report["accounts"]
    assert {("crossed-26-sep",)} == {tuple(f["accounts"]) for f in report["findings"]}


def test_unknown_account_is_an_input_error() -> None:
    """An account the record does not have is reported for that record (exit 2)."""
    done = run("validate", "--account", "nope", "examples/cases/zhilin.json")
    assert 2 == done.returncode
    assert "zhilin.json: $.accounts: record 'zhilin' has no account 'nope'" in done.stderr


def test_as_of_lists_time_limits(tmp_path: Path) -> None:
    """--as-of lists running and expired limits for a record without accounts."""
    path = _write(tmp_path / "deadline.json", _minimal("deadline", DEADLINE_EVENTS))
    running = run("validate", "--as-of", "2023-01-15", path)
    assert "Time limits as of 2023-01-15" in running.stdout
    assert "RUNNING  KZ-CPC-592" in running.stdout
    expired = run("validate", "-f", "json", "--as-of", "2023-03-01", path)
    deadlines = json.loads(expired.stdout)["reports"][0]["deadlines"]
    assert {"as_of": "2023-03-01", "computed": True, "reason": None} == {
        k: deadlines[k] for k in ("as_of", "computed", "reason")
    }
    assert [("KZ-CPC-592", "approval", ["2023-01-20", "2023-01-20"], "expired")] == [
        (d["rule_id"], d["started_by"], d["due"], d["status"]) for d in deadlines["items"]
    ]


def test_as_of_computes_time_limits_per_account() -> None:
    """A record with accounts gets its time limits replayed under each account."""
    done = run("validate", "-f", "json", "--as-of", "2022-12-20", "examples/cases/zhilin.json")
    deadlines = json.loads(done.stdout)["reports"][0]["deadlines"]
    # As of 20 Dec 2022 the extradition request (27 Sep - 14 Dec) counts: the
    # 40-day clocks of the extradition custody have stopped under both accounts.
    assert (True, []) == (deadlines["computed"], deadlines["items"])


def test_as_of_deadlines_in_jsonl(tmp_path: Path) -> None:
    """In JSON Lines, time limits are lines of kind 'deadline'."""
    path = _write(tmp_path / "deadline.json", _minimal("deadline", DEADLINE_EVENTS))
    done = run("validate", "-f", "jsonl", "--as-of", "2023-01", path)
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [("deadline", "KZ-CPC-592", "undetermined")] == [
        (line["kind"], line["rule_id"], line["status"]) for line in lines
    ]


# -- colour and progress on a terminal ---------------------------------------------------


def _on_a_terminal(args: list[str], *, stream: str, env: dict[str, str] | None = None) -> str:
    """Run with ``stream`` ('stdout' or 'stderr') on a pseudo-terminal; return what it showed."""
    leader, follower = pty.openpty()
    with open(os.devnull, "w") as devnull:
        proc = subprocess.Popen(
            [sys.executable, "-m", "proceedings", *args],
            stdout=follower if stream == "stdout" else devnull,
            stderr=follower if stream == "stderr" else devnull,
            env=_env(env),
            cwd=REPO,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed (Linux raises EIO)
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_on_a_terminal_only() -> None:
    """Text is coloured on a terminal, plain when piped, and plain on a terminal with NO_COLOR."""
    shown = _on_a_terminal(["validate", "examples/cases/kasimov.json"], stream="stdout")
    assert ANSI.search(shown)
    plain = _on_a_terminal(
        ["validate", "examples/cases/kasimov.json"], stream="stdout", env={"NO_COLOR": "1"}
    )
    assert "VIOLATION  CAT-GC4" in plain
    assert not ANSI.search(plain)
    assert not ANSI.search(run("validate", "examples/cases/kasimov.json").stdout)
    assert ANSI.search(run("validate", "--color", "examples/cases/kasimov.json").stdout)


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    """A large corpus shows a progress bar on a terminal's stderr, and nothing when piped."""
    record = json.loads((EXAMPLES / "zhilin.json").read_text("utf-8"))
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(60):  # about 1.5 MB: above the size that gets a bar
            fh.write(json.dumps(record | {"id": f"z{i}"}, ensure_ascii=False) + "\n")
    shown = _on_a_terminal(["validate", "-f", "jsonl", str(corpus)], stream="stderr")
    assert "Validating" in shown
    assert "100%" in shown
    piped = run("validate", "-f", "jsonl", corpus)
    assert "Validating" not in piped.stderr


# -- other commands ------------------------------------------------------------------------


def test_schema_prints_the_json_schema() -> None:
    """``schema`` prints a JSON Schema that accepts an example record."""
    done = run("schema")
    assert 0 == done.returncode
    schema = json.loads(done.stdout)
    assert "$schema" in schema
    jsonschema.validate(json.loads((EXAMPLES / "kasimov.json").read_text("utf-8")), schema)


def test_diagram_mermaid_and_dot() -> None:
    """``diagram`` draws the statechart as Mermaid (default) or DOT, whole or one track."""
    mermaid = run("diagram")
    assert (0, "stateDiagram-v2") == (mermaid.returncode, mermaid.stdout.splitlines()[0])
    dot = run("diagram", "--format", "dot", "--track", "asylum")
    assert dot.stdout.startswith("digraph statechart {")
    assert ["asylum"] == re.findall(r'subgraph "cluster_(\w+)"', dot.stdout)


def test_diagram_unknown_track_is_a_usage_error() -> None:
    """An unknown track: exit 2 and the list of tracks."""
    done = run("diagram", "--track", "teleport")
    assert 2 == done.returncode
    assert "unknown track 'teleport'; tracks: presence, custody" in done.stderr


def test_diagram_of_a_case() -> None:
    """``diagram --case`` draws one record's timeline, as a gantt chart or DOT."""
    gantt = run("diagram", "--case", "examples/cases/zhilin.json")
    assert gantt.stdout.startswith("gantt\n")
    assert "removal removal-to-russia (KZ)" in gantt.stdout
    dot = run("diagram", "--case", "examples/cases/zhilin.json", "--format", "dot")
    assert dot.stdout.startswith("digraph timeline {")
    other = run("diagram", "--case", "examples/cases/zhilin.json", "--account", "crossed-27-sep")
    assert "crossing-27-sep" in other.stdout
    assert "crossing-27-sep" not in gantt.stdout


def test_diagram_of_a_broken_case_exits_2() -> None:
    """A case that is not a valid record is reported, with its path, and exit 2."""
    done = run("diagram", "--case", BROKEN / "bad-date.json")
    assert (2, "") == (done.returncode, done.stdout)
    assert "bad-date.json:14: $.events[0].date: invalid date" in done.stderr


def test_rules_catalogue_and_filter() -> None:
    """``rules`` lists every rule; --jurisdiction keeps those that can apply there."""
    everything = run("rules")
    assert "KZ-CPC-592" in everything.stdout
    assert "REC-DATE-ORDER" in everything.stdout
    france = run("rules", "--jurisdiction", "fr")
    assert "FR-CESEDA-L541" in france.stdout
    assert "KZ-CPC-592" not in france.stdout
    assert "R-REF-33" in france.stdout


def test_rules_as_json() -> None:
    """``rules --format json`` is a list of rules, record checks included, with unique ids."""
    data = json.loads(run("rules", "--format", "json").stdout)
    ids = [r["id"] for r in data]
    assert len(ids) == len(set(ids))
    assert {"law", "record"} == {r["kind"] for r in data}
    kz = json.loads(run("rules", "--format", "json", "--jurisdiction", "KZ").stdout)
    assert all(r["jurisdictions"] is None or "KZ" in r["jurisdictions"] for r in kz)
    assert len([r for r in kz if r["kind"] == "law"]) < len([r for r in data if r["kind"] == "law"])


def test_explain_a_rule() -> None:
    """``explain`` shows the citations, verification, time limit and example of a rule."""
    done = run("explain", "KZ-CPC-592")
    assert 0 == done.returncode
    text = " ".join(done.stdout.split())
    assert text.startswith("KZ-CPC-592 No surrender before the 10-day appeal")
    assert "Criminal Procedure Code of the Republic of Kazakhstan" in text
    assert "art 592" in text
    assert "Source text: verified." in text
    assert "Time limit: 10 days (appeal to the Supreme Court" in text
    assert "Example: Extradited three days after" in text


def test_explain_shows_readings_with_options_and_default() -> None:
    """A rule that depends on a reading shows the question, the options and the default."""
    text = " ".join(run("explain", "R-REF-33").stdout.split())
    assert "Reading: asylum_appeal_suspensive." in text
    assert "- yes (the default):" in text
    assert "- no:" in text
    assert "--reading asylum_appeal_suspensive=OPTION" in text


@pytest.mark.parametrize("check", ["REC-DATE-ORDER", "rec-sequence"])
def test_explain_a_record_check(check: str) -> None:
    """The record-level checks are explainable too (ids are case-insensitive)."""
    done = run("explain", check)
    assert 0 == done.returncode
    assert done.stdout.startswith(check.upper())
    assert "record check: about the record, not about the law" in done.stdout


def test_explain_unknown_rule_suggests() -> None:
    """An unknown id: exit 2 with the closest ids."""
    done = run("explain", "KZ-CPC-59")
    assert 2 == done.returncode
    assert "did you mean KZ-CPC-592" in done.stderr


def test_explain_as_json() -> None:
    """``explain --format json`` gives the rule as data."""
    data = json.loads(run("explain", "KZ-CPC-592", "--format", "json").stdout)
    assert ("KZ-CPC-592", 10, "days") == (
        data["id"],
        data["deadline"]["limit"],
        data["deadline"]["unit"],
    )


def test_version_and_help() -> None:
    """--version and --help work and exit 0."""
    assert run("--version").stdout.startswith("proceedings, version ")
    done = run("--help")
    assert 0 == done.returncode
    for command in ("validate", "schema", "diagram", "rules", "explain"):
        assert command in done.stdout


@pytest.mark.skipif(shutil.which("proceedings") is None, reason="the package is not installed")
def test_console_script() -> None:
    """The installed ``proceedings`` script is the same command."""
    done = subprocess.run(
        ["proceedings", "explain", "KZ-CPC-592"], capture_output=True, text=True, check=False
    )
    assert (0, True) == (done.returncode, done.stdout.startswith("KZ-CPC-592"))


# -- internal errors (in process, to inject a fault) ----------------------------------------


def test_internal_error_in_a_record_is_reported_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bug while validating one record: a distinct message, exit 2, other records done."""
    real = proceedings.validate
    calls = []

    def flaky(record: Any, **kwargs: Any) -> Any:
        calls.append(record.id)
        if record.id == "kasimov":
            raise RuntimeError("boom")
        return real(record, **kwargs)

    monkeypatch.setattr(corpus, "validate", flaky)
    result = CliRunner().invoke(
        cli.main, ["validate", str(EXAMPLES / "kasimov.json"), str(EXAMPLES / "sparrow.json")]
    )
    assert 2 == result.exit_code
    assert "internal error while validating" in result.output
    assert "RuntimeError: boom" in result.output
    assert "This is a bug in proceedings" in result.output
    assert ["kasimov", "sparrow"] == calls
    assert "sparrow  " in result.output


def test_internal_error_anywhere_exits_2_without_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bug outside record validation is caught at the top: message, exit 2, no traceback."""

    def broken(paths: Any) -> Any:
        raise ZeroDivisionError("no")

    monkeypatch.setattr(_validate_cmd, "iter_inputs", broken)
    result = CliRunner().invoke(cli.main, ["validate", "x.json"])
    assert 2 == result.exit_code
    assert "internal error: ZeroDivisionError: no" in result.output
    assert TRACEBACK not in result.output
