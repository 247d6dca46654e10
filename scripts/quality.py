#!/usr/bin/env python3
"""Print, or record (--write), the quality guard's figures: benchmarks/results/quality.json.

Run by `make quality` after a change that improves a figure; the guard test (tests/
test_quality_guard.py) fails when a figure drops by more than 0.02 or rises without being recorded.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventx.evaluation.quality import compare, measure

ROOT = Path(__file__).resolve().parents[1]
QUALITY = ROOT / "benchmarks" / "results" / "quality.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--write", action="store_true", help=f"record the figures in {QUALITY}")
    args = parser.parse_args()
    figures = measure(args.shared / "devset", args.shared / "offtopic")
    if QUALITY.exists():
        worse, better = compare(figures, json.loads(QUALITY.read_text("utf-8")))
        for line in worse:
            print(f"worse   {line}")
        for line in better:
            print(f"better  {line}")
    text = json.dumps(figures, indent=2, sort_keys=True) + "\n"
    if args.write:
        QUALITY.write_text(text, "utf-8")
        print(f"wrote {QUALITY.relative_to(ROOT)}")
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
