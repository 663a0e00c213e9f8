"""Small helpers the rulebooks share. Pure functions over a rule Context."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import attrs

from .._dates import Truth
from .._durations import DayRange, days_between
from .._findings import Citation
from .._model import (
    Actor,
    AppealDecided,
    AppealFiled,
    AppealOutcome,
    Charge,
    Detention,
    Event,
    ExtraditionDecided,
    ExtraditionOutcome,
    ExtraditionRequested,
    Involvement,
    Removal,
    RemovalChannel,
    WantedListing,
)
from .._rules import Check, Context, Deadline, Hit, Reading

#: The Criminal Procedure Code of Kazakhstan, as cited by several rulebooks.
CPC = "Criminal Procedure Code of the Republic of Kazakhstan (No. 231-V, 2014)"

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
    jurisdictions=frozenset({"KZ"}),
    rationale=(
        "Kazakhstan's Law 'On Refugees' art 1(6) (verified) keeps the status until the "
        "'final decision on the claim' without saying whether a court appeal counts; no "
        "provision on suspensive effect was found. The default "
        "follows the reading of the activist Yevgeny Zhovtis in the Zhilin case ('He can't "
        "be deported until his refugee status is cleared up', The Moscow Times, 30 December "
        "2022) and CAT General Comment 4's "
        "call for a remedy with suspensive effect (recalled, not verified). Evaluate a case "
        "under 'no' to see what the literal reading leaves. The reading decides only what "
        "the record leaves open: an appeal recorded as suspensive (or not) is taken as "
        "recorded, and one whose decision suspended the refusal's execution protects "
        "under either option."
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
        "Ministry rules of 2022 give 5 calendar days to lodge a claim after arrival "
        "(KZ-REF-APPLY, known from a report of the rules, not their text); the default "
        "borrows that period as the measure of promptness."
    ),
)


DRAFT_EVASION_CLASS = "draft_evasion_class"

DRAFT_EVASION_CLASS_READING = Reading(
    name=DRAFT_EVASION_CLASS,
    question=(
        "Is evading conscription (RU CC art 328) a purely military offence, for the refusal "
        "ground on military offences?"
    ),
    options={
        "military": (
            "Substantive test: the offence exists only because of a military obligation, as "
            "for desertion (art 338) and leaving a unit (art 337), which the catalogue classes "
            "military."
        ),
        "ordinary": (
            "Formal test: a military offence is one under military law that is not an offence "
            "under ordinary criminal law; art 328 sits in the ordinary Criminal Code (as do "
            "arts 337 and 338, so the formal test would fail them too)."
        ),
    },
    default="military",
    rationale=(
        "The class is contested. The default applies to art 328 the same substantive test "
        "the catalogue applies to arts 337 and 338, so that the three are classed alike; the "
        "formal test (European Convention on Extradition art 4(1)'s wording, recalled for the "
        "UN Model Treaty) is the other option. A charge whose record states a category keeps it."
    ),
)

#: Offence tag of the catalogue entries whose class is the reading above.
CLASS_BY_READING = "class_by_reading"


#: CAT General Comment No. 4, para 4: every form of removal is "deportation".
CAT_GC4_PARA_4 = Citation(
    instrument="CAT General Comment No. 4 (2017)",
    paragraph="4",
    url=(
        "https://tbinternet.ohchr.org/_layouts/15/treatybodyexternal/Download.aspx"
        "?symbolno=CAT%2FC%2FGC%2F4&Lang=en"
    ),
    text_date="2017-12-06",
)

#: States of the extradition track in which an extradition case is open.
EXTRADITION_OPEN = frozenset(
    {"wanted", "requested", "approved", "appeal_pending", "approved_final", "suspended"}
)


@attrs.frozen
class Pending:
    """The asylum protection in force before an event.

    Attributes:
        what: It in words (``the asylum claim``), for messages.
        start: The index of the event that started it, if on record.
        truth: Whether it is in force (``UNKNOWN`` after a decision whose
            outcome the sources do not give).
        readings: The readings of disputed law it rests on: a breach that
            rests on it rests on them too (pass them on in the ``Hit``).
    """

    what: str
    start: int | None
    truth: Truth
    readings: tuple[str, ...] = ()


#: Months to bring a claim against an administrative act before the
#: administrative court (Administrative Procedural Code of 2020, art 136, by a
#: secondary account of it: not verified). Bounds the window after an asylum
#: refusal in which a removal is undetermined.
REFUSAL_CHALLENGE = 1


def _suspended_by_appeal_body(ctx: Context, appeal: str) -> int | None:
    """The decision on ``appeal`` that suspended the execution of what it appeals, if any."""
    suspending = [
        i
        for i, decided in ctx.earlier_events(AppealDecided)
        if decided.appeal == appeal and decided.outcome == AppealOutcome.SUSPENDED
    ]
    return suspending[-1] if suspending else None


def pending_claim(ctx: Context, *, window: bool = False) -> Pending | None:
    """The asylum protection in force before the event, if any.

    Under the reading ``asylum_appeal_suspensive=no`` a pending appeal does
    not count; under ``yes`` it does, and the protection says it rests on
    that reading. After a decision whose outcome the sources do not give,
    the claim may still be pending: the protection is then
    ``Truth.UNKNOWN``, and so is any breach that rests on it.

    With ``window``, a first-instance refusal not (yet) appealed counts too,
    under the reading ``yes``, up to :data:`REFUSAL_CHALLENGE` months after
    it: the person may still be within the period to challenge it. That
    period (a claim to the administrative court, Administrative Procedural
    Code art 136) is known from a secondary account only, and a pre-trial
    complaint may come first, so the protection is ``Truth.UNKNOWN``
    throughout, never certain.
    """
    if ctx.in_state("asylum", "claimed"):
        return Pending("the asylum claim", ctx.marked("asylum_claim"), Truth.TRUE)
    if ctx.in_state("asylum", "appeal_pending"):
        index = ctx.marked("asylum_appeal")
        appeal = ctx.at(index) if index is not None else None
        suspensive = appeal.suspensive if isinstance(appeal, AppealFiled) else None
        suspension = _suspended_by_appeal_body(ctx, appeal.id) if appeal is not None else None
        if suspension is not None:
            # Whatever the law says of the appeal itself, the appeal body
            # suspended the decision's execution.
            return Pending(
                "the appeal against the asylum refusal, the refusal's execution "
                f"suspended by {ctx.describe(suspension)}",
                suspension,
                Truth.TRUE,
            )
        if suspensive is True:
            return Pending(
                "the appeal against the asylum refusal, suspensive by law", index, Truth.TRUE
            )
        if suspensive is None and not ctx.reading_applies(APPEAL_SUSPENSIVE):
            return Pending(
                "the appeal against the asylum refusal (whether it suspends removal in "
                f"{ctx.event.jurisdiction} is not in the record)",
                index,
                Truth.UNKNOWN,
            )
        if suspensive is None and ctx.reading(APPEAL_SUSPENSIVE) == "yes":
            return Pending(
                f"the appeal against the asylum refusal (reading {APPEAL_SUSPENSIVE}=yes)",
                index,
                Truth.TRUE,
                (APPEAL_SUSPENSIVE,),
            )
    refusal = ctx.marked("asylum_decision")
    if (
        window
        and refusal is not None
        and ctx.in_state("asylum", "refused")
        and ctx.reading_applies(APPEAL_SUSPENSIVE)
        and ctx.reading(APPEAL_SUSPENSIVE) == "yes"
        and ctx.event.date.earliest <= add_months(ctx.at(refusal).date.latest, REFUSAL_CHALLENGE)
    ):
        return Pending(
            "the period to challenge the first-instance refusal of asylum in court (one "
            f"month by a secondary account, not verified; reading {APPEAL_SUSPENSIVE}=yes)",
            refusal,
            Truth.UNKNOWN,
            (APPEAL_SUSPENSIVE,),
        )
    if ctx.in_state("asylum", "not_registered"):
        return Pending(
            "the asylum claim, which the authorities refused to register",
            ctx.marked("asylum_decision"),
            Truth.TRUE,
        )
    if ctx.in_state("asylum", "granted"):
        return Pending("the protection granted", ctx.marked("asylum_decision"), Truth.TRUE)
    if ctx.in_state("asylum", "decided_unknown"):
        return Pending(
            "the asylum claim (decided, but the sources do not say how: it may still be open)",
            ctx.marked("asylum_claim"),
            Truth.UNKNOWN,
        )
    return None


def host_act(ev: Removal | Detention) -> tuple[Truth, str]:
    """Whether a removal or detention is shown to be the host state's own act, and why not.

    One the record does not attribute (no ``actor``) is taken as the host's,
    as records of acts of a state's authorities usually are.
    One carried out by unidentified or unknown men, private persons or
    foreign agents is the host's act only where its involvement is
    established; otherwise the host's breach is undetermined (its duty may
    instead be to protect, and to investigate).
    """
    if ev.actor in (None, Actor.HOST_AGENTS, Actor.JOINT):
        return Truth.TRUE, ""
    if ev.involvement is Involvement.ESTABLISHED:
        return Truth.TRUE, ""
    who = {
        Actor.FOREIGN_AGENTS: f"foreign agents ({ev.actor_state or 'state not recorded'})",
        Actor.UNIDENTIFIED: "unidentified men",
        Actor.PRIVATE: "private persons",
        Actor.UNKNOWN: "an actor the sources do not name",
    }[ev.actor]
    shown = {
        None: "not shown",
        Involvement.ALLEGED: "alleged, not established",
        Involvement.DENIED: "denied, not established",
        Involvement.UNKNOWN: "not known",
    }[ev.involvement]
    return Truth.UNKNOWN, (
        f"; carried out by {who}, and the host state's involvement is {shown}: its own "
        "breach only if its agents carried it out or took part"
    )


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` calendar months later (the month's last day if shorter).

    Saturates at the ends of the calendar: ``date.max`` stands for a day after
    9999-12-31 (no representable day is later than it, so a period that ends
    there has not run out on any day a record can give), and ``date.min`` for
    one before 0001-01-01 (``months`` may be negative). Callers comparing
    with a date open at the end (``9999-12/..``) must ask ``open_end`` too.
    """
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    if year > datetime.MAXYEAR:
        # Past the calendar (an open end, ``2010-06/..``): later than any day.
        return datetime.date.max
    if year < datetime.MINYEAR:
        # Before the calendar: earlier than any day (was an AssertionError).
        return datetime.date.min
    for d in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


