"""The built-in NLP layer on real Arabic and English news sentences."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from eventx import detect_language, normalize_string
from eventx.nlp import BuiltinBackend, arabic_stems, normalize
from eventx.nlp.annotation import AnnotatedDocument

backend = BuiltinBackend()


def sentences(text: str, language: str) -> list[str]:
    return [s.text for s in backend.annotate(text, language).sentences]


def tokens(text: str, language: str) -> list[str]:
    return [t.text for t in backend.annotate(text, language).tokens]


# --- sentence splitting -----------------------------------------------------------------------


def test_english_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = (
        "Gen. Mukhtar Ablyazov met Mr. Jones in the U.S. capital on Jan. 5. "
        "Protests spread to Almaty! Did police fire? Witnesses said J. Smith was detained."
    )
    assert sentences(text, "en") == [
        "Gen. Mukhtar Ablyazov met Mr. Jones in the U.S. capital on Jan. 5.",
        "Protests spread to Almaty!",
        "Did police fire?",
        "Witnesses said J. Smith was detained.",
    ]


def test_arabic_question_mark_exclamation_and_closing_quotes() -> None:
    text = "قال الرئيس: «سنعيد النظام». وأضاف أن القوات وصلت؟ نعم!"
    assert sentences(text, "ar") == [
        "قال الرئيس: «سنعيد النظام».",
        "وأضاف أن القوات وصلت؟",
        "نعم!",
    ]


def test_line_breaks_end_titles_and_paragraphs() -> None:
    text = "كازاخستان: مقتل 26 مسلحا\n\nأعلنت وزارة الداخلية مقتل 26 مسلحا\nواعتقال 3000 شخص"
    assert sentences(text, "ar") == [
        "كازاخستان: مقتل 26 مسلحا",
        "أعلنت وزارة الداخلية مقتل 26 مسلحا",
        "واعتقال 3000 شخص",
    ]


def test_decimal_points_and_arabic_comma_do_not_split() -> None:
    text = "Inflation reached 8.4 percent, officials said. Prices rose، again."
    assert sentences(text, "en") == [
        "Inflation reached 8.4 percent, officials said.",
        "Prices rose، again.",
    ]


def test_sentence_index_at_offsets() -> None:
    text = "First sentence here. Second one."
    doc = backend.annotate(text, "en")
    assert doc.sentence_index_at(0) == 0
    assert doc.sentence_index_at(text.index("Second")) == 1
    assert doc.sentence_at(len(text) - 1) is doc.sentences[1]
    empty = AnnotatedDocument(text="", language="en", sentences=())
    assert empty.sentence_index_at(0) is None


# --- tokenisation -----------------------------------------------------------------------------


def test_english_tokens_keep_numbers_hyphens_and_apostrophes() -> None:
    text = "Kazakhstan's president said 1,200 CSTO-led troops arrived."
    assert tokens(text, "en") == [
        "Kazakhstan's", "president", "said", "1,200", "CSTO-led", "troops", "arrived", ".",
    ]  # fmt: skip


def test_arabic_tokens_keep_diacritics_tatweel_and_digits_in_the_original() -> None:
    text = "أعلنت وزارةُ الداخليّة الكازاخستانيــة مصرع ٢٦ مسلحاً، وإصابة 18 آخرين."
    doc = backend.annotate(text, "ar")
    assert [t.norm for t in doc.tokens] == [
        "اعلنت", "وزاره", "الداخليه", "الكازاخستانيه", "مصرع", "26", "مسلحا", ",", "واصابه",
        "18", "اخرين", ".",
    ]  # fmt: skip
    for token in doc.tokens:
        assert text[token.start : token.end] == token.text
        assert normalize_string(token.text) == token.norm
    # inner diacritics and tatweel stay inside the original token text
    assert [t.text for t in doc.tokens][2:4] == ["الداخليّة", "الكازاخستانيــة"]
    assert doc.tokens[5].text == "٢٦"


def test_bidi_marks_do_not_split_words_and_stay_out_of_token_edges() -> None:
    text = "وصلت القوات إلى \u200fكازا\u200eخستان\u200f أمس"
    doc = backend.annotate(text, "ar")
    words = [t for t in doc.tokens if t.norm == "كازاخستان"]
    assert len(words) == 1
    assert words[0].text == "كازا\u200eخستان"
    assert text[words[0].start : words[0].end] == words[0].text


def test_nul_and_control_characters_split_tokens() -> None:
    assert tokens("killed\x00five\x07people", "en") == ["killed", "five", "people"]


# --- Arabic normalisation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("مُسَلَّحاً", "مسلحا"),  # harakat, shadda, tanwin
        ("الكازاخستانيــــة", "الكازاخستانيه"),  # tatweel, ta marbuta
        ("أعلن إعلان آلاف ٱلله", "اعلن اعلان الاف الله"),  # alef with hamza, madda, wasla
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("مسؤول رئيس", "مسوول رييس"),  # hamza on waw and ya
        ("\u200fكازاخستان\u200e\u202b", "كازاخستان"),  # bidi marks
        ("٢٠٢٢/١/٧", "2022/1/7"),  # Arabic-Indic digits
        ("۱۲۳", "123"),  # extended (Persian) digits
        ("قتلى، جرحى؛ لماذا؟", "قتلي, جرحي; لماذا?"),  # Arabic punctuation
        ("Almaty AIRPORT", "almaty airport"),  # case
    ],
)
def test_normalize_string(raw: str, normalised: str) -> None:
    assert normalize_string(raw) == normalised


def test_normalize_keeps_a_map_back_to_original_offsets() -> None:
    text = "قُتِلَ ٢٦ شخصاً"
    norm = normalize(text)
    assert norm.text == "قتل 26 شخصا"
    start = norm.text.index("26")
    assert norm.span_to_original(start, start + 2) == (text.index("٢٦"), text.index("٢٦") + 2)
    word_start, word_end = norm.span_to_original(0, 3)
    assert text[word_start:word_end] == "قُتِلَ"[:-1]  # the trailing fatha is outside the word
    assert norm.to_original(len(norm.text)) == len(text)


# --- clitic stems -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("والقوات", "قوات"),  # wa + al
        ("فالمحتجون", "محتجون"),  # fa + al
        ("بالرصاص", "رصاص"),  # bi + al
        ("للشرطة", "شرطة"),  # li + al with the alef dropped
        ("كالعادة", "عادة"),  # ka + al
        ("وبمقتل", "مقتل"),  # wa + bi
        ("لمقتل", "مقتل"),  # li
        ("الجيش", "جيش"),  # the article alone
    ],
)
def test_arabic_stems_remove_proclitics(word: str, stem: str) -> None:
    assert stem in arabic_stems(word)


def test_arabic_stems_do_not_reduce_short_words_to_noise() -> None:
    assert arabic_stems("ال") == ()
    assert all(len(s) >= 2 for s in arabic_stems("ولا"))
    assert arabic_stems("قتل") == ()


def test_tokens_carry_stems_for_arabic_and_possessive_for_english() -> None:
    ar = backend.annotate("وبالقوات الروسية", "ar").tokens[0]
    assert "قوات" in ar.stems and ar.forms[0] == "وبالقوات"
    en = backend.annotate("Russia's troops", "en").tokens[0]
    assert en.stems == ("russia",)


# --- language detection -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("أعلنت وزارة الداخلية الكازاخستانية مقتل 26 مسلحا", "ar"),
        ("Kazakhstan's interior ministry said 26 armed criminals were killed", "en"),
        ("قال بيان لـ CSTO إن القوات وصلت إلى ألماتي", "ar"),  # Arabic with Latin acronyms
        ("The group, known as داعش (ISIS), claimed the attack on Tuesday", "en"),
        ("2022-01-07 12:00 — 26 / 18", "und"),
        ("", "und"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_tokens_keep_their_final_diacritics_but_not_controls() -> None:
    from eventx.nlp.builtin import BuiltinBackend

    text = "أعلنت وزارةُ الداخلية خطاباً\u200f وتجنّبها."
    tokens = [t.text for t in BuiltinBackend().annotate(text, "ar").tokens]
    assert tokens == ["أعلنت", "وزارةُ", "الداخلية", "خطاباً", "وتجنّبها", "."]


_MARKED = st.lists(
    st.sampled_from(["قتل", "الجنود", "ـ", "\u064e", "\u0651", "\u200f", " ", ". ", "\n", "Almaty", "26"]),
    max_size=40,
).map("".join)


@given(_MARKED)
def test_token_offsets_map_back_exactly_when_marks_were_deleted(text: str) -> None:
    """Offsets are mapped with one pointer through the document; they equal the bisecting
    NormalizedText.to_original of every token's first and last normalised character (plus
    the trailing marks of its last letter)."""
    from eventx.nlp.builtin import _TOKEN_RE, annotate_normalized, split_sentences
    from eventx.nlp.normalize import TRAILING_MARKS, normalize

    normalized = normalize(text)
    expected = []
    for a, b in split_sentences(normalized.text):
        for match in _TOKEN_RE.finditer(normalized.text, a, b):
            start = normalized.to_original(match.start())
            end = normalized.to_original(match.end() - 1) + 1
            while end < len(text) and text[end] in TRAILING_MARKS:
                end += 1
            expected.append((start, end))
    tokens = annotate_normalized(normalized, "ar").tokens
    assert [(t.start, t.end) for t in tokens] == expected


_SPACES = [" ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\u2028", "\x0b", "\x1c", "\u200f"]
_ANY_TEXT = st.lists(
    st.one_of(
        st.characters(),  # any code point: every script, mark, digit and space category
        st.sampled_from(_SPACES),
        st.sampled_from(["قتل", "ـ", "\u064e", ".", "'", "-", "1,200", "3.5", "٢٠", "don't"]),
        st.sampled_from(["al-Qaeda", "U.S.", "e\u0301", "Almaty"]),
    ),
    max_size=40,
).map("".join)


@given(_ANY_TEXT, st.sampled_from(["ar", "en"]))
@example("قتل\u2003قتل 26\t27", "ar")
@example("Police\u3000said\x0b5\u2028killed", "en")
def test_tokens_are_the_token_pattern_matches_of_each_sentence(text: str, language: str) -> None:
    """The tokeniser reads each token with the whitespace before it and derives its offsets
    from their lengths; the tokens are exactly the token pattern's matches (finditer) in each
    sentence, with their normalised text, offsets and word/number/mark kind (stems only for
    words)."""
    from eventx.nlp.builtin import _TOKEN_RE, annotate_normalized, split_sentences

    normalized = normalize(text)
    expected = []
    for a, b in split_sentences(normalized.text):
        for match in _TOKEN_RE.finditer(normalized.text, a, b):
            expected.append(
                (match.group(), normalized.to_original(match.start()), match.lastgroup == "word")
            )
    tokens = annotate_normalized(normalized, language).tokens
    assert [(t.norm, t.start) for t in tokens] == [(norm, start) for norm, start, _ in expected]
    for token, (_, _, word) in zip(tokens, expected, strict=True):
        assert word or token.stems == ()


FORM_INDEX_TEXTS = [
    (
        "وقالت وزارة الداخلية إنّ 26 مسلحاً قُتلوا وأصيب 18 آخرون بالقرب من ألماتي.\n"
        "وللقوات الحكومية دور في ذلك، بحسب الوكالة.",
        "ar",
    ),
    (
        "Police said Tuesday's clashes in Almaty killed 26 people. The army's chief, "
        "Gen. Nurlan, said 3,000 troops were deployed.",
        "en",
    ),
]


@pytest.mark.parametrize(("text", "language"), FORM_INDEX_TEXTS)
def test_the_tokens_and_form_index_built_while_tokenising_are_the_ones_built_later(
    text: str, language: str
) -> None:
    annotated = backend.annotate(text, language)
    rebuilt = AnnotatedDocument(text=text, language=language, sentences=annotated.sentences)
    assert annotated.tokens == rebuilt.tokens
    assert annotated.form_index == rebuilt.form_index
    assert list(annotated.form_index) == list(rebuilt.form_index)  # same order too
    stem = "قوات" if language == "ar" else "army"  # found through للقوات / army's
    assert annotated.form_index[stem] == [
        i for i, t in enumerate(annotated.tokens) if stem in t.forms
    ]
    assert annotated.form_index[stem]


@given(st.text(alphabet="وللقوات ابن 12, .\nArmy's", max_size=60), st.sampled_from(["ar", "en"]))
def test_the_form_index_matches_the_tokens_on_any_text(text: str, language: str) -> None:
    annotated = backend.annotate(text, language)
    rebuilt = AnnotatedDocument(text=text, language=language, sentences=annotated.sentences)
    assert annotated.tokens == rebuilt.tokens
    assert annotated.form_index == rebuilt.form_index


_TABLE_KEYS = st.sampled_from(
    ["أ", "إ", "آ", "ة", "ى", "ئ", "ک", "ی", "٣", "۷", "،", "؟", "٬", "\x00", "\u00a0", "’", "—"]
)


@given(st.lists(st.one_of(st.characters(), _TABLE_KEYS, st.sampled_from(["Gaza", "غزة"]))).map("".join))
@example("وأعلنت الوزارة، في ٢٠ آذار: «لا إصابات» — Reuters’ report\x00")
def test_documents_are_normalised_exactly_as_strings_are(text: str) -> None:
    """Documents replace characters one ``str.replace`` at a time (fast), strings through one
    ``str.translate``: both must give the same text."""
    from eventx.nlp.normalize import _REPLACEMENTS, DELETED_RE, normalize_string

    keys = {char for char, _ in _REPLACEMENTS}
    assert not keys & {replacement for _, replacement in _REPLACEMENTS}
    assert normalize(text).text == normalize_string(DELETED_RE.sub("", text))
