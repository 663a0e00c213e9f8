"""The vocabularies of the record format: every enumerated field's values.

Each is a ``StrEnum`` whose values are the JSON spelling; the docstrings
under the members are the format's documentation (the JSON Schema and the
docs read them).
"""

from __future__ import annotations

import enum


class OffenceCategory(enum.StrEnum):
    """How an offence is classed for the refusal grounds of extradition law."""

    MILITARY = "military"
    """A purely military offence (desertion, absence without leave)."""
    ORDINARY = "ordinary"
    """An offence under ordinary criminal law (theft, illegal border crossing)."""
    POLITICAL = "political"
    """A political or state-security offence (treason, 'extremism')."""
    UNKNOWN = "unknown"
    """Not known: stated so in the record, or found in no offence catalogue."""


class PenaltyKind(enum.StrEnum):
    """What kind of penalty a court imposed."""

    IMPRISONMENT = "imprisonment"
    """A term of imprisonment to be served (deprivation of liberty)."""
    SUSPENDED_IMPRISONMENT = "suspended_imprisonment"
    """A term of imprisonment suspended on conditions (a conditional sentence)."""
    FINE = "fine"
    EXPULSION = "expulsion"
    """Expulsion from the sentencing state; a conviction with it orders an expulsion."""
    ENTRY_BAN = "entry_ban"
    """A ban on entering the sentencing state again."""
    DEMOTION = "demotion"
    """Reduction in (or loss of) military rank."""
    ARREST = "arrest"
    """Short-term custody imposed as a penalty (administrative or criminal arrest)."""
    OTHER = "other"
    """Any other penalty; say which in the penalty's ``note``."""


class CrossingMode(enum.StrEnum):
    """Whether a border crossing was regular or irregular."""

    REGULAR = "regular"
    """Through a border checkpoint with documents."""
    IRREGULAR = "irregular"
    """Outside a checkpoint or without the required documents."""
    UNKNOWN = "unknown"
    """The sources do not say; an entry of unknown regularity is not treated as irregular."""


class DetentionGround(enum.StrEnum):
    """The legal ground the detaining authority relied on (or was reported to)."""

    BORDER = "border"
    """Detention by border guards on or near the frontier."""
    ADMINISTRATIVE = "administrative"
    """Detention for an administrative offence."""
    WANTED_PERSON = "wanted_person"
    """Detention of a person wanted by a foreign state (KZ CPC art 587: 72 hours)."""
    EXTRADITION_CUSTODY = "extradition_custody"
    """Temporary custody before an extradition request arrives (40 days)."""
    EXTRADITION_ARREST = "extradition_arrest"
    """Arrest after the extradition request has arrived."""
    PRE_TRIAL = "pre_trial"
    """Pre-trial detention in a criminal case of the detaining state."""
    IMMIGRATION = "immigration"
    """Detention pending expulsion or for a breach of migration law."""
    NONE_GIVEN = "none_given"
    """No legal ground was given or reported."""
    UNKNOWN = "unknown"
    """A ground was given, or may have been, but the sources do not say which."""


class AsylumOutcome(enum.StrEnum):
    """What a first decision on an asylum claim did with it."""

    GRANTED = "granted"
    """Refugee status (or asylum) granted."""
    SUBSIDIARY_PROTECTION = "subsidiary_protection"
    """Refugee status refused but another protection granted; it protects as a grant does."""
    REFUSED = "refused"
    """Refused on the merits or as inadmissible."""
    WITHDRAWN = "withdrawn"
    """The claim was withdrawn (or closed as withdrawn), with no decision on the merits."""
    TEMPORARY_ASYLUM = "temporary_asylum"
    """Temporary asylum granted (RU: временное убежище); it protects while it lasts."""
    UNKNOWN = "unknown"
    """Decided, but the sources do not say how (format 2)."""


