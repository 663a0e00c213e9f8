"""Corpus validation on Dask, for corpora that outgrow one machine.

:func:`validate_bag` is :func:`proceedings.corpus.validate_corpus` as a
:class:`dask.bag.Bag`: each partition is a whole input, or a block of lines
of a large JSON Lines file, read and validated on a Dask worker by the same
code that runs in the command line's worker processes. The outcomes are the
same, with one difference: a record id given twice is flagged only when both
records fall in the same partition (the command line compares the whole run).
:func:`findings_bag` and :func:`findings_frame` turn the outcomes into rows
of the findings table (:data:`proceedings.render.FINDING_COLUMNS`), and a
frame writes Parquet with :meth:`dask.dataframe.DataFrame.to_parquet`::

    from dask.distributed import Client
    from proceedings.dask import findings_frame, validate_bag

    client = Client("scheduler-address:8786")
    outcomes = validate_bag(["corpus/part-*.jsonl"])
    findings_frame(outcomes).to_parquet("findings/")

The optional extra ``proceedings-law[dask]`` installs Dask with its
distributed scheduler and dataframes. Every worker must see the files at the
paths given (a shared file system); the law's own rulebooks must pickle, as
for ``jobs``.
"""

from __future__ import annotations

import datetime
import glob
import itertools
import os
from collections.abc import Callable, Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

import attrs

from ._dates import UncertainDate
from ._limits import Limits
from ._reading import Input, _lines, iter_inputs, read_items
from ._rows import FINDING_COLUMNS
from ._rules import Law
from .corpus import Outcome, _as_paths, _Job, _make_job, _unique_ids, _Validator
from .law import DEFAULT_LAW
from .render._tables import finding_rows

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe

__all__ = ["BLOCKSIZE", "findings_bag", "findings_frame", "validate_bag"]

#: The bytes of a JSON Lines file that one partition reads, at most about (64 MiB):
#: a larger file is cut into blocks at line breaks.
BLOCKSIZE = 64 << 20


@attrs.frozen
class _Part:
    """One partition: a whole input, or the lines of a JSON Lines file in ``[start, end)``."""

    input: Input
    start: int = 0
    end: int | None = None  # None: the whole input
    first_line: int = 1
    breaks: int = 0  # the line breaks in the block


class _Block:
    """The bytes of a file from its position up to ``end``, read as ``_lines`` reads a file."""

    def __init__(self, fh: IO[bytes], end: int) -> None:
        self._fh, self._end = fh, end

    def readline(self, size: int = -1) -> bytes:
        left = self._end - self._fh.tell()
        if left <= 0:
            return b""
        return self._fh.readline(left if size < 0 else min(size, left))


def _inputs(
    paths: Iterable[str | os.PathLike[str] | Input] | str | os.PathLike[str],
) -> list[Input]:
    found: list[Input] = []
    for p in _as_paths(paths):
        if isinstance(p, Input):
            found.append(p)
            continue
        name = os.fspath(p)
        if name == "-":
            raise ValueError("standard input cannot be read by Dask workers: give files")
        # A pattern names many files, as dask.bag.read_text takes them.
        matches = sorted(glob.glob(name)) if glob.has_magic(name) else [name]
        found.extend(iter_inputs(matches or [name]))
    return found


def _cuts(source: Input, blocksize: int) -> list[int]:
    """Where the blocks of a JSON Lines file start: 0, then each after a line break."""
    assert source.path is not None
    size = source.size
    cuts = [0]
    with source.path.open("rb") as fh:
        while cuts[-1] + blocksize < size:
            fh.seek(cuts[-1] + blocksize)
            while (chunk := fh.readline(1 << 20)) and not chunk.endswith(b"\n"):
                pass  # a line longer than a block is read past, never held
            if fh.tell() >= size:
                break
            cuts.append(fh.tell())
    return cuts


def _line_breaks(path: str, start: int, end: int) -> int:
    with open(path, "rb") as fh:
        fh.seek(start)
        count = 0
        while start < end:
            chunk = fh.read(min(1 << 20, end - start))
            if not chunk:
                break
            count += chunk.count(b"\n")
            start += len(chunk)
    return count


def _parts(inputs: Sequence[Input], blocksize: int) -> list[_Part]:
    """The partitions, in input order, each block numbered from its first line.

    Counting the line breaks before each block is a first pass over the
    files, itself run on the workers.
    """
    import dask  # noqa: PLC0415 - the optional extra

    blocks: list[tuple[int, int, int]] = []  # (input, start, end)
    whole: dict[int, _Part] = {}
    for i, source in enumerate(inputs):
        if source.error is None and source.mode == "jsonl" and source.size > blocksize:
            cuts = [*_cuts(source, blocksize), source.size]
            blocks.extend((i, a, b) for a, b in itertools.pairwise(cuts))
        else:
            whole[i] = _Part(source)
    counts = dask.compute(
        *[dask.delayed(_line_breaks)(str(inputs[i].path), a, b) for i, a, b in blocks]
    )
    split: dict[int, list[_Part]] = {}
    for (i, a, b), breaks in zip(blocks, counts, strict=True):
        done = split.setdefault(i, [])
        first = done[-1].first_line + done[-1].breaks if done else 1
        done.append(_Part(inputs[i], a, b, first, breaks))
    return [part for i in range(len(inputs)) for part in ([whole[i]] if i in whole else split[i])]


