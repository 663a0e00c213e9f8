"""The parts of a record: the person, the sources, the charges, the accounts.

Frozen attrs classes whose fields are checked when built (see ``_fields``).
"""

from __future__ import annotations

import datetime

import attrs

from ._checks import (
    CHECK,
    COUNTRIES,
    DAY_COUNT,
    LANGUAGE,
    PERIOD,
    UNIQUE_STRINGS,
)
from ._dates import UncertainDate
from ._durations import Period, add_days, leaves_calendar
from ._fields import (
    REFERS_TO,
    _Checked,
    _ident,
    _opt_country,
    _opt_positive,
    _opt_text,
    _ref,
    _text,
)
from ._vocab import (
    Holding,
    LinkKind,
    OffenceCategory,
    PenaltyKind,
)


@attrs.frozen(kw_only=True)
class SourceRef(_Checked):
    """A pointer from an event to one of the record's sources, with a quote.

    (Before 0.2 this was ``proceedings.Citation``, a name that now means where
    a rule comes from: :class:`proceedings.Citation`.)

    Attributes:
        source: The ``id`` of a source listed in the record.
        quote: A short verbatim quote that supports the event.
        note: What the quote shows, or how a date was inferred from it.
        locator: Where in the source the quote is (``§ 12``, ``para. 4.3``, ``p. 2``).
    """

    source: str = _ident()
    quote: str | None = _opt_text()
    note: str | None = _opt_text()
    locator: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class Charge(_Checked):
    """An offence by code and article, as charged or as convicted.

    Attributes:
        code: The code, as a short id: ``RU-CC`` (Criminal Code of the Russian
            Federation), ``KZ-CC``, ``KZ-KOAP``.
        article: The article number as written (``338``, ``352.1``).
        part: The part or paragraph, as written (``3``, ``2(g)``).
        label: The offence in words (``desertion``).
        category: Military, ordinary or political; ``None`` lets the engine
            look it up in the offence catalogue.
    """

    code: str = _ident()
    article: str | None = _opt_text()
    part: str | None = _opt_text()
    label: str | None = _opt_text()
    category: OffenceCategory | None = None

    def __str__(self) -> str:
        """``RU-CC art 338 part 3 (desertion)``."""
        parts = [self.code]
        if self.article:
            parts.append(f"art {self.article}")
        if self.part:
            parts.append(f"part {self.part}")
        text = " ".join(parts)
        return f"{text} ({self.label})" if self.label else text

    def _object_problems(self) -> list[tuple[str, str]]:
        if self.article is None and self.label is None:
            return [("article", "a charge needs an article or a label")]
        return []


@attrs.frozen(kw_only=True)
class Penalty(_Checked):
    """A sentence or additional penalty.

    Attributes:
        kind: What the penalty is.
        months: Its term, where it has one.
        note: Anything else (``leave to depart on his own``).
    """

    kind: PenaltyKind
    months: float | None = _opt_positive()
    note: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class Safeguards(_Checked):
    """The procedural safeguards of a decision, a hearing or an interview.

    Each is ``True`` (there was one), ``False`` (there was none) or ``None``
    (the sources do not say).

    Attributes:
        lawyer: The person had a lawyer (or access to one).
        interpreter: The person had an interpreter where needed.
        reasons_given: The decision gave reasons.
        individual: The person's case was examined individually; ``False``
            for a collective decision (a group turned back together).
        minutes: How long the hearing or interview lasted.
        note: Anything else (``the interview lasted a few minutes``).
    """

    lawyer: bool | None = None
    interpreter: bool | None = None
    reasons_given: bool | None = None
    individual: bool | None = None
    minutes: int | None = _opt_positive()
    note: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class ArticleHolding(_Checked):
    """What an international body held on one article of a treaty.

    Attributes:
        instrument: The treaty: ``ECHR``, ``ECHR-P4`` (its Protocol No. 4),
            ``CAT``, ``ICCPR``, ``ICCPR-OP1``, or another short name.
        article: The article as the decision writes it (``3``, ``5 § 1``,
            ``13 taken with 3``).
        holding: What the body held.
        events: The record's events the holding is about (the removal, the
            detention), by id.
        state: The respondent state the holding concerns, where the decision
            has several (ISO 3166-1 alpha-2).
        note: Anything else (``by six votes to one``).
    """

    instrument: str = _text()
    article: str = _text()
    holding: Holding
    events: tuple[str, ...] = attrs.field(
        default=(), metadata={CHECK: UNIQUE_STRINGS, REFERS_TO: ()}
    )
    state: str | None = _opt_country()
    note: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class RecordLink(_Checked):
    """A link from a record to the record of a related person or of the same case.

    Attributes:
        record: The other record's ``id``.
        kind: How the two are related.
        note: Anything else (``her husband``).
    """

    record: str = _ident()
    kind: LinkKind
    note: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class PersonFacts(_Checked):
    """Facts about the person as one account gives them, where sources disagree.

    A field left out (``None`` or empty) means the account says nothing
    different from the person's main entry.

    Attributes:
        account: The account (declared in the record's ``accounts``).
        name: The name as this account gives it.
        nationalities: ISO 3166-1 alpha-2 codes, as this account gives them.
        birth_date: As this account gives it.
    """

    account: str = _ident()
    name: str | None = _opt_text()
    nationalities: tuple[str, ...] = attrs.field(default=(), metadata={CHECK: COUNTRIES})
    birth_date: UncertainDate | None = None


