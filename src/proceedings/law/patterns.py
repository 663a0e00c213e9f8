"""Patterns a lawyer would flag: not unlawful in themselves, reported as warnings."""

from __future__ import annotations

from collections.abc import Iterator

from .._dates import Truth
from .._findings import Citation, Severity
from .._model import Removal, RemovalChannel
from .._rules import Context, Hit, Rule, Rulebook
from ._common import (
    CAT_GC4_PARA_4,
    CPC,
    EXTRADITION_OPEN,
    pending_claim,
    related,
    removal_phrase,
)
from ._removal_patterns import RULES as REMOVAL_PATTERNS

_GC4 = CAT_GC4_PARA_4


def _disguised(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Removal)
    if ev.channel is RemovalChannel.EXTRADITION:
        return
    if not ctx.in_state("extradition", *EXTRADITION_OPEN):
        return
    state = ctx.before["extradition"]
    start = ctx.marked("extradition_request")
    if start is None:
        start = ctx.marked("extradition_custody")
    yield Hit(
        truth=Truth.TRUE,
        message=(
            f"{removal_phrase(ev, capital=True)} while an extradition case was open "
            f"(extradition track '{state}'): the requesting state's aim was reached by another "
            "channel, bypassing the extradition safeguards"
        ),
        related=related(start),
    )


PAT_DISGUISED_EXTRADITION = Rule(
    id="PAT-DISGUISED-EXTRADITION",
    title="Removal by another channel while an extradition case is open",
    citations=(
        _GC4,
        Citation(instrument=CPC, article="592"),
    ),
    severity=Severity.WARNING,
    on=frozenset({"removal"}),
    check=_disguised,
    verified=True,
    verification=("A pattern, not a norm; the citations are the safeguards bypassed."),
    example="Expelled to the requesting state while in extradition custody.",
)


def _case_in_transit(ctx: Context) -> Iterator[Hit]:
    for i in ctx.earlier():
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


PAT_CASE_IN_TRANSIT = Rule(
    id="PAT-CASE-IN-TRANSIT",
    title="Criminal proceedings taken up in the destination state during the removal",
    citations=(_GC4,),
    severity=Severity.WARNING,
    on=frozenset({"criminal_case_opened"}),
    check=_case_in_transit,
    verified=True,
    verification=(
        "A pattern, not a norm (the Kachkurkin case). A record's opened case may be a charge "
        "brought in an older case (the Kasimov case): the finding does not say which."
    ),
    example="A treason case opened while the deportation flight was in the air.",
)


def _same_day(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Removal)
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


PAT_SAME_DAY_REMOVAL = Rule(
    id="PAT-SAME-DAY-REMOVAL",
    title="Removal decided and executed within the same day",
    citations=(
        Citation(
            instrument="International Covenant on Civil and Political Rights",
            article="13",
        ),
        _GC4,
    ),
    severity=Severity.WARNING,
    on=frozenset({"removal"}),
    check=_same_day,
    verified=False,
    verification="A pattern; ICCPR art 13 (review before expulsion) is recalled, not verified.",
    example="Ruling in the morning, deportation flight the same evening.",
)


def _assurance(ctx: Context) -> Iterator[Hit]:
    if getattr(ctx.event, "outcome", None) != "approved" or not ctx.in_state("assurance", "given"):
        return
    pending = pending_claim(ctx)
    if pending is None:
        return
    what, start, held = pending.what, pending.start, pending.truth
    assurance = ctx.marked("assurance")
    yield Hit(
        truth=held,
        readings=pending.readings,
        message=(
            f"Extradition approved while {what} stood, despite an assurance "
            f"({ctx.describe(assurance) if assurance is not None else 'on record'})"
        ),
        related=related(assurance, start),
    )


PAT_ASSURANCE_BREACHED = Rule(
    id="PAT-ASSURANCE-BREACHED",
    title="An official assurance not kept",
    citations=(
        Citation(
            instrument="Official statements (not legal norms), as reported in the record's sources",
        ),
    ),
    severity=Severity.WARNING,
    on=frozenset({"extradition_decided"}),
    check=_assurance,
    verified=True,
    verification="An assurance is a commitment, not a legal norm; breaching it is a warning.",
    example="Extradition approved after a promise to await the asylum decision.",
)

PATTERNS = Rulebook(
    name="patterns",
    title="Patterns a lawyer would flag",
    rules=(
        PAT_DISGUISED_EXTRADITION,
        PAT_CASE_IN_TRANSIT,
        PAT_SAME_DAY_REMOVAL,
        PAT_ASSURANCE_BREACHED,
        *REMOVAL_PATTERNS,
    ),
    description=(
        "Disguised extradition, a case opened while the person is being removed, removal "
        "decided and executed the same day, and assurances not kept. Warnings, not legal "
        "conclusions."
    ),
)
