"""Document -> annotation -> extractors -> merge -> EventRecord.

Guarantees (docs/guarantees.md): every document yields exactly one record; a failing or hanging
extractor costs only its own facts; output depends only on the input and the installed version.
"""

from __future__ import annotations

import contextlib
import gc
import signal
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

import attrs

from eventx.nlp.annotation import AnnotatedDocument
from eventx.nlp.langid import SUPPORTED_LANGUAGES, UNDETERMINED, detect_language
from eventx.plugins.host import PluginHost, PluginInfo
from eventx.plugins.registry import ExtractionContext, Extractor
from eventx.record import (
    RECORD_FIELDS,
    Diagnostic,
    Document,
    EventRecord,
    Evidence,
    Extension,
    evidence_of,
    field_of,
)

#: Documents longer than this are cut (status "partial", with a warning). About 2 MB of text.
DEFAULT_MAX_CHARS = 2_000_000
#: Seconds one extractor may spend on one document before it is stopped (main thread only).
DEFAULT_TIMEOUT = 30.0
CORE = "eventx.core"


_WARM_UP_TEXTS = (
    (
        "أعلنت وزارة الداخلية الجمعة مقتل 26 مسلحا وإصابة 18 آخرين في ألماتي، وقال الرئيس إن "
        "قوات حفظ السلام وصلت إلى كازاخستان في 6 يناير.",
        "ar",
    ),
    (
        "Police said on Friday that 26 people were killed and 18 injured in Almaty, and the "
        "government sent 3,000 troops to Kazakhstan on January 6.",
        "en",
    ),
)


class Backend(Protocol):
    """An NLP backend turns text into an :class:`AnnotatedDocument`."""

    name: str

    def annotate(self, text: str, language: str) -> AnnotatedDocument: ...


