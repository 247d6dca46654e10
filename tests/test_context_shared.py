"""Per-document facts several extractors need are computed once and shared through the context
(issue 15.3): every extractor asking ``ctx.quantities()`` or ``ctx.place_mentions()`` about one
document gets the same objects, equal to what the public functions find."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import eventx
from eventx import hookimpl
from eventx.nlp.builtin import BuiltinBackend

TEXT = (
    "قالت وزارة الداخلية يوم الجمعة إن 26 شخصا قتلوا وأصيب نحو 300 آخرين في ألماتي. "
    "Police said at least 22 people were killed in Kabul, Afghanistan."
)


class Asker:
    """Two extractors reading the shared per-document facts."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple[tuple[Any, ...], tuple[Any, ...]]] = {}

    def _ask(self, name: str, ctx: eventx.ExtractionContext) -> Iterator[Any]:
        self.seen[name] = (ctx.quantities(), ctx.place_mentions())
        return iter(())

    @hookimpl
    def eventx_register_extractors(self, register: eventx.Register) -> None:
        for name in ("asker_a", "asker_b"):
            register(
                eventx.Extractor(
                    name=name,
                    func=lambda ctx, name=name: self._ask(name, ctx),
                    provides=["extensions"],
                )
            )


def test_extractors_share_one_computation_of_quantities_and_places() -> None:
    asker = Asker()
    # No deadline: the first place lookup of a process builds the gazetteer index.
    pipeline = eventx.Pipeline(plugins=[asker], entry_points=False, timeout=None)
    pipeline.extract(TEXT, language="ar", document_date="2022-01-07")
    (quantities_a, places_a), (quantities_b, places_b) = asker.seen.values()
    assert [q.quantity.count for q in quantities_a] == [26, 300, 22]
    assert all(a is b for a, b in zip(quantities_a, quantities_b, strict=True))
    assert places_a is places_b
    assert [m.text for m in places_a] == ["ألماتي"]  # an Arabic document: Arabic names


def test_shared_quantities_equal_the_public_function() -> None:
    doc = BuiltinBackend().annotate(TEXT, "ar")
    first = list(eventx.find_quantities(doc))
    again = list(eventx.find_quantities(doc))
    assert first == again and all(a is b for a, b in zip(first, again, strict=True))
    sentence = doc.sentences[0]
    inside = list(eventx.find_quantities(doc, start=sentence.start, end=sentence.end))
    assert [q.text for q in inside] == [q.text for q in first if q.end <= sentence.end]
