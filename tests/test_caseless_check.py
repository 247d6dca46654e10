"""benchmarks/caseless.py (`make caseless`): lower-casing keeps every gold span on its text, and
the check scores a gold folder cased and lower-cased and lists what only the lower-cased
off-topic run reports."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventx.evaluation import load_gold_dir

ROOT = Path(__file__).resolve().parents[1]
# Written for this test.
ARTICLE = (
    "Gunmen Attack Market in Kandahar\n\n"
    "KANDAHAR, Afghanistan -- Gunmen opened fire in a crowded market in Kandahar on Tuesday, "
    "killing six people, police in Afghanistan said."
)
OFFTOPIC = "Manchester United beat Chelsea 2-1 at Old Trafford on Saturday to go top of the league."


def _load() -> ModuleType:
    path = ROOT / "benchmarks" / "caseless.py"
    spec = importlib.util.spec_from_file_location("caseless_check", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CHECK = _load()


@pytest.fixture
def check() -> ModuleType:
    return CHECK


@given(st.text())
def test_lower_casing_keeps_the_length_of_any_text(text: str) -> None:
    lowered = CHECK.lower_same_length(text)
    assert len(lowered) == len(text)
    assert lowered == "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def test_a_character_whose_lower_case_is_longer_is_kept(check: ModuleType) -> None:
    assert "İ".lower() != "i" and len("İ".lower()) == 2  # the case the rule is for
    assert check.lower_same_length("İstanbul ve ANKARA") == "İstanbul ve ankara"


def _gold_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    facts = {
        "id": "t_en_01",
        "language": "en",
        "document_date": "2024-03-05",
        "event_type": {"main": "violence_against_civilians", "also_acceptable": []},
        "country": "AF",
        "locations": [
            {"name": "Kandahar", "country_code": "AF", "kind": "city", "mentions": ["Kandahar"]},
            {
                "name": "Afghanistan",
                "country_code": "AF",
                "kind": "country",
                "mentions": ["Afghanistan"],
            },
        ],
    }
    (folder / "t_en_01.txt").write_text(ARTICLE, "utf-8")
    (folder / "t_en_01.facts.json").write_text(json.dumps(facts), "utf-8")
    return folder


def test_lowered_gold_spans_point_at_the_lower_cased_mentions(
    check: ModuleType, tmp_path: Path
) -> None:
    gold = load_gold_dir(_gold_folder(tmp_path))[0]
    low = check.lowered(gold)
    for location in low.locations:
        assert location.spans  # found in the cased text
        for start, end in location.spans:
            assert low.text[start:end] == gold.text[start:end].lower()


def test_the_check_scores_both_runs_and_lists_added_places(
    check: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _gold_folder(tmp_path)
    shared = tmp_path / "shared"
    (shared / "offtopic").mkdir(parents=True)
    row = {"id": "off_en_1", "text": OFFTOPIC, "language": "en", "document_date": "2024-03-02"}
    (shared / "offtopic" / "o.jsonl").write_text(json.dumps(row) + "\n", "utf-8")
    figures = check.measure(folder, shared / "offtopic")
    assert figures["gold"]["documents"] == 1
    cased = figures["gold"]["cased"]
    assert (cased["tp"], cased["fn"]) == (2, 0)  # Kandahar and Afghanistan, as written
    lower = figures["gold"]["lowercase"]
    assert lower["tp"] + lower["fn"] == 2  # the same gold, lower-cased
    assert figures["offtopic"]["documents"] == 1
    assert check.main(["--shared", str(shared), "--gold", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "English gold articles" in out and "lowercase" in out
