"""The HTML view in a real headless Chromium (Debian's, installed by `make test` when missing).

Skips only when no browser or no playwright can be found. Set EVENTX_SCREENSHOT_DIR to keep
the screenshots (`make screenshot` writes docs/img/seed-report.png this way).
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import eventx
from eventx.demo import load_seed, seed_record
from eventx.render import spans_of

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# For every <mark>: its facts, its data-start, and where it really is in the article's text
# (the length of the article text before it), and whether it is painted.
MARKS_JS = """() => {
  const article = document.getElementById('article');
  return Array.from(article.querySelectorAll('mark')).map(m => {
    const range = document.createRange();
    range.setStart(article, 0);
    range.setEndBefore(m);
    return {facts: m.dataset.facts.split(' '), start: Number(m.dataset.start),
            dom: range.toString().length, text: m.textContent,
            paint: getComputedStyle(m).backgroundColor};
  });
}"""


def _browser_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _browser_path()
    if executable is None:
        pytest.skip("no Chromium found (apt-get install chromium; `make test` does it as root)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _open(browser: Any, path: Path, width: int = 1400) -> tuple[Any, list[str], list[str]]:
    page = browser.new_page(viewport={"width": width, "height": 1000})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: requests.append(req.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors, requests


def _check_spans(page: Any, record: eventx.EventRecord, text: str) -> None:
    assert page.evaluate("() => document.getElementById('article').textContent") == text
    marks = page.evaluate(MARKS_JS)
    assert marks
    for mark in marks:
        assert mark["dom"] == mark["start"], mark  # the mark sits at the offset it claims
        assert text[mark["start"] : mark["start"] + len(mark["text"])] == mark["text"]
        assert mark["paint"] not in ("rgba(0, 0, 0, 0)", "transparent"), mark
    for span in spans_of(record):
        covered = sorted(
            (m["dom"], m["dom"] + len(m["text"]))
            for m in marks
            if span.fact in m["facts"] and span.start <= m["dom"] < span.end
        )
        assert covered, span
        assert covered[0][0] == span.start and covered[-1][1] == span.end, span
        assert all(a[1] == b[0] for a, b in itertools.pairwise(covered)), span


def _screenshot(page: Any, tmp_path: Path, name: str) -> Path:
    target_dir = Path(os.environ.get("EVENTX_SCREENSHOT_DIR", tmp_path))
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / name
    page.screenshot(path=str(target))
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and target.stat().st_size > 20_000
    return target


def test_seed_report_in_chromium(browser: Any, tmp_path: Path) -> None:
    document = load_seed()
    record = seed_record()  # with every installed plugin, as `eventx demo` shows it
    path = tmp_path / "seed.html"
    path.write_text(
        eventx.render_html(record, document.text, plugins={"weapons": "eventx_weapons"}), "utf-8"
    )
    page, errors, requests = _open(browser, path)
    assert errors == []
    assert [url for url in requests if not url.startswith("file:")] == []
    assert page.evaluate("() => getComputedStyle(document.getElementById('article')).direction") == "rtl"
    assert page.evaluate("() => document.documentElement.dir") == "rtl"
    _check_spans(page, record, document.text)
    _screenshot(page, tmp_path, "seed-report.png")  # before any click: the page as it opens
    # A fact row flashes every span of its fact.
    page.click('#facts a[data-fact="casualties-0"]')
    flashed = page.evaluate("() => Array.from(document.querySelectorAll('mark.flash')).map(m => m.textContent).join('')")
    assert record.casualties[0].evidence.text in flashed
    # The legend hides a type's highlighting.
    page.click('.legend li[data-type="dates"]')
    assert page.evaluate(
        "() => getComputedStyle(document.querySelector('mark.t-dates')).backgroundColor"
    ) in ("rgba(0, 0, 0, 0)", "transparent")
    page.click('.legend li[data-type="dates"]')
    if record.extensions:
        assert "from plugin eventx_weapons" in page.inner_text("#facts")
    page.close()


def test_english_report_is_left_to_right(browser: Any, tmp_path: Path) -> None:
    text = (
        "Police in Mosul said on Monday that 12 people were killed and 30 injured when a car "
        "bomb exploded near a market. Security forces arrested 4 suspects, the ministry said."
    )
    record = eventx.extract(text, language="en", document_date="2023-03-06")
    path = tmp_path / "en.html"
    path.write_text(eventx.render_html(record, text), "utf-8")
    page, errors, _ = _open(browser, path, width=1100)
    assert errors == []
    assert page.evaluate("() => getComputedStyle(document.getElementById('article')).direction") == "ltr"
    _check_spans(page, record, text)
    _screenshot(page, tmp_path, "english-report.png")
    page.close()
