"""Document -> annotation -> extractors -> merge -> EventRecord.

Guarantees (docs/guarantees.md): every document yields exactly one record, valid against the
record schema; a failing or runaway extractor or hook costs only its own contribution; output
depends only on the input and the installed version (never on the clock, the machine's load or
the thread it runs in).
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import ModuleType
from typing import Any, ClassVar, Protocol

import attrs

from eventx import merge as core_policies
from eventx.budget import (
    DEFAULT_WORK_PER_CHAR,
    BudgetExceeded,
    budget_scope,
    enter_budget,
    leave_budget,
)
from eventx.nlp.annotation import AnnotatedDocument
from eventx.nlp.langid import SUPPORTED_LANGUAGES, UNDETERMINED, detect_language
from eventx.plugins.host import PluginHost, PluginInfo
from eventx.plugins.isolation import CallState, calling, describe, guard_hook, is_real_interrupt
from eventx.plugins.registry import ExtractionContext, Extractor
from eventx.plugins.validate import fact_problem, record_part_problem, well_typed_fact
from eventx.record import (
    FACT_FIELDS,
    RECORD_FIELDS,
    CasualtyTotal,
    Diagnostic,
    Document,
    EventRecord,
    EventType,
    Evidence,
    Extension,
    TimeSpan,
    evidence_of,
    field_of,
)

#: Documents longer than this are cut (status "partial", with a warning). About 2 MB of text.
DEFAULT_MAX_CHARS = 2_000_000
#: Wall-clock seconds a worker process may spend on one document before the process runner
#: stops it (docs/guarantees.md). Never enforced in-process: the in-process bound is the budget.
DEFAULT_TIMEOUT = 30.0
CORE = "eventx.core"
#: Relative dates are resolved against the document date only inside these years, so that
#: "ten years ago" or "next month" can never leave Python's date range (years 1..9999).
ANCHOR_YEARS = (100, 9899)
_LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


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


def _without_surrogates(text: str) -> tuple[str, bool]:
    """Replace lone surrogates (not encodable as UTF-8) one-for-one, so offsets are kept."""
    try:
        text.encode("utf-8")
        return text, False
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text), True


def _clean_text(text: str) -> tuple[str, list[str]]:
    cleaned, changed = _without_surrogates(text)
    if changed:
        return cleaned, ["the text had unpaired surrogates; each was replaced by U+FFFD"]
    return text, []


def _evidence_problem(value: Any, text: str) -> str | None:
    for evidence in evidence_of(value):
        if not evidence.matches(text):
            return _mismatch(evidence)
    return None


def _mismatch(evidence: Evidence) -> str:
    return (
        f"evidence [{evidence.start}, {evidence.end}) {evidence.text!r} that does not "
        f"match the text there"
    )


class _EvidenceFields:
    """Where a fact class declares its evidence: (attribute, holds a tuple of Evidence).

    Only for facts the validator found well typed (eventx.plugins.validate.well_typed_fact):
    their evidence is exactly there, so checking and stamping it needs no walk over every
    attribute with isinstance tests (:func:`evidence_of`, :func:`_stamp`).
    """

    _known: ClassVar[dict[type, _EvidenceFields]] = {}

    def __init__(self, cls: type) -> None:
        fields = attrs.fields(attrs.resolve_types(cls))
        self.fields = tuple(
            (f.name, f.type == tuple[Evidence, ...])
            for f in fields
            if f.type in (Evidence, Evidence | None, tuple[Evidence, ...])
        )

    @classmethod
    def of(cls, fact_type: type) -> _EvidenceFields:
        found = cls._known.get(fact_type)
        if found is None:
            found = cls._known[fact_type] = cls(fact_type)
        return found

    def problem(self, fact: Any, text: str) -> str | None:
        """:func:`_evidence_problem` of a well-typed fact (same evidence, same order)."""
        for name, many in self.fields:
            value = getattr(fact, name)
            for evidence in value if many else () if value is None else (value,):
                if text[evidence.start : evidence.end] != evidence.text:
                    return _mismatch(evidence)
        return None

    def stamp(self, fact: Any, extractor: str) -> Any:
        """:func:`_stamp` of a well-typed fact."""
        changes: dict[str, Any] = {}
        for name, many in self.fields:
            value = getattr(fact, name)
            if many:
                if any(e.extractor != extractor for e in value):
                    changes[name] = tuple(_stamped(e, extractor) for e in value)
            elif value is not None and value.extractor != extractor:
                changes[name] = _stamped(value, extractor)
        return attrs.evolve(fact, **changes) if changes else fact


def _stamped(evidence: Evidence, extractor: str) -> Evidence:
    """``attrs.evolve(evidence, extractor=extractor)`` of an exact Evidence, built directly
    (evolve reads the class's fields again on every call; every evidence of every fact is
    stamped)."""
    if evidence.extractor == extractor:
        return evidence
    return Evidence(
        text=evidence.text,
        start=evidence.start,
        end=evidence.end,
        sentence=evidence.sentence,
        extractor=extractor,
    )


# --- checks of hook answers (a failing check costs that answer, not the record) --------------


def _check_facts(result: Any, state: CallState) -> str | None:
    field = state.kwargs["field"]
    if not isinstance(result, Sequence) or isinstance(result, str | bytes):
        return f"a {type(result).__name__}, not a list of facts"
    checked = state.checked
    for fact in result:
        kind = FACT_FIELDS.get(type(fact))  # field_of without its exception on the hot path
        if kind is None:
            return f"a {type(fact).__name__} among the facts, which is not a fact type"
        if kind != field:
            return f"a {type(fact).__name__} for field {field!r}, which holds {kind}"
        if id(fact) in checked:
            continue
        text = state.kwargs["document"].text
        if well_typed_fact(fact, field):  # as in Pipeline._run_extractors: only evidence left
            problem = _EvidenceFields.of(type(fact)).problem(fact, text)
        else:
            problem = _evidence_problem(fact, text) or fact_problem(fact, field)
        if problem:
            return problem
    # all sound: the host's own check of the final answer skips them
    checked.update({id(fact): fact for fact in result})
    return None


def _check_totals(result: Any, state: CallState) -> str | None:
    if not isinstance(result, Sequence) or isinstance(result, str | bytes):
        return f"a {type(result).__name__}, not a list of CasualtyTotal"
    if not all(isinstance(t, CasualtyTotal) for t in result):
        return "a list holding something other than CasualtyTotal"
    return record_part_problem(tuple(result), "casualty_totals")


def _check_decision(kind: type, field: str) -> Callable[[Any, CallState], str | None]:
    def check(result: Any, state: CallState) -> str | None:
        if not isinstance(result, kind):
            return f"a {type(result).__name__}, not {kind.__name__}"
        key = (field, id(result))
        if key in state.checked:  # the guard checked this answer; the host checks it again
            return None
        problem = _evidence_problem(result, state.kwargs["document"].text) or record_part_problem(
            result, field
        )
        if problem is None:
            state.checked[key] = result
        return problem

    return check


_HOOK_CHECKS = {
    "eventx_merge_facts": _check_facts,
    "eventx_casualty_totals": _check_totals,
    "eventx_decide_event_type": _check_decision(EventType, "event_type"),
    "eventx_decide_country": _check_decision(str, "country"),
    "eventx_decide_time": _check_decision(TimeSpan, "time"),
    "eventx_decide_primary_location": _check_decision(str, "primary_location"),
}

#: What decides when every implementation of a hook failed or answered invalidly: the core's
#: own policy, called directly (it is eventx's code, not a plugin's).
_CORE_FALLBACK: dict[str, Callable[..., Any]] = {
    "eventx_merge_facts": lambda facts, **_: core_policies.dedupe_in_order(facts),
    "eventx_casualty_totals": lambda casualties, **_: core_policies.eventx_casualty_totals(
        casualties
    ),
    "eventx_decide_event_type": lambda **_: None,
    "eventx_decide_country": lambda record, **_: core_policies.eventx_decide_country(record),
    "eventx_decide_time": lambda record, document, **_: core_policies.eventx_decide_time(
        record, document
    ),
    "eventx_decide_primary_location": lambda record, **_: (
        core_policies.eventx_decide_primary_location(record)
    ),
}


class Pipeline:
    """A reusable extraction pipeline: build once, call :meth:`extract` for many documents.

    :param plugins: plugin objects or modules to register besides the installed entry points.
    :param entry_points: load plugins from the ``eventx`` entry-point group.
    :param disable: plugin names to block (also ``EVENTX_DISABLE_PLUGINS``).
    :param backend: ``"builtin"``, ``"stanza"`` (needs a model directory) or a Backend object.
    :param work_budget: work units per character of text that each stage (annotation, each
        extractor, each hook implementation) may spend (see :mod:`eventx.budget`); None: no limit.
    :param timeout: wall-clock seconds per document for process runners
        (:func:`eventx.parallel.run_parallel_json` when not given ``document_timeout``), which
        stop a worker stuck on one document; not enforced in-process (None: no limit).
    :param max_chars: documents are cut at this length, with a warning.
    :param collect_timings: add up wall-clock seconds per stage in :attr:`timings` (keys: the
        backend as ``annotate:<name>``, each extractor's name, and ``merge``); off by default so
        the hot path pays nothing. Used by benchmarks/run.py for per-plugin time.

    A pipeline pickles: it travels as its configuration and rebuilds its plugin manager and
    backend on the other side (plugins given as objects must pickle, modules travel by name).
    """

    def __init__(
        self,
        *,
        plugins: Iterable[object] = (),
        entry_points: bool = True,
        disable: Iterable[str] = (),
        backend: str | Backend = "builtin",
        stanza_dir: str | None = None,
        work_budget: int | None = DEFAULT_WORK_PER_CHAR,
        timeout: float | None = DEFAULT_TIMEOUT,
        max_chars: int = DEFAULT_MAX_CHARS,
        collect_timings: bool = False,
    ) -> None:
        self._config: dict[str, Any] = {
            "plugins": tuple(plugins),
            "entry_points": entry_points,
            "disable": tuple(disable),
            "backend": backend,
            "stanza_dir": stanza_dir,
            "work_budget": work_budget,
            "timeout": timeout,
            "max_chars": max_chars,
            "collect_timings": collect_timings,
        }
        self.host = PluginHost(self._config["plugins"], entry_points=entry_points, disable=disable)
        self.collect_timings = collect_timings
        #: Cumulative seconds per stage over every document run (only with collect_timings).
        self.timings: dict[str, float] = {}
        self.backend = self._make_backend(backend, stanza_dir)
        self.work_budget = work_budget
        self.timeout = timeout
        self.max_chars = max_chars
        # Set by warm_up(freeze_gc=True): the process is given to eventx, so automatic garbage
        # collection pauses while each document runs (see warm_up).
        self._pause_gc = False

    def __reduce__(self) -> tuple[Any, ...]:
        config = dict(self._config)
        # modules do not pickle: they travel by name and are imported again
        config["plugins"] = tuple(
            _ModuleByName(p.__name__) if isinstance(p, ModuleType) else p for p in config["plugins"]
        )
        return (_rebuild_pipeline, (config,))

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
        """Extract one record from a text (or a :class:`Document`).

        Raises TypeError when ``text`` is neither a str nor a Document (None, bytes, a number:
        a programming error, not bad input); every other problem gives a record.
        """
        if isinstance(text, Document):
            return self.run(text)
        if not isinstance(text, str):
            raise TypeError(
                f"extract() takes a str or an eventx.Document, got {type(text).__name__}"
                + (
                    " (decode bytes first, e.g. data.decode('utf-8'))"
                    if isinstance(text, bytes | bytearray)
                    else ""
                )
            )
        try:
            document = Document(
                id=id or "document",
                text=text,
                language=language,
                document_date=document_date,
                title=title,
            )
        except (TypeError, ValueError) as exc:
            return error_record(
                id or "document", f"bad document: {exc}", language=_language_or_none(language)
            )
        return self.run(document)

    def warm_up(self, *, freeze_gc: bool = False, before_fork: bool = False) -> None:
        """Load every lazily built resource now (lexicons, gazetteer, matchers) by running one
        short Arabic and one short English document.

        With ``freeze_gc``, everything alive afterwards is moved out of the garbage collector's
        reach (:func:`gc.freeze`): the gazetteer alone holds about half a million long-lived
        objects, and walking them in every full collection costs ~30% of the run time. From
        then on, automatic collection also pauses while each document runs and resumes after
        it: a long document's tokens are walked again by every collection its own allocations
        trigger, which made cost grow faster than its length (256x the text took ~290x the
        time, ~240x with the pause). Cycles a document leaves are collected by the next
        automatic collection after it. Both are process-wide, so they are opt-in; the CLI and
        its workers use them. A pause does not turn collection back on if it was off.

        With ``before_fork``, data that only some documents need is loaded too (the fuzzy
        place table, ~70 MB): a process about to fork workers loads it once and the workers
        share its pages, instead of each loading a private copy on its first such document.
        A single process leaves it for the first document that needs it (a quicker start).
        """
        for text, language in _WARM_UP_TEXTS:
            self.extract(text, language=language, document_date="2022-01-07")
        if before_fork:
            from eventx.gazetteer.fuzzy import preload_fuzzy_table

            preload_fuzzy_table()
        if freeze_gc:
            gc.collect()
            gc.freeze()
            self._pause_gc = True

    def _freeze_gc_after_fork(self) -> None:
        """In a worker forked from a process that warmed this pipeline up: what ``freeze_gc``
        does, without its collection (a collection writes to the header of every object it
        walks, which would copy the pages the worker shares with its parent)."""
        gc.freeze()
        self._pause_gc = True

    def extract_many(self, documents: Iterable[Document]) -> Iterator[EventRecord]:
        """One record per document, in input order."""
        for document in documents:
            yield self.run(document)

    def run(self, document: Document) -> EventRecord:
        """The record of one document. Never raises, except for a real interrupt (Ctrl-C)."""
        if not (self._pause_gc and gc.isenabled()):
            return self._run(document)
        gc.disable()
        try:
            return self._run(document)
        finally:
            gc.enable()

    def _run(self, document: Document) -> EventRecord:
        diagnostics: list[Diagnostic] = []

        def warn(message: str) -> None:
            diagnostics.append(Diagnostic(plugin=CORE, level="warning", message=message))

        if not isinstance(document.text, str):
            return error_record(
                _clean_id(document.id, warn),
                f"the document text is a {type(document.text).__name__}, not a str",
                language=_language_or_none(document.language),
            )
        status = "ok"
        record_id = _clean_id(document.id, warn)
        text, notes = _clean_text(document.text)
        warning = document.metadata.get("input_warning")
        if warning:
            notes.append(str(warning))
            status = "partial"
        for note in notes:
            warn(note)
        language = self._language(document.language, warn)
        record_date = document.document_date
        if not text.strip():
            return error_record(
                record_id,
                "the document text is empty",
                language=language,
                document_date=record_date,
            )
        if len(text) > self.max_chars:
            warn(
                f"the text has {len(text)} characters; only the first {self.max_chars} were "
                "read (max_chars)"
            )
            text = text[: self.max_chars]
            status = "partial"
        changes: dict[str, Any] = {}
        if text is not document.text:
            changes["text"] = text
        if document.title is not None and not isinstance(document.title, str):
            warn(f"the title is a {type(document.title).__name__}, not a str; it was ignored")
            changes["title"] = None
        if record_date is not None and not ANCHOR_YEARS[0] <= record_date.year <= ANCHOR_YEARS[1]:
            warn(
                f"document_date {record_date.isoformat()} is outside the years "
                f"{ANCHOR_YEARS[0]}-{ANCHOR_YEARS[1]}; relative dates were not resolved against it"
            )
            changes["document_date"] = None
            status = "partial"
        if changes or language != document.language:
            document = attrs.evolve(document, language=language, **changes)

        if language is None:
            language = detect_language(text)
        if language == UNDETERMINED:
            warn("the language could not be determined; every extractor ran")
        elif language not in SUPPORTED_LANGUAGES:
            status = "partial"
            warn(
                f"language {language!r} is not supported (supported: "
                f"{', '.join(SUPPORTED_LANGUAGES)}); only extractors that declare it ran"
            )

        state = CallState(
            diagnostics, text_length=len(text), work_per_char=self.work_budget, checks=_HOOK_CHECKS
        )
        with calling(state):
            started = self._now()
            budget = state.budget()
            try:
                with budget_scope(budget):
                    annotation = self.backend.annotate(text, language)
                budget.check()
            except BaseException as exc:
                if is_real_interrupt(exc):
                    raise
                return error_record(
                    record_id,
                    f"the {self.backend.name} backend failed: {describe(exc)}",
                    language=language,
                    document_date=record_date,
                )
            started = self._lap(f"annotate:{self.backend.name}", started)
            facts = self._run_extractors(document, annotation, language, state)
            started = self._now()
            record = self._merge(
                record_id, document, annotation, language, record_date, facts, state
            )
            self._lap("merge", started)
        if state.failed:
            status = "partial"
        return attrs.evolve(record, status=status, diagnostics=tuple(diagnostics))

    @staticmethod
    def _language(given: Any, warn: Callable[[str], None]) -> str | None:
        """The caller's language code (lower-cased primary subtag), or None to detect it."""
        if given is None or given == "":
            return None
        if isinstance(given, str) and _LANGUAGE_CODE.match(given):
            return re.split(r"[-_]", given)[0].lower()
        warn(f"language {given!r} is not a language code; the language was detected instead")
        return None

    def _run_extractors(
        self,
        document: Document,
        annotation: AnnotatedDocument,
        language: str,
        state: CallState,
    ) -> dict[str, list[Any]]:
        facts: dict[str, list[Any]] = {}
        text = document.text
        supported = language in SUPPORTED_LANGUAGES or language == UNDETERMINED
        for extractor in self.host.extractors:
            if extractor.languages:
                if language not in extractor.languages and language != UNDETERMINED:
                    continue
            elif not supported:
                continue  # language-agnostic means: every language eventx supports
            started = self._now()
            budget = state.budget()
            context = ExtractionContext(
                document, annotation, facts, extractor.name, state.diagnostics, budget=budget
            )
            try:
                token = enter_budget(budget)  # budget_scope without a generator: a hot path
                try:
                    produced = list(extractor.func(context))
                finally:
                    leave_budget(token)
                budget.check()  # it may have caught BudgetExceeded and carried on
            except BaseException as exc:
                if is_real_interrupt(exc):
                    raise
                state.fail(
                    extractor.name,
                    f"extractor failed and its facts were dropped: {describe(exc)}"
                    if not isinstance(exc, BudgetExceeded)
                    else f"extractor {describe(exc)} and its facts were dropped",
                )
                continue
            finally:
                self._lap(extractor.name, started)
            for fact in produced:
                field = FACT_FIELDS.get(type(fact))
                if field is not None and well_typed_fact(fact, field):
                    # the common case, checked on the object: only its evidence is left
                    evidence = _EvidenceFields.of(type(fact))
                    problem = evidence.problem(fact, text)
                    if problem:
                        state.fail(
                            extractor.name, f"dropped a {type(fact).__name__} whose {problem}"
                        )
                        continue
                    stamped = evidence.stamp(fact, extractor.name)
                else:
                    problem = self._check_fact(fact, text)
                    if problem:
                        state.fail(extractor.name, problem)
                        continue
                    stamped = _stamp(fact, extractor.name)
                    field = field_of(fact)
                state.checked[id(stamped)] = stamped
                facts.setdefault(field, []).append(stamped)
        return facts

    def _merge(
        self,
        record_id: str,
        document: Document,
        annotation: AnnotatedDocument,
        language: str,
        record_date: dt.date | None,
        facts: dict[str, list[Any]],
        state: CallState,
    ) -> EventRecord:
        merged: dict[str, Any] = {}
        for field in RECORD_FIELDS:
            raw = facts.get(field, [])
            if field == "extensions":
                merged[field] = self._group_extensions(raw)
                continue
            result = self._call_hook(
                "eventx_merge_facts", state, field=field, facts=raw, document=document
            )
            merged[field] = tuple(result if result is not None else raw)

        record = EventRecord(
            id=record_id,
            language=language,
            document_date=record_date.isoformat() if record_date else None,
            **merged,
        )
        decided: dict[str, Any] = {}
        decided["casualty_totals"] = self._call_hook(
            "eventx_casualty_totals", state, casualties=record.casualties, document=document
        )
        for field, hook_name in (
            ("event_type", "eventx_decide_event_type"),
            ("country", "eventx_decide_country"),
            ("time", "eventx_decide_time"),
        ):
            decided[field] = self._call_hook(
                hook_name, state, record=record, document=document, annotation=annotation
            )
        # the primary event place is chosen within the decided country
        located = attrs.evolve(record, country=decided.get("country"))
        decided["primary_location"] = self._call_hook(
            "eventx_decide_primary_location",
            state,
            record=located,
            document=document,
            annotation=annotation,
        )
        if decided.get("casualty_totals") is None:
            decided.pop("casualty_totals")
        else:
            decided["casualty_totals"] = tuple(decided["casualty_totals"])
        return attrs.evolve(record, **decided)

    def _call_hook(self, hook_name: str, state: CallState, **kwargs: Any) -> Any:
        """Call a ``firstresult`` hook through pluggy, under the isolation guards.

        pluggy runs its own loop (wrappers, tracing, the first non-None answer wins); each
        implementation is guarded (eventx.plugins.isolation), so a failing or invalid one becomes
        a diagnostic and the next one answers. If the call as a whole still fails, or its final
        answer (after wrappers) is invalid, the core's own policy decides.
        """
        caller = getattr(self.host.hook, hook_name)
        guard_hook(caller)
        state.kwargs = kwargs
        try:
            result = caller(**kwargs)
        except BaseException as exc:
            if is_real_interrupt(exc):
                raise
            state.fail(CORE, f"{hook_name} failed: {describe(exc)}; the core default decided")
            return _CORE_FALLBACK[hook_name](**kwargs)
        problem = state.check(hook_name, result)
        if problem:
            state.fail(CORE, f"{hook_name} answered {problem}; the core default decided")
            return _CORE_FALLBACK[hook_name](**kwargs)
        return result

    def _now(self) -> float:
        """The clock when collecting timings; 0.0 otherwise (no clock read on the hot path)."""
        return time.perf_counter() if self.collect_timings else 0.0

    def _lap(self, stage: str, started: float) -> float:
        """Add the time since ``started`` to ``stage`` (when collecting); return the time now
        (0.0 when not collecting: no clock is read on the hot path)."""
        if not self.collect_timings:
            return 0.0
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + (now - started)
        return now

    @staticmethod
    def _check_fact(fact: Any, text: str) -> str | None:
        try:
            field = field_of(fact)
        except TypeError as exc:
            return str(exc)
        problem = _evidence_problem(fact, text)
        if problem:
            return f"dropped a {type(fact).__name__} whose {problem}"
        problem = fact_problem(fact, field)
        if problem:
            return f"dropped a {type(fact).__name__}: {problem}"
        return None

    @staticmethod
    def _group_extensions(raw: list[Any]) -> Mapping[str, tuple[Extension, ...]]:
        grouped: dict[str, list[Extension]] = {}
        for ext in raw:
            grouped.setdefault(ext.field, []).append(ext)
        return {
            k: tuple(sorted(v, key=lambda e: e.evidence.start)) for k, v in sorted(grouped.items())
        }


@attrs.frozen
class _ModuleByName:
    name: str


def _rebuild_pipeline(config: dict[str, Any]) -> Pipeline:
    plugins = tuple(
        importlib.import_module(p.name) if isinstance(p, _ModuleByName) else p
        for p in config["plugins"]
    )
    return Pipeline(**{**config, "plugins": plugins})


def _clean_id(value: Any, warn: Callable[[str], None]) -> str:
    """The record id: a str encodable as UTF-8 (lone surrogates become U+FFFD, with a warning)."""
    if not isinstance(value, str):
        warn(f"the id is a {type(value).__name__}, not a str; it was converted")
        value = str(value)
    cleaned, changed = _without_surrogates(value)
    if changed:
        warn("the id had unpaired surrogates; each was replaced by U+FFFD")
    return cleaned


def _language_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and _LANGUAGE_CODE.match(value) else None


def error_record(
    id: str, message: str, *, language: str | None = None, document_date: Any = None
) -> EventRecord:
    """The record for a document that could not be read at all."""
    date = document_date.isoformat() if hasattr(document_date, "isoformat") else document_date
    if not (isinstance(date, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", date)):
        date = None
    return EventRecord(
        id=_clean_id(id, lambda _: None),
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
    ("الجمعة", "last Thursday") are resolved against it, never against today's date. Raises
    TypeError when ``text`` is neither a str nor a Document; every other problem gives a record.
    """
    return default_pipeline().extract(text, language=language, document_date=document_date, id=id)
