"""eventx: one news article in, one structured event record out, every value with its evidence.

    >>> import eventx
    >>> record = eventx.extract("...", language="ar", document_date="2022-01-07")
    >>> record.to_json()

Write a plugin by implementing hooks with :data:`eventx.hookimpl` (see docs/plugins.md).
Heavy dependencies (stanza, torch) are imported only when the stanza backend is used.
"""

# First: with EVENTX_PURE_PYTHON=1 it makes the compiled modules below import from source.
import sys

import eventx._compiled_modules
from eventx._version import __version__
from eventx.budget import Budget, BudgetExceeded, spend_budget
from eventx.export import to_dataframe
from eventx.gazetteer import (
    Place,
    PlaceMention,
    capital_of,
    choose_place,
    country_code_for,
    country_codes,
    country_name,
    demonym_of,
    find_place_mentions,
    fuzzy_place,
    is_lowercase_text,
    lookup_place,
    lookup_places,
)
from eventx.lexicon import PhraseMatch, PhraseMatcher, language_data, load_data, matcher_from_table
from eventx.nlp import (
    AnnotatedDocument,
    Sentence,
    Token,
    annotate,
    detect_language,
    normalize_string,
)
from eventx.numbers import (
    QUALIFIERS,
    NumberMatch,
    QuantityMatch,
    find_numbers,
    find_quantities,
    parse_digits,
    parse_number,
    parse_quantity,
    qualify,
)
from eventx.pipeline import Pipeline, default_pipeline, error_record, extract
from eventx.plugins.hookspecs import hookimpl, hookspec
from eventx.plugins.host import PluginInfo
from eventx.plugins.registry import ExtractionContext, Extractor, Register
from eventx.record import (
    ACLED_TYPES,
    CASUALTY_KINDS,
    SCHEMA_ID,
    Actor,
    AdminArea,
    Casualty,
    CasualtyTotal,
    DateFact,
    Deployment,
    Diagnostic,
    Document,
    EventRecord,
    EventType,
    Evidence,
    Extension,
    Location,
    Quantity,
    Statement,
    TimeSpan,
    record_schema,
)
from eventx.render import render_html
from eventx.spans import SpanSet

__all__ = [
    "ACLED_TYPES",
    "CASUALTY_KINDS",
    "QUALIFIERS",
    "SCHEMA_ID",
    "Actor",
    "AdminArea",
    "AnnotatedDocument",
    "Budget",
    "BudgetExceeded",
    "Casualty",
    "CasualtyTotal",
    "DateFact",
    "Deployment",
    "Diagnostic",
    "Document",
    "EventRecord",
    "EventType",
    "Evidence",
    "Extension",
    "ExtractionContext",
    "Extractor",
    "Location",
    "NumberMatch",
    "PhraseMatch",
    "PhraseMatcher",
    "Pipeline",
    "Place",
    "PlaceMention",
    "PluginInfo",
    "Quantity",
    "QuantityMatch",
    "Register",
    "Sentence",
    "SpanSet",
    "Statement",
    "TimeSpan",
    "Token",
    "__version__",
    "annotate",
    "capital_of",
    "choose_place",
    "country_code_for",
    "country_codes",
    "country_name",
    "default_pipeline",
    "demonym_of",
    "detect_language",
    "error_record",
    "extract",
    "find_numbers",
    "find_place_mentions",
    "find_quantities",
    "fuzzy_place",
    "hookimpl",
    "hookspec",
    "is_lowercase_text",
    "language_data",
    "load_data",
    "lookup_place",
    "lookup_places",
    "matcher_from_table",
    "normalize_string",
    "parse_digits",
    "parse_number",
    "parse_quantity",
    "qualify",
    "record_schema",
    "render_html",
    "spend_budget",
    "to_dataframe",
]

# Compiled modules (setup.py) lose their docstrings: put the public ones back, here and in the
# modules that re-export them.
eventx._compiled_modules.document_compiled_modules(sys.modules[__name__], eventx.nlp)
