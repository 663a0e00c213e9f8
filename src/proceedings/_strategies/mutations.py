"""A lawful history with one breach to come, and the rule that must refuse it.

Each breach is built by hand from the law it breaks (a removal while a claim
is pending, a surrender inside the appeal window): the lawful events that set
it up are applied to a strict proceeding after a random lawful history, and
the breaching event is not. The expected rule comes from the breach, so a test
can check that the engine refuses the event for that rule.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection, Sequence
from typing import Any

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .._dates import Truth, UncertainDate
from .._errors import RecordError, TransitionRefused
from .._model import (
    AppealFiled,
    AsylumClaim,
    AsylumDecision,
    AsylumOutcome,
    CaseRecord,
    Detention,
    DetentionExtended,
    DetentionGround,
    Event,
    ExpulsionKind,
    ExpulsionOrdered,
    ExtraditionDecided,
    ExtraditionOutcome,
    ExtraditionRequested,
    ExtraditionSuspended,
    InterimBody,
    InterimMeasureRequested,
    Person,
    Removal,
    RemovalChannel,
)
from ._law import DEFAULT_LAW
from ._validation import check_bounds, check_date, check_names, check_person, renamed
from .histories import DEFAULT_PERSON, DEFAULT_START, UN_BODIES, Scene, lawful, scene
from .oracle import EXTRADITION_APPEAL_DAYS, Protections

# -- near-lawful mutations -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Mutation:
    """A lawful record, and one event after it that a named rule must refuse.

    Attributes:
        record: A record the strict proceeding accepts.
        event: The next event, which breaches the law.
        rule_id: The rule of the default rulebooks that must refuse it (others
            may refuse it too).
        kind: Which breach it is (one of :data:`BREACHES`).
    """

    record: CaseRecord
    event: Event
    rule_id: str
    kind: str


# Each breach: the lawful events that set it up, and the breaching event.
_Builder = Callable[[st.DrawFn, Scene, datetime.date], tuple[list[Event], Event]]


def _ev(cls: type[Event], ident: str, day: datetime.date, where: str, **values: Any) -> Event:
    return cls(id=ident, date=UncertainDate.from_date(day), jurisdiction=where, **values)


def _days(day: datetime.date, n: int) -> datetime.date:
    # A breach is a gap of days (a removal 8 days into a 10-day appeal period):
    # cut at 9999-12-31 it would no longer be one, so a history too close to
    # the end of the calendar for its breach is rejected, not clamped.
    later = day.toordinal() + n
    assume(later <= datetime.date.max.toordinal())
    return datetime.date.fromordinal(later)


def _removal(scene: Scene, day: datetime.date, channel: RemovalChannel) -> Event:
    """The breaching event of most breaches: a removal to the country of origin."""
    return _ev(
        Removal, "m-removal", day, scene.jurisdiction, channel=channel, destination=scene.origin
    )


def _removal_to_origin(draw: st.DrawFn, scene: Scene, day: datetime.date) -> Event:
    return _removal(scene, day, draw(st.sampled_from(RemovalChannel)))


def _during_claim(draw: st.DrawFn, scene: Scene, day: datetime.date) -> tuple[list[Event], Event]:
    claim = _ev(AsylumClaim, "m-claim", day, scene.jurisdiction)
    later = _days(day, draw(st.integers(0, 60)))
    return [claim], _removal_to_origin(draw, scene, later)


def _during_appeal(draw: st.DrawFn, scene: Scene, day: datetime.date) -> tuple[list[Event], Event]:
    where = scene.jurisdiction
    claim = _ev(AsylumClaim, "m-claim", day, where)
    refusal = _ev(AsylumDecision, "m-refusal", _days(day, 30), where, outcome=AsylumOutcome.REFUSED)
    appeal = _ev(AppealFiled, "m-appeal", _days(day, 35), where, against="m-refusal")
    later = _days(day, 35 + draw(st.integers(0, 60)))
    return [claim, refusal, appeal], _removal_to_origin(draw, scene, later)


def _under_measure(body: InterimBody) -> _Builder:
    def build(draw: st.DrawFn, scene: Scene, day: datetime.date) -> tuple[list[Event], Event]:
        measure = _ev(InterimMeasureRequested, "m-measure", day, scene.jurisdiction, body=body)
        later = _days(day, draw(st.integers(0, 60)))
        return [measure], _removal_to_origin(draw, scene, later)

    return build


def _surrender_in_window(
    draw: st.DrawFn, scene: Scene, day: datetime.date
) -> tuple[list[Event], Event]:
    where = scene.jurisdiction
    request = _ev(ExtraditionRequested, "m-request", day, where, requesting_state=scene.origin)
    approval = _ev(
        ExtraditionDecided,
        "m-approval",
        _days(day, 1),
        where,
        outcome=ExtraditionOutcome.APPROVED,
        request="m-request",
    )
    later = _days(day, 1 + draw(st.integers(0, EXTRADITION_APPEAL_DAYS)))
    return [request, approval], _removal(scene, later, RemovalChannel.EXTRADITION)


def _handover(draw: st.DrawFn, scene: Scene, day: datetime.date) -> tuple[list[Event], Event]:
    channel = draw(
        st.sampled_from(
            [RemovalChannel.INFORMAL_HANDOVER, RemovalChannel.FOREIGN_FACILITY_TRANSFER]
        )
    )
    return [], _removal(scene, day, channel)


def _surrender_during_claim(
    draw: st.DrawFn, scene: Scene, day: datetime.date
) -> tuple[list[Event], Event]:
    # Approving extradition while the claim stands is a warning (approval is
    # not surrender); the surrender is the breach.
    where = scene.jurisdiction
    claim = _ev(AsylumClaim, "m-claim", day, where)
    approved = _days(day, draw(st.integers(0, 60)))
    approval = _ev(
        ExtraditionDecided, "m-approval", approved, where, outcome=ExtraditionOutcome.APPROVED
    )
    surrender = _days(approved, draw(st.integers(0, 60)))
    return [claim, approval], _removal(scene, surrender, RemovalChannel.EXTRADITION)


def _expelled_before_final(
    draw: st.DrawFn, scene: Scene, day: datetime.date
) -> tuple[list[Event], Event]:
    # An administrative (KoAP) ruling: a civil-procedure one is another rule's.
    order = _ev(
        ExpulsionOrdered, "m-order", day, scene.jurisdiction, kind=ExpulsionKind.ADMINISTRATIVE
    )
    channel = draw(
        st.sampled_from([RemovalChannel.ADMINISTRATIVE_EXPULSION, RemovalChannel.DEPORTATION])
    )
    return [order], _removal(scene, _days(day, draw(st.integers(0, 10))), channel)


def _civil_expelled_on_ruling_day(
    draw: st.DrawFn, scene: Scene, day: datetime.date
) -> tuple[list[Event], Event]:
    # The civil appeal period is not verified: only the day of the ruling is
    # certainly inside it.
    order = _ev(ExpulsionOrdered, "m-order", day, scene.jurisdiction, kind=ExpulsionKind.CIVIL)
    channel = draw(
        st.sampled_from(
            [
                RemovalChannel.CIVIL_EXPULSION,
                RemovalChannel.ADMINISTRATIVE_EXPULSION,
                RemovalChannel.DEPORTATION,
            ]
        )
    )
    return [order], _removal(scene, day, channel)


def _custody_past_forty_days(
    draw: st.DrawFn, scene: Scene, day: datetime.date
) -> tuple[list[Event], Event]:
    where = scene.jurisdiction
    detention = _ev(
        Detention, "m-detention", day, where, ground=DetentionGround.EXTRADITION_CUSTODY
    )
    # Keeping the person in custody past the limit is the breach (a late
    # request or a release only reveals it, and strict mode accepts those).
    extension = _ev(
        DetentionExtended,
        "m-extension",
        _days(day, draw(st.integers(41, 90))),
        where,
    )
    return [detention], extension


_CUSTODY_OR_EXTRADITION = (
    Detention,
    DetentionExtended,
    ExtraditionRequested,
    ExtraditionDecided,
    ExtraditionSuspended,
)

# (breach, rule, builder, which earlier states of the oracle rule it out)
_Needs = Callable[[Protections, Sequence[Event]], bool]
_BREACHES: tuple[tuple[str, str, _Builder, _Needs], ...] = (
    (
        "removal_during_claim",
        "KZ-REF-AS-STATUS",
        _during_claim,
        # A claim made during an appeal is no new claim (see the oracle).
        lambda o, h: o.asylum not in {"granted", "appeal_open"},
    ),
    ("removal_during_appeal", "KZ-REF-AS-STATUS", _during_appeal, lambda o, h: True),
    ("removal_under_cat_measure", "CAT-22", _under_measure(InterimBody.UN_CAT), lambda o, h: True),
    (
        "removal_under_hrc_measure",
        "ICCPR-OP1",
        _under_measure(InterimBody.UN_HRC),
        lambda o, h: True,
    ),
    (
        "surrender_in_appeal_window",
        "KZ-CPC-592",
        _surrender_in_window,
        # Approval must itself be lawful: no asylum protection in force.
        lambda o, h: o.asylum not in {"granted", "pending", "appeal"},
    ),
    ("handover", "KZ-CPC-587-592", _handover, lambda o, h: True),
    (
        "surrender_during_claim",
        "KZ-REF-AS-STATUS",
        _surrender_during_claim,
        lambda o, h: o.asylum not in {"granted", "appeal_open"},
    ),
    ("expelled_before_final", "KZ-KOAP-APPEAL", _expelled_before_final, lambda o, h: True),
    (
        "civil_expelled_on_ruling_day",
        "KZ-CIVIL-EXPULSION",
        _civil_expelled_on_ruling_day,
        lambda o, h: True,
    ),
    (
        "custody_past_forty_days",
        "KZ-CPC-588",
        _custody_past_forty_days,
        # A fresh extradition custody: no detention, no extradition case so far.
        lambda o, h: not any(isinstance(ev, _CUSTODY_OR_EXTRADITION) for ev in h),
    ),
)

#: The breaches :func:`near_lawful_mutations` makes, for its ``breaches`` argument.
BREACHES: tuple[str, ...] = tuple(name for name, *_ in _BREACHES)


@st.composite
def _mutations(
    draw: st.DrawFn,
    *,
    who: Person,
    scene: Scene,
    low: int,
    high: int,
    breaches: tuple[str, ...],
    first_day: datetime.date,
) -> Mutation:
    proc = draw(
        lawful(who=who, law=DEFAULT_LAW, scene=scene, low=low, high=high, first_day=first_day)
    )
    oracle = Protections(scene.jurisdiction)
    for ev in proc.record.events:
        oracle.update(ev)
    here = [ev for ev in proc.record.events if ev.jurisdiction == scene.jurisdiction]
    possible = [b for b in _BREACHES if b[0] in breaches and b[3](oracle, here)]
    assume(possible)
    name, rule_id, build, _ = draw(st.sampled_from(possible))
    last = max((ev.date.latest for ev in proc.record.events), default=first_day)
    setup, breach = build(draw, scene, _days(last, draw(st.integers(1, 30))))
    # The named rule must bind on the day of the breach: in a history started
    # before its law was in force (year 1, say), nothing would refuse it.
    rule = DEFAULT_LAW.law.rule(rule_id)
    assume(rule.applies(scene.jurisdiction, breach.date, DEFAULT_LAW.law) is Truth.TRUE)
    for ev in setup:
        try:
            proc.apply(ev)
        except (TransitionRefused, RecordError):
            assume(False)
    return Mutation(record=proc.record, event=breach, rule_id=rule_id, kind=name)


def near_lawful_mutations(
    *,
    min_events: int = 0,
    max_events: int = 8,
    person: Person | None = None,
    breaches: Collection[str] | None = None,
    start: datetime.date = DEFAULT_START,
    kinds: Collection[str] | None = None,
) -> st.SearchStrategy[Mutation]:
    """A lawful record in Kazakhstan, and one more event that a named rule must refuse.

    The record is drawn as by :func:`lawful_histories` (default rulebooks,
    default readings) and ends with the lawful events that set up a breach
    (an asylum claim, an extradition approval); the breaching event itself is
    not applied. The expected rule comes from the breach, not from the engine,
    so a test can check that the engine refuses the event *for that rule*.

    Args:
        min_events: The fewest random events before the set-up.
        max_events: The most random events before the set-up.
        person: Whom the record is about; must not be a citizen of Kazakhstan.
        breaches: Which breaches to make (:data:`BREACHES`; all by default).
        start: The earliest date. A breach is drawn only where its rule binds
            on its day (so none before its law was in force) and where the
            calendar leaves it room before 9999-12-31.
        kinds: The old name of ``breaches``; deprecated.

    Returns:
        A strategy for :class:`Mutation`.

    Raises:
        hypothesis.errors.InvalidArgument: At once, if an argument is malformed.
    """
    low, high = check_bounds(min_events, max_events)
    who = check_person(person, DEFAULT_PERSON)
    if "KZ" in who.nationalities:
        raise InvalidArgument("person must not be a citizen of Kazakhstan (no extradition)")
    chosen = check_names(renamed("kinds", "breaches", kinds, breaches, None), "breaches", BREACHES)
    return _mutations(
        who=who,
        scene=scene(who, "KZ", None, UN_BODIES),
        low=low,
        high=high,
        breaches=chosen,
        first_day=check_date(start, "start"),
    )
