"""What several formats share: counts and phrases, colour, wrapping, streamed JSON."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

from .._findings import Finding, Severity
from ..corpus import Outcome, Summary
from ..law import DEFAULT_LAW, Law

#: Severities from most to least serious, as shown in counts.
SEVERITIES: tuple[Severity, ...] = (Severity.VIOLATION, Severity.WARNING, Severity.NOTE)

#: What the severities and certainties mean, for a reader new to the tool.
LEGEND = (
    "violation: a breach of a binding norm · warning: a pattern a lawyer would flag · "
    "note: a gap or inconsistency in the record · conditional: holds on every possible date, "
    "under a disputed reading or an unverified text · undetermined: the possible dates, or "
    "the facts on record, do not settle it"
)


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """``{"violation": n, "warning": n, "note": n}``, every key present."""
    counts = {s.value: 0 for s in SEVERITIES}
    for f in findings:
        counts[f.severity.value] += 1
    return counts


def plural(n: int, word: str) -> str:
    """``1 violation``, ``2 violations``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def counts_phrase(counts: Mapping[str, int]) -> str:
    """``2 violations, 1 warning, 0 notes``."""
    return ", ".join(plural(counts.get(s.value, 0), s.value) for s in SEVERITIES)


def summary_text(summary: Summary) -> str:
    """The one-line summary of a run: records, events, findings, inputs not validated, time."""
    line = (
        f"{plural(summary.records, 'record')}, {plural(summary.events, 'event')}: "
        f"{counts_phrase(summary.findings)}"
    )
    if summary.not_validated:
        line += (
            f"; {plural(summary.not_validated, 'input')} not validated "
            f"({plural(len(summary.problems), 'problem')})"
        )
    elif summary.problems:
        line += f"; {plural(len(summary.problems), 'problem')}"
    if not summary.complete:
        line += "; interrupted, so incomplete"
    if summary.seconds is not None:
        line += f"; {summary.seconds:.2f} s"
    return line


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}[~?%]*$")
_TIMED = re.compile(r"^\d{4}-\d{2}-\d{2}T[0-9:]+[~?%]*$")


def when_phrase(date: str) -> str:
    """``On 2022-12-06``, ``In 2023-03``, ``Between 2022-12-01 and 2022-12-12``,
    ``At 2010-06-09T14:30``, ``On or before 2010-09-08``, ``On or after 2010-06``.
    """
    start, sep, end = date.partition("/")
    if sep and start == "..":
        return f"On or before {end}"
    if sep and end == "..":
        return f"On or after {start}"
    if sep:
        return f"Between {start} and {end}"
    if _TIMED.match(date):
        return f"At {date}"
    return f"On {date}" if _DAY.match(date) else f"In {date}"


_STYLES: dict[str, str] = {
    "violation": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "note": "\x1b[1;36m",
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "ok": "\x1b[1;32m",
}
_RESET = "\x1b[0m"


class Paint:
    """ANSI styles, or nothing when colour is off."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, style: str) -> str:
        if not self.enabled or not text:
            return text
        return f"{_STYLES[style]}{text}{_RESET}"


def wrap(text: str, width: int | None, indent: str, subsequent: str | None = None) -> list[str]:
    """Lines of at most ``width`` columns (never breaking a word, URL or path)."""
    if width is None:
        return [indent + text]
    return textwrap.wrap(
        text,
        width=max(width, len(indent) + 20),
        initial_indent=indent,
        subsequent_indent=indent if subsequent is None else subsequent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent]


# -- JSON written piece by piece ----------------------------------------------------------


def indent_json(data: Any, level: int) -> str:
    """``data`` as two-space indented JSON, its lines after the first indented by ``level``."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + " " * level)


STREAMED, LATER, LAST = "\x00streamed\x00", "\x00later\x00", "\x00last\x00"


class Frame:
    """A JSON document written piece by piece: one array streamed, the rest filled at the end.

    The document is laid out once from a skeleton in which marker strings
    (:data:`STREAMED`, :data:`LATER`, :data:`LAST`) stand for the parts not
    known yet; the text is cut at the markers. So the streamed output has
    exactly the layout of the whole document dumped at once.
    """

    def __init__(self, skeleton: Mapping[str, Any], markers: Sequence[str]) -> None:
        text = json.dumps(skeleton, ensure_ascii=False, indent=2)
        self.parts: list[str] = []
        self.levels: list[int] = []
        for marker in markers:
            before, text = text.split(json.dumps(marker), 1)
            self.parts.append(before)
            last_line = before[before.rfind("\n") + 1 :]
            self.levels.append(len(last_line) - len(last_line.lstrip(" ")))
        self.parts.append(text)
        self.first = True

    @property
    def item_level(self) -> int:
        """The indent of an element of the streamed array."""
        return self.levels[0] + 2

    def elements(self, items: Iterable[Any]) -> str:
        """Elements of the streamed array, laid out and joined (``""`` for none)."""
        level = self.item_level
        return (",\n" + " " * level).join(indent_json(item, level) for item in items)

    def start(self) -> str:
        return self.parts[0] + "["

    def add(self, elements: str) -> str:
        """The text that adds already laid-out elements to the streamed array."""
        if not elements:
            return ""
        text = ("\n" if self.first else ",\n") + " " * self.item_level + elements
        self.first = False
        return text

    def finish(self, filled: Sequence[Any]) -> str:
        """The end of the array and the document, with the later parts filled in."""
        out = ["]" if self.first else "\n" + " " * self.levels[0] + "]"]
        for text, value, level in zip(self.parts[1:], filled, self.levels[1:], strict=False):
            out.append(text + indent_json(value, level))
        out.append(self.parts[-1] + "\n")
        return "".join(out)


class Framed:
    """The shared half of a format streamed into one JSON document (see :class:`Frame`).

    A subclass lays out its skeleton (``_skeleton``), renders one outcome
    (``render``) and says what fills the document's other parts at the end
    (``_filled``); starting, writing and finishing are the same for all.
    """

    _frame: Frame

    def _skeleton(self) -> Frame:
        raise NotImplementedError

    def _filled(self, summary: Summary) -> list[Any]:
        raise NotImplementedError

    def render(self, outcome: Outcome) -> str:
        raise NotImplementedError

    def start(self, out: IO[str]) -> None:
        self._frame = self._skeleton()
        out.write(self._frame.start())

    def write(self, out: IO[str], outcome: Outcome) -> None:
        text = outcome.rendered if outcome.rendered is not None else self.render(outcome)
        out.write(self._frame.add(text))

    def finish(self, out: IO[str], summary: Summary) -> None:
        out.write(self._frame.finish(self._filled(summary)))


class LineFormat:
    """The base of the formats that write each record's text as it comes, with
    nothing before the first or after the last (JSON Lines, concise, CSV's rows).

    A subclass names itself and defines :meth:`render`; the options every
    format factory takes (``law``, ``color``, ``width``) do not change its text.
    """

    name = ""
    event_lines = True
    writes_summary = False

    def __init__(self, *, law: Law = DEFAULT_LAW, color: bool = False, width: int | None = 100):
        pass

    def render(self, outcome: Outcome) -> str:
        raise NotImplementedError

    def start(self, out: IO[str]) -> None:
        pass

    def write(self, out: IO[str], outcome: Outcome) -> None:
        out.write(outcome.rendered if outcome.rendered is not None else self.render(outcome))

    def finish(self, out: IO[str], summary: Summary) -> None:
        pass
