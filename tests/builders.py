"""Builders shared by the rule and engine tests: small records and history generators.

``event("removal", "r", "2023-02-01", channel=...)`` builds one event in
Kazakhstan unless ``where`` says otherwise; ``record(*events)`` wraps events
in a record about a Russian national. :func:`histories` draws chronological
records with a controlled vocabulary, so that the property tests' oracles can
be written in a few lines from the law.
"""

from __future__ import annotations

import datetime
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from hypothesis import strategies as st

from proceedings import (
    AppealDecided,
    AppealFiled,
    AppealOutcome,
    AsylumClaim,
    AsylumDecision,
    AsylumOutcome,
    CaseRecord,
    Certainty,
    Charge,
    CrossingMode,
    Detention,
    DetentionExtended,
    DetentionGround,
    Event,
    ExpulsionKind,
    ExtraditionDecided,
    ExtraditionOutcome,
    InterimBody,
    InterimMeasureLifted,
    InterimMeasureRequested,
    Penalty,
    PenaltyKind,
    Person,
    Release,
    RemovalChannel,
    Report,
    Severity,
    UncertainDate,
    WantedScope,
    validate,
)
from proceedings._model import EVENT_TYPE_BY_TAG, REFERS_TO
from proceedings.law import DEFAULT_RULEBOOKS, Law

KZ = "KZ"
PERSON = Person(id="p", nationalities=("RU",))
KAZAKH = Person(id="k", nationalities=("KZ",))

DESERTION = Charge(code="RU-CC", article="338", part="1", label="desertion")
TREASON = Charge(code="RU-CC", article="275", label="high treason")
SURRENDER = Charge(code="RU-CC", article="352.1", label="voluntary surrender")
BORDER = Charge(code="KZ-CC", article="392", part="1", label="illegal border crossing")
EXPULSION = Penalty(kind=PenaltyKind.EXPULSION)


def day(text: str) -> UncertainDate:
    return UncertainDate.parse(text)


def event(tag: str, ident: str, date: str, /, where: str = KZ, **fields: Any) -> Event:
    """An event of type ``tag``, in Kazakhstan unless ``where`` says otherwise."""
    cls = EVENT_TYPE_BY_TAG[tag]
    return cls(id=ident, date=day(date), jurisdiction=where, **fields)


def record(*events: Event, person: Person = PERSON, ident: str = "r") -> CaseRecord:
    return CaseRecord(id=ident, person=person, events=tuple(events))


# -- shortcuts for the events the tests use most ------------------------------------------


def claim(ident: str, date: str, where: str = KZ) -> Event:
    return event("asylum_claim", ident, date, where)


def decision(ident: str, date: str, outcome: AsylumOutcome, where: str = KZ) -> Event:
    return event("asylum_decision", ident, date, where, outcome=outcome)


def appeal(ident: str, date: str, against: str, where: str = KZ, **fields: Any) -> Event:
    return event("appeal_filed", ident, date, where, against=against, **fields)


def appeal_decided(
    ident: str, date: str, appealed: str, outcome: AppealOutcome, where: str = KZ
) -> Event:
    return event("appeal_decided", ident, date, where, appeal=appealed, outcome=outcome)


def removal(
    ident: str,
    date: str,
    channel: RemovalChannel = RemovalChannel.DEPORTATION,
    destination: str = "RU",
    where: str = KZ,
    **fields: Any,
) -> Event:
    return event("removal", ident, date, where, channel=channel, destination=destination, **fields)


def detention(
    ident: str, date: str, ground: DetentionGround = DetentionGround.WANTED_PERSON, where: str = KZ
) -> Event:
    return event("detention", ident, date, where, ground=ground)


def measure(ident: str, date: str, body: InterimBody, where: str = KZ) -> Event:
    return event("interim_measure_requested", ident, date, where, body=body)


def request(ident: str, date: str, *charges: Charge, where: str = KZ) -> Event:
    return event(
        "extradition_requested", ident, date, where, requesting_state="RU", charges=charges
    )


def extradition(
    ident: str,
    date: str,
    outcome: ExtraditionOutcome = ExtraditionOutcome.APPROVED,
    where: str = KZ,
) -> Event:
    return event("extradition_decided", ident, date, where, outcome=outcome)


