"""Versions of the record format, and the upgrade of older records on load.

Format 1 is the format of proceedings 0.1. Format 2 adds event types and
fields (see the migration guide in the docs) and removes or renames nothing,
so a version-1 record is upgraded by setting its version: every field keeps
its meaning. What the upgrade does check is that a record that says it is
version 1 holds only what version 1 had, so that a record written for
format 2 but labelled 1 is not read silently.
"""

from __future__ import annotations

from typing import Any

import attrs

from ._errors import Problem
from ._model import EVENT_TYPE_BY_TAG, FORMAT_VERSION, CaseRecord, Person, Source, SourceRef
from ._paths import index_path, key_path

#: The format versions this library reads; older ones are upgraded on load.
READABLE_VERSIONS = (1, FORMAT_VERSION)

_EVENT_FIELDS_1 = frozenset(
    {"type", "id", "date", "jurisdiction", "account", "sources", "note", "same_day_as"}
)

#: Format 1: each event type's own fields (besides those every event has).
_EVENTS_1: dict[str, frozenset[str]] = {
    "administrative_offence_charged": frozenset({"offences", "authority"}),
    "appeal_decided": frozenset({"appeal", "outcome", "forum"}),
    "appeal_filed": frozenset({"against", "level", "appellant", "by", "forum"}),
    "assurance_given": frozenset({"by", "content"}),
    "asylum_claim": frozenset({"authority", "place"}),
    "asylum_claim_not_registered": frozenset({"claim", "authority", "reason"}),
    "asylum_decision": frozenset({"outcome", "claim", "authority"}),
    "border_crossing": frozenset({"mode", "from_country", "to_country", "place"}),
    "charge_upgraded": frozenset({"case", "charges"}),
    "criminal_case_opened": frozenset({"charges", "authority"}),
    "criminal_conviction": frozenset(
        {"charges", "sentence", "additional_penalties", "in_absentia", "court"}
    ),
    "departure": frozenset({"destination"}),
    "detention": frozenset({"ground", "authority", "term_days", "place"}),
    "detention_extended": frozenset({"detention", "ground", "authority", "term_days"}),
    "document_denied": frozenset({"document", "purpose", "authority"}),
    "entry_refused": frozenset({"ground", "place", "authority"}),
    "escape": frozenset({"place"}),
    "expulsion_ordered": frozenset({"kind", "basis", "authority", "entry_ban_years"}),
    "extradition_decided": frozenset({"outcome", "request", "authority"}),
    "extradition_requested": frozenset({"requesting_state", "charges"}),
    "extradition_suspended": frozenset({"reason", "authority"}),
    "interim_measure_lifted": frozenset({"measure"}),
    "interim_measure_requested": frozenset({"body", "content"}),
    "other": frozenset({"kind", "description"}),
    "release": frozenset({"reason", "authority"}),
    "removal": frozenset({"channel", "destination", "handed_to", "authority", "place"}),
    "transit_zone_confinement": frozenset({"place"}),
    "wanted_listing": frozenset({"scope", "charges"}),
}

#: Format 1: the fields of the record and of its parts.
_PARTS_1: dict[str, frozenset[str]] = {
    "Account": frozenset({"name", "description"}),
    "CaseRecord": frozenset(
        {
            "id",
            "person",
            "sources",
            "events",
            "accounts",
            "title",
            "summary",
            "notes",
            "format_version",
        }
    ),
    "Charge": frozenset({"code", "article", "part", "label", "category"}),
    "Penalty": frozenset({"kind", "months", "note"}),
    "Person": frozenset(
        {"id", "name", "name_is_pseudonym", "aliases", "nationalities", "birth_date"}
    ),
    "Source": frozenset(
        {"id", "publisher", "title", "date", "url", "file", "language", "author", "note"}
    ),
    "SourceRef": frozenset({"source", "quote", "note"}),
}


def upgrade(data: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """A record's JSON in the current format, and what keeps it from being upgraded.

    A record without ``format_version`` is read as the current version (a
    version-1 record written by 0.1 left the key out; it is a valid version-2
    record as it stands).

    Args:
        data: A record's JSON object.

    Returns:
        The record's JSON in the current format (a new dict, or ``data``
        itself when it needs no upgrade), and the problems found: keys or
        event types a version-1 record cannot hold.
    """
    version = data.get("format_version")
    if type(version) is not int or version != 1:  # True == 1, but is no version
        return data, []
    problems = list(_newer_keys(data))
    return {**data, "format_version": FORMAT_VERSION}, problems


def _newer_keys(data: dict[str, Any]) -> list[Problem]:
    found = _unknown(data, CaseRecord, "CaseRecord", "$")
    person = data.get("person")
    if isinstance(person, dict):
        found += _unknown(person, Person, "Person", key_path("$", "person"))
        found += _newer_date(person, "birth_date", key_path("$", "person"))
    for i, source in _objects(data.get("sources")):
        at = index_path(key_path("$", "sources"), i)
        found += _unknown(source, Source, "Source", at)
        found += _newer_date(source, "date", at)
    for i, ev in _objects(data.get("events")):
        at = index_path(key_path("$", "events"), i)
        tag = ev.get("type")
        cls = EVENT_TYPE_BY_TAG.get(tag) if isinstance(tag, str) else None
        if cls is None or tag is None:
            continue  # the codec names the types it knows
        if tag not in _EVENTS_1:
            found.append(
                Problem(
                    path=key_path(at, "type"),
                    message=(
                        f"event type {tag!r} is new in format 2 and cannot be in a record "
                        "that says format_version 1; set format_version to 2"
                    ),
                )
            )
            continue
        found += _unknown(ev, cls, tag, at, _EVENT_FIELDS_1 | _EVENTS_1[tag])
        found += _newer_date(ev, "date", at)
        for j, ref in _objects(ev.get("sources")):
            found += _unknown(ref, SourceRef, "SourceRef", index_path(key_path(at, "sources"), j))
    return found


def _newer_date(obj: dict[str, Any], key: str, at: str) -> list[Problem]:
    # Format 2 reads open intervals and times of day; format 1 read neither.
    value = obj.get(key)
    if not isinstance(value, str) or (".." not in value and "T" not in value):
        return []
    return [
        Problem(
            path=key_path(at, key),
            message=(
                f"the date {value!r} uses a form new in format 2 (an open end or a time of "
                "day) and cannot be in a record that says format_version 1; set "
                "format_version to 2"
            ),
        )
    ]


def _objects(value: Any) -> list[tuple[int, dict[str, Any]]]:
    return (
        [(i, v) for i, v in enumerate(value) if isinstance(v, dict)]
        if isinstance(value, list)
        else []
    )


def _unknown(
    obj: dict[str, Any],
    cls: type,
    name: str,
    at: str,
    known_1: frozenset[str] | None = None,
) -> list[Problem]:
    # Keys that format 2 knows and format 1 did not; a key neither knows is
    # left to the codec, which names the fields it expected.
    known = _PARTS_1[name] if known_1 is None else known_1
    known_2 = {f.name for f in attrs.fields(cls)}
    return [
        Problem(
            path=key_path(at, key),
            message=(
                f"{key!r} is new in format 2 and cannot be in a record that says "
                "format_version 1; set format_version to 2"
            ),
        )
        for key in obj
        if key not in known and key in known_2
    ]
