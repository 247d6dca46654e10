"""Process-pool extraction: one Pipeline per worker, results in input order, supervised.

Documents travel to workers as plain tuples (a :class:`Document` holds a read-only mapping,
which does not pickle) and records come back already serialised: the CLI writes the worker's
JSON text as it is, so nothing is parsed and re-dumped in the parent. The output is
byte-identical to a single-process run whatever the number of workers.

Supervision: each worker holds one document at a time, so the parent always knows which
document a worker was on. A worker that dies (``os._exit``, a signal, the out-of-memory killer)
or runs past the per-document wall-clock limit (``document_timeout``; it is killed) costs only
that document: it gets an ``error`` record saying what happened, a fresh worker takes the
dead one's place and the run goes on, in order.

Start method: where ``fork`` is safe (Linux, the parent has a single OS thread, no stanza/torch)
the parent builds and warms up the pipeline first and then forks, so every worker starts at
once and shares the loaded lexicons, gazetteer and matchers page by page (copy-on-write; the
worker freezes them out of the garbage collector's reach so they stay shared). Elsewhere
``spawn`` is used and each worker builds and warms up its own pipeline.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import multiprocessing
import os
import signal
import sys
import threading
import time
import types
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from eventx.record import Document, EventRecord

#: Hard wall-clock limit per document in a worker (seconds), used when neither the caller's
#: ``document_timeout`` nor the pipeline's ``timeout`` setting says otherwise. The pipeline's
#: work budget normally ends a runaway extractor long before this; this limit is the stop for
#: code that never spends budget or blocks outside Python.
DEFAULT_DOCUMENT_TIMEOUT = 300.0

# How many documents may be dispatched beyond the oldest unfinished one, per worker: bounds
# the results held for reordering while one worker is busy with a long document.
_AHEAD_PER_WORKER = 32

# The pipeline a worker uses: set in the parent before forking (inherited), or built by a
# spawned worker from the settings (plugin managers and stanza models do not pickle).
_WORKER: Any = None

# What a worker sends once it can take documents.
_READY = "ready"
# Workers that die before they are ready, in a row, before the run gives up: a worker that
# cannot even start (a broken install, a plugin that fails at import) would otherwise be
# replaced forever.
_MAX_FAILED_STARTS = 3

Payload = tuple[Any, ...]
#: One finished document: its id, its status and its record as compact JSON.
Result = tuple[str, str, str]


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


def result_for(payload: Payload, pipeline: Any) -> Result:
    """The finished result for one payload; a failure of eventx itself becomes an error record
    (the run must go on: one document never costs the others)."""
    try:
        record = record_for(payload, pipeline)
        return record.id, record.status, record.to_json()
    except Exception as exc:
        return _error_result(payload, f"eventx failed on this document: {type(exc).__name__}: {exc}")


def _error_result(payload: Payload, message: str) -> Result:
    from eventx.pipeline import error_record

    record = error_record(str(payload[1]), message)
    return record.id, record.status, record.to_json()


def _os_threads() -> int:
    """Threads of this process, including native ones Python does not know (torch, BLAS)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def start_method(settings: dict[str, Any]) -> str:
    """``fork`` where it is safe, else ``spawn``.

    fork copies only the calling thread: a lock held by any other thread (torch's pools, a
    user's threads) stays locked forever in the child. So fork is used only on Linux (macOS
    system libraries are not fork-safe), with one OS thread in the parent and without the stanza
    backend (torch starts threads when it loads).
    """
    if (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and settings.get("backend", "builtin") == "builtin"
        and _os_threads() == 1
    ):
        return "fork"
    return "spawn"


def _portable_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """Settings a spawned worker can receive: plugin modules travel by name."""
    plugins = settings.get("plugins")
    if not plugins:
        return settings
    named = [("module", p.__name__) if isinstance(p, types.ModuleType) else p for p in plugins]
    return {**settings, "plugins": named}


def _build_pipeline(settings: dict[str, Any]) -> Any:
    from eventx.pipeline import Pipeline

    plugins = [
        importlib.import_module(p[1]) if isinstance(p, tuple) and p[:1] == ("module",) else p
        for p in settings.get("plugins", ())
    ]
    return Pipeline(**{**settings, "plugins": plugins})


