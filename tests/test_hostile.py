"""Hostile input: no input can exhaust memory, abort a run, spoof a terminal or be lost.

A corpus of inputs an attacker (or an unlucky export) would send, by
category. Each case states the exact outcome: the message, the file and
line, the exit status, and that the other inputs of the run are still
validated. The large ones are generated at test time and run the command
line in a child process under a memory cap and a timeout, so that a
regression fails here instead of swapping the machine.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from builders import Measured, run_measured
from proceedings import cli, render
from proceedings.corpus import Input, Limits, Outcome, iter_inputs, read_record, validate_corpus
from proceedings.render import printable

HERE = Path(__file__).parent
REPO = HERE.parent
KASIMOV = REPO / "examples" / "cases" / "kasimov.json"
BASE: dict[str, Any] = json.loads(KASIMOV.read_text("utf-8"))
MiB = 1 << 20

#: The promise of the README: any input of at most 10 MB, under 500 MB.
PEAK = 500 * MiB


def record(**changes: Any) -> dict[str, Any]:
    """The Kasimov record (two violations), changed."""
    return json.loads(json.dumps(BASE)) | changes


def write(path: Path, data: str | bytes | dict[str, Any]) -> Path:
    if isinstance(data, dict):
        data = json.dumps(data, ensure_ascii=False)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    return path


def problems(data: bytes | str, limits: Limits | None = None) -> list[tuple[int | None, str, str]]:
    """``(line, path, message)`` of each problem of one document, or ``[]`` if it is a record."""
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    read = read_record(raw, source="hostile.json", limits=limits)
    if not isinstance(read, list):
        return []
    return [(p.line, p.path or "", p.message) for p in read]


def invoke(*args: str, stdin: bytes = b"") -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, ["validate", *args], input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def run_capped(
    tmp_path: Path,
    *args: str | Path,
    stdin: bytes = b"",
    cap: int = 2 << 30,
    timeout: float = 120,
) -> Measured:
    """``proceedings validate ARGS`` in a child, its address space capped, killed after
    ``timeout``; its peak memory is its own (see :func:`builders.run_measured`)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROCEEDINGS_")}
    env["PYTHONPATH"] = str(REPO / "src")
    return run_measured(
        ["validate", *args], tmp_path, stdin=stdin, cap=cap, timeout=timeout, env=env
    )


DEPTH = (
    "arrays and objects nest deeper than 64 levels (the depth limit); a case record nests far less"
)


# -- deep nesting ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[" * 65,
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000,
        json.dumps(record(notes=json.loads("[" * 70 + '"x"' + "]" * 70))),
    ],
    ids=["65", "100k-balanced", "100k-objects", "inside-a-record"],
)
def test_nesting_past_the_depth_limit_is_one_problem(text: str) -> None:
    (found,) = problems(text)
    assert (1, "$", DEPTH) == found


def test_the_depth_limit_is_the_limit() -> None:
    """64 levels is within the default limit (another problem is found), 65 is not."""
    assert problems("[" * 64 + "]" * 64)[0][2].startswith("expected a case record object")
    assert [(1, "$", DEPTH)] == problems("[" * 65 + "]" * 65)
    deeper = Limits(depth=200)
    assert problems("[" * 150 + "]" * 150, deeper)[0][2].startswith("expected a case record")


def test_nesting_past_the_parser_is_refused_in_its_words() -> None:
    """With a depth limit above what the JSON parser can read, the parser's limit is said."""
    (found,) = problems("[" * 200_000, Limits(depth=1_000_000))
    assert (1, "$", "arrays and objects nest too deeply for the JSON parser") == found


