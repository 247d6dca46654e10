"""Which modules the build compiles with mypyc, and when to import their Python source instead.

The list is read by ``setup.py`` (to compile) and at run time (to report and to fall back).
Chosen by profile: the lexicon matcher, the tokeniser and the extractors' scanning loops, where
CPython spends most of a run interpreting small loops. Plain stdlib only: the build reads this
file before anything is installed.

A compiled module is only used while it matches its source: the build records each source's
SHA-256 in ``_compiled_sources.json``, and when any listed source differs (an edited checkout
with an editable install) every listed module is imported from source, with a warning — compiled
modules call each other directly in C, so a mix of fresh source and stale compiled code could
run code that is no longer in any file. ``EVENTX_PURE_PYTHON=1`` (at run time) asks for the
source always, e.g. to debug with line numbers; at install time it skips compiling.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

COMPILED_MODULES: tuple[str, ...] = (
    "eventx.lexicon",
    "eventx.numbers",
    "eventx.nlp.normalize",
    "eventx.nlp.builtin",
    "eventx.gazetteer.matching",
    "eventx_places.resolve",
    "eventx_places.arabic_places",
    "eventx_places.country",
    "eventx_places.english",
    "eventx_places.roles",
    "eventx_places.caseless",
    "eventx_dates.extract",
    "eventx_statements.extract",
    "eventx_statements.resolution",
    "eventx_statements.speakers_ar",
    "eventx_statements.speakers_en",
    "eventx_statements.quotes",
    "eventx_casualties.pairing",
    "eventx_casualties.counts",
    "eventx_casualties.claims",
    "eventx_casualties.vocabulary",
    "eventx_casualties.extraction",
    "eventx_deployments.index",
    "eventx_deployments.mentions",
    "eventx_deployments.followups",
    "eventx_deployments.countries",
    "eventx_actors.extract",
    "eventx_event_type.rules",
)

#: Set to 1 (at install time or at run time) for the plain Python modules.
PURE_PYTHON_VARIABLE = "EVENTX_PURE_PYTHON"
#: Written by the build beside this file: {module: SHA-256 of the source it compiled}.
SOURCES_FILE = "_compiled_sources.json"


def source_path(module: str) -> str:
    """The module's source file relative to the project root (eventx lives in src/, the
    bundled plugins in plugins/)."""
    folder = "src" if module.split(".")[0] == "eventx" else "plugins"
    return "/".join((folder, *module.split("."))) + ".py"


def source_digest(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def c_compiler_available() -> bool:
    """Whether the C compiler a build would call is on the PATH (``$CC``, else Python's own)."""
    import shutil  # (here: only a build and the tests ask; not worth import time)
    import sysconfig

    compiler = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    return shutil.which(compiler.split()[0]) is not None


def pure_python_requested() -> bool:
    return os.environ.get(PURE_PYTHON_VARIABLE, "") not in ("", "0")


def compiled_digests() -> dict[str, str]:
    """What the build recorded ({} when nothing was compiled)."""
    try:
        recorded = json.loads((Path(__file__).parent / SOURCES_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in recorded.items()} if isinstance(recorded, dict) else {}


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Imports the listed modules from their ``.py`` files, although an import would otherwise
    take the compiled extension module beside them, when the source is wanted (see above)."""

    def __init__(self) -> None:
        self._use_source: bool | None = None  # decided at the first listed import

    def _source_wanted(self, fullname: str, source: str) -> bool:
        if self._use_source is None:
            self._use_source = pure_python_requested() or _stale(fullname, source)
        return self._use_source

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in COMPILED_MODULES or not path:
            return None
        leaf = fullname.rpartition(".")[2]
        for folder in path:
            source = os.path.join(folder, leaf + ".py")
            if not os.path.isfile(source):
                continue
            if self._source_wanted(fullname, source):
                return importlib.util.spec_from_file_location(fullname, source)
            return None
        return None


def document_compiled_modules(*namespaces: ModuleType) -> None:
    """Give back the docstrings mypyc leaves out, for the library's public names
    (``help(eventx.load_data)``), on every imported compiled ``eventx`` module and on the
    ``namespaces`` that re-export them (``eventx``, ``eventx.nlp``). Calls between compiled
    modules keep the compiled function; plugins' modules are private and left alone."""
    replaced: dict[int, Any] = {}
    for name in compiled_modules():
        # (found through the package: a module that another compiled module of its group
        # imported first has a wrong ``__spec__.origin``)
        source = _find_source(name)
        if name.split(".")[0] == "eventx" and source is not None:
            text = Path(source).read_text("utf-8")
            replaced.update(restore_docstrings(sys.modules[name], text))
    for namespace in namespaces:
        for attribute, value in list(vars(namespace).items()):
            if id(value) in replaced:
                setattr(namespace, attribute, replaced[id(value)])


def restore_docstrings(module: ModuleType, source: str) -> dict[int, Any]:
    """Set the docstrings of ``source``'s top-level public classes and functions on
    ``module``'s objects that lack one: a class takes its docstring; a compiled function cannot,
    so the module gets a documented Python function calling it. Returns {id(replaced
    function): its documented wrapper}."""
    replaced: dict[int, Any] = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef | ast.FunctionDef) or node.name.startswith("_"):
            continue
        doc = ast.get_docstring(node)
        found = module.__dict__.get(node.name)
        if not doc or found is None or (getattr(found, "__doc__", None) or "").strip():
            continue
        if isinstance(found, type):
            found.__doc__ = doc
        elif callable(found):
            replaced[id(found)] = _documented(found, doc)
            setattr(module, node.name, replaced[id(found)])
    return replaced


def _documented(function: Any, doc: str) -> Any:
    @functools.wraps(function)  # name, module, and __wrapped__ for inspect.signature
    def documented(*args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)

    documented.__doc__ = doc
    return documented


def _stale(first_module: str, first_source: str) -> bool:
    """Whether any listed module's source differs from what was compiled (checked once, at
    the first listed import: ~1 ms of hashing)."""
    recorded = compiled_digests()
    if not recorded:
        return False  # nothing compiled: the normal import finds the source anyway
    changed = []
    for module, digest in recorded.items():
        source = first_source if module == first_module else _find_source(module)
        if source is not None and source_digest(source) != digest:
            changed.append(module)
    if changed:
        warnings.warn(
            f"eventx: {', '.join(sorted(changed))} changed since it was compiled; running every "
            "compiled module from its Python source (reinstall, e.g. `make install`, to "
            "compile again)",
            RuntimeWarning,
            stacklevel=2,
        )
    return bool(changed)


def _find_source(module: str) -> str | None:
    """The module's ``.py`` file without importing it (its package is imported, which for a
    plugin package runs only its ``__init__``)."""
    parent, _, leaf = module.rpartition(".")
    spec = importlib.util.find_spec(parent)
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        candidate = os.path.join(folder, leaf + ".py")
        if os.path.isfile(candidate):
            return candidate
    return None


def install_source_finder() -> None:
    """Put the finder first on ``sys.meta_path`` (once per process)."""
    if not any(isinstance(finder, _SourceFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder())


def compiled_modules() -> list[str]:
    """The listed modules that are imported and compiled (an extension module, not source)."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return [
        name
        for name in COMPILED_MODULES
        if name in sys.modules
        and str(getattr(sys.modules[name].__spec__, "origin", "") or "").endswith(suffixes)
    ]


if __name__ == "__main__":  # the Makefile asks which files to watch
    print(" ".join(source_path(module) for module in COMPILED_MODULES))
elif __name__ != "build":  # setup.py reads the list only
    install_source_finder()
