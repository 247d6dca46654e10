from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTX_SHARED", ROOT.parent / "shared"))
DEVSET = SHARED / "devset"

settings.register_profile(
    "eventx", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("eventx")


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    import eventx

    return eventx.Pipeline()


@pytest.fixture(scope="session")
def devset_dir() -> Path:
    if not DEVSET.is_dir():
        pytest.skip(f"dev set not found at {DEVSET}")
    return DEVSET


@pytest.fixture(scope="session", autouse=True)
def _compiled_gazetteer() -> None:
    """Compile (or load) the place indexes before any test runs a pipeline.

    On a fresh machine the first build takes seconds: done here once, it is not charged to
    whichever test happens to run first. Users pay it once per machine (then it is cached).
    """
    from eventx.gazetteer import fuzzy_place, language_index

    for language in ("ar", "en"):
        language_index(language)
    fuzzy_place("جاناوزين", ["KZ"])  # the fuzzy rule's table
