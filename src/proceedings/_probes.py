"""Representative events for :meth:`Proceeding.allowed`.

To say whether a kind of event may lawfully happen next, the strict engine
tries one: a removal once per channel towards each of the person's
nationalities (and towards a requesting state), an appeal against the latest
decision it could be against, and so on. Probes are never applied.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ._dates import UncertainDate
from ._model import (
    EVENT_TYPE_BY_TAG,
    AppealFiled,
    AppealOutcome,
    AsylumOutcome,
    CaseRecord,
    CrossingMode,
    DetentionGround,
    DocumentKind,
    Event,
    ExpulsionKind,
    ExtraditionOutcome,
    ExtraditionRequested,
    InterimBody,
    RemovalChannel,
    WantedScope,
)

_PROBE = "probe"


def _latest(record: CaseRecord, types: tuple[str, ...], where: str) -> Event | None:
    for ev in reversed(record.events):
        if ev.type in types and ev.jurisdiction == where:
            return ev
    return None


def probes(
    record: CaseRecord, where: str, day: UncertainDate
) -> Iterator[tuple[str, str | None, Event]]:
    """``(event type, variant, event)`` for every event type that can be probed now."""
    ids = {ev.id for ev in record.events}
    probe_id = _PROBE
    n = 0
    while probe_id in ids:
        n += 1
        probe_id = f"{_PROBE}-{n}"
    base: dict[str, Any] = {"id": probe_id, "date": day, "jurisdiction": where}
    destinations = list(dict.fromkeys(record.person.nationalities))
    for ev in record.events:
        if isinstance(ev, ExtraditionRequested) and ev.jurisdiction == where:
            destinations.append(ev.requesting_state)
    destinations = [d for d in dict.fromkeys(destinations) if d != where]
    origin = destinations[0] if destinations else ("RU" if where != "RU" else "KZ")

    def make(tag: str, **fields: Any) -> Event:
        return EVENT_TYPE_BY_TAG[tag](**base, **fields)

    for destination in destinations or [origin]:
        for channel in RemovalChannel:
            yield (
                "removal",
                f"channel={channel.value}, destination={destination}",
                make("removal", channel=channel, destination=destination),
            )
    yield "departure", None, make("departure", destination=origin)
    yield (
        "border_crossing",
        None,
        make("border_crossing", mode=CrossingMode.REGULAR, from_country=origin, to_country=where),
    )
    yield "entry_refused", None, make("entry_refused")
    yield "transit_zone_confinement", None, make("transit_zone_confinement")
    for ground in (DetentionGround.WANTED_PERSON, DetentionGround.EXTRADITION_CUSTODY):
        yield "detention", f"ground={ground.value}", make("detention", ground=ground)
    yield "detention_extended", None, make("detention_extended")
    yield "release", None, make("release")
    yield "escape", None, make("escape")
    yield "asylum_claim", None, make("asylum_claim")
    yield "asylum_claim_not_registered", None, make("asylum_claim_not_registered")
    for outcome in AsylumOutcome:
        yield (
            "asylum_decision",
            f"outcome={outcome.value}",
            make("asylum_decision", outcome=outcome),
        )
    decision = _latest(
        record,
        (
            "asylum_decision",
            "asylum_claim_not_registered",
            "criminal_conviction",
            "expulsion_ordered",
            "extradition_decided",
        ),
        where,
    )
    if decision is not None:
        yield "appeal_filed", f"against={decision.id}", make("appeal_filed", against=decision.id)
    appeal = _latest(record, ("appeal_filed",), where)
    if isinstance(appeal, AppealFiled):
        for appeal_outcome in AppealOutcome:
            yield (
                "appeal_decided",
                f"appeal={appeal.id}, outcome={appeal_outcome.value}",
                make("appeal_decided", appeal=appeal.id, outcome=appeal_outcome),
            )
    yield "administrative_offence_charged", None, make("administrative_offence_charged")
    yield "criminal_case_opened", None, make("criminal_case_opened")
    yield "charge_upgraded", None, make("charge_upgraded")
    yield "wanted_listing", None, make("wanted_listing", scope=WantedScope.NATIONAL)
    yield "criminal_conviction", None, make("criminal_conviction")
    for kind in ExpulsionKind:
        yield "expulsion_ordered", f"kind={kind.value}", make("expulsion_ordered", kind=kind)
    yield (
        "extradition_requested",
        None,
        make("extradition_requested", requesting_state=origin),
    )
    for ex_outcome in ExtraditionOutcome:
        yield (
            "extradition_decided",
            f"outcome={ex_outcome.value}",
            make("extradition_decided", outcome=ex_outcome),
        )
    yield "extradition_suspended", None, make("extradition_suspended")
    for body in InterimBody:
        yield (
            "interim_measure_requested",
            f"body={body.value}",
            make("interim_measure_requested", body=body),
        )
    measure = _latest(record, ("interim_measure_requested",), where)
    if measure is not None:
        yield (
            "interim_measure_lifted",
            None,
            make("interim_measure_lifted", measure=measure.id),
        )
    yield "assurance_given", None, make("assurance_given", by="authority", content="assurance")
    yield (
        "document_denied",
        None,
        make("document_denied", document=DocumentKind.TRAVEL_DOCUMENT),
    )
    yield "other", None, make("other", kind="other", description="probe")
