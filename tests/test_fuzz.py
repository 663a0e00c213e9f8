"""A mutation fuzzer: hostile variants of the bundled records give only documented errors.

Each example takes one of the bundled records (``examples/cases``,
``examples/decisions``), mutates its JSON a few times (a value of another
type, a key deleted or added, events swapped, duplicated or dropped, an event
given another type, an id changed so that references dangle, a date at the
edge of the calendar or malformed, a huge number, a long string, control
characters, a lone surrogate), then sends it, as text and as bytes, through
everything a user's program would: ``loads``, ``load``, ``load_jsonl``,
``validate``, ``deadlines``, every output format, the timeline diagrams and a
strict replay with ``Proceeding``. A mutated document may be refused (with a
:class:`~proceedings.RecordError`); a record may be refused by a strict
proceeding (:class:`~proceedings.TransitionRefused`, a ``RecordError``); and
nothing else may escape.

How many examples: the Hypothesis profile decides (``tests/conftest.py``:
``dev`` by default, ``ci`` under ``CI=true``); ``PROCEEDINGS_FUZZ_EXAMPLES``
overrides it for a long run, e.g. ``PROCEEDINGS_FUZZ_EXAMPLES=20000 python -m
pytest tests/test_fuzz.py --no-cov``.
"""

from __future__ import annotations

import copy
import datetime
import decimal
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, given, note, settings
from hypothesis import strategies as st

import proceedings
from proceedings import (
    CaseRecord,
    Proceeding,
    RecordError,
    TransitionRefused,
    UncertainDate,
    UnknownName,
    codec,
)
from proceedings import render as out
from proceedings.corpus import Outcome, RecordContext

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted(
    [
        *(ROOT / "examples" / "cases").glob("*.json"),
        *(ROOT / "examples" / "decisions").glob("*.json"),
    ]
)
DOCUMENTS = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in EXAMPLES}
TAGS = sorted(cls.type for cls in proceedings.EVENT_TYPES)


def _examples() -> int | None:
    """``PROCEEDINGS_FUZZ_EXAMPLES``, for a long (nightly) run; ``None``: the profile decides."""
    raw = os.environ.get("PROCEEDINGS_FUZZ_EXAMPLES")
    return int(raw) if raw else None


def _settings() -> Callable[[Any], Any]:
    examples = _examples()
    chosen: dict[str, Any] = {"suppress_health_check": [HealthCheck.too_slow]}
    if examples is not None:
        chosen["max_examples"] = examples
    return settings(**chosen)


def label(value: str) -> None:
    """Count an example as ``value`` (``--hypothesis-show-statistics`` shows the counts)."""
    if currently_in_test_context():
        event(value)


# -- where things are in a JSON tree -------------------------------------------------------

Path_ = tuple[str | int, ...]


def _walk(node: Any, at: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield at, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*at, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, (*at, i))


def _set(doc: Any, at: Path_, value: Any) -> Any:
    if not at:
        return value
    parent = doc
    for step in at[:-1]:
        parent = parent[step]
    parent[at[-1]] = value
    return doc


def _get(doc: Any, at: Path_) -> Any:
    for step in at:
        doc = doc[step]
    return doc


# -- hostile values -------------------------------------------------------------------------

EDGE_DATES = [
    "0001-01-01",
    "9999-12-31",
    "9999-12",
    "9999",
    "0001",
    "0000-01-01",
    "XXXX",
    "20XX",
    "2022-XX-XX",
    "2022-12-XX",
    "2022?",
    "2022-12~",
    "2022-12-06%",
    "2022-21",
    "2022-02-30",
    "2022-13-01",
    "2022-12-06/9999-12-31",
    "0001-01-01/9999-12-31",
    "../9999-12-31",
    "0001-01-01/..",
    "2022-12-06/2022-12-01",
    "2022-12-06/..",
    "../..",
    "/",
    "2022-12-06T25:00",
    "2022-12-06T10:00Z",
    "+10000-01-01",
    "-0001-01-01",
    "Y10000",
    "2022-12-06 ",
    "２０２２-12-06",
    "",
]

#: Dates the format accepts, at the edges of the calendar and of what it can say.
LAWFUL_EDGE_DATES = [
    "0001-01-01",
    "0001",
    "0001-XX-XX",
    "0001?",
    "0001-01-01T00:00",
    "9999-12-31",
    "9999-12",
    "9999",
    "99XX",
    "9999-12-XX",
    "9999-12-31~",
    "9999-12-31T23:59",
    "0001-01-01/9999-12-31",
    "../9999-12-31",
    "0001-01-01/..",
    "9999-12-31/..",
    "../0001-01-01",
    "20XX",
    "2022?",
    "2022-12-06%",
]

