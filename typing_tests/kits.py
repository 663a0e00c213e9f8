"""Type-checked, never run: the Hypothesis kits as a user's test suite sees them."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine

from proceedings import CaseRecord, Detention, Event, Person, Removal
from proceedings import strategies as pst
from proceedings.law import DEFAULT_RULEBOOKS
from proceedings.testing import PROTECTIONS, proceeding_machine

records: st.SearchStrategy[CaseRecord] = pst.records(
    max_events=5, event_types=[Detention, Removal], max_accounts=0, chronological=True
)
dicts: st.SearchStrategy[dict[str, Any]] = pst.record_dicts(max_accounts=1)
broken: st.SearchStrategy[tuple[dict[str, Any], str]] = pst.broken_record_dicts(
    breakages=pst.BREAKAGES[:2]
)
one_event: st.SearchStrategy[Event] = pst.events(event_types=[Detention], source_ids=["s1"])
histories: st.SearchStrategy[CaseRecord] = pst.lawful_histories(
    max_events=4, rulebooks=DEFAULT_RULEBOOKS, person=Person(id="p")
)
mutations: st.SearchStrategy[pst.Mutation] = pst.near_lawful_mutations(breaches=pst.BREACHES)
people: st.SearchStrategy[Person] = st.from_type(Person)

Machine: type[RuleBasedStateMachine] = proceeding_machine(
    rulebooks=DEFAULT_RULEBOOKS, protections=list(PROTECTIONS)[:2], event_types=[Removal]
)


@given(mutations)
def test_breach_names_its_rule(mutation: pst.Mutation) -> None:
    rule_id: str = mutation.rule_id
    breach: str = mutation.kind
    assert breach in pst.BREACHES, rule_id
