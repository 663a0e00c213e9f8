"""Every rule of the default rulebooks, shown firing and shown silent.

Each rule has at least one case in :data:`FIRES` (a small record, and the
finding it must produce: severity, certainty, the events behind it) and one in
:data:`SILENT` (the nearest lawful situation). The catalogue tests check that
no rule is left out. Then come the cross-cutting concerns: uncertain dates,
dates in force, treaty parties, readings and unverified rules.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest

from builders import (
    BORDER,
    DESERTION,
    EXPULSION,
    KAZAKH,
    SURRENDER,
    TREASON,
    appeal,
    appeal_decided,
    claim,
    crossing,
    day,
    decision,
    detention,
    event,
    extradition,
    fired,
    law,
    measure,
    on_the_dates,
    record,
    removal,
    request,
)
from proceedings import (
    Account,
    AppealOutcome,
    Appellant,
    AsylumOutcome,
    CaseRecord,
    Certainty,
    CrossingMode,
    DetentionGround,
    ExpulsionKind,
    ExtraditionOutcome,
    InterimBody,
    PersonFacts,
    Proceeding,
    RemovalChannel,
    RequestKind,
    Risk,
    RiskResult,
    RiskScope,
    Safeguards,
    Severity,
    TransitionRefused,
    UnknownName,
    ZoneKind,
    validate,
)
from proceedings._chart import CHART
from proceedings._statechart import Statechart
from proceedings.law import DEFAULT_RULEBOOKS, all_rules, find_rule

V, W, N = Severity.VIOLATION, Severity.WARNING, Severity.NOTE
CERTAIN, UNDETERMINED = Certainty.CERTAIN, Certainty.UNDETERMINED
EXTRADITION = RemovalChannel.EXTRADITION
HANDOVER = RemovalChannel.INFORMAL_HANDOVER
ADMIN = RemovalChannel.ADMINISTRATIVE_EXPULSION


def _conviction(ident: str, date: str, *, expulsion: bool = False, where: str = "KZ") -> Any:
    return event(
        "criminal_conviction",
        ident,
        date,
        where,
        charges=(BORDER,),
        additional_penalties=(EXPULSION,) if expulsion else (),
    )


def _order(ident: str, date: str, kind: ExpulsionKind = ExpulsionKind.ADMINISTRATIVE) -> Any:
    return event("expulsion_ordered", ident, date, kind=kind)


def _risk(ident: str, date: str, risk: Risk, where: str = "KZ") -> Any:
    return event(
        "risk_evidence",
        ident,
        date,
        where,
        scope=RiskScope.INDIVIDUAL,
        destination="RU",
        risks=(risk,),
        description="the person's account",
    )


def _exam(ident: str, date: str, result: RiskResult, where: str = "KZ") -> Any:
    return event("risk_examined", ident, date, where, result=result, destination="RU")


def _zone(ident: str, date: str, **fields: Any) -> Any:
    return event(
        "transit_zone_confinement", ident, date, "FR", zone=ZoneKind.AIRPORT_TRANSIT, **fields
    )


def _custody(ident: str, date: str, **fields: Any) -> Any:
    return event("detention", ident, date, "FR", ground=DetentionGround.IMMIGRATION, **fields)


def _strict_custody_chart() -> Statechart:
    # The default chart takes a release from any custody state (records from
    # news often miss the arrest); a stricter one takes it only from custody,
    # so that a release with no detention on record is out of sequence.
    tracks = []
    for track in CHART.tracks:
        if track.name == "custody":
            transitions = tuple(
                attrs.evolve(t, source=("detained",)) if t.on == "release" else t
                for t in track.transitions
            )
            tracks.append(attrs.evolve(track, transitions=transitions))
        else:
            tracks.append(track)
    return attrs.evolve(CHART, tracks=tuple(tracks))


STRICT_CUSTODY = _strict_custody_chart()


def _case(
    rule_id: str,
    rec: CaseRecord,
    expected: list[tuple[Severity, Certainty, tuple[str, ...]]],
    *,
    name: str,
    **kwargs: Any,
) -> Any:
    return pytest.param(rule_id, rec, kwargs, expected, id=f"{rule_id}:{name}")


# -- rules firing --------------------------------------------------------------------------

FIRES = [
    _case(
        "REC-DATE-ORDER",
        record(claim("c", "2023-02-10"), decision("a", "2023-01-05", AsylumOutcome.REFUSED)),
        [(W, CERTAIN, ("a", "c"))],
        name="decision-listed-after-a-later-claim",
    ),
    _case(
        "REC-SEQUENCE",
        record(event("release", "r", "2023-01-10")),
        [(N, CERTAIN, ("r",))],
        name="release-with-no-detention-in-a-strict-chart",
        chart=STRICT_CUSTODY,
    ),
    _case(
        "R-REF-33",
        record(claim("c", "2023-01-10"), removal("r", "2023-02-01")),
        [(V, CERTAIN, ("r", "c"))],
        name="to-nationality-while-claim-pending",
    ),
    _case(
        "R-REF-33",
        record(claim("c", "2023-01-10"), removal("r", "2023-02-01", destination="TR")),
        [(V, UNDETERMINED, ("r", "c"))],
        name="to-third-state-is-undetermined",
    ),
    _case(
        "R-REF-33",
        record(
            claim("c", "2023-01-10"),
            decision("g", "2023-03-01", AsylumOutcome.GRANTED),
            removal("r", "2023-04-01"),
        ),
        [(V, CERTAIN, ("r", "g"))],
        name="refugee-removed",
    ),
    _case(
        "ICCPR-9",
        record(
            event("entry_refused", "e", "2023-01-10"),
            event("transit_zone_confinement", "t", "2023-01-10"),
        ),
        [(W, CERTAIN, ("t",))],
        name="confined-airside",
    ),
    _case(
        "CAT-GC4",
        record(removal("r", "2023-02-01", channel=HANDOVER)),
        [(V, CERTAIN, ("r",))],
        name="informal-handover",
    ),
    _case(
        "CAT-22",
        record(measure("m", "2023-01-10", InterimBody.UN_CAT), removal("r", "2023-02-01")),
        [(V, CERTAIN, ("r", "m"))],
        name="removed-despite-cat-measure",
    ),
    _case(
        "CAT-22",
        record(
            measure("m1", "2023-01-10", InterimBody.UN_CAT),
            measure("m2", "2023-01-12", InterimBody.UN_CAT),
            event("interim_measure_lifted", "l", "2023-01-20", measure="m2"),
            removal("r", "2023-02-01"),
        ),
        [(V, CERTAIN, ("r", "m1"))],
        name="one-of-two-measures-lifted-the-other-stands",
    ),
    _case(
        "ICCPR-OP1",
        record(measure("m", "2023-01-10", InterimBody.UN_HRC), removal("r", "2023-02-01")),
        [(V, CERTAIN, ("r", "m"))],
        name="removed-despite-hrc-measure",
    ),
    _case(
        "ECHR-34",
        record(
            measure("m", "2023-01-10", InterimBody.ECTHR, where="FR"),
            removal("r", "2023-02-01", where="FR"),
        ),
        [(V, CERTAIN, ("r", "m"))],
        name="removed-from-france-despite-rule-39",
    ),
    _case(
        "CAT-22-OPPORTUNITY",
        record(
            _risk("e", "2023-01-10", Risk.TORTURE),
            _order("o", "2023-02-01"),
            removal("r", "2023-02-01"),
        ),
        [(V, UNDETERMINED, ("r", "o", "e"))],
        name="removed-on-the-day-of-the-order",
    ),
    _case(
        "ECHR-38",
        record(
            event("complaint_lodged", "k", "2013-01-10", "RU", body=InterimBody.ECTHR),
            event(
                "cooperation_refused",
                "c",
                "2013-06-01",
                "RU",
                body=InterimBody.ECTHR,
                complaint="k",
                requested=(RequestKind.DOCUMENTS,),
                explained=False,
            ),
        ),
        [(V, CERTAIN, ("c", "k"))],
        name="documents-not-produced-with-no-reason",
    ),
    _case(
        "CAT-22-OPPORTUNITY",
        record(
            _risk("e", "2023-01-10", Risk.TORTURE),
            event(
                "expulsion_ordered",
                "o",
                "2023-01-30",
                kind="administrative",
                served=day("2023-02-03"),
            ),
            removal("r", "2023-02-01"),
        ),
        [(V, CERTAIN, ("r", "o", "e"))],
        name="removed-before-the-order-was-served",
    ),
    _case(
        "ICCPR-OP1-OPPORTUNITY",
        record(
            _risk("e", "2023-01-10", Risk.ILL_TREATMENT),
            extradition("a", "2023-01-20"),
            appeal("p", "2023-01-25", "a"),
            appeal_decided("d", "2023-02-01", "p", AppealOutcome.DISMISSED),
            removal("r", "2023-02-01", RemovalChannel.EXTRADITION),
        ),
        [(V, UNDETERMINED, ("r", "d", "e"))],
        name="extradited-on-the-day-the-appeal-failed",
    ),
    _case(
        "R-REF-31",
        record(
            crossing("x", "2023-01-01"),
            claim("c", "2023-01-03"),
            _conviction("v", "2023-03-01"),
        ),
        [(W, CERTAIN, ("v", "c", "x"))],
        name="convicted-after-prompt-claim",
    ),
    _case(
        "CIS-MINSK-62",
        record(
            detention("d", "2023-01-01"),
            event("detention_extended", "o", "2023-01-02"),
            request("q", "2023-02-20"),
        ),
        [(V, CERTAIN, ("q", "d"))],
        name="request-after-50-days-of-custody",
    ),
    _case(
        "KZ-REF-AS-STATUS",
        record(claim("c", "2023-01-10"), removal("r", "2023-02-01", destination="TR")),
        [(V, CERTAIN, ("r", "c"))],
        name="removed-while-asylum-seeker",
    ),
    _case(
        "KZ-REF-11",
        record(claim("c", "2023-01-10"), decision("a", "2023-05-15", AsylumOutcome.REFUSED)),
        [(W, CERTAIN, ("a", "c"))],
        name="decided-after-four-months",
    ),
    _case(
        "KZ-REF-11",
        record(claim("c", "2023-01-10"), decision("a", "2024-02-15", AsylumOutcome.REFUSED)),
        [(W, CERTAIN, ("a", "c"))],
        name="decided-after-more-than-a-year",
    ),
    _case(
        "KZ-REF-APPLY",
        record(crossing("x", "2023-01-01", CrossingMode.REGULAR), claim("c", "2023-01-20")),
        [(N, CERTAIN, ("c", "x"))],
        name="claim-19-days-after-arrival",
    ),
    _case(
        "KZ-CPC-587",
        record(detention("d", "2023-01-01"), event("release", "x", "2023-01-06")),
        [(N, CERTAIN, ("x", "d"))],
        name="no-order-within-72-hours",
    ),
    _case(
        "KZ-CPC-588",
        record(
            detention("d", "2023-01-01"),
            event("detention_extended", "o", "2023-01-02"),
            request("q", "2023-02-20"),
        ),
        [(V, CERTAIN, ("q", "d"))],
        name="request-after-50-days-of-custody",
    ),
    _case(
        "KZ-CPC-592",
        record(
            request("q", "2023-02-01"),
            extradition("a", "2023-03-01"),
            removal("r", "2023-03-05", channel=EXTRADITION),
        ),
        [(V, CERTAIN, ("r", "a"))],
        name="surrendered-four-days-after-approval",
    ),
    _case(
        "KZ-CPC-592",
        record(
            request("q", "2023-02-01"),
            extradition("a", "2023-03-01"),
            appeal("p", "2023-03-05", "a"),
            removal("r", "2023-04-20", channel=EXTRADITION),
        ),
        [(V, CERTAIN, ("r", "p", "a"))],
        name="surrendered-while-appeal-pending",
    ),
    _case(
        "KZ-CPC-592",
        record(removal("r", "2023-04-20", channel=EXTRADITION)),
        [(V, CERTAIN, ("r",))],
        name="surrendered-with-no-decision",
    ),
    _case(
        "KZ-CONST-11",
        record(extradition("a", "2023-03-01"), person=KAZAKH),
        [(V, CERTAIN, ("a",))],
        name="citizen-extradition-approved",
    ),
    _case(
        "KZ-CPC-590-ASYLUM",
        record(claim("c", "2023-01-01"), extradition("a", "2023-03-01")),
        # A warning: approval is not surrender (the surrender is KZ-REF-AS-STATUS's).
        [(W, CERTAIN, ("a", "c"))],
        name="approved-while-claim-pending",
    ),
    _case(
        "KZ-CPC-590-MILITARY",
        record(request("q", "2023-02-01", DESERTION), extradition("a", "2023-03-01")),
        # A warning: a model rule (art 590's list is not verified), and approval only.
        [(W, CERTAIN, ("a", "q"))],
        name="approved-for-desertion",
    ),
    _case(
        "KZ-CPC-569-4",
        record(request("q", "2023-02-01", TREASON), extradition("a", "2023-03-01")),
        [(W, CERTAIN, ("a", "q"))],
        name="approved-on-treason-charge",
    ),
    _case(
        "KZ-GOV-175",
        record(
            _conviction("v", "2023-01-01", expulsion=True),
            appeal("p", "2023-01-05", "v"),
            removal("r", "2023-01-10", channel=RemovalChannel.CRIMINAL_EXPULSION),
        ),
        [(V, CERTAIN, ("r", "p", "v"))],
        name="expelled-while-verdict-appealed",
    ),
    _case(
        "KZ-GOV-175",
        record(
            _conviction("v", "2023-01-01", expulsion=True),
            appeal("p", "2023-01-05", "v"),
            appeal_decided("pd", "2023-01-08", "p", AppealOutcome.SUSPENDED),
            removal("r", "2023-01-10", channel=RemovalChannel.CRIMINAL_EXPULSION),
        ),
        [(V, CERTAIN, ("r", "v"))],
        name="expelled-while-execution-suspended",
    ),
    _case(
        "KZ-KOAP-APPEAL",
        record(_order("o", "2023-03-01"), removal("r", "2023-03-03", channel=ADMIN)),
        [(V, CERTAIN, ("r", "o"))],
        name="expelled-two-days-after-ruling",
    ),
    _case(
        "KZ-KOAP-APPEAL",
        record(
            _order("o", "2023-03-01"),
            appeal("p", "2023-03-05", "o"),
            removal("r", "2023-04-03", channel=ADMIN),
        ),
        [(V, CERTAIN, ("r", "o"))],
        name="expelled-while-ruling-appealed",
    ),
    _case(
        "KZ-CIVIL-EXPULSION",
        record(
            _order("o", "2023-03-01", ExpulsionKind.CIVIL),
            removal("r", "2023-03-01", channel=RemovalChannel.CIVIL_EXPULSION),
        ),
        [(V, CERTAIN, ("r", "o"))],
        name="expelled-on-the-day-of-the-ruling",
    ),
    _case(
        "KZ-CPC-587-592",
        record(removal("r", "2023-02-01", channel=RemovalChannel.FOREIGN_FACILITY_TRANSFER)),
        [(V, CERTAIN, ("r",))],
        name="taken-to-foreign-facility",
    ),
    _case(
        "FR-CESEDA-L541",
        record(
            claim("c", "2023-01-10", where="FR"),
            decision("a", "2023-03-01", AsylumOutcome.REFUSED, where="FR"),
            appeal("p", "2023-03-10", "a", where="FR"),
            removal("r", "2023-04-01", where="FR"),
        ),
        [(V, CERTAIN, ("r", "p"))],
        name="removed-while-cnda-appeal-pending",
    ),
    _case(
        "EU-APD-46",
        record(claim("c", "2026-01-10", where="DE"), removal("r", "2026-06-11", where="DE")),
        [(V, CERTAIN, ("r", "c"))],
        name="removed-on-last-day-of-directive",
    ),
    _case(
        "EU-APD-46",
        record(
            claim("c", "2023-01-10", where="DE"),
            decision("a", "2023-02-01", AsylumOutcome.REFUSED, where="DE"),
            removal("r", "2023-02-08", where="DE"),
        ),
        [(V, UNDETERMINED, ("r", "a"))],
        name="removed-a-week-after-refusal",
    ),
    _case(
        "EU-APR-68",
        record(claim("c", "2026-01-10", where="DE"), removal("r", "2026-06-12", where="DE")),
        [(V, CERTAIN, ("r", "c"))],
        name="removed-on-first-day-of-regulation",
    ),
    _case(
        "PAT-DISGUISED-EXTRADITION",
        record(
            detention("d", "2023-01-01"),
            request("q", "2023-01-02"),
            removal("r", "2023-02-01"),
        ),
        [(W, CERTAIN, ("r", "q"))],
        name="deported-while-extradition-requested",
    ),
    _case(
        "PAT-CASE-IN-TRANSIT",
        record(
            removal("r", "2023-03"),
            event("criminal_case_opened", "k", "2023-03", "RU", charges=(DESERTION,)),
        ),
        [(W, UNDETERMINED, ("k", "r"))],
        name="case-opened-in-month-of-deportation",
    ),
    _case(
        "PAT-SAME-DAY-REMOVAL",
        record(
            _order("o", "2023-03-01", ExpulsionKind.CIVIL),
            removal("r", "2023-03-01", channel=RemovalChannel.CIVIL_EXPULSION),
        ),
        [(W, CERTAIN, ("r", "o"))],
        name="ordered-and-expelled-same-day",
    ),
    _case(
        "PAT-ASSURANCE-BREACHED",
        record(
            event("assurance_given", "g", "2023-01-01", by="prosecutor", content="await asylum"),
            claim("c", "2023-01-02"),
            extradition("a", "2023-03-01"),
        ),
        [(W, CERTAIN, ("a", "g", "c"))],
        name="approved-despite-assurance",
    ),
    # -- non-refoulement on the evidence, the ECHR ---------------------------------------
    _case(
        "CAT-3",
        record(
            _risk("e", "2023-01-01", Risk.TORTURE),
            _exam("x", "2023-02-01", RiskResult.RISK_FOUND),
            removal("r", "2023-03-01"),
        ),
        [(V, CERTAIN, ("r", "e", "x"))],
        name="removed-although-the-authorities-found-a-risk",
    ),
    _case(
        "ICCPR-7",
        record(_risk("e", "2023-01-01", Risk.ILL_TREATMENT), removal("r", "2023-03-01", HANDOVER)),
        [(V, CERTAIN, ("r", "e"))],
        name="handed-over-outside-any-procedure-despite-evidence",
    ),
    _case(
        "ECHR-3-REMOVAL",
        record(
            measure("m", "2023-01-01", InterimBody.ECTHR, where="FR"),
            removal("r", "2023-03-01", where="FR"),
        ),
        [(V, UNDETERMINED, ("r", "m"))],
        name="deported-with-no-assessment-on-record-despite-a-rule-39-measure",
    ),
    _case(
        "ECHR-3-ORDER",
        record(
            _risk("e", "2023-01-01", Risk.TORTURE, where="FR"),
            event("expulsion_ordered", "o", "2023-02-01", "FR", kind="administrative"),
        ),
        [(W, UNDETERMINED, ("o", "e"))],
        name="expulsion-ordered-after-an-account-of-torture",
    ),
    _case(
        "ECHR-6-FLAGRANT",
        record(
            _risk("e", "2023-01-01", Risk.UNFAIR_TRIAL, where="FR"),
            event("expulsion_ordered", "o", "2023-02-01", "FR", kind="administrative"),
        ),
        [(W, UNDETERMINED, ("o", "e"))],
        name="expulsion-ordered-to-a-retrial-on-evidence-obtained-by-torture",
    ),
    _case(
        "ECHR-13",
        record(
            _risk("e", "2023-01-01", Risk.TORTURE, where="FR"),
            event("expulsion_ordered", "o", "2023-02-01", "FR", kind="administrative"),
            appeal("a", "2023-02-03", "o", where="FR"),
            removal("r", "2023-02-10", where="FR"),
        ),
        [(V, CERTAIN, ("r", "e", "a"))],
        name="deported-while-the-appeal-against-the-order-was-pending",
    ),
    _case(
        "ECHR-P4-4",
        record(
            removal(
                "r",
                "2023-02-10",
                RemovalChannel.FRONTIER_REJECTION,
                where="FR",
                safeguards=Safeguards(individual=False),
            )
        ),
        [(V, CERTAIN, ("r",))],
        name="returned-with-no-individual-examination",
    ),
    _case(
        "ECHR-5-1-ZONE",
        record(_zone("z", "2023-02-10", judicial_review=False)),
        [(V, CERTAIN, ("z",))],
        name="airport-transit-zone-with-no-court-review",
    ),
    _case(
        "ECHR-5-1-GROUND",
        record(event("detention", "d", "2021-02-10", "RU", ground=DetentionGround.NONE_GIVEN)),
        [(V, CERTAIN, ("d",))],
        name="detained-in-russia-before-it-left-the-convention-with-no-ground",
    ),
    _case(
        "ECHR-5-1-TERM",
        record(
            _custody("d", "2023-01-01", term_days=10),
            event("release", "out", "2023-01-20", "FR", detention="d"),
        ),
        [(V, CERTAIN, ("out", "d"))],
        name="released-nine-days-after-the-order-expired",
    ),
    _case(
        "ECHR-3-INVESTIGATION",
        record(
            removal("r", "2011-11-01", HANDOVER, destination="TJ", where="RU"),
            event("complaint_filed", "c", "2011-11-10", "RU", about="r"),
            event("investigation", "i", "2012-01-10", "RU", outcome="refused", complaint="c"),
        ),
        [(V, CERTAIN, ("i", "r"))],
        name="refused-to-investigate-a-handover-outside-any-procedure",
    ),
    _case(
        "PAT-AFTER-REFUSED-EXTRADITION",
        record(
            request("q", "2023-01-01"),
            event("extradition_decided", "no", "2023-02-01", outcome="refused", request="q"),
            removal("r", "2023-03-01"),
        ),
        [(W, CERTAIN, ("r", "no", "q"))],
        name="deported-to-the-state-whose-request-was-refused",
    ),
    _case(
        "PAT-UNACKNOWLEDGED",
        record(event("detention", "d", "2023-03-01", ground="unknown", acknowledged=False)),
        [(W, CERTAIN, ("d",))],
        name="detention-denied",
    ),
    _case(
        "PAT-ABDUCTION",
        record(removal("r", "2023-03-01", HANDOVER, actor="foreign_agents", involvement="alleged")),
        [(W, UNDETERMINED, ("r",))],
        name="foreign-agents-with-alleged-involvement",
    ),
    _case(
        "ECHR-5-4",
        record(
            _custody("d", "2023-01-01"),
            appeal("a", "2023-01-05", "d", where="FR"),
            event("release", "out", "2023-03-01", "FR", detention="d"),
        ),
        [(V, CERTAIN, ("out", "a", "d"))],
        name="released-with-the-challenge-to-the-detention-undecided",
    ),
]


# -- extradition decisions whose outcome the sources do not give ---------------------------

_UNKNOWN_OUTCOME = ExtraditionOutcome.UNKNOWN


def _decided(ident: str, date: str, request: str = "q", **kw: Any) -> Any:
    kw.setdefault("outcome", _UNKNOWN_OUTCOME)
    return event("extradition_decided", ident, date, kw.pop("where", "KZ"), request=request, **kw)


#: Each rule that reads an extradition decision's outcome, on a decision whose outcome is
#: not known: the finding it gives for the outcome it looks for, undetermined, never
#: silence and never certainty.
UNKNOWN_OUTCOMES = [
    _case(
        "KZ-CONST-11",
        record(request("q", "2023-02-01"), _decided("a", "2023-03-01"), person=KAZAKH),
        [(V, UNDETERMINED, ("a",))],
        name="a-citizen-perhaps-approved",
    ),
    _case(
        "KZ-CPC-590-ASYLUM",
        record(claim("c", "2023-01-01"), request("q", "2023-02-01"), _decided("a", "2023-03-01")),
        [(W, UNDETERMINED, ("a", "c"))],
        name="perhaps-approved-while-claim-pending",
    ),
    _case(
        "KZ-CPC-590-MILITARY",
        record(request("q", "2023-02-01", DESERTION), _decided("a", "2023-03-01")),
        [(W, UNDETERMINED, ("a", "q"))],
        name="perhaps-approved-for-desertion",
    ),
    _case(
        "KZ-CPC-569-4",
        record(request("q", "2023-02-01", TREASON), _decided("a", "2023-03-01")),
        [(W, UNDETERMINED, ("a", "q"))],
        name="perhaps-approved-on-treason-charge",
    ),
    _case(
        "PAT-ASSURANCE-BREACHED",
        record(
            event("assurance_given", "g", "2023-01-01", by="prosecutor", content="await asylum"),
            claim("c", "2023-01-02"),
            request("q", "2023-02-01"),
            _decided("a", "2023-03-01"),
        ),
        [(W, UNDETERMINED, ("a", "g", "c"))],
        name="perhaps-approved-despite-assurance",
    ),
    _case(
        "KZ-CPC-592",
        record(
            request("q", "2023-02-01"),
            _decided("a", "2023-03-01"),
            removal("r", "2023-06-05", channel=EXTRADITION),
        ),
        [(V, UNDETERMINED, ("r", "a"))],
        name="surrendered-after-a-decision-of-unknown-outcome",
    ),
    _case(
        "PAT-DISGUISED-EXTRADITION",
        record(request("q", "2023-01-02"), _decided("a", "2023-01-20"), removal("r", "2023-02-01")),
        [(W, UNDETERMINED, ("r", "q", "a"))],
        name="deported-after-a-decision-of-unknown-outcome",
    ),
    _case(
        "PAT-AFTER-REFUSED-EXTRADITION",
        record(request("q", "2023-01-01"), _decided("a", "2023-02-01"), removal("r", "2023-03-01")),
        [(W, UNDETERMINED, ("r", "a", "q"))],
        name="deported-after-a-decision-perhaps-a-refusal",
    ),
    _case(
        "PAT-AFTER-REFUSED-EXTRADITION",
        record(
            request("q", "2023-01-01"),
            _decided("a", "2023-02-01"),
            _decided("no", "2023-02-10", outcome=ExtraditionOutcome.REFUSED),
            removal("r", "2023-03-01"),
        ),
        [(W, CERTAIN, ("r", "no", "q"))],
        name="a-certain-refusal-counts-before-one-perhaps",
    ),
    _case(
        "ECHR-3-ORDER",
        record(
            request("q", "2023-01-01", where="FR"),
            _risk("e", "2023-01-05", Risk.TORTURE, where="FR"),
            _decided("a", "2023-02-01", where="FR"),
        ),
        [(W, UNDETERMINED, ("a", "e"))],
        name="perhaps-approved-after-an-account-of-torture",
    ),
    _case(
        "ECHR-6-FLAGRANT",
        record(
            request("q", "2023-01-01", where="FR"),
            _risk("e", "2023-01-05", Risk.UNFAIR_TRIAL, where="FR"),
            _decided("a", "2023-02-01", where="FR"),
        ),
        [(W, UNDETERMINED, ("a", "e"))],
        name="perhaps-approved-to-an-unfair-trial",
    ),
    _case(
        "CAT-22-OPPORTUNITY",
        record(
            _risk("e", "2023-01-10", Risk.TORTURE),
            request("q", "2023-01-12"),
            _decided("a", "2023-02-01", served=day("2023-02-03")),
            removal("r", "2023-02-01", channel=EXTRADITION),
        ),
        [(V, UNDETERMINED, ("r", "a", "e"))],
        name="removed-before-a-decision-of-unknown-outcome-was-served",
    ),
    _case(
        "ECHR-13",
        record(
            _risk("e", "2023-01-01", Risk.TORTURE, where="FR"),
            request("q", "2023-01-05", where="FR"),
            _decided("a", "2023-01-20", where="FR", served=day("2023-02-10")),
            removal("r", "2023-02-05", where="FR", channel=EXTRADITION),
        ),
        [(V, UNDETERMINED, ("r", "e", "a"))],
        name="extradited-before-a-decision-of-unknown-outcome-was-served",
    ),
]


@pytest.mark.parametrize(("rule_id", "rec", "kwargs", "expected"), UNKNOWN_OUTCOMES)
def test_an_unknown_extradition_outcome_is_undetermined(
    rule_id: str,
    rec: CaseRecord,
    kwargs: dict[str, Any],
    expected: list[tuple[Severity, Certainty, tuple[str, ...]]],
) -> None:
    """A decision the sources give no outcome for may be the approval (or refusal) a rule
    looks for: the rule says so, undetermined, and its message says why."""
    assert expected == fired(rec, rule_id, **kwargs)
    messages = [f.message for f in validate(rec).findings if f.rule_id == rule_id]
    if expected[0][1] is UNDETERMINED:
        assert any("the sources do not give" in m for m in messages), messages


@pytest.mark.parametrize(("rule_id", "rec", "kwargs", "expected"), FIRES)
def test_rule_fires(
    rule_id: str,
    rec: CaseRecord,
    kwargs: dict[str, Any],
    expected: list[tuple[Severity, Certainty, tuple[str, ...]]],
) -> None:
    """The rule reports the breach once, with its severity, certainty and events."""
    assert expected == fired(rec, rule_id, **kwargs)


# -- rules silent in the nearest lawful situation ---------------------------------------------

SILENT = [
    _case(
        "REC-DATE-ORDER",
        record(claim("c", "2023-02"), decision("a", "2023-02-01", AsylumOutcome.REFUSED)),
        [],
        name="dates-that-may-be-in-order",
    ),
    _case(
        "REC-SEQUENCE",
        record(detention("d", "2023-01-01"), event("release", "r", "2023-01-10")),
        [],
        name="release-after-detention-in-a-strict-chart",
        chart=STRICT_CUSTODY,
    ),
    _case(
        "R-REF-33",
        record(
            claim("c", "2023-01-10"),
            decision("a", "2023-03-01", AsylumOutcome.REFUSED),
            appeal("p", "2023-03-05", "a"),
            appeal_decided("pd", "2023-04-01", "p", AppealOutcome.DISMISSED),
            removal("r", "2023-05-01"),
        ),
        [],
        name="after-appeal-dismissed",
    ),
    _case(
        "ICCPR-9",
        record(
            event("entry_refused", "e", "2006-01-10"),
            event("transit_zone_confinement", "t", "2006-01-10"),
        ),
        [],
        name="before-kazakhstan-joined-iccpr",
    ),
    _case(
        "CAT-GC4",
        record(removal("r", "2023-02-01", channel=RemovalChannel.DEPORTATION)),
        [],
        name="deportation-is-a-procedure",
    ),
    _case(
        "CAT-22",
        record(
            measure("m", "2023-01-10", InterimBody.UN_CAT),
            event("interim_measure_lifted", "l", "2023-01-20", measure="m"),
            removal("r", "2023-02-01"),
        ),
        [],
        name="measure-lifted",
    ),
    _case(
        "ICCPR-OP1",
        record(measure("m", "2023-01-10", InterimBody.UN_CAT), removal("r", "2023-02-01")),
        [],
        name="measure-of-another-body",
    ),
    _case(
        "ECHR-34",
        record(measure("m", "2023-01-10", InterimBody.ECTHR), removal("r", "2023-02-01")),
        [],
        name="kazakhstan-not-party",
    ),
    _case(
        "CAT-22-OPPORTUNITY",
        record(
            _risk("e", "2023-01-10", Risk.TORTURE),
            _order("o", "2023-01-31"),
            removal("r", "2023-02-01"),
        ),
        [],
        name="removed-the-day-after-the-order",
    ),
    _case(
        "ECHR-38",
        record(event("cooperation_refused", "c", "2013-06-01", "RU", body=InterimBody.UN_CAT)),
        [],
        name="a-un-committee-asked",
    ),
    _case(
        "CAT-22-OPPORTUNITY",
        record(
            _risk("e", "2023-01-10", Risk.TORTURE),
            _order("o", "2023-02-01"),
            event("complaint_lodged", "k", "2023-01-20", body=InterimBody.ECTHR),
            removal("r", "2023-02-01"),
        ),
        [],
        name="a-complaint-was-lodged-before",
    ),
    _case(
        "ICCPR-OP1-OPPORTUNITY",
        record(
            _order("o", "2023-02-01"),
            removal("r", "2023-02-01"),
        ),
        [],
        name="no-risk-raised",
    ),
    _case(
        "R-REF-31",
        record(
            crossing("x", "2023-01-01"),
            claim("c", "2023-01-20"),
            _conviction("v", "2023-03-01"),
        ),
        [],
        name="claim-not-prompt",
    ),
    _case(
        "CIS-MINSK-62",
        record(
            detention("d", "2023-01-01"),
            event("detention_extended", "o", "2023-01-02"),
            request("q", "2023-02-10"),
        ),
        [],
        name="request-on-day-40",
    ),
    _case(
        "KZ-REF-AS-STATUS",
        record(
            claim("c", "2023-01-10"),
            decision("w", "2023-01-20", AsylumOutcome.WITHDRAWN),
            removal("r", "2023-02-01"),
        ),
        [],
        name="claim-withdrawn",
    ),
    _case(
        "KZ-REF-11",
        record(claim("c", "2023-01-10"), decision("a", "2023-04-10", AsylumOutcome.REFUSED)),
        [],
        name="decided-on-last-day-of-three-months",
    ),
    _case(
        "KZ-REF-APPLY",
        record(crossing("x", "2023-01-01", CrossingMode.REGULAR), claim("c", "2023-01-06")),
        [],
        name="claim-on-fifth-day",
    ),
    _case(
        "KZ-CPC-587",
        record(
            detention("d", "2023-01-01"),
            event("detention_extended", "o", "2023-01-02"),
            event("release", "x", "2023-01-06"),
        ),
        [],
        name="court-order-next-day",
    ),
    _case(
        "KZ-CPC-588",
        record(
            detention("d", "2023-01-01"),
            event("detention_extended", "o", "2023-01-02"),
            request("q", "2023-02-10"),
        ),
        [],
        name="request-on-day-40",
    ),
    _case(
        "KZ-CPC-592",
        record(
            request("q", "2023-02-01"),
            extradition("a", "2023-03-01"),
            removal("r", "2023-03-12", channel=EXTRADITION),
        ),
        [],
        name="surrendered-after-window",
    ),
    _case(
        "KZ-CPC-592",
        record(
            request("q", "2023-02-01"),
            extradition("a", "2023-03-01"),
            appeal("p", "2023-03-05", "a"),
            appeal_decided("pd", "2023-04-01", "p", AppealOutcome.DISMISSED),
            removal("r", "2023-04-02", channel=EXTRADITION),
        ),
        [],
        name="surrendered-after-appeal-dismissed",
    ),
    _case(
        "KZ-CONST-11",
        record(extradition("a", "2023-03-01")),
        [],
        name="foreigner",
    ),
    _case(
        "KZ-CPC-590-ASYLUM",
        record(
            claim("c", "2023-01-01"),
            decision("a", "2023-02-01", AsylumOutcome.REFUSED),
            appeal("p", "2023-02-05", "a"),
            appeal_decided("pd", "2023-02-20", "p", AppealOutcome.DISMISSED),
            extradition("x", "2023-03-01"),
        ),
        # Finally refused: no appeal pending and none left to lodge.
        [],
        name="claim-finally-refused-before-approval",
    ),
    _case(
        "KZ-CPC-590-MILITARY",
        record(request("q", "2023-02-01", TREASON), extradition("a", "2023-03-01")),
        [],
        name="no-military-charge",
    ),
    _case(
        "KZ-CPC-569-4",
        record(request("q", "2023-02-01", DESERTION), extradition("a", "2023-03-01")),
        [],
        name="military-charge-only",
    ),
    _case(
        "KZ-GOV-175",
        record(
            _conviction("v", "2023-01-01", expulsion=True),
            appeal("p", "2023-01-05", "v"),
            appeal_decided("pd", "2023-02-01", "p", AppealOutcome.DISMISSED),
            removal("r", "2023-02-10", channel=RemovalChannel.CRIMINAL_EXPULSION),
        ),
        [],
        name="verdict-final",
    ),
    _case(
        "KZ-KOAP-APPEAL",
        record(_order("o", "2023-03-01"), removal("r", "2023-03-12", channel=ADMIN)),
        [],
        name="eleven-days-after-ruling",
    ),
    _case(
        "KZ-CIVIL-EXPULSION",
        record(
            _order("o", "2023-03-01", ExpulsionKind.CIVIL),
            appeal("p", "2023-03-05", "o"),
            appeal_decided("pd", "2023-03-20", "p", AppealOutcome.DISMISSED),
            removal("r", "2023-03-25", channel=RemovalChannel.CIVIL_EXPULSION),
        ),
        [],
        name="expelled-once-the-ruling-was-final",
    ),
    _case(
        "KZ-CPC-587-592",
        record(
            request("q", "2023-02-01"),
            extradition("a", "2023-03-01"),
            removal("r", "2023-03-20", channel=EXTRADITION),
        ),
        [],
        name="extradition-procedure",
    ),
    _case(
        "FR-CESEDA-L541",
        record(
            claim("c", "2023-01-10", where="FR"),
            decision("a", "2023-03-01", AsylumOutcome.REFUSED, where="FR"),
            appeal("p", "2023-03-10", "a", where="FR"),
            appeal_decided("pd", "2023-04-01", "p", AppealOutcome.DISMISSED, where="FR"),
            removal("r", "2023-05-01", where="FR"),
        ),
        [],
        name="cnda-dismissed",
    ),
    _case(
        "EU-APD-46",
        record(claim("c", "2026-01-10", where="DE"), removal("r", "2026-06-12", where="DE")),
        [],
        name="regulation-applies-instead",
    ),
    _case(
        "EU-APD-46",
        record(
            claim("c", "2023-01-10", where="DE"),
            decision("a", "2023-02-01", AsylumOutcome.REFUSED, where="DE"),
            removal("r", "2023-03-08", where="DE"),
        ),
        [],
        name="removed-35-days-after-refusal",
    ),
    _case(
        "EU-APR-68",
        record(claim("c", "2026-01-10", where="DE"), removal("r", "2026-06-11", where="DE")),
        [],
        name="directive-still-applies",
    ),
    _case(
        "PAT-DISGUISED-EXTRADITION",
        record(
            request("q", "2023-01-02"),
            extradition("a", "2023-01-10"),
            removal("r", "2023-02-01", channel=EXTRADITION),
        ),
        [],
        name="extradited-by-extradition",
    ),
    _case(
        "PAT-CASE-IN-TRANSIT",
        record(
            removal("r", "2023-03-01"),
            event("criminal_case_opened", "k", "2023-03-20", "RU", charges=(DESERTION,)),
        ),
        [],
        name="case-opened-weeks-later",
    ),
    _case(
        "PAT-SAME-DAY-REMOVAL",
        record(
            _order("o", "2023-03-01", ExpulsionKind.CIVIL),
            removal("r", "2023-03-02", channel=RemovalChannel.CIVIL_EXPULSION),
        ),
        [],
        name="expelled-next-day",
    ),
    _case(
        "PAT-ASSURANCE-BREACHED",
        record(claim("c", "2023-01-02"), extradition("a", "2023-03-01")),
        [],
        name="no-assurance",
    ),
    _case(
        "CAT-3",
        record(_risk("e", "2023-01-01", Risk.UNFAIR_TRIAL), removal("r", "2023-03-01")),
        [],
        name="evidence-of-an-unfair-trial-only",
    ),
    _case(
        "ICCPR-7",
        record(_risk("e", "2023-01-01", Risk.DEATH_PENALTY), removal("r", "2023-03-01")),
        [],
        name="evidence-of-the-death-penalty-only-art-6-not-modelled",
    ),
    _case(
        "ECHR-3-REMOVAL",
        record(
            measure("m", "2023-01-01", InterimBody.ECTHR, where="FR"),
            event("interim_measure_lifted", "l", "2023-02-01", "FR", measure="m"),
            removal("r", "2023-03-01", where="FR"),
        ),
        [],
        name="measure-lifted-before-the-removal",
    ),
    _case(
        "ECHR-3-ORDER",
        record(
            event("expulsion_ordered", "o", "2023-02-01", "FR", kind="administrative"),
            _risk("e", "2023-03-01", Risk.TORTURE, where="FR"),
        ),
        [],
        name="evidence-only-after-the-order",
    ),
    _case(
        "ECHR-6-FLAGRANT",
        record(
            _risk("e", "2023-01-01", Risk.TORTURE, where="FR"),
            event("expulsion_ordered", "o", "2023-02-01", "FR", kind="administrative"),
        ),
        [],
        name="evidence-of-torture-only-not-of-an-unfair-trial",
    ),
    _case(
        "ECHR-13",
        record(removal("r", "2023-02-10", where="FR")),
        [],
        name="removal-with-no-arguable-claim",
    ),
    _case(
        "ECHR-P4-4",
        record(
            removal("r", "2023-02-10", where="FR", safeguards=Safeguards(individual=True)),
        ),
        [],
        name="individual-examination",
    ),
    _case(
        "ECHR-5-1-ZONE",
        record(
            _zone("z", "2023-02-10", judicial_review=True, basis_given=True, legal_basis="L341-1")
        ),
        [],
        name="zone-with-a-legal-basis-and-court-review",
    ),
    _case(
        "ECHR-5-1-GROUND",
        record(event("detention", "d", "2023-02-10", "RU", ground=DetentionGround.NONE_GIVEN)),
        [],
        name="russia-after-it-ceased-to-be-a-party",
    ),
    _case(
        "ECHR-5-1-TERM",
        record(
            _custody("d", "2023-01-01", term_days=10),
            event("release", "out", "2023-01-10", "FR", detention="d"),
        ),
        [],
        name="released-within-the-term",
    ),
    _case(
        "ECHR-3-INVESTIGATION",
        record(
            removal("r", "2011-11-01", destination="TJ", where="RU"),
            event("investigation", "i", "2012-01-10", "RU", outcome="opened"),
        ),
        [],
        name="an-investigation-opened",
    ),
    _case(
        "PAT-AFTER-REFUSED-EXTRADITION",
        record(
            request("q", "2023-01-01"),
            event("extradition_decided", "no", "2023-02-01", outcome="refused", request="q"),
            removal("r", "2023-03-01", destination="TR"),
        ),
        [],
        name="removed-to-another-state",
    ),
    _case(
        "PAT-UNACKNOWLEDGED",
        record(event("detention", "d", "2023-03-01", ground="unknown", acknowledged=True)),
        [],
        name="detention-acknowledged",
    ),
    _case(
        "PAT-ABDUCTION",
        record(removal("r", "2023-03-01", HANDOVER, actor="foreign_agents", involvement="denied")),
        [],
        name="involvement-denied",
    ),
    _case(
        "ECHR-5-4",
        record(
            _custody("d", "2023-01-01"),
            appeal("a", "2023-01-05", "d", where="FR"),
            appeal_decided("ad", "2023-01-12", "a", AppealOutcome.DISMISSED, where="FR"),
            event("release", "out", "2023-03-01", "FR", detention="d"),
        ),
        [],
        name="the-challenge-decided-on-its-merits",
    ),
]


@pytest.mark.parametrize(("rule_id", "rec", "kwargs", "expected"), SILENT)
def test_rule_silent(
    rule_id: str,
    rec: CaseRecord,
    kwargs: dict[str, Any],
    expected: list[tuple[Severity, Certainty, tuple[str, ...]]],
) -> None:
    """In the nearest lawful situation the rule finds nothing."""
    assert expected == fired(rec, rule_id, **kwargs)


# -- the catalogue ---------------------------------------------------------------------------


def _ids(cases: list[Any]) -> set[str]:
    return {case.values[0] for case in cases}


def test_every_rule_has_a_firing_example() -> None:
    """FIRES covers every rule of the default rulebooks, and names no other."""
    assert {rule.id for rule in all_rules()} == _ids(FIRES)


def test_every_rule_has_a_silent_example() -> None:
    """SILENT covers every rule of the default rulebooks, and names no other."""
    assert {rule.id for rule in all_rules()} == _ids(SILENT)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.id)
def test_rule_is_documented(rule: Any) -> None:
    """Every rule has a valid id, a title, and says what is verified; a rule of law has
    citations with instruments, a record check a description and no citation."""
    assert re.fullmatch(r"[A-Z][A-Z0-9]*(-[A-Za-z0-9.]+)+", rule.id)
    assert rule.title.strip()
    if rule.kind == "record":
        assert (True, ()) == (bool(rule.description.strip()), rule.citations)
    else:
        assert rule.citations
        assert all(c.instrument.strip() for c in rule.citations)
    assert rule.verification.strip()
    assert rule.on


def test_rule_ids_are_unique_across_rulebooks() -> None:
    """No two rules of the default rulebooks share an id; find_rule finds each."""
    ids = [rule.id for rule in all_rules()]
    assert sorted(set(ids)) == sorted(ids)
    assert ids == [find_rule(i).id for i in ids]


def test_find_rule_refuses_an_unknown_id() -> None:
    """find_rule raises UnknownName (a KeyError too) for an id no rulebook has."""
    with pytest.raises(KeyError) as error:
        find_rule("XX-NONE-1")
    assert isinstance(error.value, UnknownName)
    assert ("rule", "XX-NONE-1") == (error.value.kind, error.value.name)


# -- uncertain dates ----------------------------------------------------------------------------


def test_removal_in_month_of_appeal_is_undetermined() -> None:
    """A surrender dated '2022-12', listed before an appeal filed 2022-12-10, is undetermined.

    The extradition was approved on 2022-12-01; the surrender some day in
    December lies 0-30 days after it, so whether it came inside the 10-day
    appeal window depends on the exact day.
    """
    rec = record(
        request("q", "2022-11-01"),
        extradition("a", "2022-12-01"),
        removal("r", "2022-12", channel=EXTRADITION),
        appeal("p", "2022-12-10", "a"),
    )
    assert [(V, UNDETERMINED, ("r", "a"))] == fired(rec, "KZ-CPC-592")


def test_removal_in_month_of_expulsion_ruling_is_undetermined() -> None:
    """An expulsion dated '2022-12' after a ruling of 2022-12-10 may fall in the appeal period."""
    rec = record(_order("o", "2022-12-10"), removal("r", "2022-12", channel=ADMIN))
    assert [(V, UNDETERMINED, ("r", "o"))] == fired(rec, "KZ-KOAP-APPEAL")


def test_seventy_two_hours_with_day_precision_is_undetermined() -> None:
    """Three days between detention and the next custody event may be under 72 hours."""
    rec = record(detention("d", "2023-01-01"), event("release", "x", "2023-01-04"))
    assert [(N, UNDETERMINED, ("x", "d"))] == fired(rec, "KZ-CPC-587")


def test_forty_days_with_uncertain_request_is_undetermined() -> None:
    """A request dated only 'February' after detention on 1 January may be day 31 or day 58."""
    rec = record(
        detention("d", "2023-01-01"),
        event("detention_extended", "o", "2023-01-02"),
        request("q", "2023-02"),
    )
    assert [(V, UNDETERMINED, ("q", "d"))] == fired(rec, "KZ-CPC-588")


def test_decision_in_uncertain_month_is_undetermined() -> None:
    """A decision dated 'April' on a claim of 10 January may be just inside three months."""
    rec = record(claim("c", "2023-01-10"), decision("a", "2023-04", AsylumOutcome.REFUSED))
    assert [(W, UNDETERMINED, ("a", "c"))] == fired(rec, "KZ-REF-11")


def test_certain_three_month_breach_is_not_hidden_by_uncertain_year() -> None:
    """A decision certainly more than three months late is reported as certain.

    Claim 2022-01-01; decision somewhere in June 2022 - June 2023: certainly
    more than three months, possibly more than a year.
    """
    rec = record(
        claim("c", "2022-01-01"), decision("a", "2022-06-01/2023-06-30", AsylumOutcome.REFUSED)
    )
    assert [CERTAIN] == [c for _, c, _ in fired(rec, "KZ-REF-11")]


def test_undetermined_finding_says_so() -> None:
    """An undetermined finding's certainty is 'undetermined', and a certain one's 'certain'."""
    certain = validate(record(claim("c", "2023-01-10"), removal("r", "2023-02-01")))
    unsure = validate(
        record(claim("c", "2023-01-10"), removal("r", "2023-02-01", destination="TR"))
    )
    r33 = [f for f in (*certain.findings, *unsure.findings) if f.rule_id == "R-REF-33"]
    assert [CERTAIN, UNDETERMINED] == [on_the_dates(f.certainty) for f in r33]


# -- dates in force ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2026-06-11", {"EU-APD-46": CERTAIN}),
        ("2026-06-12", {"EU-APR-68": CERTAIN}),
        ("2026-06", {"EU-APD-46": UNDETERMINED, "EU-APR-68": UNDETERMINED}),
        ("2026-06-11/2026-06-12", {"EU-APD-46": UNDETERMINED, "EU-APR-68": UNDETERMINED}),
    ],
)
def test_eu_directive_gives_way_to_regulation(date: str, expected: dict[str, Certainty]) -> None:
    """Removal pending a claim breaches art 46 APD up to 2026-06-11, art 68 APR from 2026-06-12."""
    rec = record(claim("c", "2026-01-10", where="DE"), removal("r", date, where="DE"))
    report = validate(rec)
    assert expected == {
        f.rule_id: on_the_dates(f.certainty) for f in report.findings if f.rule_id.startswith("EU-")
    }


def test_rule_in_force_only_from_its_start() -> None:
    """The French rule is silent before the recodification of 2021-05-01."""
    rec = record(claim("c", "2021-01-10", where="FR"), removal("r", "2021-04-30", where="FR"))
    assert [] == fired(rec, "FR-CESEDA-L541")


def test_undetermined_in_force_is_said_in_message() -> None:
    """A finding whose rule may or may not have been in force says so in its message."""
    rec = record(claim("c", "2026-01-10", where="DE"), removal("r", "2026-06", where="DE"))
    messages = [f.message for f in validate(rec).findings if f.rule_id == "EU-APR-68"]
    assert len(messages) == 1
    assert "depends on the exact date" in messages[0]


def test_expulsion_rules_before_2017() -> None:
    """KZ-GOV-175 (2017 rules) is silent for a criminal expulsion in 2016."""
    rec = record(
        _conviction("v", "2016-01-01", expulsion=True),
        appeal("p", "2016-01-05", "v"),
        removal("r", "2016-01-10", channel=RemovalChannel.CRIMINAL_EXPULSION),
    )
    assert [] == fired(rec, "KZ-GOV-175")


@pytest.mark.parametrize(
    ("decided", "expected"),
    [("2022-09-01", []), ("2022-10-01", [(W, CERTAIN, ("a", "q"))])],
)
def test_offence_catalogue_by_date(decided: str, expected: list[Any]) -> None:
    """Art 352.1 (voluntary surrender) is a military offence only from 2022-09-24."""
    rec = record(request("q", "2022-08-01", SURRENDER), extradition("a", decided))
    assert expected == fired(rec, "KZ-CPC-590-MILITARY")


# -- treaty parties ---------------------------------------------------------------------------


def test_treaty_rule_silent_for_state_not_party() -> None:
    """Non-refoulement (Refugee Convention) is silent in a state known not to be a party."""
    rec = record(claim("c", "2023-01-10", where="UZ"), removal("r", "2023-02-01", where="UZ"))
    assert [] == fired(rec, "R-REF-33")


@pytest.mark.parametrize(
    ("requesting", "expected"), [("RU", [(V, CERTAIN, ("out", "d"))]), ("UA", [])]
)
def test_a_treaty_between_states_binds_only_towards_a_party(
    requesting: str, expected: list[Any]
) -> None:
    """Held in Kazakhstan in 2024 on a Ukrainian listing: Ukraine left the Minsk Convention on
    2023-12-29, so the Convention's forty days bind Kazakhstan towards Russia, not Ukraine."""
    rec = record(
        event("wanted_listing", "w", "2024-01-05", requesting, scope="interstate"),
        detention("d", "2024-01-10"),
        event("release", "out", "2024-03-10", detention="d"),
    )
    assert expected == fired(rec, "CIS-MINSK-62")


