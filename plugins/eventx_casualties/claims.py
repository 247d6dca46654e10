"""From a pairing to a :class:`eventx.Casualty`: the group, the source, the date, the evidence.

* *group*: the victims as the text labels them, the words after the count (``26 "مجرما مسلحا"``,
  ``ثلاثة من رجال الشرطة``); ``آخرين``/``others`` with no noun reuse the previous group.
* *source*: from the same sentence, an "according to" phrase (``حسب``, ``according to``), else
  the speaker of a statement (statements plugin), else the name next to a speech verb.
* *date*: the nearest resolved date (``ExtractionContext.nearest_date``), except a bare earlier
  year written after the claim, which dates a background clause.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

import eventx

from .counts import Spans, overlaps
from .pairing import _QUOTES, _prefixed
from .pieces import Count, Pairing
from .vocabulary import Scan, Vocabulary

_SOURCE_TOKENS = 5  # the longest source name read next to a speech verb or "according to"


class ClaimReader:
    """Turns pairings into :class:`eventx.Casualty` facts: group, source, date, evidence."""

    def __init__(
        self,
        ctx: eventx.ExtractionContext,
        vocab: Vocabulary,
        lexicon: Scan,
        date_spans: Spans,
    ) -> None:
        self.ctx = ctx
        self.date_spans = date_spans
        self.date_words = frozenset(eventx.normalize_string(ctx.text[a:b]) for a, b in date_spans)
        self.vocab = vocab
        self.doc = ctx.annotation
        self.others = {m.first_token: m for m in lexicon.others}
        # Indexed by sentence once: sources are looked up per claim.
        self.according = self._by_sentence(lexicon.according_to)
        self.speech = self._by_sentence(lexicon.speech)
        self.statements: dict[int | None, list[Any]] = {}
        for statement in ctx.facts("statements"):
            evidence = getattr(statement, "evidence", None)
            if evidence is not None and getattr(statement, "speaker", None):
                key = self.doc.sentence_index_at(evidence.start)
                self.statements.setdefault(key, []).append(statement)
        self.trigger_tokens = {
            i for m in lexicon.triggers for i in range(m.first_token, m.last_token + 1)
        }
        # first token -> (kind, last token) of every trigger
        self.trigger_kinds = {
            m.first_token: (m.value.kind, m.last_token, m.value.role) for m in lexicon.triggers
        }
        self.last_group: str | None = None
        self.token_starts = [t.start for t in self.doc.tokens]

    def claim(self, pairing: Pairing) -> eventx.Casualty:
        count = pairing.count
        group_span = self._group_span(pairing)
        group: str | None = None
        if group_span is not None:
            group = self.ctx.text[group_span[0] : group_span[1]].strip("\"'“”«» ")
        if group is None and self._says_others(count):
            group = self.last_group  # "وإصابة 18 آخرين": the same people as the figure before
        elif group is not None:
            self.last_group = group
        spans = [(count.start, count.end)]
        if pairing.trigger is not None:
            spans.append((pairing.trigger.start, pairing.trigger.end))
        if group_span is not None:
            spans.append(group_span)
        start = min(s for s, _ in spans)
        end = self._extend(start, max(e for _, e in spans), pairing.kind)
        date, background = self._date(start, end)
        quantity = count.quantity
        return eventx.Casualty(
            kind=pairing.kind,
            count=quantity.count,
            min=quantity.min,
            max=quantity.max,
            approximate=quantity.approximate,
            group=group or None,
            source=self._source(start, end),
            date=date,
            evidence=self.ctx.evidence(start, end),
            qualifier=count.qualifier,
            subset=pairing.subset,
            background=background,
        )

    def _date(self, start: int, end: int) -> tuple[str | None, bool]:
        """The claim's date, and whether that makes its victims background history.

        The date is the nearest resolved date, except a bare earlier year after the claim: in
        "قتل نحو 19 شخصا في كلية في القرم التي ضمتها روسيا عام 2014" the year dates a background
        clause, not the victims. The victims are background ("the Paris attacks killed 130 in
        November 2015", in a 2018 article) when the date is the dates plugin's ``background``
        (well before the news) and stands in the claim's own sentence, which then has no date of
        the current news (``nearest_date`` prefers those). A date carried over from an earlier
        sentence is too loose a link to judge the victims by.
        """
        date = self.ctx.nearest_date(start, end)
        if date is None or date.value is None:
            return None, False
        published = self.ctx.document_date
        year = date.value[:4]
        if (
            date.granularity == "year"
            and date.evidence.start >= end
            and published is not None
            and year.isdecimal()
            and int(year) < published.year
        ):
            return None, False
        own_sentence = date.evidence.sentence == self.doc.sentence_index_at(start)
        return date.value, date.background and own_sentence

    def _by_sentence(
        self, matches: Sequence[eventx.PhraseMatch[str]]
    ) -> dict[int | None, list[eventx.PhraseMatch[str]]]:
        found: dict[int | None, list[eventx.PhraseMatch[str]]] = {}
        for match in matches:
            found.setdefault(self.doc.sentence_index_at(match.start), []).append(match)
        return found

    def _extend(self, start: int, end: int, kind: str) -> int:
        """Evidence end, taking in what completes the claim right after it: "آخرين"/"others",
        a quote closing inside it, a trigger of the same kind ("وإصابة 18 آخرين بجروح")."""
        tokens = self.doc.tokens
        k = bisect.bisect_left(self.token_starts, end)
        sentence = self.doc.sentence_index_at(start)
        while k < len(tokens) and self.doc.sentence_index_at(tokens[k].start) == sentence:
            token = tokens[k]
            same_kind = self.trigger_kinds.get(k)
            if same_kind is not None and same_kind[0] == kind:
                end = tokens[same_kind[1]].end
                k = same_kind[1] + 1
                continue
            # (the quote marks inside are counted only at a closing mark, not at every token)
            text = self.ctx.text
            if k in self.others or (
                token.norm in "”»"
                and _marks(text, start, end, "“«") > _marks(text, start, end, "”»")
            ):
                end = token.end
                k += 1
                continue
            break
        return end

    def _says_others(self, count: Count) -> bool:
        tokens = self.doc.tokens
        if count.last_token + 1 in self.others:
            return True
        before = count.first_token - 1
        return before >= 0 and tokens[before].norm in self.vocab.grammar.others_before

    def _group_span(self, pairing: Pairing) -> tuple[int, int] | None:
        """The victims' label as the text writes it: the words after the count."""
        count = pairing.count
        tokens = self.doc.tokens
        if count.origin in ("dual", "singular"):
            first = count.first_token
            if tokens[first].norm in self.vocab.articles:
                first += 1
            if first > count.last_token:
                return None
            start = tokens[first].start
            prefix = self.vocab.grammar.conjunction_prefix
            word = tokens[first]
            if prefix and word.text.startswith(prefix) and word.norm[len(prefix) :] in word.forms:
                start += len(prefix)  # "وشرطيان": the group is "شرطيان", the item of a list
            return start, tokens[count.last_token].end
        if count.origin == "negation":
            return None
        sentence = self.doc.sentence_index_at(count.start)
        words: list[eventx.Token] = []
        k = count.last_token + 1
        grammar = self.vocab.grammar
        if k + 1 < len(tokens) and tokens[k].norm in grammar.partitive:
            k += 1  # "ثلاثة من رجال الشرطة", "four of the soldiers": the group follows "من"/"of"
            if tokens[k].norm in grammar.determiners:
                k += 1
            elif tokens[k].norm in grammar.partitive_pronouns:
                k += 1  # "258 of them civilians"
        while k < len(tokens) and len(words) < grammar.group_words:
            token = tokens[k]
            if self.doc.sentence_index_at(token.start) != sentence:
                break
            if token.norm in _QUOTES and not words:
                k += 1
                continue
            if k in self.others and not words:
                if grammar.others_end_group:
                    break  # "18 آخرين": no label of its own, the previous group applies
                k += 1  # "two other Americans": the group is "Americans"
                continue
            other_kind = self.trigger_kinds.get(k)
            if (
                not words
                and other_kind is not None
                and other_kind[2] == "counted"
                and other_kind[0] != pairing.kind
            ):
                # "killed 26 prisoners": the status noun labels the victims of the killing
                words.extend(tokens[k : other_kind[1] + 1])
                k = other_kind[1] + 1
                continue
            if not token.norm[:1].isalpha() or k in self.trigger_tokens:
                break
            if overlaps(token.start, token.end, self.date_spans):
                break
            if token.norm in self.vocab.stops:
                break
            if words and (_prefixed(token.norm, grammar) or token.norm in grammar.conjunctions):
                break  # "والدرك", "و5 جنود": the next item of a list
            if words and token.norm.endswith(grammar.verb_suffixes or ("\0",)):
                break  # "400 شخص احتاجوا": a plural past verb starts the next clause
            words.append(token)
            k += 1
        if not words:
            return None
        return words[0].start, words[-1].end

    def _source(self, start: int, end: int) -> str | None:
        """Who claims the figure, from the same sentence: an "according to" phrase, else the
        speaker of a statement (statements plugin), else the name next to a speech verb."""
        sentence = self.doc.sentence_index_at(start)
        best: tuple[int, str] | None = None
        for marker in self.according.get(sentence, ()):
            name = self._name_after(marker.last_token + 1, sentence)
            if name is None:
                continue
            distance = start - marker.end if marker.end <= start else marker.start - end
            if best is None or abs(distance) < best[0]:
                best = (abs(distance), name)
        if best is not None:
            return best[1]
        speakers: list[tuple[int, str]] = []
        for statement in self.statements.get(sentence, ()):
            evidence = statement.evidence
            name = self._trim(str(statement.speaker))
            if name is not None:
                speakers.append((abs(evidence.start - start), name))
        near_verb = self._speech_source(start, end, sentence)
        if speakers:
            speaker = min(speakers)[1]
            # A statement's speaker may be clipped ("Human Rights" for "Syrian Observatory for
            # Human Rights"): the fuller name next to the speech verb wins when it contains it.
            if near_verb is not None and speaker in near_verb:
                return near_verb
            return speaker
        return near_verb

    def _speech_source(self, start: int, end: int, sentence: int | None) -> str | None:
        tokens = self.doc.tokens
        grammar = self.vocab.grammar
        found: list[tuple[int, str]] = []
        for cue in self.speech.get(sentence, ()):
            if start <= cue.start < end:
                continue  # "51 people were reported killed": part of the claim, not a speaker
            if self.vocab.speaker_first:  # "..., police said"
                k = cue.first_token - 1
                words: list[eventx.Token] = []
                while k >= 0 and len(words) < _SOURCE_TOKENS + 1:
                    token = tokens[k]
                    if self.doc.sentence_index_at(token.start) != sentence:
                        break
                    if (
                        not token.norm[:1].isalpha()
                        or k in self.trigger_tokens
                        or token.norm in grammar.auxiliaries
                    ):
                        break
                    words.insert(0, token)
                    k -= 1
                while words and (
                    words[0].norm in self.vocab.stops or words[0].norm in grammar.determiners
                ):
                    words.pop(0)
                if words and words[0].norm not in grammar.pronouns:
                    found.append(
                        (abs(cue.start - start), self.ctx.text[words[0].start : words[-1].end])
                    )
            elif cue.end <= start:  # "أعلنت وزارة الداخلية مقتل..."
                after = self._name_after(cue.last_token + 1, sentence)
                if after is not None:
                    found.append((start - cue.end, after))
        return min(found)[1] if found else None

    def _trim(self, name: str) -> str | None:
        """A statement's speaker without what runs on around it.

        Speakers may run into the clause before ("Sunday, officials") or the content after
        ("وزارة الداخلية مقتل", "الأمم المتحدة أن"): keep the part next to the speech verb and
        cut at function words, dates, triggers and numbers.
        """
        segments = [seg.split() for seg in name.replace("،", ",").replace(";", ",").split(",")]
        words = segments[-1] if self.vocab.speaker_first else segments[0]

        if self.vocab.speaker_first:
            grammar = self.vocab.grammar
            while words and (self._ends_name(words[0]) or words[0].lower() in grammar.determiners):
                words = words[1:]
            if words and words[0].lower() in grammar.pronouns:
                return None
        kept: list[str] = []
        for word in words:
            if self._ends_name(word):
                break
            kept.append(word)
        return " ".join(kept) or None

    def _ends_name(self, word: str) -> bool:
        """A word a speaker's name does not run on past (see :meth:`_trim`)."""
        norm = eventx.normalize_string(word).strip("\"'“”«»()")
        return (
            norm in self.vocab.stops
            or norm in self.date_words
            or norm in self.vocab.trigger_words
            or norm[:1].isdecimal()
        )

    def _name_after(self, k: int, sentence: int | None) -> str | None:
        tokens = self.doc.tokens
        words: list[eventx.Token] = []
        while k < len(tokens) and len(words) < _SOURCE_TOKENS:
            token = tokens[k]
            if self.doc.sentence_index_at(token.start) != sentence:
                break
            if not words and token.norm in self.vocab.grammar.determiners:
                k += 1  # "according to the health ministry"
                continue
            if not words and self._joined_preposition(token):
                # "وفقا لمصادر طبية": the name starts after the attached preposition
                words.append(token)
                k += 1
                continue
            if not token.norm[:1].isalpha() or token.norm in self.vocab.stops:
                break
            if k in self.trigger_tokens or overlaps(token.start, token.end, self.date_spans):
                break
            words.append(token)
            k += 1
        if not words:
            return None
        first = words[0].start + (1 if self._joined_preposition(words[0]) else 0)
        return self.ctx.text[first : words[-1].end]

    def _joined_preposition(self, token: eventx.Token) -> bool:
        prefix = self.vocab.grammar.name_prefix
        return (
            bool(prefix)
            and token.norm.startswith(prefix)
            and token.norm[len(prefix) :] in token.stems
            and self.ctx.text[token.start : token.start + len(prefix)] == prefix
        )


def _marks(text: str, start: int, end: int, marks: str) -> int:
    """How many of ``marks`` ``text[start:end]`` holds."""
    return sum(text[start:end].count(mark) for mark in marks)
