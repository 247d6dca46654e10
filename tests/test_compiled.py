"""The hot modules run compiled (mypyc, setup.py), and compiled or not they make the same records.

The install compiles the modules listed in ``eventx._compiled_modules`` when mypyc and a C
compiler are there (as in ``make``'s venv: mypy is a test dependency). Their Python source stays
beside them and is used instead with ``EVENTX_PURE_PYTHON=1`` or when a source changed since the
build (an edited checkout): never a stale compiled copy.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import eventx
from eventx import _compiled_modules as compiled

ROOT = Path(__file__).resolve().parents[1]


def _build_can_compile() -> bool:
    try:
        import mypyc  # noqa: F401
    except ImportError:
        return False
    return compiled.c_compiler_available()


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != compiled.PURE_PYTHON_VARIABLE}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=600,
    )


def test_every_listed_module_has_its_source_in_the_project() -> None:
    for module in compiled.COMPILED_MODULES:
        assert (ROOT / compiled.source_path(module)).is_file(), module


@pytest.mark.skipif(
    compiled.pure_python_requested(), reason="EVENTX_PURE_PYTHON is set for this run"
)
def test_the_listed_modules_run_compiled_when_the_build_could_compile() -> None:
    if not _build_can_compile():
        pytest.skip("no mypyc or no C compiler: the install is plain Python")
    for module in compiled.COMPILED_MODULES:
        importlib.import_module(module)
    assert compiled.compiled_digests(), "the install did not compile: run `make install`"
    assert compiled.compiled_modules() == list(compiled.COMPILED_MODULES)
    assert eventx.lexicon.__spec__ is not None
    assert not str(eventx.lexicon.__spec__.origin).endswith(".py")


def test_the_build_records_the_sources_it_compiled() -> None:
    recorded = compiled.compiled_digests()
    if not recorded:
        pytest.skip("nothing compiled")
    assert sorted(recorded) == sorted(compiled.COMPILED_MODULES)
    for module, digest in recorded.items():
        assert compiled.source_digest(ROOT / compiled.source_path(module)) == digest, (
            f"{module} changed since `make install` compiled it"
        )


def test_pure_python_imports_every_listed_module_from_source() -> None:
    result = _run(
        "import json, eventx\n"
        "from eventx import _compiled_modules as c\n"
        "import importlib, sys\n"
        "for m in c.COMPILED_MODULES: importlib.import_module(m)\n"
        "print(json.dumps({m: sys.modules[m].__spec__.origin for m in c.COMPILED_MODULES}))",
        EVENTX_PURE_PYTHON="1",
    )
    assert result.returncode == 0, result.stderr
    origins = json.loads(result.stdout)
    assert sorted(origins) == sorted(compiled.COMPILED_MODULES)
    assert all(origin.endswith(".py") for origin in origins.values()), origins


def test_a_changed_source_is_reported_and_every_listed_module_runs_from_source(
    tmp_path: Path,
) -> None:
    if not compiled.compiled_digests():
        pytest.skip("nothing compiled")
    # A probe copy of the module with one recorded digest made wrong, put on the import path
    # before eventx: its finder sees "eventx.lexicon changed".
    probe = tmp_path / "probe_compiled.py"
    probe.write_text((ROOT / "src" / "eventx" / "_compiled_modules.py").read_text("utf-8"))
    result = _run(
        "import sys, json, warnings\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "import probe_compiled as p\n"
        "real = p.compiled_digests\n"
        "p.compiled_digests = lambda: {**real(), 'eventx.lexicon': '0' * 64}\n"
        "with warnings.catch_warnings(record=True) as caught:\n"
        "    warnings.simplefilter('always')\n"
        "    import eventx, importlib\n"
        "    for m in p.COMPILED_MODULES: importlib.import_module(m)\n"
        "print(json.dumps({'warnings': [str(w.message) for w in caught],\n"
        "    'origins': [sys.modules[m].__spec__.origin for m in p.COMPILED_MODULES]}))",
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert any("eventx.lexicon changed since it was compiled" in w for w in found["warnings"])
    assert all(origin.endswith(".py") for origin in found["origins"]), found["origins"]


def test_no_compiled_module_relies_on_an_instance_dict() -> None:
    # A compiled class has no instance __dict__: functools.cached_property there silently
    # recomputes on every read (seen: deployments' index, ~20% slower, same records).
    for module in compiled.COMPILED_MODULES:
        source = (ROOT / compiled.source_path(module)).read_text("utf-8")
        assert "cached_property" not in source, module


def test_no_compiled_function_defines_a_function_inside() -> None:
    # Compiled, a nested function lives in an environment object that refers to it and that it
    # refers to: a reference cycle per call (tests/test_gc_pause.py saw them from two closures).
    for module in compiled.COMPILED_MODULES:
        tree = ast.parse((ROOT / compiled.source_path(module)).read_text("utf-8"))
        nested = [
            f"{outer.name} > {inner.name}"
            for outer in ast.walk(tree)
            if isinstance(outer, ast.FunctionDef)
            for inner in ast.walk(outer)
            if inner is not outer and isinstance(inner, ast.FunctionDef)
        ]
        assert nested == [], (module, nested)


def test_a_plugin_can_subclass_the_compiled_phrase_matcher() -> None:
    class CountingMatcher(eventx.PhraseMatcher[str]):
        def __init__(self, entries: list[tuple[str, str]]) -> None:
            super().__init__(entries)
            self.searches = 0

        def finditer(self, doc, **window):  # type: ignore[no-untyped-def]
            self.searches += 1
            return super().finditer(doc, **window)

    matcher = CountingMatcher([("killed", "killed"), ("قتل", "killed")])
    doc = eventx.annotate("Two soldiers were killed on Monday.", "en")
    assert [(m.start, m.end, m.value) for m in matcher.finditer(doc)] == [(18, 24, "killed")]
    arabic = eventx.annotate("قتل جنديان يوم الاثنين.", "ar")
    assert [m.phrase for m in matcher.finditer(arabic)] == ["قتل"]
    assert matcher.searches == 2


@pytest.mark.slow
def test_compiled_and_pure_python_give_byte_identical_records(devset_dir: Path) -> None:
    """The digest test checks the compiled modules (the install); this checks their source."""
    result = _run(
        "import sys, json\n"
        f"sys.path.insert(0, {str(ROOT / 'scripts')!r})\n"
        "import record_digests\n"
        f"print(json.dumps(record_digests.digests(__import__('pathlib').Path({str(devset_dir.parent)!r}))))",
        EVENTX_PURE_PYTHON="1",
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    recorded = json.loads((ROOT / "tests" / "fixtures" / "record_digests.json").read_text("utf-8"))
    changed = sorted(key for key in recorded if found.get(key) != recorded[key])
    assert found.keys() == recorded.keys() and not changed, changed[:8]
