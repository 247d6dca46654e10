"""Statements: find speech cues, read their speaker, their content and whether it is quoted.

Per cue (outside quotes): the speaker phrase (Arabic: after the verb; English: before it, after it
when inverted, after "according to"); with no explicit subject the speaker is carried over from an
earlier one (gender-aware in Arabic). The utterance runs from the cue to the next cue of the same
sentence; quotes starting in it, or ending right before the cue ('"...", said X'), make it direct.
Mentions are resolved to one name per speaker (resolution.py) once the whole document is read.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from itertools import accumulate

import eventx
from eventx_statements import speakers_ar, speakers_en
from eventx_statements.phrase import SpeakerPhrase, pronoun
from eventx_statements.quotes import Quote, find_quotes
from eventx_statements.resolution import Speaker, SpeakerIndex
from eventx_statements.speakers_ar import bare as bare_word
from eventx_statements.vocabulary import CueInfo, Vocabulary, norm, vocabulary

# Leading words of a reported clause that are not its content ("إن", "that", ":").
_CLAUSE_OPENERS = frozenset(
    norm(w) for w in ["إن", "أن", "أنه", "أنها", "بأن", "بأنه", "that", ":", ",", "-", "في", "بيان"]
)
_COMPLEMENTISERS = frozenset(norm(w) for w in ["إن", "أن", "أنه", "أنها", "بأن", "بأنه", "that"])
# Conjunctions left at the end of a clause cut at the next speaker's cue.
_TRAILING = frozenset(
    norm(w) for w in ["فيما", "بينما", "ولكن", "لكن", "حيث", "and", "but", "while", "as"]
)
_RELAY_WINDOW = 12  # "نقلت وكالة الأنباء السعودية الرسمية (واس) عن ..."
_MAX_QUOTED_NAME = 3  # words of a quote that may be a name (لـ"الجزيرة") rather than speech
_NAME_PREPOSITIONS = frozenset(norm(w) for w in ["لـ", "عن", "من", "بـ", "to", "of", "from"])
# Never trimmed from a clause: they carry its meaning ("ما لا يقل عن 30").
_NEGATIONS = frozenset(norm(w) for w in ["ما", "لا", "لم", "لن", "ليس", "not", "no", "never"])
_MIN_TRAILING_CLAUSE = 3  # words after a source that can be its reported clause
_MAX_CLAUSE_PREAMBLE = 6  # "الأحد، أن ...", "in a statement on Friday that ..."


class _Utterance:
    """One speaker's words: the region after a cue (or a quote continuing an earlier one)."""

    # A plain class, not attrs with ``field(factory=list)``: mypyc compiles this module, and an
    # attrs class with a factory default fails at import when compiled.
    __slots__ = (
        "before",
        "behalf",
        "continues",
        "cue",
        "end",
        "quotes",
        "sentence",
        "speaker",
        "speaker_span",
        "start",
    )

    def __init__(
        self,
        *,
        speaker: Speaker,
        speaker_span: tuple[int, int] | None,
        behalf: tuple[int, int] | None,
        cue: eventx.PhraseMatch[CueInfo] | None,
        sentence: int,
        start: int,
        end: int,
        before: int,
        quotes: list[Quote] | None = None,
        continues: _Utterance | None = None,
    ) -> None:
        self.speaker = speaker
        self.speaker_span = speaker_span
        self.behalf = behalf
        # None for a quote continuing the previous utterance in a sentence of its own.
        self.cue = cue
        self.sentence = sentence
        self.start = start  # utterance region (content is looked for inside it)
        self.end = end
        # Where the sentence part before the cue starts: a trailing source ("..., according to
        # Reuters", "...، وفقا للوزارة") reports what comes before it.
        self.before = before
        self.quotes: list[Quote] = [] if quotes is None else quotes
        self.continues = continues  # the utterance a cue-less quote continues

    @property
    def anchor(self) -> tuple[int, int]:
        """The cue, or for a continuing quote the quote itself."""
        if self.cue is not None:
            return self.cue.start, self.cue.end
        return self.quotes[0].start, self.quotes[-1].end


def _known_names(doc: eventx.AnnotatedDocument, vocab: Vocabulary) -> dict[int, int]:
    """Start offset -> token count of every complete known name in the document."""
    return {m.start: m.last_token - m.first_token + 1 for m in vocab.name_matcher.finditer(doc)}