def crossing(ident: str, date: str, mode: CrossingMode = CrossingMode.IRREGULAR) -> Event:
    return event("border_crossing", ident, date, KZ, mode=mode, from_country="RU", to_country=KZ)


# -- reading reports ----------------------------------------------------------------------


def of_rule(report: Report, rule_id: str) -> list[tuple[Severity, Certainty, tuple[str, ...]]]:
    """The findings of one rule, as ``(severity, certainty on the dates, event ids)``.

    A conditional finding (it holds on every possible date, but rests on a
    disputed reading or a text not verified) counts as certain here: these
    tests are about the dates. Whether the law is settled is tested on
    ``Finding.certainty`` itself (``test_rules.py``, "conditional").
    """
    return [
        (f.severity, on_the_dates(f.certainty), f.event_ids)
        for f in report.findings
        if f.rule_id == rule_id
    ]


def on_the_dates(certainty: Certainty) -> Certainty:
    """The certainty as the dates settle it: conditional counts as certain."""
    return Certainty.CERTAIN if certainty is Certainty.CONDITIONAL else certainty


def law(**kwargs: Any) -> Law:
    """A Law of the default rulebooks (unless ``rulebooks=``), with the options given."""
    kwargs.setdefault("rulebooks", DEFAULT_RULEBOOKS)
    return Law(**kwargs)


def fired(
    rec: CaseRecord, rule_id: str, **kwargs: Any
) -> list[tuple[Severity, Certainty, tuple[str, ...]]]:
    return of_rule(validate(rec, law=law(**kwargs)), rule_id)


def rules_at(report: Report, event_id: str, severity: Severity | None = None) -> set[str]:
    """The ids of the rules whose findings are triggered by ``event_id``."""
    return {
        f.rule_id
        for f in report.findings
        if f.event_ids[:1] == (event_id,) and (severity is None or f.severity is severity)
    }


# -- transforming records -------------------------------------------------------------------


def rename(rec: CaseRecord, mapping: dict[str, str]) -> CaseRecord:
    """The record with every event id, and every reference to one, renamed."""
    events = []
    for ev in rec.events:
        changes: dict[str, Any] = {"id": mapping[ev.id]}
        for field in attrs.fields(type(ev)):
            if field.metadata.get(REFERS_TO) is not None:
                target = getattr(ev, field.name)
                if target is not None:
                    changes[field.name] = mapping[target]
        events.append(attrs.evolve(ev, **changes))
    return attrs.evolve(rec, events=tuple(events))


def shift_date(date: UncertainDate, days: int) -> UncertainDate:
    """The same span of days, ``days`` later (an interval unless it is one known day)."""
    delta = datetime.timedelta(days=days)
    earliest, latest = date.earliest + delta, date.latest + delta
    if earliest == latest:
        return UncertainDate.from_date(earliest)
    return UncertainDate.parse(f"{earliest.isoformat()}/{latest.isoformat()}")


def shift(rec: CaseRecord, days: int) -> CaseRecord:
    return attrs.evolve(
        rec, events=tuple(attrs.evolve(ev, date=shift_date(ev.date, days)) for ev in rec.events)
    )


# -- generated histories ----------------------------------------------------------------------

#: The kinds of step :func:`histories` draws from.
ASYLUM_KINDS = ("claim", "not_registered", "decision", "appeal", "appeal_decided", "removal")
MEASURE_KINDS = ("measure", "lift", "removal")
ALL_KINDS = (
    *ASYLUM_KINDS,
    "measure",
    "lift",
    "detention",
    "extension",
    "release",
    "request",
    "extradition_decision",
    "suspend",
    "expulsion",
    "conviction",
    "crossing",
    "assurance",
    "abroad",
    "other",
)
START = datetime.date(2023, 3, 1)
ORIGIN = "RU"
THIRD = "TR"


def _adverse(ev: Event) -> bool:
    """Whether ``ev`` is a decision the person would appeal."""
    if isinstance(ev, AsylumDecision):
        return ev.outcome is AsylumOutcome.REFUSED
    if isinstance(ev, ExtraditionDecided):
        return ev.outcome is ExtraditionOutcome.APPROVED
    if isinstance(ev, AppealDecided):
        return ev.outcome is AppealOutcome.DISMISSED
    return ev.type in {
        "asylum_claim_not_registered",
        "criminal_conviction",
        "expulsion_ordered",
        "detention",
    }


