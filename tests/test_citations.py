"""Citations point to official sources where those exist; mirrors only say where a text was read.

A rule's ``Citation.url`` names the official source of the text (the UN Treaty
Collection, OHCHR, the Council of Europe, EUR-Lex, a state's official legal
database); ``Citation.read_at`` keeps the copy the text was checked against,
when that was a third-party mirror. These tests hold the library's rulebooks
to it: a url on a known mirror host, or off the official hosts of its kind of
instrument, fails unless the pair is in the commented allow-list below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from proceedings.law import DEFAULT_RULEBOOKS, Citation

#: The official hosts for each kind of instrument.
OFFICIAL_HOSTS = {
    "un": frozenset(
        {
            "treaties.un.org",
            "www.ohchr.org",
            "tbinternet.ohchr.org",
            "juris.ohchr.org",
            "docstore.ohchr.org",
        }
    ),
    "coe": frozenset({"www.coe.int", "www.echr.coe.int", "rm.coe.int", "hudoc.echr.coe.int"}),
    "eu": frozenset({"eur-lex.europa.eu"}),
    "kz": frozenset({"adilet.zan.kz"}),
    "fr": frozenset({"www.legifrance.gouv.fr"}),
    "ru": frozenset({"pravo.gov.ru", "publication.pravo.gov.ru"}),
}

#: Which kind an instrument is, by its name as the data spells it (first match).
_KINDS = (
    (
        "un",
        r"^(Convention relating to the Status of Refugees|Convention against Torture"
        r"|International Covenant on Civil and Political Rights|Optional Protocol to the"
        r" International Covenant|International Convention for the Protection of All Persons"
        r"|CAT General Comment)",
    ),
    ("coe", r"^(European Convention|Protocol No\. \d+ to the European Convention)"),
    ("eu", r"^(Directive|Regulation) .*\bEU\b"),
    (
        "kz",
        r"Republic of Kazakhstan|^Rules on forcible expulsion|^Rules for registering"
        r"|^Supreme Court Normative Resolution",
    ),
    ("fr", r"^Code de l"),
    ("ru", r"Russian Federation"),
)

#: Hosts of third-party copies of legal texts: never the url of a citation
#: whose instrument has an official source online (they may be its read_at).
MIRROR_HOSTS = frozenset(
    {
        "europeancourt.org",
        "verdragen.nl",
        "zakonpravo.kz",
        "docslib.org",
        "pavlodar.com",
        "www.pavlodar.com",
        "kodeksy-kz.com",
        "doczz.net",
        "helpiks.su",
        "continent-online.com",
        "zakon.uchet.kz",
        "cis-legislation.com",
        "base.garant.ru",
        "juriblio.fr",
        "engime.org",
        "ppt.ru",
        "kiportal.ru",
        "law.wikireading.ru",
        # The University of Minnesota Human Rights Library's copies of UN decisions.
        "www1.umn.edu",
        "hrlibrary.umn.edu",
    }
)

#: (rule id, instrument) whose url may stay off the official hosts, and why.
ALLOWED = {
    # The Law "On Refugees" (No. 216-IV): its page on adilet.zan.kz could not
    # be confirmed in the stored material (only mirrors of it were found), so
    # the mirror the text was read at stays the url.
    ("KZ-REF-AS-STATUS", "Law of the Republic of Kazakhstan 'On Refugees' (No. 216-IV, 2009)"),
    ("KZ-REF-11", "Law of the Republic of Kazakhstan 'On Refugees' (No. 216-IV, 2009)"),
    # Government Resolution No. 175 (2017): no official page confirmed.
    ("KZ-GOV-175", "Rules on forcible expulsion (Government Resolution No. 175, 2017)"),
    # Supreme Court Normative Resolution No. 4 (2013): no official page confirmed.
    ("KZ-KOAP-APPEAL", "Supreme Court Normative Resolution No. 4 on expulsion cases"),
    ("KZ-CIVIL-EXPULSION", "Supreme Court Normative Resolution No. 4 on expulsion cases"),
    # The Minsk Convention (1993): no official consolidated text of the CIS
    # was found online; the text was read in a Russian commercial database.
    (
        "CIS-MINSK-62",
        "Convention on Legal Assistance and Legal Relations in Civil, Family and Criminal"
        " Matters (Minsk, 1993)",
    ),
    # The European Convention on Extradition is cited as a model through its
    # enactment in Irish law (the Irish Law Reform Commission's revised act);
    # the CoE Treaty Office page for ETS No. 24 was not confirmed.
    ("KZ-CPC-590-MILITARY", "European Convention on Extradition (1957), as a model"),
    # The UN Treaty Collection page of the Optional Protocol was found only as
    # http; the Kazakh law ratifying it, on the official adilet.zan.kz,
    # publishes the text.
    ("ICCPR-OP1", "Optional Protocol to the International Covenant on Civil and Political Rights"),
}


def kind(instrument: str) -> str | None:
    """The kind of instrument (a key of :data:`OFFICIAL_HOSTS`), or None."""
    for name, pattern in _KINDS:
        if re.search(pattern, instrument):
            return name
    return None


def _cited() -> Iterator[tuple[str, Citation]]:
    for book in DEFAULT_RULEBOOKS:
        for rule in book.rules:
            for citation in rule.citations:
                yield rule.id, citation


CITED = list(_cited())


def off_official(rule_id: str, c: Citation) -> bool:
    """Whether the citation's url is on a mirror, or off its kind's official hosts."""
    if c.url is None:
        return False
    host = urlsplit(c.url).hostname or ""
    k = kind(c.instrument)
    return host in MIRROR_HOSTS or (k is not None and host not in OFFICIAL_HOSTS[k])


def _well_formed(url: str, schemes: tuple[str, ...]) -> bool:
    parts = urlsplit(url)
    return (
        parts.scheme in schemes
        and bool(parts.hostname)
        and "." in (parts.hostname or "")
        and not re.search(r"\s", url)
    )


@pytest.mark.parametrize(("rule_id", "citation"), CITED, ids=[f"{r}:{c}" for r, c in CITED])
def test_url_is_official_or_allowed(rule_id: str, citation: Citation) -> None:
    """A citation's url is on an official host for its instrument, or allowed with a reason."""
    if off_official(rule_id, citation):
        assert (rule_id, citation.instrument) in ALLOWED, citation.url


