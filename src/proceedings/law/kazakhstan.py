"""Kazakhstan: extradition procedure, asylum, expulsion, and removal outside the law.

The host state of most seed cases. Rules built on texts that were recalled
rather than read carry ``verified=False`` and say what is unverified; their
findings say so too (see the documentation's page on verification).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from .._dates import Truth, days_between
from .._findings import Citation, Severity
from .._model import (
    AsylumDecision,
    BorderCrossing,
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
    CPC,
    CUSTODY_EVENTS,
    FORTY_DAYS,
    forty_day_check,
    pending_claim,
    related,
    removal_phrase,
    request_charges,
)

KZ = frozenset({"KZ"})
REFUGEES = "Law of the Republic of Kazakhstan 'On Refugees' (No. 216-IV, 2009)"
CPC_IN_FORCE = (datetime.date(2015, 1, 1), None)


def _cpc(article: str, url: str | None = None, paragraph: str | None = None) -> Citation:
    return Citation(instrument=CPC, article=article, paragraph=paragraph, url=url)


# -- asylum -------------------------------------------------------------------------


def _removal_while_asylum_seeker(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Removal)
    pending = pending_claim(ctx)
    if pending is None or ctx.in_state("asylum", "granted"):
        return
    what, start, held = pending.what, pending.start, pending.truth
    yield Hit(
        truth=held,
        readings=pending.readings,
        message=(
            f"{removal_phrase(ev, capital=True)} while the person was an asylum seeker: "
            f"{what} had no final decision"
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
    verified=True,
    verification=(
        "Art 1(6) verified. Whether a court appeal is part of the 'final decision' is the "
        f"reading {APPEAL_SUSPENSIVE}; the Law's own non-refoulement and appeal articles were "
        "not found (KZ-REF-APPEAL, KZ-REF-NONREF: R)."
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
    def late(months: int) -> Truth:
        if _add_months(start.latest, months) < ev.date.earliest:
            return Truth.TRUE
        if _add_months(start.earliest, months) < ev.date.latest:
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


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    if year > datetime.MAXYEAR:
        # Past the calendar (an open end, ``2010-06/..``): later than any day.
        return datetime.date.max
    for d in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


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


def _late_claim(ctx: Context) -> Iterator[Hit]:
    arrival = None
    for i in ctx.earlier():
        ev = ctx.at(i)
        if isinstance(ev, BorderCrossing) and ev.to_country == "KZ":
            arrival = i
    if arrival is None:
        return
    late = ctx.days_since(arrival).exceeds(5)
    if late is Truth.FALSE:
        return
    yield Hit(
        truth=late,
        message=(
            f"Claim lodged more than 5 days after arrival ({ctx.describe(arrival)}); a late "
            "claim must not by itself bar protection"
        ),
        related=(arrival,),
    )


KZ_REF_APPLY = Rule(
    id="KZ-REF-APPLY",
    title="A claim is lodged within 5 calendar days of arrival",
    citations=(
        Citation(
            instrument="Rules for granting refugee status (Government Rules No. 183, 2010)",
            url="https://egov.kz/cms/en/articles/refugee_status",
        ),
    ),
    severity=Severity.NOTE,
    on=frozenset({"asylum_claim"}),
    check=_late_claim,
    jurisdictions=KZ,
    verified=True,
    verification=(
        "Verified on the e-government portal; UNHCR's view that lateness is no bar is recalled."
    ),
    example="A claim lodged a month after entry.",
)


# -- extradition ----------------------------------------------------------------------


def _seventy_two_hours(ctx: Context) -> Iterator[Hit]:
    # The mark is set by a detention on a wanted notice and cleared by any
    # later order or by the end of custody (see the custody track).
    start = ctx.marked(SEVENTY_TWO_HOURS.start)
    if start is None:
        return
    exceeded = SEVENTY_TWO_HOURS.exceeded(ctx.days_since(start), ctx.hours_since(start))
    if exceeded is Truth.FALSE:
        return
    yield Hit(
        truth=exceeded,
        message=(
            f"No court order for custody is recorded within 72 hours of the detention on a "
            f"wanted notice ({ctx.describe(start)}); the next event on custody is "
            f"{ctx.describe(ctx.index)}. Either the record is incomplete or the limit was "
            "breached"
        ),
        related=(start,),
        anchor=start,
    )


SEVENTY_TWO_HOURS = Deadline(
    label="court order for temporary custody (else release)",
    start="wanted_detention",
    limit=72,
    unit="hours",
    running_while={"custody": ("detained",)},
)

KZ_CPC_587 = Rule(
    id="KZ-CPC-587",
    title="Detention of a person wanted abroad: 72 hours to establish identity and documents",
    citations=(_cpc("587", "https://pavlodar.com/zakon/?dok=05553&uro=080579"),),
    severity=Severity.NOTE,
    on=CUSTODY_EVENTS,
    check=_seventy_two_hours,
    jurisdictions=KZ,
    in_force=CPC_IN_FORCE,
    deadline=SEVENTY_TWO_HOURS,
    verified=True,
    verification=(
        "Verified. Reported as a note: news-based records often omit the first court order, "
        "so a gap is a data gap before it is a breach (the Zhilin case)."
    ),
    example="Arrested on a wanted notice on the 6th; the first custody order on record: the 12th.",
)

KZ_CPC_588 = Rule(
    id="KZ-CPC-588",
    title="Temporary custody before a request: release after 40 days",
    citations=(
        _cpc("588", "https://continent-online.com/document/?doc_id=31122244&mode=p&page=62"),
    ),
    severity=Severity.VIOLATION,
    on=CUSTODY_EVENTS,
    check=forty_day_check(FORTY_DAYS),
    jurisdictions=KZ,
    in_force=CPC_IN_FORCE,
    deadline=FORTY_DAYS,
    verified=True,
    verification="Text and numbering verified.",
    example="Held 45 days after arrest with no extradition request on record.",
)

APPEAL_WINDOW = Deadline(
    label="appeal to the Supreme Court against the extradition decision",
    start="extradition_decision",
    limit=10,
    running_while={"extradition": ("approved",)},
)


def _surrender_before_appeal(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Removal)
    if ev.channel is not RemovalChannel.EXTRADITION:
        return
    decision = ctx.marked("extradition_decision")
    if ctx.in_state("extradition", "none", "wanted", "requested"):
        yield Hit(
            truth=Truth.TRUE,
            message="Surrendered with no extradition decision of the Prosecutor General on record",
        )
    elif ctx.in_state("extradition", "refused"):
        yield Hit(
            truth=Truth.TRUE,
            message="Surrendered although extradition was refused (or its approval quashed)",
        )
    elif ctx.in_state("extradition", "appeal_pending", "suspended"):
        what = (
            "an appeal to the Supreme Court was pending"
            if ctx.in_state("extradition", "appeal_pending")
            else ("extradition was suspended")
        )
        yield Hit(
            truth=Truth.TRUE,
            message=f"Surrendered while {what}",
            related=related(ctx.marked("extradition_appeal"), decision),
        )
    elif ctx.in_state("extradition", "approved"):
        if decision is None:  # pragma: no cover - the state is entered only with its mark
            return
        # The period runs from receipt of a copy: from the day the decision was
        # served where the record gives it, else from the decision itself.
        served = getattr(ctx.at(decision), "served", None)
        if served is not None:
            elapsed = days_between(served, ctx.event.date)
            since = f"the extradition decision ({ctx.describe(decision)}), served on {served.text}"
        else:
            elapsed = ctx.days_since(decision)
            since = f"the extradition decision ({ctx.describe(decision)})"
        open_ = elapsed.at_most(APPEAL_WINDOW.limit)
        if open_ is not Truth.FALSE:
            yield Hit(
                truth=open_,
                message=(
                    f"Surrendered within 10 days of {since}, before the appeal period (10 days "
                    "from receipt of a copy) could run out"
                ),
                related=(decision,),
            )


KZ_CPC_592 = Rule(
    id="KZ-CPC-592",
    title="No surrender before the 10-day appeal to the Supreme Court is over",
    citations=(_cpc("592", "https://kodeksy-kz.com/ugolovno-protsessualnyj_kodeks/592.htm"),),
    severity=Severity.VIOLATION,
    on=frozenset({"removal"}),
    check=_surrender_before_appeal,
    jurisdictions=KZ,
    in_force=CPC_IN_FORCE,
    deadline=APPEAL_WINDOW,
    verified=True,
    verification=(
        "The 10-day appeal verified (Kazakh text). That surrender waits for the Supreme "
        "Court is the catalogue's reading of the procedure; its suspensive effect is not "
        "stated in the text (R), though practice shows the Court suspends."
    ),
    example="Extradited three days after the Prosecutor General's decision.",
)


def _refusal_ground(ctx: Context) -> bool:
    return getattr(ctx.event, "outcome", None) == "approved"


def _citizen(ctx: Context) -> Iterator[Hit]:
    if _refusal_ground(ctx) and "KZ" in ctx.nationalities:
        yield Hit(
            truth=Truth.TRUE,
            message="Extradition of a citizen of Kazakhstan approved",
        )


KZ_CONST_11 = Rule(
    id="KZ-CONST-11",
    title="No extradition of citizens",
    citations=(
        Citation(
            instrument="Constitution of the Republic of Kazakhstan", article="11", paragraph="1"
        ),
        Citation(
            instrument="Criminal Code of the Republic of Kazakhstan",
            article="8",
            url="https://zakonpravo.kz/en/commentary-to-article-8-extradition-of-persons-who-have-committed-a-crime-the-criminal-code-of-the-republic-of-kazakhstan-of-the-criminal-code-of-the-republic-of-kazakhstan",
        ),
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"extradition_decided"}),
    check=_citizen,
    jurisdictions=KZ,
    verified=True,
    verification="Verified; 'unless an international treaty provides otherwise' is not modelled.",
    example="The Prosecutor General approves extraditing a Kazakh citizen.",
)


def _asylum_ground(ctx: Context) -> Iterator[Hit]:
    if not _refusal_ground(ctx):
        return
    pending = pending_claim(ctx)
    if pending is None:
        return
    what, start, held = pending.what, pending.start, pending.truth
    yield Hit(
        truth=held,
        readings=pending.readings,
        message=f"Extradition approved while {what} stood",
        related=related(start),
    )


KZ_CPC_590_ASYLUM = Rule(
    id="KZ-CPC-590-ASYLUM",
    title="Refugee status or a pending asylum claim excludes extradition",
    citations=(
        _cpc("590", "https://pavlodar.com/zakon/?dok=05553&uro=080587"),
        Citation(
            instrument="UNHCR press briefing on an extradition from Kazakhstan",
            text_date="2006",
        ),
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"extradition_decided"}),
    check=_asylum_ground,
    jurisdictions=KZ,
    in_force=CPC_IN_FORCE,
    readings=(APPEAL_SUSPENSIVE,),
    verified=False,
    verification=(
        "Art 590 exists as the list of grounds excluding extradition (verified), but its "
        "items, refugee status and pending asylum among them, are recalled, not verified. "
        "UNHCR's position that non-refoulement prevails "
        "over extradition treaties: date recalled."
    ),
    example="Extradition approved while the refugee-status claim is still being examined.",
)


def _military(ctx: Context) -> Iterator[Hit]:
    if not _refusal_ground(ctx):
        return
    charges = request_charges(ctx)
    if charges and all(ctx.category(c) is OffenceCategory.MILITARY for c in charges):
        listed = "; ".join(str(c) for c in charges)
        yield Hit(
            truth=Truth.TRUE,
            message=f"Extradition approved for purely military offences: {listed}",
            related=related(ctx.marked("extradition_request")),
        )


KZ_CPC_590_MILITARY = Rule(
    id="KZ-CPC-590-MILITARY",
    title="No extradition for purely military offences",
    citations=(
        _cpc("590", "https://pavlodar.com/zakon/?dok=05553&uro=080587"),
        Citation(
            instrument="European Convention on Extradition (1957), as a model",
            article="4",
            url="https://revisedacts.lawreform.ie/eli/1965/act/17/section/12/revised/en/html",
        ),
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"extradition_decided"}),
    check=_military,
    jurisdictions=KZ,
    in_force=CPC_IN_FORCE,
    verified=False,
    verification=(
        "Unverified: whether CPC art 590 lists military offences was not checked; the "
        "Minsk Convention has no such exception (recalled). Kazakhstan is not a party to "
        "the European Convention on Extradition, whose art 4 is the model (verified wording)."
    ),
    example="Extradition approved on a request for desertion alone.",
)


def _persecution(ctx: Context) -> Iterator[Hit]:
    if not _refusal_ground(ctx):
        return
    political = [c for c in request_charges(ctx) if ctx.category(c) is OffenceCategory.POLITICAL]
    if political:
        listed = "; ".join(str(c) for c in political)
        yield Hit(
            truth=Truth.TRUE,
            message=(
                f"Extradition approved on political charges ({listed}); assistance must be "
                "refused where there are grounds to believe the aim is persecution"
            ),
            related=related(ctx.marked("extradition_request")),
        )


KZ_CPC_569_4 = Rule(
    id="KZ-CPC-569-4",
    title="Refuse legal assistance where the aim is persecution",
    citations=(_cpc("569", "https://helpiks.su/7-60569.html", paragraph="4"),),
    severity=Severity.WARNING,
    on=frozenset({"extradition_decided"}),
    check=_persecution,
    jurisdictions=KZ,
    in_force=CPC_IN_FORCE,
    verified=True,
    verification=(
        "Text verified in Kazakh; the article number is inferred from the sequence (P). A "
        "political charge is a signal for the check, not proof of persecution: a warning."
    ),
    example="Extradition approved on a charge of 'financing extremism'.",
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
    verification="Para 3 verified. 'After the main punishment is served' is not checked here.",
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
    if ev.channel not in _ADMIN_CHANNELS:
        return
    order = ctx.marked("expulsion_order")
    if order is None:
        return
    ordered = ctx.at(order)
    if not (isinstance(ordered, ExpulsionOrdered) and ordered.kind is not ExpulsionKind.CRIMINAL):
        return
    # An order of unknown kind may have been a criminal one, which this rule does not cover.
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
    title="An expulsion ruling is executed only once final (10-day appeal)",
    citations=(
        Citation(
            instrument=(
                "Code of Administrative Offences of the Republic of Kazakhstan (No. 235-V, 2014)"
            ),
            article="829-4",
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
        "Recalled, not verified: the appeal period against a judge's expulsion ruling and "
        "the rule that execution waits until the ruling is final. "
        "10 days from a copy is verified only for rulings of bodies and officials (art 829-4). "
        "Applied to administrative and civil-procedure expulsions alike."
    ),
    example="Expelled by plane a few hours after the court's ruling.",
)


def _handover(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    assert isinstance(ev, Removal)
    if ev.channel in {RemovalChannel.INFORMAL_HANDOVER, RemovalChannel.FOREIGN_FACILITY_TRANSFER}:
        yield Hit(
            truth=Truth.TRUE,
            message=(
                f"{removal_phrase(ev, capital=True)} outside the extradition procedure: no "
                "detention by a Kazakh officer under the CPC, no court-sanctioned custody, no "
                "Prosecutor General decision, no 10-day appeal to the Supreme Court"
            ),
        )


KZ_CPC_587_592 = Rule(
    id="KZ-CPC-587-592",
    title="Surrender to a foreign state only through the extradition procedure",
    citations=(
        _cpc("587", "https://pavlodar.com/zakon/?dok=05553&uro=080579"),
        _cpc("588", "https://continent-online.com/document/?doc_id=31122244&mode=p&page=62"),
        _cpc("589", "http://www.pavlodar.com/zakon/index.html?dok=05553&oraz=08&noraz=589"),
        _cpc("592", "https://kodeksy-kz.com/ugolovno-protsessualnyj_kodeks/592.htm"),
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
        "the Sary-Shagan lease gives Russian bodies powers over persons is not verified."
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
        KZ_CPC_587_592,
    ),
    offences=OFFENCES,
    readings=(APPEAL_SUSPENSIVE_READING,),
    description=(
        "The extradition procedure (72-hour detention, 40-day custody, the Prosecutor "
        "General's decision, the 10-day appeal), refusal grounds, asylum time limits, "
        "expulsion only once final, and removal outside any procedure."
    ),
)
