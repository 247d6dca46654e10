"""Arabic speaker phrases: the subject after a speech verb (verb-subject-object order).

The phrase boundary comes from a small grammar of the Arabic noun phrase over lexicon classes,
not from a token window: a title (الرئيس، المتحدث باسم) or organisation head (وزارة، منظمة) opens
it; an indefinite head takes a genitive (وزارة الداخلية، رئيس الوزراء); after a definite word only
adjectives continue it (nisba adjectives like الكازاخستانية, or listed ones like المتحدة); person
names (tokens without the article) follow titles; a complete known name (الولايات المتحدة) is taken
whole. Particles, prepositions, time words and punctuation end it. So ``حذرت الولايات المتحدة
القوات الروسية`` yields ``الولايات المتحدة``, and ``أعلن الرئيس الكازاخستاني قاسم جومارت توكاييف،``
the whole title and name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, overload

import attrs

import eventx
from eventx_statements.phrase import SpeakerPhrase
from eventx_statements.vocabulary import Vocabulary

if TYPE_CHECKING:
    from eventx_statements.resolution import SpeakerIndex

_MAX_TOKENS = 12
_MAX_NAME_TOKENS = 4
_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "يتان")
_QUOTE_MARKS = frozenset('"“”«»„()')
_MAX_QUOTED_NAME = 3  # words of a quoted name after an organisation head ("سانا", "المسيرة")
_CLAUSE_BREAKS = frozenset([",", ":", ";", "-"])
_COMPLEMENTISERS = frozenset(["ان", "انه", "انها", "بان", "بانه"])
# A phrase after one of these is inside a prepositional phrase, not a subject.
_PREPOSITIONS = frozenset(
    eventx.normalize_string(w)  # normalised like tokens: على is read علي
    for w in ["في", "على", "إلى", "عن", "من", "مع", "عبر", "لدى", "حول", "بين", "ضد"]
)


def is_word(token: eventx.Token) -> bool:
    return token.norm[:1].isalpha()


def definite(token: eventx.Token) -> bool:
    return token.norm.startswith(("ال", "لل"))


def bare(token: eventx.Token) -> str:
    """The token without its article: the form speaker mentions are compared in."""
    word = token.norm
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    return word


_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
# Attached possessive pronouns as written (ه, not the ta marbuta ة that normalises like it).
_POSSESSIVE_SUFFIXES = ("ه", "ها", "هم", "هما", "هن")


def possessive(token: eventx.Token) -> bool:
    """A noun with an attached possessive pronoun and no article (تعبيره, روايتها, تقديرهم):
    after "بحسب"/"على حد" it points back to a speaker already named ("as he put it"), it names
    no one itself."""
    word = _MARKS.sub("", token.text)
    return (
        len(word) >= 4 and word.endswith(_POSSESSIVE_SUFFIXES) and not token.norm.startswith("ال")
    )


def title_word(word: str, vocab: Vocabulary) -> bool:
    """A title, also with a possessive pronoun attached (أمينها العام: "its secretary-general")."""
    if word in vocab.titles:
        return True
    for suffix in ("ها", "هم", "ه"):
        if word.endswith(suffix) and word[: -len(suffix)] in vocab.titles:
            return True
    return False


def masdar(token: eventx.Token) -> bool:
    """An indefinite verbal noun of the derived forms, by its shape: افتعال (انتهاء، احتجاز،
    اختطاف), استفعال (استعداد), تفاعل (تواجد), تفعيل (تحقيق). Right after a speech verb it is
    the object ("أعلن انتهاء العمل", "نفت تواجد مقاتليها"), so the subject is implicit."""
    word = token.norm
    if word.startswith(("ال", "لل")):
        return False
    if len(word) == 6 and word[0] == "ا" and word[2] == "ت" and word[4] == "ا":
        return True
    if len(word) == 7 and word.startswith("است") and word[5] == "ا":
        return True
    if len(word) == 5 and token.text.startswith("إ") and word[3] == "ا":
        # إفعال (إغلاق، إطلاق، إرسال), written with hamza below: the plural أفعال (أطباء، أعضاء)
        # has the same letters once normalised
        return True
    return len(word) == 5 and word[0] == "ت" and (word[2] == "ا" or word[3] == "ي")


def nisba(token: eventx.Token) -> bool:
    return len(token.norm) > 4 and token.norm.endswith(_NISBA_ENDINGS)


def is_stop(token: eventx.Token, vocab: Vocabulary) -> bool:
    """A word that ends a speaker phrase. Its proclitic-free forms count (``وفي``, ``لوكالة``)
    but not the one without the article: ``المؤتمر`` is a noun even if ``مؤتمر`` is listed for
    ``في مؤتمر صحفي``."""
    if token.norm in vocab.stop:
        return True
    return not token.norm.startswith("ال") and any(form in vocab.stop for form in token.stems)


def _form(token: eventx.Token, glued_first: eventx.Token | None) -> str:
    """The token's normalised form; ``glued_first`` is read without its preposition."""
    return token.norm[1:] if token is glued_first else token.norm


