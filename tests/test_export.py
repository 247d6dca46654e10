"""Tables and exports: every cell of every format holds the value the record holds.

Each check has two halves: rows against the record (paths written out here, independently of
eventx.export), and files read back with pandas/pyarrow against the rows.
"""

from __future__ import annotations

import json
import math
import types
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

import eventx
from eventx.cli import main
from eventx.demo import seed_record
from eventx.export import (
    ACLED_COLUMNS,
    KINDS,
    acled_row,
    column_types,
    columns,
    conservative,
    export_records,
    fact_rows,
    plover_event,
)
from eventx.export import places as place_fields

EN_TEXT = (
    "Police in Mosul said on Monday that 12 people were killed and 30 injured when a car bomb "
    "exploded near a market. A hospital source later said more than 20 were killed. "
    "Security forces arrested 4 suspects, the interior ministry said."
)


@pytest.fixture(scope="module")
def records() -> list[eventx.EventRecord]:
    english = eventx.extract(EN_TEXT, language="en", document_date="2023-03-06")
    return [seed_record(bundled_only=True), english]


def _get(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = None if obj is None else getattr(obj, part)
    return obj


# column -> path in the fact (None: computed below). Written out by hand on purpose.
FACT_PATHS: dict[str, dict[str, str]] = {
    "casualties": {c: c for c in ("kind", "count", "min", "max", "approximate", "qualifier",
                                  "group", "source", "date", "subset")},
    "dates": {c: c for c in ("value", "start", "end", "granularity", "anchor", "anchor_value",
                             "rule", "future", "background")},
    "statements": {
        **{c: c for c in ("speaker", "speaker_en", "cue", "content", "direct", "date",
                          "on_behalf_of", "anonymous")},
        "speaker_start": "speaker_evidence.start", "speaker_end": "speaker_evidence.end",
        "content_start": "content_evidence.start", "content_end": "content_evidence.end",
    },
    "deployments": {
        **{c: c for c in ("force", "force_kind", "actor", "actor_country", "destination",
                          "destination_country", "status", "purpose", "date")},
        "size_count": "size.count", "size_min": "size.min", "size_max": "size.max",
        "size_approximate": "size.approximate",
    },
    "locations": {c: c for c in ("name", "country_code", "kind", "geonameid", "lat", "lon",
                                 "resolution")},
    "actors": {c: c for c in ("name", "kind", "country_code", "title")},
    "extensions": {"field": "field"},
}


def _expected_evidence(kind: str, fact: Any) -> Any:
    if kind in ("locations", "actors"):
        return min(fact.mentions, key=lambda e: (e.start, e.end)) if fact.mentions else None
    return fact.evidence


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "events"])
def test_fact_rows_hold_the_record_values(records: list[eventx.EventRecord], kind: str) -> None:
    rows = list(fact_rows(records, kind))
    facts = [
        (r.id, f)
        for r in records
        for f in (
            [x for key in sorted(r.extensions) for x in r.extensions[key]]
            if kind == "extensions"
            else getattr(r, kind)
        )
    ]
    assert len(rows) == len(facts)
    for row, (doc_id, fact) in zip(rows, facts, strict=True):
        assert list(row) == list(columns(kind))
        assert row["document_id"] == doc_id
        for column, path in FACT_PATHS[kind].items():
            assert row[column] == _get(fact, path), (kind, column)
        evidence = _expected_evidence(kind, fact)
        assert row["evidence_start"] == evidence.start and row["evidence_end"] == evidence.end
        assert row["evidence_text"] == evidence.text
        assert row["evidence_sentence"] == evidence.sentence
        assert row["extractor"] == evidence.extractor
        if kind == "deployments":
            assert row["contributors"] == ";".join(fact.contributors)
        if kind in ("casualties", "deployments", "locations", "actors"):
            assert row["mentions"] == len(fact.mentions)


def test_every_kind_has_rows_on_the_seed(records: list[eventx.EventRecord]) -> None:
    seed = records[0]
    for kind in ("casualties", "dates", "statements", "deployments", "locations", "actors"):
        assert len(list(fact_rows([seed], kind))) == len(getattr(seed, kind)) > 0


