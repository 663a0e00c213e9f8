"""proceedings: legal proceedings against people who cross borders, as data.

Case records of detention, asylum, expulsion and extradition are typed,
validated against the law (audit) or kept to it (strict). This module is the
map of the public API; everything else is private or lives in the public
submodules ``proceedings.codec``, ``proceedings.corpus``,
``proceedings.law``, ``proceedings.render``, ``proceedings.schema``,
``proceedings.strategies`` and ``proceedings.testing``.

This library is a model of the law, not legal advice.
"""

import importlib
import warnings
from typing import TYPE_CHECKING, Any

# The names are imported when first used (PEP 562), so that ``import
# proceedings`` and the command line's ``--help`` cost almost nothing; type
# checkers and editors read the imports below.
if TYPE_CHECKING:
    from ._dates import Truth, UncertainDate
    from ._durations import DayRange, HourRange, days_between, hours_between
    from ._engine import State, Step, deadlines, replay, validate
    from ._errors import (
        InvalidDate,
        InvalidDefinition,
        Problem,
        ProceedingsError,
        RecordError,
        TransitionRefused,
        UnknownName,
    )
    from ._findings import Certainty, Citation, Finding, Severity, Unverified
    from ._model import (
        EVENT_TYPES,
        FORMAT_VERSION,
        AbroadKind,
        Account,
        Actor,
        AdministrativeOffenceCharged,
        AppealDecided,
        AppealFiled,
        AppealLevel,
        AppealOutcome,
        Appellant,
        ApplicationFromAbroad,
        ArticleHolding,
        AssuranceGiven,
        AssuranceKind,
        AsylumClaim,
        AsylumClaimNotRegistered,
        AsylumDecision,
        AsylumKind,
        AsylumOutcome,
        AuthoritiesContact,
        BorderCrossing,
        CaseRecord,
        Charge,
        ChargeUpgraded,
        Citizenship,
        CitizenshipChange,
        ComplaintCommunicated,
        ComplaintFiled,
        ComplaintLodged,
        ComplaintReferred,
        ContactKind,
        ContactTarget,
        CooperationRefused,
        CriminalCaseOpened,
        CriminalConviction,
        CrossingMode,
        DecisionStage,
        Departure,
        DepartureOffered,
        Detention,
        DetentionExtended,
        DetentionGround,
        DocumentDenied,
        DocumentKind,
        DocumentStatus,
        DocumentStatusChanged,
        EntryRefused,
        Escape,
        Event,
        EvidenceOrigin,
        ExitBlocked,
        ExpulsionKind,
        ExpulsionOrdered,
        ExtraditionDecided,
        ExtraditionOutcome,
        ExtraditionRequested,
        ExtraditionSuspended,
        Hearing,
        HearingKind,
        Holding,
        InterimBody,
        InterimCover,
        InterimMeasureLifted,
        InterimMeasureRefused,
        InterimMeasureRequested,
        InternationalDecision,
        Investigation,
        InvestigationOutcome,
        Involvement,
        LawfulStay,
        LinkKind,
        MandateOutcome,
        MilitaryService,
        OffenceCategory,
        OfficialStatement,
        Other,
        Penalty,
        PenaltyKind,
        Person,
        PersonFacts,
        Promise,
        RecordLink,
        RefugeeMandate,
        RelativeTiming,
        Release,
        Removal,
        RemovalAverted,
        RemovalChannel,
        RequestKind,
        ResidenceChanged,
        ResponsibilityRequest,
        Risk,
        RiskEvidence,
        RiskExamined,
        RiskResult,
        RiskScope,
        Safeguards,
        ServiceKind,
        Source,
        SourceRef,
        StatementKind,
        StayStatus,
        TransitZoneConfinement,
        WantedListing,
        WantedScope,
        ZoneKind,
    )
    from ._proceeding import Permission, Proceeding
    from ._report import DeadlineStatus, Report
    from ._rules import Law
    from ._trace import Trace, TraceEntry, TraceEvent, TraceOutcome, trace
    from .codec import dump, dump_jsonl, dumps, load, load_jsonl, loads
    from .codec import iter_jsonl as iter_jsonl  # deprecated: warns when called

#: Where each public name lives, but the model's (``._model``), which are the rest of
#: ``__all__``.
_HOME = {
    **dict.fromkeys(("Truth", "UncertainDate"), "._dates"),
    **dict.fromkeys(("DayRange", "HourRange", "days_between", "hours_between"), "._durations"),
    **dict.fromkeys(("State", "Step", "deadlines", "replay", "validate"), "._engine"),
    **dict.fromkeys(
        (
            "InvalidDate",
            "InvalidDefinition",
            "Problem",
            "ProceedingsError",
            "RecordError",
            "TransitionRefused",
            "UnknownName",
        ),
        "._errors",
    ),
    **dict.fromkeys(("Certainty", "Citation", "Finding", "Severity", "Unverified"), "._findings"),
    **dict.fromkeys(("Permission", "Proceeding"), "._proceeding"),
    **dict.fromkeys(("DeadlineStatus", "Report"), "._report"),
    "Law": "._rules",
    **dict.fromkeys(("Trace", "TraceEntry", "TraceEvent", "TraceOutcome", "trace"), "._trace"),
    **dict.fromkeys(
        ("dump", "dump_jsonl", "dumps", "load", "load_jsonl", "loads", "iter_jsonl"), ".codec"
    ),
}