def test_treaty_rule_undetermined_for_a_state_the_table_does_not_know() -> None:
    """Neither party nor known non-party: the finding is undetermined and says why."""
    rec = record(claim("c", "2023-01-10", where="BR"), removal("r", "2023-02-01", where="BR"))
    [finding] = [f for f in validate(rec).findings if f.rule_id == "R-REF-33"]
    assert (finding.certainty, [gap.key for gap in finding.unverified]) == (
        UNDETERMINED,
        ["party:refugee_convention:BR"],
    )


def test_a_known_non_party_wins_over_nothing_but_not_over_a_party() -> None:
    """A NonParty row is ignored where another rulebook has the state as a party."""
    from proceedings.law import INTERNATIONAL, RECORD, Law, NonParty, Party, Rulebook

    claims_party = Rulebook(
        name="extra",
        title="A rulebook that knows Uzbekistan as a party",
        parties=(Party(treaty="refugee_convention", state="UZ", since=day("2000-01-01")),),
        non_parties=(NonParty(treaty="cat", state="BR"),),
    )
    books = Law(rulebooks=(RECORD, INTERNATIONAL, claims_party))
    assert (books.non_party("refugee_convention", "UZ"), books.non_party("cat", "BR")) == (
        False,
        True,
    )


def test_treaty_rule_silent_before_state_became_party() -> None:
    """Kazakhstan's Refugee Convention obligations start on 1999-04-15 (entry into force)."""
    before = record(claim("c", "1998-06-01"), removal("r", "1999-04-14"))
    after = record(claim("c", "1998-06-01"), removal("r", "1999-04-15"))
    assert ([], [(V, CERTAIN, ("r", "c"))]) == (
        fired(before, "R-REF-33"),
        fired(after, "R-REF-33"),
    )