def test_event_rows_hold_record_level_values(records: list[eventx.EventRecord]) -> None:
    for record, row in zip(records, fact_rows(records, "events"), strict=True):
        assert row["document_id"] == record.id
        assert row["event_type"] == (record.event_type.acled if record.event_type else None)
        assert row["plover"] == (record.event_type.plover if record.event_type else None)
        assert row["country"] == record.country
        assert row["time_start"] == (record.time.start if record.time else None)
        totals = {t.kind: t.count for t in record.casualty_totals}
        assert row["killed"] == totals.get("killed")
        assert row["statements"] == len(record.statements)
    seed_row = next(fact_rows(records[:1], "events"))
    assert (seed_row["event_type"], seed_row["country"]) == ("riots", "KZ")
    assert seed_row["killed"] == 26


def _read_csv(path: Path, kind: str) -> list[dict[str, Any]]:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(path, dtype=column_types(kind), keep_default_na=False, na_values=[""])
    return _plain(frame)


def _plain(frame: Any) -> list[dict[str, Any]]:
    pd = pytest.importorskip("pandas")
    def plain(value: Any) -> Any:
        return None if not isinstance(value, (list, dict)) and pd.isna(value) else value

    return [{k: plain(v) for k, v in row.items()} for row in frame.astype(object).to_dict("records")]


def _same(read: Any, expected: Any) -> bool:
    if isinstance(expected, float):
        return math.isclose(read, expected, rel_tol=1e-12)
    if expected == "" and read is None:  # CSV cannot tell "" from null
        return True
    return bool(read == expected)


@pytest.mark.parametrize("kind", KINDS)
def test_csv_and_parquet_read_back_equal_the_rows(
    records: list[eventx.EventRecord], kind: str, tmp_path: Path
) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    expected = list(fact_rows(records, kind))
    export_records(records, "csv", tmp_path / "t.csv", kind=kind)
    export_records(records, "parquet", tmp_path / "t.parquet", kind=kind)
    from_csv = _read_csv(tmp_path / "t.csv", kind)
    from_parquet = _plain(pd.read_parquet(tmp_path / "t.parquet"))
    for read in (from_csv, from_parquet):
        assert len(read) == len(expected)
        for got, want in zip(read, expected, strict=True):
            assert list(got) == list(want)
            for column in want:
                assert _same(got[column], want[column]), (kind, column, got[column], want[column])


def test_to_dataframe_is_typed_and_keeps_arabic(records: list[eventx.EventRecord]) -> None:
    pytest.importorskip("pandas")
    frame = eventx.to_dataframe(records, kind="casualties")
    assert list(frame.columns) == list(columns("casualties"))
    assert str(frame["count"].dtype) == "Int64" and str(frame["kind"].dtype) == "string"
    seed_killed = frame[(frame.document_id == records[0].id) & (frame.kind == "killed")]
    assert 26 in set(seed_killed["count"])
    assert "مصرع 26" in " ".join(seed_killed["evidence_text"])


def test_to_dataframe_rejects_an_unknown_kind(records: list[eventx.EventRecord]) -> None:
    with pytest.raises(ValueError, match="casualties"):
        list(fact_rows(records, kind="weapons"))


