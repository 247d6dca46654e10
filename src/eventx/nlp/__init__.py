"""The NLP layer: one annotated-document model, filled by the built-in or the stanza backend."""

from eventx.nlp.annotation import AnnotatedDocument, Sentence, Token
from eventx.nlp.builtin import BuiltinBackend, arabic_stems
from eventx.nlp.langid import SUPPORTED_LANGUAGES, detect_language
from eventx.nlp.normalize import NormalizedText, normalize, normalize_string

__all__ = [
    "SUPPORTED_LANGUAGES",
    "AnnotatedDocument",
    "BuiltinBackend",
    "NormalizedText",
    "Sentence",
    "Token",
    "annotate",
    "arabic_stems",
    "detect_language",
    "normalize",
    "normalize_string",
]


def annotate(text: str, language: str) -> AnnotatedDocument:
    """Sentences and tokens of ``text`` from the built-in backend (no models, fast).

    For code that has only a document, not an extraction context: record-level hooks such as
    ``eventx_decide_event_type`` matching lexicons against the text.
    """
    return BuiltinBackend().annotate(text, language)
