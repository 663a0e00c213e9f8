"""Small helpers the rulebooks share. Pure functions over a rule Context."""

from __future__ import annotations

from .._dates import DayRange, Truth
from .._model import Charge, ExtraditionRequested, Removal
from .._rules import Context

#: Reading name: does a pending appeal against an asylum refusal protect?
APPEAL_SUSPENSIVE = "asylum_appeal_suspensive"

#: States of the extradition track in which an extradition case is open.
EXTRADITION_OPEN = frozenset(
    {"wanted", "requested", "approved", "appeal_pending", "approved_final", "suspended"}
)


def pending_claim(ctx: Context) -> tuple[str, int | None] | None:
    """The asylum protection in force before the event, if any.

    Returns:
        ``(what, index of the event that started it)`` or ``None``. Under the
        reading ``asylum_appeal_suspensive=no`` a pending appeal does not count.
    """
    state = ctx.before["asylum"]
    if state == "claimed":
        return "the asylum claim", ctx.marked("asylum_claim")
    if state == "appeal_pending" and ctx.reading(APPEAL_SUSPENSIVE) == "yes":
        return (
            f"the appeal against the asylum refusal (reading {APPEAL_SUSPENSIVE}=yes)",
            ctx.marked("asylum_appeal"),
        )
    if state == "not_registered":
        return "the asylum claim, which the authorities refused to register", ctx.marked(
            "asylum_decision"
        )
    if state == "granted":
        return "the protection granted", ctx.marked("asylum_decision")
    return None


def within(elapsed: DayRange, days: int) -> Truth:
    """Whether ``elapsed`` whole days are certainly, possibly or not at most ``days``."""
    return elapsed.at_most(days)


def removal_phrase(ev: Removal, *, capital: bool = False) -> str:
    """``removed to RU by criminal expulsion``, for messages."""
    text = f"removed to {ev.destination} by {ev.channel.value.replace('_', ' ')}"
    return text[0].upper() + text[1:] if capital else text


def request_charges(ctx: Context) -> tuple[Charge, ...]:
    """The charges of the extradition request on record before this event."""
    index = ctx.marked("extradition_request")
    if index is None:
        return ()
    request = ctx.at(index)
    assert isinstance(request, ExtraditionRequested)
    return request.charges


def related(*indices: int | None) -> tuple[int, ...]:
    return tuple(i for i in indices if i is not None)


def charge_text(charge: Charge) -> str:
    parts = [charge.code]
    if charge.article:
        parts.append(f"art {charge.article}")
    if charge.part:
        parts.append(f"part {charge.part}")
    text = " ".join(parts)
    return f"{text} ({charge.label})" if charge.label else text
