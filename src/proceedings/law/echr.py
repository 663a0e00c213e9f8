"""The European Convention on Human Rights, as the European Court applies it to removals.

Art 3 (no removal to a real risk of ill-treatment), art 6 (no removal to a
flagrant denial of justice), art 13 with art 3 and
with art 4 of Protocol No. 4 (a remedy with automatic suspensive effect),
art 4 of Protocol No. 4 (no collective expulsion) and art 5 § 1 (liberty:
confinement in a transit zone, detention with no ground given) and art 38
(the facilities the Court asks for). Art 34 (interim measures) is in the
international rulebook. Each rule binds a state
only while it is party to the Convention or the Protocol: Russia ceased to be
a party on 16 September 2022, and acts before that date stay judged.

What the rules can judge from a record, and what they leave to a court, is
explained in the documentation ("What the engine can and cannot judge").
"""

from __future__ import annotations

from collections.abc import Iterator

from .._dates import Truth
from .._model import (
    AppealDecided,
    AppealFiled,
    AppealOutcome,
    ComplaintFiled,
    CooperationRefused,
    Detention,
    DetentionExtended,
    DetentionGround,
    EntryRefused,
    Event,
    ExpulsionOrdered,
    ExtraditionDecided,
    ExtraditionOutcome,
    ExtraditionRequested,
    InterimBody,
    Investigation,
    InvestigationOutcome,
    Removal,
    RequestKind,
    Risk,
    RiskEvidence,
    Safeguards,
    TransitZoneConfinement,
    ZoneKind,
)
from .._rules import Context, Hit, Reading
from . import _parties
from ._common import (
    OUTSIDE_PROCEDURE,
    extradition_outcome,
    host_act,
    if_outcome_unknown,
    related,
    removal_phrase,
)
from ._data import law_data
from ._parties import NON_PARTIES
from ._risk import (
    ECHR_3_RISKS,
    arguable_claim,
    assessed,
    claim_phrase,
    irregular_entry,
    risk_check,
)

#: The texts of the rules (``data/echr.json``); their checks are below.
_TEXT = law_data("echr")


# -- art 3: removal to a real risk ---------------------------------------------------


def _destination_of_order(ctx: Context, ev: Event) -> tuple[str, int, Truth] | None:
    """Where an order (or the decision upholding it) sends the person, the order, and
    whether it is one (``UNKNOWN``: an extradition decision whose outcome is not known)."""
    index = ctx.index
    if isinstance(ev, AppealDecided):
        if ev.outcome != AppealOutcome.DISMISSED:
            return None
        appeal = ctx.at(ctx.index_of(ev.appeal))
        assert isinstance(appeal, AppealFiled)
        index = ctx.index_of(appeal.against)
        ev = ctx.record.events[index]
    approved = extradition_outcome(ev, ExtraditionOutcome.APPROVED)
    if approved is not Truth.FALSE:
        assert isinstance(ev, ExtraditionDecided)
        request = ctx.at(ctx.index_of(ev.request)) if ev.request is not None else None
        if isinstance(request, ExtraditionRequested):
            return request.requesting_state, index, approved
        return None
    if isinstance(ev, ExpulsionOrdered):
        if ev.destination is not None:
            return ev.destination, index, Truth.TRUE
        if len(ctx.nationalities) == 1:
            return ctx.nationalities[0], index, Truth.TRUE
    return None


def _order_to_risk(ctx: Context) -> Iterator[Hit]:
    target = _destination_of_order(ctx, ctx.event)
    if target is None:
        return
    destination, order, ordered = target
    claim = arguable_claim(ctx, destination, ECHR_3_RISKS)
    if claim is None or not claim.direct:
        return
    truth, why, behind = assessed(ctx, ctx.event, claim)
    verb = "upheld" if order != ctx.index else "ordered"
    yield Hit(
        truth=truth & ordered,
        message=(
            f"Removal to {destination} {verb} ({ctx.describe(order)}) despite "
            f"{claim_phrase(ctx, claim)}, {why}; carrying it out would engage art 3"
            + if_outcome_unknown(ordered, "approved extradition")
        ),
        related=related(order, *behind),
    )


