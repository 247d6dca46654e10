"""Gold facts: what a careful analyst reads out of one article (format: devset/FORMAT.md).

A gold folder holds, per article, ``<id>.txt`` (the text), ``<id>.meta.json`` (language,
publication date) and ``<id>.facts.json`` (the gold facts). Mention strings are copied verbatim
from the text, so their character spans are found by searching the text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
from attrs import frozen

CATEGORIES: tuple[str, ...] = ("casualties", "dates", "statements", "deployments", "locations")


class GoldFormatError(ValueError):
    """A gold file does not follow the documented format (the message names file and field)."""


def _spans(text: str, needles: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Every occurrence of every (non-empty) needle in ``text``, sorted."""
    found: set[tuple[int, int]] = set()
    for needle in needles:
        if not needle:
            continue
        start = text.find(needle)
        while start >= 0:
            found.add((start, start + len(needle)))
            start = text.find(needle, start + 1)
    return tuple(sorted(found))


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


@frozen(kw_only=True)
class GoldCasualty:
    kind: str
    count: int | None = None
    min: int | None = None
    max: int | None = None
    approximate: bool = False
    group: str | None = None
    mention: str = ""
    optional: bool = False
    spans: tuple[tuple[int, int], ...] = ()

    def describe(self) -> str:
        return f"{self.kind} {_quantity(self.count, self.min, self.max)} «{self.mention}»"


@frozen(kw_only=True)
class GoldDate:
    value: str
    acceptable: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    what: str = ""
    optional: bool = False
    spans: tuple[tuple[int, int], ...] = ()

    def describe(self) -> str:
        shown = " | ".join(self.mentions[:2])
        return f"{self.value} «{shown}»" + (f" ({self.what})" if self.what else "")


@frozen(kw_only=True)
class GoldStatement:
    speaker: str
    mentions: tuple[str, ...] = ()
    direct: bool | None = None
    optional: bool = False
    spans: tuple[tuple[int, int], ...] = ()

    def describe(self) -> str:
        return f"{self.speaker} «{' | '.join(self.mentions[:2])}»"


@frozen(kw_only=True)
class GoldDeployment:
    force: str
    actor: str | None = None
    destination: str | None = None
    destination_country: str | None = None
    size: int | None = None
    mention: str = ""
    optional: bool = False
    spans: tuple[tuple[int, int], ...] = ()

    def describe(self) -> str:
        return f"{self.force} -> {self.destination} «{self.mention}»"


@frozen(kw_only=True)
class GoldLocation:
    name: str
    country_code: str | None = None
    kind: str = "place"
    mentions: tuple[str, ...] = ()
    optional: bool = False
    spans: tuple[tuple[int, int], ...] = ()

    def describe(self) -> str:
        return f"{self.name} [{self.country_code}/{self.kind}] «{' | '.join(self.mentions[:2])}»"


GoldItem = GoldCasualty | GoldDate | GoldStatement | GoldDeployment | GoldLocation


def _quantity(count: int | None, low: int | None, high: int | None) -> str:
    if count is not None and low == count and high == count:
        return str(count)
    return f"{count if count is not None else '~'} [{low if low is not None else ''}..{high if high is not None else ''}]"