def _is_definite(token: eventx.Token, glued_first: eventx.Token | None) -> bool:
    return token.norm[1:].startswith("ال") if token is glued_first else definite(token)


def scan_subject(
    tokens: Sequence[eventx.Token],
    i: int,
    vocab: Vocabulary,
    names: Mapping[int, int],
    *,
    glued: bool = False,
    proclitic: str = "ل",
) -> SpeakerPhrase | None:
    """The speaker phrase starting at ``tokens[i]`` (tokens of one sentence), or None.

    ``names`` maps the start offset of each known complete name in the document to its length
    in tokens. ``glued``: the first token carries a preposition that is not part of the name
    (``وفقا لإرينا``, ``وفقا للجنة``); it is read without it.
    """
    n = len(tokens)
    if i >= n or not is_word(tokens[i]):
        return None
    first = tokens[i]
    glued = glued and first.norm.startswith(proclitic) and len(first.norm) > 3

    # The first token read without its preposition, when it carries one (see _form).
    glued_first = first if glued else None

    if statement_noun(first, vocab):
        if definite(first) or i + 1 >= n or not is_word(tokens[i + 1]):
            return SpeakerPhrase(kind="statement", tokens=(first,))
        # "بيان الأمانة العامة"، "بيان لوزارة الدفاع"، "رسالة من الحركة": its author.
        return statement_author(tokens, i + 1, vocab, names)
    word0 = _form(first, glued_first)
    if is_stop(first, vocab) or len(word0) < 2:
        return None
    if word0 in vocab.skip or (word0.startswith("ال") and word0[2:] in vocab.skip):
        return None  # "عدد من الشهود", "نفى التقارير"
    phrase: list[eventx.Token] = []
    behalf_from: int | None = None
    behalf_to: int | None = None
    person = False  # a title was seen: person names may follow
    # an organisation name: prepositional parts may follow
    org = _form(first, glued_first) in vocab.org_heads
    names_run = 0  # consecutive name tokens (no article)
    after_known = False  # the previous words were a complete known name: only adjectives follow
    genitive_next = False  # the previous word needs a complement ("لتحرير" -> "أزواد")
    j = i
    while j < n and len(phrase) < _MAX_TOKENS:
        token = tokens[j]
        word = _form(token, glued_first)
        if not is_word(token):
            # "قال الجنرال، وولتر سوزا": a comma between a bare title and the name it introduces.
            if (
                token.norm == ","
                and phrase
                and all(_form(t, glued_first) in vocab.titles for t in phrase)
                and j + 1 < n
                and is_word(tokens[j + 1])
                and not definite(tokens[j + 1])
                and not is_stop(tokens[j + 1], vocab)
            ):
                j += 1
                continue
            # 'تلفزيون "المسيرة"', 'وكالة (آي.إس.يو)': a quoted name after an organisation head.
            if token.norm in _QUOTE_MARKS and org and not after_known:
                close = next(
                    (k for k in range(j + 1, min(j + 8, n)) if tokens[k].norm in _QUOTE_MARKS),
                    None,
                )
                inside = tokens[j + 1 : close] if close is not None else ()
                if close is not None and 0 < sum(map(is_word, inside)) <= _MAX_QUOTED_NAME:
                    phrase.extend(tokens[j : close + 1])
                    j = close + 1
                    after_known = True
                    continue
            break
        # "ضابط في الجيش الإسرائيلي": a member of an organisation speaks for it.
        if (
            word in vocab.member_marker
            and len(phrase) == 1
            and _form(phrase[0], glued_first) in vocab.titles
            and not definite(phrase[0])
            and j + 1 < n
        ):
            inner = scan_subject(tokens, j + 1, vocab, names)
            if inner is not None and inner.kind == "name" and not _is_person_phrase(inner, vocab):
                return SpeakerPhrase(
                    kind="name", tokens=(*phrase, token, *inner.tokens), behalf=inner.tokens
                )
            break
        if is_stop(token, vocab) and word not in vocab.on_behalf_marker:
            break
        if phrase and definite(token) and bare(token) in vocab.object_nouns:
            break  # "وأعلنت القوة السعي لطردها": the object begins
        known = names.get(token.start, 0)
        joined = bool(phrase) and _form(phrase[-1], glued_first) in vocab.name_joiners
        # A title not yet followed by any name ("الأمين العام"): a ل-genitive may follow.
        titles_only = bool(phrase) and all(
            _form(t, glued_first) in vocab.titles
            or _form(t, glued_first) in vocab.adjectives
            or nisba(t)
            for t in phrase
        )
        if len(word) < 2:
            break  # a lone letter ("لـ" before a quoted name) is a preposition
        if phrase and not genitive_next and not joined:
            prev = phrase[-1]
            prev_word = _form(prev, glued_first)
            title = word in vocab.titles
            if after_known:
                ok = (
                    nisba(token)
                    or word in vocab.adjectives
                    or title
                    or (person and not definite(token))  # رئيس كازاخستان توكاييف
                )
            elif (org or titles_only) and word.startswith("ل") and token.stems and len(word) > 3:
                # "الحركة الوطنية لتحرير أزواد", "المرصد السوري لحقوق الإنسان",
                # "الأمين العام للأمم المتحدة", "المبعوث الخاص لسوريا"
                ok = True
            elif (
                _is_definite(token, glued_first)
                and names_run >= 2
                and title
                and not person
                and word not in vocab.spokesperson  # "X المتحدث باسم الوزارة": speaks for it
            ):
                # "أكد خوسيه باليه النائب السابق لوزير الخارجية": a title after a bare name is
                # an apposition describing the speaker, who is the name.
                ok = False
            elif _is_definite(token, glued_first):
                ok = (
                    nisba(token)
                    or word in vocab.adjectives
                    or title
                    or known > 0
                    or (
                        not _is_definite(prev, glued_first)
                        and (
                            prev_word in vocab.titles
                            or prev_word in vocab.org_heads
                            or prev_word in vocab.on_behalf_marker
                            or names_run == 0
                        )
                    )
                    # a family name with the article closes a name (عمر الرزاز في ...)
                    or (
                        names_run > 0
                        and (
                            j + 1 >= n
                            or not is_word(tokens[j + 1])
                            or is_stop(tokens[j + 1], vocab)
                        )
                    )
                )
            elif (
                names_run > 0
                and word.startswith("و")
                and token.stems
                and word not in vocab.org_heads
                and word not in vocab.titles
            ):
                ok = False  # "شهود عيان وأطباء", "روسية عرقيا وترتدي": a coordinated clause
            elif (
                names_run >= 2
                and j + 1 < n
                and is_word(tokens[j + 1])
                and definite(tokens[j + 1])
                and not is_stop(tokens[j + 1], vocab)
                and not nisba(tokens[j + 1])
            ):
                ok = False  # "الرئيس كلاوس يوهانيس استخدام القوة": a noun with its genitive
            else:
                ok = (
                    ((person or names_run > 0) and names_run < _MAX_NAME_TOKENS)
                    or (
                        not _is_definite(prev, glued_first)
                        and (prev_word in vocab.titles or prev_word in vocab.org_heads)
                    )
                    or prev_word in vocab.on_behalf_marker
                    or word in vocab.name_articles
                )
            if not ok:
                break
        genitive_next = (
            (org or titles_only) and bool(phrase) and word.startswith("ل") and bool(token.stems)
        )
        if title_word(word, vocab):
            person = True
        if (
            word in vocab.on_behalf_marker
            and phrase
            and _form(phrase[-1], glued_first) in vocab.spokesperson
        ):
            behalf_from = len(phrase) + 1
        elif behalf_from is not None and behalf_to is None and word in vocab.titles:
            behalf_to = len(phrase)
        if known > 0:
            phrase.extend(tokens[j : j + known])
            names_run = 0
            after_known = True
            j += known
            continue
        after_known = False
        phrase.append(token)
        if joined:
            names_run += 1  # "عبد الفتاح": the article belongs to the name
        elif (
            _is_definite(token, glued_first)
            or word in vocab.titles
            or word in vocab.org_heads
            or word in vocab.on_behalf_marker
        ):
            names_run = 0
        else:
            names_run += 1
        j += 1
    while phrase and (
        _form(phrase[-1], glued_first) in vocab.on_behalf_marker or is_stop(phrase[-1], vocab)
    ):
        phrase.pop()
    if not phrase:
        return None
    behalf: tuple[eventx.Token, ...] = ()
    if behalf_from is not None and behalf_from < len(phrase):
        behalf = tuple(phrase[behalf_from : behalf_to if behalf_to is not None else len(phrase)])
    if not behalf:
        behalf = apposition_behalf(tokens, i + len(phrase), vocab, names)
    # "لوزارة" reads وزارة; "للجيش" is ل + الجيش with the article's alef dropped, so no
    # letter can be cut to leave the word: the span keeps the preposition.
    elided = (
        glued
        and proclitic == "ل"
        and first.norm.startswith("لل")
        and first.norm[1:] not in vocab.org_heads
    )
    return SpeakerPhrase(
        kind="name",
        tokens=tuple(phrase),
        behalf=behalf,
        trim_start=1 if glued and not elided else 0,
    )


