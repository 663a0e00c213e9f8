"""Test-case files: reading them, matching findings, scoring against a body's holdings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from proceedings import Certainty, Citation, Finding, Severity
from proceedings.casefiles import (
    CaseFileError,
    Expectation,
    check,
    final_holdings,
    find_casefiles,
    load_casefile,
    run_casefile,
    score,
)
from proceedings.cli import main

pytest_plugins = ["pytester"]

#: A record of a return at the French border with no individual examination:
#: ECHR-P4-4 gives a certain violation on the removal, and nothing cites art 3.
RECORD: dict[str, Any] = {
    "format_version": 2,
    "id": "push-back",
    "person": {"id": "p", "nationalities": ["SY"]},
    "events": [
        {
            "type": "removal",
            "id": "return",
            "date": "2023-02-10",
            "jurisdiction": "FR",
            "channel": "frontier_rejection",
            "destination": "IT",
            "safeguards": {"individual": False},
        },
        {
            "type": "international_decision",
            "id": "chamber",
            "date": "2024-01-10",
            "jurisdiction": "FR",
            "body": "ecthr",
            "holdings": [
                {"instrument": "ECHR", "article": "3", "holding": "violation", "events": ["return"]}
            ],
        },
    ],
}


def _holdings(*holdings: dict[str, Any]) -> dict[str, Any]:
    """The record, with a Grand Chamber judgment after the Chamber's giving ``holdings``."""
    record = json.loads(json.dumps(RECORD))
    record["events"].append(
        {
            "type": "international_decision",
            "id": "grand-chamber",
            "date": "2025-01-10",
            "jurisdiction": "FR",
            "body": "ecthr",
            "holdings": list(holdings),
        }
    )
    return record


def _write(tmp_path: Path, toml: str, record: dict[str, Any] | None = RECORD) -> Path:
    if record is not None:
        (tmp_path / "record.json").write_text(json.dumps(record), encoding="utf-8")
    path = tmp_path / "case.test.toml"
    path.write_text(toml, encoding="utf-8")
    return path


def _kinds(path: Path) -> list[tuple[str, str]]:
    return [(d.kind, d.text) for d in run_casefile(path).differences]


# -- expectations -------------------------------------------------------------------------


def test_an_expected_finding_passes(tmp_path: Path) -> None:
    """An expectation matched by a finding, with exact = true and nothing else: a pass."""
    path = _write(
        tmp_path,
        'record = "record.json"\nexact = true\n\n[[expect]]\nrule = "ECHR-P4-4"\n'
        'event = "return"\nseverity = "violation"\ncertainty = "conditional"\n'
        'state = "FR"\naccounts = []\n\n[[expect]]\nrule = "ECHR-13"\n'
        'certainty = "undetermined"\n',
    )
    result = check(path)
    assert (result.passed, result.checked, result.record_id) == (True, 2, "push-back")


def test_a_missing_expectation_is_reported_with_its_reason(tmp_path: Path) -> None:
    """An expectation nothing matches is 'missing', with the why the file gives."""
    path = _write(
        tmp_path,
        'record = "record.json"\n\n[[expect]]\nrule = "ECHR-P4-4"\nevent = "return"\n'
        'certainty = "undetermined"\nwhy = "a test"\n',
    )
    assert [("missing", "ECHR-P4-4 at return (undetermined): a test")] == _kinds(path)
    with pytest.raises(AssertionError, match="missing: ECHR-P4-4 at return"):
        check(path)


def test_exact_reports_a_finding_not_expected(tmp_path: Path) -> None:
    """With exact = true, every finding must be expected."""
    path = _write(tmp_path, 'record = "record.json"\nexact = true\n')
    assert [
        ("unexpected", "ECHR-13 at return (violation; undetermined)"),
        ("unexpected", "ECHR-P4-4 at return (violation; conditional)"),
    ] == sorted(_kinds(path))


def test_an_absent_finding_that_appears_is_forbidden(tmp_path: Path) -> None:
    """An exclusion matched by a finding is 'forbidden'."""
    path = _write(
        tmp_path,
        'record = "record.json"\n\n[[absent]]\ninstrument = "ECHR-P4"\narticle = "4"\n',
    )
    [(kind, text)] = _kinds(path)
    assert (kind, text.startswith("ECHR-P4-4 at return")) == ("forbidden", True)


def test_readings_and_rulebooks_narrow_the_law(tmp_path: Path) -> None:
    """Without the ECHR rulebook the finding is gone, and the expectation is missed."""
    path = _write(
        tmp_path,
        'record = "record.json"\nrulebooks = ["international"]\n'
        'readings = { asylum_appeal_suspensive = "no" }\n\n[[absent]]\nrule = "ECHR-P4-4"\n',
    )
    assert [] == _kinds(path)