class _MentionIndex:
    """Fact mentions sorted by start, answering "which earliest-listed fact has a mention
    overlapping this span" by bisection instead of a walk over every mention (quadratic on long
    documents). ``order`` preserves the facts' own order, so results equal the plain walk's."""

    def __init__(self, entries: list[tuple[int, int, int, str]]) -> None:
        entries.sort()
        self.entries = entries
        self.starts = [e[0] for e in entries]
        self.max_end = list(accumulate((e[1] for e in entries), max))

    def touching(self, start: int, end: int) -> Iterator[tuple[int, int, int, str]]:
        """Entries with ``entry.start <= end`` and ``entry.end >= start``."""
        i = bisect.bisect_right(self.starts, end) - 1
        while i >= 0 and self.max_end[i] >= start:
            if self.entries[i][1] >= start:
                yield self.entries[i]
            i -= 1


def _mention_indexes(ctx: eventx.ExtractionContext) -> tuple[_MentionIndex, _MentionIndex]:
    """Actor mentions (ASCII names only) and country-location mentions, built once per document."""
    cache = ctx.annotation.matcher_cache
    key = "eventx_statements.mention_indexes"
    found: tuple[_MentionIndex, _MentionIndex] | None = cache.get(key)
    if found is None:
        actors: list[tuple[int, int, int, str]] = []
        order = 0
        for actor in ctx.facts("actors"):
            name = str(actor.name)
            for mention in actor.mentions:
                if name.isascii():
                    actors.append((mention.start, mention.end, order, name))
                order += 1
        countries = [
            (m.start, m.end, index, str(location.name))
            for index, location in enumerate(ctx.facts("locations"))
            if location.kind == "country"
            for m in location.mentions
        ]
        found = (_MentionIndex(actors), _MentionIndex(countries))
        cache[key] = found
    return found


def _english_name(
    ctx: eventx.ExtractionContext, vocab: Vocabulary, start: int, end: int
) -> str | None:
    """The English name of the speaker at ``[start, end)``: a known actor, a listed name, a
    country the places extractor found, or an organisation pattern with a demonym."""
    actor_index, country_index = _mention_indexes(ctx)
    # A known actor (the actors extractor) whose mention covers the speaker, or most of it.
    fitting = [
        (order, name)
        for m_start, m_end, order, name in actor_index.touching(start, end)
        if (m_start <= start and end <= m_end)
        or (start <= m_start and m_end <= end and 2 * (m_end - m_start) >= end - start)
    ]
    if fitting:
        return min(fitting)[1]
    phrase = norm(ctx.text[start:end])
    if vocab.language == "ar" and phrase.startswith("لل") and len(phrase.split()[0]) > 3:
        phrase = "ال" + phrase[2:]  # "للأمم المتحدة": ل + الأمم المتحدة, the alef dropped
    if phrase in vocab.names:
        return vocab.names[phrase]
    # A state speaking by its name ("فرنسا", "Turkey"): the places extractor's English name.
    covering = [
        (order, name)
        for m_start, m_end, order, name in country_index.touching(start, end)
        if m_start <= start and end <= m_end
    ]
    if covering:
        return min(covering)[1]
    words = phrase.split()
    for pattern, template in vocab.org_patterns.items():
        head = pattern.split()
        if words[: len(head)] != head:
            continue
        demonym = next(filter(None, (_demonym(vocab, w) for w in words[len(head) :])), None)
        if demonym is not None:
            return template.replace("{adj}", demonym).strip()
    return None


def _demonym(vocab: Vocabulary, word: str) -> str | None:
    """The English demonym of an Arabic nisba, either gender (الروسي / الروسية)."""
    found = vocab.demonyms.get(word)
    if found is None and word.endswith("ه"):
        found = vocab.demonyms.get(word[:-1])
    return found


