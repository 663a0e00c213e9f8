"""Event types format 2 added: international procedure, risk and its examination,
complaints at home, status, documents and movement, facts in the state of origin.

:mod:`proceedings._events` gathers them with the others into :data:`EVENT_TYPES`.
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from ._dates import UncertainDate
from ._event import Event
from ._fields import (
    VARY,
    _countries,
    _country,
    _ident,
    _opt_country,
    _opt_text,
    _probed,
    _ref,
    _text,
)
from ._parts import (
    ArticleHolding,
    Safeguards,
)
from ._vocab import (
    AbroadKind,
    CitizenshipChange,
    ContactKind,
    ContactTarget,
    DecisionStage,
    DocumentKind,
    DocumentStatus,
    EvidenceOrigin,
    HearingKind,
    InterimBody,
    InvestigationOutcome,
    MandateOutcome,
    RemovalChannel,
    RequestKind,
    Risk,
    RiskResult,
    RiskScope,
    ServiceKind,
    StatementKind,
    StayStatus,
)

# -- format 2: international procedure ----------------------------------------


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ComplaintCommunicated(Event):
    """The body gave the respondent state notice of a complaint.

    Attributes:
        complaint: The complaint communicated.
    """

    type: ClassVar[str] = "complaint_communicated"

    complaint: str = _ref("complaint_lodged", optional=False)


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
class CooperationRefused(Event):
    """The state did not give an international body what it asked for in the proceedings.

    A refusal of access to its fact-finding delegation, documents or
    information not produced (ECHR art 38: the facilities the Court needs; the
    duty to cooperate with a UN committee). ``jurisdiction`` is the state asked.

    Attributes:
        body: The body that asked.
        complaint: The complaint it asked in.
        requested: What it asked for.
        by: Who refused or failed (the Government, a domestic court).
        explained: Whether the state gave the body a reason (``False``: none).
        reason: The reason it gave, in words.
    """

    type: ClassVar[str] = "cooperation_refused"
    procedural: ClassVar[bool] = False

    body: InterimBody
    complaint: str | None = _ref("complaint_lodged")
    requested: tuple[RequestKind, ...] = ()
    by: str | None = _opt_text()
    explained: bool | None = None
    reason: str | None = _opt_text()


# -- format 2: risk and its examination ----------------------------------------


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ResidenceChanged(Event):
    """The person moved to live elsewhere in ``jurisdiction``, or into it.

    Attributes:
        place: Where to (a city, a region).
    """

    type: ClassVar[str] = "residence_changed"
    procedural: ClassVar[bool] = False

    place: str | None = _opt_text()


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
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
