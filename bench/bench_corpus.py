"""Benchmark: decode and validate a JSON Lines corpus, streamed.

Builds a corpus of N records by re-identifying the bundled example cases
(each copy gets a new record id), then measures, separately:

- decoding alone (``load_jsonl``): records per second;
- decoding and validating (``load_jsonl`` + ``validate``): records per second;
- peak traced memory while streaming the whole corpus (it must stay flat: the
  peak for N records should be about the peak for N/10).

Run: ``python bench/bench_corpus.py --records 20000``. Prints one JSON object.
Targets (2-core CI machine): decoding >= 2,000 records/s, decoding and
validating >= 1,000 records/s, streaming peak memory < 50 MiB regardless of N.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import proceedings

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "cases"


def corpus_lines(n: int) -> Iterator[str]:
    """``n`` JSON Lines records cycling through the examples with fresh ids."""
    bases = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.json"))]
    if not bases:
        raise SystemExit(f"no example records in {EXAMPLES}")
    for i in range(n):
        record = dict(bases[i % len(bases)])
        record["id"] = f"{record['id']}-{i}"
        yield json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def _stream(path: Path, *, check: bool) -> tuple[int, int, int]:
    records = events = findings = 0
    with path.open("rb") as fh:
        for item in proceedings.load_jsonl(fh):
            if isinstance(item, proceedings.RecordError):
                raise SystemExit(f"bad record in corpus: {item}")
            records += 1
            events += len(item.events)
            if check:
                findings += len(proceedings.validate(item).findings)
    return records, events, findings


def measure(n: int) -> dict[str, float | int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            fh.writelines(corpus_lines(n))
        t0 = time.perf_counter()
        records, events, _ = _stream(path, check=False)
        decode = time.perf_counter() - t0
        t0 = time.perf_counter()
        _, _, findings = _stream(path, check=True)
        full = time.perf_counter() - t0
        tracemalloc.start()
        _stream(path, check=True)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return {
        "records": records,
        "events": events,
        "findings": findings,
        "decode_records_per_s": round(records / decode),
        "validate_records_per_s": round(records / full),
        "peak_mib_streaming": round(peak / 2**20, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    args = parser.parse_args(argv)
    small = measure(max(1, args.records // 10))
    large = measure(args.records)
    result = {
        "python": sys.version.split()[0],
        "small": small,
        "large": large,
        "memory_flat": large["peak_mib_streaming"] <= 2 * small["peak_mib_streaming"] + 1,
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
