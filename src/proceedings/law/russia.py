"""Russia's offence catalogue: how charges are classed, by the date of the text.

Used by the refusal grounds (purely military offences, political offences)
and by the non-penalisation rule (illegal border crossing). It holds no rules
of its own: Russia here is the requesting state and the country of origin.
The entries, with their citations and the dates of the versions in force (the
amendments of 24 Sep 2022 and 28 Apr 2023), are data: ``data/russia.json``.
"""

from __future__ import annotations

from ._data import law_data

RUSSIA = law_data("russia").rulebook()

#: The offence catalogue's entries (``data/russia.json``).
OFFENCES = RUSSIA.offences
