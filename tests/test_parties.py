"""The table of treaty parties: well-formed rows, one per (treaty, state), sources.

These tests check the table's shape and the few dates that were settled against a
source (Kazakhstan's, Russia's end of ECHR membership); they cannot check a recalled
date, which is why such a row must say it is recalled.
"""

from __future__ import annotations

import collections
import re

import pytest

from proceedings._dates import UncertainDate
from proceedings._rules import Party
from proceedings.law import _parties as table

UN_TREATIES = ("refugee_convention", "cat", "cat_art22", "iccpr", "iccpr_op1")
COE_TREATIES = ("echr", "echr_p4")
TREATIES = (*UN_TREATIES, *COE_TREATIES, "minsk_1993")

STATES = [
    "KZ",
    "RU",
    "FR",
    "GB",
    "GE",
    "IT",
    "BE",
    "GR",
    "HU",
    "ES",
    "PL",
    "TR",
    "DE",
    "US",
    "UZ",
    "TJ",
    "TM",
    "KG",
    "BY",
    "AM",
    "UA",
    "AZ",
    "SE",
    "EG",
    "AF",
]
COE_MEMBERS = [
    "RU",
    "FR",
    "GB",
    "GE",
    "IT",
    "BE",
    "GR",
    "HU",
    "ES",
    "PL",
    "TR",
    "DE",
    "AM",
    "UA",
    "AZ",
    "SE",
]
CIS_STATES = ["RU", "KZ", "UZ", "TJ", "TM", "KG", "BY", "AM", "UA", "AZ", "GE", "MD"]

BY_TREATY = {
    "refugee_convention": table.REFUGEE_CONVENTION,
    "cat": table.CAT,
    "cat_art22": table.CAT_ART22,
    "iccpr": table.ICCPR,
    "iccpr_op1": table.ICCPR_OP1,
    "echr": table.ECHR,
    "echr_p4": table.ECHR_P4,
    "minsk_1993": table.MINSK_1993,
}

ROWS = {(p.treaty, p.state): p for p in table.ALL_PARTIES}
ABSENT = {(treaty, state) for treaty, state, _ in table.NOT_PARTIES}


def _id(p: Party) -> str:
    return f"{p.treaty}-{p.state}"


def _row(treaty: str, state: str) -> Party:
    return ROWS[(treaty, state)]


@pytest.mark.parametrize("party", table.ALL_PARTIES, ids=_id)
def test_each_row_is_a_well_formed_party(party: Party) -> None:
    """A row is a Party with a known treaty key, an ISO alpha-2 state and since <= until."""
    assert isinstance(party, Party)
    assert party.treaty in TREATIES
    assert re.fullmatch(r"[A-Z]{2}", party.state)
    assert isinstance(party.since, UncertainDate)
    if party.until is not None:
        assert party.since.earliest <= party.until.earliest
    assert party.source.strip()


@pytest.mark.parametrize("party", table.ALL_PARTIES, ids=_id)
def test_a_verified_row_names_the_url_it_was_read_at(party: Party) -> None:
    """verified=True means the date was read somewhere: the source says where."""
    if party.verified:
        assert re.search(r"https?://\S+", party.source), party.source
    else:
        assert "recalled" in party.source.lower(), party.source


def test_no_treaty_state_pair_appears_twice() -> None:
    """One row per (treaty, state): a second row would make in_force_on ambiguous."""
    counts = collections.Counter((p.treaty, p.state) for p in table.ALL_PARTIES)
    assert [pair for pair, n in counts.items() if n > 1] == []


def test_the_per_treaty_tuples_hold_only_their_treaty_and_make_up_all_parties() -> None:
    """Each exported tuple is one treaty, and ALL_PARTIES is exactly their union."""
    for treaty, rows in BY_TREATY.items():
        assert {p.treaty for p in rows} == {treaty}
    assert sorted(map(_id, table.ALL_PARTIES)) == sorted(
        _id(p) for rows in BY_TREATY.values() for p in rows
    )


