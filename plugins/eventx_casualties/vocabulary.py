"""The casualty lexicon of one language, compiled once per process from ``lexicon/<lang>.toml``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from attrs import frozen

import eventx

#: Trigger roles: ``term`` (a verb or event noun), ``counted`` (a noun naming the victims, counted
#: directly: "30 قتيلا"), ``dual`` (a count of two by itself: "قتيلان").
ROLES = ("term", "counted", "dual")


@frozen
class TriggerInfo:
    kind: str
    role: str


@frozen(kw_only=True)
class Grammar:
    """How a language orders and labels claims (``[grammar]`` in the lexicon file)."""

    max_before: int = 4
    max_after: int = 4
    trigger_first: bool = True
    bridge: frozenset[str] | None = None  # None: any words may stand between trigger and count
    counted_takes_count_after: bool = True
    determiners: frozenset[str] = frozenset()
    partitive: frozenset[str] = frozenset()
    partitive_pronouns: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    question_words: frozenset[str] = frozenset()
    negation_exceptions: frozenset[str] = frozenset()
    conjunctions: frozenset[str] = frozenset()
    conjunction_prefix: str = ""
    definite_prefix: str = ""
    group_words: int = 4
    verb_suffixes: tuple[str, ...] = ()
    others_before: frozenset[str] = frozenset()
    others_end_group: bool = False
    name_prefix: str = ""  # a preposition written on a source's first word ("لمصادر")
    head_final: bool = False  # noun phrases end with their head ("the company director")
    range_joiners: frozenset[str] = frozenset()  # "40 to 70", "two or three"
    singular_auxiliaries: frozenset[str] = frozenset()  # "X was killed": one victim
    toll_words: frozenset[str] = frozenset()  # "toll", "حصيلة": their figure may stand further
    toll_links: frozenset[str] = frozenset()  # "rose to 31", "stood at 16", "إلى 45"
    # A trigger whose pronoun says one person ("حتفه", "مصرعها") after its verb ("لقي") with a
    # subject between: "لقي الصحفي أحمد علي حتفه" is one victim.
    one_victim_terms: frozenset[str] = frozenset()
    one_victim_verbs: frozenset[str] = frozenset()


def _table_words(table: Mapping[str, Any], key: str) -> frozenset[str]:
    return _words(table.get(key, ()))


def _table_text(table: Mapping[str, Any], key: str) -> str:
    return eventx.normalize_string(str(table.get(key, "")))


def _grammar(table: Mapping[str, Any]) -> Grammar:
    default = Grammar()
    return Grammar(
        max_before=int(table.get("max_before", default.max_before)),
        max_after=int(table.get("max_after", default.max_after)),
        trigger_first=bool(table.get("trigger_first", default.trigger_first)),
        bridge=_table_words(table, "bridge") if "bridge" in table else None,
        counted_takes_count_after=bool(
            table.get("counted_takes_count_after", default.counted_takes_count_after)
        ),
        determiners=_table_words(table, "determiners"),
        partitive=_table_words(table, "partitive"),
        partitive_pronouns=_table_words(table, "partitive_pronouns"),
        pronouns=_table_words(table, "pronouns"),
        auxiliaries=_table_words(table, "auxiliaries"),
        question_words=_table_words(table, "question_words"),
        negation_exceptions=_table_words(table, "negation_exceptions"),
        conjunctions=_table_words(table, "conjunctions"),
        conjunction_prefix=_table_text(table, "conjunction_prefix"),
        definite_prefix=_table_text(table, "definite_prefix"),
        group_words=int(table.get("group_words", default.group_words)),
        verb_suffixes=tuple(sorted(_table_words(table, "verb_suffixes"))),
        others_before=_table_words(table, "others_before"),
        others_end_group=bool(table.get("others_end_group", False)),
        name_prefix=_table_text(table, "name_prefix"),
        head_final=bool(table.get("head_final", False)),
        range_joiners=_table_words(table, "range_joiners"),
        toll_words=_table_words(table, "toll_words"),
        singular_auxiliaries=_table_words(table, "singular_auxiliaries"),
        toll_links=_table_words(table, "toll_links"),
        one_victim_terms=_table_words(table, "one_victim_terms"),
        one_victim_verbs=_table_words(table, "one_victim_verbs"),
    )


@frozen(kw_only=True)
class Vocabulary:
    # Every phrase of every category in one matcher, so a document is scanned once (see scan()).
    phrases: eventx.PhraseMatcher[tuple[str, Any]]
    trigger_words: frozenset[str]  # every word of every trigger phrase, normalised
    articles: frozenset[str]
    negation: frozenset[str]
    illness: frozenset[str]
    figurative: frozenset[str]  # objects that make a trigger figurative ("أسرت قلوب", "the deal")
    stops: frozenset[str]
    clause_breaks: frozenset[str]
    speaker_first: bool  # English "police said": the speaker comes before the verb
    grammar: Grammar
    units: frozenset[str]
    before_units: frozenset[str]
    # A figure per period is a rate, not a count of victims ("kills 8 million people a year",
    # "وفاة 8 ملايين شخص سنويا"); one of ``period_exceptions`` after the period word makes it a
    # time again ("a day after the vote").
    per_period: frozenset[str] = frozenset()
    period_exceptions: frozenset[str] = frozenset()
    # Sports injuries are not casualties ("hurt in training"), unless a violent or accidental
    # cause is named in the sentence ("injured in clashes after the match").
    sport: frozenset[str] = frozenset()
    sport_causes: frozenset[str] = frozenset()
    # An attempt, a threat or a plan is not an event: "threatened to kill 10", "حاول قتل".
    irrealis: frozenset[str] = frozenset()
    irrealis_gap: int = 0  # words allowed between them and the trigger ("حاول المسلحون قتل")


def _words(values: Iterable[Any]) -> frozenset[str]:
    return frozenset(eventx.normalize_string(str(v)) for v in values)


def _section(data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    section = data.get(name, {})
    return section if isinstance(section, Mapping) else {}


def _duals(victims: Mapping[str, Any]) -> set[str]:
    """Duals made from one-word singulars (``dual_suffix``; Arabic شرطي -> شرطيان), with a final
    ta marbuta written as ta first (امرأة -> امرأتان), minus ``not_duals``. A noun with the ta
    marbuta also gets ``ta_dual_suffix`` (امرأتين، سيدتين): its plural ends in ات, so this form
    is only the dual (شرطيين would also be a plural of شرطي, so it is listed by hand)."""
    suffix = eventx.normalize_string(str(victims.get("dual_suffix", "")))
    if not suffix:
        return set()
    ta_suffix = eventx.normalize_string(str(victims.get("ta_dual_suffix", "")))
    duals: set[str] = set()
    for noun in victims.get("singular", ()):
        word = eventx.normalize_string(str(noun))
        if " " in word:
            continue
        stem = word[:-1] + "ت" if word.endswith("ه") else word
        duals.add(stem + suffix)
        if ta_suffix and word.endswith("ه"):
            duals.add(stem + ta_suffix)
    return duals - {eventx.normalize_string(str(w)) for w in victims.get("not_duals", ())}


@lru_cache(maxsize=16)
def vocabulary(language: str) -> Vocabulary:
    """The compiled lexicon of ``language``; an empty one for languages without a file."""
    data = eventx.language_data("eventx_casualties", "lexicon", language)
    trigger_entries: list[tuple[str, TriggerInfo]] = []
    kinds = _section(data, "kinds")
    for kind in sorted(kinds):
        if kind not in eventx.CASUALTY_KINDS:
            raise ValueError(
                f"eventx_casualties/lexicon/{language}.toml names an unknown kind {kind!r}. "
                f"Available: {', '.join(eventx.CASUALTY_KINDS)}"
            )
        body = kinds[kind]
        for role, key in (("term", "terms"), ("counted", "counted"), ("dual", "dual")):
            trigger_entries.extend((str(t), TriggerInfo(kind, role)) for t in body.get(key, ()))
    victims = _section(data, "victims")
    units = _section(data, "units")
    entries: list[tuple[str, tuple[str, Any]]] = [
        (term, ("triggers", info)) for term, info in trigger_entries
    ]
    entries += [(str(t), ("singular", 1)) for t in victims.get("singular", ())]
    duals = {*map(str, victims.get("dual", ())), *_duals(victims)}
    entries += [(t, ("dual", 2)) for t in sorted(duals)]
    for category in ("others", "subset", "according_to", "released", "speech"):
        entries += [(str(t), (category, str(t))) for t in _section(data, category).get("terms", ())]
    return Vocabulary(
        phrases=eventx.PhraseMatcher(entries),
        trigger_words=frozenset(
            w for term, _ in trigger_entries for w in eventx.normalize_string(term).split()
        ),
        articles=_words(victims.get("articles", ())),
        negation=_words(_section(data, "negation").get("terms", ())),
        illness=_words(_section(data, "illness").get("terms", ())),
        figurative=_words(_section(data, "figurative").get("terms", ())),
        stops=_words(_section(data, "stops").get("terms", ())),
        clause_breaks=_words(_section(data, "clause_breaks").get("terms", ())),
        speaker_first=bool(_section(data, "speech").get("speaker_first", False)),
        grammar=_grammar(_section(data, "grammar")),
        units=_words(units.get("terms", ())),
        before_units=_words(units.get("before_units", ())),
        per_period=_words(units.get("per_period", ())),
        period_exceptions=_words(units.get("period_exceptions", ())),
        sport=_words(_section(data, "sport").get("terms", ())),
        sport_causes=_words(_section(data, "sport").get("causes", ())),
        irrealis=_words(_section(data, "irrealis").get("terms", ())),
        irrealis_gap=int(_section(data, "irrealis").get("gap", 0)),
    )


@frozen(kw_only=True)
class Scan:
    """Every lexicon phrase found in one document, by category, leftmost-longest in each."""

    triggers: list[eventx.PhraseMatch[TriggerInfo]]
    singular: list[eventx.PhraseMatch[int]]
    dual: list[eventx.PhraseMatch[int]]
    others: list[eventx.PhraseMatch[str]]
    subset: list[eventx.PhraseMatch[str]]
    according_to: list[eventx.PhraseMatch[str]]
    released: list[eventx.PhraseMatch[str]]
    speech: list[eventx.PhraseMatch[str]]


def scan(vocab: Vocabulary, doc: eventx.AnnotatedDocument) -> Scan:
    """One pass over ``doc`` for all categories; within a category matches do not overlap and
    the longest wins at each position, as with one matcher per category."""
    by_category: dict[str, list[eventx.PhraseMatch[Any]]] = {}
    for match in vocab.phrases.finditer(doc, longest=False):
        category, payload = match.value
        by_category.setdefault(category, []).append(
            eventx.PhraseMatch(
                match.start, match.end, match.first_token, match.last_token, match.phrase, payload
            )
        )
    selected: dict[str, list[eventx.PhraseMatch[Any]]] = {}
    for category, found in by_category.items():
        found.sort(key=lambda m: (m.first_token, -(m.end - m.start), len(m.phrase)))
        kept: list[eventx.PhraseMatch[Any]] = []
        for match in found:
            if not kept or match.first_token > kept[-1].last_token:
                kept.append(match)
        selected[category] = kept
    return Scan(
        triggers=selected.get("triggers", []),
        singular=selected.get("singular", []),
        dual=selected.get("dual", []),
        others=selected.get("others", []),
        subset=selected.get("subset", []),
        according_to=selected.get("according_to", []),
        released=selected.get("released", []),
        speech=selected.get("speech", []),
    )