_MAX_PARTNERS = 3  # "قالت الشرطة والجيش والدفاع المدني"


def with_partners(
    tokens: Sequence[eventx.Token],
    phrase: SpeakerPhrase,
    vocab: Vocabulary,
    names: Mapping[int, int],
) -> SpeakerPhrase:
    """``phrase`` with the subjects coordinated after it (``وقالت قوات كردية والمرصد إن``)."""
    end = _position(tokens, phrase.tokens[-1]) if phrase.tokens else None
    # "وزراء خارجية روسيا وتركيا": after a head noun with a known name as its genitive, a known
    # name joined by و continues the genitive, it is no second subject.
    genitive_name = any(t.start in names for t in phrase.tokens[1:]) and (
        phrase.tokens[0].start not in names
    )
    partners: list[SpeakerPhrase] = []
    while end is not None and len(partners) < _MAX_PARTNERS:
        partner = coordinated_subject(tokens, end + 1, vocab, names)
        if partner is None or (genitive_name and partner.tokens[0].start in names):
            break
        partners.append(partner)
        end = _position(tokens, partner.tokens[-1])
    return attrs.evolve(phrase, partners=tuple(partners)) if partners else phrase


def coordinated_subject(
    tokens: Sequence[eventx.Token], j: int, vocab: Vocabulary, names: Mapping[int, int]
) -> SpeakerPhrase | None:
    """A second subject joined by و right after the first (``وقالت قوات كردية والمرصد السوري
    إن``): a word with و attached whose rest opens a speaker phrase (an organisation head, a
    title, an unnamed source or a known name), or None."""
    if j >= len(tokens) or not tokens[j].norm.startswith("و") or len(tokens[j].norm) < 4:
        return None
    word = tokens[j].norm[1:]
    rest = word[2:] if word.startswith("ال") else word
    if not (
        tokens[j].start in names
        or word in vocab.org_heads
        or rest in vocab.org_heads
        or word in vocab.titles
        or rest in vocab.anonymous
    ):
        return None
    found = scan_subject(tokens, j, vocab, names, glued=True, proclitic="و")
    if found is None or found.kind != "name":
        return None
    if rest in vocab.anonymous:
        # "شهود عيان وأطباء بمدينة الحديدة": an unnamed source keeps its adjectives only.
        kept = [found.tokens[0]]
        for token in found.tokens[1:]:
            if not (nisba(token) or token.norm in vocab.adjectives):
                break
            kept.append(token)
        found = attrs.evolve(found, tokens=tuple(kept), behalf=())
    return found


