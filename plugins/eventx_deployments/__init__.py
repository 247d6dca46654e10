"""Bundled plugin: deployments (basic version: a deployment trigger and the force named after it)."""

from __future__ import annotations

from collections.abc import Iterator

import eventx

__version__ = "0.1.0"


def extract_deployments(ctx: eventx.ExtractionContext) -> Iterator[eventx.Deployment]:
    table = eventx.language_data("eventx_deployments", "lexicon", ctx.language)
    triggers = eventx.matcher_from_table(table)
    forces = eventx.PhraseMatcher(
        (term, "force") for term in table.get("forces", {}).get("terms", [])
    )
    for trigger in triggers.finditer(ctx.annotation):
        if trigger.value == "forces":
            continue
        sentence = ctx.annotation.sentence_at(trigger.start)
        if sentence is None:
            continue
        force = next(
            iter(forces.finditer(ctx.annotation, start=sentence.start, end=sentence.end)), None
        )
        if force is None:
            continue
        start, end = min(trigger.start, force.start), max(trigger.end, force.end)
        yield eventx.Deployment(
            force=ctx.text[force.start : force.end],
            status=trigger.value,
            evidence=ctx.evidence(start, end),
        )


@eventx.hookimpl
def eventx_register_extractors(register: eventx.Register) -> None:
    register(
        eventx.Extractor(
            name="deployments",
            func=extract_deployments,
            provides=["deployments"],
            requires=["locations", "dates"],
            version=__version__,
            description="Deployment triggers with the force they move",
        )
    )
