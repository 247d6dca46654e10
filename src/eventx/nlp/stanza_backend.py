"""The stanza backend: richer annotations (lemma, POS, dependencies, NER) from local models.

stanza (and torch) are imported only when a pipeline is first needed, never at ``import eventx``.
Models are read from a local directory in stanza's own layout (what ``stanza.download`` writes)::

    DIR/resources.json
    DIR/<lang>/<processor>/<package>.pt      e.g. DIR/ar/tokenize/padt.pt

and loaded with ``download_method=None``: nothing is ever downloaded.

stanza's output is converted into eventx's :class:`AnnotatedDocument` with offsets into the original
text. One eventx token is one stanza *token* (a surface string); when stanza expands it into
several syntactic words (a multi-word token: Arabic ``وبالقوات`` -> و + ب + القوات, English
``don't`` -> do + n't), the token carries the annotation of its main word and the words' forms are
added to its matching forms (``stems``).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import regex

from eventx.nlp.annotation import AnnotatedDocument, Sentence, Token
from eventx.nlp.builtin import BuiltinBackend, arabic_stems, english_stems
from eventx.nlp.langid import UNDETERMINED
from eventx.nlp.normalize import normalize, normalize_string

MODEL_DIR_ENV = "EVENTX_STANZA_DIR"

#: Processors eventx asks for, in pipeline order, when the caller names none. Others a model
#: directory may hold (sentiment, constituency, coref) cost time and give extractors nothing.
DEFAULT_PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")

# Which processors each one needs before it in a stanza pipeline (mwt is optional for all).
_REQUIRES: dict[str, frozenset[str]] = {
    "tokenize": frozenset(),
    "mwt": frozenset({"tokenize"}),
    "pos": frozenset({"tokenize"}),
    "lemma": frozenset({"tokenize"}),
    "depparse": frozenset({"tokenize", "pos", "lemma"}),
    "ner": frozenset({"tokenize"}),
}

# Parts of speech that carry a token's meaning; clitics (ADP, CCONJ, DET, PRON, PART) do not.
_CONTENT_UPOS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV", "AUX", "X", "SYM"})

# How far past the expected position a token's text is searched for when stanza's offsets
# do not slice back to it (a guard against models that rewrite characters).
_REALIGN_WINDOW = 200


class StanzaModelError(ValueError):
    """The stanza model directory is missing, incomplete, or has no models for a language."""


# ---------------------------------------------------------------------------------------------
# The model directory


def _package_names(value: object) -> list[str]:
    """A resources.json processor value: one package name or a list of them (ner)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, str)]
    return []


