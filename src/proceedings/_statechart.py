"""The statechart: orthogonal tracks per jurisdiction, declared as data.

A person's state in one jurisdiction is a tuple of track states (presence,
custody, asylum, extradition, ...). Every event drives each track of the
event's jurisdiction at once, as in a statechart's orthogonal regions. A
track's transitions are data: on which event type, from which states, to
which state, under which conditions on the event, and which *marks* to set
(the event is remembered under a name, so that rules can measure time from
it: "custody started", "extradition decided").

A track ignores every event type it has no transition for. The chart is
checked when it is built: every state reachable, no trap state (a non-final
state with no way out), conditions naming known fields, and every event type
of the model accounted for: driving at least one track, or declared *inert*
(an event the record keeps for people, such as a denied document, that
drives no track). A malformed chart raises
:class:`~proceedings.InvalidDefinition` naming everything at fault, in every
track, at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from ._errors import InvalidDefinition, UnknownName
from ._model import EVENT_TYPE_BY_TAG, EVENT_TYPES, Event

#: As a source: any state. As a target: stay in the current state.
ANY = "*"

_T = TypeVar("_T")


def index_by(items: Iterable[_T], keys: Callable[[_T], Iterable[str]]) -> dict[str, tuple[_T, ...]]:
    """``{key: items}``: each item under each of its keys, in the items' order.

    The index a replay asks once per event (the tracks an event type drives,
    the rules it triggers) instead of scanning every item.
    """
    index: dict[str, list[_T]] = {}
    for item in items:
        for key in keys(item):
            index.setdefault(key, []).append(item)
    return {key: tuple(found) for key, found in index.items()}


@attrs.frozen(kw_only=True)
class Transition:
    """One arrow of a track.

    Attributes:
        on: The event type (its ``type`` tag) that fires it.
        source: The states it leaves from; ``("*",)`` for any state.
        target: The state it enters.
        when: Conditions on the event: ``{feature: allowed values}``; a
            feature is an event field (``"channel"``) or a derived feature
            (see :data:`FEATURES`). All must hold.
        marks: Names under which the event is remembered in the
            jurisdiction's state.
        clears: Marks forgotten when it fires.
    """

    on: str
    source: tuple[str, ...]
    target: str
    when: Mapping[str, tuple[Any, ...]] = attrs.field(factory=dict)
    marks: tuple[str, ...] = ()
    clears: tuple[str, ...] = ()
    # Every event asks these: kept ready, not recomputed from the fields.
    _from_any: bool = attrs.field(init=False, eq=False, repr=False)
    _conditions: tuple[tuple[str, tuple[Any, ...]], ...] = attrs.field(
        init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_from_any", ANY in self.source)
        object.__setattr__(self, "_conditions", tuple(self.when.items()))

    def matches(self, state: str, features: Callable[[str], Any]) -> bool:
        """Whether it fires from ``state`` for an event with these features."""
        if not self._from_any and state not in self.source:
            return False
        return self.accepts(features)

    def accepts(self, features: Callable[[str], Any]) -> bool:
        """Whether an event with these features meets its conditions (from any state)."""
        for name, allowed in self._conditions:  # noqa: SIM110 - no generator per event
            if features(name) not in allowed:
                return False
        return True


@attrs.frozen(kw_only=True)
class Track:
    """One orthogonal region: a small state machine driven by events.

    Attributes:
        name: ``asylum``, ``custody``...
        description: What the track follows.
        initial: Its state before any event.
        states: Every state, each with a sentence saying what it means.
        final: States that may have no way out.
        transitions: Tried in order; the first that matches fires. Event
            types with no transition leave the track as it is.
    """

    name: str
    description: str
    initial: str
    states: Mapping[str, str]
    final: frozenset[str] = frozenset()
    transitions: tuple[Transition, ...] = ()
    _by_type: Mapping[str, tuple[Transition, ...]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_type: dict[str, list[Transition]] = {}
        for t in self.transitions:
            by_type.setdefault(t.on, []).append(t)
        object.__setattr__(self, "_by_type", {k: tuple(v) for k, v in by_type.items()})

    @property
    def handled(self) -> frozenset[str]:
        """The event types some transition of this track fires on."""
        return frozenset(self._by_type)

    def handles(self, event_type: str) -> bool:
        """Whether some transition of this track fires on ``event_type``."""
        return event_type in self._by_type

    def transitions_on(self, event_type: str) -> tuple[Transition, ...]:
        """The transitions on ``event_type``, in order (none: the track ignores it)."""
        return self._by_type.get(event_type, ())


def _problems_of_track(track: Track, features: Iterable[str]) -> list[tuple[str, list[str]]]:
    known_features = set(features)
    problems: list[tuple[str, list[str]]] = []
    states = set(track.states)
    if track.initial not in states:
        problems.append(("initial state is not declared", [track.initial]))
    bad = sorted(
        {s for t in track.transitions for s in (*t.source, t.target) if s not in {*states, ANY}}
        | (track.final - states)
    )
    if bad:
        problems.append(("transitions or finals name undeclared states", bad))
    unknown_events = sorted(e for e in track.handled if e not in EVENT_TYPE_BY_TAG)
    if unknown_events:
        problems.append(("unknown event types", unknown_events))
    bad_features = sorted(
        {
            f
            for t in track.transitions
            for f in t.when
            if f not in known_features and not _is_field(t.on, f)
        }
    )
    if bad_features:
        problems.append(("conditions on unknown fields or features", bad_features))
    # Reachability: a breadth-first walk over the transitions.
    reached = {track.initial}
    frontier = [track.initial]
    while frontier:
        state = frontier.pop()
        for t in track.transitions:
            if (ANY in t.source or state in t.source) and t.target not in {*reached, ANY}:
                reached.add(t.target)
                frontier.append(t.target)
    unreachable = sorted(states - reached)
    if unreachable:
        problems.append(("unreachable states", unreachable))
    traps = sorted(
        s
        for s in states - track.final
        if not any(
            (ANY in t.source or s in t.source) and t.target not in {s, ANY}
            for t in track.transitions
        )
    )
    if traps:
        problems.append(("trap states (not final, no way out)", traps))
    return problems


def _is_field(event_type: str, name: str) -> bool:
    cls = EVENT_TYPE_BY_TAG.get(event_type)
    return cls is not None and name in attrs.fields_dict(cls)


def non_procedural() -> frozenset[str]:
    """The tags of the model's event types that are not steps of the procedure."""
    return frozenset(cls.type for cls in EVENT_TYPES if not cls.procedural)


