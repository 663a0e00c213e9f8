"""A case report: one self-contained HTML file to open, print or send.

:func:`case_report_html` writes the summary, the timeline picture
(:func:`~proceedings.render.timeline_to_svg`, inlined), the findings grouped by
severity and account, each linked to its events and showing their sources'
quotes and the rule's citations, the table of events, what remains uncertain,
what changes under the other readings of disputed law
(:func:`reading_changes`) and the sources.

The file loads nothing when opened: the style sheet and the pictures are in
it, and it has no script. Links to citations and sources are ordinary links
(``http`` and ``https`` only: any other scheme in a record is shown as text).
All record text is escaped, after :func:`~proceedings.render.printable` has
made control and bidirectional characters visible. A print style sheet hides
the navigation, starts each section on a new page and prints each link's
address after it, in black and white.
"""

from __future__ import annotations

import enum
import html
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from .._engine import validate
from .._event import Event
from .._findings import Certainty, Finding
from .._model import CaseRecord, Charge, Penalty
from .._printable import printable
from .._report import Report
from .._rules import Law
from .._timeline import Change, timeline
from .._version import tool_version
from ..law import DEFAULT_LAW
from ._common import SEVERITIES, plural, when_phrase
from ._svg import timeline_to_svg


def _h(text: object) -> str:
    """Any text for HTML: controls made visible, then markup characters escaped."""
    return html.escape(printable(str(text)), quote=True)


def _href(url: str | None) -> str | None:
    """``url`` for an ``href`` if it is plain ``http`` or ``https``, else ``None``."""
    if not url:
        return None
    scheme = urllib.parse.urlsplit(url.strip()).scheme.lower()
    if scheme not in {"http", "https"} or any(ord(c) < 0x20 or c == " " for c in url.strip()):
        return None
    return html.escape(url.strip(), quote=True)


def _link(text: str, url: str | None) -> str:
    href = _href(url)
    if href is None:
        return _h(text) + (f" ({_h(url)})" if url else "")
    return f'<a href="{href}">{_h(text)}</a>'


def _words(name: str) -> str:
    return name.replace("_", " ")


# -- what changes under the other readings ---------------------------------------------------


@attrs.frozen(kw_only=True)
class ReadingChange:
    """What validating a record under another option of one reading changes.

    Attributes:
        reading: The reading's name.
        option: The other option.
        current: The option of the law the report was made under.
        appeared: Findings that the other option gives and the current one does not.
        disappeared: Findings of the current option that the other does not give.
    """

    reading: str
    option: str
    current: str
    appeared: tuple[Finding, ...] = ()
    disappeared: tuple[Finding, ...] = ()


def _finding_key(f: Finding) -> tuple[object, ...]:
    # Same rule, events, accounts, severity and certainty: the same finding.
    # (A message may say which reading it rests on; that alone is no change.)
    return (f.rule_id, f.event_indices, f.accounts, f.severity, f.certainty)


def reading_changes(
    record: CaseRecord, report: Report | None = None, *, law: Law = DEFAULT_LAW
) -> tuple[ReadingChange, ...]:
    """The findings that appear or disappear under each other option of each reading.

    Every reading the law declares that can arise in one of the record's
    jurisdictions is tried, one at a time, with every option other than the one
    ``law`` uses; a reading with no effect on this record is left out.

    Args:
        record: The record.
        report: Its report under ``law`` (computed if ``None``).
        law: The law the report was made under.

    Returns:
        The changes, by reading name then option; empty if no reading
        changes anything.
    """
    if report is None:
        report = validate(record, law=law)
    base = {_finding_key(f): f for f in report.findings}
    places = {ev.jurisdiction for ev in record.events}
    out: list[ReadingChange] = []
    for name in sorted(law.declared_readings):
        reading = law.declared_readings[name]
        if reading.jurisdictions is not None and not (reading.jurisdictions & places):
            continue
        current = law.reading(name)
        for option in reading.options:
            if option == current:
                continue
            other = attrs.evolve(law, readings={**law.readings, name: option})
            found = validate(record, law=other, accounts=report.accounts or None)
            alt = {_finding_key(f): f for f in found.findings}
            appeared = tuple(f for k, f in alt.items() if k not in base)
            disappeared = tuple(f for k, f in base.items() if k not in alt)
            if appeared or disappeared:
                out.append(
                    ReadingChange(
                        reading=name,
                        option=option,
                        current=current,
                        appeared=appeared,
                        disappeared=disappeared,
                    )
                )
    return tuple(out)


