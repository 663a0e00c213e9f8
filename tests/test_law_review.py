"""Fixes from the legal review of the rulebooks against the seed cases.

Each test names the review item it covers: citations that named the wrong
provision, checks whose logic a lawyer would not accept, and the Russian
offence catalogue.
"""

from __future__ import annotations

from typing import Any

from builders import (
    BORDER,
    DESERTION,
    EXPULSION,
    appeal,
    appeal_decided,
    claim,
    crossing,
    decision,
    detention,
    event,
    extradition,
    fired,
    law,
    record,
    removal,
    request,
)
from proceedings import (
    Actor,
    AppealOutcome,
    AsylumOutcome,
    Certainty,
    Charge,
    DetentionGround,
    ExpulsionKind,
    Involvement,
    OffenceCategory,
    RemovalChannel,
    Severity,
    UncertainDate,
    validate,
)
from proceedings.law import DEFAULT_LAW

V, W, N = Severity.VIOLATION, Severity.WARNING, Severity.NOTE
CERTAIN, UNDETERMINED = Certainty.CERTAIN, Certainty.UNDETERMINED
CONDITIONAL = Certainty.CONDITIONAL

DRAFT_EVASION = Charge(code="RU-CC", article="328", label="draft evasion")


def _findings(rec: Any, rule_id: str, **kwargs: Any) -> list[Any]:
    return [f for f in validate(rec, law=law(**kwargs)).findings if f.rule_id == rule_id]


def _conviction(ident: str, date: str) -> Any:
    return event(
        "criminal_conviction",
        ident,
        date,
        charges=(BORDER,),
        additional_penalties=(EXPULSION,),
    )


# -- 3.2 citations --------------------------------------------------------------------------


def test_as_status_is_unverified_and_cites_art_1_6_only_as_a_definition() -> None:
    """KZ-REF-AS-STATUS: art 1(6) defines who is an asylum seeker; it is no bar on removal."""
    rule = DEFAULT_LAW.rule("KZ-REF-AS-STATUS")
    assert not rule.verified
    assert "definition" in rule.verification
    assert "not found" in rule.verification


def test_koap_appeal_no_longer_cites_art_829_4_as_the_judges_appeal() -> None:
    """KoAP art 829-4 governs complaints against bodies and officials, not judges' rulings."""
    rule = DEFAULT_LAW.rule("KZ-KOAP-APPEAL")
    assert all(c.article != "829-4" for c in rule.citations)


def test_civil_expulsion_is_not_judged_under_the_koap() -> None:
    """Variation v9b: a civil-procedure expulsion is not under the KoAP."""
    rec = record(
        event("expulsion_ordered", "o", "2023-01-01", kind=ExpulsionKind.CIVIL),
        removal("r", "2023-01-01", channel=RemovalChannel.CIVIL_EXPULSION),
    )
    assert fired(rec, "KZ-KOAP-APPEAL") == []
    civil = _findings(rec, "KZ-CIVIL-EXPULSION")
    assert [(f.severity, f.certainty) for f in civil] == [(V, CONDITIONAL)]
    assert "Code of Administrative Offences" not in str(civil[0].citations)


def test_civil_expulsion_a_day_later_invents_no_period() -> None:
    """The civil appeal period is not verified: no number is applied to it."""
    rec = record(
        event("expulsion_ordered", "o", "2023-01-01", kind=ExpulsionKind.CIVIL),
        removal("r", "2023-01-03", channel=RemovalChannel.CIVIL_EXPULSION),
    )
    assert [(f.certainty) for f in _findings(rec, "KZ-CIVIL-EXPULSION")] == [UNDETERMINED]


def test_ref_apply_cites_ministry_rules_118_and_is_in_force_from_2022() -> None:
    rule = DEFAULT_LAW.rule("KZ-REF-APPLY")
    assert any("118" in c.instrument for c in rule.citations)
    assert all("183" not in c.instrument for c in rule.citations)
    assert rule.in_force[0] is not None
    assert rule.in_force[0].year == 2022
    assert not rule.verified


def test_ref_apply_silent_before_the_rules() -> None:
    """Variation v5: a claim in 1996 is not measured against 2022 rules."""
    rec = record(crossing("x", "1996-01-01"), claim("c", "1996-03-01"))
    assert fired(rec, "KZ-REF-APPLY") == []


def test_ref_apply_counts_from_the_last_arrival_refused_entry_included() -> None:
    """Murtazov: returned to Kazakhstan and refused entry, he claimed at the airport."""
    rec = record(
        crossing("x", "2025-10-01"),
        event("departure", "d", "2025-12-20", destination="TR"),
        removal(
            "back",
            "2025-12-25",
            channel=RemovalChannel.FRONTIER_REJECTION,
            destination="KZ",
            where="TR",
        ),
        event("entry_refused", "e", "2025-12-26"),
        claim("c", "2025-12-28"),
    )
    assert fired(rec, "KZ-REF-APPLY") == []


def test_590_asylum_asserts_no_year_for_the_unhcr_briefing() -> None:
    rule = DEFAULT_LAW.rule("KZ-CPC-590-ASYLUM")
    assert all(c.text_date is None for c in rule.citations if "UNHCR" in c.instrument)


