"""Bundled plugin: deployments of armed and security forces.

Who sent which force where, how many, with which contributors, for what, and how far it got
(planned, announced, on alert, deployed, arrived, withdrawn). Triggers, force phrases and cues
live in ``lexicon/<language>.toml``; the rules are in ``mentions.py``, ``merging.py`` and
``followups.py`` (roles named in the next sentence) and are
documented in docs/plugins/deployments.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import eventx
from eventx_deployments.followups import complete_from_next_sentences
from eventx_deployments.index import DocumentIndex
from eventx_deployments.lexicons import GENERIC_FORCE_KINDS, Lexicon, lexicon
from eventx_deployments.mentions import NOT_A_FORCE, Attribute, SentenceReader
from eventx_deployments.merging import attach_all, merge_deployments

__version__ = "0.2.0"


def extract_deployments(ctx: eventx.ExtractionContext) -> Iterator[eventx.Deployment]:
    lex = lexicon(ctx.language)
    if lex.empty or not ctx.sentences:
        return
    # Most articles send no forces: look for a sentence that can hold a deployment before
    # building the document index (more than half of the extractor's time).
    doc = ctx.annotation
    # Each force match's sentence, found once: both the candidates and the sentences read for
    # attributes need them.
    forces = [(doc.sentence_index_at(m.start), m) for m in lex.forces.finditer(doc)]
    candidates = _candidate_sentences(doc, lex, forces)
    if not candidates:
        return
    with_force = {sentence for sentence, _ in forces}
    index = DocumentIndex(ctx, lex)
    readers = {
        s.index: SentenceReader(index, s)
        for s in ctx.sentences
        if s.tokens and s.index in candidates
    }
    mentions = {i: list(reader.deployments()) for i, reader in readers.items()}
    if not any(mentions.values()):
        return  # attributes only join a deployment: none found, nothing to attach them to
    found: list[eventx.Deployment] = []
    others: list[eventx.Sentence] = []  # sentences with a force and no deployment
    for sentence in ctx.sentences:
        if not sentence.tokens or sentence.index not in with_force:
            continue
        sentence_mentions = mentions.get(sentence.index)
        if sentence_mentions:
            found.extend(sentence_mentions)
        else:
            others.append(sentence)
    deployments = merge_deployments(found)
    # An attribute joins only a deployment of its own force kind, never a generic one
    # (attach_all), and its kind is that of one of its sentence's force matches: a sentence
    # whose forces are of none of the deployments' kinds adds nothing, so it is not read.
    kinds = {d.force_kind for d in deployments if d.force_kind is not None} - GENERIC_FORCE_KINDS
    force_kinds: dict[int | None, set[str]] = {}
    for sentence_index, match in forces:
        force_kinds.setdefault(sentence_index, set()).add(match.value)
    attributes: list[Attribute] = []
    for sentence in others:
        if not _may_attach(kinds, force_kinds[sentence.index]):
            continue
        reader = readers.get(sentence.index) or SentenceReader(index, sentence)
        attributes.extend(reader.attributes())
    merged = attach_all(deployments, attributes)
    # Sender, destination or contributors named in the next sentence ("They will be stationed in
    # Estonia", "وستتمركز في مدينة حلب"): followups.py.
    yield from complete_from_next_sentences(merged, index)


def _may_attach(deployment_kinds: set[str], sentence_kinds: set[str]) -> bool:
    """Whether a sentence whose force matches are of ``sentence_kinds`` can add an attribute
    to one of the deployments (of specific kinds ``deployment_kinds``)."""
    return not deployment_kinds.isdisjoint(sentence_kinds)


def _candidate_sentences(
    doc: eventx.AnnotatedDocument,
    lex: Lexicon,
    forces: Sequence[tuple[int | None, eventx.PhraseMatch[str]]] | None = None,
) -> set[int]:
    """Sentences that can hold a deployment (``SentenceReader.deployments``), by what it needs
    at the least: a force phrase (a force term other than [forces.none]) and a verb to pair it
    with: a [split] verb, a plain trigger, or a [sized] / [present] trigger with a size in the
    sentence (a quantity, or a force noun in the dual), since those pair only with a sized
    force. A cheap test on the matches the extractor makes anyway; it never drops a sentence the
    rules would read a deployment from, so records are the same as reading every sentence.
    ``forces``: every force match of the document with its sentence index (found when None)."""
    if forces is None:
        forces = [(doc.sentence_index_at(m.start), m) for m in lex.forces.finditer(doc)]
    with_term: set[int | None] = {sentence for sentence, m in forces if m.value != NOT_A_FORCE}
    with_term.discard(None)
    candidates = {doc.sentence_index_at(m.start) for m in lex.split_verbs.finditer(doc)} & with_term
    needs_size: set[int | None] = set()
    for m in lex.triggers.finditer(doc):
        sentence = doc.sentence_index_at(m.start)
        if sentence not in with_term or sentence in candidates:
            continue
        if m.phrase in lex.sized or m.phrase in lex.present:
            needs_size.add(sentence)
        else:
            candidates.add(sentence)
    needs_size -= candidates
    if needs_size:
        sized = {
            doc.sentence_index_at(q.start)
            for q in eventx.find_quantities(doc)
            if q.qualifier != "unspecified"
        }
        sized.update(
            sentence
            for sentence, m in forces
            if lex.duals.intersection(doc.tokens[m.first_token].forms)
        )
        candidates |= needs_size & sized
    return {i for i in candidates if i is not None}


@eventx.hookimpl
def eventx_register_extractors(register: eventx.Register) -> None:
    register(
        eventx.Extractor(
            name="deployments",
            func=extract_deployments,
            provides=["deployments"],
            requires=["locations", "actors", "dates"],
            version=__version__,
            description="Forces sent, stationed, put on alert or withdrawn, merged per deployment",
        )
    )


@eventx.hookimpl
def eventx_merge_facts(field: str, facts: Sequence[Any]) -> Sequence[Any] | None:
    """Merge deployment facts from every extractor with the same rules as within one article."""
    if field != "deployments":
        return None
    deployments = [f for f in facts if isinstance(f, eventx.Deployment)]
    if len(deployments) != len(facts):
        return None  # something else in the field: leave it to the core's policy
    return merge_deployments(deployments)