def _phrase_at_cue(
    tokens: Sequence[eventx.Token],
    k_first: int,
    k_last: int,
    cue: CueInfo,
    vocab: Vocabulary,
    names: dict[int, int],
) -> SpeakerPhrase | None:
    """The speaker phrase of the cue spanning sentence tokens ``k_first..k_last``."""
    if vocab.language == "ar":
        after = k_last + 1
        if cue.kind == "relay":
            # "نقلت رويترز عن شيرر": the speaker follows عن within a few words; without عن the
            # verb is not speech ("نقل المصابين").
            for j in range(after, min(after + _RELAY_WINDOW, len(tokens))):
                if tokens[j].norm in vocab.relay_preposition:
                    return speakers_ar.scan_subject(tokens, j + 1, vocab, names)
            return None
        if cue.kind == "document":
            # "وجاء في بيان لوزارة الدفاع أن": the document's author; "وجاء في البيان": the
            # previous speaker's statement; "جاء في وقت": no document, no statement.
            if after < len(tokens) and speakers_ar.statement_noun(tokens[after], vocab):
                return speakers_ar.scan_subject(tokens, after, vocab, names)
            return None
        if cue.kind == "issue":
            # "وأصدرت الخارجية الأمريكية بيانا جاء فيه": speech only when a statement follows.
            found = speakers_ar.scan_subject(tokens, after, vocab, names)
            if found is None or found.kind != "name":
                return None
            nxt = after + len(found.tokens)
            if nxt < len(tokens) and speakers_ar.statement_noun(tokens[nxt], vocab):
                return found
            return None
        if cue.kind == "source":
            verb = _source_verb(tokens, k_last, vocab)
            if verb is not None:
                # "بحسب ما نقلته وكالة ..."، "حسبما أفادت الوزارة": the verb's subject speaks
                # (after عن for a relay verb: "وفق ما نقلته القناة عن مصدر").
                verb_cue = vocab.cue_table[_verb_stem(tokens[verb], vocab) or ""]
                found = _phrase_at_cue(tokens, verb, verb, verb_cue, vocab, names)
                if found is None and verb_cue.kind == "relay":
                    # "بحسب ما نقلته وكالة الطلبة": with no عن, the relayer is the source.
                    found = speakers_ar.scan_subject(tokens, verb + 1, vocab, names)
                return found
            if tokens[k_last].norm.endswith("ما"):
                return None  # "حسبما يقتضي الأمر": "as ... requires", no speaker
            if after < len(tokens) and speakers_ar.possessive(tokens[after]):
                return None  # "بحسب تعبيره": the speaker's own words, no new speaker
            # "وفقا لإرينا كليوفا": the preposition is glued to the name.
            return speakers_ar.scan_subject(tokens, after, vocab, names, glued=True)
        found = speakers_ar.scan_preceding_subject(tokens, k_first, vocab, names)
        document = after < len(tokens) and speakers_ar.statement_noun(tokens[after], vocab)
        if document and found is None and not speakers_ar.definite(tokens[after]):
            # "وقال تقرير للأمم المتحدة": the document's author (its noun is no verbal noun);
            # "وذكر تقرير نشرته صحيفة": a document with no nameable author, no statement.
            return speakers_ar.scan_subject(tokens, after, vocab, names)
        if (
            found is None
            and after < len(tokens)
            and (
                _object_first(tokens, after, vocab)
                or _bi_complement(tokens[after], tokens[k_last], vocab)
            )
        ):
            # "تعلن مسؤوليتها", "أعلن انتهاء العمل": the object follows; the subject is implicit.
            return None if cue.imperfect else pronoun(gender=cue.gender)
        if found is None:
            found = speakers_ar.scan_subject(tokens, after, vocab, names)
            if found is None:
                found = _subject_after_addressee(tokens, after, vocab, names)
            if found is not None and not document and _object_not_subject(found, cue, vocab):
                found = None  # (the verb agrees with the document: "وقال بيان للرئاسة")
            if found is not None:
                found = speakers_ar.named_after_description(tokens, found, vocab)
            if found is not None and found.kind == "name" and cue.kind == "speech":
                found = speakers_ar.with_partners(tokens, found, vocab, names)
        if found is None and cue.imperfect:
            return None  # "حركة احتجاجية تطالب ببدائل": describes a noun, no new statement
        return found if found is not None else pronoun(gender=cue.gender)
    if cue.kind == "source":
        return speakers_en.scan_forward(tokens, k_last + 1, vocab)
    if cue.kind == "participle":
        if k_first == 0 or tokens[k_first - 1].norm != ",":
            return None  # "alone in warning Iraq" is no speech; ", warning that" is
        return speakers_en.sentence_subject(tokens, k_first, vocab)
    found = speakers_en.scan_backward(tokens, k_first, vocab)
    if (
        found is None
        and tokens[k_first].norm in vocab.inverted
        and (k_first == 0 or speakers_en.follows_quote_or_comma(tokens, k_first))
    ):
        found = speakers_en.scan_forward(tokens, k_last + 1, vocab)
    return found


_WHAT = frozenset(norm(w) for w in ["ما"])
# Object pronouns a verb may carry after "بحسب ما": نقلته، أعلنتها.
_OBJECT_SUFFIXES = ("ها", "ه")


def _verb_stem(token: eventx.Token, vocab: Vocabulary) -> str | None:
    """The speech or relay verb ``token`` is, without an attached object pronoun, or None."""
    word = token.norm
    for form in (word, *(word[: -len(s)] for s in _OBJECT_SUFFIXES if word.endswith(s))):
        info = vocab.cue_table.get(form)
        if info is not None and info.kind in ("speech", "relay"):
            return form
    return None


def _source_verb(tokens: Sequence[eventx.Token], k_last: int, vocab: Vocabulary) -> int | None:
    """The speech verb of "بحسب ما ذكرته X", "حسبما أفادت X" (the source cue ends at
    ``k_last``): its index in ``tokens``, or None when the cue is a plain preposition."""
    j = k_last + 1
    if not tokens[k_last].norm.endswith("ما"):  # "حسبما": the relative is attached
        if j >= len(tokens) or tokens[j].norm not in _WHAT:
            return None
        j += 1
    if j < len(tokens) and _verb_stem(tokens[j], vocab) is not None:
        return j
    return None


