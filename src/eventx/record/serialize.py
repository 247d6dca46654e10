"""One converter for the record: attrs objects <-> JSON-ready dicts <-> JSON text.

Output is deterministic: field order is the attrs declaration order (the contract's order),
non-ASCII text is written as UTF-8 (Arabic stays readable), and nothing depends on the clock.

Serialisation is total: whatever a record holds, :func:`dumps` returns JSON text instead of
raising, so one odd value can never cost a stream its later records. The pipeline keeps
records JSON-safe; what still slips through is made safe here, deliberately and visibly:

- an integer beyond the JSON-safe range (|n| > 2**53 - 1, where JavaScript and many JSON
  readers lose precision; orjson itself refuses beyond 64 bits) is written as its decimal
  string;
- a lone surrogate in a string (or a key) is replaced by U+FFFD;
- a set is written as a sorted list, any other non-JSON object as its ``repr``; non-string
  keys become strings; nesting deeper than 200 levels (or a cycle) is cut with a marker;
- each such repair logs one warning on the ``eventx`` logger.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from typing import Any

import attrs
import cattrs
import cattrs.gen
import orjson

from eventx.record.event_record import EventRecord
from eventx.record.facts import Extension
from eventx.record.frozen_mapping import FrozenMapping


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter()
    # Structuring uses a plain converter: the record-level hook below only re-shapes extensions.
    plain = cattrs.Converter()
    converter.register_unstructure_hook(FrozenMapping, lambda m: {k: m[k] for k in m})
    converter.register_unstructure_hook(
        Extension,
        lambda ext: {
            "field": ext.field,
            "value": dict(ext.value),
            "evidence": converter.unstructure(ext.evidence),
        },
    )

    def unstructure_extensions(value: Mapping[str, Any]) -> dict[str, Any]:
        return {key: [converter.unstructure(x) for x in value[key]] for key in sorted(value)}

    def structure_record(data: Mapping[str, Any], _cls: type[EventRecord]) -> EventRecord:
        payload = dict(data)
        raw_extensions = payload.pop("extensions", None) or {}
        record = plain.structure(payload, EventRecord)
        extensions = {
            key: tuple(plain.structure(x, Extension) for x in items)
            for key, items in raw_extensions.items()
        }
        return attrs.evolve(record, extensions=extensions)

    record_unstructure = cattrs.gen.make_dict_unstructure_fn(EventRecord, converter)

    def unstructure_record(record: EventRecord) -> dict[str, Any]:
        out = record_unstructure(record)
        out["extensions"] = unstructure_extensions(record.extensions)
        return out

    converter.register_unstructure_hook(EventRecord, unstructure_record)
    converter.register_structure_hook(EventRecord, structure_record)
    return converter


CONVERTER = _make_converter()


def record_to_dict(record: EventRecord) -> dict[str, Any]:
    result: dict[str, Any] = CONVERTER.unstructure(record)
    return result


def record_from_dict(data: Mapping[str, Any]) -> EventRecord:
    return CONVERTER.structure(dict(data), EventRecord)


def record_to_json(record: EventRecord, *, indent: bool = False) -> str:
    return dumps(record_to_dict(record), indent=indent)


#: The largest integer every JSON reader holds exactly (IEEE-754 doubles: 2**53 - 1).
MAX_SAFE_INTEGER = 2**53 - 1
MAX_DEPTH = 200

_LOG = logging.getLogger("eventx")


def dumps(data: Any, *, indent: bool = False) -> str:
    """JSON text for any value, with the record's conventions; never raises (see module doc).

    The fast path is one orjson call; ``OPT_STRICT_INTEGER`` makes it refuse integers beyond
    2**53 so that they take the repairing path below instead of being written as numbers that
    readers cannot hold.
    """
    option = (orjson.OPT_INDENT_2 if indent else 0) | orjson.OPT_STRICT_INTEGER
    try:
        return orjson.dumps(data, option=option).decode("utf-8")
    except (TypeError, ValueError, RecursionError):  # orjson.JSONEncodeError is a TypeError
        repairs: list[str] = []
        safe = json_safe(data, repairs)
        _LOG.warning("JSON output repaired: %s", "; ".join(sorted(set(repairs))))
        return orjson.dumps(safe, option=option).decode("utf-8")


def _safe_string(text: str, repairs: list[str]) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        repairs.append("lone surrogates replaced by U+FFFD")
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    return text


def json_safe(value: Any, repairs: list[str] | None = None, _depth: int = 0) -> Any:
    """A copy of ``value`` that orjson writes without error, following the rules above."""
    notes: list[str] = [] if repairs is None else repairs
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
            return int(value)
        notes.append("integers beyond 2**53 written as strings")
        return str(int(value))
    if isinstance(value, float):
        return value if math.isfinite(value) else None  # orjson writes NaN/inf as null too
    if isinstance(value, str):
        return _safe_string(value, notes)
    if _depth >= MAX_DEPTH:
        notes.append(f"nesting deeper than {MAX_DEPTH} levels cut")
        return "<too deep>"
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            safe_key = key if isinstance(key, str) else _safe_repr(key, notes)
            out[_safe_string(safe_key, notes)] = json_safe(item, notes, _depth + 1)
        return out
    if isinstance(value, (list, tuple)):
        return [json_safe(item, notes, _depth + 1) for item in value]
    if isinstance(value, (set, frozenset)):
        notes.append("sets written as sorted lists")
        items = [json_safe(item, notes, _depth + 1) for item in value]
        return sorted(items, key=lambda item: orjson.dumps(item))
    if attrs.has(type(value)):
        return json_safe(CONVERTER.unstructure(value), notes, _depth + 1)
    notes.append(f"{type(value).__name__} objects written as their repr")
    return _safe_string(_safe_repr(value, notes), notes)


def _safe_repr(value: Any, repairs: list[str]) -> str:
    try:
        return str(value) if isinstance(value, (int, float)) else repr(value)
    except Exception as exc:  # a hostile __repr__ must not break the output either
        repairs.append("unprintable objects written as their type name")
        return f"<{type(value).__name__}: {type(exc).__name__}>"