class AppealLevel(enum.StrEnum):
    """Where in the hierarchy of review an appeal (or complaint) goes."""

    ADMINISTRATIVE_REVIEW = "administrative_review"
    """A complaint to the deciding authority or a superior authority, not to a court."""
    FIRST_INSTANCE = "first_instance"
    """The first court to hear the matter (a court challenge of an authority's decision)."""
    APPEAL = "appeal"
    """An appeal to a higher court against a court's decision (second instance)."""
    CASSATION = "cassation"
    """A cassation appeal, on points of law, against a decision already in force."""
    SUPREME_COURT = "supreme_court"
    """The state's supreme court, at whatever stage the procedure sends the matter there."""
    UNKNOWN = "unknown"
    """The sources do not say."""


class Appellant(enum.StrEnum):
    """Who brought an appeal."""

    PERSON = "person"
    """The person (or their lawyers or relatives on their behalf)."""
    AUTHORITY = "authority"
    """A prosecutor or another authority, against a decision in the person's favour."""
    UNKNOWN = "unknown"
    """Not reported; read as the person's appeal."""


class AppealOutcome(enum.StrEnum):
    """What the appeal body did. Read from the appellant's side."""

    UPHELD = "upheld"
    """The appeal succeeded: the decision appealed against is set aside."""
    DISMISSED = "dismissed"
    """The appeal failed: the decision appealed against stands."""
    REMANDED = "remanded"
    """The case goes back to the body that decided it."""
    SUSPENDED = "suspended"
    """The appeal body suspended the decision's execution (e.g. pending asylum)."""
    UNKNOWN = "unknown"
    """Decided, but the sources do not say how (format 2)."""


class ExpulsionKind(enum.StrEnum):
    """The procedure in which an expulsion was ordered."""

    ADMINISTRATIVE = "administrative"
    """Ordered for an administrative offence (KZ KoAP)."""
    CRIMINAL = "criminal"
    """Ordered as a penalty in a criminal verdict (KZ CC art 392)."""
    CIVIL = "civil"
    """Ordered by a court in civil (special) proceedings for breach of the law."""
    UNKNOWN = "unknown"
    """The sources do not say in which procedure (format 2)."""


class ExtraditionOutcome(enum.StrEnum):
    """What the requested state decided on an extradition request."""

    APPROVED = "approved"
    """Extradition granted (it may still be appealed, and surrender waits for that)."""
    REFUSED = "refused"
    """Extradition refused."""
    UNKNOWN = "unknown"
    """Decided, but the sources do not say how (format 2)."""


class RemovalChannel(enum.StrEnum):
    """How a person was made to leave. Every channel is a removal."""

    EXTRADITION = "extradition"
    """Surrender to a requesting state after an extradition procedure."""
    CRIMINAL_EXPULSION = "criminal_expulsion"
    """Expulsion ordered as a penalty in a criminal verdict."""
    ADMINISTRATIVE_EXPULSION = "administrative_expulsion"
    """Expulsion ordered for an administrative offence."""
    CIVIL_EXPULSION = "civil_expulsion"
    """Expulsion ordered by a court in civil proceedings for a breach of the law."""
    DEPORTATION = "deportation"
    """A removal whose legal basis the sources do not name."""
    INFORMAL_HANDOVER = "informal_handover"
    """Handed to foreign agents outside any procedure."""
    FOREIGN_FACILITY_TRANSFER = "foreign_facility_transfer"
    """Taken to a facility under a foreign state's control (e.g. a leased base)."""
    FRONTIER_REJECTION = "frontier_rejection"
    """Sent back at the frontier or from a transit zone."""


class InterimBody(enum.StrEnum):
    """An international body that takes complaints and may request interim measures.

    (The name is from format 1, when only interim measures named a body.)
    """

    UN_CAT = "un_cat"
    """UN Committee against Torture (CAT art 22)."""
    UN_HRC = "un_hrc"
    """UN Human Rights Committee (ICCPR First Optional Protocol)."""
    ECTHR = "ecthr"
    """European Court of Human Rights (Rule 39)."""
    UN_CED = "un_ced"
    """UN Committee on Enforced Disappearances (ICPPED arts 30 and 31)."""
    UN_WGAD = "un_wgad"
    """UN Working Group on Arbitrary Detention (urgent appeals and opinions)."""
    OTHER = "other"
    """Another body; name it in the event's ``note``."""


