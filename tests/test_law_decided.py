"""The law of decided cases, situation by situation: what each reading of the record gives.

The firing and silent examples of every rule are in ``test_rules.py``; these are
the situations in between that the Court's case law distinguishes (an
examination that found a risk, one that found none, evidence about another
state, a removal by unidentified men), each with the finding the law leads one
to expect and why.
"""

from __future__ import annotations

from typing import Any

import pytest

from builders import (
    EXPULSION,
    appeal,
    appeal_decided,
    claim,
    day,
    decision,
    event,
    fired,
    measure,
    record,
    removal,
    request,
)
from proceedings import (
    Actor,
    AppealOutcome,
    AsylumOutcome,
    Certainty,
    DetentionGround,
    InterimBody,
    InterimCover,
    Involvement,
    Person,
    RecordError,
    RemovalChannel,
    RequestKind,
    Risk,
    RiskResult,
    RiskScope,
    Safeguards,
    Severity,
    ZoneKind,
    validate,
)
from proceedings.law import DEFAULT_RULEBOOKS, Law, find_rule

V, W = Severity.VIOLATION, Severity.WARNING
CERTAIN, UNDETERMINED = Certainty.CERTAIN, Certainty.UNDETERMINED
CONDITIONAL = Certainty.CONDITIONAL
HANDOVER = RemovalChannel.INFORMAL_HANDOVER


def _risk(ident: str, date: str, where: str = "FR", destination: str = "RU", **kw: Any) -> Any:
    kw.setdefault("risks", (Risk.TORTURE,))
    return event(
        "risk_evidence",
        ident,
        date,
        where,
        scope=RiskScope.INDIVIDUAL,
        destination=destination,
        description="the person's account",
        **kw,
    )


def _exam(ident: str, date: str, result: RiskResult, where: str = "FR", **kw: Any) -> Any:
    return event("risk_examined", ident, date, where, result=result, destination="RU", **kw)


def _removal(ident: str = "r", date: str = "2023-03-01", **kw: Any) -> Any:
    kw.setdefault("where", "FR")
    return removal(ident, date, **kw)


# -- art 3: how the examination of the risk decides the certainty ---------------------------


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        (RiskResult.RISK_FOUND, [(V, CERTAIN, ("r", "e", "x"))]),
        (RiskResult.NOT_EXAMINED, [(V, CERTAIN, ("r", "e", "x"))]),
        (RiskResult.NO_RISK_FOUND, [(V, UNDETERMINED, ("r", "e", "x"))]),
        (RiskResult.UNKNOWN, [(V, UNDETERMINED, ("r", "e", "x"))]),
    ],
)
def test_the_domestic_examination_decides_what_is_certain(
    result: RiskResult, expected: list[Any]
) -> None:
    """Found a risk or refused to look: certain. Found none: a court's judgement, undetermined."""
    rec = record(_risk("e", "2023-01-01"), _exam("x", "2023-02-01", result), _removal())
    assert expected == fired(rec, "ECHR-3-REMOVAL")


def test_an_examination_of_the_risk_in_another_state_does_not_count() -> None:
    """The authorities found a risk in Uzbekistan; the person was sent to Russia, where no
    examination is on record: the Uzbek finding does not make the Russian removal certain."""
    rec = record(
        _risk("e", "2023-01-01"),
        event(
            "risk_examined", "x", "2023-02-01", "FR", result=RiskResult.RISK_FOUND, destination="UZ"
        ),
        _removal(),
    )
    assert [(V, UNDETERMINED, ("r", "e"))] == fired(rec, "ECHR-3-REMOVAL")


def test_an_examination_by_the_international_body_is_not_the_states() -> None:
    """The Court's own finding of a risk is a holding, not the authorities' examination."""
    rec = record(
        _risk("e", "2023-01-01"),
        event("international_decision", "j", "2023-02-01", "FR", body="ecthr"),
        _exam("x", "2023-02-01", RiskResult.RISK_FOUND, decision="j"),
        _removal(),
    )
    assert [(V, UNDETERMINED, ("r", "e"))] == fired(rec, "ECHR-3-REMOVAL")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"acknowledged": False}, CERTAIN),
        ({"actor": Actor.UNIDENTIFIED}, UNDETERMINED),
        (
            {
                "actor": Actor.UNIDENTIFIED,
                "involvement": Involvement.ESTABLISHED,
                "channel": HANDOVER,
            },
            CERTAIN,
        ),
        ({"actor": Actor.HOST_AGENTS}, UNDETERMINED),
    ],
)
def test_who_removed_the_person_and_how(fields: dict[str, Any], expected: Certainty) -> None:
    """An unacknowledged removal leaves no room for an assessment; unidentified men leave the
    state's part open unless its involvement is established."""
    rec = record(_risk("e", "2023-01-01"), _removal(**fields))
    [(_, certainty, _)] = fired(rec, "ECHR-3-REMOVAL")
    assert expected is certainty