def test_uncertain_party_date_gives_undetermined_finding() -> None:
    """A state party 'in 2008' (the day unknown): a removal in May 2008 may precede it."""
    from proceedings.law import INTERNATIONAL, RECORD, Party, Rulebook

    year_only = Rulebook(
        name="year-only",
        title="Kazakhstan's art 22 declaration known by its year only",
        parties=(Party(treaty="cat_art22", state="KZ", since=day("2008")),),
    )
    rec = record(measure("m", "2008-03-01", InterimBody.UN_CAT), removal("r", "2008-05-01"))
    # The first rulebook to give a (treaty, state) wins.
    books = (RECORD, year_only, INTERNATIONAL)
    assert [(V, UNDETERMINED, ("r", "m"))] == fired(rec, "CAT-22", rulebooks=books)


def test_treaty_rule_silent_after_state_left() -> None:
    """Russia ceased to be party to the ECHR on 2022-09-16: ECHR-34 binds it only before."""

    def rec(date: str) -> CaseRecord:
        return record(
            measure("m", "2022-09-01", InterimBody.ECTHR, where="RU"),
            removal("r", date, where="RU", destination="UA"),
        )

    assert ([(V, CERTAIN, ("r", "m"))], []) == (
        fired(rec("2022-09-10"), "ECHR-34"),
        fired(rec("2022-09-20"), "ECHR-34"),
    )