class ModelDirectory:
    """What a stanza model directory holds, read without importing stanza.

    :param path: the directory (``resources.json`` plus ``<lang>/<processor>/<package>.pt``).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if not self.path.is_dir():
            raise StanzaModelError(
                f"stanza model directory {str(self.path)!r} does not exist (set {MODEL_DIR_ENV} "
                f"or pass stanza_dir / --stanza-dir to a directory filled by stanza.download or "
                f"scripts/build_stanza_fixtures.py)"
            )
        resources_file = self.path / "resources.json"
        if not resources_file.is_file():
            raise StanzaModelError(
                f"{str(self.path)!r} is not a stanza model directory: resources.json is missing "
                f"(found: {self._listing()})"
            )
        try:
            resources = json.loads(resources_file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StanzaModelError(f"cannot read {str(resources_file)!r}: {exc}") from None
        if not isinstance(resources, dict):
            raise StanzaModelError(f"{str(resources_file)!r} does not hold a JSON object")
        self.resources: dict[str, Any] = resources

    def _listing(self) -> str:
        names = sorted(p.name + ("/" if p.is_dir() else "") for p in self.path.iterdir())
        return ", ".join(names[:20]) + (", ..." if len(names) > 20 else "") if names else "nothing"

    def _resolve(self, language: str) -> tuple[str, dict[str, Any] | None]:
        """The code models are stored under and its resources.json entry (aliases followed;
        stanza's index maps e.g. ``zh`` to ``zh-hans``). A cycle of aliases resolves to None."""
        entry = self.resources.get(language)
        seen = {language}
        while isinstance(entry, dict) and isinstance(entry.get("alias"), str):
            language = entry["alias"]
            if language in seen:
                return language, None
            seen.add(language)
            entry = self.resources.get(language)
        return language, entry if isinstance(entry, dict) else None

    def _language_resources(self, language: str) -> dict[str, Any] | None:
        return self._resolve(language)[1]

    def resolve_language(self, language: str) -> str:
        """The language code models are stored under (following resources.json aliases)."""
        return self._resolve(language)[0]

    def installed(self) -> dict[str, dict[str, list[str]]]:
        """Model files present: language -> processor -> package names (from the .pt files)."""
        found: dict[str, dict[str, list[str]]] = {}
        for lang_dir in sorted(p for p in self.path.iterdir() if p.is_dir()):
            processors: dict[str, list[str]] = {}
            for proc_dir in sorted(p for p in lang_dir.iterdir() if p.is_dir()):
                packages = sorted(f.stem for f in proc_dir.glob("*.pt"))
                if packages:
                    processors[proc_dir.name] = packages
            if processors:
                found[lang_dir.name] = processors
        return found

    def describe(self) -> str:
        """A one-line summary of the installed models, for error messages."""
        installed = self.installed()
        if not installed:
            return "no models installed"
        parts = []
        for lang, procs in installed.items():
            listed = ", ".join(f"{proc}={'/'.join(packages)}" for proc, packages in procs.items())
            parts.append(f"{lang} ({listed})")
        return "; ".join(parts)

    def model_file(self, language: str, processor: str, package: str) -> Path:
        return self.path / language / processor / f"{package}.pt"

    def _dependency_files(self, language: str, processor: str, package: str) -> list[Path]:
        entry = self._language_resources(language) or {}
        listed = entry.get(processor)
        spec = listed.get(package) if isinstance(listed, dict) else None
        dependencies = spec.get("dependencies") if isinstance(spec, dict) else None
        files = []
        for dependency in dependencies if isinstance(dependencies, list) else []:
            if isinstance(dependency, dict) and {"model", "package"} <= dependency.keys():
                files.append(
                    self.model_file(language, str(dependency["model"]), str(dependency["package"]))
                )
        return files

    def processors_for(
        self, language: str, requested: Sequence[str] | None = None
    ) -> dict[str, str | list[str]]:
        """The ``processors`` argument for ``stanza.Pipeline``: processor -> package(s).

        With ``requested`` None, every processor of :data:`DEFAULT_PROCESSORS` whose model files
        (and declared dependencies such as pretrained embeddings) are present is used; a named
        processor that is missing is an error naming the missing file and what exists.
        """
        entry = self._language_resources(language)
        stored = self.resolve_language(language)
        if entry is None:
            raise StanzaModelError(
                f"no stanza models for language {language!r} in {str(self.path)!r}. "
                f"Available: {self.describe()}"
            )
        defaults = entry.get("default_processors")
        if not isinstance(defaults, dict):
            packages = entry.get("packages")
            defaults = packages.get("default") if isinstance(packages, dict) else None
        if not isinstance(defaults, dict):
            defaults = {}
        wanted = list(requested) if requested is not None else list(DEFAULT_PROCESSORS)
        unknown = [p for p in wanted if p not in _REQUIRES]
        if unknown:
            raise StanzaModelError(
                f"unknown stanza processor(s) {', '.join(unknown)}. "
                f"Available: {', '.join(_REQUIRES)}"
            )
        chosen: dict[str, str | list[str]] = {}
        missing: list[str] = []
        for processor in wanted:
            packages = _package_names(defaults.get(processor))
            listed = entry.get(processor)
            if not packages and isinstance(listed, dict):
                packages = [k for k in listed if isinstance(k, str)][:1]
            files = [self.model_file(stored, processor, p) for p in packages]
            files += [f for p in packages for f in self._dependency_files(stored, processor, p)]
            absent = [str(f) for f in files if not f.is_file()]
            if not packages or absent:
                if requested is not None:
                    missing.append(f"{processor} ({', '.join(absent) or 'not in resources.json'})")
                continue
            chosen[processor] = packages[0] if len(packages) == 1 else packages
        if missing:
            raise StanzaModelError(
                f"stanza models missing for language {language!r}: {'; '.join(missing)}. "
                f"Available: {self.describe()}"
            )
        # Drop processors whose prerequisites are unavailable (e.g. depparse without pos).
        changed = True
        while changed:
            changed = False
            for processor in list(chosen):
                if not _REQUIRES[processor] <= chosen.keys():
                    if requested is not None:
                        lacking = sorted(_REQUIRES[processor] - chosen.keys())
                        raise StanzaModelError(
                            f"stanza processor {processor!r} needs {', '.join(lacking)} for "
                            f"language {language!r}. Available: {self.describe()}"
                        )
                    del chosen[processor]
                    changed = True
        if "tokenize" not in chosen:
            raise StanzaModelError(
                f"no stanza tokenizer for language {language!r} in {str(self.path)!r} "
                f"(expected {self.model_file(stored, 'tokenize', '<package>')}). "
                f"Available: {self.describe()}"
            )
        return chosen


THREADS_ENV = "EVENTX_STANZA_THREADS"
INSTALL_HINT = (
    "pip install 'eventx-news[stanza]' (on a machine without CUDA, install the CPU build of torch "
    "first: pip install torch --index-url https://download.pytorch.org/whl/cpu)"
)


class StanzaNotInstalledError(StanzaModelError):
    """The stanza backend was asked for, but the ``stanza`` extra is not installed."""


def stanza_installed() -> bool:
    """Whether ``import stanza`` can work, found without importing it (it imports torch)."""
    if "stanza" in sys.modules:
        return sys.modules["stanza"] is not None
    return importlib.util.find_spec("stanza") is not None


def _set_torch_threads(threads: int) -> None:
    """Limit torch's intra-op threads for this process (only when the caller asked for it).

    torch's setting is process-wide, so eventx changes it only when told to (``threads=`` or
    ``$EVENTX_STANZA_THREADS``): a host program's own torch work must not slow down because it
    embedded eventx. When eventx parallelises across documents (``--jobs``) one thread per
    process is much faster: torch's default (one spinning OpenMP thread per core in every
    process) made the tiny fixture pipelines 9x slower on a busy 2-core machine.
    """
    import torch

    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)


