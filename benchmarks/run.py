"""Reproducible speed measurements for eventx (``make bench``).

One run measures, on the same articles (the seed, the dev set, and the dev set repeated to ~1 MB):

* eventx throughput (articles/s, MB/s on one core) and time per pipeline stage / plugin;
* dateparser's ``search_dates`` on the same texts (the tool a user would otherwise pick), as a
  ratio eventx time / dateparser time;
* a single-pass regex scan over the same texts (the floor), as a ratio eventx / floor;
* scaling: one article repeated 1x, 8x, 64x (time ratios; linear cost means ~8 and ~64);
* cold start of ``eventx --help`` and ``import eventx`` (fresh subprocesses) and peak RSS.

Results go to ``benchmarks/results/<name>.json`` and a table in docs/performance.md (between the
``bench:start``/``bench:end`` markers). Timings are wall-clock medians of several repeats on an
otherwise idle machine; no test asserts on them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGET_BYTES = 1_000_000
SCALES = (1, 8, 64)
#: The floor: one pass of a compiled regex over every word and number of the text, the least
#: any extractor that looks at every token must do.
FLOOR_RE = re.compile(r"\w+")


class Article:
    """One benchmark article: text, language and publication date."""

    def __init__(self, id: str, text: str, language: str, document_date: str | None) -> None:
        self.id = id
        self.text = text
        self.language = language
        self.document_date = document_date

    @property
    def size(self) -> int:
        return len(self.text.encode("utf-8"))


def load_articles(folder: Path) -> list[Article]:
    articles = []
    for path in sorted(folder.glob("*.txt")):
        meta_path = path.with_name(path.stem + ".meta.json")
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
        articles.append(
            Article(
                id=path.stem,
                text=path.read_text("utf-8"),
                language=meta.get("language") or ("ar" if "_ar_" in path.stem else "en"),
                document_date=meta.get("document_date"),
            )
        )
    return articles


def workloads(shared: Path) -> dict[str, list[Article]]:
    seed = load_articles(shared / "seeds")
    dev = load_articles(shared / "devset")
    if not dev:
        raise SystemExit(f"no dev set articles under {shared / 'devset'}")
    size = sum(a.size for a in dev)
    repeats = max(1, round(TARGET_BYTES / size))
    big = [
        Article(f"{a.id}#{i}", a.text, a.language, a.document_date)
        for i in range(repeats)
        for a in dev
    ]
    return {"seed": seed, "devset": dev, "devset_1mb": big}


def timed(func: Callable[[], object], *, repeat: int) -> float:
    """Median wall-clock seconds of ``repeat`` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def make_pipeline(*, collect_timings: bool = False) -> Any:
    import eventx

    # The bundled pipeline as the CLI runs it: warmed up, GC frozen, and without the example
    # third-party plugin from docs/examples (it is not part of eventx).
    pipeline = eventx.Pipeline(collect_timings=collect_timings, disable=["eventx_weapons"])
    pipeline.warm_up(freeze_gc=True)
    if collect_timings:
        pipeline.timings.clear()
    return pipeline


def run_eventx(pipeline: Any, articles: Sequence[Article]) -> None:
    import eventx

    for a in articles:
        pipeline.run(
            eventx.Document(
                id=a.id, text=a.text, language=a.language, document_date=a.document_date
            )
        )


def run_dateparser(articles: Sequence[Article]) -> None:
    from dateparser.search import search_dates

    for a in articles:
        base = (
            dt.datetime.fromisoformat(a.document_date)
            if a.document_date
            else dt.datetime(2000, 1, 1)
        )
        search_dates(a.text, languages=[a.language], settings={"RELATIVE_BASE": base})


def run_floor(articles: Sequence[Article]) -> None:
    for a in articles:
        for _ in FLOOR_RE.finditer(a.text):
            pass


