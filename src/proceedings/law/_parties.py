"""Who is party to which treaty, and from when: the table the rulebooks share.

One :class:`~proceedings._rule_parts.Party` per (treaty, state). ``since`` is the day the
treaty ENTERED INTO FORCE for the state (not signature, not the date of deposit, not
the date of a domestic ratification law); ``until`` is the first day it no longer
bound the state. Each ``source`` gives the date of deposit and how entry into force
follows from it:

- Refugee Convention 1951, art 43(2): the 90th day after deposit (the Convention
  itself entered into force on 22 April 1954, the 90th day after the sixth
  instrument). A state that acceded only to the 1967 Protocol is bound by arts 2-34
  through the Protocol, which art VIII(2) brings into force on the day of deposit.
- CAT art 27(2): the 30th day after deposit (the Convention: 26 June 1987).
- CAT art 22: a declaration takes effect when deposited; none before the article
  itself came into force with the Convention (26 June 1987).
- ICCPR art 49(2) and First Optional Protocol art 9(2): three months after deposit
  (both entered into force on 23 March 1976).
- ECHR art 59(3) (former art 66): on deposit for a state ratifying after 3 September
  1953; Protocol No. 4 art 7: on deposit after 2 May 1968.
- Minsk Convention 1993 (art 86 as recalled, not checked): the 30th day after deposit.

``verified=True`` only where the date (or the deposit date it is computed from by
the rule above) was read in a source named by URL in ``source``; everything else
says "Recalled, not checked" and gives the best recalled date. A state that is not a
party has no row; the absences that matter are listed in :data:`NOT_PARTIES`.
"""

from __future__ import annotations

from .._dates import UncertainDate
from .._rules import NonParty, Party

# -- sources read ---------------------------------------------------------------

_RECALLED = "Recalled, not checked"

_UNHCR_KZ = (
    "https://www.unhcr.org/asia/news/news-releases/"
    "unhcr-welcomes-accession-kazakhstan-1951-refugee-convention"
)
#: A copy of the UN Secretary-General's status list (MTDSG ch. V.2).
_BY_OP1_DENOUNCED = (
    "https://www.defendersbelarus.org/tpost/60cz4d3ts1-the-last-day-for-belarusians-to-lodge-a"
)
_BY_OP1_BILL = "https://d30yb9pocgivsq.cloudfront.net/tpost/0kuviayms1-the-only-international-human-rights-inst"
#: The International Commission of Jurists' treaty table for Russia (dates of
#: ratification, accession or succession, as the UN status lists give them).
_ICJ_RU = (
    "https://www.icj.org/cijlcountryprofiles/russian-federation/"
    "russian-federation-introduction/russian-federation-international-treaty-status"
)
_UN_REFUGEE_STATUS = (
    "https://docslib.org/doc/5005851/geneva-28-july-1951-entry-into-force-22-april-1954-in"
)
_FCO_CAT = "http://treaties.fco.gov.uk/treaties/treatyrecord.htm?tid=3264"
_APT_KZ = "https://apt.ch/en/knowledge-hub/opcat-database/kazakhstan"
_CAT_KAZ_CO_2 = (
    "http://docstore.ohchr.org/SelfServices/FilesHandler.ashx?enc=6QkG1d%2fPPRiCAqhKb7yhsp2"
    "DytAl2p2q0VZmhsW8WRuJhRGKsLuFEDWKIRaehL2sMmBb6Ave66BvClTibyg%2fqfB1vtdS6x28wLpzw7Cg"
    "lOiqHx4fHbH79%2bDY7fExM%2fwt"
)
_ZAKON_ICCPR_KZ = (
    "https://zakonpravo.kz/en/"
    "on-the-ratification-of-the-international-covenant-on-civil-and-political-rights"
)
#: UNTS vol. 999 p. 172, note 1: the states for which the Covenant came into force
#: on 23 March 1976, with their dates of deposit.
_UNTS_ICCPR = "https://doczz.net/doc/398367/international-covenant-on-civil-and-political-rights"
_ADILET_CCPR_KAZ_CO_1 = "https://adilet.zan.kz/eng/docs/O1100000005/compare"
_HRC_SULEIMENOV = (
    "https://docstore.ohchr.org/SelfServices/FilesHandler.ashx?enc=6QkG1d%2FPPRiCAqhKb7yhsukPt"
    "YsnxNH1DBeueuCbK4gXRsZh%2Fa1arnnOdM%2FtZ9VxwyYVdpTjHFhlTxyqKacvJoV7ulm2UEnsta3Q2g%2B9eKFG"
    "LIkYVYLnnBvf3SJF4Xa2C5vyxKlnlzA2vIX0ZMGP2Q%3D%3D"
)
_ADILET_OP1_LAW = "https://adilet.zan.kz/eng/docs/Z090000130_/compare"
_COE_RU_CEASES = (
    "https://www.coe.int/el/web/portal/full-news/-/asset_publisher/y5xQt7QdunzT/content/"
    "russia-ceases-to-be-a-party-to-the-european-convention-of-human-rights-on-16-september-2022"
)
#: The Council of Europe chart for the Convention (ETS 5), as mirrored (in Dutch).
_ECHR_CHART = (
    "https://europeancourt.org/nl/documenten/raad-van-europa/"
    "europees-verdrag-voor-de-rechten-van-de-mens"
)
#: The Netherlands treaty database's chart for Protocol No. 4 (ETS 46).
_P4_CHART_NL = "https://verdragen.nl/en/Treaty/Details/004582_p.html"
#: The Council of Europe chart for Protocol No. 4, as mirrored.
_P4_CHART = (
    "https://europeancourt.org/en/documents/council-of-europe/"
    "convention-for-the-protection-of-human-rights/protocol-no4"
)
_HUMANRIGHTS_CH_P4 = "https://www.humanrights.ch/en/standards/ce-treaties/ap/ap4/"
_UA_MINSK_WITHDRAWAL = "https://docs.dtkt.ua/doc/997_009"
_UA_MINSK_NOTICE = "https://atari.ua/posts/65953f3b044b5c4a4eca5e1f"
_MINJUST_UA_NOTICE = (
    "https://minjust.gov.ua/m/informatsiyne-povidomlennya-schodo-zupinennya-dii-ta-vihodu-z-"
    "konventsii-pro-pravovu-dopomogu-i-pravovi-vidnosini-u-tsivilnih-simeynih-ta-kriminalnih-"
    "spravah-vid-22-sichnya-1993-roku-ta-protokolu-do-nei"
)


