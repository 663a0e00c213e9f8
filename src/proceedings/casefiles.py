"""Test-case files: a record, the findings the law expects of it, and those it must not give.

A test-case file is a small TOML file beside the record it tests (the name
ends in ``.test.toml``, so ``proceedings validate DIR`` never mistakes it for
a record)::

    # Zhilin: removed while his asylum appeal was pending.
    record = "zhilin.json"
    exact = true                      # every finding must be expected

    [[expect]]
    rule = "R-REF-33"
    event = "removal-to-russia"       # the event that triggers the finding
    certainty = "conditional"         # it rests on a disputed reading
    accounts = ["crossed-26-sep", "crossed-27-sep"]
    why = "Removed while the appeal against the asylum refusal was pending."

    [[absent]]                        # must not appear
    rule = "KZ-CPC-592"

An expectation (``expect``) or an exclusion (``absent``) names what it is
about by any of: ``rule`` (a rule id), ``instrument`` and ``article`` (the
law a finding cites: ``ECHR`` and ``"5 § 1"``, ``CAT`` and ``"3"``),
``event`` (the triggering event), ``events`` (any event behind the finding),
``severity``, ``certainty``, ``accounts`` and ``state`` (the jurisdiction of
the triggering event). Each must match a finding (``expect``) or none
(``absent``); with ``exact = true`` every finding must match an expectation.

With ``holdings = true`` the expectations also come from the record itself:
the holdings of the international decisions it records (the European Court's
or a UN committee's, article by article). A violation the body found (or a
removal it held would be one) must be reproduced by a violation citing the
same instrument and article about one of the same events; where the body
found no violation, no *certain* violation of that article may be given about
those events. A holding the engine cannot reproduce from the record is listed
as a ``[[known_miss]]`` with its reason; a known miss that starts to pass is
reported, so that the list stays true. This is how a decided case is tested
against the body's own holdings, never against the engine's output.

Run them with ``proceedings test PATH...`` or, in a test suite, with
:func:`check` or the pytest plugin ``proceedings.pytest_plugin``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import attrs

from ._casefile import (
    INSTRUMENTS,
    SUFFIX,
    CaseFile,
    CaseFileError,
    Expectation,
    KnownMiss,
    _split_article,
    find_casefiles,
    load_casefile,
)
from ._engine import validate
from ._errors import ProceedingsError
from ._findings import Certainty, Finding, Severity
from ._model import ArticleHolding, CaseRecord, DecisionStage, Holding, InternationalDecision
from ._report import Report
from ._rules import Law, Rulebook
from .law import DEFAULT_RULEBOOKS, RECORD

__all__ = [
    "INSTRUMENTS",
    "SUFFIX",
    "CaseFile",
    "CaseFileError",
    "CaseResult",
    "Difference",
    "Expectation",
    "HoldingScore",
    "KnownMiss",
    "check",
    "final_holdings",
    "find_casefiles",
    "load_casefile",
    "run_casefile",
    "score",
]

_POSITIVE = frozenset({Holding.VIOLATION, Holding.WOULD_VIOLATE})
_MERITS = frozenset({DecisionStage.MERITS, DecisionStage.ADMISSIBILITY_AND_MERITS})
_NEGATIVE = frozenset({Holding.NO_VIOLATION, Holding.WOULD_NOT_VIOLATE})


# -- the holdings of a record ----------------------------------------------------------


def final_holdings(record: CaseRecord) -> tuple[ArticleHolding, ...]:
    """The holdings that stand: per complaint, the last judgment on the merits, and admissibility.

    A later decision on the merits of the same complaint replaces the earlier
    one whole: the Court's judgment replaces the Commission's opinion, a Grand
    Chamber judgment on referral replaces the Chamber's. Holdings of
    admissibility decisions stand beside it. Within one decision every
    holding stands (one article may be decided several times, for different
    applicants or acts).
    """
    merits: dict[str, InternationalDecision] = {}
    others: list[ArticleHolding] = []
    order: list[str] = []
    for event in record.events:
        if not isinstance(event, InternationalDecision):
            continue
        key = event.complaint or ""  # one complaint, unless the record names several
        if event.stage in _MERITS:
            if key not in merits:
                order.append(key)
            merits[key] = event
        else:
            others.extend(event.holdings)
    return (*others, *(h for key in order for h in merits[key].holdings))


def _holding_expectation(holding: ArticleHolding) -> Expectation:
    severity = (
        (Severity.VIOLATION,)
        if holding.holding is Holding.VIOLATION
        else (Severity.VIOLATION, Severity.WARNING)
    )
    return Expectation(
        instrument=holding.instrument,
        article=holding.article,
        events=holding.events,
        severity=severity,
        state=holding.state,
        why=f"the body held: {holding.holding.value}",
    )


def _holding_exclusion(holding: ArticleHolding) -> Expectation:
    return Expectation(
        instrument=holding.instrument,
        article=holding.article,
        events=holding.events,
        severity=(Severity.VIOLATION,),
        certainty=Certainty.CERTAIN,
        state=holding.state,
        why=f"the body held: {holding.holding.value}",
    )


def _describe_holding(holding: ArticleHolding) -> str:
    text = f"{holding.instrument} art {holding.article}: {holding.holding.value}"
    if holding.state:
        text += f" ({holding.state})"
    if holding.events:
        text += " about " + ", ".join(holding.events)
    return text


# -- running -------------------------------------------------------------------------


@attrs.frozen
class Difference:
    """One way the findings differ from the file.

    Attributes:
        kind: ``missing`` (an expectation nothing matched), ``unexpected``
            (a finding an exact file does not expect), ``forbidden`` (a
            finding an exclusion, or the body's "no violation", rules out),
            ``fixed`` (a known miss now reproduced: remove it from the file),
            ``stale`` (a known miss that matches no holding).
        text: What, in words.
    """

    kind: str
    text: str


@attrs.frozen(kw_only=True)
class HoldingScore:
    """How the engine did against the body's holdings in one record.

    Attributes:
        found: Holdings of a violation (or that removal would be one).
        reproduced: Of those, how many a finding reproduces: a violation (a
            warning too, for "would violate") citing the same instrument and
            article, about one of the events the holding names.
        placed: Of ``found``, how many name an event of the record; the
            others cannot be reproduced (the facts they concern are not
            recorded).
        missed: Those it does not, as ``(holding, why)``; ``why`` is the
            known miss's reason, or empty when the miss is a failure.
        cleared: Holdings of no violation.
        contradicted: Certain violations given where the body found none.
    """

    found: int
    reproduced: int
    placed: int = 0
    missed: tuple[tuple[str, str], ...] = ()
    cleared: int = 0
    contradicted: int = 0


@attrs.frozen(kw_only=True)
class CaseResult:
    """The outcome of one test-case file.

    Attributes:
        source: The file.
        record_id: The record's id.
        checked: How many expectations and exclusions were checked.
        differences: What differs; none when it passes.
        holdings: The score against the body's holdings (``holdings = true``).
        report: The validation report the file was checked against.
    """

    source: str
    record_id: str
    checked: int
    differences: tuple[Difference, ...]
    holdings: HoldingScore | None
    report: Report

    @property
    def passed(self) -> bool:
        return not self.differences


def _describe_finding(f: Finding) -> str:
    where = f" at {f.event_ids[0]}" if f.event_ids else ""
    accounts = f"; accounts {', '.join(f.accounts)}" if f.accounts else ""
    return f"{f.rule_id}{where} ({f.severity.value}; {f.certainty.value}{accounts})"


def _law_for(case: CaseFile, law: Law | None) -> Law:
    if law is not None and case.rulebooks is None and not case.readings:
        return law
    books: tuple[Rulebook, ...] = law.rulebooks if law is not None else DEFAULT_RULEBOOKS
    if case.rulebooks is not None:
        by_name = {b.name: b for b in books}
        unknown = sorted(set(case.rulebooks) - set(by_name))
        if unknown:
            raise CaseFileError(
                case.source,
                [f"rulebooks: no rulebook named {', '.join(unknown)} ({', '.join(by_name)})"],
            )
        books = (RECORD, *(by_name[n] for n in case.rulebooks if by_name[n] is not RECORD))
    readings = {**(law.readings if law is not None else {}), **case.readings}
    try:
        return Law(rulebooks=books, readings=readings)
    except ProceedingsError as exc:
        raise CaseFileError(case.source, [f"readings: {exc}"]) from None


def run_casefile(case: CaseFile | str | os.PathLike[str], *, law: Law | None = None) -> CaseResult:
    """Validate the file's record and compare the findings with the file.

    Args:
        case: A file read with :func:`load_casefile`, or its path.
        law: The law to validate under (the defaults if ``None``); the file's
            own ``rulebooks`` and ``readings`` narrow and override it.

    Raises:
        CaseFileError: The file cannot be read, or names an unknown rulebook
            or reading.
    """
    if not isinstance(case, CaseFile):
        case = load_casefile(case)
    report = validate(case.record, law=_law_for(case, law))
    record, findings = case.record, report.findings
    differences: list[Difference] = []
    matched: set[int] = set()
    for expectation in case.expect:
        hits = [i for i, f in enumerate(findings) if expectation.matches(f, record)]
        if not hits:
            why = f": {expectation.why}" if expectation.why else ""
            differences.append(Difference("missing", expectation.describe() + why))
        matched.update(hits)
    for exclusion in case.absent:
        for f in findings:
            if exclusion.matches(f, record):
                differences.append(
                    Difference(
                        "forbidden",
                        f"{_describe_finding(f)}, ruled out by {exclusion.describe()}",
                    )
                )
    if case.exact:
        for i, f in enumerate(findings):
            if i not in matched:
                differences.append(Difference("unexpected", _describe_finding(f)))
    score = _score_holdings(case, report, differences) if case.holdings else None
    return CaseResult(
        source=case.source,
        record_id=record.id,
        checked=len(case.expect) + len(case.absent),
        differences=tuple(differences),
        holdings=score,
        report=report,
    )


def _score_holdings(case: CaseFile, report: Report, differences: list[Difference]) -> HoldingScore:
    record, findings = case.record, report.findings
    holdings = final_holdings(record)
    if not holdings:
        differences.append(
            Difference(
                "missing",
                "holdings = true, but the record has no international decision with holdings",
            )
        )
    positive = [h for h in holdings if h.holding in _POSITIVE]
    decided = {(_split_article(h.instrument, h.article)[:2], h.state) for h in positive}
    reproduced, missed = 0, []
    used: set[KnownMiss] = set()
    for holding in positive:
        misses = [m for m in case.known_misses if m.covers(holding)]
        used.update(misses)
        # "Reproduced" means the same article about the same event: a holding
        # that names no event of the record cannot be, whatever else fires.
        expectation = _holding_expectation(holding)
        found = bool(holding.events) and any(expectation.matches(f, record) for f in findings)
        if found:
            reproduced += 1
            if misses:
                differences.append(
                    Difference(
                        "fixed",
                        f"{_describe_holding(holding)} is now reproduced; remove its known_miss",
                    )
                )
        elif misses:
            missed.append((_describe_holding(holding), misses[0].why))
        else:
            missed.append((_describe_holding(holding), ""))
            differences.append(
                Difference(
                    "missing",
                    f"{_describe_holding(holding)}: "
                    + (
                        "no violation citing it about those events"
                        if holding.events
                        else "it names no event of the record, so it cannot be reproduced; "
                        "say why in a known_miss"
                    ),
                )
            )
    cleared = contradicted = 0
    for holding in holdings:
        if holding.holding not in _NEGATIVE:
            continue
        if not holding.events and (
            (_split_article(holding.instrument, holding.article)[:2], holding.state) in decided
        ):
            continue  # the same article was also found violated, for other acts
        cleared += 1
        exclusion = _holding_exclusion(holding)
        for f in findings:
            if exclusion.matches(f, record):
                contradicted += 1
                differences.append(
                    Difference(
                        "forbidden",
                        f"{_describe_finding(f)}, where the body held {_describe_holding(holding)}",
                    )
                )
    for miss in case.known_misses:
        if miss not in used:
            differences.append(
                Difference(
                    "stale",
                    f"known_miss {miss.instrument} art {miss.article} matches no holding "
                    "of a violation in the record",
                )
            )
    return HoldingScore(
        found=len(positive),
        placed=sum(bool(h.events) for h in positive),
        reproduced=reproduced,
        missed=tuple(missed),
        cleared=cleared,
        contradicted=contradicted,
    )


def score(results: Iterable[CaseResult]) -> HoldingScore:
    """The holding scores of several results, added up."""
    found = reproduced = placed = cleared = contradicted = 0
    missed: list[tuple[str, str]] = []
    for result in results:
        if result.holdings is None:
            continue
        found += result.holdings.found
        placed += result.holdings.placed
        reproduced += result.holdings.reproduced
        cleared += result.holdings.cleared
        contradicted += result.holdings.contradicted
        missed += [(f"{result.record_id}: {h}", why) for h, why in result.holdings.missed]
    return HoldingScore(
        found=found,
        reproduced=reproduced,
        placed=placed,
        missed=tuple(missed),
        cleared=cleared,
        contradicted=contradicted,
    )


def check(case: CaseFile | str | os.PathLike[str], *, law: Law | None = None) -> CaseResult:
    """Run a test-case file and raise ``AssertionError`` listing the differences.

    For a test suite::

        @pytest.mark.parametrize("path", find_casefiles(["cases"]), ids=str)
        def test_case(path):
            check(path)
    """
    result = run_casefile(case, law=law)
    if not result.passed:
        lines = [f"{result.source} ({result.record_id}):"]
        lines += [f"  {d.kind}: {d.text}" for d in result.differences]
        raise AssertionError("\n".join(lines))
    return result
