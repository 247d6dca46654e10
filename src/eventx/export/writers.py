"""Writing records as tables (csv, parquet), ACLED csv and PLOVER jsonl.

pandas and pyarrow are optional (``pip install "eventx-news[tables]"``) and imported only when
a format needs them: csv, acled-csv and plover-jsonl are written with the standard library.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import orjson

from eventx.export.acled import ACLED_COLUMNS, acled_rows
from eventx.export.plover import plover_events
from eventx.export.tables import column_types, columns, fact_rows
from eventx.record import EventRecord

#: The formats ``eventx export --to`` writes.
FORMATS: tuple[str, ...] = ("csv", "parquet", "acled-csv", "plover-jsonl")


class MissingDependencyError(ImportError):
    """An optional dependency (pandas, pyarrow) is needed and not installed."""


def require(module: str) -> Any:
    """Import an optional dependency, or explain how to install it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(
            f"this needs {module}, which is not installed: "
            f'pip install "eventx-news[tables]" (installs pandas and pyarrow)'
        ) from None


def _cell(value: Any) -> Any:
    # CSV has no null: None is an empty cell; booleans as true/false like JSON.
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _write_csv(rows: Iterable[dict[str, Any]], names: tuple[str, ...], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    count = 0
    for row in rows:
        writer.writerow([_cell(row[name]) for name in names])
        count += 1
    return count


def to_dataframe(records: Iterable[EventRecord], kind: str = "events") -> Any:
    """A pandas DataFrame of one table (see :func:`eventx.export.fact_rows`), typed with
    pandas' nullable dtypes so missing values stay missing (``<NA>``), not NaN or "None"."""
    pd = require("pandas")
    names = columns(kind)
    frame = pd.DataFrame.from_records(list(fact_rows(records, kind)), columns=list(names))
    return frame.astype(column_types(kind))


def export_records(
    records: Iterable[EventRecord], fmt: str, path: str | Path, *, kind: str = "events"
) -> int:
    """Write ``records`` to ``path`` in ``fmt`` (one of :data:`FORMATS`); return the row count.

    ``kind`` chooses the table for csv and parquet (``events``, ``casualties``, ...); acled-csv
    has one row and plover-jsonl one object per record.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path = Path(path)
    if fmt == "parquet":
        require("pyarrow")
        frame = to_dataframe(records, kind)
        frame.to_parquet(path, index=False)
        return len(frame)
    with path.open("w", encoding="utf-8", newline="") as out:
        if fmt == "csv":
            return _write_csv(fact_rows(records, kind), columns(kind), out)
        if fmt == "acled-csv":
            return _write_csv(acled_rows(records), ACLED_COLUMNS, out)
        count = 0
        for event in plover_events(records):
            out.write(orjson.dumps(event).decode("utf-8") + "\n")
            count += 1
        return count