def statement_noun(token: eventx.Token, vocab: Vocabulary) -> bool:
    """بيان، تقرير، رسالة (with proclitics): a document that speaks for its author."""
    return token.norm in vocab.statement_nouns or any(
        s in vocab.statement_nouns for s in token.stems
    )


def statement_author(
    tokens: Sequence[eventx.Token], j: int, vocab: Vocabulary, names: Mapping[int, int]
) -> SpeakerPhrase | None:
    """The author named after an indefinite statement noun at ``tokens[j - 1]``: a genitive
    (بيان الجيش), a ل-complement (تقرير للأمم المتحدة، بيان لوزارة الدفاع) or one after صادر
    عن / من (بيان صادر عن الرئاسة، رسالة من الحركة). Only a nameable head counts (a title, an
    organisation head, an unnamed source, a known name or a definite noun): "تقرير نشرته صحيفة"
    names no author."""
    for marker in vocab.author_markers:
        if tuple(t.norm for t in tokens[j : j + len(marker)]) == marker:
            j += len(marker)
            break
    if j >= len(tokens) or not is_word(tokens[j]):
        return None
    head = tokens[j]
    glued = head.norm.startswith("ل") and len(head.norm) > 3
    found = scan_subject(tokens, j, vocab, names, glued=glued)
    if found is None or found.kind != "name":
        return None
    word = head.norm[1:] if glued else head.norm
    nameable = (
        head.start in names
        or word.startswith(("ال", "ل"))  # الجيش، للجيش (ل + الجيش)
        or bare(head) in vocab.org_heads
        or word in vocab.org_heads
        or word in vocab.titles
        or word in vocab.anonymous
    )
    return found if nameable else None


