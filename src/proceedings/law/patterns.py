"""Patterns a lawyer would flag: not unlawful in themselves, reported as warnings.

Among them, removals outside the law that the case law of the European Court and
the UN committees treats as signs that the safeguards were bypassed: after a
refused extradition, unacknowledged, by abduction.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._dates import Truth
from .._model import (
    Actor,
    Detention,
    ExtraditionDecided,
    ExtraditionOutcome,
    ExtraditionRequested,
    Involvement,
    Removal,
    RemovalChannel,
)
from .._rules import Context, Hit
from ._common import (
    EXTRADITION_OPEN,
    extradition_outcome,
    if_outcome_unknown,
    pending_claim,
    related,
    removal_by,
    removal_phrase,
)
from ._data import law_data

#: The texts of the rules (``data/patterns.json``); their checks are below.
_TEXT = law_data("patterns")

#: Every channel of removal but extradition: the ones that can stand in for it.
_NOT_EXTRADITION = frozenset(RemovalChannel) - {RemovalChannel.EXTRADITION}


def _disguised(ctx: Context) -> Iterator[Hit]:
    ev = removal_by(ctx, *_NOT_EXTRADITION)
    if ev is None:
        return
    # After a decision whose outcome the sources do not give, the case may be
    # open (an approval) or closed (a refusal, which PAT-AFTER-REFUSED-EXTRADITION reads).
    maybe = ctx.in_state("extradition", "decided_unknown")
    if not maybe and not ctx.in_state("extradition", *EXTRADITION_OPEN):
        return
    state = ctx.before["extradition"]
    start = ctx.marked("extradition_request")
    if start is None:
        start = ctx.marked("extradition_custody")
    yield Hit(
        truth=Truth.UNKNOWN if maybe else Truth.TRUE,
        message=(
            f"{removal_phrase(ev, capital=True)} while an extradition case was open "
            f"(extradition track '{state}'): the requesting state's aim was reached by another "
            "channel, bypassing the extradition safeguards"
            + if_outcome_unknown(Truth.UNKNOWN if maybe else Truth.TRUE, "approved extradition")
        ),
        related=related(start, ctx.marked("extradition_decision") if maybe else None),
    )


PAT_DISGUISED_EXTRADITION = _TEXT.rule("PAT-DISGUISED-EXTRADITION", check=_disguised)


def _case_in_transit(ctx: Context) -> Iterator[Hit]:
    for i in ctx.earlier_of(Removal):
        ev = ctx.at(i)
        if not (isinstance(ev, Removal) and ev.destination == ctx.event.jurisdiction):
            continue
        gap = ctx.days_since(i)
        # Opened on the day of the removal or the next (a night flight).
        truth = gap.at_most(1) & gap.exceeds(-1)
        if truth is Truth.FALSE:
            continue
        yield Hit(
            truth=truth,
            message=(
                f"Criminal proceedings were taken up in {ctx.event.jurisdiction} (a case "
                "opened, or a charge brought in a case that may already have existed) as the "
                f"person was being {removal_phrase(ev)} ({ctx.describe(i)}): the removal "
                "delivered the person to a prosecution, as an extradition would have"
            ),
            related=(i,),
        )


PAT_CASE_IN_TRANSIT = _TEXT.rule("PAT-CASE-IN-TRANSIT", check=_case_in_transit)


def _same_day(ctx: Context) -> Iterator[Hit]:
    order = ctx.marked("expulsion_order")
    if order is None or not ctx.in_state("expulsion", "ordered", "appeal_pending", "final"):
        return
    truth = ctx.days_since(order).at_most(0)
    if truth is Truth.FALSE:
        return
    yield Hit(
        truth=truth,
        message=(
            f"Expulsion decided ({ctx.describe(order)}) and carried out on the same day: no time "
            "to seek a remedy"
        ),
        related=(order,),
    )


PAT_SAME_DAY_REMOVAL = _TEXT.rule("PAT-SAME-DAY-REMOVAL", check=_same_day)


def _assurance(ctx: Context) -> Iterator[Hit]:
    approved = extradition_outcome(ctx.event, ExtraditionOutcome.APPROVED)
    if approved is Truth.FALSE or not ctx.in_state("assurance", "given"):
        return
    pending = pending_claim(ctx)
    if pending is None:
        return
    what, start, held = pending.what, pending.start, pending.truth
    assurance = ctx.marked("assurance")
    yield Hit(
        truth=held & approved,
        readings=pending.readings,
        message=(
            f"Extradition approved while {what} stood, despite an assurance "
            f"({ctx.describe(assurance) if assurance is not None else 'on record'})"
            + if_outcome_unknown(approved, "approved it")
        ),
        related=related(assurance, start),
    )


PAT_ASSURANCE_BREACHED = _TEXT.rule("PAT-ASSURANCE-BREACHED", check=_assurance)

# -- removal outside the law: after a refused extradition, unacknowledged, by abduction --


def _after_refusal(ctx: Context) -> Iterator[Hit]:
    ev = removal_by(ctx, *_NOT_EXTRADITION)
    if ev is None:
        return
    # The refusal on record that the removal overrides: a certain one, else one
    # whose outcome the sources do not give (perhaps a refusal).
    found = []
    for i, decided in ctx.earlier_events(ExtraditionDecided):
        refused = extradition_outcome(decided, ExtraditionOutcome.REFUSED)
        if refused is Truth.FALSE or decided.jurisdiction != ev.jurisdiction or not decided.request:
            continue
        asked = ctx.index_of(decided.request)
        request = ctx.at(asked)
        assert isinstance(request, ExtraditionRequested)
        if request.requesting_state == ev.destination:
            found.append((refused, i, asked))
    if not found:
        return
    refused, i, asked = min(found, key=lambda f: f[0] is not Truth.TRUE)
    yield Hit(
        truth=refused,
        message=(
            f"{removal_phrase(ev, capital=True)} after the extradition the same state asked "
            f"for was refused ({ctx.describe(i)}): the refused surrender was carried out "
            "by another channel" + if_outcome_unknown(refused, "refused it")
        ),
        related=(i, asked),
    )


PAT_AFTER_REFUSED_EXTRADITION = _TEXT.rule("PAT-AFTER-REFUSED-EXTRADITION", check=_after_refusal)


def _hidden(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event_as(Detention, Removal)
    if ev.acknowledged is not False:
        return
    what = "Detention" if isinstance(ev, Detention) else removal_phrase(ev, capital=True)
    yield Hit(
        truth=Truth.TRUE,
        message=(
            f"{what} that the authorities do not acknowledge: the refusal to acknowledge a "
            "deprivation of liberty, or to say where the person is, is the mark of an "
            "enforced disappearance"
        ),
    )


PAT_UNACKNOWLEDGED = _TEXT.rule("PAT-UNACKNOWLEDGED", check=_hidden)

_OUTSIDERS = frozenset({Actor.FOREIGN_AGENTS, Actor.UNIDENTIFIED, Actor.PRIVATE})
_INVOLVED = {Involvement.ESTABLISHED: Truth.TRUE, Involvement.ALLEGED: Truth.UNKNOWN}


def _abduction(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event_as(Detention, Removal)
    if ev.actor not in _OUTSIDERS or ev.involvement not in _INVOLVED:
        return
    assert ev.actor is not None
    assert ev.involvement is not None
    what = "Seized" if isinstance(ev, Detention) else removal_phrase(ev, capital=True)
    yield Hit(
        truth=_INVOLVED[ev.involvement],
        message=(
            f"{what} by {str(ev.actor).replace('_', ' ')}, with the state's involvement "
            f"{ev.involvement!s}: an abduction with the authorisation, support or "
            "acquiescence of the state"
        ),
    )


PAT_ABDUCTION = _TEXT.rule("PAT-ABDUCTION", check=_abduction)


PATTERNS = _TEXT.rulebook()
