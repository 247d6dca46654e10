"""Worker processes (issue 16.4, 13.4, 15.2): a dead or hung worker costs only its document,
fork only where it is safe, and forked workers share the parent's warmed-up pages."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import eventx
from eventx import hookimpl
from eventx.parallel import _Supervisor, run_parallel_results, to_payload

EN = "Police said three protesters were killed and 40 injured in Almaty on Friday."
AR = "أعلنت وزارة الداخلية الكازاخستانية الجمعة مصرع 26 مسلحا وإصابة 18 آخرين في ألماتي."

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="these tests hand plugin objects to forked workers"
)


@pytest.fixture(autouse=True)
def fork_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork, as a fresh ``eventx`` process does: this test process may hold idle torch threads
    from the stanza tests, which would make eventx choose spawn (its builtin workers never touch
    torch). The choice itself is tested below, in fresh processes."""
    monkeypatch.setattr("eventx.parallel.start_method", lambda settings: "fork")


class Saboteur:
    """A faulty third-party plugin: its extractor kills its process or hangs on cue words."""

    name = "saboteur"

    @hookimpl
    def eventx_register_extractors(self, register: eventx.Register) -> None:
        def sabotage(ctx: eventx.ExtractionContext) -> list[eventx.DateFact]:
            text = ctx.document.text
            if "EXIT-NOW" in text:
                os._exit(7)
            if "KILL-NOW" in text:
                os.kill(os.getpid(), 9)  # what the out-of-memory killer does
            if "HANG-NOW" in text:
                while True:  # swallows the pipeline's own deadline: only the hard stop helps
                    with contextlib.suppress(BaseException):
                        time.sleep(0.05)
            return []

        register(eventx.Extractor(name="sabotage", func=sabotage, provides=["dates"]))


