"""What a record shows of a risk in the destination, and of its examination.

Whether a person faces a real risk of torture or ill-treatment in another
state is a judgement on evidence, which a court or committee makes and a
validator cannot. What a record can show are facts: that evidence of a risk
was before the authorities (the person's account, reports on the country, an
interim measure of an international body, the host state's own grant of
protection), whether and how the authorities examined it, and whether the
removal left any room for an examination at all. The rules of
non-refoulement (ECHR art 3, CAT art 3, ICCPR art 7) and of an effective
remedy (ECHR art 13) are built on those facts, and say which part is a fact
and which a judgement: a removal despite a domestic finding of risk, or with
no examination possible, is certain; a removal after an examination that
found no risk is undetermined, because only a court can say whether that
examination was adequate.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

import attrs

from .._dates import Truth
from .._model import (
    AsylumClaimNotRegistered,
    BorderCrossing,
    CrossingMode,
    Event,
    InterimCover,
    InterimMeasureLifted,
    InterimMeasureRequested,
    InternationalDecision,
    Removal,
    Risk,
    RiskEvidence,
    RiskExamined,
    RiskResult,
)
from .._rules import Check, Context, Hit
from ._common import OUTSIDE_PROCEDURE, host_act, related, removal_phrase

#: What ECHR art 3 protects against (torture, inhuman or degrading treatment,
#: which includes the death row and conditions; "other" covers reports such as
#: the conditions of asylum seekers or no access to protection in a third state).
ECHR_3_RISKS = frozenset(
    {
        Risk.TORTURE,
        Risk.ILL_TREATMENT,
        Risk.DEATH_PENALTY,
        Risk.DISAPPEARANCE,
        Risk.PERSECUTION,
        Risk.OTHER,
    }
)
#: CAT art 3: torture only.
CAT_3_RISKS = frozenset({Risk.TORTURE})
#: ICCPR art 7: torture and cruel, inhuman or degrading treatment (art 6 covers
#: the death penalty, which is not modelled here).
ICCPR_7_RISKS = frozenset({Risk.TORTURE, Risk.ILL_TREATMENT, Risk.DISAPPEARANCE})

#: What an interim measure must ask for to bar a removal.
_AGAINST_REMOVAL = frozenset(
    {InterimCover.NO_EXTRADITION, InterimCover.NO_REMOVAL, InterimCover.NO_REMOVAL_TO_DESTINATION}
)


def bars_removal(measure: InterimMeasureRequested, destination: str) -> Truth:
    """Whether the measure asks the state not to remove the person to ``destination``.

    A measure about detention conditions or medical care does not; one against
    extradition bars any removal, whatever the channel (the person is what the
    measure protects). One naming a destination bars removal there; a removal
    to a third state may defeat it by sending the person on, which the record
    cannot settle (undetermined).
    """
    if measure.covers and not set(measure.covers) & _AGAINST_REMOVAL:
        return Truth.FALSE
    if measure.destination in (None, destination):
        return Truth.TRUE
    return Truth.UNKNOWN


def standing_measures(ctx: Context, destination: str) -> list[tuple[int, Truth]]:
    """The interim measures addressed to this state before the event and not lifted since,
    each with whether it bars a removal to ``destination`` (never ``FALSE``)."""
    requested: list[int] = []
    lifted: set[str] = set()
    for i in ctx.earlier_of(InterimMeasureRequested, InterimMeasureLifted):
        ev = ctx.at(i)
        if isinstance(ev, InterimMeasureRequested) and ev.jurisdiction == ctx.event.jurisdiction:
            requested.append(i)
        elif isinstance(ev, InterimMeasureLifted):
            lifted.add(ev.measure)
    found: list[tuple[int, Truth]] = []
    for i in requested:
        measure = ctx.at(i)
        assert isinstance(measure, InterimMeasureRequested)
        bars = bars_removal(measure, destination)
        if measure.id not in lifted and bars is not Truth.FALSE:
            found.append((i, bars))
    return found


@attrs.frozen
class Claim:
    """The arguable claim of a risk in a destination, on record before an event.

    Attributes:
        destination: The state the person is being sent to.
        direct: Events showing a risk in that state itself (evidence, interim
            measures against removal there, the host's own grant of protection
            from it), by index.
        onward: Evidence of a risk in another state only, which a removal to
            a third state may lead to (chain refoulement), by index.
    """

    destination: str
    direct: tuple[int, ...] = ()
    onward: tuple[int, ...] = ()

    @property
    def indices(self) -> tuple[int, ...]:
        return self.direct or self.onward


def arguable_claim(
    ctx: Context, destination: str, risks: Collection[Risk], *, measures: bool = True
) -> Claim | None:
    """The evidence of a risk the state had before this event, if any.

    Counted: ``risk_evidence`` events of one of ``risks`` (the person's own
    account included); with ``measures``, interim measures of an international
    body against the removal, not lifted (the body's view that the claim is
    arguable and the harm irreparable); and, for the state of the person's
    nationality, protection the host state itself granted.
    """
    direct: list[int] = []
    onward: list[int] = []
    for i in ctx.earlier_of(RiskEvidence):
        ev = ctx.at(i)
        if isinstance(ev, RiskEvidence) and set(ev.risks or (Risk.OTHER,)) & set(risks):
            if ev.destination == ctx.event.jurisdiction:
                continue  # a risk in the removing state itself is not one of removal
            (direct if ev.destination == destination else onward).append(i)
    if measures:
        # A measure against removal to this destination: the body's view of a risk there.
        direct += [i for i, bars in standing_measures(ctx, destination) if bars is Truth.TRUE]
    protected = ctx.marked("asylum_decision")
    if (
        protected is not None
        and ctx.in_state("asylum", "granted")
        and destination in ctx.nationalities
    ):
        direct.append(protected)
    if not direct and not onward:
        return None
    return Claim(destination, tuple(sorted(set(direct))), tuple(onward))


def examination(ctx: Context, destination: str) -> int | None:
    """The last examination of the risk in ``destination`` by the host's authorities.

    An examination by an international body (one whose ``decision`` is an
    ``international_decision``) is not the host's and is not counted.
    """
    found = None
    for i, ev in ctx.earlier_events(RiskExamined):
        if ev.destination not in (None, destination):
            continue
        if ev.decision is not None and isinstance(
            ctx.at(ctx.index_of(ev.decision)), InternationalDecision
        ):
            continue
        found = i
    return found


def outside_procedure(ctx: Context, ev: Event) -> str | None:
    """Why no examination was possible before this removal, if the record shows it."""
    if isinstance(ev, Removal):
        if ev.channel in OUTSIDE_PROCEDURE:
            return "outside any procedure"
        if ev.acknowledged is False:
            return "in a removal the authorities do not acknowledge"
        if ev.safeguards is not None and ev.safeguards.individual is False:
            return "with no individual examination of the person's situation"
    if ctx.earlier_of(AsylumClaimNotRegistered):
        return "after the authorities refused to register the asylum claim"
    return None


def assessed(ctx: Context, ev: Event, claim: Claim) -> tuple[Truth, str, tuple[int, ...]]:
    """Whether removing despite ``claim`` breaches the duty of non-refoulement.

    Returns ``(truth, reason, related events)``. Certain: the authorities
    found a risk, or refused to examine it, or left no room to (a removal
    outside any procedure). Undetermined: they found none (only a court can
    say whether rightly), or the record shows no examination, or the evidence
    concerns only another state (whether the third state sends the person on
    is the question).
    """
    exam = examination(ctx, claim.destination)
    related = (*claim.indices, *((exam,) if exam is not None else ()))
    if exam is not None:
        result = ctx.at(exam)
        assert isinstance(result, RiskExamined)
        if result.result == RiskResult.RISK_FOUND:
            return Truth.TRUE, "although the authorities found a risk there", related
        if result.result == RiskResult.NOT_EXAMINED:
            return Truth.TRUE, "although the authorities did not examine the risk", related
        if result.result == RiskResult.NO_RISK_FOUND:
            return (
                Truth.UNKNOWN,
                "after the authorities found no risk; whether that assessment was adequate "
                "and the risk real is for a court to judge on the evidence",
                related,
            )
        return Truth.UNKNOWN, "after an examination whose result is not known", related
    why = outside_procedure(ctx, ev)
    if why is not None:
        truth = Truth.TRUE if claim.direct else Truth.UNKNOWN
        return truth, f"{why}, so that no assessment of the risk was possible", related
    return (
        Truth.UNKNOWN,
        "with no assessment of the risk on record (the record may be silent on one)",
        related,
    )


def irregular_entry(ctx: Context) -> int | None:
    """The last irregular crossing into this jurisdiction before the event, if any."""
    irregular = [
        i
        for i, crossing in ctx.earlier_events(BorderCrossing)
        if crossing.mode == CrossingMode.IRREGULAR and crossing.to_country == ctx.event.jurisdiction
    ]
    return irregular[-1] if irregular else None


def claim_phrase(ctx: Context, claim: Claim, harm: str = "a risk") -> str:
    """``evidence of a risk in TJ (risk evidence 'x' (2020), ...)``, for messages."""
    shown = ", ".join(ctx.describe(i) for i in claim.indices[:3])
    more = f" and {len(claim.indices) - 3} more" if len(claim.indices) > 3 else ""
    where = claim.destination if claim.direct else "another state"
    return f"evidence of {harm} in {where} ({shown}{more})"


def removal_despite_risk(ctx: Context, risks: Collection[Risk], harm: str) -> Hit | None:
    """The breach of non-refoulement a removal shows, for the risks a treaty covers.

    Shared by ECHR art 3, CAT art 3 and ICCPR art 7: the treaty decides which
    risks count (``risks``) and how the harm is named (``harm``); the reading of
    the record is the same (see :func:`assessed`).
    """
    ev = ctx.event_as(Removal)
    claim = arguable_claim(ctx, ev.destination, risks)
    if claim is None:
        return None
    truth, why, behind = assessed(ctx, ev, claim)
    if not claim.direct:
        truth = Truth.UNKNOWN
        why += (
            f"; the evidence concerns another state, so the question is whether "
            f"{ev.destination} would send the person on (chain refoulement) or deny them "
            "access to protection, which the authorities had to assess"
        )
    acted, whose = host_act(ev)
    truth = truth & acted
    why += whose
    return Hit(
        truth=truth,
        message=(
            f"{removal_phrase(ev, capital=True)} despite {claim_phrase(ctx, claim, harm)}, {why}"
        ),
        related=related(*behind),
    )


def risk_check(risks: Collection[Risk], harm: str) -> Check:
    """The check of a treaty's rule against removal to a risk (see :func:`removal_despite_risk`)."""

    def check(ctx: Context) -> Iterator[Hit]:
        hit = removal_despite_risk(ctx, risks, harm)
        if hit is not None:
            yield hit

    return check
