"""A case's timeline as a standalone SVG picture on a real time axis.

The picture is drawn from the same :class:`~proceedings.render.Timeline` as
the Mermaid and DOT diagrams, by the library alone: no external program,
font or script, so it opens in any browser with no network. From the top:

* the title, wrapped to the width (never cut), and a line saying which
  account is drawn and what the marks mean;
* a time axis with year, quarter, month or day ticks chosen by the span of
  the case; a stretch of more than a few years with nothing in it is drawn
  compressed, behind a break mark, so that the rest stays readable;
* one row per event: a dot on its day, a bar from its earliest to its latest
  day when the date is uncertain, and an arrow fading to the edge when the
  date is open at one end; the findings it triggered or concerns are badges
  in the margin (shape and colour by severity, fill by certainty);
* one lane per track that left its initial state, with a bar per state;
* a legend.

Every mark carries a ``<title>`` (the tooltip a browser shows) with its full
text, and the picture has ``role="img"``, a title and a description. Record
text is escaped for XML after :func:`~proceedings.render.printable` has made
its control characters visible (XML 1.0 cannot hold most of them at all).
The output is a pure function of its arguments: the same input gives the same
bytes.
"""

from __future__ import annotations

import datetime
import html
import re
import textwrap
import zlib
from collections.abc import Sequence

import attrs

from .._findings import Certainty, Finding, Severity
from .._printable import printable
from .._report import Report
from .._timeline import Timeline, TimelineEvent

#: Colour and shape of each severity's badge; chosen to stay apart in grey too
#: (the shapes differ, and so do the lightnesses).
SEVERITY_STYLE: dict[Severity, tuple[str, str]] = {
    Severity.VIOLATION: ("#b2182b", "triangle"),
    Severity.WARNING: ("#d9822b", "square"),
    Severity.NOTE: ("#2166ac", "circle"),
}

# Light fills for state bars (dark text stays readable on each), picked by a
# checksum of the state's name so that a state keeps its colour across cases.
_PALETTE = (
    "#cfe3f3",
    "#f6d5c1",
    "#d5ecd0",
    "#eadcf2",
    "#f9ecb8",
    "#d3eeee",
    "#f3d3df",
    "#e3e3d1",
    "#dcdff5",
    "#f0dfcc",
)
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
_TEXT = "#1b1b1b"
_MUTED = "#555555"
_GRID = "#e2e2e2"

_ROW = 20  # height of an event row
_LANE = 22  # height of a bar in a lane
_BADGE = 13  # horizontal room per finding badge
_GAP_PX = 26  # width of a compressed stretch of time
_GAP_DAYS = 3 * 366  # an empty stretch longer than this is compressed...
_GAP_SHARE = 0.3  # ...if it is also this share of the whole span


def _x(text: str) -> str:
    """Record text for XML: controls made visible, then markup characters escaped."""
    return html.escape(printable(text), quote=True)


def _chars(text: str, size: float) -> float:
    """An estimate of the width of ``text`` in a sans-serif font of ``size`` pixels.

    No font is embedded, so the reader's own sans-serif draws the text; 0.56 em
    per character is a little wider than the common ones, so that text laid
    out with it does not collide.
    """
    return len(text) * size * 0.56


