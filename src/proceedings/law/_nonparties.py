"""States known not to be party to a treaty, so that a treaty rule is silent there.

A state that is in neither the party table nor this list is *unknown*: a treaty
rule's findings there are undetermined and say so, instead of silently not
applying (which would hide, say, a removal from a state whose party status was
never entered).
"""

from __future__ import annotations

from .._rules import NonParty
from ._parties import NOT_PARTIES as _READ

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
    *(NonParty(treaty=treaty, state=state, source=source) for treaty, state, source in _READ),
)
