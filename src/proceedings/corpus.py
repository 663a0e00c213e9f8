"""Validate a corpus of case records: files, directories and JSON Lines, in parallel.

:func:`validate_corpus` reads every input it is given, validates each record
against a :class:`~proceedings.law.Law` and yields one :class:`Outcome` per
record (or per input that holds none), in input order, however many worker
processes do the work. Memory stays flat: inputs are streamed, and only a
few batches of records are in flight at a time.

>>> from proceedings.corpus import validate_corpus
>>> outcomes = list(validate_corpus(["examples/cases/kasimov.json"]))
>>> [(o.report.record_id, o.problems) for o in outcomes if o.report is not None]
[('kasimov', ())]

A bad input does not stop the run: its outcome has no report and lists its
problems, each with its file, line and JSON path.

With ``jobs``, each outcome comes back from its worker with its report: on a
4,000-record corpus, unpickling them costs the main process about 30 µs a
record (0.26 s in all, against 0.14 s for rendered text alone), while
decoding and validating cost a worker about 0.9 ms a record, so the main
process stays far from being the bottleneck. A ``render`` function runs in
the workers too, so that formatting is parallel as well.
"""

from __future__ import annotations

import collections
import contextlib
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO, TYPE_CHECKING

import attrs

from . import law as _law_module
from ._chart import CHART
from ._dates import UncertainDate
from ._engine import deadlines, validate
from ._errors import UnknownName
from ._findings import Severity
from ._limits import Limits
from ._locate import locate
from ._model import CaseRecord
from ._paths import event_path
from ._reading import Input, InputProblem, Item, _too_large, iter_inputs, read_items
from ._reading import read_record as _read_record
from ._report import DeadlineStatus, Report
from ._rules import Law, Rulebook
from .law import DEFAULT_LAW

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

__all__ = [
    "Input",
    "InputProblem",
    "Limits",
    "Outcome",
    "RecordContext",
    "Summary",
    "Tally",
    "iter_inputs",
    "read_record",
    "validate_corpus",
]

#: Records sent to a worker at once, and the most bytes in one batch.
_BATCH_ITEMS = 64
_BATCH_BYTES = 1 << 20
#: Severities from most to least serious, as counted.
_SEVERITIES = (Severity.VIOLATION, Severity.WARNING, Severity.NOTE)


# -- values ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class RecordContext:
    """What a renderer may know about a record besides its report.

    Attributes:
        title: A human title (the record's title or the person's name).
        line: The line of a JSON Lines corpus the record was on.
        event_types: Each event's type, by index in the record.
        event_lines: Each event's first line in the source file, by index
            (``None`` where unknown).
    """

    title: str | None = None
    line: int | None = None
    event_types: tuple[str, ...] = ()
    event_lines: tuple[int | None, ...] = ()

    @property
    def events(self) -> int:
        """How many events the record has."""
        return len(self.event_types)

    def event_line(self, index: int) -> int | None:
        """The source line of event ``index``: the record's line in a JSON Lines corpus."""
        if self.line is not None:
            return self.line
        return self.event_lines[index] if 0 <= index < len(self.event_lines) else None

    def event_type(self, index: int) -> str | None:
        """The type of event ``index``, if known."""
        return self.event_types[index] if 0 <= index < len(self.event_types) else None


@attrs.frozen(kw_only=True)
class Outcome:
    """What came of one record, or of an input that holds none.

    Attributes:
        source: The input, as shown.
        line: The record's line in a JSON Lines input.
        size: The bytes of input it took (for progress).
        report: The report, if the record was validated.
        context: Title, event types and lines, for renderers.
        as_of: The date time limits were computed for, if asked.
        deadlines: The time limits as of ``as_of``.
        problems: Why it was not validated; or, with a report, what else is
            wrong with it (an id an earlier record of the run has).
        internal: A bug in ``proceedings`` while validating it: the
            exception and its traceback.
        rendered: What ``render`` made of it, if ``validate_corpus`` was
            given one.
    """

    source: str | None
    line: int | None = None
    size: int = 0
    report: Report | None = None
    context: RecordContext | None = None
    as_of: str | None = None
    deadlines: tuple[DeadlineStatus, ...] = ()
    problems: tuple[InputProblem, ...] = ()
    internal: str | None = None
    rendered: str | None = None

    @property
    def ok(self) -> bool:
        """The record was validated (whatever it was found to breach)."""
        return self.report is not None

    @property
    def where(self) -> str:
        """``file`` or ``file:line``, as messages name the record."""
        where = self.source or "<input>"
        return where if self.line is None else f"{where}:{self.line}"


