"""Hypothesis support for testing rulebooks: a state machine that checks the law.

A rulebook is law as data, and law has properties that must hold whatever
happens: no removal while an asylum claim is pending, none while an interim
measure stands, the strict policy refuses exactly what the audit policy
reports. :func:`proceeding_machine` turns those properties into a Hypothesis
:class:`~hypothesis.stateful.RuleBasedStateMachine` that applies random events
to a strict :class:`~proceedings.Proceeding` built on *your* rulebooks::

    from proceedings.law import DEFAULT_RULEBOOKS
    from proceedings.testing import proceeding_machine

    MY_LAW = Law(rulebooks=(*DEFAULT_RULEBOOKS, MY_RULEBOOK))
    TestMyLaw = proceeding_machine(law=MY_LAW).TestCase

No subclassing: everything the machine needs is passed in. The protections it
checks are written independently of the engine, from the law they model (see
:data:`PROTECTIONS`).

The strategies for lawful histories and near-lawful mutations live in
:mod:`proceedings.strategies` (:func:`~proceedings.strategies.lawful_histories`,
:func:`~proceedings.strategies.near_lawful_mutations`).

This module imports Hypothesis; install ``proceedings[hypothesis]`` to use it.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Mapping, Sequence
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from ._durations import shift_day
from ._engine import State, Step
from ._errors import RecordError, TransitionRefused
from ._findings import Finding, Severity
from ._model import CaseRecord, Event, InterimBody, Person, Removal
from ._rules import Law, Rulebook
from ._strategies._law import check_law, finding_key
from ._strategies._validation import check_date, check_person, deprecated
from ._strategies.histories import (
    DEFAULT_PERSON,
    DEFAULT_START,
    UN_BODIES,
    WAITS,
    event_tags,
    next_events,
    scene,
)
from ._strategies.oracle import Protections

__all__ = ["PROTECTIONS", "proceeding_machine"]

#: The protections the machine can check, each a sentence of the law it models.
#: ``extradition_appeal`` uses the 10-day appeal of Kazakhstan's Criminal
#: Procedure Code (art 592), and is checked by default only there.
PROTECTIONS: Mapping[str, str] = {
    "asylum_claim": "No removal, on any channel, while an asylum claim awaits a decision.",
    "asylum_appeal": (
        "No removal while an appeal against an asylum refusal is pending (in Kazakhstan, "
        "under the default reading asylum_appeal_suspensive=yes; elsewhere where the "
        "record says the appeal is suspensive)."
    ),
    "asylum_granted": "No removal of a person granted refugee status or protection.",
    "interim_measure": "No removal while an interim measure against removal is in force.",
    "extradition_appeal": (
        "No surrender to the requesting state while the 10-day appeal against the "
        "extradition decision may run, while an appeal is pending, or while extradition "
        "is suspended."
    ),
}


def _default_protections(jurisdiction: str, readings: Mapping[str, str] | None) -> frozenset[str]:
    chosen = set(PROTECTIONS)
    if (readings or {}).get("asylum_appeal_suspensive", "yes") != "yes":
        chosen.discard("asylum_appeal")
    if jurisdiction != "KZ":
        # Both are readings of Kazakh law: the 10-day appeal of its Criminal
        # Procedure Code, and whether a pending asylum appeal protects.
        chosen.discard("extradition_appeal")
        chosen.discard("asylum_appeal")
    return frozenset(chosen)


def _check_protections(
    value: object, jurisdiction: str, readings: Mapping[str, str] | None
) -> frozenset[str]:
    if value is None:
        return _default_protections(jurisdiction, readings)
    if isinstance(value, str) or not isinstance(value, Collection):
        raise InvalidArgument(f"protections={value!r} must be a collection of names")
    unknown = sorted(set(value) - set(PROTECTIONS))
    if unknown:
        raise InvalidArgument(
            f"unknown protections {unknown}; known: {', '.join(sorted(PROTECTIONS))}"
        )
    return frozenset(value)


def _finding_keys(findings: Sequence[Finding]) -> set[tuple[str, tuple[int, ...], str, str]]:
    return {finding_key(f) for f in findings if f.rule_id != "REC-DATE-ORDER"}


def _check_refusal(refusal: TransitionRefused, event: Event) -> None:
    """A refusal names the refused event and the violations (with citations) that bar it."""
    assert refusal.event_id == event.id, (refusal.event_id, event.id)
    assert refusal.findings, "a refusal must name the findings that bar the event"
    for f in refusal.findings:
        assert f.severity is Severity.VIOLATION, f
        assert f.citations, f"refusal by {f.rule_id} cites nothing"
        assert f.rule_id in str(refusal), (f.rule_id, str(refusal))


@attrs.frozen
class _Attempt:
    """One event offered to the proceeding, and what was seen around it."""

    event: Event
    accepted: bool
    record_before: CaseRecord
    state_before: State
    steps_before: tuple[Step, ...]
    barring: tuple[str, ...]


def proceeding_machine(
    *,
    law: Law | None = None,
    rulebooks: Sequence[Rulebook] | None = None,
    readings: Mapping[str, str] | None = None,
    person: Person | None = None,
    jurisdiction: str = "KZ",
    event_types: Collection[type[Event]] | None = None,
    protections: Collection[str] | None = None,
    interim_bodies: Collection[InterimBody] = UN_BODIES,
    start: datetime.date = DEFAULT_START,
) -> type[RuleBasedStateMachine]:
    """A state machine that applies random events to a strict proceeding and checks the law.

    Its rules move the date forward by random steps from ``start`` and offer
    random events of every type (appeals against earlier decisions, removals
    on every channel, detentions on every ground, interim measures, dates
    sometimes uncertain) to a strict :class:`~proceedings.Proceeding`. It
    checks, after every step (the agreement with the audit at the end of each
    run, which covers every prefix since findings never depend on later events):

    * no accepted removal breaches one of ``protections`` (see
      :data:`PROTECTIONS`; checked against an oracle written from the law,
      not against the engine's state);
    * a refused event leaves the record, the state and the steps unchanged;
    * the audit policy agrees with the strict one: :func:`~proceedings.validate`
      of the accepted record finds no violation (other than a retrospective
      one, which an accepted release may reveal), and exactly the findings
      the accepted steps produced;
    * the engine raises nothing but :class:`~proceedings.TransitionRefused` or
      :class:`~proceedings.RecordError`, and a refusal names violations.

    Use the machine's ``TestCase`` attribute as a test class, or pass the
    machine to :func:`hypothesis.stateful.run_state_machine_as_test`.

    Args:
        law: The law under test (:class:`~proceedings.Law`: your rulebooks
            and readings); :data:`proceedings.law.DEFAULT_LAW` if ``None``.
        rulebooks: Deprecated: pass ``law=``.
        readings: Deprecated: pass ``law=``.
        person: Whom the proceedings are about (a Russian national by default).
        jurisdiction: Where the events happen (ISO 3166-1 alpha-2). A few
            events (a case opened, a verdict in absentia) happen in the
            country of origin instead.
        event_types: The event classes to generate (all by default).
        protections: Names from :data:`PROTECTIONS` to check. By default all,
            except ``asylum_appeal`` under ``asylum_appeal_suspensive=no`` and
            ``extradition_appeal`` outside Kazakhstan. Pass ``()`` to check
            only the agreement of the two policies.
        interim_bodies: The bodies whose interim measures are generated. The
            UN committees by default; the ECtHR binds only members of the
            Council of Europe.
        start: The date of the first event.

    Returns:
        A :class:`~hypothesis.stateful.RuleBasedStateMachine` subclass.

    Raises:
        hypothesis.errors.InvalidArgument: At once, if an argument is malformed
            or the rulebooks and readings do not compose.
    """
    who = check_person(person, DEFAULT_PERSON)
    chosen = check_law(who, law, rulebooks, readings, where="proceeding_machine")
    where = scene(who, jurisdiction, event_types, interim_bodies)
    checked = _check_protections(protections, where.jurisdiction, chosen.readings)
    first_day = check_date(start, "start")

    class ProceedingMachine(RuleBasedStateMachine):
        """Random events applied to a strict proceeding; the law checked after each."""

        def __init__(self) -> None:
            super().__init__()
            self.proceeding = chosen.proceeding(who)
            self.day = first_day
            self.offered = 0
            self.oracle = Protections(where.jurisdiction)
            self.last: _Attempt | None = None

        @rule(days=WAITS)
        def wait(self, days: int) -> None:
            """Let time pass."""
            # Time stops at 9999-12-31, the last day a record can give.
            self.day = shift_day(self.day, days)

        @rule(tag=event_tags(where), data=st.data())
        def offer_event(self, tag: str, data: st.DataObject) -> None:
            """Offer one random event of type ``tag``; record whether it was accepted."""
            self.offered += 1
            proc = self.proceeding
            self.last = None
            event = data.draw(next_events(tag, where, proc.record, self.day, f"e{self.offered}"))
            if event is None:
                return
            barring = (
                tuple(n for n in self.oracle.barring(event) if n in checked)
                if isinstance(event, Removal)
                else ()
            )
            record, state, steps = proc.record, proc.state, proc.steps
            refusal: TransitionRefused | None = None
            try:
                proc.apply(event)
            except TransitionRefused as exc:
                refusal = exc
            except RecordError:
                pass
            except Exception as exc:
                raise AssertionError(
                    f"the engine raised {type(exc).__name__}: {exc} for {event!r}"
                ) from exc
            accepted = len(proc.record.events) > len(record.events)
            if accepted:
                self.oracle.update(event)
            if refusal is not None:
                _check_refusal(refusal, event)
            self.last = _Attempt(
                event=event,
                accepted=accepted,
                record_before=record,
                state_before=state,
                steps_before=steps,
                barring=barring,
            )

        @invariant()
        def removals_respect_protections(self) -> None:
            """No accepted removal breaches a protection in force."""
            last = self.last
            if last is not None and last.accepted:
                assert not last.barring, (
                    f"removal {last.event!r} was accepted although these protections "
                    f"were in force: {', '.join(last.barring)}"
                )

        @invariant()
        def refusals_change_nothing(self) -> None:
            """A refused event leaves the record, the state and the steps as they were."""
            last = self.last
            if last is not None and not last.accepted:
                proc = self.proceeding
                assert proc.record == last.record_before
                assert proc.state == last.state_before
                assert proc.steps == last.steps_before

        def teardown(self) -> None:
            """The audit of the accepted record has no violation, and the same findings.

            Checked once, at the end: findings at an event do not depend on
            later events, so the whole record shows every prefix's findings.
            """
            proc = self.proceeding
            report = chosen.validate(proc.record)
            # A retrospective violation lies before the event that reveals it
            # (a release after custody ran too long): strict mode accepts it.
            current = [f for f in report.violations if not f.retrospective]
            assert not current, current
            produced = [f for step in proc.steps for f in step.findings]
            assert _finding_keys(report.findings) == _finding_keys(produced)

    ProceedingMachine.__name__ = ProceedingMachine.__qualname__ = (
        f"ProceedingMachine_{where.jurisdiction}"
    )
    return ProceedingMachine


# Moved to proceedings.strategies (or renamed there); kept here for one release.
_MOVED = {
    "lawful_histories": "lawful_histories",
    "near_lawful_mutations": "near_lawful_mutations",
    "Mutation": "Mutation",
    "MUTATION_KINDS": "BREACHES",
}


def __getattr__(name: str) -> Any:
    if name not in _MOVED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import strategies  # noqa: PLC0415 (the machine does not need the front)

    new = f"{strategies.__name__}.{_MOVED[name]}"
    return deprecated(f"{__name__}.{name}", new, getattr(strategies, _MOVED[name]))
