"""Nothing lost, nothing hangs (issue 16): serialisation, inputs, output files and exit status.

Each test names the numbered case of the issue it holds (16.N). Workers: tests/test_workers.py.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import eventx
from eventx.cli import main
from eventx.record.serialize import dumps
from eventx.testing import schema_errors

EN = "Police said three protesters were killed and 40 injured in Almaty on Friday."
AR = "أعلنت وزارة الداخلية الكازاخستانية الجمعة مصرع 26 مسلحا وإصابة 18 آخرين في ألماتي."


def run(*args: str, input: bytes | str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def records(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


# 16.1 numbers beyond 64 bits ------------------------------------------------------------------


def test_16_1_integers_beyond_json_safe_range_are_written_as_strings() -> None:
    from eventx.record.serialize import MAX_SAFE_INTEGER

    assert dumps({"n": 2**70}) == '{"n":"1180591620717411303424"}'
    assert dumps({"n": -(2**64)}) == '{"n":"-18446744073709551616"}'
    assert dumps({"n": MAX_SAFE_INTEGER}) == '{"n":9007199254740991}'  # still a number
    assert dumps({"n": MAX_SAFE_INTEGER + 1}) == '{"n":"9007199254740992"}'


def test_16_1_a_record_holding_a_huge_number_still_serialises() -> None:
    evidence = eventx.Evidence(text="refugees", start=0, end=8)
    extension = eventx.Extension(
        field="refugees", value={"count": 2**70, "ids": {3, 1}}, evidence=evidence
    )
    record = eventx.EventRecord(id="r", extensions={"refugees": (extension,)})
    data = json.loads(record.to_json())
    assert data["extensions"]["refugees"][0]["value"] == {"count": str(2**70), "ids": [1, 3]}
    assert json.loads(record.to_json(indent=True)) == data


def test_16_1_a_huge_number_in_a_text_costs_no_later_record(tmp_path: Path) -> None:
    corpus = write_jsonl(
        tmp_path / "c.jsonl",
        [
            {"id": "huge", "text": "20000000000000000000 refugees fled Almaty on Friday."},
            {"id": "after", "text": EN},
        ],
    )
    result = run("extract", str(corpus), "--date", "2022-01-07")
    out = records(result.stdout)
    assert [r["id"] for r in out] == ["huge", "after"]
    assert out[1]["casualties"]


def test_16_1_serialisation_is_total_for_odd_values() -> None:
    loop: list[Any] = []
    loop.append(loop)
    assert dumps({"a": object, 7: "x\ud800y"}).startswith('{"a":"<class \'object\'>","7":"x\ufffdy"}')
    assert dumps(loop).startswith("[[[[")


# 16.2 lone surrogates in JSONL fields --------------------------------------------------------


def test_16_2_lone_surrogates_in_id_or_language_give_an_error_record_naming_the_line(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        '{"id": "\\ud800", "text": "Police killed 3 people in Almaty."}\n'
        '{"id": "lang", "language": "\\udfff", "text": "Police killed 3 people in Almaty."}\n'
        + json.dumps({"id": "fine", "text": EN})
        + "\n",
        "utf-8",
    )
    result = run("extract", str(corpus))
    out = records(result.stdout)
    assert [(r["id"], r["status"]) for r in out] == [
        (f"{corpus}:1", "error"),
        ("lang", "error"),
        ("fine", "ok"),
    ]
    assert f"{corpus} line 1: id" in out[0]["diagnostics"][0]["message"]
    assert "surrogate" in out[0]["diagnostics"][0]["message"]
    assert f"{corpus} line 2: language" in out[1]["diagnostics"][0]["message"]
    assert result.exit_code == 3


# 16.6 folders: not recursive, symlinks only inside --------------------------------------------


def test_16_6_folders_are_not_recursive_and_links_never_lead_outside(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret host name", "utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(EN, "utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "deep.txt").write_text(EN, "utf-8")
    (folder / "nested.txt").mkdir()  # a folder whose name looks like a document
    (folder / "loop.txt").symlink_to(".")
    (folder / "host.txt").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "a.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    out = records(run("extract", str(folder)).stdout)
    assert [(r["id"], r["status"]) for r in out] == [
        ("a", "ok"),
        ("dangling", "error"),
        ("host", "error"),
        ("inside", "ok"),  # a link to a file in the same folder is read
        ("loop", "error"),
        ("nested", "error"),
    ]
    messages = {r["id"]: r["diagnostics"][0]["message"] for r in out if r["status"] == "error"}
    assert "not followed" in messages["host"] and str(outside) in messages["host"]
    assert "not followed" in messages["loop"]
    assert "not read recursively" in messages["nested"]
    assert all("Secret" not in json.dumps(r) for r in out)


# 16.7 --format json with line separators -------------------------------------------------------


def test_16_7_json_array_is_valid_with_unicode_line_separators(tmp_path: Path) -> None:
    odd = "Police\u2028said\u2029three\x85protesters were killed in Almaty on Friday."
    corpus = write_jsonl(
        tmp_path / "c.jsonl",
        [
            {"id": "a\u2028b", "title": "x\u2029y\x85z", "text": odd},
            {"id": "plain", "text": EN},
        ],
    )
    result = run("extract", str(corpus), "--format", "json")
    data = json.loads(result.stdout)
    assert [r["id"] for r in data] == ["a\u2028b", "plain"]
    assert result.stdout == dumps(data, indent=True) + "\n"


# 16.8 -o: atomic, never an input, interrupted runs keep the previous file --------------------


def test_16_8_the_output_may_not_be_an_input(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "same.jsonl", [{"id": "a", "text": EN}] * 3)
    before = corpus.read_bytes()
    result = run("extract", str(corpus), "-o", str(corpus))
    assert result.exit_code == 2 and "also an input" in result.output
    assert corpus.read_bytes() == before
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text(EN, "utf-8")
    result = run("extract", str(folder), "-o", str(folder / "records.jsonl"))
    assert result.exit_code == 2 and not (folder / "records.jsonl").exists()


def test_16_8_output_replaces_the_file_only_at_the_end(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", [{"id": f"d{i}", "text": EN} for i in range(3)])
    target = tmp_path / "out.jsonl"
    target.write_text("previous good output\n", "utf-8")
    result = run("extract", str(corpus), "-o", str(target))
    assert result.exit_code == 0
    assert [r["id"] for r in records(target.read_text("utf-8"))] == ["d0", "d1", "d2"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "out.jsonl"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_16_8_an_interrupted_run_leaves_the_previous_output_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventx.parallel

    corpus = write_jsonl(tmp_path / "c.jsonl", [{"id": f"d{i}", "text": EN} for i in range(5)])
    target = tmp_path / "out.jsonl"
    target.write_text("previous good output\n", "utf-8")
    real = eventx.parallel.result_for
    calls = []

    def interrupted_on_the_third(payload: Any, pipeline: Any) -> Any:
        calls.append(payload)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(payload, pipeline)

    monkeypatch.setattr(eventx.parallel, "result_for", interrupted_on_the_third)
    result = run("extract", str(corpus), "-o", str(target))
    assert result.exit_code == 130
    assert target.read_text("utf-8") == "previous good output\n"
    partial = tmp_path / "out.jsonl.partial"
    assert [r["id"] for r in records(partial.read_text("utf-8"))] == ["d0", "d1"]
    assert f"2 records were written to {partial} (incomplete)" in result.stderr
    assert f"{target} was left untouched" in result.stderr


# 16.10 input-side gaps ------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["2022-01-07garbage", "2022-1-7", "2022-02-30", "07/01/2022"])
def test_16_10_date_option_is_a_strict_iso_date(bad: str) -> None:
    result = CliRunner().invoke(main, ["extract", "-", "--date", bad], input=b"x")
    assert result.exit_code == 2 and "--date" in result.output


def test_16_10_document_dates_are_strict_too(tmp_path: Path) -> None:
    corpus = write_jsonl(
        tmp_path / "c.jsonl",
        [
            {"id": "garbage", "text": EN, "document_date": "2022-01-07garbage"},
            {"id": "datetime", "text": EN, "document_date": "2022-01-07T10:30:00+03:00"},
            {"id": "number", "text": EN, "document_date": 20220107},
        ],
    )
    out = records(run("extract", str(corpus)).stdout)
    assert [(r["id"], r["status"], r["document_date"]) for r in out] == [
        ("garbage", "error", None),
        ("datetime", "ok", "2022-01-07"),
        ("number", "error", None),
    ]


@pytest.mark.parametrize(
    ("meta", "expected"),
    [("[1, 2]", "must hold a JSON object, got list"), ('{"document_date": ', "not a readable")],
)
def test_16_10_a_bad_meta_json_is_an_error_naming_it(
    tmp_path: Path, meta: str, expected: str
) -> None:
    (tmp_path / "a.txt").write_text(EN, "utf-8")
    (tmp_path / "a.meta.json").write_text(meta, "utf-8")
    record = json.loads(run("extract", str(tmp_path / "a.txt")).stdout)
    assert record["status"] == "error"
    message = record["diagnostics"][0]["message"]
    assert str(tmp_path / "a.meta.json") in message and expected in message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_16_10_byte_order_marks_are_honoured(tmp_path: Path, encoding: str) -> None:
    article = tmp_path / "a.txt"
    data = AR.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    article.write_bytes(data)
    record = json.loads(run("extract", str(article), "--date", "2022-01-07").stdout)
    assert record["status"] == "ok" and record["language"] == "ar"
    assert record["casualties"]
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(
        (json.dumps({"id": "x", "text": AR}, ensure_ascii=False) + "\n").encode(encoding)
        if encoding != "utf-16-be"
        else b"\xfe\xff" + (json.dumps({"id": "x", "text": AR}) + "\n").encode(encoding)
    )
    assert [r["status"] for r in records(run("extract", str(corpus)).stdout)] == ["ok"]


def test_16_10_reading_is_bounded_by_max_chars() -> None:
    result = run("extract", "/dev/zero", "--max-chars", "1000")
    record = json.loads(result.stdout)
    assert record["id"] == "zero" and record["status"] == "partial"
    assert any(
        "/dev/zero has more than 1000 characters" in d["message"] for d in record["diagnostics"]
    )


def test_16_10_an_endless_jsonl_line_is_an_error_not_a_memory_error(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        '{"id": "long", "text": "' + "x" * 200_000 + '"}\n' + json.dumps({"id": "next", "text": EN}),
        "utf-8",
    )
    out = records(run("extract", str(corpus), "--max-chars", "1000").stdout)
    assert [(r["id"], r["status"]) for r in out] == [(f"{corpus}:1", "error"), ("next", "ok")]
    assert "longer than" in out[0]["diagnostics"][0]["message"]


def test_16_10_stdin_is_bounded_too() -> None:
    from eventx.io import _read_stdin

    (document,) = list(
        _read_stdin(io.BytesIO(b"a" * 10_000), language=None, document_date=None, max_chars=100)
    )
    assert isinstance(document, eventx.Document) and len(document.text) == 100
    assert "stdin has more than 100 characters" in document.metadata["input_warning"]


def test_16_10_falsy_ids_and_every_field_are_checked(tmp_path: Path) -> None:
    corpus = write_jsonl(
        tmp_path / "c.jsonl",
        [
            {"id": 0, "text": EN},
            {"id": "", "text": EN},
            {"id": None, "text": EN},
            {"id": False, "text": EN},
            {"id": "lang-list", "language": ["ar"], "text": EN},
            {"id": "lang-number", "language": 5, "text": EN},
            {"id": "title", "title": 5, "text": EN},
            {"id": "text", "text": 5},
        ],
    )
    out = records(run("extract", str(corpus)).stdout)
    assert [(r["id"], r["status"]) for r in out] == [
        ("0", "ok"),
        (f"{corpus}:2", "error"),
        (f"{corpus}:3", "ok"),
        (f"{corpus}:4", "error"),
        ("lang-list", "error"),
        ("lang-number", "error"),
        ("title", "error"),
        ("text", "error"),
    ]
    messages = [r["diagnostics"][0]["message"] for r in out if r["status"] == "error"]
    assert all(f"{corpus} line" in m for m in messages)
    assert "id must not be empty" in messages[0] and "language must be a string" in messages[2]
    assert all(schema_errors(r) == [] for r in out)


def test_16_10_duplicate_ids_are_reported_on_stderr(tmp_path: Path) -> None:
    corpus = write_jsonl(
        tmp_path / "c.jsonl", [{"id": "same", "text": EN}, {"id": "same", "text": AR}]
    )
    result = run("extract", str(corpus))
    assert [r["id"] for r in records(result.stdout)] == ["same", "same"]  # records unchanged
    assert "duplicate id 'same'" in result.stderr
    assert result.stderr.splitlines()[-1].endswith("; 1 duplicate ids")
    assert result.exit_code == 0


# 16.11 exit status, summary, format, progress ------------------------------------------------


def test_16_11_exit_status_and_summary(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [{"id": "a", "text": EN}])
    result = run("extract", str(good))
    assert result.exit_code == 0
    assert result.stderr == "eventx: 1 documents in: 1 ok, 0 partial, 0 error\n"
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"id": "a", "text": EN}, {"id": "b", "text": ""}])
    result = run("extract", str(bad))
    assert result.exit_code == 3
    assert result.stderr == "eventx: 2 documents in: 1 ok, 0 partial, 1 error\n"


def test_16_11_format_follows_the_output_extension(tmp_path: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text(EN, "utf-8")
    run("extract", str(article), "-o", str(tmp_path / "out.jsonl"))
    lines = (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "one"
    corpus = write_jsonl(tmp_path / "c.jsonl", [{"id": "x", "text": EN}])
    run("extract", str(corpus), "-o", str(tmp_path / "out.json"))
    data = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert isinstance(data, list) and [r["id"] for r in data] == ["x"]
    # no -o: a .jsonl input (it can hold several documents) gives JSONL even for one line
    assert len(run("extract", str(corpus)).stdout.splitlines()) == 1
    # and one text file gives one pretty object
    assert run("extract", str(article)).stdout.startswith("{\n  ")


def test_16_11_progress_shows_total_rate_and_eta_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventx.cli import _Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    corpus = write_jsonl(tmp_path / "c.jsonl", [{"id": str(i), "text": EN} for i in range(3)])
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    progress = _Progress((str(corpus), str(tmp_path / "c.jsonl")))
    for _ in range(6):
        progress.tick()
    progress.close()
    shown = screen.getvalue()
    assert "6/6" in shown and "doc/s" in shown and "<" in shown  # count/total, rate, ETA
    monkeypatch.setattr("sys.stderr", io.StringIO())
    quiet = _Progress((str(corpus),))
    quiet.tick()
    quiet.close()
    assert quiet.bar is None


# One hostile document among 100 -----------------------------------------------------------------

HOSTILE_LINES: dict[str, tuple[str, str]] = {
    # case: (the JSONL line, the id its record must carry)
    "huge-number": (
        json.dumps({"id": "h", "text": "20000000000000000000 refugees fled Almaty on Friday."}),
        "h",
    ),
    "surrogate-id": ('{"id": "\\ud800", "text": "Police killed 3 people."}', "{file}:51"),
    "surrogate-language": ('{"id": "h", "language": "\\udc00", "text": "x"}', "h"),
    "surrogate-text": ('{"id": "h", "text": "Police killed 3 \\ud800 people."}', "h"),
    "language-list": (json.dumps({"id": "h", "language": ["ar"], "text": EN}), "h"),
    "bad-date": (json.dumps({"id": "h", "document_date": "2022-01-07garbage", "text": EN}), "h"),
    "empty-id": (json.dumps({"id": "", "text": EN}), "{file}:51"),
    "line-separators": (
        json.dumps({"id": "h\u2028", "title": "a\u2029b\x85", "text": "Police\u2028killed 3."}),
        "h\u2028",
    ),
    "bidi-controls": (
        json.dumps({"id": "h", "text": "\u202eقتل 5\u202c \u2066Police killed 3\u2069 " * 50}),
        "h",
    ),
    "not-json": ("{not json", "{file}:51"),
    "not-an-object": ("[1, 2]", "{file}:51"),
    "endless-line": (json.dumps({"id": "h", "text": "x" * 200_000}), "{file}:51"),
    "empty-text": (json.dumps({"id": "h", "text": "  "}), "h"),
}


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("case", sorted(HOSTILE_LINES))
def test_100_documents_with_one_hostile_one_give_100_records_in_order(
    tmp_path: Path, case: str, jobs: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Fork like a fresh eventx process (this one may hold idle torch threads from other tests).
    monkeypatch.setattr("eventx.parallel.start_method", lambda settings: "fork")
    line, hostile_id = HOSTILE_LINES[case]
    rows: list[Any] = [{"id": f"d{i:03}", "text": (EN, AR)[i % 2]} for i in range(100)]
    rows[50] = line
    corpus = write_jsonl(tmp_path / "c.jsonl", rows)
    result = run(
        "extract", str(corpus), "--jobs", jobs, "--max-chars", "5000", "--date", "2022-01-07"
    )
    out = [json.loads(text) for text in result.stdout.split("\n") if text]
    expected = [f"d{i:03}" for i in range(100)]
    expected[50] = hostile_id.format(file=corpus)
    assert [r["id"] for r in out] == expected
    assert {r["status"] for i, r in enumerate(out) if i != 50} == {"ok"}
    assert all(schema_errors(r) == [] for r in out if r["id"] != "h")
    assert result.exit_code == (3 if out[50]["status"] == "error" else 0)
    assert result.stderr.splitlines()[-1].startswith("eventx: 100 documents in: ")


def test_every_test_named_in_guarantees_md_exists() -> None:
    import re

    root = Path(__file__).resolve().parents[1]
    text = (root / "docs" / "guarantees.md").read_text("utf-8")
    named = re.findall(r"(tests/[\w/]+\.py)::(test_\w+)", text)
    assert len(named) > 20
    missing = [
        f"{path}::{name}"
        for path, name in named
        if not re.search(rf"^def {name}\(", (root / path).read_text("utf-8"), re.MULTILINE)
    ]
    assert missing == []