HUGE_NUMBERS = [0, -1, 1, 2**31, 2**63, 10**30, -(10**30), 10**400, 1.5, -0.0, 1e308, 1e-320]


def _scalars() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.none(),
        st.booleans(),
        st.sampled_from(HUGE_NUMBERS),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=20),
        st.sampled_from(EDGE_DATES),
        st.sampled_from(TAGS),
    )


def _values() -> st.SearchStrategy[Any]:
    return st.one_of(
        _scalars(),
        st.lists(_scalars(), max_size=3),
        st.dictionaries(st.text(max_size=8), _scalars(), max_size=3),
        st.just([]),
        st.just({}),
    )


def _hostile_text(draw: st.DrawFn, original: str) -> str:
    how = draw(st.sampled_from(["long", "control", "surrogate", "combining", "replace"]))
    if how == "long":
        return original + "x" * draw(st.sampled_from([1_000, 100_000]))
    if how == "control":
        return original + draw(st.sampled_from(["\x00", "\x1b[31m", "\r\n", "\u2028", "\x7f"]))
    if how == "surrogate":
        return original + draw(st.sampled_from(["\ud800", "\udfff", "\udc80x"]))
    if how == "combining":
        return original + "\u0301\u200b\ufeff"
    return draw(st.text(max_size=30))


# -- mutations -------------------------------------------------------------------------------


def _flip_type(draw: st.DrawFn, doc: Any) -> Any:
    # Deepest first: Hypothesis favours the first choices, and replacing the
    # whole document (the root, last) says little after the first time.
    at, _ = draw(st.sampled_from(list(_walk(doc))[::-1]))
    label(f"mutation: flip type at depth {min(len(at), 4)}")
    return _set(doc, at, draw(_values()))


def _delete_key(draw: st.DrawFn, doc: Any) -> Any:
    places = [(at, k) for at, node in _walk(doc) if isinstance(node, dict) for k in node]
    if not places:
        return doc
    at, key = draw(st.sampled_from(places))
    label("mutation: delete key")
    del _get(doc, at)[key]
    return doc


def _add_key(draw: st.DrawFn, doc: Any) -> Any:
    places = [at for at, node in _walk(doc) if isinstance(node, dict)]
    if not places:
        return doc
    at = draw(st.sampled_from(places))
    key = draw(st.one_of(st.text(max_size=10), st.sampled_from(["type", "id", "account", "date"])))
    label("mutation: add key")
    _get(doc, at)[key] = draw(_values())
    return doc


def _events(doc: Any) -> list[Any] | None:
    events = doc.get("events") if isinstance(doc, dict) else None
    return events if isinstance(events, list) and events else None


def _reorder_events(draw: st.DrawFn, doc: Any) -> Any:
    events = _events(doc)
    if events is None:
        return doc
    how = draw(st.sampled_from(["swap", "duplicate", "remove"]))
    label(f"mutation: events {how}")
    i = draw(st.integers(0, len(events) - 1))
    j = draw(st.integers(0, len(events) - 1))
    if how == "swap":
        events[i], events[j] = events[j], events[i]
    elif how == "duplicate":
        events.insert(j, copy.deepcopy(events[i]))
    else:
        del events[i]
    return doc


def _retag_event(draw: st.DrawFn, doc: Any) -> Any:
    events = _events(doc)
    if events is None:
        return doc
    i = draw(st.integers(0, len(events) - 1))
    if isinstance(events[i], dict):
        label("mutation: event type changed")
        events[i]["type"] = draw(st.sampled_from(TAGS))
    return doc


def _change_id(draw: st.DrawFn, doc: Any) -> Any:
    # Any string that is an id somewhere (an event's, a source's, an
    # account's name) or refers to one.
    ids = {
        node["id"]
        for _, node in _walk(doc)
        if isinstance(node, dict) and isinstance(node.get("id"), str)
    }
    places = [at for at, node in _walk(doc) if isinstance(node, str) and node in ids]
    if not places:
        return doc
    at = draw(st.sampled_from(places))
    label("mutation: id changed")
    new = draw(st.one_of(st.sampled_from(sorted(ids)), st.text(max_size=10), st.just("dangling")))
    return _set(doc, at, new)