def _worker_main(
    conn: Connection, settings: dict[str, Any] | None, parent_end: Connection | None = None
) -> None:
    """A worker's loop: receive (index, payload), send back (index, result), until None."""
    global _WORKER
    if parent_end is not None:
        # Forked: drop this copy of the parent's end, so that the parent's death reaches us as
        # end-of-file instead of leaving us waiting forever.
        parent_end.close()
    # The parent owns interrupts: it stops the workers itself and reports what was written.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if settings is not None:  # spawned: build and warm up here
        _WORKER = _build_pipeline(settings)
        _WORKER.warm_up(freeze_gc=True)
    else:
        # Forked from a warmed-up parent: keep the inherited objects out of GC's reach so their
        # pages stay shared with the parent and the other workers, and pause collection per
        # document as a spawned worker (and `--jobs 1`) does.
        _WORKER._freeze_gc_after_fork()
    # Ready: from now on the per-document clock is fair. A spawned worker's start-up (imports,
    # building the place index) must not count against its first document, or a loaded
    # machine would stop healthy workers before they read anything.
    conn.send(_READY)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, payload = message
        conn.send((index, result_for(payload, _WORKER)))


class _Worker:
    def __init__(self, context: Any, settings: dict[str, Any] | None) -> None:
        self.conn, child = context.Pipe()
        forked = context.get_start_method() == "fork"
        args = (child, settings, self.conn if forked else None)
        self.process = context.Process(target=_worker_main, args=args, daemon=True)
        if forked:
            # A forked child flushes the std streams it inherited when it ends: anything still
            # buffered here would be written twice (records on stdout!). Empty them first.
            sys.stdout.flush()
            sys.stderr.flush()
        self.process.start()
        child.close()
        self.ready = False
        self.task: tuple[int, Payload] | None = None
        self.started = 0.0

    def give(self, index: int, payload: Payload) -> None:
        self.task = (index, payload)
        self.started = time.monotonic()
        self.conn.send((index, payload))

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):  # already gone: join below
                self.conn.send(None)
        self.process.join(timeout=None if kill else 5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _death_note(process: Any) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        try:
            how = f"was killed by {signal.Signals(-code).name}"
        except ValueError:
            how = f"was killed by signal {-code}"
        if -code == signal.SIGKILL:
            how += " (out of memory?)"
    else:
        how = f"exited with code {code}"
    return f"the worker process {how} while extracting this document; its record is lost"


class _Supervisor:
    """Runs payloads over ``jobs`` worker processes, replacing any that die or hang."""

    def __init__(
        self,
        jobs: int,
        settings: dict[str, Any],
        document_timeout: float | None,
        *,
        pipeline: Any = None,
    ):
        global _WORKER
        method = start_method(settings)
        self.context = multiprocessing.get_context(method)
        self.worker_settings: dict[str, Any] | None
        if method == "fork":
            # Warm up once here, then fork: workers inherit a ready pipeline and share its pages.
            _WORKER = pipeline if pipeline is not None else _build_pipeline(settings)
            _WORKER.warm_up(before_fork=True)
            gc.collect()
            self.worker_settings = None
        else:
            self.worker_settings = _portable_settings(settings)
        self.jobs = jobs
        self.timeout = document_timeout if document_timeout and document_timeout > 0 else None
        self.failed_starts = 0
        self.workers = [self._new_worker() for _ in range(jobs)]

    def _new_worker(self) -> _Worker:
        return _Worker(self.context, self.worker_settings)

    def _replace(self, worker: _Worker, *, kill: bool) -> None:
        worker.stop(kill=kill)
        self.workers[self.workers.index(worker)] = self._new_worker()

    def run(self, payloads: Iterable[Payload]) -> Iterator[Result]:
        source = enumerate(payloads)
        retry: deque[tuple[int, Payload]] = deque()
        done: dict[int, Result] = {}
        next_out = 0
        next_in = 0
        exhausted = False
        ahead = self.jobs * _AHEAD_PER_WORKER
        while True:
            for worker in list(self.workers):
                if worker.task is not None or not worker.ready:
                    continue
                if retry:
                    task = retry.popleft()
                elif exhausted or next_in - next_out >= ahead:
                    continue
                else:
                    found = next(source, None)
                    if found is None:
                        exhausted = True
                        continue
                    task = found
                    next_in += 1
                try:
                    worker.give(*task)
                except OSError:  # died while idle: its replacement takes the document
                    retry.append(task)
                    self._replace(worker, kill=True)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            busy = [w for w in self.workers if w.task is not None]
            if not busy and exhausted and not retry and next_out not in done:
                return
            starting = [w for w in self.workers if not w.ready]
            if busy or starting:
                self._collect(busy, starting, done)

    def _collect(
        self, busy: list[_Worker], starting: list[_Worker], done: dict[int, Result]
    ) -> None:
        wait_for = None
        if self.timeout is not None and busy:
            first_deadline = min(w.started for w in busy) + self.timeout
            wait_for = max(0.0, first_deadline - time.monotonic())
        watched = busy + starting
        wait([w.conn for w in watched] + [w.process.sentinel for w in watched], wait_for)
        now = time.monotonic()
        for worker in starting:
            if worker.conn.poll():
                with contextlib.suppress(EOFError, OSError):
                    if worker.conn.recv() == _READY:
                        worker.ready = True
                        self.failed_starts = 0
                        continue
            if not worker.process.is_alive():
                worker.process.join()
                self.failed_starts += 1
                if self.failed_starts >= _MAX_FAILED_STARTS:
                    raise RuntimeError(
                        f"{_MAX_FAILED_STARTS} worker processes in a row died before they were "
                        f"ready (last: {_death_note(worker.process)}); run with --jobs 1 to see why"
                    )
                self._replace(worker, kill=True)
        for worker in busy:
            assert worker.task is not None
            index, payload = worker.task
            if worker.conn.poll():
                try:
                    got_index, result = worker.conn.recv()
                except (EOFError, OSError):
                    pass
                else:
                    done[got_index] = result
                    worker.task = None
                    continue
            if not worker.process.is_alive():
                worker.process.join()
                done[index] = _error_result(payload, _death_note(worker.process))
                self._replace(worker, kill=True)
            elif self.timeout is not None and now - worker.started >= self.timeout:
                done[index] = _error_result(
                    payload,
                    f"extraction took longer than the per-document limit of {self.timeout:g} s; "
                    "the worker was stopped and replaced",
                )
                self._replace(worker, kill=True)

    def close(self) -> None:
        for worker in self.workers:
            worker.stop(kill=worker.task is not None)


def run_parallel_results(
    items: Iterable[Any],
    *,
    jobs: int,
    document_timeout: float | None = None,
    **settings: Any,
) -> Iterator[Result]:
    """``(id, status, compact JSON)`` of one record per item, in input order."""
    if document_timeout is None:  # the pipeline's own setting, when the caller gave one
        document_timeout = settings.get("timeout", DEFAULT_DOCUMENT_TIMEOUT)
    supervisor = _Supervisor(jobs, settings, document_timeout)
    try:
        yield from supervisor.run(map(to_payload, items))
    finally:
        supervisor.close()


def run_parallel_json(
    items: Iterable[Any],
    *,
    jobs: int,
    document_timeout: float | None = None,
    **settings: Any,
) -> Iterator[str]:
    """Compact JSON text of one record per item, in input order, from ``jobs`` processes.

    ``settings`` are :class:`eventx.Pipeline` keyword arguments (``backend``, ``stanza_dir``,
    ``max_chars``, ``timeout``, ``plugins``...), applied in every worker. A worker that dies or
    runs longer than ``document_timeout`` seconds on one document costs only that document,
    which gets an ``error`` record. None: the ``timeout`` setting when given, else
    :data:`DEFAULT_DOCUMENT_TIMEOUT`; 0: no limit. The clock starts when a worker has taken the
    document, never during a worker's start-up.
    """
    for _id, _status, text in run_parallel_results(
        items, jobs=jobs, document_timeout=document_timeout, **settings
    ):
        yield text


def run_parallel(
    items: Iterable[Any],
    *,
    jobs: int,
    document_timeout: float | None = None,
    **settings: Any,
) -> Iterator[EventRecord]:
    """Like :func:`run_parallel_json`, yielding :class:`EventRecord` objects."""
    import orjson

    for text in run_parallel_json(items, jobs=jobs, document_timeout=document_timeout, **settings):
        yield EventRecord.from_dict(orjson.loads(text))
