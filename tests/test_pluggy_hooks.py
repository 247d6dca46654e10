"""Hooks run through pluggy's own call loop: wrappers, tracing and firstresult work as pluggy
documents them, and the host still isolates each implementation (issue 13.2)."""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Any

import pluggy
import pytest

import eventx
from eventx import hookimpl
from eventx.plugins.hookspecs import HOOK_NAMES

AR = "أعلنت وزارة الداخلية الكازاخستانية الجمعة مصرع 26 مسلحا وإصابة 18 آخرين في ألماتي."
EN = "Police said 26 people were killed and 18 injured in Almaty, Kazakhstan, on Friday."
DATE = "2022-01-07"


def record_with(*plugins: object, text: str = AR) -> eventx.EventRecord:
    return eventx.Pipeline(plugins=plugins).extract(text, document_date=DATE)


def _wrapper_plugin(name: str, *, old_style: bool) -> object:
    """A plugin with a pass-through wrapper on every hook, as a user would write it."""

    def new_style(**_: Any) -> Generator[None, Any, Any]:
        result = yield
        return result

    def old(**_: Any) -> Generator[None, pluggy.Result[Any], None]:
        outcome = yield
        outcome.get_result()  # a real wrapper looks at the result

    marker = hookimpl(hookwrapper=True) if old_style else hookimpl(wrapper=True)
    body = old if old_style else new_style
    hooks = {hook: marker(staticmethod(body)) for hook in HOOK_NAMES}
    return type(name, (), {"name": name, **hooks})()


@pytest.mark.parametrize("old_style", [False, True], ids=["wrapper", "hookwrapper"])
@pytest.mark.parametrize("text", [AR, EN], ids=["ar", "en"])
def test_wrapper_plugins_on_every_hook_give_the_same_record(old_style: bool, text: str) -> None:
    baseline = record_with(text=text)
    wrapped = record_with(_wrapper_plugin("wrap-all", old_style=old_style), text=text)
    assert wrapped.to_json() == baseline.to_json()
    assert wrapped.status == "ok" and wrapped.country == "KZ" and wrapped.casualties


def test_a_wrapper_can_change_a_decision() -> None:
    class Override:
        name = "override-country"

        @hookimpl(wrapper=True)
        def eventx_decide_country(self) -> Generator[None, str | None, str]:
            decided = yield
            assert decided == "KZ"  # the inner implementations ran first
            return "RU"

    record = record_with(Override())
    assert record.country == "RU" and record.status == "ok"


def test_a_merge_wrapper_sees_and_can_reshape_every_field() -> None:
    seen: list[str] = []

    class Reverse:
        name = "reverse-merge"

        @hookimpl(wrapper=True)
        def eventx_merge_facts(self, field: str) -> Generator[None, Any, Any]:
            merged = yield
            seen.append(field)
            return list(reversed(merged))

    baseline = record_with()
    record = record_with(Reverse())
    assert seen == ["locations", "actors", "dates", "casualties", "deployments", "statements"]
    assert record.locations == tuple(reversed(baseline.locations))
    assert record.status == "ok" and record.country == baseline.country


def test_pluggy_tracing_sees_every_hook_call() -> None:
    pipeline = eventx.Pipeline()
    lines: list[str] = []
    pipeline.host.pm.trace.root.setwriter(lines.append)
    undo = pipeline.host.pm.enable_tracing()
    try:
        pipeline.extract(AR, document_date=DATE)
    finally:
        undo()
    called = "".join(lines)
    for hook in HOOK_NAMES[1:]:
        assert hook in called


def test_hookcall_monitoring_reports_each_call_with_its_result() -> None:
    pipeline = eventx.Pipeline()
    calls: list[str] = []
    answers: dict[str, Any] = {}

    def before(name: str, impls: Sequence[Any], kwargs: dict[str, Any]) -> None:
        calls.append(name)

    def after(outcome: pluggy.Result[Any], name: str, impls: Any, kwargs: Any) -> None:
        answers[name] = outcome.get_result()

    undo = pipeline.host.pm.add_hookcall_monitoring(before, after)
    try:
        record = pipeline.extract(AR, document_date=DATE)
    finally:
        undo()
    assert calls.count("eventx_merge_facts") == 6
    assert answers["eventx_decide_country"] == record.country == "KZ"