def _row(
    treaty: str,
    state: str,
    since: str,
    *,
    verified: bool,
    source: str,
    until: str | None = None,
) -> Party:
    return Party(
        treaty=treaty,
        state=state,
        since=UncertainDate.parse(since),
        until=None if until is None else UncertainDate.parse(until),
        verified=verified,
        source=source,
    )


def _recalled(treaty: str, state: str, since: str, how: str, *, until: str | None = None) -> Party:
    return _row(treaty, state, since, verified=False, source=f"{_RECALLED}: {how}", until=until)


# -- 1951 Refugee Convention (and 1967 Protocol) --------------------------------

_R = "refugee_convention"
_R90 = "in force on the 90th day after (art 43(2))"

REFUGEE_CONVENTION = (
    _row(
        _R,
        "KZ",
        "1999-04-15",
        verified=True,
        source=(
            f"{_UNHCR_KZ}: 'Kazakhstan acceded to the 1951 Convention and its 1967 Protocol "
            f"... on 15 January 1999' (accession deposited 15 Jan 1999); {_R90}: 15 Apr 1999. "
            "Law No. 317-I of 15 Dec 1998 only authorised the accession."
        ),
    ),
    _recalled(_R, "RU", "1993-05-03", f"accession (Convention and Protocol) 2 Feb 1993; {_R90}."),
    _recalled(_R, "FR", "1954-09-21", f"ratification 23 Jun 1954; {_R90}."),
    _recalled(_R, "GB", "1954-06-09", f"ratification 11 Mar 1954; {_R90}."),
    _recalled(_R, "GE", "1999-11-07", f"accession 9 Aug 1999; {_R90}."),
    _recalled(_R, "IT", "1955-02-13", f"ratification 15 Nov 1954; {_R90}."),
    _row(
        _R,
        "BE",
        "1954-04-22",
        verified=True,
        source=(
            f"{_UN_REFUGEE_STATUS}: Belgium ratified 22 Jul 1953, before the sixth instrument "
            "(Australia, 22 Jan 1954, same list); the Convention entered into force for all "
            "of them on 22 Apr 1954 (art 43(1), stated at the head of the list)."
        ),
    ),
    _recalled(_R, "GR", "1960-07-04", f"ratification 5 Apr 1960; {_R90}."),
    _recalled(_R, "HU", "1989-06-12", f"accession 14 Mar 1989; {_R90}."),
    _recalled(_R, "ES", "1978-11-12", f"accession 14 Aug 1978; {_R90}."),
    _recalled(_R, "PL", "1991-12-26", f"accession 27 Sep 1991; {_R90}."),
    _recalled(_R, "TR", "1962-06-28", f"ratification 30 Mar 1962; {_R90}."),
    _recalled(
        _R,
        "DE",
        "1954-04-22",
        "ratification 1 Dec 1953, before the sixth instrument; in force with the Convention "
        "on 22 Apr 1954 (art 43(1)).",
    ),
    _recalled(
        _R,
        "US",
        "1968-11-01",
        "not a party to the 1951 Convention; acceded to the 1967 Protocol only, 1 Nov 1968, "
        "which binds it to arts 2-34 of the Convention from the day of deposit (Protocol "
        "art VIII(2)).",
    ),
    _row(
        _R,
        "TJ",
        "1994-03-07",
        verified=True,
        source=f"{_UNHCR_KZ}: Tajikistan acceded 7 December 1993; {_R90}: 7 Mar 1994.",
    ),
    _row(
        _R,
        "TM",
        "1998-05-31",
        verified=True,
        source=f"{_UNHCR_KZ}: Turkmenistan acceded 2 March 1998; {_R90}: 31 May 1998.",
    ),
    _row(
        _R,
        "KG",
        "1997-01-06",
        verified=True,
        source=f"{_UNHCR_KZ}: Kyrgyzstan acceded 8 October 1996; {_R90}: 6 Jan 1997.",
    ),
    _row(
        _R,
        "BY",
        "2001-11-21",
        verified=True,
        source=f"{_UN_REFUGEE_STATUS}: 'Belarus ... 23 Aug 2001 a' (accession); {_R90}.",
    ),
    _row(
        _R,
        "AM",
        "1993-10-04",
        verified=True,
        source=f"{_UN_REFUGEE_STATUS}: 'Armenia ... 6 Jul 1993 a' (accession); {_R90}.",
    ),
    _recalled(_R, "UA", "2002-09-08", f"accession 10 Jun 2002; {_R90}."),
    _row(
        _R,
        "AZ",
        "1993-05-13",
        verified=True,
        source=f"{_UN_REFUGEE_STATUS}: 'Azerbaijan ... 12 Feb 1993 a' (accession); {_R90}.",
    ),
)