def test_allow_list_has_no_stale_entry() -> None:
    """Every allowed pair is still cited and still off the official hosts (else drop it)."""
    needed = {(r, c.instrument) for r, c in CITED if off_official(r, c)}
    assert set(ALLOWED) - needed == set()


@pytest.mark.parametrize(("rule_id", "citation"), CITED, ids=[f"{r}:{c}" for r, c in CITED])
def test_urls_are_https_and_well_formed(rule_id: str, citation: Citation) -> None:
    """Every url is https and well formed; a read_at is a well-formed web address, not the url."""
    if citation.url is not None:
        assert _well_formed(citation.url, ("https",)), citation.url
    if citation.read_at is not None:
        assert _well_formed(citation.read_at, ("https", "http")), citation.read_at
        assert citation.read_at != citation.url


def test_check_catches_a_mirror() -> None:
    """The check itself: a mirror url is caught, and the same text at adilet.zan.kz is not."""
    cpc = "Criminal Procedure Code of the Republic of Kazakhstan (No. 231-V, 2014)"
    mirror = Citation(
        instrument=cpc, url="https://kodeksy-kz.com/ugolovno-protsessualnyj_kodeks/592.htm"
    )
    official = Citation(instrument=cpc, url="https://adilet.zan.kz/rus/docs/K1400000231")
    assert off_official("X", mirror)
    assert not off_official("X", official)
    assert off_official(
        "X",
        Citation(
            instrument="European Convention on Human Rights", url="https://europeancourt.org/x"
        ),
    )
    assert kind("UNHCR press briefing on an extradition from Kazakhstan") is None


def test_mirrors_moved_to_read_at() -> None:
    """Where a rule's text was read at a mirror and the official source is known, both are kept."""
    moved = [c for _, c in CITED if c.read_at is not None]
    assert moved
    for c in moved:
        assert (urlsplit(c.read_at or "").hostname or "") in MIRROR_HOSTS
        assert not off_official("", c)


def test_report_without_read_at_still_reads_back() -> None:
    """A report written before ``read_at`` existed reads back, with ``read_at`` None."""
    from proceedings import Certainty, Finding, Report, Severity
    from proceedings.codec import structure
    from proceedings.render import report_to_dict

    cite = Citation(
        instrument="Criminal Procedure Code", article="592", read_at="https://x.example/592"
    )
    finding = Finding(
        rule_id="KZ-CPC-592",
        severity=Severity.VIOLATION,
        certainty=Certainty.CERTAIN,
        message="m",
        citations=(cite,),
    )
    data = report_to_dict(Report(record_id="r", findings=(finding,)))
    assert data["findings"][0]["citations"][0]["read_at"] == "https://x.example/592"
    del data["findings"][0]["citations"][0]["read_at"]
    old = structure(data, Report)
    assert old.findings[0].citations[0].read_at is None
    assert old.findings[0].citations[0].article == "592"


def test_rules_json_and_text_carry_read_at() -> None:
    """``rules -f json`` gives each citation's ``read_at``; the text form says "read at"."""
    import json

    from click.testing import CliRunner

    from proceedings import cli

    out = CliRunner().invoke(cli.main, ["rules", "--format", "json"])
    rules = {r["id"]: r for r in json.loads(out.output)}
    cited = rules["KZ-CPC-592"]["citations"][0]
    assert cited["url"] == "https://adilet.zan.kz/rus/docs/K1400000231"
    assert (urlsplit(cited["read_at"]).hostname or "") in MIRROR_HOSTS
    assert all("read_at" in c for r in rules.values() for c in r["citations"])
    text = CliRunner().invoke(cli.main, ["explain", "KZ-CPC-592"]).output
    assert "read at " + cited["read_at"] in text
