"""``proceedings explain --case FILE``: the plumbing of the trace command, outside ``cli``.

:mod:`proceedings.cli` declares the command; its case options and what they
do live here, so that the command module stays a list of commands.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from . import _console as console
from . import _terminal as term
from . import render
from ._dates import UncertainDate
from ._errors import InvalidDate, UnknownName
from ._trace import trace
from .law import DEFAULT_LAW
from .render._trace import trace_text, trace_to_dict

F = TypeVar("F", bound=Callable[..., Any])

#: The options that only make sense with ``--case``: parameter name, flag.
_CASE_ONLY = {
    "account": "--account",
    "show_all": "--all",
    "as_of": "--as-of",
    "law_spec": "--law",
    "rulebooks": "--rulebook",
    "select": "--select",
    "ignore": "--ignore",
    "readings": "--reading",
    "verified_only": "--verified-only",
}


def case_options(command: F) -> F:
    """The options of ``explain --case``: ``--case``, ``--account``, ``--all``,
    ``--as-of``, and the law's options as ``validate`` has them."""
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
    ]
    command = term.law_options(command)
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
    law = term.law_from(options)
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
        color = console.color_wanted(None, sys.stdout)
        width = term.width(sys.stdout)
        click.echo(
            trace_text(found, all_rules=options["show_all"], color=color, width=width), nl=False
        )
    sys.exit(0 if found.ok else 1)


def explain_rule(rule_id: str, fmt: str) -> None:
    """Print one rule of the library's law: its text, citations, readings and tests."""
    by_id = {rule.id: (book, rule) for book in DEFAULT_LAW.rulebooks for rule in book.rules}
    key = rule_id if rule_id in by_id else {k.upper(): k for k in by_id}.get(rule_id.upper())
    if key is None:
        close = difflib.get_close_matches(rule_id.upper(), list(by_id), n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise click.BadParameter(
            f"no rule {rule_id!r}{hint} ('proceedings rules' lists them all)",
            param_hint="'RULE-ID'",
        )
    book, rule = by_id[key]
    data = render.rule_to_dict(rule, rulebook=book, law=DEFAULT_LAW)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(
            render.explain_text(data, color=console.color_wanted(None, sys.stdout)), nl=False
        )


# -- the commands ----------------------------------------------------------------------


@click.command("rules", short_help="List the rules, record checks included.")
@click.option(
    "--jurisdiction",
    metavar="CC",
    help="Only rules that can apply in this country (ISO 3166-1 alpha-2, e.g. KZ).",
)
@click.option(
    "--rulebook", "rulebooks", multiple=True, metavar="NAME", help="Only these rulebooks."
)
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules_command(jurisdiction: str | None, rulebooks: tuple[str, ...], fmt: str) -> None:
    """List the rules: id, severity, title and whether the source text is verified."""
    chosen = term.choose_rulebooks(rulebooks)
    country = jurisdiction.upper() if jurisdiction else None
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        raise click.BadParameter(
            f"{jurisdiction!r} is not a two-letter country code", param_hint="'--jurisdiction'"
        )
    selected = [
        (book, rule)
        for book in chosen
        for rule in book.rules
        if country is None or rule.may_apply_in(country, DEFAULT_LAW)
    ]
    if fmt == "json":
        data = [render.rule_to_dict(r, rulebook=b, law=DEFAULT_LAW) for b, r in selected]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    text = render.rules_text(selected, where=country, color=console.color_wanted(None, sys.stdout))
    click.echo(text, nl=False)


@click.command("explain", short_help="Explain a rule, or trace the rules over a case.")
@click.argument("rule_id", metavar="[RULE-ID]", required=False)
@case_options
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def explain_command(rule_id: str | None, fmt: str, **case: Any) -> None:
    """Explain a rule, or (--case FILE) why each rule fired or stayed silent at each event."""
    explain_rule(explain_case(rule_id, fmt, **case), fmt)