# -- Convention against Torture --------------------------------------------------

_C = "cat"
_C30 = "in force on the 30th day after (art 27(2))"
_C87 = "deposited before the Convention entered into force; in force with it on 26 Jun 1987"

CAT = (
    _row(
        _C,
        "KZ",
        "1998-09-25",
        verified=True,
        source=(
            f"{_APT_KZ}: 'UNCAT ratification date 26 August 1998' (accession deposited; "
            f"Law No. 247 of 29 Jun 1998 authorised it); {_C30}: 25 Sep 1998."
        ),
    ),
    _row(
        _C,
        "RU",
        "1987-06-26",
        verified=True,
        source=(
            f"{_ICJ_RU}: Convention against Torture, '3 March 1987' (USSR ratification); {_C87}."
        ),
    ),
    _recalled(_C, "FR", "1987-06-26", f"ratification 18 Feb 1986; {_C87}."),
    _recalled(_C, "GB", "1989-01-07", f"ratification 8 Dec 1988; {_C30}."),
    _recalled(_C, "GE", "1994-11-25", f"accession 26 Oct 1994; {_C30}."),
    _recalled(_C, "IT", "1989-02-11", f"ratification 12 Jan 1989; {_C30}."),
    _recalled(_C, "BE", "1999-07-25", f"ratification 25 Jun 1999; {_C30}."),
    _recalled(_C, "GR", "1988-11-05", f"ratification 6 Oct 1988; {_C30}."),
    _recalled(_C, "HU", "1987-06-26", f"ratification 15 Apr 1987; {_C87}."),
    _recalled(_C, "ES", "1987-11-20", f"ratification 21 Oct 1987; {_C30}."),
    _recalled(_C, "PL", "1989-08-25", f"ratification 26 Jul 1989; {_C30}."),
    _recalled(_C, "TR", "1988-09-01", f"ratification 2 Aug 1988; {_C30}."),
    _recalled(_C, "DE", "1990-10-31", f"ratification 1 Oct 1990; {_C30}."),
    _recalled(_C, "US", "1994-11-20", f"ratification 21 Oct 1994; {_C30}."),
    _recalled(_C, "UZ", "1995-10-28", f"accession 28 Sep 1995; {_C30}."),
    _recalled(_C, "TJ", "1995-02-10", f"accession 11 Jan 1995; {_C30}."),
    _recalled(_C, "TM", "1999-07-25", f"accession 25 Jun 1999; {_C30}."),
    _recalled(_C, "KG", "1997-10-05", f"accession 5 Sep 1997; {_C30}."),
    _recalled(_C, "BY", "1987-06-26", f"ratification 13 Mar 1987; {_C87}."),
    _row(
        _C,
        "AM",
        "1993-10-13",
        verified=True,
        source=f"{_FCO_CAT}: 'ARMENIA Accession 13-Sep-1993 13-Oct-1993' (deposit, effective).",
    ),
    _recalled(_C, "UA", "1987-06-26", f"ratification 24 Feb 1987; {_C87}."),
    _recalled(_C, "AZ", "1996-09-15", f"accession 16 Aug 1996; {_C30}."),
)