def _perturb_date(draw: st.DrawFn, doc: Any) -> Any:
    places = [
        at
        for at, node in _walk(doc)
        if isinstance(node, str) and node[:4].isdigit() and at and at[-1] != "id"
    ]
    if not places:
        return doc
    at = draw(st.sampled_from(places))
    label("mutation: date perturbed")
    return _set(doc, at, draw(st.sampled_from(EDGE_DATES)))


def _perturb_number(draw: st.DrawFn, doc: Any) -> Any:
    places = [
        at
        for at, node in _walk(doc)
        if isinstance(node, int | float) and not isinstance(node, bool)
    ]
    if not places:
        return doc
    label("mutation: number perturbed")
    return _set(doc, draw(st.sampled_from(places)), draw(st.sampled_from(HUGE_NUMBERS)))


def _perturb_string(draw: st.DrawFn, doc: Any) -> Any:
    places = [(at, node) for at, node in _walk(doc) if isinstance(node, str)]
    if not places:
        return doc
    at, text = draw(st.sampled_from(places))
    label("mutation: string made hostile")
    return _set(doc, at, _hostile_text(draw, text))


MUTATIONS = (
    _flip_type,
    _delete_key,
    _add_key,
    _reorder_events,
    _retag_event,
    _change_id,
    _perturb_date,
    _perturb_number,
    _perturb_string,
)


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """A bundled record's JSON (as Python data), mutated one to four times."""
    name = draw(st.sampled_from(sorted(DOCUMENTS)))
    note(f"from {name}")
    doc = copy.deepcopy(DOCUMENTS[name])
    for mutate in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4)):
        doc = mutate(draw, doc)
    return doc


#: Keys of free text, where a hostile string is still a valid record.
FREE_TEXT = frozenset(
    [
        "note",
        "quote",
        "locator",
        "title",
        "notes",
        "publisher",
        "authority",
        "place",
        "by",
        "description",
        "aliases",
        "summary",
        "name",
        "label",
        "forum",
        "content",
        "reference",
        "author",
        "court",
        "reason",
        "purpose",
    ]
)


def _edge_date(draw: st.DrawFn, doc: Any) -> Any:
    places = [
        at
        for at, node in _walk(doc)
        if isinstance(node, str) and node[:4].isdigit() and at and at[-1] != "id"
    ]
    if not places:
        return doc
    label("edge: date")
    return _set(doc, draw(st.sampled_from(places)), draw(st.sampled_from(LAWFUL_EDGE_DATES)))


def _edge_text(draw: st.DrawFn, doc: Any) -> Any:
    places = [
        (at, node)
        for at, node in _walk(doc)
        if isinstance(node, str) and any(k in FREE_TEXT for k in at[-2:] if isinstance(k, str))
    ]
    if not places:
        return doc
    at, text = draw(st.sampled_from(places))
    label("edge: text")
    return _set(doc, at, _hostile_text(draw, text))


def _edge_events(draw: st.DrawFn, doc: Any) -> Any:
    events = _events(doc)
    if events is None:
        return doc
    i = draw(st.integers(0, len(events) - 1))
    how = draw(st.sampled_from(["swap", "copy", "remove last"]))
    label(f"edge: events {how}")
    if how == "swap":
        j = draw(st.integers(0, len(events) - 1))
        events[i], events[j] = events[j], events[i]
    elif how == "copy":
        # A copy under a new id, which nothing refers to.
        events.append({**copy.deepcopy(events[i]), "id": f"fuzz-copy-{len(events)}"})
    else:
        events.pop()
    return doc


def _edge_number(draw: st.DrawFn, doc: Any) -> Any:
    places = [
        at for at, node in _walk(doc) if type(node) is int and at and at[-1] != "format_version"
    ]
    if not places:
        return doc
    label("edge: number")
    return _set(doc, draw(st.sampled_from(places)), draw(st.sampled_from([1, 2**63, 10**30])))


EDGES = (_edge_date, _edge_date, _edge_text, _edge_events, _edge_number)


@st.composite
def edge_documents(draw: st.DrawFn) -> Any:
    """A bundled record's JSON with changes that mostly keep it valid: dates at the edges
    of the calendar, hostile free text, events reordered, huge counts."""
    name = draw(st.sampled_from(sorted(DOCUMENTS)))
    note(f"from {name}")
    doc = copy.deepcopy(DOCUMENTS[name])
    for mutate in draw(st.lists(st.sampled_from(EDGES), min_size=1, max_size=4)):
        doc = mutate(draw, doc)
    return doc