def test_assurance_pattern_cites_no_project_file() -> None:
    rule = DEFAULT_LAW.rule("PAT-ASSURANCE-BREACHED")
    text = " ".join(f"{c.instrument} {c.article} {c.url}" for c in rule.citations)
    assert ".md" not in text
    assert "legal-rules" not in text
    assert "KZ-STMT" not in text


# -- 3.3 logic ------------------------------------------------------------------------------


def test_removal_the_day_after_a_first_instance_refusal_is_not_silent() -> None:
    """Item 2 (v21): the period to appeal had not run; its length is not verified."""
    rec = record(
        claim("c", "2023-01-01"),
        decision("d", "2023-02-01", AsylumOutcome.REFUSED),
        removal("r", "2023-02-02"),
    )
    found = _findings(rec, "KZ-REF-AS-STATUS")
    assert [(f.severity, f.certainty) for f in found] == [(V, UNDETERMINED)]
    assert "asylum_appeal_suspensive=yes" in found[0].readings


def test_removal_two_months_after_an_unappealed_refusal_is_silent() -> None:
    """The window is bounded by the one-month court claim period (a secondary account)."""
    rec = record(
        claim("c", "2023-01-01"),
        decision("d", "2023-02-01", AsylumOutcome.REFUSED),
        removal("r", "2023-04-01"),
    )
    assert fired(rec, "KZ-REF-AS-STATUS") == []


def test_appeal_window_after_refusal_needs_the_suspensive_reading() -> None:
    rec = record(
        claim("c", "2023-01-01"),
        decision("d", "2023-02-01", AsylumOutcome.REFUSED),
        removal("r", "2023-02-02"),
    )
    assert fired(rec, "KZ-REF-AS-STATUS", readings={"asylum_appeal_suspensive": "no"}) == []


def test_criminal_expulsion_days_after_the_verdict_is_not_silent() -> None:
    """Item 4 (v1g): expelled 3 days after the verdict, no appeal on record."""
    rec = record(
        _conviction("v", "2023-01-01"),
        removal("r", "2023-01-04", channel=RemovalChannel.CRIMINAL_EXPULSION),
    )
    assert fired(rec, "KZ-GOV-175") == [(V, UNDETERMINED, ("r", "v"))]


def test_criminal_expulsion_long_after_the_verdict_is_silent() -> None:
    rec = record(
        _conviction("v", "2023-01-01"),
        removal("r", "2023-03-01", channel=RemovalChannel.CRIMINAL_EXPULSION),
    )
    assert fired(rec, "KZ-GOV-175") == []


def test_590_asylum_approval_is_a_warning() -> None:
    """Item 5: approval is not surrender; the surrender is caught by KZ-REF-AS-STATUS."""
    rec = record(claim("c", "2023-01-01"), extradition("a", "2023-03-01"))
    assert fired(rec, "KZ-CPC-590-ASYLUM") == [(W, CERTAIN, ("a", "c"))]
    rec = record(
        claim("c", "2023-01-01"),
        extradition("a", "2023-03-01"),
        removal("s", "2023-04-01", channel=RemovalChannel.EXTRADITION),
    )
    assert [f[0] for f in fired(rec, "KZ-REF-AS-STATUS")] == [V]


def test_590_military_approval_is_a_warning() -> None:
    rec = record(request("q", "2023-02-01", DESERTION), extradition("a", "2023-03-01"))
    assert fired(rec, "KZ-CPC-590-MILITARY") == [(W, CERTAIN, ("a", "q"))]


def test_590_military_flags_a_mixed_request() -> None:
    """Item 6 (v3b): desertion plus an ordinary charge: the approval must exclude desertion."""
    rec = record(
        request("q", "2023-02-01", DESERTION, BORDER),
        extradition("a", "2023-03-01"),
    )
    found = _findings(rec, "KZ-CPC-590-MILITARY")
    assert [(f.severity, f.event_ids) for f in found] == [(W, ("a", "q"))]
    assert "speciality" in found[0].message


def test_draft_evasion_class_is_a_reading() -> None:
    """RU CC 328: its class decides the military ground; it is a reading with a default."""
    rec = record(request("q", "2023-02-01", DRAFT_EVASION), extradition("a", "2023-03-01"))
    found = _findings(rec, "KZ-CPC-590-MILITARY")
    assert [f.severity for f in found] == [W]
    assert "draft_evasion_class=military" in found[0].readings
    assert _findings(rec, "KZ-CPC-590-MILITARY", readings={"draft_evasion_class": "ordinary"}) == []


def test_forty_days_not_run_when_the_request_may_predate_custody() -> None:
    """Item 7 (Movlaev): a request of unknown date may have come before the custody."""
    rec = record(
        detention("k", "2025-05", DetentionGround.EXTRADITION_CUSTODY),
        request("q", "2023-10/2026-01-27", DESERTION),
    )
    assert fired(rec, "KZ-CPC-588") == []
    assert fired(rec, "CIS-MINSK-62") == []


