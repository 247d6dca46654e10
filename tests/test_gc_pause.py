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
