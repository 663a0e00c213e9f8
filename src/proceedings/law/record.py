"""Checks of the record itself: its order and its fit with the procedure.

These are rules like any other (they produce findings, are listed by
``proceedings rules`` and explained by ``proceedings explain``), but of kind
``"record"``: they cite no law, because what they find is a gap or an
inconsistency in the record, which a person keeping it should fix before
trusting what the rules of law say about it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from .._dates import Truth
from .._findings import Severity
from .._model import EVENT_TYPE_BY_TAG
from .._rules import Context, Hit, Rule, Rulebook

_EVERY_EVENT = frozenset(EVENT_TYPE_BY_TAG)


def _latest_starts(ctx: Context) -> tuple[tuple[datetime.date, int] | None, ...]:
    # For each position in the account, the earliest-possible day that lies
    # latest among the events listed before it (and the first event with
    # it): computed once per replay, so that the check stays linear.
    out: list[tuple[datetime.date, int] | None] = []
    latest: tuple[datetime.date, int] | None = None
    for i in ctx.view:
        out.append(latest)
        earliest = ctx.at(i).date.earliest
        if latest is None or earliest > latest[0]:
            latest = (earliest, i)
    return tuple(out)


def _date_order(ctx: Context) -> Iterator[Hit]:
    # Events are listed in the order they happened. An event whose latest
    # possible day is before the earliest possible day of an event listed
    # before it contradicts that order.
    position = ctx.position if ctx.position is not None else ctx.view.index(ctx.index)
    latest = ctx.memo("record.latest_starts", lambda: _latest_starts(ctx))[position]
    ev = ctx.event
    if latest is None or ev.date.latest >= latest[0]:
        return
    other = ctx.at(latest[1])
    yield Hit(
        truth=Truth.TRUE,
        message=(
            f"Event {ev.id!r} ({ev.date.text}) is listed after {other.id!r} "
            f"({other.date.text}) but lies wholly before it; events must be listed "
            "in the order they happened"
        ),
        related=(latest[1],),
    )


DATE_ORDER = Rule(
    id="REC-DATE-ORDER",
    title="Events listed out of date order",
    kind="record",
    citations=(),
    severity=Severity.WARNING,
    on=_EVERY_EVENT,
    check=_date_order,
    verified=True,
    verification="A check of the record, not of the law: there is no source text to verify.",
    description=(
        "A record lists its events in the order in which they happened. This check "
        "reports an event whose latest possible day lies before the earliest possible "
        "day of an event listed before it. Either the order of the events or one of "
        "the dates is wrong; rules that measure time between events may be misled "
        "until it is fixed."
    ),
    example="A release dated 2022-12-01 listed after a detention dated 2022-12-05.",
)


def _sequence(ctx: Context) -> Iterator[Hit]:
    ev = ctx.event
    for track, current in ctx.unexpected:
        yield Hit(
            truth=Truth.TRUE,
            message=(
                f"{ev.type.replace('_', ' ').capitalize()} {ev.id!r} is not expected while "
                f"the {track} track is '{current}'; an earlier event may be missing"
            ),
        )


SEQUENCE = Rule(
    id="REC-SEQUENCE",
    title="Event not expected in the person's state",
    kind="record",
    citations=(),
    severity=Severity.NOTE,
    on=_EVERY_EVENT,
    check=_sequence,
    verified=True,
    verification="A check of the record, not of the law: there is no source text to verify.",
    description=(
        "Replaying the events through the statechart, an event arrived while one of "
        "the person's tracks (custody, asylum, extradition...) was in a state from "
        "which the chart does not let that kind of event follow: an earlier event is "
        "probably missing from the record; add it if the sources report it. The "
        "library's default chart takes every event from every state of the tracks it "
        "drives (records built from news often miss a step), so with it this check "
        "finds nothing; it serves stricter charts passed as Law(chart=...)."
    ),
    example="A release with no detention on record, under a chart that releases only from custody.",
)

RECORD = Rulebook(
    name="record",
    title="Checks of the record",
    rules=(DATE_ORDER, SEQUENCE),
    description=(
        "Checks of the record itself, made whatever the law: events listed out of date "
        "order, and events the procedure does not lead to from the person's state (an "
        "earlier event is probably missing). Their findings cite no law."
    ),
)
