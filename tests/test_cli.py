"""The ``eventx`` command line: inputs, formats, options, error records, plugins, demo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from eventx.cli import main
from eventx.testing import schema_errors

EN = "Police said three protesters were killed and 40 injured in Almaty on Friday."
AR = "أعلنت وزارة الداخلية الكازاخستانية الجمعة مصرع 26 مسلحا وإصابة 18 آخرين في ألماتي."


def run(*args: str, input: bytes | str | None = None, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(main, list(args), input=input, env=env, catch_exceptions=False)
    return result


def records(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    lines = [
        json.dumps({"id": "en-1", "text": EN, "document_date": "2022-01-07", "language": "en"}),
        "{not json",
        json.dumps({"id": "ar-1", "text": AR, "document_date": "2022-01-07"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "no-text", "title": "missing text"}),
        "",
        json.dumps({"id": "bad-date", "text": EN, "document_date": "07/01/2022"}),
        json.dumps({"text": EN}),
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("extract", "demo", "plugins"):
        assert command in result.output


def test_txt_file_with_meta_json(tmp_path: Path) -> None:
    article = tmp_path / "almaty-clashes.txt"
    article.write_text(AR, "utf-8")
    (tmp_path / "almaty-clashes.meta.json").write_text(
        json.dumps({"document_date": "2022-01-07", "language": "ar", "title": "t"}), "utf-8"
    )
    result = run("extract", str(article))
    assert result.exit_code == 0
    record = json.loads(result.stdout)  # one document: one pretty JSON object
    assert result.stdout.startswith("{\n  ")
    assert record["id"] == "almaty-clashes"
    assert record["document_date"] == "2022-01-07"
    assert record["language"] == "ar"
    assert any(d["value"] == "2022-01-07" for d in record["dates"]), "الجمعة resolved"
    assert schema_errors(record) == []


def test_meta_json_wins_over_date_and_lang_options(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(EN, "utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"document_date": "2021-05-01"}), "utf-8")
    (tmp_path / "b.txt").write_text(EN, "utf-8")
    out = records(
        run("extract", str(article), str(tmp_path / "b.txt"), "--date", "2022-01-07").stdout
    )
    assert [(r["id"], r["document_date"]) for r in out] == [
        ("a", "2021-05-01"),
        ("b", "2022-01-07"),
    ]


def test_jsonl_bad_lines_become_error_records_in_input_order(corpus: Path) -> None:
    result = run("extract", str(corpus))
    assert result.exit_code == 3  # some documents are error records
    assert result.stderr.splitlines()[-1] == (
        "eventx: 7 documents in: 3 ok, 0 partial, 4 error"
    )
    out = records(result.stdout)
    assert [(r["id"], r["status"]) for r in out] == [
        ("en-1", "ok"),
        (f"{corpus}:2", "error"),
        ("ar-1", "ok"),
        (f"{corpus}:4", "error"),
        ("no-text", "error"),
        ("bad-date", "error"),
        (f"{corpus}:8", "ok"),
    ]
    messages = [r["diagnostics"][0]["message"] for r in out if r["status"] == "error"]
    assert "line 2" in messages[0]
    assert "JSON object" in messages[1] and "list" in messages[1]
    assert "text" in messages[2]
    assert "YYYY-MM-DD" in messages[3]
    assert all(schema_errors(r) == [] for r in out)
    assert out[0]["casualties"] and out[2]["casualties"]


def test_format_json_is_one_pretty_array(corpus: Path) -> None:
    result = run("extract", str(corpus), "--format", "json")
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 7
    # streamed piece by piece, yet exactly what dumping the whole list would give
    from eventx.record.serialize import dumps

    assert result.stdout == dumps(data, indent=True) + "\n"


def test_format_jsonl_for_one_document_and_output_file(tmp_path: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text(EN, "utf-8")
    target = tmp_path / "out" / "records.jsonl"
    target.parent.mkdir()
    result = run("extract", str(article), "--format", "jsonl", "-o", str(target), "--lang", "en")
    assert result.exit_code == 0 and result.stdout == ""
    lines = target.read_text("utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["language"] == "en"


def test_arabic_is_written_as_utf8_not_escaped(tmp_path: Path) -> None:
    article = tmp_path / "ar.txt"
    article.write_text(AR, "utf-8")
    target = tmp_path / "ar.json"
    run("extract", str(article), "-o", str(target))
    assert "مصرع" in target.read_text("utf-8")


def test_stdin_text(tmp_path: Path) -> None:
    result = run("extract", "-", "--lang", "ar", "--date", "2022-01-07", input=AR.encode())
    record = json.loads(result.stdout)
    assert record["id"] == "stdin" and record["language"] == "ar"
    assert record["document_date"] == "2022-01-07"
    assert record["casualties"]


def test_stdin_jsonl() -> None:
    data = "\n".join(
        [json.dumps({"id": "x", "text": EN}), "oops", json.dumps({"id": "y", "text": AR})]
    )
    out = records(run("extract", "-", input=data.encode()).stdout)
    assert [(r["id"], r["status"]) for r in out] == [
        ("x", "ok"),
        ("stdin:2", "error"),
        ("y", "ok"),
    ]


def test_bad_date_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["extract", "-", "--date", "07/01/2022"], input=b"x")
    assert result.exit_code == 2
    assert "--date" in result.output and "YYYY-MM-DD" in result.output


def test_bad_lang_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["extract", "-", "--lang", "fr"], input=b"x")
    assert result.exit_code == 2 and "--lang" in result.output


def test_invalid_utf8_gives_a_record_with_a_warning(tmp_path: Path) -> None:
    article = tmp_path / "latin1.txt"
    article.write_bytes("Police killed 3 people in Almaty on Friday. Caf\xe9.".encode("latin-1"))
    record = json.loads(run("extract", str(article)).stdout)
    assert record["status"] == "partial"
    warnings = [d for d in record["diagnostics"] if d["level"] == "warning"]
    assert warnings and "UTF-8" in warnings[0]["message"]
    assert schema_errors(record) == []


def test_missing_file_and_empty_file_are_error_records(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    out = records(run("extract", str(tmp_path / "nope.txt"), str(empty)).stdout)
    assert [(r["id"], r["status"]) for r in out] == [("nope", "error"), ("empty", "error")]
    assert "no such file" in out[0]["diagnostics"][0]["message"]


def test_folder_input_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b", "a"):
        (tmp_path / f"{name}.txt").write_text(EN, "utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"document_date": "2022-01-07"}), "utf-8")
    (tmp_path / "notes.md").write_text("ignored", "utf-8")
    out = records(run("extract", str(tmp_path)).stdout)
    assert [r["id"] for r in out] == ["a", "b"]


def test_max_chars_caps_huge_documents(tmp_path: Path) -> None:
    article = tmp_path / "huge.txt"
    article.write_text((EN + " ") * 200, "utf-8")
    record = json.loads(run("extract", str(article), "--max-chars", "500").stdout)
    assert record["status"] == "partial"
    assert any("(max_chars)" in d["message"] for d in record["diagnostics"])
    assert all(c["evidence"]["end"] <= 500 for c in record["casualties"])


def test_max_chars_default_matches_the_pipeline() -> None:
    from eventx import cli, pipeline

    assert cli.DEFAULT_MAX_CHARS == pipeline.DEFAULT_MAX_CHARS


def test_jobs_2_gives_the_same_bytes_as_jobs_1(corpus: Path, tmp_path: Path) -> None:
    more = tmp_path / "more.jsonl"
    more.write_text(
        "\n".join(json.dumps({"id": f"m{i}", "text": [EN, AR][i % 2]}) for i in range(20)),
        "utf-8",
    )
    one = run("extract", str(corpus), str(more), "--jobs", "1").stdout
    two = run("extract", str(corpus), str(more), "--jobs", "2").stdout
    assert len(records(one)) == 27
    assert one == two


def test_demo_prints_a_summary_and_writes_the_record_and_html(tmp_path: Path) -> None:
    record_path, html_path = tmp_path / "seed.json", tmp_path / "seed.html"
    result = run("demo", "--json", str(record_path), "--html", str(html_path))
    assert result.exit_code == 0
    assert "country KZ" in result.output and "\nCasualties (" in result.output
    assert f"record:    {record_path}" in result.output and f"HTML view: {html_path}" in result.output
    record = json.loads(record_path.read_text("utf-8"))
    assert record["id"] == "000_8810d80a09cc04a1" and schema_errors(record) == []
    assert html_path.read_text("utf-8").startswith("<!DOCTYPE html>")
    only = run("demo", "--json-only").output
    assert json.loads(only) == record


def test_plugins_lists_name_version_hooks_extractors_status() -> None:
    infos = json.loads(run("plugins").output)
    by_name = {p["name"]: p for p in infos}
    for name in ("eventx_dates", "eventx_casualties", "eventx_deployments", "eventx_statements"):
        info = by_name[name]
        assert info["status"] == "loaded" and info["version"]
        assert "eventx_register_extractors" in info["hooks"] and info["extractors"]
    assert "eventx.core" not in by_name
    everything = {p["name"]: p for p in json.loads(run("plugins", "--all").output)}
    assert everything["eventx.core"]["source"] == "core"
    assert "eventx_merge_facts" in everything["eventx.core"]["hooks"]


def test_disable_and_load_plugins_env_vars() -> None:
    env = {"EVENTX_DISABLE_PLUGINS": "eventx_casualties"}
    infos = {p["name"]: p for p in json.loads(run("plugins", "--all", env=env).output)}
    assert infos["eventx_casualties"]["status"] == "disabled"
    record = json.loads(run("extract", "-", input=EN.encode(), env=env).stdout)
    assert record["casualties"] == [] and record["dates"]

    env = {"EVENTX_LOAD_PLUGINS": "eventx_dates"}
    infos = {p["name"]: p for p in json.loads(run("plugins", "--all", env=env).output)}
    assert infos["eventx_dates"]["status"] == "loaded"
    assert infos["eventx_statements"]["status"] == "disabled"
    record = json.loads(run("extract", "-", input=EN.encode(), env=env).stdout)
    assert record["dates"] and not record["casualties"] and not record["statements"]


def _fake_distribution(root: Path, name: str, module_source: str) -> None:
    """An installed distribution on a sys.path entry: a module plus dist-info entry points."""
    (root / f"{name}.py").write_text(module_source, "utf-8")
    info = root / f"{name}-0.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.3\n", "utf-8")
    (info / "entry_points.txt").write_text(f"[eventx]\n{name} = {name}\n", "utf-8")


def test_a_plugin_failing_to_import_is_reported_and_the_cli_still_works(tmp_path: Path) -> None:
    _fake_distribution(tmp_path, "eventx_broken", "import not_a_real_dependency_xyz\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    cli = [sys.executable, "-m", "eventx.cli"]
    listed = subprocess.run(
        [*cli, "plugins"], capture_output=True, text=True, env=env, check=True, timeout=120
    )
    info = {p["name"]: p for p in json.loads(listed.stdout)}["eventx_broken"]
    assert info["status"] == "failed" and info["version"] == "0.3"
    assert "ModuleNotFoundError" in info["error"] and "not_a_real_dependency_xyz" in info["error"]
    extracted = subprocess.run(
        [*cli, "extract", "-"],
        input=EN,
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    record = json.loads(extracted.stdout)
    assert record["status"] == "ok" and record["casualties"]


def test_stdin_jsonl_with_a_byte_order_mark() -> None:
    data = "\ufeff" + json.dumps({"id": "bom", "text": EN}) + "\n"
    record = json.loads(run("extract", "-", input=data.encode("utf-8")).stdout)
    assert (record["id"], record["status"]) == ("bom", "ok")