#: Loaded stanza pipelines, each with the lock that serialises calls to it: a stanza Pipeline
#: holds per-call state and is not safe to call from two threads at once.
_LOADED: dict[tuple[Any, ...], tuple[Any, threading.Lock]] = {}
#: Guards loading, so N threads starting cold load a model once, not N times.
_LOAD_LOCK = threading.Lock()


def _load_pipeline(
    model_dir: str, language: str, processors: tuple[tuple[str, str | tuple[str, ...]], ...]
) -> tuple[Any, threading.Lock]:
    """One stanza Pipeline per (directory, language, processors) per process: loading takes
    seconds, and many eventx Pipelines (tests, CLI workers, threads) may share it."""
    key = (model_dir, language, processors)
    with _LOAD_LOCK:
        loaded = _LOADED.get(key)
        if loaded is not None:
            return loaded
        import stanza  # heavy (torch): only here

        spec = {
            name: list(value) if isinstance(value, tuple) else value for name, value in processors
        }
        pipeline = stanza.Pipeline(
            lang=language,
            dir=model_dir,
            processors=spec,
            # package=None: with stanza's default ("default") every processor of the language's
            # default package would be added to the ones named here.
            package=None,
            download_method=None,
            logging_level="WARN",
            use_gpu=False,
        )
        _LOADED[key] = (pipeline, threading.Lock())
        return _LOADED[key]