def _finding(*citations: Citation) -> Finding:
    return Finding(
        rule_id="X-1",
        severity=Severity.VIOLATION,
        certainty=Certainty.CERTAIN,
        message="m",
        citations=citations,
    )


ECHR = "European Convention on Human Rights"


@pytest.mark.parametrize(
    ("instrument", "article", "cited", "matches"),
    [
        ("ECHR", "3", Citation(instrument=ECHR, article="3"), True),
        ("echr", "3", Citation(instrument=ECHR, article="3"), True),
        ("ECHR", "5 § 1 (f)", Citation(instrument=ECHR, article="5", paragraph="1"), True),
        ("ECHR", "5 § 4", Citation(instrument=ECHR, article="5", paragraph="1"), False),
        ("ECHR", "5 § 4", Citation(instrument=ECHR, article="5"), True),
        ("ECHR", "13 taken with 3", Citation(instrument=ECHR, article="13"), True),
        ("ECHR", "13 taken with 3", Citation(instrument=ECHR, article="3"), False),
        (
            "ECHR",
            "4 of Protocol No. 4",
            Citation(instrument=f"Protocol No. 4 to the {ECHR}", article="4"),
            True,
        ),
        ("ECHR", "4 of Protocol No. 4", Citation(instrument=ECHR, article="4"), False),
        ("CAT", "3", Citation(instrument="Convention against Torture (1984)", article="3"), True),
        ("CAT", "3", Citation(instrument="Convention against Torture (1984)"), False),
        ("CAT", None, Citation(instrument="Convention against Torture (1984)"), True),
    ],
)
def test_citations_match_as_decisions_write_articles(
    instrument: str, article: str | None, cited: Citation, matches: bool
) -> None:
    """Short names, paragraphs, 'taken with' and Protocol articles match as a lawyer reads them."""
    expectation = Expectation(instrument=instrument, article=article)
    record = load_casefile(Path("examples/cases/zhilin.test.toml")).record
    assert matches is expectation.matches(_finding(cited), record)


def test_expectations_describe_themselves() -> None:
    """The description names every key that was set."""
    expectation = Expectation(
        instrument="ECHR",
        article="3",
        events=("a", "b"),
        state="FR",
        severity=(Severity.VIOLATION, Severity.WARNING),
        accounts=(),
    )
    assert (
        "a finding citing ECHR art 3 about a or b in FR (violation or warning; accounts none)"
        == expectation.describe()
    )


# -- the body's holdings --------------------------------------------------------------------


def test_the_grand_chamber_replaces_the_chamber(tmp_path: Path) -> None:
    """The Chamber's art 3 holding is gone once the Grand Chamber has judged the merits."""
    path = _write(
        tmp_path,
        'record = "record.json"\nholdings = true\n',
        _holdings(
            {"instrument": "ECHR-P4", "article": "4", "holding": "violation", "events": ["return"]}
        ),
    )
    case = load_casefile(path)
    assert ["ECHR-P4"] == [h.instrument for h in final_holdings(case.record)]
    result = check(path)
    assert result.holdings is not None
    assert (result.holdings.found, result.holdings.reproduced) == (1, 1)


def test_a_holding_not_reproduced_is_missing_unless_known(tmp_path: Path) -> None:
    """The Chamber's art 3 violation is not reproduced: a failure, or a known miss with its why."""
    path = _write(tmp_path, 'record = "record.json"\nholdings = true\n')
    assert [
        (
            "missing",
            "ECHR art 3: violation about return: no violation citing it about those events",
        )
    ] == _kinds(path)
    known = _write(
        tmp_path,
        'record = "record.json"\nholdings = true\n\n[[known_miss]]\ninstrument = "ECHR"\n'
        'article = "3"\nevent = "return"\nwhy = "the risk in Italy is not in the record"\n',
    )
    result = check(known)
    assert result.holdings is not None
    assert result.holdings.missed == (
        ("ECHR art 3: violation about return", "the risk in Italy is not in the record"),
    )


def test_a_holding_that_names_no_event_is_never_reproduced(tmp_path: Path) -> None:
    """Without events, a holding cannot be 'the same event': a miss that needs its reason."""
    path = _write(
        tmp_path,
        'record = "record.json"\nholdings = true\n',
        _holdings({"instrument": "ECHR-P4", "article": "4", "holding": "violation"}),
    )
    [(kind, text)] = _kinds(path)
    assert (kind, "names no event of the record" in text) == ("missing", True)
    result = run_casefile(path)
    assert result.holdings is not None
    assert (result.holdings.found, result.holdings.placed, result.holdings.reproduced) == (1, 0, 0)