def test_missing_pandas_gives_an_install_hint(
    records: list[eventx.EventRecord], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    real = importlib.import_module

    def refuse(name: str, *args: Any) -> Any:
        if name == "pandas":
            raise ImportError("no pandas here")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", refuse)
    with pytest.raises(ImportError, match=r"eventx-news\[tables\]"):
        eventx.to_dataframe(records)


# --- ACLED ----------------------------------------------------------------------------------


def _claim(kind: str, count: int | None, figure: str, text: str, **kw: Any) -> eventx.Casualty:
    start = text.index(figure)
    return eventx.Casualty(
        kind=kind,
        count=count,
        min=kw.pop("min", count),
        max=kw.pop("max", count),
        evidence=eventx.Evidence.from_span(text, start, start + len(figure)),
        **kw,
    )


def test_acled_fatalities_are_the_most_conservative_claim_with_the_others_in_notes() -> None:
    text = "12 killed, later more than 20 killed, including 5 children; 30 injured."
    record = eventx.EventRecord(
        id="d1",
        casualties=[
            _claim("killed", 12, "12 killed", text, source="police"),
            _claim("killed", 20, "more than 20", text, min=21, max=None, qualifier="more_than"),
            _claim("killed", 5, "5 children", text, subset=True),
            _claim("injured", 30, "30 injured", text),
        ],
    )
    figure, claims = conservative(record, "killed")
    assert figure == 12 and len(claims) == 2  # the subset breakdown is not a competing claim
    row = acled_row(record)
    assert row["fatalities"] == 12
    assert "most conservative of 2 claims" in row["notes"]
    assert "according to police" in row["notes"]
    assert "other claim: killed 'more than 20' (21)" in row["notes"]
    assert "injured: 30" in row["notes"]


def test_acled_no_reported_death_is_zero_fatalities() -> None:
    row = acled_row(eventx.EventRecord(id="quiet", document_date="2024-05-02"))
    assert row["fatalities"] == 0
    assert (row["event_date"], row["time_precision"], row["year"]) == ("2024-05-02", 3, 2024)
    assert "publication date used" in row["notes"]


def test_acled_time_precision_follows_the_span() -> None:
    def row(start: str, end: str) -> dict[str, Any]:
        return acled_row(eventx.EventRecord(id="t", time=eventx.TimeSpan(start=start, end=end)))

    assert (row("2022-01-05", "2022-01-05")["event_date"], row("2022-01-05", "2022-01-05")["time_precision"]) == ("2022-01-05", 1)
    week = row("2022-01-01", "2022-01-07")
    assert (week["event_date"], week["time_precision"]) == ("2022-01-04", 2)
    month = row("2022-01-01", "2022-01-31")
    assert (month["event_date"], month["time_precision"]) == ("2022-01-16", 3)


def test_acled_row_on_the_seed(records: list[eventx.EventRecord]) -> None:
    seed = records[0]
    row = acled_row(seed)
    assert tuple(row) == ACLED_COLUMNS
    assert row["event_type"] == "Riots" and row["country"] == "Kazakhstan" and row["iso"] == 398
    assert row["fatalities"] == conservative(seed, "killed")[0] == 26
    place = place_fields.primary_place(seed)
    assert place is not None and place.country_code == "KZ"
    assert (row["location"], row["latitude"], row["longitude"]) == (place.name, place.lat, place.lon)
    assert row["geo_precision"] == place_fields.geo_precision(place)
    assert row["source"] == seed.id
    assert row["event_date"] is not None and row["time_precision"] in (1, 2, 3)


def test_acled_csv_reads_back_with_acled_columns(
    records: list[eventx.EventRecord], tmp_path: Path
) -> None:
    pd = pytest.importorskip("pandas")
    export_records(records, "acled-csv", tmp_path / "acled.csv")
    frame = pd.read_csv(tmp_path / "acled.csv", keep_default_na=False, na_values=[""], dtype=str)
    assert tuple(frame.columns) == ACLED_COLUMNS
    for got, record in zip(_plain(frame), records, strict=True):
        want = acled_row(record)
        for column in ACLED_COLUMNS:
            value = want[column]
            assert got[column] == (None if value is None else str(value)), column


# --- places fields from issue 12, read when present ------------------------------------------


def test_place_fields_are_read_when_the_record_has_them() -> None:
    location = types.SimpleNamespace(
        kind="city",
        role="event",
        admin1={"name": "Mangystau", "code": "KZ-MAN"},
        admin2=types.SimpleNamespace(name="Zhanaozen", code=None),
        geo_precision=2,
    )
    assert place_fields.role(location) == "event"  # type: ignore[arg-type]
    assert place_fields.admin(location, 1) == ("Mangystau", "KZ-MAN")  # type: ignore[arg-type]
    assert place_fields.admin(location, 2) == ("Zhanaozen", None)  # type: ignore[arg-type]
    assert place_fields.geo_precision(location) == 2  # type: ignore[arg-type]
    # A record of an older version, read back: no role, no admin areas, no precision.
    older = types.SimpleNamespace(kind="city", role=None, admin1=None, admin2=None)
    assert place_fields.role(older) is None  # type: ignore[arg-type]
    assert place_fields.admin(older, 1) == (None, None)  # type: ignore[arg-type]
    assert place_fields.geo_precision(older) == 1  # type: ignore[arg-type]
    assert place_fields.geo_precision(eventx.Location(name="Kazakhstan", kind="country")) == 3


def test_primary_place_prefers_the_most_specific_place_in_the_country() -> None:
    text = "Kazakhstan: unrest in Almaty and Almaty; Moscow reacted."
    ev = eventx.Evidence.from_span
    record = eventx.EventRecord(
        id="p",
        country="KZ",
        locations=[
            eventx.Location(name="Kazakhstan", country_code="KZ", kind="country",
                            mentions=[ev(text, 0, 10)]),
            eventx.Location(name="Almaty", country_code="KZ", kind="city",
                            mentions=[ev(text, 22, 28), ev(text, 33, 39)]),
            eventx.Location(name="Moscow", country_code="RU", kind="city",
                            mentions=[ev(text, 41, 47)]),
        ],
    )
    place = place_fields.primary_place(record)
    assert place is not None and place.name == "Almaty"


# --- PLOVER ---------------------------------------------------------------------------------


def test_plover_jsonl_has_plover_fields(records: list[eventx.EventRecord], tmp_path: Path) -> None:
    export_records(records, "plover-jsonl", tmp_path / "p.jsonl")
    lines = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text("utf-8").splitlines()]
    assert len(lines) == len(records)
    for event, record in zip(lines, records, strict=True):
        assert event == json.loads(json.dumps(plover_event(record)))
        assert event["id"] == record.id
        assert event["event"] == ([record.event_type.plover] if record.event_type and record.event_type.plover else [])
        assert set(event["size"]) == {"dead", "injured", "arrested"}
        assert event["size"]["dead"] == conservative(record, "killed")[0]
        for text, info in zip(event["event_text"], event["text_info"], strict=True):
            assert text == next(
                e.text for e in record.event_type.evidence if e.start == info["start"]  # type: ignore[union-attr]
            )
    seed = lines[0]
    assert seed["event"] == ["PROTEST"] and seed["quad_code"] == 4
    assert seed["event_loc"]["country_code"] == "KAZ"
    assert seed["date"] == records[0].time.start  # type: ignore[union-attr]
    pd = pytest.importorskip("pandas")
    frame = pd.read_json(tmp_path / "p.jsonl", lines=True)
    assert {"id", "date", "event", "mode", "context", "actor", "recipient", "event_loc",
            "size", "event_text"} <= set(frame.columns)


