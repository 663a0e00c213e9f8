"""The default statechart: the tracks a person's state has in each jurisdiction.

Each track is data; the engine and the diagrams read it, and
:class:`~proceedings._statechart.Statechart` checks it when this module is
imported. A track ignores the event types it has no transition for; the
model's non-procedural event types (``Event.procedural``) drive no track.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ._model import (
    AppealDecided,
    AppealFiled,
    CriminalConviction,
    Event,
    InterimMeasureLifted,
    PenaltyKind,
)
from ._statechart import ANY, Statechart, Track, Transition

_ALL = (ANY,)

#: A derived feature: a value computed from an event (and the events it
#: refers to, by id) that transitions test like a field.
Feature = Callable[[Event, Mapping[str, Event]], Any]


def _appeal_root(event: Event, events_by_id: Mapping[str, Event]) -> str | None:
    # Follow an appeal chain down to the decision at its root: an appeal
    # against the decision on an appeal against an asylum refusal is, for the
    # asylum track, still about the asylum refusal.
    seen: set[str] = set()
    current: Event | None = event
    while current is not None and current.id not in seen:
        seen.add(current.id)
        if isinstance(current, AppealDecided):
            current = events_by_id.get(current.appeal)
        elif isinstance(current, AppealFiled):
            current = events_by_id.get(current.against)
        else:
            return current.type
    return None


def _has_expulsion_penalty(event: Event, events_by_id: Mapping[str, Event]) -> bool:
    return isinstance(event, CriminalConviction) and any(
        p.kind is PenaltyKind.EXPULSION for p in (*event.sentence, *event.additional_penalties)
    )


def _measure_body(event: Event, events_by_id: Mapping[str, Event]) -> str | None:
    measure = event
    if isinstance(event, InterimMeasureLifted):
        measure = events_by_id.get(event.measure, event)
    body = getattr(measure, "body", None)
    return body.value if body is not None else None


def _appellant(event: Event, events_by_id: Mapping[str, Event]) -> str | None:
    appeal = event
    if isinstance(event, AppealDecided):
        appeal = events_by_id.get(event.appeal, event)
    who = getattr(appeal, "appellant", None)
    return who.value if who is not None else None


def _direction(event: Event, events_by_id: Mapping[str, Event]) -> str:
    to_country = getattr(event, "to_country", None)
    return "in" if to_country == event.jurisdiction else "out"


#: Derived features that transitions test, besides event fields, each with
#: the function that computes it.
#: ``appeal_root``: for an appeal or its decision, the type of the decision at
#: the root of the appeal chain. ``has_expulsion_penalty``: a conviction
#: carries expulsion. ``direction``: a border crossing ``in`` to the event's
#: jurisdiction or ``out`` of it.
#: ``measure_body``: the body of an interim measure (or of the one lifted).
#: ``appellant``: who brought an appeal (for its decision too): ``person``,
#: ``authority`` or ``unknown``; only the person's appeals (and appeals of
#: unknown origin) are read as protecting the person.
FEATURES: Mapping[str, Feature] = {
    "appeal_root": _appeal_root,
    "has_expulsion_penalty": _has_expulsion_penalty,
    "direction": _direction,
    "measure_body": _measure_body,
    "appellant": _appellant,
}


def features(event: Event, events_by_id: Mapping[str, Event]) -> Callable[[str], Any]:
    """The lookup the chart's conditions use for one event: a derived feature or a field."""

    # Several transitions may test one feature: each is computed once.
    seen: dict[str, Any] = {}

    def lookup(name: str) -> Any:
        if name in seen:
            return seen[name]
        feature = FEATURES.get(name)
        value = feature(event, events_by_id) if feature is not None else getattr(event, name, None)
        seen[name] = value
        return value

    return lookup


_PERSON = ("person", "unknown")

_ASYLUM_DECISIONS = ("asylum_decision", "asylum_claim_not_registered")
_EXPULSION_ROOTS = ("expulsion_ordered",)
_EXPULSION_CHANNELS = (
    "criminal_expulsion",
    "administrative_expulsion",
    "civil_expulsion",
    "deportation",
)
_CUSTODY_MARKS = ("custody_start", "custody", "wanted_detention")
_EXTRADITION_GROUNDS = ("wanted_person", "extradition_custody", "extradition_arrest")


