"""Small helpers the rulebooks share. Pure functions over a rule Context."""

from __future__ import annotations

from .._dates import DayRange, Truth
from .._model import Charge, ExtraditionRequested, Removal
from .._report import CitationRef
from .._rules import Context, Reading

#: Reading name: does a pending appeal against an asylum refusal protect?
APPEAL_SUSPENSIVE = "asylum_appeal_suspensive"

# -- readings -------------------------------------------------------------------

APPEAL_SUSPENSIVE_READING = Reading(
    name=APPEAL_SUSPENSIVE,
    question=(
        "Does a pending appeal against an asylum refusal keep the person protected "
        "against removal (in Kazakhstan, where the law does not say)?"
    ),
    options={
        "yes": (
            "An appealed refusal is not a final decision: the person stays an asylum "
            "seeker until the appeal is decided, and removal is barred."
        ),
        "no": (
            "Read literally, the Law 'On Refugees' art 1(6) ends asylum-seeker status with "
            "the administrative decision; a pending court appeal does not protect."
        ),
    },
    default="yes",
    rationale=(
        "Kazakhstan's Law 'On Refugees' art 1(6) (verified) keeps the status until the "
        "'final decision on the claim' without saying whether a court appeal counts; no "
        "provision on suspensive effect was found (legal-rules-addendum §1(c)). The default "
        "follows the activists' reading in seed 001 (Zhovtis) and CAT General Comment 4's "
        "call for a remedy with suspensive effect (recalled, not verified). Evaluate a case "
        "under 'no' to see what the literal reading leaves."
    ),
)

PROMPTNESS = "asylum_claim_promptness"

PROMPTNESS_READING = Reading(
    name=PROMPTNESS,
    question="How soon after an irregular entry must an asylum claim come to be 'without delay'?",
    options={
        "five_days": "Within 5 days, the filing period of Kazakhstan's refugee rules.",
        "same_day": "On the day of entry or the next day.",
    },
    default="five_days",
    rationale=(
        "Refugee Convention art 31(1) says 'without delay' and sets no number. Kazakhstan's "
        "rules give 5 calendar days to lodge a claim after arrival (KZ-REF-APPLY, verified); "
        "the default borrows that period as the measure of promptness."
    ),
)


#: CAT General Comment No. 4, para 4: every form of removal is "deportation".
CAT_GC4_PARA_4 = CitationRef(
    instrument="CAT General Comment No. 4 (2017)",
    paragraph="4",
    url="https://uhr.humanrights.go.kr/pub/uhrstd/322",
    text_date="2017-12-06",
)

#: States of the extradition track in which an extradition case is open.
EXTRADITION_OPEN = frozenset(
    {"wanted", "requested", "approved", "appeal_pending", "approved_final", "suspended"}
)


def pending_claim(ctx: Context) -> tuple[str, int | None] | None:
    """The asylum protection in force before the event, if any.

    Returns:
        ``(what, index of the event that started it)`` or ``None``. Under the
        reading ``asylum_appeal_suspensive=no`` a pending appeal does not count.
    """
    state = ctx.before["asylum"]
    if state == "claimed":
        return "the asylum claim", ctx.marked("asylum_claim")
    if state == "appeal_pending" and ctx.reading(APPEAL_SUSPENSIVE) == "yes":
        return (
            f"the appeal against the asylum refusal (reading {APPEAL_SUSPENSIVE}=yes)",
            ctx.marked("asylum_appeal"),
        )
    if state == "not_registered":
        return "the asylum claim, which the authorities refused to register", ctx.marked(
            "asylum_decision"
        )
    if state == "granted":
        return "the protection granted", ctx.marked("asylum_decision")
    return None


def within(elapsed: DayRange, days: int) -> Truth:
    """Whether ``elapsed`` whole days are certainly, possibly or not at most ``days``."""
    return elapsed.at_most(days)


def removal_phrase(ev: Removal, *, capital: bool = False) -> str:
    """``removed to RU by criminal expulsion``, for messages."""
    text = f"removed to {ev.destination} by {ev.channel.value.replace('_', ' ')}"
    return text[0].upper() + text[1:] if capital else text


def request_charges(ctx: Context) -> tuple[Charge, ...]:
    """The charges of the extradition request on record before this event."""
    index = ctx.marked("extradition_request")
    if index is None:
        return ()
    request = ctx.at(index)
    assert isinstance(request, ExtraditionRequested)
    return request.charges


def related(*indices: int | None) -> tuple[int, ...]:
    return tuple(i for i in indices if i is not None)