def test_a_repeated_key_deep_down_is_found_without_recursion() -> None:
    """The walk for repeated keys is a loop: 900 levels deep it still finds the key."""
    text = '{"a":' * 900 + '{"k": 1, "k": 2}' + "}" * 900
    found = problems(text, Limits(depth=100_000))
    assert [
        (1, "$" + ".a" * 900 + ".k", "key 'k' appears more than once; only one value can be kept")
    ] == found


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("deep.json", "[" * 2_000_000),
        ("deep.txt", '{"a":' * 2_000_000),
        ("deep.jsonl", "[" * 2_000_000 + "\n"),
    ],
)
def test_megabytes_of_nesting_cost_little_memory(tmp_path: Path, name: str, data: str) -> None:
    bad = write(tmp_path / name, data)
    run = run_capped(tmp_path, bad, KASIMOV)
    assert 2 == run.status
    line = f"error: {bad}:1: $: {DEPTH}\n".encode()
    assert line == run.err
    assert run.out.startswith(b"kasimov  ")  # the other input is validated
    assert run.peak < PEAK


def test_deep_nesting_on_standard_input(tmp_path: Path) -> None:
    run = run_capped(tmp_path, "-", stdin=b"[" * 1_000_000)
    assert (2, f"error: <stdin>:1: $: {DEPTH}\n".encode()) == (run.status, run.err)


# -- huge strings and numbers ------------------------------------------------------------


def test_a_string_past_the_limit_is_refused_with_its_path_and_length() -> None:
    found = problems(json.dumps(record(title="x" * (MiB + 1)), indent=1))
    expected = (
        "a string of 1,048,577 characters, longer than 1,048,576 characters "
        "(the string_chars limit)"
    )
    assert [(found[0][0], "$.title", expected)] == found
    assert found[0][0] is not None
    assert found[0][0] > 1  # the title's own line


def test_a_key_past_the_limit_is_refused() -> None:
    (found,) = problems(json.dumps({"k" * 2000: 1}), Limits(string_chars=1000))
    assert (
        1,
        "$",
        "a string of 2,000 characters, longer than 1,000 characters (the string_chars limit)",
    ) == found


def test_a_long_value_is_not_echoed_whole() -> None:
    """A value of 200,000 characters in an error message is cut to its start and length."""
    events = [dict(BASE["events"][0], date="2" * 200_000)]
    ((_, path, message),) = problems(json.dumps(record(events=events)))
    assert "$.events[0].date" == path
    assert len(message) < 300
    assert "(200,000 characters)" in message


def test_a_huge_integer_is_refused_in_plain_words() -> None:
    (found,) = problems('{"id": 1' + "0" * 5000 + "}")
    assert (
        1,
        "$",
        f"invalid JSON: a number of more than {sys.get_int_max_str_digits()} digits",
    ) == found


def test_an_overflowing_float_is_a_wrong_type_not_a_crash() -> None:
    assert (1, "$.id", "expected a string, got a number") == problems('{"id": 1e999999}')[0]


def test_ten_megabyte_strings_cost_little_memory(tmp_path: Path) -> None:
    note = write(tmp_path / "note.json", record(notes=["n" * 10_000_000]))
    run = run_capped(tmp_path, note, KASIMOV)
    assert 2 == run.status
    assert b"$.notes[0]: a string of 10,000,000 characters" in run.err
    assert run.peak < PEAK


def test_a_document_past_the_size_limit_is_not_read(tmp_path: Path) -> None:
    big = write(tmp_path / "big.json", b" " * (16 * MiB + 1))
    run = run_capped(tmp_path, big, KASIMOV, cap=1 << 30)
    message = (
        f"error: {big}: the document is larger than 16 MiB (the document_bytes limit); "
        "it was not read\n"
    )
    assert (2, message.encode()) == (run.status, run.err)
    assert run.peak < 200 * MiB


