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


class ExpulsionKind(enum.StrEnum):
    """The procedure in which an expulsion was ordered."""

    ADMINISTRATIVE = "administrative"
    """Ordered for an administrative offence (KZ KoAP)."""
    CRIMINAL = "criminal"
    """Ordered as a penalty in a criminal verdict (KZ CC art 392)."""
    CIVIL = "civil"
    """Ordered by a court in civil (special) proceedings for breach of the law."""


class ExtraditionOutcome(enum.StrEnum):
    """What the requested state decided on an extradition request."""

    APPROVED = "approved"
    """Extradition granted (it may still be appealed, and surrender waits for that)."""
    REFUSED = "refused"
    """Extradition refused."""


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
    """The international body that requested an interim measure."""

    UN_CAT = "un_cat"
    """UN Committee against Torture (CAT art 22)."""
    UN_HRC = "un_hrc"
    """UN Human Rights Committee (ICCPR First Optional Protocol)."""
    ECTHR = "ecthr"
    """European Court of Human Rights (Rule 39)."""


class WantedScope(enum.StrEnum):
    """How far a wanted listing reaches."""

    NATIONAL = "national"
    """Wanted within the listing state only."""
    INTERSTATE = "interstate"
    """An interstate (e.g. CIS) or 'international' wanted listing."""
    INTERPOL = "interpol"
    """An Interpol notice or diffusion (a Red Notice, say)."""


class DocumentKind(enum.StrEnum):
    """The kind of document an authority refused to issue, extend or return."""

    TRAVEL_DOCUMENT = "travel_document"
    """A travel document other than a national passport (a refugee's travel document)."""
    VISA = "visa"
    RESIDENCE_PERMIT = "residence_permit"
    """A temporary or permanent residence permit, or its extension."""
    PASSPORT = "passport"
    """A national passport."""
    OTHER = "other"
    """Another document; say which in the event's ``purpose`` or ``note``."""


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
)

__all__ = [
    "AppealLevel",
    "AppealOutcome",
    "Appellant",
    "AsylumOutcome",
    "CrossingMode",
    "DetentionGround",
    "DocumentKind",
    "ExpulsionKind",
    "ExtraditionOutcome",
    "InterimBody",
    "OffenceCategory",
    "PenaltyKind",
    "RemovalChannel",
    "VOCABULARIES",
    "WantedScope",
]
