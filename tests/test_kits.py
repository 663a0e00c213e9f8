"""The Hypothesis kits as a package: imports, registration, layout, names old and new.

The strategies themselves are tested where they are used (``test_codec.py``,
``test_schema.py``, ``test_testing.py``); this file tests what holds them together.
"""

from __future__ import annotations

import datetime
import inspect
import subprocess
import sys
from pathlib import Path
from typing import Any, get_type_hints

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import proceedings
from proceedings import EVENT_TYPES, CaseRecord, Event, Person
from proceedings import strategies as pst
from proceedings import testing as pt
from proceedings._hypothesis_plugin import _hypothesis_setup_hook, _needs_earlier, record_parts
from proceedings._strategies import histories, records
from proceedings.codec import structure, unstructure

SRC = Path(proceedings.__file__).parent

# -- the import that used to crash ---------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "from proceedings import strategies",
        "import proceedings.strategies",
        "import proceedings.testing",
        "from proceedings.testing import proceeding_machine",
    ],
)
def test_the_kits_import_first_in_a_fresh_interpreter(statement: str) -> None:
    """A program's first import of the kits works, although it makes Hypothesis run its plugins.

    Hypothesis runs its entry points when it is first imported; the entry point
    used to be a function of the half-imported ``proceedings.strategies``.
    """
    code = "\n".join(
        [
            statement,
            "import hypothesis",
            "import proceedings",
            "hypothesis.find(hypothesis.strategies.from_type(proceedings.Person), bool)",
        ]
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
    )

    assert (0, "") == (result.returncode, result.stderr)


# -- from_type ---------------------------------------------------------------------------


def test_the_parts_found_from_the_model_are_the_parts_the_strategies_draw() -> None:
    """The entry point registers every part of a record, found from the model's field types."""
    assert set(records.PARTS) == set(record_parts())


@pytest.mark.parametrize("cls", record_parts(), ids=lambda cls: cls.__name__)
def test_from_type_draws_valid_parts(cls: type) -> None:
    """``st.from_type(Person)`` and the like draw values the constructors and the codec accept."""
    _hypothesis_setup_hook()

    @settings(max_examples=20, database=None)
    @given(st.from_type(cls))
    def check(value: Any) -> None:
        assert (cls, value) == (type(value), structure(unstructure(value), cls))

    check()


@pytest.mark.parametrize(
    "cls", [cls for cls in EVENT_TYPES if not _needs_earlier(cls)], ids=lambda cls: cls.__name__
)
def test_from_type_draws_valid_events(cls: type[Event]) -> None:
    """An event class that needs no earlier event is registered too, and draws valid events."""
    _hypothesis_setup_hook()

    @settings(max_examples=5, database=None)
    @given(st.from_type(cls))
    def check(value: Any) -> None:
        assert (cls, value) == (type(value), structure(unstructure(value), Event))

    check()


def test_from_type_of_the_base_event_class_draws_any_free_event() -> None:
    """``st.from_type(Event)`` draws concrete events of many types."""
    _hypothesis_setup_hook()
    seen = {type(find(st.from_type(Event), lambda ev, t=t: type(ev) is t)) for t in EVENT_TYPES[:3]}

    assert set(EVENT_TYPES[:3]) == seen


# -- the layout ---------------------------------------------------------------------------


def test_testing_all_is_small_and_sorted() -> None:
    """``proceedings.testing`` is the state machine and its protections, nothing else."""
    assert ["PROTECTIONS", "proceeding_machine"] == pt.__all__


@pytest.mark.parametrize(
    "path",
    [
        SRC / "strategies.py",
        SRC / "testing.py",
        SRC / "_hypothesis_plugin.py",
        *sorted((SRC / "_strategies").glob("*.py")),
    ],
    ids=lambda path: path.name,
)
def test_no_kit_module_is_over_800_lines(path: Path) -> None:
    """Each module of the kits has one concern and stays readable in one sitting."""
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 800


# -- the machine's events are derived from the model ---------------------------------------


def test_field_overrides_name_fields_not_classes() -> None:
    """Only a few ``(class, field)`` pairs need the law's sense; nothing is kept per class."""
    for cls, name in histories.FIELD_OVERRIDES:
        assert cls in EVENT_TYPES
        assert name in attrs.fields_dict(cls)
    assert len(histories.FIELD_OVERRIDES) <= 6


