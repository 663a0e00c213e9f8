"""Diagrams: the statechart and a case's timeline, as Mermaid and Graphviz DOT.

Each diagram goes through a small intermediate model of plain data (dicts,
lists, strings) and separate renderers draw it, so that a new output format
is a new renderer and nothing else:

* the statechart's model is :func:`proceedings._statechart.diagram_model`;
* a case's model is :func:`timeline_model`: its events by date and, for each
  track of each jurisdiction, the spans of time spent in each state.

Renderers are pure functions from a model to text.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ._chart import CHART
from ._engine import replay
from ._model import CaseRecord
from ._rules import Law, Rulebook
from ._statechart import Statechart
from .law import DEFAULT_RULEBOOKS


def _selected(model: Mapping[str, Any], tracks: Sequence[str] | None) -> list[dict[str, Any]]:
    chosen: list[dict[str, Any]] = list(model["tracks"])
    if tracks is None:
        return chosen
    known = [t["name"] for t in chosen]
    unknown = [t for t in tracks if t not in known]
    if unknown:
        raise ValueError(f"unknown track {unknown[0]!r}; tracks: {', '.join(known)}")
    return [t for t in chosen if t["name"] in tracks]


# -- Mermaid ---------------------------------------------------------------------------------


def _mermaid_id(*parts: str) -> str:
    return "_".join(re.sub(r"[^A-Za-z0-9_]", "_", p) for p in parts)


def _mermaid_text(text: str) -> str:
    # ';' ends a statement, '#' starts an entity and ':' separates a label in
    # several Mermaid diagram types: keep them out of free text.
    return re.sub(r"\s+", " ", text.replace(";", ",").replace("#", "no.").replace(":", " -"))


def chart_to_mermaid(model: Mapping[str, Any], *, tracks: Sequence[str] | None = None) -> str:
    """The statechart as a Mermaid ``stateDiagram-v2``, one composite state per track.

    Args:
        model: :func:`~proceedings._statechart.diagram_model` of a chart.
        tracks: Only these tracks (all if ``None``).

    Raises:
        ValueError: An unknown track.
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
        ValueError: An unknown track.
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


def timeline_model(
    record: CaseRecord,
    *,
    account: str | None = None,
    rulebooks: Sequence[Rulebook] | None = None,
    chart: Statechart = CHART,
) -> dict[str, Any]:
    """A case as plain data: its events by date and the states of each track over time.

    Replays one account of the record (audit policy, nothing refused).

    Args:
        record: The record.
        account: The account to follow; the first one if the record has
            accounts and this is ``None``.
        rulebooks: The rulebooks for the replay (states do not depend on them;
            the defaults are fine).
        chart: The statechart whose track order and initial states to use.

    Returns:
        ``{"record_id", "title", "account", "accounts", "events", "spans"}``.
        Each event has ``index``, ``id``, ``type``, ``date`` (as written),
        ``earliest`` and ``latest`` (ISO days), ``jurisdiction`` and
        ``changes`` (``[{"track", "from", "to"}]`` in its jurisdiction). Each
        span has ``jurisdiction``, ``track``, ``state``, ``start``/``end``
        (ISO days; ``end`` is the earliest day the next state began, or the
        last event's latest day, and never before ``start``), ``start_event``
        and ``end_event`` (an event id or ``None`` if the state still held at
        the last event). Spans in a track's initial state are left out.

    Raises:
        ValueError: The record has no such account.
    """
    accounts = [a.name for a in record.accounts]
    if account is None and accounts:
        account = accounts[0]
    law = Law(rulebooks=tuple(DEFAULT_RULEBOOKS if rulebooks is None else rulebooks))
    initial = dict(chart.initial().tracks)
    events: list[dict[str, Any]] = []
    open_spans: dict[tuple[str, str], dict[str, Any]] = {}
    spans: list[dict[str, Any]] = []
    last_day: datetime.date | None = None
    for step in replay(record, law, account=account):
        ev = step.event
        where = ev.jurisdiction
        before = step.before.get(where, chart)
        after = step.after.get(where, chart)
        changes = [
            {"track": track, "from": before[track], "to": state}
            for track, state in after.tracks
            if before[track] != state
        ]
        events.append(
            {
                "index": step.index,
                "id": ev.id,
                "type": ev.type,
                "date": ev.date.text,
                "earliest": ev.date.earliest.isoformat(),
                "latest": ev.date.latest.isoformat(),
                "jurisdiction": where,
                "changes": changes,
            }
        )
        for change in changes:
            key = (where, change["track"])
            if key in open_spans:
                span = open_spans.pop(key)
                # With uncertain dates the next state may "begin" before this
                # one did; a span never ends before it starts.
                span["end"] = max(span["start"], ev.date.earliest.isoformat())
                span["end_event"] = ev.id
                spans.append(span)
            if change["to"] != initial[change["track"]]:
                open_spans[key] = {
                    "jurisdiction": where,
                    "track": change["track"],
                    "state": change["to"],
                    "start": ev.date.earliest.isoformat(),
                    "end": None,
                    "start_event": ev.id,
                    "end_event": None,
                }
        if last_day is None or ev.date.latest > last_day:
            last_day = ev.date.latest
    for span in open_spans.values():
        end = last_day.isoformat() if last_day is not None else span["start"]
        span["end"] = max(span["start"], end)
        spans.append(span)
    order = {t.name: i for i, t in enumerate(chart.tracks)}
    spans.sort(key=lambda s: (s["jurisdiction"], order.get(s["track"], 0), s["start"]))
    return {
        "record_id": record.id,
        "title": record.title or record.person.name,
        "account": account,
        "accounts": accounts,
        "events": events,
        "spans": spans,
    }