# -- CAT art 22 (individual complaints) -----------------------------------------

_A = "cat_art22"
_A_ON = "declaration under art 22 effective on deposit"

CAT_ART22 = (
    _row(
        _A,
        "KZ",
        "2008-02-21?",
        verified=False,
        source=(
            f"Year verified, day recalled: {_CAT_KAZ_CO_2} (CAT/C/KAZ/CO/2) welcomes 'the "
            "declaration made under article 21 and 22 ... in 2008'; the day, 21 Feb 2008, is "
            f"{_RECALLED.lower()}; {_A_ON}."
        ),
    ),
    _recalled(_A, "RU", "1991-10-01", f"USSR declaration 1 Oct 1991; {_A_ON}."),
    _recalled(_A, "FR", "1988-06-23", f"declaration 23 Jun 1988; {_A_ON}."),
    _recalled(_A, "GE", "2005-06-30", f"declaration 30 Jun 2005; {_A_ON}."),
    _recalled(_A, "IT", "1989-10-10", f"declaration 10 Oct 1989; {_A_ON}."),
    _recalled(
        _A,
        "BE",
        "1999-07-25",
        "declaration with the ratification of 25 Jun 1999; "
        "effective when the Convention entered into force for Belgium.",
    ),
    _recalled(
        _A,
        "GR",
        "1988-11-05",
        "declaration with the ratification of 6 Oct 1988; "
        "effective when the Convention entered into force for Greece.",
    ),
    _recalled(_A, "HU", "1989-09-13", f"declaration 13 Sep 1989; {_A_ON}."),
    _recalled(
        _A,
        "ES",
        "1987-11-20",
        "declaration with the ratification of 21 Oct 1987; "
        "effective when the Convention entered into force for Spain.",
    ),
    _recalled(_A, "PL", "1993-05-12", f"declaration 12 May 1993; {_A_ON}."),
    _recalled(
        _A,
        "TR",
        "1988-09-01",
        "declaration with the ratification of 2 Aug 1988; "
        "effective when the Convention entered into force for Turkey.",
    ),
    _recalled(_A, "DE", "2001-10-19", f"declaration 19 Oct 2001; {_A_ON}."),
    _recalled(_A, "UA", "2003-09-12", f"declaration 12 Sep 2003; {_A_ON}."),
    _recalled(_A, "AZ", "2002-02-04", f"declaration 4 Feb 2002; {_A_ON}."),
)

# -- ICCPR -----------------------------------------------------------------------

_I = "iccpr"
_I3 = "in force three months after (art 49(2))"
_I76 = "deposited before the Covenant entered into force; in force with it on 23 Mar 1976"

