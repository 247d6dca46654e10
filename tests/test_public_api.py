"""The public API is deliberate: a reviewed ``__all__``, no heavy imports, plugins use only it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import eventx

ROOT = Path(__file__).resolve().parents[1]

# Changing this list is an API change: review it, document it in docs/, then update the list.
REVIEWED_API = {
    # tables for analysts (issue 14)
    "to_dataframe",
    "render_html",
    # span index for plugin authors (lead)
    "SpanSet",
    # shared number module (casualties issue)
    "QUALIFIERS",
    "QuantityMatch",
    "find_quantities",
    "parse_number",
    "parse_quantity",
    "qualify",
    # gazetteer (places issue)
    "Place",
    "PlaceMention",
    "choose_place",
    "country_code_for",
    "country_name",
    "find_place_mentions",
    "fuzzy_place",
    "is_lowercase_text",
    "lookup_place",
    "lookup_places",
    "capital_of",
    "country_codes",
    "demonym_of",
    # work budget (issue 13: deadlines that belong to eventx)
    "Budget",
    "BudgetExceeded",
    "spend_budget",
    # NLP for record-level hooks (event type issue)
    "annotate",
    "ACLED_TYPES",
    "CASUALTY_KINDS",
    "SCHEMA_ID",
    "Actor",
    "AnnotatedDocument",
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
    "AdminArea",
    "Location",
    "NumberMatch",
    "PhraseMatch",
    "PhraseMatcher",
    "Pipeline",
    "PluginInfo",
    "Quantity",
    "Register",
    "Sentence",
    "Statement",
    "TimeSpan",
    "Token",
    "__version__",
    "default_pipeline",
    "detect_language",
    "error_record",
    "extract",
    "find_numbers",
    "hookimpl",
    "hookspec",
    "language_data",
    "load_data",
    "matcher_from_table",
    "normalize_string",
    "parse_digits",
    "record_schema",
}

REVIEWED_TESTING_API = {
    "ExtractorPlugin",
    "arabic_news_texts",
    "assert_evidence_sound",
    "assert_valid_record",
    "documents",
    "english_news_texts",
    "hostile_texts",
    "make_document",
    "news_texts",
    "run_extractor",
    "schema_errors",
}


def test_public_names_match_the_reviewed_list() -> None:
    # Names added by other merged work must be reviewed here too; the diff says which.
    assert set(eventx.__all__) - REVIEWED_API == set(), "new public names: review and list them"
    assert REVIEWED_API - set(eventx.__all__) == set(), "public names removed: an API break"
    assert len(eventx.__all__) == len(set(eventx.__all__))


@pytest.mark.parametrize("name", sorted(REVIEWED_API))
def test_every_public_name_is_importable(name: str) -> None:
    assert getattr(eventx, name) is not None
    namespace: dict[str, object] = {}
    exec(f"from eventx import {name}", namespace)
    assert namespace[name] is getattr(eventx, name)


def test_testing_module_api() -> None:
    import eventx.testing

    assert set(eventx.testing.__all__) == REVIEWED_TESTING_API
    for name in eventx.testing.__all__:
        assert callable(getattr(eventx.testing, name))


def test_public_callables_are_documented() -> None:
    undocumented = [
        name
        for name in eventx.__all__
        if callable(getattr(eventx, name))
        and not isinstance(getattr(eventx, name), type(eventx.hookimpl))
        and not (getattr(eventx, name).__doc__ or "").strip()
    ]
    assert undocumented == []


# --- start-up cost: torch and stanza stay out until the stanza backend is used ----------------

_PROBE = """
import sys
{code}
heavy = sorted(m for m in ("torch", "stanza") if m in sys.modules)
print(",".join(heavy) or "none")
"""


@pytest.mark.parametrize(
    "code",
    [
        "import eventx",
        "import eventx.testing",
        "from eventx.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass",
        "from eventx.cli import main\ntry:\n    main(['extract', '--help'])\nexcept SystemExit:\n    pass",
        "import eventx\neventx.extract('Police said 3 people were killed in Almaty.')",
        "import eventx\neventx.Pipeline().plugins",
    ],
    ids=["import", "testing", "cli-help", "extract-help", "extract", "plugins"],
)
def test_no_torch_or_stanza_at_import_or_on_the_builtin_path(code: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE.format(code=code)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.strip().splitlines()[-1] == "none", result.stdout


# --- plugins import only the public API -------------------------------------------------------


def _python_files() -> list[Path]:
    files = sorted((ROOT / "plugins").rglob("*.py"))
    files += sorted((ROOT / "docs" / "examples").rglob("*.py"))
    return [f for f in files if ".venv" not in f.parts and "build" not in f.parts]


def private_imports(source: str, public: set[str]) -> list[str]:
    """``eventx`` imports in ``source`` that reach past the public API (``eventx.testing`` is
    public too, for tests)."""
    problems: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("eventx.") and alias.name != "eventx.testing":
                    problems.append(f"line {node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "eventx":
                for alias in node.names:
                    if alias.name not in public and alias.name != "testing":
                        problems.append(f"line {node.lineno}: from eventx import {alias.name}")
            elif node.module.startswith("eventx.") and node.module != "eventx.testing":
                problems.append(f"line {node.lineno}: from {node.module} import ...")
    return problems


def test_the_import_scanner_catches_private_imports() -> None:
    public = set(eventx.__all__)
    bad = (
        "import eventx.pipeline\n"
        "from eventx.record.facts import Casualty\n"
        "from eventx import _version\n"
        "from eventx import nlp\n"
    )
    assert len(private_imports(bad, public)) == 4
    good = "import eventx\nfrom eventx import Extractor, hookimpl\nfrom eventx.testing import run_extractor\nimport regex\n"
    assert private_imports(good, public) == []


def test_bundled_and_example_plugins_import_only_the_public_api() -> None:
    files = _python_files()
    assert any("eventx_casualties" in f.parts for f in files)
    public = set(eventx.__all__)
    problems = {
        str(f.relative_to(ROOT)): found
        for f in files
        if (found := private_imports(f.read_text("utf-8"), public))
    }
    assert problems == {}
