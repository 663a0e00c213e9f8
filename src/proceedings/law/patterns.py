"""Patterns a lawyer would flag: not unlawful in themselves, reported as warnings.

Among them, removals outside the law that the case law of the European Court and
the UN committees treats as signs that the safeguards were bypassed: after a
refused extradition, unacknowledged, by abduction.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._dates import Truth
from .._findings import Citation, Severity
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
from .._rules import Context, Hit, Rule, Rulebook
from ._common import (
    CAT_GC4_PARA_4,
    CPC,
    EXTRADITION_OPEN,
    pending_claim,
    related,
    removal_phrase,
)

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

# -- removal outside the law: after a refused extradition, unacknowledged, by abduction --

#: The International Convention for the Protection of All Persons from Enforced Disappearance.
ICPPED = "International Convention for the Protection of All Persons from Enforced Disappearance"


def _after_refusal(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Removal)
    if ev.channel == RemovalChannel.EXTRADITION:
        return
    for i in ctx.earlier():
        decided = ctx.at(i)
        if not (
            isinstance(decided, ExtraditionDecided)
            and decided.outcome == ExtraditionOutcome.REFUSED
            and decided.jurisdiction == ev.jurisdiction
            and decided.request is not None
        ):
            continue
        request = ctx.at(ctx.index_of(decided.request))
        assert isinstance(request, ExtraditionRequested)
        if request.requesting_state != ev.destination:
            continue
        yield Hit(
            truth=Truth.TRUE,
            message=(
                f"{removal_phrase(ev, capital=True)} after the extradition the same state asked "
                f"for was refused ({ctx.describe(i)}): the refused surrender was carried out "
                "by another channel"
            ),
            related=(i, ctx.index_of(decided.request)),
        )
        return


PAT_AFTER_REFUSED_EXTRADITION = Rule(
    id="PAT-AFTER-REFUSED-EXTRADITION",
    title="Removal to the requesting state after its extradition request was refused",
    citations=(CAT_GC4_PARA_4,),
    severity=Severity.WARNING,
    on=frozenset({"removal"}),
    check=_after_refusal,
    verified=True,
    verification=(
        "A pattern, not a norm. CAT General Comment No. 4 para 4 (every form of removal, "
        "forcible transfer and rendition included, is 'deportation') read at OHCHR's text."
    ),
    description=(
        "A removal by any channel but extradition to the state whose extradition request "
        "the host state had refused: the surrender the courts refused, by another road."
    ),
    case_law=("Savriddin Dzhurayev v. Russia, no. 71386/10, 25 April 2013",),
    example="Deported to the requesting state a month after a court refused to extradite.",
)


def _hidden(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Detention | Removal)
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


PAT_UNACKNOWLEDGED = Rule(
    id="PAT-UNACKNOWLEDGED",
    title="Detention or removal the authorities do not acknowledge",
    citations=(Citation(instrument=ICPPED, article="2"),),
    severity=Severity.WARNING,
    on=frozenset({"detention", "removal"}),
    check=_hidden,
    verified=False,
    verification=(
        "Art 2's definition of enforced disappearance (deprivation of liberty by agents of "
        "the state or with its authorisation, support or acquiescence, followed by a refusal "
        "to acknowledge it) is recalled, not read; a pattern whatever the state's treaties."
    ),
    description="A detention or removal recorded with `acknowledged: false`.",
    example="Held for days in a place the police deny holding anyone.",
)

_OUTSIDERS = frozenset({Actor.FOREIGN_AGENTS, Actor.UNIDENTIFIED, Actor.PRIVATE})
_INVOLVED = {Involvement.ESTABLISHED: Truth.TRUE, Involvement.ALLEGED: Truth.UNKNOWN}


def _abduction(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Detention | Removal)
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


PAT_ABDUCTION = Rule(
    id="PAT-ABDUCTION",
    title="Abduction by foreign or unidentified agents with the state's involvement",
    citations=(Citation(instrument=ICPPED, article="2"), CAT_GC4_PARA_4),
    severity=Severity.WARNING,
    on=frozenset({"detention", "removal"}),
    check=_abduction,
    verified=False,
    verification=(
        "Art 2 of the Enforced Disappearance Convention recalled; CAT General Comment No. 4 "
        "para 4 (rendition and forcible transfer are deportation) read."
    ),
    description=(
        "A detention or removal by foreign agents, unidentified men or private persons, "
        "with the state's involvement established (certain) or alleged (undetermined)."
    ),
    case_law=("Savriddin Dzhurayev v. Russia, no. 71386/10, 25 April 2013",),
    example="Bundled into a car by unidentified men and flown out the next day.",
)


PATTERNS = Rulebook(
    name="patterns",
    title="Patterns a lawyer would flag",
    rules=(
        PAT_DISGUISED_EXTRADITION,
        PAT_CASE_IN_TRANSIT,
        PAT_SAME_DAY_REMOVAL,
        PAT_ASSURANCE_BREACHED,
        PAT_AFTER_REFUSED_EXTRADITION,
        PAT_UNACKNOWLEDGED,
        PAT_ABDUCTION,
    ),
    description=(
        "Disguised extradition, a case opened while the person is being removed, removal "
        "decided and executed the same day, and assurances not kept. Warnings, not legal "
        "conclusions."
    ),
)
