"""The facts extractors contribute. Each type maps to one list of the record (see ``FACT_FIELDS``).

Field names follow the record contract (docs/record.md); adding fields is allowed, renaming is not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs
from attrs import frozen

from eventx.record.evidence import Evidence
from eventx.record.frozen_mapping import FrozenMapping

CasualtyKind = Literal["killed", "injured", "arrested", "missing", "kidnapped", "displaced"]
CASUALTY_KINDS: tuple[str, ...] = (
    "killed",
    "injured",
    "arrested",
    "missing",
    "kidnapped",
    "displaced",
)
Granularity = Literal["part_of_day", "day", "week", "month", "year"]
GRANULARITIES: tuple[str, ...] = ("part_of_day", "day", "week", "month", "year")
ACLED_TYPES: tuple[str, ...] = (
    "battles",
    "explosions_remote_violence",
    "violence_against_civilians",
    "protests",
    "riots",
    "strategic_developments",
    "disaster",
    "other",
)
LOCATION_KINDS: tuple[str, ...] = ("country", "region", "city", "place")
#: "event": an event of the article happens there; "mentioned": only named (a sender, a
#: speaker's capital, background).
LOCATION_ROLES: tuple[str, ...] = ("event", "mentioned")
#: ACLED-style geo-precision: 1 the place itself, 2 near it or part of a region, 3 only the
#: admin region or country is known.
GEO_PRECISIONS: tuple[int, ...] = (1, 2, 3)
ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "state", "group", "force")


def _tuple_of_str(values: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(values or ())


def _tuple_of_evidence(values: Iterable[Evidence] | None) -> tuple[Evidence, ...]:
    return tuple(values or ())


def _optional_non_negative(_inst: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 0:
        raise ValueError(f"{attribute.name} must be >= 0 or None, got {value}")


def _one_of(allowed: tuple[str, ...], *, optional: bool = False) -> Any:
    def check(_inst: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is None and optional:
            return
        if value not in allowed:
            raise ValueError(f"{attribute.name} must be one of {', '.join(allowed)}; got {value!r}")

    return check


@frozen(kw_only=True)
class Quantity:
    """A number as stated plus the range it stands for.

    ``count`` is the figure in the text (None for vague amounts such as "dozens"); ``min``/``max``
    bound it ("more than 100" -> count 100, min 101, max None); ``approximate`` marks hedged
    figures ("about 50").
    """

    count: int | None = attrs.field(default=None, validator=_optional_non_negative)
    min: int | None = attrs.field(default=None, validator=_optional_non_negative)
    max: int | None = attrs.field(default=None, validator=_optional_non_negative)
    approximate: bool = False

    def __attrs_post_init__(self) -> None:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is greater than max {self.max}")

    @classmethod
    def exact(cls, n: int) -> Quantity:
        return cls(count=n, min=n, max=n, approximate=False)


@frozen(kw_only=True)
class DateFact:
    """A temporal expression normalised to ISO 8601.

    ``value`` is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a range ``start/end``; None when it could
    not be resolved (a relative date without a document date). ``start``/``end`` are the first and
    last day it covers (``YYYY-MM-DD``). ``anchor`` says what it was resolved against:
    ``absolute`` (written in full), ``document_date``, ``explicit_date`` (a date named earlier in
    the text, e.g. "the previous day") or ``explicit_year`` (a year named nearby, for "21 July"
    in an undated text); ``anchor_value`` is that date and ``anchor_text`` its surface form when
    it comes from the text. ``rule`` names the grammar rule that matched. ``future`` marks dates
    after the document date (announced, scheduled); ``background`` marks history far before the
    article's news (earlier attacks, "since 2011"), which the record's time span leaves out.
    """

    value: str | None
    start: str | None = None
    end: str | None = None
    granularity: str = attrs.field(default="day", validator=_one_of(GRANULARITIES))
    evidence: Evidence
    anchor: str | None = None
    anchor_value: str | None = None
    anchor_text: str | None = None
    rule: str | None = None
    future: bool = False
    background: bool = False

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"date start {self.start} is after its end {self.end}")


@frozen(kw_only=True)
class Casualty:
    """One casualty claim: a kind, a number with its range, who, according to whom, when.

    ``count`` is the figure as stated (0 for an explicit "no one was killed", None for vague
    amounts); ``min``/``max`` bound it. ``qualifier`` says how the text hedged it (one of
    :data:`eventx.QUALIFIERS`, e.g. ``"more_than"``). ``subset`` marks a breakdown of an earlier
    figure ("including 4 children"), which totals do not add. ``mentions`` holds every place
    the same claim was repeated (title, lead, body) once merged; ``evidence`` is the first.
    ``background`` marks victims of history the article recalls rather than of its own news
    (every mention dated, in its own sentence, by a background date), which totals leave out.
    """

    kind: str = attrs.field(validator=_one_of(CASUALTY_KINDS))
    count: int | None = attrs.field(default=None, validator=_optional_non_negative)
    min: int | None = attrs.field(default=None, validator=_optional_non_negative)
    max: int | None = attrs.field(default=None, validator=_optional_non_negative)
    approximate: bool = False
    group: str | None = None
    source: str | None = None
    date: str | None = None
    evidence: Evidence
    qualifier: str | None = None
    subset: bool = False
    mentions: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=_tuple_of_evidence)
    background: bool = False

    def __attrs_post_init__(self) -> None:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is greater than max {self.max}")

    @property
    def quantity(self) -> Quantity:
        return Quantity(count=self.count, min=self.min, max=self.max, approximate=self.approximate)


DEPLOYMENT_STATUSES: tuple[str, ...] = (
    "planned",
    "announced",
    "on_alert",
    "deployed",
    "arrived",
    "withdrawn",
)


@frozen(kw_only=True)
class Deployment:
    """Forces sent, stationed, put on alert or withdrawn.

    ``force`` is the force as the text names it; ``force_kind`` its category (``army``,
    ``police``, ``peacekeepers``, ``national_guard``, ``checkpoints``, ``naval``, ``air``,
    ``armour``, or a generic ``forces``/``units``/``personnel``/``reinforcements``/``security``).
    ``contributors`` are the ISO alpha-2 codes of the states whose forces take part. ``status``
    is one of ``DEPLOYMENT_STATUSES`` (or None). ``evidence`` is the most informative mention;
    ``mentions`` every span the fact was merged from (announcement, composition, tasks), in text
    order, ``evidence`` included.
    """

    force: str
    force_kind: str | None = None
    actor: str | None = None
    actor_country: str | None = None
    contributors: tuple[str, ...] = attrs.field(factory=tuple, converter=_tuple_of_str)
    destination: str | None = None
    destination_country: str | None = None
    size: Quantity | None = None
    status: str | None = attrs.field(
        default=None, validator=_one_of(DEPLOYMENT_STATUSES, optional=True)
    )
    purpose: str | None = None
    date: str | None = None
    evidence: Evidence
    mentions: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=_tuple_of_evidence)


@frozen(kw_only=True)
class Statement:
    """Who said what. ``speaker`` is the fullest surface form in the text.

    ``speaker`` names the same speaker identically across all its statements in a document (the
    fullest form seen, so ``الرئيس`` and ``توكاييف`` both read ``الرئيس الكازاخستاني قاسم جومارت
    توكاييف``); ``speaker_evidence`` is the mention in this utterance (None when the speaker is
    carried over from an earlier sentence, as for ``وأضاف`` / "he added"). ``on_behalf_of`` is the
    organisation a spokesperson speaks for. ``content_evidence`` locates ``content``: the quote
    for direct speech, the reported clause otherwise. ``anonymous`` marks unnamed sources
    ("مصدر أمني", "witnesses", "officials"), which some analyses leave out.
    """

    speaker: str
    speaker_en: str | None = None
    cue: str | None = None
    content: str | None = None
    direct: bool = False
    date: str | None = None
    evidence: Evidence
    speaker_evidence: Evidence | None = None
    content_evidence: Evidence | None = None
    on_behalf_of: str | None = None
    anonymous: bool = False


@frozen(kw_only=True)
class AdminArea:
    """An administrative division a place lies in: its English name and ISO 3166-2 code."""

    name: str
    code: str | None = None


def _geo_precision(_inst: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value not in GEO_PRECISIONS:
        raise ValueError(f"{attribute.name} must be 1, 2, 3 or None; got {value!r}")


@frozen(kw_only=True)
class Location:
    """A place resolved to a canonical name and country, with every mention.

    ``role`` says whether an event of the article happens there (``"event"``) or the place is
    only named (``"mentioned"``); ``admin1``/``admin2`` are the first- and second-level
    divisions it lies in (ISO 3166-2); ``geo_precision`` is ACLED's code (1 the place itself, 2
    part of or near it, 3 only the region or country).
    """

    name: str
    country_code: str | None = None
    kind: str = attrs.field(default="place", validator=_one_of(LOCATION_KINDS))
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=_tuple_of_evidence)
    # How the name was resolved: gazetteer, alias, fuzzy (transliteration rule) or unresolved
    # (a place the text names that no gazetteer knows; country_code and geonameid stay None).
    resolution: str | None = None
    role: str = attrs.field(default="event", validator=_one_of(LOCATION_ROLES))
    admin1: AdminArea | None = None
    admin2: AdminArea | None = None
    geo_precision: int | None = attrs.field(default=None, validator=_geo_precision)


@frozen(kw_only=True)
class Actor:
    """A person, organisation, state, group or force, merged across its mentions."""

    name: str
    kind: str = attrs.field(default="organization", validator=_one_of(ACTOR_KINDS))
    country_code: str | None = None
    mentions: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=_tuple_of_evidence)
    # A person's title as written ("الرئيس", "وزير الخارجية", "President"), kept with the person.
    title: str | None = None


def _frozen_votes(value: Mapping[str, float] | None) -> Mapping[str, float]:
    return FrozenMapping(dict(value or {}))


@frozen(kw_only=True)
class EventType:
    """What happened: an ACLED event type, a PLOVER code, a confidence and the deciding evidence."""

    acled: str = attrs.field(validator=_one_of(ACLED_TYPES))
    plover: str | None = None
    confidence: float = 0.0
    evidence: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=_tuple_of_evidence)
    # The vote each ACLED type received (how the decision was made; see docs/event-type.md).
    votes: Mapping[str, float] = attrs.field(factory=dict, converter=_frozen_votes, hash=False)


@frozen(kw_only=True)
class TimeSpan:
    """When the reported events happened: ISO ``start`` and ``end`` (either may be None)."""

    start: str | None = None
    end: str | None = None


@frozen(kw_only=True)
class Diagnostic:
    """Something a plugin or the core wants the user to know about this record."""

    plugin: str
    level: str = attrs.field(validator=_one_of(("error", "warning", "info")))
    message: str


def _frozen_json(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return FrozenMapping(dict(value or {}))


@frozen(kw_only=True)
class Extension:
    """A fact of a kind the record contract does not name, contributed by a third-party plugin.

    It lands in ``record.extensions[field]``; ``value`` must be JSON-serialisable.
    """

    field: str
    value: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_json, hash=False)
    evidence: Evidence


Fact = DateFact | Casualty | Deployment | Statement | Location | Actor | Extension

#: Which record list each fact type lands in.
FACT_FIELDS: dict[type[Any], str] = {
    DateFact: "dates",
    Casualty: "casualties",
    Deployment: "deployments",
    Statement: "statements",
    Location: "locations",
    Actor: "actors",
    Extension: "extensions",
}
#: The record's fact lists, in record order.
RECORD_FIELDS: tuple[str, ...] = (
    "locations",
    "actors",
    "dates",
    "casualties",
    "deployments",
    "statements",
    "extensions",
)


def field_of(fact: object) -> str:
    """The record field a fact belongs to; raises TypeError naming the known types."""
    try:
        return FACT_FIELDS[type(fact)]
    except KeyError:
        known = ", ".join(t.__name__ for t in FACT_FIELDS)
        raise TypeError(
            f"an extractor returned {type(fact).__name__}, which is not a fact type. "
            f"Available: {known}"
        ) from None


#: The attribute names of each attrs class asked about (evidence_of runs for every fact).
_ATTRIBUTE_NAMES: dict[type, tuple[str, ...]] = {}


def evidence_of(fact: object) -> tuple[Evidence, ...]:
    """Every Evidence a fact carries (its ``evidence`` and its ``mentions``)."""
    found: list[Evidence] = []
    cls = type(fact)
    names = _ATTRIBUTE_NAMES.get(cls)
    if names is None:
        if not attrs.has(cls):
            return ()
        names = _ATTRIBUTE_NAMES[cls] = tuple(f.name for f in attrs.fields(cls))
    for name in names:
        value = getattr(fact, name)
        if isinstance(value, Evidence):
            found.append(value)
        elif isinstance(value, tuple) and value and isinstance(value[0], Evidence):
            found.extend(value)
    return tuple(found)


def first_offset(fact: object) -> int:
    """Where a fact is first evidenced (for stable ordering); facts without evidence sort last.

    The smallest start of :func:`evidence_of`, without building its tuple (every fact of
    every record is sorted by it).
    """
    first = 1 << 62
    cls = type(fact)
    names = _ATTRIBUTE_NAMES.get(cls)
    if names is None:
        if not attrs.has(cls):
            return first
        names = _ATTRIBUTE_NAMES[cls] = tuple(f.name for f in attrs.fields(cls))
    for name in names:
        value = getattr(fact, name)
        if isinstance(value, Evidence):
            if value.start < first:
                first = value.start
        elif isinstance(value, tuple) and value and isinstance(value[0], Evidence):
            for evidence in value:
                if evidence.start < first:
                    first = evidence.start
    return first
