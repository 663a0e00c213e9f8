"""Hypothesis strategies for case records, their JSON, JSON with one thing broken, and histories.

For testing code that reads or writes records, and for testing this library::

    from hypothesis import given
    from proceedings import strategies as pst

    @given(pst.records(max_events=5))
    def test_my_dashboard_renders(record):
        ...

Every strategy here follows Hypothesis' own API style: plural nouns,
keyword-only bounds, and arguments checked when the strategy is made (a bad one
raises :class:`hypothesis.errors.InvalidArgument` at once, not on the first
draw).

What the generated records promise: the constructors and the codec accept them.
Ids are unique, every reference names an earlier event of an allowed type in the
same account or in every account, every citation names a listed source, every
account is declared. Dates are in any order unless ``chronological=True``: an
event dated before the one listed before it is a finding of validation, not an
invalid record, and tests of the findings need such records.

:func:`lawful_histories` and :func:`near_lawful_mutations` go further: records a
strict proceeding accepts, and such a record with one more event that a named
rule of the default rulebooks must refuse.

Installing the package registers :class:`~proceedings.UncertainDate`,
:class:`~proceedings.CaseRecord`, its parts (:class:`~proceedings.Person`,
:class:`~proceedings.Source`, :class:`~proceedings.Charge`...) and the event
classes with :func:`hypothesis.strategies.from_type` through Hypothesis' entry
point.
"""

from __future__ import annotations

from typing import Any

from ._strategies import broken as _broken
from ._strategies import mutations as _mutations
from ._strategies._validation import deprecated as _deprecated
from ._strategies.broken import broken_record_dicts
from ._strategies.dates import uncertain_dates
from ._strategies.histories import lawful_histories
from ._strategies.mutations import Mutation, near_lawful_mutations
from ._strategies.records import (
    charges,
    countries,
    events,
    record_dicts,
    records,
    source_refs,
)

__all__ = [
    "BREACHES",
    "BREAKAGES",
    "Mutation",
    "broken_record_dicts",
    "charges",
    "countries",
    "events",
    "lawful_histories",
    "near_lawful_mutations",
    "record_dicts",
    "records",
    "source_refs",
    "uncertain_dates",
]

#: The ways :func:`broken_record_dicts` breaks a record, for its ``breakages``
#: argument and for labelling examples with :func:`hypothesis.event`.
BREAKAGES: tuple[str, ...] = _broken.BREAKAGES

#: The breaches :func:`near_lawful_mutations` makes, for its ``breaches``
#: argument; each names the rule that must refuse it.
BREACHES: tuple[str, ...] = _mutations.BREACHES

_RENAMED = {"MUTATION_KINDS": "BREAKAGES", "citations": "source_refs"}


def __getattr__(name: str) -> Any:
    # Old names, kept for one release.
    if name not in _RENAMED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    new = _RENAMED[name]
    return _deprecated(f"{__name__}.{name}", f"{__name__}.{new}", globals()[new])


def __dir__() -> list[str]:
    return sorted(__all__)
