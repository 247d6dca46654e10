#!/usr/bin/env python3
"""Train the tiny stanza models that tests/test_stanza_backend.py loads.

stanza's official models live on a hub this project cannot reach, so the stanza backend is tested
on models built here from Universal Dependencies treebanks (CC BY-SA; see the README written next
to the models). The models are deliberately small and briefly trained: they exercise the plumbing
(tokenizer with multi-word tokens, MWT expander, POS tagger, lemmatizer dictionary), not accuracy.

Usage (2 CPU cores, a few minutes)::

    .venv/bin/python scripts/build_stanza_fixtures.py --ud-dir ../shared/ud

The output directory has stanza's own layout, so the backend loads it exactly like a directory
filled by ``stanza.download``::

    tests/fixtures/stanza/resources.json
    tests/fixtures/stanza/<lang>/<processor>/<package>.pt

Everything is seeded; rerunning on the same treebanks, stanza and torch versions gives models that
behave the same (bit-identical files are not promised by torch).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "tests" / "fixtures" / "stanza"
SEED = 1234
# Sentences per paragraph in the training text: stanza learns sentence breaks only inside
# paragraphs, so one sentence per paragraph would teach it nothing about splitting.
SENTENCES_PER_PARAGRAPH = 5
ARABIC_COMMA_SHARE = 0.7  # PUD writes ASCII ',' where Arabic news mostly writes '،'


@dataclass(frozen=True)
class Treebank:
    lang: str
    lang_name: str
    package: str
    folder: str
    train: tuple[str, ...]
    dev: tuple[str, ...]
    # PUD writes Arabic clitics as separate words glued by SpaceAfter=No: rebuild MWT ranges.
    glue_clitics: bool = False
    # Keep every n-th sentence of the train files for dev when a treebank has a single split.
    dev_every: int = 0
    max_dev_sentences: int = 400
    licence: str = ""
    commit: str = ""


TREEBANKS = (
    Treebank(
        lang="ar",
        lang_name="Arabic",
        package="pud",
        folder="UD_Arabic-PUD",
        train=("ar_pud-ud-test.conllu",),
        dev=(),
        glue_clitics=True,
        dev_every=10,
        licence="CC BY-SA 3.0",
        commit="be733f45d21f42d506c62930f806ed2182a5ee3d",
    ),
    Treebank(
        lang="en",
        lang_name="English",
        package="ewt",
        folder="UD_English-EWT",
        train=("en_ewt-ud-dev.conllu",),
        dev=("en_ewt-ud-test.conllu",),
        licence="CC BY-SA 4.0",
        commit="15d613d8447b3478787d4c278730a1e48a945efb",
    ),
)

# Training budgets: enough for the models to produce sensible-looking output on news text,
# small enough for a 2-core CPU in minutes.
TOKENIZE_STEPS = 700
MWT_EPOCHS = 12
POS_STEPS = 600
DEPPARSE_STEPS = 400


# ---------------------------------------------------------------------------------------------
# CoNLL-U handling


@dataclass
class Word:
    id: int
    cols: list[str]  # the 10 CoNLL-U columns

    @property
    def form(self) -> str:
        return self.cols[1]

    @property
    def space_after(self) -> bool:
        return "SpaceAfter=No" not in self.cols[9].split("|")


@dataclass
class Unit:
    """One surface token: a single word, or a multi-word token covering several words."""

    words: list[Word]
    form: str
    space_after: bool
    misc: str = "_"

    @property
    def is_mwt(self) -> bool:
        return len(self.words) > 1


@dataclass
class ConlluSentence:
    comments: list[str] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)

    @property
    def text(self) -> str:
        parts = []
        for unit in self.units:
            parts.append(unit.form + (" " if unit.space_after else ""))
        return "".join(parts).rstrip()


def read_conllu(path: Path) -> list[ConlluSentence]:
    sentences: list[ConlluSentence] = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        sentence = ConlluSentence()
        range_end = 0
        for line in block.split("\n"):
            if line.startswith("#"):
                sentence.comments.append(line)
                continue
            cols = line.split("\t")
            if "." in cols[0]:
                continue  # empty nodes are not tokens
            if "-" in cols[0]:
                last = int(cols[0].split("-")[1])
                range_end = last
                misc = cols[9]
                sentence.units.append(
                    Unit(
                        words=[],
                        form=cols[1],
                        space_after="SpaceAfter=No" not in misc.split("|"),
                        misc=misc,
                    )
                )
                continue
            word = Word(id=int(cols[0]), cols=cols)
            if word.id <= range_end:
                sentence.units[-1].words.append(word)
            else:
                sentence.units.append(
                    Unit(words=[word], form=word.form, space_after=word.space_after)
                )
        sentences.append(sentence)
    return sentences


def glue_clitics(sentence: ConlluSentence) -> ConlluSentence:
    """Turn runs of non-punctuation words joined by SpaceAfter=No into multi-word tokens.

    ``ل`` + ``أوباما`` (SpaceAfter=No) becomes the token ``لأوباما`` with two words, which is how
    stanza's Arabic models see clitics. Punctuation glued to a word stays its own token.
    """
    units: list[Unit] = []
    run: list[Unit] = []

    def flush() -> None:
        if not run:
            return
        if len(run) == 1:
            units.append(run[0])
        else:
            last = run[-1]
            units.append(
                Unit(
                    words=[w for u in run for w in u.words],
                    form="".join(u.form for u in run),
                    space_after=last.space_after,
                    misc="_" if last.space_after else "SpaceAfter=No",
                )
            )
        run.clear()

    for unit in sentence.units:
        # Punctuation and symbols ("%") stay separate tokens even when glued to a word.
        if unit.is_mwt or unit.words[0].cols[3] in ("PUNCT", "SYM"):
            flush()
            units.append(unit)
            continue
        run.append(unit)
        if unit.space_after:
            flush()
    flush()
    return ConlluSentence(comments=sentence.comments, units=units)


def arabic_commas(sentence: ConlluSentence, rng: random.Random) -> ConlluSentence:
    """Write most ASCII commas as the Arabic comma, as Arabic news does."""
    for unit in sentence.units:
        if unit.form == "," and not unit.is_mwt and rng.random() < ARABIC_COMMA_SHARE:
            unit.form = "،"
            unit.words[0].cols[1] = "،"
            unit.words[0].cols[2] = "،"
    return sentence


def write_conllu(sentences: Iterable[ConlluSentence], path: Path) -> None:
    lines: list[str] = []
    for sentence in sentences:
        lines.extend(c for c in sentence.comments if not c.startswith("# text"))
        lines.append(f"# text = {sentence.text}")
        for unit in sentence.units:
            if unit.is_mwt:
                first, last = unit.words[0].id, unit.words[-1].id
                lines.append(f"{first}-{last}\t{unit.form}\t_\t_\t_\t_\t_\t_\t_\t{unit.misc}")
                for word in unit.words:
                    cols = list(word.cols)
                    cols[9] = _without_space_after(cols[9])
                    lines.append("\t".join(cols))
            else:
                lines.append("\t".join(unit.words[0].cols))
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _without_space_after(misc: str) -> str:
    kept = [m for m in misc.split("|") if m and m != "_" and m != "SpaceAfter=No"]
    return "|".join(kept) or "_"


def write_plaintext(sentences: Sequence[ConlluSentence], path: Path) -> None:
    """Raw text in paragraphs of a few sentences, separated by blank lines."""
    paragraphs = [
        " ".join(s.text for s in sentences[i : i + SENTENCES_PER_PARAGRAPH])
        for i in range(0, len(sentences), SENTENCES_PER_PARAGRAPH)
    ]
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Training


def run(argv: list[str], log: Path) -> None:
    print(f"  [{log.stem}] $", " ".join(argv[2:5]), "...", flush=True)
    started = time.monotonic()
    # One thread per trainer: on a busy 2-core machine, two spinning OpenMP threads per process
    # made steps 10x slower; the languages are trained in parallel instead (--jobs).
    env = dict(os.environ, PYTHONHASHSEED="0", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    with log.open("a", encoding="utf-8") as out:
        out.write("$ " + " ".join(argv) + "\n")
        out.flush()
        result = subprocess.run(argv, stdout=out, stderr=subprocess.STDOUT, env=env, check=False)
    if result.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8").splitlines()[-30:])
        raise SystemExit(f"training step failed ({result.returncode}); log {log}:\n{tail}")
    step = argv[2].rsplit(".", 1)[-1]
    print(f"  [{log.stem}] {step} done in {time.monotonic() - started:.0f}s", flush=True)


def stanza_module(name: str) -> list[str]:
    return [sys.executable, "-m", name]


def prepare(treebank: Treebank, ud_dir: Path, work: Path) -> dict[str, Path]:
    source = ud_dir / treebank.folder
    train = [s for f in treebank.train for s in read_conllu(source / f)]
    dev = [s for f in treebank.dev for s in read_conllu(source / f)]
    if treebank.dev_every:
        dev = train[:: treebank.dev_every]
        train = [s for i, s in enumerate(train) if i % treebank.dev_every]
    dev = dev[: treebank.max_dev_sentences]
    rng = random.Random(SEED)
    if treebank.glue_clitics:
        train = [arabic_commas(glue_clitics(s), rng) for s in train]
        dev = [arabic_commas(glue_clitics(s), rng) for s in dev]

    from stanza.utils.datasets import prepare_tokenizer_data

    files: dict[str, Path] = {}
    for split, sentences in (("train", train), ("dev", dev)):
        conllu = work / f"{treebank.lang}.{split}.conllu"
        txt = work / f"{treebank.lang}.{split}.txt"
        labels = work / f"{treebank.lang}.{split}.toklabels"
        mwt = work / f"{treebank.lang}.{split}.mwt.json"
        write_conllu(sentences, conllu)
        write_plaintext(sentences, txt)
        prepare_tokenizer_data.main([str(txt), str(conllu), "-o", str(labels), "-m", str(mwt)])
        files.update({f"{split}_conllu": conllu, f"{split}_txt": txt, f"{split}_labels": labels})
        files[f"{split}_mwt"] = mwt
    print(f"  {treebank.lang}: {len(train)} train, {len(dev)} dev sentences", flush=True)
    return files


def train_treebank(treebank: Treebank, files: dict[str, Path], work: Path, out: Path) -> list[str]:
    lang, package = treebank.lang, treebank.package
    log = work / f"{lang}.log"
    shorthand = f"{lang}_{package}"
    processors: list[str] = []
    common = ["--lang", lang, "--shorthand", shorthand, "--seed", str(SEED), "--cpu"]

    tok_dir = out / lang / "tokenize"
    tok_dir.mkdir(parents=True, exist_ok=True)
    run(
        [
            *stanza_module("stanza.models.tokenizer"),
            "--mode", "train",
            "--txt_file", str(files["train_txt"]),
            "--label_file", str(files["train_labels"]),
            "--mwt_json_file", str(files["train_mwt"]),
            "--dev_txt_file", str(files["dev_txt"]),
            "--dev_label_file", str(files["dev_labels"]),
            "--dev_conll_gold", str(files["dev_conllu"]),
            "--conll_file", str(work / f"{lang}.tok.pred.conllu"),
            "--max_seqlen", "300",
            "--steps", str(TOKENIZE_STEPS),
            "--eval_steps", "250",
            "--emb_dim", "24",
            "--hidden_dim", "32",
            "--save_dir", str(tok_dir),
            "--save_name", f"{package}.pt",
            *common,
        ],
        log,
    )  # fmt: skip
    processors.append("tokenize")

    has_mwt = json.loads(files["train_mwt"].read_text(encoding="utf-8")) != []
    if has_mwt:
        mwt_dir = out / lang / "mwt"
        mwt_dir.mkdir(parents=True, exist_ok=True)
        run(
            [
                *stanza_module("stanza.models.mwt_expander"),
                "--mode", "train",
                "--train_file", str(files["train_conllu"]),
                "--eval_file", str(files["dev_conllu"]),
                "--output_file", str(work / f"{lang}.mwt.pred.conllu"),
                "--gold_file", str(files["dev_conllu"]),
                "--num_epoch", str(MWT_EPOCHS),
                "--hidden_dim", "48",
                "--emb_dim", "24",
                "--save_dir", str(mwt_dir),
                "--save_name", f"{package}.pt",
                *common,
            ],
            log,
        )  # fmt: skip
        processors.append("mwt")

    pos_dir = out / lang / "pos"
    pos_dir.mkdir(parents=True, exist_ok=True)
    run(
        [
            *stanza_module("stanza.models.tagger"),
            "--mode", "train",
            "--train_file", str(files["train_conllu"]),
            "--eval_file", str(files["dev_conllu"]),
            "--output_file", str(work / f"{lang}.pos.pred.conllu"),
            "--no_pretrain",
            "--no_bert_model",
            # Small layers keep each model well under 1 MB (stanza's defaults give ~20 MB).
            "--word_emb_dim", "32",
            "--char_emb_dim", "24",
            "--char_hidden_dim", "48",
            "--hidden_dim", "48",
            "--num_layers", "1",
            "--deep_biaff_hidden_dim", "32",
            "--composite_deep_biaff_hidden_dim", "16",
            "--tag_emb_dim", "16",
            "--word_cutoff", "3",
            "--max_steps", str(POS_STEPS),
            # evaluate at least once: stanza 1.15's tagger crashes when training ends unevaluated
            "--eval_interval", str(max(1, POS_STEPS // 4)),
            "--fix_eval_interval",
            "--batch_size", "32",  # sentences; larger batches are far slower per step on CPU
            "--save_dir", str(pos_dir),
            "--save_name", f"{package}.pt",
            *common,
        ],
        log,
    )  # fmt: skip
    processors.append("pos")

    # A dictionary lemmatizer (seen word -> lemma, else the word itself): instant to train, and
    # stanza's dependency parser requires a lemma processor in the pipeline.
    lemma_dir = out / lang / "lemma"
    lemma_dir.mkdir(parents=True, exist_ok=True)
    run(
        [
            *stanza_module("stanza.models.lemmatizer"),
            "--mode", "train",
            "--dict_only",
            "--train_file", str(files["train_conllu"]),
            "--eval_file", str(files["dev_conllu"]),
            "--output_file", str(work / f"{lang}.lemma.pred.conllu"),
            "--save_dir", str(lemma_dir),
            "--save_name", f"{package}.pt",
            "--shorthand", shorthand, "--seed", str(SEED), "--cpu",
        ],
        log,
    )  # fmt: skip
    processors.append("lemma")

    depparse_dir = out / lang / "depparse"
    depparse_dir.mkdir(parents=True, exist_ok=True)
    run(
        [
            *stanza_module("stanza.models.parser"),
            "--mode", "train",
            "--train_file", str(files["train_conllu"]),
            "--eval_file", str(files["dev_conllu"]),
            "--output_file", str(work / f"{lang}.depparse.pred.conllu"),
            "--no_pretrain",
            "--no_bert_model",
            "--word_emb_dim", "32",
            "--char_emb_dim", "24",
            "--char_hidden_dim", "48",
            "--hidden_dim", "48",
            "--num_layers", "1",
            "--deep_biaff_hidden_dim", "48",
            "--tag_emb_dim", "16",
            "--word_cutoff", "3",
            "--max_steps", str(DEPPARSE_STEPS),
            "--eval_interval", str(max(1, DEPPARSE_STEPS // 4)),
            "--batch_size", "800",  # words
            "--save_dir", str(depparse_dir),
            "--save_name", f"{package}.pt",
            *common,
        ],
        log,
    )  # fmt: skip
    processors.append("depparse")
    # The parser also saves a resumable checkpoint (with optimizer state): not needed to run.
    for extra in (out / lang).rglob("*.pt"):
        if extra.name != f"{package}.pt":
            extra.unlink()
    return processors


_NUMBER = r"([0-9]+(?:\.[0-9]+)?)"


def dev_scores(log: Path) -> dict[str, str]:
    """The dev-set scores each trainer logged (best evaluation), for the README."""
    import re

    sections: dict[str, list[str]] = {}
    current = ""
    for line in log.read_text(encoding="utf-8").splitlines():
        if line.startswith("$ "):
            current = line.split(" -m ", 1)[-1].split()[0].rsplit(".", 1)[-1]
            sections[current] = []
        elif current:
            sections[current].append(line)
    scores: dict[str, str] = {}

    def table_rows(lines: list[str], header: str) -> list[list[float]]:
        rows = []
        for i, line in enumerate(lines[:-1]):
            if line.rstrip().endswith(header):
                values = re.findall(_NUMBER, lines[i + 1].split("INFO:")[-1])
                if values:
                    rows.append([float(v) for v in values])
        return rows

    tok = [
        tuple(float(x) for x in m.groups())
        for line in sections.get("tokenizer", [])
        if (
            m := re.search(
                rf"token F1 = {_NUMBER}, sentence F1 = {_NUMBER}, mwt F1 = {_NUMBER}", line
            )
        )
    ]
    if tok:
        t, sent, mwt = max(tok)
        scores["tokenize"] = f"token F1 {t:.1f}, sentence F1 {sent:.1f}, MWT F1 {mwt:.1f}"
    for line in sections.get("mwt_expander", []):
        if m := re.search(rf"Ensemble dev F1 = {_NUMBER}", line):
            scores["mwt"] = f"expansion F1 {float(m.group(1)):.1f} (gold tokens)"
    if rows := table_rows(sections.get("tagger", []), "UPOS\tXPOS\tUFeats\tAllTags"):
        upos, xpos, feats, _all_tags = max(rows, key=lambda r: r[-1])
        scores["pos"] = f"UPOS {upos:.1f}, XPOS {xpos:.1f}, UFeats {feats:.1f} (gold tokens)"
    for line in sections.get("lemmatizer", []):
        if m := re.search(rf"Dev F1 = {_NUMBER}", line):
            scores["lemma"] = f"lemma accuracy {float(m.group(1)):.1f} (gold tokens and tags)"
    if rows := table_rows(sections.get("parser", []), "LAS\tMLAS\tBLEX"):
        las = max(rows, key=lambda r: r[0])[0]
        scores["depparse"] = f"LAS {las:.1f} (gold tokens and tags)"
    return scores


def resources_entry(treebank: Treebank, processors: list[str]) -> dict[str, object]:
    package = treebank.package
    entry: dict[str, object] = {
        "lang_name": treebank.lang_name,
        "packages": {"default": {p: package for p in processors}},
        "default_processors": {p: package for p in processors},
    }
    for processor in processors:
        entry[processor] = {package: {}}
    return entry


def write_readme(out: Path, built: dict[str, list[str]], scores: dict[str, dict[str, str]]) -> None:
    import stanza
    import torch

    rows = []
    for treebank in TREEBANKS:
        if treebank.lang not in built:
            continue
        rows.append(
            f"| `{treebank.lang}/*/{treebank.package}.pt` | {', '.join(built[treebank.lang])} | "
            f"{treebank.folder} ({', '.join(treebank.train)}) | `{treebank.commit}` | "
            f"{treebank.licence} |"
        )
    table = "\n".join(rows)
    score_lines = []
    for lang, by_processor in sorted(scores.items()):
        for processor, text in by_processor.items():
            score_lines.append(f"| {lang} | {processor} | {text} |")
    score_table = "\n".join(score_lines)
    text = f"""# Tiny stanza fixture models