@attrs.frozen(kw_only=True)
class Person(_Checked):
    """The person the proceedings are about.

    Attributes:
        id: A pseudonymous id, stable across records.
        name: The name as published, if it is.
        name_is_pseudonym: The published name is itself a pseudonym (AP's
            "Sparrow"); it must stay one.
        aliases: Other spellings and names in the sources.
        nationalities: ISO 3166-1 alpha-2 codes.
        birth_date: As precise as the sources allow.
        group_size: Where the record is about a group of persons the sources
            do not tell apart (``two soldiers``), how many.
        accounts: Facts about the person that an account gives differently
            (a birth date, a nationality), one entry per account.
    """

    id: str = _ident()
    name: str | None = _opt_text()
    name_is_pseudonym: bool = False
    aliases: tuple[str, ...] = attrs.field(default=(), metadata={CHECK: UNIQUE_STRINGS})
    nationalities: tuple[str, ...] = attrs.field(default=(), metadata={CHECK: COUNTRIES})
    birth_date: UncertainDate | None = None
    group_size: int | None = _opt_positive()
    accounts: tuple[PersonFacts, ...] = ()

    def _object_problems(self) -> list[tuple[str, str]]:
        seen: dict[str, int] = {}
        problems = []
        for i, facts in enumerate(self.accounts):
            if facts.account in seen:
                problems.append(
                    (
                        f"accounts[{i}].account",
                        f"account {facts.account!r} repeats accounts[{seen[facts.account]}]",
                    )
                )
            seen.setdefault(facts.account, i)
        return problems

    def nationalities_in(self, account: str | None) -> tuple[str, ...]:
        """The person's nationalities as ``account`` gives them (the main entry by default)."""
        for facts in self.accounts:
            if facts.account == account and facts.nationalities:
                return facts.nationalities
        return self.nationalities


@attrs.frozen(kw_only=True)
class Source(_Checked):
    """A published source the record relies on.

    Attributes:
        id: Short id used by citations (``mt-2022-12``).
        publisher: The outlet or body (``The Moscow Times``).
        title: The title as published.
        date: Publication date, as precise as known.
        url: Where it can be read, if online.
        file: A local file name, where the source is kept as a file.
        language: BCP 47 language tag (``en``, ``ru``).
        author: The byline, if any.
        note: How the source was identified or dated, its reliability.
    """

    id: str = _ident()
    publisher: str = _text()
    title: str | None = _opt_text()
    date: UncertainDate | None = None
    url: str | None = _opt_text()
    file: str | None = _opt_text()
    language: str | None = attrs.field(default=None, metadata={CHECK: LANGUAGE})
    author: str | None = _opt_text()
    note: str | None = _opt_text()

    def _object_problems(self) -> list[tuple[str, str]]:
        if self.url is None and self.file is None:
            return [("url", "a source needs a url or a file")]
        return []