#: Channels of removal outside any procedure: no decision, no examination, no remedy.
OUTSIDE_PROCEDURE = frozenset(
    {RemovalChannel.INFORMAL_HANDOVER, RemovalChannel.FOREIGN_FACILITY_TRANSFER}
)


def removal_by(ctx: Context, *channels: RemovalChannel) -> Removal | None:
    """The removal being checked if it went by one of ``channels``, else ``None``."""
    ev = ctx.event_as(Removal)
    return ev if ev.channel in channels else None


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


# -- periods that run from receipt of a decision -------------------------------------


def since_service(ctx: Context, decision: int) -> tuple[DayRange, str]:
    """The days from a decision's service to this event, and the decision in words.

    A period the law counts from receipt of a copy runs from the ``served``
    date where the record gives one, else (a lower bound on the time left)
    from the decision itself.
    """
    served = getattr(ctx.at(decision), "served", None)
    if served is None:
        return ctx.days_since(decision), ctx.describe(decision)
    return days_between(
        served, ctx.event.date
    ), f"{ctx.describe(decision)}, served on {served.text}"


# -- extradition decisions whose outcome the sources do not give --------------------


def extradition_outcome(decided: Event, outcome: ExtraditionOutcome) -> Truth:
    """Whether ``decided`` is an extradition decision with ``outcome`` (three-valued).

    ``UNKNOWN`` for a decision whose outcome the sources do not give: it may
    have been this one. ``FALSE`` for any other outcome, and for any other event.
    """
    if not isinstance(decided, ExtraditionDecided):
        return Truth.FALSE
    # Compared by value: a record built in Python may hold the outcome as its text.
    if decided.outcome == outcome:
        return Truth.TRUE
    return Truth.UNKNOWN if decided.outcome == ExtraditionOutcome.UNKNOWN else Truth.FALSE