def measure_workloads(
    loads: dict[str, list[Article]], *, repeat: int, dateparser_docs: int | None
) -> tuple[dict[str, Any], dict[str, float]]:
    pipeline = make_pipeline()
    run_eventx(pipeline, loads["devset"])  # warm-up: lexicons and matchers compile once
    # Warm-up: dateparser loads each language's data on first use; not part of the per-article cost.
    first_per_language = {a.language: a for a in reversed(loads["devset"])}
    run_dateparser(list(first_per_language.values()))
    results: dict[str, Any] = {}
    for name, articles in loads.items():
        size = sum(a.size for a in articles)
        reps = 1 if name == "devset_1mb" else repeat
        t_eventx = timed(partial(run_eventx, pipeline, articles), repeat=reps)
        t_floor = timed(partial(run_floor, articles), repeat=max(reps, 3))
        # dateparser takes ~30 ms an article: time it on at most ``dateparser_docs`` articles and
        # scale by bytes (said so in the JSON) when the workload is larger.
        subset = list(articles) if dateparser_docs is None else list(articles[:dateparser_docs])
        sub_size = sum(a.size for a in subset)
        t_dp_sub = timed(partial(run_dateparser, subset), repeat=1)
        t_dp = t_dp_sub * size / sub_size
        results[name] = {
            "articles": len(articles),
            "bytes": size,
            "eventx_s": round(t_eventx, 4),
            "articles_per_s": round(len(articles) / t_eventx, 1),
            "mb_per_s_per_core": round(size / 1e6 / t_eventx, 3),
            "dateparser_s": round(t_dp, 4),
            "dateparser_measured_articles": len(subset),
            "dateparser_extrapolated": len(subset) < len(articles),
            "ratio_eventx_over_dateparser": round(t_eventx / t_dp, 4),
            "floor_s": round(t_floor, 5),
            "ratio_eventx_over_floor": round(t_eventx / t_floor, 1),
        }
    timing_pipeline = make_pipeline(collect_timings=True)
    run_eventx(timing_pipeline, loads["devset"])
    timing_pipeline.timings.clear()
    run_eventx(timing_pipeline, loads["devset_1mb"])
    stages = dict(sorted(timing_pipeline.timings.items(), key=lambda kv: -kv[1]))
    return results, {k: round(v, 4) for k, v in stages.items()}


def measure_scaling(loads: dict[str, list[Article]], *, repeat: int) -> dict[str, Any]:
    """One article repeated 1x/8x/64x (paragraphs joined by a blank line), per language."""
    import eventx

    pipeline = make_pipeline()
    out: dict[str, Any] = {}
    candidates = loads["seed"] + loads["devset"]
    for language in ("ar", "en"):
        pool = [a for a in candidates if a.language == language]
        if not pool:
            continue
        base = max(pool, key=lambda a: a.size)
        times: dict[str, float] = {}
        for scale in SCALES:
            text = "\n\n".join([base.text] * scale)
            document = eventx.Document(
                id=f"{base.id}x{scale}",
                text=text,
                language=language,
                document_date=base.document_date,
            )
            pipeline.run(document)  # warm-up at this size
            times[str(scale)] = timed(
                partial(pipeline.run, document), repeat=repeat if scale < 64 else 1
            )
        out[language] = {
            "article": base.id,
            "bytes_1x": base.size,
            "seconds": {k: round(v, 4) for k, v in times.items()},
            "ratio": {k: round(v / times["1"], 1) for k, v in times.items()},
        }
    return out