@st.composite
def encoded(draw: st.DrawFn, doc: Any) -> str | bytes:
    """``doc`` as JSON text, or as bytes (UTF-8 mostly; other encodings and broken bytes too)."""
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()))
    how = draw(st.sampled_from(["text", "utf-8", "utf-8", "bom", "utf-16", "utf-32", "bytes"]))
    label(f"encoding: {how}")
    if how == "text":
        return text
    # surrogatepass: a lone surrogate becomes the (invalid) bytes of one.
    raw = text.encode("utf-8", "surrogatepass")
    if how == "bom":
        return b"\xef\xbb\xbf" + raw
    if how in {"utf-16", "utf-32"}:
        return text.encode(how, "surrogatepass")
    if how == "bytes":
        i = draw(st.integers(0, max(len(raw) - 1, 0)))
        return raw[:i] + draw(st.binary(min_size=1, max_size=3)) + raw[i + 1 :]
    return raw


# -- what runs on a record ---------------------------------------------------------------------

AS_OF = [
    datetime.date(2024, 1, 1),
    datetime.date(1, 1, 1),
    datetime.date(9999, 12, 31),
    UncertainDate.parse("2023"),
    UncertainDate.parse("2020-05/2030-01"),
]


def _render_everything(record: CaseRecord, as_of: datetime.date | UncertainDate) -> None:
    report = proceedings.validate(record)
    limits = proceedings.deadlines(record, as_of=as_of)
    context = RecordContext(
        title=record.title or record.person.name,
        event_types=tuple(ev.type for ev in record.events),
    )
    outcome = Outcome(
        source="fuzz.json",
        report=report,
        context=context,
        as_of=str(as_of),
        deadlines=limits,
    )
    for name, factory in out.FORMATS.items():
        for color in (False, True):
            stream = io.StringIO()
            summary = out.write_outcomes([outcome], factory(color=color), stream)
            assert 1 == summary.records, name
            written = stream.getvalue()
            # The machine-readable formats stay JSON, whatever text the record holds.
            if name in {"json", "sarif"}:
                json.loads(written)
            elif name == "jsonl":
                # Lines end at "\n" only (str.splitlines would also break at U+2028).
                assert all(json.loads(line) for line in written.split("\n") if line)
            elif name == "concise":
                # One line per finding, whatever text the record holds.
                shown = outcome.report.findings if outcome.report is not None else ()
                assert written.count("\n") == len(shown), written
            else:
                assert written
    out.render_deadlines_text(limits, as_of=str(as_of))
    for account in [a.name for a in record.accounts] or [None]:
        model = out.timeline(record, account=account)
        out.timeline_to_dot(model)
        out.timeline_to_mermaid(model)


def _replay_strictly(record: CaseRecord, as_of: datetime.date | UncertainDate) -> None:
    for account in [a.name for a in record.accounts] or [None]:
        proc = Proceeding(record.person, record_id=record.id, sources=record.sources)
        refusals: list[TransitionRefused] = []
        for ev in record.events:
            if ev.account not in (None, account):
                continue
            try:
                proc.apply(attrs.evolve(ev, account=None))
            except TransitionRefused as exc:
                label("strict: event refused")
                refusals.append(exc)
            except RecordError:
                label("strict: event does not fit")
        # A refusal names the rules that bar the event.
        assert [] == [r for r in refusals if not r.findings]
        proc.deadlines(as_of=as_of)
        if not proc.record.events:
            # Nothing to take the jurisdiction from: documented as UnknownName.
            with pytest.raises(UnknownName):
                proc.allowed(as_of=as_of)
            continue
        permissions = proc.allowed(as_of=as_of)
        assert {p.event_type for p in permissions} <= set(TAGS)


#: A problem whose message is an exception's name and text: the codec's last resort for
#: an exception it did not expect, which is a bug that a RecordError would hide.
_INTERNAL = re.compile(r"^[A-Z][A-Za-z]*(Error|Exception)\b")


