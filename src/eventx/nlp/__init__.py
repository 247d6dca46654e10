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
    "arabic_stems",
    "detect_language",
    "normalize",
    "normalize_string",
]
