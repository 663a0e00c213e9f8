"""A pytest plugin that runs test-case files (``*.test.toml``) as tests.

Opt in from a ``conftest.py`` (it is not registered automatically, so that it
never collects files in a project that did not ask for it)::

    pytest_plugins = ["proceedings.pytest_plugin"]

Then ``pytest cases/`` collects every ``*.test.toml`` file under ``cases/`` as
one test, which fails with the list of differences between the findings and
the file (see :mod:`proceedings.casefiles`). To run them under your own
rulebooks, name your :class:`~proceedings.law.Law` in the pytest
configuration, as ``module:attribute``::

    [tool.pytest.ini_options]
    proceedings_law = "mylaw:LAW"

For a parametrised test instead, use :func:`proceedings.casefiles.check`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ._rules import Law
from .casefiles import SUFFIX, CaseFileError, check

_INI = "proceedings_law"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        _INI,
        "The law to run test-case files under, as module:attribute (default: the library's).",
        default="",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name.endswith(SUFFIX):
        collected: pytest.Collector = CaseFileCollector.from_parent(parent, path=file_path)
        return collected
    return None


def configured_law(config: pytest.Config) -> Law | None:
    """The law named by the ``proceedings_law`` option, or ``None`` for the defaults.

    Raises:
        pytest.UsageError: The option does not name a :class:`Law`.
    """
    spec = str(config.getini(_INI) or "").strip()
    if not spec:
        return None
    module_name, _, attribute = spec.partition(":")
    try:
        law = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError, ValueError) as exc:
        raise pytest.UsageError(f"{_INI} = {spec!r}: {exc}") from None
    if not isinstance(law, Law):
        raise pytest.UsageError(f"{_INI} = {spec!r} is not a Law (it is {type(law).__name__})")
    return law


class CaseFileCollector(pytest.File):
    """A ``*.test.toml`` file, collected as one test."""

    def collect(self) -> Iterator[pytest.Item]:
        yield CaseFileItem.from_parent(self, name=self.path.name)


class CaseFileItem(pytest.Item):
    """Runs one test-case file."""

    def runtest(self) -> None:
        check(self.path, law=configured_law(self.config))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, AssertionError | CaseFileError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"test-case file {self.name}"