def test_finding_resting_on_unverified_party_is_unverified() -> None:
    """A verified rule applied through an unverified party date gives an unverified finding."""
    # R-REF-33 is verified; Russia's date of entry into force is recalled, Kazakhstan's read.
    russia = record(claim("c", "2023-01-10", where="RU"), removal("r", "2023-02-01", where="RU"))
    kazakhstan = record(claim("c", "2023-01-10"), removal("r", "2023-02-01"))
    r33 = [
        f.verified
        for rec in (russia, kazakhstan)
        for f in validate(rec).findings
        if f.rule_id == "R-REF-33"
    ]
    assert [False, True] == r33


# -- readings --------------------------------------------------------------------------------


def _removal_during_appeal() -> CaseRecord:
    return record(
        claim("c", "2023-01-10"),
        decision("a", "2023-03-01", AsylumOutcome.REFUSED),
        appeal("p", "2023-03-05", "a"),
        removal("r", "2023-04-01"),
    )


@pytest.mark.parametrize(
    ("option", "expected"),
    [("yes", [(V, CERTAIN, ("r", "p"))]), ("no", [])],
)
@pytest.mark.parametrize("rule_id", ["KZ-REF-AS-STATUS", "R-REF-33"])
def test_appeal_suspensive_reading(rule_id: str, option: str, expected: list[Any]) -> None:
    """A pending appeal against the refusal protects under 'yes' (default), not under 'no'."""
    rec = _removal_during_appeal()
    assert expected == fired(rec, rule_id, readings={"asylum_appeal_suspensive": option})