def _subject_after_addressee(
    tokens: Sequence[eventx.Token], after: int, vocab: Vocabulary, names: dict[int, int]
) -> SpeakerPhrase | None:
    """ "وقال لوكالة فرانس برس مصدر أمني": the addressee (a ل-word and its name) comes between
    the verb and its subject."""
    if after >= len(tokens):
        return None
    first = tokens[after]
    if not (first.norm.startswith("ل") and speakers_ar.is_stop(first, vocab)):
        return None
    j = after + 1
    if j < len(tokens) and tokens[j].start in names:
        j += names[tokens[j].start]
    elif (
        first.norm[1:] in vocab.org_heads
        and j < len(tokens)
        and speakers_ar.is_word(tokens[j])
        and not speakers_ar.is_stop(tokens[j], vocab)
    ):
        j += 1  # "لوكالة سبوتنيك": the head and a one-word name ("لرويترز" is one word)
    if j >= len(tokens) or tokens[j].norm in vocab.titles | vocab.org_heads | vocab.anonymous:
        found = speakers_ar.scan_subject(tokens, j, vocab, names) if j < len(tokens) else None
        return found if found is not None and found.kind == "name" else None
    return None


def _verb_form(
    doc: eventx.AnnotatedDocument, cue: eventx.PhraseMatch[CueInfo], vocab: Vocabulary
) -> bool:
    """Whether a cue is written as a verb. Arabic: only و/ف may be attached, not ال, ب or ل
    (``التابع``, ``لنقل`` are nouns; prepositional cues such as بحسب are listed whole).
    English: lower-case (the "States" of "United States" is no verb)."""
    token = doc.tokens[cue.first_token]
    if cue.value.kind == "source":
        return True  # prepositions take any proclitic: وبحسب، وفقا
    if vocab.language != "ar":
        if token.text[:1].isupper():
            # "Replied State Department spokesman X, ...": an inverted verb opening its
            # sentence; otherwise a capital is a name ("United States") or a headline.
            return (
                cue.value.kind == "speech"
                and token.norm in vocab.inverted
                and (
                    cue.first_token == 0
                    or doc.sentence_index_at(doc.tokens[cue.first_token - 1].start)
                    != doc.sentence_index_at(token.start)
                )
                and cue.last_token + 1 < len(doc.tokens)
                and doc.tokens[cue.last_token + 1].text[:1].isupper()
            )
        return True
    head = norm(cue.phrase).split()[0]
    if head in vocab.homographs:
        return token.norm in ("و" + head, "ف" + head)
    return token.norm in (head, "و" + head, "ف" + head)


# "ولم يعلن أحد مسؤوليته"، "لن تقول الوزارة": a speech verb under لم / لن reports no words.
_VERB_NEGATIONS = frozenset(norm(w) for w in ["لم", "ولم", "فلم", "لن", "ولن", "فلن"])


def _negated(
    doc: eventx.AnnotatedDocument, cue: eventx.PhraseMatch[CueInfo], vocab: Vocabulary
) -> bool:
    """Whether an Arabic speech verb is negated (the word before it is لم or لن)."""
    if vocab.language != "ar" or cue.value.kind == "source" or cue.first_token == 0:
        return False
    return doc.tokens[cue.first_token - 1].norm in _VERB_NEGATIONS


_ISSUE_WINDOW = 10  # "أصدرت وزارة الخارجية الأمريكية ... بيانا"


def _document_follows(
    doc: eventx.AnnotatedDocument, cue: eventx.PhraseMatch[CueInfo], vocab: Vocabulary
) -> bool:
    """Whether a document cue (جاء في، أصدر) has its statement noun after it, so that a verb
    which is not speech here ("أصدر أوامره"، "جاء في المرتبة") does not cut the clause of the
    utterance before it. Other cues always apply."""
    kind = cue.value.kind
    if kind not in ("document", "issue"):
        return True
    window = 1 if kind == "document" else _ISSUE_WINDOW
    sentence = doc.sentence_index_at(doc.tokens[cue.last_token].start)
    for token in doc.tokens[cue.last_token + 1 : cue.last_token + 1 + window]:
        if doc.sentence_index_at(token.start) != sentence:
            return False
        if speakers_ar.statement_noun(token, vocab):
            return True
    return False


def _quoted_name(quote: Quote, doc: eventx.AnnotatedDocument, vocab: Vocabulary) -> bool:
    """A short quote right after a preposition or an organisation head names something."""
    inner = list(doc.tokens_between(quote.inner_start, quote.inner_end))
    if not inner or len(inner) > _MAX_QUOTED_NAME:
        return False
    before = [
        t for t in doc.tokens_between(max(quote.start - 12, 0), quote.start) if t.end <= quote.start
    ]
    if not before:
        return False
    word = before[-1].norm
    return len(word) < 2 or word in _NAME_PREPOSITIONS or word in vocab.org_heads


