"""The deployments' document index computes each lookup on first use and then keeps it.

These lookups (places, actors, nationality words, purposes, the main country) used to be
``functools.cached_property`` values, which a class compiled with mypyc recomputes on every
read (it has no instance ``__dict__``): the records stayed the same, only slower. The index
and the sentence reader now keep them in plain attributes, in both builds.
"""

from __future__ import annotations

import eventx
from eventx_deployments.index import DocumentIndex
from eventx_deployments.lexicons import lexicon
from eventx_deployments.mentions import SentenceReader

EN = (
    "The United States sent 2,500 British and American troops to Iraq on Monday to protect the "
    "airport. Iraq said the force arrived in Baghdad."
)
AR = (
    "أرسلت فرنسا 500 جندي فرنسي إلى مالي يوم الاثنين لحماية المطار. "
    "وقالت مالي إن القوة وصلت إلى باماكو."
)


def _index(text: str, language: str) -> DocumentIndex:
    """The index the deployments extractor builds, over the facts the places, actors and dates
    extractors give for ``text``."""
    document = eventx.Document(id="t", text=text, language=language, document_date="2022-01-10")
    record = eventx.Pipeline(disable=["eventx_weapons"]).run(document)
    facts = {
        "locations": list(record.locations),
        "actors": list(record.actors),
        "dates": list(record.dates),
    }
    annotation = eventx.annotate(text, language)
    ctx = eventx.ExtractionContext(document, annotation, facts, "deployments", [])
    return DocumentIndex(ctx, lexicon(language))


def test_each_lookup_is_computed_once_and_kept() -> None:
    for text, language in ((EN, "en"), (AR, "ar")):
        index = _index(text, language)
        for name in (
            "countries",
            "nationality",
            "places",
            "purpose_starts",
            "date_spans",
            "actors",
            "places_by_sentence",
            "actors_by_sentence",
        ):
            assert getattr(index, name) is getattr(index, name), (language, name)
        first = index.main_country
        assert first is not None and first is index.main_country
        reader = SentenceReader(index, index.doc.sentences[0])
        assert reader.places is reader.places and reader.actors is reader.actors


def test_lookups_answer_as_the_document_says() -> None:
    index = _index(EN, "en")
    assert index.main_country is not None and index.main_country.country_code == "IQ"
    names = {(p.name, p.country_code) for p in index.places}
    assert ("Iraq", "IQ") in names and ("Baghdad", "IQ") in names
    # "British" and "American" are nationality words of the first sentence.
    codes = {
        index.nationality[i] for i in range(*index.sentence_range[0]) if i in index.nationality
    }
    assert {"GB", "US"} <= codes
    assert index.in_date(EN.index("Monday")) and not index.in_date(EN.index("airport"))
    reader = SentenceReader(index, index.doc.sentences[1])
    assert [p.name for p in reader.places] == ["Iraq", "Baghdad"]

    arabic = _index(AR, "ar")
    assert arabic.main_country is not None and arabic.main_country.country_code == "ML"
    states = {a.country_code for a in arabic.actors if a.is_state}
    assert "FR" in states
    assert arabic.purpose_starts  # "لحماية": to protect
