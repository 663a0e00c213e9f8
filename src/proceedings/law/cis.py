"""CIS rules: the Minsk Convention's custody limit before an extradition request."""

from __future__ import annotations

from . import _parties
from ._common import FORTY_DAYS, forty_day_check
from ._data import law_data

#: The texts of the rules (``data/cis.json``); their checks are below.
_TEXT = law_data("cis")


#: The events at which a running custody is seen to continue or end.


CIS_MINSK_62 = _TEXT.rule("CIS-MINSK-62", check=forty_day_check(FORTY_DAYS), deadline=FORTY_DAYS)

#: When each state became party to the Minsk Convention (sources in
#: :mod:`proceedings.law._parties`).
PARTIES = _parties.MINSK_1993

CIS = _TEXT.rulebook(parties=PARTIES)
