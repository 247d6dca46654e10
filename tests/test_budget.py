"""The per-stage work budget (issue 13.1, 16.4) and BaseException isolation (issue 16.5).

No signals, no timers, no wall clock: the tests below show the host's own ITIMER_REAL timer
survives, that an extractor cannot swallow its budget, that decision hooks are bounded, and that
a budget overrun gives the same record in any thread.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest

import eventx
from eventx import hookimpl

AR = "أعلنت وزارة الداخلية الكازاخستانية الجمعة مصرع 26 مسلحا وإصابة 18 آخرين في ألماتي."
DATE = "2022-01-07"


def extractor_plugin(name: str, func: Any) -> object:
    class Plugin:
        @hookimpl
        def eventx_register_extractors(self, register: eventx.Register) -> None:
            register(eventx.Extractor(name=name, func=func, provides=["dates"]))

    plugin = Plugin()
    plugin.name = name  # type: ignore[attr-defined]
    return plugin


def swallowing(ctx: eventx.ExtractionContext) -> Iterator[eventx.DateFact]:
    """Loops forever and catches every Exception, like careless plugin code does."""
    while True:
        try:
            ctx.spend(1000)
        except Exception:
            continue


def stubborn(ctx: eventx.ExtractionContext) -> list[eventx.DateFact]:
    """Catches even BaseException and returns a fact: the host still drops it."""
    try:
        while True:
            ctx.spend(1000)
    except BaseException:
        pass
    return [eventx.DateFact(value="2022-01-07", evidence=ctx.evidence(0, 5))]


def test_budget_counts_units_and_raises_a_base_exception() -> None:
    budget = eventx.Budget(10)
    budget.spend(10)
    assert not budget.exhausted and budget.remaining == 0
    with pytest.raises(eventx.BudgetExceeded) as raised:
        budget.spend(1)
    assert not isinstance(raised.value, Exception)
    assert budget.exhausted
    with pytest.raises(eventx.BudgetExceeded):
        budget.check()  # once spent, it stays spent
    eventx.spend_budget(10**12)  # outside a pipeline run: no budget, no effect


@pytest.mark.parametrize("func", [swallowing, stubborn], ids=["except-Exception", "except-Base"])
def test_an_extractor_cannot_swallow_its_budget(func: Any) -> None:
    record = eventx.Pipeline(plugins=[extractor_plugin("greedy", func)]).extract(
        AR, document_date=DATE
    )
    assert record.status == "partial"
    (message,) = [d.message for d in record.diagnostics if d.plugin == "greedy"]
    assert "work budget" in message and "dropped" in message
    assert not [e for e in record.all_evidence() if e.extractor == "greedy"]
    assert record.casualties and record.country == "KZ"


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs POSIX interval timers")
def test_the_hosts_real_timer_and_alarm_handler_survive_extract() -> None:
    fired: list[int] = []

    def handler(signum: int, _frame: Any) -> None:
        fired.append(signum)

    previous = signal.signal(signal.SIGALRM, handler)
    try:
        signal.setitimer(signal.ITIMER_REAL, 3600.0)
        eventx.Pipeline(plugins=[extractor_plugin("greedy", swallowing)]).extract(
            AR, document_date=DATE
        )
        remaining, _interval = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 3600.0, "extract() cancelled the host's timer"
        assert signal.getsignal(signal.SIGALRM) is handler
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert fired == []


def test_a_budget_overrun_gives_the_same_record_in_a_thread() -> None:
    pipeline = eventx.Pipeline(plugins=[extractor_plugin("greedy", swallowing)])
    main = pipeline.extract(AR, document_date=DATE).to_json()
    results: list[str] = []
    workers = [
        threading.Thread(
            target=lambda: results.append(pipeline.extract(AR, document_date=DATE).to_json())
        )
        for _ in range(3)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert results == [main] * 3
    assert '"status":"partial"' in main


def test_a_runaway_decision_hook_is_bounded_and_the_core_decides() -> None:
    class Loop:
        name = "looping-policy"

        @hookimpl(tryfirst=True)
        def eventx_decide_country(self) -> str:
            while True:
                with contextlib.suppress(Exception):
                    eventx.spend_budget(1000)

    record = eventx.Pipeline(plugins=[Loop()]).extract(AR, document_date=DATE)
    assert record.country == "KZ" and record.status == "partial"
    assert any(
        d.plugin == "looping-policy" and "work budget" in d.message for d in record.diagnostics
    )


def test_work_budget_none_means_unlimited_and_small_budgets_are_honoured() -> None:
    def counted(ctx: eventx.ExtractionContext) -> list[eventx.DateFact]:
        ctx.spend(2_000_000)  # more than the smallest allowance, less than unlimited
        return []

    plugin = extractor_plugin("counted", counted)
    assert eventx.Pipeline(plugins=[plugin], work_budget=None).extract(AR).status == "ok"
    limited = eventx.Pipeline(plugins=[plugin], work_budget=1).extract(AR)
    assert limited.status == "partial"
    assert any(d.plugin == "counted" for d in limited.diagnostics)


# --- SystemExit / KeyboardInterrupt inside plugins (issue 16.5) --------------------------------


def exiting(ctx: eventx.ExtractionContext) -> list[eventx.DateFact]:
    sys.exit(3)


def interrupting(ctx: eventx.ExtractionContext) -> list[eventx.DateFact]:
    raise KeyboardInterrupt("a plugin pretending to be Ctrl-C")


@pytest.mark.parametrize(
    ("func", "kind"), [(exiting, "SystemExit"), (interrupting, "KeyboardInterrupt")]
)
def test_system_exit_and_keyboard_interrupt_from_a_plugin_cost_only_its_facts(
    func: Any, kind: str
) -> None:
    record = eventx.Pipeline(plugins=[extractor_plugin("quitter", func)]).extract(
        AR, document_date=DATE
    )
    assert record.status == "partial" and record.casualties
    (message,) = [d.message for d in record.diagnostics if d.plugin == "quitter"]
    assert kind in message


def test_system_exit_in_a_decision_hook_is_isolated() -> None:
    class Exit:
        name = "exit-policy"

        @hookimpl(tryfirst=True)
        def eventx_decide_time(self) -> None:
            raise SystemExit(1)

    record = eventx.Pipeline(plugins=[Exit()]).extract(AR, document_date=DATE)
    assert record.status == "partial" and record.time is not None


@pytest.mark.skipif(
    signal.getsignal(signal.SIGINT) is not signal.default_int_handler,
    reason="needs Python's default SIGINT handler",
)
def test_a_real_interrupt_stops_the_run() -> None:
    def ctrl_c(ctx: eventx.ExtractionContext) -> list[eventx.DateFact]:
        signal.raise_signal(signal.SIGINT)  # what pressing Ctrl-C does
        return []

    pipeline = eventx.Pipeline(plugins=[extractor_plugin("ctrl-c", ctrl_c)])
    with pytest.raises(KeyboardInterrupt):
        pipeline.extract(AR, document_date=DATE)


def test_keyboard_interrupt_in_a_worker_thread_is_never_a_real_interrupt() -> None:
    pipeline = eventx.Pipeline(plugins=[extractor_plugin("quitter", interrupting)])
    records: list[eventx.EventRecord] = []
    worker = threading.Thread(target=lambda: records.append(pipeline.extract(AR)))
    worker.start()
    worker.join()
    assert records and records[0].status == "partial"
