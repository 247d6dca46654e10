"""The pipeline fuzz test: hostile text in, one sound, serialisable record out (issue 16).

``EVENTX_FUZZ_EXAMPLES`` sets how many examples hypothesis tries: 2,000 in ``make test`` (CI),
50,000 in ``make fuzz``.
"""

from __future__ import annotations

import os

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

import eventx
from eventx.record.event_record import STATUSES
from eventx.testing import assert_evidence_sound, assert_valid_record, hostile_texts, news_texts

FUZZ_EXAMPLES = int(os.environ.get("EVENTX_FUZZ_EXAMPLES", "2000"))

BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
SURROGATES = st.integers(0xD800, 0xDFFF).map(chr)

#: Numbers a news text might hold, from ordinary to far beyond 64 bits (orjson's limit) and the
#: 2**53 JSON-safe range; written with digits, Arabic-Indic digits or thousands separators.
huge_numbers = st.one_of(
    st.integers(0, 10**6),
    st.integers(2**53 - 2, 2**53 + 2),
    st.integers(2**63, 2**66),
    st.integers(10**19, 10**29),
).flatmap(
    lambda n: st.sampled_from(
        [str(n), f"{n:,}", str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))]
    )
)

counted = st.tuples(
    huge_numbers,
    st.sampled_from(
        ["people were killed", "refugees fled", "troops deployed", "قتيلا", "جريحا", "لاجئ"]
    ),
).map(" ".join)

noise = st.text(alphabet=st.sampled_from(BIDI) | SURROGATES | st.sampled_from(" \n\u2028\x85"))

fuzz_texts = st.one_of(
    hostile_texts(),
    st.lists(st.one_of(counted, noise, news_texts(max_sentences=1)), max_size=6).map(" ".join),
)


def _json_safe(text: str) -> str:
    """The text the pipeline works on: lone surrogates replaced one-for-one by U+FFFD."""
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


@settings(max_examples=FUZZ_EXAMPLES)
@given(fuzz_texts, st.sampled_from([None, "ar", "en"]))
def test_fuzzed_text_gives_one_sound_serialisable_record(text: str, language: str | None) -> None:
    record = eventx.default_pipeline().extract(
        text, language=language, document_date="2022-01-07", id="fuzz"
    )
    assert record.status in STATUSES and record.id == "fuzz"
    assert_evidence_sound(record, _json_safe(text))
    assert_valid_record(record)
    data = orjson.loads(record.to_json())  # never raises, whatever the numbers
    assert data["id"] == "fuzz" and len(data["diagnostics"]) == len(record.diagnostics)
