"""proceedings: legal proceedings against people who cross borders, as data.

Case records of detention, asylum, expulsion and extradition are typed,
validated against the law (audit) or kept to it (strict). This module is the
map of the public API; everything else is private or lives in the public
submodules ``proceedings.codec``, ``proceedings.corpus``,
``proceedings.law``, ``proceedings.render``, ``proceedings.schema``,
``proceedings.strategies`` and ``proceedings.testing``.

This library is a model of the law, not legal advice.
"""

import warnings
from typing import Any

from ._dates import DayRange, HourRange, Truth, UncertainDate, days_between, hours_between
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
    RelativeTiming,
    Release,
    Removal,
    RemovalChannel,
    Source,
    SourceRef,
    TransitZoneConfinement,
    WantedListing,
    WantedScope,
)
from ._proceeding import Permission, Proceeding
from ._report import DeadlineStatus, Report
from ._rules import Law
from .codec import dump, dump_jsonl, dumps, load, load_jsonl, loads
from .codec import iter_jsonl as iter_jsonl  # deprecated: warns when called

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
    "CriminalCaseOpened",
    "CriminalConviction",
    "CrossingMode",
    "DayRange",
    "HourRange",
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
    "Law",
    "OffenceCategory",
    "Other",
    "Penalty",
    "PenaltyKind",
    "Permission",
    "Person",
    "RelativeTiming",
    "Problem",
    "Proceeding",
    "ProceedingsError",
    "RecordError",
    "Release",
    "Removal",
    "RemovalChannel",
    "Report",
    "Severity",
    "Source",
    "SourceRef",
    "State",
    "Step",
    "TransitZoneConfinement",
    "TransitionRefused",
    "Truth",
    "UncertainDate",
    "UnknownName",
    "Unverified",
    "WantedListing",
    "WantedScope",
    "days_between",
    "hours_between",
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


def __getattr__(name: str) -> Any:
    # Names of 0.1 that moved; they still work for one release.
    if name == "CitationRef":
        _warn(name, "proceedings.Citation (or proceedings.law.Citation)")
        return Citation
    if name == "RECORD_CHECKS":
        from .law.record import RECORD  # noqa: PLC0415

        _warn(name, "proceedings.law.RECORD.rules (record checks are rules)")
        return RECORD.rules
    if name in {"structure", "unstructure"}:
        # iter_jsonl, imported above, warns when it is called.
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