class ExtractorTimeout(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Raise ExtractorTimeout in the running code after ``seconds`` (SIGALRM, main thread only).

    Elsewhere (worker threads, Windows) extractors run without a deadline; the regex module's own
    timeouts still bound pathological patterns.
    """
    if seconds is None or seconds <= 0:
        yield
        return
    usable = (
        hasattr(signal, "setitimer")
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(_signum: int, _frame: Any) -> None:
        raise ExtractorTimeout(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _stamp(fact: Any, extractor: str) -> Any:
    """The fact with every Evidence attributed to ``extractor`` (provenance is the host's job)."""
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(fact)):
        value = getattr(fact, field.name)
        if isinstance(value, Evidence):
            if value.extractor != extractor:
                changes[field.name] = attrs.evolve(value, extractor=extractor)
        elif (
            isinstance(value, tuple)
            and value
            and isinstance(value[0], Evidence)
            # Evidence made by ExtractionContext.evidence is already attributed: rebuild the
            # tuple only when some of it is not (most facts then cost no copy at all).
            and any(e.extractor != extractor for e in value)
        ):
            changes[field.name] = tuple(attrs.evolve(e, extractor=extractor) for e in value)
    return attrs.evolve(fact, **changes) if changes else fact


def _clean_text(text: str) -> tuple[str, list[str]]:
    """Replace lone surrogates (not encodable as UTF-8) one-for-one, so offsets are kept."""
    try:
        text.encode("utf-8")
        return text, []
    except UnicodeEncodeError:
        cleaned = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
        return cleaned, ["the text had unpaired surrogates; each was replaced by U+FFFD"]


class Pipeline:
    """A reusable extraction pipeline: build once, call :meth:`extract` for many documents.

    :param plugins: plugin objects or modules to register besides the installed entry points.
    :param entry_points: load plugins from the ``eventx`` entry-point group.
    :param disable: plugin names to block (also ``EVENTX_DISABLE_PLUGINS``).
    :param backend: ``"builtin"``, ``"stanza"`` (needs a model directory) or a Backend object.
    :param timeout: seconds per extractor per document (None: no limit).
    :param max_chars: documents are cut at this length, with a warning.
    :param collect_timings: add up wall-clock seconds per stage in :attr:`timings` (keys: the
        backend as ``annotate:<name>``, each extractor's name, and ``merge``); off by default so
        the hot path pays nothing. Used by benchmarks/run.py for per-plugin time.
    """

    def __init__(
        self,
        *,
        plugins: Iterable[object] = (),
        entry_points: bool = True,
        disable: Iterable[str] = (),
        backend: str | Backend = "builtin",
        stanza_dir: str | None = None,
        timeout: float | None = DEFAULT_TIMEOUT,
        max_chars: int = DEFAULT_MAX_CHARS,
        collect_timings: bool = False,
    ) -> None:
        self.host = PluginHost(plugins, entry_points=entry_points, disable=disable)
        self.collect_timings = collect_timings
        #: Cumulative seconds per stage over every document run (only with collect_timings).
        self.timings: dict[str, float] = {}
        self.backend = self._make_backend(backend, stanza_dir)
        self.timeout = timeout
        self.max_chars = max_chars

    @staticmethod
    def _make_backend(backend: str | Backend, stanza_dir: str | None) -> Backend:
        if not isinstance(backend, str):
            return backend
        if backend == "builtin":
            from eventx.nlp.builtin import BuiltinBackend

            return BuiltinBackend()
        if backend == "stanza":
            from eventx.nlp.stanza_backend import StanzaBackend

            return StanzaBackend(stanza_dir)
        raise ValueError(f"unknown backend {backend!r}. Available: builtin, stanza")

    @property
    def extractors(self) -> list[Extractor]:
        """The registered extractors, in the order they run."""
        return list(self.host.extractors)

    @property
    def plugins(self) -> list[PluginInfo]:
        return self.host.plugins

    def extract(
        self,
        text: str | Document,
        *,
        language: str | None = None,
        document_date: Any = None,
        id: str | None = None,
        title: str | None = None,
    ) -> EventRecord:
        """Extract one record from a text (or a :class:`Document`). Never raises for bad input."""
        if isinstance(text, Document):
            document = text
        else:
            try:
                document = Document(
                    id=id or "document",
                    text=text,
                    language=language,
                    document_date=document_date,
                    title=title,
                )
            except (TypeError, ValueError) as exc:
                if not isinstance(text, str):
                    raise TypeError(
                        f"extract() takes a str or an eventx.Document, got {type(text).__name__}"
                    ) from None
                return error_record(id or "document", f"bad document: {exc}", language=language)
        return self.run(document)

    def warm_up(self, *, freeze_gc: bool = False) -> None:
        """Load every lazily built resource now (lexicons, gazetteer, matchers) by running one
        short Arabic and one short English document.

        With ``freeze_gc``, everything alive afterwards is moved out of the garbage collector's
        reach (:func:`gc.freeze`): the gazetteer alone holds about half a million long-lived
        objects, and walking them in every full collection costs ~30% of the run time. This is
        process-wide, so it is opt-in; the CLI and its workers use it.
        """
        for text, language in _WARM_UP_TEXTS:
            self.extract(text, language=language, document_date="2022-01-07")
        if freeze_gc:
            gc.collect()
            gc.freeze()

    def extract_many(self, documents: Iterable[Document]) -> Iterator[EventRecord]:
        """One record per document, in input order."""
        for document in documents:
            yield self.run(document)

    def run(self, document: Document) -> EventRecord:
        diagnostics: list[Diagnostic] = []
        status = "ok"
        text, notes = _clean_text(document.text)
        warning = document.metadata.get("input_warning")
        if warning:
            notes.append(str(warning))
            status = "partial"
        for note in notes:
            diagnostics.append(Diagnostic(plugin=CORE, level="warning", message=note))
        if not text.strip():
            return error_record(
                document.id,
                "the document text is empty",
                language=document.language,
                document_date=document.document_date,
            )
        if len(text) > self.max_chars:
            diagnostics.append(
                Diagnostic(
                    plugin=CORE,
                    level="warning",
                    message=f"the text has {len(text)} characters; only the first "
                    f"{self.max_chars} were read (max_chars)",
                )
            )
            text = text[: self.max_chars]
            status = "partial"
        if text is not document.text:
            document = attrs.evolve(document, text=text)

        language = document.language or detect_language(text)
        if language not in SUPPORTED_LANGUAGES:
            diagnostics.append(
                Diagnostic(
                    plugin=CORE,
                    level="warning",
                    message=f"language {language!r} is not supported "
                    f"(supported: {', '.join(SUPPORTED_LANGUAGES)}); results will be sparse",
                )
            )
        started = time.perf_counter()
        try:
            annotation = self.backend.annotate(text, language)
        except Exception as exc:
            return error_record(
                document.id,
                f"the {self.backend.name} backend failed: {type(exc).__name__}: {exc}",
                language=language,
                document_date=document.document_date,
            )

        started = self._lap(f"annotate:{self.backend.name}", started)

        facts: dict[str, list[Any]] = {}
        for extractor in self.host.extractors:
            if not extractor.supports(language) and language != UNDETERMINED:
                continue
            started = time.perf_counter()
            context = ExtractionContext(document, annotation, facts, extractor.name, diagnostics)
            try:
                with _deadline(self.timeout):
                    produced = list(extractor.func(context))
            except Exception as exc:
                status = "partial"
                diagnostics.append(
                    Diagnostic(
                        plugin=extractor.name,
                        level="error",
                        message=f"extractor failed and its facts were dropped: "
                        f"{type(exc).__name__}: {exc}",
                    )
                )
                continue
            finally:
                started = self._lap(extractor.name, started)
            for fact in produced:
                problem = self._check_fact(fact, text)
                if problem:
                    status = "partial"
                    diagnostics.append(
                        Diagnostic(plugin=extractor.name, level="error", message=problem)
                    )
                    continue
                facts.setdefault(field_of(fact), []).append(_stamp(fact, extractor.name))

        merged: dict[str, Any] = {}
        for field in RECORD_FIELDS:
            raw = facts.get(field, [])
            if field == "extensions":
                merged[field] = self._group_extensions(raw)
                continue
            result, failed = self._first_result(
                "eventx_merge_facts", diagnostics, field=field, facts=raw, document=document
            )
            status = "partial" if failed else status
            merged[field] = tuple(result if result is not None else raw)

        record = EventRecord(
            id=document.id,
            language=language,
            document_date=document.document_date.isoformat() if document.document_date else None,
            **merged,
        )
        decided: dict[str, Any] = {}
        for field, hook_name, args in (
            (
                "casualty_totals",
                "eventx_casualty_totals",
                {"casualties": record.casualties, "document": document},
            ),
            (
                "event_type",
                "eventx_decide_event_type",
                {"record": record, "document": document, "annotation": annotation},
            ),
            (
                "country",
                "eventx_decide_country",
                {"record": record, "document": document, "annotation": annotation},
            ),
            (
                "time",
                "eventx_decide_time",
                {"record": record, "document": document, "annotation": annotation},
            ),
        ):
            decided[field], failed = self._first_result(hook_name, diagnostics, **args)
            status = "partial" if failed else status
        self._lap("merge", started)
        if decided.get("casualty_totals") is None:
            decided.pop("casualty_totals", None)
        return attrs.evolve(record, status=status, diagnostics=tuple(diagnostics), **decided)

    def _lap(self, stage: str, started: float) -> float:
        """Add the time since ``started`` to ``stage`` (when collecting); return the time now."""
        now = time.perf_counter()
        if self.collect_timings:
            self.timings[stage] = self.timings.get(stage, 0.0) + (now - started)
        return now

    def _first_result(
        self, hook_name: str, diagnostics: list[Diagnostic], **kwargs: Any
    ) -> tuple[Any, bool]:
        """Call a ``firstresult`` hook one implementation at a time, in pluggy's order.

        pluggy would abort the whole call on the first exception, so a crashing policy plugin
        would also silence the core default behind it. Here a failing implementation becomes a
        diagnostic naming its plugin, and the next one (ultimately the core's) decides.
        Returns the result and whether any implementation failed.
        """
        failed = False
        caller = getattr(self.host.hook, hook_name)
        for impl in reversed(caller.get_hookimpls()):
            try:
                result = impl.function(*[kwargs[name] for name in impl.argnames])
            except Exception as exc:
                failed = True
                diagnostics.append(
                    Diagnostic(
                        plugin=impl.plugin_name,
                        level="error",
                        message=f"{hook_name} failed and was skipped: {type(exc).__name__}: {exc}",
                    )
                )
                continue
            if result is not None:
                return result, failed
        return None, failed

    @staticmethod
    def _check_fact(fact: Any, text: str) -> str | None:
        try:
            field_of(fact)
        except TypeError as exc:
            return str(exc)
        for evidence in evidence_of(fact):
            if not evidence.matches(text):
                return (
                    f"dropped a {type(fact).__name__} whose evidence [{evidence.start}, "
                    f"{evidence.end}) {evidence.text!r} does not match the text there"
                )
        return None

    @staticmethod
    def _group_extensions(raw: list[Any]) -> Mapping[str, tuple[Extension, ...]]:
        grouped: dict[str, list[Extension]] = {}
        for ext in raw:
            grouped.setdefault(ext.field, []).append(ext)
        return {
            k: tuple(sorted(v, key=lambda e: e.evidence.start)) for k, v in sorted(grouped.items())
        }


def error_record(
    id: str, message: str, *, language: str | None = None, document_date: Any = None
) -> EventRecord:
    """The record for a document that could not be read at all."""
    date = document_date.isoformat() if hasattr(document_date, "isoformat") else document_date
    return EventRecord(
        id=id,
        language=language,
        document_date=date,
        status="error",
        diagnostics=(Diagnostic(plugin=CORE, level="error", message=message),),
    )


_DEFAULT: Pipeline | None = None
_DEFAULT_LOCK = threading.Lock()


def default_pipeline() -> Pipeline:
    """A process-wide pipeline for :func:`extract`, built on first use."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Pipeline()
        return _DEFAULT


def extract(
    text: str | Document,
    *,
    language: str | None = None,
    document_date: Any = None,
    id: str | None = None,
) -> EventRecord:
    """Extract one event record from ``text`` with the installed plugins.

    ``document_date`` is a ``datetime.date`` or an ISO ``YYYY-MM-DD`` string; relative dates
    ("الجمعة", "last Thursday") are resolved against it, never against today's date.
    """
    return default_pipeline().extract(text, language=language, document_date=document_date, id=id)