def _validate_part(part: _Part, job: _Job) -> list[Outcome]:
    """The outcomes of one partition, as a worker process of the command line makes them."""
    if part.end is None:
        items = list(read_items([part.input], _NO_STDIN, job.limits))
    else:
        assert part.input.path is not None
        with part.input.path.open("rb") as fh:
            fh.seek(part.start)
            block = _Block(fh, part.end)
            items = list(
                _lines((), part.input.source, block, job.limits, first=part.first_line, part=True)  # type: ignore[arg-type]
            )
    return list(_unique_ids(_Validator(job).run(items), {}))


class _NoStdin:
    def read(self, size: int = -1) -> bytes:  # pragma: no cover - inputs are files
        raise ValueError("standard input cannot be read by Dask workers")


_NO_STDIN: Any = _NoStdin()


def validate_bag(
    paths: Iterable[str | os.PathLike[str] | Input] | str | os.PathLike[str],
    *,
    law: Law = DEFAULT_LAW,
    accounts: Sequence[str] | None = None,
    as_of: str | UncertainDate | None = None,
    event_lines: bool = True,
    render: Callable[[Outcome], str] | None = None,
    limits: Limits | None = None,
    blocksize: int = BLOCKSIZE,
) -> dask.bag.Bag:
    """Validate every record of every input on Dask: a bag of outcomes, in input order.

    Takes the arguments of :func:`proceedings.corpus.validate_corpus` (but
    ``jobs``: the Dask scheduler decides where each partition runs), and:

    Args:
        paths: Files, directories or glob patterns (``corpus/*.jsonl``) that
            every worker can read; not standard input.
        blocksize: The bytes of a JSON Lines file (``.jsonl``) one partition
            reads at most, about; a smaller file, or any other, is one
            partition.

    Returns:
        A :class:`dask.bag.Bag` of :class:`~proceedings.corpus.Outcome`, one
        per record or per input that could not be read, in the order of the
        inputs and of the records in them; nothing is validated until it is
        computed. Building it counts the lines of the large files (on the
        workers), so that each outcome has its line.

    Raises:
        ImportError: Dask is not installed (``pip install 'proceedings-law[dask]'``).
        InvalidDate: ``as_of`` is not a date.
        ValueError: ``blocksize`` is not positive, ``-`` is among the paths,
            or a rulebook cannot be sent to the workers.
    """
    import dask.bag as db  # noqa: PLC0415 - the optional extra

    if blocksize <= 0:
        raise ValueError(f"blocksize must be a positive number of bytes, not {blocksize}")
    job = _make_job(
        law=law,
        accounts=accounts,
        as_of=as_of,
        event_lines=event_lines,
        render=render,
        limits=limits,
        elsewhere=True,
    )
    parts = _parts(_inputs(paths), blocksize)
    if not parts:
        return db.from_sequence([], npartitions=1)
    return db.from_sequence(parts, npartitions=len(parts)).map_partitions(_run_parts, job)


def _run_parts(parts: Iterable[_Part], job: _Job) -> list[Outcome]:
    # A list, not a generator: a partition's result travels between processes.
    return [outcome for part in parts for outcome in _validate_part(part, job)]


def findings_bag(outcomes: dask.bag.Bag) -> dask.bag.Bag:
    """The rows of the findings table for a bag of outcomes (see
    :func:`proceedings.render.finding_rows`): one dict per finding or problem."""
    return outcomes.map(finding_rows).flatten()


def findings_frame(outcomes: dask.bag.Bag) -> dask.dataframe.DataFrame:
    """The findings table of a bag of outcomes as a Dask dataframe, a column per
    :data:`~proceedings.render.FINDING_COLUMNS` entry (whole numbers, flags and
    text as pandas' nullable types, dates as Arrow dates), ready for ``to_parquet``."""
    import pandas as pd  # noqa: PLC0415 - installed with dask's dataframes
    import pyarrow as pa  # noqa: PLC0415 - as are Arrow's types

    dtypes = {
        int: "Int64",
        bool: "boolean",
        str: "string",
        datetime.date: pd.ArrowDtype(pa.date32()),
    }
    meta = pd.DataFrame(
        {name: pd.Series(dtype=dtypes[kind]) for name, kind in FINDING_COLUMNS.items()}
    )
    return findings_bag(outcomes).to_dataframe(meta=meta)
