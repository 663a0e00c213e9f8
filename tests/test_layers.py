"""The package's import graph follows the data flow, one way, with no cycle.

DESIGN's arrow (JSON -> codec -> CaseRecord -> replay -> Report -> renderers
and CLI), read as a dependency order: a module imports only from its own
layer or the layers below. The Hypothesis kits stand beside the library and
are never imported by it. The graph is computed from the source, so a new
module or import is checked the day it is written.
"""

from __future__ import annotations

import ast
from pathlib import Path

import attrs

import proceedings

ROOT = Path(proceedings.__file__).parent

#: The layers, bottom first. A module is named by its first component
#: under ``proceedings`` (``law.cis`` is ``law``, ``render._text`` is ``render``).
LAYERS: tuple[frozenset[str], ...] = (
    # Values that import nothing above them.
    frozenset(
        {
            "_errors",
            "_countries",
            "_dates",
            "_durations",
            "_paths",
            "_findings",
            "_limits",
            "_printable",
            "_version",
        }
    ),
    frozenset(
        {
            "_report",
            "_rows",
            "_checks",
            "_fields",
            "_vocab",
            "_parts",
            "_event",
            "_events_domestic",
            "_events_format2",
            "_events",
            "_timing",
            "_model",
        }
    ),
    frozenset({"_versions"}),
    frozenset(
        {"_jsonparse", "_fastdecode", "_codec", "codec", "_locate", "_reading", "_schema", "schema"}
    ),
    frozenset({"_statechart", "_chart"}),
    frozenset({"_rule_parts", "_rules", "law"}),
    frozenset({"_engine"}),
    frozenset({"_proceeding", "_probes", "_timeline", "_trace"}),
    frozenset({"render", "corpus", "_names", "_pseudonym", "pseudonymise"}),
    frozenset({"_casefile", "casefiles", "pytest_plugin", "dask"}),
    # What every command needs, and ``--help`` and ``--version`` alone.
    frozenset({"_console"}),
    frozenset(
        {
            "_terminal",
            "_explain",
            "_report_cmd",
            "_validate_cmd",
            "_pseudonym_cli",
        }
    ),
    # The list of commands, which imports each command's module when it runs, and the
    # package's map of its public names, imported when first used.
    frozenset({"cli", "__init__"}),
    frozenset({"__main__"}),
)
#: The Hypothesis kits: they may import the library, the library never them.
SIDE = frozenset({"strategies", "testing", "_strategies", "_date_strategies", "_hypothesis_plugin"})
RANK = {name: rank for rank, layer in enumerate(LAYERS) for name in layer}


def _group(module: str) -> str:
    parts = module.split(".")[1:]
    return parts[0] if parts else "__init__"


def import_graph() -> dict[tuple[str, str], set[int]]:
    """``{(importer, imported): {line, ...}}`` between groups of ``src/proceedings``."""
    edges: dict[tuple[str, str], set[int]] = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = ["proceedings", *path.relative_to(ROOT).with_suffix("").parts]
        package = parts[:-1]  # the package a relative import starts from
        here = ".".join(p for p in parts if p != "__init__")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.level:
                start = package[: len(package) - node.level + 1]
                base = ".".join([*start, node.module] if node.module else start)
                targets = [base] if node.module else [f"{base}.{a.name}" for a in node.names]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("proceedings"):
                targets = [node.module or ""]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("proceedings")]
            for target in targets:
                if _group(here) != _group(target):
                    edges.setdefault((_group(here), _group(target)), set()).add(node.lineno)
    return edges


def test_every_module_has_a_layer() -> None:
    """Every module of the package is placed in a layer or among the kits."""
    groups = {
        _group(".".join(["proceedings", *p.relative_to(ROOT).with_suffix("").parts]))
        for p in ROOT.rglob("*.py")
    }
    groups = {"__init__" if g == "__init__" else g for g in groups}
    assert set() == groups - set(RANK) - SIDE


def against_the_flow(edges: dict[tuple[str, str], set[int]]) -> list[str]:
    """The edges from a layer to one above it, or from the library to the kits."""
    return sorted(
        f"{a} -> {b} (lines {sorted(lines)})"
        for (a, b), lines in edges.items()
        if (a not in SIDE and b in SIDE) or (a in RANK and b in RANK and RANK[a] < RANK[b])
    )


def cycles(edges: dict[tuple[str, str], set[int]]) -> list[str]:
    """The groups that reach themselves through imports."""
    graph: dict[str, set[str]] = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)

    def reaches(start: str, goal: str) -> bool:
        seen: set[str] = set()
        frontier = [start]
        while frontier:
            for nxt in graph.get(frontier.pop(), ()):
                if nxt == goal:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    frontier.append(nxt)
        return False

    return sorted(m for m in graph if reaches(m, m))


def test_no_import_against_the_data_flow() -> None:
    """No module imports from a layer above its own; the library never imports the kits."""
    assert [] == against_the_flow(import_graph())


def test_no_import_cycle() -> None:
    """No group of modules reaches itself through imports."""
    assert [] == cycles(import_graph())


def test_the_checks_catch_what_they_are_for() -> None:
    """The 0.1 cycle (_dates -> _errors -> _report -> _dates) and an upward edge are caught."""
    old = {("_dates", "_errors"): {1}, ("_errors", "_report"): {2}, ("_report", "_dates"): {3}}
    assert ["_dates", "_errors", "_report"] == cycles(old)
    assert ["_errors -> _report (lines [2])"] == against_the_flow(old)
    assert ["_engine -> testing (lines [9])"] == against_the_flow({("_engine", "testing"): {9}})


def test_the_graph_is_read_from_the_source() -> None:
    """Known imports of today's package appear in the graph, relative and absolute."""
    edges = import_graph()
    assert {("_engine", "_rules"), ("law", "_rules"), ("corpus", "_engine")} <= set(edges)


def test_the_facade_exports_every_event_type_and_vocabulary() -> None:
    """A new event class or vocabulary of the model is in proceedings.__all__ (so documented)."""
    from proceedings._model import EVENT_TYPES, VOCABULARIES

    names = {cls.__name__ for cls in (*EVENT_TYPES, *VOCABULARIES)}
    assert set() == names - set(proceedings.__all__)
    assert all(getattr(proceedings, name) is not None for name in names)


def test_a_source_reference_and_a_law_citation_have_one_name_each() -> None:
    """SourceRef points from an event to a source; Citation is where a rule comes from."""
    import warnings

    from proceedings.law import Citation as LawCitation

    assert proceedings.Citation is LawCitation
    assert {"source", "quote", "note", "locator"} == set(attrs.fields_dict(proceedings.SourceRef))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert proceedings.CitationRef is LawCitation
    assert [DeprecationWarning] == [w.category for w in caught]
