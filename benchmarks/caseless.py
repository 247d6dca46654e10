#!/usr/bin/env python3
"""Do the place rules for English text without capitals generalise? (`make caseless`)

The caseless rules (plugins/eventx_places/caseless.py) were written while reading two dev
articles that are entirely lower case (dev_en_15, dev_en_16). This check runs them on text they
were not written from: every other English gold article of a folder (default the dev set),
lower-cased character by character (so the gold spans still point at the same characters), and
scores the event locations against the gold, next to the same articles as written. Then it runs
the English off-topic articles lower-cased and lists every place name the lower-case run reports
that the cased run does not (a precision proxy: a sports or business story rarely names a place
the cased run missed).

    .venv/bin/python benchmarks/caseless.py [--shared ../shared] [--gold DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

import eventx
from eventx.evaluation import evaluate_records, load_gold_dir
from eventx.evaluation.gold import GoldDocument
from eventx.evaluation.matching import norm
from eventx.evaluation.offtopic import load_offtopic
from eventx.evaluation.scoring import Report, run_pipeline

ROOT = Path(__file__).resolve().parents[1]
#: The articles the caseless rules were written from: left out, they measure nothing.
WRITTEN_FROM = frozenset({"dev_en_15", "dev_en_16"})


def lower_same_length(text: str) -> str:
    """``text`` in lower case, one character for one ("İ".lower() is two characters: such a
    character is kept as written), so every span of the original points at the same text."""
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def lowered(gold: GoldDocument) -> GoldDocument:
    """The gold article with its text in lower case; its spans and mentions still hold."""
    text = lower_same_length(gold.text)
    if len(text) != len(gold.text):  # cannot happen by construction; a broken span would lie
        raise AssertionError(f"{gold.id}: lower-casing changed the length")
    return attrs.evolve(gold, text=text)


def english_gold(folder: Path) -> list[GoldDocument]:
    return [
        g for g in load_gold_dir(folder) if g.language == "en" and g.id not in WRITTEN_FROM
    ]


def _locations(report: Report) -> dict[str, float | int]:
    counts = report.counts("locations", "en")
    return {
        "precision": round(counts.precision, 3),
        "recall": round(counts.recall, 3),
        "f1": round(counts.f1, 3),
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
    }


def _differences(cased: Report, lower: Report) -> dict[str, dict[str, list[str]]]:
    """Per article: the gold places only the lower-cased run misses, the wrong places only it
    reports."""
    out: dict[str, dict[str, list[str]]] = {}
    for before, after in zip(cased.documents, lower.documents, strict=True):
        was, now = before.categories["locations"], after.categories["locations"]
        missed = [m for m in now.missed if m not in was.missed]
        wrong = [w for w in now.wrong if w not in was.wrong]
        if missed or wrong:
            out[after.id] = {"missed": missed, "wrong": wrong}
    return out


def score_gold(gold: Sequence[GoldDocument], pipeline: eventx.Pipeline) -> dict[str, Any]:
    """Event-location P/R/F1 on the articles as written and lower-cased."""
    cased = evaluate_records(gold, run_pipeline(gold, pipeline))
    lower_gold = [lowered(g) for g in gold]
    lower = evaluate_records(lower_gold, run_pipeline(lower_gold, pipeline))
    return {
        "documents": len(gold),
        "cased": _locations(cased),
        "lowercase": _locations(lower),
        "lowercase_only": _differences(cased, lower),
    }


def _place_names(record: eventx.EventRecord) -> set[str]:
    return {norm(loc.name) for loc in record.locations}


def added_places(
    documents: Iterable[eventx.Document], pipeline: eventx.Pipeline
) -> dict[str, list[dict[str, Any]]]:
    """Per document: the places the lower-cased run reports whose name the cased run lacks."""
    added: dict[str, list[dict[str, Any]]] = {}
    for doc in documents:
        cased = pipeline.run(doc)
        lower = pipeline.run(attrs.evolve(doc, text=lower_same_length(doc.text)))
        known = _place_names(cased)
        extra = [
            {
                "name": loc.name,
                "mention": loc.mentions[0].text if loc.mentions else "",
                "resolution": loc.resolution,
                "role": loc.role,
            }
            for loc in lower.locations
            if norm(loc.name) not in known
        ]
        if extra:
            added[doc.id] = extra
    return added


def measure(gold_folder: Path, offtopic: Path) -> dict[str, Any]:
    pipeline = eventx.Pipeline()
    english_offtopic = [d for d in load_offtopic(offtopic) if d.language == "en"]
    added = added_places(english_offtopic, pipeline)
    return {
        "gold": score_gold(english_gold(gold_folder), pipeline),
        "offtopic": {
            "documents": len(english_offtopic),
            "documents_with_added_places": len(added),
            "added_places": sum(len(v) for v in added.values()),
            "added_event_places": sum(
                1 for v in added.values() for p in v if p["role"] == "event"
            ),
            "added": added,
        },
    }


def format_report(figures: dict[str, Any]) -> str:
    gold, off = figures["gold"], figures["offtopic"]
    lines = [
        f"English gold articles (not dev_en_15/16): {gold['documents']}",
        "event locations   P      R      F1     tp/fp/fn",
    ]
    for label in ("cased", "lowercase"):
        s = gold[label]
        lines.append(
            f"  {label:14}{s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}"
            f"   {s['tp']}/{s['fp']}/{s['fn']}"
        )
    for doc_id, diff in gold["lowercase_only"].items():
        for m in diff["missed"]:
            lines.append(f"  {doc_id}: missed only lower-cased: {m}")
        for w in diff["wrong"]:
            lines.append(f"  {doc_id}: wrong only lower-cased: {w}")
    lines.append(
        f"English off-topic articles lower-cased: {off['documents']}; places the cased run "
        f"lacks: {off['added_places']} ({off['added_event_places']} as event places) in "
        f"{off['documents_with_added_places']} articles"
    )
    for doc_id, places in off["added"].items():
        for p in places:
            lines.append(
                f"  {doc_id}: {p['mention']!r} -> {p['name']} ({p['resolution']}, {p['role']})"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--gold", type=Path, help="gold folder (default: SHARED/devset)")
    parser.add_argument("--json", action="store_true", help="print every figure as JSON")
    args = parser.parse_args(argv)
    figures = measure(args.gold or args.shared / "devset", args.shared / "offtopic")
    if args.json:
        print(json.dumps(figures, indent=2, sort_keys=True, ensure_ascii=False))
    else:
        print(format_report(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
