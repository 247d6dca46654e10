"""``eventx evaluate``: score the pipeline (or saved records) against a gold folder."""

from __future__ import annotations

import click


@click.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--misses",
    is_flag=True,
    help="Also list, per document, what was missed and what was wrongly found.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
    help="table: a compact summary; json: every count, per language and per document; "
    "markdown: the summary as a table for docs.",
)
@click.option(
    "--records",
    "records_path",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="Score these saved records (JSONL from `eventx extract`) instead of running the pipeline.",
)
@click.option(
    "--offtopic",
    "offtopic_path",
    type=click.Path(exists=True),
    default=None,
    help="Also run over off-topic news (a JSONL file, or a folder of them) and report the share "
    "of articles given a conflict event type, casualties or deployments (lower is better).",
)
def evaluate(
    directory: str, misses: bool, fmt: str, records_path: str | None, offtopic_path: str | None
) -> None:
    """Score eventx against the gold facts in DIRECTORY (<id>.txt + <id>.facts.json).

    Prints precision, recall and F1 per category (casualties, dates, statements, deployments,
    locations) and language, and event-type and country accuracy. Matching rules:
    docs/evaluation.md.
    """
    import json

    from eventx.evaluation.gold import GoldFormatError, load_gold_dir
    from eventx.evaluation.report import format_markdown, format_misses, format_table
    from eventx.evaluation.scoring import evaluate_records, run_pipeline
    from eventx.record import EventRecord

    try:
        gold = load_gold_dir(directory)
    except GoldFormatError as exc:
        raise click.ClickException(str(exc)) from None
    if records_path is not None:
        with open(records_path, encoding="utf-8") as handle:
            records = [EventRecord.from_dict(json.loads(line)) for line in handle if line.strip()]
    else:
        records = run_pipeline(gold)
    report = evaluate_records(gold, records)
    if fmt == "json":
        from eventx.record.serialize import dumps

        click.echo(dumps(report.to_dict(misses=misses), indent=True))
        return
    if misses:
        click.echo(format_misses(report))
    click.echo(format_markdown(report) if fmt == "markdown" else format_table(report))
    if offtopic_path is not None:
        from eventx.evaluation.offtopic import evaluate_offtopic

        click.echo("")
        click.echo(evaluate_offtopic(offtopic_path).format_table())