def test_holdings_true_needs_holdings(tmp_path: Path) -> None:
    """A file that takes its expectations from holdings the record lacks tests nothing: refused."""
    bare = json.loads(json.dumps(RECORD))
    bare["events"] = bare["events"][:1]
    path = _write(tmp_path, 'record = "record.json"\nholdings = true\n', bare)
    assert [
        ("missing", "holdings = true, but the record has no international decision with holdings")
    ] == _kinds(path)


def test_a_known_miss_that_is_reproduced_or_matches_nothing_is_reported(tmp_path: Path) -> None:
    """'fixed' when the engine now reproduces it; 'stale' when no holding is left for it."""
    path = _write(
        tmp_path,
        'record = "record.json"\nholdings = true\n\n[[known_miss]]\ninstrument = "ECHR-P4"\n'
        'article = "4"\nwhy = "old"\n\n[[known_miss]]\ninstrument = "ECHR"\narticle = "2"\n'
        'why = "never was"\n',
        _holdings(
            {"instrument": "ECHR-P4", "article": "4", "holding": "violation", "events": ["return"]}
        ),
    )
    assert ["fixed", "stale"] == [kind for kind, _ in _kinds(path)]


def test_a_certain_violation_where_the_body_found_none_is_forbidden(tmp_path: Path) -> None:
    """The engine's certain-on-the-dates violation of P4-4 against the body's 'no violation'."""
    path = _write(
        tmp_path,
        'record = "record.json"\nholdings = true\n',
        _holdings(
            {
                "instrument": "ECHR-P4",
                "article": "4",
                "holding": "no_violation",
                "events": ["return"],
            },
            {"instrument": "ECHR", "article": "3", "holding": "no_violation"},
        ),
    )
    result = run_casefile(path)
    assert result.holdings is not None
    # Conditional is not certain: the rule's text is recalled, so it is no contradiction.
    assert (result.holdings.cleared, result.holdings.contradicted, result.passed) == (2, 0, True)


def test_a_negative_holding_without_events_gives_way_to_a_positive_one(tmp_path: Path) -> None:
    """'No violation' of an article also found violated (for other acts) checks nothing."""
    path = _write(
        tmp_path,
        'record = "record.json"\nholdings = true\n',
        _holdings(
            {"instrument": "ECHR-P4", "article": "4", "holding": "violation", "events": ["return"]},
            {"instrument": "ECHR-P4", "article": "4", "holding": "no_violation"},
        ),
    )
    result = check(path)
    assert result.holdings is not None
    assert (result.holdings.found, result.holdings.cleared) == (1, 0)
    total = score([result, result])
    assert (total.found, total.reproduced, total.cleared) == (2, 2, 0)


# -- unreadable files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ("record = ", "not valid TOML"),
        ("", "record: required"),
        ('record = "record.json"\ncolour = 1\n', "unknown key(s) colour"),
        ('record = "missing.json"\n', "record: "),
        ("record = 5\n", "record: expected a non-empty string"),
        ('record = "record.json"\nexact = "yes"\n', "exact: expected true or false"),
        ('record = "record.json"\nexpect = 3\n', "expect: expected [[expect]] tables"),
        ('record = "record.json"\n[[expect]]\nseverity = "bad"\n', "is not one of violation"),
        ('record = "record.json"\n[[expect]]\nseverity = 3\n', "a string or a list of strings"),
        ('record = "record.json"\n[[expect]]\ncertainty = "sure"\n', "is not one of certain"),
        ('record = "record.json"\n[[expect]]\narticle = "3"\n', "an article needs its instrument"),
        ('record = "record.json"\n[[expect]]\nevents = [1]\n', "expected a list of strings"),
        (
            'record = "record.json"\n[[known_miss]]\nwhy = "w"\n',
            "known_miss[0].instrument: required",
        ),
        ('record = "record.json"\nreadings = [1]\n', "readings: expected a table"),
        (
            'record = "record.json"\n[[known_miss]]\ninstrument = "ECHR"\narticle = "3"\n'
            'holding = "won"\nwhy = "w"\n',
            "holding: 'won' is not one of violation",
        ),
    ],
)
def test_a_bad_file_is_refused_with_its_place(tmp_path: Path, toml: str, problem: str) -> None:
    """Every problem of a file is named, with the key it is at."""
    path = _write(tmp_path, toml)
    with pytest.raises(CaseFileError) as caught:
        load_casefile(path)
    assert problem in str(caught.value)
    assert caught.value.source == str(path)


