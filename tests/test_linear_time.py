"""Cost grows linearly with the text (issue 16.9): repetitive texts that once made a pattern
or a scan quadratic (a sentence of counts and triggers, speech verbs without a comma, "U.S. "
after "U.S. ", bidi controls between words) cost about 10x at 100 KB what they cost at 10 KB.

Measured as a ratio of CPU time inside one test (``time.process_time``), never as an absolute
time: a quadratic path costs ~100x. Each size takes the best of a few runs, so a busy machine
does not fail the test. The shapes' 3 KB records are pinned by tests/test_record_digests.py.
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventx

SMALL, LARGE = 10_000, 100_000
#: The issue's "~12x" for 10x the text. Linear shapes measure 10-11.7x here; on a machine
#: loaded by other processes the larger run's CPU time grows a few percent more (cache
#: pressure), so the bound has that much room. Quadratic growth would be ~100x.
MAX_RATIO = 12.5
#: The repetitive shapes of issue 16.9, shared with scripts/record_digests.py (which pins their
#: records at 3 KB).
SHAPES = [
    (shape, language)
    for shape, language in json.loads(
        (Path(__file__).resolve().parent / "fixtures" / "repetitive_shapes.json").read_text("utf-8")
    )
]
LEXICONS = [
    "eventx_actors",
    "eventx_casualties",
    "eventx_deployments",
    "eventx_event_type",
    "eventx_statements",
]
SEPARATORS = [" ", ", ", " و", " and ", "\n", ". ", " \u200f", "\u202b ", " - ", '"']


@pytest.fixture(scope="module")
def warm() -> Iterator[eventx.Pipeline]:
    # As the CLI and the workers run it: the long-lived data (half a million gazetteer objects)
    # frozen out of the collector's reach, so what is measured is the extractors' own cost,
    # not full collections over unrelated objects that a larger text happens to trigger.
    pipeline = eventx.Pipeline(disable=["eventx_weapons"], timeout=None)
    pipeline.warm_up(freeze_gc=True)
    yield pipeline
    gc.unfreeze()


def _seconds(pipeline: eventx.Pipeline, document: eventx.Document) -> float:
    gc.collect()
    start = time.process_time()
    pipeline.run(document)
    return time.process_time() - start


def growth(pipeline: eventx.Pipeline, unit: str, language: str) -> float:
    """CPU time at 100 KB over CPU time at 10 KB of ``unit`` repeated.

    Each size keeps its best time; a ratio over the limit is measured again (up to three times
    in all), since a busy machine only ever makes one run slower, never an algorithm faster.
    """
    small, large = (
        eventx.Document(
            id="t", text=unit * max(1, size // len(unit)), language=language,
            document_date="2022-01-07",
        )
        for size in (SMALL, LARGE)
    )  # fmt: skip
    best_small = min(_seconds(pipeline, small) for _ in range(3))
    best_large = _seconds(pipeline, large)
    for _ in range(2):
        if best_large / best_small <= MAX_RATIO:
            break
        best_small = min(best_small, _seconds(pipeline, small))
        best_large = min(best_large, _seconds(pipeline, large))
    return best_large / best_small


@pytest.mark.slow
@pytest.mark.parametrize(("unit", "language"), SHAPES)
def test_repetitive_text_costs_linear_time(warm: eventx.Pipeline, unit: str, language: str) -> None:
    ratio = growth(warm, unit, language)
    assert ratio <= MAX_RATIO, f"{unit!r} x10 the text took {ratio:.1f}x the time"


def _terms(table: Any) -> Iterator[str]:
    """Every string listed under a ``terms`` key anywhere in a lexicon table."""
    if isinstance(table, Mapping):
        for key, value in table.items():
            if key == "terms" and isinstance(value, list | tuple):
                yield from (v for v in value if isinstance(v, str))
            else:
                yield from _terms(value)


def _phrases(language: str) -> list[str]:
    found: set[str] = set()
    for package in LEXICONS:
        found.update(_terms(eventx.language_data(package, "lexicon", language)))
    return sorted(found)


PHRASES = {language: _phrases(language) for language in ("ar", "en")}


@st.composite
def repeated_units(draw: st.DrawFn) -> tuple[str, str]:
    """A unit of 1-4 lexicon phrases and numbers joined by separators, and its language."""
    language = draw(st.sampled_from(["ar", "en"]))
    words = st.one_of(st.sampled_from(PHRASES[language]), st.integers(1, 999).map(str))
    parts = draw(st.lists(st.tuples(words, st.sampled_from(SEPARATORS)), min_size=1, max_size=4))
    return "".join(word + separator for word, separator in parts), language


def test_the_generator_draws_real_lexicon_phrases() -> None:
    assert len(PHRASES["ar"]) > 100 and len(PHRASES["en"]) > 100
    assert "killed" in PHRASES["en"] or any(p.startswith("kill") for p in PHRASES["en"])


@pytest.mark.slow
@settings(
    max_examples=4,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(repeated_units())
def test_repeated_lexicon_phrases_cost_linear_time(
    warm: eventx.Pipeline, unit_and_language: tuple[str, str]
) -> None:
    unit, language = unit_and_language
    ratio = growth(warm, unit, language)
    assert ratio <= MAX_RATIO, f"{unit!r} ({language}) x10 the text took {ratio:.1f}x the time"
