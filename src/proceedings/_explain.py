"""``proceedings explain --case FILE``: the plumbing of the trace command, outside ``cli``.

:mod:`proceedings.cli` declares the command; its case options and what they
do live here, so that the command module stays a list of commands.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from . import _terminal as term
from ._dates import UncertainDate
from ._errors import InvalidDate, UnknownName
from ._trace import trace
from .render._trace import trace_text, trace_to_dict

F = TypeVar("F", bound=Callable[..., Any])

#: The options that only make sense with ``--case``: parameter name, flag.
_CASE_ONLY = {
    "account": "--account",
    "show_all": "--all",
    "as_of": "--as-of",
    "verified_only": "--verified-only",
    "readings": "--reading",
    "rulebooks": "--rulebook",
}


def case_options(command: F) -> F:
    """The options of ``explain --case`` (``--case``, ``--account``, ``--all``, ...)."""
    options = [
        click.option(
            "--case",
            metavar="FILE",
            help="Instead of a rule: replay this record and list, per event, every rule "
            "checked and why it fired or stayed silent.",
        ),
        click.option("--account", metavar="NAME", help="With --case: only this account."),
        click.option(
            "--all",
            "show_all",
            is_flag=True,
            help="With --case: also list the rules the event's type does not trigger.",
        ),
        click.option(
            "--as-of",
            metavar="DATE",
            help="With --case: the record as it stood on DATE (later events do not count).",
        ),
        click.option(
            "--verified-only",
            is_flag=True,
            help="With --case: skip what rests on unverified text, as validate does.",
        ),
        click.option(
            "--reading",
            "readings",
            multiple=True,
            metavar="NAME=OPTION",
            help="With --case: an option of a reading (repeatable).",
        ),
        click.option(
            "--rulebook",
            "rulebooks",
            multiple=True,
            metavar="NAME",
            help="With --case: only these rulebooks (repeatable).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def explain_case(rule_id: str | None, fmt: str, case: str | None, **options: Any) -> str:
    """Trace ``--case``, print it and exit (0 no violation, 1 violations, 2 bad input).

    Returns ``rule_id``, for the command to explain, when no case was given.

    Raises:
        click.UsageError: A rule and a case together, neither, or a case
            option without ``--case``.
    """
    if case is None:
        given = [flag for name, flag in _CASE_ONLY.items() if options.get(name)]
        if given:
            raise click.UsageError(f"{given[0]} needs --case FILE")
        if rule_id is None:
            raise click.UsageError("give a RULE-ID to explain, or --case FILE to trace")
        return rule_id
    if rule_id is not None:
        raise click.UsageError("give either a RULE-ID or --case FILE, not both")
    law = term.law_of(options["rulebooks"], options["readings"], options["verified_only"])
    day = None
    if options["as_of"] is not None:
        try:
            day = UncertainDate.parse(options["as_of"])
        except InvalidDate as exc:
            raise click.BadParameter(str(exc), param_hint="'--as-of'") from None
    record = term.load_one(case)
    account = options["account"]
    try:
        found = trace(record, law=law, accounts=None if account is None else [account], as_of=day)
    except UnknownName as exc:
        raise click.BadParameter(str(exc), param_hint="'--account'") from None
    if fmt == "json":
        data = trace_to_dict(found, all_rules=options["show_all"])
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        color = term.color_wanted(None, sys.stdout)
        width = term.width(sys.stdout)
        click.echo(
            trace_text(found, all_rules=options["show_all"], color=color, width=width), nl=False
        )
    sys.exit(0 if found.ok else 1)