@attrs.frozen(kw_only=True)
class Summary:
    """The totals of a run, as formats write them at the end.

    Attributes:
        records: Records validated.
        events: Their events.
        findings: Findings by severity value, every severity present.
        not_validated: Inputs (records or files) not validated.
        problems: Every problem, internal errors included, in input order.
        internal_errors: How many of the problems are bugs in ``proceedings``.
        seconds: How long the run took, if measured.
        complete: Whether every input was read (``False`` after an
            interruption: the totals are those of the outcomes written).
    """

    records: int = 0
    events: int = 0
    findings: Mapping[str, int] = attrs.field(factory=lambda: {s.value: 0 for s in _SEVERITIES})
    not_validated: int = 0
    problems: tuple[InputProblem, ...] = ()
    internal_errors: int = 0
    seconds: float | None = None
    complete: bool = True

    @property
    def violations(self) -> int:
        """How many violations were found."""
        return self.findings.get(Severity.VIOLATION.value, 0)

    def to_dict(self) -> dict[str, object]:
        """The JSON form: ``records``, ``events``, ``findings``, ``inputs_not_validated``,
        ``problems`` (input problems, internal errors not counted), ``internal_errors`` and
        ``complete`` (``false`` if the run was interrupted)."""
        return {
            "records": self.records,
            "events": self.events,
            "findings": dict(self.findings),
            "inputs_not_validated": self.not_validated,
            "problems": len(self.problems) - self.internal_errors,
            "internal_errors": self.internal_errors,
            "complete": self.complete,
        }


class Tally:
    """Adds outcomes up into a :class:`Summary` as they arrive."""

    def __init__(self) -> None:
        self.records = self.events = self.not_validated = self.internal = 0
        self.findings = {s.value: 0 for s in _SEVERITIES}
        self.problems: list[InputProblem] = []

    def add(self, outcome: Outcome) -> None:
        """Count one outcome in."""
        if outcome.report is None:
            self.not_validated += 1
        self.problems += outcome.problems
        if outcome.internal is not None:
            self.internal += 1
            first = outcome.internal.split("\n", 1)[0]
            where = outcome.where
            self.problems.append(
                InputProblem(
                    source=outcome.source,
                    line=outcome.line,
                    message=f"internal error while validating {where}: {first}",
                )
            )
        if outcome.report is not None:
            self.records += 1
            self.events += outcome.context.events if outcome.context is not None else 0
            for f in outcome.report.findings:
                self.findings[f.severity.value] += 1

    def summary(self, seconds: float | None = None) -> Summary:
        """The totals so far."""
        return Summary(
            records=self.records,
            events=self.events,
            findings=dict(self.findings),
            not_validated=self.not_validated,
            problems=tuple(self.problems),
            internal_errors=self.internal,
            seconds=seconds,
        )


# -- inputs ------------------------------------------------------------------------------


def read_record(
    data: bytes, *, source: str, limits: Limits | None = None
) -> CaseRecord | list[InputProblem]:
    """One record from the bytes of a JSON document, or its problems with their lines.

    The document is held to ``limits`` (the defaults of :class:`Limits` if
    none are given), as in :func:`validate_corpus`.
    """
    limits = Limits() if limits is None else limits
    if len(data) > limits.document_bytes:
        return [InputProblem(source=source, message=_too_large(source, limits).message)]
    read = _read_record(Item("doc", source, None, data), limits)
    return read if isinstance(read, list) else read[0]


def _batches(items: Iterable[Item]) -> Iterator[list[Item]]:
    batch: list[Item] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item.payload)
        if len(batch) >= _BATCH_ITEMS or size >= _BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


# -- validating --------------------------------------------------------------------------


@attrs.frozen
class _Job:
    """What every worker needs to know; small and picklable."""

    law: _PortableLaw
    accounts: tuple[str, ...] | None
    as_of: str | None
    event_lines: bool
    render: Callable[[Outcome], str] | None
    limits: Limits


