"""Rules as output: as JSON (``rules``/``explain --format json``) and as text (``explain``)."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from .._findings import citation_dict
from .._rules import Law, Rule, Rulebook
from ._common import Paint, plural


def rule_to_dict(rule: Rule, *, rulebook: Rulebook, law: Law) -> dict[str, Any]:
    """A rule as JSON, with its readings and deadline spelt out.

    ``kind`` is ``"law"`` for a rule of law, ``"record"`` for a check of the
    record itself (which cites nothing); ``description`` says what a record
    check looks at.
    """
    readings = law.declared_readings
    start, end = rule.in_force
    return {
        "kind": rule.kind,
        "id": rule.id,
        "title": rule.title,
        "rulebook": rulebook.name,
        "rulebook_title": rulebook.title,
        "severity": rule.severity.value,
        "jurisdictions": sorted(rule.jurisdictions) if rule.jurisdictions is not None else None,
        "description": rule.description,
        "treaty": rule.treaty,
        "parties": [
            {
                "state": p.state,
                "since": p.since.text,
                "until": p.until.text if p.until else None,
                "verified": p.verified,
            }
            for book in law.rulebooks
            for p in book.parties
            if rule.treaty is not None and p.treaty == rule.treaty
        ],
        "in_force": [start.isoformat() if start else None, end.isoformat() if end else None],
        "triggers": sorted(rule.on),
        "verified": rule.verified,
        "verification": rule.verification,
        "citations": [citation_dict(c) for c in rule.citations],
        "readings": [
            {
                "name": name,
                "question": readings[name].question,
                "options": dict(readings[name].options),
                "default": readings[name].default,
                "rationale": readings[name].rationale,
            }
            for name in rule.readings
            if name in readings
        ],
        "deadline": None
        if rule.deadline is None
        else {
            "label": rule.deadline.label,
            "limit": rule.deadline.limit,
            "unit": rule.deadline.unit,
            "starts_at": rule.deadline.start,
            "running_while": {k: list(v) for k, v in rule.deadline.running_while.items()},
        },
        "example": rule.example,
        "case_law": list(rule.case_law),
    }


def _field(label: str, text: str, width: int = 100) -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=f"{label:<14}",
        subsequent_indent=" " * 14,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [label]


def _wrap_hanging(text: str, indent: int, width: int = 100) -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=" " * (indent - 2) + "- ",
        subsequent_indent=" " * indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _in_force_text(pair: Sequence[str | None]) -> str:
    start, end = pair
    if start is None and end is None:
        return "no date limits in the model"
    if end is None:
        return f"from {start}"
    if start is None:
        return f"until {end}"
    return f"from {start} until {end}"


def _where(data: Mapping[str, Any]) -> str:
    where = ", ".join(data["jurisdictions"]) if data["jurisdictions"] else "any jurisdiction"
    if data["treaty"]:
        parties = ", ".join(
            f"{p['state']} since {p['since']}" + ("" if p["verified"] else " (unverified)")
            for p in data["parties"]
        )
        where += f"; binds a state only while it is party to {data['treaty']}"
        where += f" (known parties: {parties})" if parties else " (no party known)"
    return where


def explain_text(data: Mapping[str, Any], *, color: bool = False) -> str:
    """A rule, as :func:`rule_to_dict` gives it, explained for a person.

    Its rulebook, kind, severity, where and when it applies, what triggers
    it, whether its source text is verified, its citations, time limit,
    readings (with their options and default) and an example.
    """
    paint = Paint(color)
    record = data["kind"] == "record"
    lines = [paint(data["id"], "bold") + f"  {data['title']}", ""]
    lines += _field("Rulebook:", f"{data['rulebook']} ({data['rulebook_title']})")
    kind = "record check: about the record, not about the law" if record else "rule of law"
    lines += _field("Kind:", kind)
    lines += _field("Severity:", data["severity"])
    if data["description"]:
        lines += _field("What:", data["description"])
    lines += _field("Applies in:", "every record" if record else _where(data))
    lines += _field("In force:", _in_force_text(data["in_force"]))
    lines += _field("Triggered by:", ", ".join(t.replace("_", " ") for t in data["triggers"]))
    status = "verified" if data["verified"] else "NOT verified"
    verification = f" {data['verification']}" if data["verification"] else ""
    lines += _field("Source text:", f"{status}.{verification}")
    if not data["citations"]:
        reason = "it is about the record, not about the law" if record else "none given"
        lines += _field("Citations:", f"none: {reason}")
    for i, c in enumerate(data["citations"]):
        parts = [c["instrument"]]
        if c["article"]:
            parts.append(f"art {c['article']}")
        if c["paragraph"]:
            parts.append(f"para {c['paragraph']}")
        text = ", ".join(parts) + (f" (text of {c['text_date']})" if c["text_date"] else "")
        lines += _field("Citations:" if i == 0 else "", text)
        if c["url"]:
            lines.append(" " * 14 + c["url"])
        if c["read_at"]:
            lines.append(" " * 14 + "read at " + c["read_at"])
    dl = data["deadline"]
    if dl is None:
        lines += _field("Time limit:", "none")
    else:
        running = " and ".join(
            f"the {k} track is {' or '.join(repr(s) for s in v)}"
            for k, v in dl["running_while"].items()
        )
        text = (
            f"{dl['limit']} {dl['unit']} ({dl['label']}), counted from the "
            f"{dl['starts_at'].replace('_', ' ')}"
        )
        lines += _field("Time limit:", text + (f", while {running}" if running else ""))
    if not data["readings"]:
        lines += _field("Readings:", "none; the rule does not depend on a disputed point of law")
    for r in data["readings"]:
        lines += _field("Reading:", f"{r['name']}. {r['question']}")
        for option, meaning in r["options"].items():
            default = " (the default)" if option == r["default"] else ""
            lines += _wrap_hanging(f"{option}{default}: {meaning}", 16)
        lines += _field("", f"Why this default: {r['rationale']}")
        lines += _field("", f"Choose another with --reading {r['name']}=OPTION")
    for i, case in enumerate(data["case_law"]):
        lines += _field("Case law:" if i == 0 else "", case)
    if data["example"]:
        lines += _field("Example:", data["example"])
    return "\n".join(lines) + "\n"


def rules_text(
    selected: Sequence[tuple[Rulebook, Rule]], *, where: str | None = None, color: bool = False
) -> str:
    """The rule catalogue as text: each rulebook's rules with severity and title.

    Args:
        selected: The rules to list, each with its rulebook, grouped by rulebook.
        where: The country the list was limited to, if any.
        color: Bold headings.
    """
    paint = Paint(color)
    width = max((len(r.id) for _, r in selected), default=0)
    lines: list[str] = []
    current = None
    for book, rule in selected:
        if book is not current:
            if current is not None:
                lines.append("")
            lines.append(paint(f"{book.title} ({book.name})", "bold"))
            current = book
        mark = "" if rule.verified or "unverified" in rule.title else "  [unverified]"
        lines.append(f"  {rule.id:<{width}}  {rule.severity.value:<9}  {rule.title}{mark}")
    law_rules = sum(1 for _, r in selected if r.kind != "record")
    there = f" that can apply in {where}" if where else ""
    lines += [
        "",
        f"{plural(law_rules, 'rule')}{there}. "
        "'proceedings explain RULE-ID' shows a rule's citations and readings.",
    ]
    return "\n".join(lines) + "\n"
