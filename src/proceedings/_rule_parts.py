"""The values a rule is made of: what a check found, readings, time limits, parties, offences.

:mod:`proceedings._rules` builds rules, rulebooks and the law from them.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import attrs

from ._dates import Truth, UncertainDate
from ._durations import DayRange, HourRange
from ._errors import InvalidDefinition
from ._findings import Citation
from ._model import Charge, OffenceCategory
from ._statechart import JurisdictionState


@attrs.frozen(kw_only=True)
class Hit:
    """What a check found.

    Attributes:
        truth: ``TRUE`` (certainly breached), ``UNKNOWN`` (breached for some
            possible dates, not others). ``FALSE`` hits are dropped.
        message: The sentence for the finding.
        related: Indices of other events behind it (the claim still pending,
            the decision appealed against).
        anchor: For a breach that later events would repeat (a time limit
            that stays exceeded), the index of the event it is about; the
            engine then reports it once per replay, at its first sight (and
            again only if a later event makes an undetermined one certain).
        retrospective: The breach lies before this event, which only reveals
            it (a release after custody ran too long): strict mode does not
            refuse the event, audit still reports the breach.
        readings: The names of the readings of disputed law the breach rests
            on (the option in force is looked up by the engine); a finding
            that rests on a reading is ``conditional``, not ``certain``.
        counterparty: For a rule of a treaty between states (the Minsk
            Convention between the host and the requesting state), the other
            state the breach concerns: the treaty must bind it too, on the
            event's date, or the finding is dropped (or undetermined, where
            its party status is not known).
    """

    truth: Truth
    message: str
    related: tuple[int, ...] = ()
    anchor: int | None = None
    retrospective: bool = False
    readings: tuple[str, ...] = ()
    counterparty: str | None = None


@attrs.frozen(kw_only=True)
class Reading:
    """A named interpretation where the law is genuinely ambiguous.

    Attributes:
        name: Used in ``readings={name: option}``.
        question: The question it answers.
        options: Each option with what it means.
        default: The option used unless another is chosen.
        rationale: Why the default is the default, with sources.
        jurisdictions: Where the question arises (ISO 3166-1 alpha-2): the
            rules consult the reading only for events there, and elsewhere
            rely on what the record says (``None``: everywhere).
    """

    name: str
    question: str
    options: Mapping[str, str]
    default: str
    rationale: str
    jurisdictions: frozenset[str] | None = None

    def __attrs_post_init__(self) -> None:
        if self.default not in self.options:
            raise InvalidDefinition(
                f"reading {self.name!r}: default is not one of its options", ids=[self.default]
            )


@attrs.frozen(kw_only=True)
class Deadline:
    """A time limit a rule enforces, as data.

    Attributes:
        label: What must happen in time (``extradition request received``).
        start: The mark the clock starts from (``custody_start``).
        limit: The length of the limit.
        unit: ``days`` or ``hours``.
        running_while: ``{track: states}``: the clock runs only in these.
        from_served: The law counts the limit from receipt of the decision
            (``10 days from receipt of a copy``): the clock starts on the
            starting event's ``served`` date where the record gives one, and
            on its own date otherwise, which a status then says (the period
            may end later).
    """

    label: str
    start: str
    limit: int
    unit: str = "days"
    running_while: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    from_served: bool = False

    def __attrs_post_init__(self) -> None:
        if self.unit not in {"days", "hours"} or self.limit <= 0:
            raise InvalidDefinition(f"deadline {self.label!r}: bad limit or unit", ids=[self.unit])

    def in_days(self) -> int:
        """The limit in whole days (hours are rounded up to days)."""
        return self.limit if self.unit == "days" else -(-self.limit // 24)

    def runs_in(self, state: JurisdictionState) -> bool:
        return all(state[track] in states for track, states in self.running_while.items())

    def exceeded(self, elapsed: DayRange, hours: HourRange | None = None) -> Truth:
        """Whether ``elapsed`` (whole days between two dates) exceeds the limit.

        With day precision, a gap of ``d`` days is between ``24(d-1)`` and
        ``24(d+1)`` hours (exclusive), so an hour limit is certainly exceeded
        only when ``24(min-1) >= limit`` and certainly kept when
        ``24(max+1) <= limit``. Where both dates give times of day, ``hours``
        (see :meth:`Context.hours_between`) decides an hour limit exactly.
        """
        if self.unit == "days":
            return elapsed.exceeds(self.limit)
        if hours is not None:
            return hours.exceeds(self.limit)
        if 24 * (elapsed.min - 1) >= self.limit:
            return Truth.TRUE
        if 24 * (elapsed.max + 1) <= self.limit:
            return Truth.FALSE
        return Truth.UNKNOWN


@attrs.frozen(kw_only=True)
class Party:
    """When a state became (and, if it did, stopped being) party to a treaty.

    Attributes:
        treaty: Short treaty key (``cat``, ``refugee_convention``).
        state: ISO 3166-1 alpha-2.
        since: When the treaty entered into force for it.
        until: When it stopped being a party, if it did.
        verified: Whether the date was checked against a source.
        source: The source, or why it is unverified.
    """

    treaty: str
    state: str
    since: UncertainDate
    until: UncertainDate | None = None
    verified: bool = False
    source: str = ""

    def in_force_on(self, day: UncertainDate) -> Truth:
        """Whether the treaty bound the state on ``day``."""
        started = self.since.before(day) | self.since.same_day(day)
        if self.until is None:
            return started
        return started & day.before(self.until)


@attrs.frozen(kw_only=True)
class NonParty:
    """A state known not to be party to a treaty (it never ratified it).

    A state neither party nor known non-party is *unknown*: a treaty rule's
    findings there are undetermined, and say that the party table is silent.

    Attributes:
        treaty: Short treaty key.
        state: ISO 3166-1 alpha-2.
        source: Where this was read, or why it is believed.
    """

    treaty: str
    state: str
    source: str = ""


@attrs.frozen(kw_only=True)
class Offence:
    """An entry of an offence catalogue: how a charge is classed, by date.

    Attributes:
        code: The code (``RU-CC``).
        article: The article (``338``).
        part: The part, or ``None`` for the whole article.
        title: The offence in words.
        category: Military, ordinary or political.
        tags: Extra classes rules look for (``illegal_border_crossing``).
        since: In force from (``None``: before anything the library models).
        until: In force until, if repealed or replaced.
        penalty: The penalty range, in words.
        citation: Where this comes from.
        verified: Whether its text was checked.
    """

    code: str
    article: str
    title: str
    category: OffenceCategory
    citation: Citation
    verified: bool
    part: str | None = None
    tags: frozenset[str] = frozenset()
    since: datetime.date | None = None
    until: datetime.date | None = None
    penalty: str | None = None

    def matches(self, charge: Charge) -> bool:
        if charge.code != self.code or charge.article != self.article:
            return False
        return self.part is None or charge.part == self.part


__all__ = ["Deadline", "Hit", "NonParty", "Offence", "Party", "Reading"]
