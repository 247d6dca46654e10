"""The bundled demo: the seed article (Arabic, Kazakhstan, January 2022) through the pipeline.

``python -m eventx.demo --write-expected seeds`` regenerates the golden record after a reviewed
change to an extractor; the golden test compares the demo's record with it byte for byte.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import sys
from pathlib import Path
from typing import IO, Any

from eventx.record import Document, EventRecord

SEED_ID = "000_8810d80a09cc04a1"


def seeds_dir() -> Path:
    """The checkout's ``seeds/`` folder (next to ``src/``), else the copy inside the package."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "seeds"
        if (candidate / f"{SEED_ID}.txt").exists():
            return candidate
    return packaged_seed_dir()


def packaged_seed_dir() -> Path:
    """The seed article inside the installed package (``eventx/seed/``)."""
    return Path(__file__).resolve().parent / "seed"


def load_seed(directory: Path | None = None) -> Document:
    directory = directory or seeds_dir()
    meta = json.loads((directory / f"{SEED_ID}.meta.json").read_text("utf-8"))
    text = (directory / f"{SEED_ID}.txt").read_text("utf-8")
    return Document(
        id=meta["id"],
        text=text,
        language=meta.get("language"),
        document_date=meta.get("document_date"),
    )


def third_party_plugins() -> list[str]:
    """Entry-point plugins installed from distributions other than eventx itself."""
    from eventx._version import DISTRIBUTION

    def ours(dist: importlib.metadata.Distribution | None) -> bool:
        return dist is not None and dist.name.replace("_", "-").lower() == DISTRIBUTION

    found = importlib.metadata.entry_points(group="eventx")
    bundled = {ep.name for ep in found if ours(ep.dist)}
    return sorted({ep.name for ep in found} - bundled)


def seed_record(directory: Path | None = None, *, bundled_only: bool = False) -> EventRecord:
    """The seed's record; ``bundled_only`` leaves out third-party plugins (the golden record
    must not depend on what else happens to be installed, such as docs/examples)."""
    from eventx.pipeline import Pipeline

    disable = third_party_plugins() if bundled_only else []
    return Pipeline(disable=disable).run(load_seed(directory))


GROUPS: tuple[tuple[str, str], ...] = (
    ("locations", "Places"),
    ("actors", "Actors"),
    ("dates", "Dates"),
    ("casualties", "Casualties"),
    ("deployments", "Deployments"),
    ("statements", "Statements"),
)
PER_GROUP = 5  # the summary stays short; every fact is in the record and the HTML view


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return "«" + (text if len(text) <= limit else text[: limit - 1] + "…") + "»"


def _line(field: str, fact: Any) -> str:
    if field == "locations":
        return f"{fact.name} [{fact.country_code or '?'}] {fact.kind}, {len(fact.mentions)} mention(s)"
    if field == "actors":
        return f"{fact.name} ({fact.kind})"
    if field == "dates":
        return f"{fact.value or 'unresolved'}"
    if field == "casualties":
        count = fact.count if fact.count is not None else "?"
        group = f" {fact.group}" if fact.group else ""
        source = f", according to {fact.source}" if fact.source else ""
        return f"{fact.kind} {count}{group}{source}"
    if field == "deployments":
        return f"{fact.force} -> {fact.destination or '?'} ({fact.status or 'status ?'})"
    return f"{fact.speaker} ({'direct' if fact.direct else 'reported'})"


def _evidence(field: str, fact: Any) -> Any:
    if field in ("locations", "actors"):
        return min(fact.mentions, key=lambda e: e.start) if fact.mentions else None
    return fact.evidence


def summary(record: EventRecord, plugins: dict[str, str] | None = None) -> str:
    """The demo's printout: what was found, grouped by fact type, each with its evidence.

    ``plugins`` maps an extractor name to the third-party plugin providing it; their facts
    (record extensions) are listed apart, marked as coming from that installed plugin.
    """
    plugins = plugins or {}
    event = record.event_type
    lines = [
        f"eventx demo: {record.id} ({record.language}, published {record.document_date})",
        "status {} | event type {} | country {} | time {}".format(
            record.status,
            f"{event.acled} (PLOVER {event.plover}, confidence {event.confidence:.2f})"
            if event
            else "-",
            record.country or "-",
            f"{record.time.start} .. {record.time.end}" if record.time else "-",
        ),
    ]
    for field, title in GROUPS:
        facts = getattr(record, field)
        if not facts:
            continue
        lines.append(f"\n{title} ({len(facts)})")
        for fact in facts[:PER_GROUP]:
            evidence = _evidence(field, fact)
            where = f" {_quote(evidence.text)} [{evidence.start}:{evidence.end}]" if evidence else ""
            lines.append(f"  {_line(field, fact)}{where}")
        if len(facts) > PER_GROUP:
            lines.append(f"  ... {len(facts) - PER_GROUP} more in the record")
    if record.extensions:
        lines.append("\nFrom installed plugins (not part of eventx)")
        for field in sorted(record.extensions):
            for ext in record.extensions[field]:
                extractor = ext.evidence.extractor
                origin = plugins.get(extractor, extractor or "?")
                details = ", ".join(f"{k}={v}" for k, v in ext.value.items())
                lines.append(
                    f"  {field} [plugin {origin}]: {details} {_quote(ext.evidence.text)}"
                    f" [{ext.evidence.start}:{ext.evidence.end}]"
                )
    if record.diagnostics:
        lines.append("\nDiagnostics")
        lines.extend(f"  {d.level}: [{d.plugin}] {d.message}" for d in record.diagnostics)
    return "\n".join(lines)


def third_party_extractors() -> dict[str, str]:
    """Extractor name -> plugin name, for the plugins not bundled with eventx."""
    from eventx.plugins.host import PluginHost

    others = set(third_party_plugins())
    return {
        extractor: info.name
        for info in PluginHost().plugins
        if info.name in others
        for extractor in info.extractors
    }


def run_demo(
    *,
    json_only: bool = False,
    out: IO[str] = sys.stdout,
    json_path: Path | None = None,
    html_path: Path | None = None,
) -> EventRecord:
    """Run the seed article; print the summary (or, with ``json_only``, the record) and write
    the record JSON and the HTML view to the files it names."""
    record = seed_record()
    if json_only:
        out.write(record.to_json(indent=True) + "\n")
        return record
    from eventx.render import write_html

    plugins = third_party_extractors()
    json_path = json_path or Path("eventx-demo") / "record.json"
    html_path = html_path or Path("eventx-demo") / "report.html"
    for path in (json_path, html_path):
        path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(record.to_json(indent=True) + "\n", "utf-8")
    write_html(str(html_path), record, load_seed().text, plugins=plugins)
    out.write(summary(record, plugins) + "\n\n")
    out.write(f"record:    {json_path}\nHTML view: {html_path}\n")
    return record


def expected_path(directory: Path) -> Path:
    return directory / f"{SEED_ID}.expected.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventx.demo")
    parser.add_argument(
        "--write-expected",
        metavar="SEEDS_DIR",
        default=None,
        help="write the golden record into SEEDS_DIR",
    )
    args = parser.parse_args(argv)
    if args.write_expected:
        directory = Path(args.write_expected)
        record = seed_record(directory, bundled_only=True)
        expected_path(directory).write_text(record.to_json(indent=True) + "\n", "utf-8")
        print(f"wrote {expected_path(directory)}")
        return 0
    run_demo()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
