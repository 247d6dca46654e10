"""One converter for the record: attrs objects <-> JSON-ready dicts <-> JSON text.

Output is deterministic: field order is the attrs declaration order (the contract's order),
non-ASCII text is written as UTF-8 (Arabic stays readable), and nothing depends on the clock.
"""

from __future__ import annotations

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
    option = orjson.OPT_INDENT_2 if indent else 0
    return orjson.dumps(record_to_dict(record), option=option).decode("utf-8")


def dumps(data: Any, *, indent: bool = False) -> str:
    """JSON text for any JSON-ready value, with the record's conventions."""
    option = orjson.OPT_INDENT_2 if indent else 0
    return orjson.dumps(data, option=option).decode("utf-8")
