"""Test-case files as data: what a ``*.test.toml`` file expects of a record, and reading one.

:mod:`proceedings.casefiles` runs them; this module only reads and checks them.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._errors import ProceedingsError
from ._findings import Certainty, Citation, Finding, Severity
from ._model import ArticleHolding, CaseRecord, Holding
from .corpus import read_record

#: How a test-case file's name ends.
SUFFIX = ".test.toml"

#: Short names of treaties, as decisions and test-case files write them,
#: with the instrument the rules cite.
INSTRUMENTS: Mapping[str, str] = {
    "ECHR": "European Convention on Human Rights",
    "ECHR-P4": "Protocol No. 4 to the European Convention on Human Rights",
    "CAT": "Convention against Torture (1984)",
    "ICCPR": "International Covenant on Civil and Political Rights",
    "ICCPR-OP1": "Optional Protocol to the International Covenant on Civil and Political Rights",
    "RC": "Convention relating to the Status of Refugees (1951)",
}

#: A test-case file larger than this is refused unread (they are a few kB).
MAX_BYTES = 1 << 20

_P4 = re.compile(r"^(\d+)\s+of\s+Protocol\s+No\.?\s*(\d+)$", re.IGNORECASE)
_ARTICLE = re.compile(r"^(\d+)(?:\s*§\s*(\d+))?")


class CaseFileError(ProceedingsError, ValueError):
    """A test-case file, or the record it names, cannot be read.

    Attributes:
        source: The file.
        problems: What is wrong, each with its place.
    """

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(f"{source}: " + "; ".join(self.problems))


# -- what a file says ----------------------------------------------------------------


def _canonical_instrument(name: str) -> str:
    return INSTRUMENTS.get(name.upper(), name).casefold()


def _split_article(instrument: str, article: str) -> tuple[str, str, str | None]:
    """``(instrument, article, paragraph)`` of ``"5 § 1 (f)"``, ``"4 of Protocol No. 4"``.

    ``"13 taken with 3"`` is article 13 (the remedy) of the instrument.
    """
    text = article.strip()
    p4 = _P4.match(text)
    if p4 is not None and _canonical_instrument(instrument) == _canonical_instrument("ECHR"):
        return _canonical_instrument(f"ECHR-P{p4[2]}"), p4[1], None
    match = _ARTICLE.match(text)
    if match is None:
        return _canonical_instrument(instrument), text.casefold(), None
    return _canonical_instrument(instrument), match[1], match[2]


def _cites(citation: Citation, instrument: str, article: str | None) -> bool:
    if article is None:
        return _canonical_instrument(citation.instrument) == _canonical_instrument(instrument)
    want, number, paragraph = _split_article(instrument, article)
    if _canonical_instrument(citation.instrument) != want or citation.article is None:
        return False
    if citation.article.strip() != number:
        return False
    return paragraph is None or citation.paragraph is None or citation.paragraph == paragraph


@attrs.frozen(kw_only=True)
class Expectation:
    """What a finding must (or must not) be; fields left out match anything.

    Attributes:
        rule: The rule id.
        instrument: The law cited (a short name of :data:`INSTRUMENTS`, or
            the instrument as the rule cites it).
        article: The article cited (``"3"``, ``"5 § 4"``); needs ``instrument``.
        event: The id of the event that triggers the finding.
        events: Ids of which at least one must be behind the finding.
        severity: The severities allowed.
        certainty: The certainty.
        accounts: The accounts under which it holds, exactly.
        state: The jurisdiction of the triggering event.
        why: The reason, in words (the law, or the body's holding).
    """

    rule: str | None = None
    instrument: str | None = None
    article: str | None = None
    event: str | None = None
    events: tuple[str, ...] = ()
    severity: tuple[Severity, ...] = ()
    certainty: Certainty | None = None
    accounts: tuple[str, ...] | None = None
    state: str | None = None
    why: str = ""

    def matches(self, finding: Finding, record: CaseRecord) -> bool:
        """Whether ``finding`` (of ``record``) is what this describes."""
        if self.rule is not None and finding.rule_id != self.rule:
            return False
        if self.instrument is not None and not any(
            _cites(c, self.instrument, self.article) for c in finding.citations
        ):
            return False
        if self.event is not None and finding.event_ids[:1] != (self.event,):
            return False
        if self.events and not set(self.events) & set(finding.event_ids):
            return False
        if self.severity and finding.severity not in self.severity:
            return False
        if self.certainty is not None and finding.certainty is not self.certainty:
            return False
        if self.accounts is not None and finding.accounts != self.accounts:
            return False
        if self.state is not None:
            trigger = finding.event_indices[0] if finding.event_indices else None
            if trigger is None or record.events[trigger].jurisdiction != self.state:
                return False
        return True

    def describe(self) -> str:
        """The expectation in words: ``R-REF-33 at removal-to-russia (conditional)``."""
        what = self.rule or ""
        if self.instrument is not None:
            law = f"{self.instrument} art {self.article}" if self.article else self.instrument
            what = f"{what} citing {law}" if what else f"a finding citing {law}"
        what = what or "a finding"
        if self.event is not None:
            what += f" at {self.event}"
        if self.events:
            what += " about " + " or ".join(self.events)
        if self.state is not None:
            what += f" in {self.state}"
        details = []
        if self.severity:
            details.append(" or ".join(s.value for s in self.severity))
        if self.certainty is not None:
            details.append(self.certainty.value)
        if self.accounts is not None:
            details.append("accounts " + (", ".join(self.accounts) or "none"))
        return what + (f" ({'; '.join(details)})" if details else "")


@attrs.frozen(kw_only=True)
class KnownMiss:
    """A holding of the body that the engine does not reproduce, and why.

    It matches the holdings with the same instrument and article (as the
    decision writes it) and, where given, the same holding (``violation``,
    ``would_violate``), state and event.
    """

    instrument: str
    article: str
    holding: Holding | None = None
    state: str | None = None
    event: str | None = None
    why: str

    def covers(self, holding: ArticleHolding) -> bool:
        if _split_article(self.instrument, self.article) != _split_article(
            holding.instrument, holding.article
        ):
            return False
        if self.holding is not None and holding.holding is not self.holding:
            return False
        if self.state is not None and holding.state != self.state:
            return False
        return self.event is None or self.event in holding.events


@attrs.frozen(kw_only=True)
class CaseFile:
    """A test-case file, read.

    Attributes:
        source: The file.
        record: The record it tests.
        expect: Findings that must appear.
        absent: Findings that must not.
        exact: Every finding must be expected.
        holdings: Expectations also come from the record's international decisions.
        known_misses: Holdings the engine is known not to reproduce.
        readings: The readings to validate under (``{name: option}``).
        rulebooks: The names of the rulebooks to apply (``None``: the defaults).
    """

    source: str
    record: CaseRecord
    expect: tuple[Expectation, ...] = ()
    absent: tuple[Expectation, ...] = ()
    exact: bool = False
    holdings: bool = False
    known_misses: tuple[KnownMiss, ...] = ()
    readings: Mapping[str, str] = attrs.field(factory=dict)
    rulebooks: tuple[str, ...] | None = None


_TOP = {"record", "exact", "holdings", "readings", "rulebooks", "expect", "absent", "known_miss"}
_EXPECT_KEYS = {
    "rule",
    "instrument",
    "article",
    "event",
    "events",
    "severity",
    "certainty",
    "accounts",
    "state",
    "why",
}
_MISS_KEYS = {"instrument", "article", "holding", "state", "event", "why"}


class _Reader:
    """Reads the TOML of a test-case file, collecting every problem with its place."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def text(self, table: Mapping[str, Any], key: str, where: str) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value:
            self.problems.append(f"{where}.{key}: expected a non-empty string")
            return None
        return value

    def texts(self, table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.problems.append(f"{where}.{key}: expected a list of strings")
            return None
        return tuple(value)

    def flag(self, table: Mapping[str, Any], key: str) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            self.problems.append(f"{key}: expected true or false")
            return False
        return value

    def keys(self, table: Mapping[str, Any], allowed: set[str], where: str) -> None:
        unknown = sorted(set(table) - allowed)
        if unknown:
            known = ", ".join(sorted(allowed))
            self.problems.append(f"{where}: unknown key(s) {', '.join(unknown)} (allowed: {known})")

    def tables(self, data: Mapping[str, Any], key: str) -> list[tuple[str, Mapping[str, Any]]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problems.append(f"{key}: expected [[{key}]] tables")
            return []
        return [(f"{key}[{i}]", table) for i, table in enumerate(value)]

    def expectation(self, where: str, table: Mapping[str, Any]) -> Expectation | None:
        self.keys(table, _EXPECT_KEYS, where)
        before = len(self.problems)
        severity: list[Severity] = []
        raw = table.get("severity")
        for value in [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []:
            try:
                severity.append(Severity(value))
            except ValueError:
                self.problems.append(
                    f"{where}.severity: {value!r} is not one of "
                    + ", ".join(s.value for s in Severity)
                )
        if raw is not None and not isinstance(raw, str | list):
            self.problems.append(f"{where}.severity: expected a string or a list of strings")
        certainty = None
        if (text := self.text(table, "certainty", where)) is not None:
            try:
                certainty = Certainty(text)
            except ValueError:
                self.problems.append(
                    f"{where}.certainty: {text!r} is not one of "
                    + ", ".join(c.value for c in Certainty)
                )
        found = Expectation(
            rule=self.text(table, "rule", where),
            instrument=self.text(table, "instrument", where),
            article=self.text(table, "article", where),
            event=self.text(table, "event", where),
            events=self.texts(table, "events", where) or (),
            severity=tuple(severity),
            certainty=certainty,
            accounts=self.texts(table, "accounts", where),
            state=self.text(table, "state", where),
            why=self.text(table, "why", where) or "",
        )
        if found.article is not None and found.instrument is None:
            self.problems.append(f"{where}: an article needs its instrument")
        return found if len(self.problems) == before else None

    def known_miss(self, where: str, table: Mapping[str, Any]) -> KnownMiss | None:
        self.keys(table, _MISS_KEYS, where)
        before = len(self.problems)
        instrument = self.text(table, "instrument", where)
        article = self.text(table, "article", where)
        why = self.text(table, "why", where)
        for key, value in (("instrument", instrument), ("article", article), ("why", why)):
            if value is None and f"{where}.{key}" not in " ".join(self.problems):
                self.problems.append(f"{where}.{key}: required")
        if len(self.problems) != before:
            return None
        assert instrument is not None
        assert article is not None
        assert why is not None
        held = self.text(table, "holding", where)
        try:
            holding = Holding(held) if held is not None else None
        except ValueError:
            self.problems.append(
                f"{where}.holding: {held!r} is not one of " + ", ".join(h.value for h in Holding)
            )
            return None
        return KnownMiss(
            instrument=instrument,
            article=article,
            holding=holding,
            state=self.text(table, "state", where),
            event=self.text(table, "event", where),
            why=why,
        )


def load_casefile(path: str | os.PathLike[str]) -> CaseFile:
    """Read a test-case file and the record it names.

    Raises:
        CaseFileError: The file or its record cannot be read, or is not valid;
            every problem is named with its place.
    """
    source = os.fspath(path)
    file = Path(path)
    try:
        with file.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise CaseFileError(source, [exc.strerror or str(exc)]) from None
    if len(data) > MAX_BYTES:
        raise CaseFileError(source, [f"larger than {MAX_BYTES} bytes; not a test-case file"])
    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise CaseFileError(source, [f"not UTF-8 at byte {exc.start}"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise CaseFileError(source, [f"not valid TOML: {exc}"]) from None
    reader = _Reader()
    reader.keys(parsed, _TOP, "the file")
    record_name = reader.text(parsed, "record", "the file")
    if record_name is None and "record" not in parsed:
        reader.problems.append("record: required (the record's file, relative to this one)")
    expect = [reader.expectation(w, t) for w, t in reader.tables(parsed, "expect")]
    absent = [reader.expectation(w, t) for w, t in reader.tables(parsed, "absent")]
    misses = [reader.known_miss(w, t) for w, t in reader.tables(parsed, "known_miss")]
    readings = parsed.get("readings", {})
    if not isinstance(readings, dict) or not all(isinstance(v, str) for v in readings.values()):
        reader.problems.append("readings: expected a table of names and options")
        readings = {}
    rulebooks = reader.texts(parsed, "rulebooks", "the file")
    exact = reader.flag(parsed, "exact")
    holdings = reader.flag(parsed, "holdings")
    if reader.problems:
        raise CaseFileError(source, reader.problems)
    assert record_name is not None
    record_path = file.parent / record_name
    try:
        raw = record_path.read_bytes()
    except OSError as exc:
        raise CaseFileError(source, [f"record: {record_path}: {exc.strerror or exc}"]) from None
    read = read_record(raw, source=str(record_path))
    if isinstance(read, list):
        raise CaseFileError(source, [f"record: {p}" for p in read])
    return CaseFile(
        source=source,
        record=read,
        expect=tuple(e for e in expect if e is not None),
        absent=tuple(e for e in absent if e is not None),
        exact=exact,
        holdings=holdings,
        known_misses=tuple(m for m in misses if m is not None),
        readings=readings,
        rulebooks=rulebooks,
    )


def find_casefiles(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The test-case files at ``paths``: files as given, directories searched (sorted)."""
    for path in paths:
        p = Path(path)
        if p.is_dir():
            yield from sorted(f for f in p.rglob(f"*{SUFFIX}") if f.is_file())
        else:
            yield p
