"""proceedings.testing's state machine, the history strategies, and a user's own rulebook.

The machines run here are the library's own test of its default rulebooks,
with every event type.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.stateful import RuleBasedStateMachine, run_state_machine_as_test

import proceedings
from builders import PERSON, claim, decision, record, removal
from proceedings import (
    EVENT_TYPES,
    AsylumOutcome,
    CaseRecord,
    Certainty,
    Detention,
    InterimBody,
    Other,
    Person,
    Proceeding,
    Release,
    Removal,
    Severity,
    TransitionRefused,
    Truth,
    validate,
)
from proceedings.law import DEFAULT_RULEBOOKS, Context, Hit, Law, Rule, Rulebook
from proceedings.law import Citation as CitationRef
from proceedings.strategies import BREACHES, Mutation, lawful_histories, near_lawful_mutations
from proceedings.testing import PROTECTIONS, proceeding_machine

#: Every event type.
ALL_EVENT_TYPES = tuple(EVENT_TYPES)

_MACHINE_SETTINGS = settings(stateful_step_count=50, deadline=None)

TestKazakhstan = proceeding_machine(event_types=ALL_EVENT_TYPES).TestCase
TestKazakhstan.settings = _MACHINE_SETTINGS

TestKazakhstanLiteralReading = proceeding_machine(
    event_types=ALL_EVENT_TYPES,
    law=Law(rulebooks=DEFAULT_RULEBOOKS, readings={"asylum_appeal_suspensive": "no"}),
).TestCase
TestKazakhstanLiteralReading.settings = settings(_MACHINE_SETTINGS, max_examples=15)

TestFrance = proceeding_machine(
    jurisdiction="FR",
    event_types=ALL_EVENT_TYPES,
    # The bodies whose measures the default law reads (CAT art 22, the ICCPR
    # Optional Protocol, ECHR art 34); the others are recorded but no rule
    # reads them yet.
    interim_bodies=(InterimBody.UN_CAT, InterimBody.UN_HRC, InterimBody.ECTHR),
    start=datetime.date(2024, 1, 8),
).TestCase
TestFrance.settings = settings(_MACHINE_SETTINGS, max_examples=15)


# -- a user's own rulebook, defined here and not in src/ ---------------------------------------


def _removed_within_a_week_of_refusal(ctx: Context) -> Iterator[Hit]:
    """A group's own policy: a week after a refusal, to find a lawyer for the appeal."""
    if ctx.before["asylum"] != "refused":
        return
    refusal = ctx.marked("asylum_decision")
    assert refusal is not None
    within = ctx.days_since(refusal).at_most(7)
    if within is not Truth.FALSE:
        yield Hit(
            truth=within,
            message=f"Removed within a week of the refusal ({ctx.describe(refusal)})",
            related=(refusal,),
        )


NGO_WAIT = Rule(
    id="NGO-WAIT-7",
    title="No removal within a week of a first-instance asylum refusal",
    citations=(CitationRef(instrument="Our monitoring guidelines (2024)", article="7"),),
    severity=Severity.VIOLATION,
    on=frozenset({"removal"}),
    check=_removed_within_a_week_of_refusal,
    jurisdictions=frozenset({"KZ"}),
    verified=True,
    verification="Our own policy, not law.",
)
NGO = Rulebook(name="ngo", title="Our policy", rules=(NGO_WAIT,))
WITH_NGO = (*DEFAULT_RULEBOOKS, NGO)

TestWithOwnRulebook = proceeding_machine(
    law=Law(rulebooks=WITH_NGO), event_types=ALL_EVENT_TYPES
).TestCase
TestWithOwnRulebook.settings = settings(_MACHINE_SETTINGS, max_examples=15)


def _refused_then_removed(days: int) -> CaseRecord:
    removed = (datetime.date(2023, 3, 1) + datetime.timedelta(days=days)).isoformat()
    return record(
        claim("c", "2023-01-10"),
        decision("a", "2023-03-01", AsylumOutcome.REFUSED),
        removal("r", removed),
    )


