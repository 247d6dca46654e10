"""Build hook: compile the hot modules to C extensions with mypyc (all metadata is in pyproject.toml).

The modules are listed in ``src/eventx/_compiled_modules.py``. Each stays plain Python source
beside its compiled copy, and both give the same records (``tests/test_compiled.py``). The build
installs plain Python, with a message, when mypyc or a C compiler is missing, or when asked:
``EVENTX_PURE_PYTHON=1 pip install ...``.
"""

from __future__ import annotations

import json
import runpy
import shutil
import sys
from pathlib import Path
from typing import Any

from setuptools import setup

ROOT = Path(__file__).resolve().parent
# Read as a file: importing it would import eventx and its dependencies, which a build lacks.
_LIST = runpy.run_path(str(ROOT / "src" / "eventx" / "_compiled_modules.py"), run_name="build")
COMPILED_MODULES: tuple[str, ...] = _LIST["COMPILED_MODULES"]
SOURCES_FILE = ROOT / "src" / "eventx" / _LIST["SOURCES_FILE"]
# pip asks setup.py for its requirements and metadata before it builds: compile (a type check
# and a C build, ~2 min) only for the commands that build.
BUILD_COMMANDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "develop", "install"}


def _remove_compiled_copies() -> None:
    """An editable install compiles into the checkout: before it builds again (or installs
    plain Python), remove every earlier compiled copy, so no extension module of a module
    since dropped from the list, or of an older build, is left for an import to take instead
    of the source (the project has no other extension modules)."""
    SOURCES_FILE.unlink(missing_ok=True)
    for folder in (ROOT / "src", ROOT / "plugins"):
        for pattern in ("*/**/*.so", "*/**/*.pyd"):
            for found in folder.glob(pattern):
                found.unlink()


#: Builds that compile into the checkout (an editable install), not into a wheel.
IN_PLACE_COMMANDS = {"editable_wheel", "develop"}


def compiled_extensions() -> list[Any]:
    if not BUILD_COMMANDS.intersection(sys.argv[1:]):
        return []
    if IN_PLACE_COMMANDS.intersection(sys.argv[1:]):
        _remove_compiled_copies()
    if _LIST["pure_python_requested"]():
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("eventx: mypyc not found, installing plain Python modules", file=sys.stderr)
        return []
    if not _LIST["c_compiler_available"]():
        print("eventx: no C compiler found, installing plain Python modules", file=sys.stderr)
        return []
    # One shared library per top-level package (eventx, and each bundled plugin), named
    # ``<package>._compiled``: it then lives inside that package, in a wheel and in an editable
    # install alike, instead of as a stray top-level module.
    groups: dict[str, list[str]] = {}
    for module in COMPILED_MODULES:
        groups.setdefault(module.split(".")[0], []).append(_LIST["source_path"](module))
    # A fresh directory for the generated C and mypy's cache, every build: reusing ``build/``
    # and ``.mypy_cache`` from an earlier build (another mypy version, other modules) generated
    # C that referred to another group's stale export table and did not compile. Relative:
    # setuptools refuses absolute source paths.
    work = "build/mypyc"
    shutil.rmtree(ROOT / work, ignore_errors=True)
    extensions = list(
        mypycify(
            ["--cache-dir", f"{work}/mypy-cache"]
            + [path for paths in groups.values() for path in paths],
            separate=[(paths, f"{package}._compiled") for package, paths in groups.items()],
            opt_level="3",
            target_dir=f"{work}/c",
        )
    )
    digests = {
        module: _LIST["source_digest"](ROOT / _LIST["source_path"](module))
        for module in COMPILED_MODULES
    }
    SOURCES_FILE.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", "utf-8")
    return extensions


setup(ext_modules=compiled_extensions())
