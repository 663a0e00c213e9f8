"""Keyed pseudonymisation of case records: names and ids out, findings unchanged.

A pseudonym is ``Kind-`` and the first 12 hex digits of an HMAC-SHA256, under
a key derived from the user's key, of the normalised value (Unicode NFC,
casefolded, runs of white space collapsed). The same value gets the same
pseudonym in every record and every run with the same key; another key gives
other pseudonyms, and without the key a pseudonym cannot be recomputed from a
guessed name.

What changes (see :func:`pseudonymise`): the record's id and the person's id
always; the person's names (``name``, ``aliases``, the accounts' names); every
occurrence of those names, and of their parts, in the free text of the record
(title, summary, notes, quotes, notes of events, authorities...), and of the
further names the user marks (a lawyer, a relative named in a quote); the ids of
events, sources and accounts and source files that contain such a name; and
source URLs (unless kept). What never changes: dates, countries, languages,
event types and vocabularies, numbers and flags, charges (code, article,
part) and the articles of treaties: everything the law reads, so that the
findings stay the same.

The originals of every changed field are kept in a :class:`Mapping`, which is
written encrypted (AES-GCM, with a key derived by HKDF from the user's key):
only the key holder can read it and so reverse the pseudonyms.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import json
import os
import re
import typing
from collections.abc import Callable, Iterable
from typing import Any, Literal

import attrs

from ._checks import CHECK, COUNTRIES, COUNTRY, DAY_COUNT, IDENTIFIER, LANGUAGE, PERIOD
from ._dates import UncertainDate
from ._errors import ProceedingsError
from ._event import Event
from ._events_format2 import ComplaintLodged, Other
from ._fields import REFERS_TO
from ._model import CaseRecord
from ._names import TOKEN, NameMatcher, normalise, person_names
from ._parts import (
    Account,
    ArticleHolding,
    Charge,
    Person,
    PersonFacts,
    RecordLink,
    Source,
    SourceRef,
)

#: The fewest bytes a key must hold (256 bits, the size of the HMAC-SHA256 key).
MIN_KEY_BYTES = 32

#: How many hex digits of the HMAC a pseudonym shows: 48 bits, so that two of a
#: million distinct values share a pseudonym with a probability of about 0.2%.
HEX_DIGITS = 12

_SALT = b"proceedings.pseudonymise"
_MAGIC = b"proceedings-pseudonym-mapping 1\n"
_NONCE_BYTES = 12
MAKE_A_KEY = 'python -c "import secrets; print(secrets.token_hex(32))" > pseudonym.key'


class PseudonymError(ProceedingsError, ValueError):
    """Pseudonymisation or its reversal cannot be done; ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class KeyProblem(PseudonymError):
    """A key is missing, too short or not random enough."""


class MappingProblem(PseudonymError):
    """A mapping cannot be read with this key, or does not fit the record."""


# -- keys ---------------------------------------------------------------------------------


def _hkdf(secret: bytes, info: bytes, length: int = 32) -> bytes:
    """HKDF-SHA256 (RFC 5869): a subkey for one purpose, independent of the others."""
    prk = hmac.new(_SALT, secret, hashlib.sha256).digest()
    out = b""
    block = b""
    counter = 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


def _key_bytes(raw: bytes) -> bytes:
    """The key a key file holds: hex, base64, or the raw bytes."""
    text = raw.strip()
    if not text:
        return b""
    if re.fullmatch(rb"[0-9a-fA-F]+", text) and len(text) % 2 == 0:
        return binascii.unhexlify(text)
    if re.fullmatch(rb"[A-Za-z0-9+/_-]+={0,2}", text) and len(text) >= 43:
        try:
            return base64.urlsafe_b64decode(text.replace(b"+", b"-").replace(b"/", b"_"))
        except (binascii.Error, ValueError):
            pass
    if raw.isascii() and all(32 <= b < 127 or b in b"\t\r\n" for b in raw):
        # Printable text that is neither hex nor base64: a passphrase, whose
        # bytes hold far less than 8 bits of chance each.
        raise KeyProblem(
            "the key is text, not a random key (hex or base64); make one with: " + MAKE_A_KEY
        )
    return raw