def _num(value: float) -> str:
    """A coordinate, with at most one decimal and no ``-0``."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def _ident(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", text)


# -- the time scale ------------------------------------------------------------------------


@attrs.frozen
class _Piece:
    """A stretch of days drawn from ``x0`` to ``x1``; ``gap``: drawn compressed."""

    start: int
    end: int
    x0: float
    x1: float
    gap: bool = False


class _Scale:
    """Days (as ordinals) to x, piecewise linear, with compressed empty stretches."""

    def __init__(self, lo: int, hi: int, busy: list[tuple[int, int]], x0: float, x1: float):
        # Stretches with nothing in them, long enough to compress.
        total = max(hi - lo, 1)
        gaps: list[tuple[int, int]] = []
        reach = lo
        for a, b in sorted(busy):
            if a - reach > max(_GAP_DAYS, _GAP_SHARE * total):
                # Keep a little margin around the busy stretches.
                gaps.append((reach + 30, a - 30))
            reach = max(reach, b)
        plain = total - sum(b - a for a, b in gaps)
        room = (x1 - x0) - _GAP_PX * len(gaps)
        per_day = room / max(plain, 1)
        pieces: list[_Piece] = []
        day, x = lo, x0
        for a, b in gaps:
            pieces.append(_Piece(day, a, x, x + (a - day) * per_day))
            x += (a - day) * per_day
            pieces.append(_Piece(a, b, x, x + _GAP_PX, gap=True))
            x += _GAP_PX
            day = b
        pieces.append(_Piece(day, hi, x, x1))
        self.pieces = tuple(pieces)
        self.lo, self.hi = lo, hi

    def __call__(self, day: int) -> float:
        day = min(max(day, self.lo), self.hi)
        for p in self.pieces:
            if day <= p.end:
                if p.end == p.start:
                    return p.x0
                return p.x0 + (day - p.start) * (p.x1 - p.x0) / (p.end - p.start)
        return self.pieces[-1].x1

    def in_gap(self, day: int) -> bool:
        return any(p.gap and p.start < day < p.end for p in self.pieces)

    def px_per_day(self) -> float:
        p = max(self.pieces, key=lambda p: (not p.gap, p.x1 - p.x0))
        return (p.x1 - p.x0) / max(p.end - p.start, 1)


def _month_add(day: datetime.date, months: int) -> datetime.date:
    m = day.month - 1 + months
    return datetime.date(day.year + m // 12, m % 12 + 1, 1)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _ticks(scale: _Scale) -> list[tuple[int, str, bool]]:
    """``(day, label, major)`` ticks: the finest step whose labels do not crowd.

    Days (every day or every week) for a case of a few weeks, then months
    (every 1, 3 or 6), then years (every 1, 2, 5, 10 or 50).
    """
    lo = datetime.date.fromordinal(scale.lo)
    hi = datetime.date.fromordinal(scale.hi)
    density = scale.px_per_day()
    ticks: list[tuple[int, str, bool]] = []
    if density * 7 >= 44:
        step = 1 if density >= 44 else 7
        day = lo
        while day <= hi:
            ticks.append((day.toordinal(), f"{day.day} {_MONTHS[day.month - 1]}", day.day == 1))
            day += datetime.timedelta(days=step)
        return ticks
    months = 600
    for months in (1, 3, 6, 12, 24, 60, 120, 600):
        if density * 30.44 * months >= 52:
            break
    day = datetime.date(lo.year, 1, 1)
    while day <= hi:
        wanted = (
            (day.month - 1) % months == 0
            if months < 12
            else day.month == 1 and day.year % (months // 12) == 0
        )
        if wanted and day >= lo and not scale.in_gap(day.toordinal()):
            label = str(day.year) if day.month == 1 else _MONTHS[day.month - 1]
            after_gap = bool(ticks) and any(
                p.gap and ticks[-1][0] <= p.start and p.end <= day.toordinal() for p in scale.pieces
            )
            if (not ticks or after_gap) and day.month != 1:
                label += f" {day.year}"
            ticks.append((day.toordinal(), label, day.month == 1))
        day = _month_add(day, 1 if months < 12 else 12)
    return ticks


# -- marks ---------------------------------------------------------------------------------


def _badge(shape: str, colour: str, certainty: Certainty, cx: float, cy: float, r: float) -> str:
    """A finding's badge: filled when certain, half filled when conditional, hollow and
    dashed when undetermined."""
    if certainty is Certainty.UNDETERMINED:
        paint = f'fill="#ffffff" stroke="{colour}" stroke-width="1.8" stroke-dasharray="3 1.5"'
    elif certainty is Certainty.CONDITIONAL:
        paint = f'fill="{colour}" fill-opacity="0.45" stroke="{colour}" stroke-width="1.6"'
    else:
        paint = f'fill="{colour}" stroke="{colour}" stroke-width="1.2"'
    if shape == "triangle":
        pts = [(cx, cy - r), (cx + r, cy + r * 0.8), (cx - r, cy + r * 0.8)]
        return f'<polygon points="{" ".join(f"{_num(a)},{_num(b)}" for a, b in pts)}" {paint}/>'
    if shape == "square":
        s = r * 0.85
        return (
            f'<rect x="{_num(cx - s)}" y="{_num(cy - s)}" width="{_num(2 * s)}" '
            f'height="{_num(2 * s)}" {paint}/>'
        )
    return f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="{_num(r * 0.9)}" {paint}/>'


def _state_fill(state: str) -> str:
    return _PALETTE[zlib.crc32(state.encode()) % len(_PALETTE)]


def _words(name: str) -> str:
    return name.replace("_", " ")


def _finding_text(f: Finding) -> str:
    text = f"{f.rule_id} ({f.severity.value}, {f.certainty.value}): {f.message}"
    if f.accounts:
        text += f" [accounts: {', '.join(f.accounts)}]"
    return text


def _event_text(ev: TimelineEvent) -> str:
    lines = [f"{ev.date}: {_words(ev.type)} '{ev.id}' ({ev.jurisdiction})"]
    lines += [f"{c.track}: {_words(c.before)} → {_words(c.after)}" for c in ev.changes]
    return "\n".join(lines)


def _label(
    x: float,
    y: float,
    text: str,
    *,
    size: float = 11,
    anchor: str = "start",
    halo: bool = False,
    colour: str = _TEXT,
    weight: str | None = None,
) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    middle = f' text-anchor="{anchor}"' if anchor != "start" else ""
    head = f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}"{middle}{bold}'
    text = _x(text)
    # A halo is a white copy drawn first (``paint-order`` would be shorter, but
    # some renderers, WeasyPrint among them, ignore it and hide the text).
    under = (
        f'{head} fill="#ffffff" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" '
        f'aria-hidden="true">{text}</text>'
        if halo
        else ""
    )
    return f'{under}{head} fill="{colour}">{text}</text>'


def _concerns(model: Timeline, report: Report | None) -> list[Finding]:
    """The report's findings that hold under the account drawn."""
    if report is None:
        return []
    return [
        f
        for f in report.findings
        if model.account is None or not f.accounts or model.account in f.accounts
    ]


