"""The distribution's metadata agrees with itself: its name, version, licence and citation."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

from proceedings._version import tool_version

ROOT = Path(__file__).parent.parent


def _project() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as fp:
        project: dict[str, object] = tomllib.load(fp)["project"]
    return project


def test_the_distribution_is_not_the_other_projects_name() -> None:
    """``proceedings`` on the package index is another project's: ours is ``proceedings-law``."""
    assert _project()["name"] == "proceedings-law"
    scripts = importlib.metadata.distribution("proceedings-law").entry_points
    assert [e.value for e in scripts if e.name == "proceedings"] == ["proceedings.cli:main"]


def test_the_version_reported_is_the_installed_distributions() -> None:
    assert tool_version() == importlib.metadata.version("proceedings-law")


def test_citation_file_names_the_same_version_and_licence() -> None:
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    version = re.search(r"^version: (\S+)$", text, re.M)
    licence = re.search(r"^license: (\S+)$", text, re.M)
    assert version is not None
    assert licence is not None
    assert version.group(1) == _project()["version"]
    assert licence.group(1) == _project()["license"]
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