def test_a_state_listed_as_not_a_party_has_no_row() -> None:
    """NOT_PARTIES documents an absence; a row for the same pair would contradict it."""
    assert table.NOT_PARTIES
    assert sorted(ABSENT & ROWS.keys()) == []
    for treaty, state, source in table.NOT_PARTIES:
        assert treaty in TREATIES
        assert re.fullmatch(r"[A-Z]{2}", state)
        assert source.strip()


def test_protocol_4_absences_are_documented() -> None:
    """The United Kingdom, Greece and Turkey never ratified Protocol No. 4."""
    assert {("echr_p4", s) for s in ("GB", "GR", "TR")} <= ABSENT


@pytest.mark.parametrize("treaty", UN_TREATIES)
def test_every_listed_state_is_covered_for_the_un_treaties(treaty: str) -> None:
    """For a UN treaty every state in scope has a row or a documented absence."""
    missing = [s for s in STATES if (treaty, s) not in ROWS and (treaty, s) not in ABSENT]
    assert missing == []


@pytest.mark.parametrize("treaty", COE_TREATIES)
def test_council_of_europe_treaties_cover_members_only(treaty: str) -> None:
    """ECHR rows exist for every Council of Europe member listed, and for no one else."""
    states = {p.state for p in BY_TREATY[treaty]}
    assert states <= set(COE_MEMBERS)
    missing = [s for s in COE_MEMBERS if (treaty, s) not in ROWS and (treaty, s) not in ABSENT]
    assert missing == []


def test_the_echr_itself_binds_every_member_listed() -> None:
    """No Council of Europe member in scope lacks a Convention row."""
    assert {p.state for p in table.ECHR} == set(COE_MEMBERS)


def test_minsk_rows_are_the_cis_states() -> None:
    """The Minsk Convention table covers exactly the CIS states in scope."""
    assert {p.state for p in table.MINSK_1993} == set(CIS_STATES)


def test_russia_ceased_to_be_bound_by_the_echr_on_16_september_2022() -> None:
    """Russia's ECHR row (and its Protocol No. 4 row) ends on 2022-09-16, the first day
    it no longer bound Russia."""
    for treaty in ("echr", "echr_p4"):
        row = _row(treaty, "RU")
        assert row.until == UncertainDate.parse("2022-09-16")
        assert row.in_force_on(UncertainDate.parse("2022-09-15")).is_true
        assert row.in_force_on(UncertainDate.parse("2022-09-16")).is_false
    assert "coe.int" in _row("echr", "RU").source


@pytest.mark.parametrize(
    ("treaty", "since", "deposit_only"),
    [
        # Accession deposited 26 Aug 1998; in force on the 30th day after (CAT art 27(2)).
        ("cat", "1998-09-25", "1998-09-24"),
        # Deposited 30 Jun 2009; in force three months later (OP1 art 9(2)).
        ("iccpr_op1", "2009-09-30", "2009-09-29"),
        # Accession deposited 15 Jan 1999 (the law of 15 Dec 1998 only authorised it);
        # in force on the 90th day after (art 43(2)).
        ("refugee_convention", "1999-04-15", "1999-04-14"),
        # Entered into force on 24 Apr 2006 (Bulletin of International Treaties).
        ("iccpr", "2006-04-24", "2006-04-23"),
    ],
)
def test_kazakhstan_is_bound_from_entry_into_force_not_from_deposit(
    treaty: str, since: str, deposit_only: str
) -> None:
    """Kazakhstan's settled dates: bound from entry into force, not the day before."""
    row = _row(treaty, "KZ")
    assert row.verified
    assert row.since == UncertainDate.parse(since)
    assert row.in_force_on(UncertainDate.parse(since)).is_true
    assert row.in_force_on(UncertainDate.parse(deposit_only)).is_false


def test_a_state_bound_only_by_the_1967_protocol_says_so() -> None:
    """The United States is bound through the 1967 Protocol, and its row says it."""
    assert "1967 Protocol" in _row("refugee_convention", "US").source


