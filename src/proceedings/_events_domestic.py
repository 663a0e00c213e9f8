"""Event types of the procedure at home and of format 1: entry and detention, asylum,
criminal cases, expulsion, extradition, removal, interim measures, assurances, documents.

:mod:`proceedings._events` gathers them with those of format 2 into :data:`EVENT_TYPES`.
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from ._checks import CHECK, COUNTRY
from ._dates import UncertainDate
from ._event import Event
from ._fields import (
    DESTINATIONS,
    HERE,
    VARY,
    _country,
    _opt_country,
    _opt_positive,
    _opt_text,
    _probed,
    _ref,
    _text,
)
from ._parts import (
    Charge,
    Penalty,
    Safeguards,
)
from ._vocab import (
    Actor,
    AppealLevel,
    AppealOutcome,
    Appellant,
    AssuranceKind,
    AsylumKind,
    AsylumOutcome,
    CrossingMode,
    DetentionGround,
    DocumentKind,
    ExpulsionKind,
    ExtraditionOutcome,
    InterimBody,
    InterimCover,
    Involvement,
    Promise,
    RemovalChannel,
    WantedScope,
    ZoneKind,
)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class BorderCrossing(Event):
    """The person crossed a border (``jurisdiction`` is usually the state entered).

    The crossing is an entry into ``jurisdiction`` when ``to_country`` is
    ``jurisdiction``, and a departure from it otherwise.

    Attributes:
        mode: Regular (at a checkpoint, with documents), irregular, or unknown.
        from_country: The state left (ISO 3166-1 alpha-2).
        to_country: The state entered (ISO 3166-1 alpha-2); never ``from_country``.
        place: Where it was crossed (a checkpoint, a stretch of border).
    """

    type: ClassVar[str] = "border_crossing"

    mode: CrossingMode
    from_country: str = _country()
    to_country: str = _probed(HERE, **{CHECK: COUNTRY})
    place: str | None = _opt_text()

    def _object_problems(self) -> list[tuple[str, str]]:
        if self.from_country == self.to_country:
            return [("to_country", "a crossing must lead to another country")]
        return []


@attrs.frozen(kw_only=True, eq=False, repr=False)
class EntryRefused(Event):
    """Border guards refused entry (the person stays at the border or airside).

    Attributes:
        ground: The reason given for the refusal, in words (``national security``).
        place: Where (a checkpoint, an airport).
        authority: Who refused entry (``Kazakh border guards``).
        remedy_available: Whether the person could challenge the refusal
            before being sent back (at the border, in the transit zone).
        safeguards: The safeguards of the decision (lawyer, interpreter,
            reasons, an individual examination).
        served: When the decision was served on the person.
    """

    type: ClassVar[str] = "entry_refused"

    ground: str | None = _opt_text()
    place: str | None = _opt_text()
    authority: str | None = _opt_text()
    remedy_available: bool | None = None
    safeguards: Safeguards | None = None
    served: UncertainDate | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class TransitZoneConfinement(Event):
    """The person is held in a transit or waiting zone, neither admitted nor removed.

    Whether such a confinement is a deprivation of liberty turns on its
    length, its legal basis, its conditions and whether the person could in
    practice leave; the fields record each.

    Attributes:
        place: The airport, crossing point or centre.
        zone: What kind of zone it is.
        legal_basis: The legal basis relied on, in words (``CESEDA art L221-1``).
        basis_given: Whether any legal basis was given; ``False`` for a
            confinement with none.
        ordered_by: Who ordered it.
        term_days: The term ordered, in days.
        judicial_review: Whether a court reviewed it.
        conditions: The conditions, in words (``slept on the floor``).
    """

    type: ClassVar[str] = "transit_zone_confinement"

    place: str | None = _opt_text()
    zone: ZoneKind | None = None
    legal_basis: str | None = _opt_text()
    basis_given: bool | None = None
    ordered_by: str | None = _opt_text()
    term_days: int | None = _opt_positive()
    judicial_review: bool | None = None
    conditions: str | None = _opt_text()


def _term_problems(term_set: bool | None, term_days: int | None) -> list[tuple[str, str]]:
    if term_set is False and term_days is not None:
        return [("term_set", "an order that set no term has no term_days; give one or the other")]
    return []


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Detention(Event):
    """The person was deprived of liberty.

    Attributes:
        ground: The legal ground relied on.
        authority: Who detained or ordered the detention.
        term_days: The term ordered, where one was (a court's 40 days).
        term_set: Whether the order set a term: ``False`` for one that set
            none (custody "until extradition"), ``None`` where the sources
            do not say (format 2). ``term_days`` implies ``True``.
        place: Where.
        acknowledged: Whether the authorities logged or acknowledged the
            detention; ``False`` for an unacknowledged one.
        actor: Who carried it out.
        actor_state: Whose agents, where they are a state's (ISO 3166-1 alpha-2).
        involvement: How far the host state's involvement is shown, where
            the actor is not plainly its own agents.
    """

    type: ClassVar[str] = "detention"

    ground: DetentionGround = _probed(
        (DetentionGround.WANTED_PERSON, DetentionGround.EXTRADITION_CUSTODY)
    )
    authority: str | None = _opt_text()
    term_days: int | None = _opt_positive()
    term_set: bool | None = None
    place: str | None = _opt_text()
    acknowledged: bool | None = None
    actor: Actor | None = None
    actor_state: str | None = _opt_country()
    involvement: Involvement | None = None

    def _object_problems(self) -> list[tuple[str, str]]:
        return _term_problems(self.term_set, self.term_days)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class DetentionExtended(Event):
    """A running detention was extended, or its ground changed.

    Attributes:
        detention: The detention extended.
        ground: The legal ground from now on, where it changed or is reported.
        authority: Who extended it (a court, a prosecutor).
        term_days: The new term ordered, in days, where one was.
        term_set: Whether the order set a term (see :class:`Detention`).
    """

    type: ClassVar[str] = "detention_extended"

    detention: str | None = _ref("detention")
    ground: DetentionGround | None = None
    authority: str | None = _opt_text()
    term_days: int | None = _opt_positive()
    term_set: bool | None = None

    def _object_problems(self) -> list[tuple[str, str]]:
        return _term_problems(self.term_set, self.term_days)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Release(Event):
    """The person was released from detention.

    Attributes:
        reason: Why, as reported (the term ran out, the extradition was refused).
        authority: Who ordered or carried out the release.
        detention: The detention or confinement it ends, where the record
            has several.
    """

    type: ClassVar[str] = "release"

    reason: str | None = _opt_text()
    authority: str | None = _opt_text()
    detention: str | None = _ref("detention", "transit_zone_confinement")


@attrs.frozen(kw_only=True, eq=False, repr=False)
class AsylumClaim(Event):
    """The person asked for asylum or refugee status in ``jurisdiction``.

    Attributes:
        authority: The body the claim was made to (a migration service, border guards).
        place: Where it was made (an airport, a detention centre).
        kind: The protection asked for.
    """

    type: ClassVar[str] = "asylum_claim"

    authority: str | None = _opt_text()
    place: str | None = _opt_text()
    kind: AsylumKind = AsylumKind.UNKNOWN


@attrs.frozen(kw_only=True, eq=False, repr=False)
class AsylumClaimNotRegistered(Event):
    """The authorities refused to accept or register a claim (no decision on it).

    Attributes:
        claim: The claim not registered.
        authority: Who refused to register it.
        reason: The reason given, if any.
    """

    type: ClassVar[str] = "asylum_claim_not_registered"

    claim: str | None = _ref("asylum_claim")
    authority: str | None = _opt_text()
    reason: str | None = _opt_text()


@attrs.frozen(kw_only=True, eq=False, repr=False)
class AsylumDecision(Event):
    """A first decision on an asylum claim.

    Attributes:
        outcome: What the decision did with the claim.
        claim: The claim decided.
        authority: Who decided (the migration service, a commission).
        safeguards: The safeguards of the procedure (interview, interpreter, reasons).
        served: When the decision was served on the person (appeal periods
            run from it).
    """

    type: ClassVar[str] = "asylum_decision"

    outcome: AsylumOutcome = _probed(VARY)
    claim: str | None = _ref("asylum_claim")
    authority: str | None = _opt_text()
    safeguards: Safeguards | None = None
    served: UncertainDate | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class AppealFiled(Event):
    """An appeal (or complaint, or review request) against an earlier event.

    Attributes:
        against: The id of the decision appealed against.
        level: The level of the appeal.
        appellant: Whose appeal it is: the person's (the default), or an
            authority's against a decision in the person's favour.
        by: Who filed it, in words (the person, lawyers, relatives).
        forum: The court or body it went to.
        suspensive: Whether the appeal suspends the decision by law
            (automatic suspensive effect), as a fact of this remedy.
    """

    type: ClassVar[str] = "appeal_filed"

    against: str = _ref(
        "asylum_decision",
        "asylum_claim_not_registered",
        "criminal_conviction",
        "expulsion_ordered",
        "extradition_decided",
        "detention",
        "detention_extended",
        "entry_refused",
        "appeal_decided",
        "document_denied",
        optional=False,
    )
    level: AppealLevel = AppealLevel.UNKNOWN
    appellant: Appellant = Appellant.PERSON
    by: str | None = _opt_text()
    forum: str | None = _opt_text()
    suspensive: bool | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class AppealDecided(Event):
    """The decision on an appeal (see :class:`AppealOutcome` for the reading).

    Attributes:
        appeal: The appeal decided.
        outcome: What the appeal body did, read from the appellant's side.
        forum: The court or body that decided it.
        merits_examined: Whether the body reviewed the substance (the risk,
            the refusal's merits), not only the form.
        safeguards: The safeguards of the hearing.
        served: When the decision was served on the person.
    """

    type: ClassVar[str] = "appeal_decided"

    appeal: str = _ref("appeal_filed", optional=False)
    outcome: AppealOutcome = _probed(VARY)
    forum: str | None = _opt_text()
    merits_examined: bool | None = None
    safeguards: Safeguards | None = None
    served: UncertainDate | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class AdministrativeOffenceCharged(Event):
    """Charged with administrative offences (a KoAP protocol).

    Attributes:
        offences: The administrative offences charged.
        authority: Who drew up the protocol (the police, the migration service).
    """

    type: ClassVar[str] = "administrative_offence_charged"
    procedural: ClassVar[bool] = False

    offences: tuple[Charge, ...] = ()
    authority: str | None = _opt_text()


@attrs.frozen(kw_only=True, eq=False, repr=False)
class CriminalCaseOpened(Event):
    """A criminal case was opened in ``jurisdiction`` (host or origin state).

    Attributes:
        charges: The offences the case was opened for, as far as known.
        authority: Who opened it (investigators, a prosecutor).
    """

    type: ClassVar[str] = "criminal_case_opened"

    charges: tuple[Charge, ...] = ()
    authority: str | None = _opt_text()


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChargeUpgraded(Event):
    """The charges in a case were changed, usually to a graver clause.

    Attributes:
        case: The criminal case whose charges changed.
        charges: The charges after the change.
    """

    type: ClassVar[str] = "charge_upgraded"

    case: str | None = _ref("criminal_case_opened")
    charges: tuple[Charge, ...] = ()


@attrs.frozen(kw_only=True, eq=False, repr=False)
class WantedListing(Event):
    """The person was put on a wanted list by ``jurisdiction``.

    Attributes:
        scope: How far the listing reaches (national, interstate, Interpol).
        charges: The offences the person is wanted for, as far as known.
    """

    type: ClassVar[str] = "wanted_listing"

    scope: WantedScope
    charges: tuple[Charge, ...] = ()


@attrs.frozen(kw_only=True, eq=False, repr=False)
class CriminalConviction(Event):
    """A criminal verdict in ``jurisdiction`` (host or origin state).

    Attributes:
        charges: What the person was convicted of.
        sentence: The main penalties.
        additional_penalties: Penalties added to them (expulsion, entry ban).
        in_absentia: Tried without being present.
        court: The court, as named.
        served: When the verdict was served on the person.
    """

    type: ClassVar[str] = "criminal_conviction"

    charges: tuple[Charge, ...] = ()
    sentence: tuple[Penalty, ...] = ()
    additional_penalties: tuple[Penalty, ...] = ()
    in_absentia: bool = False
    court: str | None = _opt_text()
    served: UncertainDate | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ExpulsionOrdered(Event):
    """An expulsion was ordered (by a court or an authority).

    Attributes:
        kind: Administrative, criminal-verdict or civil-procedure expulsion.
        basis: The event it rests on (the conviction, the offence protocol).
        authority: Who ordered it.
        entry_ban_years: The entry ban attached, where stated.
        self_departure: Whether the person may leave on their own (within a
            term) rather than under escort.
        destination: The state named for the expulsion, if any (ISO 3166-1 alpha-2).
        remedy_available: Whether the person could challenge it before removal.
        safeguards: The safeguards of the decision.
        served: When the decision was served on the person.
    """

    type: ClassVar[str] = "expulsion_ordered"

    kind: ExpulsionKind = _probed(VARY)
    basis: str | None = _ref("criminal_conviction", "administrative_offence_charged")
    authority: str | None = _opt_text()
    entry_ban_years: int | None = _opt_positive()
    self_departure: bool | None = None
    destination: str | None = _opt_country()
    remedy_available: bool | None = None
    safeguards: Safeguards | None = None
    served: UncertainDate | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ExtraditionRequested(Event):
    """A state asked ``jurisdiction`` to extradite the person.

    Attributes:
        requesting_state: The state that asked (ISO 3166-1 alpha-2).
        charges: The offences the request names; the refusal grounds (military
            or political offences) are judged on them.
    """

    type: ClassVar[str] = "extradition_requested"

    requesting_state: str = _country()
    charges: tuple[Charge, ...] = ()


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ExtraditionDecided(Event):
    """The decision on an extradition request (KZ: the Prosecutor General's).

    Attributes:
        outcome: Approved or refused.
        request: The request decided.
        authority: Who decided (``Prosecutor General's Office of Kazakhstan``).
        safeguards: The safeguards of the procedure.
        served: When the decision was served on the person.
    """

    type: ClassVar[str] = "extradition_decided"

    outcome: ExtraditionOutcome = _probed(VARY)
    request: str | None = _ref("extradition_requested")
    authority: str | None = _opt_text()
    safeguards: Safeguards | None = None
    served: UncertainDate | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ExtraditionSuspended(Event):
    """Extradition was suspended (until an asylum claim is resolved, say).

    Attributes:
        reason: Why, or until when, as reported.
        authority: Who suspended it (a prosecutor, a court).
    """

    type: ClassVar[str] = "extradition_suspended"

    reason: str | None = _opt_text()
    authority: str | None = _opt_text()


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Removal(Event):
    """The person was made to leave ``jurisdiction``, by some channel.

    Attributes:
        channel: The legal (or illegal) route.
        destination: The state the person was sent to, or whose agents took
            custody (a foreign-controlled facility counts as that state).
        handed_to: Whose custody the person went into.
        authority: Who carried it out.
        place: Where (a checkpoint, an airport).
        acknowledged: Whether the authorities acknowledged the removal;
            ``False`` for one they deny or do not record.
        actor: Who carried it out, as a kind of actor.
        actor_state: Whose agents, where they are a state's (ISO 3166-1 alpha-2).
        involvement: How far the host state's involvement is shown, where
            the actor is not plainly its own agents.
        remedy_available: Whether the person could challenge the removal
            before it was carried out.
        safeguards: The safeguards of the decision it carried out (an
            individual examination, above all, for a group sent back).
    """

    type: ClassVar[str] = "removal"

    channel: RemovalChannel = _probed(VARY)
    destination: str = _probed(DESTINATIONS, **{CHECK: COUNTRY})
    handed_to: str | None = _opt_text()
    authority: str | None = _opt_text()
    place: str | None = _opt_text()
    acknowledged: bool | None = None
    actor: Actor | None = None
    actor_state: str | None = _opt_country()
    involvement: Involvement | None = None
    remedy_available: bool | None = None
    safeguards: Safeguards | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Escape(Event):
    """The person escaped from custody.

    Attributes:
        place: Where they escaped from.
    """

    type: ClassVar[str] = "escape"

    place: str | None = _opt_text()


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Departure(Event):
    """The person left ``jurisdiction`` of their own accord.

    Attributes:
        destination: The state the person went to (ISO 3166-1 alpha-2).
    """

    type: ClassVar[str] = "departure"

    destination: str = _country()


@attrs.frozen(kw_only=True, eq=False, repr=False)
class InterimMeasureRequested(Event):
    """A UN treaty body or the ECtHR asked ``jurisdiction`` not to remove the person.

    The event's ``date`` is when the body made the request; ``notified`` is
    when the state received it, where the sources tell the two apart.

    Attributes:
        body: The body that requested the measure.
        content: What it asked, in words (``not to extradite him to Russia``).
        notified: When the state was notified.
        covers: What the measure asks the state to do or not to do.
        destination: The state the person must not be sent to, where the
            measure names one (ISO 3166-1 alpha-2).
        complaint: The complaint the measure was requested in.
        renews: An earlier request of the same measure that this one repeats.
    """

    type: ClassVar[str] = "interim_measure_requested"

    body: InterimBody = _probed(VARY)
    content: str | None = _opt_text()
    notified: UncertainDate | None = None
    covers: tuple[InterimCover, ...] = ()
    destination: str | None = _opt_country()
    complaint: str | None = _ref("complaint_lodged")
    renews: str | None = _ref("interim_measure_requested")


@attrs.frozen(kw_only=True, eq=False, repr=False)
class InterimMeasureLifted(Event):
    """An interim measure was lifted by the body that requested it."""

    type: ClassVar[str] = "interim_measure_lifted"

    measure: str = _ref("interim_measure_requested", optional=False)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class AssuranceGiven(Event):
    """An official assurance (not to extradite before the asylum case ends, say).

    A *diplomatic* assurance is a promise by the requesting or destination
    state to the host state (no torture, a fair trial); a *host-state*
    assurance is the host state's promise to the person, a court or an
    international body.

    Attributes:
        by: Who gave it (``Prosecutor General's Office of Kazakhstan``).
        content: What was assured, in words.
        kind: Diplomatic or host-state; ``unknown`` where the sources do not say.
        state: The state that gave it (ISO 3166-1 alpha-2).
        to_state: The state it was given to, for a diplomatic assurance.
        promises: What it promises.
        monitoring: Whether independent monitoring of its respect is provided.
    """

    type: ClassVar[str] = "assurance_given"

    by: str = _text()
    content: str = _text()
    kind: AssuranceKind = AssuranceKind.UNKNOWN
    state: str | None = _opt_country()
    to_state: str | None = _opt_country()
    promises: tuple[Promise, ...] = ()
    monitoring: bool | None = None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class DocumentDenied(Event):
    """A travel document, visa or permit was refused by ``jurisdiction``.

    Attributes:
        document: The kind of document refused.
        purpose: What it was sought for, or the application refused
            (``to travel to France to apply for asylum``).
        authority: Who refused it.
        application: The application from abroad it answers, if any.
    """

    type: ClassVar[str] = "document_denied"
    procedural: ClassVar[bool] = False

    document: DocumentKind
    purpose: str | None = _opt_text()
    authority: str | None = _opt_text()
    application: str | None = _ref("application_from_abroad")
