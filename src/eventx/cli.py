"""The ``eventx`` command line. Heavy modules are imported inside commands, never at start-up."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import tempfile
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO, Any

import click
import orjson

from eventx._version import __version__

# The cap lives with the pipeline; repeated here so `eventx --help` stays import-light.
DEFAULT_MAX_CHARS = 2_000_000
# Likewise eventx.parallel.DEFAULT_DOCUMENT_TIMEOUT.
DEFAULT_DOCUMENT_TIMEOUT = 300.0

#: Exit status when every document was read but at least one record has status "error".
EXIT_DOCUMENT_ERRORS = 3
#: Exit status after an interrupt (Ctrl-C, SIGTERM): 128 + SIGINT, as shells report it.
EXIT_INTERRUPTED = 130

Result = tuple[str, str, str]  # id, status, compact JSON


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so the run stops like on Ctrl-C (output kept safe).
    A KeyboardInterrupt, so that plugin isolation lets it through as the interrupt it is."""


def _results(
    items: Iterator[Any], *, jobs: int, document_timeout: float, settings: dict[str, Any]
) -> Generator[Result, None, None]:
    """(id, status, compact JSON) of one record per input item, in input order."""
    if jobs > 1:
        from eventx.parallel import run_parallel_results

        yield from run_parallel_results(
            items, jobs=jobs, document_timeout=document_timeout, **settings
        )
        return
    from eventx.parallel import result_for, to_payload
    from eventx.pipeline import Pipeline

    pipeline = Pipeline(**settings)
    pipeline.warm_up(freeze_gc=True)  # this process only runs eventx: keep GC off the data
    for item in items:
        yield result_for(to_payload(item), pipeline)


def _can_hold_several(paths: tuple[str, ...]) -> bool:
    """Whether the input may give more than one document (decides the default format)."""
    if len(paths) != 1:
        return True
    (path,) = paths
    return path == "-" or path.endswith(".jsonl") or Path(path).is_dir()


def _choose_format(fmt: str | None, output: str, paths: tuple[str, ...]) -> str:
    if fmt is not None:
        return fmt
    suffix = Path(output).suffix.lower() if output != "-" else ""
    if suffix in (".json", ".jsonl"):
        return suffix[1:]
    return "jsonl" if _can_hold_several(paths) else "json"


def _pretty_in_array(compact: str) -> str:
    """One record as it appears inside a pretty array: the serializer writes ``[record]``
    with its indentation, and only the brackets it put around it are taken off."""
    from eventx.record.serialize import dumps

    text = dumps([orjson.loads(compact)], indent=True)
    return text[2:-2]  # "[\n" ... "\n]"


def _pretty(compact: str) -> str:
    from eventx.record.serialize import dumps

    return dumps(orjson.loads(compact), indent=True)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def _check_output(output: str, paths: tuple[str, ...]) -> None:
    """Refuse an output that is one of the inputs (or would be read as one from a folder)."""
    if output == "-":
        return
    target = Path(output)
    for raw in paths:
        if raw == "-":
            continue
        source = Path(raw)
        folder_input = (
            source.is_dir()
            and target.suffix in (".txt", ".jsonl")
            and target.absolute().parent.resolve() == source.resolve()
        )
        if _same_file(source, target) or folder_input:
            raise click.BadParameter(
                f"{output} is also an input ({raw}); write the output elsewhere",
                param_hint="-o/--output",
            )
    if target.is_dir():
        raise click.BadParameter(f"{output} is a folder", param_hint="-o/--output")


class _Summary:
    """Counts per status and duplicate ids, for the one-line report on stderr."""

    def __init__(self) -> None:
        self.counts = {"ok": 0, "partial": 0, "error": 0}
        self.seen: set[str] = set()
        self.duplicates = 0

    def add(self, doc_id: str, status: str) -> None:
        self.counts[status] = self.counts.get(status, 0) + 1
        if doc_id in self.seen:
            self.duplicates += 1
            if self.duplicates <= 5:
                click.echo(f"eventx: warning: duplicate id {doc_id!r}", err=True)
        else:
            self.seen.add(doc_id)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def line(self) -> str:
        c = self.counts
        text = (
            f"eventx: {self.total} documents in: {c['ok']} ok, {c['partial']} partial, "
            f"{c['error']} error"
        )
        if self.duplicates:
            text += f"; {self.duplicates} duplicate ids"
        return text


def _count_documents(paths: tuple[str, ...]) -> int | None:
    """How many documents the inputs hold (for the progress bar's ETA); None if unknown."""
    total = 0
    try:
        for raw in paths:
            if raw == "-":
                return None
            path = Path(raw)
            files = sorted(path.iterdir()) if path.is_dir() else [path]
            for file in files:
                if file.suffix == ".jsonl" and file.is_file():
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                elif file.suffix == ".txt" or not path.is_dir():
                    total += 1
    except OSError:  # unreadable now: the run itself will say so in an error record
        return None
    return total


