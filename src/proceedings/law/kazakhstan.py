"""Kazakhstan: extradition procedure, asylum, expulsion, and removal outside the law.

The host state of most seed cases. Rules built on texts that were recalled
rather than read carry ``verified=False`` and say what is unverified; their
findings say so too (see the documentation's page on verification).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from .._dates import Truth
from .._findings import Citation, Severity
from .._model import (
    AsylumDecision,
    BorderCrossing,
    EntryRefused,
    ExpulsionKind,
    ExpulsionOrdered,
    OffenceCategory,
    Removal,
    RemovalChannel,
)
from .._rules import Context, Deadline, Hit, Offence, Rule, Rulebook
from ._common import (
    APPEAL_SUSPENSIVE,
    APPEAL_SUSPENSIVE_READING,
    CPC_IN_FORCE,
    DRAFT_EVASION_CLASS_READING,
    KZ,
    REFUGEES,
    add_months,
    host_act,
    kz_cpc,
    pending_claim,
    related,
    removal_phrase,
)
from ._kz_extradition import (
    KZ_CONST_11,
    KZ_CPC_569_4,
    KZ_CPC_587,
    KZ_CPC_588,
    KZ_CPC_590_ASYLUM,
    KZ_CPC_590_MILITARY,
    KZ_CPC_592,
)

# -- asylum -------------------------------------------------------------------------


def _removal_while_asylum_seeker(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Removal)
    pending = pending_claim(ctx, window=True)
    if pending is None or ctx.in_state("asylum", "granted"):
        return
    what, start, held = pending.what, pending.start, pending.truth
    own, why = host_act(ev)
    yield Hit(
        truth=held & own,
        readings=pending.readings,
        message=(
            f"{removal_phrase(ev, capital=True)} while the person was an asylum seeker: "
            f"{what} had no final decision{why}"
        ),
        related=related(start),
    )


KZ_REF_AS_STATUS = Rule(
    id="KZ-REF-AS-STATUS",
    title="An asylum seeker keeps that status until the final decision on the claim",
    citations=(
        Citation(
            instrument=REFUGEES,
            article="1",
            paragraph="6",
            url="https://zakon.uchet.kz/eng/docs/Z090000216_",
            text_date="2023-04-19",
        ),
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"removal"}),
    check=_removal_while_asylum_seeker,
    jurisdictions=KZ,
    in_force=(datetime.date(2010, 1, 1), None),
    readings=(APPEAL_SUSPENSIVE,),
    verified=False,
    verification=(
        "Art 1(6) is cited only as the definition of who is protected: an asylum seeker from "
        "the wish to seek asylum until the final decision on the claim (text verified). It is "
        "not itself a bar on removal, and the Law's own non-refoulement, rights and appeal "
        "articles were not found in any text read (their numbers are not established): that "
        "an asylum seeker may not be removed is recalled from the Law's stated principle, "
        "not verified. Whether a court appeal is part of the 'final decision' is the "
        f"reading {APPEAL_SUSPENSIVE}; under 'yes', a removal within a month of a "
        "first-instance refusal not appealed is undetermined: the person may still have been "
        "able to challenge it (a claim to the administrative court within one month, "
        "Administrative Procedural Code art 136, known from a secondary account; a pre-trial "
        "complaint may come first; not verified)."
    ),
    example="Expelled while the claim for refugee status awaits a decision.",
)


def _late_decision(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, AsylumDecision)
    claim = ctx.marked("asylum_claim")
    if claim is None:
        return
    start = ctx.at(claim).date

    # "Three months" and "one year" are calendar periods; day bounds are
    # compared against the calendar dates they lead to from each bound.
    # add_months saturates at 9999-12-31: a period that ends after it has not
    # run out on any day a record can give, so a decision on a known day is
    # not late (FALSE), but one open at the end ("9999-12/..") may be later
    # than any such day, so that is UNKNOWN, as it is before the calendar's end.
    def late(months: int) -> Truth:
        if add_months(start.latest, months) < ev.date.earliest:
            return Truth.TRUE
        if add_months(start.earliest, months) < ev.date.latest or ev.date.open_end:
            return Truth.UNKNOWN
        return Truth.FALSE

    year, quarter = late(12), late(3)
    if year is Truth.TRUE or (year is Truth.UNKNOWN and quarter is not Truth.TRUE):
        yield Hit(
            truth=year,
            message=(
                f"Decided more than one year after the claim ({ctx.describe(claim)}), beyond "
                "the longest extension"
            ),
            related=(claim,),
        )
    elif quarter is not Truth.FALSE:
        maybe = " (possibly more than a year)" if year is Truth.UNKNOWN else ""
        yield Hit(
            truth=quarter,
            message=(
                f"Decided more than three months after the claim ({ctx.describe(claim)}){maybe}; "
                "allowed only where extra checks were needed"
            ),
            related=(claim,),
        )


KZ_REF_11 = Rule(
    id="KZ-REF-11",
    title="Asylum decisions within three months of registration (one year at most)",
    citations=(
        Citation(
            instrument=REFUGEES,
            article="11",
            paragraph="1",
            url="https://zakonpravo.kz/en/article-11-granting-refugee-status-to-the-refugee-act",
        ),
    ),
    severity=Severity.WARNING,
    on=frozenset({"asylum_decision"}),
    check=_late_decision,
    jurisdictions=KZ,
    in_force=(datetime.date(2010, 1, 1), None),
    verified=True,
    verification=(
        "Art 11(1) verified (3 months from registration, on condition of fingerprinting; at "
        "most one year with extra checks). Counted here from the claim, as registration "
        "dates are rarely reported."
    ),
    example="A claim lodged in September decided the following June.",
)


def _arrival(ev: object) -> bool:
    """Whether an event brings the person to Kazakhstan (admitted or not)."""
    if isinstance(ev, BorderCrossing):
        return ev.to_country == "KZ"
    if isinstance(ev, EntryRefused):
        # Refused entry at the border or airside: arrived, though not admitted.
        return ev.jurisdiction == "KZ"
    return isinstance(ev, Removal) and ev.destination == "KZ"


def _late_claim(ctx: Context) -> Iterator[Hit]:
    arrival = None
    for i in ctx.earlier():
        if _arrival(ctx.at(i)):
            # A refused entry right after a return is the same arrival: the
            # latest event counts, which never moves the start earlier.
            arrival = i
    if arrival is None:
        return
    late = ctx.days_since(arrival).exceeds(5)
    if late is Truth.FALSE:
        return
    yield Hit(
        truth=late,
        message=(
            f"Claim lodged more than 5 days after arrival ({ctx.describe(arrival)}), unless "
            "the person learnt of the risk of persecution later, in Kazakhstan (the period "
            "runs from either); a late claim must not by itself bar protection"
        ),
        related=(arrival,),
    )


KZ_REF_APPLY = Rule(
    id="KZ-REF-APPLY",
    title="A claim is lodged within 5 calendar days of arrival (or of learning of the risk)",
    citations=(
        Citation(
            instrument=(
                "Rules for registering and examining a claim for refugee status (Order of the "
                "Minister of Labour and Social Protection No. 118 of 7 April 2022)"
            ),
            url="https://adilet.zan.kz/rus/docs/V2200027506",
        ),
        Citation(
            instrument="Zakon.kz report of the Rules, as republished by Caravan.kz",
            url="https://www.caravan.kz/?p=834592",
        ),
    ),
    severity=Severity.NOTE,
    on=frozenset({"asylum_claim"}),
    check=_late_claim,
    jurisdictions=KZ,
    # Registered with the Ministry of Justice on 8 Apr 2022 and in force ten
    # calendar days after its first official publication: not before 19 Apr.
    in_force=(datetime.date(2022, 4, 19), None),
    verified=False,
    verification=(
        "Partly verified: the 5 calendar days from arrival, or from learning in Kazakhstan of "
        "the risk of persecution, are read in a press report of Order No. 118 and on the "
        "e-government portal, not in the Order's text; the Order's adilet page gives its "
        "registration (8 Apr 2022) and entry into force ten days after publication (the "
        "publication date was not found, so the rule applies from the earliest possible day). "
        "Earlier rules (Interior Ministry Order No. 496, 2010) were not read. Counted from "
        "the last arrival in Kazakhstan, a refused entry or a return included. UNHCR's view "
        "that lateness is no bar is recalled."
    ),
    example="A claim lodged a month after entry.",
)


# -- expulsion and informal removal --------------------------------------------------


def _verdict_not_final(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Removal)
    if ev.channel is not RemovalChannel.CRIMINAL_EXPULSION:
        return
    if ctx.in_state("expulsion", "suspended"):
        yield Hit(
            truth=Truth.TRUE,
            message="Expelled under a criminal verdict whose execution was suspended on appeal",
            related=related(ctx.marked("conviction")),
        )
    elif ctx.in_state("criminal", "appeal_pending"):
        appeal = ctx.marked("conviction_appeal")
        yield Hit(
            truth=Truth.TRUE,
            message=(
                "Expelled under a criminal verdict while an appeal against the verdict was "
                "pending; the penalty may be executed only once the verdict is in force"
            ),
            related=related(appeal, ctx.marked("conviction")),
        )
    elif ctx.in_state("criminal", "convicted"):
        # No appeal on record: the verdict enters into force only once the
        # period to appeal it has run out. That period is recalled (15 days),
        # not verified: within it the verdict may not have been in force.
        conviction = ctx.marked("conviction")
        if conviction is None:  # pragma: no cover - the state is entered only with its mark
            return
        early = ctx.days_since(conviction).at_most(VERDICT_APPEAL_RECALLED)
        if early is Truth.FALSE:
            return
        yield Hit(
            truth=Truth.UNKNOWN,
            message=(
                f"Expelled under a criminal verdict ({ctx.describe(conviction)}) within "
                f"{VERDICT_APPEAL_RECALLED} days of it, with no appeal on record: the verdict "
                "enters into force only once the period to appeal it has run out, and that "
                f"period (recalled as {VERDICT_APPEAL_RECALLED} days, not verified) may not "
                "have run out"
            ),
            related=(conviction,),
        )


#: The period to appeal a first-instance criminal verdict, as recalled (CPC
#: ch. 48): not verified, so a removal within it is only undetermined.
VERDICT_APPEAL_RECALLED = 15

KZ_GOV_175 = Rule(
    id="KZ-GOV-175",
    title="Criminal-verdict expulsion only once the verdict is in force",
    citations=(
        Citation(
            instrument="Rules on forcible expulsion (Government Resolution No. 175, 2017)",
            paragraph="3",
            url="https://cis-legislation.com/document.fwx?rgn=95995",
            text_date="2021-04-12",
        ),
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"removal"}),
    check=_verdict_not_final,
    jurisdictions=KZ,
    in_force=(datetime.date(2017, 4, 6), None),
    verified=True,
    verification=(
        "Para 3 verified. 'After the main punishment is served' is not checked here. With no "
        "appeal on record, when the verdict entered into force turns on the period to appeal "
        "it (CPC ch. 48), recalled as 15 days and not verified: a removal within 15 days of "
        "the verdict is undetermined, never certain."
    ),
    example="Expelled while the appeal against the conviction is pending.",
)

_ADMIN_CHANNELS = frozenset(
    {
        RemovalChannel.ADMINISTRATIVE_EXPULSION,
        RemovalChannel.CIVIL_EXPULSION,
        RemovalChannel.DEPORTATION,
    }
)

EXPULSION_APPEAL = Deadline(
    label="appeal against the expulsion ruling",
    start="expulsion_order",
    limit=10,
    running_while={"expulsion": ("ordered",)},
)


def _expelled_before_final(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Removal)
    if ev.channel not in _ADMIN_CHANNELS or ev.channel is RemovalChannel.CIVIL_EXPULSION:
        return
    order = ctx.marked("expulsion_order")
    if order is None:
        return
    ordered = ctx.at(order)
    if not (
        isinstance(ordered, ExpulsionOrdered)
        and ordered.kind in (ExpulsionKind.ADMINISTRATIVE, ExpulsionKind.UNKNOWN)
    ):
        return
    # An order of unknown kind may have been a criminal or a civil one, which
    # this rule does not cover.
    fits = Truth.UNKNOWN if ordered.kind is ExpulsionKind.UNKNOWN else Truth.TRUE
    if ctx.in_state("expulsion", "suspended"):
        yield Hit(
            truth=fits,
            message=(
                f"Expelled although execution of the ruling ({ctx.describe(order)}) was suspended"
            ),
            related=(order,),
        )
    elif ctx.in_state("expulsion", "appeal_pending"):
        yield Hit(
            truth=fits,
            message=(
                f"Expelled while the appeal against the ruling ({ctx.describe(order)}) was pending"
            ),
            related=(order,),
        )
    elif ctx.in_state("expulsion", "ordered"):
        open_ = ctx.days_since(order).at_most(EXPULSION_APPEAL.limit)
        if open_ is not Truth.FALSE:
            yield Hit(
                truth=open_ & fits,
                message=(
                    f"Expelled within 10 days of the ruling ({ctx.describe(order)}), before the "
                    "period to appeal it could run out"
                ),
                related=(order,),
            )


KZ_KOAP_APPEAL = Rule(
    id="KZ-KOAP-APPEAL",
    title="An administrative expulsion ruling is executed only once final (10-day appeal)",
    citations=(
        Citation(
            instrument=(
                "Code of Administrative Offences of the Republic of Kazakhstan (No. 235-V, 2014): "
                "review of a judge's ruling not yet in force (article not identified)"
            ),
        ),
        Citation(
            instrument="Supreme Court Normative Resolution No. 4 on expulsion cases",
            url="https://zakonpravo.kz/en/on-judicial-practice-of-considering-cases-of-expulsion-of-foreigners-or-stateless-persons-from-the-republic-of-kazakhstan-normative-resolution-of-the-supreme-court-of-the-republic-of-kazakhstan-dated-december-13-2013-no-4",
            text_date="2013-12-13",
        ),
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"removal"}),
    check=_expelled_before_final,
    jurisdictions=KZ,
    in_force=(datetime.date(2015, 1, 1), None),
    verified=False,
    verification=(
        "Recalled, not verified: the article and the appeal period for a judge's expulsion "
        "ruling, and the rule that execution waits until the ruling is final. 10 days from a "
        "copy is verified only for complaints against rulings of bodies and officials (KoAP "
        "art 829-4), which do not govern a judge's ruling and are not cited; the 10 days are "
        "borrowed from them. Administrative expulsions only: a civil-procedure expulsion is "
        "not under the KoAP (KZ-CIVIL-EXPULSION)."
    ),
    example="Expelled by plane a few hours after the court's ruling.",
)


def _civil_before_final(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Removal)
    if ev.channel not in _ADMIN_CHANNELS:
        return
    order = ctx.marked("expulsion_order")
    if order is None:
        return
    ordered = ctx.at(order)
    if not (isinstance(ordered, ExpulsionOrdered) and ordered.kind is ExpulsionKind.CIVIL):
        return
    if ctx.in_state("expulsion", "suspended", "appeal_pending"):
        what = (
            "execution of the ruling was suspended"
            if ctx.in_state("expulsion", "suspended")
            else "the appeal against the ruling was pending"
        )
        yield Hit(
            truth=Truth.TRUE,
            message=f"Expelled although {what} ({ctx.describe(order)})",
            related=(order,),
        )
    elif ctx.in_state("expulsion", "ordered"):
        # The period to appeal is not verified: on the day of the ruling none
        # can have run out; later, whether it had is not known.
        same_day = ctx.days_since(order).at_most(0)
        yield Hit(
            truth=Truth.TRUE if same_day is Truth.TRUE else Truth.UNKNOWN,
            message=(
                f"Expelled under a court ruling in civil proceedings ({ctx.describe(order)}) "
                "not shown to be final; the period to appeal it (not verified) "
                + (
                    "cannot have run out on the day of the ruling"
                    if same_day is Truth.TRUE
                    else "may not have run out"
                )
            ),
            related=(order,),
        )


KZ_CIVIL_EXPULSION = Rule(
    id="KZ-CIVIL-EXPULSION",
    title="A civil-procedure expulsion ruling is executed only once in force",
    citations=(
        Citation(
            instrument=(
                "Civil Procedure Code of the Republic of Kazakhstan: special proceedings on "
                "expulsion for breach of the law (articles not identified)"
            ),
        ),
        Citation(
            instrument="Supreme Court Normative Resolution No. 4 on expulsion cases",
            url="https://zakonpravo.kz/en/on-judicial-practice-of-considering-cases-of-expulsion-of-foreigners-or-stateless-persons-from-the-republic-of-kazakhstan-normative-resolution-of-the-supreme-court-of-the-republic-of-kazakhstan-dated-december-13-2013-no-4",
            text_date="2013-12-13",
        ),
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"removal"}),
    check=_civil_before_final,
    jurisdictions=KZ,
    verified=False,
    verification=(
        "Recalled, not verified: the civil procedure code's expulsion chapter (article "
        "numbers, appeal period, whether the ruling is executed at once) was not read. That "
        "the civil channel exists for breach of the law, on an internal-affairs application, "
        "is from secondary sources and the Supreme Court's resolution (partly verified). No "
        "period is assumed: a removal on the day of the ruling is certain on the dates, a "
        "later one undetermined."
    ),
    example="Expelled by plane a few hours after a court ruled on a police application.",
)


def _handover(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Removal)
    if ev.channel in {RemovalChannel.INFORMAL_HANDOVER, RemovalChannel.FOREIGN_FACILITY_TRANSFER}:
        own, why = host_act(ev)
        yield Hit(
            truth=own,
            message=(
                f"{removal_phrase(ev, capital=True)} outside the extradition procedure: no "
                "detention by a Kazakh officer under the CPC, no court-sanctioned custody, no "
                f"Prosecutor General decision, no 10-day appeal to the Supreme Court{why}"
            ),
        )


KZ_CPC_587_592 = Rule(
    id="KZ-CPC-587-592",
    title="Surrender to a foreign state only through the extradition procedure",
    citations=(
        kz_cpc("587", "https://pavlodar.com/zakon/?dok=05553&uro=080579"),
        kz_cpc("588", "https://continent-online.com/document/?doc_id=31122244&mode=p&page=62"),
        kz_cpc("589", "http://www.pavlodar.com/zakon/index.html?dok=05553&oraz=08&noraz=589"),
        kz_cpc("592", "https://kodeksy-kz.com/ugolovno-protsessualnyj_kodeks/592.htm"),
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"removal"}),
    check=_handover,
    jurisdictions=KZ,
    in_force=CPC_IN_FORCE,
    verified=True,
    verification=(
        "The procedure's articles are verified. That a handover or a transfer to a "
        "foreign-controlled facility bypasses it is the catalogue's conclusion; whether "
        "the Sary-Shagan lease gives Russian bodies powers over persons is not verified. A "
        "removal by unknown or foreign actors, with Kazakhstan's involvement not established, "
        "is undetermined: a surrender needs a Kazakh act."
    ),
    example="Handed by police to foreign soldiers.",
)

OFFENCES = (
    Offence(
        code="KZ-CC",
        article="392",
        title="Intentional illegal crossing of the state border",
        category=OffenceCategory.ORDINARY,
        tags=frozenset({"illegal_border_crossing"}),
        penalty="part 1 (before 2025-09-17): fine or up to 1 year, with expulsion for 5 years",
        citation=Citation(
            instrument="Criminal Code of the Republic of Kazakhstan (No. 226-V, 2014)",
            article="392",
            url="http://engime.org/azastan-respublikasini-ilmisti-kodeksi-1-bap.html?page=165",
        ),
        verified=True,
    ),
)

KAZAKHSTAN = Rulebook(
    name="kazakhstan",
    title="Kazakhstan",
    rules=(
        KZ_REF_AS_STATUS,
        KZ_REF_11,
        KZ_REF_APPLY,
        KZ_CPC_587,
        KZ_CPC_588,
        KZ_CPC_592,
        KZ_CONST_11,
        KZ_CPC_590_ASYLUM,
        KZ_CPC_590_MILITARY,
        KZ_CPC_569_4,
        KZ_GOV_175,
        KZ_KOAP_APPEAL,
        KZ_CIVIL_EXPULSION,
        KZ_CPC_587_592,
    ),
    offences=OFFENCES,
    readings=(APPEAL_SUSPENSIVE_READING, DRAFT_EVASION_CLASS_READING),
    description=(
        "The extradition procedure (72-hour detention, 40-day custody, the Prosecutor "
        "General's decision, the 10-day appeal), refusal grounds, asylum time limits, "
        "expulsion only once final, and removal outside any procedure."
    ),
)
