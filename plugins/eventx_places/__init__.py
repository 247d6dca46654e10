"""Bundled plugin: places (Location facts) and the record's country.

Places come from the core gazetteer (``eventx.find_place_mentions``: GeoNames, pycountry,
babel/CLDR and curated aliases), disambiguated by the countries the article names, merged
across mentions and spellings. See docs/plugins/places.md.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

import eventx
from eventx_places.country import decide_country, main_country, primary_location
from eventx_places.resolve import merge_mentions, resolve_mentions
from eventx_places.roles import is_actor_only, place_role, scene_countries, site_spans

__version__ = "0.2.0"
DROP_ACTOR_ONLY = False


def extract_places(ctx: eventx.ExtractionContext) -> Iterator[eventx.Location]:
    mentions, _context = resolve_mentions(ctx.annotation)
    locations = list(merge_mentions(ctx, mentions))
    main = main_country(locations, ctx.text, ctx.language)
    scenes = scene_countries(locations, ctx.text)
    sites = site_spans(locations)
    for location in locations:
        if DROP_ACTOR_ONLY and is_actor_only(location, main, ctx.text, ctx.language):
            continue
        if location.resolution == "unresolved" and location.country_code is None:
            # A name no gazetteer knows, announced as a place ("في منطقة أكبار"): reported, and
            # placed in the article's country, which the diagnostic says is an assumption.
            assumed = f"; assumed in {main}, the article's country" if main else ""
            ctx.warn(
                f"unresolved place name {location.name!r}: in no gazetteer, and the fuzzy "
                f"transliteration rule found no unique match in the countries the article "
                f"names{assumed}"
            )
            location = attrs.evolve(location, country_code=main)
        role = place_role(location, main, ctx.text, ctx.language, scenes, sites)
        yield attrs.evolve(location, role=role)


@eventx.hookimpl
def eventx_register_extractors(register: eventx.Register) -> None:
    register(
        eventx.Extractor(
            name="places",
            func=extract_places,
            provides=["locations"],
            version=__version__,
            description="Countries, regions, cities and named places, resolved offline",
        )
    )


@eventx.hookimpl
def eventx_decide_country(record: eventx.EventRecord, document: eventx.Document) -> str | None:
    return decide_country(record, document)


@eventx.hookimpl
def eventx_decide_primary_location(
    record: eventx.EventRecord, document: eventx.Document
) -> str | None:
    return primary_location(record, document)
