"""Speed work keeps records byte-identical: every record of a pinned set of texts (seed, dev set,
held-out, off-topic, long repeats and repetitive shapes) hashes to its recorded digest.

The digests are tests/fixtures/record_digests.json, written by ``make digests``
(scripts/record_digests.py --write). A change meant to alter records (an extractor's behaviour)
regenerates them with that command in the same commit.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "record_digests.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("record_digests", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_records_are_byte_identical_to_the_recorded_digests(devset_dir: Path) -> None:
    script = _script()
    recorded = json.loads(script.DIGESTS.read_text("utf-8"))
    found = script.digests(devset_dir.parent)
    assert found.keys() == recorded.keys(), "the pinned documents changed: run `make digests`"
    changed = sorted(key for key in found if found[key] != recorded[key])
    assert not changed, (
        f"{len(changed)} of {len(found)} records changed ({', '.join(changed[:8])}...). "
        "If the change is meant to alter records, review them and run `make digests` "
        "(writes tests/fixtures/record_digests.json) in the same commit; otherwise it is a bug."
    )


def test_digest_documents_are_pinned_and_distinct(devset_dir: Path) -> None:
    keys = [key for key, *_ in _script().documents(devset_dir.parent)]
    assert len(keys) == len(set(keys))
    assert {"seed/000_8810d80a09cc04a1", "dev/dev_ar_01", "dev/dev_en_08"} <= set(keys)
    assert any(key.startswith("offtopic/") for key in keys)
    assert any(key.startswith("shape/") for key in keys)
