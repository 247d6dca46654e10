"""Reproducible speed measurements for eventx (``make bench``).

One run measures, on pinned inputs (the seed and the first 20 dev articles: dev_ar_01..12 and
dev_en_01..08, also repeated to ~1 MB), every figure as a ratio of two times taken in that run:

* steady state: eventx throughput and time per pipeline stage / plugin, as a ratio to
  dateparser's ``search_dates`` on the same texts and to a single-pass regex scan (the floor);
* scaling: the longest pinned article of each language repeated 1x, 16x, 64x and 256x as one
  document (linear cost means ratios ~16, ~64, ~256);
* cold start: a fresh ``eventx extract seed.txt`` process (time to its record) over a fresh
  ``eventx --help``; ``import eventx`` and whether it loads torch;
* workers: ``eventx extract --jobs 1`` vs ``--jobs 2`` on 3,000 documents (the pinned articles
  repeated), and the private memory (USS) of each worker;
* peak RSS of a fresh process after the 1 MB workload.

Results go to build/bench/<name>.json (not tracked). ``--refresh`` writes the tracked
benchmarks/results/latest.json and the table in docs/performance.md (between the
``bench:start``/``bench:end`` markers). No test asserts on a timing.
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
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGET_BYTES = 1_000_000
SCALES = (1, 16, 64, 256)
QUICK_SCALES = (1, 4, 16)
#: The pinned dev articles: the first 12 Arabic and the first 8 English ones.
PINNED_DEV = tuple(f"dev_ar_{n:02d}" for n in range(1, 13)) + tuple(
    f"dev_en_{n:02d}" for n in range(1, 9)
)
JOBS_DOCUMENTS = 3000
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
    by_id = {a.id: a for a in load_articles(shared / "devset")}
    missing = [name for name in PINNED_DEV if name not in by_id]
    if missing:
        raise SystemExit(f"pinned dev articles missing under {shared / 'devset'}: {missing}")
    dev = [by_id[name] for name in PINNED_DEV]
    size = sum(a.size for a in dev)
    repeats = max(1, round(TARGET_BYTES / size))
    big = [
        Article(f"{a.id}#{i}", a.text, a.language, a.document_date)
        for i in range(repeats)
        for a in dev
    ]
    return {"seed": seed, "devset": dev, "devset_1mb": big}


def timed(
    func: Callable[[], object], *, repeat: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    """Median seconds of ``repeat`` calls (wall clock unless another ``clock`` is given)."""
    samples = []
    for _ in range(repeat):
        start = clock()
        func()
        samples.append(clock() - start)
    return statistics.median(samples)


def make_pipeline(*, collect_timings: bool = False, timeout: float | None = None) -> Any:
    import eventx

    # The bundled pipeline as the CLI runs it: warmed up, GC frozen, and without the example
    # third-party plugin from docs/examples (it is not part of eventx). No deadline by default:
    # a long document must be measured whole, not cut by the per-extractor timeout.
    pipeline = eventx.Pipeline(
        collect_timings=collect_timings, disable=["eventx_weapons"], timeout=timeout
    )
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
        # CPU time of this process: both tools run here, and other processes on a busy machine
        # then slow neither of them.
        t_eventx = timed(
            partial(run_eventx, pipeline, articles), repeat=reps, clock=time.process_time
        )
        t_floor = timed(partial(run_floor, articles), repeat=max(reps, 3), clock=time.process_time)
        # dateparser takes ~30 ms an article: time it on at most ``dateparser_docs`` articles and
        # scale by bytes (said so in the JSON) when the workload is larger.
        subset = list(articles) if dateparser_docs is None else list(articles[:dateparser_docs])
        sub_size = sum(a.size for a in subset)
        t_dp_sub = timed(partial(run_dateparser, subset), repeat=1, clock=time.process_time)
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


def measure_scaling(
    loads: dict[str, list[Article]], *, repeat: int, scales: Sequence[int] = SCALES
) -> dict[str, Any]:
    """The longest pinned article of each language repeated (paragraphs joined by a blank
    line) as one document; CPU time of the process (``time.process_time``), best of runs."""
    import eventx

    pipeline = make_pipeline()
    out: dict[str, Any] = {}
    for language in ("ar", "en"):
        pool = [a for a in loads["devset"] if a.language == language]
        if not pool:
            continue
        base = max(pool, key=lambda a: (a.size, a.id))
        times: dict[str, float] = {}
        for scale in scales:
            text = "\n\n".join([base.text] * scale)
            document = eventx.Document(
                id=f"{base.id}x{scale}",
                text=text,
                language=language,
                document_date=base.document_date,
            )
            if scale == 1:
                pipeline.run(document)  # warm-up
            # The best of a few runs at every scale: other processes only ever add time, and
            # the one long run a median of one would keep is the noisiest figure here.
            times[str(scale)] = min(
                timed(partial(pipeline.run, document), repeat=1, clock=time.process_time)
                for _ in range(repeat if scale < 64 else min(repeat, 2))
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


def _eventx_command() -> list[str]:
    cli = Path(sys.executable).with_name("eventx")
    return [str(cli)] if cli.exists() else [sys.executable, "-m", "eventx.cli"]


def measure_cold_start(shared: Path, *, repeat: int) -> dict[str, Any]:
    """Fresh processes: ``eventx --help``, ``import eventx``, and ``eventx extract`` of the seed
    (one document, so the time to its record is the time of the whole process)."""
    python = sys.executable
    eventx_cmd = _eventx_command()
    probe = "import sys, eventx; print(int('torch' in sys.modules), int('stanza' in sys.modules))"
    flags = subprocess.run([python, "-c", probe], check=True, capture_output=True, text=True)
    torch_loaded, stanza_loaded = (bool(int(x)) for x in flags.stdout.split())
    seeds = sorted((shared / "seeds").glob("*.txt"))
    help_s = _subprocess_seconds([*eventx_cmd, "--help"], repeat=repeat)
    extract_s = (
        _subprocess_seconds([*eventx_cmd, "extract", str(seeds[0])], repeat=repeat)
        if seeds
        else None
    )
    return {
        "python_startup_s": round(_subprocess_seconds([python, "-c", "pass"], repeat=repeat), 3),
        "import_eventx_s": round(
            _subprocess_seconds([python, "-c", "import eventx"], repeat=repeat), 3
        ),
        "eventx_help_s": round(help_s, 3),
        "extract_seed_s": round(extract_s, 3) if extract_s is not None else None,
        "ratio_extract_seed_over_help": (
            round(extract_s / help_s, 1) if extract_s is not None else None
        ),
        "import_eventx_loads_torch": torch_loaded,
        "import_eventx_loads_stanza": stanza_loaded,
    }


def _private_mb(process: Any) -> float:
    """Private memory (USS) of a process in MB; RSS where USS cannot be read."""
    try:
        return float(process.memory_full_info().uss) / 1e6
    except Exception:  # psutil.AccessDenied, NoSuchProcess, or no USS on this platform
        return float(process.memory_info().rss) / 1e6


def measure_jobs(loads: dict[str, list[Article]], *, documents: int) -> dict[str, Any]:
    """``eventx extract --jobs 1`` vs ``--jobs 2`` on ``documents`` JSONL documents (the pinned
    articles repeated), wall clock of the whole process; with 2 jobs, the largest private
    memory (USS) each worker process reached, sampled every 0.05 s."""
    import psutil

    dev = loads["devset"]
    rows = [
        {
            "id": f"{dev[n % len(dev)].id}#{n}",
            "text": dev[n % len(dev)].text,
            "language": dev[n % len(dev)].language,
            "document_date": dev[n % len(dev)].document_date,
        }
        for n in range(documents)
    ]
    out: dict[str, Any] = {"documents": documents}
    with tempfile.TemporaryDirectory(prefix="eventx-bench-") as tmp:
        source = Path(tmp) / "documents.jsonl"
        source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        outputs = {}
        for jobs in (1, 2):
            target = Path(tmp) / f"out{jobs}.jsonl"
            command = [*_eventx_command(), "extract", str(source), "-o", str(target)]
            command += ["--jobs", str(jobs)]
            peaks: dict[int, float] = {}
            start = time.perf_counter()
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            watched = psutil.Process(process.pid)
            while process.poll() is None:
                try:
                    children = watched.children(recursive=True)
                except psutil.Error:
                    children = []
                for child in children:
                    # one child ending between listing and reading loses only its own sample
                    try:
                        peaks[child.pid] = max(peaks.get(child.pid, 0.0), _private_mb(child))
                    except psutil.Error:
                        continue
                time.sleep(0.05)
            seconds = time.perf_counter() - start
            if process.returncode != 0:
                stderr = process.stderr.read().decode() if process.stderr else ""
                raise RuntimeError(f"{' '.join(command)} failed: {stderr[-2000:]}")
            outputs[jobs] = target.read_bytes()
            out[f"jobs{jobs}_s"] = round(seconds, 3)
            if jobs > 1:
                workers = sorted(peaks.values(), reverse=True)[:jobs]
                out["worker_private_mb"] = [round(mb, 1) for mb in workers]
    out["speedup_jobs2_over_jobs1"] = round(out["jobs1_s"] / out["jobs2_s"], 2)
    out["identical_output"] = outputs[1] == outputs[2]
    return out


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
    import importlib

    import eventx
    from eventx._compiled_modules import COMPILED_MODULES, compiled_modules

    for module in COMPILED_MODULES:
        importlib.import_module(module)
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        # how many of the modules setup.py compiles with mypyc run compiled (0: plain Python)
        "compiled_modules": f"{len(compiled_modules())}/{len(COMPILED_MODULES)}",
        "commit": commit or None,
        "eventx": eventx.__version__,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
    }


def goals(result: dict[str, Any]) -> dict[str, Any]:
    """The targets of issue 15, each measured as a ratio in this run (None: not measured)."""
    dev = result["workloads"]["devset"]
    scaling = result["scaling"]
    top = max((int(k) for v in scaling.values() for k in v["ratio"]), default=1)
    worst = max((v["ratio"][str(top)] for v in scaling.values()), default=None)
    cold = result["cold_start"]
    jobs = result.get("jobs") or {}
    workers = jobs.get("worker_private_mb") or []
    return {
        "cold_start_at_most_8x_help": (
            cold["ratio_extract_seed_over_help"] <= 8
            if cold.get("ratio_extract_seed_over_help") is not None
            else None
        ),
        "steady_at_most_0_40x_dateparser": dev["ratio_eventx_over_dateparser"] <= 0.40,
        "jobs2_at_least_1_6x_faster": (
            jobs["speedup_jobs2_over_jobs1"] >= 1.6 if jobs else None
        ),
        "worker_private_at_most_80_mb": max(workers) <= 80 if workers else None,
        "256x_text_at_most_300x_time": (
            worst is not None and worst <= 300 * top / 256 if top == 256 else None
        ),
        "import_without_torch": not cold["import_eventx_loads_torch"],
    }


GOAL_LABELS = {
    "cold_start_at_most_8x_help": "a fresh `eventx extract seed.txt` takes <= 8x `eventx --help`",
    "steady_at_most_0_40x_dateparser": "full pipeline <= 0.40x the time of dateparser (dev set)",
    "jobs2_at_least_1_6x_faster": "`--jobs 2` >= 1.6x faster than `--jobs 1`",
    "worker_private_at_most_80_mb": "private memory per worker <= 80 MB",
    "256x_text_at_most_300x_time": "256x the text costs <= 300x the time (both languages)",
    "import_without_torch": "`import eventx` does not import torch",
}


def _yes_no(met: bool | None) -> str:
    return "not measured" if met is None else "yes" if met else "no"


def markdown(result: dict[str, Any]) -> str:
    m = result["machine"]
    lines = [
        f"Measured {m['date']} on commit {m['commit']} ({m['cpu']}, {m['cpus']} CPUs, "
        f"Python {m['python']}; compiled modules {m.get('compiled_modules', '?')}). "
        "Regenerate with `make bench REFRESH=1`.",
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
    scales = list(next(iter(result["scaling"].values()))["seconds"]) if result["scaling"] else []
    lines += [
        "",
        "| scaling (one article repeated, CPU s) | "
        + " | ".join(f"{k}x s" for k in scales)
        + " | "
        + " | ".join(f"{k}x ratio" for k in scales[1:])
        + " |",
        "|---" * (1 + 2 * len(scales) - 1) + "|",
    ]
    for language, s in result["scaling"].items():
        sec, ratio = s["seconds"], s["ratio"]
        lines.append(
            f"| {language}: {s['article']} ({s['bytes_1x'] / 1000:.1f} KB) | "
            + " | ".join(f"{sec[k]:.3f}" for k in scales)
            + " | "
            + " | ".join(f"{ratio[k]}" for k in scales[1:])
            + " |"
        )
    c, r, j = result["cold_start"], result["memory"], result.get("jobs")
    extract = (
        f"a fresh `eventx extract seed.txt` {c['extract_seed_s']:.2f} s "
        f"(**{c['ratio_extract_seed_over_help']}x** `eventx --help`)"
        if c.get("extract_seed_s") is not None
        else "`eventx extract seed.txt`: no seed found"
    )
    lines += [
        "",
        f"Cold start: `eventx --help` {c['eventx_help_s']:.2f} s, {extract}, `import eventx` "
        f"{c['import_eventx_s']:.2f} s (bare Python {c['python_startup_s']:.2f} s); "
        f"`import eventx` loads torch: {c['import_eventx_loads_torch']}.",
    ]
    if j:
        lines += [
            "",
            f"Workers: `eventx extract --jobs 1` on {j['documents']} documents {j['jobs1_s']:.1f} s, "
            f"`--jobs 2` {j['jobs2_s']:.1f} s (**{j['speedup_jobs2_over_jobs1']}x** faster; "
            f"identical output: {j['identical_output']}); private memory (USS) per worker: "
            + ", ".join(f"{mb} MB" for mb in j.get("worker_private_mb", []))
            + ".",
        ]
    if r["peak_rss_mb_after_1mb"] is not None:
        lines += [
            "",
            f"Peak RSS: {r['peak_rss_mb_import']} MB after import, "
            f"{r['peak_rss_mb_after_1mb']} MB after the 1 MB workload.",
        ]
    lines += ["", "| goal (issue 15) | met |", "|---|---|"]
    for goal, met in result["goals"].items():
        lines.append(f"| {GOAL_LABELS.get(goal, goal)} | {_yes_no(met)} |")
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
    parser.add_argument(
        "--results-dir",
        type=Path,
        default=None,
        help="where the JSON goes (default build/bench, or benchmarks/results with --refresh)",
    )
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
        default=None,
        help="markdown file whose table to update (default: none, docs/performance.md with "
        "--refresh)",
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="write the tracked results: benchmarks/results/latest.json and docs/performance.md",
    )
    parser.add_argument(
        "--jobs-docs", type=int, default=JOBS_DOCUMENTS, help="documents for --jobs 1 vs 2"
    )
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: few repeats, small workloads"
    )
    args = parser.parse_args(argv)
    results_dir = args.results_dir or (
        ROOT / "benchmarks" / "results" if args.refresh else ROOT / "build" / "bench"
    )
    docs = args.docs or (ROOT / "docs" / "performance.md" if args.refresh else None)

    loads = workloads(args.shared)
    repeat = args.repeat
    scales: Sequence[int] = SCALES
    jobs_docs = args.jobs_docs
    if args.quick:
        loads["devset_1mb"] = loads["devset"] * 2
        repeat = 1
        scales = QUICK_SCALES
        jobs_docs = min(jobs_docs, 20)
        args.dateparser_docs = args.dateparser_docs or 3
    started = time.perf_counter()
    result: dict[str, Any] = {"machine": machine()}
    result["workloads"], result["stages"] = measure_workloads(
        loads, repeat=repeat, dateparser_docs=args.dateparser_docs
    )
    result["scaling"] = measure_scaling(loads, repeat=repeat, scales=scales)
    result["cold_start"] = measure_cold_start(args.shared, repeat=min(repeat, 3))
    result["jobs"] = measure_jobs(loads, documents=jobs_docs)
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
    out = results_dir / f"{args.name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    table = markdown(result)
    if docs is not None:
        update_docs(docs, table)
    print(table)
    print(f"\nwrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
