"""Regenerate the statechart diagrams checked into docs/diagrams/.

Run from the repository root: ``python docs/diagrams/update.py``. It writes,
through the same command users have (``proceedings diagram``):

* ``statechart.mmd``: the whole chart as Mermaid (GitHub renders it);
* ``<track>.dot``: one Graphviz file per track, which the docs include.

``tests/test_diagrams.py`` fails when a committed file differs from what this
script would write, so the diagrams cannot drift from the chart.
"""

from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

from proceedings._chart import CHART
from proceedings.cli import main as cli

HERE = Path(__file__).resolve().parent


def generate() -> dict[str, str]:
    """File name to content, as the ``proceedings diagram`` command prints them."""
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["diagram", *args], catch_exceptions=False)
        if result.exit_code != 0:
            raise SystemExit(f"proceedings diagram {' '.join(args)} failed:\n{result.output}")
        return result.output

    files = {"statechart.mmd": run("--format", "mermaid")}
    for track in CHART.tracks:
        files[f"{track.name}.dot"] = run("--format", "dot", "--track", track.name)
    return files


def main() -> int:
    files = generate()
    for stale in sorted(HERE.iterdir()):
        if stale.suffix in {".dot", ".mmd"} and stale.name not in files:
            stale.unlink()
            print(f"removed {stale}", file=sys.stderr)
    for name, text in files.items():
        path = HERE / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
