"""The kits' one contact with how the engine is given the law.

The state machine and the history strategies build strict proceedings and run
the audit on the rulebooks and readings a user passes in. How the engine takes
them (keywords today, one ``Law`` value later) is spelt only here, as is how a
finding names its events; nothing else in the kits calls ``Proceeding(...)``,
``Proceeding.from_record`` or ``validate`` with the law.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs
from hypothesis.errors import InvalidArgument

from .._engine import Proceeding, validate
from .._errors import InvalidDefinition
from .._model import CaseRecord, Person
from .._report import Finding, Report
from .._rules import Rulebook


@attrs.frozen
class LawArgs:
    """The rulebooks and readings a machine or strategy was given; ``None`` for the defaults."""

    rulebooks: tuple[Rulebook, ...] | None = None
    readings: Mapping[str, str] | None = None

    def _kwargs(self) -> dict[str, Any]:
        return {
            "rulebooks": self.rulebooks,
            "readings": None if self.readings is None else dict(self.readings),
        }

    def proceeding(self, person: Person) -> Proceeding:
        """A strict proceeding about ``person`` on this law, with no events yet."""
        return Proceeding(person, **self._kwargs())

    def validate(self, record: CaseRecord) -> Report:
        """The audit of ``record`` on this law."""
        return validate(record, **self._kwargs())


#: The library's default rulebooks and readings.
DEFAULT_LAW = LawArgs()


def check_law(
    person: Person, rulebooks: Sequence[Rulebook] | None, readings: Mapping[str, str] | None
) -> LawArgs:
    """The law for :class:`~proceedings.Proceeding`, checked by building one now."""
    if rulebooks is not None and (
        isinstance(rulebooks, (str, Rulebook))
        or not isinstance(rulebooks, Sequence)
        or not all(isinstance(b, Rulebook) for b in rulebooks)
    ):
        raise InvalidArgument(f"rulebooks={rulebooks!r} must be a sequence of Rulebook")
    if readings is not None and not isinstance(readings, Mapping):
        raise InvalidArgument(f"readings={readings!r} must be a mapping of reading to option")
    law = LawArgs(
        rulebooks=None if rulebooks is None else tuple(rulebooks),
        readings=None if readings is None else dict(readings),
    )
    try:
        law.proceeding(person)
    except (InvalidDefinition, ValueError) as exc:
        raise InvalidArgument(f"the rulebooks and readings do not compose: {exc}") from exc
    return law


def finding_key(finding: Finding) -> tuple[str, tuple[str, ...], str, str]:
    """What the audit and the strict policy must agree on: rule, events, severity, certainty."""
    return (finding.rule_id, finding.events, finding.severity.value, finding.certainty.value)