def test_the_size_limits_are_options(tmp_path: Path) -> None:
    doc = write(tmp_path / "k.json", record())
    status, _, err = invoke("--limit", "document_bytes=1K", str(doc))
    assert 2 == status
    assert "larger than 1 KiB (the document_bytes limit)" in err
    status, _, _ = invoke("--limit", "document-bytes=1M", str(doc))
    assert 1 == status
    status, _, err = invoke("--limit", "depth=3", str(doc))
    assert 2 == status
    assert "limit depth must be at least 16" in err
    status, _, err = invoke("--limit", "speed=9", str(doc))
    assert (2, True) == (status, "expected NAME=VALUE with NAME one of document_bytes" in err)


# -- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "byte"),
    [("utf-16", 0xFF), ("utf-32", 0xFF), ("cp1251", 0xCA)],
)
def test_text_that_is_not_utf8_is_refused(encoding: str, byte: int) -> None:
    data = json.dumps(record(), ensure_ascii=False).encode(encoding)
    ((_, path, message),) = problems(data)
    assert ("$", True) == (path, message.startswith(f"not UTF-8 text: byte 0x{byte:02X} at column"))


def test_a_bad_byte_after_a_byte_order_mark_is_named_right() -> None:
    """The mark is not counted in the column, and the byte named is the bad one."""
    ((_, _, message),) = problems(b'\xef\xbb\xbf{"id": "\xff"}')
    assert message.startswith("not UTF-8 text: byte 0xFF at column 9 ")


def test_an_encoded_surrogate_is_refused() -> None:
    ((_, _, message),) = problems('{"title": "\ud800"}'.encode("utf-8", "surrogatepass"))
    assert message.startswith("not UTF-8 text: byte 0xED at column 12")


def test_a_byte_order_mark_opens_a_document_and_a_corpus(tmp_path: Path) -> None:
    doc = write(tmp_path / "bom.json", b"\xef\xbb\xbf" + json.dumps(record()).encode())
    lines = write(
        tmp_path / "bom.jsonl", b"\xef\xbb\xbf" + json.dumps(record(id="other")).encode() + b"\n"
    )
    status, out, _ = invoke(str(doc), str(lines))
    assert (1, 2) == (status, out.count("2 violations"))


def test_utf16_without_a_mark_is_refused() -> None:
    """Big-endian UTF-16 decodes as UTF-8 (its zero bytes are valid): it is not JSON."""
    data = json.dumps(record()).encode("utf-16-be")
    ((_, path, message),) = problems(data)
    assert ("$", True) == (path, message.startswith("invalid JSON: Expecting value"))


def test_an_escaped_lone_surrogate_is_refused_with_its_path(tmp_path: Path) -> None:
    """``\\ud800`` is valid JSON but no character: refused where it is, the run goes on
    (it once cut off the text output with a UnicodeEncodeError)."""
    doc = write(tmp_path / "s.json", json.dumps(record(title="x\ud800y")))
    run = run_capped(tmp_path, doc, KASIMOV)
    assert 2 == run.status
    message = (
        f"error: {doc}:1: $.title: a lone surrogate \\ud800 at character 2 is half of a "
        "pair, not a character; a character past U+FFFF is escaped as a pair, such as "
        "\\ud83d\\ude00\n"
    )
    assert message.encode() == run.err
    assert run.out.startswith(b"kasimov")


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif"])
def test_a_file_name_that_is_not_utf8_keeps_every_format_valid(tmp_path: Path, fmt: str) -> None:
    """Its name reaches the output as a lone surrogate: written as an escape, the output is
    valid UTF-8 (and valid JSON) and says which file it was."""
    name = os.fsdecode(b"s\xff.json")
    doc = write(tmp_path / name, record())
    run = run_capped(tmp_path, "-f", fmt, doc)
    assert 1 == run.status, run.err
    text = run.out.decode("utf-8")
    if fmt == "text":
        assert "s\\udcff.json" in text
    elif fmt == "jsonl":
        assert {str(doc)} == {json.loads(line)["source"] for line in text.splitlines()}
    elif fmt == "json":
        assert str(doc) == json.loads(text)["reports"][0]["source"]
    else:
        (run_,) = json.loads(text)["runs"]
        uri = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.endswith(("s%FF.json", "s\udcff.json")), uri