def _is_person_phrase(phrase: SpeakerPhrase, vocab: Vocabulary) -> bool:
    return bool(phrase.tokens) and phrase.tokens[0].norm in vocab.titles


def apposition_behalf(
    tokens: Sequence[eventx.Token], j: int, vocab: Vocabulary, names: Mapping[int, int]
) -> tuple[eventx.Token, ...]:
    """The organisation in an apposition "، المتحدث باسم الجيش" right after a name, if any."""
    if j + 2 < len(tokens) and tokens[j].norm == "," and tokens[j + 1].norm in vocab.spokesperson:
        inner = scan_subject(tokens, j + 1, vocab, names)
        if inner is not None and inner.behalf:
            return inner.behalf
    return ()


def scan_preceding_subject(
    tokens: Sequence[eventx.Token],
    k: int,
    vocab: Vocabulary,
    names: Mapping[int, int],
) -> SpeakerPhrase | None:
    """A subject before the verb at ``tokens[k]`` (subject-verb order: titles, "توكاييف يعلن").

    Only a phrase that opens its clause (sentence start or after a comma) and ends right at the
    verb counts, so objects and earlier clauses are never taken for speakers.
    """
    if k >= 2 and tokens[k - 1].norm == ",":
        return _parenthesised_subject(tokens, k - 1, vocab, names)
    start = _clause_start(tokens, k)
    if start >= k:
        return None
    found = scan_subject(_Head(tokens, k), start, vocab, names)
    if found is None or found.kind != "name" or found.tokens[-1] is not tokens[k - 1]:
        return None
    return found


# The clause breaks of the last token sequence asked about: every cue of a sentence asks about
# the same one. One entry, replaced whole (a walk back from each cue was quadratic in a long
# sentence without commas).
_last_breaks: tuple[Sequence[eventx.Token] | None, list[int]] = (None, [])


def _clause_start(tokens: Sequence[eventx.Token], k: int) -> int:
    """The first token of the clause holding ``tokens[k]``: after the last break before it."""
    global _last_breaks
    known, breaks = _last_breaks
    if known is not tokens:
        breaks = [j for j, t in enumerate(tokens) if t.norm in _CLAUSE_BREAKS]
        _last_breaks = (tokens, breaks)
    before = bisect.bisect_left(breaks, k)
    return breaks[before - 1] + 1 if before else 0


