"""The record over its article as one self-contained HTML page.

Every evidence span is highlighted by fact type; a legend toggles types; a side table lists the
facts and flashes their spans; a timeline places the resolved dates. No network: the CSS and JS
are inlined from ``report.css``/``report.js`` next to this module. Arabic pages are right to left.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from eventx.record import EventRecord, evidence_of

#: Fact types in legend order, with their label and (fill, underline) colours.
FACT_TYPES: dict[str, tuple[str, str, str]] = {
    "event_type": ("event type", "#ffd6e0", "#d6336c"),
    "locations": ("places", "#d3f0dc", "#2b8a3e"),
    "actors": ("actors", "#e5dbff", "#6741d9"),
    "dates": ("dates", "#d0ebff", "#1971c2"),
    "casualties": ("casualties", "#ffd8cc", "#e03131"),
    "deployments": ("deployments", "#fff3bf", "#e67700"),
    "statements": ("statements", "#e9ecef", "#868e96"),
    "extensions": ("plugin facts", "#c5f6fa", "#0c8599"),
}
RTL_LANGUAGES = ("ar", "fa", "he", "ur")


@dataclass(frozen=True)
class Span:
    """One highlighted evidence span: ``text[start:end]``, its fact type and fact id."""

    start: int
    end: int
    kind: str
    fact: str


def _facts(record: EventRecord) -> list[tuple[str, str, Any]]:
    """(fact type, fact id, fact) for every fact in the record, in legend order."""
    found: list[tuple[str, str, Any]] = []
    if record.event_type is not None:
        found.append(("event_type", "event_type-0", record.event_type))
    for kind in ("locations", "actors", "dates", "casualties", "deployments", "statements"):
        for index, fact in enumerate(getattr(record, kind)):
            found.append((kind, f"{kind}-{index}", fact))
    for field in sorted(record.extensions):
        for index, ext in enumerate(record.extensions[field]):
            found.append(("extensions", f"extensions-{field}-{index}", ext))
    return found


def _evidence(kind: str, fact: Any) -> tuple[Any, ...]:
    if kind == "event_type":
        return tuple(fact.evidence)
    return evidence_of(fact)


def spans_of(record: EventRecord) -> list[Span]:
    """Every evidence span of the record, one per (fact, distinct offsets)."""
    spans: list[Span] = []
    for kind, fact_id, fact in _facts(record):
        seen: set[tuple[int, int]] = set()
        for evidence in _evidence(kind, fact):
            key = (evidence.start, evidence.end)
            if evidence.end > evidence.start and key not in seen:
                seen.add(key)
                spans.append(Span(evidence.start, evidence.end, kind, fact_id))
    return spans


def _highlighted(text: str, spans: list[Span]) -> tuple[str, dict[str, int]]:
    """The article as HTML with a <mark> per segment covered by spans, and for each fact the
    index of its first mark (the side table links there).

    Overlapping spans (a casualty inside a statement) are cut at every boundary; a segment is
    coloured by its innermost span and lists every fact covering it in ``data-facts``.
    """
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starting: dict[int, list[Span]] = {}
    for span in spans:
        starting.setdefault(span.start, []).append(span)
    active: list[Span] = []  # spans covering the current segment: a sweep, not a scan per segment
    parts: list[str] = []
    first_mark: dict[str, int] = {}
    marks = 0
    for a, b in itertools.pairwise(bounds):
        segment = html.escape(text[a:b])
        active = [s for s in active if s.end > a] + starting.get(a, [])
        covering = active
        if not covering:
            parts.append(segment)
            continue
        inner = min(covering, key=lambda s: (s.end - s.start, list(FACT_TYPES).index(s.kind)))
        facts = sorted({s.fact for s in covering})
        for fact in facts:
            first_mark.setdefault(fact, marks)
        parts.append(
            f'<mark id="m{marks}" class="t-{inner.kind}" data-facts="{" ".join(facts)}" '
            f'data-start="{a}" data-end="{b}" title="{html.escape(", ".join(facts))}">'
            f"{segment}</mark>"
        )
        marks += 1
    return "".join(parts), first_mark


def _quantity(count: int | None, low: int | None, high: int | None) -> str:
    if count is not None:
        return str(count)
    if low is not None or high is not None:
        return f"{low if low is not None else '?'}-{high if high is not None else '?'}"
    return "?"


def summary(kind: str, fact: Any) -> str:
    """A one-line description of a fact for the side table."""
    if kind == "event_type":
        return f"{fact.acled} (PLOVER {fact.plover or '-'}, confidence {fact.confidence:.2f})"
    if kind == "locations":
        role = getattr(fact, "role", None)
        extra = f", {role}" if isinstance(role, str) else ""
        return f"{fact.name} [{fact.country_code or '?'}] {fact.kind}{extra}, {len(fact.mentions)}x"
    if kind == "actors":
        title = f"{fact.title} " if fact.title else ""
        return f"{title}{fact.name} ({fact.kind})"
    if kind == "dates":
        flags = "".join(f" ({f})" for f in ("future", "background") if getattr(fact, f))
        return f"{fact.value or 'unresolved'} <- {fact.evidence.text}{flags}"
    if kind == "casualties":
        who = f" {fact.group}" if fact.group else ""
        source = f" (according to {fact.source})" if fact.source else ""
        flags = "".join(f" [{f}]" for f in ("subset", "background") if getattr(fact, f))
        return f"{fact.kind} {_quantity(fact.count, fact.min, fact.max)}{who}{source}{flags}"
    if kind == "deployments":
        size = f" x{_quantity(fact.size.count, fact.size.min, fact.size.max)}" if fact.size else ""
        where = f" -> {fact.destination}" if fact.destination else ""
        return f"{fact.force}{size}{where} ({fact.status or 'status ?'})"
    if kind == "statements":
        content = fact.content or ""
        content = content if len(content) <= 90 else content[:88] + "..."
        return f"{fact.speaker}: {content}" if content else fact.speaker
    details = ", ".join(f"{k}={v}" for k, v in fact.value.items())
    return f"{fact.field}: {details}"


def _day(value: str | None) -> dt.date | None:
    if value is None or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _timeline(record: EventRecord, first_mark: Mapping[str, int]) -> str:
    dated = [
        (index, fact, _day(fact.start), _day(fact.end))
        for index, fact in enumerate(record.dates)
    ]
    dated = [(i, f, s, e) for i, f, s, e in dated if s is not None and e is not None]
    if not dated:
        return '<p class="note">No resolved dates.</p>'
    low = min(s for _, _, s, _ in dated if s is not None)
    high = max(e for _, _, _, e in dated if e is not None)
    days = max((high - low).days + 1, 1)
    bars: list[str] = []
    items: list[str] = []
    lane_ends: list[dt.date] = []  # overlapping dates go to separate lanes, one above the other
    for index, fact, start, end in sorted(dated, key=lambda d: (d[2], d[3], d[0])):
        assert start is not None and end is not None
        lane = next((n for n, last in enumerate(lane_ends) if last < start), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(end)
        lane_ends[lane] = end
        left = 100 * (start - low).days / days
        width = max(100 * ((end - start).days + 1) / days, 1.5)
        fact_id = f"dates-{index}"
        css = "range background" if fact.background else "range"
        label = html.escape(f"{fact.value}: {fact.evidence.text}")
        bars.append(
            f'<a class="{css} t-dates" href="#m{first_mark.get(fact_id, 0)}" data-fact="{fact_id}" '
            f'title="{label}" style="inset-inline-start:{left:.2f}%;width:{width:.2f}%;'
            f'top:{lane * 14}px"></a>'
        )
        flags = "".join(f" <span class=note>{f}</span>" for f in ("future", "background") if getattr(fact, f))
        items.append(
            f'<li><a href="#m{first_mark.get(fact_id, 0)}" data-fact="{fact_id}">'
            f'<span class="iso">{html.escape(fact.value or "")}</span> '
            f"{html.escape(fact.evidence.text)}</a>{flags}</li>"
        )
    ticks = (
        f'<span class="tick first" style="inset-inline-start:0%">{low.isoformat()}</span>'
        f'<span class="tick last" style="inset-inline-start:100%">{high.isoformat()}</span>'
    )
    span = ""
    if record.time is not None and record.time.start:
        span = f'<p class="note">Event time: {record.time.start} .. {record.time.end}</p>'
    height = 14 * len(lane_ends)
    return (
        f'<div class="lanes" style="height:{height}px">{"".join(bars)}</div>'
        f'<div class="axis">{ticks}</div>{span}'
        f'<ul class="dates-list">{"".join(items)}</ul>'
    )


def _type_css() -> str:
    rules = [
        f".t-{kind} {{ --c: {fill}; --b: {line}; }}"
        for kind, (_, fill, line) in FACT_TYPES.items()
    ]
    return "\n".join(rules)


def _asset(name: str) -> str:
    return resources.files("eventx.render").joinpath(name).read_text("utf-8")


def render_html(
    record: EventRecord, text: str, *, plugins: Mapping[str, str] | None = None
) -> str:
    """One self-contained HTML page showing ``record`` over the article ``text`` it was read from.

    ``plugins`` maps an extractor name to the plugin that provides it; extension facts are then
    labelled with their plugin. Raises ValueError when the record's evidence does not slice
    back to ``text`` (the wrong article).
    """
    problems = record.check_evidence(text)
    if problems:
        raise ValueError(f"the text is not the record's article: {problems[0]}")
    plugins = plugins or {}
    spans = spans_of(record)
    article, first_mark = _highlighted(text, spans)
    language = record.language or "und"
    direction = "rtl" if language in RTL_LANGUAGES else "ltr"
    counts: dict[str, int] = {}
    rows: list[str] = []
    for kind, fact_id, fact in _facts(record):
        counts[kind] = counts.get(kind, 0) + 1
        label = FACT_TYPES[kind][0]
        origin = ""
        if kind == "extensions":
            extractor = fact.evidence.extractor
            source = plugins.get(extractor, extractor or "a plugin")
            origin = f' <span class="plugin">from plugin {html.escape(source)}</span>'
        target = first_mark.get(fact_id)
        text_cell = html.escape(summary(kind, fact))
        if target is not None:
            text_cell = f'<a href="#m{target}" data-fact="{fact_id}">{text_cell}</a>'
        rows.append(
            f'<tr id="fact-{fact_id}"><td class="type"><span class="swatch t-{kind}"></span> '
            f"{label}</td><td>{text_cell}{origin}</td></tr>"
        )
    legend = "".join(
        f'<li data-type="{kind}"><span class="swatch t-{kind}"></span>{label} ({counts[kind]})</li>'
        for kind, (label, _, _) in FACT_TYPES.items()
        if counts.get(kind)
    )
    event = record.event_type
    heading = html.escape(
        " · ".join(
            x
            for x in (
                event.acled if event else "no event type",
                record.country or "",
                f"published {record.document_date}" if record.document_date else "",
            )
            if x
        )
    )
    # <bdi>: an id such as 000_8810d80a09cc04a1 must not be reordered inside a right-to-left page
    meta = (
        f"<bdi>{html.escape(record.id)}</bdi> · language {html.escape(language)} · "
        f"status {html.escape(record.status)}"
    )
    return f"""<!DOCTYPE html>
<html lang="{html.escape(language)}" dir="{direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="eventx">
<title>eventx: {html.escape(record.id)}</title>
<style>
{_asset("report.css")}
{_type_css()}
</style>
</head>
<body>
<header><h1>{heading}</h1><div class="meta">{meta}</div></header>
<main>
<section id="article-section"><h2>Article</h2>
<ul class="legend">{legend}</ul>
<div id="article" dir="{direction}">{article}</div>
</section>
<div class="side">
<section id="timeline"><h2>Timeline</h2>{_timeline(record, first_mark)}</section>
<section id="facts"><h2>Facts</h2>
<table><tbody>{"".join(rows)}</tbody></table>
</section>
</div>
</main>
<script>
{_asset("report.js")}
</script>
</body>
</html>
"""


def write_html(path: str, record: EventRecord, text: str, **options: Any) -> None:
    """Write :func:`render_html` to ``path`` (UTF-8)."""
    from pathlib import Path

    Path(path).write_text(render_html(record, text, **options), "utf-8")


def facts_of(record: EventRecord) -> Iterable[tuple[str, str, Any]]:
    """(fact type, fact id, fact) as the page names them (``data-facts``), for tests and tools."""
    return _facts(record)