def if_outcome_unknown(truth: Truth, what: str) -> str:
    """A parenthesis for a message whose finding rests on an unknown outcome (else "")."""
    if truth is not Truth.UNKNOWN:
        return ""
    return f" (if the decision {what}: the sources do not give its outcome)"


# -- custody on a foreign wanted notice (CIS Minsk/Chisinau conventions) ----------


FORTY_DAYS = Deadline(
    label="extradition request received (else release)",
    start="extradition_custody",
    limit=40,
    running_while={"extradition": ("wanted",), "custody": ("detained",)},
)


def _request_may_predate(ctx: Context, start: int) -> bool:
    """Whether a request the record gives later may have come before the custody.

    A request of uncertain date placed after the custody may in fact have
    preceded it: the custody was then not "before a request", and the limit
    does not run (not a possible violation: the rule may not apply at all).
    """
    earliest = ctx.memo(("extradition-requests-after",), lambda: _requests_after(ctx))
    later = earliest.get(start)
    return later is not None and later < ctx.at(start).date.latest


def _requests_after(ctx: Context) -> dict[int, datetime.date]:
    # For each event of the account, the earliest day any extradition request
    # listed after it may have come: one pass from the end, once per replay,
    # so that a long custody costs no rescan at every event.
    out: dict[int, datetime.date] = {}
    best: datetime.date | None = None
    for i in reversed(ctx.view):
        if best is not None:
            out[i] = best
        ev = ctx.at(i)
        if isinstance(ev, ExtraditionRequested) and (best is None or ev.date.earliest < best):
            best = ev.date.earliest
    return out