class _Head(Sequence[eventx.Token]):
    """The first ``k`` tokens of a sequence, read in place (a copy per cue was quadratic)."""

    __slots__ = ("_k", "_tokens")

    def __init__(self, tokens: Sequence[eventx.Token], k: int) -> None:
        self._tokens = tokens
        self._k = min(k, len(tokens))

    def __len__(self) -> int:
        return self._k

    @overload
    def __getitem__(self, index: int) -> eventx.Token: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[eventx.Token]: ...

    def __getitem__(self, index: int | slice) -> eventx.Token | Sequence[eventx.Token]:
        if isinstance(index, slice):
            return self._tokens[slice(*index.indices(self._k))]
        if index < 0:
            index += self._k
        if not 0 <= index < self._k:
            raise IndexError("token index out of range")
        return self._tokens[index]


def _looks_like_name(name: Sequence[eventx.Token], vocab: Vocabulary) -> bool:
    """Words that can be a person's name: no article except after عبد/أبو, a family nisba or
    listed name parts, no particles."""
    if not name or len(name) > _MAX_NAME_TOKENS + 1:
        return False
    for k, token in enumerate(name):
        if not is_word(token) or is_stop(token, vocab) or token.norm in vocab.titles:
            return False
        joined = k > 0 and name[k - 1].norm in vocab.name_joiners
        if definite(token) and not (joined or nisba(token) or token.norm in vocab.name_articles):
            return False
    return True


def _position(tokens: Sequence[eventx.Token], token: eventx.Token) -> int | None:
    """The index of ``token`` (this very object) in ``tokens``, which are in text order: a
    bisection by start instead of a walk from the sentence start."""
    k = bisect.bisect_left(tokens, token.start, key=_start)
    while k < len(tokens) and tokens[k].start == token.start:
        if tokens[k] is token:
            return k
        k += 1
    return next((k for k, t in enumerate(tokens) if t is token), None)  # not in text order


def _start(token: eventx.Token) -> int:
    return token.start


def named_after_description(
    tokens: Sequence[eventx.Token], phrase: SpeakerPhrase, vocab: Vocabulary
) -> SpeakerPhrase:
    """ "قال الناشط في مجال حقوق الإنسان، ليوناردو ساكاموتو، إن": a description of a person, then
    their name between commas; the speaker is the whole span up to the name."""
    if phrase.kind != "name" or phrase.tokens[0].norm not in vocab.titles:
        return phrase
    partitive = phrase.tokens[0].norm in vocab.partitives  # "أحد كتاب الأعمدة، X،"
    if not partitive and any(
        not definite(t) and t.norm not in vocab.titles for t in phrase.tokens[1:]
    ):
        return phrase  # it already has a name
    end = _position(tokens, phrase.tokens[-1])
    if end is None:
        return phrase
    comma = next(
        (k for k in range(end + 1, min(end + 8, len(tokens))) if tokens[k].norm == ","), None
    )
    if comma is None or any(t.norm in _COMPLEMENTISERS for t in tokens[end + 1 : comma]):
        return _name_after_description(tokens, phrase, end, vocab)
    close = comma + 1
    while close < len(tokens) and is_word(tokens[close]) and not is_stop(tokens[close], vocab):
        close += 1
    name = tokens[comma + 1 : close]
    if close - comma < 3 or not _looks_like_name(name, vocab):
        return phrase  # a single word is too weak a name
    if close < len(tokens) and tokens[close].norm != "," and not is_stop(tokens[close], vocab):
        return phrase
    start = next(k for k, t in enumerate(tokens) if t is phrase.tokens[0])
    return SpeakerPhrase(kind="name", tokens=tuple(tokens[start:close]), behalf=phrase.behalf)


_MAX_DESCRIPTION = 10  # words of a description between a title and the name it leads to
_DESCRIPTION_PREPOSITIONS = frozenset(["في", "من"])  # "الخبير في شؤون ...", "المسؤول من ..."


