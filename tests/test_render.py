"""The HTML view without a browser: structure, escaping, direction, errors, the CLI."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings

import eventx
from eventx.cli import main
from eventx.render import FACT_TYPES, facts_of, spans_of
from eventx.testing import news_texts

EN_TEXT = (
    "Police said on Monday that 3 people were killed in Mosul. "
    '"We will restore order," the governor said. <script>alert(1)</script> & more.'
)


@pytest.fixture(scope="module")
def english() -> eventx.EventRecord:
    return eventx.extract(EN_TEXT, language="en", document_date="2023-03-06")


def _article_text(page: str) -> str:
    import html

    body = re.search(r'<div id="article" dir="\w+">(.*?)</div>', page, re.S)
    assert body is not None
    return html.unescape(re.sub(r"<[^>]+>", "", body.group(1)))


def test_page_is_self_contained_and_escapes_the_article(english: eventx.EventRecord) -> None:
    page = eventx.render_html(english, EN_TEXT)
    assert "<script>alert(1)</script>" not in page  # the article is text, never markup
    assert _article_text(page) == EN_TEXT
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing fetched
    assert "<link" not in page and "@import" not in page
    assert '<html lang="en" dir="ltr">' in page


def test_every_span_is_a_mark_at_its_offsets(english: eventx.EventRecord) -> None:
    page = eventx.render_html(english, EN_TEXT)
    marks = re.findall(r'<mark id="m\d+" class="t-(\w+)" data-facts="([^"]+)" data-start="(\d+)" data-end="(\d+)"', page)
    assert marks
    spans = spans_of(english)
    assert {s.kind for s in spans} >= {"casualties", "dates", "locations"}
    for span in spans:
        covered = sorted(
            (int(a), int(b)) for _, facts, a, b in marks if span.fact in facts.split()
            and span.start <= int(a) and int(b) <= span.end
        )
        # the marks inside the span tile it exactly
        assert covered[0][0] == span.start and covered[-1][1] == span.end
        assert all(x[1] == y[0] for x, y in itertools.pairwise(covered))


def test_arabic_page_is_right_to_left() -> None:
    text = "أعلنت وزارة الداخلية مقتل 5 أشخاص في بغداد يوم الجمعة."
    record = eventx.extract(text, language="ar", document_date="2023-03-10")
    page = eventx.render_html(record, text)
    assert '<html lang="ar" dir="rtl">' in page and '<div id="article" dir="rtl">' in page
    assert _article_text(page) == text


def test_legend_names_every_type_present_and_facts_link_to_spans(english: eventx.EventRecord) -> None:
    page = eventx.render_html(english, EN_TEXT)
    kinds = {kind for kind, _, _ in facts_of(english)}
    for kind in kinds:
        assert f'<li data-type="{kind}">' in page
        assert FACT_TYPES[kind][0] in page
    for _, fact_id, _ in facts_of(english):
        assert f'data-fact="{fact_id}"' in page  # its row in the side table links to its span


def test_timeline_lists_resolved_dates(english: eventx.EventRecord) -> None:
    page = eventx.render_html(english, EN_TEXT)
    resolved = [d for d in english.dates if d.value]
    assert resolved
    for date in resolved:
        assert f'<span class="iso">{date.value}</span>' in page


def test_wrong_article_is_refused(english: eventx.EventRecord) -> None:
    with pytest.raises(ValueError, match="not the record's article"):
        eventx.render_html(english, "A different text altogether, long enough to differ.")


def test_extension_facts_are_labelled_with_their_plugin() -> None:
    text = "Gunmen with 12 rifles attacked."
    evidence = eventx.Evidence.from_span(text, 14, 20, extractor="weapons")
    record = eventx.EventRecord(
        id="x", language="en",
        extensions={"weapons": [eventx.Extension(field="weapons", value={"term": "rifles"}, evidence=evidence)]},
    )
    page = eventx.render_html(record, text, plugins={"weapons": "eventx_weapons"})
    assert "from plugin eventx_weapons" in page
    assert 'class="t-extensions" data-facts="extensions-weapons-0" data-start="14" data-end="20"' in page


def test_render_command_from_an_article_and_from_a_record(tmp_path: Path) -> None:
    article = tmp_path / "doc1.txt"
    article.write_text(EN_TEXT, "utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["render", str(article), "--date", "2023-03-06", "-o", str(tmp_path / "a.html")])
    assert result.exit_code == 0, result.output
    assert _article_text((tmp_path / "a.html").read_text("utf-8")) == EN_TEXT
    record = eventx.extract(EN_TEXT, language="en", document_date="2023-03-06")
    record_path = tmp_path / "rec.json"
    record_path.write_text(record.to_json(), "utf-8")
    missing = runner.invoke(main, ["render", str(record_path), "-o", str(tmp_path / "b.html")])
    assert missing.exit_code != 0 and "--text" in missing.output
    result = runner.invoke(main, ["render", str(record_path), "--text", str(article), "-o", str(tmp_path / "b.html")])
    assert result.exit_code == 0, result.output
    other = tmp_path / "other.txt"
    other.write_text("Nothing to do with the record at all, a different text.", "utf-8")
    wrong = runner.invoke(main, ["render", str(record_path), "--text", str(other), "-o", str(tmp_path / "c.html")])
    assert wrong.exit_code != 0 and "not the record's article" in wrong.output


def test_a_jsonl_file_of_several_records_is_refused(tmp_path: Path) -> None:
    record = eventx.extract(EN_TEXT, language="en", document_date="2023-03-06")
    many = tmp_path / "many.jsonl"
    many.write_text(record.to_json() + "\n" + record.to_json() + "\n", "utf-8")
    result = CliRunner().invoke(main, ["render", str(many), "-o", str(tmp_path / "x.html")])
    assert result.exit_code != 0 and "one record" in result.output


@settings(max_examples=25)
@given(text=news_texts())
def test_generated_articles_render_with_every_mark_at_its_offsets(text: str) -> None:
    import html

    record = eventx.extract(text, document_date="2024-02-01")
    page = eventx.render_html(record, text)
    assert _article_text(page) == text
    for start, end, inner in re.findall(
        r'data-start="(\d+)" data-end="(\d+)" title="[^"]*">(.*?)</mark>', page, re.S
    ):
        assert text[int(start) : int(end)] == html.unescape(inner)


def test_html_and_exports_are_byte_identical_across_processes(tmp_path: Path) -> None:
    """Same input, same bytes: no set order, hash seed or clock leaks into the outputs."""
    import os
    import subprocess
    import sys

    script = (
        "import sys, eventx\n"
        "from eventx.demo import load_seed, seed_record\n"
        "from eventx.export import export_records\n"
        "record = seed_record(bundled_only=True)\n"
        "out = sys.argv[1]\n"
        "open(out + '.html', 'w', encoding='utf-8').write(eventx.render_html(record, load_seed().text))\n"
        "for fmt, ext in (('acled-csv', '.acled.csv'), ('plover-jsonl', '.jsonl')):\n"
        "    export_records([record], fmt, out + ext)\n"
        "export_records([record], 'csv', out + '.statements.csv', kind='statements')\n"
    )
    outputs = []
    for seed in ("1", "2"):
        base = tmp_path / f"run{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(base)], check=True, env=env, timeout=600)
        outputs.append([Path(str(base) + ext).read_bytes()
                        for ext in (".html", ".acled.csv", ".jsonl", ".statements.csv")])
    assert outputs[0] == outputs[1]
