"""`eventx demo`: a grouped summary with evidence, files it names, plugin facts marked as such."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import eventx
from eventx.demo import (
    SEED_ID,
    packaged_seed_dir,
    run_demo,
    seeds_dir,
    summary,
    third_party_extractors,
)


def test_packaged_seed_is_the_checkout_seed() -> None:
    checkout = Path(__file__).resolve().parents[1] / "seeds"
    for name in (f"{SEED_ID}.txt", f"{SEED_ID}.meta.json"):
        assert (packaged_seed_dir() / name).read_bytes() == (checkout / name).read_bytes()
    assert seeds_dir() == checkout  # a checkout uses its own seeds/


def test_summary_groups_facts_by_type_with_evidence(tmp_path: Path) -> None:
    out = io.StringIO()
    record = run_demo(out=out, json_path=tmp_path / "r.json", html_path=tmp_path / "r.html")
    text = out.getvalue()
    assert len(text.splitlines()) < 80  # a summary, not the record
    for title, field in (("Places", "locations"), ("Dates", "dates"), ("Casualties", "casualties"),
                         ("Statements", "statements")):
        assert f"\n{title} ({len(getattr(record, field))})\n" in text
    killed = next(c for c in record.casualties if c.kind == "killed")
    assert f"«{killed.evidence.text}» [{killed.evidence.start}:{killed.evidence.end}]" in text
    assert eventx.EventRecord.from_dict(json.loads((tmp_path / "r.json").read_text("utf-8"))) == record
    assert "<mark" in (tmp_path / "r.html").read_text("utf-8")


def test_extension_facts_are_marked_as_from_an_installed_plugin() -> None:
    plugins = third_party_extractors()
    if "weapons" not in plugins:
        pytest.skip("the example plugin (docs/examples/eventx-weapons) is not installed")
    assert plugins["weapons"] == "eventx_weapons"
    from eventx.demo import seed_record

    record = seed_record()
    text = summary(record, plugins)
    head, _, plugin_part = text.partition("From installed plugins (not part of eventx)")
    assert "weapons [plugin eventx_weapons]" in plugin_part and "weapons" not in head


def test_summary_of_a_record_without_extensions_has_no_plugin_section() -> None:
    record = eventx.extract("Police said 3 people were killed in Mosul on Monday.",
                            language="en", document_date="2023-03-06")
    text = summary(record)
    assert "From installed plugins" not in text and "Casualties (1)" in text