ECHR_3_REMOVAL = _TEXT.rule(
    "ECHR-3-REMOVAL", check=risk_check(ECHR_3_RISKS, "a risk of ill-treatment")
)

ECHR_3_ORDER = _TEXT.rule("ECHR-3-ORDER", check=_order_to_risk)


# -- art 6: removal to a flagrant denial of justice ----------------------------------


def _trial_evidence(ctx: Context, destination: str) -> list[int]:
    """Evidence on record of a risk of an unfair trial in ``destination``."""
    return [
        i
        for i in ctx.earlier_of(RiskEvidence)
        if isinstance(ev := ctx.at(i), RiskEvidence)
        and ev.destination == destination
        and Risk.UNFAIR_TRIAL in ev.risks
    ]


def _order_to_unfair_trial(ctx: Context) -> Iterator[Hit]:
    target = _destination_of_order(ctx, ctx.event)
    if target is None:
        return
    destination, order, ordered = target
    evidence = _trial_evidence(ctx, destination)
    if not evidence:
        return
    # Only a *flagrant* denial of justice bars a removal (Soering, Othman):
    # a breach so fundamental that it nullifies the right, which is a court's
    # judgement on the evidence. The record shows that the question arose.
    verb = "upheld" if order != ctx.index else "ordered"
    shown = ", ".join(ctx.describe(i) for i in evidence[:3])
    yield Hit(
        truth=Truth.UNKNOWN,
        message=(
            f"Removal to {destination} {verb} ({ctx.describe(order)}) despite evidence of a "
            f"risk of an unfair trial there ({shown}); carrying it out would engage art 6 "
            "if the trial would be a flagrant denial of justice (such as the admission of "
            "evidence obtained by torture), which is for a court to judge"
            + if_outcome_unknown(ordered, "approved extradition")
        ),
        related=related(order, *evidence),
    )


ECHR_6_FLAGRANT = _TEXT.rule("ECHR-6-FLAGRANT", check=_order_to_unfair_trial)


# -- art 4 of Protocol No. 4: collective expulsion -----------------------------------


def _no_individual_examination(safeguards: Safeguards | None) -> bool:
    return safeguards is not None and safeguards.individual is False


