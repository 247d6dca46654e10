"""The shared number module: digits, number words, qualifiers, ranges and vague amounts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventx
from eventx.nlp.builtin import BuiltinBackend
from eventx.numbers import number_words


def annotate(text: str, language: str) -> eventx.AnnotatedDocument:
    return BuiltinBackend().annotate(text, language)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200),
        ("١٬٢٠٠", 1200),
        ("4350", 4350),
        ("٢٦", 26),
        ("ستة وعشرين", 26),
        ("ست وعشرون", 26),
        ("ثمانية عشر", 18),
        ("سبعين", 70),
        ("مئة وأربعة وستين", 164),
        ("مائة وأربعة وستون", 164),
        ("ألفين", 2000),
        ("ثلاثة آلاف", 3000),
        ("عشرين ألف", 20000),
        ("20 ألف", 20000),
        ("ألف ومئتين", 1200),
        ("خمسمئة", 500),
        ("أحد عشر", 11),
        ("اثنا عشر", 12),
        ("1.76 مليون", 1760000),
        ("مليونان", 2000000),
        ("واحدا", 1),
        ("3 آلاف و500", 3500),
        ("مليون", 1000000),
        ("ثلاثة ملايين", 3000000),
        ("ثلاثمائة وخمسين", 350),
        ("ألفين وخمسمائة", 2500),
    ],
)
def test_arabic_numbers(text: str, value: int) -> None:
    assert eventx.parse_number(text, "ar") == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twenty-six", 26),
        ("twenty six", 26),
        ("a dozen", 12),
        ("two dozen", 24),
        ("three hundred and five", 305),
        ("two thousand", 2000),
        ("3 million", 3000000),
        ("2.5 million", 2500000),
        ("1,300", 1300),
        ("Eleven", 11),
    ],
)
def test_english_numbers(text: str, value: int) -> None:
    assert eventx.parse_number(text, "en") == value


@pytest.mark.parametrize(
    ("text", "language", "count", "low", "high", "approximate"),
    [
        ("أكثر من 100", "ar", 100, 101, None, True),
        ("ما لا يقل عن 22", "ar", 22, 22, None, False),
        ("نحو 50", "ar", 50, 45, 55, True),
        ("زهاء 19", "ar", 19, 17, 21, True),
        ("بين 10 و15", "ar", None, 10, 15, True),
        ("عشرات", "ar", None, 20, 99, True),
        ("العشرات", "ar", None, 20, 99, True),
        ("مئات", "ar", None, 200, 999, True),
        ("آلاف", "ar", None, 2000, 9999, True),
        ("عشرات الآلاف", "ar", None, 20000, 99999, True),
        ("عدد من", "ar", None, None, None, True),
        ("at least 22", "en", 22, 22, None, False),
        ("more than 100", "en", 100, 101, None, True),
        ("over 48", "en", 48, 49, None, True),
        ("about 50", "en", 50, 45, 55, True),
        ("some 130", "en", 130, 117, 143, True),
        ("between 10 and 15", "en", None, 10, 15, True),
        ("10-15", "en", None, 10, 15, True),
        ("dozens", "en", None, 20, 99, True),
        ("scores of", "en", None, 20, 99, True),
        ("hundreds", "en", None, 200, 999, True),
        ("tens of thousands", "en", None, 20000, 99999, True),
        ("up to 40", "en", 40, None, 40, True),
        ("nearly 30", "en", 30, 27, 30, True),
        ("fewer than 10", "en", 10, None, 9, True),
        ("several hundred", "en", None, 200, 999, True),
        ("a few dozen", "en", None, 20, 99, True),
        ("at least a dozen", "en", 12, 12, None, False),
        ("بضعة آلاف", "ar", None, 2000, 9999, True),
        ("عدة مئات", "ar", None, 200, 999, True),
    ],
)
def test_qualified_quantities(
    text: str,
    language: str,
    count: int | None,
    low: int | None,
    high: int | None,
    approximate: bool,
) -> None:
    assert eventx.parse_quantity(text, language) == eventx.Quantity(
        count=count, min=low, max=high, approximate=approximate
    )


def test_postfix_qualifier_after_the_counted_noun() -> None:
    doc = annotate("قتل عشرون شخصا على الأقل في الغارة", "ar")
    (found,) = [q for q in eventx.find_quantities(doc) if q.number is not None]
    assert found.qualifier == "at_least"
    assert found.quantity == eventx.Quantity(count=20, min=20, max=None, approximate=False)


def test_a_list_of_numbers_is_not_one_compound() -> None:
    doc = annotate("أصيب عشرة وخمسة عشر آخرون", "ar")
    assert [n.value for n in eventx.find_numbers(doc)] == [10, 15]


def test_weekday_monday_is_not_the_number_two() -> None:
    doc = annotate("قتل ثلاثة جنود يوم الاثنين", "ar")
    assert [n.value for n in eventx.find_numbers(doc)] == [3]


def test_find_numbers_keeps_its_fields_and_offsets() -> None:
    text = "Police said 1,200 troops and twenty-six officers arrived."
    doc = annotate(text, "en")
    found = list(eventx.find_numbers(doc))
    assert [(n.text, n.value) for n in found] == [("1,200", 1200), ("twenty-six", 26)]
    for n in found:
        assert text[n.start : n.end] == n.text
        assert doc.tokens[n.first_token].start == n.start
        assert doc.tokens[n.last_token].end == n.end
        assert n.quantity == eventx.Quantity.exact(n.value)


def test_find_numbers_respects_the_window() -> None:
    text = "قتل 3 وأصيب 7 واعتقل 12"
    doc = annotate(text, "ar")
    start = text.index("وأصيب")
    end = text.index("واعتقل")
    assert [n.value for n in eventx.find_numbers(doc, start=start, end=end)] == [7]


def test_qualify_rejects_unknown_names() -> None:
    with pytest.raises(ValueError, match="Available"):
        eventx.qualify(5, "roughly-ish")


def test_number_words_are_data() -> None:
    words = number_words("ar")
    assert words.words[eventx.normalize_string("سبعين")] == 70
    assert number_words("en").multipliers["dozen"] == 12
    assert number_words("xx").words == {}


# --- properties ---------------------------------------------------------------------------------

_EN_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_EN_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_AR_UNITS = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
_AR_TENS = ["", "عشرة", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
_AR_HUNDREDS = ["", "مئة", "مئتان", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة"]
_AR_HUNDREDS.append("تسعمئة")


def english_words(n: int) -> str:
    """A plain English rendering (news style) of 1 <= n <= 999."""
    hundreds, rest = divmod(n, 100)
    parts: list[str] = []
    if hundreds:
        parts.append(f"{_EN_UNITS[hundreds]} hundred")
    if rest:
        if rest < 10:
            words = _EN_UNITS[rest]
        elif rest < 20:
            words = _EN_TEENS[rest - 10]
        else:
            tens, units = divmod(rest, 10)
            words = _EN_TENS[tens] + (f"-{_EN_UNITS[units]}" if units else "")
        parts.append(words)
    return " and ".join(parts)


def arabic_words(n: int) -> str:
    """A standard Arabic rendering of 1 <= n <= 999 (units before tens, joined by و)."""
    hundreds, rest = divmod(n, 100)
    parts: list[str] = []
    if hundreds:
        parts.append(_AR_HUNDREDS[hundreds])
    if rest:
        tens, units = divmod(rest, 10)
        if rest < 10:
            parts.append(_AR_UNITS[rest])
        elif rest == 10:
            parts.append("عشرة")
        elif rest < 20:
            parts.append(f"{_AR_UNITS[units]} عشر")
        elif units:
            parts.append(f"{_AR_UNITS[units]} و{_AR_TENS[tens]}")
        else:
            parts.append(_AR_TENS[tens])
    return " و".join(parts)


@given(st.integers(min_value=1, max_value=999))
def test_english_words_and_digits_agree(n: int) -> None:
    assert eventx.parse_number(english_words(n), "en") == n == eventx.parse_number(str(n), "en")


@given(st.integers(min_value=1, max_value=999))
def test_arabic_words_and_digits_agree(n: int) -> None:
    arabic_indic = "".join(chr(0x0660 + int(d)) for d in str(n))
    assert eventx.parse_number(arabic_words(n), "ar") == n
    assert eventx.parse_number(arabic_indic, "ar") == n


@given(st.integers(min_value=1000, max_value=10**9))
def test_thousands_separators(n: int) -> None:
    assert eventx.parse_number(f"{n:,}", "en") == n
    assert eventx.parse_number(f"{n:,}".replace(",", "٬"), "ar") == n


@given(st.text(max_size=200), st.sampled_from(["ar", "en", "fr"]))
def test_any_text_gives_sound_quantities(text: str, language: str) -> None:
    doc = annotate(text, language)
    first = [(q.start, q.end, q.quantity) for q in eventx.find_quantities(doc)]
    second = [(q.start, q.end, q.quantity) for q in eventx.find_quantities(doc)]
    assert first == second
    for q in eventx.find_quantities(doc):
        assert doc.text[q.start : q.end] == q.text
        quantity = q.quantity
        for bound in (quantity.count, quantity.min, quantity.max):
            assert bound is None or bound >= 0
        if quantity.min is not None and quantity.max is not None:
            assert quantity.min <= quantity.max
    for n in eventx.find_numbers(doc):
        assert n.value >= 0
        assert doc.text[n.start : n.end] == n.text


_PIECES = st.sampled_from(
    [
        "نحو",
        "أكثر من",
        "بين",
        "و",
        "عشرات",
        "الآلاف",
        "12",
        "١٢",
        "ستة",
        "وعشرين",
        "مئة",
        "ألف",
        "at least",
        "between",
        "and",
        "dozens",
        "of",
        "1.5",
        "million",
        "-",
        "twenty-six",
        "،",
        ".",
    ]
)


@given(st.lists(_PIECES, max_size=12), st.sampled_from(["ar", "en"]))
def test_number_like_soup_never_breaks_invariants(pieces: list[str], language: str) -> None:
    text = " ".join(pieces)
    doc = annotate(text, language)
    for q in eventx.find_quantities(doc):
        assert text[q.start : q.end] == q.text
        if q.quantity.min is not None and q.quantity.max is not None:
            assert q.quantity.min <= q.quantity.max


def test_absurdly_long_digit_runs_are_not_numbers() -> None:
    import eventx

    assert eventx.parse_digits("1" * 5000) is None
    assert eventx.parse_digits("1" * 30) == int("1" * 30)
    for digits in ("7" * 5000, "7" * 5000 + ".5", "1." + "5" * 5000):
        record = eventx.extract(f"قتل {digits} شخصا. {digits} killed.", language="ar")
        assert record.status == "ok", record.diagnostics