@frozen(kw_only=True)
class GoldDocument:
    """One article with its gold facts. ``text`` is the article; spans refer to it."""

    id: str
    language: str
    text: str
    document_date: str | None = None
    event_type: str | None = None
    event_type_also: tuple[str, ...] = ()
    country: str | None = None
    casualties: tuple[GoldCasualty, ...] = ()
    dates: tuple[GoldDate, ...] = ()
    statements: tuple[GoldStatement, ...] = ()
    deployments: tuple[GoldDeployment, ...] = ()
    locations: tuple[GoldLocation, ...] = ()

    def items(self, category: str) -> tuple[GoldItem, ...]:
        if category not in CATEGORIES:
            raise ValueError(f"unknown category {category!r}. Available: {', '.join(CATEGORIES)}")
        value: tuple[GoldItem, ...] = getattr(self, category)
        return value

    def accepts_event_type(self, acled: str | None) -> bool:
        return acled is not None and (acled == self.event_type or acled in self.event_type_also)

    @classmethod
    def from_facts(cls, facts: Mapping[str, Any], text: str, *, source: str = "") -> GoldDocument:
        """Build from a parsed ``*.facts.json`` mapping and the article text."""
        where = source or str(facts.get("id", "?"))
        try:
            return cls._from_facts(facts, text)
        except (KeyError, TypeError, ValueError) as exc:
            raise GoldFormatError(f"{where}: bad gold facts ({type(exc).__name__}: {exc})") from exc

    @classmethod
    def _from_facts(cls, facts: Mapping[str, Any], text: str) -> GoldDocument:
        event_type = facts.get("event_type") or {}
        casualties = tuple(
            GoldCasualty(
                kind=str(c["kind"]),
                count=_opt_int(c.get("count")),
                min=_opt_int(c.get("min", c.get("count"))),
                max=_opt_int(c.get("max", c.get("count"))),
                approximate=bool(c.get("approximate", False)),
                group=c.get("group"),
                mention=str(c.get("mention", "")),
                optional=bool(c.get("optional", False)),
                spans=_spans(text, [str(c.get("mention", ""))]),
            )
            for c in facts.get("casualties", [])
        )
        dates = tuple(
            GoldDate(
                value=str(d["value"]),
                acceptable=tuple(str(a) for a in d.get("acceptable", [])),
                mentions=tuple(d.get("mentions", [])),
                what=str(d.get("what", "")),
                optional=bool(d.get("optional", False)),
                spans=_spans(text, d.get("mentions", [])),
            )
            for d in facts.get("dates", [])
        )
        statements = tuple(
            GoldStatement(
                speaker=str(s["speaker"]),
                mentions=tuple(s.get("mentions", [])),
                direct=s.get("direct"),
                optional=bool(s.get("optional", False)),
                spans=_spans(text, s.get("mentions", [])),
            )
            for s in facts.get("statements", [])
        )
        deployments = tuple(
            GoldDeployment(
                force=str(d.get("force") or ""),
                actor=d.get("actor"),
                destination=d.get("destination"),
                destination_country=d.get("destination_country"),
                size=_opt_int(d.get("size")),
                mention=str(d.get("mention", "")),
                optional=bool(d.get("optional", False)),
                spans=_spans(text, [str(d.get("mention", ""))]),
            )
            for d in facts.get("deployments", [])
        )
        locations = tuple(
            GoldLocation(
                name=str(loc["name"]),
                country_code=loc.get("country_code"),
                kind=str(loc.get("kind") or "place"),
                mentions=tuple(loc.get("mentions", [])),
                optional=bool(loc.get("optional", False)),
                spans=_spans(text, loc.get("mentions", [])),
            )
            for loc in facts.get("locations", [])
        )
        return cls(
            id=str(facts["id"]),
            language=str(facts.get("language") or "und"),
            text=text,
            document_date=facts.get("document_date"),
            event_type=event_type.get("main"),
            event_type_also=tuple(event_type.get("also_acceptable", [])),
            country=facts.get("country"),
            casualties=casualties,
            dates=dates,
            statements=statements,
            deployments=deployments,
            locations=locations,
        )

    def without_text(self) -> GoldDocument:
        return attrs.evolve(self, text="")


def load_gold(facts_path: str | Path) -> GoldDocument:
    """Load one ``<id>.facts.json`` and its sibling ``<id>.txt``."""
    path = Path(facts_path)
    stem = path.name.removesuffix(".facts.json")
    text_path = path.with_name(stem + ".txt")
    if not text_path.is_file():
        raise GoldFormatError(f"{path}: the article text {text_path.name} is missing")
    try:
        facts = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(facts, dict):
        raise GoldFormatError(f"{path}: expected a JSON object")
    facts.setdefault("id", stem)
    return GoldDocument.from_facts(facts, text_path.read_text("utf-8"), source=str(path))


def load_gold_dir(directory: str | Path) -> list[GoldDocument]:
    """Every gold document in a folder (``*.facts.json`` with a sibling ``.txt``), sorted by id."""
    folder = Path(directory)
    if not folder.is_dir():
        raise GoldFormatError(f"{folder}: not a folder")
    paths = sorted(folder.glob("*.facts.json"))
    if not paths:
        raise GoldFormatError(f"{folder}: no *.facts.json files")
    return [load_gold(p) for p in paths]
