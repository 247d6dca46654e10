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
