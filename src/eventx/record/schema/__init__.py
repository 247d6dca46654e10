"""The JSON Schema of the record contract (``eventx.record/1``), shipped inside the package.

The schema requires every contract field with its type and allows additional properties
everywhere, so plugins and later versions may add fields without breaking validators
downstream. What JSON Schema cannot express (``document.text[start:end] == evidence.text``,
``min <= max``) is checked by :func:`eventx.testing.assert_evidence_sound` and the attrs
validators of the record model.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_RESOURCE = "record.schema.json"


@lru_cache(maxsize=1)
def _load() -> dict[str, Any]:
    text = resources.files(__name__).joinpath(SCHEMA_RESOURCE).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def record_schema() -> dict[str, Any]:
    """The record's JSON Schema (draft 2020-12) as a fresh dict the caller may modify.

    Example (indented: a code block in the API reference, and still a doctest)::

        >>> import eventx
        >>> eventx.record_schema()["properties"]["schema"]["const"]
        'eventx.record/1'
    """
    return copy.deepcopy(_load())


__all__ = ["SCHEMA_RESOURCE", "record_schema"]
