"""Caches without surprises (issue 13.3): per-document results die with the document, shared
data is read-only, one-time builds happen once."""

from __future__ import annotations

import gc
import weakref
from typing import Any

import pytest

import eventx
from eventx import hookimpl

AR = "أعلنت وزارة الداخلية الكازاخستانية الجمعة مصرع 26 مسلحا وإصابة 18 آخرين في ألماتي."


def test_no_cache_keeps_a_document_alive_after_its_record_is_returned() -> None:
    seen: list[weakref.ref[Any]] = []

    class Spy:
        name = "spy"

        @hookimpl
        def eventx_register_extractors(self, register: eventx.Register) -> None:
            def spy(ctx: eventx.ExtractionContext) -> list[eventx.Location]:
                seen.append(weakref.ref(ctx.annotation))
                seen.append(weakref.ref(ctx.document))
                return []

            # after places: the gazetteer's per-document results exist by then
            register(eventx.Extractor(name="spy", func=spy, requires=["locations"]))

    pipeline = eventx.Pipeline(plugins=[Spy()])
    record = pipeline.extract(AR, document_date="2022-01-07")
    assert record.locations  # the gazetteer ran on this annotation
    del record
    gc.collect()
    assert seen and all(ref() is None for ref in seen), "a cache outlived its document"


def test_place_mentions_are_computed_once_per_document() -> None:
    annotation = eventx.annotate(AR, "ar")
    first = eventx.find_place_mentions(annotation)
    assert first and eventx.find_place_mentions(annotation) is first
    other = eventx.annotate(AR, "ar")
    assert eventx.find_place_mentions(other) == first


def test_load_data_hands_out_read_only_data() -> None:
    data = eventx.load_data("eventx_casualties", "lexicon/ar.toml")
    assert data
    key = next(iter(data))
    with pytest.raises(TypeError):
        data[key] = "changed"  # type: ignore[index]
    arrays = _arrays(data)
    assert arrays, "the lexicon has arrays"
    assert all(isinstance(a, tuple) for a in arrays)
    assert eventx.load_data("eventx_casualties", "lexicon/ar.toml") == data


def _arrays(value: Any) -> list[Any]:
    from collections.abc import Mapping

    found: list[Any] = []
    if isinstance(value, Mapping):
        for item in value.values():
            found.extend(_arrays(item))
    elif isinstance(value, list | tuple):
        found.append(value)
        for item in value:
            found.extend(_arrays(item))
    return found
