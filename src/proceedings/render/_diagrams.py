"""Diagrams: the statechart and a case's timeline, as Mermaid and Graphviz DOT.

Each diagram goes through a small intermediate model and separate renderers
draw it, so that a new diagram format is a new renderer and nothing else:

* the statechart's model is :func:`proceedings._statechart.diagram_model`
  (plain data);
* a case's model is a :class:`~proceedings.render.Timeline`
  (:func:`~proceedings.render.timeline`): its events by date and, for each
  track of each jurisdiction, the spans of time spent in each state.

Renderers are pure functions from a model to text.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import Any

from .._errors import UnknownName
from .._printable import printable
from .._timeline import Span, Timeline


def _selected(model: Mapping[str, Any], tracks: Sequence[str] | None) -> list[dict[str, Any]]:
    chosen: list[dict[str, Any]] = list(model["tracks"])
    if tracks is None:
        return chosen
    known = [t["name"] for t in chosen]
    unknown = [t for t in tracks if t not in known]
    if unknown:
        raise UnknownName("track", unknown[0], known)
    return [t for t in chosen if t["name"] in tracks]


# -- Mermaid ---------------------------------------------------------------------------------


def _mermaid_id(*parts: str) -> str:
    return "_".join(re.sub(r"[^A-Za-z0-9_]", "_", p) for p in parts)


def _mermaid_text(text: str) -> str:
    # ';' ends a statement, '#' starts an entity and ':' separates a label in
    # several Mermaid diagram types: keep them out of free text.
    # Control characters from a record are shown escaped, never sent to a terminal.
    text = printable(text)
    return re.sub(r"\s+", " ", text.replace(";", ",").replace("#", "no.").replace(":", " -"))


def chart_to_mermaid(model: Mapping[str, Any], *, tracks: Sequence[str] | None = None) -> str:
    """The statechart as a Mermaid ``stateDiagram-v2``, one composite state per track.

    Args:
        model: :func:`~proceedings._statechart.diagram_model` of a chart.
        tracks: Only these tracks (all if ``None``).

    Raises:
        UnknownName: An unknown track (``kind="track"``, a ``ValueError``).
    """
    lines = ["stateDiagram-v2"]
    for track in _selected(model, tracks):
        name = track["name"]
        lines.append(f'    state "{name}" as {_mermaid_id(name)} {{')
        for state in track["states"]:
            sid = _mermaid_id(name, state["name"])
            lines.append(f'        state "{state["name"]}" as {sid}')
        lines.append(f"        [*] --> {_mermaid_id(name, track['initial'])}")
        if any(edge["source"] == "*" for edge in track["edges"]):
            lines.append(f'        state "any state" as {_mermaid_id(name, "any_state")}')
        for edge in track["edges"]:
            label = "<br/>".join(_mermaid_text(lbl) for lbl in edge["labels"])
            source = _mermaid_id(name, "any_state" if edge["source"] == "*" else edge["source"])
            target = _mermaid_id(name, edge["target"])
            lines.append(f"        {source} --> {target} : {label}")
        for final in track["final"]:
            lines.append(f"        {_mermaid_id(name, final)} --> [*]")
        lines.append("    }")
    return "\n".join(lines) + "\n"


# -- DOT -----------------------------------------------------------------------------------


def _dot(text: str) -> str:
    """A DOT double-quoted string."""
    text = printable(text, newlines=True)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


_DOT_HEADER = (
    '    graph [fontname="Helvetica", fontsize=12];',
    '    node [shape=box, style=rounded, fontname="Helvetica", fontsize=11];',
    '    edge [fontname="Helvetica", fontsize=9];',
)


def chart_to_dot(model: Mapping[str, Any], *, tracks: Sequence[str] | None = None) -> str:
    """The statechart as Graphviz DOT, one cluster per track.

    States carry their description as a tooltip; final states have a double
    border; a dot marks each track's initial state.

    Args:
        model: :func:`~proceedings._statechart.diagram_model` of a chart.
        tracks: Only these tracks (all if ``None``).

    Raises:
        UnknownName: An unknown track (``kind="track"``, a ``ValueError``).
    """
    lines = ["digraph statechart {", "    rankdir=LR;", *_DOT_HEADER]
    for track in _selected(model, tracks):
        name = track["name"]
        lines.append(f"    subgraph {_dot('cluster_' + name)} {{")
        lines.append(f"        label={_dot(name)};")
        lines.append(f"        tooltip={_dot(track['description'])};")
        start = _dot(f"{name}.[initial]")
        lines.append(f'        {start} [shape=point, label="", width=0.15];')
        for state in track["states"]:
            extra = ", peripheries=2" if state["name"] in track["final"] else ""
            lines.append(
                f"        {_dot(name + '.' + state['name'])} [label={_dot(state['name'])}, "
                f"tooltip={_dot(state['description'])}{extra}];"
            )
        lines.append(f"        {start} -> {_dot(name + '.' + track['initial'])};")
        if any(edge["source"] == "*" for edge in track["edges"]):
            lines.append(
                f'        {_dot(name + ".*")} [label="any state", shape=plaintext, '
                'fontcolor="gray40"];'
            )
        for edge in track["edges"]:
            lines.append(
                f"        {_dot(name + '.' + edge['source'])} -> "
                f"{_dot(name + '.' + edge['target'])} [label={_dot(chr(10).join(edge['labels']))}];"
            )
        lines.append("    }")
    lines.append("}")
    return "\n".join(lines) + "\n"


# -- a case's timeline -------------------------------------------------------------------


def _filter_spans(model: Timeline, tracks: Sequence[str] | None) -> list[Span]:
    return [s for s in model.spans if tracks is None or s.track in tracks]


def _timeline_title(model: Timeline) -> str:
    title = model.record_id
    if model.title:
        title += f" ({model.title})"
    if model.account:
        title += f", account {model.account}"
    return title


def _next_day(day: datetime.date) -> datetime.date:
    # The end of a bar is exclusive; the calendar's last day has no next one.
    return day if day == datetime.date.max else day + datetime.timedelta(days=1)


def timeline_to_mermaid(model: Timeline, *, tracks: Sequence[str] | None = None) -> str:
    """A case's timeline as a Mermaid ``gantt`` chart.

    The first section has the events: a milestone for an exact date, a bar
    from the earliest to the latest possible day for an uncertain one, and a
    milestone on the known day of an open one (``../2010-09-08``), labelled
    with its date: an open end has no day to draw. Then a
    section per jurisdiction and track, with a bar for each state it was in.

    Args:
        model: The timeline of a record.
        tracks: Only these tracks (all if ``None``).
    """
    lines = [
        "gantt",
        f"    title {_mermaid_text(_timeline_title(model))}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %Y-%m-%d",
        "    section Events",
    ]
    for ev in model.events:
        name = _mermaid_text(f"{ev.type.replace('_', ' ')} {ev.id} ({ev.jurisdiction})")
        tid = _mermaid_id("e", str(ev.index))
        if ev.open_start or ev.open_end:
            known = ev.earliest if ev.open_end else ev.latest
            lines.append(f"    {name} ({_mermaid_text(ev.date)}) : milestone, {tid}, {known}, 0d")
        elif ev.earliest == ev.latest:
            lines.append(f"    {name} : milestone, {tid}, {ev.earliest}, 0d")
        else:
            end = _next_day(ev.latest)
            lines.append(f"    {name} ({_mermaid_text(ev.date)}) : {tid}, {ev.earliest}, {end}")
    section = None
    for n, span in enumerate(_filter_spans(model, tracks)):
        here = f"{span.jurisdiction} {span.track}"
        if here != section:
            lines.append(f"    section {here}")
            section = here
        end = max(span.end, _next_day(span.start))
        lines.append(f"    {_mermaid_text(span.state)} : s{n}, {span.start}, {end}")
    return "\n".join(lines) + "\n"


def timeline_to_dot(model: Timeline, *, tracks: Sequence[str] | None = None) -> str:
    """A case's timeline as Graphviz DOT: the events top to bottom, each with its state changes.

    Args:
        model: The timeline of a record.
        tracks: Only show changes of these tracks (all if ``None``).
    """
    lines = [
        "digraph timeline {",
        "    rankdir=TB;",
        f"    label={_dot(_timeline_title(model))};",
        "    labelloc=t;",
        *_DOT_HEADER,
    ]
    previous: str | None = None
    for ev in model.events:
        node = _dot(f"e{ev.index}")
        changes = [c for c in ev.changes if tracks is None or c.track in tracks]
        label = [f"{ev.date}  {ev.jurisdiction}", f"{ev.type.replace('_', ' ')}: {ev.id}"]
        label += [f"{c.track}: {c.before} → {c.after}" for c in changes]
        style = "" if changes else ", color=gray50, fontcolor=gray30"
        lines.append(f"    {node} [label={_dot(chr(10).join(label))}{style}];")
        if previous is not None:
            lines.append(f"    {previous} -> {node};")
        previous = node
    lines.append("}")
    return "\n".join(lines) + "\n"
