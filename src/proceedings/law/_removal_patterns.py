"""Patterns of removal outside the law: after a refused extradition, unacknowledged, by abduction.

Warnings, not violations: each is a pattern the case law of the European Court
and the UN committees treats as a sign of a removal that bypassed the
safeguards, which a lawyer would look at. The violations they may reveal are
the rules of non-refoulement and liberty.
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
from .._rules import Context, Hit, Rule
from ._common import CAT_GC4_PARA_4, removal_phrase

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

RULES = (PAT_AFTER_REFUSED_EXTRADITION, PAT_UNACKNOWLEDGED, PAT_ABDUCTION)
