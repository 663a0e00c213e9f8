"""The ``proceedings`` command: validate case records, print the schema, diagrams and rules.

Exit codes, for every command:

* 0: done, and (for ``validate``) no violation found;
* 1: ``validate`` found at least one violation;
* 2: a usage error, an input that could not be read or is not a valid record
  (even if violations were found in other records too), or an internal error.

This module is the list of commands. Each lives in the module named in
:data:`COMMANDS` and is imported only when it runs (or its help is asked
for), so that ``proceedings --help`` costs little more than starting Python;
``proceedings._console`` is the little that every command needs.
"""

from __future__ import annotations

import importlib

import click

from . import _console as console

#: Each command: (module under ``proceedings`` that defines it as ``<name>_command``,
#: the short help that ``proceedings --help`` shows without importing it). A test
#: checks that the short help is the command's own.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("_validate_cmd", "Validate case records against the law."),
    "pseudonymise": ("_pseudonym_cli", "Replace names in records with keyed pseudonyms."),
    "test": ("_validate_cmd", "Run test-case files: expected findings of records."),
    "schema": ("_report_cmd", "Print the JSON Schema of a case record."),
    "diagram": ("_report_cmd", "Draw the statechart or a case's timeline."),
    "report": ("_report_cmd", "Write a case report: one HTML file to open or print."),
    "rules": ("_explain", "List the rules, record checks included."),
    "explain": ("_explain", "Explain a rule, or trace the rules over a case."),
}


class LazyGroup(console.Group):
    """The command group, which imports a command's module only when it is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"{__package__}.{COMMANDS[cmd_name][0]}")
        command: click.Command = getattr(module, f"{cmd_name}_command")
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # The table's short helps, so that ``--help`` imports no command.
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@console.version_option
def main() -> None:
    """Validate case records of detention, asylum, expulsion and extradition
    against the law, and explore the rules and the procedure.

    \b
    Start with:
      proceedings validate examples/cases
      proceedings explain KZ-CPC-592
      proceedings rules --jurisdiction KZ

    This is a model of the law, not legal advice.
    """
