"""The strict policy: a proceeding that refuses unlawful events.

It replays events with the audit engine's own :func:`~proceedings.replay`
step, one at a time, and refuses an event whose findings include a
violation, naming the rules that bar it; the state does not change.
"""

from __future__ import annotations

import datetime
import enum
import itertools
import warnings
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from ._checks import CHECK, COUNTRY, FieldProblems
from ._dates import Truth, UncertainDate
from ._engine import (
    Replay,
    State,
    Step,
    _deprecated_law,
    as_of_argument,
    running_deadlines,
    step,
)
from ._errors import Problem, RecordError, TransitionRefused, UnknownName
from ._fields import DESTINATIONS, HERE, PROBE, REFERS_TO, VARY
from ._findings import Certainty, Finding, Severity
from ._model import (
    EVENT_TYPE_BY_TAG,
    EVENT_TYPES,
    CaseRecord,
    Event,
    ExtraditionRequested,
    Person,
    Source,
)
from ._paths import event_path
from ._report import DeadlineStatus
from ._rules import Law, Rulebook
from ._timing import with_effective_dates


@attrs.frozen(kw_only=True)
class Permission:
    """Whether one kind of event may lawfully happen next.

    Attributes:
        event_type: The event type.
        variant: What the probe was (``channel=extradition``), if it varies.
        lawful: ``TRUE`` if no rule bars it, ``FALSE`` if one certainly does,
            ``UNKNOWN`` if one may, depending on dates.
        barred_by: The findings that bar it.
    """

    event_type: str
    variant: str | None
    lawful: Truth
    barred_by: tuple[Finding, ...] = ()


def bars(finding: Finding, *, refuse_undetermined: bool) -> bool:
    """Whether ``finding`` bars the event that produced it, under the strict policy.

    A violation bars it; a retrospective one does not (the breach lies
    before the event, which only reveals it); a conditional one bars it (it
    holds under the law as configured); an undetermined one bars it only
    when ``refuse_undetermined``.
    """
    if finding.severity is not Severity.VIOLATION or finding.retrospective:
        return False
    return finding.certainty is not Certainty.UNDETERMINED or refuse_undetermined


_PROBE_ID = "probe"
#: The fields every event has, which a probe sets from where and when it is.
_BASE = frozenset({"id", "date", "jurisdiction"})


def _choices(
    field: attrs.Attribute[Any],
    record: CaseRecord,
    where: str,
    destinations: Sequence[str],
    origin: str,
) -> tuple[tuple[Any, ...], bool] | None:
    # The values a probe tries for one required field, and whether they
    # vary (and so name the probe's variant); None: the probe cannot be built.
    how = field.metadata.get(PROBE)
    refers = field.metadata.get(REFERS_TO)
    if refers is not None:
        for ev in reversed(record.events):
            if ev.jurisdiction == where and (not refers or ev.type in refers):
                return (ev.id,), True
        return None
    if how == DESTINATIONS:
        return tuple(destinations), True
    if how == HERE:
        return (where,), False
    kind = field.type if isinstance(field.type, type) else None
    if kind is not None and issubclass(kind, enum.Enum):
        members: tuple[Any, ...] = tuple(kind)
        if how == VARY:
            return members, True
        if isinstance(how, tuple):
            return how, len(how) > 1
        return members[:1], False
    if CHECK in field.metadata and field.metadata[CHECK] is COUNTRY:
        return (origin,), False
    return ("probe",), False


def probes(
    record: CaseRecord, where: str, day: UncertainDate
) -> Iterator[tuple[str, str | None, Event]]:
    """``(event type, variant, event)`` for every event type that can be probed now.

    Built from the model's field metadata, so that a new event type is probed
    with no code here: a removal once per channel and destination (the
    person's nationalities and any state that asked for their extradition),
    a decision once per outcome, an event that refers to an earlier one
    against the latest it could refer to. Probes are never applied.
    """
    ids = {ev.id for ev in record.events}
    probe_id, n = _PROBE_ID, 0
    while probe_id in ids:
        n += 1
        probe_id = f"{_PROBE_ID}-{n}"
    destinations = list(dict.fromkeys(record.person.nationalities))
    destinations += [
        ev.requesting_state
        for ev in record.events
        if isinstance(ev, ExtraditionRequested) and ev.jurisdiction == where
    ]
    destinations = [d for d in dict.fromkeys(destinations) if d != where]
    origin = destinations[0] if destinations else ("RU" if where != "RU" else "KZ")
    for cls in EVENT_TYPES:
        names: list[str] = []
        options: list[tuple[Any, ...]] = []
        varying: list[bool] = []
        for field in attrs.fields(cls):
            if field.name in _BASE or field.default is not attrs.NOTHING:
                continue
            found = _choices(field, record, where, destinations or [origin], origin)
            if found is None:
                break
            names.append(field.name)
            options.append(found[0])
            varying.append(found[1])
        else:
            for values in itertools.product(*options):
                variant = ", ".join(
                    f"{name}={getattr(value, 'value', value)}"
                    for name, value, varies in zip(names, values, varying, strict=True)
                    if varies
                )
                event = cls(
                    id=probe_id,
                    date=day,
                    jurisdiction=where,
                    **dict(zip(names, values, strict=True)),
                )
                yield cls.type, variant or None, event