def test_a_bad_record_an_unknown_rulebook_or_reading_is_refused(tmp_path: Path) -> None:
    """The record's own problems come with its JSON path; unknown names with the known ones."""
    bad = json.loads(json.dumps(RECORD))
    bad["events"][0]["date"] = "someday"
    path = _write(tmp_path, 'record = "record.json"\n', bad)
    with pytest.raises(CaseFileError, match=r"\$\.events\[0\]\.date"):
        load_casefile(path)
    path = _write(tmp_path, 'record = "record.json"\nrulebooks = ["nowhere"]\n')
    with pytest.raises(CaseFileError, match="no rulebook named nowhere"):
        run_casefile(path)
    path = _write(tmp_path, 'record = "record.json"\nreadings = { nothing = "x" }\n')
    with pytest.raises(CaseFileError, match="readings: "):
        run_casefile(path)


def test_large_binary_and_absent_files_are_refused(tmp_path: Path) -> None:
    """A file too large, not UTF-8, or not there is refused unread."""
    large = tmp_path / "large.test.toml"
    large.write_bytes(b"#" * (1 << 21))
    binary = tmp_path / "binary.test.toml"
    binary.write_bytes(b"record = '\xff'")
    for path, problem in (
        (large, "larger than"),
        (binary, "not UTF-8"),
        (tmp_path / "absent.test.toml", "No such file"),
    ):
        with pytest.raises(CaseFileError, match=problem):
            load_casefile(path)


def test_directories_are_searched_for_test_case_files_only(tmp_path: Path) -> None:
    """A directory gives its *.test.toml files, sorted; a file is taken as given."""
    path = _write(tmp_path, 'record = "record.json"\n')
    (tmp_path / "b.test.toml").write_text('record = "record.json"\n', encoding="utf-8")
    assert [tmp_path / "b.test.toml", path] == list(find_casefiles([tmp_path]))
    assert [tmp_path / "record.json"] == list(find_casefiles([tmp_path / "record.json"]))


# -- the command --------------------------------------------------------------------------------


def test_the_command_exits_0_1_2(tmp_path: Path) -> None:
    """0 all pass, 1 a difference, 2 an unreadable file (the others still run)."""
    runner = CliRunner()
    passing = _write(tmp_path, 'record = "record.json"\n\n[[expect]]\nrule = "ECHR-P4-4"\n')
    result = runner.invoke(main, ["test", "-v", str(passing)])
    assert (result.exit_code, "pass  " in result.output) == (0, True)
    failing = tmp_path / "fail.test.toml"
    failing.write_text('record = "record.json"\nexact = true\n', encoding="utf-8")
    result = runner.invoke(main, ["test", str(tmp_path)])
    assert result.exit_code == 1
    assert "unexpected: ECHR-P4-4 at return" in result.output
    assert "1 passed, 1 failed, 0 unreadable (2 test-case files)" in result.output
    (tmp_path / "bad\x1b[2J.test.toml").write_text("record = ", encoding="utf-8")
    result = runner.invoke(main, ["test", str(tmp_path)])
    assert result.exit_code == 2
    assert "\x1b" not in result.output
    assert "1 unreadable" in result.output


def test_the_command_prints_the_score_of_holdings(tmp_path: Path) -> None:
    """With holdings, the score line gives the reproduced share and the contradictions."""
    path = _write(
        tmp_path,
        'record = "record.json"\nholdings = true\n\n[[known_miss]]\ninstrument = "ECHR"\n'
        'article = "3"\nwhy = "not in the record"\n',
    )
    result = CliRunner().invoke(main, ["test", "-v", str(path)])
    assert result.exit_code == 0
    assert "known miss: ECHR art 3: violation about return: not in the record" in result.output
    assert (
        "Holdings of a violation reproduced (same article, same event): 0 of 1 (0%); "
        "0 of 1 (0%) of those that name an event of the record" in result.output
    )
    assert "Certain violations where the body found none: 0 (of 0 " in result.output


def test_the_command_with_no_files_is_a_usage_error(tmp_path: Path) -> None:
    """A directory with no test-case file is exit 2, said so."""
    result = CliRunner().invoke(main, ["test", str(tmp_path)])
    assert (result.exit_code, "no test-case files" in result.output) == (2, True)


# -- the pytest plugin ----------------------------------------------------------------------------