@pytest.mark.parametrize(
    ("outcome", "suspensive", "expected"),
    [
        # The appeal body suspended the refusal's execution: protected, whatever the
        # law says of the appeal, and under every reading.
        (AppealOutcome.SUSPENDED, False, [(V, CERTAIN, ("r", "s"))]),
        (AppealOutcome.SUSPENDED, None, [(V, CERTAIN, ("r", "s"))]),
        # No suspension: an appeal recorded as not suspensive protects nobody, and a
        # dismissed one leaves the refusal final.
        (None, False, []),
        (AppealOutcome.DISMISSED, False, []),
    ],
)
@pytest.mark.parametrize("option", ["yes", "no"])
def test_an_appeal_body_that_suspends_the_refusal_protects(
    outcome: AppealOutcome | None, suspensive: bool | None, expected: list[Any], option: str
) -> None:
    """A removal after the appeal body suspended the refusal's execution is a breach."""
    fields = {} if suspensive is None else {"suspensive": suspensive}
    decided = () if outcome is None else (appeal_decided("s", "2023-03-20", "p", outcome),)
    rec = record(
        claim("c", "2023-01-10"),
        decision("d", "2023-03-01", AsylumOutcome.REFUSED),
        appeal("p", "2023-03-05", "d", **fields),
        *decided,
        removal("r", "2023-04-02"),
    )
    assert expected == fired(rec, "KZ-REF-AS-STATUS", readings={"asylum_appeal_suspensive": option})