def _detained(events: Sequence[Event]) -> bool:
    for ev in reversed(events):
        if isinstance(ev, (Detention, DetentionExtended)):
            return True
        if isinstance(ev, Release) or ev.type in {"escape", "removal", "departure"}:
            return False
    return False


@st.composite
def _step(
    draw: st.DrawFn,
    kind: str,
    ident: str,
    date: UncertainDate,
    earlier: Sequence[Event],
    one_measure_at_a_time: bool,
) -> Event | None:
    def make(tag: str, where: str = KZ, **fields: Any) -> Event:
        return EVENT_TYPE_BY_TAG[tag](id=ident, date=date, jurisdiction=where, **fields)

    here = [ev for ev in earlier if ev.jurisdiction == KZ]
    decided = {ev.appeal for ev in here if isinstance(ev, AppealDecided)}
    lifted = {ev.measure for ev in here if isinstance(ev, InterimMeasureLifted)}
    in_force = [
        ev.id for ev in here if isinstance(ev, InterimMeasureRequested) and ev.id not in lifted
    ]
    claims = [ev.id for ev in here if isinstance(ev, AsylumClaim)]
    if kind == "claim":
        return make("asylum_claim")
    if kind == "not_registered":
        return make("asylum_claim_not_registered", claim=claims[-1] if claims else None)
    if kind == "decision":
        return make("asylum_decision", outcome=draw(st.sampled_from(AsylumOutcome)))
    if kind == "appeal":
        targets = [ev.id for ev in here if _adverse(ev)]
        return make("appeal_filed", against=draw(st.sampled_from(targets))) if targets else None
    if kind == "appeal_decided":
        open_ = [ev.id for ev in here if isinstance(ev, AppealFiled) and ev.id not in decided]
        if not open_:
            return None
        outcome = draw(st.sampled_from(AppealOutcome))
        return make("appeal_decided", appeal=draw(st.sampled_from(open_)), outcome=outcome)
    if kind == "removal":
        return make(
            "removal",
            channel=draw(st.sampled_from(RemovalChannel)),
            destination=draw(st.sampled_from([ORIGIN, ORIGIN, THIRD])),
        )
    if kind == "measure":
        if one_measure_at_a_time and in_force:
            return None
        bodies = [InterimBody.UN_CAT, InterimBody.UN_HRC]
        return make("interim_measure_requested", body=draw(st.sampled_from(bodies)))
    if kind == "lift":
        if not in_force:
            return None
        return make("interim_measure_lifted", measure=draw(st.sampled_from(in_force)))
    if kind == "detention":
        return make("detention", ground=draw(st.sampled_from(DetentionGround)))
    if kind == "extension":
        # Only while detained: an extension with no custody on record crashes
        # the engine (see test_engine's known bugs).
        return make("detention_extended") if _detained(here) else None
    if kind == "release":
        return make("release")
    if kind == "request":
        charges = draw(st.lists(st.sampled_from([DESERTION, TREASON, BORDER]), max_size=2))
        return make("extradition_requested", requesting_state=ORIGIN, charges=tuple(charges))
    if kind == "extradition_decision":
        return make("extradition_decided", outcome=draw(st.sampled_from(ExtraditionOutcome)))
    if kind == "suspend":
        return make("extradition_suspended")
    if kind == "expulsion":
        return make("expulsion_ordered", kind=draw(st.sampled_from(ExpulsionKind)))
    if kind == "conviction":
        penalties = draw(st.sampled_from([(), (EXPULSION,)]))
        return make("criminal_conviction", charges=(BORDER,), additional_penalties=penalties)
    if kind == "crossing":
        mode = draw(st.sampled_from(CrossingMode))
        return make("border_crossing", mode=mode, from_country=ORIGIN, to_country=KZ)
    if kind == "assurance":
        return make("assurance_given", by="prosecutor", content="no extradition for now")
    if kind == "abroad":
        tag = draw(st.sampled_from(["criminal_case_opened", "wanted_listing", "other"]))
        fields: dict[str, Any] = {
            "criminal_case_opened": {"charges": (DESERTION,)},
            "wanted_listing": {"scope": WantedScope.INTERSTATE},
            "other": {"kind": "mobilization", "description": "Mobilization declared."},
        }[tag]
        return make(tag, ORIGIN, **fields)
    assert kind == "other", kind
    return make("other", kind="note", description="Nothing the law reacts to.")


