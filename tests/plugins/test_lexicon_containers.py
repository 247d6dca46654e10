"""Bundled plugins read their TOML data as sequences and mappings, whatever the concrete type.

``eventx.language_data`` hands out read-only data: tables are read-only mappings and arrays are
tuples. A plugin that tests ``isinstance(x, list)`` or ``isinstance(x, dict)`` on it silently
compiles an empty lexicon and nothing crashes: it happened once, and every event type vanished.
Here each bundled plugin compiles its lexicons twice, once from the read-only data and once from
a plain ``dict``/``list`` copy of the same data (what ``tomllib`` itself returns), and the records
must be identical. A plugin that depends on the container type gives different records.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

import eventx
from eventx.demo import load_seed

ROOT = Path(__file__).resolve().parents[2]

# Real sentences written for this test: each fires a different bundled extractor.
TEXTS = (
    (
        "ar",
        "قتل 12 شخصا وأصيب 30 آخرون في انفجار سيارة مفخخة في بغداد يوم الاثنين 3 آذار 2014، "
        "وقال المتحدث باسم وزارة الداخلية العراقية إن الشرطة اعتقلت خمسة مشتبه بهم. "
        "وأرسلت الحكومة قوة قوامها 400 عنصر من الجيش إلى محافظة ديالى.",
        "2014-03-04",
    ),
    (
        "en",
        "Police said 7 people were killed and 15 injured on Monday when gunmen attacked a market "
        "in Kandahar, Afghanistan. The army deployed two battalions to the province on March 5, "
        "2019, and the interior minister warned that more arrests would follow.",
        "2019-03-06",
    ),
)


def _thawed(value: Any) -> Any:
    """What ``tomllib`` returns: dicts and lists."""
    if isinstance(value, Mapping):
        return {key: _thawed(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [_thawed(item) for item in value]
    return value


def _clear_plugin_caches() -> None:
    """Forget every lexicon a bundled plugin compiled (they are ``lru_cache``d per language)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("eventx_"):
            continue
        for attribute in vars(module).values():
            cache_clear = getattr(attribute, "cache_clear", None)
            if callable(cache_clear):
                cache_clear()


def _records() -> list[str]:
    pipeline = eventx.Pipeline()
    records = [
        pipeline.extract(text, language=language, document_date=published)
        for language, text, published in TEXTS
    ]
    records.append(pipeline.run(load_seed(ROOT / "seeds")))
    return [record.to_json() for record in records]


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    _clear_plugin_caches()
    yield
    _clear_plugin_caches()


def test_plugins_read_plain_toml_containers_like_read_only_ones(
    fresh_caches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_only = _records()
    # The texts exercise every bundled extractor, so an empty lexicon anywhere shows.
    for text_record in read_only[: len(TEXTS)]:
        record = json.loads(text_record)
        assert record["event_type"] and record["event_type"]["acled"] != "other"
        for field in ("locations", "actors", "dates", "casualties", "deployments", "statements"):
            assert record[field], field

    load_data, language_data = eventx.load_data, eventx.language_data
    monkeypatch.setattr(eventx, "load_data", lambda *args: _thawed(load_data(*args)))
    monkeypatch.setattr(eventx, "language_data", lambda *args: _thawed(language_data(*args)))
    _clear_plugin_caches()
    plain = _records()

    assert plain == read_only
