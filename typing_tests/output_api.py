"""Type-checked, never run: the codec, corpus and render API as a user's code sees it."""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from typing import IO, Any

import proceedings
from proceedings import CaseRecord, RecordError, Report
from proceedings.codec import json_lines, line_of, make_converter, parse_json, structure
from proceedings.corpus import (
    Input,
    InputProblem,
    Limits,
    Outcome,
    Summary,
    iter_inputs,
    read_record,
    validate_corpus,
)
from proceedings.law import DEFAULT_LAW, Law
from proceedings.render import (
    BINARY_FORMATS,
    FINDING_COLUMNS,
    FORMATS,
    SARIF_INFORMATION_URI,
    SEPARATOR,
    SUMMARY_COLUMNS,
    TABLES,
    ConciseFormat,
    CsvFormat,
    Format,
    FormatUnavailable,
    ParquetFormat,
    Timeline,
    concise_line,
    corpus_rows,
    csv_cell,
    parquet_available,
    printable,
    report_to_dict,
    timeline,
    timeline_to_mermaid,
    write_outcomes,
    write_parquet,
    write_reports,
)


def read(path: str) -> CaseRecord:
    with open(path, "rb") as fp:
        return proceedings.load(fp)


def stream(fp: IO[str]) -> list[CaseRecord]:
    found: list[CaseRecord] = []
    for item in proceedings.load_jsonl(fp):
        if isinstance(item, RecordError):
            continue
        found.append(item)
    proceedings.dump_jsonl(found, io.StringIO())
    return found


def round_trip(report: Report) -> Report:
    again: Report = structure(report_to_dict(report), Report)
    return again


def locate(text: str) -> int | None:
    data: object = parse_json(text)
    converter = make_converter()
    converter.structure(data, CaseRecord)
    return line_of("$.events[0].date", json_lines(text))


def corpus(paths: list[str], law: Law = DEFAULT_LAW) -> tuple[int, list[InputProblem]]:
    inputs: list[Input] = list(iter_inputs(paths))
    outcomes: Iterator[Outcome] = validate_corpus(inputs, law=law, jobs=2, as_of="2023-01-10")
    problems: list[InputProblem] = []
    violations = 0
    for outcome in outcomes:
        problems += outcome.problems
        if outcome.report is not None:
            violations += len(outcome.report.violations)
    return violations, problems


def write(paths: list[str], out: IO[str]) -> Summary:
    fmt: Format = FORMATS["sarif"](law=DEFAULT_LAW)
    summary: Summary = write_outcomes(validate_corpus(paths, render=fmt.render), fmt, out)
    return summary


def write_some(reports: list[Report], out: IO[str]) -> int:
    return write_reports(reports, "json", out).records


def draw(record: CaseRecord) -> str:
    model: Timeline = timeline(record, account=None)
    return timeline_to_mermaid(model, tracks=["asylum"])


def guarded(paths: list[str], data: bytes) -> tuple[bool, str]:
    limits = Limits(document_bytes=1 << 20, depth=32, items=500)
    outcomes: Iterator[Outcome] = validate_corpus(paths, limits=limits)
    complete = all(o.ok for o in outcomes)
    read: CaseRecord | list[InputProblem] = read_record(data, source="x.json", limits=limits)
    shown = printable(str(read[0]) if isinstance(read, list) else read.id, newlines=False)
    return complete and limits.describe("depth") == "32 levels", shown


def selected(report: Report, outcome: Outcome) -> list[str]:
    law = Law(rulebooks=DEFAULT_LAW.rulebooks, select=["KZ", "REC"], ignore=("KZ-CPC-587",))
    chosen: tuple[str, ...] = law.select + law.ignore
    fmt: Format = ConciseFormat(law=law)
    return [*chosen, fmt.name, *(concise_line(f, outcome) for f in report.findings)]


def tables(paths: list[str], report: Report, where: str) -> tuple[int, str]:
    rows: Iterator[dict[str, Any]] = corpus_rows(paths, table="summary", law=DEFAULT_LAW)
    plain: list[dict[str, Any]] = report.to_rows()
    columns: Mapping[str, type] = TABLES["findings"]
    same = list(columns) == list(FINDING_COLUMNS) and bool(SUMMARY_COLUMNS)
    binary: Format = BINARY_FORMATS["parquet"]()
    csv_format: Format = CsvFormat()
    written = write_parquet(rows, where, table="summary") if parquet_available() else 0
    try:
        ParquetFormat()
    except FormatUnavailable as exc:
        return written, str(exc) if same else ""
    cells = [csv_cell(v) for v in plain[0].values()] + [SEPARATOR, binary.name, csv_format.name]
    return written, "".join(cells) + SARIF_INFORMATION_URI