def _name_word(token: eventx.Token, vocab: Vocabulary) -> bool:
    word = token.norm
    return (
        is_word(token)
        and not definite(token)
        and not is_stop(token, vocab)
        and word not in vocab.titles
        and word not in vocab.org_heads
        and not word.startswith(("ب", "ل", "و"))
        and len(word) > 1
    )


def _name_after_description(
    tokens: Sequence[eventx.Token], phrase: SpeakerPhrase, end: int, vocab: Vocabulary
) -> SpeakerPhrase:
    """ "قال الخبير في شؤون الجماعات الإرهابية منير أديب لموقع": a title, a description of
    definite words and prepositions, then a name of two to four words without the article that
    ends at punctuation, a particle or a preposition; the speaker is the whole span."""
    k = end + 1
    limit = min(end + 1 + _MAX_DESCRIPTION, len(tokens))
    while k < limit:
        token = tokens[k]
        if not is_word(token) or token.norm in _COMPLEMENTISERS:
            return phrase
        if (is_stop(token, vocab) and token.norm not in _DESCRIPTION_PREPOSITIONS) or (
            token.norm.startswith("و") and not definite(token)
        ):
            return phrase  # "وهو برتبة مقدم وطلب": a new clause, not a description
        if _name_word(token, vocab):
            run = k
            while (
                run < len(tokens) and run - k < _MAX_NAME_TOKENS and _name_word(tokens[run], vocab)
            ):
                run += 1
            after = tokens[run] if run < len(tokens) else None
            closes = (
                after is None
                or not is_word(after)
                or is_stop(after, vocab)
                or after.norm.startswith(("ل", "ب"))
            )
            if run - k >= 2 and closes:
                start = next(j for j, t in enumerate(tokens) if t is phrase.tokens[0])
                return SpeakerPhrase(
                    kind="name", tokens=tuple(tokens[start:run]), behalf=phrase.behalf
                )
            k = run
            continue
        k += 1
    return phrase


def _parenthesised_subject(
    tokens: Sequence[eventx.Token], comma: int, vocab: Vocabulary, names: Mapping[int, int]
) -> SpeakerPhrase | None:
    """ "ولكن وزير الداخلية، عبد الرضا رحماني فاضل، قال": a title, the name between commas, then
    the verb. The speaker is the whole span from the title to the name."""
    opening = comma - 1
    while opening >= 0 and tokens[opening].norm != ",":
        opening -= 1
    if opening <= 0 or comma - opening > 6:
        return None
    name = tokens[opening + 1 : comma]
    if not name or not all(is_word(t) and not is_stop(t, vocab) for t in name):
        return None
    if not _looks_like_name(name, vocab):
        return None  # a description, not a name
    for start in range(max(opening - 8, 0), opening):
        if tokens[start].norm not in vocab.titles and tokens[start].norm not in vocab.org_heads:
            continue
        head = scan_subject(tokens[:opening], start, vocab, names)
        if head is not None and head.kind == "name" and head.tokens[-1] is tokens[opening - 1]:
            return SpeakerPhrase(kind="name", tokens=tuple(tokens[start:comma]))
    return None


def antecedent(
    tokens: Sequence[eventx.Token],
    k: int,
    vocab: Vocabulary,
    names: Mapping[int, int],
    gender: str,
    index: SpeakerIndex,
) -> SpeakerPhrase | None:
    """For a verb with no subject at ``tokens[k]``, the first speaker-like phrase earlier in the
    sentence (a title, an organisation, a known name) whose gender agrees with the verb."""
    j = 0
    while j < k:
        token = tokens[j]
        starts = token.norm in vocab.titles or token.norm in vocab.org_heads or token.start in names
        after_preposition = j > 0 and tokens[j - 1].norm in _PREPOSITIONS
        if starts and not is_stop(token, vocab) and not after_preposition:
            found = scan_subject(tokens[:k], j, vocab, names)
            if found is not None and found.kind == "name":
                words = tuple(bare(t) for t in found.tokens if is_word(t))
                feminine = index.feminine_of(found.tokens, words)
                if gender == "unknown" or (gender == "feminine") == feminine:
                    return found
                j += len(found.tokens)
                continue
        j += 1
    return None