# -- pieces ------------------------------------------------------------------------------------


_STYLE = """
:root { --violation: #b2182b; --warning: #a65c00; --note: #2166ac; --muted: #555;
  --line: #d8d8d8; --soft: #f6f6f4; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: #1b1b1b; background: #fff; line-height: 1.45; }
body { margin: 0; display: flex; align-items: flex-start; }
nav.toc { position: sticky; top: 0; flex: 0 0 13rem; padding: 1.5rem 1rem; font-size: .9rem;
  border-right: 1px solid var(--line); min-height: 100vh; background: var(--soft); }
nav.toc ol { list-style: none; padding: 0; margin: .5rem 0 0; }
nav.toc li { margin: .3rem 0; }
nav.toc a { color: inherit; text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
main { flex: 1 1 auto; min-width: 0; max-width: 68rem; padding: 1.5rem 2rem 4rem; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; line-height: 1.2; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .8rem; padding-bottom: .2rem;
  border-bottom: 2px solid #1b1b1b; }
h3 { font-size: 1.08rem; margin: 1.6rem 0 .6rem; }
h4 { font-size: .98rem; margin: 1.2rem 0 .5rem; color: var(--muted); }
a { color: #0b57a4; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em;
  background: var(--soft); padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
.subtitle { font-size: 1.05rem; margin: 0 0 .8rem; color: #333; }
.disclaimer { font-size: .88rem; color: var(--muted); border-left: 3px solid var(--line);
  padding: .2rem .8rem; margin: 1rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.2rem;
  margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.counts { display: flex; flex-wrap: wrap; gap: .6rem; margin: 1rem 0; padding: 0;
  list-style: none; }
.counts li { border: 2px solid currentColor; border-radius: 6px; padding: .35rem .8rem;
  font-weight: 600; }
.counts .n { font-size: 1.4rem; margin-right: .3rem; }
.violation { color: var(--violation); }
.warning { color: var(--warning); }
.note { color: var(--note); }
.tag { display: inline-block; border: 1.5px solid currentColor; border-radius: 4px;
  padding: 0 .35rem; font-size: .8rem; font-weight: 600; text-transform: uppercase;
  letter-spacing: .03em; margin-right: .3rem; white-space: nowrap; }
.tag.certainty { color: #333; }
.tag.undetermined { border-style: dashed; }
.tag.conditional { border-style: dotted; }
figure { margin: 1rem 0 1.5rem; }
figure svg { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); }
figcaption { font-size: .88rem; color: var(--muted); margin-top: .4rem; }
article.finding { border: 1px solid var(--line); border-left: 5px solid currentColor;
  border-radius: 4px; padding: .6rem 1rem; margin: .8rem 0; }
article.finding > * { color: #1b1b1b; }
article.finding header { color: inherit; }
article.finding h5 { font-size: 1rem; margin: 0 0 .3rem; }
article.finding p { margin: .35rem 0; }
.meta { font-size: .9rem; color: #333; }
.meta b { font-weight: 600; }
blockquote { margin: .4rem 0 .4rem .2rem; padding: .2rem .8rem; border-left: 3px solid var(--line);
  font-size: .92rem; color: #222; }
blockquote cite { display: block; font-style: normal; font-size: .85rem; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top;
  text-align: left; }
th { background: var(--soft); }
tr:target, article:target { outline: 3px solid #f2c200; outline-offset: 2px; }
td ul, article ul { margin: .2rem 0; padding-left: 1.1rem; }
.quote { margin: .2rem 0; }
.quote + .quote { margin-top: .5rem; }
.dim { color: var(--muted); }
@media (max-width: 60rem) {
  body { display: block; }
  nav.toc { position: static; min-height: 0; border-right: 0;
    border-bottom: 1px solid var(--line); }
  main { padding: 1rem; }
}
@media print {
  @page { margin: 16mm 14mm; }
  html { font-size: 10pt; color: #000; background: #fff; }
  body { display: block; }
  nav.toc { display: none; }
  main { max-width: none; padding: 0; }
  /* A new page for the long sections; the short ones follow on. */
  section#timeline, section#findings, section#events { break-before: page; }
  .screen-only { display: none; }
  h2, h3, h4 { break-after: avoid; }
  article.finding, tr, blockquote, figure { break-inside: avoid; }
  a { color: #000; text-decoration: underline; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em;
    overflow-wrap: anywhere; text-decoration: none; }
  .violation, .warning, .note, .tag, .counts li { color: #000; }
  article.finding { border-left-width: 4px; }
  code { background: none; }
  th { background: #eee; }
  figure svg { border: 0; }
}
"""


