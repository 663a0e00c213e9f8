"""EU and France: the right to remain pending an asylum decision and appeal.

EU law changes on the date the Asylum Procedures Regulation applies: before
it, Directive 2013/32 art 46; from it, Regulation 2024/1348 art 68. The date
(2026-06-12) is recalled, not verified, and the rules say so.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from .._dates import Truth
from .._findings import Citation, Severity
from .._model import Removal
from .._rules import Check, Context, Hit, Rule, Rulebook
from ._common import related, removal_phrase

#: EU member states (2026).
EU_MEMBERS = frozenset(
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    }
)  # fmt: skip

APR_APPLIES = datetime.date(2026, 6, 12)


def _right_to_remain(window: bool) -> Check:
    def check(ctx: Context) -> Iterator[Hit]:
        ev = ctx.event
        assert isinstance(ev, Removal)
        if ctx.in_state("asylum", "claimed"):
            start = ctx.marked("asylum_claim")
            what = "the asylum claim awaited a first decision"
        elif ctx.in_state("asylum", "appeal_pending"):
            start = ctx.marked("asylum_appeal")
            what = "an appeal against the refusal was pending"
        elif window and ctx.in_state("asylum", "refused"):
            start = ctx.marked("asylum_decision")
            if start is None:  # pragma: no cover - the state is entered only with its mark
                return
            # The national time limit for the remedy is not modelled (FR: one
            # month to the CNDA, recalled; shorter in accelerated procedures),
            # so a removal within 30 days of the refusal may have come before
            # it expired: undetermined, never certain. Later: no finding.
            elapsed = ctx.days_since(start)
            truth = elapsed.at_most(30)
            if truth is Truth.FALSE:
                return
            yield Hit(
                truth=Truth.UNKNOWN,
                message=(
                    f"{removal_phrase(ev, capital=True)} {elapsed.describe()} after "
                    f"the refusal ({ctx.describe(start)}), possibly before the time limit for an "
                    "appeal had expired (national limits differ; France: one month, recalled)"
                ),
                related=(start,),
            )
            return
        elif ctx.in_state("asylum", "decided_unknown"):
            # Decided, but the sources do not say how: the claim may still be open.
            yield Hit(
                truth=Truth.UNKNOWN,
                message=(
                    f"{removal_phrase(ev, capital=True)} after a decision on the asylum claim "
                    "whose outcome the sources do not give; if the claim was still open, the "
                    "applicant could remain"
                ),
                related=related(ctx.marked("asylum_claim")),
            )
            return
        else:
            return
        yield Hit(
            truth=Truth.TRUE,
            message=f"{removal_phrase(ev, capital=True)} while {what}; the applicant may remain",
            related=related(start),
        )

    return check


FR_CESEDA_L541 = Rule(
    id="FR-CESEDA-L541",
    title="An asylum applicant may remain in France until OFPRA and, on appeal, the CNDA decide",
    citations=(
        Citation(
            instrument="Code de l'entrée et du séjour des étrangers et du droit d'asile",
            article="L.541-1",
            url="https://juriblio.fr/codes/code-de-l-entree-et-du-sejour-des-etrangers-et-du-droit-d-asile/partie-legislative/livre-v/titre-iv/chapitre-i",
        ),
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"removal"}),
    check=_right_to_remain(window=False),
    jurisdictions=frozenset({"FR"}),
    in_force=(datetime.date(2021, 5, 1), None),
    verified=True,
    verification=(
        "Arts L.541-1 to L.541-3 verified; the recodification date (2021-05-01) and the "
        "exceptions of L.542-x are recalled."
    ),
    example="Removed from France while the appeal to the CNDA is pending.",
)

EU_APD_46 = Rule(
    id="EU-APD-46",
    title="Right to remain pending the remedy (Asylum Procedures Directive)",
    citations=(
        Citation(
            instrument="Directive 2013/32/EU (Asylum Procedures Directive)",
            article="46",
            paragraph="5",
            url="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=celex:32013L0032",
        ),
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"removal"}),
    check=_right_to_remain(window=True),
    jurisdictions=EU_MEMBERS,
    in_force=(datetime.date(2015, 7, 20), APR_APPLIES - datetime.timedelta(days=1)),
    verified=False,
    verification=(
        "Art 46(5) verified; the exceptions of 46(6)-(8), the transposition date "
        "(2015-07-20) and the end of its application (2026-06-11) are recalled."
    ),
    example="Removed a week after a first-instance refusal.",
)

EU_APR_68 = Rule(
    id="EU-APR-68",
    title="Right to remain pending the remedy (Asylum Procedures Regulation)",
    citations=(
        Citation(
            instrument="Regulation (EU) 2024/1348 (Asylum Procedures Regulation)",
            article="68",
            url="https://eur-lex.europa.eu/eli/reg/2024/1348",
        ),
    ),
    severity=Severity.VIOLATION,
    on=frozenset({"removal"}),
    check=_right_to_remain(window=True),
    jurisdictions=EU_MEMBERS,
    in_force=(APR_APPLIES, None),
    verified=False,
    verification=(
        "Art 68(1)-(3) verified; the date of application (2026-06-12) is recalled, and the "
        "exceptions of 68(3) (accelerated and border procedures) are not modelled."
    ),
    example="Removed while the first-instance appeal is pending, after June 2026.",
)

EU_FRANCE = Rulebook(
    name="eu_france",
    title="European Union and France",
    rules=(FR_CESEDA_L541, EU_APD_46, EU_APR_68),
    description=(
        "The applicant's right to remain until the first-instance decision and, if an "
        "appeal is lodged in time, until it is decided. The exceptions (subsequent "
        "applications, accelerated and border procedures) are not modelled."
    ),
)
