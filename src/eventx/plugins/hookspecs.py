"""The plugin contract: every hook eventx calls, with its signature and semantics.

Plugins implement these with ``@eventx.hookimpl``; names carry the ``eventx_`` prefix.
pluggy passes arguments by name, so an implementation may accept any subset of the parameters
(but must not give them defaults: pluggy ignores hookimpl defaults).

Version notes: all hooks below exist since eventx 0.1 (record schema ``eventx.record/1``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from eventx.nlp.annotation import AnnotatedDocument
    from eventx.plugins.registry import Register
    from eventx.record import (
        Casualty,
        CasualtyTotal,
        Document,
        EventRecord,
        EventType,
        TimeSpan,
    )

PROJECT_NAME = "eventx"
hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def eventx_register_extractors(register: Register) -> None:
    """Register extractors by calling ``register(Extractor(...))`` once for each.

    Called once per :class:`eventx.Pipeline`. The host owns the loop: it orders extractors by
    their declared ``requires``/``provides``, runs each in isolation (an exception or a work-budget overrun
    becomes a diagnostic on the record and costs only that extractor's facts) and stamps the
    extractor's name on every piece of evidence.

    :param register: callback taking an :class:`eventx.Extractor`. Registering two extractors
        with the same name is an error reported on the plugin, not fatal to the others.
    :return: nothing; return values are ignored.
    """


@hookspec(firstresult=True)
def eventx_merge_facts(
    field: str, facts: Sequence[Any], document: Document
) -> Sequence[Any] | None:
    """Collapse duplicate mentions of one record field into distinct facts.

    Called once per record field (``"dates"``, ``"casualties"``, ``"deployments"``,
    ``"statements"``, ``"locations"``, ``"actors"``) with every fact the extractors produced for it,
    in document order. Stops at the first non-None result. The core default (``trylast``)
    removes exact duplicates and sorts by first evidence offset.

    :param field: the record field being merged.
    :param facts: the raw facts, in document order.
    :param document: the input document.
    :return: the merged facts, or None to leave the field to the next implementation.
    """


@hookspec(firstresult=True)
def eventx_casualty_totals(
    casualties: Sequence[Casualty], document: Document
) -> Sequence[CasualtyTotal] | None:
    """Decide the per-kind totals the record reports (``record.casualty_totals``).

    Stops at the first non-None result. The core default (``trylast``) takes, per kind, the
    largest exactly stated count (policy ``"max_stated"``), keeping every claim in
    ``casualties``.

    :return: one :class:`eventx.CasualtyTotal` per kind, or None to defer.
    """


@hookspec(firstresult=True)
def eventx_decide_event_type(
    record: EventRecord, document: Document, annotation: AnnotatedDocument
) -> EventType | None:
    """Decide the record's ``event_type`` from the merged facts.

    Stops at the first non-None result. The core default (``trylast``) returns None, which
    leaves ``event_type`` null.

    :param record: the record with merged facts; record-level fields not yet decided.
    :param annotation: the document's sentences and tokens, as the extractors saw them (so a
        policy can match lexicons without tokenising the text again).
    :return: an :class:`eventx.EventType`, or None to defer.
    """


@hookspec(firstresult=True)
def eventx_decide_country(
    record: EventRecord, document: Document, annotation: AnnotatedDocument
) -> str | None:
    """Decide the ISO 3166-1 alpha-2 country of the event.

    Stops at the first non-None result. The core default (``trylast``) picks the country code
    with the most location mentions, ties broken by first mention.

    :param annotation: the document's sentences and tokens, as the extractors saw them.
    :return: an ISO alpha-2 code, or None to defer.
    """


@hookspec(firstresult=True)
def eventx_decide_primary_location(
    record: EventRecord, document: Document, annotation: AnnotatedDocument
) -> str | None:
    """Name the record's primary event place (``record.primary_location``).

    Called after the country is decided (``record.country`` is set). Stops at the first
    non-None result. The core default (``trylast``) takes the most specific location with role
    ``"event"`` in ``record.country`` (a city, then a named place, a region, the country), the
    earliest first.

    :return: the ``name`` of one of ``record.locations``, or None to defer.
    """


@hookspec(firstresult=True)
def eventx_decide_time(
    record: EventRecord, document: Document, annotation: AnnotatedDocument
) -> TimeSpan | None:
    """Decide the record's ``time`` span (the article's own events, not background history).

    Stops at the first non-None result. The core default (``trylast``) spans the earliest
    ``start`` and the latest ``end`` of the resolved dates, bounded by the document date.

    :param annotation: the document's sentences and tokens, as the extractors saw them.
    :return: an :class:`eventx.TimeSpan`, or None to defer.
    """


HOOK_NAMES: tuple[str, ...] = (
    "eventx_register_extractors",
    "eventx_merge_facts",
    "eventx_casualty_totals",
    "eventx_decide_event_type",
    "eventx_decide_country",
    "eventx_decide_primary_location",
    "eventx_decide_time",
)