def test_appeal_suspensive_reading_default_is_yes() -> None:
    """Without a reading chosen, the default ('yes') applies."""
    rec = _removal_during_appeal()
    assert fired(rec, "KZ-REF-AS-STATUS") == fired(
        rec, "KZ-REF-AS-STATUS", readings={"asylum_appeal_suspensive": "yes"}
    )


@pytest.mark.parametrize(
    ("option", "claimed", "expected"),
    [
        ("five_days", "2023-01-03", [(W, CERTAIN, ("v", "c", "x"))]),
        ("same_day", "2023-01-03", []),
        ("five_days", "2023-01-02", [(W, CERTAIN, ("v", "c", "x"))]),
        ("same_day", "2023-01-02", [(W, CERTAIN, ("v", "c", "x"))]),
        ("five_days", "2023-01-07", []),
    ],
)
def test_claim_promptness_reading(option: str, claimed: str, expected: list[Any]) -> None:
    """'Without delay' is 5 days by default, the next day under 'same_day'."""
    rec = record(crossing("x", "2023-01-01"), claim("c", claimed), _conviction("v", "2023-03-01"))
    readings = {"asylum_claim_promptness": option}
    assert expected == fired(rec, "R-REF-31", readings=readings)


def test_a_claim_made_elsewhere_is_no_prompt_claim_here() -> None:
    """A claim in another state, even on the day after the crossing, is not one presented
    to the authorities of the state that convicts."""
    rec = record(
        crossing("x", "2023-01-01"),
        claim("elsewhere", "2023-01-02", where="RU"),
        _conviction("v", "2023-03-01"),
    )
    assert [] == fired(rec, "R-REF-31")