def test_the_plugin_collects_test_case_files(pytester: pytest.Pytester) -> None:
    """With the plugin, each *.test.toml is one test: passing and failing as the file says."""
    pytester.makeconftest('pytest_plugins = ["proceedings.pytest_plugin"]\n')
    (pytester.path / "record.json").write_text(json.dumps(RECORD), encoding="utf-8")
    (pytester.path / "good.test.toml").write_text(
        'record = "record.json"\n[[expect]]\nrule = "ECHR-P4-4"\n', encoding="utf-8"
    )
    (pytester.path / "bad.test.toml").write_text(
        'record = "record.json"\nexact = true\n', encoding="utf-8"
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*unexpected: ECHR-P4-4 at return*"])


def test_the_plugin_runs_under_a_configured_law(pytester: pytest.Pytester) -> None:
    """proceedings_law names a Law; without the ECHR rulebook the expectation is missed."""
    pytester.makeconftest('pytest_plugins = ["proceedings.pytest_plugin"]\n')
    pytester.makepyfile(
        mylaw=(
            "from proceedings.law import INTERNATIONAL, RECORD, Law\n"
            "LAW = Law(rulebooks=(RECORD, INTERNATIONAL))\nNOT_A_LAW = 3\n"
        )
    )
    pytester.makeini("[pytest]\nproceedings_law = mylaw:LAW\n")
    (pytester.path / "record.json").write_text(json.dumps(RECORD), encoding="utf-8")
    (pytester.path / "good.test.toml").write_text(
        'record = "record.json"\n[[expect]]\nrule = "ECHR-P4-4"\n', encoding="utf-8"
    )
    pytester.syspathinsert()
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    pytester.makeini("[pytest]\nproceedings_law = mylaw:NOT_A_LAW\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["*is not a Law (it is int)*"])


def test_a_certain_violation_against_no_violation_is_counted(tmp_path: Path) -> None:
    """Under a verified rule citing ECHR art 3, the body's 'no violation' is contradicted."""
    from proceedings import Truth
    from proceedings.law import DEFAULT_RULEBOOKS, Hit, Law, Rule, Rulebook

    def always(ctx: Any) -> Any:
        yield Hit(truth=Truth.TRUE, message="removed")

    verified = Rulebook(
        name="strict-three",
        title="A verified art 3 rule, for the test",
        rules=(
            Rule(
                id="T-3",
                title="t",
                citations=(Citation(instrument=ECHR, article="3"),),
                severity=Severity.VIOLATION,
                on=frozenset({"removal"}),
                check=always,
                verified=True,
                verification="a test",
            ),
        ),
    )
    path = _write(
        tmp_path,
        'record = "record.json"\nholdings = true\n',
        _holdings(
            {"instrument": "ECHR", "article": "3", "holding": "no_violation", "events": ["return"]}
        ),
    )
    law = Law(rulebooks=(*DEFAULT_RULEBOOKS, verified))
    result = run_casefile(path, law=law)
    assert result.holdings is not None
    assert (result.holdings.contradicted, [d.kind for d in result.differences]) == (
        1,
        ["forbidden"],
    )
    # The file's own rulebooks narrow the law passed in.
    narrowed = _write(
        tmp_path, 'record = "record.json"\nholdings = true\nrulebooks = ["echr"]\n', None
    )
    assert run_casefile(narrowed, law=law).holdings.contradicted == 0  # type: ignore[union-attr]


def test_an_article_without_a_number_matches_as_written() -> None:
    """'Preamble' is compared as text, case aside."""
    expectation = Expectation(instrument="ECHR", article="Preamble")
    cited = Citation(instrument=ECHR, article="preamble")
    record = load_casefile(Path("examples/cases/zhilin.test.toml")).record
    other = Citation(instrument=ECHR, article="3")
    assert (
        expectation.matches(_finding(cited), record),
        expectation.matches(_finding(other), record),
    ) == (True, False)


def test_the_plugin_reports_a_law_it_cannot_import(pytester: pytest.Pytester) -> None:
    """A module that does not exist is a usage error naming the option."""
    pytester.makeconftest('pytest_plugins = ["proceedings.pytest_plugin"]\n')
    pytester.makeini("[pytest]\nproceedings_law = no_such_module:LAW\n")
    (pytester.path / "record.json").write_text(json.dumps(RECORD), encoding="utf-8")
    (pytester.path / "good.test.toml").write_text('record = "record.json"\n', encoding="utf-8")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["*proceedings_law = 'no_such_module:LAW'*"])


def test_a_finding_without_events_is_in_no_state() -> None:
    """An expectation about a state never matches a finding that names no event."""
    record = load_casefile(Path("examples/cases/zhilin.test.toml")).record
    assert Expectation(state="KZ").matches(_finding(), record) is False