def test_evidence_about_another_state_is_chain_refoulement_undetermined() -> None:
    """A risk in Russia and a removal to Belarus outside any procedure: undetermined (M.K.)."""
    rec = record(_risk("e", "2023-01-01"), _removal(channel=HANDOVER, destination="BY"))
    [(_, certainty, events)] = fired(rec, "ECHR-3-REMOVAL")
    [finding] = [f for f in validate(rec).findings if f.rule_id == "ECHR-3-REMOVAL"]
    assert (certainty, events) == (UNDETERMINED, ("r", "e"))
    assert "chain refoulement" in finding.message


def test_the_hosts_own_protection_is_evidence_of_the_risk() -> None:
    """Removed to the state of nationality from which the host itself granted protection."""
    rec = record(
        claim("c", "2022-01-01", where="FR"),
        decision("g", "2022-06-01", AsylumOutcome.GRANTED, where="FR"),
        _removal(channel=HANDOVER),
    )
    assert [(V, CERTAIN, ("r", "g"))] == fired(rec, "ECHR-3-REMOVAL")


def test_a_measure_that_does_not_cover_removal_is_no_evidence() -> None:
    """An interim measure about detention conditions says nothing of a risk on return."""
    rec = record(
        event(
            "interim_measure_requested",
            "m",
            "2023-01-01",
            "FR",
            body=InterimBody.ECTHR,
            covers=(InterimCover.DETENTION_CONDITIONS,),
        ),
        _removal(),
    )
    assert [] == fired(rec, "ECHR-3-REMOVAL")


def test_a_refusal_to_register_the_claim_left_no_assessment() -> None:
    """Border guards who refuse to receive the claim examine nothing (M.K. and Others)."""
    rec = record(
        claim("c", "2023-01-01", where="PL"),
        _risk("e", "2023-01-01", where="PL"),
        event("asylum_claim_not_registered", "n", "2023-01-01", "PL", claim="c"),
        _removal(where="PL", channel=RemovalChannel.FRONTIER_REJECTION),
    )
    assert [(V, CERTAIN, ("r", "e"))] == fired(rec, "ECHR-3-REMOVAL")


def test_russia_is_judged_only_until_it_left_the_convention() -> None:
    """The same removal from Russia: a finding in 2021, none in 2023 (ceased 16 Sep 2022)."""
    before = record(
        _risk("e", "2021-01-01", where="RU", destination="TJ"),
        _removal(date="2021-03-01", where="RU", destination="TJ", channel=HANDOVER),
    )
    after = record(
        _risk("e", "2023-01-01", where="RU", destination="TJ"),
        _removal(date="2023-03-01", where="RU", destination="TJ", channel=HANDOVER),
    )
    assert (fired(before, "ECHR-3-REMOVAL"), fired(after, "ECHR-3-REMOVAL")) == (
        [(V, CERTAIN, ("r", "e"))],
        [],
    )


# -- art 3: the order ---------------------------------------------------------------------


def test_an_extradition_approved_after_evidence_of_a_risk() -> None:
    """Soering: the surrender ordered despite the evidence; a warning on the order."""
    rec = record(
        request("q", "2023-01-01", where="FR"),
        _risk("e", "2023-01-05"),
        event("extradition_decided", "a", "2023-02-01", "FR", outcome="approved", request="q"),
    )
    assert [(W, UNDETERMINED, ("a", "e"))] == fired(rec, "ECHR-3-ORDER")


def test_an_appeal_dismissed_upholds_the_order() -> None:
    """Gaforov: the evidence came with the appeal; the dismissal upholds the order."""
    rec = record(
        request("q", "2023-01-01", where="FR"),
        event("extradition_decided", "a", "2023-02-01", "FR", outcome="approved", request="q"),
        appeal("p", "2023-02-05", "a", where="FR"),
        _risk("e", "2023-02-06"),
        appeal_decided("d", "2023-03-01", "p", AppealOutcome.DISMISSED, where="FR"),
    )
    assert [(W, UNDETERMINED, ("d", "a", "e"))] == fired(rec, "ECHR-3-ORDER")