def _subprocess_seconds(args: list[str], *, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def measure_cold_start(*, repeat: int) -> dict[str, Any]:
    python = sys.executable
    cli = Path(python).with_name("eventx")
    help_cmd = [str(cli), "--help"] if cli.exists() else [python, "-m", "eventx.cli", "--help"]
    probe = "import sys, eventx; print(int('torch' in sys.modules), int('stanza' in sys.modules))"
    flags = subprocess.run([python, "-c", probe], check=True, capture_output=True, text=True)
    torch_loaded, stanza_loaded = (bool(int(x)) for x in flags.stdout.split())
    return {
        "python_startup_s": round(_subprocess_seconds([python, "-c", "pass"], repeat=repeat), 3),
        "import_eventx_s": round(
            _subprocess_seconds([python, "-c", "import eventx"], repeat=repeat), 3
        ),
        "eventx_help_s": round(_subprocess_seconds(help_cmd, repeat=repeat), 3),
        "import_eventx_loads_torch": torch_loaded,
        "import_eventx_loads_stanza": stanza_loaded,
    }


#: Peak resident memory of the running process in MB. VmHWM belongs to the process's own address
#: space; ru_maxrss is not used on Linux because a child forked from a big parent inherits the
#: parent's high-water mark.
PEAK_RSS = (
    "import resource, sys\n"
    "def peak_rss_mb():\n"
    "    try:\n"
    "        for line in open('/proc/self/status'):\n"
    "            if line.startswith('VmHWM:'):\n"
    "                return int(line.split()[1]) * 1024 / 1e6\n"
    "    except OSError:\n"
    "        pass\n"
    "    unit = 1 if sys.platform == 'darwin' else 1024\n"
    "    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit / 1e6\n"
)


def measure_rss(shared: Path) -> dict[str, Any]:
    """Peak RSS of fresh processes: one that only imports eventx, one that also runs 1 MB."""
    after_import = PEAK_RSS + "import eventx\nprint(peak_rss_mb())\n"
    after_run = PEAK_RSS + (
        "import pathlib\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "import run as bench\n"
        f"loads = bench.workloads(pathlib.Path({str(shared)!r}))\n"
        "bench.run_eventx(bench.make_pipeline(), loads['devset_1mb'])\n"
        "print(peak_rss_mb())\n"
    )
    values = []
    for code in (after_import, after_run):
        done = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        )
        values.append(round(float(done.stdout.strip().splitlines()[-1]), 1))
    return {"peak_rss_mb_import": values[0], "peak_rss_mb_after_1mb": values[1]}


def machine() -> dict[str, Any]:
    cpu = platform.processor()
    with_model = Path("/proc/cpuinfo")
    if with_model.exists():
        for line in with_model.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    import eventx

    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit or None,
        "eventx": eventx.__version__,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
    }


def goals(result: dict[str, Any]) -> dict[str, Any]:
    big = result["workloads"]["devset_1mb"]
    scaling = result["scaling"]
    worst_64 = max((v["ratio"]["64"] for v in scaling.values()), default=None)
    return {
        "10x_faster_than_dateparser": big["ratio_eventx_over_dateparser"] <= 0.1,
        "64x_text_at_most_80x_time": worst_64 is not None and worst_64 <= 80,
        "help_under_0_5_s": result["cold_start"]["eventx_help_s"] < 0.5,
        "import_without_torch": not result["cold_start"]["import_eventx_loads_torch"],
    }


GOAL_LABELS = {
    "10x_faster_than_dateparser": "full pipeline >= 10x faster than dateparser (1 MB workload)",
    "64x_text_at_most_80x_time": "64x the text costs <= 80x the time (both languages)",
    "help_under_0_5_s": "`eventx --help` under 0.5 s",
    "import_without_torch": "`import eventx` does not import torch",
}


