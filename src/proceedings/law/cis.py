"""CIS rules: the Minsk Convention's custody limit before an extradition request."""

from __future__ import annotations

from .._findings import Citation, Severity
from .._rules import Rule, Rulebook
from . import _parties
from ._common import CUSTODY_EVENTS, FORTY_DAYS, forty_day_check

MINSK = (
    "Convention on Legal Assistance and Legal Relations in Civil, Family and Criminal "
    "Matters (Minsk, 1993)"
)

#: The events at which a running custody is seen to continue or end.


CIS_MINSK_62 = Rule(
    id="CIS-MINSK-62",
    title="Release if no extradition request arrives within 40 days of custody",
    citations=(
        Citation(
            instrument=MINSK,
            article="62",
            url="https://base.garant.ru/10119702/7dc915bc75cffbb81484b76070f99d35",
            text_date="1997-03-28",
        ),
    ),
    severity=Severity.VIOLATION,
    on=CUSTODY_EVENTS,
    check=forty_day_check(FORTY_DAYS),
    treaty="minsk_1993",
    deadline=FORTY_DAYS,
    verified=True,
    verification=(
        "Art 62 as amended by the 1997 Protocol verified (40 days). The parties' dates of "
        "entry into force are partly recalled (see the party table)."
    ),
    example="Still in custody 45 days after arrest on a wanted notice, no request received.",
)

#: When each state became party to the Minsk Convention (sources in
#: :mod:`proceedings.law._parties`).
PARTIES = _parties.MINSK_1993

CIS = Rulebook(
    name="cis",
    title="CIS treaties",
    rules=(CIS_MINSK_62,),
    parties=PARTIES,
    description=(
        "The Minsk Convention's 40-day limit on custody before an extradition request. Its "
        "refusal grounds (art 57) are recalled, not verified, and have no political, military "
        "or asylum exception: those protections are in national law and international law."
    ),
)