@pytest.mark.parametrize(
    "order",
    [
        # An extradition approved on no request on record: the destination is not known.
        event("extradition_decided", "a", "2023-02-01", "FR", outcome="approved"),
        # An expulsion to a state named in the order, not the risky one.
        event(
            "expulsion_ordered", "a", "2023-02-01", "FR", kind="administrative", destination="IT"
        ),
    ],
    ids=["no-request", "elsewhere"],
)
def test_an_order_whose_destination_is_not_the_risky_state(order: Any) -> None:
    """No destination, or another one: nothing to warn of."""
    assert [] == fired(record(_risk("e", "2023-01-05"), order), "ECHR-3-ORDER")


def test_an_appeal_upheld_or_an_expulsion_of_a_person_of_two_nationalities() -> None:
    """The person won the appeal; or the order names no state and the person has two."""
    upheld = record(
        request("q", "2023-01-01", where="FR"),
        _risk("e", "2023-01-05"),
        event("extradition_decided", "a", "2023-02-01", "FR", outcome="refused", request="q"),
        appeal("p", "2023-02-05", "a", where="FR"),
        appeal_decided("d", "2023-03-01", "p", AppealOutcome.UPHELD, where="FR"),
    )
    two = record(
        _risk("e", "2023-01-05"),
        event("expulsion_ordered", "a", "2023-02-01", "FR", kind="administrative"),
        person=Person(id="p", nationalities=("RU", "UA")),
    )
    assert (fired(upheld, "ECHR-3-ORDER"), fired(two, "ECHR-3-ORDER")) == ([], [])


# -- art 6: a flagrant denial of justice ------------------------------------------------------


def test_an_appeal_dismissed_despite_evidence_of_a_trial_on_torture_evidence() -> None:
    """Othman: the order upheld after the person showed the retrial would use such evidence."""
    rec = record(
        event("expulsion_ordered", "a", "2023-01-01", "FR", kind="administrative"),
        appeal("p", "2023-01-05", "a", where="FR"),
        _risk("e", "2023-01-06", risks=(Risk.UNFAIR_TRIAL,), raised_in="p"),
        appeal_decided("d", "2023-03-01", "p", AppealOutcome.DISMISSED, where="FR"),
    )
    assert [(W, UNDETERMINED, ("d", "a", "e"))] == fired(rec, "ECHR-6-FLAGRANT")


def test_an_unfair_trial_in_another_state_or_no_order() -> None:
    """The evidence concerns a state the order does not send the person to; or no order."""
    elsewhere = record(
        _risk("e", "2023-01-05", destination="UZ", risks=(Risk.UNFAIR_TRIAL,)),
        event("expulsion_ordered", "a", "2023-02-01", "FR", kind="administrative"),
    )
    refused = record(
        request("q", "2023-01-01", where="FR"),
        _risk("e", "2023-01-05", risks=(Risk.UNFAIR_TRIAL,)),
        event("extradition_decided", "a", "2023-02-01", "FR", outcome="refused", request="q"),
    )
    assert (fired(elsewhere, "ECHR-6-FLAGRANT"), fired(refused, "ECHR-6-FLAGRANT")) == ([], [])


# -- art 13 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "fields", "expected"),
    [
        ([], {"remedy_available": False}, [(V, CERTAIN, ("r", "e"))]),
        ([], {}, [(V, UNDETERMINED, ("r", "e"))]),
    ],
    ids=["no-remedy", "silent"],
)
def test_the_remedy_against_a_removal(
    extra: list[Any], fields: dict[str, Any], expected: list[Any]
) -> None:
    """No remedy available: certain; the record silent on it: undetermined."""
    rec = record(_risk("e", "2023-01-01"), *extra, _removal(**fields))
    assert expected == fired(rec, "ECHR-13")


def test_a_remedy_without_suspensive_effect_or_that_did_not_examine_the_merits() -> None:
    """Either way the removal went ahead unchecked (Gebremedhin; M.S.S.)."""
    order = event("expulsion_ordered", "o", "2023-01-10", "FR", kind="administrative")
    not_suspensive = record(
        _risk("e", "2023-01-01"),
        order,
        appeal("a", "2023-01-12", "o", where="FR", suspensive=False),
        _removal(),
    )
    no_merits = record(
        _risk("e", "2023-01-01"),
        order,
        appeal("a", "2023-01-12", "o", where="FR"),
        event(
            "appeal_decided",
            "d",
            "2023-01-20",
            "FR",
            appeal="a",
            outcome=AppealOutcome.DISMISSED,
            merits_examined=False,
        ),
        _removal(),
    )
    assert (fired(not_suspensive, "ECHR-13"), fired(no_merits, "ECHR-13")) == (
        [(V, CERTAIN, ("r", "e", "a"))],
        [(V, CERTAIN, ("r", "e", "d"))],
    )


