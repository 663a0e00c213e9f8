"""The law's texts as data: the JSON files in ``proceedings/law/data``, read and checked.

A rule is two things: what a lawyer writes (its title, citations, severity,
where and when it applies, what is verified) and what a developer writes (its
check). The first is in a data file, one per rulebook, keyed by rule id; the
second is a Python function, bound to its text in one line::

    _TEXT = law_data("echr")
    ECHR_3_ORDER = _TEXT.rule("ECHR-3-ORDER", check=_order_to_risk)

The party table (``parties.json``) and the offence catalogues are data the
same way. Every file is checked when it is read, at import: an unknown or
missing key, a value of the wrong kind, an unknown severity, a rule in the
data that no code binds or a rule bound that the data lacks, each is an
:class:`~proceedings.InvalidDefinition` naming the file and the key.

The files are JSON, not TOML, for the start-up time: the standard library
parses the law's 100 kB of JSON in under a millisecond (in C), against about
25 ms for the same data as TOML, which the import would pay whenever there is
no place to keep a parsed copy.
"""

from __future__ import annotations

import datetime
import json
import pkgutil
from collections.abc import Iterable, Mapping
from typing import Any

from .._dates import UncertainDate
from .._errors import InvalidDefinition
from .._findings import Citation, Severity
from .._model import OffenceCategory
from .._rules import Check, Deadline, NonParty, Offence, Party, Reading, Rule, Rulebook

#: The folder of the data files, inside this package.
DATA_FOLDER = "data"

_SEVERITIES = tuple(s.value for s in Severity)
_CATEGORIES = tuple(c.value for c in OffenceCategory)

# The kinds of value, as the messages name them.
_STR = "text"
_BOOL = "true or false"
_STRS = "a list of texts"
_DATE = 'a date as text ("YYYY-MM-DD")'
_TABLE = "an object"
_TABLES = "a list of objects"
_KINDS = {
    "text": _STR,
    "flag": _BOOL,
    "texts": _STRS,
    "date": _DATE,
    "object": _TABLE,
    "objects": _TABLES,
}


def _keys(spec: str) -> dict[str, tuple[str, bool]]:
    """``{key: (kind, required)}`` from ``"title! on:texts verified:flag!"``.

    Each word is a key, ``:kind`` gives its kind of value (``text`` if none:
    one of ``text flag texts date object objects``), and ``!`` marks it required.
    """
    keys = {}
    for word in spec.split():
        name, _, kind = word.rstrip("!").partition(":")
        keys[name] = (_KINDS[kind or "text"], word.endswith("!"))
    return keys


_RULEBOOK_KEYS = _keys("name! title! description")
_RULE_KEYS = _keys(
    "title! citations:objects severity! on:texts verified:flag! verification! kind description "
    "jurisdictions:texts in_force:object treaty readings:texts example case_law:texts"
)
_CITATION_KEYS = _keys("instrument! article paragraph url text_date read_at")
_IN_FORCE_KEYS = _keys("from:date until:date")
_OFFENCE_KEYS = _keys(
    "code! article! title! category! citation:object! verified:flag! part tags:texts "
    "since:date until:date penalty"
)
_PARTY_KEYS = _keys("state! since! until verified:flag! source!")
_NON_PARTY_KEYS = _keys("treaty! state! source!")


def _kind_ok(kind: str, value: object) -> bool:
    if kind in (_STR, _DATE):
        return isinstance(value, str)
    if kind == _BOOL:
        return isinstance(value, bool)
    if kind == _STRS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == _TABLE:
        return isinstance(value, dict)
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