@attrs.frozen(repr=False)
class Key:
    """A pseudonymisation key, and the two subkeys derived from it by HKDF.

    One subkey makes the pseudonyms (HMAC-SHA256), the other encrypts the
    mapping (AES-GCM): a pseudonym reveals nothing about the mapping's key.
    Build one with :meth:`from_bytes` or :meth:`from_file`; its ``repr``
    never shows the secret.
    """

    _naming: bytes = attrs.field(alias="naming")
    _sealing: bytes = attrs.field(alias="sealing")
    fingerprint: str = attrs.field()

    @classmethod
    def from_bytes(cls, raw: bytes) -> Key:
        """The key held by ``raw``: hex or base64 text, or raw bytes.

        Raises:
            KeyProblem: It holds fewer than :data:`MIN_KEY_BYTES` bytes, is a
                passphrase rather than random bytes, or repeats few values.
        """
        secret = _key_bytes(raw)
        if len(secret) < MIN_KEY_BYTES:
            raise KeyProblem(
                f"the key holds {len(secret)} bytes; it needs {MIN_KEY_BYTES} random bytes at "
                "least (64 hex digits); make one with: " + MAKE_A_KEY
            )
        if len(set(secret)) < 8:
            raise KeyProblem(
                "the key repeats a few byte values: it is not random; make one with: " + MAKE_A_KEY
            )
        fingerprint = _hkdf(secret, b"fingerprint", 4).hex()
        return cls(
            naming=_hkdf(secret, b"pseudonyms"),
            sealing=_hkdf(secret, b"mapping"),
            fingerprint=fingerprint,
        )

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Key:
        """The key in a file (see :meth:`from_bytes`).

        Raises:
            KeyProblem: The file cannot be read, or the key in it is refused.
        """
        try:
            with open(path, "rb") as fh:
                raw = fh.read(1 << 16)
        except OSError as exc:
            raise KeyProblem(
                f"cannot read the key file {os.fspath(path)}: {exc.strerror or exc}"
            ) from None
        try:
            return cls.from_bytes(raw)
        except KeyProblem as exc:
            raise KeyProblem(f"{os.fspath(path)}: {exc.message}") from None

    def __repr__(self) -> str:
        return f"Key(fingerprint={self.fingerprint!r})"

    def pseudonym(self, kind: str, value: str) -> str:
        """The pseudonym of ``value`` as a ``kind`` (``person``, ``record``...)."""
        digest = hmac.new(self._naming, f"{kind}\0{normalise(value)}".encode(), hashlib.sha256)
        return f"{kind.capitalize()}-{digest.hexdigest()[:HEX_DIGITS]}"

    def _aead(self) -> Any:
        return require_encryption()(self._sealing)


def require_encryption() -> Any:
    """The AES-GCM class of ``cryptography``, which encrypts mappings.

    Raises:
        MappingProblem: The ``cryptography`` package is not installed.
    """
    try:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415
    except ImportError:
        raise MappingProblem(
            "the mapping is encrypted with the 'cryptography' package, which is not "
            "installed; install it with: pip install 'proceedings[privacy]'"
        ) from None
    return AESGCM


def make_key() -> str:
    """A new random key, as 64 hex digits (write it to a file and keep it safe)."""
    return os.urandom(MIN_KEY_BYTES).hex()


def pseudonym(key: Key | bytes, kind: str, value: str) -> str:
    """The pseudonym of ``value`` as a ``kind`` under ``key`` (see :meth:`Key.pseudonym`)."""
    return _key(key).pseudonym(kind, value)


def _key(key: Key | bytes) -> Key:
    return key if isinstance(key, Key) else Key.from_bytes(key)


# -- what each field is -----------------------------------------------------------------

Role = Literal[
    "keep",
    "text",
    "name",
    "drop",
    "person",
    "record",
    "event",
    "source",
    "account",
    "file",
    "id",
    "url",
]

#: Fields read by the law or that name legal texts: never changed.
_LEGAL: dict[type, frozenset[str]] = {
    Charge: frozenset({"code", "article", "part"}),
    ArticleHolding: frozenset({"instrument", "article"}),
    ComplaintLodged: frozenset({"articles"}),
    Other: frozenset({"kind"}),
}
_KEPT_CHECKS = (COUNTRY, COUNTRIES, LANGUAGE, DAY_COUNT, PERIOD)
_ROLES: dict[tuple[type, str], Role] = {
    (CaseRecord, "id"): "record",
    (RecordLink, "record"): "record",
    (Person, "id"): "person",
    (Person, "name"): "name",
    (Person, "aliases"): "drop",
    (PersonFacts, "name"): "name",
    (PersonFacts, "account"): "account",
    (Account, "name"): "account",
    (Source, "id"): "source",
    (SourceRef, "source"): "source",
    (Source, "url"): "url",
    (Source, "file"): "file",
}