@attrs.frozen(kw_only=True)
class Account(_Checked):
    """A named version of events where sources conflict.

    Events without an account belong to every account; an event with one
    belongs to that account only. Validation evaluates each account.

    Attributes:
        name: Short name used by events (``lawyer``, ``prosecutor``).
        description: Whose version this is and what it says.
    """

    name: str = _ident()
    description: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class RelativeTiming(_Checked):
    """When an event happened, counted from an earlier event: in days, or as a period.

    "On the third day of detention" is ``{"event": "detention", "days": "2"}``:
    the day of the detention is day 0. "Held one year and ten months" is
    ``{"event": "detention", "period": "P1Y10M"}`` on the release: calendar
    years and months, then weeks and days (ISO 8601). Either is exact, or a
    range where the source rounds: ``"2/3"`` days, ``"P1Y10M/P1Y11M"``. The
    event's own ``date`` must allow it (the record is refused if the two
    cannot both be true), and the engine measures time limits from the
    narrower of the two.

    Attributes:
        event: The id of an earlier event of the record.
        days: Whole days after that event's day: ``"2"``, or a range ``"2/3"``
            (from 2 to 3 days); ``"0"`` is the same day.
        period: A period after that event's day, in years, months, weeks and
            days (``"P1Y10M"``, ``"P3W"``), or a range of two
            (``"P10M/P1Y"``). A record gives ``days`` or ``period``, not both
            (format 2).
    """

    event: str = _ref(optional=False)
    days: str | None = attrs.field(default=None, metadata={CHECK: DAY_COUNT})
    period: str | None = attrs.field(default=None, metadata={CHECK: PERIOD})

    def _periods(self) -> tuple[Period, Period] | None:
        if self.period is None:
            return None
        low, _, high = self.period.partition("/")
        return Period.parse(low), Period.parse(high or low)

    @property
    def bounds(self) -> tuple[int, int]:
        """``(fewest, most)`` days after the event (a period's, whatever day it starts on)."""
        periods = self._periods()
        if periods is not None:
            return periods[0].day_bounds[0], periods[1].day_bounds[1]
        low, _, high = (self.days or "0").partition("/")
        return int(low), int(high or low)

    def span(self, base: UncertainDate) -> tuple[datetime.date, datetime.date, bool]:
        """The soonest and latest days it allows after an event dated ``base``.

        Returns:
            ``(soonest, latest, past_end)``: the bounds (an open bound of
            ``base`` stays open: ``date.min`` or ``date.max``, not moved), and
            whether even the soonest day is past 9999-12-31 (both bounds then
            saturate there).
        """
        periods = self._periods()
        if periods is None:
            fewest, most = self.bounds
            return (
                add_days(base, fewest)[0],
                add_days(base, most)[1],
                leaves_calendar(base, fewest)[0],
            )
        first, last = periods
        soonest = base.earliest if base.open_start else first.after(base.earliest)
        latest = base.latest if base.open_end else last.after(base.latest)
        return soonest, latest, not base.open_start and first.leaves(base.earliest)

    def describe(self) -> str:
        """For messages: ``2 to 3 days``, ``1 day``, or the period as written (``P1Y10M``)."""
        if self.period is None:
            low, _, high = (self.days or "0").partition("/")
            if high:
                return f"{low} to {high} days"
            return "1 day" if low == "1" else f"{low} days"
        return self.period

    def _object_problems(self) -> list[tuple[str, str]]:
        if (self.days is None) == (self.period is None):
            return [("days", "give the time after the event as 'days' or as 'period', not both")]
        if self.days is not None:
            if DAY_COUNT.test(self.days) is None and self.bounds[0] > self.bounds[1]:
                return [
                    ("days", f"the range {self.days!r} runs backwards; write the fewer days first")
                ]
            return []
        if PERIOD.test(self.period) is None:
            first, last = self._periods()  # type: ignore[misc]
            # More months and more days never land sooner; otherwise the
            # lengths must not overlap (a month may be shorter than 30 days).
            growing = first.months <= last.months and first.days <= last.days
            if not growing and first.day_bounds[1] > last.day_bounds[0]:
                return [
                    (
                        "period",
                        f"the range {self.period!r} may run backwards (on some days its first "
                        "period is longer than its second); write the shorter period first, "
                        "or both in the same units",
                    )
                ]
        return []


#: Every part class of the record format, each after the parts it holds (the
#: codec builds their hooks in this order).
PARTS: tuple[type[_Checked], ...] = (
    SourceRef,
    RelativeTiming,
    Charge,
    Penalty,
    Safeguards,
    ArticleHolding,
    RecordLink,
    PersonFacts,
    Person,
    Source,
    Account,
)

__all__ = [
    "PARTS",
    "Account",
    "ArticleHolding",
    "PersonFacts",
    "RecordLink",
    "Safeguards",
    "Charge",
    "Penalty",
    "Person",
    "RelativeTiming",
    "Source",
    "SourceRef",
]