class WantedScope(enum.StrEnum):
    """How far a wanted listing reaches."""

    NATIONAL = "national"
    """Wanted within the listing state only."""
    INTERSTATE = "interstate"
    """An interstate (e.g. CIS) or 'international' wanted listing."""
    INTERPOL = "interpol"
    """An Interpol notice or diffusion (a Red Notice, say)."""
    UNKNOWN = "unknown"
    """The sources do not say how far it reaches (format 2)."""


class DocumentKind(enum.StrEnum):
    """The kind of document refused, seized, held or lacking."""

    TRAVEL_DOCUMENT = "travel_document"
    """A travel document other than a national passport (a refugee's travel document)."""
    VISA = "visa"
    RESIDENCE_PERMIT = "residence_permit"
    """A temporary or permanent residence permit, or its extension."""
    PASSPORT = "passport"
    """A national passport."""
    MILITARY_ID = "military_id"
    """A military identity document (RU: военный билет)."""
    OTHER = "other"
    """Another document; say which in the event's ``purpose`` or ``note``."""


# -- format 2 ------------------------------------------------------------------


class AsylumKind(enum.StrEnum):
    """The protection a claim asks for."""

    REFUGEE_STATUS = "refugee_status"
    """Refugee status under the 1951 Convention, as the host state's law provides."""
    TEMPORARY_ASYLUM = "temporary_asylum"
    """Temporary asylum (RU: временное убежище)."""
    POLITICAL_ASYLUM = "political_asylum"
    """Political asylum granted by the head of state (KZ, RU)."""
    SUBSIDIARY = "subsidiary"
    """Subsidiary or humanitarian protection."""
    UNKNOWN = "unknown"
    """The sources do not say."""


class DecisionStage(enum.StrEnum):
    """What an international body decided on a complaint."""

    ADMISSIBILITY = "admissibility"
    """Admissibility only."""
    MERITS = "merits"
    """The merits (after a separate admissibility decision)."""
    ADMISSIBILITY_AND_MERITS = "admissibility_and_merits"
    """Admissibility and merits together (a judgment, or a Committee's views)."""
    FOLLOW_UP = "follow_up"
    """Follow-up of an earlier decision (its implementation)."""
    STRIKING_OUT = "striking_out"
    """The complaint was struck out or discontinued."""


class Holding(enum.StrEnum):
    """What an international body held on one article."""

    VIOLATION = "violation"
    """The state violated the article."""
    NO_VIOLATION = "no_violation"
    """The state did not violate the article."""
    WOULD_VIOLATE = "would_violate"
    """The removal would violate the article if it were carried out."""
    WOULD_NOT_VIOLATE = "would_not_violate"
    """The removal would not violate the article."""
    INADMISSIBLE = "inadmissible"
    """The complaint under the article is inadmissible."""
    NOT_EXAMINED = "not_examined"
    """The body found it unnecessary to examine the complaint under the article."""
    STRUCK_OUT = "struck_out"
    """The complaint under the article was struck out."""
    ADMISSIBLE = "admissible"
    """The complaint under the article was declared admissible (the merits come later)."""
    NO_JURISDICTION = "no_jurisdiction"
    """The body held it had no jurisdiction to examine the complaint under the article."""


class InterimCover(enum.StrEnum):
    """What an interim measure asks the state to do or not to do."""

    NO_EXTRADITION = "no_extradition"
    """Not to extradite."""
    NO_REMOVAL = "no_removal"
    """Not to remove by any channel (extradition, expulsion, deportation, handover)."""
    NO_REMOVAL_TO_DESTINATION = "no_removal_to_destination"
    """Not to remove to the state named in ``destination``."""
    DETENTION_CONDITIONS = "detention_conditions"
    """To change or protect the conditions of detention."""
    MEDICAL_CARE = "medical_care"
    """To provide medical care."""
    OTHER = "other"
    """Something else; say what in ``content``."""


