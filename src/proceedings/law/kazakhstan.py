"""Kazakhstan: extradition procedure, asylum, expulsion, and removal outside the law.

The host state of most of the bundled cases. Rules built on texts that were recalled
rather than read carry ``verified=False`` and say what is unverified; their
findings say so too (see the documentation's page on verification).
"""

from __future__ import annotations

from collections.abc import Iterator

from .._dates import Truth
from .._model import (
    AsylumDecision,
    BorderCrossing,
    EntryRefused,
    ExpulsionKind,
    ExpulsionOrdered,
    Removal,
    RemovalChannel,
)
from .._rules import Context, Deadline, Hit
from . import _kz_extradition  # noqa: F401 - binds the extradition rules of the same file
from ._common import (
    APPEAL_SUSPENSIVE_READING,
    DRAFT_EVASION_CLASS_READING,
    OUTSIDE_PROCEDURE,
    add_months,
    host_act,
    pending_claim,
    related,
    removal_by,
    removal_phrase,
    since_service,
)
from ._data import law_data

#: The texts of the rules (``data/kazakhstan.json``); their checks are below.
_TEXT = law_data("kazakhstan")

# -- asylum -------------------------------------------------------------------------


def _removal_while_asylum_seeker(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event_as(Removal)
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


KZ_REF_AS_STATUS = _TEXT.rule("KZ-REF-AS-STATUS", check=_removal_while_asylum_seeker)


def _late_decision(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event_as(AsylumDecision)
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
        truth = year
        when = (
            f"more than one year after the claim ({ctx.describe(claim)}), beyond the longest "
            "extension"
        )
    elif quarter is not Truth.FALSE:
        maybe = " (possibly more than a year)" if year is Truth.UNKNOWN else ""
        truth = quarter
        when = (
            f"more than three months after the claim ({ctx.describe(claim)}){maybe}; allowed "
            "only where extra checks were needed"
        )
    else:
        return
    yield Hit(truth=truth, message=f"Decided {when}", related=(claim,))


KZ_REF_11 = _TEXT.rule("KZ-REF-11", check=_late_decision)


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
    for i in ctx.earlier_of(BorderCrossing, EntryRefused, Removal):
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


KZ_REF_APPLY = _TEXT.rule("KZ-REF-APPLY", check=_late_claim)


# -- expulsion and informal removal --------------------------------------------------


def _verdict_not_final(ctx: Context) -> Iterator[Hit]:
    if removal_by(ctx, RemovalChannel.CRIMINAL_EXPULSION) is None:
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

KZ_GOV_175 = _TEXT.rule("KZ-GOV-175", check=_verdict_not_final)

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
    from_served=True,
)


def _expelled_before_final(ctx: Context) -> Iterator[Hit]:
    # A removal by civil expulsion is for KZ-CIVIL-EXPULSION to judge.
    if removal_by(ctx, RemovalChannel.ADMINISTRATIVE_EXPULSION, RemovalChannel.DEPORTATION) is None:
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
    # One breach, whichever way the ruling was not yet final: `when` says which.
    if ctx.in_state("expulsion", "suspended"):
        early = Truth.TRUE
        when = f"although execution of the ruling ({ctx.describe(order)}) was suspended"
    elif ctx.in_state("expulsion", "appeal_pending"):
        early = Truth.TRUE
        when = f"while the appeal against the ruling ({ctx.describe(order)}) was pending"
    elif ctx.in_state("expulsion", "ordered"):
        # Ten days from receipt of a copy, as art 829-4 counts the period it lends.
        elapsed, described = since_service(ctx, order)
        early = elapsed.at_most(EXPULSION_APPEAL.limit)
        when = (
            f"within 10 days of the ruling ({described}), before the period to "
            "appeal it could run out"
        )
    else:
        return
    if early is not Truth.FALSE:
        yield Hit(truth=early & fits, message=f"Expelled {when}", related=(order,))


KZ_KOAP_APPEAL = _TEXT.rule("KZ-KOAP-APPEAL", check=_expelled_before_final)


def _civil_before_final(ctx: Context) -> Iterator[Hit]:
    if removal_by(ctx, *_ADMIN_CHANNELS) is None:
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


KZ_CIVIL_EXPULSION = _TEXT.rule("KZ-CIVIL-EXPULSION", check=_civil_before_final)


def _handover(ctx: Context) -> Iterator[Hit]:
    ev = removal_by(ctx, *OUTSIDE_PROCEDURE)
    if ev is None:
        return
    own, why = host_act(ev)
    yield Hit(
        truth=own,
        message=(
            f"{removal_phrase(ev, capital=True)} outside the extradition procedure: no "
            "detention by a Kazakh officer under the CPC, no court-sanctioned custody, no "
            f"Prosecutor General decision, no 10-day appeal to the Supreme Court{why}"
        ),
    )


KZ_CPC_587_592 = _TEXT.rule("KZ-CPC-587-592", check=_handover)


KAZAKHSTAN = _TEXT.rulebook(
    readings=(APPEAL_SUSPENSIVE_READING, DRAFT_EVASION_CLASS_READING),
)

#: The offence catalogue's entries (``data/kazakhstan.json``).
OFFENCES = KAZAKHSTAN.offences
