"""The seed article and the dev set: who said what, scored with eventx.evaluation."""

from __future__ import annotations

from pathlib import Path

import eventx
from eventx.evaluation import load_gold, score_document
from eventx.evaluation.matching import statement_score

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED = SEEDS / "000_8810d80a09cc04a1.facts.json"


def test_seed_speakers_are_each_found_once(pipeline: eventx.Pipeline) -> None:
    gold = load_gold(SEED)
    record = pipeline.extract(gold.text, language=gold.language, document_date=gold.document_date)
    distinct = {s.speaker: s for s in record.statements}
    for item in gold.statements:
        if item.optional:
            continue
        matching = [s for s in distinct.values() if statement_score(item, s) > 0]
        # Tokayev, the Kazakh interior ministry, Moscow, the UN, the EU, the US, the Russian
        # foreign ministry and the CSTO (secretariat): each one speaker, named one way.
        assert len(matching) == 1, (item.speaker, [s.speaker for s in matching])
    counts = score_document(gold, record).categories["statements"].counts
    assert (counts.fp, counts.fn) == (0, 0)


def test_seed_statement_details(pipeline: eventx.Pipeline) -> None:
    gold = load_gold(SEED)
    record = pipeline.extract(gold.text, language=gold.language, document_date=gold.document_date)
    by_speaker: dict[str, list[eventx.Statement]] = {}
    for s in record.statements:
        by_speaker.setdefault(s.speaker, []).append(s)
    tokayev = by_speaker["الرئيس الكازاخستاني قاسم جومارت توكاييف"]
    assert [s.cue for s in tokayev[:2]] == ["يعلن", "أعلن"]  # the headline, then the lead
    assert tokayev[1].direct is True and tokayev[1].content == "إلى حد كبير"
    assert tokayev[1].date == "2022-01-07"
    ministry = by_speaker["وزارة الداخلية الكازاخستانية"]
    assert ministry[0].speaker_en == "Kazakh Interior Ministry"
    assert [s.cue for s in ministry] == ["أعلنت", "وقالت", "وأضافت"]
    csto = by_speaker["منظمة معاهدة الأمن الجماعي"]
    assert csto[0].speaker_en == "CSTO"
    assert any(s.speaker_evidence and s.speaker_evidence.text == "الأمانة العامة" for s in csto)
    assert by_speaker["الولايات المتحدة"][0].direct is False
