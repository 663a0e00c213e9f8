"""Type-checked, never run: the public API as a user's code sees it.

``mypy --strict typing_tests`` (run by .ci/run) fails if a public signature
stops accepting what users write, or returns something they cannot use.
"""

from __future__ import annotations

import datetime

import proceedings
from proceedings import (
    CaseRecord,
    Certainty,
    Finding,
    Person,
    Proceeding,
    Removal,
    RemovalChannel,
    Report,
    Severity,
    Truth,
    UncertainDate,
)
from proceedings.law import DEFAULT_RULEBOOKS, Context, Hit, Rule, Rulebook


def audit(path: str) -> list[str]:
    with open(path, "rb") as fp:
        record: CaseRecord = proceedings.load(fp)
    report: Report = proceedings.validate(
        record, readings={"asylum_appeal_suspensive": "no"}, include_unverified=False
    )
    findings: tuple[Finding, ...] = report.violations
    return [f"{f.rule_id}: {f.message}" for f in findings if f.certainty is Certainty.CERTAIN]


def strict() -> bool:
    proc = Proceeding(Person(id="p", nationalities=("RU",)), rulebooks=DEFAULT_RULEBOOKS)
    event = Removal(
        id="r",
        date=UncertainDate.parse("2022-12-30"),
        jurisdiction="KZ",
        channel=RemovalChannel.EXTRADITION,
        destination="RU",
    )
    try:
        proc.apply(event)
    except proceedings.TransitionRefused as refused:
        return all(f.severity is Severity.VIOLATION for f in refused.findings)
    permissions = proc.allowed(on=datetime.date(2023, 1, 1), jurisdiction="KZ")
    return all(p.lawful is not Truth.FALSE for p in permissions)


def my_rule(ctx: Context) -> list[Hit]:
    return [Hit(truth=Truth.UNKNOWN, message=f"looked at {ctx.event.id}")]


MY_BOOK = Rulebook(
    name="mine",
    title="My rules",
    rules=(
        Rule(
            id="MY-RULE-1",
            title="An example",
            citations=(proceedings.CitationRef(instrument="My instrument", article="1"),),
            severity=Severity.NOTE,
            on=frozenset({"removal"}),
            check=my_rule,
            verified=False,
            verification="An example.",
        ),
    ),
)


def with_my_book(record: CaseRecord) -> Report:
    return proceedings.validate(record, rulebooks=(*DEFAULT_RULEBOOKS, MY_BOOK))


def dates() -> Truth:
    a = UncertainDate.parse("2022-11")
    b = UncertainDate.parse("2022-12-01/2022-12-12")
    gap: proceedings.DayRange = proceedings.days_between(a, b)
    return a.before(b) & gap.exceeds(10)
