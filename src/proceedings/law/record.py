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
from .._model import EVENT_TYPE_BY_TAG
from .._rules import Context, Hit
from ._data import law_data

#: The texts of the rules (``data/record.json``); their checks are below.
_TEXT = law_data("record")

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


DATE_ORDER = _TEXT.rule("REC-DATE-ORDER", check=_date_order, on=_EVERY_EVENT)


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


SEQUENCE = _TEXT.rule("REC-SEQUENCE", check=_sequence, on=_EVERY_EVENT)

RECORD = _TEXT.rulebook()