def test_a_field_without_a_derivation_fails_loudly() -> None:
    """A required field of a type the machine cannot derive is refused, not guessed."""
    odd = records.Field(
        name="odd",
        type=dict,
        optional=False,
        required=True,
        check=None,
        refers_to=None,
        default=attrs.NOTHING,
    )

    with pytest.raises(TypeError, match=r"no machine value for the required field Other\.odd"):
        histories._derived(proceedings.Other, odd)


def test_parts_are_only_the_parts_of_a_record() -> None:
    """``parts()`` draws the parts of a record; an event class is refused at once."""
    with pytest.raises(InvalidArgument, match="not one of the parts"):
        records.parts(Event)


def test_every_event_type_is_drawn_by_the_machine() -> None:
    """Every class in EVENT_TYPES is drawn, valid, with fields derived from its metadata.

    Each type is drawn after a record holding one event of each type before it,
    so that references have something to name.
    """
    scene = histories.scene(histories.DEFAULT_PERSON, "KZ", None, histories.UN_BODIES)
    record = CaseRecord(id="r", person=histories.DEFAULT_PERSON)
    day = datetime.date(2023, 1, 9)
    quick = settings(database=None, phases=[Phase.generate], max_examples=500)
    for i, cls in enumerate(EVENT_TYPES):
        drawn = histories.next_events(cls.type, scene, record, day, f"e{i}")
        event = find(drawn, lambda ev: ev is not None, settings=quick)
        assert type(event) is cls
        record = attrs.evolve(record, events=(*record.events, event))

    assert record == structure(unstructure(record))


def test_machine_references_follow_the_law() -> None:
    """An appeal names a decision against the person; an appeal decision, an undecided appeal."""
    scene = histories.scene(histories.DEFAULT_PERSON, "KZ", None, histories.UN_BODIES)
    on = {"date": proceedings.UncertainDate.parse("2023-01-10"), "jurisdiction": "KZ"}
    events = (
        proceedings.AsylumDecision(id="grant", outcome=proceedings.AsylumOutcome.GRANTED, **on),
        proceedings.AsylumDecision(id="refusal", outcome=proceedings.AsylumOutcome.REFUSED, **on),
        proceedings.AppealFiled(id="a1", against="refusal", **on),
        proceedings.AppealDecided(
            id="d1", appeal="a1", outcome=proceedings.AppealOutcome.UPHELD, **on
        ),
        proceedings.AppealFiled(id="a2", against="refusal", **on),
    )
    record = CaseRecord(id="r", person=histories.DEFAULT_PERSON, events=events)
    day = datetime.date(2023, 2, 1)

    @settings(max_examples=30, database=None)
    @given(
        histories.next_events("appeal_filed", scene, record, day, "a3"),
        histories.next_events("appeal_decided", scene, record, day, "d2"),
    )
    def check(appeal: Any, decision: Any) -> None:
        assert ("refusal", "a2") == (appeal.against, decision.appeal)

    check()


# -- old names, kept for one release ------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "old", "new"),
    [
        (pst, "MUTATION_KINDS", pst.BREAKAGES),
        (pst, "citations", pst.source_refs),
        (pt, "MUTATION_KINDS", pst.BREACHES),
        (pt, "lawful_histories", pst.lawful_histories),
        (pt, "near_lawful_mutations", pst.near_lawful_mutations),
        (pt, "Mutation", pst.Mutation),
    ],
)
def test_moved_and_renamed_names_still_work_with_a_warning(module: Any, old: str, new: Any) -> None:
    """The old module attribute is the new object, with a DeprecationWarning naming the new one."""
    with pytest.warns(DeprecationWarning, match="proceedings.strategies"):
        value = getattr(module, old)

    assert new is value


@pytest.mark.parametrize(
    ("make", "new"),
    [
        (lambda: pst.broken_record_dicts(kinds=["bad_date"]), "breakages="),
        (lambda: pst.events(types=[proceedings.Detention]), "event_types="),
        (lambda: pst.records(accounts=False), "max_accounts="),
        (lambda: pst.record_dicts(accounts=True), "max_accounts="),
        (lambda: pst.near_lawful_mutations(kinds=["handover"]), "breaches="),
    ],
    ids=["breakages", "event_types", "records-accounts", "dicts-accounts", "breaches"],
)
def test_renamed_keywords_still_work_with_a_warning(make: Any, new: str) -> None:
    """An old keyword is accepted, with a DeprecationWarning naming its new name."""
    with pytest.warns(DeprecationWarning, match=new):
        strategy = make()

    assert isinstance(strategy, st.SearchStrategy)


