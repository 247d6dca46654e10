"""Worker processes (issue 16.4, 13.4, 15.2): a dead or hung worker costs only its document,
fork only where it is safe, and forked workers share the parent's warmed-up pages."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

import eventx
from eventx import hookimpl
from eventx.parallel import _Supervisor, run_parallel_results, start_method, to_payload

EN = "Police said three protesters were killed and 40 injured in Almaty on Friday."
AR = "أعلنت وزارة الداخلية الكازاخستانية الجمعة مصرع 26 مسلحا وإصابة 18 آخرين في ألماتي."

pytestmark = pytest.mark.skipif(
    start_method({}) != "fork", reason="these tests hand plugin objects to forked workers"
)


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


def test_13_4_fork_only_where_it_is_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    assert start_method({"backend": "builtin"}) == "fork"  # Linux, one thread: this process
    assert start_method({"backend": "stanza"}) == "spawn"  # torch starts threads
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert start_method({"backend": "builtin"}) == "spawn"  # another thread: fork unsafe
    finally:
        stop.set()
        helper.join()
    monkeypatch.setattr("sys.platform", "darwin")
    assert start_method({"backend": "builtin"}) == "spawn"


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