class _Validator:
    """Validates records into outcomes (in this process or in a worker)."""

    def __init__(self, job: _Job) -> None:
        self.job = job
        self.law = job.law.rebuild()
        self.as_of = UncertainDate.parse(job.as_of) if job.as_of is not None else None

    def run(self, batch: Sequence[Item]) -> list[Outcome]:
        return [self.one(item) for item in batch]

    def one(self, item: Item) -> Outcome:
        base = Outcome(source=item.source, line=item.line, size=len(item.payload))
        if item.kind == "internal":
            return attrs.evolve(base, internal=item.message)
        if item.kind == "error":
            path = "$" if item.line is not None else None
            problem = InputProblem(
                source=item.source, line=item.line, path=path, message=item.message
            )
            return attrs.evolve(base, problems=(problem,))
        try:
            outcome = self._validate(item, base)
            render = self.job.render
            if render is not None and outcome.report is not None:
                # Rendered here, in the worker: the main process only writes the text.
                outcome = attrs.evolve(outcome, rendered=render(outcome))
        except Exception as exc:
            return attrs.evolve(
                base, internal=f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"
            )
        return outcome

    def _validate(self, item: Item, base: Outcome) -> Outcome:
        read = _read_record(item, self.job.limits)
        if isinstance(read, list):
            return attrs.evolve(base, problems=tuple(read))
        record, text = read
        job = self.job
        try:
            report = validate(
                record, law=self.law, accounts=job.accounts, source=item.source, as_of=self.as_of
            )
        except UnknownName as exc:
            if exc.kind != "account":
                raise
            known = ", ".join(a.name for a in record.accounts) or "none"
            message = f"record {record.id!r} has no account {exc.name!r} (its accounts: {known})"
            problem = InputProblem(
                source=item.source, line=item.line, path="$.accounts", message=message
            )
            return attrs.evolve(base, problems=(problem,))
        event_lines: tuple[int | None, ...] = ()
        shown = {i for f in report.findings for i in f.event_indices}
        if item.kind == "doc" and job.event_lines and shown:
            # Only the lines a renderer will print: the events behind findings.
            lines = locate(text, (event_path(i) for i in shown))
            event_lines = tuple(
                lines.get(event_path(i)) if i in shown else None for i in range(len(record.events))
            )
        context = RecordContext(
            title=record.title or record.person.name,
            line=item.line,
            event_types=tuple(ev.type for ev in record.events),
            event_lines=event_lines,
        )
        statuses: tuple[DeadlineStatus, ...] = ()
        if self.as_of is not None:
            statuses = tuple(
                deadlines(record, as_of=self.as_of, law=self.law, accounts=job.accounts)
            )
        return attrs.evolve(
            base, report=report, context=context, as_of=job.as_of, deadlines=statuses
        )


# -- the law, sent to worker processes ---------------------------------------------------


@attrs.frozen
class _PortableLaw:
    """A law as worker processes can receive it.

    Rule checks are often closures, which pickle cannot send: the library's
    own rulebooks travel by name and are looked up again in the worker; a
    rulebook of the user's travels as itself, so it must pickle.
    """

    rulebooks: tuple[str | Rulebook, ...]
    readings: tuple[tuple[str, str], ...]
    verified_only: bool
    chart: object | None  # None: the default chart
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @classmethod
    def of(cls, law: Law, *, check: bool) -> _PortableLaw:
        known = _library_rulebooks()
        books: list[str | Rulebook] = []
        for book in law.rulebooks:
            if known.get(book.name) is book:
                books.append(book.name)
                continue
            if check:
                import pickle  # noqa: PLC0415 - only with worker processes

                try:
                    pickle.dumps(book)
                except Exception as exc:
                    raise ValueError(
                        f"rulebook {book.name!r} cannot be sent to worker processes ({exc}); "
                        "define its checks at module level, or validate with jobs=1"
                    ) from None
            books.append(book)
        return cls(
            rulebooks=tuple(books),
            readings=tuple(law.readings.items()),
            verified_only=law.verified_only,
            chart=None if law.chart is CHART else law.chart,
            select=law.select,
            ignore=law.ignore,
        )

    def rebuild(self) -> Law:
        known = _library_rulebooks()
        books = tuple(known[b] if isinstance(b, str) else b for b in self.rulebooks)
        chart = CHART if self.chart is None else self.chart
        return Law(
            rulebooks=books,
            readings=dict(self.readings),
            verified_only=self.verified_only,
            chart=chart,  # type: ignore[arg-type]
            select=self.select,
            ignore=self.ignore,
        )


