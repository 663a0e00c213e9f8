"""Type-checked, never run: the public API as a user's code sees it.

``mypy --strict typing_tests`` (run by .ci/run) fails if a public signature
stops accepting what users write, or returns something they cannot use.
"""

from __future__ import annotations

import datetime

import proceedings
from proceedings import (
    AsylumClaim,
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
from proceedings.law import (
    DEFAULT_LAW,
    DEFAULT_RULEBOOKS,
    RECORD,
    Check,
    Citation,
    Context,
    Deadline,
    Hit,
    Law,
    Rule,
    Rulebook,
)

LITERAL = Law(
    rulebooks=DEFAULT_RULEBOOKS,
    readings={"asylum_appeal_suspensive": "no"},
    verified_only=True,
)


def audit(path: str) -> list[str]:
    with open(path, "rb") as fp:
        record: CaseRecord = proceedings.load(fp)
    report: Report = proceedings.validate(record, law=LITERAL)
    findings: tuple[Finding, ...] = report.violations
    where: list[tuple[int, ...]] = [f.event_indices for f in findings]
    gaps: list[str] = [g.phrase() for f in findings for g in f.unverified]
    assert len(where) >= len(gaps) or report.rule_ids
    return [f"{f.rule_id}: {f.message}" for f in findings if f.certainty is Certainty.CERTAIN]


def unknown(record: CaseRecord) -> tuple[str, ...]:
    try:
        proceedings.validate(record, accounts=["nobody"])
    except proceedings.UnknownName as error:
        return (error.kind, error.name or "", *error.known)
    return ()


def strict() -> bool:
    proc = Proceeding(Person(id="p", nationalities=("RU",)), law=DEFAULT_LAW)
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
    permissions = proc.allowed(as_of=datetime.date(2023, 1, 1), jurisdiction="KZ")
    running = proc.deadlines(as_of=UncertainDate.parse("2023-01"))
    return all(p.lawful is not Truth.FALSE for p in permissions) and not running


def my_rule(ctx: Context) -> list[Hit]:
    if ctx.in_state("asylum", "claimed") and ctx.marked("asylum_claim") is not None:
        return [Hit(truth=Truth.UNKNOWN, message=f"looked at {ctx.event.id}")]
    return []


def a_removal_check(ctx: Context) -> list[Hit]:
    removal: Removal = ctx.event_as(Removal)
    either: Removal | AsylumClaim = ctx.event_as(Removal, AsylumClaim)
    late: Truth = ctx.exceeded(Deadline(label="x", start="asylum_claim", limit=3), 0)
    message = f"{removal.channel} {either.id}"
    return (
        [Hit(truth=late, message=message)] if removal.channel is RemovalChannel.EXTRADITION else []
    )


def a_check_factory(days: int) -> Check:
    def check(ctx: Context) -> list[Hit]:
        return my_rule(ctx) if days else []

    return check


MY_BOOK = Rulebook(
    name="mine",
    title="My rules",
    rules=(
        Rule(
            id="MY-RULE-1",
            title="An example",
            citations=(Citation(instrument="My instrument", article="1"),),
            severity=Severity.NOTE,
            on=(Removal,),
            check=my_rule,
            verified=False,
            verification="An example.",
        ),
        Rule(
            id="MY-RULE-2",
            title="Another",
            citations=(Citation(instrument="My instrument", article="2"),),
            severity=Severity.WARNING,
            on=frozenset({"removal"}),
            check=a_check_factory(3),
            verified=True,
            verification="An example.",
        ),
    ),
)


def with_my_book(record: CaseRecord) -> Report:
    mine = Law(rulebooks=(RECORD, MY_BOOK))
    return proceedings.validate(record, law=mine)


def dates() -> Truth:
    a = UncertainDate.parse("2022-11")
    b = UncertainDate.parse("2022-12-01/2022-12-12")
    gap: proceedings.DayRange = proceedings.days_between(a, b)
    return a.before(b) & gap.exceeds(10)


def explained(record: CaseRecord) -> list[str]:
    found: proceedings.Trace = proceedings.trace(
        record, law=LITERAL, accounts=None, as_of=datetime.date(2023, 1, 1)
    )
    point: Report = proceedings.validate(record, as_of=UncertainDate.parse("2023-01"))
    lines: list[str] = [
        f"{ev.date} {ev.event_id} {e.rule_id} {e.outcome.value}: {e.detail}"
        for ev in found.events
        for e in ev.entries
        if e.outcome is not proceedings.TraceOutcome.NOT_THIS_EVENT and e.binding is not Truth.FALSE
    ]
    fired: tuple[Finding, ...] = found.findings
    assert fired == point.findings or not found.ok
    return lines