def _t(
    on: str,
    source: tuple[str, ...],
    target: str,
    *,
    marks: tuple[str, ...] = (),
    clears: tuple[str, ...] = (),
    **when: tuple[Any, ...],
) -> Transition:
    # Conditions are written as keywords (channel=("extradition",)).
    return Transition(on=on, source=source, target=target, when=when, marks=marks, clears=clears)


PRESENCE = Track(
    name="presence",
    description="Where the person is with respect to the jurisdiction's territory.",
    initial="absent",
    states={
        "absent": "Not (yet) in the jurisdiction, as far as the record shows.",
        "present": "In the territory, entry regular or of unknown regularity.",
        "irregular": "In the territory after an irregular crossing.",
        "at_border": "Refused entry; held at the border.",
        "transit_zone": "Airside in a transit zone, neither admitted nor removed.",
        "removed": "Made to leave, by any channel (the removal event says which).",
        "departed": "Left of their own accord.",
    },
    transitions=(
        _t("border_crossing", _ALL, "irregular", direction=("in",), mode=("irregular",)),
        _t("border_crossing", _ALL, "present", direction=("in",), mode=("regular", "unknown")),
        _t("border_crossing", _ALL, "departed", direction=("out",)),
        _t("entry_refused", _ALL, "at_border"),
        _t("transit_zone_confinement", _ALL, "transit_zone"),
        _t("removal", _ALL, "removed", marks=("removal",)),
        _t("departure", _ALL, "departed"),
    ),
)

CUSTODY = Track(
    name="custody",
    description="Whether the person is deprived of liberty by the jurisdiction.",
    initial="free",
    states={
        "free": "At liberty.",
        "detained": "In custody on some legal ground (see the detention events).",
        "escaped": "Escaped from custody.",
    },
    transitions=(
        # "wanted_detention" marks a detention on a foreign wanted notice not
        # yet followed by any court order: the 72-hour clock of KZ CPC art 587.
        _t(
            "detention",
            ("free", "escaped"),
            "detained",
            ground=("wanted_person",),
            marks=("custody_start", "custody", "wanted_detention"),
        ),
        _t("detention", ("free", "escaped"), "detained", marks=("custody_start", "custody")),
        _t("detention", ("detained",), ANY, marks=("custody",), clears=("wanted_detention",)),
        _t(
            "detention_extended", _ALL, "detained", marks=("custody",), clears=("wanted_detention",)
        ),
        _t("release", _ALL, "free", clears=_CUSTODY_MARKS),
        _t("escape", _ALL, "escaped", clears=_CUSTODY_MARKS),
        _t("removal", _ALL, "free", clears=_CUSTODY_MARKS),
        _t("departure", _ALL, "free", clears=_CUSTODY_MARKS),
    ),
)