@pytest.mark.parametrize("make", [pst.records, pst.record_dicts], ids=["records", "dicts"])
def test_renamed_keyword_warning_points_at_the_callers_line(make: Any) -> None:
    """``record_dicts`` passes its arguments to ``records``; the warning still names the caller."""
    with pytest.warns(DeprecationWarning, match="max_accounts=") as caught:
        make(accounts=True)

    assert caught[0].filename == __file__


def test_record_dicts_shows_the_arguments_of_records() -> None:
    """What inspect and autodoc see: the keywords of ``records``, and a strategy for dicts."""
    dicts, cases = inspect.signature(pst.record_dicts), inspect.signature(pst.records)
    assert dicts.parameters == cases.parameters
    returns = st.SearchStrategy[dict[str, Any]]
    assert get_type_hints(pst.record_dicts) == {**get_type_hints(pst.records), "return": returns}


def test_old_keywords_mean_what_they_meant() -> None:
    """``accounts=False`` is ``max_accounts=0``; ``kinds=`` picks breakages."""
    with pytest.warns(DeprecationWarning, match="max_accounts="):
        no_accounts = pst.records(max_events=2, accounts=False)
    with pytest.warns(DeprecationWarning, match="breakages="):
        one_breakage = pst.broken_record_dicts(kinds=["unsupported_format_version"])

    @settings(max_examples=10, database=None)
    @given(no_accounts, one_breakage)
    def check(case: CaseRecord, broken: tuple[dict[str, Any], str]) -> None:
        assert ((), "$.format_version") == (case.accounts, broken[1])

    check()


@pytest.mark.parametrize(
    "make",
    [
        lambda: pst.broken_record_dicts(kinds=["bad_date"], breakages=["bad_date"]),
        lambda: pst.events(types=[proceedings.Detention], event_types=[proceedings.Detention]),
        lambda: pst.records(accounts=False, max_accounts=1),
    ],
)
def test_old_and_new_keyword_together_are_refused(make: Any) -> None:
    """Passing a keyword under both names is a mistake, refused at once."""
    with pytest.raises(InvalidArgument):
        make()


def test_person_is_checked_before_drawing() -> None:
    """The machine and the strategies share their argument checks and messages."""
    with pytest.raises(InvalidArgument, match=r"person='p' must be a proceedings\.Person"):
        pst.lawful_histories(person="p")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match=r"person='p' must be a proceedings\.Person"):
        pt.proceeding_machine(person="p")  # type: ignore[arg-type]
    assert isinstance(pst.lawful_histories(person=Person(id="q")), st.SearchStrategy)


_SAME_EXAMPLES = """
from hypothesis import given, settings
import proceedings
import proceedings.strategies as pst

seen = []

@settings(derandomize=True, max_examples=8, database=None)
@given(
    pst.events(
        event_types=frozenset({proceedings.Detention, proceedings.Release, proceedings.Removal}),
        source_ids={"alpha", "beta", "gamma", "delta"},
    )
)
def draw(event):
    seen.append(repr(event))

draw()
print(seen)
"""


def test_sets_of_arguments_draw_the_same_examples_in_every_process() -> None:
    """A set of event types or of ids is drawn from in a fixed order: a derandomised run (CI)
    gives the same examples whatever the process's string hashing or memory layout."""

    def run(seed: str) -> str:
        env = {"PYTHONHASHSEED": seed, "PATH": "", "PYTHONPATH": ""}
        return subprocess.run(
            [sys.executable, "-c", _SAME_EXAMPLES],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout

    first = run("1")
    assert first.startswith("[")
    assert first == run("2") == run("3")


def test_a_set_of_event_types_is_taken_in_the_model_order() -> None:
    """However the classes are given, the kits see them in EVENT_TYPES' order."""
    from proceedings._strategies._validation import check_event_types

    chosen = {proceedings.Removal, proceedings.Detention, proceedings.Release}
    expected = tuple(cls for cls in EVENT_TYPES if cls in chosen)
    assert expected == check_event_types(frozenset(chosen))
    assert expected == check_event_types(set(expected))
    # A list keeps the order given.
    assert tuple(reversed(expected)) == check_event_types(list(reversed(expected)))