@functools.cache
def _role(cls: type, name: str) -> Role:
    """What a field of a record class holds, for pseudonymisation."""
    field = attrs.fields_dict(cls)[name]
    for klass in cls.__mro__:
        if (klass, name) in _ROLES:
            return _ROLES[(klass, name)]
        if name in _LEGAL.get(klass, ()):
            return "keep"
    if field.metadata.get(CHECK) in _KEPT_CHECKS:
        return "keep"
    if REFERS_TO in field.metadata or (issubclass(cls, Event) and name == "id"):
        return "event"
    if issubclass(cls, Event) and name == "account":
        return "account"
    if field.metadata.get(CHECK) is IDENTIFIER:
        return "id"
    return "text"


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


Path = tuple[str | int, ...]
Leaf = Callable[[Role, Path, Any], Any]


def _walk(obj: Any, path: Path, leaf: Leaf) -> Any:
    """``obj`` rebuilt with each string field (or tuple of strings) passed through ``leaf``."""
    cls: type = type(obj)
    changes: dict[str, Any] = {}
    for field in attrs.fields(cls):
        value = getattr(obj, field.name)
        where = (*path, field.name)
        if isinstance(value, UncertainDate) or (value is None and _role(cls, field.name) == "keep"):
            continue
        if attrs.has(type(value)):
            new = _walk(value, where, leaf)
        elif isinstance(value, tuple) and value and attrs.has(type(value[0])):
            new = tuple(_walk(v, (*where, i), leaf) for i, v in enumerate(value))
        elif _strings(cls, field.name):
            new = leaf(_role(cls, field.name), where, value)
        else:
            continue
        if new != value:
            changes[field.name] = new
    return attrs.evolve(obj, **changes) if changes else obj


@functools.cache
def _strings(cls: type, name: str) -> bool:
    """Whether a field holds a string, or a tuple of strings (None allowed)."""
    hint = _hints(cls)[name]
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if hint is str or args == [str]:
        return True
    return typing.get_origin(hint) is tuple and typing.get_args(hint) == (str, ...)


# -- pseudonymising -----------------------------------------------------------------------


@attrs.frozen
class Entry:
    """One field a pseudonymisation changed, to restore it.

    Attributes:
        path: The attribute names and indices from the record to the field.
        value: What the field holds now (a string, a tuple of strings, or ``None``).
        original: What it held.
    """

    path: Path
    value: Any
    original: Any

    @property
    def json_path(self) -> str:
        """The path as JSON path of the attributes (``$.events[3].note``)."""
        out = "$"
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else f".{part}"
        return out


def pseudonymise(
    record: CaseRecord,
    key: Key | bytes,
    *,
    mapping: Mapping | None = None,
    others: Iterable[Person] = (),
    names: Iterable[str] = (),
    keep_urls: bool = False,
) -> tuple[CaseRecord, tuple[Entry, ...]]:
    """The record with names and identifying ids replaced by keyed pseudonyms.

    The record's id becomes ``Record-…`` and the person's id ``Person-…``
    (an HMAC of the ids, so the same person, and a link to a record, get
    the same pseudonym in every record). The person's name becomes that
    pseudonym; the aliases are left out (kept in the mapping). Every
    occurrence of the person's names, and of the names of ``others`` (the
    persons of the other records of a corpus, so that a record that names
    another person is covered too), in the free text becomes the pseudonym
    of the person named (see :class:`NameMatcher`). An id of an event, a
    source or an account, and a source's file name, that contains a known
    name is replaced as a whole (``Event-…``), its references with it. A
    source's URL becomes ``Url-…`` unless ``keep_urls``.

    ``names`` marks further names to replace wherever they occur in the free
    text: relatives, lawyers, officials, witnesses, named in quotes and notes
    but in no name field. Each becomes its own pseudonym, ``Name-…`` (an
    HMAC of the name as written, normalised), the same in every record; its
    parts and declined forms are found as for a person's name. Where a word
    alone belongs both to a marked name and to a person's name, it is taken
    for the person.

    Dates, countries, vocabularies, numbers, charges and treaty articles are
    never changed, so :func:`proceedings.validate` gives the same findings
    (their messages may differ where they quote a changed text or id).

    Args:
        record: The record.
        key: The key (a :class:`Key`, or the bytes of a key file).
        mapping: Where to add the changes, to reverse them later.
        others: Persons of other records whose names to replace too.
        names: Further names to replace in the free text, each with its own
            pseudonym (see :func:`marked_names` to check them first).
        keep_urls: Keep source URLs as they are (they often name the person).

    Returns:
        The pseudonymised record, and the changes made (each with its original).

    Raises:
        KeyProblem: ``key`` is bytes that hold no acceptable key.
        PseudonymError: A name of ``names`` holds no letter, so it could never
            be found (see :func:`marked_names`).
    """
    k = _key(key)
    marked_matcher, marked = _marked(k, marked_names(names))
    # The marked names come first: the persons added after them win the words
    # they share.
    matcher = marked_matcher._copy()
    for person in others:
        matcher.add(person_names(person), k.pseudonym("person", person.id))
    own = k.pseudonym("person", record.person.id)
    matcher.add(person_names(record.person), own)
    entries: list[Entry] = []

    def leaf(role: Role, path: Path, value: Any) -> Any:
        new = _pseudonymise_value(role, value, k, matcher, own, keep_urls)
        if new != value:
            entries.append(Entry(path, new, value))
        return new

    result: CaseRecord = _walk(record, (), leaf)
    if mapping is not None:
        pairs = [(own, n) for n in person_names(record.person)]
        if marked:
            # Only the marked names this record held: the table then says who
            # a Name-… of this output stands for, and lists no one else.
            used = {p for e in entries for p in _PSEUDONYM.findall(_text_of(e.value))}
            pairs += [(p, n) for n, p in marked if p in used]
        mapping.add(result.id, entries, pairs)
    return result, tuple(entries)


