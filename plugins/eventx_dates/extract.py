"""The dates extractor: find temporal expressions, resolve them, flag background and future dates."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator, Sequence

import attrs
from attrs import frozen

import eventx
from eventx_dates.arithmetic import FINE_GRANULARITIES
from eventx_dates.grammar import (
    Rule,
    Vocabulary,
    rules,
    trigger_pattern,
    trigger_words,
    vocabulary,
)
from eventx_dates.resolve import EXPLICIT_DATE, Resolution, Resolver

#: Dates ending this many days before the news anchor are background history, not the event.
BACKGROUND_DAYS = 30
#: Per trigger group, (before, after): a date reaches this far from the word that triggers it
#: ("في ليلة 5 على 6 " before a month, " 2022" after it; "في 26/7/" before a year).
WINDOW: dict[str, tuple[int, int]] = {
    "month": (40, 32),
    "year": (28, 12),
    "weekday": (28, 20),
    "numeric": (12, 12),
}
WINDOW_DEFAULT = (36, 36)
_WORD_REST = re.compile(r"\w*")
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_YEAR = frozenset({"year"})
_NUMERIC = frozenset({"numeric"})
#: Rules whose words, capitalised inside a sentence, are a title rather than a date (English).
_TITLE_CASE_KINDS = frozenset({"period", "relative_day", "relative_part", "recent"})
#: Rules whose matches, written with a year, are complete dates.
FULL_DATE_RULES = ("date", "numeric", "iso", "day_range", "night_range")
#: Rules whose year belongs to a particular day or month (not "since 2015").
DATED_RULES = (*FULL_DATE_RULES, "month_year", "month_range")


@frozen
class Candidate:
    start: int  # offsets into the normalised text
    end: int
    rule: Rule
    match: re.Match[str]


def windows(text: str, language: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger group, the stretches of text around its words, merged, cut at spaces.

    Running each rule only there is what keeps the extractor fast: most of a news text holds no
    date, and a rule would otherwise be tried at every position.
    """
    triggers = trigger_words(language)
    spans: dict[str, list[tuple[int, int]]] = {}
    for word in trigger_pattern(language).finditer(text):
        token = word.group("word") or word.group()
        # Every rule that needs a number needs a four-digit year (2022, 1443).
        if token[0].isdigit():
            groups = _YEAR if len(token) == 4 else _NUMERIC
        else:
            groups = triggers.get(token, frozenset())
        for group in groups:
            before, after = WINDOW.get(group, WINDOW_DEFAULT)
            start = max(0, word.start() - before)
            end = min(len(text), word.end() + after)
            found = spans.setdefault(group, [])
            if found and start <= found[-1][1]:
                found[-1] = (found[-1][0], end)
            else:
                found.append((start, end))
    return {group: _snap(text, found) for group, found in spans.items()}