def _tags(f: Finding) -> str:
    return (
        f'<span class="tag {f.severity.value}">{f.severity.value}</span>'
        f'<span class="tag certainty {f.certainty.value}">{f.certainty.value}</span>'
    )


def _citation_links(f: Finding) -> str:
    # The official source, and the copy the text was checked against where it differs.
    return "; ".join(
        _link(str(c), c.url) + (f" ({_link('text read at', c.read_at)})" if c.read_at else "")
        for c in f.citations
    )


def _event_link(record: CaseRecord, index: int) -> str:
    ev = record.events[index]
    return f'<a href="#event-{index}"><code>{_h(ev.id)}</code></a> ({_h(ev.date.text)})'


def _source_label(record: CaseRecord, source_id: str) -> str:
    for s in record.sources:
        if s.id == source_id:
            return f"{s.publisher}, {s.date.text if s.date else 'undated'}"
    return source_id


def _source_index(record: CaseRecord, source_id: str) -> int | None:
    for n, s in enumerate(record.sources):
        if s.id == source_id:
            return n
    return None


def _quotes(record: CaseRecord, ev: Event, *, with_event: bool = False) -> list[str]:
    out = []
    for ref in ev.sources:
        n = _source_index(record, ref.source)
        name = _h(_source_label(record, ref.source))
        where = f'<a href="#source-{n}">{name}</a>' if n is not None else name
        if ref.locator:
            where += f", {_h(ref.locator)}"
        if with_event:
            where = f"<code>{_h(ev.id)}</code>: " + where
        note = f' <span class="dim">({_h(ref.note)})</span>' if ref.note else ""
        if ref.quote:
            out.append(
                f'<blockquote class="quote">“{_h(ref.quote)}”{note}<cite>{where}</cite>'
                "</blockquote>"
            )
        else:
            out.append(f'<p class="quote dim">{where}: no quote{note}</p>')
    return out


def _finding_article(record: CaseRecord, law: Law, f: Finding, n: int) -> str:
    try:
        title = law.rule(f.rule_id).title
    except (KeyError, ValueError):
        title = ""
    parts = [
        f'<article class="finding {f.severity.value}" id="finding-{n}">',
        f"<header><h5>{_tags(f)} <code>{_h(f.rule_id)}</code> {_h(title)}</h5></header>",
        f"<p>{_h(f.message)}.</p>" if not f.message.endswith(".") else f"<p>{_h(f.message)}</p>",
    ]
    meta = []
    if f.event_indices:
        meta.append("<b>Events:</b> " + ", ".join(_event_link(record, i) for i in f.event_indices))
    if f.accounts:
        meta.append("<b>Holds under:</b> " + ", ".join(f"<code>{_h(a)}</code>" for a in f.accounts))
    if f.citations:
        meta.append("<b>Cites:</b> " + _citation_links(f))
    if f.readings:
        meta.append(
            "<b>Rests on the reading:</b> "
            + ", ".join(f'<a href="#readings"><code>{_h(r)}</code></a>' for r in f.readings)
        )
    if f.unverified:
        meta.append("<b>Unverified:</b> " + _h("; ".join(g.phrase() for g in f.unverified)))
    parts.append('<p class="meta">' + "<br>".join(meta) + "</p>")
    quotes = [
        q for i in f.event_indices for q in _quotes(record, record.events[i], with_event=True)
    ]
    if quotes:
        parts.append('<div class="quotes">' + "".join(quotes) + "</div>")
    parts.append("</article>")
    return "\n".join(parts)