@functools.lru_cache(maxsize=4)
def _marked(key: Key, names: tuple[str, ...]) -> tuple[NameMatcher, tuple[tuple[str, str], ...]]:
    """A matcher of the marked names, and each with its pseudonym.

    Built once per key and list of names (a corpus is pseudonymised record by
    record with the same ones): for a thousand names this is most of the time
    a record takes. Callers copy the matcher before adding to it.
    """
    matcher = NameMatcher()
    marked = tuple((name, key.pseudonym("name", name)) for name in names)
    for name, replacement in marked:
        matcher.add([name], replacement)
    return matcher, marked


def _text_of(value: Any) -> str:
    return "\n".join(value) if isinstance(value, tuple) else value or ""


def marked_names(names: Iterable[str]) -> tuple[str, ...]:
    """The names marked for replacement, stripped, blank ones and repeats left out.

    A name is repeated when its normalised form is (``Ryabinina`` and
    ``RYABININA``): it has one pseudonym.

    Raises:
        PseudonymError: A name is not a string, or holds no letter: the
            matcher finds names as words of letters, so ``12345`` would never
            be replaced, and is refused rather than left in silence.
    """
    seen: dict[str, str] = {}
    for name in names:
        if not isinstance(name, str):
            raise PseudonymError(f"a name to replace must be a string, not {name!r}")
        text = name.strip()
        if not text:
            continue
        if not TOKEN.search(text):
            raise PseudonymError(
                f"the name {text!r} holds no letter: only words of letters are found in text"
            )
        seen.setdefault(normalise(text), text)
    return tuple(seen.values())


def _pseudonymise_value(
    role: Role, value: Any, key: Key, matcher: NameMatcher, own: str, keep_urls: bool
) -> Any:
    if isinstance(value, tuple):
        if role == "drop":
            return ()
        return tuple(_pseudonymise_value(role, v, key, matcher, own, keep_urls) for v in value)
    if value is None or role == "keep" or (role == "url" and keep_urls):
        return value
    if role == "text":
        return matcher.replace(value)
    if role == "name":
        return own
    if role in ("record", "person", "url"):
        return key.pseudonym(role, value)
    # An id or a file name: replaced as a whole where it contains a name.
    return key.pseudonym(role, value) if matcher.spans(value) else value


# -- the mapping ----------------------------------------------------------------------------

_PSEUDONYM = re.compile(rf"[A-Z][a-z]+-[0-9a-f]{{{HEX_DIGITS}}}")