def test_a_collective_return_after_an_irregular_crossing_is_undetermined() -> None:
    """N.D. and N.T.: the lack of a remedy may be the applicants' own doing."""
    rec = record(
        event(
            "border_crossing",
            "x",
            "2023-03-01",
            "ES",
            mode="irregular",
            from_country="MA",
            to_country="ES",
        ),
        _removal(
            where="ES",
            destination="MA",
            channel=RemovalChannel.FRONTIER_REJECTION,
            remedy_available=False,
            safeguards=Safeguards(individual=False),
        ),
    )
    assert (fired(rec, "ECHR-13"), fired(rec, "ECHR-P4-4")) == (
        [(V, UNDETERMINED, ("r",))],
        [(V, UNDETERMINED, ("r", "x"))],
    )


# -- art 5 ----------------------------------------------------------------------------------


def _zone(**fields: Any) -> Any:
    return event("transit_zone_confinement", "z", "2023-02-10", "FR", **fields)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"zone": ZoneKind.AIRPORT_TRANSIT, "basis_given": False}, [(V, CERTAIN, ("z",))]),
        ({"zone": ZoneKind.BORDER_ZONE, "judicial_review": False}, [(V, UNDETERMINED, ("z",))]),
        ({"zone": ZoneKind.AIRPORT_TRANSIT}, [(V, UNDETERMINED, ("z",))]),
    ],
    ids=["airport-no-basis", "land-border-zone", "silent-record"],
)
def test_a_zone_is_a_deprivation_of_liberty_by_its_character(
    fields: dict[str, Any], expected: list[Any]
) -> None:
    """Amuur (an airport: no way out but a flight) against Ilias and Ahmed (a land border)."""
    assert expected == fired(record(_zone(**fields)), "ECHR-5-1-ZONE")


def test_a_zone_with_a_detention_on_record_is_judged_by_the_detention() -> None:
    """A formal detention in the zone: its own ground is what to check."""
    rec = record(
        event("detention", "d", "2023-02-10", "FR", ground=DetentionGround.IMMIGRATION),
        _zone(zone=ZoneKind.AIRPORT_TRANSIT, judicial_review=False),
    )
    assert (fired(rec, "ECHR-5-1-ZONE"), fired(rec, "ECHR-5-4")) == ([], [])


@pytest.mark.parametrize(
    ("fields", "phrase"),
    [
        ({"ground": DetentionGround.UNKNOWN, "acknowledged": False}, "do not acknowledge it"),
        (
            {"ground": DetentionGround.NONE_GIVEN, "acknowledged": False},
            "no ground was given and the authorities do not acknowledge it",
        ),
    ],
)
def test_an_unacknowledged_detention(fields: dict[str, Any], phrase: str) -> None:
    """Unacknowledged, with or without a ground: a violation of art 5 § 1 either way."""
    rec = record(event("detention", "d", "2023-02-10", "FR", **fields))
    [finding] = [f for f in validate(rec).findings if f.rule_id == "ECHR-5-1-GROUND"]
    assert phrase in finding.message


def test_a_detention_order_without_a_term_or_before_custody() -> None:
    """No term to exceed; and custody that began before a later, earlier-dated spell."""
    no_term = record(
        event("detention", "d", "2023-01-01", "FR", ground=DetentionGround.IMMIGRATION),
        event("release", "out", "2023-05-01", "FR", detention="d"),
    )
    assert [] == fired(no_term, "ECHR-5-1-TERM")


def test_a_review_that_did_not_examine_the_detention() -> None:
    """The court refused to examine the lawfulness of the detention: art 5 § 4 (Muminov)."""
    rec = record(
        event("detention", "d", "2023-01-01", "FR", ground=DetentionGround.EXTRADITION_ARREST),
        appeal("a", "2023-01-03", "d", where="FR"),
        event(
            "appeal_decided",
            "ad",
            "2023-01-10",
            "FR",
            appeal="a",
            outcome=AppealOutcome.DISMISSED,
            merits_examined=False,
        ),
    )
    assert [(V, CERTAIN, ("ad", "d"))] == fired(rec, "ECHR-5-4")