ICCPR = (
    _row(
        _I,
        "KZ",
        "2006-04-24",
        verified=True,
        source=(
            f"{_ZAKON_ICCPR_KZ}: 'Entered into force on April 24, 2006 - Bulletin of "
            "International Treaties of the Republic of Kazakhstan, 2006, No. 4, article 30' "
            "(ratification law No. 91 of 28 Nov 2005; deposit 24 Jan 2006 recalled, which "
            f"fits: {_I3})."
        ),
    ),
    _row(
        _I,
        "RU",
        "1976-03-23",
        verified=True,
        source=f"{_ICJ_RU}: ICCPR, '16 October 1973' (USSR ratification); {_I76}.",
    ),
    _recalled(_I, "FR", "1981-02-04", f"accession 4 Nov 1980; {_I3}."),
    _recalled(_I, "GB", "1976-08-20", f"ratification 20 May 1976; {_I3}."),
    _recalled(_I, "GE", "1994-08-03", f"accession 3 May 1994; {_I3}."),
    _recalled(_I, "IT", "1978-12-15", f"ratification 15 Sep 1978; {_I3}."),
    _recalled(_I, "BE", "1983-07-21", f"ratification 21 Apr 1983; {_I3}."),
    _recalled(_I, "GR", "1997-08-05", f"accession 5 May 1997; {_I3}."),
    _recalled(_I, "HU", "1976-03-23", f"ratification 17 Jan 1974; {_I76}."),
    _recalled(_I, "ES", "1977-07-27", f"ratification 27 Apr 1977; {_I3}."),
    _recalled(_I, "PL", "1977-06-18", f"ratification 18 Mar 1977; {_I3}."),
    _recalled(_I, "TR", "2003-12-23", f"ratification 23 Sep 2003; {_I3}."),
    _row(
        _I,
        "DE",
        "1976-03-23",
        verified=True,
        source=(
            f"{_UNTS_ICCPR}: UNTS vol. 999 p. 172 note 1 lists 'Germany, Federal Republic of "
            "... 17 December 1973' among the states for which the Covenant came into force on "
            "23 March 1976."
        ),
    ),
    _recalled(_I, "US", "1992-09-08", f"ratification 8 Jun 1992; {_I3}."),
    _recalled(_I, "UZ", "1995-12-28", f"accession 28 Sep 1995; {_I3}."),
    _recalled(_I, "TJ", "1999-04-04", f"accession 4 Jan 1999; {_I3}."),
    _recalled(_I, "TM", "1997-08-01", f"accession 1 May 1997; {_I3}."),
    _recalled(_I, "KG", "1995-01-07", f"accession 7 Oct 1994; {_I3}."),
    _row(
        _I,
        "BY",
        "1976-03-23",
        verified=True,
        source=(
            f"{_UNTS_ICCPR}: UNTS vol. 999 p. 172 note 1 lists 'Byelorussian Soviet Socialist "
            "Republic ... 12 November 1973' among the states for which the Covenant came into "
            "force on 23 March 1976."
        ),
    ),
    _recalled(_I, "AM", "1993-09-23", f"accession 23 Jun 1993; {_I3}."),
    _recalled(_I, "UA", "1976-03-23", f"Ukrainian SSR ratification 12 Nov 1973; {_I76}."),
    _recalled(_I, "AZ", "1992-11-13", f"accession 13 Aug 1992; {_I3}."),
)

# -- ICCPR First Optional Protocol ----------------------------------------------

_O = "iccpr_op1"
_O3 = "in force three months after (art 9(2))"

ICCPR_OP1 = (
    _row(
        _O,
        "KZ",
        "2009-09-30",
        verified=True,
        source=(
            f"{_HRC_SULEIMENOV} (CCPR/C/119/D/2146/2012, para 1): 'The Optional Protocol "
            "entered into force for Kazakhstan on 30 September 2009' (the same in the Views on "
            f"communication 2698/2015). Deposit 30 Jun 2009 ({_ADILET_CCPR_KAZ_CO_1}, "
            f"CCPR/C/KAZ/CO/1 para 4(b)); {_O3}. The ratification law is No. 130-IV of "
            f"11 Feb 2009 ({_ADILET_OP1_LAW}). One later Views document (CCPR/C/124/D/2441/2014) "
            "gives 24 January 2006, the Covenant's deposit date: a slip, not followed."
        ),
    ),
    _row(
        _O,
        "RU",
        "1992-01-01",
        verified=True,
        source=(
            f"{_ICJ_RU}: Optional Protocol, '1 October 1991' (USSR accession); {_O3}: 1 Jan 1992."
        ),
    ),
    _recalled(_O, "FR", "1984-05-17", f"accession 17 Feb 1984; {_O3}."),
    _recalled(_O, "GE", "1994-08-03", f"accession 3 May 1994; {_O3}."),
    _recalled(_O, "IT", "1978-12-15", f"ratification 15 Sep 1978; {_O3}."),
    _recalled(_O, "BE", "1994-08-17", f"ratification 17 May 1994; {_O3}."),
    _recalled(_O, "GR", "1997-08-05", f"accession 5 May 1997; {_O3}."),
    _recalled(_O, "HU", "1988-12-07", f"accession 7 Sep 1988; {_O3}."),
    _recalled(_O, "ES", "1985-04-25", f"ratification 25 Jan 1985; {_O3}."),
    _recalled(_O, "PL", "1992-02-07", f"accession 7 Nov 1991; {_O3}."),
    _recalled(_O, "TR", "2007-02-24", f"ratification 24 Nov 2006; {_O3}."),
    _recalled(_O, "DE", "1993-11-25", f"ratification 25 Aug 1993; {_O3}."),
    _recalled(_O, "UZ", "1995-12-28", f"accession 28 Sep 1995; {_O3}."),
    _recalled(_O, "TJ", "1999-04-04", f"accession 4 Jan 1999; {_O3}."),
    _recalled(_O, "TM", "1997-08-01", f"accession 1 May 1997; {_O3}."),
    _recalled(_O, "KG", "1995-01-07", f"accession 7 Oct 1994; {_O3}."),
    _row(
        _O,
        "BY",
        "1992-12-30",
        until="2023-02-08",
        verified=False,
        source=(
            f"Not checked against the depositary; read in {_BY_OP1_DENOUNCED}: the UN "
            "Secretary-General registered Belarus's denunciation on 8 Nov 2022, so it took "
            "effect on 8 Feb 2023 (art 12(1): three months after receipt; art 12(2) keeps "
            "communications submitted before then). Entry into force 30 Dec 1992 read in "
            f"{_BY_OP1_BILL} ('entered into force on December 30'); the deposit, 30 Sep 1992, "
            f"is recalled, and {_O3}."
        ),
    ),
    _recalled(_O, "AM", "1993-09-23", f"accession 23 Jun 1993; {_O3}."),
    _recalled(_O, "UA", "1991-10-25", f"Ukrainian SSR accession 25 Jul 1991; {_O3}."),
    _recalled(_O, "AZ", "2002-02-27", f"accession 27 Nov 2001; {_O3}."),
)

