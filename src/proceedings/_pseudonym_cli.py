"""The ``proceedings pseudonymise`` command: files in, pseudonymised (or restored) files out.

The inputs are read as ``validate`` reads them (``_reading``: the same
listing, limits and error boundaries): a bad input or record is an error that
names its file, line and JSON path, and the other records are still done.
Nothing is written over an input. The command is registered by ``cli``.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import attrs
import click

from . import _console as console
from ._codec import unstructure
from ._model import CaseRecord, Person
from ._printable import printable
from ._pseudonym import (
    MAKE_A_KEY,
    Key,
    Mapping,
    PseudonymError,
    marked_names,
    pseudonymise,
    require_encryption,
    restore,
)
from ._reading import Input, Item, iter_inputs, read_items, read_record
from .codec import dumps


@attrs.define
class _Run:
    """What one run has done: whether anything failed, and the mapping it builds."""

    key: Key
    mapping: Mapping
    reverse: bool
    keep_urls: bool
    others: tuple[Person, ...] = ()
    names: tuple[str, ...] = ()
    failed: bool = False

    def problem(self, text: str) -> None:
        self.failed = True
        console.error(printable(text))


def _records(source: Input, run: _Run) -> Iterator[tuple[Item, CaseRecord | None]]:
    """Each record of one input with its item, or ``None`` for a bad one (reported)."""
    for item in read_items([source], sys.stdin.buffer):
        if item.kind in ("error", "internal"):
            where = item.source if item.line is None else f"{item.source}:{item.line}"
            run.problem(f"{where}: {item.message.partition(chr(10))[0]}")
            continue
        read = read_record(item)
        if isinstance(read, list):
            for problem in read:
                run.problem(str(problem))
            yield item, None
            continue
        yield item, read[0]


def _people(inputs: list[Input]) -> tuple[Person, ...]:
    """The persons of every readable record, whose names each record is searched for."""
    people: dict[str, Person] = {}
    for source in inputs:
        if source.error is not None or source.path is None:
            continue
        for item in read_items([source], sys.stdin.buffer):
            read = read_record(item) if item.kind in ("doc", "line") else []
            if not isinstance(read, list):
                people.setdefault(read[0].person.id, read[0].person)
    return tuple(people.values())


def _convert(record: CaseRecord, where: str, run: _Run) -> CaseRecord | None:
    try:
        if run.reverse:
            return restore(record, run.mapping)
        return pseudonymise(
            record,
            run.key,
            mapping=run.mapping,
            others=run.others,
            names=run.names,
            keep_urls=run.keep_urls,
        )[0]
    except PseudonymError as exc:
        run.problem(f"{where}: {exc}")
        return None


def _write_input(source: Input, target: Path, run: _Run, inputs: set[Path]) -> None:
    """Convert the records of one input into ``target`` (created when a record is done)."""
    out: IO[str] | None = None
    try:
        for item, record in _records(source, run):
            if record is None:
                continue
            where = source.source if item.line is None else f"{source.source}:{item.line}"
            done = _convert(record, where, run)
            if done is None:
                continue
            if out is None:
                if target.resolve() in inputs:
                    run.problem(f"{target}: is an input; it is not written over")
                    return
                target.parent.mkdir(parents=True, exist_ok=True)
                out = target.open("w", encoding="utf-8")
            if item.kind == "doc":
                out.write(dumps(done))
            else:
                out.write(json.dumps(unstructure(done), ensure_ascii=False, separators=(",", ":")))
                out.write("\n")
    except OSError as exc:
        run.problem(f"{target}: cannot write: {exc.strerror or exc}")
    finally:
        if out is not None:
            out.close()


def _target(source: Input, output: Path, one_file: bool, run: _Run) -> Path:
    if one_file:
        return output
    name = Path(source.source).name if source.path is not None else "stdin.jsonl"
    suffix = Path(name).suffix or ".jsonl"
    if run.reverse:
        return output / run.mapping.files.get(name, name)
    new = run.key.pseudonym("file", source.source) + suffix
    run.mapping.files[new] = name
    return output / new


def _key(key_file: str | None) -> Key:
    if key_file is None:
        console.error(
            "a key is needed: --key-file FILE (keep it secret: whoever holds it can link the "
            f"pseudonyms to names); make one with:\n  {MAKE_A_KEY}"
        )
        sys.exit(2)
    try:
        key = Key.from_file(key_file)
    except PseudonymError as exc:
        console.error(str(exc))
        sys.exit(2)
    mode = os.stat(key_file).st_mode
    if os.name == "posix" and mode & (stat.S_IRGRP | stat.S_IROTH):
        console.error(
            f"warning: {printable(key_file)} can be read by other users; "
            f"keep it private: chmod 600 {printable(key_file)}"
        )
    return key


def _names(given: tuple[str, ...], files: tuple[str, ...]) -> tuple[str, ...]:
    """The names of --name and of the --names files (one a line; ``#`` starts a comment).

    A file that cannot be read or is not UTF-8, and a name with no letter in
    it, end the run (exit 2) before anything is written, naming the file and
    the line.
    """
    names: list[str] = []
    for name in given:
        _check_name(name, "--name")
        names.append(name)
    for file in files:
        try:
            text = Path(file).read_text(encoding="utf-8-sig")
        except OSError as exc:
            console.error(f"{printable(file)}: cannot read the names: {exc.strerror or exc}")
            sys.exit(2)
        except UnicodeDecodeError as exc:
            line = exc.object[: exc.start].count(b"\n") + 1
            console.error(f"{printable(file)}:{line}: not UTF-8; the names file must be UTF-8 text")
            sys.exit(2)
        for number, line_text in enumerate(text.splitlines(), 1):
            name = line_text.strip()
            if name and not name.startswith("#"):
                _check_name(name, f"{file}:{number}")
                names.append(name)
    return marked_names(names)


def _check_name(name: str, where: str) -> None:
    try:
        marked_names([name])
    except PseudonymError as exc:
        console.error(printable(f"{where}: {exc}"))
        sys.exit(2)


def _mapping(path: Path, key: Key, reverse: bool) -> Mapping:
    if not reverse:
        if path.exists():
            console.error(
                f"{printable(str(path))}: a mapping is there already; it is not written over"
            )
            sys.exit(2)
        try:
            require_encryption()  # before any output is written
        except PseudonymError as exc:
            console.error(str(exc))
            sys.exit(2)
        return Mapping()
    try:
        return Mapping.from_bytes(path.read_bytes(), key)
    except OSError as exc:
        console.error(f"{printable(str(path))}: cannot read: {exc.strerror or exc}")
    except PseudonymError as exc:
        console.error(f"{printable(str(path))}: {exc}")
    sys.exit(2)


def _save(mapping: Mapping, path: Path, key: Key) -> None:
    data = mapping.to_bytes(key)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


@click.command("pseudonymise", short_help="Replace names in records with keyed pseudonyms.")
@click.argument("paths", nargs=-1, required=True, metavar="IN...")
@click.option(
    "-o", "--output", required=True, metavar="OUT", help="A file for one input, else a directory."
)
@click.option("--key-file", metavar="FILE", help="The secret key (64 hex digits); required.")
@click.option(
    "--mapping",
    "mapping_file",
    metavar="FILE",
    help="The encrypted mapping to write (default OUT.mapping), or with --reverse to read.",
)
@click.option("--reverse", is_flag=True, help="Restore the originals with the key and the mapping.")
@click.option("--keep-urls", is_flag=True, help="Keep source URLs (they often name the person).")
@click.option(
    "--name",
    "names",
    metavar="NAME",
    multiple=True,
    help="A further name to replace in the text (a lawyer, a relative); repeatable.",
)
@click.option(
    "--names",
    "names_files",
    metavar="FILE",
    multiple=True,
    help="A UTF-8 file of further names to replace, one a line ('#' starts a comment).",
)
def pseudonymise_command(
    paths: tuple[str, ...],
    output: str,
    key_file: str | None,
    mapping_file: str | None,
    reverse: bool,
    keep_urls: bool,
    names: tuple[str, ...],
    names_files: tuple[str, ...],
) -> None:
    """Replace the names and identifying ids in case records with keyed pseudonyms.

    IN is read as 'validate' reads it (a .json file, a .jsonl file, a
    directory, or - for standard input). The same person gets the same
    pseudonym in every record and every run with the same key; the findings
    of the output are those of the input. The originals go to an encrypted
    mapping (OUT.mapping by default) that only the key can open; --reverse
    with the key and the mapping restores the records exactly.

    It replaces the names the records give in their name fields, and the
    names given with --name and --names (a lawyer, a relative, an official
    named in a quote), with their parts and declined forms; each name given
    gets its own pseudonym (Name-...). Other names, places, dates and rare
    facts in free text stay. The output is pseudonymous, not anonymous.

    Exit status: 0 done, 2 no key, a bad key, a names file that cannot be
    read, or an input or record that could not be done (the others are still
    written).
    """
    key = _key(key_file)
    out = Path(output)
    if reverse and mapping_file is None:
        raise click.UsageError(
            "--reverse needs --mapping FILE (the mapping written with the output)"
        )
    if reverse and (names or names_files):
        raise click.UsageError(
            "--name and --names are for pseudonymising; --reverse restores every name "
            "from the mapping"
        )
    marked = _names(names, names_files)
    mapping_path = Path(mapping_file) if mapping_file else Path(str(out).rstrip("/\\") + ".mapping")
    inputs = list(iter_inputs(paths))
    one_file = len(inputs) == 1 and not out.is_dir() and not any(Path(p).is_dir() for p in paths)
    resolved = {i.path.resolve() for i in inputs if i.path is not None}
    if mapping_path.resolve() in resolved or out.resolve() in resolved:
        console.error(f"{printable(output)}: is an input; inputs are never written over")
        sys.exit(2)
    run = _Run(
        key=key,
        mapping=_mapping(mapping_path, key, reverse),
        reverse=reverse,
        keep_urls=keep_urls,
        names=marked,
    )
    if not reverse:
        run.others = _people(inputs)
    for source in inputs:
        _write_input(source, _target(source, out, one_file, run), run, resolved)
    if not reverse:
        try:
            _save(run.mapping, mapping_path, key)
        except OSError as exc:
            run.problem(f"{mapping_path}: cannot write the mapping: {exc.strerror or exc}")
    sys.exit(2 if run.failed else 0)
