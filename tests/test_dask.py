"""eventx on Dask (issue 13.4): a pipeline pickles; records over dask.bag on the synchronous,
threaded and processes schedulers equal the plain pipeline's, byte for byte."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import eventx

dask = pytest.importorskip("dask")
import eventx.dask as edask  # noqa: E402


def dev_documents(devset_dir: Path) -> list[eventx.Document]:
    documents = []
    for path in sorted(devset_dir.glob("*.txt")):
        meta_path = path.with_suffix(".meta.json")
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
        documents.append(
            eventx.Document(
                id=path.stem,
                text=path.read_text("utf-8"),
                document_date=meta.get("document_date") or meta.get("date"),
            )
        )
    return documents


@pytest.fixture(scope="module")
def expected(devset_dir: Path) -> tuple[list[eventx.Document], list[str]]:
    documents = dev_documents(devset_dir)
    pipeline = eventx.Pipeline()
    return documents, [pipeline.run(d).to_json() for d in documents]


def test_a_pipeline_pickles_and_rebuilds_with_the_same_output() -> None:
    text = "Police said 26 people were killed in Almaty on Friday."
    pipeline = eventx.Pipeline(max_chars=10_000, work_budget=500)
    again = pickle.loads(pickle.dumps(pipeline))
    assert again.max_chars == 10_000 and again.work_budget == 500
    assert [e.name for e in again.extractors] == [e.name for e in pipeline.extractors]
    assert again.extract(text).to_json() == pipeline.extract(text).to_json()
    assert pickle.loads(pickle.dumps(eventx.default_pipeline())).extract(text).casualties


def test_a_pipeline_with_module_plugins_pickles() -> None:
    import eventx_casualties

    pipeline = eventx.Pipeline(plugins=[eventx_casualties], entry_points=False)
    again = pickle.loads(pickle.dumps(pipeline))
    assert [e.name for e in again.extractors] == [e.name for e in pipeline.extractors]
    text = "Police said 26 people were killed in Almaty on Friday."
    assert again.extract(text).to_json() == pipeline.extract(text).to_json()


@pytest.mark.slow
@pytest.mark.parametrize("scheduler", ["sync", "threads", "processes"])
def test_records_bag_gives_the_plain_pipelines_records(
    scheduler: str, expected: tuple[list[eventx.Document], list[str]]
) -> None:
    documents, plain = expected
    assert len(documents) >= 50
    bag = edask.records_bag(documents, npartitions=4)
    records = bag.compute(scheduler=scheduler, num_workers=2)
    assert [r.to_json() for r in records] == plain


def test_facts_frame_has_one_row_per_fact() -> None:
    texts = [
        "Police said 26 people were killed and 18 injured in Almaty, Kazakhstan, on Friday.",
        "أعلنت وزارة الداخلية الجمعة مصرع 26 مسلحا في ألماتي.",
    ]
    records = edask.records_bag(texts, npartitions=2)
    frame = edask.facts_frame(records).compute(scheduler="sync")
    assert tuple(frame.columns) == edask.FACT_COLUMNS
    plain = [eventx.Pipeline().run(edask.as_document(t, position=i)) for i, t in enumerate(texts)]
    expected_rows = [row for record in plain for row in edask.fact_rows(record)]
    assert len(frame) == len(expected_rows) > 0
    assert set(frame["document_id"]) == {"document-0", "document-1"}
    casualties = frame[frame["field"] == "casualties"]
    assert {json.loads(f)["count"] for f in casualties["fact"]} >= {26}
    for _, row in frame.iterrows():
        source = texts[int(row["document_id"].split("-")[1])]
        if row["start"] >= 0:
            assert source[row["start"] : row["end"]] == row["text"]


HANG_DIR = Path(__file__).resolve().parent / "fixtures" / "hang_plugin"


@pytest.mark.slow
@pytest.mark.parametrize("scheduler", ["sync", "processes"])
def test_isolated_documents_stop_an_endless_loop_and_keep_the_rest(
    scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The plugin is found by name in Dask's worker processes (they inherit PYTHONPATH).
    monkeypatch.syspath_prepend(str(HANG_DIR))
    monkeypatch.setenv("PYTHONPATH", str(HANG_DIR))
    import eventx_test_hang

    pipeline = eventx.Pipeline(plugins=[eventx_test_hang])
    text = "Police said 26 people were killed in Almaty on Friday."
    documents = [
        eventx.Document(id=f"d{i}", text=text, document_date="2022-01-07") for i in range(4)
    ]
    documents[1] = eventx.Document(id="stuck", text=f"{text} HANG-NOW")
    bag = edask.records_bag(
        documents, pipeline, npartitions=2, isolate=True, document_timeout=3.0
    )
    records = bag.compute(scheduler=scheduler, num_workers=2)
    assert [r.id for r in records] == ["d0", "stuck", "d2", "d3"]
    assert records[1].status == "error"
    assert "longer than the per-document limit of 3 s" in records[1].diagnostics[0].message
    for i in (0, 2, 3):  # the others: exactly the plain pipeline's records
        assert records[i].to_json() == pipeline.run(documents[i]).to_json()