class AssuranceKind(enum.StrEnum):
    """Who promises what to whom."""

    DIPLOMATIC = "diplomatic"
    """The requesting or destination state promises the host state (diplomatic assurances)."""
    HOST_STATE = "host_state"
    """The host state promises the person, a court or an international body."""
    UNKNOWN = "unknown"
    """The sources do not say."""


class Promise(enum.StrEnum):
    """What an assurance promises."""

    NO_TORTURE = "no_torture"
    """No torture or ill-treatment."""
    NO_DEATH_PENALTY = "no_death_penalty"
    """The death penalty will not be sought, imposed or carried out."""
    FAIR_TRIAL = "fair_trial"
    """A fair trial."""
    NO_POLITICAL_PROSECUTION = "no_political_prosecution"
    """No prosecution for political reasons or for other offences than those named."""
    CONSULAR_ACCESS = "consular_access"
    """Access for the host state's diplomats or consuls."""
    MONITORING_ACCESS = "monitoring_access"
    """Access for independent monitors."""
    NO_REMOVAL = "no_removal"
    """The person will not be removed."""
    NO_EXTRADITION_PENDING_ASYLUM = "no_extradition_pending_asylum"
    """No extradition before the asylum case ends."""
    OTHER = "other"
    """Something else; say what in ``content``."""


class RiskScope(enum.StrEnum):
    """Whether evidence of risk is about a situation or about the person."""

    GENERAL = "general"
    """The situation in the destination state (systematic torture, a persecuted group)."""
    INDIVIDUAL = "individual"
    """The person's own circumstances (earlier ill-treatment, the charges' nature)."""


class Risk(enum.StrEnum):
    """A harm a person may face in a destination state."""

    TORTURE = "torture"
    ILL_TREATMENT = "ill_treatment"
    """Inhuman or degrading treatment or punishment."""
    PERSECUTION = "persecution"
    DEATH_PENALTY = "death_penalty"
    UNFAIR_TRIAL = "unfair_trial"
    """A flagrant denial of justice."""
    ARBITRARY_DETENTION = "arbitrary_detention"
    DISAPPEARANCE = "disappearance"
    FORCED_CONSCRIPTION = "forced_conscription"
    """Being sent to fight, or punished for refusing."""
    OTHER = "other"


class EvidenceOrigin(enum.StrEnum):
    """Who produced a piece of evidence."""

    UN_BODY = "un_body"
    """A UN treaty body, special procedure or agency (UNHCR)."""
    INTERNATIONAL_NGO = "international_ngo"
    """Human Rights Watch, Amnesty International and the like."""
    NGO = "ngo"
    """A national human-rights group."""
    STATE_REPORT = "state_report"
    """A government's report (the US State Department's, say)."""
    COURT = "court"
    """A court's finding."""
    THE_PERSON = "the_person"
    """The person's own account."""
    MEDIA = "media"
    OTHER = "other"


class RiskResult(enum.StrEnum):
    """What an examination of risk concluded."""

    RISK_FOUND = "risk_found"
    """A real risk was found."""
    NO_RISK_FOUND = "no_risk_found"
    """The risk was examined and not found."""
    NOT_EXAMINED = "not_examined"
    """The authority declined or failed to examine it (the claim was dismissed on form, say)."""
    UNKNOWN = "unknown"
    """The sources do not say what was concluded."""


class HearingKind(enum.StrEnum):
    """A hearing, an interview or questioning."""

    INTERVIEW = "interview"
    """An interview in an asylum or removal procedure."""
    HEARING = "hearing"
    """A hearing before a court or tribunal."""
    QUESTIONING = "questioning"
    """Questioning by police or security officers."""


class ZoneKind(enum.StrEnum):
    """Where a person is confined without being admitted or removed."""

    AIRPORT_TRANSIT = "airport_transit"
    """An airport's international transit zone."""
    WAITING_ZONE = "waiting_zone"
    """A waiting zone in law (FR: zone d'attente)."""
    BORDER_ZONE = "border_zone"
    """A land-border transit zone or a holding area at a crossing point."""
    RECEPTION_CENTRE = "reception_centre"
    """A closed reception or identification centre."""
    OTHER = "other"


