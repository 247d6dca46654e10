"""Places in English text written without capitals (eventx_places.caseless).

No capital tells a name from a word, so a name is recognised by the noun of place after it
("moravli village", "the velbora area") when it is no common English word.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

import eventx
from eventx.nlp.builtin import BuiltinBackend
from eventx_places.caseless import is_caseless_name, is_english_word
from eventx_places.resolve import resolve_mentions

# Written for these tests; the villages are made-up names (no gazetteer knows them).
CASELESS_REPORT = (
    "vadodara: police fired tear gas in vadodara and surat in gujarat on friday. a mob "
    "attacked houses in the velbora area of surat and burnt shops near the railway station "
    "area. youths from moravli village and the neighbouring village threw stones, and curfew "
    "was imposed in khervada town and in pethapur town. arson was reported from kalvani, "
    "tembhla and dosvad areas of the district, and a truck was burnt on the velbora-kamrej road. in the evening the "
    "police camped at moravli village."
)


@cache
def _pipeline() -> eventx.Pipeline:
    return eventx.Pipeline()


def _locations(text: str) -> dict[str, eventx.Location]:
    record = _pipeline().extract(eventx.Document(id="t", text=text, language="en"))
    return {loc.name: loc for loc in record.locations}


def test_names_before_a_noun_of_place_are_places() -> None:
    places = _locations(CASELESS_REPORT)
    village = places["moravli village"]
    assert village.kind == "city" and village.country_code == "IN"
    assert len(village.mentions) == 2  # one village, named twice
    assert places["khervada town"].kind == "city"
    # a town of the article's country too small to be believed on its own (23 000 people)
    # is that town when its noun follows
    assert places["Pethapur"].resolution == "gazetteer"
    # a noun that only describes is not part of the name: "the velbora area" is Velbora
    assert places["velbora"].kind == "place" and places["velbora"].country_code == "IN"
    # a plural noun takes every name of the list before it
    assert {"kalvani", "tembhla", "dosvad"} <= set(places)
    assert places["velbora-kamrej road"].kind == "place"


def test_common_words_before_a_noun_of_place_are_no_names() -> None:
    places = _locations(CASELESS_REPORT)
    names = " ".join(places)
    # "the neighbouring village", "the railway station area", "of the district"
    assert "neighbouring" not in names and "railway" not in names and "station" not in names
    assert not any(name.startswith(("the ", "of ")) for name in places)


def test_a_known_town_before_its_noun_stays_the_town() -> None:
    places = _locations(
        "police said two shops were burnt in surat town and in vadodara on friday, and a "
        "curfew was imposed in the old city of ahmedabad in gujarat after the clashes."
    )
    assert places["Surat"].resolution == "gazetteer" and "surat town" not in places


def test_capitalised_text_keeps_its_own_rules() -> None:
    # the same words in a normally written text: lower-case words are never names there
    text = (
        "Police fired tear gas in Vadodara on Friday. Youths from the moravli village "
        "threw stones, officials in Gujarat said."
    )
    assert "moravli village" not in _locations(text)


def test_a_big_foreign_town_in_caseless_text_needs_a_cue() -> None:
    # Shiraz (Iran, 1.2 million) is a first name here: no Iranian place, no preposition
    text = (
        "godhra: police arrested the municipality president along with shiraz khan, a "
        "transporter, on sunday in godhra, gujarat, officials said. the arrests followed the "
        "visit of the home minister to ahmedabad, where curfew was relaxed for six hours."
    )
    places = _locations(text)
    assert "Shiraz" not in places and "Godhra" in places
    trip = "the minister flew on to shiraz for talks with the governor on the protests. " * 2
    assert "Shiraz" in _locations(trip + "the crowds grew through the day and the night.")


def _frequency_list_words() -> list[str]:
    resource = resources.files("spellchecker").joinpath("resources", "en.json.gz")
    counts = json.loads(gzip.decompress(resource.read_bytes()))
    return sorted(w for w in counts if w.isalpha() and w.islower())


def test_english_words_load_from_the_frequency_dictionary() -> None:
    for word in ("the", "village", "railway", "border", "remote", "neighbouring", "prepayments"):
        assert is_english_word(word), word
    assert not is_english_word("moravli")
    assert is_caseless_name("moravli") and is_caseless_name("velbora-kamrej")
    assert is_caseless_name("surat-kamrej")  # one part a known name, one unknown
    assert not is_caseless_name("railway") and not is_caseless_name("cross-border")
    assert not is_caseless_name("ab") and not is_caseless_name("Moravli")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_frequency_list_words()), min_size=1, max_size=4))
def test_no_english_word_is_ever_a_caseless_name(words: list[str]) -> None:
    # whatever words of the list stand before "village" or after "in", none becomes a place
    phrase = " ".join(words)
    text = (f"{phrase} village was hit. in {phrase}. ") * 3
    text += "police in gujarat and in surat said on monday that curfew was imposed."
    places = _locations(text * 2)
    assert all(not set(name.split()) & set(words) for name in places), places


def test_names_listed_after_a_preposition_are_places() -> None:
    text = (
        "surat: stones were thrown in velbora, sonvali and dosvad on friday, and shops were "
        "burnt near kalvani. police in surat, gujarat said a mob gathered in tembhla late on "
        "saturday, and an analyst at moravli said trade had stopped. " * 2
    )
    places = _locations(text)
    assert {"velbora", "sonvali", "dosvad", "kalvani"} <= set(places)
    assert places["sonvali"].kind == "place" and places["sonvali"].country_code == "IN"
    # a lone name going on into its clause, and a name after "at" (a firm, a person) stay out
    assert "tembhla" not in places and "moravli" not in places


_VOCABULARY = [
    "in", "near", "at", "the", "village", "town", "area", "areas", "road", "and", ",", ".",
    "police", "fired", "on", "friday", "mob", "moravli", "velbora", "kalvani", "surat",
    "gujarat", "shops", "burnt", "district", "of", "a", "border", "railway", "station",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_VOCABULARY), min_size=25, max_size=80))
def test_caseless_names_are_deterministic_and_never_english_words(words: list[str]) -> None:
    text = " ".join(words)
    annotation = BuiltinBackend().annotate(text, "en")
    first, _ = resolve_mentions(annotation)
    again, _ = resolve_mentions(BuiltinBackend().annotate(text, "en"))
    assert first == again
    cues = {"village", "town", "area", "areas", "road", "district"}
    for mention in first:
        if mention.place is None:
            assert text[mention.start : mention.end] == mention.name
            # a name's own words are never English words; only its noun of place may be, or
            # a known town's name ("surat district")
            assert all(
                not is_english_word(w) or w in cues or eventx.lookup_places(w, "en")
                for w in mention.name.split()
            )


def test_members_listed_after_a_plural_noun_of_place_are_places() -> None:
    text = (
        "srinagar: curfew continued on sunday in several areas including sonvali, pethapur "
        "and dosvad, and in towns such as velbora, officials in gujarat and new delhi said. "
        "shops stayed shut in many areas like the old city, police said on monday."
    )
    places = _locations(text)
    assert places["Pethapur"].resolution == "gazetteer"  # a town of 23 000, found by the list
    assert places["sonvali"].kind == "place" and places["dosvad"].kind == "place"
    assert places["velbora"].kind == "city"  # "towns such as": a town
    assert not any(name.startswith(("the", "old")) for name in places)
