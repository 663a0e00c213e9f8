"""International rules: refugee law, torture, interim measures.

They bind a state only from the date it became party to the treaty (the
party table below). Dates marked ``verified=False`` are recalled, not
checked; findings that rest on them say so.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from .._dates import Truth
from .._findings import Citation, Severity
from .._model import (
    BorderCrossing,
    CriminalConviction,
    CrossingMode,
    Event,
    InterimBody,
    InterimMeasureRequested,
    Removal,
    RemovalChannel,
    Risk,
)
from .._rules import Check, Context, Hit, Rule, Rulebook
from . import _parties
from ._common import (
    APPEAL_SUSPENSIVE,
    APPEAL_SUSPENSIVE_READING,
    CAT_GC4_PARA_4,
    PROMPTNESS,
    PROMPTNESS_READING,
    host_act,
    pending_claim,
    related,
    removal_phrase,
)
from ._parties import NON_PARTIES
from ._risk import (
    CAT_3_RISKS,
    ICCPR_7_RISKS,
    bars_removal,
    removal_despite_risk,
    standing_measures,
)

REFUGEE_CONVENTION = "Convention relating to the Status of Refugees (1951)"
#: The Convention's text on OHCHR's site.
REFUGEE_CONVENTION_URL = (
    "https://www.ohchr.org/en/instruments-mechanisms/instruments/"
    "convention-relating-status-refugees"
)
CAT = "Convention against Torture (1984)"
ICCPR_OP1 = "Optional Protocol to the International Covenant on Civil and Political Rights"
ECHR = "European Convention on Human Rights"

_INFORMAL = frozenset({RemovalChannel.INFORMAL_HANDOVER, RemovalChannel.FOREIGN_FACILITY_TRANSFER})


# -- checks -----------------------------------------------------------------------


def _non_refoulement(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Removal)
    pending = pending_claim(ctx, window=True)
    if pending is None:
        return
    what, start, held = pending.what, pending.start, pending.truth
    acted, whose = host_act(ev)
    held = held & acted
    since = f" ({ctx.describe(start)})" if start is not None else ""
    if ev.destination in ctx.nationalities:
        yield Hit(
            truth=held,
            readings=pending.readings,
            message=(
                f"{removal_phrase(ev, capital=True)}, a state of the person's nationality, "
                f"while {what}{since} protected them; non-refoulement covers every channel "
                "of removal ('in any manner whatsoever')" + whose
            ),
            related=related(start),
        )
    elif not ctx.nationalities:
        yield Hit(
            truth=Truth.UNKNOWN,
            readings=pending.readings,
            message=(
                f"{removal_phrase(ev, capital=True)} while {what}{since} protected them; the "
                "record gives no nationality, so whether that is the state the person fled, or "
                "a third state that may send them on, is not known" + whose
            ),
            related=related(start),
        )
    else:
        yield Hit(
            truth=Truth.UNKNOWN,
            readings=pending.readings,
            message=(
                f"{removal_phrase(ev, capital=True)}, a third state, while {what}{since} "
                "protected them; whether that state threatens the person or sends them on "
                "(chain refoulement) is not in the record" + whose
            ),
            related=related(start),
        )


def _informal(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Removal)
    if ev.channel in _INFORMAL:
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
    ev = ctx.event
    assert isinstance(ev, Removal)
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
        ev = ctx.event
        assert isinstance(ev, Removal)
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


def _irregular_entry_penalised(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, CriminalConviction)
    crossing_charges = [
        c
        for c in ev.charges
        if (entry := ctx.law.offence(c, ev.date)) is not None
        and "illegal_border_crossing" in entry.tags
    ]
    if not crossing_charges:
        return
    claim = crossing = None
    for i in ctx.earlier():
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


def _risk_check(risks: frozenset[Risk], harm: str) -> Check:
    def check(ctx: Context) -> Iterator[Hit]:
        hit = removal_despite_risk(ctx, risks, harm)
        if hit is not None:
            yield hit

    return check


# -- rules ------------------------------------------------------------------------

R_REF_33 = Rule(
    id="R-REF-33",
    title="Non-refoulement: no removal while protection is pending or granted",
    citations=(
        Citation(
            instrument=REFUGEE_CONVENTION,
            article="33",
            paragraph="1",
            url=REFUGEE_CONVENTION_URL,
        ),
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"removal"}),
    check=_non_refoulement,
    treaty="refugee_convention",
    readings=(APPEAL_SUSPENSIVE,),
    verified=True,
    verification=(
        'Art 33(1) text verified: no state shall \'expel or return ("refouler") a refugee in '
        "any manner whatsoever' to a threat to life or freedom, which covers every channel of "
        "removal. That it protects asylum seekers pending determination is UNHCR's position "
        "(recalled, not read)."
    ),
    example="Removal to the country of nationality while an asylum claim is pending.",
)

CAT_GC4 = Rule(
    id="CAT-GC4",
    title="Rendition and forcible transfer are deportation: no removal outside a procedure",
    citations=(
        Citation(instrument=CAT, article="3", paragraph="1"),
        CAT_GC4_PARA_4,
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"removal"}),
    check=_informal,
    treaty="cat",
    verified=False,
    verification=(
        "GC4 para 4 (deportation includes rendition and forcible transfer) verified; the "
        "paragraphs requiring an effective remedy with suspensive effect are recalled, not "
        "verified."
    ),
    example="Handover to foreign security agents without any decision.",
)


def _interim_rule(
    rule_id: str, body: InterimBody, treaty: str, citation: Citation, verified: bool, note: str
) -> Rule:
    return Rule(
        id=rule_id,
        title=f"No removal while an interim measure of the {body.name.replace('_', ' ')} stands",
        citations=(citation,),
        severity=Severity.VIOLATION,
        on=frozenset({"removal"}),
        check=_interim(body),
        treaty=treaty,
        verified=verified,
        verification=note,
        example="Extradition carried out despite a request not to extradite.",
    )


CAT_22 = _interim_rule(
    "CAT-22",
    InterimBody.UN_CAT,
    "cat_art22",
    Citation(instrument=CAT, article="22"),
    True,
    "Art 22 competence and Kazakhstan's declaration (2008) verified; the interim-measure "
    "rule of procedure is recalled.",
)
ICCPR_OP1_RULE = _interim_rule(
    "ICCPR-OP1",
    InterimBody.UN_HRC,
    "iccpr_op1",
    Citation(
        instrument=ICCPR_OP1,
        article="1",
        url="https://adilet.zan.kz/eng/docs/Z090000130_/compare",
    ),
    True,
    "Kazakhstan's ratification (in force 2009-06-30) verified; the HRC rule of procedure "
    "number for interim measures is recalled.",
)
ECHR_34 = _interim_rule(
    "ECHR-34",
    InterimBody.ECTHR,
    "echr",
    Citation(instrument=ECHR, article="34"),
    False,
    "Recalled, not verified: binding force of Rule 39 interim measures through art 34.",
)

R_REF_31 = Rule(
    id="R-REF-31",
    title="No penalty for irregular entry on a refugee who claims asylum without delay",
    citations=(
        Citation(
            instrument=REFUGEE_CONVENTION,
            article="31",
            paragraph="1",
            url=REFUGEE_CONVENTION_URL,
        ),
    ),
    severity=Severity.WARNING,
    on=frozenset({"criminal_conviction"}),
    check=_irregular_entry_penalised,
    treaty="refugee_convention",
    readings=(PROMPTNESS,),
    verified=True,
    verification=(
        "Art 31 text verified. Whether 'coming directly' and 'good cause' are met is for the "
        "facts; the rule flags the pattern as a warning."
    ),
    example="Convicted of illegal border crossing after claiming asylum on the day of entry.",
)


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

CAT_3 = Rule(
    id="CAT-3",
    title="No removal to a state where there are substantial grounds to fear torture",
    citations=(
        Citation(
            instrument=CAT,
            article="3",
            url="https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-against-torture-and-other-cruel-inhuman-or-degrading",
        ),
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"removal"}),
    check=_risk_check(CAT_3_RISKS, "a risk of torture"),
    treaty="cat",
    verified=False,
    verification=(
        'Art 3(1) (\'No State Party shall expel, return ("refouler") or extradite a person to '
        "another State where there are substantial grounds for believing that he would be in "
        "danger of being subjected to torture') and 3(2) (a consistent pattern of gross, "
        "flagrant or mass violations) are recalled, not read here against the OHCHR text; the "
        "Committee's reading (General Comment No. 4) is recalled."
    ),
    description=(
        "A removal after evidence of a risk of torture in the destination was before the "
        "authorities (the person's account, reports, an interim measure against removal, the "
        "host's own grant of protection). Certain when the authorities found a risk, refused "
        "to examine it or removed the person outside any procedure; undetermined when they "
        "found none, when the record shows no examination, or when the evidence concerns "
        "another state."
    ),
    case_law=("Agiza v. Sweden, CAT/C/34/D/233/2003, 20 May 2005",),
    example="Extradited to the country of origin despite reports of torture of people so charged.",
)

ICCPR_7 = Rule(
    id="ICCPR-7",
    title="No removal to a real risk of torture or cruel, inhuman or degrading treatment",
    citations=(
        Citation(instrument="International Covenant on Civil and Political Rights", article="7"),
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"removal"}),
    check=_risk_check(ICCPR_7_RISKS, "a risk of torture or ill-treatment"),
    treaty="iccpr",
    verified=False,
    verification=(
        "Art 7's text and the Human Rights Committee's reading that it bars removal to a "
        "real risk of irreparable harm (General Comment No. 31, para 12) are recalled, not "
        "read."
    ),
    description=(
        "As CAT-3, for the risks art 7 covers: torture and cruel, inhuman or degrading "
        "treatment (disappearance included)."
    ),
    case_law=(
        "Alzery v. Sweden, CCPR/C/88/D/1416/2005, 25 October 2006",
        "Maksudov and Others v. Kyrgyzstan, CCPR/C/93/D/1461,1462,1476&1477/2006, 16 July 2008",
    ),
    example="Handed over to the security services of a state the person fled after torture.",
)

ICCPR_9 = Rule(
    id="ICCPR-9",
    title="Transit-zone confinement as deprivation of liberty",
    citations=(
        Citation(instrument="International Covenant on Civil and Political Rights", article="9"),
    ),
    severity=Severity.WARNING,
    on=frozenset({"transit_zone_confinement"}),
    check=_transit_zone,
    treaty="iccpr",
    verified=False,
    verification=(
        "Recalled, not verified: the text of art 9 and the reading that an airport transit "
        "zone can amount to detention."
    ),
    example="Stuck airside for weeks after entry was refused.",
)

INTERNATIONAL = Rulebook(
    name="international",
    title="International refugee and human-rights law",
    rules=(
        R_REF_33,
        CAT_3,
        ICCPR_7,
        CAT_GC4,
        CAT_22,
        ICCPR_OP1_RULE,
        ECHR_34,
        R_REF_31,
        ICCPR_9,
    ),
    readings=(APPEAL_SUSPENSIVE_READING, PROMPTNESS_READING),
    parties=PARTIES,
    non_parties=NON_PARTIES,
    description=(
        "Non-refoulement on every channel of removal (Refugee Convention art 33 read with CAT "
        "GC4), removal outside any procedure, interim measures of UN committees and the ECtHR, "
        "non-refoulement on the evidence of a risk (CAT art 3, ICCPR art 7), "
        "and non-penalisation of irregular entry (art 31, as a warning). Whether a risk is real "
        "is a judgement the engine does not make: the rules read what the record shows of the "
        "evidence and of its examination."
    ),
)
