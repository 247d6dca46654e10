"""Documents to records on Dask: a bag of records, and a DataFrame with one row per fact.

Needs the ``dask`` extra (``pip install 'eventx-news[dask]'``). Works with every Dask scheduler
(synchronous, threads, processes, a ``dask.distributed`` cluster): the pipeline travels to the
workers as its configuration (a :class:`eventx.Pipeline` pickles that way) and each worker
process builds it once, then reuses it for every partition it runs. Records are the same as
the plain pipeline's, byte for byte (docs/scale.md).

    >>> import eventx.dask
    >>> records = eventx.dask.records_bag(texts_or_documents, npartitions=8)
    >>> facts = eventx.dask.facts_frame(records)          # dask.dataframe.DataFrame
    >>> facts[facts.field == "casualties"].compute()
"""

from __future__ import annotations

import pickle
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import orjson

from eventx.pipeline import Pipeline
from eventx.record import RECORD_FIELDS, Document, EventRecord, evidence_of

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        f"eventx.dask needs the dask extra: pip install 'eventx-news[dask]' ({exc})"
    ) from exc

#: Columns of :func:`facts_frame`, in order.
FACT_COLUMNS: tuple[str, ...] = (
    "document_id",
    "field",
    "position",
    "start",
    "end",
    "text",
    "extractor",
    "fact",
)

# One pipeline per worker process (and per configuration), shared by its threads: building one
# loads every plugin and costs seconds, a partition may hold a handful of documents.
_PIPELINES: dict[bytes, Pipeline] = {}
_PIPELINES_LOCK = threading.Lock()


def _pipeline_for(config: bytes) -> Pipeline:
    with _PIPELINES_LOCK:
        pipeline = _PIPELINES.get(config)
        if pipeline is None:
            pipeline = pickle.loads(config)
            _PIPELINES[config] = pipeline
        return pipeline


def as_document(item: Document | str | Mapping[str, Any], *, position: int = 0) -> Document:
    """A :class:`Document` from a Document, a text, or a JSONL-style mapping (``id``, ``text``)."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(id=f"document-{position}", text=item)
    if isinstance(item, Mapping):
        return Document.from_mapping(item, default_id=f"document-{position}")
    raise TypeError(f"expected a Document, a str or a mapping, got {type(item).__name__}")


def _extract_partition(documents: Iterable[Document], config: bytes) -> list[EventRecord]:
    pipeline = _pipeline_for(config)
    return [pipeline.run(document) for document in documents]


def _extract_partition_isolated(
    documents: Iterable[Document], config: bytes, document_timeout: float | None
) -> list[EventRecord]:
    # Each document runs in a supervised child process of this worker (forked from the warm
    # pipeline where that is safe): a document stuck in code that never spends its budget is
    # stopped after ``document_timeout`` seconds and gets an error record; the rest go on.
    from eventx.parallel import _Supervisor, to_payload

    pipeline = _pipeline_for(config)
    settings = dict(pipeline._config)
    if document_timeout is None:
        document_timeout = settings.get("timeout")
    supervisor = _Supervisor(1, settings, document_timeout, pipeline=pipeline)
    try:
        results = list(supervisor.run(map(to_payload, documents)))
    finally:
        supervisor.close()
    return [EventRecord.from_dict(orjson.loads(text)) for _id, _status, text in results]


def records_bag(
    documents: Iterable[Document | str | Mapping[str, Any]] | db.Bag,
    pipeline: Pipeline | None = None,
    *,
    npartitions: int | None = None,
    isolate: bool = False,
    document_timeout: float | None = None,
) -> db.Bag:
    """A bag with one :class:`EventRecord` per document, in input order.

    :param documents: Documents, texts or mappings (texts get ids ``document-<n>``), or a
        ``dask.bag.Bag`` of Documents.
    :param pipeline: the pipeline to run (default: a fresh ``eventx.Pipeline()``); it must
        pickle, so plugins given to it as objects must pickle too.
    :param npartitions: for a list of documents, how many partitions (default: Dask's choice).
    :param isolate: run each document in a supervised child process of the Dask worker, so a
        document that hangs (code that never spends its work budget) or kills its process costs
        only its own record (an ``error`` record); the records are otherwise the same.
    :param document_timeout: with ``isolate``, seconds one document may take (default: the
        pipeline's ``timeout``); 0: no limit.
    """
    config = pickle.dumps(pipeline if pipeline is not None else Pipeline())
    if isinstance(documents, db.Bag):
        bag = documents
    else:
        items = [as_document(item, position=i) for i, item in enumerate(documents)]
        bag = db.from_sequence(items, npartitions=npartitions)  # type: ignore[no-untyped-call]
    if isolate:
        isolated: db.Bag = bag.map_partitions(  # type: ignore[no-untyped-call]
            _extract_partition_isolated, config, document_timeout
        )
        return isolated
    result: db.Bag = bag.map_partitions(_extract_partition, config)  # type: ignore[no-untyped-call]
    return result


def fact_rows(record: EventRecord) -> Iterator[dict[str, Any]]:
    """One row per fact of a record (for :func:`facts_frame`): where it is and what it says.

    ``fact`` is the fact's JSON (the record's own serialisation); ``start``/``end``/``text``/
    ``extractor`` describe its first evidence (-1 / "" for a fact without evidence).
    """
    data = record.to_dict()
    facts: list[tuple[str, Any, dict[str, Any]]] = []
    for field in RECORD_FIELDS:
        if field == "extensions":
            for name in sorted(record.extensions):
                for obj, raw in zip(record.extensions[name], data["extensions"][name], strict=True):
                    facts.append((f"extensions.{name}", obj, raw))
        else:
            for obj, raw in zip(getattr(record, field), data[field], strict=True):
                facts.append((field, obj, raw))
    positions: dict[str, int] = {}
    for field, obj, raw in facts:
        position = positions.get(field, 0)
        positions[field] = position + 1
        spans = sorted(evidence_of(obj), key=lambda e: (e.start, e.end))
        first = spans[0] if spans else None
        yield {
            "document_id": record.id,
            "field": field,
            "position": position,
            "start": first.start if first else -1,
            "end": first.end if first else -1,
            "text": first.text if first else "",
            "extractor": first.extractor if first else "",
            "fact": orjson.dumps(raw).decode("utf-8"),
        }


def _rows_partition(records: Iterable[EventRecord]) -> list[dict[str, Any]]:
    return [row for record in records for row in fact_rows(record)]


def _meta() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "document_id": pd.Series(dtype="object"),
            "field": pd.Series(dtype="object"),
            "position": pd.Series(dtype="int64"),
            "start": pd.Series(dtype="int64"),
            "end": pd.Series(dtype="int64"),
            "text": pd.Series(dtype="object"),
            "extractor": pd.Series(dtype="object"),
            "fact": pd.Series(dtype="object"),
        }
    )


def facts_frame(records: db.Bag) -> dd.DataFrame:
    """A dask DataFrame with one row per fact of every record (columns: :data:`FACT_COLUMNS`)."""
    rows = records.map_partitions(_rows_partition)  # type: ignore[no-untyped-call]
    frame: dd.DataFrame = rows.to_dataframe(meta=_meta())
    return frame