class Proceeding:
    """Strict policy: a case that refuses unlawful events.

    Build one for a person, then :meth:`apply` events as they happen. An
    event that would breach a rule is refused with
    :class:`~proceedings.TransitionRefused`, which names the rules and their
    citations, and the state does not change.

    Args:
        person: Whom the proceedings are about.
        law: The law; :data:`proceedings.law.DEFAULT_LAW` if ``None``.
        record_id: The id of the record the proceeding builds up.
        sources: Sources that events may cite.
        refuse_undetermined: Also refuse an event that *may* breach a rule
            depending on uncertain dates (the default: a tool that keeps to
            the law must not take that chance).
        rulebooks: Deprecated: build a :class:`~proceedings.law.Law`.
        readings: Deprecated: build a :class:`~proceedings.law.Law`.
        include_unverified: Deprecated: ``Law(verified_only=...)``.
    """

    def __init__(
        self,
        person: Person,
        *,
        law: Law | None = None,
        record_id: str = "proceeding",
        sources: Sequence[Source] = (),
        refuse_undetermined: bool = True,
        rulebooks: Sequence[Rulebook] | None = None,
        readings: Mapping[str, str] | None = None,
        include_unverified: bool | None = None,
    ) -> None:
        self._law = _deprecated_law(
            law,
            {
                "rulebooks": rulebooks,
                "readings": readings,
                "include_unverified": include_unverified,
            },
            "Proceeding",
        )
        self._record = CaseRecord(id=record_id, person=person, sources=tuple(sources))
        self._state = State()
        self._steps: list[Step] = []
        self._fired: set[tuple[str, int, Truth]] = set()
        self._refuse_undetermined = refuse_undetermined

    @classmethod
    def from_record(
        cls,
        record: CaseRecord,
        *,
        account: str | None = None,
        law: Law | None = None,
        refuse_undetermined: bool = True,
    ) -> Proceeding:
        """Apply a record's events one by one; raises at the first refused one.

        Args:
            record: The record.
            account: For a record with accounts, the one to follow (its events
                are applied without their account tag).
            law: As for the constructor.
            refuse_undetermined: As for the constructor.

        Raises:
            TransitionRefused: An event breaches a rule.
            UnknownName: The record has accounts and none (or an unknown one)
                was chosen, or has none and one was (``kind="account"``).
        """
        names = [a.name for a in record.accounts]
        if names and account not in names:
            raise UnknownName(
                "account",
                account,
                names,
                context=(
                    f"record {record.id!r} has accounts and a strict proceeding follows "
                    "one version of events"
                    if account is None
                    else f"record {record.id!r}"
                ),
            )
        if not names and account is not None:
            raise UnknownName("account", account, (), context=f"record {record.id!r}")
        proc = cls(
            record.person,
            record_id=record.id,
            sources=record.sources,
            law=law,
            refuse_undetermined=refuse_undetermined,
        )
        for event in record.events:
            if event.account in (None, account):
                proc.apply(attrs.evolve(event, account=None))
        return proc

    @property
    def law(self) -> Law:
        """The law the proceeding keeps to."""
        return self._law

    @property
    def record(self) -> CaseRecord:
        """The record of every accepted event."""
        return self._record

    @property
    def state(self) -> State:
        """The person's state after the accepted events."""
        return self._state

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every accepted event's step, in order."""
        return tuple(self._steps)

    def _try(self, event: Event) -> tuple[CaseRecord, Step, set[tuple[str, int, Truth]]]:
        if not isinstance(event, Event):
            # A caller with JSON has a dict: say how to make it an event.
            raise TypeError(
                f"expected an event (a proceedings.Event such as AsylumClaim), got "
                f"{type(event).__name__}; build one from JSON with "
                "proceedings.codec.structure(data, proceedings.Event)"
            )
        if event.account is not None:
            raise RecordError(
                [
                    Problem(
                        path=f"{event_path(len(self._record.events))}.account",
                        message="a strict proceeding follows one account; events carry none",
                    )
                ],
                source=self._record.id,
            )
        try:
            record = attrs.evolve(self._record, events=(*self._record.events, event))
        except FieldProblems as exc:
            raise RecordError(exc.problems, source=self._record.id) from None
        index = len(record.events) - 1
        # The rules see effective dates (``after`` narrows ``date``); the
        # proceeding keeps the events as given.
        timed = with_effective_dates(record)
        event_on = timed.events[index]
        # Time only moves forward: an event wholly before one already applied
        # would let a time limit be dodged by back-dating.
        for earlier in timed.events[:index]:
            if event_on.date.latest < earlier.date.earliest:
                raise RecordError(
                    [
                        Problem(
                            path=f"{event_path(index)}.date",
                            message=(
                                f"{event_on.date.text} lies wholly before event {earlier.id!r} "
                                f"({earlier.date.text}); a proceeding takes events in the "
                                "order they happened"
                            ),
                        )
                    ],
                    source=self._record.id,
                )
        run = Replay(
            record=timed,
            view=tuple(range(len(record.events))),
            law=self._law,
            account=None,
            events_by_id={ev.id: ev for ev in timed.events},
            fired=self._fired,
        )
        result, added = step(run, index, index, self._state)
        return record, result, added

    def check(self, event: Event) -> tuple[Finding, ...]:
        """The findings ``event`` would produce now, without applying it.

        Raises:
            RecordError: As for :meth:`apply`.
            TypeError: ``event`` is not an :class:`~proceedings.Event`.
        """
        return self._try(event)[1].findings

    def apply(self, event: Event) -> Step:
        """Apply an event, or refuse it.

        Returns:
            The step (with any warnings and notes it produced).

        Raises:
            TransitionRefused: It would breach a rule; nothing changed.
            RecordError: It does not fit the record (repeated id, dangling
                reference, undeclared source, a date wholly before an event
                already applied, an account tag).
            TypeError: ``event`` is not an :class:`~proceedings.Event` (a
                dict of its JSON, say: build the event with
                :func:`proceedings.codec.structure`).
        """
        record, result, added = self._try(event)
        barring = tuple(
            f for f in result.findings if bars(f, refuse_undetermined=self._refuse_undetermined)
        )
        if barring:
            raise TransitionRefused(event.id, barring)
        self._record = record
        self._state = result.after
        self._fired |= added
        self._steps.append(result)
        return result

    def allowed(
        self,
        *,
        as_of: UncertainDate | datetime.date | None = None,
        jurisdiction: str | None = None,
        on: UncertainDate | datetime.date | None = None,
    ) -> tuple[Permission, ...]:
        """What may lawfully happen next, and for what is barred, why.

        Each event type is probed with a representative event on the date
        given (a removal once per channel, towards each of the person's
        nationalities). Events that refer to earlier ones (appeals) are
        probed against the latest event they could refer to.

        Args:
            as_of: The date the next event would happen.
            jurisdiction: Where; the jurisdiction of the last event if ``None``.
            on: Deprecated name of ``as_of``.

        Raises:
            TypeError: No date was given.
            UnknownName: No jurisdiction was given and the proceeding has no
                event yet to take it from (``kind="jurisdiction"``).
        """
        if on is not None:
            warnings.warn(
                "Proceeding.allowed(on=...) is deprecated; use as_of=",
                DeprecationWarning,
                stacklevel=2,
            )
            if as_of is not None:
                raise TypeError("allowed() got both as_of= and the deprecated on=")
            as_of = on
        if as_of is None:
            raise TypeError("allowed() needs as_of=, the date the next event would happen")
        day = as_of if isinstance(as_of, UncertainDate) else UncertainDate.from_date(as_of)
        where = jurisdiction or (
            self._record.events[-1].jurisdiction if self._record.events else None
        )
        if where is None:
            raise UnknownName(
                "jurisdiction",
                None,
                (),
                context="the proceeding has no events yet to take one from",
            )
        result = []
        for event_type, variant, event in probes(self._record, where, day):
            try:
                findings = self.check(event)
            except RecordError:  # pragma: no cover - probes are built valid
                continue
            barring = tuple(f for f in findings if bars(f, refuse_undetermined=True))
            if not barring:
                lawful = Truth.TRUE
            elif any(f.certainty is not Certainty.UNDETERMINED for f in barring):
                lawful = Truth.FALSE
            else:
                lawful = Truth.UNKNOWN
            result.append(
                Permission(event_type=event_type, variant=variant, lawful=lawful, barred_by=barring)
            )
        assert {p.event_type for p in result} <= set(EVENT_TYPE_BY_TAG)
        return tuple(result)

    def deadlines(
        self,
        positional_as_of: UncertainDate | datetime.date | None = None,
        /,
        *,
        as_of: UncertainDate | datetime.date | None = None,
    ) -> tuple[DeadlineStatus, ...]:
        """Running and expired time limits as of a date.

        Args:
            positional_as_of: Deprecated: pass ``as_of=``.
            as_of: The date to measure against (never the clock: pass it in).
        """
        day = as_of_argument(positional_as_of, as_of, "Proceeding.deadlines")
        return running_deadlines(
            with_effective_dates(self._record), self._state, self._law, day, None
        )
