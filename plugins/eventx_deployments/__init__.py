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
from eventx_deployments.lexicons import lexicon
from eventx_deployments.mentions import Attribute, SentenceReader
from eventx_deployments.merging import attach_all, merge_deployments

__version__ = "0.2.0"


def extract_deployments(ctx: eventx.ExtractionContext) -> Iterator[eventx.Deployment]:
    lex = lexicon(ctx.language)
    if lex.empty or not ctx.sentences:
        return
    # Most articles send no forces: look for a sentence with both a trigger and a force before
    # building anything else.
    doc = ctx.annotation
    with_force = {doc.sentence_index_at(m.start) for m in lex.forces.finditer(doc)}
    with_trigger = {doc.sentence_index_at(m.start) for m in lex.triggers.finditer(doc)}
    with_trigger.update(doc.sentence_index_at(m.start) for m in lex.split_verbs.finditer(doc))
    if not with_force & with_trigger:
        return
    index = DocumentIndex(ctx, lex)
    found: list[eventx.Deployment] = []
    attributes: list[Attribute] = []
    for sentence in ctx.sentences:
        if not sentence.tokens or sentence.index not in with_force:
            continue
        reader = SentenceReader(index, sentence)
        mentions = list(reader.deployments())
        if mentions:
            found.extend(mentions)
        else:
            attributes.extend(reader.attributes())
    merged = attach_all(merge_deployments(found), attributes)
    # Sender, destination or contributors named in the next sentence ("They will be stationed in
    # Estonia", "وستتمركز في مدينة حلب"): followups.py.
    yield from complete_from_next_sentences(merged, index)


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