def test_a_lone_surrogate_in_an_unknown_key_keeps_json_valid(tmp_path: Path) -> None:
    doc = write(tmp_path / "k.json", json.dumps(record(**{"k\ud800": 1})))
    for fmt in ("json", "sarif"):
        run = run_capped(tmp_path, "-f", fmt, doc, KASIMOV)
        assert 2 == run.status
        json.loads(run.out.decode("utf-8"))
        assert b"unknown field 'k\\ud800'" in run.err


# -- wrong types, unknown tags, repeated keys and ids, references ------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[]",
            (
                1,
                "$",
                "expected a case record object, got an array; a .json file holds one record: "
                "put several in a .jsonl file, one record per line",
            ),
        ),
        ('"x"', (None, "$", "expected a case record object, got a string")),
        ("null", (None, "$", "expected a case record object, got null")),
        (json.dumps(record(events=5)), (1, "$.events", "expected an array, got a number")),
        (json.dumps(record(person=[])), (1, "$.person", "expected an object, got an array")),
    ],
)
def test_wrong_types_are_named(text: str, expected: tuple[int | None, str, str]) -> None:
    found = problems(text)
    assert expected[1:] == found[0][1:]


def test_an_unknown_event_type_is_named_with_the_known_ones() -> None:
    events = [dict(BASE["events"][0], type="teleport")]
    ((_, path, message),) = problems(json.dumps(record(events=events)))
    assert ("$.events[0]", True) == (
        path,
        message.startswith("unknown event type 'teleport'; expected one of: "),
    )


def test_a_key_given_twice_is_refused() -> None:
    assert [(1, "$.a", "key 'a' appears more than once; only one value can be kept")] == problems(
        b'{"a":1,"a":2}'
    )


def test_a_repeated_record_id_is_reported_and_both_are_validated(tmp_path: Path) -> None:
    corpus = write(tmp_path / "twice.jsonl", json.dumps(BASE) + "\n" + json.dumps(BASE) + "\n")
    again = write(tmp_path / "again.json", record())
    status, out, err = invoke(str(corpus), str(again))
    assert 2 == status
    assert 3 == out.count("2 violations")
    assert [
        f"error: {corpus}:2: $.id: record id 'kasimov' is also the id of the record in "
        f"{corpus}:1; each record of a run needs its own id",
        f"error: {again}: $.id: record id 'kasimov' is also the id of the record in "
        f"{corpus}:1; each record of a run needs its own id",
    ] == err.splitlines()[:2]


def test_a_dangling_reference_is_refused() -> None:
    events = [dict(BASE["events"][0]), dict(BASE["events"][1], sources=[{"source": "nowhere"}])]
    found = problems(json.dumps(record(events=events)))
    assert ["$.events[1].sources[0].source"] == [path for _, path, _ in found]
    assert "nowhere" in found[0][2]


def test_references_cannot_form_a_cycle() -> None:
    """An event can name only earlier events: one naming itself, or two naming each other,
    is refused at the first reference forward."""
    first, second, third = (dict(e) for e in BASE["events"][:3])
    itself = record(events=[first | {"same_day_as": first["id"]}, second])
    ((_, path, message),) = problems(json.dumps(itself))
    assert (
        "$.events[0].same_day_as",
        f"event {first['id']!r} comes later; refer to earlier ones",
    ) == (path, message)
    mutual = record(
        events=[first, second | {"same_day_as": third["id"]}, third | {"same_day_as": second["id"]}]
    )
    found = problems(json.dumps(mutual))
    assert ["$.events[1].same_day_as"] == [p for _, p, _ in found]


# -- huge records and corpora ------------------------------------------------------------