ASYLUM = Track(
    name="asylum",
    description="The person's claim for asylum or refugee status in the jurisdiction.",
    initial="none",
    final=frozenset({"granted"}),
    states={
        "none": "No claim recorded.",
        "claimed": "A claim is lodged and awaits a decision.",
        "not_registered": "The authorities refused to register the claim.",
        "refused": "Refused at first instance; an appeal may still be lodged.",
        "appeal_pending": "An appeal against the refusal (or non-registration) is pending.",
        "granted": "Refugee status or another protection granted.",
        "finally_refused": "Refused, and the appeal dismissed.",
        "withdrawn": "The claim was withdrawn.",
        "decided_unknown": (
            "Decided (or an appeal decided) with an outcome the sources do not give: "
            "the claim may be granted, refused or still open."
        ),
    },
    transitions=(
        _t(
            "asylum_claim",
            (
                "none",
                "not_registered",
                "refused",
                "finally_refused",
                "withdrawn",
                "decided_unknown",
            ),
            "claimed",
            marks=("asylum_claim",),
        ),
        _t("asylum_claim", ("claimed", "appeal_pending"), ANY),
        _t("asylum_claim_not_registered", _ALL, "not_registered", marks=("asylum_decision",)),
        _t(
            "asylum_decision",
            _ALL,
            "granted",
            outcome=("granted", "subsidiary_protection", "temporary_asylum"),
            marks=("asylum_decision",),
        ),
        _t(
            "asylum_decision",
            _ALL,
            "decided_unknown",
            outcome=("unknown",),
            marks=("asylum_decision",),
        ),
        _t("asylum_decision", _ALL, "refused", outcome=("refused",), marks=("asylum_decision",)),
        _t("asylum_decision", _ALL, "withdrawn", outcome=("withdrawn",)),
        _t(
            "appeal_filed",
            _ALL,
            "appeal_pending",
            appeal_root=_ASYLUM_DECISIONS,
            appellant=_PERSON,
            marks=("asylum_appeal",),
        ),
        _t("appeal_filed", _ALL, ANY, appeal_root=_ASYLUM_DECISIONS, appellant=("authority",)),
        _t(
            "appeal_decided",
            _ALL,
            "claimed",
            appeal_root=_ASYLUM_DECISIONS,
            appellant=_PERSON,
            outcome=("upheld", "remanded"),
        ),
        _t(
            "appeal_decided",
            _ALL,
            "finally_refused",
            appeal_root=_ASYLUM_DECISIONS,
            appellant=_PERSON,
            outcome=("dismissed",),
        ),
        _t(
            "appeal_decided",
            _ALL,
            "appeal_pending",
            appeal_root=_ASYLUM_DECISIONS,
            appellant=_PERSON,
            outcome=("suspended",),
        ),
        _t(
            "appeal_decided",
            _ALL,
            "decided_unknown",
            appeal_root=_ASYLUM_DECISIONS,
            outcome=("unknown",),
        ),
        # An authority's appeal against a grant: if it succeeds, the claim is
        # examined again; otherwise the grant stands.
        _t(
            "appeal_decided",
            _ALL,
            "claimed",
            appeal_root=_ASYLUM_DECISIONS,
            appellant=("authority",),
            outcome=("upheld", "remanded"),
        ),
        _t(
            "appeal_decided",
            _ALL,
            ANY,
            appeal_root=_ASYLUM_DECISIONS,
            appellant=("authority",),
            outcome=("dismissed", "suspended"),
        ),
    ),
)

EXTRADITION = Track(
    name="extradition",
    description="An extradition case against the person in the requested state.",
    initial="none",
    final=frozenset({"surrendered"}),
    states={
        "none": "No extradition case.",
        "wanted": "Held on a foreign wanted notice; no request recorded yet.",
        "requested": "A request has been received.",
        "approved": "Extradition approved; the appeal window is open.",
        "appeal_pending": "An appeal against the approval is pending.",
        "approved_final": "Approved and the appeal dismissed.",
        "suspended": "Extradition suspended.",
        "refused": "Extradition refused (or the approval quashed on appeal).",
        "decided_unknown": (
            "Decided (or an appeal decided) with an outcome the sources do not give."
        ),
        "surrendered": "Surrendered to the requesting state.",
    },
    transitions=(
        _t(
            "detention",
            ("none", "refused"),
            "wanted",
            ground=_EXTRADITION_GROUNDS,
            marks=("extradition_custody",),
        ),
        _t("detention", _ALL, ANY, ground=_EXTRADITION_GROUNDS),
        _t("extradition_requested", _ALL, "requested", marks=("extradition_request",)),
        _t(
            "extradition_decided",
            _ALL,
            "approved",
            outcome=("approved",),
            marks=("extradition_decision",),
        ),
        _t("extradition_decided", _ALL, "refused", outcome=("refused",)),
        _t(
            "extradition_decided",
            _ALL,
            "decided_unknown",
            outcome=("unknown",),
            marks=("extradition_decision",),
        ),
        _t(
            "appeal_filed",
            _ALL,
            "appeal_pending",
            appeal_root=("extradition_decided",),
            appellant=_PERSON,
            marks=("extradition_appeal",),
        ),
        _t(
            "appeal_filed",
            _ALL,
            ANY,
            appeal_root=("extradition_decided",),
            appellant=("authority",),
        ),
        _t(
            "appeal_decided",
            _ALL,
            "approved_final",
            appeal_root=("extradition_decided",),
            appellant=_PERSON,
            outcome=("dismissed",),
        ),
        _t(
            "appeal_decided",
            _ALL,
            "refused",
            appeal_root=("extradition_decided",),
            appellant=_PERSON,
            outcome=("upheld",),
        ),
        _t(
            "appeal_decided",
            _ALL,
            "requested",
            appeal_root=("extradition_decided",),
            outcome=("remanded",),
        ),
        _t(
            "appeal_decided",
            _ALL,
            "suspended",
            appeal_root=("extradition_decided",),
            appellant=_PERSON,
            outcome=("suspended",),
        ),
        # A prosecutor's appeal against a refusal: if it succeeds, the request
        # is decided again; otherwise the refusal stands.
        _t(
            "appeal_decided",
            _ALL,
            "requested",
            appeal_root=("extradition_decided",),
            appellant=("authority",),
            outcome=("upheld",),
        ),
        _t(
            "appeal_decided",
            _ALL,
            ANY,
            appeal_root=("extradition_decided",),
            appellant=("authority",),
            outcome=("dismissed", "suspended"),
        ),
        _t(
            "appeal_decided",
            _ALL,
            "decided_unknown",
            appeal_root=("extradition_decided",),
            outcome=("unknown",),
        ),
        _t("extradition_suspended", _ALL, "suspended"),
        _t("removal", _ALL, "surrendered", channel=("extradition",)),
    ),
)

