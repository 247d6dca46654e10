"""The pipeline's guarantees: isolation, provenance, one record per input, determinism."""

from __future__ import annotations

from collections.abc import Iterator

import eventx
from eventx import hookimpl

AR = "أعلنت وزارة الداخلية الجمعة مصرع 26 مسلحا وإصابة 18 آخرين."


class Exploding:
    name = "exploding"

    @hookimpl
    def eventx_register_extractors(self, register: eventx.Register) -> None:
        def boom(ctx: eventx.ExtractionContext) -> Iterator[eventx.DateFact]:
            raise RuntimeError("kaboom")

        register(eventx.Extractor(name="boom", func=boom, provides=["dates"]))


class Hanging:
    """An endless loop that checks its budget, as docs/plugins.md asks long loops to."""

    name = "hanging"

    @hookimpl
    def eventx_register_extractors(self, register: eventx.Register) -> None:
        def hang(ctx: eventx.ExtractionContext) -> list[eventx.DateFact]:
            while True:
                ctx.spend(100)

        register(eventx.Extractor(name="hang", func=hang, provides=["dates"]))


class BrokenRegistration:
    name = "broken-registration"

    @hookimpl
    def eventx_register_extractors(self, register: eventx.Register) -> None:
        raise ImportError("missing dependency")


def test_crashing_extractor_costs_only_its_own_facts() -> None:
    record = eventx.Pipeline(plugins=[Exploding()]).extract(AR, document_date="2022-01-07")
    assert record.status == "partial"
    assert any(d.plugin == "boom" and "kaboom" in d.message for d in record.diagnostics)
    assert record.casualties, "the casualties extractor's facts must survive"


def test_hanging_extractor_is_stopped() -> None:
    record = eventx.Pipeline(plugins=[Hanging()]).extract(AR, document_date="2022-01-07")
    assert record.status == "partial"
    assert any(d.plugin == "hang" and "work budget" in d.message for d in record.diagnostics)
    assert record.casualties, "the other extractors' facts must survive"


def test_plugin_failing_to_register_is_reported_not_fatal() -> None:
    pipeline = eventx.Pipeline(plugins=[BrokenRegistration()])
    info = {p.name: p for p in pipeline.plugins}["broken-registration"]
    assert info.status == "failed" and "missing dependency" in (info.error or "")
    assert pipeline.extract(AR).casualties


def test_evidence_is_stamped_with_the_extractor_name() -> None:
    record = eventx.extract(AR, document_date="2022-01-07")
    names = {e.extractor for e in record.all_evidence()}
    assert names and "" not in names
    assert not record.check_evidence(AR)


def test_extractors_run_in_dependency_order() -> None:
    order = [e.name for e in eventx.Pipeline().extractors]
    assert order.index("dates") < order.index("casualties")
    assert order.index("places") < order.index("deployments")


def test_empty_text_gives_an_error_record() -> None:
    record = eventx.extract("   \n ")
    assert record.status == "error"
    assert record.diagnostics[0].level == "error"


def test_same_input_same_bytes() -> None:
    first = eventx.Pipeline().extract(AR, document_date="2022-01-07").to_json()
    second = eventx.Pipeline().extract(AR, document_date="2022-01-07").to_json()
    assert first == second


def test_disable_plugins_by_name(monkeypatch: object) -> None:
    pipeline = eventx.Pipeline(disable=["eventx_casualties"])
    assert "casualties" not in [e.name for e in pipeline.extractors]
    assert not pipeline.extract(AR).casualties


def test_warm_up_changes_no_output() -> None:
    import gc

    cold = eventx.Pipeline().extract(AR, document_date="2022-01-07").to_json()
    warm_pipeline = eventx.Pipeline()
    try:
        warm_pipeline.warm_up(freeze_gc=True)
        assert gc.get_freeze_count() > 0
        assert warm_pipeline.extract(AR, document_date="2022-01-07").to_json() == cold
    finally:
        gc.unfreeze()


class CrashingPolicies:
    name = "crashing-policies"

    @hookimpl
    def eventx_decide_country(self, record: eventx.EventRecord) -> str | None:
        raise RuntimeError("policy bug")

    @hookimpl(tryfirst=True)
    def eventx_merge_facts(self, field: str) -> None:
        if field == "casualties":
            raise RuntimeError("merge bug")


def test_a_crashing_policy_hook_falls_back_to_the_next_implementation() -> None:
    text = "أعلنت وزارة الداخلية الكازاخستانية الجمعة مصرع 26 مسلحا في كازاخستان."
    baseline = eventx.Pipeline().extract(text, document_date="2022-01-07")
    record = eventx.Pipeline(plugins=[CrashingPolicies()]).extract(text, document_date="2022-01-07")
    assert record.status == "partial"
    assert record.country == baseline.country == "KZ"
    assert record.casualties == baseline.casualties
    messages = [d.message for d in record.diagnostics if d.plugin == "crashing-policies"]
    assert any("eventx_decide_country" in m for m in messages)
    assert any("eventx_merge_facts" in m for m in messages)


def test_documents_and_records_pickle() -> None:
    import pickle

    document = eventx.Document(
        id="a", text=AR, document_date="2022-01-07", metadata={"source": {"outlet": "x"}}
    )
    assert pickle.loads(pickle.dumps(document)) == document
    record = eventx.Pipeline().run(document)
    again = pickle.loads(pickle.dumps(record))
    assert again == record and again.to_json() == record.to_json()
    try:
        document.metadata["source"] = "changed"  # type: ignore[index]
    except TypeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("metadata must stay read-only")


def test_policy_hooks_receive_the_pipelines_annotation() -> None:
    seen: list[eventx.AnnotatedDocument] = []

    class Policy:
        name = "annotation-reader"

        @hookimpl
        def eventx_decide_country(self, annotation: eventx.AnnotatedDocument) -> None:
            seen.append(annotation)

    record = eventx.Pipeline(plugins=[Policy()]).extract(AR, document_date="2022-01-07")
    assert len(seen) == 1 and seen[0].text == AR and seen[0].sentences
    assert record.status == "ok"