def test_too_many_events_are_refused_before_decoding_them() -> None:
    events = [BASE["events"][0]] * 10_001
    text = json.dumps(record(events=events), indent=1)
    line = 1 + next(n for n, at in enumerate(text.splitlines()) if at.startswith(' "events": ['))
    message = "an array of 10,001 items, more than 10,000 items (the items limit)"
    assert [(line, "$.events", message)] == problems(text)


def test_too_many_values_are_refused_before_decoding_them() -> None:
    notes = [["n"] * 1000] * 1000
    found = problems(json.dumps(record(notes=notes)))
    message = (
        "the record holds more than 1,000,000 values (the values limit, all arrays and "
        "objects counted)"
    )
    assert [(1, "$", message)] == found


def test_ten_megabytes_of_small_values_cost_little_memory(tmp_path: Path) -> None:
    """A refused document of a million values: the locator keeps only what it is asked."""
    doc = write(tmp_path / "many.json", record(notes=[[1] * 9000] * 500))
    run = run_capped(tmp_path, doc, KASIMOV)
    assert 2 == run.status
    assert b"$: the record holds more than 1,000,000 values" in run.err
    assert run.peak < PEAK


# -- broken JSON Lines -------------------------------------------------------------------


def test_a_broken_line_is_one_problem_and_the_other_lines_are_validated(tmp_path: Path) -> None:
    lines = [json.dumps(record(id=f"r{i}")) for i in range(3)]
    lines[1] = lines[1][:40]
    corpus = write(tmp_path / "c.jsonl", "\r\n".join(lines) + "\r\n\n\n")
    status, out, err = invoke(str(corpus))
    assert 2 == status
    assert ["r0", "r2"] == [line.split()[0] for line in out.splitlines() if line.startswith("r")]
    assert err.startswith(f"error: {corpus}:2: $: invalid JSON: ")


def test_a_line_past_the_limit_is_skipped_not_held(tmp_path: Path) -> None:
    corpus = write(
        tmp_path / "c.jsonl",
        json.dumps(record(id="first"))
        + "\n"
        + "["
        + "1," * 12_000_000
        + "1]\n"
        + json.dumps(record(id="last"))
        + "\n",
    )
    run = run_capped(tmp_path, "--limit", "line_bytes=1M", corpus)
    assert 2 == run.status
    message = (
        f"error: {corpus}:2: $: the line is longer than 1 MiB (the line_bytes limit); "
        "it was not read\n"
    )
    assert message.encode() == run.err
    assert [b"first", b"last"] == [
        line.split()[0] for line in run.out.splitlines() if line.startswith((b"first", b"last"))
    ]
    assert run.peak < 200 * MiB


# -- file-system faults ------------------------------------------------------------------