class Actor(enum.StrEnum):
    """Who carried out a detention or a removal."""

    HOST_AGENTS = "host_agents"
    """Agents of the host state (``jurisdiction``)."""
    FOREIGN_AGENTS = "foreign_agents"
    """Agents of another state (``actor_state``)."""
    JOINT = "joint"
    """Host and foreign agents together."""
    UNIDENTIFIED = "unidentified"
    """Unidentified men (plain clothes, no documents shown)."""
    PRIVATE = "private"
    """Private persons (an employer, a carrier)."""
    UNKNOWN = "unknown"
    """The sources do not say."""


class Involvement(enum.StrEnum):
    """How far the host state's involvement in an act is shown."""

    ESTABLISHED = "established"
    """Established (by a court, an international body, or admitted)."""
    ALLEGED = "alleged"
    """Alleged (by the person, lawyers or sources) but not established."""
    DENIED = "denied"
    """Denied by the state, and not established."""
    UNKNOWN = "unknown"


class InvestigationOutcome(enum.StrEnum):
    """The authorities' response to a complaint."""

    OPENED = "opened"
    """An investigation (a criminal case) was opened."""
    REFUSED = "refused"
    """They refused to open one."""
    CLOSED = "closed"
    """An investigation was closed with no one charged."""
    NO_RESPONSE = "no_response"
    """No response is recorded."""
    ONGOING = "ongoing"
    UNKNOWN = "unknown"


class DocumentStatus(enum.StrEnum):
    """What became of a person's document."""

    SEIZED = "seized"
    """Taken by an authority."""
    WITHHELD = "withheld"
    """Held by someone else against the person's will (an employer, a unit)."""
    LACKING = "lacking"
    """The person has none."""
    EXPIRED = "expired"
    LOST = "lost"
    RETURNED = "returned"
    ISSUED = "issued"


class StayStatus(enum.StrEnum):
    """A change in a person's lawful stay."""

    GRANTED = "granted"
    EXTENDED = "extended"
    EXPIRING = "expiring"
    """Running out (the person was warned, or the term is near its end)."""
    EXPIRED = "expired"
    REVOKED = "revoked"


class CitizenshipChange(enum.StrEnum):
    """How a person's citizenship changed."""

    ACQUIRED = "acquired"
    IMPOSED = "imposed"
    """Conferred without a free choice (passportization in an occupied territory)."""
    LOST = "lost"
    RENOUNCED = "renounced"
    REVOKED = "revoked"


class MandateOutcome(enum.StrEnum):
    """UNHCR's decision on mandate refugee status."""

    RECOGNISED = "recognised"
    REFUSED = "refused"
    REVOKED = "revoked"


class AbroadKind(enum.StrEnum):
    """How protection was sought from outside the state that would give it."""

    HUMANITARIAN_VISA = "humanitarian_visa"
    """A visa to travel and claim asylum (FR: visa au titre de l'asile)."""
    TRAVEL_PERMIT = "travel_permit"
    """A travel permit or laissez-passer to reach the state."""
    RESETTLEMENT = "resettlement"
    """Resettlement through UNHCR or a state programme."""
    OTHER = "other"


class ServiceKind(enum.StrEnum):
    """A fact of a person's military service."""

    SCHOOL_ENTERED = "school_entered"
    """Entered a military school (which may carry a service obligation)."""
    CONSCRIPTED = "conscripted"
    CONTRACT_SIGNED = "contract_signed"
    CONTRACT_EXTENDED = "contract_extended"
    """Extended, by the person or by decree."""
    MOBILIZED = "mobilized"
    DEPLOYED = "deployed"
    RESIGNATION_REFUSED = "resignation_refused"
    ABSENT = "absent"
    """Stopped reporting for service."""
    UNIT_ABANDONED = "unit_abandoned"
    """Left the unit or did not return to it."""
    ORDER_REFUSED = "order_refused"
    PAY_STOPPED = "pay_stopped"
    THREATENED = "threatened"
    """Threatened by commanders or officials."""
    INJURED = "injured"
    DISCHARGED = "discharged"
    OTHER = "other"


