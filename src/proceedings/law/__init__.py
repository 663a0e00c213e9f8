"""The law as data: rulebooks, rules, readings, treaty parties, offence catalogues.

A rulebook is a value; compose several by passing them to
:func:`proceedings.validate` or :class:`proceedings.Proceeding`. To add your
own, build a :class:`Rulebook` of :class:`Rule` values whose checks are pure
functions of a :class:`Context`; no subclassing.

This is a model of the law, not legal advice. Rules whose source text has
not been checked carry ``verified=False`` and say what is unverified.
"""

import warnings
from typing import Any

from .._errors import UnknownName
from .._findings import Citation, Severity
from .._rules import (
    Check,
    Context,
    Deadline,
    Hit,
    Law,
    NonParty,
    Offence,
    Party,
    Reading,
    Rule,
    Rulebook,
)
from .cis import CIS
from .echr import ECHR_RULEBOOK as ECHR
from .eu_france import EU_FRANCE
from .international import INTERNATIONAL
from .kazakhstan import KAZAKHSTAN
from .patterns import PATTERNS
from .record import RECORD
from .russia import RUSSIA

#: The rulebooks applied unless others are passed in: the checks of the
#: record first, then the rules of law.
DEFAULT_RULEBOOKS: tuple[Rulebook, ...] = (
    RECORD,
    INTERNATIONAL,
    ECHR,
    CIS,
    KAZAKHSTAN,
    RUSSIA,
    EU_FRANCE,
    PATTERNS,
)


#: The law applied unless another is passed in: :data:`DEFAULT_RULEBOOKS`,
#: every reading at its default, unverified rules included (their findings
#: say what is unverified).
DEFAULT_LAW = Law(rulebooks=DEFAULT_RULEBOOKS)


def all_rules(rulebooks: tuple[Rulebook, ...] = DEFAULT_RULEBOOKS) -> tuple[Rule, ...]:
    """Every rule of the given rulebooks, in rulebook order."""
    return tuple(rule for book in rulebooks for rule in book.rules)


def find_rule(rule_id: str, rulebooks: tuple[Rulebook, ...] = DEFAULT_RULEBOOKS) -> Rule:
    """The rule with this id.

    Raises:
        UnknownName: No rulebook has it (``kind="rule"``; also a ``KeyError``).
    """
    for rule in all_rules(rulebooks):
        if rule.id == rule_id:
            return rule
    raise UnknownName("rule", rule_id, [r.id for r in all_rules(rulebooks)])


def __getattr__(name: str) -> Any:
    if name == "CitationRef":
        warnings.warn(
            "proceedings.law.CitationRef is deprecated; use proceedings.law.Citation",
            DeprecationWarning,
            stacklevel=2,
        )
        return Citation
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CIS",
    "DEFAULT_LAW",
    "DEFAULT_RULEBOOKS",
    "ECHR",
    "EU_FRANCE",
    "INTERNATIONAL",
    "KAZAKHSTAN",
    "PATTERNS",
    "RECORD",
    "RUSSIA",
    "Check",
    "Citation",
    "Context",
    "Deadline",
    "Hit",
    "Law",
    "NonParty",
    "Offence",
    "Party",
    "Reading",
    "Rule",
    "Rulebook",
    "Severity",
    "all_rules",
    "find_rule",
]