Built by `scripts/build_stanza_fixtures.py` (stanza {stanza.__version__}, torch {torch.__version__},
seed {SEED}) so that `tests/test_stanza_backend.py` can load real stanza pipelines without the
stanza model hub. **They are test fixtures, not usable models**: trained for a few minutes on a
few thousand sentences with tiny layers, so tokenisation is usable but POS tags are often wrong.
Point eventx at real stanza models for real work (see `docs/stanza.md`).

The layout is stanza's own (`resources.json` + `<lang>/<processor>/<package>.pt`), so
`stanza.Pipeline(lang, dir=THIS_DIR, download_method=None)` loads it.

| files | processors | trained on | treebank commit | licence |
|---|---|---|---|---|
{table}

## Dev-set scores of this build

As logged by stanza's trainers on the held-out split (Arabic: every tenth PUD sentence, 100
sentences; English: the first 400 sentences of EWT test). Low by design; real stanza models score
far higher.

| lang | processor | score |
|---|---|---|
{score_table}

## Credit and licence

These models are derived from Universal Dependencies treebanks and are distributed under the
same licences (Creative Commons Attribution-ShareAlike):

- **UD_Arabic-PUD** (github.com/UniversalDependencies/UD_Arabic-PUD), CC BY-SA 3.0: the Arabic
  part of the Parallel Universal Dependencies treebanks created for the CoNLL 2017 shared task
  (Zeman et al., 2017). Clitics written as separate words joined by `SpaceAfter=No` were regrouped
  into multi-word tokens, and most ASCII commas were rewritten as the Arabic comma `،`.
