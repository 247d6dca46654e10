"""Extractors: what a plugin registers, the context it runs with, and their run order."""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from eventx.budget import Budget
from eventx.nlp.annotation import AnnotatedDocument, Sentence
from eventx.record import DateFact, Diagnostic, Document, Evidence, field_of

if TYPE_CHECKING:
    from eventx.gazetteer import PlaceMention
    from eventx.numbers import QuantityMatch

ExtractorFunction = Callable[["ExtractionContext"], Iterable[Any]]
#: How many sentences back :meth:`ExtractionContext.nearest_date` looks for a date.
NEAREST_DATE_SENTENCES = 2


def _names(values: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(values or ())


@frozen(kw_only=True)
class Extractor:
    """A unit of extraction a plugin registers.

    :param name: unique, stable name (used in evidence provenance and diagnostics).
    :param func: called with an :class:`ExtractionContext`; returns an iterable of facts.
    :param provides: record fields it contributes (``"dates"``, ``"casualties"``, ...).
    :param requires: record fields it reads from other extractors; those run first.
    :param languages: languages it supports; empty means all.
    """

    name: str
    func: ExtractorFunction = attrs.field(eq=False)
    provides: tuple[str, ...] = attrs.field(factory=tuple, converter=_names)
    requires: tuple[str, ...] = attrs.field(factory=tuple, converter=_names)
    languages: tuple[str, ...] = attrs.field(factory=tuple, converter=_names)
    version: str = "0"
    description: str = ""
    plugin: str = ""  # filled in by the host: which plugin registered it

    def supports(self, language: str) -> bool:
        return not self.languages or language in self.languages


class Register:
    """The callback handed to ``eventx_register_extractors``; collects extractors by plugin.

    Offers are collected first and settled by :meth:`settle` once every plugin was asked, so
    which of two extractors with the same name wins depends only on the plugin names (the
    first plugin in name order), never on the order pluggy happened to call the plugins in.
    """

    def __init__(self) -> None:
        self.extractors: dict[str, Extractor] = {}
        #: Set by the host while a plugin registers; defaults to the running plugin.
        self.current_plugin = ""
        self._offers: list[Extractor] = []

    def __call__(self, extractor: Extractor) -> None:
        if not isinstance(extractor, Extractor):
            raise TypeError(f"register() takes an eventx.Extractor, got {type(extractor).__name__}")
        from eventx.plugins.isolation import current_plugin

        plugin = self.current_plugin or current_plugin()
        self._offers.append(attrs.evolve(extractor, plugin=plugin))

    def settle(self, failed: Iterable[str] = ()) -> dict[str, str]:
        """Keep the first offer of each name (plugins in name order); report the others.

        ``failed``: plugins whose registration raised; their offers are dropped. Returns an error
        message per plugin that offered an extractor name already taken.
        """
        dropped = set(failed)
        errors: dict[str, str] = {}
        offers = sorted(
            (e for e in self._offers if e.plugin not in dropped), key=lambda e: e.plugin
        )
        for extractor in offers:  # sorted() is stable: a plugin's own order is kept
            other = self.extractors.get(extractor.name)
            if other is None:
                self.extractors[extractor.name] = extractor
            else:
                errors.setdefault(
                    extractor.plugin,
                    f"an extractor named {extractor.name!r} is already registered by plugin "
                    f"{other.plugin!r}",
                )
        self._offers.clear()
        return errors


def order_extractors(extractors: Sequence[Extractor]) -> list[Extractor]:
    """Dependency order: an extractor runs after every extractor providing what it requires.

    Ties are broken by name, so the order never depends on plugin install or load order. A cycle
    raises ValueError naming the extractors involved.
    """
    providers: dict[str, list[str]] = {}
    for ex in extractors:
        for field in ex.provides:
            providers.setdefault(field, []).append(ex.name)
    by_name = {ex.name: ex for ex in extractors}
    after: dict[str, set[str]] = {ex.name: set() for ex in extractors}
    for ex in extractors:
        for field in ex.requires:
            for provider in providers.get(field, ()):
                if provider != ex.name:
                    after[ex.name].add(provider)
    pending = {name: len(deps) for name, deps in after.items()}
    dependents: dict[str, list[str]] = {name: [] for name in after}
    for name, deps in after.items():
        for dep in deps:
            dependents[dep].append(name)
    ready = [name for name, count in pending.items() if count == 0]
    heapq.heapify(ready)
    ordered: list[Extractor] = []
    while ready:
        name = heapq.heappop(ready)
        ordered.append(by_name[name])
        for nxt in dependents[name]:
            pending[nxt] -= 1
            if pending[nxt] == 0:
                heapq.heappush(ready, nxt)
    if len(ordered) != len(extractors):
        stuck = sorted(name for name, count in pending.items() if count > 0)
        raise ValueError(f"extractors depend on each other in a cycle: {', '.join(stuck)}")
    return ordered


class ExtractionContext:
    """What an extractor sees: the document, its annotation, and earlier extractors' facts."""

    def __init__(
        self,
        document: Document,
        annotation: AnnotatedDocument,
        facts: dict[str, list[Any]],
        extractor: str,
        diagnostics: list[Diagnostic],
        *,
        budget: Budget | None = None,
    ) -> None:
        self.document = document
        #: This extractor's work allowance for this document (see :meth:`spend`).
        self.budget = budget if budget is not None else Budget(None)
        self.annotation = annotation
        self._facts = facts
        self.extractor = extractor
        self._diagnostics = diagnostics
        # nearest_date's dates by sentence, for the list of date facts it was built from.
        self._dated: tuple[Sequence[Any], int, list[int], list[tuple[int, int, DateFact]]] | None
        self._dated = None

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def language(self) -> str:
        return self.annotation.language

    @property
    def document_date(self) -> dt.date | None:
        return self.document.document_date

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.annotation.sentences

    def facts(self, field: str) -> tuple[Any, ...]:
        """Facts produced so far for a record field by extractors that ran earlier.

        Declare the field in your extractor's ``requires`` so those extractors run first.
        """
        return tuple(self._facts.get(field, ()))

    def quantities(self) -> tuple[QuantityMatch, ...]:
        """Every quantity of the document (:func:`eventx.find_quantities`), left to right.

        Computed once per document and shared by every extractor that asks, so plugins that
        need the same numbers do not each read them again.
        """
        from eventx.numbers import find_quantities

        return tuple(find_quantities(self.annotation))

    def place_mentions(self) -> tuple[PlaceMention, ...]:
        """Every gazetteer place name and demonym of the document
        (:func:`eventx.find_place_mentions`), computed once per document and shared."""
        from eventx.gazetteer import find_place_mentions

        return find_place_mentions(self.annotation)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for ``text[start:end]``, with its sentence index and this extractor's name."""
        return Evidence.from_span(
            self.text,
            start,
            end,
            sentence=self.annotation.sentence_index_at(start),
            extractor=self.extractor,
        )

    def spend(self, units: int = 1) -> None:
        """Count ``units`` of work against this extractor's budget for this document.

        Call it in loops whose length is not bounded by the text (e.g. with the number of
        characters or candidates examined). Once the allowance is spent it raises
        :class:`eventx.BudgetExceeded`, which ``except Exception`` does not catch; the host then
        drops this extractor's facts with a diagnostic and marks the record ``partial``.
        """
        self.budget.spend(units)

    def warn(self, message: str) -> None:
        """Attach a warning diagnostic to the record."""
        self._diagnostics.append(
            Diagnostic(plugin=self.extractor, level="warning", message=message)
        )

    def nearest_date(self, start: int, end: int | None = None) -> DateFact | None:
        """The resolved date that best dates the span ``[start, end)``.

        Looks in the span's own sentence first, then up to ``NEAREST_DATE_SENTENCES`` sentences
        back (news states the day once and reports several facts after it). Within a sentence,
        precise dates (days, parts of days, weeks) beat months and years, and dates of the
        article's news beat background history; then the closest by characters wins, earlier
        ones on ties. None if the dates extractor found nothing suitable (declare
        ``requires=("dates",)`` to run after it).
        """
        end = start if end is None else end
        sentence = self.annotation.sentence_index_at(start)
        if sentence is None:
            return None

        def distance(d: DateFact) -> int:
            if d.evidence.end <= start:
                return start - d.evidence.end
            if d.evidence.start >= end:
                return d.evidence.start - end
            return 0

        def rank(d: DateFact) -> tuple[int, int, int, int, int]:
            gap = sentence - (d.evidence.sentence if d.evidence.sentence is not None else -99)
            coarse = int(d.granularity in ("month", "year"))
            background = int(d.background)
            return (gap, coarse, background, distance(d), d.evidence.start)

        near = self._dates_in_sentences(sentence - NEAREST_DATE_SENTENCES, sentence)
        return min(near, key=rank) if near else None

    def _dates_in_sentences(self, first: int, last: int) -> list[DateFact]:
        """Resolved dates of sentences ``first..last``, in the order they were produced.

        Extractors ask once per fact; sorting the dates by sentence once (per list of date facts)
        and bisecting keeps a long document linear.
        """
        raw = self._facts.get("dates", ())
        if self._dated is None or self._dated[0] is not raw or self._dated[1] != len(raw):
            entries = sorted(
                (d.evidence.sentence, order, d)
                for order, d in enumerate(raw)
                if d.value is not None and d.evidence.sentence is not None
            )
            self._dated = (raw, len(raw), [e[0] for e in entries], entries)
        _, _, sentences, entries = self._dated
        low = bisect.bisect_left(sentences, first)
        high = bisect.bisect_right(sentences, last)
        return [d for _, _, d in sorted(entries[low:high], key=lambda e: e[1])]


def check_fact(fact: Any) -> str:
    """The record field of ``fact`` (raises TypeError for anything that is not a fact)."""
    return field_of(fact)
