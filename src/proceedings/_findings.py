"""What a rule says about a record: severities, certainties, citations, findings.

These are plain values at the bottom of the library: the rules produce them,
the engine collects them into reports, the codec writes and reads them, and
the errors of the strict policy carry them. This module imports nothing of
the library but the spelling of JSON paths.
"""

from __future__ import annotations

import enum
import warnings
from typing import Any, ClassVar

import attrs

from ._paths import event_path


class Severity(enum.StrEnum):
    """How serious a finding is."""

    VIOLATION = "violation"
    """A breach of a binding norm."""
    WARNING = "warning"
    """A pattern a lawyer would flag, not unlawful in itself (disguised extradition)."""
    NOTE = "note"
    """Information: a data gap, an inconsistency in the record, a deadline."""


class Certainty(enum.StrEnum):
    """Whether the finding is settled: by the dates, and by the law it rests on."""

    CERTAIN = "certain"
    """It holds on every possible date, and the law it applies is settled: the
    rule's text and the treaty dates were checked, and no disputed reading is
    involved."""
    CONDITIONAL = "conditional"
    """It holds on every possible date, but only under a reading of disputed
    law (:attr:`Finding.readings`) or on a text not verified
    (:attr:`Finding.unverified`): it is as good as that reading or text."""
    UNDETERMINED = "undetermined"
    """It holds for some possible dates and not for others, or the record leaves open a
    fact it turns on (an outcome not reported, who acted); the message says which."""


@attrs.frozen(kw_only=True)
class Citation:
    """Where a rule comes from: a provision of a law or a treaty.

    (Before 0.2 this was ``CitationRef``; an event's pointer to one of the
    record's sources is :class:`~proceedings.SourceRef`.)

    Attributes:
        instrument: The law or treaty (``Criminal Procedure Code of Kazakhstan``).
        article: The article, as numbered in the instrument (``592``).
        paragraph: Part or paragraph, where relevant.
        url: The official source of the text, where one is online (the UN
            Treaty Collection, OHCHR, the Council of Europe, EUR-Lex, a
            state's official legal database); else the best copy there is.
        text_date: The date of the version of the text relied on.
        read_at: The copy the text was checked against, when it is not the
            official source at :attr:`url` (a mirror or a commercial database).
    """

    instrument: str
    article: str | None = None
    paragraph: str | None = None
    url: str | None = None
    text_date: str | None = None
    read_at: str | None = None

    def __str__(self) -> str:
        parts = [self.instrument]
        if self.article:
            parts.append(f"art {self.article}")
        if self.paragraph:
            parts.append(f"para {self.paragraph}")
        return ", ".join(parts)


def citation_dict(citation: Citation) -> dict[str, Any]:
    """A citation as JSON: its fields, in their order (in reports and in the catalogue)."""
    return attrs.asdict(citation, recurse=False)


@attrs.frozen
class Unverified:
    """One thing a finding rests on that has not been checked against its source.

    Attributes:
        kind: ``"rule"``: the rule's source text; ``"party"``: the date
            ``state`` became party to ``treaty``.
        treaty: For ``"party"``, the treaty key (``cat``).
        state: For ``"party"``, the state (ISO 3166-1 alpha-2).
    """

    RULE: ClassVar[Unverified]

    kind: str = attrs.field(validator=attrs.validators.in_(("rule", "party")))
    treaty: str | None = None
    state: str | None = None

    def __attrs_post_init__(self) -> None:
        if (self.kind == "party") != (self.treaty is not None and self.state is not None):
            raise ValueError("a 'party' gap names its treaty and state; a 'rule' gap neither")

    @classmethod
    def party(cls, treaty: str, state: str) -> Unverified:
        """The date ``state`` became party to ``treaty`` is unverified."""
        return cls("party", treaty, state)

    @property
    def key(self) -> str:
        """The JSON spelling: ``"rule"`` or ``"party:TREATY:STATE"``."""
        if self.kind == "rule":
            return "rule"
        return f"party:{self.treaty}:{self.state}"

    @classmethod
    def from_key(cls, key: str) -> Unverified:
        """The gap that :attr:`key` spells.

        Raises:
            ValueError: ``key`` is neither ``"rule"`` nor ``"party:TREATY:STATE"``.
        """
        if key == "rule":
            return cls.RULE
        kind, sep, rest = key.partition(":")
        treaty, sep2, state = rest.partition(":")
        if kind != "party" or not sep or not sep2 or not treaty or not state:
            raise ValueError(f"{key!r} is neither 'rule' nor 'party:TREATY:STATE'")
        return cls.party(treaty, state)

    def phrase(self) -> str:
        """What is unverified, as a clause for a person."""
        if self.kind == "rule":
            return "the rule's source text has not been verified"
        treaty = (self.treaty or "").replace("_", " ")
        return f"the date {self.state} became party to {treaty} has not been verified"

    def __str__(self) -> str:
        return self.key


Unverified.RULE = Unverified("rule")


@attrs.frozen(kw_only=True)
class Finding:
    """One breach, pattern or inconsistency, with everything needed to check it.

    Attributes:
        rule_id: The stable id of the rule (``KZ-CPC-592``).
        severity: Violation, warning or note.
        certainty: Certain, or undetermined because of uncertain dates.
        message: A sentence a lawyer would accept.
        event_indices: Indices in the record of the events behind it, first
            the one that triggered it (see :attr:`paths`).
        event_ids: The same events by id.
        accounts: The accounts under which it holds (empty: the record has no
            accounts, so it holds for the only version there is).
        citations: Where the rule comes from.
        unverified: What it rests on that has not been checked, if anything
            (see :attr:`verified`).
        date: The date of the triggering event, as written in the record.
        retrospective: The breach happened before the triggering event, which
            only reveals it (a release after custody ran too long); strict
            mode does not refuse such an event.
        readings: The readings of disputed law it rests on, as
            ``name=option`` (``asylum_appeal_suspensive=yes``); another
            option may make it go away.
    """

    rule_id: str
    severity: Severity
    certainty: Certainty
    message: str
    event_indices: tuple[int, ...] = ()
    event_ids: tuple[str, ...] = ()
    accounts: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    unverified: tuple[Unverified, ...] = ()
    date: str | None = None
    retrospective: bool = False
    readings: tuple[str, ...] = ()

    @property
    def verified(self) -> bool:
        """Whether everything the finding rests on has been checked."""
        return not self.unverified

    @property
    def paths(self) -> tuple[str, ...]:
        """JSON paths of the events behind it (``$.events[14]``), the trigger first."""
        return tuple(event_path(i) for i in self.event_indices)

    @property
    def events(self) -> tuple[str, ...]:
        """Deprecated alias of :attr:`paths`."""
        warnings.warn(
            "Finding.events is deprecated; use Finding.paths (or Finding.event_indices)",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.paths