class _Progress:
    """A progress bar (total, rate, ETA) on stderr, only when stderr is a terminal."""

    def __init__(self, paths: tuple[str, ...]) -> None:
        self.bar: Any = None
        if sys.stderr.isatty():
            from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

            self.bar = tqdm(
                total=_count_documents(paths), unit="doc", desc="eventx", file=sys.stderr
            )

    def tick(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class _Sink:
    """Where records go: stdout, or a temporary file beside ``-o`` that replaces it only when
    the run completes. An interrupted run leaves the previous file untouched and keeps what was
    written as ``<output>.partial``."""

    def __init__(self, output: str) -> None:
        self.output = output
        self.records = 0
        self.temp: Path | None = None
        self.stream: IO[str]
        if output == "-":
            self.stream = sys.stdout
            return
        target = Path(output)
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed by commit() or abandon()
            "w",
            encoding="utf-8",
            dir=target.absolute().parent,
            prefix=f".{target.name}.",
            suffix=".tmp",
            delete=False,
        )
        self.temp = Path(handle.name)
        self.stream = handle

    def write(self, text: str) -> None:
        self.stream.write(text)

    def commit(self) -> None:
        if self.temp is None:
            self.stream.flush()
            return
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(self.temp, 0o666 & ~mask)  # as if created by open(), not 0600
        os.replace(self.temp, self.output)

    def abandon(self) -> str:
        """Keep what was written apart from the real output; say where it is."""
        if self.temp is None:
            self.stream.flush()
            return f"{self.records} records were written to stdout (incomplete)"
        self.stream.close()
        partial = Path(self.output + ".partial")
        os.replace(self.temp, partial)
        return (
            f"{self.records} records were written to {partial} (incomplete); "
            f"{self.output} was left untouched"
        )


def _write_all(results: Iterator[Result], fmt: str, several: bool, sink: _Sink,
               summary: _Summary, progress: _Progress) -> None:
    array = fmt == "json" and several
    if array:
        sink.write("[")
    for compact in _counted(results, summary, progress):
        if fmt == "jsonl":
            sink.write(compact + "\n")
        elif array:
            sink.write(("," if sink.records else "") + "\n" + _pretty_in_array(compact))
        else:
            sink.write(_pretty(compact) + "\n")
        sink.records += 1  # after the write: an interrupt between the two is not counted
    if array:
        sink.write("\n]\n" if sink.records else "]\n")


def _counted(results: Iterator[Result], summary: _Summary, progress: _Progress) -> Iterator[str]:
    for doc_id, status, compact in results:
        summary.add(doc_id, status)
        progress.tick()
        yield compact


def _raise_terminated(_signum: int, _frame: Any) -> None:
    raise _Terminated()


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
    help="jsonl: one compact record per line; json: pretty JSON (an array when the input can "
    "hold several documents). Default: the -o extension (.json/.jsonl), else jsonl for "
    "folders, .jsonl files, stdin and several paths, json for one text file.",
)
@click.option(
    "-o",
    "--output",
    default="-",
    help="Write here instead of stdout (atomically: the file is replaced when the run ends).",
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
    "--document-timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_DOCUMENT_TIMEOUT,
    show_default=True,
    help="With --jobs N > 1: seconds one document may take before its worker is stopped "
    "(it gets an error record; 0: no limit).",
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
    output: str,
    lang: str | None,
    document_date: str | None,
    jobs: int,
    document_timeout: float,
    max_chars: int,
    backend: str,
    stanza_dir: str | None,
) -> None:
    """Extract one record per document from PATHS (.txt, .jsonl, folders, or - for stdin).

    A .txt file is one document (id = file stem; a sibling <stem>.meta.json with document_date,
    language, title is honoured). A .jsonl file holds one {"id", "text", "language"?,
    "document_date"?, "title"?} object per line. Stdin (-) is JSONL when it starts with "{",
    else one text. A bad line or file yields an error record, never a silent skip.

    Exit status: 0 when every record is ok or partial, 3 when any is an error record,
    2 for usage errors, 130 when interrupted, 1 when eventx itself fails.
    """
    from eventx.io import InputProblem, iter_inputs, strict_iso_date

    if document_date is not None:
        try:
            if len(document_date.strip()) != 10:
                raise InputProblem(f"expected an ISO date YYYY-MM-DD, got {document_date!r}")
            document_date = strict_iso_date(document_date, "--date")
        except InputProblem as exc:
            raise click.BadParameter(str(exc), param_hint="--date") from None
    _check_output(output, paths)
    if backend == "stanza":
        # Check the model directory before reading any input (cheap: stanza is not imported),
        # so a wrong --stanza-dir is a usage error, not a traceback or a stream of error records.
        from eventx.nlp.stanza_backend import StanzaBackend, StanzaModelError

        try:
            StanzaBackend(stanza_dir)
        except StanzaModelError as exc:
            raise click.BadParameter(str(exc), param_hint="--stanza-dir") from None
    fmt = _choose_format(fmt, output, paths)
    items = iter_inputs(paths, language=lang, document_date=document_date, max_chars=max_chars)
    settings = {"backend": backend, "stanza_dir": stanza_dir, "max_chars": max_chars}
    summary = _Summary()
    progress = _Progress(paths)
    sink = _Sink(output)
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    results = _results(items, jobs=jobs, document_timeout=document_timeout, settings=settings)
    try:
        _write_all(results, fmt, _can_hold_several(paths), sink, summary, progress)
        sink.commit()
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM as _Terminated
        progress.close()
        click.echo(f"eventx: interrupted: {sink.abandon()}", err=True)
        click.echo(summary.line(), err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BaseException:
        progress.close()
        click.echo(f"eventx: failed: {sink.abandon()}", err=True)
        raise
    finally:
        results.close()  # stops the workers now, not when the generator is collected
        signal.signal(signal.SIGTERM, previous)
    progress.close()
    click.echo(summary.line(), err=True)
    if summary.counts.get("error"):
        sys.exit(EXIT_DOCUMENT_ERRORS)


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