def _account_heading(accounts: tuple[str, ...], all_accounts: Sequence[str]) -> str:
    if not all_accounts:
        return ""
    if not accounts or set(accounts) >= set(all_accounts):
        return "Under every account"
    names = ", ".join(f"<code>{_h(a)}</code>" for a in accounts)
    return f"Only under account{'s' if len(accounts) > 1 else ''} {names}"


def _value_text(value: object) -> str:
    if isinstance(value, Charge):
        return str(value) + (f", {value.category.value}" if value.category else "")
    if isinstance(value, Penalty):
        kind = _words(value.kind.value) + (f", {value.months:g} months" if value.months else "")
        return kind + (f" ({value.note})" if value.note else "")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        return _words(str(value.value))
    date_text = getattr(value, "text", None)  # an uncertain date
    if isinstance(date_text, str):
        return date_text
    if attrs.has(type(value)):
        return str(value) if type(value).__str__ is not object.__str__ else _attrs_text(value)
    return str(value)


def _attrs_text(value: Any) -> str:
    parts = []
    for field in attrs.fields(type(value)):
        v = getattr(value, field.name)
        if v is None or v in ((), field.default):
            continue
        parts.append(f"{_words(field.name)} {_value_text(v)}")
    return ", ".join(parts)


_BASE_FIELDS = {"id", "date", "jurisdiction", "account", "sources", "note"}


def event_details(event: Event) -> list[tuple[str, str]]:
    """The event's own fields that differ from their defaults, as ``(name, text)``."""
    out = []
    for field in attrs.fields(type(event)):
        if field.name in _BASE_FIELDS:
            continue
        value = getattr(event, field.name)
        if (
            value is None
            or value == ()
            or (
                field.default is not attrs.NOTHING
                and value == field.default
                and not isinstance(value, str)
            )
        ):
            continue
        if isinstance(value, tuple):
            text = "; ".join(_value_text(v) for v in value)
        else:
            text = _value_text(value)
        out.append((_words(field.name), text))
    return out


def _changes_by_event(record: CaseRecord) -> dict[int, list[tuple[str | None, Change]]]:
    """State changes of each event, under each account it belongs to."""
    out: dict[int, list[tuple[str | None, Change]]] = {}
    names: list[str | None] = [a.name for a in record.accounts] or [None]
    for name in names:
        for ev in timeline(record, account=name).events:
            for change in ev.changes:
                out.setdefault(ev.index, []).append((name, change))
    return out


def _changes_cell(changes: list[tuple[str | None, Change]], accounts: int) -> str:
    seen: dict[tuple[str, str, str], list[str]] = {}
    for name, c in changes:
        seen.setdefault((c.track, c.before, c.after), []).append(name or "")
    lines = []
    for (track, before, after), names in seen.items():
        line = f"{_h(track)}: {_h(_words(before))} → <b>{_h(_words(after))}</b>"
        if accounts and len(names) < accounts:
            line += ' <span class="dim">(' + ", ".join(_h(n) for n in names) + ")</span>"
        lines.append(line)
    return "<br>".join(lines)


