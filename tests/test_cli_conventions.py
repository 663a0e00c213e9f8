"""The conventions users know from ruff and check-jsonschema: -o, -q, --exit-zero,
--select/--ignore, a concise format and --law MODULE."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import proceedings
from proceedings import cli, corpus, render
from proceedings._errors import UnknownName
from proceedings.law import DEFAULT_LAW, DEFAULT_RULEBOOKS, Law

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "examples" / "cases"
KASIMOV = CASES / "kasimov.json"


def invoke(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.output


def findings_of(record: Path, law: Law = DEFAULT_LAW) -> list[proceedings.Finding]:
    with record.open("rb") as fp:
        return list(proceedings.validate(proceedings.load(fp), law=law).findings)


# -- --select and --ignore: rules chosen in the law, not findings filtered ---------------


def test_select_by_prefix_keeps_only_those_rules() -> None:
    law = Law(rulebooks=DEFAULT_RULEBOOKS, select=["kz"])
    assert law.rules
    assert all(r.id.startswith("KZ-") for r in law.rules)
    every = {f.rule_id for f in findings_of(KASIMOV)}
    kept = {f.rule_id for f in findings_of(KASIMOV, law)}
    assert kept == {r for r in every if r.startswith("KZ-")}
    assert kept
    assert kept != every


def test_a_prefix_stops_at_a_hyphen() -> None:
    """``KZ-CPC-587`` selects that rule, not ``KZ-CPC-587-592``."""
    law = Law(rulebooks=DEFAULT_RULEBOOKS, select=["KZ-CPC-587"])
    assert {r.id for r in law.rules} == {"KZ-CPC-587"}
    assert "KZ-CPC-587-592" in {r.id for r in DEFAULT_LAW.rules}


def test_ignore_applies_after_select() -> None:
    law = Law(rulebooks=DEFAULT_RULEBOOKS, select=["KZ"], ignore=["KZ-CPC"])
    assert law.rules
    assert not any(r.id.startswith("KZ-CPC-") for r in law.rules)
    assert all(r.id.startswith("KZ-") for r in law.rules)


def test_a_selector_that_selects_nothing_is_refused() -> None:
    with pytest.raises(UnknownName) as caught:
        Law(rulebooks=DEFAULT_RULEBOOKS, ignore=["KZ-CPC-999"])
    assert caught.value.kind == "rule"
    assert caught.value.name == "KZ-CPC-999"


def test_select_on_the_command_line(tmp_path: Path) -> None:
    code, out = invoke("validate", "-f", "jsonl", "--select", "KZ-CPC-587-592,REC", KASIMOV)
    rules = {json.loads(line)["rule_id"] for line in out.splitlines() if line.startswith("{")}
    assert rules == {"KZ-CPC-587-592"}
    assert code == 1
    code, out = invoke("validate", "--ignore", "KZ-CPX", KASIMOV)
    assert code == 2
    assert "'KZ-CPX' selects no rule; did you mean KZ-CPC" in out


def test_selection_reaches_worker_processes(tmp_path: Path) -> None:
    jobs1 = invoke("validate", "-f", "jsonl", "--select", "KZ", "-j", "1", CASES)
    jobs2 = invoke("validate", "-f", "jsonl", "--select", "KZ", "-j", "2", CASES)
    lines1 = [line for line in jobs1[1].splitlines() if line.startswith("{")]
    lines2 = [line for line in jobs2[1].splitlines() if line.startswith("{")]
    assert jobs1[0] == jobs2[0] == 1
    assert lines1 == lines2
    assert '"rule_id":"KZ-' in jobs1[1]
    assert '"rule_id":"ECHR' not in jobs1[1]


# -- --exit-zero, --quiet, -o ------------------------------------------------------------


def test_exit_zero_keeps_input_errors_at_two(tmp_path: Path) -> None:
    assert invoke("validate", "--exit-zero", KASIMOV)[0] == 0
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert invoke("validate", "--exit-zero", KASIMOV, broken)[0] == 2


def _run(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    return subprocess.run(
        [sys.executable, "-m", "proceedings", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        check=False,
    )


def test_quiet_drops_the_summary_line_not_the_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("[]", encoding="utf-8")
    loud = _run("validate", "-f", "concise", KASIMOV, broken)
    quiet = _run("validate", "-f", "concise", "-q", KASIMOV, broken)
    assert loud.stderr.splitlines()[-1].startswith("1 record, ")
    assert quiet.stdout == loud.stdout
    assert quiet.stderr.splitlines() == loud.stderr.splitlines()[:-1]
    assert str(broken) in quiet.stderr
    assert quiet.returncode == loud.returncode == 2


def test_output_file_gets_the_whole_document(tmp_path: Path) -> None:
    target = tmp_path / "out.sarif"
    target.write_text("old", encoding="utf-8")
    code, out = invoke("validate", "-f", "sarif", "-o", target, CASES)
    assert code == 1
    assert out.strip().startswith("17 records") or "{" not in out
    log = json.loads(target.read_text(encoding="utf-8"))
    assert log["runs"][0]["results"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.sarif"]


def test_output_dash_is_standard_output() -> None:
    result = _run("validate", "-f", "json", "-o", "-", KASIMOV)
    assert json.loads(result.stdout)["summary"]["records"] == 1
    code = result.returncode
    assert code == 1


def test_output_that_cannot_be_written_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "out.json"
    result = _run("validate", "-o", missing, KASIMOV)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert not missing.exists()


def test_a_failed_run_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(proceedings.render, "write_outcomes", boom)
    result = CliRunner().invoke(
        cli.main, ["validate", "-f", "json", "-o", str(target), str(KASIMOV)]
    )
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


# -- the concise format ------------------------------------------------------------------


def test_concise_is_one_line_per_finding_at_the_lines_jsonl_gives() -> None:
    code, concise = invoke("validate", "-f", "concise", "-q", CASES)
    _, jsonl = invoke("validate", "-f", "jsonl", CASES)
    lines = [json.loads(line) for line in jsonl.splitlines() if line.startswith("{")]
    rows = concise.splitlines()
    assert code == 1
    assert len(rows) == len(lines) > 10
    for row, line in zip(rows, lines, strict=True):
        where = f"{line['source']}:{line['line']}: " if line["line"] else f"{line['source']}: "
        assert row.startswith(f"{where}{line['rule_id']} {line['severity']}")
        assert ("(undetermined)" in row) == (line["certainty"] == "undetermined")


def test_concise_keeps_hostile_text_on_one_line() -> None:
    finding = findings_of(KASIMOV)[0]
    hostile = attrs.evolve(finding, message="two\nlines \x1b[2J\u202eclear", accounts=("a\rb",))
    outcome = corpus.Outcome(source="evil\x1b[31m.json", line=3)
    line = render.concise_line(hostile, outcome)
    assert line.count("\n") == 1
    assert line.endswith("\n")
    assert "\x1b" not in line
    assert "\u202e" not in line
    assert "\r" not in line
    assert line.startswith("evil\\x1b[31m.json:3: ")


# -- --law MODULE ------------------------------------------------------------------------

RULEBOOK_MODULE = """
from proceedings import Severity, Truth
from proceedings.law import Citation, Hit, Rule, Rulebook


