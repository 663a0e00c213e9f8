"""What protects a person from removal, written from the law and not from the engine.

The state machine of :mod:`proceedings.testing` and the near-lawful mutations
check the engine against this oracle, so it must not share the engine's
statechart: it is a deliberately small reading of the protections that
:data:`proceedings.testing.PROTECTIONS` names.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from .._durations import days_between
from .._model import (
    AppealDecided,
    AppealFiled,
    AppealOutcome,
    AsylumClaim,
    AsylumClaimNotRegistered,
    AsylumDecision,
    AsylumOutcome,
    Event,
    ExtraditionDecided,
    ExtraditionOutcome,
    ExtraditionSuspended,
    InterimBody,
    InterimMeasureLifted,
    InterimMeasureRequested,
    Removal,
    RemovalChannel,
)

#: The 10-day appeal against an extradition decision (KZ CPC art 592).
EXTRADITION_APPEAL_DAYS = 10


def _root(by_id: Mapping[str, Event], event: Event) -> Event | None:
    """The decision an appeal (or a decision on an appeal) is ultimately about."""
    seen: set[str] = set()
    current: Event | None = event
    while isinstance(current, (AppealFiled, AppealDecided)) and current.id not in seen:
        seen.add(current.id)
        target = current.against if isinstance(current, AppealFiled) else current.appeal
        current = by_id.get(target)
    return current


@attrs.define
class Protections:
    """What protects the person from removal in one jurisdiction, event by event.

    A deliberately small reading of the law, independent of the statechart:
    an asylum claim stands until finally decided (a refusal with a pending
    appeal is not final, under the default reading); an interim measure stands
    until the body lifts *that* measure; a surrender waits for the appeal
    against the extradition decision, or for its time limit.
    """

    jurisdiction: str
    by_id: dict[str, Event] = attrs.Factory(dict)
    # none, pending, refused, appeal, appeal_open (an appeal recorded as not
    # suspensive, pending), granted, final, withdrawn, unknown
    asylum: str = "none"
    measures: dict[str, InterimBody] = attrs.Factory(dict)
    approval: Event | None = None
    approval_appeal: str = "none"  # none, pending, dismissed
    suspended: bool = False

    def update(self, event: Event) -> None:
        self.by_id[event.id] = event
        if event.jurisdiction != self.jurisdiction:
            return
        root = _root(self.by_id, event)
        if isinstance(event, AsylumClaim):
            # As the chart has it: a claim made again while the first awaits a decision,
            # or while an appeal against its refusal is pending, is no new claim.
            if self.asylum not in {"pending", "appeal", "appeal_open", "granted"}:
                self.asylum = "pending"
        elif isinstance(event, AsylumClaimNotRegistered):
            # Not registering a claim is no decision on it: the person asked.
            self.asylum = "pending"
        elif isinstance(event, AsylumDecision):
            self.asylum = {
                AsylumOutcome.GRANTED: "granted",
                AsylumOutcome.SUBSIDIARY_PROTECTION: "granted",
                AsylumOutcome.REFUSED: "refused",
                AsylumOutcome.WITHDRAWN: "withdrawn",
                AsylumOutcome.TEMPORARY_ASYLUM: "granted",
                # An outcome the sources do not give: no protection is known.
                AsylumOutcome.UNKNOWN: "unknown",
            }[event.outcome]
        elif isinstance(event, InterimMeasureRequested):
            self.measures[event.id] = event.body
        elif isinstance(event, InterimMeasureLifted):
            self.measures.pop(event.measure, None)
        elif isinstance(event, ExtraditionDecided):
            approved = event.outcome is ExtraditionOutcome.APPROVED
            self.approval = event if approved else None
            self.approval_appeal, self.suspended = "none", False
        elif isinstance(event, ExtraditionSuspended):
            self.suspended = True
        elif isinstance(event, AppealFiled) and root is not None:
            if root.type in {"asylum_decision", "asylum_claim_not_registered"}:
                # An appeal recorded as not suspensive protects nobody.
                self.asylum = "appeal_open" if event.suspensive is False else "appeal"
            elif root.type == "extradition_decided" and self.approval is not None:
                self.approval_appeal = "pending"
        elif isinstance(event, AppealDecided) and root is not None:
            if root.type in {"asylum_decision", "asylum_claim_not_registered"}:
                self.asylum = {
                    AppealOutcome.DISMISSED: "final",
                    AppealOutcome.SUSPENDED: "appeal",
                    AppealOutcome.UNKNOWN: "unknown",
                }.get(event.outcome, "pending")
            elif root.type == "extradition_decided" and self.approval is not None:
                if event.outcome is AppealOutcome.DISMISSED:
                    self.approval_appeal = "dismissed"
                elif event.outcome is AppealOutcome.SUSPENDED:
                    self.suspended = True
                else:  # upheld or remanded: the approval is set aside
                    self.approval = None

    def barring(self, removal: Removal) -> list[str]:
        """The protections in force that bar ``removal`` (by name, see PROTECTIONS)."""
        if removal.jurisdiction != self.jurisdiction:
            return []
        found = []
        if self.asylum == "pending":
            found.append("asylum_claim")
        if self.asylum == "appeal":
            found.append("asylum_appeal")
        if self.asylum == "granted":
            found.append("asylum_granted")
        if self.measures:
            found.append("interim_measure")
        if removal.channel is RemovalChannel.EXTRADITION and self.approval is not None:
            window_open = (
                days_between(self.approval.date, removal.date).min <= EXTRADITION_APPEAL_DAYS
            )
            if (
                self.suspended
                or self.approval_appeal == "pending"
                or (self.approval_appeal == "none" and window_open)
            ):
                found.append("extradition_appeal")
        return found
