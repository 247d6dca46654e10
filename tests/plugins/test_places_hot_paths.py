"""Shortcuts on the places plugin's hot paths compute exactly what the plain code computes.

* The country vote's per-document weight memo (country.py): the vote and the primary place read
  each mention's weight up to three times per document; the memo keeps the weights of the
  document read last. A remembered weight is always the weight computed afresh, whichever
  documents were read before, in whatever order.
* ``context_without`` (resolve.py): the article's countries without one mention's, equal (in
  key order too) to the Counter subtraction it replaces.
* ``_after_capital_apposition`` (resolve.py) normalises words lazily, and
  ``_without_clitics_in_sites`` (arabic_places.py) looks a site up by its start: both equal
  the rules as first written.
"""

from __future__ import annotations

import attrs
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import eventx
from eventx_places import country, resolve
from eventx_places.arabic_places import _without_clitics_in_sites
from eventx_places.resolve import context_without, document_context

TEXTS = (
    (
        "ar",
        "قتل 12 شخصا في انفجار بمدينة حلب شمالي سوريا.\n"
        "وقالت وزارة الداخلية في دمشق إن الهجوم استهدف سوقا شعبية.",
    ),
    (
        "en",
        "BAGHDAD (Reuters) - A car bomb killed five people in Mosul on Sunday.\n"
        "Officials in Baghdad said the attack hit a market near the old city.",
    ),
    (
        "en",
        "Protesters gathered in Kyiv and Lviv on Friday, while Russia said it would respond.",
    ),
)


def _record(pipeline: eventx.Pipeline, language: str, text: str) -> eventx.EventRecord:
    return pipeline.extract(eventx.Document(id="memo", text=text, language=language))


@settings(max_examples=15, deadline=None)
@given(order=st.lists(st.integers(min_value=0, max_value=len(TEXTS) - 1), min_size=2, max_size=6))
def test_remembered_weights_are_the_computed_ones(order: list[int]) -> None:
    pipeline = eventx.Pipeline(disable=["eventx_weapons"])
    for index in order:
        language, text = TEXTS[index]
        # an equal text in a new string object: the memo is keyed by identity, never by value
        text = "".join(list(text))
        record = _record(pipeline, language, text)
        for location in record.locations:
            for mention in location.mentions:
                remembered = country._mention_weight(location.kind, mention, text, language)
                assert remembered == country._compute_weight(location.kind, mention, text, language)


def test_records_do_not_depend_on_the_document_read_before() -> None:
    pipeline = eventx.Pipeline(disable=["eventx_weapons"])
    alone = [_record(pipeline, language, text) for language, text in TEXTS]
    for (language, text), expected in zip(TEXTS, alone, strict=True):
        for other_language, other in TEXTS:
            _record(pipeline, other_language, other)
            again = _record(pipeline, language, text)
            assert again.country == expected.country
            assert again.primary_location == expected.primary_location
            assert again.locations == expected.locations


@settings(max_examples=30, deadline=None)
@given(
    texts=st.lists(st.sampled_from(TEXTS), min_size=1, max_size=3),
    pick=st.integers(min_value=0, max_value=1000),
)
def test_context_without_a_mention_is_the_counter_difference(
    texts: list[tuple[str, str]], pick: int
) -> None:
    language = texts[0][0]
    text = "\n".join(t for lang, t in texts if lang == language)
    document = eventx.annotate(text, language)
    mentions = list(eventx.find_place_mentions(document))
    assert mentions  # every text names places
    context = document_context(mentions)
    mention = mentions[pick % len(mentions)]
    expected = context - document_context([mention])
    found = context_without(context, mention)
    assert list(found.items()) == list(expected.items())
    assert context == document_context(mentions)  # the document's context is left as it was


_FACILITY_LOOKAHEAD = r"(?=[A-Z\d])"
_WORDS = st.sampled_from(
    ["the", "Green", "Zone", "2nd", "Army", "Division", "headquarters", "King's", "Arms", "pub",
     "Calle", "de", "la", "Paz", "University", "of", "Kabul", "road", "Tahrir", "Square", "in",
     "refugee", "camp", "١٢", "Rue", "du", "Bac", ",", "\n"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_WORDS, max_size=14))
def test_facility_pattern_finds_what_it_found_without_its_lookahead(words: list[str]) -> None:
    fast = resolve._EN_FACILITY_RE
    assert _FACILITY_LOOKAHEAD in fast.pattern
    plain = regex.compile(fast.pattern.replace(_FACILITY_LOOKAHEAD, "", 1))
    text = " ".join(words)
    assert [m.span(1) for m in fast.finditer(text)] == [m.span(1) for m in plain.finditer(text)]


