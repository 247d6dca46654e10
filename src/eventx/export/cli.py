"""``eventx export``: records (JSONL or JSON) to csv, parquet, ACLED csv or PLOVER jsonl."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

import click
import orjson

from eventx.export.tables import KINDS
from eventx.export.writers import FORMATS, MissingDependencyError, export_records
from eventx.record import EventRecord


def _record(data: object, where: str) -> EventRecord:
    if not isinstance(data, dict):
        raise click.ClickException(f"{where}: expected a JSON object, got {type(data).__name__}")
    try:
        return EventRecord.from_dict(data)
    except Exception as exc:  # cattrs raises an exception group naming every bad field
        raise click.ClickException(f"{where} is not eventx records: {exc!r}") from None


def read_records(stream: IO[str]) -> Iterator[EventRecord]:
    """Records from JSONL (one per line), one JSON object, or a JSON array of objects."""
    first = ""
    for line in stream:
        if line.strip():
            first = line
            break
    if not first:
        return
    if first.lstrip().startswith("["):  # `eventx extract --format json` over several documents
        data = orjson.loads(first + stream.read())
        for number, item in enumerate(data, start=1):
            yield _record(item, f"item {number}")
        return
    try:
        items = [orjson.loads(first)]
    except orjson.JSONDecodeError:  # one pretty-printed object spread over lines
        yield _record(orjson.loads(first + stream.read()), "the input")
        return
    yield _record(items[0], "line 1")
    for number, line in enumerate(stream, start=2):
        if line.strip():
            try:
                data = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise click.ClickException(f"line {number} is not JSON: {exc}") from None
            yield _record(data, f"line {number}")


@click.command("export")
@click.argument("records", type=click.File("r", encoding="utf-8"), default="-")
@click.option(
    "--to",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="csv/parquet: one row per fact; acled-csv: one row per record in ACLED's columns; "
    "plover-jsonl: one PLOVER event object per line.",
)
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="events",
    show_default=True,
    help="The table csv and parquet write (events: one row per record).",
)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="File to write.")
def export(records: IO[str], fmt: str, kind: str, output: str) -> None:
    """Write RECORDS (a JSONL file of eventx records, or - for stdin) as a table or event data.

    Column by column: docs/export.md.
    """
    try:
        count = export_records(read_records(records), fmt, output, kind=kind)
    except MissingDependencyError as exc:
        raise click.ClickException(str(exc)) from None
    except orjson.JSONDecodeError as exc:
        raise click.ClickException(f"the input is not JSON: {exc}") from None
    click.echo(f"wrote {count} rows to {output}", err=True)
