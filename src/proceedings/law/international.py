"""International rules: refugee law, torture, interim measures, the right of complaint.

They bind a state only from the date it became party to the treaty (the
party table below). Dates marked ``verified=False`` are recalled, not
checked; findings that rest on them say so.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from .._dates import Truth
from .._model import (
    AppealDecided,
    AppealFiled,
    AppealOutcome,
    AsylumClaim,
    BorderCrossing,
    ComplaintLodged,
    CriminalConviction,
    CrossingMode,
    Event,
    ExpulsionOrdered,
    ExtraditionDecided,
    ExtraditionOutcome,
    InterimBody,
    InterimMeasureRequested,
    PenaltyKind,
    Removal,
    Risk,
)
from .._rules import Check, Context, Hit
from . import _parties
from ._common import (
    APPEAL_SUSPENSIVE_READING,
    OUTSIDE_PROCEDURE,
    PROMPTNESS,
    PROMPTNESS_READING,
    extradition_outcome,
    host_act,
    if_outcome_unknown,
    pending_claim,
    related,
    removal_by,
    removal_phrase,
)
from ._data import law_data
from ._parties import NON_PARTIES
from ._risk import (
    CAT_3_RISKS,
    ICCPR_7_RISKS,
    arguable_claim,
    bars_removal,
    claim_phrase,
    risk_check,
    standing_measures,
)

#: The texts of the rules (``data/international.json``); their checks are below.
_TEXT = law_data("international")

#: When each state became party to the treaties of this rulebook (see
#: :mod:`proceedings.law._parties` for the sources, verified or recalled).
PARTIES = (
    *_parties.REFUGEE_CONVENTION,
    *_parties.CAT,
    *_parties.CAT_ART22,
    *_parties.ICCPR,
    *_parties.ICCPR_OP1,
    *_parties.ECHR,
)


# -- checks -----------------------------------------------------------------------


def _non_refoulement(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event_as(Removal)
    pending = pending_claim(ctx, window=True)
    if pending is None:
        return
    acted, whose = host_act(ev)
    removed = removal_phrase(ev, capital=True)
    since = f" ({ctx.describe(pending.start)})" if pending.start is not None else ""
    protected = f"while {pending.what}{since} protected them"
    # Certain only for a return to a state of the person's nationality: whether
    # any other state threatens the person or sends them on is not in the record.
    if ev.destination in ctx.nationalities:
        truth = pending.truth & acted
        message = (
            f"{removed}, a state of the person's nationality, {protected}; non-refoulement "
            "covers every channel of removal ('in any manner whatsoever')"
        )
    elif not ctx.nationalities:
        truth = Truth.UNKNOWN
        message = (
            f"{removed} {protected}; the record gives no nationality, so whether that is the "
            "state the person fled, or a third state that may send them on, is not known"
        )
    else:
        truth = Truth.UNKNOWN
        message = (
            f"{removed}, a third state, {protected}; whether that state threatens the person "
            "or sends them on (chain refoulement) is not in the record"
        )
    yield Hit(
        truth=truth,
        readings=pending.readings,
        message=message + whose,
        related=related(pending.start),
    )


def _informal(ctx: Context) -> Iterator[Hit]:
    ev = removal_by(ctx, *OUTSIDE_PROCEDURE)
    if ev is None:
        return
    yield Hit(
        truth=Truth.TRUE,
        message=(
            f"{removal_phrase(ev, capital=True)}: a transfer outside any procedure, with no "
            "decision to challenge and no remedy with suspensive effect before removal"
        ),
    )


def _standing(ctx: Context, body: InterimBody) -> list[int]:
    # The body's measures standing before this event that ask the state not
    # to make this removal. The track says whether the last one stands; with
    # two measures of one body, lifting one leaves the other in force.
    ev = ctx.event_as(Removal)
    return [
        i
        for i, _ in standing_measures(ctx, ev.destination)
        if cast(InterimMeasureRequested, ctx.at(i)).body == body
    ]


def _known_to_state(measure: Event, removal: Removal) -> Truth:
    """Whether the state had been notified of the measure before the removal."""
    assert isinstance(measure, InterimMeasureRequested)
    if measure.notified is None:
        return Truth.TRUE
    return measure.notified.before(removal.date) | (
        measure.notified.same_day(removal.date) & Truth.UNKNOWN
    )


def _interim(body: InterimBody) -> Check:
    def check(ctx: Context) -> Iterator[Hit]:
        if ctx.in_state(f"interim_{body.value}", "none"):
            return
        standing = _standing(ctx, body)
        if not standing:
            return
        ev = ctx.event_as(Removal)
        # A measure binds the state once it is notified: where the record
        # gives the notification, a removal before it breaches nothing, and
        # one on the same day may have come first.
        best: tuple[Truth, int] | None = None
        for index in reversed(standing):
            measure = ctx.at(index)
            assert isinstance(measure, InterimMeasureRequested)
            truth = _known_to_state(measure, ev) & bars_removal(measure, ev.destination)
            if truth is Truth.TRUE:
                best = (truth, index)
                break
            if truth is Truth.UNKNOWN and best is None:
                best = (truth, index)
        if best is None:
            return
        truth, index = best
        measure = ctx.at(index)
        assert isinstance(measure, InterimMeasureRequested)
        notified = f", notified on {measure.notified.text}" if measure.notified is not None else ""
        where = (
            f" to {measure.destination}, from where the person may be sent on"
            if measure.destination not in (None, ev.destination)
            else ""
        )
        yield Hit(
            truth=truth,
            message=(
                f"{removal_phrase(ev, capital=True)} while an interim measure "
                f"({ctx.describe(index)}{notified}) asked the state not to remove the "
                f"person{where}"
            ),
            related=(index,),
        )

    return check


# -- a removal that forestalls the complaint -----------------------------------------

#: The decisions a removal carries out: an order, or the dismissal that made it final.
_Order = ExpulsionOrdered | ExtraditionDecided | CriminalConviction | AppealDecided


def _orders(ev: Event) -> Truth:
    """Whether ``ev`` orders a removal (an appeal against one is read by the caller);
    ``UNKNOWN`` for an extradition decision whose outcome the sources do not give."""
    if isinstance(ev, ExpulsionOrdered):
        return Truth.TRUE
    if isinstance(ev, ExtraditionDecided):
        return extradition_outcome(ev, ExtraditionOutcome.APPROVED)
    expels = isinstance(ev, CriminalConviction) and any(
        p.kind is PenaltyKind.EXPULSION for p in (*ev.sentence, *ev.additional_penalties)
    )
    return Truth.TRUE if expels else Truth.FALSE


def _last_order(ctx: Context, ev: Removal) -> tuple[int, Truth] | None:
    """The last decision before the removal that ordered it or made the order final, and
    whether it is one (``UNKNOWN``: an extradition decision whose outcome is not known)."""
    found: tuple[int, Truth] | None = None
    chain: set[str] = set()  # the orders and the dismissals of appeals against them
    kinds = (ExpulsionOrdered, ExtraditionDecided, CriminalConviction, AppealDecided)
    for i in ctx.earlier_of(*kinds):
        earlier = ctx.at(i)
        if earlier.jurisdiction != ev.jurisdiction:
            continue
        if isinstance(earlier, ExpulsionOrdered) and earlier.destination not in (
            None,
            ev.destination,
        ):
            continue
        orders = _orders(earlier)
        if orders is not Truth.FALSE:
            found = (i, orders)
            chain.add(earlier.id)
        elif isinstance(earlier, AppealDecided) and earlier.outcome == AppealOutcome.DISMISSED:
            appeal = ctx.at(ctx.index_of(earlier.appeal))
            assert isinstance(appeal, AppealFiled)
            if appeal.against in chain and found is not None:
                found = (i, found[1])  # made final what the chain's order decided
                chain.add(earlier.id)
    return found


def _complained_before(ctx: Context, ev: Removal) -> tuple[Truth, int | None]:
    """Whether a complaint to an international body came before the removal.

    A complaint lodged elsewhere counts too: the same matter may not be examined
    by two international procedures at once (CAT art 22(5)(a), OP1 art 5(2)(a)).
    """
    truth, index = Truth.FALSE, None
    for i in ctx.earlier_of(ComplaintLodged):
        earlier = ctx.at(i)
        if not isinstance(earlier, ComplaintLodged) or earlier.jurisdiction != ev.jurisdiction:
            continue
        before = earlier.date.before(ev.date) | (earlier.date.same_day(ev.date) & Truth.UNKNOWN)
        if before is Truth.TRUE:
            return before, i
        if before is Truth.UNKNOWN:
            truth, index = before, i
    return truth, index


def _forestalled(body: InterimBody, risks: frozenset[Risk], name: str) -> Check:
    """A removal carried out at once on the decision, before any complaint to ``body``."""

    def check(ctx: Context) -> Iterator[Hit]:
        if not ctx.in_state(f"interim_{body.value}", "none"):
            return  # the body was seized: its interim measures are the question
        ev = ctx.event_as(Removal)
        claim = arguable_claim(ctx, ev.destination, risks, measures=False)
        last = _last_order(ctx, ev)
        if claim is None or last is None:
            return
        order, ordered = last
        decision = ctx.at(order)
        assert isinstance(decision, _Order)
        known = decision.served if decision.served is not None else decision.date
        unserved = ev.date.before(known)
        same = known.same_day(ev.date)
        if unserved is Truth.FALSE and same is Truth.FALSE:
            return
        complained, complaint = _complained_before(ctx, ev)
        if complained is Truth.TRUE:
            return
        acted, whose = host_act(ev)
        if unserved is Truth.TRUE:
            truth = Truth.TRUE
            when = f"before {ctx.describe(order)} was served on the person"
        else:
            # The same day leaves hours at most; whether they sufficed (counsel
            # told in time, a complaint possible before the decision) is the
            # Committee's to weigh on facts the record does not hold.
            truth = Truth.UNKNOWN
            when = (
                f"on the day of {ctx.describe(order)}"
                if decision.served is None
                else f"on the day {ctx.describe(order)} was served on the person"
            )
        truth = truth & ~complained & acted & ordered
        when += if_outcome_unknown(ordered, "approved extradition")
        elsewhere = (
            f"; whether the complaint ({ctx.describe(complaint)}) came before it is not known"
            if complaint is not None
            else ""
        )
        yield Hit(
            truth=truth,
            message=(
                f"{removal_phrase(ev, capital=True)} {when}, despite "
                f"{claim_phrase(ctx, claim)}: removed at once, the person had no opportunity "
                f"to complain to the {name} and ask it for interim measures, which the "
                f"state's acceptance of the complaint procedure protects{elsewhere}{whose}"
            ),
            related=related(order, *claim.indices, complaint),
        )

    return check


def _irregular_entry_penalised(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event_as(CriminalConviction)
    crossing_charges = [
        c
        for c in ev.charges
        if (entry := ctx.law.offence(c, ev.date)) is not None
        and "illegal_border_crossing" in entry.tags
    ]
    if not crossing_charges:
        return
    claim = crossing = None
    for i in ctx.earlier_of(BorderCrossing, AsylumClaim):
        earlier = ctx.at(i)
        if earlier.jurisdiction != ev.jurisdiction:
            continue
        if (
            isinstance(earlier, BorderCrossing)
            and earlier.mode is CrossingMode.IRREGULAR
            and earlier.to_country == ev.jurisdiction
        ):
            crossing, claim = i, None
        elif earlier.type == "asylum_claim" and crossing is not None and claim is None:
            claim = i
    if crossing is None or claim is None:
        return
    limit = 5 if ctx.reading(PROMPTNESS) == "five_days" else 1
    prompt = ctx.days_between(crossing, claim).at_most(limit)
    if prompt is Truth.FALSE:
        return
    yield Hit(
        truth=prompt,
        readings=(PROMPTNESS,),
        message=(
            f"Convicted of irregular entry although the person claimed asylum "
            f"({ctx.describe(claim)}) promptly after crossing ({ctx.describe(crossing)}); "
            f"art 31 bars penalties on refugees who present themselves without delay "
            f"(reading {PROMPTNESS}={ctx.reading(PROMPTNESS)})"
        ),
        related=(claim, crossing),
    )


def _transit_zone(ctx: Context) -> Iterator[Hit]:
    if ctx.in_state("custody", "detained"):
        return  # a detention is on record; its own grounds are what to check
    yield Hit(
        truth=Truth.TRUE,
        message=(
            "Confined to a transit zone with no detention on record: a "
            "confinement the person cannot end except by leaving for another state is a "
            "deprivation of liberty that needs a legal basis and court review"
        ),
    )


# -- rules ------------------------------------------------------------------------

R_REF_33 = _TEXT.rule("R-REF-33", check=_non_refoulement)

CAT_GC4 = _TEXT.rule("CAT-GC4", check=_informal)


CAT_22 = _TEXT.rule("CAT-22", check=_interim(InterimBody.UN_CAT))
ICCPR_OP1_RULE = _TEXT.rule("ICCPR-OP1", check=_interim(InterimBody.UN_HRC))
ECHR_34 = _TEXT.rule("ECHR-34", check=_interim(InterimBody.ECTHR))

CAT_22_OPPORTUNITY = _TEXT.rule(
    "CAT-22-OPPORTUNITY",
    check=_forestalled(InterimBody.UN_CAT, CAT_3_RISKS, "Committee against Torture"),
)
ICCPR_OP1_OPPORTUNITY = _TEXT.rule(
    "ICCPR-OP1-OPPORTUNITY",
    check=_forestalled(InterimBody.UN_HRC, ICCPR_7_RISKS, "Human Rights Committee"),
)

R_REF_31 = _TEXT.rule("R-REF-31", check=_irregular_entry_penalised)

CAT_3 = _TEXT.rule("CAT-3", check=risk_check(CAT_3_RISKS, "a risk of torture"))

ICCPR_7 = _TEXT.rule(
    "ICCPR-7", check=risk_check(ICCPR_7_RISKS, "a risk of torture or ill-treatment")
)

ICCPR_9 = _TEXT.rule("ICCPR-9", check=_transit_zone)

INTERNATIONAL = _TEXT.rulebook(
    readings=(APPEAL_SUSPENSIVE_READING, PROMPTNESS_READING),
    parties=PARTIES,
    non_parties=NON_PARTIES,
)