@attrs.frozen
class Statechart:
    """Every track, checked as a whole when built.

    Args:
        tracks: The orthogonal regions, in display order.
        features: Names of derived features transitions may test, besides
            event fields.
        inert: Event types that drive no track: the record keeps them for
            people (a denied document, an administrative charge) and rules
            may read them, but the procedure's state does not change. By
            default the model's non-procedural ones (``Event.procedural``).

    Raises:
        InvalidDefinition: Naming every track, state and event type at fault,
            in every track at once.
    """

    tracks: tuple[Track, ...]
    features: frozenset[str] = frozenset()
    inert: frozenset[str] = attrs.field(factory=non_procedural)
    _names: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    _marks: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    _driving: dict[str, tuple[Track, ...]] = attrs.field(init=False, eq=False, repr=False)
    _initial: JurisdictionState = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        names = tuple(t.name for t in self.tracks)
        object.__setattr__(self, "_names", names)
        # States are immutable: every untouched jurisdiction shares this one.
        object.__setattr__(
            self,
            "_initial",
            JurisdictionState(tracks=tuple((t.name, t.initial) for t in self.tracks), marks=()),
        )
        # The tracks each event type drives, in order: most events drive one or two.
        object.__setattr__(self, "_driving", index_by(self.tracks, lambda t: t.handled))
        object.__setattr__(
            self,
            "_marks",
            frozenset(m for t in self.tracks for tr in t.transitions for m in tr.marks),
        )
        problems = _problems_of_chart(self)
        if problems:
            ids = [i for _, found in problems for i in found]
            message = "; ".join(f"{what}: {', '.join(found)}" for what, found in problems)
            raise InvalidDefinition(f"the statechart is malformed ({message})", ids=ids)

    @property
    def track_names(self) -> tuple[str, ...]:
        """The tracks' names, in display order."""
        return self._names

    @property
    def marks(self) -> frozenset[str]:
        """Every mark some transition sets: the names rules may measure time from."""
        return self._marks

    def track(self, name: str) -> Track:
        """The track called ``name``.

        Raises:
            UnknownName: There is none (``kind="track"``).
        """
        for t in self.tracks:
            if t.name == name:
                return t
        raise UnknownName("track", name, self._names)

    def initial(self) -> JurisdictionState:
        """The state of a jurisdiction before any event."""
        return self._initial

    def fire(
        self, state: JurisdictionState, event: Event, index: int, features: Callable[[str], Any]
    ) -> tuple[JurisdictionState, tuple[tuple[str, str], ...]]:
        """Drive every track with one event.

        Args:
            state: The jurisdiction's state before the event.
            event: The event.
            index: The event's position in the record (what marks remember).
            features: Looks up a field or derived feature of the event.

        Returns:
            The state after, and ``(track, state)`` for every track that
            handles the event type but had no transition from its current
            state (the record shows something the chart did not expect).
        """
        driven = self._driving.get(event.type)
        if driven is None:
            return state, ()  # no track follows this kind of event
        tracks = dict(state.tracks)
        marks: dict[str, int] | None = None
        unexpected: list[tuple[str, str]] = []
        moved = False
        for track in driven:
            candidates = track.transitions_on(event.type)
            current = tracks[track.name]
            for t in candidates:
                if t.matches(current, features):
                    if t.target not in (ANY, current):
                        tracks[track.name] = t.target
                        moved = True
                    if t.clears or t.marks:
                        if marks is None:
                            marks = dict(state.marks)
                        for name in t.clears:
                            marks.pop(name, None)
                        for name in t.marks:
                            marks[name] = index
                    break
            else:
                # The event is of a kind this track follows, but it cannot
                # come from the track's current state.
                if any(t.accepts(features) for t in candidates):
                    unexpected.append((track.name, current))
        if not moved and marks is None:
            return state, tuple(unexpected)  # the same state: nothing to build
        return (
            JurisdictionState(
                tracks=tuple(tracks.items()),
                marks=state.marks if marks is None else tuple(sorted(marks.items())),
            ),
            tuple(unexpected),
        )


