"""The stanza backend: richer annotations (lemma, POS, dependencies, NER) from local models.

stanza (and torch) are imported only when this backend is built, never at ``import eventx``.
Models are read from a local directory with ``download_method=None``: nothing is downloaded.
"""

from __future__ import annotations

import os
from typing import Any

from eventx.nlp.annotation import AnnotatedDocument, Sentence, Token
from eventx.nlp.builtin import arabic_stems, english_stems
from eventx.nlp.normalize import normalize, normalize_string

MODEL_DIR_ENV = "EVENTX_STANZA_DIR"


class StanzaBackend:
    """Annotate with stanza pipelines loaded from ``model_dir`` (or ``$EVENTX_STANZA_DIR``)."""

    name = "stanza"

    def __init__(self, model_dir: str | None = None, *, processors: str | None = None) -> None:
        directory = model_dir or os.environ.get(MODEL_DIR_ENV)
        if not directory:
            raise ValueError(
                f"the stanza backend needs a model directory: pass stanza_dir or set {MODEL_DIR_ENV}"
            )
        if not os.path.isdir(directory):
            raise FileNotFoundError(f"stanza model directory {directory!r} does not exist")
        self.model_dir = directory
        self.processors = processors
        self._pipelines: dict[str, Any] = {}

    def _pipeline(self, language: str) -> Any:
        if language not in self._pipelines:
            import stanza  # heavy (torch): only here

            kwargs: dict[str, Any] = {
                "lang": language,
                "dir": self.model_dir,
                "download_method": None,
                "logging_level": "WARN",
                "use_gpu": False,
            }
            if self.processors:
                kwargs["processors"] = self.processors
            self._pipelines[language] = stanza.Pipeline(**kwargs)
        return self._pipelines[language]

    def annotate(self, text: str, language: str) -> AnnotatedDocument:
        doc = self._pipeline(language)(text)
        stems = arabic_stems if language == "ar" else english_stems
        sentences: list[Sentence] = []
        for index, sent in enumerate(doc.sentences):
            tokens: list[Token] = []
            words_by_token = {id(tok): tok.words for tok in sent.tokens}
            for tok in sent.tokens:
                start, end = tok.start_char, tok.end_char
                norm = normalize_string(text[start:end])
                words = words_by_token[id(tok)]
                head_word = words[-1] if words else None
                tokens.append(
                    Token(
                        text=text[start:end],
                        start=start,
                        end=end,
                        norm=norm,
                        stems=stems(norm),
                        lemma=getattr(head_word, "lemma", None),
                        pos=getattr(head_word, "upos", None),
                        head=(head_word.head - 1)
                        if head_word is not None and getattr(head_word, "head", None) is not None
                        else None,
                        deprel=getattr(head_word, "deprel", None),
                        ner=getattr(tok, "ner", None),
                    )
                )
            if tokens:
                start, end = tokens[0].start, tokens[-1].end
                sentences.append(
                    Sentence(
                        index=index,
                        start=start,
                        end=end,
                        text=text[start:end],
                        tokens=tuple(tokens),
                    )
                )
        return AnnotatedDocument(
            text=text,
            language=language,
            sentences=tuple(sentences),
            backend=self.name,
            normalized_text=normalize(text),
        )