def _every_removal(ctx):
    yield Hit(truth=Truth.TRUE, message="A removal (example rule)")


RULEBOOK = Rulebook(
    name="example",
    title="An example rulebook",
    rules=(
        Rule(
            id="EX-REMOVAL",
            title="Flag every removal",
            citations=(Citation(instrument="Not law: an example"),),
            severity=Severity.NOTE,
            on=frozenset({"removal"}),
            check=_every_removal,
            verified=True,
            verification="Not law: an example rule.",
        ),
    ),
)
"""


@pytest.fixture
def rulebook_file(tmp_path: Path) -> Path:
    path = tmp_path / "my_rules.py"
    path.write_text(RULEBOOK_MODULE, encoding="utf-8")
    return path


def test_law_from_a_file_adds_its_rulebook(rulebook_file: Path) -> None:
    code, out = invoke("validate", "-f", "jsonl", "--law", rulebook_file, KASIMOV)
    rules = [json.loads(line)["rule_id"] for line in out.splitlines() if line.startswith("{")]
    assert "EX-REMOVAL" in rules
    assert set(rules) - {"EX-REMOVAL"} == {f.rule_id for f in findings_of(KASIMOV)}
    code, out = invoke("validate", "-f", "jsonl", "--law", rulebook_file, "--select", "EX", KASIMOV)
    assert {json.loads(line)["rule_id"] for line in out.splitlines() if line.startswith("{")} == {
        "EX-REMOVAL"
    }
    assert code == 0  # a note is not a violation


def test_law_from_a_module_on_the_current_directory(rulebook_file: Path) -> None:
    result = _run(
        "validate",
        "-f",
        "concise",
        "-q",
        "--law",
        "my_rules:RULEBOOK",
        KASIMOV,
        cwd=rulebook_file.parent,
    )
    assert "EX-REMOVAL note: A removal (example rule)" in result.stdout
    assert result.returncode == 1


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("no_such_module_anywhere", "cannot import 'no_such_module_anywhere': ModuleNotFoundError"),
        ("json", "'json' has no LAW or RULEBOOKS or RULEBOOK"),
        ("json:dumps", "'json' has no dumps that is a Law"),
        ("missing.py", "no Python file 'missing.py'"),
    ],
)
def test_a_law_that_cannot_be_had_is_a_usage_error(spec: str, message: str) -> None:
    code, out = invoke("validate", "--law", spec, KASIMOV)
    assert code == 2
    assert message in out


def test_a_broken_module_is_reported_not_raised(tmp_path: Path) -> None:
    bad = tmp_path / "bad_rules.py"
    bad.write_text("raise ValueError('my mistake')\n", encoding="utf-8")
    code, out = invoke("validate", "--law", bad, KASIMOV)
    assert code == 2
    assert "ValueError: my mistake" in out