# --- command line ---------------------------------------------------------------------------


def test_export_command_reads_stdin_and_writes_each_format(
    records: list[eventx.EventRecord], tmp_path: Path
) -> None:
    jsonl = "".join(r.to_json() + "\n" for r in records)
    runner = CliRunner()
    for fmt, name in (("csv", "t.csv"), ("acled-csv", "a.csv"), ("plover-jsonl", "p.jsonl")):
        out = tmp_path / name
        result = runner.invoke(main, ["export", "-", "--to", fmt, "-o", str(out)], input=jsonl)
        assert result.exit_code == 0, result.output
        assert out.read_text("utf-8").count("\n") == len(records) + (fmt != "plover-jsonl")
    pretty = records[0].to_json(indent=True)  # `eventx extract` of one document is pretty JSON
    out = tmp_path / "one.csv"
    result = runner.invoke(main, ["export", "-", "--to", "csv", "--kind", "casualties",
                                  "-o", str(out)], input=pretty)
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").splitlines()[0].startswith("document_id,index,kind,count")


def test_export_command_rejects_non_records(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["export", "-", "--to", "csv", "-o", str(tmp_path / "x.csv")], input='{"a": 1}\n'
    )
    assert result.exit_code != 0 and "not eventx records" in result.output


@pytest.mark.slow
def test_all_formats_over_the_dev_set(devset_dir: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    documents = []
    for text_path in sorted(devset_dir.glob("*.txt")):
        meta = json.loads(text_path.with_suffix(".meta.json").read_text("utf-8"))
        documents.append(
            eventx.Document(id=text_path.stem, text=text_path.read_text("utf-8"),
                            language=meta.get("language"), document_date=meta.get("document_date"))
        )
    assert len(documents) == 59
    pipeline = eventx.Pipeline()
    records = [pipeline.run(d) for d in documents]
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("".join(r.to_json() + "\n" for r in records), "utf-8")
    runner = CliRunner()
    for fmt, name in (("csv", "c.csv"), ("parquet", "c.parquet"), ("acled-csv", "a.csv"),
                      ("plover-jsonl", "p.jsonl")):
        result = runner.invoke(main, ["export", str(jsonl), "--to", fmt, "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert len(pd.read_csv(tmp_path / "c.csv")) == 59
    assert list(pd.read_parquet(tmp_path / "c.parquet")["document_id"]) == [d.id for d in documents]
    acled = pd.read_csv(tmp_path / "a.csv", keep_default_na=False, na_values=[""])
    assert tuple(acled.columns) == ACLED_COLUMNS and len(acled) == 59
    assert list(acled["fatalities"]) == [conservative(r, "killed")[0] or 0 for r in records]
    plover = pd.read_json(tmp_path / "p.jsonl", lines=True)
    assert list(plover["id"]) == [d.id for d in documents]
    for kind in KINDS:  # every table of the 59 articles reads back cell for cell
        rows = list(fact_rows(records, kind))
        assert export_records(records, "csv", tmp_path / f"{kind}.csv", kind=kind) == len(rows)
        export_records(records, "parquet", tmp_path / f"{kind}.parquet", kind=kind)
        for read in (_read_csv(tmp_path / f"{kind}.csv", kind),
                     _plain(pd.read_parquet(tmp_path / f"{kind}.parquet"))):
            assert len(read) == len(rows)
            for got, want in zip(read, rows, strict=True):
                assert all(_same(got[c], want[c]) for c in want), (kind, want["document_id"])


def test_acled_actors_are_collectives_of_the_event_country_first() -> None:
    text = "Russia Russia Russia said police and rioters clashed; Tokayev Tokayev Tokayev spoke."
    ev = eventx.Evidence.from_span

    def spans(word: str) -> list[eventx.Evidence]:
        found, start = [], text.find(word)
        while start >= 0:
            found.append(ev(text, start, start + len(word)))
            start = text.find(word, start + 1)
        return found

    record = eventx.EventRecord(
        id="a",
        country="KZ",
        actors=[
            eventx.Actor(name="Russia", kind="state", country_code="RU", mentions=spans("Russia")),
            eventx.Actor(name="Tokayev", kind="person", country_code="KZ", mentions=spans("Tokayev")),
            eventx.Actor(name="rioters", kind="group", country_code="KZ", mentions=spans("rioters")),
            eventx.Actor(name="police", kind="force", country_code="KZ", mentions=spans("police")),
        ],
    )
    row = acled_row(record)
    # people are never ACLED actors; the two local collectives come before the commenting state
    assert (row["actor1"], row["actor2"]) == ("police", "rioters")
    assert [e["identifier_text"] for e in plover_event(record)["actor"]] == ["police", "rioters"]


def test_primary_place_named_by_the_record_wins() -> None:
    text = "Almaty and Aktau."
    ev = eventx.Evidence.from_span
    almaty = eventx.Location(name="Almaty", country_code="KZ", kind="city", mentions=[ev(text, 0, 6)])
    aktau = eventx.Location(name="Aktau", country_code="KZ", kind="city", mentions=[ev(text, 11, 16)])
    record = eventx.EventRecord(id="n", country="KZ", locations=[almaty, aktau])
    assert place_fields.primary_place(record) is almaty  # an older record: the heuristic
    named = attrs.evolve(record, primary_location="Aktau")
    assert place_fields.primary_place(named) is aktau