@pytest.mark.parametrize(
    ("days", "expected"),
    [(3, [("NGO-WAIT-7", Certainty.CERTAIN, ("r", "a"))]), (8, [])],
)
def test_own_rulebook_in_validate(days: int, expected: list[Any]) -> None:
    """The user's rule is applied by validate alongside the defaults; the engine is untouched."""
    report = validate(_refused_then_removed(days), law=Law(rulebooks=WITH_NGO))
    actual = [(f.rule_id, f.certainty, f.event_ids) for f in report.findings]
    assert expected == [a for a in actual if a[0] == "NGO-WAIT-7"]


def test_own_rulebook_enforced_by_proceeding() -> None:
    """A strict proceeding on the user's rulebooks refuses what the user's rule forbids."""
    rec = _refused_then_removed(3)
    # Under the default reading, the defaults themselves flag a removal within
    # a month of a refusal (the period to challenge it may not have run out);
    # under the literal reading they allow it, and only the user's rule forbids it.
    literal = {"asylum_appeal_suspensive": "no"}
    with pytest.raises(TransitionRefused) as refused:
        Proceeding.from_record(rec, law=Law(rulebooks=WITH_NGO, readings=literal))
    assert (["NGO-WAIT-7"], "r") == (
        [f.rule_id for f in refused.value.findings],
        refused.value.event_id,
    )
    accepted = Proceeding.from_record(rec, law=Law(rulebooks=DEFAULT_RULEBOOKS, readings=literal))
    assert rec.events == accepted.record.events


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(lawful_histories(law=Law(rulebooks=WITH_NGO), max_events=12))
def test_lawful_histories_under_own_rulebook(rec: CaseRecord) -> None:
    """Histories lawful under the user's rulebooks never breach the user's rule."""
    assert [] == [
        f for f in validate(rec, law=Law(rulebooks=WITH_NGO)).findings if f.rule_id == "NGO-WAIT-7"
    ]


# -- the machine can fail: each invariant, shown catching a fault -------------------------------

_FIND = settings(
    max_examples=300,
    stateful_step_count=30,
    deadline=None,
    database=None,
    phases=[Phase.generate],  # the failure is the point; no need to shrink it
    report_multiple_bugs=False,
)


def _run(machine: type[RuleBasedStateMachine]) -> None:
    run_state_machine_as_test(machine, settings=_FIND)


def test_machine_catches_a_law_without_protections() -> None:
    """With no rulebooks, the machine finds a removal while a claim or a measure stands."""
    machine = proceeding_machine(law=Law(rulebooks=()), event_types=ALL_EVENT_TYPES)
    with pytest.raises(AssertionError, match="protections were in force"):
        _run(machine)


def _broken(ctx: Context) -> Iterator[Hit]:
    raise KeyError("a typo in a user's rule")


def test_machine_catches_a_rule_that_raises() -> None:
    """A user rule that raises is reported as the engine raising something unexpected."""
    book = Rulebook(
        name="broken",
        title="Broken",
        rules=(
            Rule(
                id="BROKEN-1",
                title="Raises",
                citations=(CitationRef(instrument="Nothing"),),
                severity=Severity.NOTE,
                on=frozenset({"removal"}),
                check=_broken,
                verified=True,
                verification="Broken on purpose.",
            ),
        ),
    )
    machine = proceeding_machine(
        law=Law(rulebooks=(*DEFAULT_RULEBOOKS, book)), event_types=(Removal, Other)
    )
    with pytest.raises(AssertionError, match="the engine raised KeyError"):
        _run(machine)


def _peeks_ahead(ctx: Context) -> Iterator[Hit]:
    # Impure on purpose: a rule must not look at events after its own.
    if any(isinstance(ev, Release) for ev in ctx.record.events[ctx.index + 1 :]):
        yield Hit(truth=Truth.TRUE, message="Released later")


def test_machine_catches_a_rule_that_looks_ahead() -> None:
    """A rule that reads later events gives different findings in audit and strict: caught."""
    book = Rulebook(
        name="ahead",
        title="Ahead",
        rules=(
            Rule(
                id="AHEAD-1",
                title="Looks ahead",
                citations=(CitationRef(instrument="Nothing"),),
                severity=Severity.NOTE,
                on=frozenset({"detention"}),
                check=_peeks_ahead,
                verified=True,
                verification="Broken on purpose.",
            ),
        ),
    )
    machine = proceeding_machine(
        law=Law(rulebooks=(*DEFAULT_RULEBOOKS, book)), event_types=(Detention, Release, Other)
    )
    with pytest.raises(AssertionError):
        _run(machine)


