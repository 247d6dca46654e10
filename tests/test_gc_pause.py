"""A pipeline warmed with ``freeze_gc`` pauses automatic garbage collection per document.

The pause is process-wide, so it must be opt-in, end with the document (also one whose
extractor crashes), and never switch collection on for a process that had it off.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import eventx
from eventx import hookimpl

AR = "أعلنت وزارة الداخلية الجمعة مصرع 26 مسلحا وإصابة 18 آخرين."


class CollectorProbe:
    """Notes whether automatic collection is on while its extractor runs; optionally crashes."""

    name = "collector-probe"

    def __init__(self, crash: bool = False) -> None:
        self.seen: list[bool] = []
        self.crash = crash

    @hookimpl
    def eventx_register_extractors(self, register: eventx.Register) -> None:
        def probe(ctx: eventx.ExtractionContext) -> list[eventx.DateFact]:
            self.seen.append(gc.isenabled())
            if self.crash:
                raise RuntimeError("probe crashed")
            return []

        register(eventx.Extractor(name="probe", func=probe, provides=["dates"]))


@pytest.fixture
def restore_collector() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_an_ordinary_pipeline_leaves_the_collector_alone(restore_collector: None) -> None:
    probe = CollectorProbe()
    eventx.Pipeline(plugins=[probe], entry_points=False).extract(AR)
    assert probe.seen == [True]
    assert gc.isenabled()


@pytest.mark.parametrize("crash", [False, True])
def test_a_frozen_pipeline_pauses_collection_for_each_document(
    restore_collector: None, crash: bool
) -> None:
    probe = CollectorProbe(crash=crash)
    pipeline = eventx.Pipeline(plugins=[probe], entry_points=False)
    pipeline.warm_up(freeze_gc=True)
    probe.seen.clear()
    records = [pipeline.extract(AR), pipeline.extract(AR)]
    assert probe.seen == [False, False]
    assert gc.isenabled()  # back on after each document
    assert [r.status for r in records] == (["partial"] * 2 if crash else ["ok"] * 2)


def test_the_pause_never_turns_a_disabled_collector_on(restore_collector: None) -> None:
    probe = CollectorProbe()
    pipeline = eventx.Pipeline(plugins=[probe], entry_points=False)
    pipeline.warm_up(freeze_gc=True)
    gc.disable()
    pipeline.extract(AR)
    assert not gc.isenabled()


def test_the_pause_does_not_change_records(restore_collector: None) -> None:
    plain = eventx.Pipeline(entry_points=True).extract(AR, document_date="2022-01-07")
    frozen = eventx.Pipeline(entry_points=True)
    frozen.warm_up(freeze_gc=True)
    assert frozen.extract(AR, document_date="2022-01-07").to_json() == plain.to_json()


# Texts that run every bundled extractor's full path (a deployment builds its document index,
# dates are resolved against each other, a statement has a speaker).
NO_CYCLE_TEXTS = (
    (
        "أرسلت الحكومة 3000 جندي إلى الحدود يوم الاثنين، وقال وزير الدفاع إن القوات وصلت في "
        "اليوم التالي. وقتل خمسة مدنيين في قصف على مدينة حلب.",
        "ar",
    ),
    (
        "The government sent 3,000 troops to the border on Monday, and the defence minister said "
        'the force arrived the next day. "We will stay," he said. Five civilians were killed in '
        "shelling in Aleppo.",
        "en",
    ),
)


def test_a_document_leaves_no_reference_cycles(restore_collector: None) -> None:
    """Everything a document allocates is freed when its record is: a pipeline run leaves no
    cyclic garbage for the collector (with collection paused per document, cycles kept each
    document's tokens alive until the next collection and made that collection walk them)."""
    pipeline = eventx.Pipeline(disable=["eventx_weapons"])
    pipeline.warm_up()
    for text, language in NO_CYCLE_TEXTS:
        record = pipeline.extract(text, language=language, document_date="2022-01-07")
        assert record.deployments and record.dates and record.statements
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for text, language in NO_CYCLE_TEXTS:
            pipeline.extract(text, language=language, document_date="2022-01-07")
        gc.collect()
        left = sorted({type(o).__qualname__ for o in gc.garbage})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert left == []
