"""`make docs` stays green: the mkdocs site builds in strict mode (a warning fails), with the
API reference generated from the public API and the HTML view's screenshot."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_strict_build_has_no_warnings(site: Path) -> None:
    assert (site / "index.html").exists()


def test_api_reference_documents_the_public_api(site: Path) -> None:
    import eventx

    page = (site / "api" / "index.html").read_text("utf-8")
    missing = [name for name in eventx.__all__ if name != "__version__" and f'id="eventx.{name}"' not in page]
    assert missing == []
    assert "One self-contained HTML page" in page  # a docstring, rendered


def test_guide_pages_and_screenshot_are_in_the_site(site: Path) -> None:
    for page in ("record", "export", "html-view", "tutorial-plugin", "install", "changelog"):
        assert (site / page / "index.html").exists(), page
    html_view = (site / "html-view" / "index.html").read_text("utf-8")
    assert re.search(r'<img[^>]+src="\.\./img/seed-report\.png"', html_view)
    assert (site / "img" / "seed-report.png").exists()
    assert "Keep a Changelog" in (site / "changelog" / "index.html").read_text("utf-8")
