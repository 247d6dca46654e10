"""Process-pool extraction gives the same records, in the same order, as one process."""

from __future__ import annotations

import pickle

import eventx
from eventx.io import InputError
from eventx.parallel import run_parallel, run_parallel_json, to_payload

TEXTS = [
    "أعلنت وزارة الداخلية الكازاخستانية الجمعة مصرع 26 مسلحا وإصابة 18 آخرين في كازاخستان.",
    "Police said three protesters were killed and 40 injured in Kazakhstan on Friday.",
    "",
]


def items() -> list[eventx.Document | InputError]:
    docs: list[eventx.Document | InputError] = [
        eventx.Document(id=f"d{i}", text=t, document_date="2022-01-07", metadata={"source": i})
        for i, t in enumerate(TEXTS * 4)
    ]
    docs.insert(3, InputError(id="bad", message="corpus.jsonl line 4: not JSON"))
    return docs


def test_payloads_pickle_although_documents_hold_read_only_mappings() -> None:
    for item in items():
        assert pickle.loads(pickle.dumps(to_payload(item))) == to_payload(item)


def test_run_parallel_matches_a_single_process() -> None:
    pipeline = eventx.Pipeline()
    serial = [
        eventx.error_record(i.id, i.message) if isinstance(i, InputError) else pipeline.run(i)
        for i in items()
    ]
    parallel = list(run_parallel(items(), jobs=2))
    assert parallel == serial
    assert [r.status for r in parallel][:4] == ["ok", "ok", "error", "error"]
    assert list(run_parallel_json(items(), jobs=2)) == [r.to_json() for r in serial]
