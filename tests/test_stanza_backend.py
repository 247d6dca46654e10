"""The stanza backend, on the tiny models in tests/fixtures/stanza (built by
scripts/build_stanza_fixtures.py from UD treebanks; nothing is downloaded or trained here).

The fixture models are barely trained, so these tests check the plumbing — offsets, structure,
multi-word tokens, heads, errors, the pipeline end to end — not linguistic accuracy. The
conversion rules themselves are also tested on hand-built stanza documents, where the expected
output is known exactly.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventx.nlp.annotation import AnnotatedDocument
from eventx.testing import assert_evidence_sound, assert_valid_record, hostile_texts, news_texts

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "stanza"

ARABIC_NEWS = (
    "مقتل 12 شخصاً في اشتباكات بالعاصمة\n"
    "أعلنت وزارة الداخلية، يوم الجمعة، مقتل 12 شخصاً وإصابة العشرات في اشتباكات "
    "بين قوات الأمن ومحتجين في وسط العاصمة. وقال المتحدث باسم الوزارة إن قوات "
    "إضافية أُرسلت إلى المدينة لاستعادة الهدوء، مؤكداً أن الوضع تحت السيطرة. وأضاف أن "
    "الحكومة نشرت قواتها في الشوارع."
)
ENGLISH_NEWS = (
    "Clashes in the capital leave 12 dead\n"
    "At least 12 people were killed and dozens injured on Friday when security forces clashed "
    "with protesters in the city centre, the interior ministry said. \"We don't know who fired "
    'first," a ministry spokesman told reporters, adding that extra troops had been sent.'
)


def _import_check(code: str) -> dict[str, bool]:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    loaded: dict[str, bool] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


def test_import_eventx_and_help_do_not_import_torch_or_stanza() -> None:
    probe = (
        "import json, sys; print(json.dumps({m: m in sys.modules for m in ('torch', 'stanza')}))"
    )
    assert _import_check(f"import eventx, eventx.nlp.stanza_backend; {probe}") == {
        "torch": False,
        "stanza": False,
    }
    help_then_probe = (
        "import contextlib, io, sys\n"
        "from eventx.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['extract', '--help'])\n"
        f"{probe}"
    )
    assert _import_check(help_then_probe) == {"torch": False, "stanza": False}


# ---------------------------------------------------------------------------------------------
# Conversion rules on hand-built stanza documents (exact expectations)


def _doc(sentences: list[list[dict[str, Any]]], text: str) -> Any:
    pytest.importorskip("stanza")
    from stanza.models.common.doc import Document

    return Document(sentences, text=text)


@pytest.mark.stanza
def test_multi_word_token_takes_its_main_word_and_offers_word_forms() -> None:
    from eventx.nlp.stanza_backend import convert_document

    text = "وقال المتحدث إنه نشرتها"
    doc = _doc(
        [
            [
                {"id": (1, 2), "text": "وقال", "start_char": 0, "end_char": 4, "ner": "O"},
                {"id": 1, "text": "و", "upos": "CCONJ", "head": 2, "deprel": "cc"},
                {"id": 2, "text": "قال", "upos": "VERB", "head": 0, "deprel": "root"},
                {
                    "id": 3,
                    "text": "المتحدث",
                    "upos": "NOUN",
                    "head": 2,
                    "deprel": "nsubj",
                    "lemma": "متحدث",
                    "start_char": 5,
                    "end_char": 12,
                    "ner": "S-PER",
                },
                {"id": (4, 5), "text": "إنه", "start_char": 13, "end_char": 16},
                {"id": 4, "text": "إن", "upos": "SCONJ", "head": 6, "deprel": "mark"},
                {"id": 5, "text": "ه", "upos": "PRON", "head": 6, "deprel": "nsubj"},
                {"id": (6, 7), "text": "نشرتها", "start_char": 17, "end_char": 23},
                {"id": 6, "text": "نشرت", "upos": "VERB", "head": 2, "deprel": "ccomp"},
                {"id": 7, "text": "ها", "upos": "PRON", "head": 6, "deprel": "obj"},
            ]
        ],
        text,
    )
    annotated = convert_document(doc, text, "ar")
    (sentence,) = annotated.sentences
    wa_qala, spokesman, innahu, nasharatha = sentence.tokens
    assert [t.text for t in sentence.tokens] == ["وقال", "المتحدث", "إنه", "نشرتها"]
    # The verb, not the conjunction, speaks for وقال; the root maps to -1.
    assert (wa_qala.pos, wa_qala.deprel, wa_qala.head) == ("VERB", "root", -1)
    assert "قال" in wa_qala.stems
    assert (spokesman.lemma, spokesman.head, spokesman.ner) == ("متحدث", 0, "S-PER")
    # Both words of إنه attach outside the token; neither is a content word -> the longest.
    assert (innahu.pos, innahu.head) == ("SCONJ", 3)
    # نشرتها: the verb attaches outside; its enclitic pronoun does not. Its form is matchable.
    assert (nasharatha.pos, nasharatha.head, nasharatha.deprel) == ("VERB", 0, "ccomp")
    assert "نشرت" in nasharatha.forms
    assert annotated.backend == "stanza"


@pytest.mark.stanza
def test_bad_offsets_are_realigned_and_invisible_tokens_dropped() -> None:
    from eventx.nlp.stanza_backend import convert_document

    text = "\u200fقتل 5 جنود\u200f"
    doc = _doc(
        [
            [
                # A token made only of a bidi mark, then offsets shifted by one character.
                {"id": 1, "text": "\u200f", "start_char": 0, "end_char": 1},
                {"id": 2, "text": "قتل", "start_char": 2, "end_char": 5},
                {"id": 3, "text": "5", "start_char": 6, "end_char": 7},
                {"id": 4, "text": "جنود", "start_char": 99, "end_char": 103},
            ]
        ],
        text,
    )
    annotated = convert_document(doc, text, "ar")
    tokens = annotated.tokens
    assert [(t.text, t.start, t.end) for t in tokens] == [
        ("قتل", 1, 4),
        ("5", 5, 6),
        ("جنود", 7, 11),
    ]
    assert tokens[1].stems == ()


@pytest.mark.stanza
def test_numbers_cut_at_their_separator_are_joined() -> None:
    from eventx.nlp.stanza_backend import convert_document

    text = "نزح 1.76 مليون شخص، و2,500 آخرون. 3. 4"
    pieces = ["نزح", "1", ".", "76", "مليون", "شخص", "،", "و", "2", ",", "500", "آخرون", "."]
    pieces += ["3", ".", "4"]
    tokens, cursor = [], 0
    for i, piece in enumerate(pieces, start=1):
        start = text.index(piece, cursor)
        cursor = start + len(piece)
        tokens.append({"id": i, "text": piece, "start_char": start, "end_char": cursor, "head": 1})
    tokens[0]["head"] = 0
    annotated = convert_document(_doc([tokens], text), text, "ar")
    (sentence,) = annotated.sentences
    assert [t.text for t in sentence.tokens] == [
        "نزح", "1.76", "مليون", "شخص", "،", "و", "2,500", "آخرون", ".", "3", ".", "4",
    ]  # fmt: skip
    assert sentence.tokens[1].norm == "1.76" and sentence.tokens[1].head == 0
    assert [t.head for t in sentence.tokens] == [-1] + [0] * 11

    # The tokenizer also ended a sentence inside the number: the two parts are joined back.
    text = "نزح زهاء 1.76 مليون شخص."
    first = [
        {"id": 1, "text": "نزح", "start_char": 0, "end_char": 3, "head": 0},
        {"id": 2, "text": "زهاء", "start_char": 4, "end_char": 8, "head": 3},
        {"id": 3, "text": "1", "start_char": 9, "end_char": 10, "head": 1},
        {"id": 4, "text": ".", "start_char": 10, "end_char": 11, "head": 1},
    ]
    second = [
        {"id": 1, "text": "76", "start_char": 11, "end_char": 13, "head": 2},
        {"id": 2, "text": "مليون", "start_char": 14, "end_char": 19, "head": 0},
        {"id": 3, "text": "شخص", "start_char": 20, "end_char": 23, "head": 2},
        {"id": 4, "text": ".", "start_char": 23, "end_char": 24, "head": 2},
    ]
    (sentence,) = convert_document(_doc([first, second], text), text, "ar").sentences
    assert [t.text for t in sentence.tokens] == ["نزح", "زهاء", "1.76", "مليون", "شخص", "."]
    # Heads keep pointing at the right words across the joined sentences.
    assert [t.head for t in sentence.tokens] == [-1, 2, 0, -1, 3, 3]


@pytest.mark.stanza
def test_a_line_break_inside_a_stanza_sentence_splits_it() -> None:
    from eventx.nlp.stanza_backend import convert_document

    text = "Troops deployed\nThe army said"
    words = [("Troops", 0, 6, 2), ("deployed", 7, 15, 0), ("The", 16, 19, 4)]
    words += [("army", 20, 24, 5), ("said", 25, 29, 2)]
    doc = _doc(
        [
            [
                {"id": i, "text": w, "start_char": a, "end_char": b, "head": h, "upos": "X"}
                for i, (w, a, b, h) in enumerate(words, start=1)
            ]
        ],
        text,
    )
    headline, body = convert_document(doc, text, "en").sentences
    assert (headline.text, body.text) == ("Troops deployed", "The army said")
    assert (headline.index, body.index) == (0, 1)
    assert [t.head for t in headline.tokens] == [1, -1]
    # "said" pointed at "deployed", now in the other sentence: no head rather than a wrong one.
    assert [t.head for t in body.tokens] == [1, 2, None]


# ---------------------------------------------------------------------------------------------
# The fixture models


def _check_offsets(annotated: AnnotatedDocument, text: str) -> None:
    previous_end = 0
    for index, sentence in enumerate(annotated.sentences):
        assert sentence.index == index
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.tokens, "no empty sentences"
        assert sentence.start == sentence.tokens[0].start
        assert sentence.end == sentence.tokens[-1].end
        assert sentence.start >= previous_end
        for token in sentence.tokens:
            assert text[token.start : token.end] == token.text
            assert token.start >= previous_end and token.end > token.start
            assert token.norm
            assert token.head is None or -1 <= token.head < len(sentence.tokens)
            previous_end = token.end


@pytest.fixture(scope="module")
def backend() -> Any:
    pytest.importorskip("stanza")
    from eventx.nlp.stanza_backend import StanzaBackend

    return StanzaBackend(FIXTURES)


@pytest.mark.stanza
def test_fixture_directory_is_complete_and_small() -> None:
    resources = json.loads((FIXTURES / "resources.json").read_text(encoding="utf-8"))
    for lang in ("ar", "en"):
        processors = resources[lang]["default_processors"]
        assert {"tokenize", "pos"} <= processors.keys()
        for processor, package in processors.items():
            assert (FIXTURES / lang / processor / f"{package}.pt").is_file()
    assert "mwt" in resources["ar"]["default_processors"]
    total = sum(f.stat().st_size for f in FIXTURES.rglob("*.pt"))
    assert total < 8_000_000
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    assert "CC BY-SA" in readme and "UD_Arabic-PUD" in readme and "UD_English-EWT" in readme


@pytest.mark.stanza
@pytest.mark.parametrize(("text", "language"), [(ARABIC_NEWS, "ar"), (ENGLISH_NEWS, "en")])
def test_fixture_models_annotate_news_with_exact_offsets(
    backend: Any, text: str, language: str
) -> None:
    annotated = backend.annotate(text, language)
    assert annotated.backend == "stanza" and annotated.language == language
    _check_offsets(annotated, text)
    # The headline line is a sentence of its own, and the body is split further.
    assert annotated.sentences[0].text == text.split("\n")[0]
    assert len(annotated.sentences) >= 2
    tokens = annotated.tokens
    words = text.split()
    assert len(words) <= len(tokens) <= 2 * len(words)
    # The loaded processors fill POS, lemmas and dependencies on every token.
    assert all(t.pos for t in tokens) and all(t.lemma for t in tokens)
    assert all(t.deprel for t in tokens)
    # stanza parsed headline + first sentence as one; eventx split them at the line break and
    # dropped the heads that crossed it. Every other sentence keeps all its heads and a root.
    last = annotated.sentences[-1].tokens
    assert all(t.head is not None for t in last) and any(t.head == -1 for t in last)
    assert sum(t.head is not None for t in tokens) >= 0.8 * len(tokens)
    assert annotated.normalized.original == text


@pytest.mark.stanza
def test_multi_word_tokens_stay_whole_and_expose_their_words(backend: Any) -> None:
    arabic = {t.text: t for t in backend.annotate(ARABIC_NEWS, "ar").tokens}
    # Clitic-prefixed words are single surface tokens whose bare forms match lexicon entries.
    assert "قال" in arabic["وقال"].forms
    assert "محتجين" in arabic["ومحتجين"].forms
    assert "عاصمه" in arabic["بالعاصمة"].forms
    # An enclitic pronoun is not a built-in stem: only the MWT expansion offers the noun.
    assert "قوات" in arabic["قواتها"].forms
    english = {t.text: t for t in backend.annotate(ENGLISH_NEWS, "en").tokens}
    assert english["don't"].forms[:2] == ("don't", "do")


@pytest.mark.stanza
def test_annotation_is_deterministic(backend: Any) -> None:
    first = backend.annotate(ENGLISH_NEWS, "en")
    second = backend.annotate(ENGLISH_NEWS, "en")
    assert first.sentences == second.sentences


def _without_surrogates(text: str) -> str:
    # Lone surrogates cannot reach a backend: Pipeline.run replaces them before annotation.
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


@pytest.mark.stanza
@settings(max_examples=30)
@given(
    text=st.one_of(news_texts(max_sentences=3), hostile_texts(max_size=120)).map(
        _without_surrogates
    ),
    language=st.sampled_from(["ar", "en"]),
)
def test_any_text_gives_consistent_offsets(backend: Any, text: str, language: str) -> None:
    annotated = backend.annotate(text, language)
    _check_offsets(annotated, text)
    assert annotated.text == text


# ---------------------------------------------------------------------------------------------
# End to end, and errors


@pytest.mark.stanza
@pytest.mark.parametrize(("text", "language"), [(ARABIC_NEWS, "ar"), (ENGLISH_NEWS, "en")])
def test_pipeline_with_stanza_backend_produces_a_valid_record(text: str, language: str) -> None:
    pytest.importorskip("stanza")
    import eventx

    pipeline = eventx.Pipeline(backend="stanza", stanza_dir=str(FIXTURES))
    record = pipeline.extract(text, language=language, document_date="2024-03-08", id="doc")
    assert record.status in ("ok", "partial"), record.diagnostics
    assert record.language == language
    assert not [d for d in record.diagnostics if d.level == "error"]
    assert_valid_record(record)
    assert_evidence_sound(record, text)
    # The same figure the built-in backend finds is found through stanza's tokens too.
    assert any(c.count == 12 and c.kind == "killed" for c in record.casualties)


@pytest.mark.stanza
@settings(max_examples=15)
@given(text=hostile_texts(max_size=120))
def test_pipeline_with_stanza_backend_never_raises(text: str) -> None:
    pytest.importorskip("stanza")
    import eventx

    record = eventx.Pipeline(backend="stanza", stanza_dir=str(FIXTURES)).extract(text)
    assert_valid_record(record)
    # Evidence is into the text as the pipeline cleaned it (lone surrogates -> U+FFFD).
    assert_evidence_sound(record, _without_surrogates(text))
    if text.strip():
        assert record.status in ("ok", "partial"), record.diagnostics


@pytest.mark.stanza
def test_environment_variable_names_the_model_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventx.nlp.stanza_backend import MODEL_DIR_ENV, StanzaBackend

    monkeypatch.setenv(MODEL_DIR_ENV, str(FIXTURES))
    assert Path(StanzaBackend().model_dir) == FIXTURES


@pytest.mark.stanza
def test_torch_runs_with_the_requested_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    torch = pytest.importorskip("torch")
    from eventx.nlp.stanza_backend import THREADS_ENV, StanzaBackend, StanzaModelError

    before = torch.get_num_threads()
    monkeypatch.delenv(THREADS_ENV, raising=False)
    try:
        torch.set_num_threads(3)
        StanzaBackend(FIXTURES).annotate("Two people were killed.", "en")
        assert torch.get_num_threads() == 3, "torch's process-wide setting changed unasked"
        StanzaBackend(FIXTURES, threads=1).annotate("Two people were killed.", "en")
        assert torch.get_num_threads() == 1
        monkeypatch.setenv(THREADS_ENV, "2")
        assert StanzaBackend(FIXTURES).threads == 2
        monkeypatch.setenv(THREADS_ENV, "many")
        with pytest.raises(StanzaModelError, match="EVENTX_STANZA_THREADS must be a whole number"):
            StanzaBackend(FIXTURES)
        with pytest.raises(StanzaModelError, match="at least 1"):
            StanzaBackend(FIXTURES, threads=0)
    finally:
        torch.set_num_threads(before)


def test_missing_model_directory_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventx
    from eventx.nlp.stanza_backend import MODEL_DIR_ENV, StanzaBackend, StanzaModelError

    missing = tmp_path / "nowhere"
    with pytest.raises(StanzaModelError, match=r"nowhere.*does not exist.*EVENTX_STANZA_DIR"):
        eventx.Pipeline(backend="stanza", stanza_dir=str(missing))
    monkeypatch.delenv(MODEL_DIR_ENV, raising=False)
    with pytest.raises(StanzaModelError, match="needs a model directory"):
        StanzaBackend()
    (tmp_path / "ar").mkdir()
    with pytest.raises(StanzaModelError, match=r"resources\.json is missing \(found: ar/\)"):
        StanzaBackend(tmp_path)


@pytest.mark.stanza
def test_missing_language_or_processor_names_what_exists(tmp_path: Path) -> None:
    pytest.importorskip("stanza")
    import eventx
    from eventx.nlp.stanza_backend import StanzaBackend, StanzaModelError

    # A directory with the Arabic models only.
    shutil.copytree(FIXTURES / "ar", tmp_path / "ar")
    resources = json.loads((FIXTURES / "resources.json").read_text(encoding="utf-8"))
    (tmp_path / "resources.json").write_text(json.dumps({"ar": resources["ar"]}), "utf-8")

    backend = StanzaBackend(tmp_path)
    with pytest.raises(StanzaModelError, match=r"language 'en'.*Available: ar \(.*tokenize=pud"):
        backend.annotate("Two people were killed.", "en")
    record = eventx.Pipeline(backend=backend).extract("Two people were killed.", language="en")
    assert record.status == "error"
    assert "no stanza models for language 'en'" in record.diagnostics[0].message

    with pytest.raises(
        StanzaModelError, match=r"missing for language 'ar': ner \(not in resources\.json\)"
    ):
        StanzaBackend(tmp_path, processors="tokenize,ner").annotate("قتل شخص", "ar")
    with pytest.raises(StanzaModelError, match="unknown stanza processor"):
        StanzaBackend(tmp_path, processors=["tokenize", "sentiment"]).annotate("قتل", "ar")

    # A named processor set loads only those; POS stays empty without the tagger.
    only_tokens = StanzaBackend(tmp_path, processors="tokenize,mwt").annotate("قتل 5 جنود.", "ar")
    assert only_tokens.tokens and all(t.pos is None for t in only_tokens.tokens)

    # Without its model file, a default processor is skipped, and those needing it too.
    os.remove(tmp_path / "ar" / "pos" / "pud.pt")
    annotated = StanzaBackend(tmp_path).annotate("قتل 5 جنود.", "ar")
    assert all(t.pos is None and t.deprel is None for t in annotated.tokens)


def test_model_directory_follows_aliases_and_survives_alias_cycles(tmp_path: Path) -> None:
    from eventx.nlp.stanza_backend import ModelDirectory, StanzaModelError

    (tmp_path / "ar" / "tokenize").mkdir(parents=True)
    (tmp_path / "ar" / "tokenize" / "padt.pt").write_bytes(b"")
    resources = {
        "ara": {"alias": "ar"},
        "ar": {"default_processors": {"tokenize": "padt", "pos": "padt"}, "tokenize": {"padt": {}}},
        "xx": {"alias": "yy"},
        "yy": {"alias": "xx"},
    }
    (tmp_path / "resources.json").write_text(json.dumps(resources), "utf-8")
    models = ModelDirectory(tmp_path)
    assert models.resolve_language("ara") == "ar"
    # pos is a default processor but its file is absent: skipped, not an error.
    assert models.processors_for("ara") == {"tokenize": "padt"}
    with pytest.raises(StanzaModelError, match=r"language 'xx'.*Available: ar \(tokenize=padt\)"):
        models.processors_for("xx")
    with pytest.raises(
        StanzaModelError, match=r"missing for language 'ar': pos \(.*pos/padt\.pt\)"
    ):
        models.processors_for("ar", ["tokenize", "pos"])
    # A model whose declared dependency (pretrained embeddings) is absent is not usable either.
    (tmp_path / "ar" / "pos").mkdir()
    (tmp_path / "ar" / "pos" / "padt.pt").write_bytes(b"")
    resources["ar"]["pos"] = {"padt": {"dependencies": [{"model": "pretrain", "package": "c17"}]}}
    (tmp_path / "resources.json").write_text(json.dumps(resources), "utf-8")
    models = ModelDirectory(tmp_path)
    assert models.processors_for("ar") == {"tokenize": "padt"}
    with pytest.raises(StanzaModelError, match=r"pos \(.*ar/pretrain/c17\.pt\)"):
        models.processors_for("ar", ["tokenize", "pos"])
    (tmp_path / "ar" / "pretrain").mkdir()
    (tmp_path / "ar" / "pretrain" / "c17.pt").write_bytes(b"")
    assert models.processors_for("ar") == {"tokenize": "padt", "pos": "padt"}


@pytest.mark.stanza
def test_cli_extract_with_the_stanza_backend(tmp_path: Path) -> None:
    pytest.importorskip("stanza")
    from click.testing import CliRunner

    from eventx.cli import main

    article = tmp_path / "clashes.txt"
    article.write_text(ENGLISH_NEWS, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "extract",
            str(article),
            "--lang",
            "en",
            "--backend",
            "stanza",
            "--stanza-dir",
            str(FIXTURES),
        ],
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)  # stderr holds the summary line
    assert record["id"] == "clashes" and record["status"] in ("ok", "partial")

    missing = runner.invoke(
        main, ["extract", str(article), "--backend", "stanza", "--stanza-dir", str(tmp_path / "x")]
    )
    assert missing.exit_code == 2
    assert "does not exist" in missing.output and "Traceback" not in missing.output


def test_stanza_backend_without_the_extra_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from eventx.nlp.stanza_backend import StanzaNotInstalledError
    from eventx.pipeline import Pipeline

    monkeypatch.setitem(sys.modules, "stanza", None)  # what an install without the extra sees
    with pytest.raises(StanzaNotInstalledError, match=r"pip install 'eventx-news\[stanza\]'"):
        Pipeline(backend="stanza", stanza_dir=str(FIXTURES))


@pytest.mark.stanza
def test_threads_share_one_loaded_pipeline_and_get_the_same_annotation() -> None:
    import threading

    from eventx.nlp.stanza_backend import StanzaBackend

    backend = StanzaBackend(FIXTURES)
    text = "Police said two people were killed in Almaty on Friday."
    expected = backend.annotate(text, "en")
    results: list[Any] = []
    workers = [
        threading.Thread(target=lambda: results.append(backend.annotate(text, "en")))
        for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(results) == 4
    assert all(r.tokens == expected.tokens for r in results)
    assert backend.pipeline("en")[0] is backend.pipeline("en")[0]