def documents(hostile: str, n: int = 100) -> list[eventx.Document]:
    docs = [
        eventx.Document(id=f"d{i:03}", text=(EN, AR)[i % 2], document_date="2022-01-07")
        for i in range(n)
    ]
    docs[n // 2] = eventx.Document(id="hostile", text=f"{EN} {hostile}")
    return docs


@pytest.mark.parametrize(
    ("cue", "expected"),
    [
        ("EXIT-NOW", "exited with code 7"),
        ("KILL-NOW", "killed by SIGKILL (out of memory?)"),
        ("HANG-NOW", "longer than the per-document limit of 10 s"),
    ],
)
def test_16_4_a_dead_or_hung_worker_costs_only_its_document(cue: str, expected: str) -> None:
    docs = documents(cue)
    results = list(
        run_parallel_results(
            docs, jobs=2, document_timeout=10.0, plugins=[Saboteur()]
        )
    )
    assert [r[0] for r in results] == [d.id for d in docs]  # 100 records, in order
    statuses = {doc_id: status for doc_id, status, _ in results}
    assert statuses.pop("hostile") == "error"
    assert set(statuses.values()) == {"ok"}
    assert expected in results[50][2]
    # the records of the others are exactly what one process gives
    pipeline = eventx.Pipeline(plugins=[Saboteur()])
    assert results[49][2] == pipeline.run(docs[49]).to_json()
    assert results[51][2] == pipeline.run(docs[51]).to_json()


def test_16_4_every_worker_dying_still_ends_the_run() -> None:
    docs = [eventx.Document(id=f"k{i}", text=f"{EN} EXIT-NOW") for i in range(5)]
    results = list(run_parallel_results(docs, jobs=2, plugins=[Saboteur()]))
    assert [(r[0], r[1]) for r in results] == [(d.id, "error") for d in docs]


def test_13_4_fork_only_where_it_is_safe() -> None:
    script = """
import sys, threading
from eventx.parallel import start_method
print(start_method({"backend": "builtin"}), start_method({"backend": "stanza"}), end=" ")
stop = threading.Event()
helper = threading.Thread(target=stop.wait)
helper.start()
print(start_method({"backend": "builtin"}), end=" ")  # another thread: fork is unsafe
stop.set()
helper.join()
sys.platform = "darwin"
print(start_method({"backend": "builtin"}))
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300
    )
    assert out.stdout.split() == ["fork", "spawn", "spawn", "spawn"]


def test_13_4_spawned_workers_give_the_same_records(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventx.parallel.start_method", lambda settings: "spawn")
    docs = documents("plain", n=4)
    spawned = [text for _id, _status, text in run_parallel_results(docs, jobs=1)]
    pipeline = eventx.Pipeline()
    assert spawned == [pipeline.run(d).to_json() for d in docs]


def _memory(pid: int) -> dict[str, int]:
    fields: dict[str, int] = {}
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1])
    return fields


@pytest.mark.skipif(not os.path.exists("/proc/self/smaps_rollup"), reason="needs Linux /proc")
def test_15_2_forked_workers_share_the_warmed_up_pipeline_pages() -> None:
    supervisor = _Supervisor(2, {}, None)
    try:
        results: Iterator[Any] = supervisor.run(map(to_payload, documents("plain", n=20)))
        assert len(list(results)) == 20
        for worker in supervisor.workers:
            memory = _memory(worker.process.pid)
            # The lexicons, gazetteer and matchers were loaded by the parent before the fork:
            # most of what a worker holds is still shared with the parent, not its own copy.
            private = memory["Private_Clean"] + memory["Private_Dirty"]
            assert private < 0.25 * memory["Rss"], memory
    finally:
        supervisor.close()


class CollectorProbe:
    """Says in each record whether automatic garbage collection was on while it ran."""

    name = "collector-probe"

    @hookimpl
    def eventx_register_extractors(self, register: eventx.Register) -> None:
        def probe(ctx: eventx.ExtractionContext) -> list[eventx.DateFact]:
            ctx.warn(f"collector on: {gc.isenabled()}")
            return []

        register(eventx.Extractor(name="probe", func=probe, provides=["dates"]))


def test_15_forked_workers_pause_collection_per_document_as_one_process_does() -> None:
    """A forked worker runs each document with automatic collection paused, as `--jobs 1` and
    a spawned worker do after warm_up(freeze_gc=True): the parent's warm-up alone leaves the
    worker's collector on (it must not freeze or pause the caller's own process)."""
    docs = [eventx.Document(id=f"d{i}", text=EN, language="en") for i in range(3)]
    results = run_parallel_results(docs, jobs=1, plugins=[CollectorProbe()])
    for _id, _status, text in results:
        messages = [d["message"] for d in json.loads(text)["diagnostics"]]
        assert "collector on: False" in messages, messages
    assert gc.isenabled()  # the parent's own collector is untouched


def test_15_2_the_fork_parent_loads_the_fuzzy_place_table_for_its_workers() -> None:
    from eventx.gazetteer.fuzzy import _world_skeletons

    _world_skeletons.cache_clear()
    supervisor = _Supervisor(2, {}, None)
    try:
        if supervisor.context.get_start_method() == "fork":
            # loaded once before forking (shared pages), not by each worker on its first
            # document that needs it (a private copy of ~70 MB each)
            assert _world_skeletons.cache_info().currsize == 1
    finally:
        supervisor.close()


SABOTEUR_MODULE = '''
import os
import eventx


class _Saboteur:
    name = "eventx_saboteur"

    @eventx.hookimpl
    def eventx_register_extractors(self, register):
        def sabotage(ctx):
            if "EXIT-NOW" in ctx.document.text:
                os._exit(7)
            return []

        register(eventx.Extractor(name="sabotage", func=sabotage, provides=["dates"]))


plugin = _Saboteur()
'''


def test_16_4_the_cli_keeps_every_record_when_a_worker_dies(tmp_path: Path) -> None:
    """End to end, in a fresh process writing to a pipe: an installed plugin kills the worker
    holding document 51; stdout still gets 100 records, each once, in order."""
    (tmp_path / "eventx_saboteur.py").write_text(SABOTEUR_MODULE, "utf-8")
    info = tmp_path / "eventx_saboteur-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: eventx_saboteur\nVersion: 0.1\n", "utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[eventx]\neventx_saboteur = eventx_saboteur:plugin\n", "utf-8"
    )
    lines = [
        json.dumps({"id": d.id, "text": d.text, "document_date": "2022-01-07"})
        for d in documents("EXIT-NOW")
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "eventx.cli", "extract", str(corpus), "--jobs", "2"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in out] == [f"d{i:03}" for i in range(50)] + ["hostile"] + [
        f"d{i:03}" for i in range(51, 100)
    ]
    assert out[50]["status"] == "error" and "exited with code 7" in json.dumps(out[50])
    assert done.returncode == 3
    assert done.stderr.splitlines()[-1] == "eventx: 100 documents in: 99 ok, 0 partial, 1 error"


def test_16_8_sigterm_keeps_the_previous_output_and_stops_the_workers(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"d{i}", "text": (EN, AR)[i % 2]}) for i in range(5000)]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", "utf-8")
    target = tmp_path / "out.jsonl"
    target.write_text("previous good output\n", "utf-8")
    command = [sys.executable, "-m", "eventx.cli", "extract", str(corpus), "-o", str(target)]
    run = subprocess.Popen(
        [*command, "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        # wait (no time limit asserted) until records are being written to the temporary file
        while run.poll() is None and not any(
            p.stat().st_size for p in tmp_path.glob(".out.jsonl.*.tmp")
        ):
            time.sleep(0.05)
        run.send_signal(15)
        _out, err = run.communicate(timeout=600)
    finally:
        run.kill()
    assert run.returncode == 130
    assert target.read_text("utf-8") == "previous good output\n"
    partial = [json.loads(x) for x in (tmp_path / "out.jsonl.partial").read_text().splitlines()]
    assert 0 < len(partial) < 5000
    assert [r["id"] for r in partial] == [f"d{i}" for i in range(len(partial))]
    assert f"{len(partial)} records were written to {target}.partial (incomplete)" in err
    assert not list(tmp_path.glob(".out.jsonl.*.tmp"))


class SlowStarter:
    """A plugin whose registration is slow, as a spawned worker's start-up is on a busy machine."""

    name = "slow_starter"

    @hookimpl
    def eventx_register_extractors(self, register: eventx.Register) -> None:
        time.sleep(1.5)


def test_16_4_a_workers_start_up_does_not_count_against_its_first_document() -> None:
    # Each worker needs 1.5 s to start; the per-document limit is 1 s. The clock starts when a
    # worker has taken a document, so no healthy document is lost to start-up time.
    docs = [eventx.Document(id=f"s{i}", text=EN, document_date="2022-01-07") for i in range(4)]
    supervisor = _Supervisor(2, {"plugins": [SlowStarter()]}, document_timeout=1.0)
    for forked in supervisor.workers:
        forked.stop()
    supervisor.worker_settings = {"plugins": [SlowStarter()]}  # build in the worker, like spawn
    supervisor.workers = [supervisor._new_worker() for _ in range(2)]
    try:
        results = list(supervisor.run(map(to_payload, docs)))
    finally:
        supervisor.close()
    assert [(r[0], r[1]) for r in results] == [(d.id, "ok") for d in docs]