def test_reading_is_named_in_message() -> None:
    """A finding that depends on a reading names the reading and the option used."""
    rec = record(crossing("x", "2023-01-01"), claim("c", "2023-01-02"), _conviction("v", "2023-03"))
    messages = [f.message for f in validate(rec).findings if f.rule_id == "R-REF-31"]
    assert ["asylum_claim_promptness=five_days"] == [
        m[m.index("asylum_claim_promptness") :].rstrip(")") for m in messages
    ]


def test_every_reading_used_is_declared_with_its_default() -> None:
    """Each reading a rule consults is declared once, and its default is one of its options."""
    declared = {r.name: r for book in DEFAULT_RULEBOOKS for r in book.readings}
    used = {name for rule in all_rules() for name in rule.readings}
    assert used <= set(declared)
    assert all(r.default in r.options for r in declared.values())


# -- unverified rules -----------------------------------------------------------------------


def test_unverified_findings_are_dropped_on_request() -> None:
    """verified_only keeps exactly the findings resting on verified sources.

    Unverified are rules whose text was not checked (KZ-CPC-590-ASYLUM) and
    findings resting on an unchecked treaty party date (CAT-GC4 in Kazakhstan:
    the rule and the date of the art 22 declaration).
    """
    rec = record(
        claim("c", "2023-01-01"),
        removal("h", "2023-02-01", channel=HANDOVER),
        extradition("a", "2023-03-01"),
    )
    every = validate(rec)
    verified = validate(rec, law=law(verified_only=True))
    assert {"KZ-CPC-590-ASYLUM", "CAT-GC4", "KZ-REF-AS-STATUS"} <= {
        f.rule_id for f in every.findings if not f.verified
    }
    assert [f for f in every.findings if f.verified] == list(verified.findings)
    assert "KZ-CPC-587-592" in verified.rule_ids


def test_unverified_rules_are_not_enforced_on_request() -> None:
    """A strict proceeding with verified_only does not refuse for an unverified rule."""
    rec = record(_order("o", "2023-03-01"), removal("r", "2023-03-03", channel=ADMIN))
    with pytest.raises(TransitionRefused) as refused:
        Proceeding.from_record(rec)
    assert {"KZ-KOAP-APPEAL"} == {f.rule_id for f in refused.value.findings}
    accepted = Proceeding.from_record(rec, law=law(verified_only=True))
    assert rec.events == accepted.record.events


def test_unverified_rule_gives_unverified_finding() -> None:
    """A finding of an unverified rule says it is unverified."""
    rec = record(claim("c", "2023-01-01"), extradition("a", "2023-03-01"))
    found = [f.verified for f in validate(rec).findings if f.rule_id == "KZ-CPC-590-ASYLUM"]
    assert [False] == found


# -- known rule bugs (see the report to the lead) ----------------------------------------------


def test_case_opened_on_day_of_removal_is_certain() -> None:
    """A case opened in Russia on the day of the deportation to Russia is certainly the pattern."""
    rec = record(
        removal("r", "2023-03-01"),
        event("criminal_case_opened", "k", "2023-03-01", "RU", charges=(DESERTION,)),
    )
    assert [(W, CERTAIN, ("k", "r"))] == fired(rec, "PAT-CASE-IN-TRANSIT")


def test_disguised_extradition_names_request_at_start_of_record() -> None:
    """The pattern names the extradition request even when it is the record's first event."""
    rec = record(request("q", "2023-01-02"), removal("r", "2023-02-01"))
    assert [(W, CERTAIN, ("r", "q"))] == fired(rec, "PAT-DISGUISED-EXTRADITION")


