"""Keyed pseudonymisation of case records, to share them without the names in them.

:func:`pseudonymise` replaces a record's ids, the person's names and every
occurrence of known names in its free text with keyed pseudonyms
(``Person-3f9a2c0b1d4e``: an HMAC-SHA256 under the user's key), and keeps
everything the law reads, so that :func:`proceedings.validate` gives the same
findings. Names the record gives in no name field (a lawyer or a relative
named in a quote) are replaced too when they are passed as ``names``, each
with its own pseudonym (``Name-…``). A :class:`Mapping` collects the
originals; written with :meth:`Mapping.to_bytes` it is encrypted (AES-256-GCM,
a key derived by HKDF from the user's key: the optional extra
``proceedings[privacy]`` installs the ``cryptography`` package it needs), and
:func:`restore` reverses the pseudonyms exactly::

    from proceedings.pseudonymise import Key, Mapping, pseudonymise, restore

    key = Key.from_file("pseudonym.key")
    mapping = Mapping()
    shared, changes = pseudonymise(record, key, mapping=mapping, names=["Yelena Ryabinina"])
    assert restore(shared, mapping) == record

The command ``proceedings pseudonymise`` does the same for files. What it
does not remove (names it is not given, places, dates, rare facts) is in
the how-to; pseudonymised records are still personal data.
"""

from __future__ import annotations

from ._names import NameMatcher, normalise, person_names
from ._pseudonym import (
    MIN_KEY_BYTES,
    Entry,
    Key,
    KeyProblem,
    Mapping,
    MappingProblem,
    PseudonymError,
    make_key,
    marked_names,
    pseudonym,
    pseudonymise,
    restore,
)

__all__ = [
    "MIN_KEY_BYTES",
    "Entry",
    "Key",
    "KeyProblem",
    "Mapping",
    "MappingProblem",
    "NameMatcher",
    "PseudonymError",
    "make_key",
    "marked_names",
    "normalise",
    "person_names",
    "pseudonym",
    "pseudonymise",
    "restore",
]


def __dir__() -> list[str]:
    return sorted(__all__)