def test_ukraine_left_the_minsk_convention_on_29_december_2023() -> None:
    """Ukraine's withdrawal (Law No. 2783-IX of 1 Dec 2022) took effect on 29 Dec 2023:
    bound the day before, not on that day."""
    row = _row("minsk_1993", "UA")
    assert row.until == UncertainDate.parse("2023-12-29")
    assert row.in_force_on(UncertainDate.parse("2023-12-28")).is_true
    assert row.in_force_on(UncertainDate.parse("2023-12-29")).is_false


def test_belarus_denounced_the_first_optional_protocol() -> None:
    """Belarus's denunciation of the Optional Protocol took effect on 8 Feb 2023."""
    row = _row("iccpr_op1", "BY")
    assert row.until == UncertainDate.parse("2023-02-08")
    assert row.in_force_on(UncertainDate.parse("2023-02-07")).is_true
    assert row.in_force_on(UncertainDate.parse("2023-02-08")).is_false


@pytest.mark.parametrize(
    ("treaty", "state", "since", "day_before"),
    [
        # Accession 24 Jan 1983, read on the depositary's status page; three months later.
        ("iccpr", "AF", "1983-04-24", "1983-04-23"),
        # Ratification 21 Apr 1983, read on the same page; three months later.
        ("iccpr", "BE", "1983-07-21", "1983-07-20"),
        # Ratified 1 Apr 1987, before the Convention entered into force on 26 Jun 1987.
        ("cat", "AF", "1987-06-26", "1987-06-25"),
    ],
)
def test_dates_read_on_an_official_record_are_verified(
    treaty: str, state: str, since: str, day_before: str
) -> None:
    """A date read on the depositary's page (or a government's treaty record) is verified,
    names where it was read, and binds from entry into force, not the day before."""
    row = _row(treaty, state)
    assert row.verified
    assert "treaties.un.org" in row.source or "treaties.fco.gov.uk" in row.source
    assert row.since == UncertainDate.parse(since)
    assert row.in_force_on(UncertainDate.parse(since)).is_true
    assert row.in_force_on(UncertainDate.parse(day_before)).is_false


@pytest.mark.parametrize(
    "treaty", ["cat", "cat_art22", "echr", "echr_p4", "iccpr", "iccpr_op1", "refugee_convention"]
)
def test_sweden_is_bound_when_it_expelled_agiza_and_alzery(treaty: str) -> None:
    """Sweden (the respondent in Agiza and in Alzery) has a row for every treaty the rules
    use there, in force on the day of the expulsions, 18 Dec 2001."""
    assert _row(treaty, "SE").in_force_on(UncertainDate.parse("2001-12-18")).is_true


@pytest.mark.parametrize(
    ("treaty", "state"),
    [
        ("minsk_1993", "SE"),
        ("minsk_1993", "EG"),
        ("minsk_1993", "AF"),
        ("iccpr_op1", "EG"),
        ("iccpr_op1", "AF"),
        ("cat_art22", "EG"),
        ("cat_art22", "AF"),
        ("echr", "EG"),
        ("echr", "AF"),
    ],
)
def test_the_absences_of_egypt_afghanistan_and_sweden_are_documented(
    treaty: str, state: str
) -> None:
    """Where these states are not parties the table says so, so the rules do not stay
    undetermined for them."""
    assert any(n.treaty == treaty and n.state == state for n in table.NON_PARTIES)
    assert (treaty, state) not in ROWS


@pytest.mark.parametrize(("state", "since"), [("EG", "1981-08-20"), ("AF", "2005-11-28")])
def test_a_state_joining_convention_and_protocol_on_one_day_follows_the_convention(
    state: str, since: str
) -> None:
    """Egypt and Afghanistan acceded to both on one day: like the other such rows, theirs
    is the Convention's date, the 90th day after deposit (art 43(2))."""
    row = _row("refugee_convention", state)
    assert row.since == UncertainDate.parse(since)
    assert "1967 Protocol" in row.source
