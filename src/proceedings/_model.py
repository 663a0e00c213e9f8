"""Case records and events: the facts, as frozen attrs classes.

A record is what a human-rights group, a lawyer or a researcher knows about one
person's proceedings: who, from which sources, and the events in the order in
which they happened. Events are facts as reported, each with an uncertain date,
the state in which it happened, and the sources that say so.

Nothing here knows the law; the engine reads these objects, never the reverse.
"""

from __future__ import annotations

import datetime
import enum
from typing import Any, ClassVar

import attrs

from ._checks import (
    CHECK,
    COUNTRIES,
    COUNTRY,
    IDENTIFIER,
    LANGUAGE,
    NONEMPTY,
    NONEMPTY_ITEMS,
    POSITIVE,
    UNIQUE_STRINGS,
    validate_fields,
)
from ._dates import UncertainDate

#: The version of the JSON record format this library reads and writes.
FORMAT_VERSION = 1


# -- small field constructors ------------------------------------------------
# They attach a check (see _checks.py) so that the class, the codec and the
# schema agree on what a valid value is.


def _ident() -> Any:
    return attrs.field(metadata={CHECK: IDENTIFIER})


def _opt_ident() -> Any:
    return attrs.field(default=None, metadata={CHECK: IDENTIFIER})


def _country() -> Any:
    return attrs.field(metadata={CHECK: COUNTRY})


def _opt_country() -> Any:
    return attrs.field(default=None, metadata={CHECK: COUNTRY})


def _text() -> Any:
    return attrs.field(metadata={CHECK: NONEMPTY})


def _opt_text() -> Any:
    return attrs.field(default=None, metadata={CHECK: NONEMPTY})


def _opt_positive() -> Any:
    return attrs.field(default=None, metadata={CHECK: POSITIVE})


class _Checked:
    """Mixin: run the field checks after ``__init__`` (and ``attrs.evolve``)."""

    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        validate_fields(self)

    def _object_problems(self) -> list[tuple[str, str]]:
        """Checks that involve more than one field; override where needed."""
        return []


# -- vocabularies ------------------------------------------------------------


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


# -- parts -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Citation(_Checked):
    """A pointer from an event to one of the record's sources.

    Attributes:
        source: The ``id`` of a source listed in the record.
        quote: A short verbatim quote that supports the event.
        note: What the quote shows, or how a date was inferred from it.
    """

    source: str = _ident()
    quote: str | None = _opt_text()
    note: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class Charge(_Checked):
    """An offence by code and article, as charged or as convicted.

    Attributes:
        code: The code, as a short id: ``RU-CC`` (Criminal Code of the Russian
            Federation), ``KZ-CC``, ``KZ-KOAP``.
        article: The article number as written (``338``, ``352.1``).
        part: The part or paragraph, as written (``3``, ``2(g)``).
        label: The offence in words (``desertion``).
        category: Military, ordinary or political; ``None`` lets the engine
            look it up in the offence catalogue.
    """

    code: str = _ident()
    article: str | None = _opt_text()
    part: str | None = _opt_text()
    label: str | None = _opt_text()
    category: OffenceCategory | None = None

    def __str__(self) -> str:
        """``RU-CC art 338 part 3 (desertion)``."""
        parts = [self.code]
        if self.article:
            parts.append(f"art {self.article}")
        if self.part:
            parts.append(f"part {self.part}")
        text = " ".join(parts)
        return f"{text} ({self.label})" if self.label else text

    def _object_problems(self) -> list[tuple[str, str]]:
        if self.article is None and self.label is None:
            return [("article", "a charge needs an article or a label")]
        return []


@attrs.frozen(kw_only=True)
class Penalty(_Checked):
    """A sentence or additional penalty.

    Attributes:
        kind: What the penalty is.
        months: Its term, where it has one.
        note: Anything else (``leave to depart on his own``).
    """

    kind: PenaltyKind
    months: float | None = _opt_positive()
    note: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class Person(_Checked):
    """The person the proceedings are about.

    Attributes:
        id: A pseudonymous id, stable across records.
        name: The name as published, if it is.
        name_is_pseudonym: The published name is itself a pseudonym (AP's
            "Sparrow"); it must stay one.
        aliases: Other spellings and names in the sources.
        nationalities: ISO 3166-1 alpha-2 codes.
        birth_date: As precise as the sources allow.
    """

    id: str = _ident()
    name: str | None = _opt_text()
    name_is_pseudonym: bool = False
    aliases: tuple[str, ...] = attrs.field(default=(), metadata={CHECK: UNIQUE_STRINGS})
    nationalities: tuple[str, ...] = attrs.field(default=(), metadata={CHECK: COUNTRIES})
    birth_date: UncertainDate | None = None


