"""Start-up: ``import proceedings`` and ``proceedings --help`` import only what they need.

The public names of the package are imported when first used (PEP 562) and
each command's module when the command runs, so that the command line starts
fast. The times are measured in ``bench/``; here the imports themselves are
checked, which does not depend on the machine.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

import proceedings
from proceedings import cli, render

_LOADED = """
import json, sys
{code}
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] == "proceedings")))
"""


def _loaded_by(code: str) -> set[str]:
    """The modules of ``proceedings`` that ``code`` imports, in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", _LOADED.format(code=code)],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def _type_checking_imports(path: str | None) -> dict[str, str]:
    """Each name a module imports under ``TYPE_CHECKING``, with the relative module it
    comes from (``._dates``, ``.._timeline``)."""
    assert path is not None
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    guarded = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
    )
    return {
        alias.asname or alias.name: "." * node.level + (node.module or "")
        for node in guarded.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def test_import_proceedings_imports_no_submodule() -> None:
    assert {"proceedings"} == _loaded_by("import proceedings")


def test_help_imports_no_command() -> None:
    code = (
        "from proceedings.cli import main\n"
        "try:\n    main(['--help'], prog_name='proceedings')\nexcept SystemExit:\n    pass"
    )
    assert {
        "proceedings",
        "proceedings.cli",
        "proceedings._console",
        "proceedings._printable",
    } == _loaded_by(code)


def test_version_imports_no_command() -> None:
    code = (
        "from proceedings.cli import main\n"
        "try:\n    main(['--version'], prog_name='proceedings')\nexcept SystemExit:\n    pass"
    )
    assert {
        "proceedings",
        "proceedings.cli",
        "proceedings._console",
        "proceedings._printable",
        "proceedings._version",
    } == _loaded_by(code)


def test_a_name_imports_its_home_only_when_used() -> None:
    loaded = _loaded_by("import proceedings; proceedings.UncertainDate")
    assert "proceedings._dates" in loaded
    assert "proceedings._engine" not in loaded


@pytest.mark.parametrize("name", proceedings.__all__)
def test_every_public_name_resolves_to_its_definition(name: str) -> None:
    value = getattr(proceedings, name)
    home = proceedings._HOME.get(name, "._model")
    module = sys.modules[f"proceedings{home}"]
    assert value is getattr(module, name)
    assert name in dir(proceedings)


def test_the_type_checkers_imports_are_the_public_names() -> None:
    """The imports under ``TYPE_CHECKING`` name exactly ``__all__`` (and the deprecated
    ``iter_jsonl``), each from the module that ``__getattr__`` imports it from."""
    imported = _type_checking_imports(proceedings.__file__)
    assert set(imported) == {*proceedings.__all__, "iter_jsonl"}
    for name, module in imported.items():
        assert proceedings._HOME.get(name, "._model") == module, name


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        proceedings.nonesuch  # noqa: B018


@pytest.mark.parametrize("name", sorted(cli.COMMANDS))
def test_the_listed_short_help_is_the_commands_own(name: str) -> None:
    """``--help`` shows the table's short help: it must be the command's, and its name."""
    ctx = click.Context(cli.main)
    command = cli.main.get_command(ctx, name)
    assert command is not None
    assert name == command.name
    assert cli.COMMANDS[name][1] == command.get_short_help_str(limit=200)


def test_an_unknown_command_is_a_usage_error() -> None:
    from click.testing import CliRunner

    result = CliRunner().invoke(cli.main, ["validat"])
    assert 2 == result.exit_code
    assert "No such command 'validat'" in result.output


# -- proceedings.render: a run imports only the formats it writes ----------------------

#: The names ``proceedings.render`` defines itself; the rest come from ``_HOME``.
_RENDER_OWN = {
    "BINARY_FORMATS",
    "FORMATS",
    "Format",
    "FormatFactory",
    "write_outcomes",
    "write_reports",
}


def test_import_render_imports_no_format() -> None:
    loaded = _loaded_by("import proceedings.render")
    assert not {m for m in loaded if m.startswith("proceedings.render.")}


def test_looking_up_a_format_imports_its_module_only() -> None:
    loaded = _loaded_by("from proceedings import render; render.FORMATS['text']")
    assert "proceedings.render._text" in loaded
    assert not {"proceedings.render._sarif", "proceedings.render._html"} & loaded


def test_validating_in_text_imports_no_other_format() -> None:
    code = (
        "from proceedings.cli import main\n"
        "try:\n    main(['validate', 'examples/cases/kasimov.json'], prog_name='p')\n"
        "except SystemExit:\n    pass"
    )
    loaded = _loaded_by(code)
    assert "proceedings.render._text" in loaded
    others = {"_html", "_svg", "_sarif", "_json", "_tables", "_parquet", "_trace", "_diagrams"}
    assert not {f"proceedings.render.{m}" for m in others} & loaded


@pytest.mark.parametrize("name", render.__all__)
def test_every_render_name_resolves_to_its_definition(name: str) -> None:
    value = getattr(render, name)
    if name not in _RENDER_OWN:
        home = render._HOME[name]  # relative to proceedings.render
        absolute = (
            f"proceedings{home[1:]}" if home.startswith("..") else f"proceedings.render{home}"
        )
        assert value is getattr(sys.modules[absolute], name)
    assert name in dir(render)


def test_render_type_checking_imports_are_its_public_names() -> None:
    imported = _type_checking_imports(render.__file__)
    assert set(imported) == set(render.__all__) - _RENDER_OWN
    assert imported == render._HOME


def test_the_formats_registry_is_a_mapping_of_classes() -> None:
    assert render.FORMATS["text"] is render.TextFormat
    assert len(render.FORMATS) == len(list(render.FORMATS))
    assert "'sarif': SarifFormat" in repr(render.FORMATS)
    with pytest.raises(KeyError):
        render.FORMATS["nonesuch"]
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        render.nonesuch  # noqa: B018