class _Problems:
    """Every problem of one data file, raised together (a lawyer fixes them in one go)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.found: list[tuple[str, str]] = []

    def add(self, key: str, what: str) -> None:
        self.found.append((key, what))

    def table(self, key: str, table: object, keys: Mapping[str, tuple[str, bool]]) -> bool:
        """Check an object's keys and kinds of value; whether it may be read."""
        if not isinstance(table, dict):
            self.add(key, "must be an object")
            return False
        before = len(self.found)
        for name in sorted(set(table) - set(keys)):
            self.add(f"{key}.{name}", f"unknown key (known: {', '.join(keys)})")
        for name, (kind, required) in keys.items():
            if name not in table:
                if required:
                    self.add(f"{key}.{name}", "missing")
            elif not _kind_ok(kind, table[name]):
                self.add(f"{key}.{name}", f"must be {kind}")
            elif kind == _DATE and _date(table[name]) is None:
                self.add(f"{key}.{name}", f"must be {kind}, not {table[name]!r}")
        return len(self.found) == before

    def one_of(self, key: str, value: str, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        if value not in allowed:
            self.add(key, f"{value!r} is not one of {', '.join(allowed)}")

    def raise_any(self) -> None:
        if self.found:
            raise InvalidDefinition(
                f"{self.file}: " + "; ".join(f"{key}: {what}" for key, what in self.found),
                ids=[key for key, _ in self.found],
            )


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _opt_date(table: Mapping[str, Any], key: str) -> datetime.date | None:
    return None if key not in table else _date(table[key])


def _citation(table: Mapping[str, Any]) -> Citation:
    return Citation(**table)


class LawData:
    """One data file's rulebook, rules, offences and parties, checked when read.

    Args:
        file: The file's name, for messages (``data/echr.json``).
        doc: Its parsed contents.

    Raises:
        InvalidDefinition: An object has an unknown or missing key, a value of
            the wrong kind, an unknown severity or category (all listed).
    """

    def __init__(self, file: str, doc: Mapping[str, Any]) -> None:
        self.file = file
        problems = _Problems(file)
        known = ("about", "rulebook", "rules", "offences", "parties", "non_parties")
        for name in sorted(set(doc) - set(known)):
            problems.add(name, f"unknown key (known: {', '.join(known)})")
        if not isinstance(doc.get("about", ""), str):
            problems.add("about", f"must be {_STR}")
        if "rulebook" in doc:
            problems.table("rulebook", doc["rulebook"], _RULEBOOK_KEYS)
        rules = doc.get("rules", {})
        if not isinstance(rules, dict):
            problems.add("rules", "must be an object of rules by id")
            rules = {}
        for rule_id, entry in rules.items():
            key = f"rules.{rule_id}"
            if not problems.table(key, entry, _RULE_KEYS):
                continue
            problems.one_of(f"{key}.severity", entry["severity"], _SEVERITIES)
            for i, cite in enumerate(entry.get("citations", ())):
                problems.table(f"{key}.citations[{i}]", cite, _CITATION_KEYS)
            if "in_force" in entry:
                problems.table(f"{key}.in_force", entry["in_force"], _IN_FORCE_KEYS)
        offences = doc.get("offences", [])
        for i, entry in enumerate(offences if isinstance(offences, list) else [None]):
            key = f"offences[{i}]"
            if problems.table(key, entry, _OFFENCE_KEYS):
                problems.one_of(f"{key}.category", entry["category"], _CATEGORIES)
                problems.table(f"{key}.citation", entry["citation"], _CITATION_KEYS)
        parties = doc.get("parties", {})
        for treaty, rows in (parties if isinstance(parties, dict) else {"": None}).items():
            if not isinstance(rows, list):
                problems.add(f"parties.{treaty}", "must be a list of objects")
                continue
            for i, row in enumerate(rows):
                problems.table(f"parties.{treaty}[{i}]", row, _PARTY_KEYS)
        non_parties = doc.get("non_parties", [])
        for i, row in enumerate(non_parties if isinstance(non_parties, list) else [None]):
            problems.table(f"non_parties[{i}]", row, _NON_PARTY_KEYS)
        problems.raise_any()
        self._doc = doc
        self._rules: dict[str, dict[str, Any]] = rules
        self._bound: dict[str, Rule] = {}

    def rule(
        self,
        rule_id: str,
        *,
        check: Check,
        deadline: Deadline | None = None,
        on: Iterable[str] | None = None,
    ) -> Rule:
        """The rule with this id: its text from the file, its check from the code.

        Args:
            rule_id: The rule's id, its key in the file's ``rules`` object.
            check: The pure check.
            deadline: The time limit it enforces (code, as its check reads it).
            on: The event types that trigger it, where the code computes them
                (every event type, for a check of the record); then the file
                must not give them.

        Raises:
            InvalidDefinition: The file has no such rule, or its text makes an
                invalid rule (a malformed id, an unknown trigger).
        """
        entry = self._rules.get(rule_id)
        if entry is None:
            raise InvalidDefinition(f"{self.file}: no text for the rule", ids=[f"rules.{rule_id}"])
        if rule_id in self._bound:
            raise InvalidDefinition(f"{self.file}: rule bound twice", ids=[f"rules.{rule_id}"])
        if (on is not None) == ("on" in entry):
            raise InvalidDefinition(
                f"{self.file}: give the triggers in the data or in the code, not "
                + ("both" if on is not None else "neither"),
                ids=[f"rules.{rule_id}.on"],
            )
        in_force = entry.get("in_force", {})
        jurisdictions = entry.get("jurisdictions")
        try:
            rule = Rule(
                id=rule_id,
                title=entry["title"],
                citations=tuple(_citation(c) for c in entry.get("citations", ())),
                severity=Severity(entry["severity"]),
                on=frozenset(entry["on"] if on is None else on),
                check=check,
                verified=entry["verified"],
                verification=entry["verification"],
                kind=entry.get("kind", "law"),
                description=entry.get("description", ""),
                jurisdictions=None if jurisdictions is None else frozenset(jurisdictions),
                in_force=(_opt_date(in_force, "from"), _opt_date(in_force, "until")),
                treaty=entry.get("treaty"),
                readings=tuple(entry.get("readings", ())),
                deadline=deadline,
                example=entry.get("example"),
                case_law=tuple(entry.get("case_law", ())),
            )
        except InvalidDefinition as error:
            raise InvalidDefinition(f"{self.file}: {error.message}", ids=error.ids) from None
        self._bound[rule_id] = rule
        return rule

    def rulebook(
        self,
        *,
        readings: tuple[Reading, ...] = (),
        parties: tuple[Party, ...] = (),
        non_parties: tuple[NonParty, ...] = (),
    ) -> Rulebook:
        """The rulebook: named and described by the file, its rules in the file's order.

        Every rule of the file must have been bound to its check (:meth:`rule`)
        first; the offences are the file's too.

        Raises:
            InvalidDefinition: The file has no ``rulebook`` object, or rules that
                no code bound (all named).
        """
        unbound = [f"rules.{i}" for i in self._rules if i not in self._bound]
        if unbound:
            raise InvalidDefinition(f"{self.file}: rules with no check in the code", ids=unbound)
        if "rulebook" not in self._doc:
            raise InvalidDefinition(f"{self.file}: no rulebook object", ids=["rulebook"])
        book = self._doc["rulebook"]
        return Rulebook(
            name=book["name"],
            title=book["title"],
            description=book.get("description", ""),
            rules=tuple(self._bound[i] for i in self._rules),
            readings=readings,
            parties=parties,
            non_parties=non_parties,
            offences=self.offences(),
        )

    def offences(self) -> tuple[Offence, ...]:
        """The offence catalogue's entries, in the file's order."""
        return tuple(
            Offence(
                code=e["code"],
                article=e["article"],
                title=e["title"],
                category=OffenceCategory(e["category"]),
                citation=_citation(e["citation"]),
                verified=e["verified"],
                part=e.get("part"),
                tags=frozenset(e.get("tags", ())),
                since=_opt_date(e, "since"),
                until=_opt_date(e, "until"),
                penalty=e.get("penalty"),
            )
            for e in self._doc.get("offences", ())
        )

    def parties(self, treaty: str) -> tuple[Party, ...]:
        """The parties to ``treaty``, in the file's order.

        Raises:
            InvalidDefinition: The file lists no parties to it, or a date is
                not one (naming the row).
        """
        rows = self._doc.get("parties", {}).get(treaty)
        if rows is None:
            raise InvalidDefinition(f"{self.file}: no parties listed", ids=[f"parties.{treaty}"])
        found = []
        for i, row in enumerate(rows):
            try:
                since = UncertainDate.parse(row["since"])
                until = None if "until" not in row else UncertainDate.parse(row["until"])
            except ValueError as error:
                raise InvalidDefinition(
                    f"{self.file}: {error}", ids=[f"parties.{treaty}[{i}]"]
                ) from None
            found.append(
                Party(
                    treaty=treaty,
                    state=row["state"],
                    since=since,
                    until=until,
                    verified=row["verified"],
                    source=row["source"],
                )
            )
        return tuple(found)

    def non_parties(self) -> tuple[NonParty, ...]:
        """The states the file says are not party to a treaty, in its order."""
        return tuple(NonParty(**row) for row in self._doc.get("non_parties", ()))


def parse_data(raw: bytes, file: str) -> dict[str, Any]:
    """A data file's contents (a JSON object).

    Raises:
        InvalidDefinition: It is not UTF-8 JSON, or not an object (naming the
            file, and the line and column of a syntax error).
    """
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidDefinition(f"{file}: not valid JSON ({error})", ids=[file]) from None
    if not isinstance(doc, dict):
        raise InvalidDefinition(f"{file}: must hold a JSON object", ids=[file])
    return doc


_LOADED: dict[str, LawData] = {}


def law_data(name: str) -> LawData:
    """The checked contents of ``data/<name>.json`` in this package.

    Read through the package's loader (:func:`pkgutil.get_data`), so from an
    installed wheel or a zip as well as from a checkout; read once (the
    modules that bind the rules of one rulebook share it).

    Raises:
        InvalidDefinition: The file is missing, not TOML, or malformed.
    """
    if name in _LOADED:
        return _LOADED[name]
    file = f"{DATA_FOLDER}/{name}.json"
    try:
        raw = pkgutil.get_data(__package__, file)
    except OSError:
        raw = None
    if raw is None:
        raise InvalidDefinition("the package has no such data file", ids=[file])
    data = _LOADED[name] = LawData(file, parse_data(raw, file))
    return data


__all__ = ["DATA_FOLDER", "LawData", "law_data", "parse_data"]
