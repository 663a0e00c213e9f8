"""Case records and events: the facts, as frozen attrs classes.

A record is what a human-rights group, a lawyer or a researcher knows about one
person's proceedings: who, from which sources, and the events in the order in
which they happened. Events are facts as reported, each with an uncertain date,
the state in which it happened, and the sources that say so.

Nothing here knows the law; the engine reads these objects, never the reverse.
"""

from __future__ import annotations

import datetime
import functools
import typing
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import attrs

from ._checks import CHECK, NONEMPTY_ITEMS
from ._errors import UnknownName

# The record's vocabularies, parts and events have modules of their own; the
# model re-exports them, so that the rest of the library has one place to
# import the record format from.
from ._events import *  # noqa: F403
from ._events import Event
from ._fields import REFERS_TO as REFERS_TO  # noqa: PLC0414 - re-exported
from ._fields import _Checked, _ident, _opt_text
from ._parts import *  # noqa: F403
from ._parts import Account, Person, RecordLink, Source
from ._timing import timing_problems
from ._vocab import *  # noqa: F403

#: The version of the JSON record format this library writes (it reads
#: version 1 too, upgraded on load: see ``proceedings.codec``).
FORMAT_VERSION = 2


# -- the record ----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CaseRecord(_Checked):
    """One person's proceedings: who, from which sources, and what happened.

    Attributes:
        id: Unique within a corpus.
        person: Whom the proceedings are about.
        sources: Every source the events cite.
        events: In the order in which they happened.
        accounts: Named versions of events, where the sources conflict.
        title: A short human title.
        summary: The story in a few sentences, from the sources.
        notes: Free notes: open questions, data gaps.
        links: Records of related persons or of the same case, by id.
        format_version: The JSON format version (see :data:`FORMAT_VERSION`).
    """

    id: str = _ident()
    person: Person
    sources: tuple[Source, ...] = ()
    events: tuple[Event, ...] = ()
    accounts: tuple[Account, ...] = ()
    title: str | None = _opt_text()
    summary: str | None = _opt_text()
    notes: tuple[str, ...] = attrs.field(default=(), metadata={CHECK: NONEMPTY_ITEMS})
    links: tuple[RecordLink, ...] = ()
    format_version: int = FORMAT_VERSION

    def _object_problems(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        if self.format_version != FORMAT_VERSION:
            problems.append(
                (
                    "format_version",
                    f"unsupported format_version {self.format_version}; this library reads "
                    f"versions 1 and {FORMAT_VERSION} (1 is upgraded when a record is loaded)",
                )
            )
        problems.extend(_reference_problems(self))
        problems.extend(timing_problems(self.events))
        return problems

    def event(self, event_id: str) -> Event:
        """The event with this id.

        Raises:
            UnknownName: No event has that id (``kind="event"``; also a ``KeyError``).
        """
        for ev in self.events:
            if ev.id == event_id:
                return ev
        raise UnknownName(
            "event", event_id, [ev.id for ev in self.events], context=f"record {self.id!r}"
        )


class EventRefs(NamedTuple):
    """What the reference checks need to know of one event.

    Built from an :class:`Event`, or from raw JSON where the event itself
    could not be built, so that reference problems are reported together
    with structural ones. Unknown parts are ``None`` and not checked.
    ``refs`` holds each reference as (path within the event, the id named,
    the event types it may name; empty for any). A named tuple, not an attrs
    class: one is made for every event decoded, and a tuple costs a third of
    the time to make.
    """

    id: str | None
    type: str | None
    account: str | None
    citations: tuple[str | None, ...]
    refs: tuple[tuple[str, str, tuple[str, ...]], ...]
    dates: tuple[datetime.date, datetime.date] | None = None

    @classmethod
    def of(cls, ev: Event) -> EventRefs:
        refs: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
        kind: type = type(ev)
        for slot in _ref_slots(kind):
            if getattr(ev, slot[0]) is not None:  # most events refer to none
                refs = tuple(iter_refs(kind, ev, _attribute))
                break
        return cls(
            ev.id,
            ev.type,
            ev.account,
            tuple([c.source for c in ev.sources]),
            refs,
            (ev.date.earliest, ev.date.latest),
        )


def _attribute(obj: Any, name: str) -> Any:
    return getattr(obj, name, None)


@functools.cache
def _ref_slots(cls: type) -> tuple[tuple[str, bool, tuple[str, ...] | None, type | None], ...]:
    """The fields of ``cls`` that hold references: (name, many, allowed types, part class).

    A field with ``REFERS_TO`` metadata holds ids itself (one, or a tuple
    when ``many``); a field whose type is a part class, or a tuple of one,
    that holds references is followed into (``after.event``,
    ``holdings[0].events[1]``).
    """
    hints = typing.get_type_hints(cls)
    slots: list[tuple[str, bool, tuple[str, ...] | None, type | None]] = []
    for f in attrs.fields(cls):
        many = typing.get_origin(hints[f.name]) is tuple
        if REFERS_TO in f.metadata:
            slots.append((f.name, many, f.metadata[REFERS_TO], None))
            continue
        part = _part_class(hints[f.name])
        if part is not None and _ref_slots(part):
            slots.append((f.name, many, None, part))
    return tuple(slots)


def _part_class(tp: Any) -> type | None:
    # X, X | None, tuple[X, ...] for an attrs class X.
    args = typing.get_args(tp)
    candidates = [a for a in args if a is not type(None) and a is not Ellipsis] if args else [tp]
    if len(candidates) == 1 and attrs.has(candidates[0]):
        found: type = candidates[0]
        return found
    return None


def iter_refs(
    cls: type, obj: Any, get: Callable[[Any, str], Any], prefix: str = ""
) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """Every reference an event (or part) of class ``cls`` holds.

    ``get(obj, name)`` reads one field; it lets the same walk read built
    objects and raw JSON (where it returns ``None`` for a malformed value).

    Yields:
        (path relative to the event, the id named, the types it may name).
    """
    for name, many, allowed, part in _ref_slots(cls):
        value = get(obj, name)
        if value is None:
            continue  # most references are optional, and most are not given
        path = f"{prefix}{name}"
        if many:
            # A malformed list has its own problem; only its items are read.
            items: list[tuple[int | None, Any]] = (
                list(enumerate(value)) if isinstance(value, (list, tuple)) else []
            )
        else:
            items = [(None, value)]
        for k, item in items:
            where = path if k is None else f"{path}[{k}]"
            if part is None:
                if isinstance(item, str):
                    yield where, item, allowed or ()
            elif item is not None and not isinstance(item, (str, list, tuple)):
                yield from iter_refs(part, item, get, f"{where}.")


def _duplicates(
    values: list[str | None], key: str, where: str
) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Index values; report every repeat with its path."""
    index: dict[str, int] = {}
    problems: list[tuple[str, str]] = []
    for i, value in enumerate(values):
        if value is None:
            continue
        if value in index:
            problems.append(
                (f"{where}[{i}].{key}", f"{key} {value!r} repeats {where}[{index[value]}]")
            )
        else:
            index[value] = i
    return index, problems


def _reference_problems(record: CaseRecord) -> list[tuple[str, str]]:
    return reference_problems(
        [s.id for s in record.sources],
        [a.name for a in record.accounts],
        [EventRefs.of(ev) for ev in record.events],
    )


def reference_problems(
    source_ids: list[str | None] | None,
    account_names: list[str | None] | None,
    events: list[EventRefs],
) -> list[tuple[str, str]]:
    """Every repeated id and every dangling or ill-typed reference in a record.

    Paths are relative to the record (``events[3].against``). An event may
    refer only to an earlier event, and only to one that belongs to its own
    account or to every account: a fact cannot rest on another version of
    events, nor on something that had not happened yet.

    A list given as ``None`` (or holding ``None``) is not fully known, as in
    a record that failed to build: references into it are not judged.
    """
    sources, problems = _duplicates(source_ids or [], "id", "sources")
    accounts, more = _duplicates(account_names or [], "name", "accounts")
    problems += more
    by_id, more = _duplicates([ev.id for ev in events], "id", "events")
    problems += more
    know_sources = source_ids is not None and None not in source_ids
    know_accounts = account_names is not None and None not in account_names
    know_events = None not in [ev.id for ev in events]
    for i, ev in enumerate(events):
        where = f"events[{i}]"
        if know_accounts and ev.account is not None and ev.account not in accounts:
            declared = ", ".join(sorted(accounts)) or "none declared"
            problems.append(
                (f"{where}.account", f"account {ev.account!r} is not declared ({declared})")
            )
        for j, source in enumerate(ev.citations):
            if know_sources and source is not None and source not in sources:
                problems.append(
                    (f"{where}.sources[{j}].source", f"source {source!r} is not listed")
                )
        for name, target_id, allowed in ev.refs:
            path = f"{where}.{name}"
            k = by_id.get(target_id)
            if k is None:
                if know_events:
                    problems.append((path, f"no event has id {target_id!r}"))
                continue
            target = events[k]
            if k >= i:
                problems.append((path, f"event {target_id!r} comes later; refer to earlier ones"))
            elif allowed and target.type is not None and target.type not in allowed:
                problems.append(
                    (
                        path,
                        f"event {target_id!r} is a {target.type}; expected {' or '.join(allowed)}",
                    )
                )
            elif (
                target.account is not None
                and target.account != ev.account
                # An undeclared account is already reported: one problem, one report.
                and (ev.account is None or ev.account in accounts)
            ):
                problems.append(
                    (path, f"event {target_id!r} belongs to account {target.account!r} only")
                )
            elif name == "same_day_as" and not _may_share_a_day(ev, target):
                problems.append(
                    (
                        path,
                        f"event {target_id!r} cannot have happened on the same day: dates disjoint",
                    )
                )
    return problems


def _may_share_a_day(a: EventRefs, b: EventRefs) -> bool:
    if a.dates is None or b.dates is None:
        return True
    return a.dates[0] <= b.dates[1] and b.dates[0] <= a.dates[1]
