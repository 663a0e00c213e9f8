"""The SARIF output passes Microsoft's SARIF Multitool, the reference validator.

The test's own schema check (tests/test_cli.py) covers the structure; the
Multitool also applies the SARIF specification's rules (SARIF1001 and on) and
its advice to producers (SARIF2001 and on). It runs where the Multitool is
installed and is skipped elsewhere; the npm package
``@microsoft/sarif-multitool-linux`` ships it as a single binary::

    npm install --prefix /tmp/sarif @microsoft/sarif-multitool-linux
    SARIF_MULTITOOL=/tmp/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

The binary is looked for in ``$SARIF_MULTITOOL``, then on ``PATH``, then in
``node_modules`` of the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SRC = REPO / "src"
PACKAGE = Path("node_modules") / "@microsoft" / "sarif-multitool-linux" / "Sarif.Multitool"

#: Results of level error or warning that are accepted, by rule id, with the reason.
#: (SARIF2005, "no informationUri", was the last one: the driver now names the package page.)
ACCEPTED: dict[str, str] = {}

#: The corpora whose SARIF is checked: real cases, decided cases, and broken inputs
#: (which become tool notifications).
CORPORA = {
    "cases": ["examples/cases"],
    "decisions": ["examples/decisions"],
    "broken": ["tests/data/broken", "tests/data/broken/no-records"],
}


def multitool() -> Path | None:
    """The Multitool binary, if installed."""
    given = os.environ.get("SARIF_MULTITOOL")
    if given:
        return Path(given)
    for name in ("Sarif.Multitool", "sarif-multitool"):
        found = shutil.which(name)
        if found:
            return Path(found)
    local = REPO / PACKAGE
    return local if local.exists() else None


@pytest.fixture(scope="module")
def tool() -> Path:
    found = multitool()
    if found is None:
        pytest.skip("the SARIF Multitool is not installed (set SARIF_MULTITOOL to its binary)")
    if not os.access(found, os.X_OK):
        # npm may skip the package's postinstall (chmod u+x) under its script policy.
        pytest.fail(f"{found} is not executable: chmod u+x it")
    return found


def _levels(log: dict[str, object]) -> Counter[tuple[str, str]]:
    """``(level, rule id)`` of every result in the Multitool's own SARIF log."""
    counts: Counter[tuple[str, str]] = Counter()
    for run in log["runs"]:  # type: ignore[attr-defined]
        rules = {r["id"]: r for r in run["tool"]["driver"].get("rules", [])}
        for result in run.get("results", []):
            rule = rules.get(result["ruleId"], {})
            default = rule.get("defaultConfiguration", {}).get("level", "warning")
            counts[(result.get("level", default), result["ruleId"])] += 1
    return counts


def test_the_multitool_finds_no_error_and_no_warning(tool: Path, tmp_path: Path) -> None:
    """Every SARIF log the command writes has no error and no warning by the
    Multitool's rules, except those accepted above with their reason."""
    logs = []
    for name, inputs in CORPORA.items():
        result = subprocess.run(
            [sys.executable, "-m", "proceedings", "validate", "--format", "sarif", *inputs],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONPATH": str(SRC)},
            cwd=REPO,
            check=False,
        )
        assert result.returncode in {1, 2}, result.stderr
        path = tmp_path / f"{name}.sarif"
        path.write_text(result.stdout, encoding="utf-8")
        logs.append(str(path))
    out = tmp_path / "multitool.sarif"
    checked = subprocess.run(
        [str(tool), "validate", *logs, "--output", str(out)],
        capture_output=True,
        text=True,
        # The .NET runtime then needs no ICU library on the machine.
        env={**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"},
        timeout=600,
        check=False,
    )
    assert 0 == checked.returncode, checked.stdout + checked.stderr
    log = json.loads(out.read_text(encoding="utf-8-sig"))
    [invocation] = log["runs"][0]["invocations"]
    levels = _levels(log)
    serious = {key: n for key, n in levels.items() if key[0] in {"error", "warning"}}

    assert invocation["executionSuccessful"]
    assert {} == {k: n for k, n in serious.items() if k[1] not in ACCEPTED}, checked.stdout