# -- ECHR ------------------------------------------------------------------------

_E = "echr"
_E_ON = "in force on deposit (art 59(3))"
_E53 = "ratified before the Convention entered into force; in force with it on 3 Sep 1953"

ECHR = (
    Party(
        treaty=_E,
        state="RU",
        since=UncertainDate.parse("1998-05-05"),
        until=UncertainDate.parse("2022-09-16"),
        verified=False,
        source=(
            f"End verified: {_COE_RU_CEASES} (Committee of Ministers, 23 Mar 2022): 'the "
            "Russian Federation will cease to be a High Contracting Party to the European "
            "Convention on Human Rights on 16 September 2022' (six months after its expulsion "
            f"on 16 Mar 2022). Start {_RECALLED.lower()}: ratification 5 May 1998; {_E_ON}."
        ),
    ),
    _recalled(_E, "FR", "1974-05-03", f"ratification 3 May 1974; {_E_ON}."),
    _recalled(_E, "GB", "1953-09-03", f"ratification 8 Mar 1951; {_E53}."),
    _recalled(_E, "GE", "1999-05-20", f"ratification 20 May 1999; {_E_ON}."),
    _recalled(_E, "IT", "1955-10-26", f"ratification 26 Oct 1955; {_E_ON}."),
    _row(
        _E,
        "BE",
        "1955-06-14",
        verified=True,
        source=f"{_ECHR_CHART}: 'België 04-11-1950 14-06-1955 14-06-1955' (ratified, in force).",
    ),
    _recalled(
        _E,
        "GR",
        "1974-11-28",
        "ratified again 28 Nov 1974, in force on deposit. Greece was first a party from "
        "3 Sep 1953 (ratification 28 Mar 1953) until its denunciation took effect on "
        "13 Jun 1970; that earlier period is not modelled (one row per state).",
    ),
    _recalled(_E, "HU", "1992-11-05", f"ratification 5 Nov 1992; {_E_ON}."),
    _recalled(_E, "ES", "1979-10-04", f"ratification 4 Oct 1979; {_E_ON}."),
    _recalled(_E, "PL", "1993-01-19", f"ratification 19 Jan 1993; {_E_ON}."),
    _recalled(_E, "TR", "1954-05-18", f"ratification 18 May 1954; {_E_ON}."),
    _recalled(_E, "DE", "1953-09-03", f"ratification 5 Dec 1952; {_E53}."),
    _row(
        _E,
        "AM",
        "2002-04-26",
        verified=True,
        source=f"{_ECHR_CHART}: 'Armenië 25-01-2001 26-04-2002 26-04-2002' (ratified, in force).",
    ),
    _recalled(_E, "UA", "1997-09-11", f"ratification 11 Sep 1997; {_E_ON}."),
    _row(
        _E,
        "AZ",
        "2002-04-15",
        verified=True,
        source=(
            f"{_ECHR_CHART}: 'Azerbeidzjan 25-01-2001 15-04-2002 15-04-2002' (ratified, in force)."
        ),
    ),
)

