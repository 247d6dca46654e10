"""What the gazetteer returns: a resolved place, and a place name found in a document."""

from __future__ import annotations

import attrs
from attrs import frozen

PLACE_KINDS: tuple[str, ...] = ("country", "region", "city", "place")
#: How a name was resolved: an exact gazetteer name, a curated alias, a demonym/adjective
#: ("Russian", "الروسية"), or the transliteration-aware fuzzy rule (docs/gazetteer.md).
RESOLUTIONS: tuple[str, ...] = ("gazetteer", "alias", "demonym", "fuzzy")


def _tuple_of_str(values: tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    return tuple(values or ())


@frozen(kw_only=True)
class Place:
    """A place in the gazetteer.

    ``name`` is the canonical English name (GeoNames style, ASCII-folded: "Al Hudaydah");
    ``country_code`` the ISO 3166-1 alpha-2 code (None for regions spanning countries, such as
    "Persian Gulf"); ``geonameid``/``lat``/``lon`` are None when no offline data package knows
    them (curated regions). ``population`` ranks ambiguous names (0 when unknown).
    ``admin1_code``/``admin1_name`` name the first-level subdivision the place lies in (its ISO
    3166-2 code and English name; a first-level subdivision is its own admin1), and
    ``admin2_code``/``admin2_name`` the second-level one where ISO 3166-2 has that level.
    """

    name: str
    kind: str = attrs.field(validator=attrs.validators.in_(PLACE_KINDS))
    country_code: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    resolution: str = attrs.field(default="gazetteer", validator=attrs.validators.in_(RESOLUTIONS))
    #: Where a gazetteer place comes from when it is not GeoNames: "iso3166-2" for the
    #: pycountry subdivisions (regions the resolver believes only with supporting evidence).
    source: str | None = None
    admin1_code: str | None = None
    admin1_name: str | None = None
    admin2_code: str | None = None
    admin2_name: str | None = None

    @property
    def key(self) -> tuple[str, str, str | None]:
        """Identity used to merge mentions of the same place across spellings."""
        if self.geonameid is not None:
            return ("geonames", str(self.geonameid), None)
        return (self.kind, self.name, self.country_code)


@frozen(kw_only=True)
class PlaceMention:
    """A place name found in an annotated document, with every candidate it may denote.

    ``candidates`` are ordered best-first by population; pick among them with
    :func:`eventx.choose_place` when the document gives context. ``demonym`` marks adjectives
    and demonyms ("Russian", "الكازاخستانية"), which name a country without being a place mention.
    """

    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]
    demonym: bool = False