def timeline_to_svg(
    model: Timeline,
    *,
    report: Report | None = None,
    tracks: Sequence[str] | None = None,
    width: int = 960,
) -> str:
    """A case's timeline as a standalone SVG document on a real time axis.

    Args:
        model: The timeline of one account of a record
            (:func:`~proceedings.render.timeline`).
        report: Its report (:func:`proceedings.validate`): the findings that
            hold under the account drawn are marked on their events.
        tracks: Only lanes of these tracks (all if ``None``).
        width: The picture's width in pixels (at least 480); its height
            follows from the content.

    Returns:
        The SVG document (``<svg xmlns=...>``, with a ``viewBox``), ending in
        a newline. Ids inside it start with ``tl-`` and the record's id (and
        account), so that several pictures can share an HTML page.
    """
    width = max(int(width), 480)
    pid = "tl-" + _ident(model.record_id) + (f"-{_ident(model.account)}" if model.account else "")
    findings = _concerns(model, report)
    events = model.events
    spans = [s for s in model.spans if tracks is None or s.track in tracks]
    lanes: list[tuple[str, str]] = []
    for s in spans:
        if (s.jurisdiction, s.track) not in lanes:
            lanes.append((s.jurisdiction, s.track))

    # Findings by event index: (finding, whether the event triggered it).
    marks: dict[int, list[tuple[Finding, bool]]] = {}
    for f in findings:
        for n, i in enumerate(f.event_indices):
            if any(ev.index == i for ev in events):
                marks.setdefault(i, []).append((f, n == 0))
    most = max((len(v) for v in marks.values()), default=0)
    lane_labels = [f"{j} · {_words(t)}" for j, t in lanes]
    left = max(
        110.0,
        min(width * 0.34, max((_chars(t, 11) + 16 for t in lane_labels), default=0)),
        min(width * 0.34, most * _BADGE + 16),
    )
    right = 16.0
    plot0, plot1 = left, width - right

    # The days to draw: known bounds only (an open end is drawn as an arrow).
    known: list[tuple[int, int]] = []
    for ev in events:
        a = ev.latest if ev.open_start else ev.earliest
        b = ev.earliest if ev.open_end else ev.latest
        known.append((a.toordinal(), b.toordinal()))
    for s in spans:
        known.append((s.start.toordinal(), s.end.toordinal()))
    if known:
        lo = min(a for a, _ in known)
        hi = max(b for _, b in known) + 1
    else:
        lo = datetime.date(2000, 1, 1).toordinal()
        hi = lo + 365
    pad = max(3, (hi - lo) // 40)
    # Room for the arrows of open dates.
    if any(ev.open_start for ev in events):
        lo -= max(pad, (hi - lo) // 12)
    if any(ev.open_end for ev in events):
        hi += max(pad, (hi - lo) // 12)
    lo, hi = lo - pad, hi + pad
    scale = _Scale(lo, hi, known, plot0, plot1)

    body: list[str] = []
    defs: list[str] = []
    y = 14.0

    # Title, wrapped, never cut; then a line on what is drawn.
    title = model.title or model.record_id
    per_line = max(20, int((width - 32) / (16 * 0.62)))  # bold is wider
    title_lines = textwrap.wrap(printable(title), per_line, break_long_words=True) or [title]
    for line in title_lines:
        y += 20
        body.append(
            f'<text x="16" y="{_num(y)}" font-size="16" font-weight="600" fill="{_TEXT}">'
            f"{html.escape(line)}</text>"
        )
    sub = [f"record {model.record_id}"]
    if model.account:
        sub.append(
            f"account “{model.account}” of {len(model.accounts)} "
            f"({', '.join(model.accounts)}): events of other accounts left out"
        )
    if report is not None:
        sub.append(f"{len(findings)} finding{'s' if len(findings) != 1 else ''} marked")
    for line in textwrap.wrap(" · ".join(sub), max(20, int((width - 32) / (11 * 0.56)))):
        y += 16
        body.append(_label(16, y, line, size=11, colour=_MUTED))
    y += 14

    # The axis.
    axis_y = y + 16
    ticks = _ticks(scale)
    top_of_grid = axis_y + 4
    grid: list[tuple[float, bool]] = []
    axis: list[str] = [
        f'<line x1="{_num(plot0)}" y1="{_num(axis_y + 4)}" x2="{_num(plot1)}" '
        f'y2="{_num(axis_y + 4)}" stroke="{_MUTED}" stroke-width="1"/>'
    ]
    last_label_end = -1e9
    for day, text, major in ticks:
        tx = scale(day)
        if tx < plot0 or tx > plot1:
            continue
        grid.append((tx, major))
        if tx - _chars(text, 10) / 2 > last_label_end + 4:
            axis.append(
                _label(
                    tx,
                    axis_y,
                    text,
                    size=10,
                    anchor="middle",
                    colour=_TEXT if major else _MUTED,
                    weight="600" if major else None,
                )
            )
            last_label_end = tx + _chars(text, 10) / 2
    for p in scale.pieces:
        if p.gap:
            mid = (p.x0 + p.x1) / 2
            years = round((p.end - p.start) / 365.25)
            axis.append(
                f'<g class="gap"><title>{years} years with nothing on record, compressed</title>'
                f'<rect x="{_num(p.x0 + 3)}" y="{_num(axis_y - 12)}" '
                f'width="{_num(p.x1 - p.x0 - 6)}" height="20" fill="#ffffff"/>'
                f'<path d="M{_num(mid - 5)},{_num(axis_y + 9)} l4,-10 M{_num(mid + 1)},'
                f'{_num(axis_y + 9)} l4,-10" stroke="{_MUTED}" stroke-width="1.4" fill="none"/>'
                f"</g>"
            )
    y = axis_y + 14

    # Events, one row each.
    rows: list[str] = []
    events_top = y
    if events:
        rows.append(_label(16, y + 10, "Events", size=11, colour=_MUTED, weight="600"))
        y += 16
    for ev in events:
        cy = y + _ROW / 2
        a_day = (ev.latest if ev.open_start else ev.earliest).toordinal()
        b_day = (ev.earliest if ev.open_end else ev.latest).toordinal()
        xa, xb = scale(a_day), scale(b_day + 1)
        exact = ev.earliest == ev.latest and not (ev.open_start or ev.open_end)
        parts = [f'<g class="event" id="{pid}-e{ev.index}" data-event="{_x(ev.id)}">']
        parts.append(f"<title>{_x(_event_text(ev))}</title>")
        colour = "#3d3d3d"
        text = f"{ev.date}  {_words(ev.type)} · {ev.id} ({ev.jurisdiction})"
        need = _chars(text, 11) + 8
        # A label may reach into the margin, unless the row has badges there.
        floor = plot0 if ev.index in marks else 16.0
        if exact:
            parts.append(
                f'<circle class="mark" cx="{_num((xa + xb) / 2)}" cy="{_num(cy)}" r="4.5" '
                f'fill="{colour}"/>'
            )
            lx0, lx1 = (xa + xb) / 2 - 6, (xa + xb) / 2 + 6
        else:
            x0, x1 = xa, max(xb, xa + 4)
            if ev.open_start:
                gid = f"{pid}-fade-l{ev.index}"
                defs.append(
                    f'<linearGradient id="{gid}" x1="0" x2="1" y1="0" y2="0">'
                    f'<stop offset="0" stop-color="{colour}" stop-opacity="0"/>'
                    f'<stop offset="1" stop-color="{colour}" stop-opacity="0.55"/></linearGradient>'
                )
                parts.append(
                    f'<rect class="open-start" x="{_num(plot0)}" y="{_num(cy - 3)}" '
                    f'width="{_num(x1 - plot0)}" height="6" fill="url(#{gid})"/>'
                    f'<path d="M{_num(plot0 + 8)},{_num(cy - 5)} l-8,5 l8,5" fill="none" '
                    f'stroke="{colour}" stroke-width="1.4"/>'
                )
                x0 = plot0
            if ev.open_end:
                gid = f"{pid}-fade-r{ev.index}"
                defs.append(
                    f'<linearGradient id="{gid}" x1="0" x2="1" y1="0" y2="0">'
                    f'<stop offset="0" stop-color="{colour}" stop-opacity="0.55"/>'
                    f'<stop offset="1" stop-color="{colour}" stop-opacity="0"/></linearGradient>'
                )
                parts.append(
                    f'<rect class="open-end" x="{_num(xa)}" y="{_num(cy - 3)}" '
                    f'width="{_num(plot1 - xa)}" height="6" fill="url(#{gid})"/>'
                    f'<path d="M{_num(plot1 - 8)},{_num(cy - 5)} l8,5 l-8,5" fill="none" '
                    f'stroke="{colour}" stroke-width="1.4"/>'
                )
                x1 = plot1
            inside = x1 + need > plot1 and x0 - need < floor
            if not (ev.open_start or ev.open_end):
                # A bar too long for its label beside it is drawn taller and lighter,
                # with the label inside.
                h = 14 if inside else 8
                parts.append(
                    f'<rect class="mark uncertain" x="{_num(xa)}" y="{_num(cy - h / 2)}" '
                    f'width="{_num(max(xb - xa, 4))}" height="{h}" rx="4" fill="{colour}" '
                    f'fill-opacity="{"0.14" if inside else "0.3"}" stroke="{colour}" '
                    'stroke-width="1"/>'
                )
            else:
                known_x = xb if ev.open_start else xa
                parts.append(
                    f'<circle class="mark" cx="{_num(known_x)}" cy="{_num(cy)}" r="4" '
                    f'fill="{colour}"/>'
                )
            lx0, lx1 = x0, x1
        if lx1 + need <= plot1:
            parts.append(_label(lx1 + 6, cy + 4, text, halo=True))
        elif lx0 - need >= floor:
            parts.append(_label(lx0 - 6, cy + 4, text, anchor="end", halo=True))
        else:
            # No room on either side: inside the bar (clear of an open start's arrow).
            start = max(plot0 + (14 if ev.open_start else 6), min(lx0 + 6, plot1 - need))
            parts.append(_label(start, cy + 4, text, halo=ev.open_start or ev.open_end))
        parts.append("</g>")
        rows.append("".join(parts))
        # The badges of the findings it concerns, in the margin.
        bx = left - 12.0
        for f, trigger in sorted(
            marks.get(ev.index, []),
            key=lambda m: (list(SEVERITY_STYLE).index(m[0].severity), m[0].rule_id),
            reverse=True,
        ):
            colour_f, shape = SEVERITY_STYLE[f.severity]
            r = 5.5 if trigger else 4.2
            role = "triggered here" if trigger else "concerns this event"
            rows.append(
                f'<g class="finding {f.severity.value} {f.certainty.value}" '
                f'data-rule="{_x(f.rule_id)}" data-event="{_x(ev.id)}">'
                f"<title>{_x(_finding_text(f))} ({role})</title>"
                f"{_badge(shape, colour_f, f.certainty, bx, cy, r)}</g>"
            )
            bx -= _BADGE
        y += _ROW
    events_bottom = y

    # Lanes, one per track with spans.
    if lanes:
        y += 10
        rows.append(_label(16, y + 10, "States", size=11, colour=_MUTED, weight="600"))
        y += 16
    for j, t in lanes:
        mine = [s for s in spans if (s.jurisdiction, s.track) == (j, t)]
        lane_y = y
        placed: list[tuple[int, float, float]] = []  # (row, x0, x1) of labels below the bars
        bars: list[str] = []
        extra_rows = 0
        for s in mine:
            x0 = scale(s.start.toordinal())
            x1 = max(scale(s.end.toordinal() + 1), x0 + 3)
            text = _words(s.state)
            tip = f"{j} {t}: {_words(s.state)} from {s.start} (event '{s.start_event}')" + (
                f" to {s.end} (event '{s.end_event}')" if s.end_event else f", still on {s.end}"
            )
            bar = [
                f'<g class="span" data-track="{_x(t)}" data-state="{_x(s.state)}">'
                f"<title>{_x(tip)}</title>"
                f'<rect x="{_num(x0)}" y="{_num(lane_y)}" width="{_num(x1 - x0)}" '
                f'height="{_LANE}" rx="3" fill="{_state_fill(s.state)}" stroke="#8a8a8a" '
                f'stroke-width="0.8"/>'
            ]
            need = _chars(text, 10.5) + 8
            if x1 - x0 >= need:
                bar.append(_label(x0 + 4, lane_y + _LANE / 2 + 4, text, size=10.5))
            else:
                # Below the bar, in the first row where it does not collide.
                row = 0
                lx0 = min(x0, plot1 - need)
                while any(r == row and not (lx0 + need < a or lx0 > b) for r, a, b in placed):
                    row += 1
                placed.append((row, lx0, lx0 + need))
                extra_rows = max(extra_rows, row + 1)
                ty = lane_y + _LANE + 12 + row * 13
                bar.append(
                    f'<path d="M{_num(x0 + 1)},{_num(lane_y + _LANE)} V{_num(ty - 9)}" '
                    f'stroke="#8a8a8a" stroke-width="0.8"/>'
                )
                bar.append(_label(lx0 + 2, ty, text, size=10, colour=_MUTED, halo=True))
            bar.append("</g>")
            bars.append("".join(bar))
        rows.append(
            f'<g class="lane" data-jurisdiction="{_x(j)}" data-track="{_x(t)}">'
            + _label(16, lane_y + _LANE / 2 + 4, f"{j} · {_words(t)}", size=11)
            + "".join(bars)
            + "</g>"
        )
        y += _LANE + 8 + extra_rows * 13
    bottom_of_grid = y

    # Grid lines behind everything, from the axis down.
    grid_svg = [
        f'<line x1="{_num(gx)}" y1="{_num(top_of_grid)}" x2="{_num(gx)}" '
        f'y2="{_num(bottom_of_grid)}" stroke="{_GRID if not major else "#cfcfcf"}" '
        f'stroke-width="1"/>'
        for gx, major in grid
    ]
    for p in scale.pieces:
        if p.gap:
            grid_svg.append(
                f'<rect x="{_num(p.x0 + 3)}" y="{_num(top_of_grid)}" '
                f'width="{_num(p.x1 - p.x0 - 6)}" '
                f'height="{_num(bottom_of_grid - top_of_grid)}" fill="#f4f4f4"/>'
            )
    if events_bottom > events_top:
        grid_svg.append(
            f'<line x1="16" y1="{_num(events_bottom + 4)}" x2="{_num(plot1)}" '
            f'y2="{_num(events_bottom + 4)}" stroke="{_GRID}" stroke-width="1"/>'
        )

    # The legend: a line per kind of mark, each with its heading.
    y += 12
    legend: list[str] = []
    lx = 16.0
    legend_y = y - 8

    def heading(text: str) -> None:
        nonlocal lx, legend_y
        legend_y += 18
        legend.append(_label(16, legend_y, text, size=10, colour=_MUTED, weight="600"))
        lx = 16 + _chars(text, 10) + 14

    def item(mark: str, text: str) -> None:
        nonlocal lx, legend_y
        need = 20 + _chars(text, 10) + 14
        if lx + need > width - 16:
            lx = 16.0
            legend_y += 18
        legend.append(mark.replace("{X}", _num(lx + 6)).replace("{Y}", _num(legend_y - 4)))
        legend.append(_label(lx + 20, legend_y, text, size=10))
        lx += need

    heading("Events:")
    item('<circle cx="{X}" cy="{Y}" r="4" fill="#3d3d3d"/>', "on a known day")
    item(
        '<rect x="{X}" y="{Y}" width="14" height="8" rx="4" fill="#3d3d3d" fill-opacity="0.3" '
        'stroke="#3d3d3d" transform="translate(-6,-4)"/>',
        "uncertain date: from its earliest to its latest day",
    )
    item(
        '<path d="M{X},{Y} m6,-5 l-8,5 l8,5" fill="none" stroke="#3d3d3d" stroke-width="1.4"/>',
        "open date (on or before, on or after)",
    )
    if any(p.gap for p in scale.pieces):
        item(
            '<path d="M{X},{Y} m-4,5 l4,-10 M{X},{Y} m2,5 l4,-10" stroke="#555555" '
            'stroke-width="1.4" fill="none"/>',
            "years with nothing on record, compressed",
        )
    if findings:
        heading("Findings, beside their events:")
        for sev, (colour_s, shape) in SEVERITY_STYLE.items():
            badge = _badge(shape, colour_s, Certainty.CERTAIN, 0, 0, 5.5)
            item(f'<g transform="translate({{X}},{{Y}})">{badge}</g>', sev.value)
        item(
            f'<g transform="translate({{X}},{{Y}})">'
            f"{_badge('circle', _MUTED, Certainty.CERTAIN, 0, 0, 4.2)}</g>",
            "smaller: about this event, triggered by another",
        )
        heading("Certainty:")
        for cert, meaning in (
            (Certainty.CERTAIN, "certain"),
            (Certainty.CONDITIONAL, "conditional (disputed reading or unverified text)"),
            (Certainty.UNDETERMINED, "undetermined (the dates or facts leave it open)"),
        ):
            badge = _badge("circle", _MUTED, cert, 0, 0, 5.5)
            item(f'<g transform="translate({{X}},{{Y}})">{badge}</g>', meaning)
    height = legend_y + 14

    desc = (
        f"Timeline of record {model.record_id}"
        + (f", account {model.account}" if model.account else "")
        + f": {len(events)} events"
        + (
            f" from {min(e.earliest for e in events if not e.open_start)}"
            f" to {max(e.latest for e in events if not e.open_end)}"
            if any(not e.open_start for e in events) and any(not e.open_end for e in events)
            else ""
        )
        + f", {len(lanes)} tracks with states"
        + (f", {len(findings)} findings" if report is not None else "")
        + ". "
        + "; ".join(f"{e.date} {_words(e.type)} {e.id}" for e in events)
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {_num(height)}" '
        f'width="{width}" height="{_num(height)}" role="img" '
        f'aria-labelledby="{pid}-title {pid}-desc" font-family="{_FONT}" class="timeline">',
        f'<title id="{pid}-title">{_x(title)}</title>',
        f'<desc id="{pid}-desc">{_x(desc)}</desc>',
    ]
    if defs:
        out.append("<defs>" + "".join(defs) + "</defs>")
    out.append(f'<rect width="{width}" height="{_num(height)}" fill="#ffffff"/>')
    out.extend(grid_svg)
    out.extend(axis)
    out.extend(body)
    out.extend(rows)
    out.extend(legend)
    out.append("</svg>")
    return "\n".join(out) + "\n"
