"""Kazakhstan's extradition procedure: detention, custody, decision, appeal, refusal grounds.

Part of the ``kazakhstan`` rulebook (:mod:`proceedings.law.kazakhstan`).
"""

from __future__ import annotations

from collections.abc import Iterator

from .._dates import Truth
from .._model import Charge, ExtraditionOutcome, OffenceCategory, RemovalChannel
from .._rules import Context, Deadline, Hit
from ._common import (
    CLASS_BY_READING,
    DRAFT_EVASION_CLASS,
    FORTY_DAYS,
    extradition_outcome,
    forty_day_check,
    if_outcome_unknown,
    pending_claim,
    related,
    removal_by,
    request_charges,
    since_service,
)
from ._data import law_data

#: The texts of the rules (``data/kazakhstan.json``); their checks are below.
_TEXT = law_data("kazakhstan")

# -- extradition ----------------------------------------------------------------------

SEVENTY_TWO_HOURS = Deadline(
    label="court order for temporary custody (else release)",
    start="wanted_detention",
    limit=72,
    unit="hours",
    running_while={"custody": ("detained",)},
)


def _seventy_two_hours(ctx: Context) -> Iterator[Hit]:
    # The mark is set by a detention on a wanted notice and cleared by any
    # later order or by the end of custody (see the custody track).
    start = ctx.marked(SEVENTY_TWO_HOURS.start)
    if start is None:
        return
    exceeded = ctx.exceeded(SEVENTY_TWO_HOURS, start)
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


KZ_CPC_587 = _TEXT.rule("KZ-CPC-587", check=_seventy_two_hours, deadline=SEVENTY_TWO_HOURS)

KZ_CPC_588 = _TEXT.rule("KZ-CPC-588", check=forty_day_check(FORTY_DAYS), deadline=FORTY_DAYS)

APPEAL_WINDOW = Deadline(
    label="appeal to the Supreme Court against the extradition decision",
    start="extradition_decision",
    limit=10,
    running_while={"extradition": ("approved",)},
    from_served=True,
)


def _surrender_before_appeal(ctx: Context) -> Iterator[Hit]:
    if removal_by(ctx, RemovalChannel.EXTRADITION) is None:
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
    elif ctx.in_state("extradition", "decided_unknown"):
        yield Hit(
            truth=Truth.UNKNOWN,
            message=(
                "Surrendered after an extradition decision whose outcome the sources do not "
                "give: a breach if it refused extradition, or if the surrender came before the "
                "appeal period (10 days from receipt of a copy) ran out"
            ),
            related=related(decision),
        )
    elif ctx.in_state("extradition", "approved"):
        if decision is None:  # pragma: no cover - the state is entered only with its mark
            return
        # The period runs from receipt of a copy: from the day the decision was
        # served where the record gives it, else from the decision itself.
        elapsed, described = since_service(ctx, decision)
        since = f"the extradition decision ({described})"
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


KZ_CPC_592 = _TEXT.rule("KZ-CPC-592", check=_surrender_before_appeal, deadline=APPEAL_WINDOW)


def _approved(ctx: Context) -> Truth:
    """Whether the event approved extradition (``UNKNOWN``: its outcome is not in the sources)."""
    return extradition_outcome(ctx.event, ExtraditionOutcome.APPROVED)


def _citizen(ctx: Context) -> Iterator[Hit]:
    approved = _approved(ctx)
    if approved is not Truth.FALSE and "KZ" in ctx.nationalities:
        yield Hit(
            truth=approved,
            message="Extradition of a citizen of Kazakhstan approved"
            + if_outcome_unknown(approved, "approved it"),
        )


KZ_CONST_11 = _TEXT.rule("KZ-CONST-11", check=_citizen)


def _asylum_ground(ctx: Context) -> Iterator[Hit]:
    approved = _approved(ctx)
    if approved is Truth.FALSE:
        return
    pending = pending_claim(ctx, window=True)
    if pending is None:
        return
    what, start, held = pending.what, pending.start, pending.truth
    yield Hit(
        truth=held & approved,
        readings=pending.readings,
        message=(
            f"Extradition approved while {what} stood; the approval is not yet a surrender, "
            "which would breach the asylum seeker's protection"
            + if_outcome_unknown(approved, "approved it")
        ),
        related=related(start),
    )


KZ_CPC_590_ASYLUM = _TEXT.rule("KZ-CPC-590-ASYLUM", check=_asylum_ground)


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
    approved = _approved(ctx)
    if approved is Truth.FALSE:
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
        truth=approved,
        readings=readings,
        message=message + if_outcome_unknown(approved, "approved it"),
        related=related(ctx.marked("extradition_request")),
    )


KZ_CPC_590_MILITARY = _TEXT.rule("KZ-CPC-590-MILITARY", check=_military)


def _persecution(ctx: Context) -> Iterator[Hit]:
    approved = _approved(ctx)
    if approved is Truth.FALSE:
        return
    political = [c for c in request_charges(ctx) if ctx.category(c) is OffenceCategory.POLITICAL]
    if political:
        listed = "; ".join(str(c) for c in political)
        yield Hit(
            truth=approved,
            message=(
                f"Extradition approved on political charges ({listed}); assistance must be "
                "refused where there are grounds to believe the aim is persecution"
                + if_outcome_unknown(approved, "approved it")
            ),
            related=related(ctx.marked("extradition_request")),
        )


KZ_CPC_569_4 = _TEXT.rule("KZ-CPC-569-4", check=_persecution)
