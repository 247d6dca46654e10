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
from typing import IO

from eventx.record import Document, EventRecord

SEED_ID = "000_8810d80a09cc04a1"


def seeds_dir() -> Path:
    """The project's ``seeds/`` folder (next to ``src/`` in a checkout or editable install)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "seeds"
        if (candidate / f"{SEED_ID}.txt").exists():
            return candidate
    raise FileNotFoundError(
        "the seed article was not found: run the demo from a checkout of eventx "
        "(pip install -e .), where seeds/ sits next to src/"
    )


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


def summary(record: EventRecord) -> str:
    lines = [
        f"eventx demo: {record.id} ({record.language}, published {record.document_date})",
        f"status: {record.status}",
    ]
    if record.event_type is not None:
        lines.append(
            f"event type: {record.event_type.acled} "
            f"(PLOVER {record.event_type.plover}, confidence {record.event_type.confidence:.2f})"
        )
    if record.country:
        lines.append(f"country: {record.country}")
    if record.time is not None:
        lines.append(f"time: {record.time.start} .. {record.time.end}")
    for loc in record.locations:
        lines.append(f"place: {loc.name} [{loc.country_code}] x{len(loc.mentions)}")
    for date in record.dates:
        lines.append(f"date: {date.value} <- {date.evidence.text!r}")
    for c in record.casualties:
        group = f" {c.group}" if c.group else ""
        lines.append(
            f"casualties: {c.kind} {c.count if c.count is not None else '?'}{group}"
            f" (source: {c.source or '-'}, date: {c.date or '-'}) <- {c.evidence.text!r}"
        )
    for d in record.deployments:
        lines.append(
            f"deployment: {d.force} -> {d.destination or '?'}"
            f" contributors={','.join(d.contributors) or '-'} <- {d.evidence.text!r}"
        )
    for s in record.statements:
        lines.append(f"statement: {s.speaker} ({'direct' if s.direct else 'reported'})")
    for field, extensions in record.extensions.items():  # what third-party plugins added
        for ext in extensions:
            details = ", ".join(f"{k}={v}" for k, v in ext.value.items())
            lines.append(f"{field}: {details} <- {ext.evidence.text!r}")
    for diag in record.diagnostics:
        lines.append(f"{diag.level}: [{diag.plugin}] {diag.message}")
    return "\n".join(lines)


def run_demo(*, json_only: bool = False, out: IO[str] = sys.stdout) -> EventRecord:
    record = seed_record()
    if not json_only:
        out.write(summary(record) + "\n\n")
    out.write(record.to_json(indent=True) + "\n")
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