def _inside(quotes: Sequence[Quote], starts: Sequence[int], offset: int) -> bool:
    """Whether ``offset`` is inside a quote (``starts``: the sorted quote starts)."""
    q = bisect.bisect_right(starts, offset) - 1
    return q >= 0 and quotes[q].inner_start <= offset < quotes[q].inner_end


def _person(phrase: SpeakerPhrase, vocab: Vocabulary) -> bool:
    first = phrase.tokens[0]
    if vocab.language == "ar":
        return first.norm in vocab.titles or (
            not speakers_ar.definite(first)
            and (first.norm not in vocab.org_heads and first.norm not in vocab.names)
        )
    content = [t for t in phrase.tokens if t.norm[:1].isalpha()]
    return (
        bool(content)
        and all(speakers_en.capitalised(t) and t.norm not in vocab.vocabulary for t in content[-2:])
        and norm(" ".join(t.text for t in content)) not in vocab.names
    )


def _object_first(tokens: Sequence[eventx.Token], after: int, vocab: Vocabulary) -> bool:
    """A word that opens an object, not a subject, right after an Arabic speech verb: a noun
    with a possessive pronoun that is no title (مسؤوليتها، احتجازهن), or a verbal noun."""
    token = tokens[after]
    if speakers_ar.title_word(token.norm, vocab) or token.norm in vocab.org_heads:
        return False
    if speakers_ar.bare(token) in vocab.object_nouns or token.norm in vocab.object_nouns:
        # "أعلن مقتل ثلاثة"، "أعلنت وقف إطلاق النار": with its complement after it (not "وقالت فتح
        # إن", the movement)
        nxt = tokens[after + 1] if after + 1 < len(tokens) else None
        return nxt is not None and speakers_ar.is_word(nxt) and not speakers_ar.is_stop(nxt, vocab)
    # (a possessive noun of five letters or more: عبده, نبيه are names; so are foreign names in
    # ـيه, José خوسيه, Pallais باليه, where the possessive after a verb's object reads ـته/ـها)
    return (
        speakers_ar.possessive(token) and len(token.norm) >= 5 and not token.text.endswith("يه")
    ) or speakers_ar.masdar(token)


def _bi_complement(token: eventx.Token, verb: eventx.Token, vocab: Vocabulary) -> bool:
    """ "وطالبت بالتحقيق"، "تفيد باتخاذ": after a verb that takes ب, a ب-word is its complement,
    not its subject (after قال it may be a name: وقال بالاك)."""
    verb_word = verb.norm[1:] if verb.norm[:1] in ("و", "ف") else verb.norm
    if verb.norm not in vocab.bi_verbs and verb_word not in vocab.bi_verbs:
        return False
    word = token.norm
    if not word.startswith("ب") or len(word) < 4:
        return False
    # "صرحت بعثة الأمم المتحدة"، "وأفاد بيان": words that open a subject with their own ب
    return not (
        word in vocab.org_heads
        or word in vocab.titles
        or word in vocab.statement_nouns
        or word in vocab.anonymous
    )


def _object_not_subject(phrase: SpeakerPhrase, cue: CueInfo, vocab: Vocabulary) -> bool:
    """A masculine verb right before a feminine organisation noun is not its verb: Arabic says
    ``قالت الوزارة``, so in ``وطالب وزارة الداخلية بـ`` the ministry is the object and the subject
    is implicit."""
    if cue.gender != "masculine" or phrase.kind != "name":
        return False
    head = phrase.tokens[0]
    in_heads = head.norm in vocab.org_heads or bare_word(head) in vocab.org_heads
    return in_heads and bare_word(head).endswith(("ه", "ات"))


def _personal_name(phrase: SpeakerPhrase, vocab: Vocabulary) -> list[eventx.Token]:
    """The words of a spokesperson phrase that name the person (not the title, not the body)."""
    behalf = set(id(t) for t in phrase.behalf)
    skip = vocab.titles | vocab.spokesperson | vocab.on_behalf_marker | vocab.member_marker
    own = [t for t in phrase.tokens if id(t) not in behalf and t.norm[:1].isalnum()]
    named = [
        t
        for t in own
        if t.norm not in skip and t.norm not in vocab.determiners and t.norm not in vocab.connectors
    ]
    # "ضابط في الجيش" has no name: the title itself then names them ("وأضاف الضابط").
    return named or [t for t in own if t.norm in vocab.titles][:1]