def _problems_of_chart(chart: Statechart) -> list[tuple[str, list[str]]]:
    # One named check per property, as python-statemachine's factory does,
    # and every problem of every track reported at once.
    problems: list[tuple[str, list[str]]] = []
    names = [t.name for t in chart.tracks]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        problems.append(("duplicate track names", dupes))
    for track in chart.tracks:
        for message, ids in _problems_of_track(track, chart.features):
            problems.append((f"track {track.name!r}: {message}", ids))
    handled = {e for t in chart.tracks for e in t.handled}
    unknown = sorted(e for e in chart.inert if e not in EVENT_TYPE_BY_TAG)
    if unknown:
        problems.append(("inert event types that do not exist", unknown))
    both = sorted(chart.inert & handled)
    if both:
        problems.append(("event types declared inert but driving a track", both))
    unaccounted = sorted(e for e in EVENT_TYPE_BY_TAG if e not in handled | chart.inert)
    if unaccounted:
        problems.append(("event types that drive no track and are not declared inert", unaccounted))
    return problems


@attrs.frozen
class JurisdictionState:
    """A person's state in one jurisdiction: each track's state, and the marks.

    Attributes:
        tracks: ``(track, state)`` in the chart's track order.
        marks: ``(name, event index)``: events remembered by name.
    """

    tracks: tuple[tuple[str, str], ...]
    marks: tuple[tuple[str, int], ...]

    def __getitem__(self, track: str) -> str:
        for name, state in self.tracks:
            if name == track:
                return state
        raise UnknownName("track", track, [name for name, _ in self.tracks])

    def mark(self, name: str) -> int | None:
        """The index of the event remembered under ``name``, if any."""
        for key, index in self.marks:
            if key == name:
                return index
        return None

    def as_dict(self) -> dict[str, str]:
        return dict(self.tracks)


def diagram_model(chart: Statechart) -> dict[str, Any]:
    """The chart as plain data for renderers: tracks, states and labelled edges.

    Edges with the same source and target are merged, their labels listed;
    conditions are shown in the label (``removal [channel=extradition]``). A
    transition from any state is one edge whose source is ``"*"`` (renderers
    draw it from an "any state" node) rather than one edge per state, and a
    transition that keeps the current state is left out.
    """
    tracks = []
    for track in chart.tracks:
        edges: dict[tuple[str, str], list[str]] = {}
        for t in track.transitions:
            label = t.on
            if t.when:
                label += (
                    " ["
                    + "; ".join(f"{k}={'|'.join(str(v) for v in vs)}" for k, vs in t.when.items())
                    + "]"
                )
            for s in t.source:
                target = s if t.target == ANY else t.target
                if target == ANY:
                    continue  # "stay where you are": no arrow to draw
                labels = edges.setdefault((s, target), [])
                if label not in labels:
                    labels.append(label)
        tracks.append(
            {
                "name": track.name,
                "description": track.description,
                "initial": track.initial,
                "final": sorted(track.final),
                "states": [{"name": n, "description": d} for n, d in track.states.items()],
                "edges": [
                    {"source": s, "target": t, "labels": labels} for (s, t), labels in edges.items()
                ],
            }
        )
    return {"tracks": tracks}
