"""The parts of a record: the person, the sources, the charges, the accounts.

Frozen attrs classes whose fields are checked when built (see ``_fields``).
"""

from __future__ import annotations

import attrs

from ._checks import (
    CHECK,
    COUNTRIES,
    DAY_COUNT,
    LANGUAGE,
    UNIQUE_STRINGS,
)
from ._dates import UncertainDate
from ._fields import (
    _Checked,
    _ident,
    _opt_positive,
    _opt_text,
    _ref,
    _text,
)
from ._vocab import (
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
    """

    source: str = _ident()
    quote: str | None = _opt_text()
    note: str | None = _opt_text()


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
    """

    id: str = _ident()
    name: str | None = _opt_text()
    name_is_pseudonym: bool = False
    aliases: tuple[str, ...] = attrs.field(default=(), metadata={CHECK: UNIQUE_STRINGS})
    nationalities: tuple[str, ...] = attrs.field(default=(), metadata={CHECK: COUNTRIES})
    birth_date: UncertainDate | None = None


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
    """When an event happened, counted in whole days after an earlier event.

    "On the third day of detention" is ``{"event": "detention", "days": "2"}``:
    the day of the detention is day 0. The event's own ``date`` must allow it
    (the record is refused if the two cannot both be true), and the engine
    measures time limits from the narrower of the two.

    Attributes:
        event: The id of an earlier event of the record.
        days: Whole days after that event's day: ``"2"``, or a range ``"2/3"``
            (from 2 to 3 days); ``"0"`` is the same day.
    """

    event: str = _ref(optional=False)
    days: str = attrs.field(metadata={CHECK: DAY_COUNT})

    @property
    def bounds(self) -> tuple[int, int]:
        """``(fewest, most)`` days after the event."""
        low, _, high = self.days.partition("/")
        return int(low), int(high or low)

    def _object_problems(self) -> list[tuple[str, str]]:
        if DAY_COUNT.test(self.days) is None and self.bounds[0] > self.bounds[1]:
            return [("days", f"the range {self.days!r} runs backwards; write the fewer days first")]
        return []


__all__ = [
    "Account",
    "Charge",
    "Penalty",
    "Person",
    "RelativeTiming",
    "Source",
    "SourceRef",
]
