"""The law's texts as data: the files ship with the package and a malformed one fails at import."""

from __future__ import annotations

import copy
import datetime
import json
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from proceedings import InvalidDefinition
from proceedings.law import DEFAULT_RULEBOOKS, Context, Hit
from proceedings.law._data import LawData, law_data, parse_data

ECHR = "data/echr.json"


def _no_hits(ctx: Context) -> Iterator[Hit]:
    return iter(())


def _doc(name: str = "echr") -> dict[str, Any]:
    """A fresh copy of a data file as the package ships it, to break."""
    raw = pkgutil.get_data("proceedings.law", f"data/{name}.json")
    assert raw is not None
    return copy.deepcopy(json.loads(raw))


def _bind_all(data: LawData, doc: dict[str, Any]) -> None:
    for rule_id in doc["rules"]:
        data.rule(rule_id, check=_no_hits)


def _load(doc: dict[str, Any], file: str) -> None:
    data = LawData(file, doc)
    _bind_all(data, doc)
    data.rulebook()


def _problem(doc: dict[str, Any], file: str = ECHR) -> InvalidDefinition:
    """The error loading ``doc`` raises, binding every rule it has and building the rulebook."""
    with pytest.raises(InvalidDefinition) as caught:
        _load(doc, file)
    return caught.value


def test_every_rulebook_is_its_data_file_in_the_files_order() -> None:
    """Each default rulebook's rules are the rules of its data file, in the file's order."""
    for book in DEFAULT_RULEBOOKS:
        doc = _doc(book.name)
        assert doc["rulebook"]["name"] == book.name
        assert [r.id for r in book.rules] == list(doc.get("rules", {}))
        assert len(book.offences) == len(doc.get("offences", ()))


def test_a_rules_text_comes_from_the_file() -> None:
    """The rule built from a file carries the file's title, citations, dates and verification."""
    doc = _doc("eu_france")
    doc["rules"]["EU-APD-46"]["title"] = "A title edited by a lawyer"
    doc["rules"]["EU-APD-46"]["in_force"] = {"from": "2016-01-02"}
    rule = LawData("data/eu_france.json", doc).rule("EU-APD-46", check=_no_hits)
    assert rule.title == "A title edited by a lawyer"
    assert rule.in_force[0] == datetime.date(2016, 1, 2)
    assert rule.in_force[1] is None
    assert rule.citations[0].article == "46"
    assert rule.verification == doc["rules"]["EU-APD-46"]["verification"]
    assert rule.check is _no_hits


def test_a_misspelt_key_is_named_with_its_file() -> None:
    """A typo in a key is refused, naming the file and the key, and the key now missing too."""
    doc = _doc()
    entry = doc["rules"]["ECHR-3-REMOVAL"]
    entry["titel"] = entry.pop("title")
    error = _problem(doc)
    assert error.message.startswith(f"{ECHR}: ")
    assert "rules.ECHR-3-REMOVAL.titel" in error.ids
    assert "rules.ECHR-3-REMOVAL.title" in error.ids
    assert "unknown key" in str(error)
    assert "missing" in str(error)


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    """Several problems in several rules come in one error, each with its key."""
    doc = _doc()
    del doc["rules"]["ECHR-13"]["verification"]
    doc["rules"]["ECHR-5-4"]["verified"] = "yes"
    doc["rules"]["ECHR-5-4"]["on"] = "removal"
    error = _problem(doc)
    assert set(error.ids) == {
        "rules.ECHR-13.verification",
        "rules.ECHR-5-4.verified",
        "rules.ECHR-5-4.on",
    }


def test_an_unknown_severity_is_refused() -> None:
    """A severity that is not violation, warning or note is named with the values allowed."""
    doc = _doc()
    doc["rules"]["ECHR-13"]["severity"] = "grave"
    error = _problem(doc)
    assert error.ids == ("rules.ECHR-13.severity",)
    assert "'grave' is not one of violation, warning, note" in str(error)


@pytest.mark.parametrize("bad", ["2015-13-01", "2015-07", "20 July 2015", 20150720])
def test_a_date_in_force_must_be_a_day(bad: object) -> None:
    """``in_force`` dates are ISO days; anything else is named."""
    doc = _doc("eu_france")
    doc["rules"]["EU-APD-46"]["in_force"]["from"] = bad
    error = _problem(doc, "data/eu_france.json")
    assert error.ids == ("rules.EU-APD-46.in_force.from",)


def test_a_citation_needs_an_instrument() -> None:
    """A citation without its instrument, or with an unknown key, is named by its index."""
    doc = _doc()
    doc["rules"]["ECHR-13"]["citations"][0] = {"article": "13", "para": "1"}
    error = _problem(doc)
    assert set(error.ids) == {
        "rules.ECHR-13.citations[0].instrument",
        "rules.ECHR-13.citations[0].para",
    }


def test_a_rule_in_the_data_with_no_check_is_refused() -> None:
    """The rulebook cannot be built while a rule of its file has no check bound to it."""
    doc = _doc()
    data = LawData(ECHR, doc)
    for rule_id in list(doc["rules"])[1:]:
        data.rule(rule_id, check=_no_hits)
    with pytest.raises(InvalidDefinition) as caught:
        data.rulebook()
    assert caught.value.ids == ("rules.ECHR-3-REMOVAL",)
    assert "no check in the code" in str(caught.value)
    assert str(caught.value).startswith(ECHR)


