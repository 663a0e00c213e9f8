"""The exception hierarchy: one root, a branch for definitions and one for run time.

Every error carries structured fields, so that callers never have to match on
message text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from ._findings import Finding


class ProceedingsError(Exception):
    """Root of every error this library raises on purpose."""


class InvalidDefinition(ProceedingsError, ValueError):
    """A statechart, rule or rulebook is malformed.

    Raised when the definition is built (usually at import), never during a
    replay.

    Args:
        message: What is wrong.
        ids: The identifiers (states, events, rules) at fault.
    """

    def __init__(self, message: str, *, ids: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.ids = tuple(ids)

    def __str__(self) -> str:
        if self.ids:
            return f"{self.message}: {', '.join(self.ids)}"
        return self.message


class InvalidDate(ProceedingsError, ValueError):
    """A string is not a date of the supported ISO 8601-2 / EDTF subset.

    Args:
        text: The string as given.
        reason: Why it was refused.
    """

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(text, reason)
        self.text = text
        self.reason = reason

    def __str__(self) -> str:
        return f"invalid date {self.text!r}: {self.reason}"


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input, located by a JSON path.

    Attributes:
        path: JSONPath of the offending value, e.g. ``$.events[3].date``.
        message: A sentence a person understands.
        line: Line in the source file, where known (JSON Lines, JSON syntax).
    """

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.message} @ {self.path}"


class RecordError(ProceedingsError, ValueError):
    """An input is not a valid case record; lists every problem found at once.

    Args:
        problems: Each problem with its JSON path.
        source: The file (or other origin) the record came from, if known.
    """

    def __init__(self, problems: Sequence[Problem], *, source: str | None = None) -> None:
        super().__init__(problems)
        self.problems = tuple(problems)
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        lines = [f"{where}{len(self.problems)} problem(s) in case record"]
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)


class UnknownName(ProceedingsError, ValueError, KeyError):
    """A name given by the caller is not one the library or the record knows.

    Raised for an unknown account of a record, reading, reading option,
    track, rulebook or rule, so that a caller (the command line, a web form)
    can tell which of its inputs was wrong without reading the message. It
    is a ``ValueError`` (a bad argument) and, for lookups by name, a
    ``KeyError`` too, so that code written against either keeps working.

    Args:
        kind: What was named: ``"account"``, ``"reading"``, ``"option"``,
            ``"track"``, ``"rulebook"``, ``"rule"``, ``"event"`` or
            ``"jurisdiction"``.
        name: The name as given; ``None`` when one was needed and none given.
        known: The names that would have been accepted.
        context: Where it was looked up (``record 'zhilin'``,
            ``reading 'asylum_appeal_suspensive'``), if that helps.
    """

    def __init__(
        self,
        kind: str,
        name: str | None,
        known: Sequence[str] = (),
        *,
        context: str | None = None,
    ) -> None:
        super().__init__(kind, name, tuple(known))
        self.kind = kind
        self.name = name
        self.known = tuple(known)
        self.context = context

    def __str__(self) -> str:
        known = ", ".join(self.known) or "none"
        if self.name is None:
            where = f"{self.context}: " if self.context else ""
            choose = f"; choose one of: {known}" if self.known else ""
            return f"{where}no {self.kind} given{choose}"
        where = f"{self.context} has no {self.kind}" if self.context else f"unknown {self.kind}"
        return f"{where} {self.name!r}; known: {known}"


class TransitionRefused(ProceedingsError):
    """Strict policy: an event would breach a rule, so it was not applied.

    Args:
        event_id: The id of the refused event.
        findings: The violations that bar it; each names its rule and citations.
    """

    def __init__(self, event_id: str, findings: Sequence[Finding]) -> None:
        super().__init__(event_id, findings)
        self.event_id = event_id
        self.findings = tuple(findings)

    def __str__(self) -> str:
        rules = ", ".join(sorted({f.rule_id for f in self.findings}))
        lines = [f"event {self.event_id!r} refused; barred by {rules}"]
        for f in self.findings:
            cited = "; ".join(str(c) for c in f.citations)
            lines.append(
                f"  {f.rule_id} ({cited}): {f.message}" if cited else f"  {f.rule_id}: {f.message}"
            )
        return "\n".join(lines)