def _resolve_named(
    ctx: eventx.ExtractionContext,
    vocab: Vocabulary,
    index: SpeakerIndex,
    phrase: SpeakerPhrase,
    sentence: int,
) -> Speaker:
    """The speaker an explicit phrase names; a spokesperson resolves to their organisation."""
    text = ctx.text
    behalf = phrase.behalf
    if behalf:
        # The organisation is the speaker, and the spokesperson's name becomes one of its names
        # ("وأضاف أدرعي" is the army again).
        speaker = index.resolve(
            text[behalf[0].start : behalf[-1].end],
            behalf,
            english=_english_name(ctx, vocab, behalf[0].start, behalf[-1].end),
            person=False,
            sentence=sentence,
        )
        index.add_alias(speaker, _personal_name(phrase, vocab))
        return speaker
    tokens = phrase.tokens
    if phrase.trim_start and tokens:
        # "والمرصد"، "لوزارة": the speaker's words without the glued و/ل, so that the mention
        # compares, and reads as anonymous or feminine, like the bare word.
        first = tokens[0]
        cut = phrase.trim_start
        tokens = (
            first._replace(text=first.text[cut:], start=first.start + cut, norm=first.norm[cut:]),
            *tokens[1:],
        )
    return index.resolve(
        text[phrase.start : phrase.end],
        tokens,
        english=_english_name(ctx, vocab, phrase.start, phrase.end),
        person=_person(phrase, vocab),
        sentence=sentence,
    )


def extract_statements(ctx: eventx.ExtractionContext) -> Iterator[eventx.Statement]:
    vocab = vocabulary(ctx.language)
    doc = ctx.annotation
    text = ctx.text
    all_quotes = find_quotes(text)
    quote_starts = [q.start for q in all_quotes]
    # Quoted names (لـ"الجزيرة", تلفزيون "المسيرة") are not speech: they are never content.
    quotes = [q for q in all_quotes if not _quoted_name(q, doc, vocab)]
    # Complete names bound Arabic speaker phrases; English phrases are bounded by capitals.
    names = _known_names(doc, vocab) if vocab.language == "ar" else {}
    index = SpeakerIndex(vocab)
    utterances: list[_Utterance] = []
    cues = [
        c
        for c in vocab.cues.finditer(doc)
        if not _inside(all_quotes, quote_starts, c.start)
        and _verb_form(doc, c, vocab)
        and _document_follows(doc, c, vocab)
        and not _negated(doc, c, vocab)
    ]
    bases: list[int] = []  # index in doc.tokens of each sentence's first token
    count = 0
    for each in doc.sentences:
        bases.append(count)
        count += len(each.tokens)
    previous: Speaker | None = None
    inner_verbs: set[int] = set()  # "بحسب ما ذكرت": verbs read as part of a source cue
    for n, cue in enumerate(cues):
        sentence = doc.sentence_at(cue.start)
        if sentence is None or cue.first_token in inner_verbs:
            continue
        base = bases[sentence.index]
        tokens = sentence.tokens
        if cue.value.kind == "source" and vocab.language == "ar":
            verb = _source_verb(tokens, cue.last_token - base, vocab)
            if verb is not None:
                inner_verbs.add(base + verb)
        phrase = _phrase_at_cue(
            tokens, cue.first_token - base, cue.last_token - base, cue.value, vocab, names
        )
        if phrase is None:
            continue
        speaker_span: tuple[int, int] | None = None
        in_sentence = bool(utterances) and utterances[-1].sentence == sentence.index
        if in_sentence and cue.value.kind == "participle":
            phrase = pronoun()  # "Blair pledged ..., warning ...": the same utterance
        if phrase.kind == "pronoun" and vocab.language == "ar" and not in_sentence:
            # "ولم تحدد وكالة الأنباء ... ولكنها قالت": the subject named earlier in the sentence.
            antecedent = speakers_ar.antecedent(
                tokens, cue.first_token - base, vocab, names, phrase.gender, index
            )
            if antecedent is not None:
                phrase = antecedent
        if phrase.kind == "name":
            speaker_span = (phrase.start, phrase.end)
            speaker = _resolve_named(ctx, vocab, index, phrase, sentence.index)
            if (
                cue.value.kind == "continuation"
                and previous is not None
                and speaker is not previous
                and speaker.person
                and speaker.names_only
                and len(index.speakers) > 1
                and index.speakers[-1] is speaker
                and previous.person
                and not previous.names_only
                and sentence.index - previous.last_sentence <= 1
            ):
                # "وقال نائب المحافظ ... وأضاف فرماند هاشم زاده": "added" keeps the speaker, so a
                # new name right after a nameless title is that speaker's name.
                index.speakers.pop()
                index.add_alias(previous, phrase.tokens)
                index.touch(previous, sentence.index, cue.start)
                speaker = previous
        else:
            carried = index.carry(
                sentence=sentence.index,
                gender=phrase.gender,
                person=phrase.person,
                previous=previous,
                continuation=phrase.kind == "statement" or cue.value.kind == "continuation",
            )
            if carried is None and phrase.person is False and sentence.index > 0:
                # "..., the Ulster Unionists, is threatening ... They say": a group named as the
                # subject of the previous sentence, though it has not spoken before.
                group = speakers_en.previous_subject(
                    doc.sentences[sentence.index - 1].tokens, vocab
                )
                if group is not None:
                    carried = _resolve_named(ctx, vocab, index, group, sentence.index)
            if carried is None:
                continue
            speaker = carried
            index.touch(speaker, sentence.index, cue.start)
        previous = speaker
        following = cues[n + 1] if n + 1 < len(cues) else None
        in_same = following is not None and following.start < sentence.end
        region_end = following.start if following is not None and in_same else sentence.end
        # Same speaker again in the same sentence ("أعلنت ... وأكدت أن"): one utterance.
        last = utterances[-1] if utterances else None
        if last is not None and last.sentence == sentence.index and last.speaker is speaker:
            last.end = region_end
            continue
        region_start = phrase.end if phrase.kind == "name" else cue.end
        if phrase.partners:
            region_start = phrase.partners[-1].end
        # a source's clause before it starts after an earlier utterance of the sentence
        before = (
            last.start if last is not None and last.sentence == sentence.index else sentence.start
        )
        for each_phrase, each_speaker in [
            (phrase, speaker),
            *(
                (partner, _resolve_named(ctx, vocab, index, partner, sentence.index))
                for partner in phrase.partners
            ),
        ]:
            utterances.append(
                _Utterance(
                    speaker=each_speaker,
                    speaker_span=speaker_span
                    if each_phrase is phrase
                    else (each_phrase.start, each_phrase.end),
                    behalf=each_phrase.behalf_span if each_phrase.kind == "name" else None,
                    cue=cue,
                    sentence=sentence.index,
                    start=max(region_start, cue.end),
                    end=region_end,
                    before=before,
                )
            )
    _attach_quotes(utterances, quotes, doc, vocab)
    if vocab.language != "ar":
        fullest = speakers_en.FullestNames(doc, vocab)
        for speaker in {id(u.speaker): u.speaker for u in utterances}.values():
            fullest.complete(speaker)
    for utterance in utterances:
        yield _statement(ctx, utterance)