def test_a_check_with_no_text_in_the_data_is_refused() -> None:
    """Binding a check to an id the file lacks names the file and the key."""
    with pytest.raises(InvalidDefinition) as caught:
        LawData(ECHR, _doc()).rule("ECHR-99", check=_no_hits)
    assert caught.value.ids == ("rules.ECHR-99",)
    assert str(caught.value).startswith(ECHR)


def test_a_rule_is_bound_once() -> None:
    """Binding the same id twice (a copy-paste slip) is refused."""
    data = LawData(ECHR, _doc())
    data.rule("ECHR-13", check=_no_hits)
    with pytest.raises(InvalidDefinition, match="bound twice"):
        data.rule("ECHR-13", check=_no_hits)


def test_the_triggers_come_from_the_data_or_the_code_not_both() -> None:
    """``on`` is given once: in the file, or by the code for a check of every event."""
    data = LawData(ECHR, _doc())
    with pytest.raises(InvalidDefinition, match="not both") as caught:
        data.rule("ECHR-13", check=_no_hits, on=("removal",))
    assert caught.value.ids == ("rules.ECHR-13.on",)
    doc = _doc()
    del doc["rules"]["ECHR-13"]["on"]
    with pytest.raises(InvalidDefinition, match="not neither"):
        LawData(ECHR, doc).rule("ECHR-13", check=_no_hits)
    assert LawData(ECHR, doc).rule("ECHR-13", check=_no_hits, on=("removal",)).on == {"removal"}


def test_the_rules_own_checks_name_the_file() -> None:
    """What the rule itself refuses (an unknown trigger) is reported with the file's name."""
    doc = _doc()
    doc["rules"]["ECHR-13"]["on"] = ["removal", "removel"]
    with pytest.raises(InvalidDefinition) as caught:
        LawData(ECHR, doc).rule("ECHR-13", check=_no_hits)
    assert str(caught.value).startswith(f"{ECHR}: rule 'ECHR-13'")
    assert "removel" in str(caught.value)


def test_an_offence_of_an_unknown_category_is_refused() -> None:
    """An offence's category must be one of the vocabulary's; its entry is named by index."""
    doc = _doc("russia")
    doc["offences"][2]["category"] = "treasonous"
    del doc["offences"][3]["citation"]
    with pytest.raises(InvalidDefinition) as caught:
        LawData("data/russia.json", doc)
    assert set(caught.value.ids) == {"offences[2].category", "offences[3].citation"}


def test_a_party_row_with_a_bad_date_is_named() -> None:
    """A party's ``since`` that is not a date names the treaty and the row."""
    doc = _doc("parties")
    doc["parties"]["cat"][1]["since"] = "sometime in 1989"
    with pytest.raises(InvalidDefinition) as caught:
        LawData("data/parties.json", doc).parties("cat")
    assert caught.value.ids == ("parties.cat[1]",)
    doc = _doc("parties")
    doc["parties"]["cat"][1]["verfied"] = True
    with pytest.raises(InvalidDefinition) as caught:
        LawData("data/parties.json", doc)
    assert caught.value.ids == ("parties.cat[1].verfied",)


def test_an_unknown_section_is_refused() -> None:
    """A top-level key the loader does not know (``rule`` for ``rules``) is named."""
    doc = _doc()
    doc["rule"] = doc.pop("rules")
    with pytest.raises(InvalidDefinition) as caught:
        LawData(ECHR, doc)
    assert caught.value.ids == ("rule",)


@pytest.mark.parametrize("raw", [b'{"rules": {', b"[1, 2]", b"\xff\xfe"])
def test_a_file_that_is_not_a_json_object_is_refused(raw: bytes) -> None:
    """Broken JSON, a list, or bytes that are not UTF-8, each named with the file."""
    with pytest.raises(InvalidDefinition) as caught:
        parse_data(raw, ECHR)
    assert str(caught.value).startswith(ECHR)


def test_a_missing_data_file_is_named() -> None:
    """Asking the package for a data file it does not have names the file."""
    with pytest.raises(InvalidDefinition) as caught:
        law_data("no_such_rulebook")
    assert caught.value.ids == ("data/no_such_rulebook.json",)


def test_the_package_reads_each_file_once() -> None:
    """Modules binding rules of one rulebook (kazakhstan.py, _kz_extradition.py) share its data."""
    assert law_data("kazakhstan") is law_data("kazakhstan")


def test_the_data_names_no_research_file() -> None:
    """The rule texts moved out of Python are held to the rule the docs test keeps for source."""
    names = re.compile(r"legal-rules|seed-cases|review-(?:law|architecture)|shared/research")
    folder = Path(__file__).parent.parent / "src" / "proceedings" / "law" / "data"
    files = sorted(folder.glob("*.json"))
    assert len(files) == len(DEFAULT_RULEBOOKS) + 1  # one per rulebook, and the party table
    found = [
        f"{p.name}:{n}"
        for p in files
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if names.search(line)
    ]
    assert [] == found