def _library_rulebooks() -> dict[str, Rulebook]:
    return {
        value.name: value for value in vars(_law_module).values() if isinstance(value, Rulebook)
    }


#: The validator of a worker process, built once by its initializer.
_WORKER: dict[str, _Validator] = {}


def _init_worker(job: _Job) -> None:
    # Ctrl-C is for the main process, which stops the workers in order.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["validator"] = _Validator(job)


def _run_in_worker(batch: list[Item]) -> list[Outcome]:
    return _WORKER["validator"].run(batch)


def _ordered(batches: Iterable[list[Item]], job: _Job, jobs: int) -> Iterator[list[Outcome]]:
    """Each batch's outcomes, in input order; at most a few batches in flight."""
    if jobs <= 1:
        local = _Validator(job)
        for batch in batches:
            yield local.run(batch)
        return
    import concurrent.futures  # noqa: PLC0415 - only with worker processes

    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, mp_context=_context(), initializer=_init_worker, initargs=(job,)
    )
    try:
        pending: collections.deque[concurrent.futures.Future[list[Outcome]]]
        pending = collections.deque()
        for batch in batches:
            # A submit may start a worker: Ctrl-C in the middle would leave one the pool
            # does not know of, still starting when the pool's semaphores go.
            with _interrupt_deferred():
                pending.append(pool.submit(_run_in_worker, batch))
            # Keep memory flat: never read far ahead of what has been written.
            while len(pending) >= 3 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        # Stopped early (Ctrl-C, an error, the caller closing us): drop the batches not
        # begun and wait for every worker, even one still starting, to exit before the
        # pool's semaphores go (a worker unpickling a removed one prints a traceback).
        pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def _interrupt_deferred() -> Iterator[None]:
    """Hold Ctrl-C until the block is done, then deliver it as it would have been."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        signal.raise_signal(signal.SIGINT)


def _context() -> BaseContext:
    """The start method for workers: a fork server where there is one.

    The fork server is started with Ctrl-C ignored, so that it and every worker it
    forks are born ignoring it (a disposition a new process inherits, and which
    Python keeps): Ctrl-C at the terminal reaches the whole process group, and a
    worker hit while it starts, before its initializer runs, would break the pool.
    The main process alone stops the run, in order.
    """
    # Imported here: a run in one process (and the command's start) does without them.
    import multiprocessing  # noqa: PLC0415
    import multiprocessing.forkserver  # noqa: PLC0415
    import multiprocessing.resource_tracker  # noqa: PLC0415

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    if threading.current_thread() is threading.main_thread():
        # Blocked first, so that a Ctrl-C meanwhile waits (a blocked signal is kept even
        # while ignored) and is delivered once the previous handler is back.
        # The resource tracker first: starting it unblocks Ctrl-C, which would then be
        # lost while ignored (it keeps itself safe from Ctrl-C).
        multiprocessing.resource_tracker.ensure_running()
        interrupt = {signal.SIGINT}
        signal.pthread_sigmask(signal.SIG_BLOCK, interrupt)
        pending = signal.SIGINT in signal.sigpending()  # setting SIG_IGN would drop it
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            multiprocessing.forkserver.ensure_running()
        finally:
            signal.signal(signal.SIGINT, previous)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, interrupt)
        if pending:
            signal.raise_signal(signal.SIGINT)
    return multiprocessing.get_context("forkserver")


def validate_corpus(
    paths: Iterable[str | os.PathLike[str] | Input] | str | os.PathLike[str],
    *,
    law: Law = DEFAULT_LAW,
    accounts: Sequence[str] | None = None,
    as_of: str | UncertainDate | None = None,
    jobs: int = 1,
    event_lines: bool = True,
    render: Callable[[Outcome], str] | None = None,
    stdin: IO[bytes] | None = None,
    limits: Limits | None = None,
) -> Iterator[Outcome]:
    """Validate every record of every input, in input order.

    Args:
        paths: Files (``.json``: one record; ``.jsonl``: one per line; other
            names are sniffed), directories (their ``*.json`` and ``*.jsonl``
            files), ``-`` for standard input, or :class:`Input` values from
            :func:`iter_inputs`; a single path may be given as it is.
        law: The law to validate against.
        accounts: Only these accounts of records that have them; a record
            without one of them is an input problem.
        as_of: Validate each record as it stood on this date (later events
            do not count; see :func:`proceedings.validate`), and compute its
            time limits on it.
        jobs: Worker processes; ``0`` for one per CPU, ``1`` to work in this
            process. With more than one, the law's own rulebooks must pickle
            (the library's do, by name), and a script must start the run
            under ``if __name__ == "__main__":``, as for any
            :mod:`multiprocessing` program.
        event_lines: Find each event's line in a JSON document (it costs a
            second scan of the text; a JSON Lines record is on its line).
        render: A function applied to each validated outcome where it was
            validated (in the worker), its text put in
            :attr:`Outcome.rendered`; with ``jobs``, it must pickle. The
            formats of :mod:`proceedings.render` have one.
        stdin: The stream ``-`` reads (standard input by default).
        limits: What one input may hold (:class:`Limits`' defaults if
            ``None``); an input beyond a limit is an input problem, not read
            further.

    Yields:
        One outcome per record, or per input that could not be read, in the
        order of the inputs and of the records in them. A record whose id an
        earlier record of the run has is validated, and its outcome has a
        problem that says so.

    Raises:
        InvalidDate: ``as_of`` is not a date.
        ValueError: ``jobs`` is negative, or a rulebook cannot be sent to
            worker processes.
    """
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one per CPU) or more, not {jobs}")
    workers = jobs or os.cpu_count() or 1
    job = _make_job(
        law=law,
        accounts=accounts,
        as_of=as_of,
        event_lines=event_lines,
        render=render,
        limits=limits,
        elsewhere=workers > 1,
    )
    return _run(_as_paths(paths), job, workers, sys.stdin.buffer if stdin is None else stdin)


def _as_paths(
    paths: Iterable[str | os.PathLike[str] | Input] | str | os.PathLike[str],
) -> Iterable[str | os.PathLike[str] | Input]:
    """The inputs of a run: one path given as it is stands for itself, not its characters."""
    return [paths] if isinstance(paths, str | os.PathLike) else paths


def _make_job(
    *,
    law: Law,
    accounts: Sequence[str] | None,
    as_of: str | UncertainDate | None,
    event_lines: bool,
    render: Callable[[Outcome], str] | None,
    limits: Limits | None,
    elsewhere: bool,
) -> _Job:
    """What every worker needs to validate records as :func:`validate_corpus` asks
    (also for :mod:`proceedings.dask`); ``elsewhere``: it runs in other processes, so
    the law's own rulebooks must pickle.

    Raises:
        InvalidDate: ``as_of`` is not a date (here, not once per record).
        ValueError: A rulebook cannot be sent to other processes.
    """
    day = as_of.text if isinstance(as_of, UncertainDate) else as_of
    if day is not None:
        UncertainDate.parse(day)
    return _Job(
        law=_PortableLaw.of(law, check=elsewhere),
        accounts=tuple(accounts) if accounts else None,
        as_of=day,
        event_lines=event_lines,
        render=render,
        limits=Limits() if limits is None else limits,
    )


def _run(
    paths: Iterable[str | os.PathLike[str] | Input], job: _Job, workers: int, stdin: IO[bytes]
) -> Iterator[Outcome]:
    inputs = (given for p in paths for given in ([p] if isinstance(p, Input) else iter_inputs([p])))
    items = read_items(inputs, stdin, job.limits)
    first: dict[str, str] = {}
    for outcomes in _ordered(_batches(items), job, workers):
        yield from _unique_ids(outcomes, first)


def _unique_ids(outcomes: Iterable[Outcome], first: dict[str, str]) -> Iterator[Outcome]:
    """The outcomes, a problem added to each whose record id an earlier record had.

    ``first`` holds where each id was first seen: a report is known by its id.
    """
    for outcome in outcomes:
        if outcome.report is None:
            yield outcome
            continue
        where = outcome.where
        seen = first.get(outcome.report.record_id)
        if seen is None:
            first[outcome.report.record_id] = where
            yield outcome
            continue
        message = (
            f"record id {outcome.report.record_id!r} is also the id of the record in {seen}; "
            "each record of a run needs its own id"
        )
        problem = InputProblem(
            source=outcome.source, line=outcome.line, path="$.id", message=message
        )
        yield attrs.evolve(outcome, problems=(*outcome.problems, problem))