def test_firstresult_stops_at_the_first_answer() -> None:
    asked: list[str] = []

    class First:
        name = "first"

        @hookimpl(tryfirst=True)
        def eventx_decide_country(self) -> str:
            asked.append("first")
            return "EG"

    class Second:
        name = "second"

        @hookimpl
        def eventx_decide_country(self) -> str:
            asked.append("second")
            return "SY"

    assert record_with(Second(), First()).country == "EG"
    assert asked == ["first"]


def test_a_crashing_implementation_between_others_costs_only_its_answer() -> None:
    class Crash:
        name = "crash"

        @hookimpl(tryfirst=True)
        def eventx_decide_country(self) -> str:
            raise RuntimeError("policy bug")

    class Wrap:
        name = "wrap"

        @hookimpl(wrapper=True)
        def eventx_decide_country(self) -> Generator[None, Any, Any]:
            return (yield)

    record = record_with(Crash(), Wrap())
    assert record.country == "KZ" and record.status == "partial"
    assert any(d.plugin == "crash" and "policy bug" in d.message for d in record.diagnostics)


@pytest.mark.parametrize("when", ["before", "after", "twice", "never"])
def test_a_failing_wrapper_costs_only_its_own_change(when: str) -> None:
    class Faulty:
        name = f"faulty-{when}"

        @hookimpl(wrapper=True)
        def eventx_decide_country(self) -> Generator[None, Any, Any]:
            if when == "before":
                raise RuntimeError("before")
            if when == "never":
                return "RU"  # a generator that never yields
            yield
            if when == "after":
                raise RuntimeError("after")
            if when == "twice":
                yield
            return "RU"

    record = record_with(Faulty())
    assert record.country == "KZ" and record.status == "partial"
    assert any(d.plugin == f"faulty-{when}" for d in record.diagnostics)
    assert record.casualties


def test_a_wrapper_returning_an_invalid_answer_is_ignored() -> None:
    class Bad:
        name = "bad-wrapper"

        @hookimpl(wrapper=True)
        def eventx_decide_country(self) -> Generator[None, Any, Any]:
            yield
            return {"country": "RU"}

    record = record_with(Bad())
    assert record.country == "KZ" and record.status == "partial"
    assert any(d.plugin == "bad-wrapper" and "dict" in d.message for d in record.diagnostics)


def test_a_wrapper_on_register_extractors_sees_the_registration() -> None:
    registered: list[str] = []

    class Watch:
        name = "watch-register"

        @hookimpl(wrapper=True)
        def eventx_register_extractors(
            self, register: eventx.Register
        ) -> Generator[None, Any, Any]:
            result = yield
            registered.append("done")
            return result

    pipeline = eventx.Pipeline(plugins=[Watch()])
    assert registered == ["done"]
    assert "casualties" in [e.name for e in pipeline.extractors]
    assert {p.name: p for p in pipeline.plugins}["watch-register"].status == "loaded"


def test_hooks_called_directly_on_the_plugin_manager_behave_as_in_pluggy() -> None:
    """Outside a pipeline run the guards step aside: exceptions reach the caller."""

    class Crash:
        name = "crash-direct"

        @hookimpl(tryfirst=True)
        def eventx_decide_country(self) -> str:
            raise RuntimeError("direct")

    pipeline = eventx.Pipeline(plugins=[Crash()])
    pipeline.extract(AR)  # guards installed
    record = pipeline.extract(AR, document_date=DATE)
    with pytest.raises(RuntimeError, match="direct"):
        pipeline.host.hook.eventx_decide_country(record=record, document=None, annotation=None)