def test_dev_zero_is_refused_at_the_size_limit(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():  # pragma: no cover - not on this system
        pytest.skip("no /dev/zero")
    run = run_capped(tmp_path, "/dev/zero", KASIMOV, cap=1 << 30)
    assert 2 == run.status
    assert b"error: /dev/zero: the document is larger than 16 MiB" in run.err
    assert run.out.startswith(b"kasimov")


def test_a_missing_file_is_an_error() -> None:
    status, out, err = invoke("no/such.json", str(KASIMOV))
    assert (2, "error: no/such.json: no such file or directory") == (status, err.splitlines()[0])
    assert out.startswith("kasimov")


def test_a_file_deleted_after_listing_is_an_error(tmp_path: Path) -> None:
    gone = write(tmp_path / "gone.json", record())
    inputs = list(iter_inputs([tmp_path]))
    gone.unlink()
    (outcome,) = validate_corpus(inputs)
    assert [f"{gone}: cannot read: No such file or directory"] == [str(p) for p in outcome.problems]


def test_a_directory_that_cannot_be_read_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listed as an error (exit 2), not skipped; the readable files are still validated."""
    write(tmp_path / "a.json", record())
    (tmp_path / "locked").mkdir()
    real_walk = os.walk

    def walk(top: str, onerror: Any = None, followlinks: bool = False) -> Iterator[Any]:
        for entry in real_walk(top, onerror=onerror, followlinks=followlinks):
            if entry[0].endswith("locked"):
                onerror(PermissionError(13, "Permission denied", entry[0]))
                continue
            yield entry

    monkeypatch.setattr("proceedings._reading.os.walk", walk)
    inputs = list(iter_inputs([tmp_path]))
    assert [
        Input(str(tmp_path / "locked"), error="cannot read this directory: Permission denied"),
        Input(str(tmp_path / "a.json"), tmp_path / "a.json", "json"),
    ] == inputs
    status, out, err = invoke(str(tmp_path))
    assert (2, f"error: {tmp_path / 'locked'}: cannot read this directory: Permission denied") == (
        status,
        err.splitlines()[0],
    )
    assert out.startswith("kasimov")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any directory")
def test_a_directory_without_permission_is_an_error(tmp_path: Path) -> None:  # pragma: no cover
    locked = tmp_path / "locked"
    (locked / "inner").mkdir(parents=True)
    write(locked / "inner" / "x.json", record())
    (locked / "inner").chmod(0)
    try:
        status, _, err = invoke(str(locked))
    finally:
        (locked / "inner").chmod(0o755)
    assert (2, True) == (status, "cannot read this directory: Permission denied" in err)


def test_a_link_back_up_the_tree_is_walked_once(tmp_path: Path) -> None:
    write(tmp_path / "a.json", record())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    assert [str(tmp_path / "a.json")] == [i.source for i in iter_inputs([tmp_path])]


# -- signals and pipes -------------------------------------------------------------------


def _interrupted(outcomes: list[Outcome]) -> Iterator[Outcome]:
    yield from outcomes
    raise KeyboardInterrupt


@pytest.mark.parametrize("fmt", ["json", "sarif", "text"])
def test_an_interrupted_run_closes_its_document(fmt: str) -> None:
    outcomes = list(validate_corpus([KASIMOV]))
    out = io.StringIO()
    chosen = render.FORMATS[fmt]()
    with pytest.raises(KeyboardInterrupt):
        render.write_outcomes(_interrupted(outcomes), chosen, out)
    if fmt == "json":
        document = json.loads(out.getvalue())
        assert (False, 1) == (document["summary"]["complete"], len(document["reports"]))
    elif fmt == "sarif":
        (invocation,) = json.loads(out.getvalue())["runs"][0]["invocations"]
        assert not invocation["executionSuccessful"]
        assert "interrupted" in invocation["toolExecutionNotifications"][-1]["message"]["text"]
    else:
        assert "; interrupted, so incomplete; " in out.getvalue()


def _closed_pipe(tmp_path: Path, *paths: Path, fmt: str = "jsonl") -> int:
    """The exit status when the reader of the output stops after a few bytes."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROCEEDINGS_")}
    env["PYTHONPATH"] = str(REPO / "src")
    child = subprocess.Popen(
        [sys.executable, "-m", "proceedings", "validate", "-f", fmt, *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
        env=env,
    )
    assert child.stdout is not None
    child.stdout.read(10)
    child.stdout.close()
    return child.wait(timeout=120)


def test_a_closed_pipe_exits_with_the_status_so_far(tmp_path: Path) -> None:
    many = write(
        tmp_path / "many.jsonl", "".join(json.dumps(record(id=f"r{i}")) + "\n" for i in range(300))
    )
    assert 1 == _closed_pipe(tmp_path, many)


def test_a_closed_pipe_after_clean_records_exits_0(tmp_path: Path) -> None:
    """Was 1 ("violations found") whatever the records were."""
    clean = record(events=BASE["events"][:1])  # a detention alone breaches nothing
    many = write(
        tmp_path / "clean.jsonl",
        "".join(json.dumps(clean | {"id": f"r{i}"}) + "\n" for i in range(3000)),
    )
    assert 0 == _closed_pipe(tmp_path, many, fmt="text")


# -- control characters ------------------------------------------------------------------

SPOOF = "\x1b[2J\x1b]0;owned\x07\x00\x9b31m fine \u202e0 violations\u2066\n0 violations"


def test_a_title_cannot_drive_the_terminal(tmp_path: Path) -> None:
    doc = write(tmp_path / "t.json", record(title=SPOOF))
    _, out, _ = invoke(str(doc))
    assert (
        "\\x1b[2J\\x1b]0;owned\\x07\\x00\\x9b31m fine \\u202e0 violations\\u2066\\x0a0 violations"
        in out
    )
    assert not any(ch in out for ch in "\x1b\x07\x00\x9b\u202e\u2066")


def test_a_file_name_and_a_key_cannot_drive_the_terminal(tmp_path: Path) -> None:
    doc = write(tmp_path / "a\x1b[31m\u202ered.json", json.dumps(record(**{"k\x9b\u202e": 1})))
    _, _, err = invoke(str(doc))
    assert not any(ch in err for ch in "\x1b\x9b\u202e")
    assert "a\\x1b[31m\\u202ered.json" in err
    assert "k\\x9b\\u202e" in err


def test_printable_leaves_every_script_alone() -> None:
    names = "Камиль Қасымов 卡米尔 کامیل\u200cی Kâmil"
    assert names == printable(names)
    assert "a\\x0ab" == printable("a\nb")
    assert "a\nb\\x1b" == printable("a\nb\x1b", newlines=True)


# -- isolation ---------------------------------------------------------------------------


def test_a_bug_in_one_record_does_not_stop_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record is an internal error ("this is a bug", the exception's type), the JSON
    document stays whole, and the next record is validated."""
    import proceedings.corpus as corpus_module

    real = corpus_module.validate

    def validate(record: Any, **kwargs: Any) -> Any:
        if record.id == "boom":
            raise ZeroDivisionError("a bug")
        return real(record, **kwargs)

    monkeypatch.setattr(corpus_module, "validate", validate)
    boom = write(tmp_path / "boom.json", record(id="boom"))
    status, out, err = invoke("-f", "json", str(boom), str(KASIMOV))
    assert 2 == status
    document = json.loads(out)
    assert ["kasimov"] == [r["record_id"] for r in document["reports"]]
    assert 1 == document["summary"]["internal_errors"]
    assert f"internal error while validating {boom}: ZeroDivisionError: a bug" in err
    assert "This is a bug in proceedings" in err


def test_a_bug_while_reading_one_input_does_not_stop_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import proceedings._reading as reading

    real = reading._read_stream

    def read_stream(fh: Any, source: str, mode: str, limits: Limits) -> Any:
        if source.endswith("odd.json"):
            raise RecursionError("deep inside")
        return real(fh, source, mode, limits)

    monkeypatch.setattr(reading, "_read_stream", read_stream)
    odd = write(tmp_path / "odd.json", record(id="odd"))
    (first, second) = validate_corpus([odd, KASIMOV])
    assert (None, True) == (
        first.report,
        (first.internal or "").startswith("RecursionError: deep inside"),
    )
    assert second.report is not None


@pytest.mark.parametrize("fmt", ["mermaid", "dot"])
def test_a_timeline_diagram_cannot_drive_the_terminal(tmp_path: Path, fmt: str) -> None:
    doc = write(tmp_path / "t.json", record(title="T\x1b[2J\u202e"))
    result = CliRunner().invoke(cli.main, ["diagram", "--case", str(doc), "-f", fmt])
    assert 0 == result.exit_code, result.output
    assert not any(ch in result.stdout for ch in "\x1b\u202e")
    assert "\\x1b[2J\\u202e" in result.stdout.replace("\\\\", "\\")
