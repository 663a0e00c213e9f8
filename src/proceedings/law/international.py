"""International rules: refugee law, torture, interim measures.

They bind a state only from the date it became party to the treaty (the
party table below). Dates marked ``verified=False`` are recalled, not
checked; findings that rest on them say so.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._dates import Truth, UncertainDate
from .._findings import Citation, Severity
from .._model import (
    BorderCrossing,
    CriminalConviction,
    CrossingMode,
    Event,
    InterimBody,
    InterimMeasureLifted,
    InterimMeasureRequested,
    Removal,
    RemovalChannel,
)
from .._rules import Check, Context, Hit, Party, Rule, Rulebook
from ._common import (
    APPEAL_SUSPENSIVE,
    APPEAL_SUSPENSIVE_READING,
    CAT_GC4_PARA_4,
    PROMPTNESS,
    PROMPTNESS_READING,
    pending_claim,
    related,
    removal_phrase,
)

REFUGEE_CONVENTION = "Convention relating to the Status of Refugees (1951)"
CAT = "Convention against Torture (1984)"
ICCPR_OP1 = "Optional Protocol to the International Covenant on Civil and Political Rights"
ECHR = "European Convention on Human Rights"

_INFORMAL = frozenset({RemovalChannel.INFORMAL_HANDOVER, RemovalChannel.FOREIGN_FACILITY_TRANSFER})


def _d(text: str) -> UncertainDate:
    return UncertainDate.parse(text)


# -- checks -----------------------------------------------------------------------


def _non_refoulement(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Removal)
    pending = pending_claim(ctx)
    if pending is None:
        return
    what, start, held = pending.what, pending.start, pending.truth
    since = f" ({ctx.describe(start)})" if start is not None else ""
    if ev.destination in ctx.nationalities:
        yield Hit(
            truth=held,
            readings=pending.readings,
            message=(
                f"{removal_phrase(ev, capital=True)}, a state of the person's nationality, "
                f"while {what}{since} was pending; non-refoulement covers every channel of "
                "removal"
            ),
            related=related(start),
        )
    else:
        yield Hit(
            truth=Truth.UNKNOWN,
            readings=pending.readings,
            message=(
                f"{removal_phrase(ev, capital=True)}, a third state, while {what}{since} was "
                "pending; whether that state threatens the person or sends them on (chain "
                "refoulement) is not in the record"
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
    # The body's measures requested here before this event and not lifted
    # since. The track says whether the last one stands; with two measures
    # of one body, lifting one leaves the other in force.
    requested: list[int] = []
    lifted: set[str] = set()
    for i in ctx.earlier():
        earlier = ctx.at(i)
        if earlier.jurisdiction != ctx.event.jurisdiction:
            continue
        if isinstance(earlier, InterimMeasureRequested) and earlier.body is body:
            requested.append(i)
        elif isinstance(earlier, InterimMeasureLifted):
            lifted.add(earlier.measure)
    return [i for i in requested if ctx.at(i).id not in lifted]


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
            truth = _known_to_state(ctx.at(index), ev)
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
        yield Hit(
            truth=truth,
            message=(
                f"{removal_phrase(ev, capital=True)} while an interim measure "
                f"({ctx.describe(index)}{notified}) asked the state not to remove the person"
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


# -- rules ------------------------------------------------------------------------

R_REF_33 = Rule(
    id="R-REF-33",
    title="Non-refoulement: no removal while protection is pending or granted",
    citations=(
        Citation(
            instrument=REFUGEE_CONVENTION,
            article="33",
            paragraph="1",
            url="https://ja.scribd.com/document/340673923/Refugees",
        ),
        CAT_GC4_PARA_4,
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"removal"}),
    check=_non_refoulement,
    treaty="refugee_convention",
    readings=(APPEAL_SUSPENSIVE,),
    verified=True,
    verification=(
        "Art 33 text verified. That it protects asylum seekers "
        "pending determination is UNHCR's position (recalled); every removal channel, "
        "rejection at the frontier included, counts as removal per CAT GC4 para 4 (verified)."
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
            url="https://ja.scribd.com/document/340673923/Refugees",
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


def _party(treaty: str, state: str, since: str, *, verified: bool, source: str) -> Party:
    return Party(treaty=treaty, state=state, since=_d(since), verified=verified, source=source)


PARTIES = (
    _party(
        "refugee_convention",
        "KZ",
        "1998-12-15",
        verified=False,
        source=(
            "Date of Kazakhstan's accession law No. 317-I (verified, zakonpravo.kz); the date "
            "the Convention entered into force for Kazakhstan was not checked."
        ),
    ),
    _party("refugee_convention", "RU", "1993-02-02", verified=False, source="Recalled."),
    _party("refugee_convention", "FR", "1954-06-23", verified=False, source="Recalled."),
    _party(
        "cat",
        "KZ",
        "1998-06-26",
        verified=True,
        source="http://hrlibrary.umn.edu/cat/kazakhstan2001.html",
    ),
    _party("cat", "RU", "1987-06-26", verified=False, source="Recalled."),
    _party("cat", "FR", "1987-06-26", verified=False, source="Recalled."),
    _party(
        "cat_art22",
        "KZ",
        "2008",
        verified=True,
        source="Art 22 declaration in 2008 (CAT/C/KAZ/CO/2); the exact day is not recorded.",
    ),
    _party("cat_art22", "RU", "1991-10-01", verified=False, source="Recalled."),
    _party("cat_art22", "FR", "1988-06-23", verified=False, source="Recalled."),
    _party(
        "iccpr",
        "KZ",
        "2006-04-24",
        verified=True,
        source="https://zakonpravo.kz/en/on-the-ratification-of-the-international-covenant-on-civil-and-political-rights",
    ),
    _party(
        "iccpr_op1",
        "KZ",
        "2009-06-30",
        verified=True,
        source="https://adilet.zan.kz/eng/docs/Z090000130_/compare",
    ),
    _party("iccpr", "RU", "1976-03-23", verified=False, source="Recalled."),
    _party("iccpr", "FR", "1981-02-04", verified=False, source="Recalled."),
    _party("iccpr_op1", "RU", "1992-01-01", verified=False, source="Recalled."),
    _party("iccpr_op1", "FR", "1984-05-17", verified=False, source="Recalled."),
    _party("echr", "FR", "1974-05-03", verified=False, source="Recalled."),
    Party(
        treaty="echr",
        state="RU",
        since=_d("1998-05-05"),
        until=_d("2022-09-16"),
        verified=False,
        source="Recalled (Russia ceased to be a party on 2022-09-16; recalled, not checked).",
    ),
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
    rules=(R_REF_33, CAT_GC4, CAT_22, ICCPR_OP1_RULE, ECHR_34, R_REF_31, ICCPR_9),
    readings=(APPEAL_SUSPENSIVE_READING, PROMPTNESS_READING),
    parties=PARTIES,
    description=(
        "Non-refoulement on every channel of removal (Refugee Convention art 33 read with CAT "
        "GC4), removal outside any procedure, interim measures of UN committees and the ECtHR, "
        "and non-penalisation of irregular entry (art 31, as a warning). Not modelled: the "
        "individual risk assessment of CAT art 3 and ICCPR art 7, which turns on evidence the "
        "record does not hold."
    ),
)