def _events_table(record: CaseRecord, numbered: list[tuple[int, Finding]]) -> str:
    changes = _changes_by_event(record)
    by_event: dict[int, list[tuple[int, Finding]]] = {}
    for n, f in numbered:
        for i in f.event_indices:
            by_event.setdefault(i, []).append((n, f))
    rows = [
        "<table><thead><tr><th>Date</th><th>Event</th><th>Where</th>"
        "<th>State changes</th><th>Sources</th><th>Findings</th></tr></thead><tbody>"
    ]
    for i, ev in enumerate(record.events):
        details = event_details(ev)
        event_cell = f"<b>{_h(_words(ev.type))}</b> <code>{_h(ev.id)}</code>"
        if details:
            event_cell += "<br>" + "; ".join(f"{_h(k)}: {_h(v)}" for k, v in details)
        if ev.note:
            event_cell += f'<br><span class="dim">{_h(ev.note)}</span>'
        where = _h(ev.jurisdiction)
        if ev.account:
            where += f"<br>account <code>{_h(ev.account)}</code> only"
        found = by_event.get(i, [])
        finding_cell = "<br>".join(
            f'<a href="#finding-{n}" class="{f.severity.value}">{_h(f.rule_id)}</a>'
            for n, f in found
        )
        rows.append(
            f'<tr id="event-{i}"><td><code>{_h(ev.date.text)}</code><br>'
            f'<span class="dim">{_h(when_phrase(ev.date.text))}</span></td>'
            f"<td>{event_cell}</td><td>{where}</td>"
            f"<td>{_changes_cell(changes.get(i, []), len(record.accounts))}</td>"
            f"<td>{''.join(_quotes(record, ev)) or '<span class=dim>none cited</span>'}</td>"
            f"<td>{finding_cell}</td></tr>"
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _summary(record: CaseRecord, report: Report, law: Law) -> str:
    counts = {s: len(report.by_severity(s)) for s in SEVERITIES}
    items = "".join(
        f'<li class="{s.value}"><span class="n">{n}</span>{s.value}{"" if n == 1 else "s"}</li>'
        for s, n in counts.items()
    )
    certainty = {c: sum(f.certainty is c for f in report.findings) for c in Certainty}
    facts = [("Record", f"<code>{_h(record.id)}</code>")]
    person = record.person
    name = person.name or person.id
    facts.append(("Person", _h(name) + (" (a pseudonym)" if person.name_is_pseudonym else "")))
    if person.nationalities:
        facts.append(("Nationality", _h(", ".join(person.nationalities))))
    known = [e.date for e in record.events]
    firsts = [d.earliest for d in known if not d.open_start]
    lasts = [d.latest for d in known if not d.open_end]
    if known:
        places = ", ".join(sorted({e.jurisdiction for e in record.events}))
        span = f", {min(firsts)} to {max(lasts)} at the widest" if firsts and lasts else ""
        facts.append(("Events", f"{len(known)} in {_h(places)}{span}"))
    facts.append(("Sources", str(len(record.sources))))
    if record.accounts:
        facts.append(
            (
                "Accounts",
                "the sources conflict: "
                + "; ".join(
                    f"<code>{_h(a.name)}</code>"
                    + (f": {_h(a.description)}" if a.description else "")
                    for a in record.accounts
                ),
            )
        )
    readings = ", ".join(
        f"<code>{_h(n)}={_h(law.reading(n))}</code>" for n in sorted(law.declared_readings)
    )
    facts.append(
        (
            "Law",
            f"{len(law.rulebooks)} rulebooks"
            + (", verified texts only" if law.verified_only else "")
            + (f"; readings {readings}" if readings else ""),
        )
    )
    facts.append(
        (
            "Certainty",
            ", ".join(f"{n} {c.value}" for c, n in certainty.items()) if report.findings else "—",
        )
    )
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    summary = f"<p>{_h(record.summary)}</p>" if record.summary else ""
    return (
        f'<section id="summary"><h2>Summary</h2>{summary}'
        f'<ul class="counts" aria-label="Findings by severity">{items}</ul>'
        f'<dl class="facts">{dl}</dl></section>'
    )


def _findings_section(
    record: CaseRecord, report: Report, law: Law, numbered: list[tuple[int, Finding]]
) -> str:
    out = ['<section id="findings"><h2>Findings</h2>']
    if not numbered:
        out.append("<p>The law applied finds nothing in this record.</p>")
    names = [a.name for a in record.accounts]
    for severity in SEVERITIES:
        mine = [(n, f) for n, f in numbered if f.severity is severity]
        if not mine:
            continue
        out.append(
            f'<h3 id="{severity.value}s" class="{severity.value}">'
            f"{plural(len(mine), severity.value).capitalize()}</h3>"
        )
        groups: dict[str, list[tuple[int, Finding]]] = {}
        for n, f in mine:
            groups.setdefault(_account_heading(f.accounts, names), []).append((n, f))
        # Every account first, then the others in the order met.
        for heading, items in sorted(groups.items(), key=lambda kv: kv[0] != "Under every account"):
            if heading:
                out.append(f"<h4>{heading}</h4>")
            out.extend(_finding_article(record, law, f, n) for n, f in items)
    out.append("</section>")
    return "\n".join(out)


def _finding_links(
    numbered: list[tuple[int, Finding]], tail: Callable[[Finding], str], none: str
) -> str:
    """A list of findings, each linked to its article and followed by ``tail``; else ``none``."""
    if not numbered:
        return f"<p>{none}</p>"
    items = [
        f'<li><a href="#finding-{n}"><code>{_h(f.rule_id)}</code></a>{tail(f)}</li>'
        for n, f in numbered
    ]
    return "\n".join(["<ul>", *items, "</ul>"])


def _uncertain_section(record: CaseRecord, numbered: list[tuple[int, Finding]]) -> str:
    out = ['<section id="uncertain"><h2>What remains uncertain</h2>']
    undetermined = [(n, f) for n, f in numbered if f.certainty is Certainty.UNDETERMINED]
    out.append("<h3>Findings the dates or facts leave open</h3>")
    out.append(
        _finding_links(
            undetermined,
            lambda f: (
                f' <span class="{f.severity.value}">({f.severity.value})</span>: ' + _h(f.message)
            ),
            "None: every finding holds on every possible date.",
        )
    )
    unverified = [(n, f) for n, f in numbered if f.unverified]
    out.append("<h3>Findings that rest on law not verified</h3>")
    out.append(
        _finding_links(
            unverified,
            lambda f: ": " + _h("; ".join(g.phrase() for g in f.unverified)),
            "None: every finding rests on checked texts and treaty dates.",
        )
    )
    inexact = [(i, ev) for i, ev in enumerate(record.events) if not ev.date.is_exact]
    if inexact:
        out.append("<h3>Dates not known to the day</h3><ul>")
        out.extend(
            f'<li><a href="#event-{i}"><code>{_h(ev.id)}</code></a>: '
            f"<code>{_h(ev.date.text)}</code>, {_h(when_phrase(ev.date.text).lower())}</li>"
            for i, ev in inexact
        )
        out.append("</ul>")
    if record.accounts:
        out.append(
            "<h3>Conflicting accounts</h3><p>The sources disagree; each account was "
            "evaluated, and each finding says under which it holds.</p><ul>"
        )
        out.extend(
            f"<li><code>{_h(a.name)}</code>"
            + (f": {_h(a.description)}" if a.description else "")
            + "</li>"
            for a in record.accounts
        )
        out.append("</ul>")
    if record.notes:
        out.append("<h3>Notes on the record</h3><ul>")
        out.extend(f"<li>{_h(n)}</li>" for n in record.notes)
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def _readings_section(record: CaseRecord, changes: Iterable[ReadingChange], law: Law) -> str:
    out = ['<section id="readings"><h2>Under other readings</h2>']
    changes = list(changes)
    if not changes:
        out.append(
            "<p>No finding depends on a reading: every option of every reading that "
            "can arise here gives the same findings.</p>"
        )
    for ch in changes:
        question = law.declared_readings[ch.reading].question
        out.append(
            f'<h3 id="reading-{_h(ch.reading)}-{_h(ch.option)}"><code>{_h(ch.reading)}</code> = '
            f"<code>{_h(ch.option)}</code> "
            f'<span class="dim">(this report: <code>{_h(ch.current)}</code>)</span></h3>'
            f"<p>{_h(question)}</p><ul>"
        )
        for f in ch.disappeared:
            out.append(f'<li class="change gone">No longer found: {_change(record, f)}</li>')
        for f in ch.appeared:
            out.append(
                f'<li class="change new">Found as well: {_change(record, f)}: {_h(f.message)}</li>'
            )
        out.append("</ul>")
    out.append(
        '<p class="dim">Choose an option with <code>--reading NAME=OPTION</code>; '
        "<code>proceedings explain RULE</code> gives each reading's question and options.</p>"
    )
    out.append("</section>")
    return "\n".join(out)


def _change(record: CaseRecord, f: Finding) -> str:
    """A finding a reading changes: its rule, severity and certainty, and its event."""
    where = _event_link(record, f.event_indices[0]) if f.event_indices else ""
    return (
        f"<code>{_h(f.rule_id)}</code> "
        f'<span class="{f.severity.value}">({f.severity.value}, {f.certainty.value})</span>'
        f" {where}"
    )


def _sources_section(record: CaseRecord) -> str:
    out = ['<section id="sources"><h2>Sources</h2>']
    if not record.sources:
        out.append("<p>The record lists no sources.</p>")
    else:
        out.append("<ol>")
        for n, s in enumerate(record.sources):
            bits = [f"<b>{_h(s.publisher)}</b>"]
            if s.title:
                bits.append(f"“{_h(s.title)}”")
            bits.append(_h(s.date.text) if s.date else "undated")
            if s.author:
                bits.append(f"by {_h(s.author)}")
            if s.language:
                bits.append(f"in <code>{_h(s.language)}</code>")
            if s.url:
                bits.append(_link("online", s.url))
            if s.file:
                bits.append(f"file <code>{_h(s.file)}</code>")
            text = ", ".join(bits)
            if s.note:
                text += f'. <span class="dim">{_h(s.note)}</span>'
            out.append(f'<li id="source-{n}"><code>{_h(s.id)}</code>: {text}</li>')
        out.append("</ol>")
    out.append("</section>")
    return "\n".join(out)


def _timeline_section(record: CaseRecord, report: Report, timeline_svg: str | None) -> str:
    out = ['<section id="timeline"><h2>Timeline</h2>']
    if timeline_svg is not None:
        out.append(f"<figure>{timeline_svg}</figure>")
    else:
        names: list[str | None] = [a.name for a in record.accounts] or [None]
        for name in names:
            if report.accounts and name is not None and name not in report.accounts:
                continue
            # 900 pixels: the width of the report's column, so the picture is not scaled.
            svg = timeline_to_svg(timeline(record, account=name), report=report, width=900)
            caption = (
                f"Under the account <code>{_h(name)}</code>: its events and the findings "
                "that hold under it."
                if name
                else "The events by date, the tracks' states and the findings on their events."
            )
            out.append(
                f"<figure>{svg}<figcaption>{caption} "
                '<span class="screen-only">Hover a mark for its details.</span>'
                "</figcaption></figure>"
            )
    out.append("</section>")
    return "\n".join(out)


def case_report_html(
    record: CaseRecord,
    report: Report,
    *,
    law: Law = DEFAULT_LAW,
    timeline_svg: str | None = None,
) -> str:
    """A case report as one self-contained HTML document.

    Args:
        record: The record.
        report: Its report, from :func:`proceedings.validate` under ``law``.
        law: The law the report was made under (rule titles, readings).
        timeline_svg: The timeline picture to inline; ``None`` draws one per
            account evaluated with :func:`~proceedings.render.timeline_to_svg`.

    Returns:
        The HTML document, ending in a newline. It loads nothing when opened.
    """
    numbered = list(enumerate(report.findings, start=1))
    changes = reading_changes(record, report, law=law)
    person = record.person
    name = person.name or person.id
    heading = name + (" (pseudonym)" if person.name_is_pseudonym and person.name else "")
    nav = [
        ("summary", "Summary"),
        ("timeline", "Timeline"),
        ("findings", f"Findings ({len(report.findings)})"),
        ("events", f"Events ({len(record.events)})"),
        ("uncertain", "What remains uncertain"),
        ("readings", "Under other readings"),
        ("sources", f"Sources ({len(record.sources)})"),
    ]
    toc = "".join(f'<li><a href="#{k}">{v}</a></li>' for k, v in nav)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="proceedings {_h(tool_version())}">',
        f"<title>{_h(heading)}: case report</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f'<nav class="toc" aria-label="Sections"><b>Case report</b><ol>{toc}</ol></nav>',
        "<main>",
        f"<header><h1>{_h(heading)}</h1>",
        f'<p class="subtitle">{_h(record.title)}</p>' if record.title else "",
        '<p class="disclaimer">What a model of the law says about this record: not legal '
        "advice, and not the finding of any court. Reported events are reports, not "
        "established facts; each is shown with the sources it rests on.</p></header>",
        _summary(record, report, law),
        _timeline_section(record, report, timeline_svg),
        _findings_section(record, report, law, numbered),
        '<section id="events"><h2>Events</h2>'
        "<p>In the order of the record, which is the order in which they happened.</p>",
        _events_table(record, numbered),
        "</section>",
        _uncertain_section(record, numbered),
        _readings_section(record, changes, law),
        _sources_section(record),
        f'<footer class="dim"><p>Made by proceedings {_h(tool_version())} from record '
        f"<code>{_h(record.id)}</code>.</p></footer>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"
