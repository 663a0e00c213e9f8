"""The law as data: rulebooks, rules, readings, treaty parties, offence catalogues.

A rulebook is a value; compose several by passing them to
:func:`proceedings.validate` or :class:`proceedings.Proceeding`. To add your
own, build a :class:`Rulebook` of :class:`Rule` values whose checks are pure
functions of a :class:`Context`; no subclassing.

This is a model of the law, not legal advice. Rules whose source text has
not been checked carry ``verified=False`` and say what is unverified.
"""

from .._report import CitationRef, Severity
from .._rules import Context, Deadline, Hit, Law, Offence, Party, Reading, Rule, Rulebook
from .cis import CIS
from .eu_france import EU_FRANCE
from .international import INTERNATIONAL
from .kazakhstan import KAZAKHSTAN
from .patterns import PATTERNS
from .russia import RUSSIA

#: The rulebooks applied unless others are passed in.
DEFAULT_RULEBOOKS: tuple[Rulebook, ...] = (
    INTERNATIONAL,
    CIS,
    KAZAKHSTAN,
    RUSSIA,
    EU_FRANCE,
    PATTERNS,
)


def all_rules(rulebooks: tuple[Rulebook, ...] = DEFAULT_RULEBOOKS) -> tuple[Rule, ...]:
    """Every rule of the given rulebooks, in rulebook order."""
    return tuple(rule for book in rulebooks for rule in book.rules)


def find_rule(rule_id: str, rulebooks: tuple[Rulebook, ...] = DEFAULT_RULEBOOKS) -> Rule:
    """The rule with this id.

    Raises:
        KeyError: No rulebook has it.
    """
    for rule in all_rules(rulebooks):
        if rule.id == rule_id:
            return rule
    raise KeyError(rule_id)


__all__ = [
    "CIS",
    "DEFAULT_RULEBOOKS",
    "EU_FRANCE",
    "INTERNATIONAL",
    "KAZAKHSTAN",
    "PATTERNS",
    "RUSSIA",
    "CitationRef",
    "Context",
    "Deadline",
    "Hit",
    "Law",
    "Offence",
    "Party",
    "Reading",
    "Rule",
    "Rulebook",
    "Severity",
    "all_rules",
    "find_rule",
]
