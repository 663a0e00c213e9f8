"""proceedings: legal proceedings against people who cross borders, as data.

Case records of detention, asylum, expulsion and extradition are typed,
validated against the law (audit) or kept to it (strict). This module is the
map of the public API; everything else is private or lives in the public
submodules ``proceedings.codec``, ``proceedings.corpus``,
``proceedings.law``, ``proceedings.render``, ``proceedings.schema``,
``proceedings.strategies`` and ``proceedings.testing``.

This library is a model of the law, not legal advice.
"""

from typing import Any

from ._codec import dump, dump_jsonl, dumps, load, load_jsonl, loads
from ._codec import iter_jsonl as iter_jsonl  # deprecated: warns when called
from ._dates import DayRange, Truth, UncertainDate, days_between
from ._engine import (
    RECORD_CHECKS,
    DeadlineStatus,
    Permission,
    Proceeding,
    RecordCheck,
    State,
    Step,
    deadlines,
    replay,
    validate,
)
from ._errors import (
    InvalidDate,
    InvalidDefinition,
    Problem,
    ProceedingsError,
    RecordError,
    TransitionRefused,
)
from ._model import (
    EVENT_TYPES,
    FORMAT_VERSION,
    Account,
    AdministrativeOffenceCharged,
    AppealDecided,
    AppealFiled,
    AppealLevel,
    AppealOutcome,
    Appellant,
    AssuranceGiven,
    AsylumClaim,
    AsylumClaimNotRegistered,
    AsylumDecision,
    AsylumOutcome,
    BorderCrossing,
    CaseRecord,
    Charge,
    ChargeUpgraded,
    Citation,
    CriminalCaseOpened,
    CriminalConviction,
    CrossingMode,
    Departure,
    Detention,
    DetentionExtended,
    DetentionGround,
    DocumentDenied,
    DocumentKind,
    EntryRefused,
    Escape,
    Event,
    ExpulsionKind,
    ExpulsionOrdered,
    ExtraditionDecided,
    ExtraditionOutcome,
    ExtraditionRequested,
    ExtraditionSuspended,
    InterimBody,
    InterimMeasureLifted,
    InterimMeasureRequested,
    OffenceCategory,
    Other,
    Penalty,
    PenaltyKind,
    Person,
    Release,
    Removal,
    RemovalChannel,
    Source,
    TransitZoneConfinement,
    WantedListing,
    WantedScope,
)
from ._report import Certainty, CitationRef, Finding, Report, Severity

__all__ = [
    "Account",
    "AdministrativeOffenceCharged",
    "AppealDecided",
    "AppealFiled",
    "AppealLevel",
    "AppealOutcome",
    "Appellant",
    "AssuranceGiven",
    "AsylumClaim",
    "AsylumClaimNotRegistered",
    "AsylumDecision",
    "AsylumOutcome",
    "BorderCrossing",
    "CaseRecord",
    "Certainty",
    "Charge",
    "ChargeUpgraded",
    "Citation",
    "CitationRef",
    "CriminalCaseOpened",
    "CriminalConviction",
    "CrossingMode",
    "DayRange",
    "DeadlineStatus",
    "Departure",
    "Detention",
    "DetentionExtended",
    "DetentionGround",
    "DocumentDenied",
    "DocumentKind",
    "EVENT_TYPES",
    "EntryRefused",
    "Escape",
    "Event",
    "ExpulsionKind",
    "ExpulsionOrdered",
    "ExtraditionDecided",
    "ExtraditionOutcome",
    "ExtraditionRequested",
    "ExtraditionSuspended",
    "FORMAT_VERSION",
    "Finding",
    "InterimBody",
    "InterimMeasureLifted",
    "InterimMeasureRequested",
    "InvalidDate",
    "InvalidDefinition",
    "OffenceCategory",
    "Other",
    "Penalty",
    "PenaltyKind",
    "Permission",
    "Person",
    "Problem",
    "Proceeding",
    "ProceedingsError",
    "RECORD_CHECKS",
    "RecordCheck",
    "RecordError",
    "Release",
    "Removal",
    "RemovalChannel",
    "Report",
    "Severity",
    "Source",
    "State",
    "Step",
    "TransitZoneConfinement",
    "TransitionRefused",
    "Truth",
    "UncertainDate",
    "WantedListing",
    "WantedScope",
    "days_between",
    "deadlines",
    "dump",
    "dump_jsonl",
    "dumps",
    "load",
    "load_jsonl",
    "loads",
    "replay",
    "validate",
]

# Old names kept for one release (``iter_jsonl``, imported above, warns when
# called): ``{name: (module, name there, what to use instead)}``.
_DEPRECATED = {
    "structure": ("proceedings._codec", "structure", "proceedings.codec.structure"),
    "unstructure": ("proceedings._codec", "unstructure", "proceedings.codec.unstructure"),
}


def __getattr__(name: str) -> Any:
    if name in _DEPRECATED:
        import importlib  # noqa: PLC0415
        import warnings  # noqa: PLC0415

        module, attr, instead = _DEPRECATED[name]
        warnings.warn(
            f"proceedings.{name} is deprecated; use {instead}", DeprecationWarning, stacklevel=2
        )
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'proceedings' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