def _collective(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event_as(Removal, EntryRefused)
    if not _no_individual_examination(ev.safeguards):
        return
    crossing = irregular_entry(ctx)
    if crossing is not None:
        yield Hit(
            truth=Truth.UNKNOWN,
            message=(
                "Sent back with no individual examination of the person's situation, after "
                f"an irregular crossing ({ctx.describe(crossing)}): a collective expulsion, "
                "unless the lack of an individual decision was the person's own doing, where "
                "the state offered genuine and effective legal means of entry (the Court's "
                "exception in N.D. and N.T. v. Spain), which the record cannot settle"
            ),
            related=(crossing,),
        )
        return
    what = (
        removal_phrase(ev, capital=True)
        if isinstance(ev, Removal)
        else "Entry refused at the border"
    )
    yield Hit(
        truth=Truth.TRUE,
        message=(
            f"{what} with no reasonable and objective examination of the person's individual "
            "situation: a collective expulsion"
        ),
    )


ECHR_P4_4 = _TEXT.rule("ECHR-P4-4", check=_collective)


# -- art 13: a remedy with automatic suspensive effect ---------------------------------


def _remedy_missing(ctx: Context, ev: Removal) -> tuple[Truth, str, tuple[int, ...]]:
    if ev.channel in OUTSIDE_PROCEDURE:
        return Truth.TRUE, "removed outside any procedure, with no decision to challenge", ()
    if ev.remedy_available is False:
        return Truth.TRUE, "no remedy with suspensive effect was available against it", ()
    served = _served_too_late(ctx, ev)
    if served is not None:
        return served
    pending: list[int] = []
    decided: set[str] = set()
    for i in ctx.earlier_of(AppealDecided):
        earlier = ctx.at(i)
        if isinstance(earlier, AppealDecided):
            decided.add(earlier.appeal)
    for i in ctx.earlier_of(AppealFiled):
        earlier = ctx.at(i)
        if not isinstance(earlier, AppealFiled):
            continue
        if earlier.suspensive is False:
            return Truth.TRUE, f"the remedy used ({ctx.describe(i)}) had no suspensive effect", (i,)
        if earlier.id not in decided and _against_removal(ctx, earlier):
            pending.append(i)
    if pending:
        return (
            Truth.TRUE,
            f"removed while the remedy ({ctx.describe(pending[-1])}) was pending: it did not "
            "suspend the removal",
            (pending[-1],),
        )
    for i in ctx.earlier_of(AppealDecided):
        earlier = ctx.at(i)
        if isinstance(earlier, AppealDecided) and earlier.merits_examined is False:
            return (
                Truth.TRUE,
                f"the remedy ({ctx.describe(i)}) did not examine the merits of the complaint",
                (i,),
            )
    return (
        Truth.UNKNOWN,
        "the record does not say whether a remedy with automatic suspensive effect, "
        "examining the risk, was available",
        (),
    )


def _served_too_late(ctx: Context, ev: Removal) -> tuple[Truth, str, tuple[int, ...]] | None:
    """The order carried out, if it was served only when (or after) the person was removed."""
    order, ordered = None, Truth.FALSE
    for i in ctx.earlier_of(ExpulsionOrdered, ExtraditionDecided):
        earlier = ctx.at(i)
        # An extradition decision whose outcome is not known may be the order.
        one = Truth.TRUE if isinstance(earlier, ExpulsionOrdered) else Truth.FALSE
        one |= extradition_outcome(earlier, ExtraditionOutcome.APPROVED)
        if one is not Truth.FALSE:
            order, ordered = i, one
    if order is None:
        return None
    decision = ctx.at(order)
    assert isinstance(decision, ExpulsionOrdered | ExtraditionDecided)
    if decision.served is None:
        return None
    after = ev.date.before(decision.served)
    same = decision.served.same_day(ev.date)
    maybe = if_outcome_unknown(ordered, "approved extradition")
    if after is Truth.TRUE:
        return (
            ordered,
            f"the order ({ctx.describe(order)}) was served only after the removal{maybe}",
            (order,),
        )
    if after is Truth.FALSE and same is Truth.FALSE:
        return None
    return (
        Truth.UNKNOWN,
        f"the order ({ctx.describe(order)}) was served on the day of the removal, leaving "
        f"hardly any time to use a remedy{maybe}",
        (order,),
    )


def _against_removal(ctx: Context, appeal: AppealFiled) -> bool:
    target = ctx.at(ctx.index_of(appeal.against))
    return isinstance(target, ExpulsionOrdered | ExtraditionDecided)


def _effective_remedy(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event_as(Removal)
    claim = arguable_claim(ctx, ev.destination, ECHR_3_RISKS)
    collective = _no_individual_examination(ev.safeguards)
    if claim is None and not collective:
        return
    truth, why, behind = _remedy_missing(ctx, ev)
    if truth is Truth.FALSE:  # pragma: no cover - a missing remedy is TRUE or UNKNOWN
        return
    grounds = []
    if claim is not None:
        grounds.append(f"an arguable claim under art 3 ({claim_phrase(ctx, claim)})")
    if collective:
        grounds.append("an arguable claim of collective expulsion (art 4 of Protocol No. 4)")
        crossing = irregular_entry(ctx)
        if crossing is not None and claim is None:
            truth = truth & Truth.UNKNOWN
            why += (
                f"; after an irregular crossing ({ctx.describe(crossing)}) the lack of a "
                "remedy may be the person's own doing (N.D. and N.T. v. Spain)"
            )
    yield Hit(
        truth=truth,
        message=(
            f"{removal_phrase(ev, capital=True)} with {' and '.join(grounds)}: {why}; art 13 "
            "requires a remedy with automatic suspensive effect"
        ),
        related=related(*(claim.indices if claim is not None else ()), *behind),
    )


ECHR_13 = _TEXT.rule("ECHR-13", check=_effective_remedy)


# -- art 5 § 1: liberty ---------------------------------------------------------------

_CLOSED_ZONES = frozenset({ZoneKind.AIRPORT_TRANSIT, ZoneKind.WAITING_ZONE})


def _zone_confinement(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event_as(TransitZoneConfinement)
    if ctx.in_state("custody", "detained"):
        return  # a detention is on record; its own grounds are what to check
    if ev.zone in _CLOSED_ZONES:
        deprived = Truth.TRUE
        how = "a zone the person could leave only by flying to another state"
    else:
        deprived = Truth.UNKNOWN
        how = (
            "a zone whose character (whether the person could leave to a neighbouring state, "
            "for how long, under what legal regime) decides whether it is a deprivation of "
            "liberty"
        )
    gaps = []
    if ev.basis_given is False:
        gaps.append("no legal basis was given")
    if ev.judicial_review is False:
        gaps.append("no court could review the confinement")
    if gaps:
        lawful = Truth.TRUE
        why = " and ".join(gaps)
    elif ev.legal_basis is not None and ev.basis_given is not False and ev.judicial_review:
        return
    else:
        lawful = Truth.UNKNOWN
        why = "the record does not give its legal basis and judicial review"
    yield Hit(
        truth=deprived & lawful,
        message=(
            f"Confined to {how}, with no detention on record: {why}; a deprivation of liberty "
            "needs a basis in law that is accessible and foreseeable, and court review"
        ),
    )


ECHR_5_1_ZONE = _TEXT.rule("ECHR-5-1-ZONE", check=_zone_confinement)


def _no_ground(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    ground = getattr(ev, "ground", None)
    acknowledged = getattr(ev, "acknowledged", None)
    if ground is None or (str(ground) != "none_given" and acknowledged is not False):
        return
    why = "no ground was given" if str(ground) == "none_given" else ""
    if acknowledged is False:
        why = (why + " and " if why else "") + "the authorities do not acknowledge it"
    assert isinstance(ev, Detention)
    acted, whose = host_act(ev)
    yield Hit(
        truth=acted,
        message=(
            f"Deprived of liberty although {why}: art 5 § 1 allows detention only on a ground "
            "it lists and 'in accordance with a procedure prescribed by law'" + whose
        ),
    )


ECHR_5_1_GROUND = _TEXT.rule("ECHR-5-1-GROUND", check=_no_ground)


#: When each state became party to the Convention and to Protocol No. 4
#: (sources in :mod:`proceedings.law._parties`).
PARTIES = (*_parties.ECHR, *_parties.ECHR_P4)


#: Reading name: how long a Russian detention order that sets no term authorises.
UNTERMED_ORDER = "ru_extradition_order_term"

UNTERMED_ORDER_READING = Reading(
    name=UNTERMED_ORDER,
    question=(
        "For how long does a Russian court order placing a person in custody pending "
        "extradition authorise the detention when it sets no term?"
    ),
    options={
        "two_months": (
            "Two months: the general limit of Article 109 § 1 of the Code of Criminal "
            "Procedure, beyond which Article 109 § 2 requires a further judicial "
            "authorisation, as the European Court read Russian law in Nasrulloyev, Yuldashev "
            "and Gaforov."
        ),
        "order_only": (
            "Only the term an order itself sets is counted: an order that sets none gives "
            "nothing to count."
        ),
    },
    default="two_months",
    jurisdictions=frozenset({"RU"}),
    rationale=(
        "The Court held that custodial detention pending extradition beyond two months "
        "needed a further judicial authorisation under Article 109 § 2 of the Code of "
        "Criminal Procedure, and that detention after the first two months under an order "
        "that set no time-limit, with no extension, had no basis in domestic law: Yuldashev "
        "v. Russia (no. 1248/09, 8 July 2010, §§ 98-99), Gaforov v. Russia (no. 25404/09, "
        "21 October 2010, §§ 191-194, read in part), after Nasrulloyev v. Russia (§ 73, "
        "cited there). The default follows that reading; 'order_only' counts only a term "
        "the record gives."
    ),
)

#: Days an order that sets no term authorises under the reading's default.
_ARTICLE_109_DAYS = 60

_EXTRADITION_GROUNDS = frozenset(
    {
        DetentionGround.WANTED_PERSON,
        DetentionGround.EXTRADITION_CUSTODY,
        DetentionGround.EXTRADITION_ARREST,
    }
)


def _term_expired(ctx: Context) -> Iterator[Hit]:
    if not ctx.in_state("custody", "detained"):
        return
    start = ctx.marked("custody_start")
    order = None
    for i in ctx.earlier_of(Detention, DetentionExtended):
        if start is None or i >= start:
            order = i  # the last order of this spell of custody
    if order is None:  # pragma: no cover - the chart enters custody only by an order
        return
    authorised = ctx.at(order)
    assert isinstance(authorised, Detention | DetentionExtended)
    if authorised.term_days is None:
        # An order that set a term the sources do not give leaves nothing to count.
        if authorised.term_set is not True:
            yield from _untermed_order_expired(ctx, start, order, authorised.term_set is False)
        return
    exceeded = ctx.days_between(order, ctx.index).exceeds(authorised.term_days)
    if exceeded is Truth.FALSE:
        return
    yield Hit(
        truth=exceeded,
        message=(
            f"Still in custody at {ctx.describe(ctx.index)}, more than the "
            f"{authorised.term_days} days the last order ({ctx.describe(order)}) authorised, "
            "with no extension on record: detention with no basis in domestic law"
        ),
        related=(order,),
        anchor=order,
        retrospective=ctx.event.type not in {"detention", "detention_extended"},
    )


def _ground_of(ctx: Context, order: int, start: int | None) -> DetentionGround | None:
    """The ground of the custody as of ``order``: the last one given since it began."""
    ground = None
    for i in range(start if start is not None else order, order + 1):
        ev = ctx.at(i)
        if isinstance(ev, Detention | DetentionExtended) and ev.ground is not None:
            ground = ev.ground
    return ground


def _untermed_order_expired(
    ctx: Context, start: int | None, order: int, set_none: bool
) -> Iterator[Hit]:
    """Custody pending extradition in Russia beyond two months of an order with no term given.

    ``set_none``: the record says the order set no term (``term_set: false``).
    Otherwise the term may simply not have been read, and the finding stays
    undetermined.
    """
    if not ctx.reading_applies(UNTERMED_ORDER) or ctx.reading(UNTERMED_ORDER) != "two_months":
        return
    if _ground_of(ctx, order, start) not in _EXTRADITION_GROUNDS:
        return
    exceeded = ctx.days_between(order, ctx.index).exceeds(_ARTICLE_109_DAYS)
    if exceeded is Truth.FALSE:
        return
    given = "the order set none, so" if set_none else "no term given: if the order set none,"
    yield Hit(
        truth=exceeded if set_none else exceeded & Truth.UNKNOWN,
        readings=(UNTERMED_ORDER,),
        message=(
            f"Still in custody pending extradition at {ctx.describe(ctx.index)}, more than "
            f"two months after the last order ({ctx.describe(order)}), with no extension on "
            f"record and {given} under Russian law (art 109 of "
            "the Code of Criminal Procedure, as the Court read it) it authorised two months, "
            f"and the detention had no basis in domestic law (reading {UNTERMED_ORDER}="
            f"{ctx.reading(UNTERMED_ORDER)})"
        ),
        related=(order,),
        anchor=order,
        retrospective=ctx.event.type not in {"detention", "detention_extended"},
    )


ECHR_5_1_TERM = _TEXT.rule("ECHR-5-1-TERM", check=_term_expired)


_DETENTIONS = (Detention, DetentionExtended)

#: Reading name: from how many days is a review of a detention not "speedy"?
REVIEW_SPEED = "detention_review_speed"

REVIEW_SPEED_READING = Reading(
    name=REVIEW_SPEED,
    question=(
        "From how many days between a challenge to a detention and the court's decision on "
        "it is the review no longer 'speedy' (art 5 § 4)?"
    ),
    options={
        "thirty_days": (
            "More than thirty days is not speedy, unless the record shows why it took longer "
            "(the person's own delays, a complex case): the shortest delays the Court found "
            "in breach in the Russian judgments read."
        ),
        "not_judged": "The length of a review is not judged; the Court weighs it case by case.",
    },
    default="thirty_days",
    rationale=(
        "Art 5 § 4 sets no number and the Court judges speed case by case, requiring "
        "'particular expedition' for liberty (Hutchison Reid, as recalled in the Russian "
        "judgments read), with a less strict standard on appeal against a court's own "
        "order. In the Russian judgments read it found delays of thirty-three to ninety-"
        "eight days to examine requests for release and appeals against detention orders, "
        "with nothing to show the applicant caused them, and 'periods of up to three "
        "months', incompatible with it (citing Lebedev v. Russia, §§ 102 and 108, and "
        "Mamedova v. Russia, § 96); in an extradition case it asked whether twenty-eight and "
        "forty-two days were speedy, citing Abdulkhakov v. Russia, §§ 198-200. The default "
        "takes thirty days as the point beyond which a delay calls for a reason; a finding "
        "under it is conditional on the reading."
    ),
)

#: Days beyond which the default reading takes a review to be too slow.
_SPEEDY_DAYS = 30


def _review_too_slow(ctx: Context, appeal: int, detention: int) -> Iterator[Hit]:
    """The challenge to a detention decided more than the reading's days after it was lodged."""
    slow = ctx.days_between(appeal, ctx.index).exceeds(_SPEEDY_DAYS)
    if slow is Truth.FALSE or ctx.reading(REVIEW_SPEED) == "not_judged":
        return
    reading = f"{REVIEW_SPEED}={ctx.reading(REVIEW_SPEED)}"
    yield Hit(
        message=(
            f"The court decided the challenge ({ctx.describe(appeal)}) to the detention "
            f"({ctx.describe(detention)}) only at {ctx.describe(ctx.index)}, more than "
            f"{_SPEEDY_DAYS} days later: art 5 § 4 requires a speedy decision on the "
            f"lawfulness of a detention (reading {reading})"
        ),
        truth=slow,
        related=(appeal, detention),
        readings=(REVIEW_SPEED,),
    )


def _review_failed(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    if isinstance(ev, AppealDecided):
        appeal = ctx.at(ctx.index_of(ev.appeal))
        assert isinstance(appeal, AppealFiled)
        detention = ctx.index_of(appeal.against)
        if not isinstance(ctx.at(detention), _DETENTIONS):
            return
        if ev.merits_examined is False:
            yield Hit(
                truth=Truth.TRUE,
                message=(
                    f"The court ({ctx.describe(ctx.index)}) did not examine the lawfulness of "
                    f"the detention the person challenged ({ctx.describe(detention)}): "
                    "art 5 § 4 entitles a detained person to a court's decision on it"
                ),
                related=(detention,),
            )
            return
        yield from _review_too_slow(ctx, ctx.index_of(ev.appeal), detention)
        return
    if isinstance(ev, TransitZoneConfinement):
        if ev.judicial_review is False and not ctx.in_state("custody", "detained"):
            yield Hit(
                truth=Truth.TRUE,
                message=(
                    "Confined to a transit or waiting zone with no court able to review the "
                    "confinement: art 5 § 4 entitles a person deprived of liberty to take "
                    "proceedings before a court"
                ),
            )
        return
    # The detention ends (a release, a removal, an escape) with a challenge to it
    # still undecided: no court decided on its lawfulness while it lasted.
    if not ctx.in_state("custody", "detained"):
        return
    decided = {
        a.appeal for i in ctx.earlier_of(AppealDecided) if isinstance(a := ctx.at(i), AppealDecided)
    }
    for i in ctx.earlier_of(AppealFiled):
        appeal = ctx.at(i)
        if (
            isinstance(appeal, AppealFiled)
            and appeal.id not in decided
            and isinstance(ctx.at(ctx.index_of(appeal.against)), _DETENTIONS)
        ):
            yield Hit(
                truth=Truth.TRUE,
                message=(
                    f"The detention ended ({ctx.describe(ctx.index)}) with the challenge to it "
                    f"({ctx.describe(i)}) still undecided: no court decided speedily on its "
                    "lawfulness"
                ),
                related=(i, ctx.index_of(appeal.against)),
                retrospective=True,
            )
            return


ECHR_5_4 = _TEXT.rule("ECHR-5-4", check=_review_failed)


_NOT_INVESTIGATED = frozenset({InvestigationOutcome.REFUSED, InvestigationOutcome.NO_RESPONSE})


def _outside_the_law(ev: Event) -> bool:
    """A removal or detention that itself calls for an investigation (any other event: no)."""
    if not isinstance(ev, Removal | Detention):
        return False
    if isinstance(ev, Removal) and ev.channel in OUTSIDE_PROCEDURE:
        return True
    return ev.acknowledged is False or (ev.actor is not None and host_act(ev)[0] is not Truth.TRUE)


def _no_investigation(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event_as(Investigation)
    if ev.outcome not in _NOT_INVESTIGATED:
        return
    about: list[int] = []
    if ev.complaint is not None:
        complaint = ctx.at(ctx.index_of(ev.complaint))
        assert isinstance(complaint, ComplaintFiled)
        if complaint.about is not None:
            about = [ctx.index_of(complaint.about)]
    if not about:
        about = [i for i in ctx.earlier_of(Removal, Detention) if _outside_the_law(ctx.at(i))]
        if not about:
            return
    truth = Truth.TRUE if any(_outside_the_law(ctx.at(i)) for i in about) else Truth.UNKNOWN
    refused = (
        "refused to investigate"
        if ev.outcome == InvestigationOutcome.REFUSED
        else ("did not respond to the complaint")
    )
    yield Hit(
        truth=truth,
        message=(
            f"The authorities {refused} about {ctx.describe(about[-1])}: a forcible removal "
            "or an unacknowledged detention calls for an effective official investigation"
            + (
                ""
                if truth is Truth.TRUE
                else "; whether the act complained of called for one is not shown by the record"
            )
        ),
        related=tuple(about),
    )


ECHR_3_INVESTIGATION = _TEXT.rule("ECHR-3-INVESTIGATION", check=_no_investigation)


# -- art 38: the facilities the Court needs to examine the case -------------------------


#: What the Court asked for, in words.
_ASKED = {
    RequestKind.FACT_FINDING_ACCESS: "access for its fact-finding delegation",
    RequestKind.DOCUMENTS: "the documents",
    RequestKind.INFORMATION: "the information",
    RequestKind.OTHER: "what",
}


def _facilities_refused(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event_as(CooperationRefused)
    if ev.body is not InterimBody.ECTHR:
        return
    asked = " and ".join(_ASKED[r] for r in ev.requested) or "what"
    asked += " it asked for" if RequestKind.FACT_FINDING_ACCESS not in ev.requested else ""
    who = f" ({ev.by})" if ev.by else ""
    if ev.explained is False:
        truth, why = Truth.TRUE, ", with no reason given"
    else:
        # The Court weighs the reason (a domestic court's refusal binds the state
        # too); the record can say only that one was given, or nothing.
        truth = Truth.UNKNOWN
        why = (
            f", giving as its reason: {ev.reason}; whether that sufficed is the Court's to judge"
            if ev.reason
            else "; whether it gave a satisfactory explanation is not in the record"
        )
    yield Hit(
        truth=truth,
        message=(
            f"The state{who} did not furnish the Court {asked}{why}; art 38 obliges it to "
            "furnish all necessary facilities for the examination of the case"
        ),
        related=related(ctx.index_of(ev.complaint) if ev.complaint is not None else None),
    )


ECHR_38 = _TEXT.rule("ECHR-38", check=_facilities_refused)

ECHR_RULEBOOK = _TEXT.rulebook(
    readings=(REVIEW_SPEED_READING, UNTERMED_ORDER_READING),
    parties=PARTIES,
    non_parties=NON_PARTIES,
)
