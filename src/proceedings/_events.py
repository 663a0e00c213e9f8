"""Events: what happened, as the sources report it, one class per kind.

Every concrete event type is a frozen attrs subclass of :class:`Event` with a
``type`` tag, which is also its ``"type"`` in JSON; :data:`EVENT_TYPES` lists
them. A field that names another event carries ``REFERS_TO`` metadata.
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from ._checks import CHECK, COUNTRY
from ._dates import UncertainDate
from ._fields import (
    DESTINATIONS,
    HERE,
    VARY,
    _Checked,
    _countries,
    _country,
    _ident,
    _opt_country,
    _opt_ident,
    _opt_positive,
    _opt_text,
    _probed,
    _ref,
    _text,
)
from ._parts import (
    ArticleHolding,
    Charge,
    Penalty,
    RelativeTiming,
    Safeguards,
    SourceRef,
)
from ._vocab import (
    AbroadKind,
    Actor,
    AppealLevel,
    AppealOutcome,
    Appellant,
    AssuranceKind,
    AsylumKind,
    AsylumOutcome,
    CitizenshipChange,
    ContactKind,
    ContactTarget,
    CrossingMode,
    DecisionStage,
    DetentionGround,
    DocumentKind,
    DocumentStatus,
    EvidenceOrigin,
    ExpulsionKind,
    ExtraditionOutcome,
    HearingKind,
    InterimBody,
    InterimCover,
    InvestigationOutcome,
    Involvement,
    MandateOutcome,
    Promise,
    RemovalChannel,
    Risk,
    RiskResult,
    RiskScope,
    ServiceKind,
    StatementKind,
    StayStatus,
    WantedScope,
    ZoneKind,
)


@attrs.frozen(kw_only=True)
class Event(_Checked):
    """Something that happened, as the sources report it.

    Every concrete event type is a subclass with a ``type`` tag, which is also
    its ``"type"`` in JSON.

    Attributes:
        id: Unique within the record; findings point back to it.
        date: When it happened, as precisely as the sources allow.
        jurisdiction: The state in whose territory or legal order it happened
            (ISO 3166-1 alpha-2).
        account: The account it belongs to where sources conflict; ``None``
            means every account.
        same_day_as: An earlier event that happened on the same day, where the
            sources say so ("within hours") but give only a vague date for
            both: time limits between the two are then measured as 0 days.
        sources: Citations of the record's sources, each with a short quote.
        note: Anything a reader needs (an inference, a doubt).
        order_uncertain: The sources leave open where this event falls among
            the events listed around it whose dates overlap its own: a
            finding that rests on their order is then undetermined. By
            default the order of the list is the order of events.
        after: When it happened counted in days after an earlier event ("on
            the third day of detention"); ``date`` must be consistent with it,
            and time limits are measured from the narrower of the two.
    """

    type: ClassVar[str] = "event"
    #: Whether this kind of event is a step of the procedure, which the
    #: statechart must follow. ``False`` for facts kept for people and for
    #: rules (a denied document, anything else) that change no state: the
    #: chart declares them inert instead of driving a track with them.
    procedural: ClassVar[bool] = True

    id: str = _ident()
    date: UncertainDate
    jurisdiction: str = _country()
    account: str | None = _opt_ident()
    sources: tuple[SourceRef, ...] = ()
    note: str | None = _opt_text()
    same_day_as: str | None = _ref()
    order_uncertain: bool = False
    after: RelativeTiming | None = None


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
class Detention(Event):
    """The person was deprived of liberty.

    Attributes:
        ground: The legal ground relied on.
        authority: Who detained or ordered the detention.
        term_days: The term ordered, where one was (a court's 40 days).
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
    place: str | None = _opt_text()
    acknowledged: bool | None = None
    actor: Actor | None = None
    actor_state: str | None = _opt_country()
    involvement: Involvement | None = None


@attrs.frozen(kw_only=True)
class DetentionExtended(Event):
    """A running detention was extended, or its ground changed.

    Attributes:
        detention: The detention extended.
        ground: The legal ground from now on, where it changed or is reported.
        authority: Who extended it (a court, a prosecutor).
        term_days: The new term ordered, in days, where one was.
    """

    type: ClassVar[str] = "detention_extended"

    detention: str | None = _ref("detention")
    ground: DetentionGround | None = None
    authority: str | None = _opt_text()
    term_days: int | None = _opt_positive()


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
class CriminalCaseOpened(Event):
    """A criminal case was opened in ``jurisdiction`` (host or origin state).

    Attributes:
        charges: The offences the case was opened for, as far as known.
        authority: Who opened it (investigators, a prosecutor).
    """

    type: ClassVar[str] = "criminal_case_opened"

    charges: tuple[Charge, ...] = ()
    authority: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class ChargeUpgraded(Event):
    """The charges in a case were changed, usually to a graver clause.

    Attributes:
        case: The criminal case whose charges changed.
        charges: The charges after the change.
    """

    type: ClassVar[str] = "charge_upgraded"

    case: str | None = _ref("criminal_case_opened")
    charges: tuple[Charge, ...] = ()


@attrs.frozen(kw_only=True)
class WantedListing(Event):
    """The person was put on a wanted list by ``jurisdiction``.

    Attributes:
        scope: How far the listing reaches (national, interstate, Interpol).
        charges: The offences the person is wanted for, as far as known.
    """

    type: ClassVar[str] = "wanted_listing"

    scope: WantedScope
    charges: tuple[Charge, ...] = ()


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
class ExtraditionSuspended(Event):
    """Extradition was suspended (until an asylum claim is resolved, say).

    Attributes:
        reason: Why, or until when, as reported.
        authority: Who suspended it (a prosecutor, a court).
    """

    type: ClassVar[str] = "extradition_suspended"

    reason: str | None = _opt_text()
    authority: str | None = _opt_text()


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
class Escape(Event):
    """The person escaped from custody.

    Attributes:
        place: Where they escaped from.
    """

    type: ClassVar[str] = "escape"

    place: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class Departure(Event):
    """The person left ``jurisdiction`` of their own accord.

    Attributes:
        destination: The state the person went to (ISO 3166-1 alpha-2).
    """

    type: ClassVar[str] = "departure"

    destination: str = _country()


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
class InterimMeasureLifted(Event):
    """An interim measure was lifted by the body that requested it."""

    type: ClassVar[str] = "interim_measure_lifted"

    measure: str = _ref("interim_measure_requested", optional=False)


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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


# -- format 2: international procedure ----------------------------------------


@attrs.frozen(kw_only=True)
class ComplaintLodged(Event):
    """A complaint to an international body: a communication, an application.

    ``jurisdiction`` is the respondent state (the first of ``against``).

    Attributes:
        body: The body it went to.
        reference: Its number (``2947/06``, ``CAT/C/34/D/233/2003``).
        against: The respondent states (ISO 3166-1 alpha-2); empty means
            ``jurisdiction`` alone.
        articles: The articles invoked, as written (``3``, ``5 § 1``, ``13``).
        by: Who lodged it (the person, a lawyer, a relative).
    """

    type: ClassVar[str] = "complaint_lodged"

    body: InterimBody = _probed(VARY)
    reference: str | None = _opt_text()
    against: tuple[str, ...] = _countries()
    articles: tuple[str, ...] = ()
    by: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class ComplaintCommunicated(Event):
    """The body gave the respondent state notice of a complaint.

    Attributes:
        complaint: The complaint communicated.
    """

    type: ClassVar[str] = "complaint_communicated"

    complaint: str = _ref("complaint_lodged", optional=False)


@attrs.frozen(kw_only=True)
class InternationalDecision(Event):
    """A decision of an international body on a complaint, article by article.

    The holdings are the body's own: a record of a decided case carries
    them as facts, and a test of the law compares the engine's findings
    with them.

    Attributes:
        body: The body that decided.
        complaint: The complaint decided.
        stage: What was decided (admissibility, merits, both).
        reference: The decision's reference (a HUDOC item, a UN document symbol).
        holdings: What the body held, one entry per article.
    """

    type: ClassVar[str] = "international_decision"

    body: InterimBody = _probed(VARY)
    complaint: str | None = _ref("complaint_lodged")
    stage: DecisionStage = DecisionStage.ADMISSIBILITY_AND_MERITS
    reference: str | None = _opt_text()
    holdings: tuple[ArticleHolding, ...] = ()


@attrs.frozen(kw_only=True)
class ComplaintReferred(Event):
    """A complaint went to a higher formation: the Grand Chamber, or the Court itself.

    A referral after a Chamber judgment (ECHR art 43), a relinquishment, or
    (before 1998) a referral by the Commission or a state.

    Attributes:
        complaint: The complaint referred.
        to: The formation it went to (``Grand Chamber``).
        by: Who asked for it (the Government, the applicant, the Commission).
    """

    type: ClassVar[str] = "complaint_referred"

    complaint: str | None = _ref("complaint_lodged")
    to: str | None = _opt_text()
    by: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class InterimMeasureRefused(Event):
    """An international body declined to indicate an interim measure.

    Attributes:
        body: The body that declined.
        complaint: The complaint it was asked in.
        content: What was asked, in words.
    """

    type: ClassVar[str] = "interim_measure_refused"
    procedural: ClassVar[bool] = False

    body: InterimBody
    complaint: str | None = _ref("complaint_lodged")
    content: str | None = _opt_text()


# -- format 2: risk and its examination ----------------------------------------


@attrs.frozen(kw_only=True)
class RiskEvidence(Event):
    """Evidence of a risk the person faces in a destination state.

    The risk itself is a judgement; that the evidence exists, who produced
    it, and whether it was put to the authorities are facts.

    Attributes:
        scope: About the situation in the state, or about the person.
        destination: The state the risk is in (ISO 3166-1 alpha-2).
        risks: The harms it points to.
        group: The group at risk, in words, for general evidence.
        origin: Who produced the evidence.
        raised_in: Where it was put to the authorities (a claim, an appeal).
        description: What it shows, in words.
    """

    type: ClassVar[str] = "risk_evidence"
    procedural: ClassVar[bool] = False

    scope: RiskScope
    destination: str = _country()
    risks: tuple[Risk, ...] = ()
    group: str | None = _opt_text()
    origin: EvidenceOrigin | None = None
    raised_in: str | None = _ref(
        "asylum_claim",
        "appeal_filed",
        "extradition_requested",
        "extradition_decided",
        "expulsion_ordered",
        "complaint_lodged",
        "hearing",
    )
    description: str = _text()


@attrs.frozen(kw_only=True)
class RiskExamined(Event):
    """An authority or court examined, or declined to examine, the risk on removal.

    Attributes:
        result: What it concluded.
        by: The authority or court.
        decision: The decision in which it did so.
        destination: The state the risk was examined for (ISO 3166-1 alpha-2).
        assurance: An assurance the examination relied on.
        reviewed_asylum_refusal: Whether the examination reviewed the asylum
            refusal itself, not only the removal's form.
        description: How it reasoned, in words.
    """

    type: ClassVar[str] = "risk_examined"
    procedural: ClassVar[bool] = False

    result: RiskResult
    by: str | None = _opt_text()
    decision: str | None = _ref(
        "asylum_decision",
        "appeal_decided",
        "extradition_decided",
        "expulsion_ordered",
        "entry_refused",
        "international_decision",
    )
    destination: str | None = _opt_country()
    assurance: str | None = _ref("assurance_given")
    reviewed_asylum_refusal: bool | None = None
    description: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class Hearing(Event):
    """A hearing, an interview or questioning, with its safeguards.

    Attributes:
        kind: A hearing, an interview or questioning.
        of: The claim, appeal or procedure it belongs to.
        authority: Who heard or questioned the person.
        safeguards: Lawyer, interpreter, length.
    """

    type: ClassVar[str] = "hearing"
    procedural: ClassVar[bool] = False

    kind: HearingKind
    of: str | None = _ref(
        "asylum_claim",
        "appeal_filed",
        "extradition_requested",
        "expulsion_ordered",
        "detention",
        "transit_zone_confinement",
    )
    authority: str | None = _opt_text()
    safeguards: Safeguards | None = None


# -- format 2: complaints at home and their investigation ----------------------


@attrs.frozen(kw_only=True)
class ComplaintFiled(Event):
    """A complaint to the authorities about an abduction, ill-treatment or removal.

    Attributes:
        about: The event complained of.
        by: Who complained (a relative, a lawyer).
        authority: To whom (a prosecutor, the police).
    """

    type: ClassVar[str] = "complaint_filed"
    procedural: ClassVar[bool] = False

    about: str | None = _ref()
    by: str | None = _opt_text()
    authority: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class Investigation(Event):
    """The authorities' response to a complaint.

    Attributes:
        outcome: What they did.
        complaint: The complaint answered.
        authority: Who answered.
    """

    type: ClassVar[str] = "investigation"
    procedural: ClassVar[bool] = False

    outcome: InvestigationOutcome
    complaint: str | None = _ref("complaint_filed")
    authority: str | None = _opt_text()


# -- format 2: status, documents, movement -------------------------------------


@attrs.frozen(kw_only=True)
class ExitBlocked(Event):
    """The person was stopped from leaving ``jurisdiction``.

    Attributes:
        authority: Who stopped them.
        ground: The ground given (an exit ban, a wanted listing).
        place: Where (a checkpoint, an airport).
    """

    type: ClassVar[str] = "exit_blocked"
    procedural: ClassVar[bool] = False

    authority: str | None = _opt_text()
    ground: str | None = _opt_text()
    place: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class DocumentStatusChanged(Event):
    """What became of a document of the person's: seized, withheld, lacking, returned.

    (A refusal to issue one is :class:`DocumentDenied`.)

    Attributes:
        document: Which document.
        status: What became of it.
        by: Who holds or took it (border guards, an employer).
    """

    type: ClassVar[str] = "document_status"
    procedural: ClassVar[bool] = False

    document: DocumentKind
    status: DocumentStatus
    by: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class LawfulStay(Event):
    """A change in the person's lawful stay in ``jurisdiction``.

    Attributes:
        status: Granted, extended, running out, expired or revoked.
        until: When it ends or ended.
        basis: Its basis, in words (``visa-free stay of 90 days``).
    """

    type: ClassVar[str] = "lawful_stay"
    procedural: ClassVar[bool] = False

    status: StayStatus
    until: UncertainDate | None = None
    basis: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class Citizenship(Event):
    """The person's citizenship of ``country`` changed.

    Attributes:
        country: The state (ISO 3166-1 alpha-2).
        change: Acquired, imposed, lost, renounced or revoked.
        how: How, in words.
    """

    type: ClassVar[str] = "citizenship"
    procedural: ClassVar[bool] = False

    country: str = _country()
    change: CitizenshipChange
    how: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class RefugeeMandate(Event):
    """UNHCR decided on the person's mandate refugee status.

    Attributes:
        outcome: Recognised, refused or revoked.
        authority: The office that decided.
    """

    type: ClassVar[str] = "refugee_mandate"
    procedural: ClassVar[bool] = False

    outcome: MandateOutcome
    authority: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class ApplicationFromAbroad(Event):
    """Protection sought from outside the state that would give it.

    ``jurisdiction`` is where the person applied (the state they are in);
    the claim itself would be made in ``to_state``. A refusal is a
    :class:`DocumentDenied` naming this event as its ``application``.

    Attributes:
        to_state: The state asked (ISO 3166-1 alpha-2).
        kind: A humanitarian visa, a travel permit, resettlement.
        authority: The embassy or office applied to.
    """

    type: ClassVar[str] = "application_from_abroad"
    procedural: ClassVar[bool] = False

    to_state: str = _country()
    kind: AbroadKind = AbroadKind.OTHER
    authority: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class DepartureOffered(Event):
    """The authorities proposed, or pressed, a departure to other states.

    Attributes:
        destinations: The states proposed (ISO 3166-1 alpha-2).
        by: Who proposed it.
        voluntary: Whether the person was free to refuse.
    """

    type: ClassVar[str] = "departure_offered"
    procedural: ClassVar[bool] = False

    destinations: tuple[str, ...] = _countries()
    by: str | None = _opt_text()
    voluntary: bool | None = None


@attrs.frozen(kw_only=True)
class ResidenceChanged(Event):
    """The person moved to live elsewhere in ``jurisdiction``, or into it.

    Attributes:
        place: Where to (a city, a region).
    """

    type: ClassVar[str] = "residence_changed"
    procedural: ClassVar[bool] = False

    place: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class RemovalAverted(Event):
    """A removal under way did not happen, by means the sources do not give.

    Recorded where a source says an extradition or a deportation was
    "blocked" or "avoided" without saying whether by a refusal, a court, a
    release or a delay: the outcome is a fact, the procedural step is not, so
    the event drives no track.

    Attributes:
        channel: The removal that was averted (an extradition, a deportation).
        how: What the sources say of how, in words.
    """

    type: ClassVar[str] = "removal_averted"
    procedural: ClassVar[bool] = False

    channel: RemovalChannel | None = None
    how: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class OfficialStatement(Event):
    """A general act or statement of an official, not about the person alone.

    A pledge not to extradite a group, a mobilization decree, a declared
    push-back policy: context that a reader and a court weigh, and not a
    legal norm (a pledge can be broken; the record keeps it as a fact).

    Attributes:
        kind: A statement, a pledge, a decree or a policy.
        by: Who made it (``the Minister of Internal Affairs``).
        content: What it says, in words.
    """

    type: ClassVar[str] = "official_statement"
    procedural: ClassVar[bool] = False

    kind: StatementKind
    by: str | None = _opt_text()
    content: str = _text()


@attrs.frozen(kw_only=True)
class ResponsibilityRequest(Event):
    """A state asked another to take charge of, or take back, the person's asylum claim.

    The Dublin procedure of the EU, or a readmission request under another
    agreement. ``jurisdiction`` is the state that asked.

    Attributes:
        to_state: The state asked (ISO 3166-1 alpha-2).
        accepted: Whether it accepted (tacit acceptance counts).
        basis: The rule relied on, in words (``Dublin II Regulation, art 10 § 1``).
    """

    type: ClassVar[str] = "responsibility_request"
    procedural: ClassVar[bool] = False

    to_state: str = _country()
    accepted: bool | None = None
    basis: str | None = _opt_text()


# -- format 2: facts in the state of origin ------------------------------------


@attrs.frozen(kw_only=True)
class MilitaryService(Event):
    """A fact of the person's military service (a contract, mobilization, leaving a unit).

    The criminal case that may follow is a :class:`CriminalCaseOpened`;
    this records the facts it is about, which the rules weigh (a military
    offence, a refusal to fight).

    Attributes:
        kind: What happened.
        unit: The unit or service (``FSO``, ``Akhmat``).
        description: In words.
    """

    type: ClassVar[str] = "military_service"
    procedural: ClassVar[bool] = False

    kind: ServiceKind
    unit: str | None = _opt_text()
    description: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class AuthoritiesContact(Event):
    """Officials sought, questioned, searched or threatened the person or relatives.

    Attributes:
        kind: Questioning, a search, a summons, a call, an approach.
        target: The person or the relatives.
        by: Who (``security agents``, ``a man claiming to be a policeman``).
    """

    type: ClassVar[str] = "authorities_contact"
    procedural: ClassVar[bool] = False

    kind: ContactKind
    target: ContactTarget = ContactTarget.PERSON
    by: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class Other(Event):
    """Context the engine does not act on (mobilization, a refused resignation).

    Attributes:
        kind: A short machine-readable name (``mobilization_declared``).
        description: What happened, in words.
    """

    type: ClassVar[str] = "other"
    procedural: ClassVar[bool] = False

    kind: str = _ident()
    description: str = _text()


#: Every concrete event type, in the order the reference docs list them.
EVENT_TYPES: tuple[type[Event], ...] = (
    BorderCrossing,
    EntryRefused,
    TransitZoneConfinement,
    Detention,
    DetentionExtended,
    Release,
    AsylumClaim,
    AsylumClaimNotRegistered,
    AsylumDecision,
    AppealFiled,
    AppealDecided,
    AdministrativeOffenceCharged,
    CriminalCaseOpened,
    ChargeUpgraded,
    WantedListing,
    CriminalConviction,
    ExpulsionOrdered,
    ExtraditionRequested,
    ExtraditionDecided,
    ExtraditionSuspended,
    Removal,
    Escape,
    Departure,
    InterimMeasureRequested,
    InterimMeasureLifted,
    AssuranceGiven,
    DocumentDenied,
    ComplaintLodged,
    ComplaintCommunicated,
    ComplaintReferred,
    InternationalDecision,
    InterimMeasureRefused,
    RiskEvidence,
    RiskExamined,
    Hearing,
    ComplaintFiled,
    Investigation,
    ExitBlocked,
    DocumentStatusChanged,
    LawfulStay,
    Citizenship,
    RefugeeMandate,
    ApplicationFromAbroad,
    DepartureOffered,
    ResidenceChanged,
    RemovalAverted,
    OfficialStatement,
    ResponsibilityRequest,
    MilitaryService,
    AuthoritiesContact,
    Other,
)

#: Event classes by their ``type`` tag.
EVENT_TYPE_BY_TAG: dict[str, type[Event]] = {cls.type: cls for cls in EVENT_TYPES}

__all__ = [
    "AdministrativeOffenceCharged",
    "AppealDecided",
    "AppealFiled",
    "ApplicationFromAbroad",
    "AssuranceGiven",
    "AsylumClaim",
    "AsylumClaimNotRegistered",
    "AsylumDecision",
    "AuthoritiesContact",
    "BorderCrossing",
    "ChargeUpgraded",
    "Citizenship",
    "ComplaintCommunicated",
    "ComplaintFiled",
    "ComplaintLodged",
    "ComplaintReferred",
    "CriminalCaseOpened",
    "CriminalConviction",
    "Departure",
    "DepartureOffered",
    "Detention",
    "DetentionExtended",
    "DocumentDenied",
    "DocumentStatusChanged",
    "EVENT_TYPES",
    "EVENT_TYPE_BY_TAG",
    "EntryRefused",
    "Escape",
    "Event",
    "ExitBlocked",
    "ExpulsionOrdered",
    "ExtraditionDecided",
    "ExtraditionRequested",
    "ExtraditionSuspended",
    "Hearing",
    "InterimMeasureLifted",
    "InterimMeasureRefused",
    "InterimMeasureRequested",
    "InternationalDecision",
    "Investigation",
    "LawfulStay",
    "MilitaryService",
    "OfficialStatement",
    "Other",
    "RefugeeMandate",
    "Release",
    "Removal",
    "RemovalAverted",
    "ResidenceChanged",
    "ResponsibilityRequest",
    "RiskEvidence",
    "RiskExamined",
    "TransitZoneConfinement",
    "WantedListing",
]