# -- ECHR Protocol No. 4 ---------------------------------------------------------

_P = "echr_p4"


def _p4(state: str, since: str, chart_line: str) -> Party:
    return _row(
        _P,
        state,
        since,
        verified=True,
        source=(
            f"{_P4_CHART_NL}: '{chart_line}' (signature, ratification, entry into force); "
            f"the same dates in {_P4_CHART}."
        ),
    )


ECHR_P4 = (
    Party(
        treaty=_P,
        state="RU",
        since=UncertainDate.parse("1998-05-05"),
        until=UncertainDate.parse("2022-09-16"),
        verified=False,
        source=(
            f"{_RECALLED}: ratified with the Convention, 5 May 1998, in force on deposit "
            "(art 7). Russia ceased to be a party to the Convention, and so to its Protocols, "
            f"on 16 Sep 2022 ({_COE_RU_CEASES})."
        ),
    ),
    _p4("FR", "1974-05-03", "France 22-10-1973 03-05-1974 (R) 03-05-1974"),
    _p4("GE", "2000-04-13", "Georgia 17-06-1999 13-04-2000 (R) 13-04-2000"),
    _p4("IT", "1982-05-27", "Italy 16-09-1963 27-05-1982 (R) 27-05-1982"),
    _p4("BE", "1970-09-21", "Belgium 16-09-1963 21-09-1970 (R) 21-09-1970"),
    _p4("HU", "1992-11-05", "Hungary 06-11-1990 05-11-1992 (R) 05-11-1992"),
    _recalled(_P, "ES", "2009-09-16", "ratification 16 Sep 2009, in force on deposit (art 7)."),
    _recalled(_P, "PL", "1994-10-10", "ratification 10 Oct 1994, in force on deposit (art 7)."),
    _p4("DE", "1968-06-01", "Germany 16-09-1963 01-06-1968 (R) 01-06-1968"),
    _p4("AM", "2002-04-26", "Armenia 25-01-2001 26-04-2002 (R) 26-04-2002"),
    _recalled(_P, "UA", "1997-09-11", "ratification 11 Sep 1997, in force on deposit (art 7)."),
    _p4("AZ", "2002-04-15", "Azerbaijan 25-01-2001 15-04-2002 (R) 15-04-2002"),
)

# -- Minsk Convention 1993 -------------------------------------------------------

_M = "minsk_1993"

MINSK_1993 = (
    _recalled(
        _M,
        "RU",
        "1994-12-10",
        "ratified by Federal Law of 4 Aug 1994 No. 16-FZ; in force for Russia 10 Dec 1994.",
    ),
    _recalled(
        _M,
        "KZ",
        "1994-05-19?",
        "in force for Kazakhstan with the Convention itself, 19 May 1994 (uncertain; the "
        "ratification date was not found).",
    ),
    _recalled(_M, "BY", "1994-05-19", "in force for Belarus with the Convention, 19 May 1994."),
    _recalled(_M, "UZ", "1994-05-19", "in force for Uzbekistan with the Convention, 19 May 1994."),
    _recalled(_M, "TJ", "1994", "in force for Tajikistan in 1994 (day not known)."),
    _recalled(_M, "TM", "1998-02-19?", "in force for Turkmenistan 19 Feb 1998 (uncertain)."),
    _recalled(_M, "KG", "1996-02-17", "in force for Kyrgyzstan 17 Feb 1996."),
    _recalled(_M, "AM", "1995-05-21", "in force for Armenia 21 May 1995."),
    _row(
        _M,
        "UA",
        "1995-04-14",
        until="2023-12-29",
        verified=False,
        source=(
            f"Start {_RECALLED.lower()}: ratified by Law No. 240/94-VR of 10 Nov 1994 (that "
            f"law verified, {_UA_MINSK_WITHDRAWAL}), in force for Ukraine 14 Apr 1995. End "
            f"verified: {_UA_MINSK_NOTICE}: 'On 29 December 2023 the Convention ... ceases to "
            "have effect for Ukraine' (withdrawal by Law No. 2783-IX of 1 Dec 2022, in force "
            f"23 Dec 2022: {_MINJUST_UA_NOTICE}). That law also suspended the Convention in "
            "Ukraine's relations with Russia and Belarus from 23 Dec 2022; a per-state row "
            "cannot say so, so a rule applying it between Ukraine and Russia or Belarus after "
            "that day must not rely on this row alone."
        ),
    ),
    _recalled(_M, "AZ", "1996-05-25", "in force for Azerbaijan 25 May 1996."),
    _recalled(_M, "GE", "1996-07-11", "in force for Georgia 11 Jul 1996."),
    _recalled(_M, "MD", "1995-03-26", "in force for Moldova 26 Mar 1995."),
)

