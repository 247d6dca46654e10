#!/usr/bin/env python3
"""Print, or record (--write), a digest of every record eventx makes on a pinned set of texts.

Speed work must not change what eventx extracts. ``make digests`` records the SHA-256 of
``record.to_json()`` for each document below in tests/fixtures/record_digests.json, and
tests/test_record_digests.py recomputes them: any difference means a change altered records.
After a reviewed change that is *meant* to alter records (an extractor's behaviour), run
``make digests`` and commit the new file with it.

The documents: the seed (also repeated 3x as one long document), the dev set, the held-out
set, the off-topic set, the longest dev article of each language repeated 4x, and small
versions of the repetitive shapes the linear-time test feeds (so the rewrites that made them
linear are checked to keep their records).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIGESTS = ROOT / "tests" / "fixtures" / "record_digests.json"

#: Repetitive texts (shape, language): each repeated to about 3 KB. The same shapes, at 10 and
#: 100 KB, are what tests/test_linear_time.py measures; both read them from one file.
REPEATED_SHAPES: tuple[tuple[str, str], ...] = tuple(
    (shape, language)
    for shape, language in json.loads(
        (ROOT / "tests" / "fixtures" / "repetitive_shapes.json").read_text("utf-8")
    )
)
SHAPE_CHARS = 3000


def _read_folder(folder: Path) -> Iterator[tuple[str, str, str | None, str | None]]:
    for path in sorted(folder.glob("*.txt")):
        meta_path = path.with_name(path.stem + ".meta.json")
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
        yield (
            str(meta.get("id") or path.stem),
            path.read_text("utf-8"),
            meta.get("language"),
            meta.get("document_date"),
        )


def documents(shared: Path) -> Iterator[tuple[str, str, str | None, str | None]]:
    """(key, text, language, document date) of every pinned document, in a fixed order."""
    seeds = list(_read_folder(ROOT / "seeds"))
    for key, text, language, date in seeds:
        yield f"seed/{key}", text, language, date
        yield f"seed/{key}x3", "\n\n".join([text] * 3), language, date
    dev = list(_read_folder(shared / "devset"))
    for key, text, language, date in dev:
        yield f"dev/{key}", text, language, date
    for language in ("ar", "en"):
        key, text, _, date = max(
            (d for d in dev if d[2] == language), key=lambda d: (len(d[1]), d[0])
        )
        yield f"dev/{key}x4", "\n\n".join([text] * 4), language, date
    for key, text, language, date in _read_folder(ROOT / "benchmarks" / "heldout"):
        yield f"heldout/{key}", text, language, date
    offtopic = shared / "offtopic" / "offtopic.jsonl"
    for line in offtopic.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            yield (
                f"offtopic/{row['id']}",
                row["text"],
                row.get("language"),
                row.get("document_date"),
            )
    for number, (shape, language) in enumerate(REPEATED_SHAPES):
        text = shape * (SHAPE_CHARS // len(shape))
        yield f"shape/{number:02d}", text, language, "2022-01-07"


def digests(shared: Path) -> dict[str, str]:
    import eventx
    from eventx.demo import third_party_plugins

    # Bundled plugins only: the digests must not depend on what else is installed.
    # No deadline: on a busy machine an extractor cut by its timeout would change a record.
    pipeline = eventx.Pipeline(disable=third_party_plugins(), timeout=None)
    found: dict[str, str] = {}
    for key, text, language, date in documents(shared):
        record = pipeline.run(
            eventx.Document(id=key, text=text, language=language, document_date=date)
        )
        found[key] = hashlib.sha256(record.to_json().encode("utf-8")).hexdigest()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--write", action="store_true", help=f"record the digests in {DIGESTS}")
    args = parser.parse_args()
    found = digests(args.shared)
    if args.write:
        DIGESTS.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"wrote {len(found)} digests to {DIGESTS.relative_to(ROOT)}")
        return 0
    recorded = json.loads(DIGESTS.read_text("utf-8")) if DIGESTS.exists() else {}
    changed = sorted(k for k in found.keys() | recorded.keys() if found.get(k) != recorded.get(k))
    for key in changed:
        print(f"changed {key}")
    print(f"{len(found)} documents, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