CRIMINAL = Track(
    name="criminal",
    description=(
        "The jurisdiction's own criminal case against the person: the host state's, "
        "or the country of origin's when the jurisdiction is the origin."
    ),
    initial="none",
    states={
        "none": "No criminal case recorded.",
        "case_open": "A case is open (charged, or wanted).",
        "convicted": "Convicted; the verdict is not shown to be final.",
        "appeal_pending": "An appeal against the verdict is pending.",
        "final": "The verdict is final (appeal dismissed).",
    },
    transitions=(
        _t("criminal_case_opened", _ALL, "case_open", marks=("criminal_case",)),
        _t("wanted_listing", ("none",), "case_open", marks=("criminal_case",)),
        _t("wanted_listing", _ALL, ANY),
        _t("charge_upgraded", _ALL, ANY),
        _t("criminal_conviction", _ALL, "convicted", marks=("conviction",)),
        _t(
            "appeal_filed",
            _ALL,
            "appeal_pending",
            appeal_root=("criminal_conviction",),
            marks=("conviction_appeal",),
        ),
        _t(
            "appeal_decided",
            _ALL,
            "final",
            appeal_root=("criminal_conviction",),
            outcome=("dismissed",),
        ),
        _t(
            "appeal_decided",
            _ALL,
            "case_open",
            appeal_root=("criminal_conviction",),
            outcome=("upheld", "remanded"),
        ),
        _t(
            "appeal_decided",
            _ALL,
            "appeal_pending",
            appeal_root=("criminal_conviction",),
            outcome=("suspended",),
        ),
    ),
)

EXPULSION = Track(
    name="expulsion",
    description="An expulsion order (administrative, civil, or in a criminal verdict).",
    initial="none",
    states={
        "none": "No expulsion ordered.",
        "ordered": "Ordered; not shown to be final.",
        "appeal_pending": "An appeal against the order (or the verdict) is pending.",
        "final": "The order is final (appeal dismissed).",
        "suspended": "Its execution is suspended by the appeal body.",
        "executed": "Carried out.",
    },
    transitions=(
        _t("expulsion_ordered", _ALL, "ordered", marks=("expulsion_order",)),
        _t(
            "criminal_conviction",
            _ALL,
            "ordered",
            has_expulsion_penalty=(True,),
            marks=("expulsion_order",),
        ),
        _t(
            "appeal_filed",
            _ALL,
            "appeal_pending",
            appeal_root=_EXPULSION_ROOTS,
            marks=("expulsion_appeal",),
        ),
        _t(
            "appeal_filed",
            ("ordered",),
            "appeal_pending",
            appeal_root=("criminal_conviction",),
            marks=("expulsion_appeal",),
        ),
        _t(
            "appeal_decided",
            ("appeal_pending",),
            "final",
            appeal_root=(*_EXPULSION_ROOTS, "criminal_conviction"),
            outcome=("dismissed",),
        ),
        _t(
            "appeal_decided",
            ("appeal_pending",),
            "none",
            appeal_root=(*_EXPULSION_ROOTS, "criminal_conviction"),
            outcome=("upheld",),
            clears=("expulsion_order",),
        ),
        _t(
            "appeal_decided",
            ("appeal_pending",),
            "none",
            appeal_root=(*_EXPULSION_ROOTS, "criminal_conviction"),
            outcome=("remanded",),
            clears=("expulsion_order",),
        ),
        _t(
            "appeal_decided",
            ("appeal_pending",),
            "suspended",
            appeal_root=(*_EXPULSION_ROOTS, "criminal_conviction"),
            outcome=("suspended",),
        ),
        _t("removal", _ALL, "executed", channel=_EXPULSION_CHANNELS),
    ),
)