def _attach_quotes(
    utterances: list[_Utterance],
    quotes: list[Quote],
    doc: eventx.AnnotatedDocument,
    vocab: Vocabulary,
) -> None:
    """Give each utterance the quotes it says: starting inside it, or just before its cue.

    Quotes are sorted and disjoint, so both lookups bisect (linear overall, whatever the size).
    """
    pronouns = vocab.person_pronouns | vocab.group_pronouns | vocab.between | vocab.determiners
    starts = [q.start for q in quotes]
    ends = [q.end for q in quotes]
    taken: set[int] = set()
    for utterance in utterances:
        q = bisect.bisect_left(starts, utterance.start)
        while q < len(quotes) and quotes[q].start < utterance.end:
            if q not in taken:
                utterance.quotes.append(quotes[q])
                taken.add(q)
            q += 1
    for utterance in utterances:
        if utterance.quotes:
            continue
        anchor = utterance.anchor[0]
        if utterance.speaker_span is not None:
            anchor = min(anchor, utterance.speaker_span[0])
        q = bisect.bisect_right(ends, anchor) - 1
        if q < 0 or q in taken:
            continue
        # '"…", حسب بيان الأمانة العامة', '"…," he added': a quote ending right before the
        # speaker or the cue, with at most punctuation and a pronoun between.
        gap = doc.text[quotes[q].end : anchor]
        words = gap.strip(" ,،:-—\u00a0").split()
        if "\n" not in gap and len(words) <= 2 and all(norm(w) in pronouns for w in words):
            utterance.quotes.append(quotes[q])
            taken.add(q)
    utterances.extend(_continuing_quotes(utterances, quotes, taken, doc))
    utterances.sort(key=_anchor_start)


def _anchor_start(utterance: _Utterance) -> int:
    return utterance.anchor[0]