@attrs.frozen(kw_only=True)
class Source(_Checked):
    """A published source the record relies on.

    Attributes:
        id: Short id used by citations (``mt-2022-12``).
        publisher: The outlet or body (``The Moscow Times``).
        title: The title as published.
        date: Publication date, as precise as known.
        url: Where it can be read, if online.
        file: A local file name, where the source is kept as a file.
        language: BCP 47 language tag (``en``, ``ru``).
        author: The byline, if any.
        note: How the source was identified or dated, its reliability.
    """

    id: str = _ident()
    publisher: str = _text()
    title: str | None = _opt_text()
    date: UncertainDate | None = None
    url: str | None = _opt_text()
    file: str | None = _opt_text()
    language: str | None = attrs.field(default=None, metadata={CHECK: LANGUAGE})
    author: str | None = _opt_text()
    note: str | None = _opt_text()

    def _object_problems(self) -> list[tuple[str, str]]:
        if self.url is None and self.file is None:
            return [("url", "a source needs a url or a file")]
        return []


@attrs.frozen(kw_only=True)
class Account(_Checked):
    """A named version of events where sources conflict.

    Events without an account belong to every account; an event with one
    belongs to that account only. Validation evaluates each account.

    Attributes:
        name: Short name used by events (``lawyer``, ``prosecutor``).
        description: Whose version this is and what it says.
    """

    name: str = _ident()
    description: str | None = _opt_text()


# -- events --------------------------------------------------------------------

#: Key under which a field that names another event stores the event types it
#: may name (an empty tuple means any type).
REFERS_TO = "proceedings.refers_to"


def _ref(*types: str, optional: bool = True) -> Any:
    metadata = {CHECK: IDENTIFIER, REFERS_TO: types}
    if optional:
        return attrs.field(default=None, metadata=metadata)
    return attrs.field(metadata=metadata)


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
    """

    type: ClassVar[str] = "event"

    id: str = _ident()
    date: UncertainDate
    jurisdiction: str = _country()
    account: str | None = _opt_ident()
    sources: tuple[Citation, ...] = ()
    note: str | None = _opt_text()
    same_day_as: str | None = _ref()


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
    to_country: str = _country()
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
    """

    type: ClassVar[str] = "entry_refused"

    ground: str | None = _opt_text()
    place: str | None = _opt_text()
    authority: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class TransitZoneConfinement(Event):
    """The person is held in an airport transit zone, neither admitted nor removed.

    Attributes:
        place: The airport or its transit zone.
    """

    type: ClassVar[str] = "transit_zone_confinement"

    place: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class Detention(Event):
    """The person was deprived of liberty.

    Attributes:
        ground: The legal ground relied on.
        authority: Who detained or ordered the detention.
        term_days: The term ordered, where one was (a court's 40 days).
        place: Where.
    """

    type: ClassVar[str] = "detention"

    ground: DetentionGround
    authority: str | None = _opt_text()
    term_days: int | None = _opt_positive()
    place: str | None = _opt_text()


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
    """

    type: ClassVar[str] = "release"

    reason: str | None = _opt_text()
    authority: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class AsylumClaim(Event):
    """The person asked for asylum or refugee status in ``jurisdiction``.

    Attributes:
        authority: The body the claim was made to (a migration service, border guards).
        place: Where it was made (an airport, a detention centre).
    """

    type: ClassVar[str] = "asylum_claim"

    authority: str | None = _opt_text()
    place: str | None = _opt_text()


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
    """

    type: ClassVar[str] = "asylum_decision"

    outcome: AsylumOutcome
    claim: str | None = _ref("asylum_claim")
    authority: str | None = _opt_text()


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