def forty_day_check(deadline: Deadline) -> Check:
    """A check that custody on a wanted notice ran past its limit with no request."""

    def check(ctx: Context) -> Iterator[Hit]:
        if not deadline.runs_in(ctx.before):
            return
        # Counted from the detention that began this spell of custody, or from
        # the first detention on the wanted notice if that came later: time at
        # liberty between two spells does not count.
        marks = [
            m for m in (ctx.marked(deadline.start), ctx.marked("custody_start")) if m is not None
        ]
        if not marks:  # pragma: no cover - the state is entered only with its mark
            return
        start = max(marks)
        if _request_may_predate(ctx, start):
            return
        # The request itself arriving is the event that ends the clock: it is
        # late if it comes after the limit.
        exceeded = ctx.exceeded(deadline, start)
        if exceeded is Truth.FALSE:
            return
        yield Hit(
            truth=exceeded,
            message=(
                f"Held on a foreign wanted notice since {ctx.describe(start)} for more than "
                f"{deadline.limit} {deadline.unit} without an extradition request on record, "
                f"and still in custody at {ctx.describe(ctx.index)}; the person must be released"
            ),
            related=(start,),
            anchor=start,
            # Only keeping the person in custody is the breach; any other event
            # (a release, an appeal, the request arriving late) only reveals it.
            retrospective=ctx.event.type not in {"detention", "detention_extended"},
            counterparty=_requesting_state(ctx),
        )

    return check


def _requesting_state(ctx: Context) -> str | None:
    """The state that wants the person: the request's, or the wanted listing's.

    A treaty between states (the Minsk Convention) binds the host towards the
    requesting state only if that state is a party too.
    """
    if isinstance(ctx.event, ExtraditionRequested):
        return ctx.event.requesting_state
    # The last listing by another state (the host's own listings are no request).
    foreign = [
        listing.jurisdiction
        for _, listing in ctx.earlier_events(WantedListing)
        if listing.jurisdiction != ctx.event.jurisdiction
    ]
    return foreign[-1] if foreign else None


# -- Kazakhstan ------------------------------------------------------------------------

#: Kazakhstan, as the jurisdictions of its rules.
KZ = frozenset({"KZ"})
