"""``eventx render``: a record (or an article, extracted first) as one HTML page."""

from __future__ import annotations

from pathlib import Path

import click
import orjson

from eventx.record import EventRecord


def _load_record(path: Path) -> EventRecord:
    """One record from a JSON file (an object, or an array of one) or a one-line JSONL file."""
    raw = path.read_bytes()
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        lines = [line for line in raw.splitlines() if line.strip()]
        raise click.ClickException(
            f"{path} holds {len(lines)} lines; a report shows one record (split the file first)"
        ) from None
    if isinstance(data, list):
        if len(data) != 1:
            raise click.ClickException(f"{path} holds {len(data)} records; a report shows one")
        data = data[0]
    try:
        return EventRecord.from_dict(data)
    except Exception as exc:  # cattrs raises an exception group naming every bad field
        raise click.ClickException(f"{path} is not an eventx record: {exc!r}") from None


@click.command("render")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@click.option(
    "--text",
    "text_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="The article of a record given as SOURCE (default: <record id>.txt next to it).",
)
@click.option("--lang", type=click.Choice(["ar", "en"]), default=None, help="Language of an article SOURCE.")
@click.option("--date", "document_date", default=None, metavar="YYYY-MM-DD", help="Publication date of an article SOURCE.")
def render(
    source: Path, output: str, text_path: Path | None, lang: str | None, document_date: str | None
) -> None:
    """Write SOURCE as one self-contained HTML page: the article with every evidence span
    highlighted, a legend, a table of facts and a timeline of dates.

    SOURCE is a record (.json, or a .jsonl holding one record), whose article is --text or
    <id>.txt beside it; or an article (.txt, with an optional <stem>.meta.json), which is
    extracted first.
    """
    from eventx.render.html import write_html

    if source.suffix in (".json", ".jsonl") and not source.name.endswith(".meta.json"):
        record = _load_record(source)
        text_path = text_path or source.with_name(f"{record.id}.txt")
        if not text_path.exists():
            raise click.ClickException(f"the article was not found: give it with --text (looked for {text_path})")
        text = text_path.read_text("utf-8")
    else:
        from eventx.pipeline import Pipeline
        from eventx.record import Document

        text = source.read_text("utf-8")
        meta_path = source.with_name(f"{source.stem}.meta.json")
        meta = orjson.loads(meta_path.read_bytes()) if meta_path.exists() else {}
        document = Document(
            id=str(meta.get("id", source.stem)),
            text=text,
            language=lang or meta.get("language"),
            document_date=document_date or meta.get("document_date"),
        )
        record = Pipeline().run(document)
    try:
        write_html(output, record, text, plugins=plugin_names())
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"wrote {output}", err=True)


def plugin_names() -> dict[str, str]:
    """Extractor name -> the plugin (entry point) that registers it, for labelling extensions."""
    from eventx.plugins.host import PluginHost

    names: dict[str, str] = {}
    for info in PluginHost().plugins:
        for extractor in info.extractors:
            names[extractor] = info.name
    return names
