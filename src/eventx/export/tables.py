"""Flat tables of records: one row per fact, with the document id and the evidence offsets.

Pure Python (no pandas): :func:`fact_rows` gives dicts whose keys are :func:`columns`, and
:func:`column_types` the type of each column, which the pandas and parquet writers use so that
a table read back has the same values and types as the record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import orjson

from eventx.export import places
from eventx.record import (
    Actor,
    Casualty,
    DateFact,
    Deployment,
    EventRecord,
    Evidence,
    Extension,
    Location,
    Statement,
)

#: The tables :func:`fact_rows` and :func:`eventx.to_dataframe` can build.
KINDS: tuple[str, ...] = (
    "events",
    "casualties",
    "dates",
    "statements",
    "deployments",
    "locations",
    "actors",
    "extensions",
)

Row = dict[str, Any]
# Column types, named as pandas' nullable dtypes: "string", "Int64", "Float64", "boolean".
Columns = tuple[tuple[str, str], ...]

_EVIDENCE: Columns = (
    ("evidence_text", "string"),
    ("evidence_start", "Int64"),
    ("evidence_end", "Int64"),
    ("evidence_sentence", "Int64"),
    ("extractor", "string"),
)
_HEAD: Columns = (("document_id", "string"), ("index", "Int64"))

_COLUMNS: dict[str, Columns] = {
    "events": (
        ("document_id", "string"),
        ("language", "string"),
        ("document_date", "string"),
        ("status", "string"),
        ("event_type", "string"),
        ("plover", "string"),
        ("confidence", "Float64"),
        ("country", "string"),
        ("time_start", "string"),
        ("time_end", "string"),
        ("event_place", "string"),
        ("event_place_country", "string"),
        ("event_place_lat", "Float64"),
        ("event_place_lon", "Float64"),
        ("killed", "Int64"),
        ("injured", "Int64"),
        ("arrested", "Int64"),
        ("casualties", "Int64"),
        ("dates", "Int64"),
        ("statements", "Int64"),
        ("deployments", "Int64"),
        ("locations", "Int64"),
        ("actors", "Int64"),
        ("extensions", "Int64"),
        ("diagnostics", "Int64"),
        *_EVIDENCE,
    ),
    "casualties": (
        *_HEAD,
        ("kind", "string"),
        ("count", "Int64"),
        ("min", "Int64"),
        ("max", "Int64"),
        ("approximate", "boolean"),
        ("qualifier", "string"),
        ("group", "string"),
        ("source", "string"),
        ("date", "string"),
        ("subset", "boolean"),
        ("background", "boolean"),
        ("mentions", "Int64"),
        *_EVIDENCE,
    ),
    "dates": (
        *_HEAD,
        ("value", "string"),
        ("start", "string"),
        ("end", "string"),
        ("granularity", "string"),
        ("anchor", "string"),
        ("anchor_value", "string"),
        ("rule", "string"),
        ("future", "boolean"),
        ("background", "boolean"),
        *_EVIDENCE,
    ),
    "statements": (
        *_HEAD,
        ("speaker", "string"),
        ("speaker_en", "string"),
        ("cue", "string"),
        ("content", "string"),
        ("direct", "boolean"),
        ("date", "string"),
        ("on_behalf_of", "string"),
        ("anonymous", "boolean"),
        ("speaker_start", "Int64"),
        ("speaker_end", "Int64"),
        ("content_start", "Int64"),
        ("content_end", "Int64"),
        *_EVIDENCE,
    ),
    "deployments": (
        *_HEAD,
        ("force", "string"),
        ("force_kind", "string"),
        ("actor", "string"),
        ("actor_country", "string"),
        ("contributors", "string"),
        ("destination", "string"),
        ("destination_country", "string"),
        ("size_count", "Int64"),
        ("size_min", "Int64"),
        ("size_max", "Int64"),
        ("size_approximate", "boolean"),
        ("status", "string"),
        ("purpose", "string"),
        ("date", "string"),
        ("mentions", "Int64"),
        *_EVIDENCE,
    ),
    "locations": (
        *_HEAD,
        ("name", "string"),
        ("country_code", "string"),
        ("kind", "string"),
        ("role", "string"),
        ("admin1", "string"),
        ("admin1_code", "string"),
        ("admin2", "string"),
        ("admin2_code", "string"),
        ("geonameid", "Int64"),
        ("lat", "Float64"),
        ("lon", "Float64"),
        ("geo_precision", "Int64"),
        ("resolution", "string"),
        ("mentions", "Int64"),
        *_EVIDENCE,
    ),
    "actors": (
        *_HEAD,
        ("name", "string"),
        ("kind", "string"),
        ("country_code", "string"),
        ("title", "string"),
        ("mentions", "Int64"),
        *_EVIDENCE,
    ),
    "extensions": (
        *_HEAD,
        ("field", "string"),
        ("value", "string"),
        *_EVIDENCE,
    ),
}


def _check_kind(kind: str) -> None:
    if kind not in _COLUMNS:
        raise ValueError(f"unknown table kind {kind!r}; choose one of {', '.join(KINDS)}")


def columns(kind: str) -> tuple[str, ...]:
    """The column names of a table, in order."""
    _check_kind(kind)
    return tuple(name for name, _ in _COLUMNS[kind])


def column_types(kind: str) -> dict[str, str]:
    """Column name -> pandas nullable dtype (``string``, ``Int64``, ``Float64``, ``boolean``)."""
    _check_kind(kind)
    return dict(_COLUMNS[kind])


def _evidence(evidence: Evidence | None) -> Row:
    if evidence is None:
        return dict.fromkeys(name for name, _ in _EVIDENCE)
    return {
        "evidence_text": evidence.text,
        "evidence_start": evidence.start,
        "evidence_end": evidence.end,
        "evidence_sentence": evidence.sentence,
        "extractor": evidence.extractor,
    }


def _first(mentions: tuple[Evidence, ...]) -> Evidence | None:
    return min(mentions, key=lambda e: (e.start, e.end)) if mentions else None


def _event_row(record: EventRecord) -> Row:
    totals = {t.kind: t.count for t in record.casualty_totals}
    place = places.primary_place(record)
    event_type = record.event_type
    return {
        "document_id": record.id,
        "language": record.language,
        "document_date": record.document_date,
        "status": record.status,
        "event_type": event_type.acled if event_type else None,
        "plover": event_type.plover if event_type else None,
        "confidence": event_type.confidence if event_type else None,
        "country": record.country,
        "time_start": record.time.start if record.time else None,
        "time_end": record.time.end if record.time else None,
        "event_place": place.name if place else None,
        "event_place_country": place.country_code if place else None,
        "event_place_lat": place.lat if place else None,
        "event_place_lon": place.lon if place else None,
        "killed": totals.get("killed"),
        "injured": totals.get("injured"),
        "arrested": totals.get("arrested"),
        "casualties": len(record.casualties),
        "dates": len(record.dates),
        "statements": len(record.statements),
        "deployments": len(record.deployments),
        "locations": len(record.locations),
        "actors": len(record.actors),
        "extensions": sum(len(v) for v in record.extensions.values()),
        "diagnostics": len(record.diagnostics),
        **_evidence(event_type.evidence[0] if event_type and event_type.evidence else None),
    }


def _casualty(c: Casualty) -> Row:
    return {
        "kind": c.kind,
        "count": c.count,
        "min": c.min,
        "max": c.max,
        "approximate": c.approximate,
        "qualifier": c.qualifier,
        "group": c.group,
        "source": c.source,
        "date": c.date,
        "subset": c.subset,
        "background": c.background,
        "mentions": len(c.mentions),
        **_evidence(c.evidence),
    }


def _date(d: DateFact) -> Row:
    return {
        "value": d.value,
        "start": d.start,
        "end": d.end,
        "granularity": d.granularity,
        "anchor": d.anchor,
        "anchor_value": d.anchor_value,
        "rule": d.rule,
        "future": d.future,
        "background": d.background,
        **_evidence(d.evidence),
    }


def _statement(s: Statement) -> Row:
    return {
        "speaker": s.speaker,
        "speaker_en": s.speaker_en,
        "cue": s.cue,
        "content": s.content,
        "direct": s.direct,
        "date": s.date,
        "on_behalf_of": s.on_behalf_of,
        "anonymous": s.anonymous,
        "speaker_start": s.speaker_evidence.start if s.speaker_evidence else None,
        "speaker_end": s.speaker_evidence.end if s.speaker_evidence else None,
        "content_start": s.content_evidence.start if s.content_evidence else None,
        "content_end": s.content_evidence.end if s.content_evidence else None,
        **_evidence(s.evidence),
    }


def _deployment(d: Deployment) -> Row:
    size = d.size
    return {
        "force": d.force,
        "force_kind": d.force_kind,
        "actor": d.actor,
        "actor_country": d.actor_country,
        # Several codes in one cell, ";"-separated (empty when none), so the cell stays a string.
        "contributors": ";".join(d.contributors),
        "destination": d.destination,
        "destination_country": d.destination_country,
        "size_count": size.count if size else None,
        "size_min": size.min if size else None,
        "size_max": size.max if size else None,
        "size_approximate": size.approximate if size else None,
        "status": d.status,
        "purpose": d.purpose,
        "date": d.date,
        "mentions": len(d.mentions),
        **_evidence(d.evidence),
    }


def _location(loc: Location) -> Row:
    admin1, admin1_code = places.admin(loc, 1)
    admin2, admin2_code = places.admin(loc, 2)
    return {
        "name": loc.name,
        "country_code": loc.country_code,
        "kind": loc.kind,
        "role": places.role(loc),
        "admin1": admin1,
        "admin1_code": admin1_code,
        "admin2": admin2,
        "admin2_code": admin2_code,
        "geonameid": loc.geonameid,
        "lat": loc.lat,
        "lon": loc.lon,
        "geo_precision": places.geo_precision(loc),
        "resolution": loc.resolution,
        "mentions": len(loc.mentions),
        **_evidence(_first(loc.mentions)),
    }


def _actor(a: Actor) -> Row:
    return {
        "name": a.name,
        "kind": a.kind,
        "country_code": a.country_code,
        "title": a.title,
        "mentions": len(a.mentions),
        **_evidence(_first(a.mentions)),
    }


def _extension(e: Extension) -> Row:
    value = orjson.dumps(dict(e.value), option=orjson.OPT_SORT_KEYS).decode("utf-8")
    return {"field": e.field, "value": value, **_evidence(e.evidence)}


def _facts(record: EventRecord, kind: str) -> Iterable[Any]:
    if kind == "extensions":
        return [ext for key in sorted(record.extensions) for ext in record.extensions[key]]
    facts: Iterable[Any] = getattr(record, kind)
    return facts


_ROW_OF: dict[str, Callable[[Any], Row]] = {
    "casualties": _casualty,
    "dates": _date,
    "statements": _statement,
    "deployments": _deployment,
    "locations": _location,
    "actors": _actor,
    "extensions": _extension,
}


def fact_rows(records: Iterable[EventRecord], kind: str = "events") -> Iterator[Row]:
    """One dict per fact of ``kind`` (per record for ``events``), keys in :func:`columns` order.

    Each row starts with ``document_id`` and the fact's position in its record list
    (``index``), and ends with the evidence: ``evidence_text``, ``evidence_start``,
    ``evidence_end``, ``evidence_sentence``, ``extractor`` (for locations and actors, their
    first mention; for events, the first evidence of the event type).
    """
    _check_kind(kind)
    for record in records:
        if kind == "events":
            yield _event_row(record)
            continue
        row_of = _ROW_OF[kind]
        for index, fact in enumerate(_facts(record, kind)):
            yield {"document_id": record.id, "index": index, **row_of(fact)}
