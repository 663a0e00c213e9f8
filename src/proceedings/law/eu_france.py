"""EU and France: the right to remain pending an asylum decision and appeal.

EU law changes on the date the Asylum Procedures Regulation applies: before
it, Directive 2013/32 art 46; from it, Regulation 2024/1348 art 68. The date
(2026-06-12) is recalled, not verified, and the rules say so.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._dates import Truth
from .._model import Removal
from .._rules import Check, Context, Hit
from ._common import related, removal_phrase
from ._data import law_data

#: The texts of the rules (``data/eu_france.json``); their checks are below.
_TEXT = law_data("eu_france")


def _right_to_remain(window: bool) -> Check:
    def check(ctx: Context) -> Iterator[Hit]:
        ev = ctx.event_as(Removal)
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


FR_CESEDA_L541 = _TEXT.rule("FR-CESEDA-L541", check=_right_to_remain(window=False))

EU_APD_46 = _TEXT.rule("EU-APD-46", check=_right_to_remain(window=True))

EU_APR_68 = _TEXT.rule("EU-APR-68", check=_right_to_remain(window=True))

EU_FRANCE = _TEXT.rulebook()
