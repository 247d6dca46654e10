"""The demo's record on the seed article equals the reviewed golden record, byte for byte."""

from __future__ import annotations

import json

from eventx.demo import expected_path, seed_record, seeds_dir


def test_seed_record_matches_golden() -> None:
    record = seed_record(bundled_only=True)
    expected = json.loads(expected_path(seeds_dir()).read_text("utf-8"))
    assert json.loads(record.to_json()) == expected, (
        "the seed record changed: review it and run `make golden` if the change is right"
    )


def test_golden_record_ignores_third_party_plugins() -> None:
    from eventx.demo import third_party_plugins

    # The example plugin (docs/examples) is installed by `make`; it must not leak into the
    # golden record, while `eventx demo` still shows what every installed plugin finds.
    assert "eventx_dates" not in third_party_plugins()
    assert dict(seed_record(bundled_only=True).extensions) == {}