def _continuing_quotes(
    utterances: list[_Utterance],
    quotes: list[Quote],
    taken: set[int],
    doc: eventx.AnnotatedDocument,
) -> list[_Utterance]:
    """'"...," said the mayor. "We will rebuild."': a quote opening a sentence right after a
    direct utterance, in the same paragraph and with no cue of its own, continues it."""
    found: list[_Utterance] = []
    ordered = sorted(utterances, key=_anchor_start)
    anchors = [u.anchor[0] for u in ordered]
    last: _Utterance | None = None
    for q, quote in enumerate(quotes):
        if q in taken:
            continue
        k = bisect.bisect_left(anchors, quote.start) - 1
        before = ordered[k] if k >= 0 else None
        if last is not None and (before is None or last.quotes[0].start > before.anchor[0]):
            before = last  # a chain of quote sentences
        if before is None or not before.quotes:
            continue
        reach = max(before.end, before.quotes[-1].end)
        sentence = doc.sentence_at(quote.start)
        if (
            sentence is None
            or "\n" in doc.text[reach : quote.start]
            or doc.text[sentence.start : quote.start].strip()
            or sentence.index > _sentence_of(before, doc) + 1
        ):
            continue
        origin = before.continues or before
        follow = _Utterance(
            speaker=before.speaker,
            speaker_span=None,
            behalf=before.behalf,
            cue=None,
            sentence=sentence.index,
            start=quote.start,
            end=quote.end,
            before=sentence.start,
            quotes=[quote],
            continues=origin,
        )
        taken.add(q)
        found.append(follow)
        last = follow
    return found


def _sentence_of(utterance: _Utterance, doc: eventx.AnnotatedDocument) -> int:
    """The sentence where an utterance's words end (its last quote may run on)."""
    end = utterance.quotes[-1].end - 1 if utterance.quotes else utterance.end
    index = doc.sentence_index_at(max(end, 0))
    return utterance.sentence if index is None else max(index, utterance.sentence)


def _content_span(
    utterance: _Utterance, doc: eventx.AnnotatedDocument, vocab: Vocabulary
) -> tuple[int, int] | None:
    """The quote(s) of a direct utterance, else the reported clause: from after the
    complementiser (أن, إن, that) when one opens it, without leading time words."""
    if utterance.quotes:
        return utterance.quotes[0].inner_start, utterance.quotes[-1].inner_end
    found = _clause(utterance.start, utterance.end, doc, vocab)
    # "قتل 5، بحسب ما نقلته وكالة X شبه الرسمية": after a source at the end of its clause only
    # the source's description is left; the reported words come before it.
    if (
        utterance.cue is not None
        and utterance.cue.value.kind == "source"
        and (found is None or len(list(doc.tokens_between(*found))) < _MIN_TRAILING_CLAUSE)
    ):
        found = _clause(utterance.before, utterance.cue.start, doc, vocab) or found
    return found


def _clause(
    start: int, end: int, doc: eventx.AnnotatedDocument, vocab: Vocabulary
) -> tuple[int, int] | None:
    """The reported clause inside ``[start, end)``, trimmed of openers and particles."""
    tokens = list(doc.tokens_between(start, end))
    opener = next(
        (k for k, t in enumerate(tokens[:_MAX_CLAUSE_PREAMBLE]) if t.norm in _COMPLEMENTISERS),
        None,
    )
    if opener is not None:
        tokens = tokens[opener + 1 :]
    while (
        tokens
        and tokens[0].norm not in _NEGATIONS
        and (
            tokens[0].norm in _CLAUSE_OPENERS
            or not tokens[0].norm[:1].isalnum()
            or any(f in vocab.stop for f in tokens[0].forms)
        )
    ):
        tokens = tokens[1:]
    while tokens and (not tokens[-1].norm[:1].isalnum() or tokens[-1].norm in _TRAILING):
        tokens = tokens[:-1]  # "..., فيما" before the next speaker's cue
    if not tokens:
        return None
    return tokens[0].start, tokens[-1].end


def _statement(ctx: eventx.ExtractionContext, utterance: _Utterance) -> eventx.Statement:
    cue = utterance.cue
    content = _content_span(utterance, ctx.annotation, vocabulary(ctx.language))
    spans = [utterance.anchor]
    if utterance.speaker_span is not None:
        spans.append(utterance.speaker_span)
    if content is not None:
        spans.append(content)
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    # A continuing quote has the date of the utterance it continues.
    dated_at = (utterance.continues or utterance).anchor
    dated = ctx.nearest_date(*dated_at)
    speaker = utterance.speaker
    behalf = utterance.behalf
    return eventx.Statement(
        speaker=speaker.name,
        speaker_en=speaker.english,
        cue=None if cue is None else ctx.text[cue.start : cue.end],
        content=None if content is None else ctx.text[content[0] : content[1]],
        direct=bool(utterance.quotes),
        date=None if dated is None else dated.value,
        evidence=ctx.evidence(start, end),
        speaker_evidence=None
        if utterance.speaker_span is None
        else ctx.evidence(*utterance.speaker_span),
        content_evidence=None if content is None else ctx.evidence(*content),
        on_behalf_of=None if behalf is None else ctx.text[behalf[0] : behalf[1]],
        anonymous=speaker.anonymous,
    )