def test_forty_days_still_run_when_the_request_came_later() -> None:
    rec = record(
        detention("k", "2025-05-01", DetentionGround.EXTRADITION_CUSTODY),
        request("q", "2025-07-01", DESERTION),
    )
    assert fired(rec, "KZ-CPC-588") == [(V, CERTAIN, ("q", "k"))]


def test_ref_apply_counts_from_the_risk_too() -> None:
    """Item 8: the 5 days also run from learning of the risk; the note says so."""
    rec = record(crossing("x", "2023-01-01"), claim("c", "2023-03-01"))
    (found,) = _findings(rec, "KZ-REF-APPLY")
    assert "risk" in found.message


def test_case_in_transit_does_not_claim_a_case_was_opened() -> None:
    """Kasimov: he was charged on delivery; the case may already have existed."""
    rec = record(
        removal("r", "2024-04-01", channel=RemovalChannel.FOREIGN_FACILITY_TRANSFER),
        event("criminal_case_opened", "ch", "2024-04-01", where="RU", charges=(DESERTION,)),
    )
    (found,) = _findings(rec, "PAT-CASE-IN-TRANSIT")
    assert "charge" in found.message
    assert "A criminal case was opened" not in found.message


def test_transfer_by_an_unknown_actor_is_not_a_certain_kazakh_breach() -> None:
    """Bazhukov's late-2025 transfer: who carried it out is not known."""
    rec = record(
        claim("c", "2025-01-01"),
        removal(
            "t", "2025-10-01", channel=RemovalChannel.FOREIGN_FACILITY_TRANSFER, actor=Actor.UNKNOWN
        ),
    )
    assert fired(rec, "KZ-CPC-587-592") == [(V, UNDETERMINED, ("t",))]
    assert [f[1] for f in fired(rec, "KZ-REF-AS-STATUS")] == [UNDETERMINED]


def test_transfer_by_host_agents_stays_a_breach() -> None:
    rec = record(
        removal(
            "t",
            "2025-10-01",
            channel=RemovalChannel.INFORMAL_HANDOVER,
            actor=Actor.FOREIGN_AGENTS,
            actor_state="RU",
            involvement=Involvement.ESTABLISHED,
        ),
    )
    assert fired(rec, "KZ-CPC-587-592") == [(V, CERTAIN, ("t",))]


# -- 3.2 offence classes ---------------------------------------------------------------------


def test_missing_russian_offences_are_catalogued() -> None:
    on = UncertainDate.parse("2023-06-01")
    expected = {
        ("207.3", None): OffenceCategory.POLITICAL,
        ("282.3", None): OffenceCategory.POLITICAL,
        ("163", None): OffenceCategory.ORDINARY,
        ("158", None): OffenceCategory.ORDINARY,
        ("332", None): OffenceCategory.MILITARY,
        ("339", None): OffenceCategory.MILITARY,
        ("337", "2.1"): OffenceCategory.MILITARY,
        ("337", "3.1"): OffenceCategory.MILITARY,
    }
    for (article, part), category in expected.items():
        charge = Charge(code="RU-CC", article=article, part=part)
        entry = DEFAULT_LAW.offence(charge, on)
        assert entry is not None, article
        assert entry.article == article
        assert entry.part == part
        assert entry.category is category, article


def test_mobilization_parts_of_337_date_from_the_2022_amendment() -> None:
    charge = Charge(code="RU-CC", article="337", part="2.1")
    entry = DEFAULT_LAW.offence(charge, UncertainDate.parse("2021-01-01"))
    assert entry is not None
    assert entry.part is None
    later = DEFAULT_LAW.offence(charge, UncertainDate.parse("2022-09-24"))
    assert later is not None
    assert later.part == "2.1"


def test_civil_order_executed_by_another_channel_is_not_judged_under_the_koap() -> None:
    """The order's procedure decides the governing code, whatever the removal is called."""
    rec = record(
        event("expulsion_ordered", "o", "2023-01-01", kind=ExpulsionKind.CIVIL),
        removal("r", "2023-01-01", channel=RemovalChannel.DEPORTATION),
    )
    assert fired(rec, "KZ-KOAP-APPEAL") == []
    assert [f[0] for f in fired(rec, "KZ-CIVIL-EXPULSION")] == [V]


def test_civil_expulsion_while_appealed_or_suspended() -> None:
    appealed = [
        event("expulsion_ordered", "o", "2023-01-01", kind=ExpulsionKind.CIVIL),
        appeal("p", "2023-01-05", "o"),
    ]
    later = removal("r", "2023-03-01", channel=RemovalChannel.CIVIL_EXPULSION)
    found = _findings(record(*appealed, later), "KZ-CIVIL-EXPULSION")
    assert [(f.severity, "pending" in f.message) for f in found] == [(V, True)]
    suspended = appeal_decided("pd", "2023-01-10", "p", AppealOutcome.SUSPENDED)
    found = _findings(record(*appealed, suspended, later), "KZ-CIVIL-EXPULSION")
    assert [(f.severity, "suspended" in f.message) for f in found] == [(V, True)]