@attrs.frozen(kw_only=True)
class AppealDecided(Event):
    """The decision on an appeal (see :class:`AppealOutcome` for the reading).

    Attributes:
        appeal: The appeal decided.
        outcome: What the appeal body did, read from the appellant's side.
        forum: The court or body that decided it.
    """

    type: ClassVar[str] = "appeal_decided"

    appeal: str = _ref("appeal_filed", optional=False)
    outcome: AppealOutcome
    forum: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class AdministrativeOffenceCharged(Event):
    """Charged with administrative offences (a KoAP protocol).

    Attributes:
        offences: The administrative offences charged.
        authority: Who drew up the protocol (the police, the migration service).
    """

    type: ClassVar[str] = "administrative_offence_charged"

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
    """

    type: ClassVar[str] = "criminal_conviction"

    charges: tuple[Charge, ...] = ()
    sentence: tuple[Penalty, ...] = ()
    additional_penalties: tuple[Penalty, ...] = ()
    in_absentia: bool = False
    court: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class ExpulsionOrdered(Event):
    """An expulsion was ordered (by a court or an authority).

    Attributes:
        kind: Administrative, criminal-verdict or civil-procedure expulsion.
        basis: The event it rests on (the conviction, the offence protocol).
        authority: Who ordered it.
        entry_ban_years: The entry ban attached, where stated.
    """

    type: ClassVar[str] = "expulsion_ordered"

    kind: ExpulsionKind
    basis: str | None = _ref("criminal_conviction", "administrative_offence_charged")
    authority: str | None = _opt_text()
    entry_ban_years: int | None = _opt_positive()


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
    """

    type: ClassVar[str] = "extradition_decided"

    outcome: ExtraditionOutcome
    request: str | None = _ref("extradition_requested")
    authority: str | None = _opt_text()


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
    """

    type: ClassVar[str] = "removal"

    channel: RemovalChannel
    destination: str = _country()
    handed_to: str | None = _opt_text()
    authority: str | None = _opt_text()
    place: str | None = _opt_text()


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

    Attributes:
        body: The body that requested the measure.
        content: What it asked, in words (``not to extradite him to Russia``).
    """

    type: ClassVar[str] = "interim_measure_requested"

    body: InterimBody
    content: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class InterimMeasureLifted(Event):
    """An interim measure was lifted by the body that requested it."""

    type: ClassVar[str] = "interim_measure_lifted"

    measure: str = _ref("interim_measure_requested", optional=False)


@attrs.frozen(kw_only=True)
class AssuranceGiven(Event):
    """An official assurance (not to extradite before the asylum case ends, say).

    Attributes:
        by: Who gave it (``Prosecutor General's Office of Kazakhstan``).
        content: What was assured, in words.
    """

    type: ClassVar[str] = "assurance_given"

    by: str = _text()
    content: str = _text()


@attrs.frozen(kw_only=True)
class DocumentDenied(Event):
    """A travel document, visa or permit was refused by ``jurisdiction``.

    Attributes:
        document: The kind of document refused.
        purpose: What it was sought for, or the application refused
            (``to travel to France to apply for asylum``).
        authority: Who refused it.
    """

    type: ClassVar[str] = "document_denied"

    document: DocumentKind
    purpose: str | None = _opt_text()
    authority: str | None = _opt_text()


@attrs.frozen(kw_only=True)
class Other(Event):
    """Context the engine does not act on (mobilization, a refused resignation).

    Attributes:
        kind: A short machine-readable name (``mobilization_declared``).
        description: What happened, in words.
    """

    type: ClassVar[str] = "other"

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
    Other,
)

#: Event classes by their ``type`` tag.
EVENT_TYPE_BY_TAG: dict[str, type[Event]] = {cls.type: cls for cls in EVENT_TYPES}