def markdown(result: dict[str, Any]) -> str:
    m = result["machine"]
    lines = [
        f"Measured {m['date']} on commit {m['commit']} ({m['cpu']}, {m['cpus']} CPUs, "
        f"Python {m['python']}), one process. Regenerate with `make bench`.",
        "",
        "| workload | articles | MB | eventx s | articles/s | MB/s/core | dateparser s | eventx/dateparser | eventx/regex floor |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, w in result["workloads"].items():
        note = "*" if w["dateparser_extrapolated"] else ""
        lines.append(
            f"| {name} | {w['articles']} | {w['bytes'] / 1e6:.3f} | {w['eventx_s']:.3f} | "
            f"{w['articles_per_s']:.0f} | {w['mb_per_s_per_core']:.2f} | {w['dateparser_s']:.2f}{note} | "
            f"{w['ratio_eventx_over_dateparser']:.2f} | {w['ratio_eventx_over_floor']:.0f}x |"
        )
    if any(w["dateparser_extrapolated"] for w in result["workloads"].values()):
        lines.append("")
        lines.append("\\* dateparser timed on a subset of the articles and scaled by bytes.")
    lines += ["", "| stage (1 MB workload) | seconds | share |", "|---|---|---|"]
    total = sum(result["stages"].values()) or 1.0
    for stage, seconds in result["stages"].items():
        lines.append(f"| {stage} | {seconds:.3f} | {100 * seconds / total:.0f}% |")
    lines += [
        "",
        "| scaling (one article repeated) | 1x s | 8x s | 64x s | 8x ratio | 64x ratio |",
        "|---|---|---|---|---|---|",
    ]
    for language, s in result["scaling"].items():
        sec, ratio = s["seconds"], s["ratio"]
        lines.append(
            f"| {language}: {s['article']} ({s['bytes_1x'] / 1000:.1f} KB) | {sec['1']:.3f} | "
            f"{sec['8']:.3f} | {sec['64']:.3f} | {ratio['8']} | {ratio['64']} |"
        )
    c, r = result["cold_start"], result["memory"]
    lines += [
        "",
        f"Cold start: `eventx --help` {c['eventx_help_s']:.2f} s, `import eventx` "
        f"{c['import_eventx_s']:.2f} s (bare Python {c['python_startup_s']:.2f} s); "
        f"`import eventx` loads torch: {c['import_eventx_loads_torch']}. "
        + (
            f"Peak RSS: {r['peak_rss_mb_import']} MB after import, "
            f"{r['peak_rss_mb_after_1mb']} MB after the 1 MB workload."
            if r["peak_rss_mb_import"] is not None
            else "Peak RSS: not measured (--quick)."
        ),
        "",
        "| goal | met |",
        "|---|---|",
    ]
    for goal, met in result["goals"].items():
        lines.append(f"| {GOAL_LABELS.get(goal, goal)} | {'yes' if met else 'no'} |")
    return "\n".join(lines)


def update_docs(path: Path, table: str) -> None:
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    text = path.read_text("utf-8") if path.exists() else f"# Performance\n\n{start}\n{end}\n"
    if start not in text or end not in text:
        text = text.rstrip() + f"\n\n{start}\n{end}\n"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    path.write_text(f"{head}{start}\n{table}\n{end}{tail}", "utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="folder with seeds/ and devset/"
    )
    parser.add_argument("--name", default="latest", help="results file: <results-dir>/<name>.json")
    parser.add_argument("--results-dir", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--repeat", type=int, default=5, help="repeats per timing (median)")
    parser.add_argument(
        "--dateparser-docs",
        type=int,
        default=None,
        help="time dateparser on at most this many articles per workload and scale by bytes",
    )
    parser.add_argument(
        "--docs",
        type=Path,
        default=ROOT / "docs" / "performance.md",
        help="markdown file to update",
    )
    parser.add_argument("--no-docs", action="store_true", help="do not update the markdown file")
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: few repeats, small workloads"
    )
    args = parser.parse_args(argv)

    loads = workloads(args.shared)
    repeat = args.repeat
    if args.quick:
        loads["devset_1mb"] = loads["devset"] * 2
        repeat = 1
        args.dateparser_docs = args.dateparser_docs or 3
    started = time.perf_counter()
    result: dict[str, Any] = {"machine": machine()}
    result["workloads"], result["stages"] = measure_workloads(
        loads, repeat=repeat, dateparser_docs=args.dateparser_docs
    )
    result["scaling"] = measure_scaling(loads, repeat=repeat)
    result["cold_start"] = measure_cold_start(repeat=repeat)
    result["memory"] = (
        measure_rss(args.shared)
        if not args.quick
        else {
            "peak_rss_mb_import": None,
            "peak_rss_mb_after_1mb": None,
        }
    )
    result["goals"] = goals(result)
    result["bench_seconds"] = round(time.perf_counter() - started, 1)
    out = args.results_dir / f"{args.name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    table = markdown(result)
    if not args.no_docs:
        update_docs(args.docs, table)
    print(table)
    print(f"\nwrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