def _is_utf8(payload: bytes) -> bool:
    try:
        payload.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _read(payload: str | bytes) -> CaseRecord | None:
    """The record, or ``None`` when it is refused as every reader must refuse it."""
    error: RecordError | None = None
    try:
        record: CaseRecord | None = proceedings.loads(payload)
    except RecordError as exc:
        error, record = exc, None
    if error is not None:
        assert error.problems, "a RecordError lists its problems"
        assert [] == [p for p in error.problems if not p.path.startswith("$")]
        assert [] == [p for p in error.problems if _INTERNAL.match(p.message)]
    if isinstance(payload, bytes) and not _is_utf8(payload):
        assert error is not None, "bytes that are not UTF-8 are refused"
        assert error.problems[0].message.startswith("not UTF-8 text: byte 0x")
    # The file readers agree with loads.
    fp: io.BytesIO | io.StringIO = (
        io.BytesIO(payload) if isinstance(payload, bytes) else io.StringIO(payload)
    )
    try:
        from_file: CaseRecord | None = proceedings.load(fp)
    except RecordError:
        from_file = None
    assert from_file == record
    # The JSON is on one line (json.dumps writes no line break) unless a broken
    # byte is one; then it is not a JSON Lines line.
    if (b"\n" if isinstance(payload, bytes) else "\n") not in payload:
        (streamed,) = proceedings.load_jsonl([payload])
        assert isinstance(streamed, RecordError) if record is None else streamed == record
    if record is None:
        return None
    # What was read is written canonically (as UTF-8: a file, a terminal) and read
    # back the same.
    assert record == proceedings.loads(proceedings.dumps(record).encode("utf-8"))
    lines = io.StringIO()
    proceedings.dump_jsonl([record], lines)
    lines.seek(0)
    assert [record] == list(proceedings.load_jsonl(lines))
    return record


@_settings()
@given(
    doc=mutated_documents(),
    data=st.data(),
    as_of=st.sampled_from(AS_OF),
)
def test_hostile_documents_raise_only_documented_errors(
    doc: Any, data: st.DataObject, as_of: datetime.date | UncertainDate
) -> None:
    """A mutated record is refused with a RecordError, or read and then validated,
    rendered in every format and replayed strictly with only documented errors."""
    payload = data.draw(encoded(doc), label="payload")
    record = _read(payload)
    label("read" if record is not None else "refused")
    if record is None:
        return
    _render_everything(record, as_of)
    _replay_strictly(record, as_of)


@_settings()
@given(
    doc=edge_documents(),
    as_json=st.booleans(),
    as_of=st.sampled_from(AS_OF),
)
def test_records_at_the_edges_go_through_everything(
    doc: Any, as_json: bool, as_of: datetime.date | UncertainDate
) -> None:
    """A record with dates at the edges of the calendar, hostile text or reordered events
    is validated, rendered in every format and replayed strictly with only documented
    errors (most of them are valid records, so the steps after reading are exercised)."""
    text = json.dumps(doc, ensure_ascii=as_json)
    record = _read(text if as_json else text.encode("utf-8", "surrogatepass"))
    label("read" if record is not None else "refused")
    if record is None:
        return
    _render_everything(record, as_of)
    _replay_strictly(record, as_of)


#: Values only a Python caller can put in "JSON" data.
PYTHON_ONLY: list[Any] = [
    {5: 1},
    {None: "x"},
    {("a", "b"): 1},
    ("KZ", "RU"),
    {"KZ"},
    frozenset(),
    b"bytes",
    float("nan"),
    float("inf"),
    decimal.Decimal("1.5"),
    datetime.date(2022, 12, 6),
    datetime.datetime(2022, 12, 6, 10, 0),
    UncertainDate.parse("2022-12-06"),
    proceedings.Person(id="p"),
    object(),
    range(3),
]


@_settings()
@given(doc=mutated_documents(), data=st.data())
def test_python_data_raises_only_record_errors(doc: Any, data: st.DataObject) -> None:
    """codec.structure of data built in Python (keys that are not strings, tuples, sets,
    bytes, NaN, dates, model objects) builds a record or raises a RecordError whose
    problems have paths; nothing else escapes."""
    places = [at for at, _ in _walk(doc)]
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        at = data.draw(st.sampled_from(places[::-1]), label="at")
        value = data.draw(st.sampled_from(PYTHON_ONLY), label="value")
        try:
            doc = _set(doc, at, copy.deepcopy(value))
        except (TypeError, KeyError, IndexError):
            continue  # an earlier change replaced what held this place
    error: RecordError | None = None
    try:
        record = codec.structure(doc)
    except RecordError as exc:
        error = exc
    if error is None:
        assert isinstance(record, CaseRecord)
        return
    assert error.problems
    assert [] == [p for p in error.problems if not p.path.startswith("$")]
    assert [] == [p for p in error.problems if _INTERNAL.match(p.message)]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_bundled_record_passes_the_whole_pipeline(path: Path) -> None:
    """The unmutated records go through every step the fuzzer runs (the fuzzer's baseline)."""
    record = _read(path.read_bytes())
    assert record is not None
    _render_everything(record, datetime.date(2024, 1, 1))
    _replay_strictly(record, datetime.date(2024, 1, 1))
