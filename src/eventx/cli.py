"""The ``eventx`` command line. Heavy modules are imported inside commands, never at start-up."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from eventx._version import __version__


def _records(
    items: Iterator[Any], *, jobs: int, backend: str, stanza_dir: str | None
) -> Iterator[Any]:
    from eventx.io import InputError
    from eventx.pipeline import error_record

    if jobs <= 1:
        from eventx.pipeline import Pipeline

        pipeline = Pipeline(backend=backend, stanza_dir=stanza_dir)
        for item in items:
            if isinstance(item, InputError):
                yield error_record(item.id, item.message)
            else:
                yield pipeline.run(item)
        return
    from eventx.parallel import run_parallel

    yield from run_parallel(items, jobs=jobs, backend=backend, stanza_dir=stanza_dir)


class _Progress:
    """A one-line counter on stderr, only when stderr is a terminal."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.count = 0

    def tick(self) -> None:
        self.count += 1
        if self.enabled and (self.count < 100 or self.count % 100 == 0):
            self.stream.write(f"\reventx: {self.count} documents")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.count:
            self.stream.write(f"\reventx: {self.count} documents\n")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventx")
def main() -> None:
    """eventx: turn news articles into structured event records with evidence."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl"]),
    default=None,
    help="json: one pretty JSON document (an array for several); jsonl: one per line. "
    "Default: json for one input document, jsonl otherwise.",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write here instead of stdout.",
)
@click.option(
    "--lang",
    type=click.Choice(["ar", "en"]),
    default=None,
    help="Language of every document (default: metadata, else detected).",
)
@click.option(
    "--date",
    "document_date",
    default=None,
    metavar="YYYY-MM-DD",
    help="Publication date for documents that do not give one.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    help="Worker processes (records stay in input order).",
)
@click.option("--backend", type=click.Choice(["builtin", "stanza"]), default="builtin")
@click.option(
    "--stanza-dir",
    default=None,
    envvar="EVENTX_STANZA_DIR",
    help="Local stanza model directory for --backend stanza (default: $EVENTX_STANZA_DIR).",
)
def extract(
    paths: tuple[str, ...],
    fmt: str | None,
    output: IO[str],
    lang: str | None,
    document_date: str | None,
    jobs: int,
    backend: str,
    stanza_dir: str | None,
) -> None:
    """Extract one record per document from PATHS (.txt, .jsonl, folders, or - for stdin).

    A .txt file is one document (id = file stem; a sibling <stem>.meta.json is honoured). A .jsonl
    file holds one {"id", "text", "language"?, "document_date"?, "title"?} object per line. A bad
    line or file yields an error record, never a silent skip.
    """
    from eventx.io import iter_inputs
    from eventx.record import to_date

    if document_date is not None:
        try:
            to_date(document_date)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--date") from None
    if backend == "stanza":
        # Check the model directory before reading any input (cheap: stanza is not imported),
        # so a wrong --stanza-dir is a usage error, not a traceback or a stream of error records.
        from eventx.nlp.stanza_backend import StanzaBackend, StanzaModelError

        try:
            StanzaBackend(stanza_dir)
        except StanzaModelError as exc:
            raise click.BadParameter(str(exc), param_hint="--stanza-dir") from None
    items = iter_inputs(paths, language=lang, document_date=document_date)
    progress = _Progress(sys.stderr)
    records = _records(items, jobs=jobs, backend=backend, stanza_dir=stanza_dir)
    if fmt == "jsonl" or fmt is None:
        first = next(records, None)
        second = next(records, None) if first is not None else None
        if fmt is None and second is None:
            if first is not None:
                output.write(first.to_json(indent=True) + "\n")
            return
        for record in (r for r in (first, second) if r is not None):
            output.write(record.to_json() + "\n")
            progress.tick()
        for record in records:
            output.write(record.to_json() + "\n")
            progress.tick()
        progress.close()
        return
    collected = [r.to_dict() for r in records]
    from eventx.record.serialize import dumps

    output.write(dumps(collected[0] if len(collected) == 1 else collected, indent=True) + "\n")


@main.command()
@click.option("--json-only", is_flag=True, help="Print only the JSON record.")
def demo(json_only: bool) -> None:
    """Run eventx on the bundled seed article and show what it found."""
    from eventx.demo import run_demo

    run_demo(json_only=json_only, out=sys.stdout)


@main.command()
@click.option("--all", "show_all", is_flag=True, help="Also list the core and disabled plugins.")
def plugins(show_all: bool) -> None:
    """List plugins as JSON: name, version, hooks, extractors, load status."""
    from eventx.plugins.host import PluginHost
    from eventx.record.serialize import dumps

    host = PluginHost()
    infos = [
        p.to_dict()
        for p in host.plugins
        if show_all or (p.source != "core" and p.status != "disabled")
    ]
    click.echo(dumps(infos, indent=True))


def _register_optional_commands() -> None:
    """Commands living in their own modules (kept out of start-up cost until invoked)."""
    from eventx.evaluation.cli import evaluate  # type: ignore[import-not-found,unused-ignore]

    main.add_command(evaluate)


with contextlib.suppress(ImportError):  # evaluation ships with the package; be robust anyway
    _register_optional_commands()


if __name__ == "__main__":  # pragma: no cover
    main()
