"""List the towns and regions extraction reports for a corpus, by how often (for review).

Used to find dictionary words that GeoNames also gives as the name of some small or foreign
town (فيلم "film" = Yelm): run it over articles that are about no particular place (the
off-topic set: sport, economy, culture) and add the common words among the answers to
``[stopwords]`` in ``src/eventx/gazetteer/data/<language>.toml``, after review (docs/gazetteer.md).

    .venv/bin/python scripts/reported_towns.py ../shared/offtopic/offtopic.jsonl --language ar
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import eventx


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="JSON lines with 'text' and 'language'")
    parser.add_argument("--language", default="ar")
    args = parser.parse_args()
    counts: Counter[tuple[str, str, str]] = Counter()
    with args.corpus.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if article.get("language") != args.language:
                continue
            record = eventx.extract(article["text"], language=args.language)
            for location in record.locations:
                if location.kind in ("city", "region") and location.resolution != "alias":
                    for mention in location.mentions:
                        counts[(mention.text, location.name, location.country_code or "")] += 1
    for (text, name, code), count in counts.most_common():
        print(f"{count}\t{text}\t{name}\t{code}")


if __name__ == "__main__":
    main()