# ---------------------------------------------------------------------------------------------
# Conversion


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding whitespace and invisible format characters (bidi marks)."""
    while start < end and (text[start].isspace() or unicodedata.category(text[start]) == "Cf"):
        start += 1
    while end > start and (text[end - 1].isspace() or unicodedata.category(text[end - 1]) == "Cf"):
        end -= 1
    return start, end


def _align(text: str, surface: str, start: Any, end: Any, cursor: int) -> tuple[int, int] | None:
    """The span of one stanza token in ``text``, at or after ``cursor`` (None: cannot place it).

    stanza's offsets are trusted when they slice back to the token's text; otherwise the text is
    searched for near the cursor, and as a last resort the offsets are clamped, so spans always
    lie inside the text, in order and without overlap.
    """
    if (
        isinstance(start, int)
        and isinstance(end, int)
        and cursor <= start < end <= len(text)
        and text[start:end] == surface
    ):
        return start, end
    if surface:
        found = text.find(surface, cursor, cursor + len(surface) + _REALIGN_WINDOW)
        if found >= 0:
            return found, found + len(surface)
    if isinstance(start, int) and isinstance(end, int):
        start, end = max(start, cursor), min(end, len(text))
        if start < end:
            return start, end
    return None


def _main_word(words: Sequence[Any]) -> Any:
    """The word of a multi-word token whose annotation the token carries.

    The one attached outside the token (the token's syntactic head) when the parse says so,
    else the first content word (``وبالقوات`` -> القوات, ``نشرتها`` -> نشرت), else the longest.
    """
    if len(words) == 1:
        return words[0]
    ids = {w.id for w in words}
    outside = [w for w in words if getattr(w, "head", None) is not None and w.head not in ids]
    candidates = outside or list(words)
    content = [w for w in candidates if getattr(w, "upos", None) in _CONTENT_UPOS]
    if content:
        return content[0]
    return max(candidates, key=lambda w: len(w.text or ""))


def _word_forms(words: Sequence[Any], norm: str, stems: tuple[str, ...]) -> tuple[str, ...]:
    """Matching forms from a multi-word token's words (``نشرتها`` -> نشرت), after the stems."""
    if len(words) < 2:
        return stems
    extra: list[str] = []
    for word in words:
        form = normalize_string(word.text or "")
        if len(form) >= 2 and form != norm and form not in stems and form not in extra:
            extra.append(form)
    return (*stems, *extra)


def _has_letter_or_digit(norm: str) -> bool:
    return any(c.isalnum() for c in norm)


# A word is known by (stanza sentence number, word id): stanza numbers words per sentence, and
# sentences stanza cut in the middle of a number are joined back below.
_WordKey = tuple[int, int]
_ROOT: _WordKey = (-1, 0)


class _Placed:
    """A stanza token placed in the text, before sentence-level head indices are known."""

    __slots__ = ("end", "main", "main_head", "ner", "norm", "start", "stems", "word_keys")

    def __init__(
        self,
        start: int,
        end: int,
        norm: str,
        stems: tuple[str, ...],
        main: Any,
        main_head: _WordKey | None,
        word_keys: frozenset[_WordKey],
        ner: str | None,
    ) -> None:
        self.start, self.end, self.norm, self.stems = start, end, norm, stems
        self.main, self.main_head, self.word_keys, self.ner = main, main_head, word_keys, ner


def _head_key(sentence_number: int, word: Any) -> _WordKey | None:
    head = getattr(word, "head", None)
    if not isinstance(head, int):
        return None
    return _ROOT if head == 0 else (sentence_number, head)


def _head_index(
    placed: _Placed,
    word_to_token: dict[_WordKey, int],
    heads: dict[_WordKey, _WordKey | None],
    own: int,
) -> int | None:
    """Index (in the run) of the token holding the main word's head; -1 for the root.

    A head inside the same multi-word token is followed upwards until it leaves the token.
    """
    head = placed.main_head
    for _ in range(len(heads) + 1):
        if head is None:
            return None
        if head == _ROOT:
            return -1
        target = word_to_token.get(head)
        if target is None:
            return None
        if target != own:
            return target
        head = heads.get(head)
    return None


_NUMBER_RE = regex.compile(r"\d+(?:[.,]\d+)+")


def _join_split_numbers(text: str, placed: list[_Placed]) -> list[_Placed]:
    """Rejoin numbers a tokenizer cut at their separator (``1`` ``.`` ``76`` -> ``1.76``).

    Small or out-of-domain tokenizers do this; the number readers downstream need the whole
    figure, as the built-in backend gives it. Only pieces with no space between them are joined.
    """
    joined: list[_Placed] = []
    i = 0
    while i < len(placed):
        j = i + 1
        best = i
        # A figure starts with digits and has at most a few groups ("1,000,000,000" is 7 pieces).
        limit = min(len(placed), i + 9) if placed[i].norm.isdigit() else i
        while j < limit and placed[j].start == placed[j - 1].end:
            if _NUMBER_RE.fullmatch(normalize_string(text[placed[i].start : placed[j].end])):
                best = j
            j += 1
        if best == i:
            joined.append(placed[i])
        else:
            first, last = placed[i], placed[best]
            keys = frozenset().union(*(p.word_keys for p in placed[i : best + 1]))
            norm = normalize_string(text[first.start : last.end])
            joined.append(
                _Placed(first.start, last.end, norm, (), first.main, first.main_head, keys, None)
            )
        i = best + 1
    return joined


def _split_at_line_breaks(text: str, placed: list[_Placed]) -> list[list[int]]:
    """Group token positions into runs with no line break between neighbours.

    stanza joins lines that lack final punctuation (a headline and the first paragraph); the
    built-in backend never does, and extractors rely on a headline being its own sentence.
    """
    groups: list[list[int]] = []
    for i, token in enumerate(placed):
        if i == 0 or "\n" in text[placed[i - 1].end : token.start]:
            groups.append([i])
        else:
            groups[-1].append(i)
    return groups


def _place_tokens(
    stanza_doc: Any, text: str, language: str
) -> tuple[list[list[_Placed]], dict[_WordKey, _WordKey | None]]:
    """Every stanza token placed in ``text``, grouped by stanza sentence, and each word's head."""
    stems_of = arabic_stems if language == "ar" else english_stems
    runs: list[list[_Placed]] = []
    heads: dict[_WordKey, _WordKey | None] = {}
    cursor = 0
    for number, stanza_sentence in enumerate(stanza_doc.sentences):
        placed: list[_Placed] = []
        for stanza_token in stanza_sentence.tokens:
            words = list(stanza_token.words) or [stanza_token]
            span = _align(
                text,
                stanza_token.text or "",
                getattr(stanza_token, "start_char", None),
                getattr(stanza_token, "end_char", None),
                cursor,
            )
            if span is None:
                continue
            start, end = _trim(text, *span)
            norm = normalize_string(text[start:end])
            if not norm:
                continue  # only diacritics, tatweel or bidi marks
            cursor = end
            stems = stems_of(norm) if _has_letter_or_digit(norm) else ()
            keys = []
            for word in words:
                if isinstance(getattr(word, "id", None), int):
                    keys.append((number, word.id))
                    heads[(number, word.id)] = _head_key(number, word)
            main = _main_word(words)
            placed.append(
                _Placed(
                    start,
                    end,
                    norm,
                    _word_forms(words, norm, stems),
                    main,
                    _head_key(number, main),
                    frozenset(keys),
                    getattr(stanza_token, "ner", None) or None,
                )
            )
        if placed:
            runs.append(placed)
    return runs, heads


def _join_touching_sentences(runs: list[list[_Placed]]) -> list[list[_Placed]]:
    """Join stanza sentences with no whitespace between them.

    A sentence break with no space is a tokenizer error (``1.`` | ``76``, ``U.S.`` | ``-led``);
    joining lets :func:`_join_split_numbers` mend the number.
    """
    joined: list[list[_Placed]] = []
    for run in runs:
        if joined and joined[-1][-1].end == run[0].start:
            joined[-1] = joined[-1] + run
        else:
            joined.append(run)
    return joined


def convert_document(stanza_doc: Any, text: str, language: str) -> AnnotatedDocument:
    """Convert a stanza ``Document`` for ``text`` into eventx's :class:`AnnotatedDocument`.

    Offsets are into ``text``; every token's ``text`` is ``text[start:end]``. Tokens that are only
    invisible characters are dropped. ``lemma``/``pos`` (UPOS)/``deprel``/``head`` come from the
    token's main word when the pipeline produced them, ``ner`` is stanza's BIOES tag on the token.
    """
    runs, heads = _place_tokens(stanza_doc, text, language)
    sentences: list[Sentence] = []
    for run in _join_touching_sentences(runs):
        placed = _join_split_numbers(text, run)
        word_to_token = {key: i for i, item in enumerate(placed) for key in item.word_keys}
        for group in _split_at_line_breaks(text, placed):
            first = group[0]
            tokens: list[Token] = []
            for position in group:
                item = placed[position]
                head = _head_index(item, word_to_token, heads, position)
                if head is not None and head >= 0:
                    # Heads are indices within the eventx sentence; a head across a line break
                    # is in another sentence now and is dropped.
                    head = head - first if first <= head <= group[-1] else None
                main = item.main
                tokens.append(
                    Token(
                        text=text[item.start : item.end],
                        start=item.start,
                        end=item.end,
                        norm=item.norm,
                        stems=item.stems,
                        lemma=getattr(main, "lemma", None),
                        pos=getattr(main, "upos", None),
                        head=head,
                        deprel=getattr(main, "deprel", None),
                        ner=item.ner,
                    )
                )
            start, end = tokens[0].start, tokens[-1].end
            sentences.append(
                Sentence(
                    index=len(sentences),
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
        backend=StanzaBackend.name,
        normalized_text=normalize(text),
    )


# ---------------------------------------------------------------------------------------------
# The backend


def _processor_list(processors: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if processors is None:
        return None
    items = processors.split(",") if isinstance(processors, str) else list(processors)
    names = tuple(p.strip().lower() for p in items if p.strip())
    return names or None


class StanzaBackend:
    """Annotate with stanza pipelines loaded from ``model_dir`` (or ``$EVENTX_STANZA_DIR``).

    :param model_dir: a stanza model directory (``resources.json`` + ``<lang>/<processor>/``).
    :param processors: stanza processors to run (``"tokenize,mwt,pos"``); default: those of
        :data:`DEFAULT_PROCESSORS` installed for the language. A named one that is missing is an
        error, raised when that language is first annotated.
    :param threads: set torch's (process-wide) thread count to this; default
        ``$EVENTX_STANZA_THREADS``, else torch's setting is left alone.

    The directory is checked at construction; each language's stanza pipeline is loaded on
    first use (once per process) and an unknown language raises :class:`StanzaModelError`.
    """

    name = "stanza"

    def __init__(
        self,
        model_dir: str | os.PathLike[str] | None = None,
        *,
        processors: str | Iterable[str] | None = None,
        threads: int | None = None,
    ) -> None:
        if not stanza_installed():
            raise StanzaNotInstalledError(
                f"the stanza backend needs the stanza package, which is not installed: {INSTALL_HINT}"
            )
        directory = model_dir or os.environ.get(MODEL_DIR_ENV)
        if not directory:
            raise StanzaModelError(
                f"the stanza backend needs a model directory: pass stanza_dir= (CLI: --stanza-dir) "
                f"or set {MODEL_DIR_ENV}"
            )
        self.models = ModelDirectory(directory)
        self.model_dir = str(self.models.path)
        self.processors = _processor_list(processors)
        if threads is None and os.environ.get(THREADS_ENV):
            setting = os.environ[THREADS_ENV]
            try:
                threads = int(setting)
            except ValueError:
                raise StanzaModelError(
                    f"{THREADS_ENV} must be a whole number, not {setting!r}"
                ) from None
        if threads is not None and threads < 1:
            raise StanzaModelError(f"threads must be at least 1, not {threads}")
        self.threads = threads

    def pipeline(self, language: str) -> tuple[Any, threading.Lock]:
        """The stanza ``Pipeline`` for ``language`` (loaded once per process) and its lock."""
        chosen = self.models.processors_for(language, self.processors)
        key = tuple(
            (name, tuple(value) if isinstance(value, list) else value)
            for name, value in chosen.items()
        )
        try:
            if self.threads is not None:
                _set_torch_threads(self.threads)
            return _load_pipeline(self.model_dir, language, key)
        except StanzaModelError:
            raise
        except Exception as exc:
            raise StanzaModelError(
                f"stanza could not load the {language!r} models ({', '.join(chosen)}) from "
                f"{self.model_dir!r}: {type(exc).__name__}: {exc}. Available: "
                f"{self.models.describe()}"
            ) from exc

    def annotate(self, text: str, language: str) -> AnnotatedDocument:
        if not text.strip():
            return AnnotatedDocument(
                text=text,
                language=language,
                sentences=(),
                backend=self.name,
                normalized_text=normalize(text),
            )
        if language == UNDETERMINED:
            # stanza needs a language; text eventx cannot identify (digits, symbols, a script
            # it does not know) gets the built-in tokenisation rather than an error record.
            return BuiltinBackend().annotate(text, language)
        pipeline, lock = self.pipeline(language)
        with lock:
            stanza_doc = pipeline(text)
        return convert_document(stanza_doc, text, language)