def _challenged(decided: str, **fields: Any) -> Any:
    """A detention pending extradition, challenged on 3 January and decided on ``decided``."""
    return record(
        event("detention", "d", "2023-01-01", "FR", ground=DetentionGround.EXTRADITION_ARREST),
        appeal("a", "2023-01-03", "d", where="FR"),
        event(
            "appeal_decided",
            "ad",
            decided,
            "FR",
            appeal="a",
            outcome=AppealOutcome.DISMISSED,
            **fields,
        ),
    )


@pytest.mark.parametrize(
    ("decided", "readings", "expected"),
    [
        ("2023-02-20", {}, [(V, CERTAIN, ("ad", "a", "d"))]),
        ("2023-02-02", {}, []),
        ("2023-02", {}, [(V, UNDETERMINED, ("ad", "a", "d"))]),
        ("2023-02-20", {"detention_review_speed": "not_judged"}, []),
    ],
    ids=["forty-eight-days", "thirty-days", "some-day-in-february", "length-not-judged"],
)
def test_the_speed_of_a_review_is_a_reading(
    decided: str, readings: dict[str, str], expected: list[Any]
) -> None:
    """Over thirty days is too slow under the default reading (certain on the dates)."""
    assert expected == fired(_challenged(decided), "ECHR-5-4", readings=readings)


def test_a_slow_review_rests_on_the_reading() -> None:
    """The finding names the reading it rests on, so it is conditional, never certain."""
    [finding] = [f for f in validate(_challenged("2023-02-20")).findings if f.rule_id == "ECHR-5-4"]
    assert (finding.certainty, finding.readings) == (
        Certainty.CONDITIONAL,
        ("detention_review_speed=thirty_days",),
    )


def test_a_challenge_to_something_else_is_no_review_of_a_detention() -> None:
    """The speed is judged only for a challenge to a detention order."""
    rec = record(
        event("expulsion_ordered", "e", "2023-01-01", "FR", kind="administrative"),
        appeal("a", "2023-01-03", "e", where="FR"),
        appeal_decided("ad", "2023-05-01", "a", AppealOutcome.DISMISSED, where="FR"),
    )
    assert [] == fired(rec, "ECHR-5-4")


def _russian_custody(ground: DetentionGround | None, released: str, **order: Any) -> Any:
    """Arrested as a wanted person, then an order (with ``ground``), then released."""
    return record(
        event("detention", "d", "2009-01-10", "RU", ground=DetentionGround.WANTED_PERSON),
        event("extradition_requested", "q", "2009-01-11", "RU", requesting_state="TJ"),
        event("detention_extended", "o", "2009-01-12", "RU", detention="d", ground=ground, **order),
        event("release", "out", released, "RU", detention="d"),
    )


@pytest.mark.parametrize(
    ("term_set", "expected"),
    [
        # The order set no term: under the default reading it authorised two months, and
        # five months are past them (certain on the dates; conditional on the reading).
        (False, [(V, CERTAIN, ("out", "o"))]),
        # Not known whether it set one: undetermined.
        (None, [(V, UNDETERMINED, ("out", "o"))]),
        # It set a term the sources do not give: nothing to count, and no presumption.
        (True, []),
    ],
)
def test_whether_the_order_set_a_term(term_set: bool | None, expected: list[Any]) -> None:
    """``term_set`` tells an order with no term from one whose term was not read."""
    rec = _russian_custody(DetentionGround.EXTRADITION_ARREST, "2009-06-01", term_set=term_set)
    assert expected == fired(rec, "ECHR-5-1-TERM")
    if term_set is False:
        (found,) = [f for f in validate(rec).findings if f.rule_id == "ECHR-5-1-TERM"]
        assert (CONDITIONAL, ("ru_extradition_order_term=two_months",)) == (
            found.certainty,
            found.readings,
        )
        assert "the order set none, so under Russian law" in found.message


def test_an_order_that_set_no_term_cannot_give_one() -> None:
    """``term_set: false`` with ``term_days`` is refused, naming the field."""
    with pytest.raises(RecordError, match="term_set"):
        event(
            "detention",
            "d",
            "2009-01-10",
            "RU",
            ground="wanted_person",
            term_set=False,
            term_days=40,
        )


