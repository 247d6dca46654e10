"""The ``eventx`` command line. Heavy modules are imported inside commands, never at start-up."""

from __future__ import annotations

import contextlib
import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click
import orjson

from eventx._version import __version__

# The cap lives with the pipeline; repeated here so `eventx --help` stays import-light.
DEFAULT_MAX_CHARS = 2_000_000


def _json_records(items: Iterator[Any], *, jobs: int, settings: dict[str, Any]) -> Iterator[str]:
    """Compact JSON text of one record per input item, in input order."""
    if jobs > 1:
        from eventx.parallel import run_parallel_json

        yield from run_parallel_json(items, jobs=jobs, **settings)
        return
    from eventx.parallel import record_for, to_payload
    from eventx.pipeline import Pipeline

    pipeline = Pipeline(**settings)
    pipeline.warm_up(freeze_gc=True)  # this process only runs eventx: keep GC off the data
    for item in items:
        yield record_for(to_payload(item), pipeline).to_json()


def _pretty(compact: str) -> str:
    from eventx.record.serialize import dumps

    return dumps(orjson.loads(compact), indent=True)


def _indent_block(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


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
    help="Language of documents that do not state one (default: detected).",
)
@click.option(
    "--date",
    "document_date",
    default=None,
    metavar="YYYY-MM-DD",
    help="Publication date of documents that do not state one (relative dates resolve to it).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    help="Worker processes (records stay in input order; output is identical).",
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_CHARS,
    show_default=True,
    help="Read at most this many characters of a document (longer ones: status partial).",
)
@click.option(
    "--backend",
    type=click.Choice(["builtin", "stanza"]),
    default="builtin",
    show_default=True,
    help="NLP backend: builtin (rule-based, no models) or stanza (needs a local model directory).",
)
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
    max_chars: int,
    backend: str,
    stanza_dir: str | None,
) -> None:
    """Extract one record per document from PATHS (.txt, .jsonl, folders, or - for stdin).

    A .txt file is one document (id = file stem; a sibling <stem>.meta.json with document_date,
    language, title is honoured). A .jsonl file holds one {"id", "text", "language"?,
    "document_date"?, "title"?} object per line. Stdin (-) is JSONL when it starts with "{",
    else one text. A bad line or file yields an error record, never a silent skip.
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
    settings = {"backend": backend, "stanza_dir": stanza_dir, "max_chars": max_chars}
    records = _json_records(items, jobs=jobs, settings=settings)
    progress = _Progress(sys.stderr)
    # Without --format, one document gives one pretty object and several give JSONL: peek ahead.
    first = next(records, None)
    second = next(records, None) if first is not None else None
    rest = (r for r in (first, second) if r is not None)
    if fmt == "jsonl" or (fmt is None and second is not None):
        for compact in itertools.chain(rest, records):
            output.write(compact + "\n")
            progress.tick()
    elif first is None:
        if fmt == "json":
            output.write("[]\n")
    elif second is None:  # one document as one pretty object
        if first is not None:
            output.write(_pretty(first) + "\n")
            progress.tick()
    else:  # --format json with several documents: a streamed, pretty JSON array
        output.write("[")
        for index, compact in enumerate(itertools.chain(rest, records)):
            output.write(("," if index else "") + "\n" + _indent_block(_pretty(compact)))
            progress.tick()
        output.write("\n]\n")
    progress.close()


@main.command()
@click.option("--json-only", is_flag=True, help="Print only the JSON record (write no files).")
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the record here (default: eventx-demo/record.json).",
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the HTML view here (default: eventx-demo/report.html).",
)
def demo(json_only: bool, json_path: Path | None, html_path: Path | None) -> None:
    """Run eventx on the bundled seed article: print what it found, grouped by fact type with
    the evidence, and write the record and its HTML view to the files it names."""
    from eventx.demo import run_demo

    run_demo(json_only=json_only, out=sys.stdout, json_path=json_path, html_path=html_path)


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
    from eventx.export.cli import export

    main.add_command(export)
    from eventx.render.cli import render

    main.add_command(render)


with contextlib.suppress(ImportError):  # evaluation ships with the package; be robust anyway
    _register_optional_commands()


if __name__ == "__main__":  # pragma: no cover
    main()
