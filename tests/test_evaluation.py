"""The scorer's own tests: perfect and empty predictions, and the documented edge cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from eventx import (
    Casualty,
    DateFact,
    Deployment,
    EventRecord,
    EventType,
    Evidence,
    Location,
    Quantity,
    Statement,
)
from eventx.evaluation import (
    CATEGORIES,
    Counts,
    GoldDocument,
    GoldFormatError,
    evaluate_dir,
    evaluate_records,
    format_misses,
    format_table,
    load_gold_dir,
    oracle_record,
    score_document,
)
from eventx.evaluation.cli import evaluate
from eventx.evaluation.gold import GoldDate
from eventx.evaluation.matching import date_score

AR_TEXT = (
    "مقتل 26 شخصا وإصابة العشرات في اشتباكات بألماتي\n\n"
    "أعلنت وزارة الداخلية الكازاخستانية يوم الجمعة مقتل 26 شخصا، وقال الرئيس الكازاخستاني "
    "قاسم جومارت توكاييف إن النظام أعيد. وأصيب العشرات ليلة 5 على 6 يناير في ألماتي. "
    "وقالت الوزارة إن أكثر من 100 شخص اعتقلوا، وتم إرسال قوات حفظ السلام إلى كازاخستان."
)
EN_TEXT = (
    "At least 22 people were killed and about 50 injured when a car bomb exploded in Kabul "
    "on Tuesday, the interior ministry said. Police arrested dozens of suspects. The US sent "
    "3,000 troops to Kabul airport."
)


def _ar_facts() -> dict[str, Any]:
    return {
        "id": "ar_t",
        "language": "ar",
        "document_date": "2022-01-07",
        "event_type": {"main": "riots", "also_acceptable": ["protests"]},
        "country": "KZ",
        "casualties": [
            {
                "kind": "killed",
                "count": 26,
                "min": 26,
                "max": 26,
                "approximate": False,
                "group": "people",
                "mention": "مقتل 26 شخصا",
            },
            {
                "kind": "injured",
                "count": None,
                "min": 20,
                "max": 99,
                "approximate": True,
                "group": "people",
                "mention": "وأصيب العشرات",
            },
            {
                "kind": "arrested",
                "count": 100,
                "min": 101,
                "max": None,
                "approximate": True,
                "group": "people",
                "mention": "أكثر من 100 شخص اعتقلوا",
            },
        ],
        "dates": [
            {"value": "2022-01-07", "mentions": ["يوم الجمعة"], "what": "toll"},
            {
                "value": "2022-01-05/2022-01-06",
                "mentions": ["ليلة 5 على 6 يناير"],
                "what": "injuries",
                "acceptable": ["2022-01-05", "2022-01-06"],
            },
        ],
        "statements": [
            {
                "speaker": "Kazakh interior ministry",
                "mentions": ["وزارة الداخلية الكازاخستانية", "الوزارة"],
                "direct": False,
            },
            {
                "speaker": "Kassym-Jomart Tokayev",
                "mentions": ["الرئيس الكازاخستاني قاسم جومارت توكاييف"],
                "direct": False,
            },
        ],
        "deployments": [
            {
                "force": "peacekeeping forces",
                "actor": "CSTO",
                "actor_country": None,
                "destination": "Kazakhstan",
                "destination_country": "KZ",
                "size": None,
                "contributors": [],
                "mention": "تم إرسال قوات حفظ السلام إلى كازاخستان",
            },
        ],
        "locations": [
            {"name": "Almaty", "country_code": "KZ", "kind": "city", "mentions": ["ألماتي"]},
            {
                "name": "Kazakhstan",
                "country_code": "KZ",
                "kind": "country",
                "mentions": ["كازاخستان"],
                "optional": True,
            },
        ],
    }


def _en_facts() -> dict[str, Any]:
    return {
        "id": "en_t",
        "language": "en",
        "document_date": "2019-09-20",
        "event_type": {"main": "explosions_remote_violence", "also_acceptable": []},
        "country": "AF",
        "casualties": [
            {
                "kind": "killed",
                "count": 22,
                "min": 22,
                "max": None,
                "approximate": False,
                "group": "people",
                "mention": "At least 22 people were killed",
            },
            {
                "kind": "injured",
                "count": 50,
                "min": 45,
                "max": 55,
                "approximate": True,
                "group": "people",
                "mention": "about 50 injured",
            },
            {
                "kind": "arrested",
                "count": None,
                "min": 20,
                "max": 99,
                "approximate": True,
                "group": "suspects",
                "mention": "arrested dozens of suspects",
                "optional": True,
            },
        ],
        "dates": [{"value": "2019-09-17", "mentions": ["Tuesday"], "what": "bombing"}],
        "statements": [
            {
                "speaker": "Afghan interior ministry",
                "mentions": ["the interior ministry"],
                "direct": False,
            },
        ],
        "deployments": [
            {
                "force": "troops",
                "actor": "United States",
                "actor_country": "US",
                "destination": "Kabul airport",
                "destination_country": "AF",
                "size": 3000,
                "contributors": [],
                "mention": "The US sent 3,000 troops to Kabul airport",
            },
        ],
        "locations": [
            {"name": "Kabul", "country_code": "AF", "kind": "city", "mentions": ["Kabul"]},
        ],
    }


@pytest.fixture()
def ar_gold() -> GoldDocument:
    return GoldDocument.from_facts(_ar_facts(), AR_TEXT)


@pytest.fixture()
def en_gold() -> GoldDocument:
    return GoldDocument.from_facts(_en_facts(), EN_TEXT)


def ev(text: str, needle: str) -> Evidence:
    start = text.index(needle)
    return Evidence.from_span(text, start, start + len(needle))


def record(gold: GoldDocument, **fields: Any) -> EventRecord:
    return EventRecord(id=gold.id, language=gold.language, **fields)


# --- perfect and empty -------------------------------------------------------------------------


@pytest.mark.parametrize("include_optional", [True, False])
def test_perfect_predictions_score_one(
    ar_gold: GoldDocument, en_gold: GoldDocument, include_optional: bool
) -> None:
    golds = [ar_gold, en_gold]
    report = evaluate_records(
        golds, [oracle_record(g, include_optional=include_optional) for g in golds]
    )
    for category in CATEGORIES:
        for language in ("all", "ar", "en"):
            c = report.counts(category, language)
            assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0), (category, language, c)
    assert report.event_type_accuracy().value == 1.0
    assert report.country_accuracy().value == 1.0


def test_empty_predictions_score_zero(ar_gold: GoldDocument, en_gold: GoldDocument) -> None:
    report = evaluate_records([ar_gold, en_gold], [])
    for category in CATEGORIES:
        c = report.counts(category)
        assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0), category
        assert c.fn > 0 and c.tp == 0 and c.fp == 0
    assert report.event_type_accuracy().value == 0.0
    assert all(d.status == "missing" for d in report.documents)


def test_nothing_to_find_and_nothing_found_is_perfect() -> None:
    assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)
    assert Counts(fp=2).precision == 0.0 and Counts(fn=3).recall == 0.0


# --- casualties --------------------------------------------------------------------------------


def _casualty_counts(gold: GoldDocument, *casualties: Casualty) -> Counts:
    return score_document(gold, record(gold, casualties=casualties)).categories["casualties"].counts


def test_vague_count_matches_a_range_not_a_precise_number(ar_gold: GoldDocument) -> None:
    dozens = ev(AR_TEXT, "وأصيب العشرات")
    vague = Casualty(kind="injured", min=20, max=99, approximate=True, evidence=dozens)
    assert _casualty_counts(ar_gold, vague) == Counts(tp=1, fp=0, fn=2)
    # Another convention for "dozens" (24..99) still overlaps the gold range.
    other = Casualty(kind="injured", min=24, max=None, approximate=True, evidence=dozens)
    assert _casualty_counts(ar_gold, other).tp == 1
    precise = Casualty(kind="injured", count=30, min=30, max=30, evidence=dozens)
    assert _casualty_counts(ar_gold, precise) == Counts(tp=0, fp=1, fn=3)


def test_more_than_and_at_least_match_by_stated_count(
    ar_gold: GoldDocument, en_gold: GoldDocument
) -> None:
    more = ev(AR_TEXT, "أكثر من 100 شخص")
    assert (
        _casualty_counts(
            ar_gold, Casualty(kind="arrested", count=100, min=100, max=100, evidence=more)
        ).tp
        == 1
    )
    # A wrong kind never matches.
    assert _casualty_counts(ar_gold, Casualty(kind="killed", count=100, evidence=more)).tp == 0
    least = ev(EN_TEXT, "At least 22")
    # No stated count but a range that holds the gold figure.
    assert _casualty_counts(en_gold, Casualty(kind="killed", min=22, evidence=least)).tp == 1
    about = ev(EN_TEXT, "about 50")
    assert (
        _casualty_counts(
            en_gold,
            Casualty(kind="injured", count=50, min=45, max=55, approximate=True, evidence=about),
        ).tp
        == 1
    )
    assert _casualty_counts(en_gold, Casualty(kind="injured", count=51, evidence=about)).tp == 0


def test_duplicate_casualty_is_a_false_positive(ar_gold: GoldDocument) -> None:
    title = ev(AR_TEXT, "مقتل 26 شخصا وإصابة")
    body = ev(AR_TEXT, "مقتل 26 شخصا،")
    a = Casualty(kind="killed", count=26, min=26, max=26, evidence=title)
    b = Casualty(kind="killed", count=26, min=26, max=26, evidence=body)
    assert _casualty_counts(ar_gold, a, b) == Counts(tp=1, fp=1, fn=2)


def test_optional_items_are_neither_missed_nor_wrong(en_gold: GoldDocument) -> None:
    dozens = ev(EN_TEXT, "dozens")
    found = Casualty(kind="arrested", min=20, max=99, approximate=True, evidence=dozens)
    counts = _casualty_counts(en_gold, found)
    assert counts == Counts(tp=0, fp=0, fn=2)  # the two required figures are missed, no more
    result = score_document(en_gold, record(en_gold)).categories["casualties"]
    assert len(result.missed) == 2 and not any("dozens" in m for m in result.missed)


# --- dates -------------------------------------------------------------------------------------


def _date_counts(gold: GoldDocument, *dates: DateFact) -> Counts:
    return score_document(gold, record(gold, dates=dates)).categories["dates"].counts


def test_date_range_matches_by_value_acceptable_day_or_start_end(ar_gold: GoldDocument) -> None:
    night = ev(AR_TEXT, "ليلة 5 على 6 يناير")
    assert _date_counts(ar_gold, DateFact(value="2022-01-05/2022-01-06", evidence=night)).tp == 1
    assert _date_counts(ar_gold, DateFact(value="2022-01-06", evidence=night)).tp == 1
    as_fields = DateFact(
        value="2022-01-05/06", start="2022-01-05", end="2022-01-06", evidence=night
    )
    assert _date_counts(ar_gold, as_fields).tp == 1
    assert _date_counts(ar_gold, DateFact(value="2022-01-04", evidence=night)) == Counts(0, 1, 2)
    assert _date_counts(ar_gold, DateFact(value=None, evidence=night)) == Counts(0, 0, 2)


@pytest.mark.parametrize(
    ("gold", "start", "end", "agrees"),
    [
        ("1975-06/1976-02", "1975-06-01", "1976-02-29", True),  # months: first to last day
        ("2009/2015", "2009-01-01", "2015-12-31", True),  # years
        ("2009-01/2015", "2009-01-01", "2015-12-31", True),
        ("2022-01-05/2022-01-06", "2022-01-05", "2022-01-06", True),
        ("1975-06/1976-02", "1975-06-01", "1976-02-28", False),  # 1976 is a leap year
        ("1975-06/1976-02", "1975-06-02", "1976-02-29", False),
    ],
)
def test_a_gold_range_may_end_in_months_or_years(
    gold: str, start: str, end: str, agrees: bool
) -> None:
    pred = DateFact(
        value=f"{start}/{end}",
        start=start,
        end=end,
        granularity="month",
        evidence=ev(AR_TEXT, "يوم الجمعة"),
    )
    assert (date_score(GoldDate(value=gold), pred) > 0) is agrees


def test_repeated_mentions_of_a_date_are_not_false_positives(ar_gold: GoldDocument) -> None:
    friday = ev(AR_TEXT, "يوم الجمعة")
    title = Evidence.from_span(AR_TEXT, 0, 4)
    same = [
        DateFact(value="2022-01-07", evidence=friday),
        DateFact(value="2022-01-07", evidence=title),
    ]
    assert _date_counts(ar_gold, *same) == Counts(tp=1, fp=0, fn=1)
    wrong = [
        DateFact(value="2021-12-31", evidence=friday),
        DateFact(value="2021-12-31", evidence=title),
    ]
    assert _date_counts(ar_gold, *wrong) == Counts(tp=0, fp=1, fn=2)


# --- statements --------------------------------------------------------------------------------


def _statement_counts(gold: GoldDocument, *statements: Statement) -> Counts:
    return score_document(gold, record(gold, statements=statements)).categories["statements"].counts


def test_speaker_matches_after_normalisation_and_containment(ar_gold: GoldDocument) -> None:
    cue = ev(AR_TEXT, "أعلنت")
    # Diacritics and a different alef/ya form still match the gold mention.
    assert (
        _statement_counts(
            ar_gold, Statement(speaker="وِزارة الداخلية الكازاخستانيّة", evidence=cue)
        ).tp
        == 1
    )
    # A shorter form contained in the gold mention matches; so does the English name.
    assert (
        _statement_counts(ar_gold, Statement(speaker="قاسم جومارت توكاييف", evidence=cue)).tp == 1
    )
    assert (
        _statement_counts(
            ar_gold, Statement(speaker="الرئيس", speaker_en="Kassym-Jomart Tokayev", evidence=cue)
        ).tp
        == 1
    )
    assert _statement_counts(ar_gold, Statement(speaker="الأمم المتحدة", evidence=cue)) == Counts(
        0, 1, 2
    )
    # Quotes and brackets around a name do not matter: «"الوزارة» is the gold mention الوزارة.
    assert _statement_counts(ar_gold, Statement(speaker='"الوزارة', evidence=cue)).tp == 1


def test_one_speaker_quoted_twice_is_one_item(ar_gold: GoldDocument) -> None:
    first, second = ev(AR_TEXT, "أعلنت وزارة"), ev(AR_TEXT, "وقالت الوزارة")
    both = [
        Statement(speaker="وزارة الداخلية الكازاخستانية", evidence=first),
        Statement(speaker="الوزارة", evidence=second),
    ]
    assert _statement_counts(ar_gold, *both) == Counts(tp=1, fp=0, fn=1)


# --- deployments, locations, event type, country -----------------------------------------------


def test_deployment_by_span_overlap_or_destination_and_force(
    en_gold: GoldDocument, ar_gold: GoldDocument
) -> None:
    sent = ev(EN_TEXT, "sent 3,000 troops")
    by_span = Deployment(force="troops", size=Quantity.exact(3000), evidence=sent)
    assert (
        score_document(en_gold, record(en_gold, deployments=[by_span]))
        .categories["deployments"]
        .counts.tp
        == 1
    )
    elsewhere = Evidence.from_span(AR_TEXT, 0, 4)
    by_fields = Deployment(
        force="peacekeeping forces", destination_country="KZ", evidence=elsewhere
    )
    assert (
        score_document(ar_gold, record(ar_gold, deployments=[by_fields]))
        .categories["deployments"]
        .counts.tp
        == 1
    )
    wrong_place = Deployment(
        force="peacekeeping forces", destination_country="RU", evidence=elsewhere
    )
    assert score_document(ar_gold, record(ar_gold, deployments=[wrong_place])).categories[
        "deployments"
    ].counts == Counts(0, 1, 1)


def test_location_by_name_or_country_kind_and_mention(ar_gold: GoldDocument) -> None:
    almaty = ev(AR_TEXT, "ألماتي")
    by_name = Location(name="  almaty ", country_code="KZ", kind="city")
    by_mention = Location(name="Alma-Ata", country_code="KZ", kind="city", mentions=[almaty])
    wrong_kind = Location(name="Alma-Ata", country_code="KZ", kind="region", mentions=[almaty])
    for loc, expected in (
        (by_name, Counts(1, 0, 0)),
        (by_mention, Counts(1, 0, 0)),
        (wrong_kind, Counts(0, 1, 1)),
    ):
        assert (
            score_document(ar_gold, record(ar_gold, locations=[loc])).categories["locations"].counts
            == expected
        )


def test_only_event_places_are_scored(ar_gold: GoldDocument) -> None:
    almaty = ev(AR_TEXT, "ألماتي")
    moscow = Location(name="Moscow", country_code="RU", kind="city", role="mentioned")
    wrong_event = Location(name="Moscow", country_code="RU", kind="city", role="event")
    found = Location(name="Almaty", country_code="KZ", kind="city", mentions=[almaty])
    only_named = attrs.evolve(found, role="mentioned")

    def counts(*locations: Location) -> Counts:
        result = score_document(ar_gold, record(ar_gold, locations=list(locations)))
        return result.categories["locations"].counts

    assert counts(found, moscow) == Counts(1, 0, 0)  # a mentioned place is not a false positive
    assert counts(found, wrong_event) == Counts(1, 1, 0)
    assert counts(only_named) == Counts(0, 0, 1)  # an event place reported as mentioned is missed


def test_event_type_accepts_alternatives_and_country_null_equals_null(
    ar_gold: GoldDocument,
) -> None:
    for acled, ok in (("riots", True), ("protests", True), ("battles", False)):
        result = score_document(ar_gold, record(ar_gold, event_type=EventType(acled=acled)))
        assert result.event_type_ok is ok
    assert score_document(ar_gold, record(ar_gold)).event_type_ok is False
    no_country = GoldDocument.from_facts({**_ar_facts(), "country": None}, AR_TEXT)
    assert score_document(no_country, record(no_country)).country_ok is True
    assert score_document(no_country, record(no_country, country="KZ")).country_ok is False


def test_pairing_finds_the_most_matches(en_gold: GoldDocument) -> None:
    """A prediction compatible with two gold items goes where it leaves room for the others."""
    facts = _en_facts()
    facts["casualties"] = [
        {"kind": "killed", "count": None, "min": 20, "max": 99, "mention": "At least 22 people"},
        {"kind": "killed", "count": 22, "min": 22, "max": None, "mention": "At least 22 people"},
    ]
    gold = GoldDocument.from_facts(facts, EN_TEXT)
    span = ev(EN_TEXT, "At least 22")
    wide = Casualty(kind="killed", min=20, max=99, evidence=span)  # fits only the first
    ranged = Casualty(kind="killed", min=22, max=60, evidence=span)  # fits both
    counts = (
        score_document(gold, record(gold, casualties=[ranged, wide]))
        .categories["casualties"]
        .counts
    )
    assert counts == Counts(tp=2, fp=0, fn=0)


# --- gold loading, reports, CLI ----------------------------------------------------------------


def _write_gold(folder: Path, facts: dict[str, Any], text: str) -> None:
    (folder / f"{facts['id']}.txt").write_text(text, "utf-8")
    (folder / f"{facts['id']}.facts.json").write_text(
        json.dumps(facts, ensure_ascii=False), "utf-8"
    )
    meta = {
        "id": facts["id"],
        "language": facts["language"],
        "document_date": facts["document_date"],
    }
    (folder / f"{facts['id']}.meta.json").write_text(json.dumps(meta), "utf-8")


def test_gold_loader_finds_mention_spans_and_reports_bad_files(tmp_path: Path) -> None:
    _write_gold(tmp_path, _ar_facts(), AR_TEXT)
    [gold] = load_gold_dir(tmp_path)
    for start, end in gold.casualties[0].spans:
        assert AR_TEXT[start:end] == "مقتل 26 شخصا"
    assert len(gold.casualties[0].spans) == 2  # title and body
    (tmp_path / "bad.txt").write_text("x", "utf-8")
    (tmp_path / "bad.facts.json").write_text('{"id": "bad", "casualties": [{}]}', "utf-8")
    with pytest.raises(GoldFormatError, match="bad"):
        load_gold_dir(tmp_path)
    with pytest.raises(GoldFormatError, match="not a folder"):
        load_gold_dir(tmp_path / "absent")
    (tmp_path / "empty").mkdir()
    with pytest.raises(GoldFormatError, match=r"no \*\.facts\.json"):
        load_gold_dir(tmp_path / "empty")


def test_cli_table_json_misses_and_saved_records(tmp_path: Path) -> None:
    _write_gold(tmp_path, _ar_facts(), AR_TEXT)
    _write_gold(tmp_path, _en_facts(), EN_TEXT)
    runner = CliRunner()
    table = runner.invoke(evaluate, [str(tmp_path)])
    assert table.exit_code == 0, table.output
    assert "casualties" in table.output and "country acc" in table.output
    assert len(table.output.strip().splitlines()) <= 14
    as_json = runner.invoke(evaluate, [str(tmp_path), "--format", "json", "--misses"])
    data = json.loads(as_json.output)
    assert set(data["summary"]) == {"all", "ar", "en"}
    assert {d["id"] for d in data["documents"]} == {"ar_t", "en_t"}
    markdown = runner.invoke(evaluate, [str(tmp_path), "--format", "markdown"])
    assert markdown.exit_code == 0 and "| casualties |" in markdown.output
    golds = load_gold_dir(tmp_path)
    saved = tmp_path / "records.jsonl"
    saved.write_text("\n".join(oracle_record(g).to_json() for g in golds) + "\n", "utf-8")
    perfect = runner.invoke(evaluate, [str(tmp_path), "--records", str(saved), "--format", "json"])
    assert json.loads(perfect.output)["summary"]["all"]["casualties"]["f1"] == 1.0
    misses = runner.invoke(evaluate, [str(tmp_path), "--records", str(saved), "--misses"])
    assert "== ar_t" in misses.output and "missed" not in misses.output


# --- properties --------------------------------------------------------------------------------


@given(keep=st.lists(st.booleans(), min_size=12, max_size=12), twice=st.booleans())
def test_scores_stay_in_range_and_are_deterministic(keep: list[bool], twice: bool) -> None:
    gold = GoldDocument.from_facts(_ar_facts(), AR_TEXT)
    full = oracle_record(gold)
    fields = ("casualties", "dates", "statements", "deployments", "locations")
    chosen: dict[str, Any] = {}
    flags = iter(keep)
    for name in fields:
        items = [f for f in getattr(full, name) if next(flags, True)]
        chosen[name] = items * 2 if twice else items
    predicted = EventRecord(id=gold.id, **chosen)
    first = score_document(gold, predicted)
    assert first == score_document(gold, predicted)
    for name in fields:
        counts = first.categories[name].counts
        required = sum(not item.optional for item in gold.items(name))
        assert counts.tp + counts.fn == required
        assert 0.0 <= counts.precision <= 1.0 and 0.0 <= counts.recall <= 1.0
        assert 0.0 <= counts.f1 <= 1.0


# --- the dev set (shape only: the numbers belong to the extractors) ----------------------------


def test_dev_set_report_shape(devset_dir: Path) -> None:
    report = evaluate_dir(devset_dir)
    assert len(report.documents) == len(list(devset_dir.glob("*.facts.json")))
    assert set(report.languages) <= {"ar", "en"}
    summary = report.to_dict()["summary"]
    for language in ("all", *report.languages):
        for category in CATEGORIES:
            assert set(summary[language][category]) == {
                "tp",
                "fp",
                "fn",
                "precision",
                "recall",
                "f1",
            }
    assert len(format_table(report).splitlines()) <= 14
    assert format_misses(report).count("== ") == len(report.documents)
    gold = load_gold_dir(devset_dir)
    perfect = evaluate_records(gold, [oracle_record(g) for g in gold])
    assert all(perfect.counts(c).f1 == 1.0 for c in CATEGORIES)


@st.composite
def _figures(draw: st.DrawFn) -> tuple[int | None, int | None, int | None]:
    count = draw(st.none() | st.integers(0, 10_000))
    low = draw(st.none() | st.integers(0, 10_000))
    high = draw(st.none() | st.integers(low or 0, 20_000))
    return count, low, high


@given(figures=_figures(), kind=st.sampled_from(["killed", "injured", "arrested"]))
def test_a_figure_always_matches_itself(
    figures: tuple[int | None, int | None, int | None], kind: str
) -> None:
    count, low, high = figures
    facts = {
        **_en_facts(),
        "casualties": [
            {"kind": kind, "count": count, "min": low, "max": high, "mention": "At least 22 people"}
        ],
    }
    gold = GoldDocument.from_facts(facts, EN_TEXT)
    same = Casualty(kind=kind, count=count, min=low, max=high, evidence=ev(EN_TEXT, "At least 22"))
    assert _casualty_counts(gold, same) == Counts(tp=1, fp=0, fn=0)


@given(needles=st.lists(st.text(min_size=1, max_size=6), max_size=4))
def test_gold_spans_slice_back_to_their_mention(needles: list[str]) -> None:
    text = AR_TEXT + " " + " ".join(needles)
    facts = {**_ar_facts(), "dates": [{"value": "2022-01-07", "mentions": needles}]}
    gold = GoldDocument.from_facts(facts, text)
    for start, end in gold.dates[0].spans:
        assert text[start:end] in needles


def test_a_merged_deployment_matches_through_any_of_its_mentions() -> None:
    import eventx
    from eventx.evaluation.gold import GoldDeployment
    from eventx.evaluation.matching import deployment_score

    text = "أعلنت الوزارة إرسال قوات إلى المدينة. ووصلت القوات صباح اليوم."
    second = text.index("ووصلت")
    gold = GoldDeployment(
        force="troops",
        destination="the city",
        mention="ووصلت القوات",
        spans=((second, second + len("ووصلت القوات")),),
    )
    main = eventx.Evidence.from_span(text, 6, 25)
    pred = eventx.Deployment(force="قوات", evidence=main)
    assert deployment_score(gold, pred) == 0.0
    merged = eventx.Deployment(
        force="قوات",
        evidence=main,
        mentions=(main, eventx.Evidence.from_span(text, second, second + 12)),
    )
    assert deployment_score(gold, merged) >= 2.0


def test_location_mentions_match_with_or_without_type_word_and_clitic() -> None:
    from eventx.evaluation.gold import GoldLocation
    from eventx.evaluation.matching import location_score

    gold = GoldLocation(name="Saada", country_code="YE", kind="city", mentions=("مدينة صعدة",))

    def predicted(text: str, kind: str = "city", country: str = "YE") -> Location:
        return Location(
            name="Sa'dah",
            country_code=country,
            kind=kind,
            mentions=[Evidence(text=text, start=0, end=len(text))],
        )

    assert location_score(gold, predicted("صعدة")) > 0
    assert location_score(gold, predicted("بصعدة")) > 0
    assert location_score(gold, predicted("بمدينة صعدة")) > 0  # clitic, then the type word
    # the exact form still scores higher than the loose one
    assert location_score(gold, predicted("مدينة صعدة")) > location_score(gold, predicted("صعدة"))
    # kind and country must still agree, and a different name never matches
    assert location_score(gold, predicted("صعدة", kind="region")) == 0
    assert location_score(gold, predicted("صعدة", country="SA")) == 0
    assert location_score(gold, predicted("صنعاء")) == 0
    english = GoldLocation(name="Rajkot district", country_code="IN", kind="region",
                           mentions=("rajkot district",))  # fmt: skip
    rajkot = attrs.evolve(predicted("Rajkot", kind="region"), country_code="IN")
    assert location_score(english, rajkot) > 0
    # a hashtag joins the type word and the name with an underscore
    hashtag = GoldLocation(name="Saada Governorate", country_code="YE", kind="region",
                           mentions=("محافظة_صعدة",))  # fmt: skip
    assert location_score(hashtag, predicted("صعدة", kind="region")) > 0
    assert location_score(hashtag, predicted("صنعاء", kind="region")) == 0