@pytest.mark.parametrize(
    ("ground", "released", "readings", "expected"),
    [
        (DetentionGround.EXTRADITION_ARREST, "2009-06-01", {}, [(V, UNDETERMINED, ("out", "o"))]),
        (DetentionGround.EXTRADITION_ARREST, "2009-03-01", {}, []),
        (DetentionGround.PRE_TRIAL, "2009-06-01", {}, []),
        (None, "2009-06-01", {}, [(V, UNDETERMINED, ("out", "o"))]),
        (
            DetentionGround.EXTRADITION_ARREST,
            "2009-06-01",
            {"ru_extradition_order_term": "order_only"},
            [],
        ),
    ],
    ids=["five-months", "seven-weeks", "a-russian-criminal-case", "ground-at-arrest", "order-only"],
)
def test_an_untermed_russian_order_pending_extradition(
    ground: DetentionGround | None, released: str, readings: dict[str, str], expected: list[Any]
) -> None:
    """Art 109 CCrP as the Court read it (Gaforov, Yuldashev): two months, undetermined."""
    assert expected == fired(_russian_custody(ground, released), "ECHR-5-1-TERM", readings=readings)


def test_an_untermed_order_elsewhere_has_no_term_to_count() -> None:
    """The reading is about Russian law only."""
    rec = record(
        event("detention", "d", "2009-01-10", "FR", ground=DetentionGround.EXTRADITION_ARREST),
        event("release", "out", "2009-06-01", "FR", detention="d"),
    )
    assert [] == fired(rec, "ECHR-5-1-TERM")


def test_a_zone_with_no_court_review_breaches_art_5_4() -> None:
    """No court could review the confinement."""
    rec = record(_zone(zone=ZoneKind.AIRPORT_TRANSIT, judicial_review=False))
    assert [(V, CERTAIN, ("z",))] == fired(rec, "ECHR-5-4")


# -- art 3: the investigation -----------------------------------------------------------------


def test_no_investigation_of_what_the_complaint_names() -> None:
    """A complaint about a deportation by the book, not investigated: undetermined."""
    rec = record(
        _removal(where="RU", date="2021-03-01", destination="TJ"),
        event("complaint_filed", "c", "2021-03-05", "RU", about="r"),
        event("investigation", "i", "2021-04-01", "RU", outcome="no_response", complaint="c"),
    )
    assert [(V, UNDETERMINED, ("i", "r"))] == fired(rec, "ECHR-3-INVESTIGATION")


def test_no_investigation_of_a_complaint_about_another_kind_of_event() -> None:
    """A complaint about an event that is neither a removal nor a detention (ill-treatment
    the format writes as ``other``), not investigated: undetermined, as the record cannot
    say whether the claim was arguable."""
    rec = record(
        event("other", "o", "2021-03-01", "RU", kind="ill_treatment", description="beaten"),
        event("complaint_filed", "c", "2021-03-05", "RU", about="o"),
        event("investigation", "i", "2021-04-01", "RU", outcome="refused", complaint="c"),
    )
    assert [(V, UNDETERMINED, ("i", "o"))] == fired(rec, "ECHR-3-INVESTIGATION")


def test_no_investigation_of_a_complaint_that_names_nothing() -> None:
    """The complaint names no event: the unacknowledged detention on record is what it is about."""
    rec = record(
        event("detention", "d", "2021-03-01", "RU", ground="unknown", acknowledged=False),
        event("complaint_filed", "c", "2021-03-05", "RU"),
        event("investigation", "i", "2021-04-01", "RU", outcome="refused", complaint="c"),
    )
    quiet = record(
        event("complaint_filed", "c", "2021-03-05", "RU"),
        event("investigation", "i", "2021-04-01", "RU", outcome="refused", complaint="c"),
    )
    assert (fired(rec, "ECHR-3-INVESTIGATION"), fired(quiet, "ECHR-3-INVESTIGATION")) == (
        [(V, CERTAIN, ("i", "d"))],
        [],
    )


# -- the UN treaties, and the catalogue ---------------------------------------------------------


def test_cat_counts_torture_only_and_iccpr_ill_treatment_too() -> None:
    """Evidence of ill-treatment short of torture: ICCPR art 7 fires, CAT art 3 does not."""
    rec = record(
        _risk("e", "2023-01-01", where="KZ", risks=(Risk.ILL_TREATMENT,)),
        removal("r", "2023-03-01", HANDOVER),
    )
    assert ([], [(V, CERTAIN, ("r", "e"))]) == (fired(rec, "CAT-3"), fired(rec, "ICCPR-7"))