# -- the record ----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CaseRecord(_Checked):
    """One person's proceedings: who, from which sources, and what happened.

    Attributes:
        id: Unique within a corpus.
        person: Whom the proceedings are about.
        sources: Every source the events cite.
        events: In the order in which they happened.
        accounts: Named versions of events, where the sources conflict.
        title: A short human title.
        summary: The story in a few sentences, from the sources.
        notes: Free notes: open questions, data gaps.
        format_version: The JSON format version (see :data:`FORMAT_VERSION`).
    """

    id: str = _ident()
    person: Person
    sources: tuple[Source, ...] = ()
    events: tuple[Event, ...] = ()
    accounts: tuple[Account, ...] = ()
    title: str | None = _opt_text()
    summary: str | None = _opt_text()
    notes: tuple[str, ...] = attrs.field(default=(), metadata={CHECK: NONEMPTY_ITEMS})
    format_version: int = FORMAT_VERSION

    def _object_problems(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        if self.format_version != FORMAT_VERSION:
            problems.append(
                (
                    "format_version",
                    f"unsupported format_version {self.format_version}; "
                    f"this library reads version {FORMAT_VERSION}",
                )
            )
        problems.extend(_reference_problems(self))
        return problems

    def event(self, event_id: str) -> Event:
        """The event with this id.

        Raises:
            KeyError: No event has that id.
        """
        for ev in self.events:
            if ev.id == event_id:
                return ev
        raise KeyError(event_id)


@attrs.frozen
class EventRefs:
    """What the reference checks need to know of one event.

    Built from an :class:`Event`, or from raw JSON where the event itself
    could not be built, so that reference problems are reported together
    with structural ones. Unknown parts are ``None`` and not checked.
    """

    id: str | None
    type: str | None
    account: str | None
    citations: tuple[str | None, ...]
    refs: tuple[tuple[str, str], ...]
    dates: tuple[datetime.date, datetime.date] | None = None

    @classmethod
    def of(cls, ev: Event) -> EventRefs:
        return cls(
            id=ev.id,
            type=ev.type,
            account=ev.account,
            citations=tuple(c.source for c in ev.sources),
            dates=(ev.date.earliest, ev.date.latest),
            refs=tuple(
                (f.name, value)
                for f in _ref_fields(type(ev))
                if (value := getattr(ev, f.name)) is not None
            ),
        )


def _ref_fields(cls: type[Event]) -> tuple[attrs.Attribute[Any], ...]:
    return tuple(f for f in attrs.fields(cls) if REFERS_TO in f.metadata)


def _duplicates(
    values: list[str | None], key: str, where: str
) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Index values; report every repeat with its path."""
    index: dict[str, int] = {}
    problems: list[tuple[str, str]] = []
    for i, value in enumerate(values):
        if value is None:
            continue
        if value in index:
            problems.append(
                (f"{where}[{i}].{key}", f"{key} {value!r} repeats {where}[{index[value]}]")
            )
        else:
            index[value] = i
    return index, problems


def _reference_problems(record: CaseRecord) -> list[tuple[str, str]]:
    return reference_problems(
        [s.id for s in record.sources],
        [a.name for a in record.accounts],
        [EventRefs.of(ev) for ev in record.events],
    )


def reference_problems(
    source_ids: list[str | None] | None,
    account_names: list[str | None] | None,
    events: list[EventRefs],
) -> list[tuple[str, str]]:
    """Every repeated id and every dangling or ill-typed reference in a record.

    Paths are relative to the record (``events[3].against``). An event may
    refer only to an earlier event, and only to one that belongs to its own
    account or to every account: a fact cannot rest on another version of
    events, nor on something that had not happened yet.

    A list given as ``None`` (or holding ``None``) is not fully known, as in
    a record that failed to build: references into it are not judged.
    """
    sources, problems = _duplicates(source_ids or [], "id", "sources")
    accounts, more = _duplicates(account_names or [], "name", "accounts")
    problems += more
    by_id, more = _duplicates([ev.id for ev in events], "id", "events")
    problems += more
    know_sources = source_ids is not None and None not in source_ids
    know_accounts = account_names is not None and None not in account_names
    know_events = None not in [ev.id for ev in events]
    for i, ev in enumerate(events):
        where = f"events[{i}]"
        if know_accounts and ev.account is not None and ev.account not in accounts:
            declared = ", ".join(sorted(accounts)) or "none declared"
            problems.append(
                (f"{where}.account", f"account {ev.account!r} is not declared ({declared})")
            )
        for j, source in enumerate(ev.citations):
            if know_sources and source is not None and source not in sources:
                problems.append(
                    (f"{where}.sources[{j}].source", f"source {source!r} is not listed")
                )
        allowed_by_field = (
            {f.name: f.metadata[REFERS_TO] for f in _ref_fields(EVENT_TYPE_BY_TAG[ev.type])}
            if ev.type in EVENT_TYPE_BY_TAG
            else {}
        )
        for name, target_id in ev.refs:
            allowed = allowed_by_field.get(name, ())
            path = f"{where}.{name}"
            k = by_id.get(target_id)
            if k is None:
                if know_events:
                    problems.append((path, f"no event has id {target_id!r}"))
                continue
            target = events[k]
            if k >= i:
                problems.append((path, f"event {target_id!r} comes later; refer to earlier ones"))
            elif allowed and target.type is not None and target.type not in allowed:
                problems.append(
                    (
                        path,
                        f"event {target_id!r} is a {target.type}; expected {' or '.join(allowed)}",
                    )
                )
            elif (
                target.account is not None
                and target.account != ev.account
                # An undeclared account is already reported: one problem, one report.
                and (ev.account is None or ev.account in accounts)
            ):
                problems.append(
                    (path, f"event {target_id!r} belongs to account {target.account!r} only")
                )
            elif name == "same_day_as" and not _may_share_a_day(ev, target):
                problems.append(
                    (
                        path,
                        f"event {target_id!r} cannot have happened on the same day: dates disjoint",
                    )
                )
    return problems


def _may_share_a_day(a: EventRefs, b: EventRefs) -> bool:
    if a.dates is None or b.dates is None:
        return True
    return a.dates[0] <= b.dates[1] and b.dates[0] <= a.dates[1]
