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

The rows are data, ``data/parties.json`` (one table per row, by treaty); this
module reads them and adds the non-members that follow from membership of the
Council of Europe and the CIS.
"""

from __future__ import annotations

from .._rules import NonParty, Party
from ._data import law_data

_TABLE = law_data("parties")

REFUGEE_CONVENTION = _TABLE.parties("refugee_convention")
CAT = _TABLE.parties("cat")
#: Declarations under CAT art 22 (individual complaints).
CAT_ART22 = _TABLE.parties("cat_art22")
ICCPR = _TABLE.parties("iccpr")
ICCPR_OP1 = _TABLE.parties("iccpr_op1")
ECHR = _TABLE.parties("echr")
ECHR_P4 = _TABLE.parties("echr_p4")
MINSK_1993 = _TABLE.parties("minsk_1993")

#: (treaty, state, source) for states that are NOT parties (so have no row above):
#: a rule with that treaty key never binds them.
NOT_PARTIES: tuple[tuple[str, str, str], ...] = tuple(
    (n.treaty, n.state, n.source) for n in _TABLE.non_parties()
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
_OUTSIDE_CIS = (
    "FR",
    "DE",
    "GB",
    "IT",
    "ES",
    "PL",
    "HU",
    "BE",
    "GR",
    "TR",
    "US",
    "RS",
    "LY",
    "SE",
    "EG",
    "AF",
)

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