def test_a_measure_of_another_jurisdiction_or_lifted_is_no_evidence_here() -> None:
    """A measure addressed to another state, or one lifted, is not the host's knowledge."""
    rec = record(
        measure("m", "2023-01-01", InterimBody.UN_CAT, where="RU"),
        measure("m2", "2023-01-02", InterimBody.UN_CAT),
        event("interim_measure_lifted", "l", "2023-02-01", measure="m2"),
        removal("r", "2023-03-01", HANDOVER),
    )
    assert [] == fired(rec, "CAT-3")


def test_every_new_rule_says_which_case_law_it_follows() -> None:
    """The rules built from decided cases name them, as the catalogue shows."""
    law = Law(rulebooks=DEFAULT_RULEBOOKS)
    names = ("ECHR-3-REMOVAL", "ECHR-13", "ECHR-P4-4", "ECHR-5-1-ZONE", "CAT-3", "ICCPR-7")
    assert all(find_rule(name, law.rulebooks).case_law for name in names)


def test_a_removal_of_a_person_of_no_recorded_nationality() -> None:
    """Not called a third state: the record does not say which state the person fled."""
    rec = record(
        claim("c", "2023-01-10"),
        removal("r", "2023-02-01"),
        person=Person(id="p"),
    )
    [finding] = [f for f in validate(rec).findings if f.rule_id == "R-REF-33"]
    assert (finding.certainty, "gives no nationality" in finding.message) == (UNDETERMINED, True)


@pytest.mark.parametrize(
    ("other", "expected", "phrase"),
    [
        ("RU", [(V, CERTAIN, ("d",))], None),
        ("KZ", [(V, CERTAIN, ("d",))], None),
        ("US", [], None),
        ("XK", [(V, UNDETERMINED, ("d",))], "whether XK is party to minsk 1993"),
    ],
)
def test_a_treaty_between_states_binds_both(
    other: str, expected: list[Any], phrase: str | None
) -> None:
    """A Minsk Convention rule concerning a requesting state: it must be a party too."""
    from proceedings import Truth
    from proceedings.law import Citation, Hit, Rule, Rulebook

    def check(ctx: Any) -> Any:
        yield Hit(truth=Truth.TRUE, message="held for the requesting state", counterparty=other)

    book = Rulebook(
        name="between",
        title="A rule of a treaty between two states, for the test",
        rules=(
            Rule(
                id="T-MINSK",
                title="t",
                citations=(Citation(instrument="Minsk Convention"),),
                severity=Severity.VIOLATION,
                on=frozenset({"detention"}),
                check=check,
                treaty="minsk_1993",
                verified=True,
                verification="a test",
            ),
        ),
    )
    rec = record(event("detention", "d", "2023-02-10", ground=DetentionGround.WANTED_PERSON))
    law = Law(rulebooks=(*DEFAULT_RULEBOOKS, book))
    assert expected == fired(rec, "T-MINSK", rulebooks=law.rulebooks)
    messages = [f.message for f in validate(rec, law=law).findings if f.rule_id == "T-MINSK"]
    assert [phrase is not None and phrase in m for m in messages] == [phrase is not None] * len(
        expected
    )


@pytest.mark.parametrize(("state", "fires"), [("RU", True), ("US", False)])
def test_the_minsk_limit_binds_only_towards_a_party(state: str, fires: bool) -> None:
    """Forty-five days on a wanted notice, then a request: from Russia a breach, from the US
    none, for the Minsk Convention binds Kazakhstan only towards its parties (review v16)."""
    rec = record(
        event("detention", "d", "2023-01-01", ground=DetentionGround.WANTED_PERSON),
        event(
            "extradition_requested",
            "q",
            "2023-02-15",
            requesting_state=state,
            charges=(),
        ),
    )
    assert bool(fired(rec, "CIS-MINSK-62")) is fires


@pytest.mark.parametrize(("issuer", "fires"), [("RU", True), ("US", False)])
def test_the_minsk_limit_reads_the_wanted_listing_when_no_request_came(
    issuer: str, fires: bool
) -> None:
    """Released after 45 days with no request: the listing's state is the one that wants him."""
    rec = record(
        event("wanted_listing", "w", "2022-12-01", issuer, scope="interstate"),
        event("detention", "d", "2023-01-01", ground=DetentionGround.WANTED_PERSON),
        event("release", "out", "2023-02-15", detention="d"),
    )
    assert bool(fired(rec, "CIS-MINSK-62")) is fires


