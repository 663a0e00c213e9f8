"""The kits' one contact with how the engine is given the law.

The state machine and the history strategies build strict proceedings and run
the audit on the law a user passes in (a :class:`~proceedings.Law`, or the
deprecated ``rulebooks=`` / ``readings=``). How the engine takes it and how a
finding names its events is spelt only here.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import attrs
from hypothesis.errors import InvalidArgument

from .._engine import law_from_keywords, validate
from .._errors import InvalidDefinition
from .._findings import Finding
from .._model import CaseRecord, Person
from .._proceeding import Proceeding
from .._report import Report
from .._rules import Law, Rulebook
from ..law import DEFAULT_LAW as _DEFAULT


@attrs.frozen
class LawArgs:
    """The law a machine or strategy was given."""

    law: Law = _DEFAULT

    @property
    def readings(self) -> Mapping[str, str]:
        """The options chosen for disputed readings."""
        return self.law.readings

    def proceeding(self, person: Person) -> Proceeding:
        """A strict proceeding about ``person`` on this law, with no events yet."""
        return Proceeding(person, law=self.law)

    def validate(self, record: CaseRecord) -> Report:
        """The audit of ``record`` on this law."""
        return validate(record, law=self.law)


#: The library's default law.
DEFAULT_LAW = LawArgs()


def check_law(
    person: Person,
    law: Law | None,
    rulebooks: Sequence[Rulebook] | None,
    readings: Mapping[str, str] | None,
    *,
    where: str,
) -> LawArgs:
    """The law for :class:`~proceedings.Proceeding`, checked by building one now.

    ``rulebooks=`` and ``readings=`` are the deprecated way of giving it
    (``where`` names the function, for the warning).
    """
    if law is not None and not isinstance(law, Law):
        raise InvalidArgument(f"law={law!r} must be a proceedings.Law")
    if rulebooks is not None or readings is not None:
        if law is not None:
            raise InvalidArgument(
                f"{where}: pass either law= or the deprecated rulebooks=/readings="
            )
        if rulebooks is not None and (
            isinstance(rulebooks, (str, Rulebook))
            or not isinstance(rulebooks, Sequence)
            or not all(isinstance(b, Rulebook) for b in rulebooks)
        ):
            raise InvalidArgument(f"rulebooks={rulebooks!r} must be a sequence of Rulebook")
        if readings is not None and not isinstance(readings, Mapping):
            raise InvalidArgument(f"readings={readings!r} must be a mapping of reading to option")
        try:
            law = law_from_keywords(rulebooks, readings)
        except (InvalidDefinition, ValueError) as exc:
            raise InvalidArgument(f"the rulebooks and readings do not compose: {exc}") from exc
        warnings.warn(
            f"{where}(rulebooks=, readings=) is deprecated; pass "
            "law=proceedings.Law(rulebooks=..., readings=...)",
            DeprecationWarning,
            stacklevel=3,
        )
    chosen = LawArgs(_DEFAULT if law is None else law)
    try:
        chosen.proceeding(person)
    except (InvalidDefinition, ValueError) as exc:  # pragma: no cover - a Law is checked
        raise InvalidArgument(f"the law does not fit the person: {exc}") from exc
    return chosen


def finding_key(finding: Finding) -> tuple[str, tuple[int, ...], str, str]:
    """What the audit and the strict policy must agree on: rule, events, severity, certainty."""
    return (finding.rule_id, finding.event_indices, finding.severity.value, finding.certainty.value)
