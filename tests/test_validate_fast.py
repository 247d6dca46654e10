"""The fast path of plugin-output validation (eventx.plugins.validate) never lets through what
the full path (JSON conversion, schema check, JSON-safety walk) refuses.

Facts of the record's own classes are checked on the object; anything the fast path cannot
vouch for takes the full path. Here hostile values are forced into every attribute of real
facts (past the attrs validators, as ``object.__setattr__`` would let a plugin do) and the two
paths are compared.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import eventx
from eventx.plugins import validate
from eventx.record.facts import FACT_FIELDS, AdminArea, Quantity
from eventx.record.frozen_mapping import FrozenMapping

TEXT = "قتل 26 مسلحا في ألماتي يوم 6 يناير 2022. Police said 3,000 troops arrived in Almaty."
EV = eventx.Evidence.from_span(TEXT, 0, 3)
EV2 = eventx.Evidence.from_span(TEXT, 4, 6, sentence=0, extractor="x")

FACTS: list[Any] = [
    eventx.Casualty(kind="killed", count=26, min=26, max=26, group="مسلحا", evidence=EV),
    eventx.Casualty(kind="injured", count=None, evidence=EV, mentions=(EV, EV2)),
    eventx.DateFact(value="2022-01-06", start="2022-01-06", end="2022-01-06", evidence=EV2),
    eventx.Deployment(
        force="troops",
        contributors=("RU", "BY"),
        size=Quantity.exact(3000),
        status="arrived",
        destination_country="KZ",
        evidence=EV,
        mentions=(EV, EV2),
    ),
    eventx.Statement(speaker="Police", cue="said", evidence=EV, speaker_evidence=EV2),
    eventx.Location(
        name="Almaty",
        country_code="KZ",
        kind="city",
        geonameid=1526384,
        lat=43.25,
        lon=76.91,
        mentions=(EV,),
        admin1=AdminArea(name="Almaty", code="KZ-75"),
        geo_precision=1,
    ),
    eventx.Actor(name="Police", kind="force", mentions=(EV2,), title="chief"),
]


class OddStr(str):
    """A str subclass: the fast path must not vouch for it."""


HOSTILE = st.sampled_from(
    [
        None,
        True,
        False,
        0,
        -1,
        7,
        2**53,
        -(2**60),
        2**70,
        0.5,
        float("nan"),
        float("inf"),
        -91.0,
        "",
        "x",
        "KZ",
        "kz",
        "2022-01-06",
        "2022-13",
        "killed",
        "\ud800",
        "نص \udfff",
        OddStr("KZ"),
        b"bytes",
        (),
        ("RU",),
        ("RU", 5),
        ["RU"],
        (EV,),
        (EV, "x"),
        [EV],
        EV,
        AdminArea(name="X", code="KZ-1"),
        AdminArea(name="X", code="bad"),
        Quantity.exact(3),
        {"a": 1},
        {1, 2},
        object(),
    ]
)


def _forced(fact: Any, name: str, value: Any) -> Any:
    copy = attrs.evolve(fact)
    object.__setattr__(copy, name, value)
    return copy


def _full_path(fact: Any) -> str | None:
    field = FACT_FIELDS[type(fact)]
    data, problem = validate._unstructured(fact, "fact")
    return problem or validate._problem(data, f"#/$defs/{validate.FIELD_DEFS[field]}", "fact")


def test_real_facts_take_the_fast_path_and_the_full_path_agrees() -> None:
    for fact in FACTS:
        field = FACT_FIELDS[type(fact)]
        assert validate._fast_fact_check(type(fact), field)(fact), type(fact).__name__
        assert _full_path(fact) is None
        assert validate.fact_problem(fact, field) is None


@given(st.sampled_from(FACTS), st.data(), HOSTILE)
def test_the_fast_path_never_accepts_what_the_full_path_refuses(
    fact: Any, data: st.DataObject, value: Any
) -> None:
    name = data.draw(st.sampled_from([f.name for f in attrs.fields(type(fact))]))
    forced = _forced(fact, name, value)
    field = FACT_FIELDS[type(forced)]
    full = _full_path(forced)
    if validate._fast_fact_check(type(forced), field)(forced):
        assert full is None, (name, value, full)
    assert (validate.fact_problem(forced, field) is None) == (full is None)


@given(st.sampled_from(FACTS), HOSTILE)
def test_hostile_values_inside_nested_evidence_are_caught(fact: Any, value: Any) -> None:
    evidence_fields = [
        f.name
        for f in attrs.fields(type(fact))
        if isinstance(getattr(fact, f.name), eventx.Evidence)
    ]
    for name in evidence_fields:
        for inner in ("text", "start", "sentence", "extractor"):
            forced = _forced(fact, name, _forced(getattr(fact, name), inner, value))
            field = FACT_FIELDS[type(forced)]
            assert (validate.fact_problem(forced, field) is None) == (_full_path(forced) is None)


def test_a_nan_latitude_and_a_lone_surrogate_name_are_refused() -> None:
    location = FACTS[5]
    assert validate.fact_problem(_forced(location, "lat", float("nan")), "locations")
    assert validate.fact_problem(_forced(location, "name", "Alm\ud800aty"), "locations")
    assert validate.fact_problem(_forced(location, "geonameid", 2**60), "locations")
    assert validate.fact_problem(_forced(location, "country_code", OddStr("kz")), "locations")


PARTS: list[tuple[str, Any]] = [
    (
        "event_type",
        eventx.EventType(
            acled="riots", plover="PROTEST", confidence=0.8, evidence=(EV,), votes={"riots": 2.5}
        ),
    ),
    ("time", eventx.TimeSpan(start="2022-01-05", end="2022-01-06")),
]


def _full_part_path(value: Any, name: str) -> str | None:
    data, problem = validate._unstructured(value, name)
    return problem or validate._problem(data, f"#/properties/{name}", name)


@given(st.sampled_from(PARTS), st.data(), HOSTILE)
def test_decisions_the_fast_path_accepts_the_full_path_accepts_too(
    part: tuple[str, Any], data: st.DataObject, value: Any
) -> None:
    name, answer = part
    assert validate._fast_part_check(name, type(answer))(answer)
    attribute = data.draw(st.sampled_from([f.name for f in attrs.fields(type(answer))]))
    forced = _forced(answer, attribute, value)
    assert (validate.record_part_problem(forced, name) is None) == (
        _full_part_path(forced, name) is None
    )


TOTAL = eventx.CasualtyTotal(
    kind="killed", count=26, min=26, max=26, approximate=False, policy="max_stated", claims=2
)


@given(st.data(), HOSTILE)
def test_casualty_totals_the_fast_path_accepts_the_full_path_accepts_too(
    data: st.DataObject, value: Any
) -> None:
    """Totals (a tuple of CasualtyTotal) are checked on the objects too."""
    assert validate._fast_part_check("casualty_totals", tuple)((TOTAL, TOTAL))
    attribute = data.draw(st.sampled_from([f.name for f in attrs.fields(eventx.CasualtyTotal)]))
    forced = (TOTAL, _forced(TOTAL, attribute, value))
    assert (validate.record_part_problem(forced, "casualty_totals") is None) == (
        _full_part_path(forced, "casualty_totals") is None
    )
    for odd in ((TOTAL, value), [TOTAL], ()):
        assert (validate.record_part_problem(odd, "casualty_totals") is None) == (
            _full_part_path(odd, "casualty_totals") is None
        )


@given(HOSTILE | st.text(max_size=4))
def test_a_country_answer_is_checked_the_same_on_both_paths(value: Any) -> None:
    assert (validate.record_part_problem(value, "country") is None) == (
        _full_part_path(value, "country") is None
    )


def test_odd_votes_are_refused() -> None:
    event_type = PARTS[0][1]
    for votes in ({"riots": float("inf")}, {1: 1.0}, {"r\ud800": 1.0}, {"riots": 2**60}):
        forced = _forced(event_type, "votes", FrozenMapping(votes))
        assert validate.record_part_problem(forced, "event_type") is not None


def test_well_typed_facts_with_evidence_off_the_text_are_dropped_and_good_ones_stamped() -> None:
    text = "Police said 26 people were killed in Almaty on Friday."
    at = text.index("26")

    def facts(ctx: eventx.ExtractionContext) -> list[Any]:
        good = eventx.Evidence(text="26", start=at, end=at + 2)  # not made by ctx: unstamped
        off = eventx.Evidence(text="27", start=at, end=at + 2)
        return [
            eventx.Casualty(kind="killed", count=26, evidence=good),
            eventx.Casualty(kind="injured", count=26, evidence=good, mentions=(good, off)),
            eventx.Actor(name="Police", kind="force", mentions=(off,)),
        ]

    from eventx.testing import run_extractor

    record = run_extractor(eventx.Extractor(name="facts", func=facts), text)
    assert [(c.kind, c.evidence.extractor) for c in record.casualties] == [("killed", "facts")]
    assert record.actors == ()
    dropped = [d.message for d in record.diagnostics if d.plugin == "facts"]
    assert len(dropped) == 2
    assert all("[12, 14) '27' that does not match the text there" in m for m in dropped)


def test_stamping_evidence_is_evolving_its_extractor() -> None:
    """The host stamps evidence by building it anew: the same value as attrs.evolve, every
    field kept (a field added to Evidence must be added there too)."""
    from eventx.pipeline import _stamped

    evidence = eventx.Evidence.from_span(TEXT, 4, 6, sentence=3, extractor="")
    assert _stamped(evidence, "casualties") == attrs.evolve(evidence, extractor="casualties")
    assert _stamped(evidence, "") is evidence