def _interim_track(body: str, title: str) -> Track:
    # One region per body: measures of different bodies stand and fall apart.
    return Track(
        name=f"interim_{body}",
        description=f"Interim measures of the {title} against removal.",
        initial="none",
        states={
            "none": "No interim measure of this body.",
            "in_force": "A measure asks the state not to remove the person.",
            "lifted": "The measure was lifted.",
        },
        transitions=(
            _t(
                "interim_measure_requested",
                _ALL,
                "in_force",
                measure_body=(body,),
                marks=(f"interim_{body}",),
            ),
            _t("interim_measure_lifted", _ALL, "lifted", measure_body=(body,)),
        ),
    )


INTERIM_UN_CAT = _interim_track("un_cat", "UN Committee against Torture")
INTERIM_UN_HRC = _interim_track("un_hrc", "UN Human Rights Committee")
INTERIM_ECTHR = _interim_track("ecthr", "European Court of Human Rights")
INTERIM_UN_CED = _interim_track("un_ced", "UN Committee on Enforced Disappearances")
INTERIM_UN_WGAD = _interim_track("un_wgad", "UN Working Group on Arbitrary Detention")
INTERIM_OTHER = _interim_track("other", "other international bodies")

INTERNATIONAL = Track(
    name="international",
    description=(
        "Complaints to international bodies (UN committees, the European Court): "
        "lodged, communicated to the state, decided."
    ),
    initial="none",
    states={
        "none": "No complaint recorded.",
        "lodged": "A complaint is lodged.",
        "communicated": "The body has given the state notice of the complaint.",
        "referred": "The complaint went to a higher formation (the Grand Chamber).",
        "decided": "The body has decided the complaint (its merits, or struck it out).",
    },
    transitions=(
        _t("complaint_lodged", _ALL, "lodged", marks=("complaint",)),
        _t("complaint_communicated", _ALL, "communicated"),
        _t("complaint_referred", _ALL, "referred"),
        _t(
            "international_decision",
            _ALL,
            "decided",
            stage=("merits", "admissibility_and_merits", "striking_out"),
        ),
        # An admissibility decision or a follow-up leaves the complaint where it is.
        _t("international_decision", _ALL, ANY, stage=("admissibility", "follow_up")),
    ),
)

ASSURANCE = Track(
    name="assurance",
    description="Official assurances given to the person (not legal norms; can be breached).",
    initial="none",
    final=frozenset({"given"}),
    states={"none": "No assurance recorded.", "given": "An assurance was given."},
    transitions=(_t("assurance_given", _ALL, "given", marks=("assurance",)),),
)

#: The default chart, checked at import.
CHART = Statechart(
    (
        PRESENCE,
        CUSTODY,
        ASYLUM,
        EXTRADITION,
        CRIMINAL,
        EXPULSION,
        INTERIM_UN_CAT,
        INTERIM_UN_HRC,
        INTERIM_ECTHR,
        INTERIM_UN_CED,
        INTERIM_UN_WGAD,
        INTERIM_OTHER,
        INTERNATIONAL,
        ASSURANCE,
    ),
    features=frozenset(FEATURES),
)
