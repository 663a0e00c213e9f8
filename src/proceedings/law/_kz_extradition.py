"""Kazakhstan's extradition procedure: detention, custody, decision, appeal, refusal grounds.

Part of the ``kazakhstan`` rulebook (:mod:`proceedings.law.kazakhstan`).
"""

from __future__ import annotations

from collections.abc import Iterator

from .._dates import Truth
from .._durations import days_between
from .._findings import Citation, Severity
from .._model import (
    Charge,
    OffenceCategory,
    Removal,
    RemovalChannel,
)
from .._rules import Context, Deadline, Hit, Rule
from ._common import (
    APPEAL_SUSPENSIVE,
    CLASS_BY_READING,
    CPC_IN_FORCE,
    CUSTODY_EVENTS,
    DRAFT_EVASION_CLASS,
    FORTY_DAYS,
    KZ,
    forty_day_check,
    kz_cpc,
    pending_claim,
    related,
    request_charges,
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
    citations=(kz_cpc("587", "https://pavlodar.com/zakon/?dok=05553&uro=080579"),),
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
        kz_cpc("588", "https://continent-online.com/document/?doc_id=31122244&mode=p&page=62"),
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
    citations=(kz_cpc("592", "https://kodeksy-kz.com/ugolovno-protsessualnyj_kodeks/592.htm"),),
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
    pending = pending_claim(ctx, window=True)
    if pending is None:
        return
    what, start, held = pending.what, pending.start, pending.truth
    yield Hit(
        truth=held,
        readings=pending.readings,
        message=(
            f"Extradition approved while {what} stood; the approval is not yet a surrender, "
            "which would breach the asylum seeker's protection"
        ),
        related=related(start),
    )


KZ_CPC_590_ASYLUM = Rule(
    id="KZ-CPC-590-ASYLUM",
    title="Refugee status or a pending asylum claim excludes extradition",
    citations=(
        kz_cpc("590", "https://pavlodar.com/zakon/?dok=05553&uro=080587"),
        Citation(
            instrument=(
                "UNHCR press briefing on an extradition from Kazakhstan of an asylum seeker "
                "to Kyrgyzstan (dated 'Tuesday 7 March', year not established)"
            ),
            url="https://www.unhcr.org/in/news/briefing-notes/unhcr-deplores-forced-return-asylum-seeker-kazakhstan",
        ),
    ),
    # Approval is not surrender: the approval is a warning. A surrender that
    # follows while the claim stands is a violation of KZ-REF-AS-STATUS (and
    # of the Refugee Convention's art 33), so it is not reported twice here.
    severity=Severity.WARNING,
    on=frozenset({"extradition_decided"}),
    check=_asylum_ground,
    jurisdictions=KZ,
    in_force=CPC_IN_FORCE,
    readings=(APPEAL_SUSPENSIVE,),
    verified=False,
    verification=(
        "Art 590 exists as the list of grounds excluding extradition (verified), but its "
        "items, refugee status and pending asylum among them, are recalled, not verified. "
        "UNHCR's position that non-refoulement prevails over extradition treaties: the "
        "briefing is dated only 'Tuesday 7 March' (2006, 2017 or 2023). A warning: approval "
        "is not surrender, and the surrender is reported by KZ-REF-AS-STATUS."
    ),
    example="Extradition approved while the refugee-status claim is still being examined.",
)


def _military_class(ctx: Context, charge: Charge) -> tuple[bool, tuple[str, ...]]:
    """Whether a charge is purely military, and the readings that answer rests on."""
    category = ctx.category(charge)
    if category is OffenceCategory.MILITARY:
        return True, ()
    entry = ctx.law.offence(charge, ctx.event.date) if charge.category is None else None
    if entry is not None and CLASS_BY_READING in entry.tags:
        return ctx.reading(DRAFT_EVASION_CLASS) == "military", (DRAFT_EVASION_CLASS,)
    return False, ()


def _military(ctx: Context) -> Iterator[Hit]:
    if not _refusal_ground(ctx):
        return
    charges = request_charges(ctx)
    classed = [(c, *_military_class(ctx, c)) for c in charges]
    readings = tuple(dict.fromkeys(r for _, _, rs in classed for r in rs))
    military = [c for c, is_military, _ in classed if is_military]
    if not military:
        return
    listed = "; ".join(str(c) for c in military)
    others = [c for c, is_military, _ in classed if not is_military]
    if others:
        rest = "; ".join(str(c) for c in others)
        message = (
            f"Extradition approved on a request that includes military offences ({listed}) "
            f"alongside others ({rest}): under the rule of speciality the approval should "
            "exclude the military charges, and the record does not show that it did"
        )
    else:
        message = f"Extradition approved for purely military offences: {listed}"
    yield Hit(
        truth=Truth.TRUE,
        readings=readings,
        message=message,
        related=related(ctx.marked("extradition_request")),
    )


KZ_CPC_590_MILITARY = Rule(
    id="KZ-CPC-590-MILITARY",
    title="No extradition for purely military offences",
    citations=(
        kz_cpc("590", "https://pavlodar.com/zakon/?dok=05553&uro=080587"),
        Citation(
            instrument="European Convention on Extradition (1957), as a model",
            article="4",
            url="https://revisedacts.lawreform.ie/eli/1965/act/17/section/12/revised/en/html",
        ),
    ),
    # A model rule, not a verified Kazakh one, and an approval is not yet a
    # surrender: a warning.
    severity=Severity.WARNING,
    on=frozenset({"extradition_decided"}),
    check=_military,
    jurisdictions=KZ,
    in_force=CPC_IN_FORCE,
    readings=(DRAFT_EVASION_CLASS,),
    verified=False,
    verification=(
        "Unverified: whether CPC art 590 lists military offences was not checked; the "
        "Minsk Convention has no such exception (recalled); a bilateral treaty may have one "
        "(the 2018 Kazakhstan-Ukraine treaty does, by a report). Kazakhstan is not a party to "
        "the European Convention on Extradition, whose art 4 is the model (verified wording). "
        "A warning until art 590 is verified: a breach of a model rule is not a violation. A "
        "request mixing military and other charges is flagged too (speciality). Whether "
        f"draft evasion is military is the reading {DRAFT_EVASION_CLASS}."
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
    citations=(kz_cpc("569", "https://helpiks.su/7-60569.html", paragraph="4"),),
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