__all__ = [
    "StatementKind",
    "ResponsibilityRequest",
    "OfficialStatement",
    "InterimMeasureRefused",
    "ComplaintReferred",
    "AbroadKind",
    "Account",
    "Actor",
    "AdministrativeOffenceCharged",
    "AppealDecided",
    "AppealFiled",
    "AppealLevel",
    "AppealOutcome",
    "Appellant",
    "ApplicationFromAbroad",
    "ArticleHolding",
    "AssuranceGiven",
    "AssuranceKind",
    "AsylumClaim",
    "AsylumClaimNotRegistered",
    "AsylumDecision",
    "AsylumKind",
    "AsylumOutcome",
    "AuthoritiesContact",
    "BorderCrossing",
    "CaseRecord",
    "Certainty",
    "Charge",
    "ChargeUpgraded",
    "Citation",
    "Citizenship",
    "CitizenshipChange",
    "ComplaintCommunicated",
    "ComplaintFiled",
    "ComplaintLodged",
    "ContactKind",
    "ContactTarget",
    "CooperationRefused",
    "CriminalCaseOpened",
    "CriminalConviction",
    "CrossingMode",
    "DayRange",
    "DeadlineStatus",
    "DecisionStage",
    "Departure",
    "DepartureOffered",
    "Detention",
    "DetentionExtended",
    "DetentionGround",
    "DocumentDenied",
    "DocumentKind",
    "DocumentStatus",
    "DocumentStatusChanged",
    "EVENT_TYPES",
    "EntryRefused",
    "Escape",
    "Event",
    "EvidenceOrigin",
    "ExitBlocked",
    "ExpulsionKind",
    "ExpulsionOrdered",
    "ExtraditionDecided",
    "ExtraditionOutcome",
    "ExtraditionRequested",
    "ExtraditionSuspended",
    "FORMAT_VERSION",
    "Finding",
    "Hearing",
    "HearingKind",
    "Holding",
    "HourRange",
    "InterimBody",
    "InterimCover",
    "InterimMeasureLifted",
    "InterimMeasureRequested",
    "InternationalDecision",
    "InvalidDate",
    "InvalidDefinition",
    "Investigation",
    "InvestigationOutcome",
    "Involvement",
    "Law",
    "LawfulStay",
    "LinkKind",
    "MandateOutcome",
    "MilitaryService",
    "OffenceCategory",
    "Other",
    "Penalty",
    "PenaltyKind",
    "Permission",
    "Person",
    "PersonFacts",
    "RelativeTiming",
    "Problem",
    "Proceeding",
    "ProceedingsError",
    "Promise",
    "RecordError",
    "RecordLink",
    "RefugeeMandate",
    "Release",
    "Removal",
    "RemovalAverted",
    "RemovalChannel",
    "Report",
    "RequestKind",
    "ResidenceChanged",
    "Risk",
    "RiskEvidence",
    "RiskExamined",
    "RiskResult",
    "RiskScope",
    "Safeguards",
    "ServiceKind",
    "Severity",
    "Source",
    "SourceRef",
    "State",
    "StayStatus",
    "Step",
    "Trace",
    "TraceEntry",
    "TraceEvent",
    "TraceOutcome",
    "TransitZoneConfinement",
    "TransitionRefused",
    "Truth",
    "UncertainDate",
    "UnknownName",
    "Unverified",
    "WantedListing",
    "WantedScope",
    "ZoneKind",
    "days_between",
    "deadlines",
    "dump",
    "dump_jsonl",
    "dumps",
    "hours_between",
    "load",
    "load_jsonl",
    "loads",
    "replay",
    "trace",
    "validate",
]


def __getattr__(name: str) -> Any:
    if name in _HOME or name in __all__:
        module = importlib.import_module(_HOME.get(name, "._model"), __name__)
        value = getattr(module, name)
        globals()[name] = value  # the next lookup does not come here
        return value
    # Names of 0.1 that moved; they still work for one release.
    if name == "CitationRef":
        _warn(name, "proceedings.Citation (or proceedings.law.Citation)")
        return __getattr__("Citation")
    if name == "RECORD_CHECKS":
        from .law.record import RECORD  # noqa: PLC0415

        _warn(name, "proceedings.law.RECORD.rules (record checks are rules)")
        return RECORD.rules
    if name in {"structure", "unstructure"}:
        # iter_jsonl warns when it is called.
        from . import _codec  # noqa: PLC0415

        _warn(name, f"proceedings.codec.{name}")
        return getattr(_codec, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _warn(name: str, instead: str) -> None:
    warnings.warn(
        f"proceedings.{name} is deprecated; use {instead}", DeprecationWarning, stacklevel=3
    )


def __dir__() -> list[str]:
    return sorted(__all__)