class Mapping:
    """What a pseudonymisation changed, to reverse it: kept by the key holder only.

    It collects, per pseudonymised record id, the fields changed with their
    originals, and per pseudonym the originals it stands for (so a reader
    with the key can look up ``Person-…``). :meth:`to_bytes` encrypts it;
    :meth:`from_bytes` decrypts it with the same key.
    """

    def __init__(self) -> None:
        self.records: dict[str, list[tuple[Entry, ...]]] = {}
        self.pseudonyms: dict[str, list[str]] = {}
        self.files: dict[str, str] = {}

    def add(
        self, record_id: str, entries: Iterable[Entry], names: Iterable[tuple[str, str]] = ()
    ) -> None:
        """Keep the changes made to the record now called ``record_id``.

        Args:
            record_id: The record's pseudonymised id.
            entries: The changes (see :func:`pseudonymise`).
            names: (pseudonym, original) pairs to add to the table of
                pseudonyms, besides the fields replaced by one as a whole.
        """
        entries = tuple(entries)
        self.records.setdefault(record_id, []).append(entries)
        pairs = [
            (e.value, e.original)
            for e in entries
            if isinstance(e.value, str)
            and isinstance(e.original, str)
            and _PSEUDONYM.fullmatch(e.value)
        ]
        for value, original in [*pairs, *names]:
            known = self.pseudonyms.setdefault(value, [])
            if original not in known:
                known.append(original)

    def originals(self, pseudonym: str) -> tuple[str, ...]:
        """What a pseudonym stands for (empty if this mapping does not know it)."""
        return tuple(self.pseudonyms.get(pseudonym, ()))

    def _data(self) -> dict[str, Any]:
        return {
            "version": 1,
            "pseudonyms": self.pseudonyms,
            "files": self.files,
            "records": {
                rid: [[[list(e.path), e.value, e.original] for e in entries] for entries in alts]
                for rid, alts in self.records.items()
            },
        }

    def to_bytes(self, key: Key | bytes) -> bytes:
        """The mapping, encrypted with a subkey of ``key`` (AES-256-GCM).

        Raises:
            MappingProblem: The ``cryptography`` package is not installed.
        """
        aead = _key(key)._aead()
        nonce = os.urandom(_NONCE_BYTES)
        plain = json.dumps(self._data(), ensure_ascii=False, sort_keys=True).encode()
        sealed: bytes = aead.encrypt(nonce, plain, _MAGIC)
        return _MAGIC + nonce + sealed

    @classmethod
    def from_bytes(cls, data: bytes, key: Key | bytes) -> Mapping:
        """A mapping written by :meth:`to_bytes` with the same key.

        Raises:
            MappingProblem: It is not a mapping, or it cannot be decrypted with
                this key (another key, or the file was altered).
        """
        if not data.startswith(_MAGIC):
            raise MappingProblem("this is not a pseudonym mapping written by proceedings")
        aead = _key(key)._aead()
        from cryptography.exceptions import InvalidTag  # noqa: PLC0415

        body = data[len(_MAGIC) :]
        try:
            plain = aead.decrypt(body[:_NONCE_BYTES], body[_NONCE_BYTES:], _MAGIC)
        except (InvalidTag, ValueError):
            raise MappingProblem(
                "the mapping cannot be decrypted with this key: it was written with another "
                "key, or it was altered"
            ) from None
        raw = json.loads(plain)
        mapping = cls()
        mapping.pseudonyms = raw["pseudonyms"]
        mapping.files = raw["files"]
        mapping.records = {
            rid: [tuple(Entry(tuple(p), _tuple(v), _tuple(o)) for p, v, o in alt) for alt in alts]
            for rid, alts in raw["records"].items()
        }
        return mapping


def _tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def restore(record: CaseRecord, mapping: Mapping) -> CaseRecord:
    """The original of a record pseudonymised into ``mapping``.

    Raises:
        MappingProblem: The mapping does not know the record, or the record
            was changed since it was pseudonymised (the path says where).
    """
    alternatives = mapping.records.get(record.id)
    if not alternatives:
        raise MappingProblem(f"the mapping has no record {record.id!r}")
    problem = ""
    for entries in alternatives:
        by_path = {e.path: e for e in entries}
        mismatch: list[str] = []

        def leaf(
            role: Role,
            path: Path,
            value: Any,
            by_path: dict[Path, Entry] = by_path,
            mismatch: list[str] = mismatch,
        ) -> Any:
            entry = by_path.pop(path, None)
            if entry is None:
                return value
            if entry.value != value:
                mismatch.append(entry.json_path)
            return entry.original

        restored: CaseRecord = _walk(record, (), leaf)
        missing = [e.json_path for e in by_path.values()]
        if not mismatch and not missing:
            return restored
        problem = (mismatch + missing)[0]
    raise MappingProblem(
        f"record {record.id!r} was changed after it was pseudonymised (at {problem}); "
        "only the output as written can be restored"
    )
