"""The compiled place index is built once, cached on disk, and rebuilt when the cache is bad."""

from __future__ import annotations

import multiprocessing
import os
import pickle
from pathlib import Path

import pytest

from eventx.gazetteer import cache
from eventx.gazetteer.index import _compact, _expand, build_language_index, language_index


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    return tmp_path


def test_built_once_then_loaded(cache_home: Path) -> None:
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"Almaty": 1526384}

    assert cache.cached("demo", build) == {"Almaty": 1526384}
    assert cache.cached("demo", build) == {"Almaty": 1526384}
    assert len(calls) == 1
    assert cache.artifact_path("demo").parent == cache_home / "gazetteer"


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps(("other", 1))])
def test_corrupt_or_foreign_cache_is_rebuilt(cache_home: Path, damage: bytes) -> None:
    cache.cached("demo", lambda: [1, 2, 3])
    path = cache.artifact_path("demo")
    path.write_bytes(damage)
    assert cache.cached("demo", lambda: [4, 5]) == [4, 5]
    # and the rebuilt file is whole again
    assert cache.cached("demo", lambda: [6]) == [4, 5]


def test_unwritable_cache_still_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker))
    assert cache.cached("demo", lambda: "built in memory") == "built in memory"


def test_stale_fingerprints_beyond_the_newest_few_are_removed(cache_home: Path) -> None:
    folder = cache_home / "gazetteer"
    folder.mkdir(parents=True)
    olds = []
    for age in range(cache.KEEP_OTHER_FINGERPRINTS + 2):  # age 0 is the newest
        old = folder / f"demo-{age:020d}.pickle"
        old.write_bytes(b"stale")
        os.utime(old, (1_000_000_000 - age * 100, 1_000_000_000 - age * 100))
        olds.append(old)
    cache.cached("demo", lambda: 1)
    kept = [old.exists() for old in olds]
    # another checkout's artifacts stay (the newest few); the oldest ones go
    assert kept == [True] * cache.KEEP_OTHER_FINGERPRINTS + [False, False]
    assert cache.artifact_path("demo").exists()


def _build_in_child(directory: str, queue: multiprocessing.Queue[object]) -> None:
    os.environ[cache.CACHE_ENV] = directory
    cache.fingerprint.cache_clear()
    queue.put(cache.cached("shared", lambda: list(range(200_000))))


def test_two_processes_building_at_once_both_get_a_whole_index(cache_home: Path) -> None:
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[object] = context.Queue()
    workers = [
        context.Process(target=_build_in_child, args=(str(cache_home), queue)) for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    assert results == [list(range(200_000))] * 2
    assert cache.cached("shared", lambda: "rebuilt") == list(range(200_000))
    leftovers = [p.name for p in (cache_home / "gazetteer").iterdir() if p.suffix == ".tmp"]
    assert leftovers == []


@pytest.mark.slow
def test_cached_index_equals_a_fresh_build() -> None:
    fresh = build_language_index("ar")
    loaded = language_index("ar")  # from the cache (or built and stored by this call)
    assert set(fresh.names) == set(loaded.names)
    assert all(fresh.names[key] == loaded.names[key] for key in fresh.names)
    assert dict(fresh.demonyms) == dict(loaded.demonyms)
    assert fresh.stopwords == loaded.stopwords
    assert set(fresh.lookup_only) == set(loaded.lookup_only)
    roundtrip = _expand(_compact(fresh))
    assert roundtrip.names["الانبار"] == fresh.names["الانبار"]


def test_threads_starting_cold_build_once(cache_home: Path) -> None:
    import threading
    import time

    builds: list[int] = []

    def slow_build() -> str:
        builds.append(1)
        time.sleep(0.2)  # long enough for every thread to arrive while the first one builds
        return "whole"

    results: list[str] = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.cached("shared", slow_build)))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["whole"] * 4
    assert builds == [1]
