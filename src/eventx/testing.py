"""Test helpers and hypothesis strategies for people who write eventx plugins.

Install the ``test`` extra (``pip install "eventx-news[test]"``): this module imports hypothesis,
and :func:`assert_valid_record` needs jsonschema. Typical use in a plugin's own tests::

    from eventx.testing import assert_evidence_sound, assert_valid_record, run_extractor

    def test_finds_rifles():
        text = "Police seized 12 rifles in Basra on Monday."
        record = run_extractor(my_plugin, text, language="en")
        assert_valid_record(record)
        assert_evidence_sound(record, text)

Each helper runs a *fresh* :class:`eventx.Pipeline` with entry points off, so a test sees only
the plugins it names: no installed plugin and no earlier test leaks into it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import ModuleType
from typing import Any

from hypothesis import strategies as st

from eventx.pipeline import Pipeline
from eventx.plugins.hookspecs import hookimpl
from eventx.plugins.registry import Extractor, Register
from eventx.record import Document, EventRecord, record_schema
from eventx.record.event_record import STATUSES

__all__ = [
    "ExtractorPlugin",
    "arabic_news_texts",
    "assert_evidence_sound",
    "assert_valid_record",
    "documents",
    "english_news_texts",
    "hostile_texts",
    "make_document",
    "news_texts",
    "run_extractor",
    "schema_errors",
]


def make_document(
    text: str,
    *,
    id: str = "test",
    language: str | None = None,
    document_date: dt.date | str | None = None,
    title: str | None = None,
    metadata: Mapping[str, Any] | None = None,
) -> Document:
    """A :class:`eventx.Document` with test-friendly defaults (``document_date`` may be ISO)."""
    return Document(
        id=id,
        text=text,
        language=language,
        document_date=document_date,
        title=title,
        metadata=metadata or {},
    )


class ExtractorPlugin:
    """Wraps bare :class:`eventx.Extractor` objects into a plugin that registers them."""

    def __init__(self, *extractors: Extractor, name: str = "eventx.testing") -> None:
        self.extractors = extractors
        self.name = name

    @hookimpl
    def eventx_register_extractors(self, register: Register) -> None:
        for extractor in self.extractors:
            register(extractor)


def _as_plugin(obj: object) -> object:
    if isinstance(obj, Extractor):
        return ExtractorPlugin(obj, name=f"eventx.testing:{obj.name}")
    return obj


def run_extractor(
    plugin: Extractor | ModuleType | object,
    text: str | Document,
    *,
    language: str | None = None,
    document_date: dt.date | str | None = None,
    with_plugins: Iterable[object] = (),
    entry_points: bool = False,
    timeout: float | None = None,
) -> EventRecord:
    """Run one extractor or plugin (module or object with hookimpls) on ``text``.

    The pipeline is fresh and, by default, loads no entry points: pass ``with_plugins`` (e.g. the
    bundled ``eventx_dates`` module) when the extractor ``requires`` facts from others, or
    ``entry_points=True`` to run with everything installed. Failures inside the extractor do not
    raise: they become ``status="partial"`` and an error diagnostic, exactly as in production.
    """
    plugins = [_as_plugin(plugin), *(_as_plugin(p) for p in with_plugins)]
    pipeline = Pipeline(plugins=plugins, entry_points=entry_points, timeout=timeout)
    if isinstance(text, Document):
        return pipeline.run(text)
    return pipeline.extract(text, language=language, document_date=document_date)


def assert_evidence_sound(record: EventRecord, text: str) -> None:
    """Every Evidence in ``record`` slices back to ``text``: ``text[start:end] == evidence.text``.

    ``text`` is the document text the record was extracted from. Lists every bad span at once.
    """
    problems = record.check_evidence(text)
    problems.extend(
        f"evidence [{e.start}, {e.end}) lies outside a text of {len(text)} characters"
        for e in record.all_evidence()
        if e.end > len(text)
    )
    if problems:
        raise AssertionError("unsound evidence:\n  " + "\n  ".join(problems))


@lru_cache(maxsize=1)
def _validator() -> Any:
    try:
        import jsonschema
    except ImportError as exc:  # pragma: no cover - the test extra brings it
        raise ImportError(
            "assert_valid_record needs jsonschema: pip install 'eventx-news[test]'"
        ) from exc
    schema = record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def schema_errors(record: EventRecord | Mapping[str, Any]) -> list[str]:
    """Messages for every place ``record`` (a record or its JSON dict) violates the schema."""
    data = record.to_dict() if isinstance(record, EventRecord) else dict(record)
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '<record>'}: {error.message}"
        for error in errors
    ]


def assert_valid_record(record: EventRecord | Mapping[str, Any]) -> None:
    """The record (or its JSON dict) validates against the shipped schema and round-trips."""
    problems = schema_errors(record)
    if isinstance(record, EventRecord):
        if record.status not in STATUSES:  # pragma: no cover - the attrs validator forbids it
            problems.append(f"status {record.status!r} is not one of {STATUSES}")
        if EventRecord.from_dict(record.to_dict()) != record:
            problems.append("EventRecord.from_dict(record.to_dict()) differs from the record")
    if problems:
        raise AssertionError("invalid record:\n  " + "\n  ".join(problems))


# --- hypothesis strategies -------------------------------------------------------------------
# News-like texts are assembled from realistic fragments so that extractors actually fire
# (numbers next to casualty words, places, dates, speech verbs), unlike uniform random text.

_AR_SPEAKERS = (
    "وزارة الداخلية",
    "وزارة الصحة",
    "المتحدث باسم الجيش",
    "الرئيس قاسم جومارت توكاييف",
    "مصدر أمني",
    "الأمم المتحدة",
)
# (speech verb, what joins it to the reported event)
_AR_CUES = (("أعلنت", "عن"), ("أكدت", ""), ("ذكرت", "أنه تم تسجيل"), ("تحدث", "عن"))
_AR_EVENTS = (
    "مقتل {n} أشخاص وإصابة {m} آخرين",
    "مصرع {n} مسلحين",
    "اعتقال {n} من المحتجين",
    "إصابة أكثر من {n} شخصا",
    "مقتل عشرات المدنيين",
    "سقوط نحو {n} قتيلا",
)
_AR_PLACES = ("في مدينة ألماتي", "في كازاخستان", "في بغداد", "في محافظة حلب", "جنوبي لبنان", "")
_AR_DATES = ("يوم الجمعة", "الأربعاء الماضي", "في 5 يناير 2022", "أمس", "ليلة الخميس", "")
_AR_NUMBERS = ("26", "٢٦", "ثلاثة", "عشرة", "1,200", "١٨", "مئة")

_EN_SPEAKERS = (
    "The Interior Ministry",
    "A police spokesman",
    "President Kassym-Jomart Tokayev",
    "Local officials",
    "The U.N. human rights office",
)
_EN_CUES = ("said", "announced", "told reporters", "confirmed")
_EN_EVENTS = (
    "{n} people were killed and {m} injured",
    "at least {n} protesters were arrested",
    "dozens of civilians died",
    "about {n} soldiers were wounded",
    "{n} peacekeepers were deployed",
)
_EN_PLACES = ("in Almaty", "in Kazakhstan", "near Baghdad", "in northern Syria", "")
_EN_DATES = ("on Friday", "last Thursday", "on January 5, 2022", "overnight", "")
_EN_NUMBERS = ("26", "three", "1,200", "twelve", "18", "100")


def _fill(template: str, n: str, m: str) -> str:
    return template.replace("{n}", n).replace("{m}", m)


@st.composite
def _arabic_sentence(draw: st.DrawFn) -> str:
    speaker = draw(st.sampled_from(_AR_SPEAKERS))
    cue, joiner = draw(st.sampled_from(_AR_CUES))
    event = _fill(
        draw(st.sampled_from(_AR_EVENTS)),
        draw(st.sampled_from(_AR_NUMBERS)),
        draw(st.sampled_from(_AR_NUMBERS)),
    )
    parts = [cue, speaker, joiner, event, draw(st.sampled_from(_AR_PLACES))]
    parts.append(draw(st.sampled_from(_AR_DATES)))
    return " ".join(p for p in parts if p) + draw(st.sampled_from((".", "،", "!", ".\n")))


@st.composite
def _english_sentence(draw: st.DrawFn) -> str:
    event = _fill(
        draw(st.sampled_from(_EN_EVENTS)),
        draw(st.sampled_from(_EN_NUMBERS)),
        draw(st.sampled_from(_EN_NUMBERS)),
    )
    parts = [
        draw(st.sampled_from(_EN_SPEAKERS)),
        draw(st.sampled_from(_EN_CUES)),
        event,
        draw(st.sampled_from(_EN_PLACES)),
        draw(st.sampled_from(_EN_DATES)),
    ]
    return " ".join(p for p in parts if p) + draw(st.sampled_from((".", ".\n", "!")))


def arabic_news_texts(max_sentences: int = 6) -> st.SearchStrategy[str]:
    """Arabic news-like paragraphs (speech verbs, counts in digits and words, places, dates)."""
    return st.lists(_arabic_sentence(), min_size=1, max_size=max_sentences).map(" ".join)


def english_news_texts(max_sentences: int = 6) -> st.SearchStrategy[str]:
    """English news-like paragraphs with the same ingredients as :func:`arabic_news_texts`."""
    return st.lists(_english_sentence(), min_size=1, max_size=max_sentences).map(" ".join)


def news_texts(language: str | None = None, max_sentences: int = 6) -> st.SearchStrategy[str]:
    """News-like texts in ``language`` (``"ar"``, ``"en"``) or, by default, either."""
    if language == "ar":
        return arabic_news_texts(max_sentences)
    if language == "en":
        return english_news_texts(max_sentences)
    if language is not None:
        raise ValueError(f"no news texts for language {language!r}. Available: ar, en")
    return arabic_news_texts(max_sentences) | english_news_texts(max_sentences)


# Characters that break naive code: bidi controls, zero-width marks, NUL and other C0 controls,
# Arabic diacritics and tatweel, Arabic-Indic digits, lone surrogates, combining marks, BOM.
_NASTY = (
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
    "\u200b\u200c\u200d\ufeff\x00\x01\x0b\x0c\r\n\t\u0640\u064b\u064e\u0651\u0652\u0670"
    "٠١٢٣٤٥٦٧٨٩،؛؟\ud800\udfff\u0301\u00a0\u2028\u2029İ"
)


def hostile_texts(max_size: int = 200) -> st.SearchStrategy[str]:
    """Anything a user might feed eventx: arbitrary unicode (including lone surrogates), the
    empty string, bidi and zero-width controls, NUL bytes, diacritics, and news fragments
    spliced with them."""
    arbitrary = st.text(
        alphabet=st.characters(codec=None, exclude_categories=()), max_size=max_size
    )
    nasty = st.text(alphabet=st.sampled_from(_NASTY), max_size=max_size // 4)
    spliced = st.tuples(news_texts(max_sentences=2), nasty, st.integers(min_value=0)).map(
        lambda t: t[0][: t[2] % (len(t[0]) + 1)] + t[1] + t[0][t[2] % (len(t[0]) + 1) :]
    )
    return st.one_of(st.just(""), arbitrary, nasty, spliced)


def documents(text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Document]:
    """:class:`eventx.Document` objects with news-like text and optional language and date."""
    return st.builds(
        make_document,
        text if text is not None else news_texts(),
        id=st.from_regex(r"[a-z0-9_\-]{1,16}", fullmatch=True),
        language=st.sampled_from((None, "ar", "en")),
        document_date=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)),
    )
