"""Process-pool extraction: one Pipeline per worker, records in input order."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

from eventx.record import EventRecord

_WORKER: Any = None


def _init_worker(backend: str, stanza_dir: str | None) -> None:
    # Each worker builds its own pipeline: plugin managers and stanza models do not pickle.
    global _WORKER
    from eventx.pipeline import Pipeline

    _WORKER = Pipeline(backend=backend, stanza_dir=stanza_dir)


def _work(item: Any) -> str:
    from eventx.io import InputError
    from eventx.pipeline import error_record

    if isinstance(item, InputError):
        return error_record(item.id, item.message).to_json()
    record: EventRecord = _WORKER.run(item)
    return record.to_json()


def run_parallel(
    items: Iterable[Any],
    *,
    jobs: int,
    backend: str = "builtin",
    stanza_dir: str | None = None,
    chunksize: int = 8,
) -> Iterator[EventRecord]:
    context = multiprocessing.get_context("spawn" if backend == "stanza" else "fork")
    with context.Pool(jobs, initializer=_init_worker, initargs=(backend, stanza_dir)) as pool:
        for text in pool.imap(_work, items, chunksize=chunksize):
            yield EventRecord.from_dict(__import__("orjson").loads(text))