class ContactKind(enum.StrEnum):
    """How officials sought or pressed a person or their relatives."""

    QUESTIONING = "questioning"
    SEARCH = "search"
    """A search of a home or belongings."""
    SUMMONS = "summons"
    PHONE_CALL = "phone_call"
    APPROACH = "approach"
    """An informal approach (a call or visit by someone claiming to be an official)."""
    INQUIRY = "inquiry"
    """An official inquiry about the person (a prosecutor's interest)."""
    ATTEMPTED_DETENTION = "attempted_detention"
    """An attempt to find and detain the person."""
    THREAT = "threat"
    OTHER = "other"


class ContactTarget(enum.StrEnum):
    """Whom officials sought."""

    PERSON = "person"
    RELATIVES = "relatives"
    UNKNOWN = "unknown"


class LinkKind(enum.StrEnum):
    """How two records are related."""

    SPOUSE = "spouse"
    RELATIVE = "relative"
    CO_APPLICANT = "co_applicant"
    """Applicants in the same complaint or case."""
    SAME_CASE = "same_case"
    """The same person's proceedings, recorded separately."""
    OTHER = "other"


class StatementKind(enum.StrEnum):
    """What kind of general act or statement an official made."""

    STATEMENT = "statement"
    """A public statement (an interview, a press conference)."""
    PLEDGE = "pledge"
    """A public commitment (not to extradite a group, say); not a legal norm."""
    DECREE = "decree"
    """A decree or order of general scope (a mobilization decree)."""
    POLICY = "policy"
    """A declared policy or practice (push-backs at sea)."""


class RequestKind(enum.StrEnum):
    """What an international body asked of the state in the proceedings before it."""

    FACT_FINDING_ACCESS = "fact_finding_access"
    """Access for its delegation: to the person, to places, to witnesses."""
    DOCUMENTS = "documents"
    """Documents (the case file, decisions, records of an investigation)."""
    INFORMATION = "information"
    """Information: answers to its questions, the facts of what happened."""
    OTHER = "other"
    """Something else; say what in the event's ``note``."""


#: Every vocabulary of the record format.
VOCABULARIES: tuple[type[enum.StrEnum], ...] = (
    OffenceCategory,
    PenaltyKind,
    CrossingMode,
    DetentionGround,
    AsylumOutcome,
    AppealLevel,
    Appellant,
    AppealOutcome,
    ExpulsionKind,
    ExtraditionOutcome,
    RemovalChannel,
    InterimBody,
    WantedScope,
    DocumentKind,
    AsylumKind,
    DecisionStage,
    Holding,
    InterimCover,
    AssuranceKind,
    Promise,
    RiskScope,
    Risk,
    EvidenceOrigin,
    RiskResult,
    HearingKind,
    ZoneKind,
    Actor,
    Involvement,
    InvestigationOutcome,
    DocumentStatus,
    StayStatus,
    CitizenshipChange,
    MandateOutcome,
    AbroadKind,
    ServiceKind,
    ContactKind,
    ContactTarget,
    LinkKind,
    StatementKind,
    RequestKind,
)

__all__ = [
    "AbroadKind",
    "Actor",
    "AppealLevel",
    "AppealOutcome",
    "Appellant",
    "AssuranceKind",
    "AsylumKind",
    "AsylumOutcome",
    "CitizenshipChange",
    "ContactKind",
    "ContactTarget",
    "CrossingMode",
    "DecisionStage",
    "DetentionGround",
    "DocumentKind",
    "DocumentStatus",
    "EvidenceOrigin",
    "ExpulsionKind",
    "ExtraditionOutcome",
    "HearingKind",
    "Holding",
    "InterimBody",
    "InterimCover",
    "InvestigationOutcome",
    "Involvement",
    "LinkKind",
    "MandateOutcome",
    "OffenceCategory",
    "PenaltyKind",
    "Promise",
    "RemovalChannel",
    "RequestKind",
    "Risk",
    "RiskResult",
    "RiskScope",
    "ServiceKind",
    "StatementKind",
    "StayStatus",
    "VOCABULARIES",
    "WantedScope",
    "ZoneKind",
]