# -- the UN complaint procedures: a removal that forestalls the complaint ------------------


def test_a_removal_on_the_day_the_order_was_served_with_a_complaint_that_day() -> None:
    """Agiza, Alzery: removed at once. A complaint lodged that day may have come first."""
    rec = record(
        _risk("e", "2023-01-10", where="KZ"),
        event(
            "expulsion_ordered",
            "o",
            "2023-01-20",
            kind="administrative",
            destination="RU",
            served=day("2023-02-01"),
        ),
        event("complaint_lodged", "k", "2023-02-01", body=InterimBody.UN_HRC),
        removal("r", "2023-02-01", actor=Actor.UNIDENTIFIED),
    )
    [finding] = [f for f in validate(rec).findings if f.rule_id == "CAT-22-OPPORTUNITY"]
    assert (finding.certainty, finding.event_ids) == (UNDETERMINED, ("r", "o", "e", "k"))
    assert "was served on the person" in finding.message
    assert "whether the complaint" in finding.message
    assert "unidentified men" in finding.message


def test_what_counts_as_the_order_the_removal_carries_out() -> None:
    """An order to another state, a dismissed appeal against another decision, an order of
    another state: none is the decision carried out; the expulsion in the verdict is. A
    complaint to another state's body, or one lodged after the removal, did not forestall it."""
    rec = record(
        _risk("e", "2023-01-10", where="KZ"),
        event("criminal_conviction", "v", "2023-01-20", additional_penalties=(EXPULSION,)),
        event("expulsion_ordered", "x", "2023-02-01", kind="administrative", destination="IT"),
        event("expulsion_ordered", "y", "2023-02-01", "FR", kind="administrative"),
        decision("a", "2023-01-25", AsylumOutcome.REFUSED),
        appeal("p", "2023-01-26", "a"),
        appeal_decided("d", "2023-02-01", "p", AppealOutcome.DISMISSED),
        event("complaint_lodged", "k", "2023-01-15", "FR", body=InterimBody.UN_CAT),
        event("complaint_lodged", "k2", "2023-01-21", body=InterimBody.UN_CAT),
        removal("r", "2023-02-01", RemovalChannel.CRIMINAL_EXPULSION),
    )
    assert [] == fired(rec, "CAT-22-OPPORTUNITY")
    later = record(*rec.events[:-1], removal("r", "2023-01-20", RemovalChannel.CRIMINAL_EXPULSION))
    assert [(V, UNDETERMINED, ("r", "v", "e"))] == fired(later, "CAT-22-OPPORTUNITY")


def test_once_the_committee_is_seized_its_measures_are_the_question() -> None:
    """A measure of the Committee on record: CAT-22 reads the removal, not this rule."""
    risk = _risk("e", "2023-01-10", where="KZ")
    order = event("expulsion_ordered", "o", "2023-02-01", kind="administrative")
    seized = record(
        risk,
        measure("m", "2023-01-15", InterimBody.UN_CAT),
        event("interim_measure_lifted", "l", "2023-01-25", measure="m"),
        order,
        removal("r", "2023-02-01"),
    )
    not_seized = record(risk, order, removal("r", "2023-02-01"))
    assert ([], [(V, UNDETERMINED, ("r", "o", "e"))]) == (
        fired(seized, "CAT-22-OPPORTUNITY"),
        fired(not_seized, "CAT-22-OPPORTUNITY"),
    )


# -- ECHR art 38: the facilities the Court asked for ---------------------------------------


@pytest.mark.parametrize(
    ("fields", "phrase"),
    [
        (
            {"reason": "the stage of the domestic proceedings", "by": "a regional court"},
            "its reason",
        ),
        ({}, "not in the record"),
    ],
)
def test_a_refusal_with_a_reason_or_none_recorded_is_for_the_court(
    fields: dict[str, Any], phrase: str
) -> None:
    """Shamayev (access refused by a court, for a reason), Nizomkhon Dzhurayev (requests not
    met, the answer not read): whether the explanation suffices is the Court's to judge."""
    rec = record(
        event(
            "cooperation_refused",
            "c",
            "2003-10-20",
            "RU",
            body=InterimBody.ECTHR,
            requested=(RequestKind.FACT_FINDING_ACCESS,),
            **fields,
        )
    )
    [finding] = [f for f in validate(rec).findings if f.rule_id == "ECHR-38"]
    assert (finding.certainty, finding.event_ids) == (UNDETERMINED, ("c",))
    assert phrase in finding.message