def _plain_after_capital_apposition(text: str, start: int) -> bool:
    """The apposition rule as first written: the last four words, all normalised up front."""
    words = [
        eventx.normalize_string(w.strip(",.:;\"'“”()«»"))
        for w in text[max(0, start - 48) : start].split()[-4:]
    ]
    nouns = resolve._word_list("ar", "apposition_nouns")
    if words and words[-1].startswith("ال") and words[-1].endswith("يه"):
        words = words[:-1]
    if not words:
        return False
    noun = words[-1]
    locative, prefixes = resolve.locative_words("ar")
    if noun in nouns:
        return len(words) > 1 and words[-2] in locative
    return any(noun.startswith(p) and noun[len(p) :] in nouns for p in prefixes)


_ARABIC_WORDS = st.sampled_from(
    ["في", "ب", "العاصمة", "بالعاصمة", "والعاصمة", "المصرية", "العراقية", "السورية", "الأردنية",
     "القاهرة", "«العاصمة»", "العاصمةَ", "مدينة", "وفي", "قال", "،", "\n", "(", "الى"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_ARABIC_WORDS, max_size=6))
def test_capital_apposition_reads_what_the_plain_rule_reads(words: list[str]) -> None:
    text = " ".join(words) + " بغداد"
    start = len(text) - len("بغداد")
    assert resolve._after_capital_apposition(text, start) == _plain_after_capital_apposition(
        text, start
    )


def test_capital_apposition_examples() -> None:
    for text in ("قتل جنديان في العاصمة القاهرة", "في العاصمة المصرية القاهرة", "بالعاصمة القاهرة"):
        assert resolve._after_capital_apposition(text, text.rindex("القاهرة"))
    for text in ("زار الوزير العاصمة القاهرة", "قال إن القاهرة"):
        assert not resolve._after_capital_apposition(text, text.rindex("القاهرة"))


def _plain_without_clitics_in_sites(
    mentions: list[resolve.ResolvedMention], sites: list[resolve.ResolvedMention]
) -> list[resolve.ResolvedMention]:
    """The rule as first written: every mention tested against every new site."""
    starts = {(s.start, s.end) for s in sites if s.place is None}
    out = []
    for m in mentions:
        if m.place is not None:
            for cut in (1, 2):
                if any(a == m.start + cut and m.end <= b for a, b in starts):
                    m = attrs.evolve(m, start=m.start + cut)
                    break
        out.append(m)
    return [*out, *sites]


_TOWN = eventx.Place(name="Az Zubayr", kind="city", country_code="IQ", population=100_000)


def _mentions(placed: bool) -> st.SearchStrategy[list[resolve.ResolvedMention]]:
    return st.lists(
        st.tuples(st.integers(0, 12), st.integers(1, 8), st.booleans()).map(
            lambda t: resolve.ResolvedMention(
                start=t[0],
                end=t[0] + t[1],
                kind="city" if placed and t[2] else "place",
                place=_TOWN if placed and t[2] else None,
                name="x",
            )
        ),
        max_size=6,
    )


@given(mentions=_mentions(True), sites=_mentions(False))
def test_towns_inside_new_sites_move_as_the_plain_rule_moves_them(
    mentions: list[resolve.ResolvedMention], sites: list[resolve.ResolvedMention]
) -> None:
    assert _without_clitics_in_sites(mentions, sites) == _plain_without_clitics_in_sites(
        mentions, sites
    )


_LISTING_WORDS = st.sampled_from(
    ["في", "ست", "محافظات", "مُحافَظات", "مـحافظات", "بمحافظات", "ولايات:", "أقاليم", "اقاليم",
     "وهي", "القاهرة", "والسويس", "والإسماعيلية", "الشرقية", "،", "قتل", "مدينة", "\n"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(words=st.lists(_LISTING_WORDS, max_size=12))
def test_listed_units_are_the_same_with_the_plural_pre_check(words: list[str]) -> None:
    text = " ".join(words)
    document = eventx.annotate(text, "ar")
    found = eventx.find_place_mentions(document)
    plain = resolve.units_listed_after_plural(text, found, "ar")
    assert resolve.units_listed_after_plural(text, found, "ar", document.normalized.text) == plain


def test_units_listed_after_a_plural_noun_are_regions() -> None:
    text = "وقعت اشتباكات في ست محافظات وهي القاهرة والسويس"
    document = eventx.annotate(text, "ar")
    found = eventx.find_place_mentions(document)
    listed = resolve.units_listed_after_plural(text, found, "ar", document.normalized.text)
    assert sorted(text[start:].split()[0] for start in listed) == ["القاهرة", "والسويس"]
    assert all(p.kind == "region" for places in listed.values() for p in places)
