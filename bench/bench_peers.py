"""Benchmark: the library side by side with its peers, on the same lines, in one run.

Every path reads the same generated JSON Lines corpus (the bundled example
records cycled, each copy with a fresh id, as in ``bench_corpus.py``). The
corpus is cut into chunks and every path runs on each chunk before the next
chunk starts, in an order that rotates from chunk to chunk, so that a burst
of noise on this shared machine hits all paths alike. Each path is reported
as time per record and as a multiple of ``orjson.loads`` on the same lines.

Paths:

* ``orjson.loads`` (the floor: parsing and nothing else) and ``json.loads``;
* the library's decode alone (``proceedings.load_jsonl``), its
  ``proceedings.validate`` alone on records already decoded, and both (the
  main job: what ``proceedings validate`` does per record);
* a msgspec ``Struct`` model and a pydantic v2 model of the same format,
  decoded strictly (``msgspec.json.decode(line, type=Record, strict=True)``,
  ``Record.model_validate_json(line, strict=True)``);
* jsonschema-rs validating the ``orjson``-parsed document against the
  library's own JSON Schema (:func:`proceedings.schema.json_schema`), with and
  without the parse.

The msgspec and pydantic models are generated from the attrs model when the
benchmark starts (see ``peer_models.py``), and every peer must accept every
example record before anything is timed, or the benchmark stops.

Where the peers are looser than the library, so that they do less work per
record: the generated models check JSON types, required and unknown keys and
vocabularies only, not identifiers, country and language codes, non-empty
texts, positive numbers, date syntax or calendar, the checks across fields,
nor any reference between ids (unique ids, events that name an earlier event
of the right type and account, listed sources, declared accounts), nor
repeated keys and ``NaN`` in the text. The JSON Schema checks identifiers,
codes and the form of dates, but no reference and no calendar (see
``proceedings.schema``). None of the peers applies the law: only
``proceedings.validate`` does, which is why "decode + validate" is compared
with peers that only decode.

Then, for the library alone: the cost per event of one record of 1 to 10,000
events (100,000 with ``--full``), decode and validate separately, for event
kinds that do not interact by construction; the peak RSS of
``proceedings validate -f jsonl`` streaming a small and a large corpus (the
child's own ``ru_maxrss``, from ``os.wait4`` in a small launcher, since a child
spawned from this process would start at this process's peak); its wall time with ``--jobs 1``
and ``--jobs 2``; and its start-up (``--help``, one example file) less that of
``python -c pass``, best of 5.

Run: ``python bench/bench_peers.py`` (20,000 records), ``--quick`` for CI
(under 90 s on a 2-core machine), ``--json`` for one JSON object. Nothing here
asserts a time: the numbers are for reading.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench_corpus import EXAMPLES, corpus_lines
from peer_models import msgspec_record, pydantic_record

import proceedings
from proceedings import _dates, _fastdecode
from proceedings.schema import json_schema

try:
    import orjson
except ImportError:  # pragma: no cover - the floor of every multiple
    raise SystemExit("bench_peers needs orjson: pip install -e '.[bench]'") from None

Lines = list[bytes]


# -- the paths -----------------------------------------------------------------------


class Contender:
    """One way of reading a chunk of lines, timed chunk by chunk.

    ``run`` takes the chunk's lines, or what ``needs`` names (the library's
    records, or the orjson documents), made untimed for the chunk by the
    race's maker of that name.
    """

    def __init__(
        self,
        key: str,
        label: str,
        run: Callable[[Any], int] | None,
        *,
        needs: str | None = None,
        missing: str | None = None,
    ) -> None:
        self.key, self.label, self.run = key, label, run
        self.needs, self.missing = needs, missing
        self.seconds = 0.0
        self.records = 0
        self.checked = 0  # findings, or records a peer accepted: a sanity count


def _records(lines: Lines) -> list[proceedings.CaseRecord]:
    out = []
    for item in proceedings.load_jsonl(lines):
        if isinstance(item, proceedings.RecordError):
            raise SystemExit(f"bad record in corpus: {item}")
        out.append(item)
    return out


def _peer(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def build_race() -> Race:
    """Every path, the peers that are not installed marked so (and not run)."""
    made: dict[str, Any] = {}

    # Every timed path drops what it makes as it goes, as a streaming
    # validator does: keeping a chunk's results alive would time the
    # collector's passes over them, and replacing an earlier chunk's list
    # would time its freeing. What a path needs (parsed documents, decoded
    # records) is made apart, before the clock starts.
    def orjson_loads(lines: Lines) -> int:
        for line in lines:
            orjson.loads(line)
        return 0

    def make_docs(lines: Lines) -> None:
        made["docs"] = [orjson.loads(line) for line in lines]

    def json_loads(lines: Lines) -> int:
        for line in lines:
            json.loads(line)
        return 0

    def decode(lines: Lines) -> int:
        for item in proceedings.load_jsonl(lines):
            if isinstance(item, proceedings.RecordError):
                raise SystemExit(f"bad record in corpus: {item}")
        return 0

    def make_records(lines: Lines) -> None:
        made["records"] = _records(lines)

    def validate(records: list[proceedings.CaseRecord]) -> int:
        return sum(len(proceedings.validate(r).findings) for r in records)

    def decode_validate(lines: Lines) -> int:
        findings = 0
        for item in proceedings.load_jsonl(lines):
            if isinstance(item, proceedings.RecordError):
                raise SystemExit(f"bad record in corpus: {item}")
            findings += len(proceedings.validate(item).findings)
        return findings

    paths = [
        Contender("orjson", "orjson.loads (floor)", orjson_loads),
        Contender("json", "json.loads", json_loads),
        Contender("decode", "proceedings decode (load_jsonl)", decode),
        Contender("validate", "proceedings.validate, decoded records", validate, needs="records"),
        Contender("decode_validate", "proceedings decode + validate", decode_validate),
    ]

    msgspec = _peer("msgspec")
    if msgspec is None:
        paths.append(Contender("msgspec", "msgspec Struct, strict", None, missing="not installed"))
    else:
        record_struct = msgspec_record()

        def msgspec_decode(lines: Lines) -> int:
            for line in lines:
                msgspec.json.decode(line, type=record_struct, strict=True)
            return len(lines)

        paths.append(Contender("msgspec", "msgspec Struct, strict", msgspec_decode))

    if _peer("pydantic") is None:
        paths.append(
            Contender("pydantic", "pydantic v2 model, strict", None, missing="not installed")
        )
    else:
        record_model = pydantic_record()

        def pydantic_decode(lines: Lines) -> int:
            for line in lines:
                record_model.model_validate_json(line, strict=True)
            return len(lines)

        paths.append(Contender("pydantic", "pydantic v2 model, strict", pydantic_decode))

    jsonschema_rs = _peer("jsonschema_rs")
    keys = ("jsonschema_rs", "jsonschema_rs_parsed")
    labels = ("jsonschema-rs, orjson.loads + is_valid", "jsonschema-rs is_valid, parsed")
    if jsonschema_rs is None:
        paths += [
            Contender(k, lb, None, missing="not installed")
            for k, lb in zip(keys, labels, strict=True)
        ]
    else:
        validator = jsonschema_rs.validator_for(json_schema())

        def schema_parse_check(lines: Lines) -> int:
            return sum(validator.is_valid(orjson.loads(line)) for line in lines)

        def schema_check(docs: list[Any]) -> int:
            return sum(validator.is_valid(doc) for doc in docs)

        paths.append(Contender(keys[0], labels[0], schema_parse_check))
        paths.append(Contender(keys[1], labels[1], schema_check, needs="docs"))

    return Race(paths, made, {"docs": make_docs, "records": make_records})


class Race:
    """The contenders, and what those that make an input left for the others on a chunk."""

    def __init__(
        self,
        contenders: list[Contender],
        made: dict[str, Any],
        makers: dict[str, Callable[[Lines], None]],
    ) -> None:
        self.contenders = contenders
        self.made = made
        self.makers = makers

    def argument(self, contender: Contender, lines: Lines) -> Any:
        """What ``contender`` runs on: the lines, or the input it needs, made untimed."""
        if contender.needs is None:
            return lines
        if contender.needs not in self.made:
            self.makers[contender.needs](lines)
        return self.made[contender.needs]

    def run_once(self, contender: Contender, lines: Lines) -> int:
        assert contender.run is not None
        self.made.clear()
        return contender.run(self.argument(contender, lines))

    def interleaved(self, lines: Lines, chunk: int) -> None:
        """Time every contender on every chunk, rotating the order from chunk to chunk."""
        live = [c for c in self.contenders if c.run is not None]
        for k, part in enumerate(_chunks(lines, chunk)):
            self.made.clear()
            for c in live[k % len(live) :] + live[: k % len(live)]:
                assert c.run is not None
                arg = self.argument(c, part)  # before the clock starts
                t0 = time.perf_counter()
                c.checked += c.run(arg)
                c.seconds += time.perf_counter() - t0
                c.records += len(part)


def _chunks(lines: Lines, size: int) -> Iterator[Lines]:
    for start in range(0, len(lines), size):
        yield lines[start : start + size]


def check_peers_accept_examples(race: Race) -> int:
    """Run every contender on every example record; stop if one refuses any.

    Returns:
        The number of example records.
    """
    files = sorted(EXAMPLES.glob("*.json"))
    lines = [
        json.dumps(json.loads(p.read_bytes()), ensure_ascii=False, separators=(",", ":")).encode()
        for p in files
    ]
    for c in race.contenders:
        if c.run is None:
            continue
        for path, line in zip(files, lines, strict=True):
            try:
                accepted = race.run_once(c, [line])
            except SystemExit:
                raise
            except Exception as exc:
                raise SystemExit(f"{c.label} refuses example record {path.name}: {exc}") from exc
            if c.key.startswith("jsonschema_rs") and accepted != 1:
                raise SystemExit(f"{c.label} refuses example record {path.name}")
    return len(lines)


# -- cost per event ------------------------------------------------------------------


_DAY0 = datetime.date(1900, 1, 1)

#: Event kinds for one long record. None interacts with the others by
#: construction: no event names more than the one just before it, and no
#: rule has a reason to look further back than the last step of a track.
EVENT_KINDS: dict[str, str] = {
    "inert": "document_status events (seized, returned, ...): facts no track follows",
    "crossings": "border_crossing RU->KZ, KZ->RU, ...: presence changes, no references",
    "detention_release": "detention, then a release naming it, ...: one reference each",
    "removals": "entry, expulsion order, removal, ...: rules that look back at every removal",
}


def _event(kind: str, i: int) -> dict[str, Any]:
    common = {
        "id": f"e{i}",
        "date": (_DAY0 + datetime.timedelta(days=i)).isoformat(),
        "sources": [{"source": "s1"}],
    }
    if kind == "inert":
        status = ("seized", "returned")[i % 2]
        return {"type": "document_status", **common, "jurisdiction": "KZ"} | {
            "document": "passport",
            "status": status,
        }
    if kind == "crossings":
        a, b = ("RU", "KZ") if i % 2 == 0 else ("KZ", "RU")
        return {"type": "border_crossing", **common, "jurisdiction": b} | {
            "mode": "regular",
            "from_country": a,
            "to_country": b,
        }
    if kind == "removals":
        step = i % 3
        if step == 0:
            return {"type": "border_crossing", **common, "jurisdiction": "KZ"} | {
                "mode": "regular",
                "from_country": "RU",
                "to_country": "KZ",
            }
        if step == 1:
            return {"type": "expulsion_ordered", **common, "jurisdiction": "KZ"} | {
                "kind": "administrative",
                "destination": "RU",
            }
        return {"type": "removal", **common, "jurisdiction": "KZ"} | {
            "channel": "administrative_expulsion",
            "destination": "RU",
        }
    if i % 2 == 0:
        return {"type": "detention", **common, "jurisdiction": "KZ", "ground": "administrative"}
    return {"type": "release", **common, "jurisdiction": "KZ", "detention": f"e{i - 1}"}


def long_record(kind: str, n: int) -> bytes:
    """One record of ``n`` events of ``kind`` (a key of :data:`EVENT_KINDS`), as JSON."""
    record = {
        "id": f"long-{kind}-{n}",
        "format_version": proceedings.FORMAT_VERSION,
        "person": {"id": "p", "nationalities": ["RU"]},
        "sources": [{"id": "s1", "publisher": "bench", "url": "https://example.org/"}],
        "events": [_event(kind, i) for i in range(n)],
    }
    return json.dumps(record, separators=(",", ":")).encode()


def _clear_date_caches() -> None:
    for value in vars(_dates).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()
    _fastdecode._DATES.clear()  # the decoder's dates, shared by text


def per_event(sizes: list[int]) -> list[dict[str, Any]]:
    """Decode and validate time per event for one record of each size, best of a few."""
    rows = []
    for n in sizes:
        for kind in EVENT_KINDS:
            text = long_record(kind, n)
            reps = max(1, min(100, 3000 // n))
            best_decode = best_validate = float("inf")
            findings = 0
            for _ in range(reps):
                # Every event has a date of its own; without this, the repeats of a
                # record of up to 4,096 events would find every date parsed already.
                _clear_date_caches()
                t0 = time.perf_counter()
                record = proceedings.loads(text)
                t1 = time.perf_counter()
                findings = len(proceedings.validate(record).findings)
                t2 = time.perf_counter()
                best_decode = min(best_decode, t1 - t0)
                best_validate = min(best_validate, t2 - t1)
            rows.append(
                {
                    "kind": kind,
                    "events": n,
                    "decode_us_per_event": round(best_decode / n * 1e6, 1),
                    "validate_us_per_event": round(best_validate / n * 1e6, 1),
                    "findings": findings,
                    "repeats": reps,
                }
            )
    return rows


# -- the command line in a child -----------------------------------------------------


def _cli() -> list[str]:
    script = Path(sys.executable).with_name("proceedings")
    return [str(script)] if script.exists() else [sys.executable, "-m", "proceedings"]


# The child is started by a small launcher, which reports its wall time, peak RSS
# and status. On Linux a child's ru_maxrss starts at the RSS of the process
# that spawned it (the high-water mark of the memory it replaced at exec):
# spawned from this process, which holds the corpus, every child would seem to
# take hundreds of megabytes. The launcher's own few megabytes are the floor.
_LAUNCHER = """
import json, os, subprocess, sys, time
t0 = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
err = proc.stderr.read()
_, status, usage = os.wait4(proc.pid, 0)
wall = time.perf_counter() - t0
proc.returncode = os.waitstatus_to_exitcode(status)
proc.stderr.close()
sys.stderr.buffer.write(err[-2000:])
print(json.dumps([wall, usage.ru_maxrss, proc.returncode]))
"""


def _child(argv: list[str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, int]:
    """Run ``argv`` with output discarded: (wall seconds, peak RSS in KiB of that child).

    The peak is the child's own (``os.wait4``), not the largest of all children.
    """
    done = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *argv], capture_output=True, text=True, check=True
    )
    wall, kib, status = json.loads(done.stdout)
    if status not in ok:
        raise SystemExit(f"{' '.join(argv)} exited {status}: {done.stderr}")
    return wall, kib


def _write_corpus(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.writelines(corpus_lines(n))


def rss(counts: list[int], tmp: Path) -> list[dict[str, Any]]:
    rows = []
    for n in counts:
        path = tmp / f"rss-{n}.jsonl"
        _write_corpus(path, n)
        wall, kib = _child([*_cli(), "validate", "-f", "jsonl", str(path)])
        rows.append({"records": n, "peak_rss_mib": round(kib / 1024, 1), "wall_s": round(wall, 2)})
        path.unlink()
    return rows


def jobs(corpus: Path, n: int) -> list[dict[str, Any]]:
    rows = []
    for j in (1, 2):
        wall, _ = _child([*_cli(), "validate", "-f", "jsonl", "--jobs", str(j), str(corpus)])
        rows.append(
            {"jobs": j, "records": n, "wall_s": round(wall, 2), "records_per_s": round(n / wall)}
        )
    return rows


def startup(repeats: int = 5) -> dict[str, Any]:
    """Best wall time of each command, interleaved, and each less ``python -c pass``.

    The package is byte-compiled first, as an installed wheel is: an editable
    install under ``PYTHONDONTWRITEBYTECODE`` would otherwise compile every
    module's source at each start.
    """
    import compileall  # noqa: PLC0415

    compileall.compile_dir(Path(proceedings.__file__).parent, quiet=1)
    example = str(EXAMPLES / "kasimov.json")
    commands = {
        "python -c pass": ([sys.executable, "-c", "pass"], (0,)),
        "proceedings --help": ([*_cli(), "--help"], (0,)),
        "proceedings validate kasimov.json": ([*_cli(), "validate", example], (0, 1)),
    }
    best = dict.fromkeys(commands, float("inf"))
    for _ in range(repeats):
        for name, (argv, ok) in commands.items():
            best[name] = min(best[name], _child(argv, ok)[0])
    base = best["python -c pass"]
    return {
        name: {"best_ms": round(s * 1e3, 1), "over_python_ms": round((s - base) * 1e3, 1)}
        for name, s in best.items()
    }


# -- output --------------------------------------------------------------------------


def path_rows(paths: list[Contender]) -> list[dict[str, Any]]:
    floor = next(p for p in paths if p.key == "orjson")
    floor_us = floor.seconds / floor.records * 1e6
    rows = []
    for p in paths:
        if p.run is None or not p.records:
            rows.append({"key": p.key, "label": p.label, "missing": p.missing})
            continue
        us = p.seconds / p.records * 1e6
        rows.append(
            {
                "key": p.key,
                "label": p.label,
                "us_per_record": round(us, 2),
                "records_per_s": round(1e6 / us),
                "x_orjson": round(us / floor_us, 1),
                "checked": p.checked,
            }
        )
    return rows


def print_table(result: dict[str, Any]) -> None:
    c = result["corpus"]
    print(
        f"corpus: {c['records']:,} records ({c['bytes'] / 2**20:.1f} MiB, {c['events']:,} events), "
        f"chunks of {c['chunk']}, Python {result['python']}"
    )
    print()
    print(f"{'path':<42} {'us/record':>10} {'records/s':>11} {'x orjson':>9}")
    for row in result["paths"]:
        if "missing" in row:
            print(f"{row['label']:<42} {row['missing']:>32}")
            continue
        print(
            f"{row['label']:<42} {row['us_per_record']:>10,.1f} "
            f"{row['records_per_s']:>11,} {row['x_orjson']:>9,.1f}"
        )
    print()
    print("cost per event, one record (best of repeats; us per event)")
    print(f"{'kind':<18} {'events':>8} {'decode':>9} {'validate':>9} {'findings':>9}")
    for row in result["per_event"]:
        print(
            f"{row['kind']:<18} {row['events']:>8,} {row['decode_us_per_event']:>9,.1f} "
            f"{row['validate_us_per_event']:>9,.1f} {row['findings']:>9,}"
        )
    for kind, what in EVENT_KINDS.items():
        print(f"  {kind}: {what}")
    print()
    print("proceedings validate -f jsonl, streamed (peak RSS of the child)")
    for row in result["rss"]:
        mib, wall = row["peak_rss_mib"], row["wall_s"]
        print(f"  {row['records']:>7,} records: {mib:>7.1f} MiB  {wall:>7.2f} s")
    print("proceedings validate -f jsonl on the corpus, wall time")
    for row in result["jobs"]:
        wall, rate = row["wall_s"], row["records_per_s"]
        print(f"  --jobs {row['jobs']}: {wall:>7.2f} s  {rate:>8,.0f} records/s")
    print("start-up, best of 5 (and less python -c pass)")
    for name, row in result["startup"].items():
        print(f"  {name:<36} {row['best_ms']:>7.1f} ms  {row['over_python_ms']:>+7.1f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=None, help="corpus size (20,000)")
    parser.add_argument("--chunk", type=int, default=200, help="records per interleaved chunk")
    parser.add_argument("--quick", action="store_true", help="a small run for CI (< 90 s)")
    parser.add_argument("--full", action="store_true", help="also 100,000 events in one record")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args(argv)
    n = args.records or (2_000 if args.quick else 20_000)
    if args.quick:
        sizes, rss_counts = [1, 10, 100, 1_000], [200, 2_000]
    else:
        sizes, rss_counts = [1, 10, 100, 1_000, 10_000], [1_000, 50_000]
        if args.full:
            sizes.append(100_000)

    race = build_race()
    examples = check_peers_accept_examples(race)  # which also warms every path up
    lines = [line.encode() for line in corpus_lines(n)]
    events = sum(len(orjson.loads(line)["events"]) for line in lines)
    race.interleaved(lines, args.chunk)
    rows = path_rows(race.contenders)
    for row in rows:
        accepted = row.get("checked")
        if row["key"].startswith(("msgspec", "pydantic", "jsonschema")) and accepted not in (
            None,
            n,
        ):
            raise SystemExit(f"{row['label']} accepted {accepted} of {n} corpus records")
    result: dict[str, Any] = {
        "python": sys.version.split()[0],
        "corpus": {
            "records": n,
            "events": events,
            "bytes": sum(len(line) for line in lines),
            "chunk": args.chunk,
            "examples_checked": examples,
        },
        "paths": rows,
        "per_event": per_event(sizes),
    }
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_bytes(b"".join(lines))
        del lines
        result["rss"] = rss(rss_counts, Path(tmp))
        result["jobs"] = jobs(corpus, n)
    result["startup"] = startup()
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