# -- absences --------------------------------------------------------------------

#: (treaty, state, source) for states that are NOT parties (so have no row above):
#: a rule with that treaty key never binds them.
NOT_PARTIES: tuple[tuple[str, str, str], ...] = (
    (
        _P,
        "GB",
        f"{_HUMANRIGHTS_CH_P4} (as at 4 Jul 2019): 'Greece, Turkey, the United Kingdom and "
        "Switzerland have not yet ratified it' (the UK signed in 1963, recalled).",
    ),
    (
        _P,
        "GR",
        f"{_P4_CHART}: 'Greece no no no' (no signature, ratification or entry into force); "
        f"also {_HUMANRIGHTS_CH_P4}.",
    ),
    (
        _P,
        "TR",
        f"{_HUMANRIGHTS_CH_P4} (as at 4 Jul 2019): Turkey has not ratified it (signed 1992, "
        "recalled).",
    ),
    (
        _P,
        "CH",
        f"{_HUMANRIGHTS_CH_P4} (as at 4 Jul 2019): Switzerland has neither signed nor ratified it.",
    ),
    (_R, "UZ", f"{_RECALLED}: Uzbekistan is party to neither the Convention nor the Protocol."),
    (_O, "GB", f"{_RECALLED}: the United Kingdom has not accepted the First Optional Protocol."),
    (_O, "US", f"{_RECALLED}: the United States has not accepted the First Optional Protocol."),
    (_A, "GB", f"{_RECALLED}: the United Kingdom has made no art 22 declaration."),
    (_A, "US", f"{_RECALLED}: the United States has made no art 22 declaration."),
    (_A, "UZ", f"{_RECALLED}: no art 22 declaration by Uzbekistan is known."),
    (_A, "TJ", f"{_RECALLED}: no art 22 declaration by Tajikistan is known."),
    (_A, "TM", f"{_RECALLED}: no art 22 declaration by Turkmenistan is known."),
    (_A, "KG", f"{_RECALLED}: no art 22 declaration by Kyrgyzstan is known."),
    (_A, "BY", f"{_RECALLED}: no art 22 declaration by Belarus is known."),
    (_A, "AM", f"{_RECALLED}: no art 22 declaration by Armenia is known."),
)

#: Every row, treaty by treaty.
ALL_PARTIES: tuple[Party, ...] = (
    REFUGEE_CONVENTION + CAT + CAT_ART22 + ICCPR + ICCPR_OP1 + ECHR + ECHR_P4 + MINSK_1993
)


# -- known non-parties, as the rules use them ------------------------------------
#
# A state neither party nor known non-party is *unknown*: a treaty rule's
# findings there are undetermined and say so, instead of silently not applying.

_NOT_COE = (
    "Not a member of the Council of Europe; the Convention and its Protocols are open to "
    "the members only (ECHR art 59 § 1, recalled)."
)
_NOT_CIS = (
    "Not a member of the Commonwealth of Independent States, whose members concluded the "
    "Convention (recalled)."
)

#: States outside the Council of Europe that appear in the examples and the tests.
_OUTSIDE_COE = ("KZ", "UZ", "TJ", "TM", "KG", "BY", "US", "SY", "LY", "MA", "AF", "JO", "EG")
#: States outside the CIS that appear in the examples and the tests.
_OUTSIDE_CIS = ("FR", "DE", "GB", "IT", "ES", "PL", "HU", "BE", "GR", "TR", "US", "RS", "LY")

NON_PARTIES: tuple[NonParty, ...] = (
    *(
        NonParty(treaty=treaty, state=state, source=_NOT_COE)
        for treaty in ("echr", "echr_p4")
        for state in _OUTSIDE_COE
    ),
    *(NonParty(treaty="minsk_1993", state=state, source=_NOT_CIS) for state in _OUTSIDE_CIS),
    # The absences the party table documents, each with its source.
    *(NonParty(treaty=treaty, state=state, source=source) for treaty, state, source in NOT_PARTIES),
)