def _snap(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """End windows at a word end: at a window's end a rule sees "end of text", so half a word
    there could pass for a whole one. (Starts need no care: the rules' look-behind sees the
    characters before a window.)"""
    snapped: list[tuple[int, int]] = []
    for start, end in spans:
        rest = _WORD_REST.match(text, end)
        end = rest.end() if rest else end
        if snapped and start <= snapped[-1][1]:
            snapped[-1] = (snapped[-1][0], max(end, snapped[-1][1]))
        else:
            snapped.append((start, end))
    return snapped


def _date_start(match: re.Match[str]) -> int:
    """Where the date starts: after an Arabic proclitic (و, ف, ب) the match opens with."""
    groups = match.groupdict()
    for group in ("clitic_b", "clitic"):
        if groups.get(group):
            return match.end(group)
    return match.start()


def find_candidates(text: str, language: str) -> list[Candidate]:
    """Leftmost-longest, non-overlapping matches of every rule over the normalised text."""
    found: list[Candidate] = []
    by_group = windows(text, language)
    for rule in rules(language):
        for start, end in by_group.get(rule.trigger, ()):
            for match in rule.pattern.finditer(text, start, end):
                if match.end() > match.start():
                    found.append(Candidate(_date_start(match), match.end(), rule, match))
    found.sort(key=lambda c: (c.start - c.end, c.start, c.rule.priority))
    starts: list[int] = []
    chosen: list[Candidate] = []
    for candidate in found:
        i = bisect.bisect_right(starts, candidate.start)
        if i > 0 and chosen[i - 1].end > candidate.start:
            continue
        if i < len(chosen) and chosen[i].start < candidate.end:
            continue
        starts.insert(i, candidate.start)
        chosen.insert(i, candidate)
    return chosen


def _surface_ok(candidate: Candidate, original: eventx.AnnotatedDocument) -> bool:
    """Month names that are also words count only as written: May and March capitalised, and
    آب (August) with its madda, since normalisation makes it أب (father)."""
    vocab = vocabulary(original.language)
    if candidate.rule.kind in _TITLE_CASE_KINDS:  # (scripts without case never match)
        # "ABC's This Week", "the Today programme": a capitalised relative word inside a
        # sentence is a title; at a sentence start it is the word itself.
        start, end = original.normalized.span_to_original(candidate.start, candidate.end)
        # the character before it, quotes and spaces skipped (read backwards from the
        # candidate: a copy of all the text before it per candidate is quadratic)
        text = original.text
        k = start
        while k > 0 and text[k - 1] in " \t\"'“‘`(":
            k -= 1
        if text[start:end][:1].isupper() and k > 0 and text[k - 1] not in ".!?:\n":
            return False
    if not vocab.capitalized_months and not vocab.exact_months:
        return True
    groups = candidate.match.groupdict()
    for group in ("month", "month2"):
        if groups.get(group) is None:
            continue
        name = " ".join(candidate.match.group(group).split())
        start, end = original.normalized.span_to_original(*candidate.match.span(group))
        written = original.text[start:end]
        if name in vocab.capitalized_months and not written[:1].isupper():
            return False
        exact = vocab.exact_months.get(name)
        if exact is not None and _ARABIC_MARKS.sub("", written) not in exact:
            return False
    return True


def _through_marks(text: str, end: int) -> int:
    """Extend a span over the diacritics and tatweel after its last letter (غداً, 1443 هـ)."""
    while end < len(text) and text[end] != " " and not eventx.normalize_string(text[end]):
        end += 1
    return end


def _years_named(
    text: str, candidates: Sequence[Candidate], vocab: Vocabulary
) -> list[tuple[int, int]]:
    """(offset, year) of the years named alone ("في 2001", "in 1974"), not as a span's edge
    ("منذ 2015", "until 2024"): a day and month just after one is in that year."""
    edge = re.compile(rf"{vocab.cue('year_edge_cues')}\s")
    years: list[tuple[int, int]] = []
    for candidate in candidates:
        if candidate.rule.kind != "year" or edge.match(text, candidate.start):
            continue
        years.append((candidate.match.start("year"), int(candidate.match.group("year"))))
    return sorted(years)


def _written_with_year(
    candidates: Sequence[Candidate], vocab: Vocabulary
) -> list[tuple[int, str, dt.date]]:
    """(offset, rule kind, first day) of the matches written with their year (days and
    months), each resolved once, in candidate order."""
    probe = Resolver(vocab, "", None, ())
    found: list[tuple[int, str, dt.date]] = []
    for candidate in candidates:
        if candidate.rule.kind in DATED_RULES and candidate.match.groupdict().get("year"):
            resolution = probe.resolve(candidate.rule.kind, candidate.match, None, "")
            if resolution is not None and resolution.interval is not None:
                found.append((candidate.start, candidate.rule.kind, resolution.interval.first))
    return found


def extract_dates(ctx: eventx.ExtractionContext) -> Iterator[eventx.DateFact]:
    annotation = ctx.annotation
    normalized = annotation.normalized
    candidates = find_candidates(normalized.text, ctx.language)
    candidates = [c for c in candidates if _surface_ok(c, annotation)]
    vocab = vocabulary(ctx.language)
    written = _written_with_year(candidates, vocab)
    # days written in full (day, month and year); the first anchors an undated text
    full_dates = [(at, day) for at, kind, day in written if kind in FULL_DATE_RULES]
    resolver = Resolver(
        vocab,
        normalized.text,
        ctx.document_date,
        _years_named(normalized.text, candidates, vocab),
        [(at, day) for at, _, day in written],
        full_dates,
    )
    if ctx.document_date is None and full_dates:
        resolver.text_anchor = full_dates[0][1]
    facts: list[eventx.DateFact] = []
    for candidate in candidates:
        start, end = normalized.span_to_original(candidate.start, candidate.end)
        end = _through_marks(ctx.text, end)
        sentence = annotation.sentence_index_at(start)
        resolution = resolver.resolve(
            candidate.rule.kind, candidate.match, sentence, ctx.text[start:end]
        )
        if resolution is None:
            continue
        facts.append(_fact(ctx, start, end, candidate.rule.kind, resolution))
    yield from flag_background(restated(facts, ctx.text), ctx.document_date)


_OPEN_PAREN = re.compile(r"\s{0,3}\(\s{0,3}")
_CLOSE_PAREN = re.compile(r"\s{0,3}\)")
_DAYS = ("day", "part_of_day")


def restated(facts: Sequence[eventx.DateFact], text: str) -> list[eventx.DateFact]:
    """A day restated in parentheses right after a day ("فجر اليوم (أمس)", "Tuesday
    (yesterday)") is the editor's reading of a quote in the publication's terms: the quoted
    "today" was the speaker's, so the first takes the parenthesis's value."""
    out = list(facts)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if (
            first.value is None
            or second.value is None
            or first.value == second.value
            or first.granularity not in _DAYS
            or second.granularity not in _DAYS
            or not _OPEN_PAREN.fullmatch(text, first.evidence.end, second.evidence.start)
            or not _CLOSE_PAREN.match(text, second.evidence.end)
        ):
            continue
        out[i] = attrs.evolve(
            first,
            value=second.value,
            start=second.start,
            end=second.end,
            anchor=EXPLICIT_DATE,
            anchor_value=second.value,
            anchor_text=second.evidence.text,
        )
    return out


def _fact(
    ctx: eventx.ExtractionContext, start: int, end: int, rule: str, resolution: Resolution
) -> eventx.DateFact:
    interval = resolution.interval
    doc = ctx.document_date
    return eventx.DateFact(
        value=interval.value if interval else None,
        start=interval.first.isoformat() if interval else None,
        end=interval.last.isoformat() if interval else None,
        granularity=interval.granularity if interval else resolution.granularity,
        evidence=ctx.evidence(start, end),
        anchor=resolution.anchor,
        anchor_value=resolution.anchor_value,
        anchor_text=resolution.anchor_text,
        rule=rule,
        future=bool(interval and doc and interval.first > doc),
    )


def news_anchor(facts: Sequence[eventx.DateFact], document_date: dt.date | None) -> dt.date | None:
    """The day the article's news is about: its publication date, else its first precise date."""
    if document_date is not None:
        return document_date
    for fact in facts:
        if fact.start and fact.granularity in FINE_GRANULARITIES and fact.anchor == "absolute":
            return dt.date.fromisoformat(fact.start)
    for fact in facts:
        if fact.start and fact.granularity in FINE_GRANULARITIES:
            return dt.date.fromisoformat(fact.start)
    return None


def flag_background(
    facts: Sequence[eventx.DateFact], document_date: dt.date | None
) -> list[eventx.DateFact]:
    """Mark dates far before the news anchor (history, earlier attacks) as ``background``."""
    anchor = news_anchor(facts, document_date)
    if anchor is None:
        return list(facts)
    floor = (anchor - dt.timedelta(days=BACKGROUND_DAYS)).isoformat()
    ceiling = None
    if document_date is None:  # without a publication date, far later dates are retrospective too
        ceiling = (anchor + dt.timedelta(days=BACKGROUND_DAYS)).isoformat()
    flagged: list[eventx.DateFact] = []
    for fact in facts:
        old = fact.end is not None and fact.end < floor
        late = ceiling is not None and fact.start is not None and fact.start > ceiling
        flagged.append(attrs.evolve(fact, background=old or late) if old or late else fact)
    return flagged


def decide_time(
    dates: Sequence[eventx.DateFact], document_date: dt.date | None
) -> eventx.TimeSpan | None:
    """The span of the article's own events: resolved, not background, not announced for later.

    Precise dates (days, parts of days, weeks) decide when there are any; months and years only
    when nothing finer was found. The end never passes the publication date. An article that
    dates nothing of its own news gets its publication day.
    """
    usable = [d for d in dates if d.start and d.end and not d.background and not d.future]
    fine = [d for d in usable if d.granularity in FINE_GRANULARITIES]
    chosen = fine or usable
    if not chosen:
        if document_date is None:
            return None
        # Only history or plans (or nothing) dated: the news is what the article reports that day.
        return eventx.TimeSpan(start=document_date.isoformat(), end=document_date.isoformat())
    start = min(d.start for d in chosen if d.start)
    end = max(d.end for d in chosen if d.end)
    if document_date is not None:
        end = min(end, document_date.isoformat())
        start = min(start, end)
    return eventx.TimeSpan(start=start, end=end)


__all__ = ["decide_time", "extract_dates", "find_candidates", "flag_background", "news_anchor"]