def test_machine_steps_are_reported_readably() -> None:
    """The machine's class is named after its jurisdiction and exposes a TestCase."""
    machine = proceeding_machine(jurisdiction="RU")
    assert ("ProceedingMachine_RU", True) == (
        machine.__name__,
        issubclass(machine, RuleBasedStateMachine) and hasattr(machine, "TestCase"),
    )


# -- arguments are checked when the machine or strategy is made ---------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"jurisdiction": "XX"}, id="unknown-country"),
        pytest.param({"jurisdiction": "kz"}, id="lowercase-country"),
        pytest.param({"event_types": ()}, id="no-event-types"),
        pytest.param({"event_types": (str,)}, id="not-an-event-type"),
        pytest.param({"event_types": Removal}, id="a-class-not-a-collection"),
        pytest.param({"protections": ("no_torture",)}, id="unknown-protection"),
        pytest.param({"protections": "asylum_claim"}, id="protections-as-string"),
        pytest.param({"readings": {"asylum_appeal_suspensive": "maybe"}}, id="bad-option"),
        pytest.param({"readings": {"lenient": "yes"}}, id="unknown-reading"),
        pytest.param({"readings": [("lenient", "yes")]}, id="readings-not-a-mapping"),
        pytest.param({"rulebooks": NGO}, id="one-rulebook-not-a-sequence"),
        pytest.param({"rulebooks": (NGO, "x")}, id="not-a-rulebook"),
        pytest.param({"person": "p"}, id="person-not-a-person"),
        pytest.param({"interim_bodies": ()}, id="no-bodies"),
        pytest.param({"interim_bodies": ("un_cat",)}, id="body-as-string"),
        pytest.param({"start": datetime.datetime(2023, 1, 1)}, id="start-a-datetime"),
    ],
)
def test_machine_arguments_are_checked_eagerly(kwargs: dict[str, Any]) -> None:
    """A malformed argument raises InvalidArgument when the machine is made."""
    with pytest.raises(InvalidArgument):
        proceeding_machine(**kwargs)


@pytest.mark.parametrize(
    ("strategy", "kwargs"),
    [
        (lawful_histories, {"min_events": 3, "max_events": 2}),
        (lawful_histories, {"min_events": -1}),
        (lawful_histories, {"max_events": True}),
        (lawful_histories, {"jurisdiction": "ZZ"}),
        (near_lawful_mutations, {"breaches": ("jaywalking",)}),
        (near_lawful_mutations, {"breaches": ()}),
        (near_lawful_mutations, {"breaches": "handover"}),
        (near_lawful_mutations, {"person": Person(id="k", nationalities=("KZ",))}),
        (near_lawful_mutations, {"min_events": 5, "max_events": 1}),
    ],
)
def test_strategy_arguments_are_checked_eagerly(strategy: Any, kwargs: dict[str, Any]) -> None:
    """A malformed argument raises InvalidArgument when the strategy is made, before any draw."""
    with pytest.raises(InvalidArgument):
        strategy(**kwargs)


def test_default_protections() -> None:
    """Every protection is described; the machine's defaults follow the reading and the place."""
    assert {
        "asylum_claim",
        "asylum_appeal",
        "asylum_granted",
        "interim_measure",
        "extradition_appeal",
    } == set(PROTECTIONS)
    assert all(text.endswith(".") for text in PROTECTIONS.values())


# -- the strategies ----------------------------------------------------------------------------


@settings(max_examples=20)
@given(lawful_histories(min_events=3, max_events=8, person=PERSON))
def test_lawful_histories_respect_bounds(rec: CaseRecord) -> None:
    """lawful_histories() gives records of the requested size, about the requested person."""
    assert (True, PERSON) == (3 <= len(rec.events) <= 8, rec.person)


