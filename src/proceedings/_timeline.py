"""A case's timeline: its events by date and the spans of time each track spent in a state.

Computed from a replay of the record under a law without rulebooks (states
do not depend on the rules), as values that the diagram renderers draw.
"""

from __future__ import annotations

import datetime

import attrs

from ._chart import CHART
from ._dates import UncertainDate
from ._engine import replay
from ._model import CaseRecord
from ._rules import Law
from ._statechart import Statechart

#: States only: a replay needs no rule to move the tracks.
_NO_RULES = Law(rulebooks=())


@attrs.frozen(kw_only=True)
class Change:
    """A track of the event's jurisdiction moving from one state to another."""

    track: str
    before: str
    after: str


@attrs.frozen(kw_only=True)
class TimelineEvent:
    """An event on the timeline.

    Attributes:
        index: Its position in the record.
        id: Its id.
        type: Its type tag.
        date: Its date as written, or its effective date where a relative
            timing (``after``) narrows it.
        earliest: The earliest day it can have happened (``date.min`` where
            the start is open: see ``open_start``).
        latest: The latest day it can have happened (``date.max`` where the
            end is open).
        jurisdiction: Where it happened.
        changes: The state changes it caused in its jurisdiction.
        open_start: Whether its date is open at the start (``../2010-09``).
        open_end: Whether its date is open at the end (``2010-06-09/..``).
    """

    index: int
    id: str
    type: str
    date: str
    earliest: datetime.date
    latest: datetime.date
    jurisdiction: str
    changes: tuple[Change, ...] = ()
    open_start: bool = False
    open_end: bool = False


def _first_day(date: UncertainDate) -> datetime.date:
    """The first day to draw a date from: its known end where its start is open."""
    return date.latest if date.open_start else date.earliest


def _last_day(date: UncertainDate) -> datetime.date:
    """The last day to draw a date to: its known start where its end is open."""
    return date.earliest if date.open_end else date.latest


@attrs.frozen(kw_only=True)
class Span:
    """A time a track of a jurisdiction spent in one state (never its initial one).

    Attributes:
        jurisdiction: The jurisdiction.
        track: The track.
        state: The state.
        start: The earliest day of the event that entered it (its latest,
            where the event's date is open at the start: a span is never
            drawn from year 1).
        end: The earliest day the next state began, or the last event's latest
            day if the state still held; never before ``start`` (and never
            ``date.max`` for an open end: the known day stands in).
        start_event: The id of the event that entered it.
        end_event: The id of the event that left it, or ``None``.
    """

    jurisdiction: str
    track: str
    state: str
    start: datetime.date
    end: datetime.date
    start_event: str
    end_event: str | None = None


@attrs.frozen(kw_only=True)
class Timeline:
    """A case as a timeline: its events in order and the spans of each track's states.

    Attributes:
        record_id: The record's id.
        title: The record's title, or the person's name.
        account: The account followed, if the record has accounts.
        accounts: All the record's accounts.
        events: The events of that account, in record order.
        spans: By jurisdiction, then track (in the chart's order), then start.
    """

    record_id: str
    title: str | None
    account: str | None
    accounts: tuple[str, ...]
    events: tuple[TimelineEvent, ...]
    spans: tuple[Span, ...]

    def states(self) -> dict[tuple[str, str], list[str]]:
        """``{(jurisdiction, track): [states in order]}``."""
        out: dict[tuple[str, str], list[str]] = {}
        for s in self.spans:
            out.setdefault((s.jurisdiction, s.track), []).append(s.state)
        return out


def timeline(
    record: CaseRecord, *, account: str | None = None, chart: Statechart = CHART
) -> Timeline:
    """The timeline of one account of a record.

    Args:
        record: The record.
        account: The account to follow; the first one if the record has
            accounts and this is ``None``.
        chart: The statechart whose tracks to follow.

    Raises:
        UnknownName: The record has no such account.
    """
    accounts = tuple(a.name for a in record.accounts)
    if account is None and accounts:
        account = accounts[0]
    law = _NO_RULES if chart is CHART else Law(rulebooks=(), chart=chart)
    initial = dict(chart.initial().tracks)
    events: list[TimelineEvent] = []
    open_spans: dict[tuple[str, str], Span] = {}
    spans: list[Span] = []
    last_day: datetime.date | None = None
    for step in replay(record, law=law, account=account):
        ev = step.event
        where = ev.jurisdiction
        before = step.before.get(where, chart)
        after = step.after.get(where, chart)
        changes = tuple(
            Change(track=track, before=before[track], after=state)
            for track, state in after.tracks
            if before[track] != state
        )
        events.append(
            TimelineEvent(
                index=step.index,
                id=ev.id,
                type=ev.type,
                date=ev.date.text,
                earliest=ev.date.earliest,
                latest=ev.date.latest,
                jurisdiction=where,
                changes=changes,
                open_start=ev.date.open_start,
                open_end=ev.date.open_end,
            )
        )
        for change in changes:
            key = (where, change.track)
            if key in open_spans:
                span = open_spans.pop(key)
                # With uncertain dates the next state may "begin" before this
                # one did; a span never ends before it starts.
                end = max(span.start, _first_day(ev.date))
                spans.append(attrs.evolve(span, end=end, end_event=ev.id))
            if change.after != initial[change.track]:
                open_spans[key] = Span(
                    jurisdiction=where,
                    track=change.track,
                    state=change.after,
                    start=_first_day(ev.date),
                    end=_first_day(ev.date),
                    start_event=ev.id,
                )
        if last_day is None or _last_day(ev.date) > last_day:
            last_day = _last_day(ev.date)
    for span in open_spans.values():
        end = last_day if last_day is not None else span.start
        spans.append(attrs.evolve(span, end=max(span.start, end)))
    order = {t.name: i for i, t in enumerate(chart.tracks)}
    spans.sort(key=lambda s: (s.jurisdiction, order.get(s.track, 0), s.start))
    return Timeline(
        record_id=record.id,
        title=record.title or record.person.name,
        account=account,
        accounts=accounts,
        events=tuple(events),
        spans=tuple(spans),
    )