def test_surrender_after_extradition_refused_is_a_violation() -> None:
    """Surrendering a person whose extradition was refused breaches the procedure."""
    rec = record(
        detention("d", "2023-01-01"),
        event("detention_extended", "o", "2023-01-02"),
        request("q", "2023-01-10"),
        extradition("a", "2023-02-01", ExtraditionOutcome.REFUSED),
        removal("r", "2023-03-01", channel=EXTRADITION),
    )
    assert [(V, CERTAIN, ("r",))] == [(s, c, ids[:1]) for s, c, ids in fired(rec, "KZ-CPC-592")]


def test_expulsion_suspended_on_appeal_bars_removal() -> None:
    """A removal after the appeal body suspended the expulsion is a violation."""
    rec = record(
        _order("o", "2023-01-01"),
        appeal("p", "2023-01-03", "o"),
        appeal_decided("pd", "2023-01-05", "p", AppealOutcome.SUSPENDED),
        removal("r", "2023-01-20", channel=ADMIN),
    )
    assert [V] == [s for s, _, _ in fired(rec, "KZ-KOAP-APPEAL")]


def test_dismissed_appeal_against_refusal_keeps_extradition_refused() -> None:
    """The prosecutor's appeal against a refusal, dismissed, leaves extradition refused."""
    rec = record(
        request("q", "2023-01-10"),
        extradition("a", "2023-02-01", ExtraditionOutcome.REFUSED),
        appeal("p", "2023-02-05", "a", appellant=Appellant.AUTHORITY),
        appeal_decided("pd", "2023-03-01", "p", AppealOutcome.DISMISSED),
        removal("r", "2023-03-10", channel=EXTRADITION),
    )
    assert [V] == [s for s, _, _ in fired(rec, "KZ-CPC-592")]


def _by_rule(*cases: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for case in cases:
        counts[case.values[0]] = counts.get(case.values[0], 0) + 1
    return counts


def test_fire_and_silent_tables_are_consistent() -> None:
    """FIRES names only known rules and expects findings; SILENT expects none."""
    ids = {rule.id for rule in all_rules()}
    assert set(_by_rule(*FIRES)) <= ids
    assert all(case.values[3] for case in FIRES)
    assert all(not case.values[3] for case in SILENT)


def test_detention_ground_matters_for_72_hours() -> None:
    """The 72-hour rule concerns a detention on a wanted notice, not court-ordered custody."""
    rec = record(
        detention("d", "2023-01-01", DetentionGround.EXTRADITION_CUSTODY),
        event("release", "x", "2023-01-06"),
    )
    assert [] == fired(rec, "KZ-CPC-587")


def test_transit_zone_after_detention_order_is_not_flagged_as_without_decision() -> None:
    """Confinement in the transit zone after a detention order is not 'without a decision'."""
    rec = record(
        detention("d", "2023-01-10", DetentionGround.BORDER),
        event("transit_zone_confinement", "t", "2023-01-10"),
    )
    assert [] == fired(rec, "ICCPR-9")


def test_category_stated_in_record_prevails_over_catalogue() -> None:
    """A charge whose record states it is political counts as political, whatever its article."""
    from proceedings import Charge, OffenceCategory

    stated = Charge(code="RU-CC", article="338", category=OffenceCategory.POLITICAL)
    rec = record(request("q", "2023-02-01", stated), extradition("a", "2023-03-01"))
    assert ([(W, CERTAIN, ("a", "q"))], []) == (
        fired(rec, "KZ-CPC-569-4"),
        fired(rec, "KZ-CPC-590-MILITARY"),
    )


# -- outcomes the sources do not give ----------------------------------------------------


def test_a_removal_after_a_decision_of_unknown_outcome_is_undetermined() -> None:
    """The claim may still be open: asylum-seeker and non-refoulement breaches are undetermined."""
    rec = record(
        claim("c", "2023-01-10"),
        decision("d", "2023-03-01", AsylumOutcome.UNKNOWN),
        removal("r", "2023-04-01"),
    )
    expected = (
        [(Severity.VIOLATION, Certainty.UNDETERMINED, ("r", "c"))],
        [(Severity.VIOLATION, Certainty.UNDETERMINED, ("r", "c"))],
    )

    assert expected == (fired(rec, "KZ-REF-AS-STATUS"), fired(rec, "R-REF-33"))


def test_an_appeal_decided_with_an_unknown_outcome_leaves_the_claim_perhaps_open() -> None:
    """After a refusal, an appeal decided one way or the other: a removal is undetermined."""
    rec = record(
        claim("c", "2023-01-10"),
        decision("d", "2023-03-01", AsylumOutcome.REFUSED),
        appeal("a", "2023-03-05", "d"),
        appeal_decided("ad", "2023-04-01", "a", AppealOutcome.UNKNOWN),
        removal("r", "2023-05-01"),
    )

    assert [Certainty.UNDETERMINED] == [c for _, c, _ in fired(rec, "KZ-REF-AS-STATUS")]


def test_a_removal_from_france_after_a_decision_of_unknown_outcome_is_undetermined() -> None:
    """The right to remain (CESEDA L.541-1) may still hold: undetermined, never certain."""
    rec = record(
        claim("c", "2023-01-10", where="FR"),
        decision("d", "2023-03-01", AsylumOutcome.UNKNOWN, where="FR"),
        removal("r", "2023-04-01", where="FR"),
    )

    assert [(Severity.VIOLATION, Certainty.UNDETERMINED, ("r", "c"))] == fired(
        rec, "FR-CESEDA-L541"
    )


def test_a_nationality_one_account_gives_is_read_under_that_account() -> None:
    """Removal to UA: certain where an account says the person is Ukrainian, else undetermined."""
    base = record(claim("c", "2023-01-10"), removal("r", "2023-04-01", destination="UA"))
    person = attrs.evolve(
        base.person,
        accounts=(PersonFacts(account="ua", nationalities=("RU", "UA")),),
    )
    rec = attrs.evolve(
        base,
        person=person,
        accounts=(Account(name="ru"), Account(name="ua")),
    )
    found = {
        f.accounts: on_the_dates(f.certainty)
        for f in validate(rec).findings
        if f.rule_id == "R-REF-33"
    }

    assert {("ru",): Certainty.UNDETERMINED, ("ua",): Certainty.CERTAIN} == found


@pytest.mark.parametrize(
    ("notified", "expected"),
    [
        (None, [Certainty.CERTAIN]),
        ("2023-10-20", [Certainty.CERTAIN]),
        ("2023-10-24", [Certainty.UNDETERMINED]),
        ("2023-10-25", []),
    ],
)
def test_an_interim_measure_binds_once_notified(notified: str | None, expected: list[Any]) -> None:
    """A removal on 24 October: before the notification no breach, on its day undetermined."""
    rec = record(
        event(
            "interim_measure_requested",
            "m",
            "2023-10-20",
            body=InterimBody.UN_CAT,
            notified=None if notified is None else day(notified),
        ),
        removal("r", "2023-10-24"),
    )

    assert expected == [c for _, c, _ in fired(rec, "CAT-22")]


def test_an_expulsion_order_of_unknown_kind_leaves_the_koap_appeal_rule_undetermined() -> None:
    """KZ-KOAP-APPEAL covers non-criminal orders: for an order of unknown kind it may not apply."""

    def case(kind: ExpulsionKind) -> CaseRecord:
        return record(
            event("expulsion_ordered", "o", "2023-03-01", kind=kind),
            removal("r", "2023-03-03", channel=RemovalChannel.ADMINISTRATIVE_EXPULSION),
        )

    assert (
        [Certainty.CERTAIN],
        [Certainty.UNDETERMINED],
    ) == (
        [c for _, c, _ in fired(case(ExpulsionKind.ADMINISTRATIVE), "KZ-KOAP-APPEAL")],
        [c for _, c, _ in fired(case(ExpulsionKind.UNKNOWN), "KZ-KOAP-APPEAL")],
    )


def test_the_extradition_appeal_period_runs_from_service() -> None:
    """Approved on 1 March, served on 20 March, surrendered on 25 March: inside the 10 days."""

    def surrendered(served: str | None) -> list[Certainty]:
        rec = record(
            request("q", "2023-02-01"),
            event(
                "extradition_decided",
                "x",
                "2023-03-01",
                outcome=ExtraditionOutcome.APPROVED,
                **({} if served is None else {"served": day(served)}),
            ),
            removal("r", "2023-03-25", channel=RemovalChannel.EXTRADITION),
        )
        return [c for _, c, _ in fired(rec, "KZ-CPC-592")]

    assert ([], [Certainty.CERTAIN]) == (surrendered(None), surrendered("2023-03-20"))


def test_an_expulsion_after_the_appeal_was_dismissed_is_lawful_under_koap() -> None:
    """Ordered, appealed, the appeal dismissed: the ruling is final; the expulsion may proceed."""
    rec = record(
        event("expulsion_ordered", "o", "2023-03-01", kind=ExpulsionKind.ADMINISTRATIVE),
        appeal("a", "2023-03-05", "o"),
        appeal_decided("ad", "2023-03-20", "a", AppealOutcome.DISMISSED),
        removal("r", "2023-03-25", channel=RemovalChannel.ADMINISTRATIVE_EXPULSION),
    )

    assert [] == fired(rec, "KZ-KOAP-APPEAL")
