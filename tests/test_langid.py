"""Unsupported languages are said (issue 13.5): script + function words, data in a TOML file."""

from __future__ import annotations

import pytest

import eventx
from eventx.lexicon import load_data
from eventx.nlp.langid import SUPPORTED_LANGUAGES, detect_language

FRENCH = (
    "Selon le ministère de l'Intérieur, au moins douze personnes ont été tuées vendredi dans "
    "une attaque contre un marché de la capitale. Les forces de sécurité sont arrivées sur "
    "place et elles ont arrêté trois suspects, mais le bilan pourrait encore s'alourdir."
)
GERMAN = (
    "Nach Angaben der Polizei wurden bei dem Anschlag auf einen Markt in der Hauptstadt "
    "mindestens zwölf Menschen getötet. Die Sicherheitskräfte sind vor Ort und haben drei "
    "Verdächtige festgenommen, die Zahl der Opfer könnte aber noch steigen."
)
SPANISH = (
    "Según el ministerio del Interior, al menos doce personas murieron el viernes en un ataque "
    "contra un mercado de la capital. Las fuerzas de seguridad llegaron al lugar y detuvieron a "
    "tres sospechosos, pero el balance podría aumentar."
)
PERSIAN = (
    "به گفته وزارت کشور، دست کم دوازده نفر در حمله به یک بازار در پایتخت کشته شدند. نیروهای "
    "امنیتی در محل حاضر شدند و سه مظنون را بازداشت کردند، اما ممکن است شمار قربانیان افزایش "
    "یابد."
)
URDU = (
    "وزارت داخلہ کے مطابق دارالحکومت میں ایک بازار پر حملے میں کم از کم بارہ افراد ہلاک ہو گئے ہیں۔ "
    "سکیورٹی فورسز موقع پر پہنچ گئیں اور تین مشتبہ افراد کو گرفتار کر لیا گیا۔"
)
ARABIC = (
    "قالت وزارة الداخلية إن اثني عشر شخصا على الأقل قتلوا يوم الجمعة في هجوم على سوق في "
    "العاصمة، وإن قوات الأمن وصلت إلى المكان واعتقلت ثلاثة مشتبه بهم."
)
ENGLISH = (
    "At least twelve people were killed on Friday in an attack on a market in the capital, the "
    "interior ministry said. Security forces arrived at the scene and have arrested three "
    "suspects, but the toll could rise."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (FRENCH, "fr"),
        (GERMAN, "de"),
        (SPANISH, "es"),
        (PERSIAN, "fa"),
        (URDU, "ur"),
        (ARABIC, "ar"),
        (ENGLISH, "en"),
    ],
)
def test_detects_the_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_a_supported_article_quoting_another_language_keeps_its_language() -> None:
    quoted = ENGLISH + ' A banner read "Liberté, égalité, fraternité pour le peuple".'
    assert detect_language(quoted) == "en"
    persian_name = ARABIC + " وقال المتحدث باسم الحكومة محمد پور إن التحقيق مستمر."
    assert detect_language(persian_name) == "ar"
    assert detect_language("Police: 5 killed") == "en"  # too short to say otherwise
    assert detect_language("12 345 !!") == "und"


@pytest.mark.parametrize("text", [FRENCH, GERMAN, PERSIAN])
def test_text_in_an_unsupported_language_gives_a_partial_record_with_a_diagnostic(
    text: str,
) -> None:
    record = eventx.extract(text, document_date="2022-01-07")
    assert record.status == "partial"
    assert record.language not in SUPPORTED_LANGUAGES
    (warning,) = [d for d in record.diagnostics if "not supported" in d.message]
    assert warning.level == "warning" and record.language in warning.message
    assert not record.casualties  # nothing read with the wrong language's rules


def test_forcing_the_language_processes_the_text() -> None:
    record = eventx.extract(FRENCH, language="en", document_date="2022-01-07")
    assert record.language == "en" and record.status == "ok"
    assert not [d for d in record.diagnostics if "not supported" in d.message]


def test_the_data_lists_each_script_with_one_supported_language() -> None:
    data = load_data("eventx.data", "langid.toml")
    supported = sorted(lang for lang, entry in data.items() if entry.get("supported"))
    assert supported == sorted(SUPPORTED_LANGUAGES)
    assert {entry["script"] for entry in data.values()} == {"Arabic", "Latin"}
    assert all(len(entry["words"]) >= 15 for entry in data.values())


def test_every_dev_and_offtopic_article_is_detected_as_its_language(devset_dir) -> None:  # type: ignore[no-untyped-def]
    import json

    for path in sorted(devset_dir.glob("*.txt")):
        expected = "ar" if "_ar_" in path.name else "en"
        assert detect_language(path.read_text("utf-8")) == expected, path.name
    offtopic = devset_dir.parent / "offtopic" / "offtopic.jsonl"
    if offtopic.exists():
        for line in offtopic.read_text("utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                assert detect_language(item["text"]) == item["language"], item.get("id")
