"""Russia's offence catalogue: how charges are classed, by the date of the text.

Used by the refusal grounds (purely military offences, political offences)
and by the non-penalisation rule (illegal border crossing). It holds no rules
of its own: Russia here is the requesting state and the country of origin.
"""

from __future__ import annotations

import datetime

from .._findings import Citation
from .._model import OffenceCategory
from .._rules import Offence, Rulebook
from ._common import CLASS_BY_READING, DRAFT_EVASION_CLASS

CC = "Criminal Code of the Russian Federation"
_AMENDED = datetime.date(2022, 9, 24)  # RU-365FZ: mobilization aggravations (verified date)


def _cite(article: str, url: str | None = None, text_date: str | None = None) -> Citation:
    return Citation(instrument=CC, article=article, url=url, text_date=text_date)


OFFENCES = (
    Offence(
        code="RU-CC",
        article="275",
        title="High treason",
        category=OffenceCategory.POLITICAL,
        penalty="12 to 20 years",
        until=datetime.date(2023, 4, 27),
        citation=_cite("275", "https://law.wikireading.ru/amp33615"),
        verified=True,
    ),
    Offence(
        code="RU-CC",
        article="275",
        title="High treason",
        category=OffenceCategory.POLITICAL,
        penalty="12 to 20 years, or life imprisonment (Federal Law No. 157-FZ of 2023-04-28)",
        since=datetime.date(2023, 4, 28),
        citation=_cite(
            "275", "https://zakonvest.ru/ob-uzhestochenii-nakazaniya-za-otdelnye-vidy-prestuplenij"
        ),
        verified=True,
    ),
    Offence(
        code="RU-CC",
        article="322",
        title="Illegal crossing of the state border",
        category=OffenceCategory.ORDINARY,
        tags=frozenset({"illegal_border_crossing"}),
        penalty="part 1: up to 2 years (2009 text)",
        citation=_cite(
            "322",
            "http://businesspravo.ru/Docum/DocumShow.asp?DocumID=155551&DocumType=393",
            "2009",
        ),
        verified=True,
    ),
    Offence(
        code="RU-CC",
        article="328",
        title="Evading conscription or alternative civilian service",
        # Contested: its class is the reading draft_evasion_class (default
        # military, as for arts 337 and 338); rules that cannot take the
        # reading see it as unknown rather than as ordinary.
        category=OffenceCategory.UNKNOWN,
        tags=frozenset({CLASS_BY_READING}),
        penalty="up to 2 years",
        citation=_cite(
            "328",
            "https://prizyvnik18.ru/blog/ugolovnaya-otvetstvennost-za-uklonenie-ot-sluzhby-v-armii",
        ),
        verified=True,
    ),
    Offence(
        code="RU-CC",
        article="337",
        title="Leaving a unit or place of service without authorisation",
        category=OffenceCategory.MILITARY,
        penalty="parts 1-4: up to 5 years",
        citation=_cite("337", "https://ppt.ru/kodeks/uk/st-337"),
        verified=True,
    ),
    Offence(
        code="RU-CC",
        article="337",
        part="5",
        title="Leaving a unit for over a month during mobilization or armed conflict",
        category=OffenceCategory.MILITARY,
        penalty="5 to 10 years",
        since=_AMENDED,
        citation=_cite("337", "https://www.kommersant.ru/doc/8336959"),
        verified=True,
    ),
    Offence(
        code="RU-CC",
        article="337",
        part="2.1",
        title=(
            "Leaving a unit for over two and up to ten days during mobilization, martial law "
            "or armed conflict"
        ),
        category=OffenceCategory.MILITARY,
        since=_AMENDED,
        citation=_cite("337", "https://ppt.ru/kodeks/uk/st-337"),
        verified=True,
    ),
    Offence(
        code="RU-CC",
        article="337",
        part="3.1",
        title=(
            "Leaving a unit for over ten days and up to a month during mobilization, martial "
            "law or armed conflict (recalled)"
        ),
        category=OffenceCategory.MILITARY,
        since=_AMENDED,
        citation=_cite("337", "https://ppt.ru/kodeks/uk/st-337"),
        verified=False,
    ),
    Offence(
        code="RU-CC",
        article="332",
        title="Failure to obey an order (recalled)",
        category=OffenceCategory.MILITARY,
        citation=_cite("332"),
        verified=False,
    ),
    Offence(
        code="RU-CC",
        article="339",
        title="Evading military service by feigning illness or other means, self-harm (recalled)",
        category=OffenceCategory.MILITARY,
        citation=_cite("339"),
        verified=False,
    ),
    Offence(
        code="RU-CC",
        article="207.3",
        title=(
            "Public dissemination of knowingly false information about the use of the Armed "
            "Forces (added by Federal Law No. 32-FZ of 2022-03-04)"
        ),
        category=OffenceCategory.POLITICAL,
        citation=_cite("207.3", "https://oblgazeta.ru/expert-comments/2024/07/58678"),
        verified=False,
    ),
    Offence(
        code="RU-CC",
        article="282.3",
        title="Financing extremist activity (recalled)",
        category=OffenceCategory.POLITICAL,
        citation=_cite("282.3"),
        verified=False,
    ),
    Offence(
        code="RU-CC",
        article="163",
        title="Extortion (recalled)",
        category=OffenceCategory.ORDINARY,
        citation=_cite("163"),
        verified=False,
    ),
    Offence(
        code="RU-CC",
        article="158",
        title="Theft (recalled)",
        category=OffenceCategory.ORDINARY,
        citation=_cite("158"),
        verified=False,
    ),
    Offence(
        code="RU-CC",
        article="338",
        title="Desertion",
        category=OffenceCategory.MILITARY,
        penalty="part 1: up to 7 years; part 2: up to 10 years",
        citation=_cite(
            "338",
            "https://kiportal.ru/biblioteka/zakonodatelstvo/uk-chast2-razdel11-glava33-statya338",
        ),
        verified=True,
    ),
    Offence(
        code="RU-CC",
        article="338",
        part="3",
        title="Desertion during mobilization, martial law or armed conflict",
        category=OffenceCategory.MILITARY,
        penalty="5 to 15 years",
        since=_AMENDED,
        citation=_cite(
            "338",
            "https://kiportal.ru/biblioteka/zakonodatelstvo/uk-chast2-razdel11-glava33-statya338",
            "2023-07-31",
        ),
        verified=True,
    ),
    Offence(
        code="RU-CC",
        article="352.1",
        title="Voluntary surrender into captivity",
        category=OffenceCategory.MILITARY,
        penalty="part 1: 3 to 10 years (recalled)",
        since=_AMENDED,
        citation=Citation(instrument=CC, article="352.1"),
        verified=False,
    ),
)

RUSSIA = Rulebook(
    name="russia",
    title="Russian Federation: offence catalogue",
    offences=OFFENCES,
    description=(
        "Offences of the Russian Criminal Code that the seed cases engage, with categories "
        "(military, ordinary, political) and the versions in force by date (the amendments "
        "of 24 Sep 2022 and 28 Apr 2023). A charge whose record states a category keeps it. "
        f"Evading conscription (art 328) is classed by the reading {DRAFT_EVASION_CLASS}."
    ),
)