def _filter_spans(model: Mapping[str, Any], tracks: Sequence[str] | None) -> list[dict[str, Any]]:
    spans: list[dict[str, Any]] = list(model["spans"])
    return spans if tracks is None else [s for s in spans if s["track"] in tracks]


def _timeline_title(model: Mapping[str, Any]) -> str:
    title = str(model["record_id"])
    if model.get("title"):
        title += f" ({model['title']})"
    if model.get("account"):
        title += f", account {model['account']}"
    return title


def _day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def timeline_to_mermaid(model: Mapping[str, Any], *, tracks: Sequence[str] | None = None) -> str:
    """A case's timeline as a Mermaid ``gantt`` chart.

    The first section has the events: a milestone for an exact date, a bar
    from the earliest to the latest possible day for an uncertain one. Then a
    section per jurisdiction and track, with a bar for each state it was in.

    Args:
        model: :func:`timeline_model` of a record.
        tracks: Only these tracks (all if ``None``).
    """
    lines = [
        "gantt",
        f"    title {_mermaid_text(_timeline_title(model))}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %Y-%m-%d",
        "    section Events",
    ]
    for ev in model["events"]:
        name = _mermaid_text(f"{ev['type'].replace('_', ' ')} {ev['id']} ({ev['jurisdiction']})")
        tid = _mermaid_id("e", str(ev["index"]))
        if ev["earliest"] == ev["latest"]:
            lines.append(f"    {name} : milestone, {tid}, {ev['earliest']}, 0d")
        else:
            end = _day(ev["latest"]) + datetime.timedelta(days=1)
            lines.append(
                f"    {name} ({_mermaid_text(ev['date'])}) : {tid}, {ev['earliest']}, {end}"
            )
    section = None
    for n, span in enumerate(_filter_spans(model, tracks)):
        here = f"{span['jurisdiction']} {span['track']}"
        if here != section:
            lines.append(f"    section {here}")
            section = here
        start = _day(span["start"])
        end = max(_day(span["end"]), start + datetime.timedelta(days=1))
        lines.append(f"    {_mermaid_text(span['state'])} : s{n}, {start}, {end}")
    return "\n".join(lines) + "\n"


def timeline_to_dot(model: Mapping[str, Any], *, tracks: Sequence[str] | None = None) -> str:
    """A case's timeline as Graphviz DOT: the events top to bottom, each with its state changes.

    Args:
        model: :func:`timeline_model` of a record.
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
    for ev in model["events"]:
        node = _dot(f"e{ev['index']}")
        changes = [c for c in ev["changes"] if tracks is None or c["track"] in tracks]
        label = [
            f"{ev['date']}  {ev['jurisdiction']}",
            f"{ev['type'].replace('_', ' ')}: {ev['id']}",
        ]
        label += [f"{c['track']}: {c['from']} → {c['to']}" for c in changes]
        style = "" if changes else ", color=gray50, fontcolor=gray30"
        lines.append(f"    {node} [label={_dot(chr(10).join(label))}{style}];")
        if previous is not None:
            lines.append(f"    {previous} -> {node};")
        previous = node
    lines.append("}")
    return "\n".join(lines) + "\n"


def track_names(model: Mapping[str, Any]) -> list[str]:
    """The track names of a statechart model, in order."""
    return [t["name"] for t in model["tracks"]]


def spans_by_track(spans: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], list[str]]:
    """``{(jurisdiction, track): [states in order]}``, for tests and summaries."""
    out: dict[tuple[str, str], list[str]] = {}
    for s in spans:
        out.setdefault((s["jurisdiction"], s["track"]), []).append(s["state"])
    return out
