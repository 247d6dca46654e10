"""Benchmarks support: per-stage timings in the pipeline and a smoke run of benchmarks/run.py.

No assertion here depends on how fast anything is.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

import eventx

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = (
    "قالت وزارة الداخلية يوم الجمعة إن 26 شخصا قتلوا في اشتباكات بمدينة ألماتي. "
    "Police said on Tuesday that at least 22 people were killed in Kabul."
)


def test_pipeline_collects_time_per_stage_only_when_asked() -> None:
    quiet = eventx.Pipeline()
    quiet.extract(SENTENCE, language="ar", document_date="2022-01-07")
    assert quiet.timings == {}

    timed = eventx.Pipeline(collect_timings=True)
    timed.extract(SENTENCE, language="ar", document_date="2022-01-07")
    ran = {e.name for e in timed.extractors if e.supports("ar")}
    assert ran <= set(timed.timings)
    assert any(stage.startswith("annotate:") for stage in timed.timings)
    assert "merge" in timed.timings
    assert all(seconds >= 0.0 for seconds in timed.timings.values())
    before = dict(timed.timings)
    timed.extract(SENTENCE, language="ar", document_date="2022-01-07")
    assert all(timed.timings[k] >= v for k, v in before.items())  # cumulative


def test_timings_do_not_change_the_record() -> None:
    plain = eventx.Pipeline().extract(SENTENCE, language="ar", document_date="2022-01-07")
    timed = eventx.Pipeline(collect_timings=True).extract(
        SENTENCE, language="ar", document_date="2022-01-07"
    )
    assert plain.to_json() == timed.to_json()


@pytest.mark.slow
def test_bench_quick_run_writes_results_and_docs(devset_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("dateparser")
    docs = tmp_path / "performance.md"
    docs.write_text(
        "# Performance\n\nprose stays\n<!-- bench:start -->\nold\n<!-- bench:end -->\nafter\n"
    )
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--shared",
            str(devset_dir.parent),
            "--quick",
            "--name",
            "smoke",
            "--results-dir",
            str(tmp_path),
            "--docs",
            str(docs),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads((tmp_path / "smoke.json").read_text())
    assert set(result["workloads"]) == {"seed", "devset", "devset_1mb"}
    for workload in result["workloads"].values():
        assert workload["eventx_s"] > 0 and workload["dateparser_s"] > 0
        assert workload["ratio_eventx_over_dateparser"] > 0
    assert set(result["scaling"]["ar"]["seconds"]) == {"1", "4", "16"}
    assert result["scaling"]["en"]["article"].startswith("dev_en_")
    cold = result["cold_start"]
    assert {"eventx_help_s", "import_eventx_s", "import_eventx_loads_torch"} <= set(cold)
    assert cold["extract_seed_s"] > 0 and cold["ratio_extract_seed_over_help"] > 0
    jobs = result["jobs"]
    assert jobs["documents"] == 20 and jobs["jobs1_s"] > 0 and jobs["jobs2_s"] > 0
    assert jobs["identical_output"] is True
    assert len(jobs["worker_private_mb"]) == 2
    assert result["stages"] and set(result["goals"]) == {
        "cold_start_at_most_8x_help",
        "steady_at_most_0_40x_dateparser",
        "jobs2_at_least_1_6x_faster",
        "worker_private_at_most_80_mb",
        "256x_text_at_most_300x_time",
        "import_without_torch",
    }
    assert result["goals"]["256x_text_at_most_300x_time"] is None  # quick: no 256x run
    text = docs.read_text()
    assert "prose stays" in text and "after" in text and "\nold\n" not in text
    assert "| devset_1mb |" in text and "--jobs 2" in text


def test_bench_inputs_are_pinned_to_the_first_twenty_dev_articles(devset_dir: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    loads = bench.workloads(devset_dir.parent)
    ids = [a.id for a in loads["devset"]]
    assert ids[:12] == [f"dev_ar_{n:02d}" for n in range(1, 13)]
    assert ids[12:] == [f"dev_en_{n:02d}" for n in range(1, 9)]
    assert {a.id.split("#")[0] for a in loads["devset_1mb"]} == set(ids)
