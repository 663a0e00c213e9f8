"""Type-checked, never run: pseudonymising a corpus and restoring it, as a user's code does."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import proceedings
from proceedings import CaseRecord
from proceedings.pseudonymise import (
    MIN_KEY_BYTES,
    Entry,
    Key,
    KeyProblem,
    Mapping,
    MappingProblem,
    NameMatcher,
    PseudonymError,
    make_key,
    marked_names,
    normalise,
    person_names,
    pseudonym,
    pseudonymise,
    restore,
)


def load_key(path: Path) -> Key | None:
    try:
        return Key.from_file(path)
    except KeyProblem as problem:
        print(problem.message)
        return None


def new_key() -> Key:
    text: str = make_key()
    assert len(bytes.fromhex(text)) >= MIN_KEY_BYTES
    return Key.from_bytes(text.encode())


def share(
    records: Sequence[CaseRecord], key: Key, names: Iterable[str], out: Path
) -> list[CaseRecord]:
    """Pseudonymise a corpus with marked names; write the mapping for the key holder."""
    marked: tuple[str, ...] = marked_names(names)
    people = [r.person for r in records]
    mapping = Mapping()
    shared: list[CaseRecord] = []
    for record in records:
        done, changes = pseudonymise(
            record, key, mapping=mapping, others=people, names=marked, keep_urls=False
        )
        paths: list[str] = [entry.json_path for entry in changes]
        assert all(isinstance(p, str) for p in paths)
        shared.append(done)
    sealed: bytes = mapping.to_bytes(key)
    out.write_bytes(sealed)
    return shared


def bring_back(
    shared: Iterable[CaseRecord], key: Key | bytes, mapping_file: Path
) -> list[CaseRecord]:
    try:
        mapping = Mapping.from_bytes(mapping_file.read_bytes(), key)
    except MappingProblem:
        return []
    return [restore(record, mapping) for record in shared]


def who(key: Key, mapping: Mapping, name: str) -> tuple[str, ...]:
    return mapping.originals(pseudonym(key, "name", name))


def names_of(record: CaseRecord) -> str:
    matcher = NameMatcher()
    matcher.add(person_names(record.person), pseudonym(b"00" * 32, "person", record.person.id))
    spans: list[tuple[int, int, str]] = matcher.spans(record.title or "")
    return matcher.replace(normalise(record.title or "")) if spans else ""


def first_change(changes: tuple[Entry, ...]) -> object:
    return changes[0].original if changes else None


def safely(record: CaseRecord, key: Key) -> CaseRecord:
    try:
        return pseudonymise(record, key, names=["Yelena Ryabinina"])[0]
    except PseudonymError:
        return proceedings.loads(proceedings.dumps(record))
