"""Process-pool extraction: one Pipeline per worker, results in input order.

Documents travel to workers as plain tuples (a :class:`Document` holds a read-only mapping,
which does not pickle) and records come back already serialised: the CLI writes the worker's
JSON text as it is, so nothing is parsed and re-dumped in the parent. The output is
byte-identical to a single-process run whatever the number of workers.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

from eventx.record import Document, EventRecord

# Per-worker state, set once by the pool initializer (plugin managers and stanza models do not
# pickle, and building them per document would cost more than the extraction).
_WORKER: Any = None

Payload = tuple[Any, ...]


def _init_worker(settings: dict[str, Any]) -> None:
    global _WORKER
    from eventx.pipeline import Pipeline

    _WORKER = Pipeline(**settings)
    _WORKER.warm_up(freeze_gc=True)  # a worker only runs eventx: keep GC off the data


def to_payload(item: Any) -> Payload:
    """A picklable stand-in for a :class:`Document` or an input error."""
    from eventx.io import InputError

    if isinstance(item, InputError):
        return ("error", item.id, item.message)
    if isinstance(item, Document):
        date = item.document_date.isoformat() if item.document_date else None
        return ("doc", item.id, item.text, item.language, date, item.title, dict(item.metadata))
    raise TypeError(f"expected a Document or an InputError, got {type(item).__name__}")


def record_for(payload: Payload, pipeline: Any) -> EventRecord:
    """Run ``pipeline`` on one payload (an input error becomes an error record)."""
    from eventx.pipeline import error_record

    if payload[0] == "error":
        return error_record(payload[1], payload[2])
    _kind, doc_id, text, language, date, title, metadata = payload
    document = Document(
        id=doc_id,
        text=text,
        language=language,
        document_date=date,
        title=title,
        metadata=metadata,
    )
    result: EventRecord = pipeline.run(document)
    return result


def _work_json(payload: Payload) -> str:
    return record_for(payload, _WORKER).to_json()


def _work_dict(payload: Payload) -> dict[str, Any]:
    return record_for(payload, _WORKER).to_dict()


def _pool(jobs: int, settings: dict[str, Any]) -> Any:
    # fork starts fast and shares the loaded plugins; stanza (torch threads) needs spawn.
    method = "spawn" if settings.get("backend") == "stanza" else "fork"
    if method not in multiprocessing.get_all_start_methods():
        method = "spawn"
    context = multiprocessing.get_context(method)
    return context.Pool(jobs, initializer=_init_worker, initargs=(settings,))


def run_parallel_json(
    items: Iterable[Any], *, jobs: int, chunksize: int = 8, **settings: Any
) -> Iterator[str]:
    """Compact JSON text of one record per item, in input order, from ``jobs`` processes.

    ``settings`` are :class:`eventx.Pipeline` keyword arguments (``backend``, ``stanza_dir``,
    ``max_chars``, ``timeout``...), applied in every worker.
    """
    with _pool(jobs, settings) as pool:
        yield from pool.imap(_work_json, map(to_payload, items), chunksize=chunksize)


def run_parallel(
    items: Iterable[Any], *, jobs: int, chunksize: int = 8, **settings: Any
) -> Iterator[EventRecord]:
    """Like :func:`run_parallel_json`, yielding :class:`EventRecord` objects."""
    with _pool(jobs, settings) as pool:
        for data in pool.imap(_work_dict, map(to_payload, items), chunksize=chunksize):
            yield EventRecord.from_dict(data)
