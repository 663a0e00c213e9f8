"""Corpus validation from Python: inputs, outcomes in order, worker processes, problems."""

from __future__ import annotations

import doctest
import io
import json
from pathlib import Path

import pytest

import proceedings
import proceedings.corpus
import proceedings.render
from proceedings import Report
from proceedings.corpus import Input, InputProblem, Outcome, iter_inputs, validate_corpus
from proceedings.law import DEFAULT_RULEBOOKS, Law, Rule, Rulebook
from proceedings.render import FORMATS, write_outcomes

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples" / "cases"


def _reports(outcomes: list[Outcome]) -> list[Report]:
    return [o.report for o in outcomes if o.report is not None]


def _corpus(tmp_path: Path, n: int = 5) -> Path:
    """A JSON Lines corpus of ``n`` example records, one broken line in the middle."""
    bases = [json.loads(p.read_text("utf-8")) for p in sorted(EXAMPLES.glob("*.json"))]
    lines = [json.dumps(bases[i % len(bases)] | {"id": f"r{i}"}) for i in range(n)]
    lines.insert(n // 2, '{"id": "broken", "person": {"id": 5}}')
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_iter_inputs_expands_directories_in_order(tmp_path: Path) -> None:
    """A directory gives its record files sorted; a missing name is an input with an error."""
    inputs = list(iter_inputs([EXAMPLES, tmp_path / "nope.json", "-"]))
    files = sorted(str(p) for p in EXAMPLES.glob("*.json"))

    assert files == [i.source for i in inputs[:-2]]
    assert {"json"} == {i.mode for i in inputs[:-2]}
    assert (None, "no such file or directory") == (inputs[-2].path, inputs[-2].error)
    assert Input("<stdin>") == inputs[-1]


def test_outcomes_come_in_input_order_with_reports() -> None:
    """Each example record gives one outcome, in input order, with its report and context."""
    outcomes = list(validate_corpus([EXAMPLES]))
    ids = [json.loads(p.read_text("utf-8"))["id"] for p in sorted(EXAMPLES.glob("*.json"))]

    assert ids == [r.record_id for r in _reports(outcomes)]
    assert all(o.ok and o.problems == () and o.context is not None for o in outcomes)
    with (EXAMPLES / "zhilin.json").open("rb") as fp:
        zhilin = proceedings.load(fp)
    expected = proceedings.validate(zhilin, source=str(EXAMPLES / "zhilin.json"))
    assert expected in _reports(outcomes)


def test_a_bad_line_is_an_outcome_with_its_problems_and_the_rest_goes_on(tmp_path: Path) -> None:
    """A broken record gives problems with file, line and path; the others are validated."""
    path = _corpus(tmp_path)
    outcomes = list(validate_corpus([path]))

    assert ["r0", "r1", "r2", "r3", "r4"] == [r.record_id for r in _reports(outcomes)]
    broken = outcomes[2]
    assert broken.report is None
    assert (
        InputProblem(
            source=str(path), line=3, path="$.person.id", message="expected a string, got a number"
        )
        in broken.problems
    )


def test_workers_give_the_same_outcomes_in_the_same_order(tmp_path: Path) -> None:
    """With jobs=2 the outcomes are those of one process, in the same order."""
    path = _corpus(tmp_path, n=12)

    one = list(validate_corpus([path]))
    two = list(validate_corpus([path], jobs=2))

    assert one == two


def test_a_format_renders_in_the_workers(tmp_path: Path) -> None:
    """With render=, each outcome carries its text, the same as rendered afterwards."""
    path = _corpus(tmp_path, n=4)
    fmt = FORMATS["jsonl"]()
    rendered = list(validate_corpus([path], jobs=2, render=fmt.render))
    plain = list(validate_corpus([path]))

    assert [fmt.render(o) for o in plain] == [o.rendered or "" for o in rendered]
    out = io.StringIO()
    summary = write_outcomes(rendered, fmt, out)
    assert (4, 1) == (summary.records, summary.not_validated)


def test_an_unknown_account_is_an_input_problem() -> None:
    """An account a record does not have is that record's problem, named by the library."""
    (outcome,) = validate_corpus([EXAMPLES / "zhilin.json"], accounts=["nope"])

    assert outcome.report is None
    assert "$.accounts" == outcome.problems[0].path
    assert "record 'zhilin' has no account 'nope'" in outcome.problems[0].message


def test_as_of_adds_the_time_limits() -> None:
    """With as_of, each outcome has the record's time limits on that date."""
    (outcome,) = validate_corpus([EXAMPLES / "kasimov.json"], as_of="2023-01-10")

    with (EXAMPLES / "kasimov.json").open("rb") as fp:
        record = proceedings.load(fp)
    assert "2023-01-10" == outcome.as_of
    expected = proceedings.deadlines(record, as_of=proceedings.UncertainDate.parse("2023-01-10"))
    assert tuple(expected) == outcome.deadlines


def _check(ctx: object) -> list[object]:
    return []


def test_a_rulebook_of_ones_own_goes_to_the_workers_if_it_pickles() -> None:
    """A user's rulebook with module-level checks works with jobs; a closure is refused early."""
    rule = Rule(
        id="MY-1",
        title="Nothing",
        citations=(proceedings.law.Citation(instrument="Mine", article="1"),),
        severity=proceedings.Severity.NOTE,
        on=frozenset({"removal"}),
        check=_check,  # type: ignore[arg-type]
        verified=False,
        verification="A test.",
    )
    mine = Law(rulebooks=(*DEFAULT_RULEBOOKS, Rulebook(name="mine", title="Mine", rules=(rule,))))
    outcomes = list(validate_corpus([EXAMPLES / "kasimov.json"], law=mine, jobs=2))
    closure = Rule(**{**_fields(rule), "check": lambda ctx: []})  # type: ignore[arg-type]
    unpicklable = Law(rulebooks=(Rulebook(name="closure", title="C", rules=(closure,)),))

    assert [o.ok for o in outcomes] == [True]
    with pytest.raises(ValueError, match="cannot be sent to worker processes"):
        validate_corpus([EXAMPLES], law=unpicklable, jobs=2)


def _fields(rule: Rule) -> dict[str, object]:
    import attrs

    return attrs.asdict(rule, recurse=False)


@pytest.mark.parametrize("module", [proceedings.corpus, proceedings.render])
def test_the_module_examples_run(module: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """The examples in the modules' docstrings print what they show."""
    monkeypatch.chdir(HERE.parent)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]

    assert (0, True) == (result.failed, result.attempted > 0)


def test_bad_arguments_fail_at_the_call() -> None:
    """A negative jobs or a bad date fails when validate_corpus is called, not later."""
    with pytest.raises(ValueError, match="jobs"):
        validate_corpus([EXAMPLES], jobs=-1)
    with pytest.raises(proceedings.InvalidDate):
        validate_corpus([EXAMPLES], as_of="yesterday")


def test_workers_are_born_ignoring_ctrl_c() -> None:
    """Ctrl-C at a terminal reaches the whole process group: the workers ignore it from
    their start (the main process stops the run), and the main process's handler is
    left as it was."""
    import concurrent.futures
    import signal

    before = signal.getsignal(signal.SIGINT)
    context = proceedings.corpus._context()
    assert before == signal.getsignal(signal.SIGINT)
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        assert signal.SIG_IGN == pool.submit(signal.getsignal, signal.SIGINT).result()


def test_ctrl_c_during_a_submit_is_delivered_after_it() -> None:
    """A Ctrl-C while a batch is being handed to the pool is held, then raised."""
    import signal

    reached = []

    def interrupted_submit() -> None:
        with proceedings.corpus._interrupt_deferred():
            signal.raise_signal(signal.SIGINT)
            reached.append("the rest of the block")

    with pytest.raises(KeyboardInterrupt):
        interrupted_submit()
    assert ["the rest of the block"] == reached


def test_a_run_closed_early_leaves_no_worker(tmp_path: Path) -> None:
    """Closing the outcomes before the end stops the pool and waits for its workers."""
    import multiprocessing

    outcomes = validate_corpus([_corpus(tmp_path, n=40)], jobs=2)
    next(outcomes)
    outcomes.close()
    assert [] == multiprocessing.active_children()


def test_a_run_from_another_thread_leaves_signals_alone(tmp_path: Path) -> None:
    """Signal handlers belong to the main thread: a run started in another leaves them be."""
    import threading

    path = _corpus(tmp_path, n=6)
    results: list[list[Outcome]] = []
    worker = threading.Thread(target=lambda: results.append(list(validate_corpus([path], jobs=2))))
    worker.start()
    worker.join()
    assert [list(validate_corpus([path]))] == results


def test_one_path_may_be_given_as_it_is() -> None:
    """A single path is one input, not its characters, as a str or as a Path."""
    for path in ("examples/cases/kasimov.json", Path("examples/cases/kasimov.json")):
        outcomes = list(validate_corpus(path))
        assert [o.report.record_id for o in outcomes if o.report is not None] == ["kasimov"]