- **UD_English-EWT** (github.com/UniversalDependencies/UD_English-EWT), CC BY-SA 4.0: the
  English Web Treebank (Silveira et al., 2014; LDC2012T13), dev split used for training and
  test split for early stopping.

Rebuild: `.venv/bin/python scripts/build_stanza_fixtures.py --ud-dir PATH/TO/shared/ud`.
"""
    (out / "README.md").write_text(text, encoding="utf-8")


def find_ud_dir(given: str | None) -> Path:
    candidates = [given] if given else []
    candidates += [os.environ.get("EVENTX_UD_DIR"), str(REPO.parent / "shared" / "ud")]
    candidates.append(str(REPO.parent.parent / "shared" / "ud"))
    for candidate in candidates:
        if candidate and (Path(candidate) / TREEBANKS[0].folder).is_dir():
            return Path(candidate)
    raise SystemExit("UD treebanks not found: pass --ud-dir (a folder holding UD_Arabic-PUD ...)")


def main(argv: Iterator[str] | list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ud-dir", help="folder with UD_Arabic-PUD and UD_English-EWT")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="model directory to (re)write")
    parser.add_argument("--lang", action="append", help="only these languages (default: all)")
    parser.add_argument(
        "--budget", type=float, default=1.0, help="scale training steps (0.05 for a smoke run)"
    )
    parser.add_argument("--jobs", type=int, default=2, help="languages trained in parallel")
    parser.add_argument("--keep-work", action="store_true", help="keep the training work folder")
    args = parser.parse_args(list(argv) if argv is not None else None)

    global TOKENIZE_STEPS, MWT_EPOCHS, POS_STEPS, DEPPARSE_STEPS
    TOKENIZE_STEPS = max(20, int(TOKENIZE_STEPS * args.budget))
    MWT_EPOCHS = max(1, int(MWT_EPOCHS * args.budget))
    POS_STEPS = max(20, int(POS_STEPS * args.budget))
    DEPPARSE_STEPS = max(20, int(DEPPARSE_STEPS * args.budget))
    ud_dir = find_ud_dir(args.ud_dir)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="eventx-stanza-"))
    resources_path = out / "resources.json"
    resources: dict[str, object] = (
        json.loads(resources_path.read_text(encoding="utf-8")) if resources_path.exists() else {}
    )
    built: dict[str, list[str]] = {}
    scores: dict[str, dict[str, str]] = (
        json.loads((out / "scores.json").read_text(encoding="utf-8"))
        if (out / "scores.json").exists()
        else {}
    )
    selected = [t for t in TREEBANKS if not args.lang or t.lang in args.lang]

    def build(treebank: Treebank) -> list[str]:
        print(f"{treebank.lang}: preparing {treebank.folder}", flush=True)
        shutil.rmtree(out / treebank.lang, ignore_errors=True)
        files = prepare(treebank, ud_dir, work)
        processors = train_treebank(treebank, files, work, out)
        scores[treebank.lang] = dev_scores(work / f"{treebank.lang}.log")
        return processors

    try:
        # Threads only wait on the trainer subprocesses; each language has its own files.
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(build, selected))
        for treebank, processors in zip(selected, results, strict=True):
            resources[treebank.lang] = resources_entry(treebank, processors)
            built[treebank.lang] = processors
    finally:
        if args.keep_work:
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    resources_path.write_text(
        json.dumps(resources, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    for lang, entry in resources.items():
        if lang not in built and isinstance(entry, dict):
            built[lang] = [p for p in entry.get("default_processors", {})]
    (out / "scores.json").write_text(
        json.dumps(scores, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    write_readme(out, built, scores)
    total = sum(p.stat().st_size for p in out.rglob("*.pt"))
    print(f"models written to {out} ({total / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
