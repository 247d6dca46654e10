"""The distribution: `python -m build` makes a wheel holding every source and data file of
eventx and the bundled plugins, and `eventx demo` runs from a fresh venv with that wheel.

The fresh venv gets the wheel (--no-deps) and its runtime dependencies except stanza, the
optional NLP backend: stanza brings torch (GBs) and eventx imports it only for
``--backend stanza``, so the demo must run without it. Dependencies come from pip's usual
sources (the local cache first).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from eventx._compiled_modules import COMPILED_MODULES
from eventx._version import DISTRIBUTION, __version__

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = (
    "eventx_actors",
    "eventx_casualties",
    "eventx_dates",
    "eventx_deployments",
    "eventx_event_type",
    "eventx_places",
    "eventx_statements",
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("dist")
    # --no-isolation: build with this venv's setuptools and mypyc, no download of a build
    # environment. Compiling the hot modules takes a few minutes.
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True, capture_output=True, text=True, timeout=1200,
    )
    (found,) = out.glob("*.whl")
    return found


def _tracked(folder: str) -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", folder], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if listed.returncode != 0 or not listed.stdout:
        pytest.skip("not a git checkout")
    return [line for line in listed.stdout.splitlines() if "/tests/" not in line]


def test_wheel_name_and_metadata(wheel: Path) -> None:
    # compiled (mypyc, as here: the test venv has mypy and a C compiler): a CPython wheel for
    # this platform; a plain build would be py3-none-any
    tag = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    abi = f"cp{sys.version_info.major}{sys.version_info.minor}"
    assert wheel.name == f"{DISTRIBUTION.replace('-', '_')}-{__version__}-{abi}-{abi}-{tag}.whl"
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"eventx_news-{__version__}.dist-info/METADATA").decode()
        entry_points = archive.read(f"eventx_news-{__version__}.dist-info/entry_points.txt").decode()
    assert f"Name: {DISTRIBUTION}" in metadata
    assert "Provides-Extra: tables" in metadata
    assert "eventx = eventx.cli:main" in entry_points
    for name in BUNDLED:
        assert re.search(rf"^{name} = {name}$", entry_points, re.M), name


def test_wheel_holds_every_source_and_data_file(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    expected = [p.removeprefix("src/") for p in _tracked("src")]
    expected += [p.removeprefix("plugins/") for p in _tracked("plugins")]
    missing = sorted(p for p in expected if p not in names)
    assert missing == []
    # the files the demo and the HTML view read at run time, named explicitly
    for required in ("eventx/seed/000_8810d80a09cc04a1.txt", "eventx/render/report.css",
                     "eventx/render/report.js", "eventx/record/schema/record.schema.json"):
        assert required in names
    for name in BUNDLED:
        assert f"{name}/__init__.py" in names
    # and the compiled copies of the hot modules, with the record of what was compiled
    for module in COMPILED_MODULES:
        stem = module.replace(".", "/")
        assert any(n.startswith(stem + ".") and n.endswith(".so") for n in names), module
    assert "eventx/_compiled_sources.json" in names


def _runtime_requirements(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"eventx_news-{__version__}.dist-info/METADATA").decode()
    requirements = re.findall(r"^Requires-Dist: (.+)$", metadata, re.M)
    return [r for r in requirements if "extra ==" not in r and not r.startswith("stanza")]


def test_demo_runs_from_a_fresh_venv_with_only_the_wheel(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "--no-deps", str(wheel)], check=True, timeout=300)
    subprocess.run([*pip, *_runtime_requirements(wheel)], check=True, timeout=600)
    workdir = tmp_path / "elsewhere"  # not the checkout: the seed must come from the wheel
    workdir.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        [str(venv / "bin" / "eventx"), "demo"],
        cwd=workdir, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Casualties (" in result.stdout and "HTML view: eventx-demo/report.html" in result.stdout
    where = subprocess.run(
        [str(python), "-c", "import eventx, eventx_dates; print(eventx.__file__, eventx_dates.__file__)"],
        cwd=workdir, env=env, capture_output=True, text=True, check=True,
    ).stdout
    assert str(ROOT) not in where and str(venv) in where  # imported from the wheel, not the checkout
    running = subprocess.run(
        [str(python), "-c", "import importlib; from eventx._compiled_modules import COMPILED_MODULES as m,"
         " compiled_modules as c; [importlib.import_module(n) for n in m]; print(len(c()))"],
        cwd=workdir, env=env, capture_output=True, text=True, check=True,
    ).stdout
    assert int(running) == len(COMPILED_MODULES)  # the wheel's compiled modules are what runs
    record = json.loads((workdir / "eventx-demo" / "record.json").read_text("utf-8"))
    golden = json.loads((ROOT / "seeds" / "000_8810d80a09cc04a1.expected.json").read_text("utf-8"))
    assert record == golden  # the wheel extracts exactly what the checkout does
    assert (workdir / "eventx-demo" / "report.html").read_text("utf-8").count("<mark") > 50