@settings(
    max_examples=10, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(st.data())
@pytest.mark.parametrize("kind", BREACHES)
def test_every_kind_of_mutation_is_refused_by_its_rule(kind: str, data: st.DataObject) -> None:
    """Each kind of near-lawful mutation sets up lawfully and is refused by the rule it names."""
    mutation = data.draw(near_lawful_mutations(breaches=(kind,), max_events=4))
    assert isinstance(mutation, Mutation)
    assert kind == mutation.kind
    proc = Proceeding.from_record(mutation.record)
    with pytest.raises(TransitionRefused) as refused:
        proc.apply(mutation.event)
    assert mutation.rule_id in {f.rule_id for f in refused.value.findings}


def test_mutation_event_is_not_in_the_record() -> None:
    """The breaching event follows the record; it is not part of it."""

    @settings(max_examples=10, database=None)
    @given(near_lawful_mutations(max_events=3))
    def check(mutation: Mutation) -> None:
        assert mutation.event.id not in {ev.id for ev in mutation.record.events}

    check()


def test_lawful_history_of_removal_after_claim_never_happens() -> None:
    """No lawful history removes the person from Kazakhstan while a claim stands (a spot check)."""

    @settings(max_examples=30, database=None)
    @given(lawful_histories(max_events=10))
    def check(rec: CaseRecord) -> None:
        pending = False
        for ev in rec.events:
            if ev.jurisdiction != "KZ":
                continue
            if ev.type == "asylum_claim":
                pending = True
            elif ev.type in {"asylum_decision", "appeal_decided", "asylum_claim_not_registered"}:
                pending = ev.type == "asylum_claim_not_registered"
            elif isinstance(ev, Removal):
                assert not pending, ev

    check()


def test_the_law_as_keywords_still_works_with_a_warning() -> None:
    """rulebooks=/readings= of 0.1 build the same law, with a DeprecationWarning."""
    with pytest.warns(DeprecationWarning, match="law="):
        proceeding_machine(readings={"asylum_appeal_suspensive": "no"})
    with pytest.warns(DeprecationWarning, match="law="):
        lawful_histories(rulebooks=DEFAULT_RULEBOOKS)
    with pytest.raises(InvalidArgument, match="either law= or"):
        proceeding_machine(law=Law(rulebooks=DEFAULT_RULEBOOKS), rulebooks=DEFAULT_RULEBOOKS)
    with pytest.raises(InvalidArgument, match=r"must be a proceedings\.Law"):
        proceeding_machine(law=DEFAULT_RULEBOOKS)  # type: ignore[arg-type]


def test_a_claim_made_again_during_an_appeal_is_no_new_claim() -> None:
    """Found by the machine: refused, a non-suspensive appeal, the claim made again,
    then a removal. The chart keeps the appeal pending (a repeat claim is no new
    claim), so the strict policy accepts the removal; the oracle must agree."""
    from proceedings._strategies.oracle import Protections

    day = proceedings.UncertainDate.parse("2023-01-09")
    events = [
        proceedings.AsylumDecision(
            id="e1", date=day, jurisdiction="KZ", outcome=proceedings.AsylumOutcome.REFUSED
        ),
        proceedings.AppealFiled(
            id="e2",
            date=day,
            jurisdiction="KZ",
            against="e1",
            level=proceedings.AppealLevel.ADMINISTRATIVE_REVIEW,
            appellant=proceedings.Appellant.PERSON,
            suspensive=False,
        ),
        proceedings.AsylumClaim(
            id="e3", date=day, jurisdiction="KZ", kind=proceedings.AsylumKind.REFUGEE_STATUS
        ),
    ]
    removal = proceedings.Removal(
        id="e4",
        date=day,
        jurisdiction="KZ",
        channel=proceedings.RemovalChannel.CRIMINAL_EXPULSION,
        destination="RU",
    )
    oracle = Protections(jurisdiction="KZ")
    proceeding = proceedings.Proceeding(person=proceedings.Person(id="x", nationalities=("RU",)))
    for event in events:
        oracle.update(event)
        proceeding.apply(event)
    assert oracle.barring(removal) == []
    proceeding.apply(removal)  # accepted: nothing bars it
