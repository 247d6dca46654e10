"""Every hook in eventx.plugins.hookspecs, exercised through a plugin as a user would write it.

firstresult hooks: a plugin's non-None answer wins over the core's trylast default; None defers
to it; an exception costs only that decision (a diagnostic, status "partial").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest

import eventx
from eventx import hookimpl
from eventx.plugins.hookspecs import HOOK_NAMES

AR = "أعلنت وزارة الداخلية الجمعة مصرع 26 مسلحا وإصابة 18 آخرين في كازاخستان."
EN = "Officials said 26 people were killed in Almaty on Friday; later 30 were reported killed."


def run(*plugins: object, text: str = AR) -> eventx.EventRecord:
    return eventx.Pipeline(plugins=plugins).extract(text, document_date="2022-01-07")


def test_every_hookspec_is_listed() -> None:
    from eventx.plugins import hookspecs

    specs = sorted(n for n in dir(hookspecs) if n.startswith("eventx_"))
    assert specs == sorted(HOOK_NAMES)


# --- eventx_register_extractors ---------------------------------------------------------------


class Greetings:
    """Registers two extractors; the second requires what the first provides."""

    name = "greetings"

    @hookimpl
    def eventx_register_extractors(self, register: eventx.Register) -> None:
        def first(ctx: eventx.ExtractionContext) -> Iterator[eventx.Extension]:
            sentence = ctx.sentences[0]
            yield eventx.Extension(
                field="firsts",
                value={"n": 1},
                evidence=ctx.evidence(sentence.start, sentence.start + 5),
            )

        def second(ctx: eventx.ExtractionContext) -> list[eventx.Extension]:
            seen = ctx.facts("extensions")
            return [
                eventx.Extension(
                    field="seconds", value={"saw": len(seen)}, evidence=seen[0].evidence
                )
            ]

        register(eventx.Extractor(name="z-first", func=first, provides=["extensions"]))
        register(eventx.Extractor(name="a-second", func=second, requires=["extensions"]))


def test_register_extractors_orders_by_requires_and_stamps_provenance() -> None:
    pipeline = eventx.Pipeline(plugins=[Greetings()], entry_points=False)
    assert [e.name for e in pipeline.extractors] == ["z-first", "a-second"]
    assert {e.plugin for e in pipeline.extractors} == {"greetings"}
    record = pipeline.extract(EN)
    assert record.extensions["seconds"][0].value == {"saw": 1}
    # the evidence was copied from another extractor's fact; the host re-stamps it
    assert record.extensions["seconds"][0].evidence.extractor == "a-second"
    assert record.extensions["firsts"][0].evidence.extractor == "z-first"


def test_register_extractors_rejects_duplicates_and_non_extractors() -> None:
    class Twice:
        name = "twice"

        @hookimpl
        def eventx_register_extractors(self, register: eventx.Register) -> None:
            register(eventx.Extractor(name="casualties", func=lambda ctx: []))

    class NotAnExtractor:
        name = "not-an-extractor"

        @hookimpl
        def eventx_register_extractors(self, register: eventx.Register) -> None:
            register(lambda ctx: [])  # type: ignore[arg-type]

    pipeline = eventx.Pipeline(plugins=[Twice(), NotAnExtractor()])
    infos = {p.name: p for p in pipeline.plugins}
    assert infos["twice"].status == "failed" and "already registered" in (
        infos["twice"].error or ""
    )
    assert infos["not-an-extractor"].status == "failed"
    assert "eventx.Extractor" in (infos["not-an-extractor"].error or "")
    assert pipeline.extract(AR, document_date="2022-01-07").casualties


def test_extractor_returning_a_non_fact_or_bad_evidence_is_dropped_with_a_diagnostic() -> None:
    def bad(ctx: eventx.ExtractionContext) -> list[Any]:
        good = ctx.evidence(0, 5)
        wrong = eventx.Evidence(text="xxxxx", start=0, end=5)
        return [
            "not a fact",
            eventx.Extension(field="ok", value={}, evidence=good),
            eventx.Extension(field="bad", value={}, evidence=wrong),
        ]

    from eventx.testing import run_extractor

    record = run_extractor(eventx.Extractor(name="bad", func=bad), EN)
    assert record.status == "partial"
    assert list(record.extensions) == ["ok"]
    messages = [d.message for d in record.diagnostics if d.plugin == "bad"]
    assert any("not a fact type" in m and "Available" in m for m in messages)
    assert any("does not match" in m for m in messages)


# --- eventx_merge_facts -----------------------------------------------------------------------


class Claims:
    """Three casualty claims (two of them identical) and no merge policy of its own."""

    name = "claims"

    @hookimpl
    def eventx_register_extractors(self, register: eventx.Register) -> None:
        def claims(ctx: eventx.ExtractionContext) -> list[eventx.Casualty]:
            def claim(count: int, word: str) -> eventx.Casualty:
                at = ctx.text.index(word)
                evidence = ctx.evidence(at, at + len(word))
                return eventx.Casualty(kind="killed", count=count, min=count, evidence=evidence)

            return [claim(30, "30"), claim(26, "26"), claim(30, "30")]

        def day(ctx: eventx.ExtractionContext) -> list[eventx.DateFact]:
            at = ctx.text.index("Friday")
            evidence = ctx.evidence(at, at + len("Friday"))
            return [eventx.DateFact(value="2022-01-07", evidence=evidence)]

        register(eventx.Extractor(name="claims", func=claims, provides=["casualties"]))
        register(eventx.Extractor(name="day", func=day, provides=["dates"]))


def only(*plugins: object) -> eventx.EventRecord:
    """The record from a pipeline with just these plugins (and the core defaults)."""
    return eventx.Pipeline(plugins=plugins, entry_points=False).extract(EN)


class KeepFirstCasualty:
    name = "keep-first-casualty"

    @hookimpl
    def eventx_merge_facts(self, field: str, facts: Sequence[Any]) -> Sequence[Any] | None:
        if field != "casualties":
            return None  # defer to the core default for every other field
        return list(facts[:1])


def test_merge_facts_override_and_defer() -> None:
    base = only(Claims())
    assert [c.count for c in base.casualties] == [26, 30]  # core: deduplicated, document order
    record = only(Claims(), KeepFirstCasualty())
    assert [c.count for c in record.casualties] == [30]  # the first raw claim, unsorted
    assert record.dates == base.dates and len(record.dates) == 1  # deferred: core default


def test_merge_facts_core_default_drops_exact_duplicates_in_document_order() -> None:
    class Duplicates:
        name = "duplicates"

        @hookimpl
        def eventx_register_extractors(self, register: eventx.Register) -> None:
            def twice(ctx: eventx.ExtractionContext) -> list[eventx.Actor]:
                late = eventx.Actor(name="B", mentions=[ctx.evidence(10, 12)])
                early = eventx.Actor(name="A", mentions=[ctx.evidence(0, 3)])
                return [late, early, late]

            register(eventx.Extractor(name="twice", func=twice, provides=["actors"]))

    record = eventx.Pipeline(plugins=[Duplicates()], entry_points=False).extract(EN)
    assert [a.name for a in record.actors] == ["A", "B"]


def test_merge_facts_failure_falls_back_to_the_next_implementation() -> None:
    class Broken:
        name = "broken-merge"

        @hookimpl
        def eventx_merge_facts(self, field: str) -> Sequence[Any] | None:
            raise RuntimeError(f"cannot merge {field}")

    record = run(Broken())
    assert record.status == "partial" and record.casualties
    assert any(
        d.plugin == "broken-merge"
        and "eventx_merge_facts" in d.message
        and "cannot merge" in d.message
        for d in record.diagnostics
    )


# --- eventx_casualty_totals -------------------------------------------------------------------


def test_casualty_totals_core_default_and_override() -> None:
    (killed,) = only(Claims()).casualty_totals
    assert (killed.kind, killed.count, killed.policy, killed.claims) == (
        "killed",
        30,
        "max_stated",
        2,
    )

    class FirstClaim:
        name = "first-claim"

        @hookimpl
        def eventx_casualty_totals(
            self, casualties: Sequence[eventx.Casualty]
        ) -> Sequence[eventx.CasualtyTotal]:
            first = casualties[0]
            return [eventx.CasualtyTotal(kind=first.kind, count=first.count, policy="first")]

    record = only(Claims(), FirstClaim())
    assert [(t.policy, t.count) for t in record.casualty_totals] == [("first", 26)]
    # with every installed plugin too: an explicitly registered plugin is asked first
    record = run(FirstClaim(), text=EN)
    assert [t.policy for t in record.casualty_totals] == ["first"]


# --- eventx_decide_event_type -----------------------------------------------------------------


class Riots:
    name = "riots"

    @hookimpl
    def eventx_decide_event_type(self, record: eventx.EventRecord) -> eventx.EventType | None:
        if not record.casualties:
            return None
        return eventx.EventType(
            acled="riots",
            plover="PROTEST",
            confidence=0.5,
            evidence=[record.casualties[0].evidence],
        )


def test_decide_event_type() -> None:
    record = run(Riots())
    assert record.event_type is not None and record.event_type.acled == "riots"
    assert record.event_type.evidence[0].matches(AR)
    assert run(Riots(), text="The weather in Almaty was calm on Friday.").event_type is None


# --- eventx_decide_country --------------------------------------------------------------------


def test_decide_country_default_and_override() -> None:
    assert run().country == "KZ"

    class Elsewhere:
        name = "elsewhere"

        @hookimpl
        def eventx_decide_country(
            self, record: eventx.EventRecord, document: eventx.Document
        ) -> str:
            assert document.text == AR  # hooks receive the document as well
            return "RU"

    assert run(Elsewhere()).country == "RU"


# --- eventx_decide_primary_location -----------------------------------------------------------


def test_decide_primary_location_default_and_override() -> None:
    # the bundled places plugin: the most specific event place in the decided country
    assert (
        run(
            text="Police clashed with protesters in Almaty, Kazakhstan, on Friday."
        ).primary_location
        == "Almaty"
    )

    class Capital:
        name = "capital"

        @hookimpl
        def eventx_decide_primary_location(self, record: eventx.EventRecord) -> str:
            assert record.country == "KZ"  # decided before the primary place
            return "Kazakhstan"

    text = "Police clashed with protesters in Almaty, Kazakhstan, on Friday."
    assert run(Capital(), text=text).primary_location == "Kazakhstan"


# --- eventx_decide_time -----------------------------------------------------------------------


def test_decide_time_default_and_override() -> None:
    default = run().time
    assert default is not None and default.end == "2022-01-07"

    class Fixed:
        name = "fixed-time"

        @hookimpl
        def eventx_decide_time(self, record: eventx.EventRecord) -> eventx.TimeSpan:
            return eventx.TimeSpan(start="2022-01-02", end="2022-01-07")

    assert run(Fixed()).time == eventx.TimeSpan(start="2022-01-02", end="2022-01-07")


@pytest.mark.parametrize(
    "hook",
    [
        "eventx_decide_event_type",
        "eventx_decide_country",
        "eventx_decide_primary_location",
        "eventx_decide_time",
    ],
)
def test_a_failing_decision_hook_costs_only_that_field(hook: str) -> None:
    def fail(**_: Any) -> None:
        raise ValueError("no idea")

    plugin = type("Failing", (), {"name": f"failing-{hook}", hook: hookimpl(staticmethod(fail))})()
    record = run(plugin)
    assert record.status == "partial"
    assert record.casualties
    assert any("no idea" in d.message for d in record.diagnostics)