def _date_on(draw: st.DrawFn, today: datetime.date, uncertain: bool) -> UncertainDate:
    form = draw(st.integers(0, 9)) if uncertain else 9
    if form == 0:
        return day(f"{today:%Y-%m}")
    if form == 1:
        before, after = today - datetime.timedelta(days=3), today + datetime.timedelta(days=3)
        return day(f"{before.isoformat()}/{after.isoformat()}")
    return UncertainDate.from_date(today)


@st.composite
def histories(
    draw: st.DrawFn,
    *,
    kinds: Iterable[str] = ALL_KINDS,
    min_events: int = 1,
    max_events: int = 12,
    uncertain: bool = True,
    one_measure_at_a_time: bool = False,
    person: Person = PERSON,
) -> CaseRecord:
    """Records in Kazakhstan whose dates move forward from :data:`START`.

    Every event's span contains the day reached so far or lies after it, so no
    event lies wholly before the one listed before it. Appeals are against
    decisions adverse to the person; a measure is lifted only while in force.
    """
    chosen = tuple(kinds)
    events: list[Event] = []
    today = START
    for i in range(draw(st.integers(min_events, max_events)) * 2):
        if len(events) >= max_events:
            break
        today += datetime.timedelta(days=draw(st.sampled_from([0, 1, 2, 5, 9, 12, 30, 45])))
        date = _date_on(draw, today, uncertain)
        step = draw(
            _step(draw(st.sampled_from(chosen)), f"e{i}", date, events, one_measure_at_a_time)
        )
        if step is not None:
            events.append(step)
    while len(events) < min_events:  # every step drawn may have been impossible
        events.append(
            event(
                "other",
                f"fill{len(events)}",
                today.isoformat(),
                kind="note",
                description="Nothing the law reacts to.",
            )
        )
    return record(*events, person=person)


# -- running the command line in a measured child ----------------------------------------

# A child's peak RSS starts at its parent's (Linux keeps the high-water mark across
# fork and exec), so the CLI is started by a small launcher, whose own RSS is its floor.
_LAUNCHER = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[2:])
with open(sys.argv[1], "w") as fh:
    fh.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024))
sys.exit(done.returncode if done.returncode >= 0 else 128 - done.returncode)
"""


@attrs.frozen
class Measured:
    """How a command-line run ended: its status, output and peak resident memory."""

    status: int
    out: bytes
    err: bytes
    peak: int  # bytes


def run_measured(
    args: Sequence[str | os.PathLike[str]],
    work: Path,
    *,
    stdin: bytes = b"",
    cap: int | None = None,
    timeout: float = 120,
    env: Mapping[str, str] | None = None,
) -> Measured:
    """``python -m proceedings ARGS`` in a child, its address space capped at ``cap`` bytes
    and the whole process group killed after ``timeout`` seconds (then the test fails)."""
    (work / "stdin").write_bytes(stdin)
    peak_file = work / "peak"

    def limit() -> None:  # pragma: no cover - runs in the child
        if cap is not None:
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    command = [sys.executable, "-c", _LAUNCHER, str(peak_file), sys.executable, "-m"]
    with (
        (work / "stdin").open("rb") as fin,
        (work / "out").open("wb") as fout,
        (work / "err").open("wb") as ferr,
    ):
        child = subprocess.Popen(
            [*command, "proceedings", *map(str, args)],
            stdin=fin,
            stdout=fout,
            stderr=ferr,
            env=dict(env) if env is not None else None,
            cwd=Path(__file__).parent.parent,
            start_new_session=True,
            preexec_fn=limit,  # noqa: PLW1509 - no thread runs when the test starts a child
        )
        try:
            status = child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            raise AssertionError(f"killed after {timeout} s: proceedings {args}") from None
    return Measured(
        status=status,
        out=(work / "out").read_bytes(),
        err=(work / "err").read_bytes(),
        peak=int(peak_file.read_text()),
    )
