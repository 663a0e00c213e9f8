"""CIS rules: the Minsk Convention's custody limit before an extradition request."""

from __future__ import annotations

from collections.abc import Iterator

from .._dates import Truth, UncertainDate
from .._report import CitationRef, Severity
from .._rules import Context, Deadline, Hit, Party, Rule, Rulebook

MINSK = (
    "Convention on Legal Assistance and Legal Relations in Civil, Family and Criminal "
    "Matters (Minsk, 1993)"
)

#: The events at which a running custody is seen to continue or end.
CUSTODY_EVENTS = frozenset(
    {
        "detention",
        "detention_extended",
        "release",
        "escape",
        "removal",
        "extradition_requested",
        "extradition_decided",
        "extradition_suspended",
        "appeal_filed",
        "appeal_decided",
    }
)

FORTY_DAYS = Deadline(
    label="extradition request received (else release)",
    start="extradition_custody",
    limit=40,
    running_while={"extradition": ("wanted",), "custody": ("detained",)},
)


def forty_day_check(deadline: Deadline) -> object:
    """A check that custody on a wanted notice ran past its limit with no request."""

    def check(ctx: Context) -> Iterator[Hit]:
        if not deadline.runs_in(ctx.before):
            return
        # Counted from the detention that began this spell of custody, or from
        # the first detention on the wanted notice if that came later: time at
        # liberty between two spells does not count.
        marks = [
            m for m in (ctx.marked(deadline.start), ctx.marked("custody_start")) if m is not None
        ]
        if not marks:  # pragma: no cover - the state is entered only with its mark
            return
        start = max(marks)
        # The request itself arriving is the event that ends the clock: it is
        # late if it comes after the limit.
        exceeded = deadline.exceeded(ctx.days_since(start))
        if exceeded is Truth.FALSE:
            return
        yield Hit(
            truth=exceeded,
            message=(
                f"Held on a foreign wanted notice since {ctx.describe(start)} for more than "
                f"{deadline.limit} {deadline.unit} without an extradition request on record, "
                f"and still in custody at {ctx.describe(ctx.index)}; the person must be released"
            ),
            related=(start,),
            anchor=start,
            # Only keeping the person in custody is the breach; any other event
            # (a release, an appeal, the request arriving late) only reveals it.
            retrospective=ctx.event.type not in {"detention", "detention_extended"},
        )

    return check


CIS_MINSK_62 = Rule(
    id="CIS-MINSK-62",
    title="Release if no extradition request arrives within 40 days of custody",
    citations=(
        CitationRef(
            instrument=MINSK,
            article="62",
            url="https://base.garant.ru/10119702/7dc915bc75cffbb81484b76070f99d35",
            text_date="1997-03-28",
        ),
    ),
    severity=Severity.VIOLATION,
    on=CUSTODY_EVENTS,
    check=forty_day_check(FORTY_DAYS),  # type: ignore[arg-type]
    treaty="minsk_1993",
    deadline=FORTY_DAYS,
    verified=True,
    verification=(
        "Art 62 as amended by the 1997 Protocol verified (40 days). The parties' dates of "
        "entry into force are partly recalled (see the party table)."
    ),
    example="Still in custody 45 days after arrest on a wanted notice, no request received.",
)

PARTIES = (
    Party(
        treaty="minsk_1993",
        state="RU",
        since=UncertainDate.parse("1994-12-10"),
        verified=False,
        source="Partly verified (legal-rules-addendum §4: statelessness.eu case page).",
    ),
    Party(
        treaty="minsk_1993",
        state="KZ",
        since=UncertainDate.parse("1994"),
        verified=False,
        source=(
            "Recalled: the Convention was in force between Kazakhstan and Russia by 1994; "
            "Kazakhstan's ratification date was not found (legal-rules-addendum §4)."
        ),
    ),
)

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
