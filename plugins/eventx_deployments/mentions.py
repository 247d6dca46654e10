"""Find deployment mentions in one sentence: a trigger, the force next to it, and what the sentence
says about it (size, actor, destination, contributors, purpose, status).

Rules, in order (docs/plugins/deployments.md explains them with examples):

1. Force phrases: lexicon force terms, chained through joiners ("و", "من", "and", ",") among
   modifiers ("ألف عنصر من الدرك وشرطة مكافحة الشغب" is one phrase), extended over modifiers and
   nationality words ("القوات الروسية", "British aircraft carrier").
2. A trigger pairs with the nearest force phrase (with its size) at most ``WINDOW`` tokens away;
   in Arabic verb-subject-object order the force after the subject force is the one deployed
   ("نشر الجيش اللبناني وحداته"). A trigger with no force near it, or with a non-force object
   between them ("نشرت الصحيفة تقريرا عن الجنود"), is not a deployment.
3. Sentences with a force phrase but no trigger can still describe a deployment mentioned
   elsewhere: its composition ("تضم ... وحدات من القوات المسلحة لروسيا وبيلاروس") or its tasks
   ("المهام الرئيسية ... في حماية ..."). They become ``Attribute`` objects the merger attaches.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter

import attrs
from attrs import frozen

import eventx
from eventx_deployments.index import ActorMention, DocumentIndex, PlaceMention
from eventx_deployments.lexicons import GENERIC_FORCE_KINDS

WINDOW = 8  # most tokens between a trigger and its force phrase
LIST_REACH = 10  # most tokens between one item of a list of sized forces and the next
CUE_WINDOW = 3  # a status or negation cue must end this close before the trigger
SIZE_GAP = 2  # most words between a number and its force ("three US vessels")
PURPOSE_MAX_TOKENS = 30  # a stated purpose is cut after this many tokens
DESTINATION_REACH = 6  # evidence stretches to a destination at most this many tokens further
STATE_SUBJECT_GAP = 3  # a state is the subject only this close before the trigger
PRESENCE_PLACE_GAP = 2  # "has 2,500 troops in northern Iraq": the place this close after
# Forces whose presence at home is staffing, not a deployment ("5,000 police officers in London")
DOMESTIC_KINDS = frozenset({"police", "personnel"})

# Most specific first: "150 جنديا من قوات حفظ السلام" is a peacekeeping force, "ألف عنصر من الدرك"
# a police one, "تعزيزات من الدبابات" armour.
KIND_PRIORITY: tuple[str, ...] = (
    "peacekeepers",
    "national_guard",
    "police",
    "checkpoints",
    "naval",
    "air",
    "armour",
    "army",
    "security",
    "reinforcements",
    "units",
    "personnel",
    "forces",
)
NOT_A_FORCE = "none"  # the lexicon's [forces.none]: "police station" is not a force
DESTINATION_WINDOW = 10  # a destination stands at most this many tokens after the force/trigger
UNRESOLVED_PLACE_TOKENS = 3  # longest unknown place name kept after "إلى" / "to"
_FIRST_TOKEN = attrgetter("first_token")  # a sort key (no lambda: see index.py)
_CLAUSE_END = frozenset({".", ";", ":", "؛", "”", '"', "»", "«", "“", "(", ")", "!", "?", "؟"})


@frozen(kw_only=True)
class ForcePhrase:
    first: int
    last: int
    start: int
    end: int
    kind: str
    countries: tuple[str, ...]  # nationality words inside it ("القوات الروسية", "British")
    origin: tuple[PlaceMention, ...]  # countries listed after it: "قوات من روسيا", "from France"
    size: eventx.Quantity | None = None
    size_span: tuple[int, int] | None = None
    size_first: int | None = None  # token index where the size starts


@frozen(kw_only=True)
class Attribute:
    """What a trigger-less sentence adds to a deployment named elsewhere."""

    kind: str
    contributors: tuple[str, ...]
    purpose: str | None
    evidence: eventx.Evidence


def kinds_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or a in GENERIC_FORCE_KINDS or b in GENERIC_FORCE_KINDS


def _kind_rank(kind: str) -> int:
    return KIND_PRIORITY.index(kind) if kind in KIND_PRIORITY else 99


def _best_kind(kinds: list[str]) -> str:
    return min(kinds, key=_kind_rank)


def _unique(codes: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(codes))


class SentenceReader:
    """Reads the deployments of one sentence."""

    def __init__(self, index: DocumentIndex, sentence: eventx.Sentence) -> None:
        self.ix = index
        self.sentence = sentence
        self.first, self.end = index.sentence_range[sentence.index]
        lexicon = index.lexicon
        doc = index.doc
        self.triggers = list(lexicon.triggers.finditer(doc, start=sentence.start, end=sentence.end))
        self.force_matches = list(
            lexicon.forces.finditer(doc, start=sentence.start, end=sentence.end)
        )
        self.split_verbs = list(
            lexicon.split_verbs.finditer(doc, start=sentence.start, end=sentence.end)
        )
        self.list_subjects: dict[int, ActorMention] = {}  # list item -> subject of its elided verb
        # The sentence's places and actors, read from the index when first needed (most
        # sentences with a force and a verb are done before: see DocumentIndex); plain
        # attributes, as there, since a compiled class has no __dict__ for a cached property.
        self._places: list[PlaceMention] | None = None
        self._actors: list[ActorMention] | None = None

    @property
    def places(self) -> list[PlaceMention]:
        if self._places is None:
            self._places = self.ix.places_by_sentence.get(self.sentence.index, [])
        return self._places

    @property
    def actors(self) -> list[ActorMention]:
        if self._actors is None:
            self._actors = self.ix.actors_by_sentence.get(self.sentence.index, [])
        return self._actors

    # --- force phrases ----------------------------------------------------------------------

    def _joinable(self, first: int, end: int, *, conjoined: bool = False) -> bool:
        """Whether tokens ``[first, end)`` join two force terms into one phrase: a joiner
        ("و", "من", "and", "of") or a size ("a force of 4,500 troops") among modifiers and
        nationality words. Without a joiner the second force is a new phrase: in "نشر الجيش
        اللبناني وحداته" the army deploys its units."""
        i, joined = first, first == end or conjoined
        while i < end:
            number = self.ix.quantities_starting.get(i)
            joiner = self.ix.cue_starting["joiners"].get(i)
            modifier = self.ix.modifier_starting.get(i)
            if number is not None and number.last_token < end and i > first:
                i, joined = number.last_token + 1, True
            elif joiner is not None and joiner.last_token < end:
                i, joined = joiner.last_token + 1, True
            elif modifier is not None and modifier.last_token < end:
                i = modifier.last_token + 1
            elif self.ix.adjective_country(i) is not None:
                i += 1
            else:
                return False
        return joined

    def _subject_then_object(
        self, previous: eventx.PhraseMatch[str], match: eventx.PhraseMatch[str]
    ) -> bool:
        """Arabic: a definite noun followed by an indefinite one is no construct ("وحدات الجيش" is
        one force; in "استقدم الجيش تعزيزات" the army brings reinforcements): two forces."""
        if self.ix.language != "ar" or self._conjoined(match.first_token):
            return False
        first, second = self.ix.tokens[previous.last_token], self.ix.tokens[match.first_token]
        return _definite(first) and not _definite(second)

    def _new_list_item(self, first: int, end: int) -> bool:
        """Tokens ``[first, end)`` open a new item of a list of sized forces: a conjunction or
        comma right before a size ("500 soldiers, 300 police officers and 20 armoured
        vehicles", "500 جندي و300 شرطي"). Each item is its own force (``_listed_after``)."""
        for i in range(first, end):
            if i in self.ix.quantities_starting:
                return i > first and self._after_conjunction(i)
        return False

    def _conjoined(self, i: int) -> bool:
        """Token ``i`` carries the Arabic conjunction و as a proclitic ("والمدفعية")."""
        token = self.ix.tokens[i]
        return token.norm.startswith("و") and token.norm[1:] in token.stems

    def force_phrases(self) -> list[ForcePhrase]:
        phrases: list[ForcePhrase] = []
        groups: list[list[eventx.PhraseMatch[str]]] = []
        for match in sorted(self.force_matches, key=_FIRST_TOKEN):
            if match.value == NOT_A_FORCE:
                continue
            if groups:
                previous = groups[-1][-1]
                gap = match.first_token - previous.last_token - 1
                # Side by side, two forces are one only if one is generic ("police units"):
                # in "أقامت الشرطة حواجز" the police set up the checkpoints.
                touching = (
                    previous.value in GENERIC_FORCE_KINDS
                    or match.value in GENERIC_FORCE_KINDS
                    or self._conjoined(match.first_token)  # "الدرك وشرطة": و is in the token
                ) and not self._subject_then_object(previous, match)
                if (
                    (0 < gap <= 4 or (gap == 0 and touching))
                    and not self._new_list_item(previous.last_token + 1, match.first_token)
                    and self._joinable(
                        previous.last_token + 1,
                        match.first_token,
                        # "مروحيتين هجوميتين ومقاتلتي": و written on the next force (not "وحداته")
                        conjoined=self._conjoined(match.first_token)
                        and not eventx.normalize_string(match.phrase).startswith("و"),
                    )
                ):
                    groups[-1].append(match)
                    continue
            groups.append([match])
        qualified = self.ix.lexicon.qualified
        for group in groups:
            first, last = group[0].first_token, group[-1].last_token
            bare = (first, last)
            countries: list[str] = []
            for i in range(first, last + 1):
                code = self.ix.adjective_country(i)
                if code is not None:
                    countries.append(code)
            first, last, extra = self._extend(first, last)
            countries.extend(extra)
            start, end = self.ix.tokens[first].start, self.ix.tokens[last].end
            phrase = ForcePhrase(
                first=first, last=last, start=start, end=end,
                kind=_best_kind([m.value for m in group]), countries=_unique(countries),
                origin=tuple(self._from_countries(last)),
            )  # fmt: skip
            size, size_span = self._size(phrase)
            if size is None and len(group) == 1 and self._is_dual(group[0]):
                # "أرسلت مروحيتين": a dual noun is a count of two
                size, size_span = eventx.Quantity.exact(2), (group[0].start, group[0].end)
            if size is not None and size_span is not None:
                phrase = attrs.evolve(
                    phrase,
                    size=size,
                    size_span=size_span,
                    size_first=self.ix.token_at(size_span[0]),
                )
            if (
                all(m.phrase in qualified for m in group)
                and (phrase.first, phrase.last) == bare
                and not phrase.countries
                and not phrase.origin
            ):
                continue  # "قوة دفع", "business units": a bare ambiguous noun names no force
            if phrase.size is None and all(m.phrase in self.ix.lexicon.counted for m in group):
                continue  # "مصدر عسكري": an adjective, a force only when counted ("800 عسكري")
            if self._possessor(phrase.last):
                continue  # "the army's football team": the force owns what the sentence is about
            if self._not_serving(phrase):
                continue  # "two former soldiers", "جنديا متقاعدا": people, no force in service
            phrases.append(phrase)
        return phrases

    def _not_serving(self, phrase: ForcePhrase) -> bool:
        """A force word qualified as out of service ([cues] not_serving: "former", "retired",
        "متقاعد", "سابقون") right before or after it names people, not a force."""
        ix = self.ix
        before = ix.cue_ending["not_serving"].get(phrase.first - 1)
        return (before is not None and before.first_token >= self.first) or (
            phrase.last + 1 < self.end and (phrase.last + 1) in ix.cue_starting["not_serving"]
        )

    def _possessive(self, i: int) -> bool:
        """An English token in the possessive ("army's", "Iraq's", "soldiers'")."""
        return self.ix.language == "en" and self.ix.tokens[i].norm.endswith(
            ("'s", "’s", "s'", "s’")
        )

    def _possessor(self, last: int) -> bool:
        """An English force in the possessive ("the army's", "police's") names the owner of
        the noun after it, unless that noun is a force itself ("the army's 3rd brigade")."""
        if not self._possessive(last) or last + 1 >= self.end:
            return False
        return not any(
            m.first_token in (last + 1, last + 2) and m.value != NOT_A_FORCE
            for m in self.force_matches
        )

    def _is_dual(self, match: eventx.PhraseMatch[str]) -> bool:
        """A force written in the dual ("مروحيتين", "جنديين", "سفينتين حربيتين")."""
        return bool(self.ix.lexicon.duals.intersection(self.ix.tokens[match.first_token].forms))

    def _extend(self, first: int, last: int) -> tuple[int, int, list[str]]:
        """Grow a force phrase over modifiers and nationality words around it."""
        countries: list[str] = []
        ix = self.ix
        while last + 1 < self.end:
            modifier = ix.modifier_starting.get(last + 1)
            code = ix.adjective_country(last + 1)
            if modifier is not None and modifier.last_token < self.end:
                last = modifier.last_token
            elif (
                code is not None
                and ix.language == "ar"
                # an adjective agrees in definiteness: "الجنود الفرنسيين", not "الجنود ... مالي"
                and (_definite(ix.tokens[last + 1]) or not _definite(ix.tokens[last]))
            ):
                countries.append(code)
                last += 1
            else:
                break
        while first - 1 >= self.first:
            modifier = ix.modifier_ending.get(first - 1)
            code = ix.adjective_country(first - 1)
            if modifier is not None and modifier.first_token >= self.first:
                first = modifier.first_token
            elif code is not None and ix.language == "en":
                countries.append(code)
                first -= 1
            else:
                break
        return first, last, countries

    def _from_countries(self, last: int) -> list[PlaceMention]:
        """Countries listed right after a force: "قوات من روسيا وبيلاروس", "troops from France"."""
        i = last + 1
        joiner = self.ix.cue_starting["joiners"].get(i)
        if joiner is None or joiner.phrase not in {"من", "from"}:
            return []
        return self._country_list(joiner.last_token + 1)

    def _country_list(self, i: int) -> list[PlaceMention]:
        """Country places starting at token ``i``, joined by "و" / "and" / ","."""
        codes: list[PlaceMention] = []
        by_first = {p.first: p for p in self.places}
        while i < self.end:
            if self.ix.tokens[i].norm == "the":  # "and the United States"
                i += 1
            place = by_first.get(i)
            if place is None or place.kind != "country" or not place.country_code:
                break
            codes.append(place)
            i = place.last + 1
            joiner = self.ix.cue_starting["joiners"].get(i)
            if joiner is not None and joiner.phrase in {"و", "and", ","}:
                i = joiner.last_token + 1
            elif i < self.end and self.ix.tokens[i].norm in {"و", "and", ","}:
                i += 1
        return codes

    # --- mentions ---------------------------------------------------------------------------

    def deployments(self) -> Iterator[eventx.Deployment]:
        phrases = self.force_phrases()
        if not phrases or not (self.triggers or self.split_verbs):
            return
        assigned: dict[int, list[eventx.PhraseMatch[str]]] = self._split_objects(phrases)
        for trigger in self.triggers:
            if trigger.first_token in self.ix.purpose_starts:
                continue  # "أرسلت جنودا لتعزيز القوات الأمريكية": the forces reinforced stay put
            best: tuple[int, bool, int] | None = None
            for n, phrase in enumerate(phrases):
                gap = _gap(trigger.first_token, trigger.last_token, _first_of(phrase), phrase.last)
                # Equally near: the force after the trigger is its object ("Police set up
                # checkpoints"), the one before it its subject.
                key = (gap, phrase.first < trigger.first_token, n)
                subject_end = max([phrase.last, *(p.last for p in phrase.origin)])
                if (
                    subject_end < trigger.first_token
                    and not self._same_clause(subject_end + 1, trigger.first_token, comma=True)
                    and not self._across_insertion(subject_end, trigger)
                ):
                    continue  # a force before the trigger is its subject only in its clause
                if subject_end < trigger.first_token and self._verb_between(subject_end, trigger):
                    continue  # "The navy sent two sailing ships": "sent" is the navy's verb
                if gap <= WINDOW and (best is None or key < best):
                    best = key
            if best is None:
                continue
            n = self._object_after_subject(trigger, phrases, best[2])
            if self._blocked(trigger, phrases[n], phrases):
                continue
            if trigger.phrase in self.ix.lexicon.sized and (
                phrases[n].size is None or self._civilian_activity(trigger, phrases[n])
            ):
                continue  # "شاركت الشرطة في الحملة": taking part is a deployment with a size
            if trigger.phrase in self.ix.lexicon.present and not self._present(trigger, phrases[n]):
                continue  # "has", "remain": presence only as "has 2,500 troops", "troops remain"
            if trigger.phrase in self.ix.lexicon.posted and not self._posted(
                trigger, phrases[n], phrases
            ):
                continue  # "officers manning the phones", "joined the union", "عسكرة المجتمع"
            assigned.setdefault(n, []).append(trigger)
        listed = self._listed_after(phrases, assigned)
        for n, triggers in sorted({**listed, **assigned}.items()):
            phrase = phrases[n]
            # A trigger inside the force ("قوة قوامها 400 عنصر": its strength) says less than a
            # verb next to it ("دخلت المدينة قوة قوامها ..." arrived): the verb gives the status.
            trigger = _verb_of(phrase, triggers)
            if self.ix.has_cue_before("negation", trigger.first_token, CUE_WINDOW, self.first):
                continue
            if self._sent_to_train(trigger, phrase):
                continue  # "sent 20 officers to a training course in Lyon"
            if trigger.value == "arrived" and self._on_a_visit(trigger, phrase):
                continue  # "Navy ships arrived in Sydney on a goodwill visit": a port call
            if self._history(trigger):
                continue  # "In 1944, 150,000 troops landed in Normandy": recalled, not news
            others = [p for m, p in enumerate(phrases) if m != n]
            first_trigger = trigger.start if n in listed else min(t.start for t in triggers)
            yield self._deployment(
                trigger,
                phrase,
                first_trigger,
                others,
                list_item=n in listed,
                elided_subject=self.list_subjects.get(n),
            )

    def _verb_between(self, subject_end: int, trigger: eventx.PhraseMatch[str]) -> bool:
        """English: a verb trigger with an object between a subject force and a later trigger
        is the subject's verb ("The navy sent two sailing ships": not "sailing"). A trigger
        right after another ("were sent and deployed") keeps its subject."""
        if self.ix.language != "en":
            return False
        lexicon = self.ix.lexicon
        return any(
            subject_end < t.first_token
            and t.last_token + 1 < trigger.first_token
            and self.ix.tokens[t.last_token + 1].norm not in {"and", ","}
            and t.phrase not in lexicon.present  # "had been sent": an auxiliary
            for t in self.triggers
        )

    def _sent_to_train(self, trigger: eventx.PhraseMatch[str], phrase: ForcePhrase) -> bool:
        """A directional word right after the trigger and force, then a place of training or
        meeting ([cues] training): "sent 20 officers to a training course", "إلى دورة تدريبية"."""
        ix = self.ix
        i = max(trigger.last_token, phrase.last) + 1
        cue = ix.cue_starting["directional"].get(i)
        if cue is None:
            return False
        j = cue.last_token + 1
        if j < self.end and ix.tokens[j].norm in {"a", "an", "the"}:
            j += 1
        return j in ix.cue_starting["training"]

    def _on_a_visit(self, trigger: eventx.PhraseMatch[str], phrase: ForcePhrase) -> bool:
        """An arrival on a visit ([cues] visit) in the clause after the trigger and force."""
        first = max(trigger.last_token, phrase.last) + 1
        return any(
            self._same_clause(first, cue.first_token, comma=True)
            for cue in self.ix.cue_between(
                "visit", first, min(first + DESTINATION_WINDOW, self.end)
            )
        )

    def _history(self, trigger: eventx.PhraseMatch[str]) -> bool:
        """The trigger's nearest date is one the dates plugin marks ``background`` (well before
        the news) and stands in the trigger's own sentence: a deployment the article recalls."""
        date = self.ix.ctx.nearest_date(trigger.start, trigger.end)
        return (
            date is not None and date.background and date.evidence.sentence == self.sentence.index
        )

    def _civilian_activity(self, trigger: eventx.PhraseMatch[str], phrase: ForcePhrase) -> bool:
        """What a force takes part in is no operation ([cues] civilian_activities): "300 police
        officers joined the protest", "شارك 500 جندي في الماراثون"."""
        first = max(trigger.last_token, phrase.last) + 1
        return any(
            self._same_clause(first, cue.first_token, comma=True)
            for cue in self.ix.cue_between("civilian_activities", first, min(first + 4, self.end))
        )

    def _across_insertion(self, subject_end: int, trigger: eventx.PhraseMatch[str]) -> bool:
        """English: a subject and its passive verb around an insertion between commas
        ("Hundreds of police officers, backed by armoured vehicles, were deployed"): the
        subject ends right before the first comma, the second comma stands right before the
        auxiliary, and nothing but commas breaks the insertion."""
        ix = self.ix
        if ix.language != "en" or ix.tokens[subject_end + 1].norm != ",":
            return False
        if ix.tokens[trigger.first_token].norm.endswith("ing"):
            return False  # "The air force, short of pilots, is sending cadets": active, no passive
        auxiliaries = {"were", "was", "are", "is", "been", "have", "has", "had", "be", "being"}
        j = trigger.first_token - 1
        while j > subject_end + 1 and ix.tokens[j].norm in auxiliaries:
            j -= 1
        return (
            j > subject_end + 2
            and j < trigger.first_token - 1  # an auxiliary: a passive or perfect verb
            and ix.tokens[j].norm == ","
            and j - subject_end <= WINDOW
            and self._same_clause(subject_end + 2, j, comma=True)
        )

    def _split_objects(
        self, phrases: list[ForcePhrase]
    ) -> dict[int, list[eventx.PhraseMatch[str]]]:
        """Forces between a split verb and its particle ([split]): "pulled 2,500 troops out of
        Iraq", "brought its soldiers home". The force must stand right after the verb (two words
        at most: "its", "all") and the particle right after the force, so "Police pulled the
        body out" (the police are the subject) is no withdrawal."""
        found: dict[int, list[eventx.PhraseMatch[str]]] = {}
        particles = self.ix.lexicon.split_particles
        for verb in self.split_verbs:
            for n, phrase in enumerate(phrases):
                gap = _first_of(phrase) - verb.last_token - 1
                after = phrase.last + 1
                if (
                    0 <= gap <= SIZE_GAP
                    and after < self.end
                    and self.ix.tokens[after].norm in particles
                ):
                    found.setdefault(n, []).append(verb)
        return found

    def _listed_after(
        self,
        phrases: list[ForcePhrase],
        assigned: dict[int, list[eventx.PhraseMatch[str]]],
    ) -> dict[int, list[eventx.PhraseMatch[str]]]:
        """Sized forces listed after a deployed one share its trigger: "مشاركة 200 من المجموعات
        القتالية ...، و50 سرية من قوات الدرك", "sent 300 soldiers, and 200 police".
        Each follows the previous item within ``LIST_REACH`` tokens, its size written after a
        conjunction ("و130", "and 200") in the same sentence."""
        listed: dict[int, list[eventx.PhraseMatch[str]]] = {}
        for n in sorted(assigned):
            previous = phrases[n]
            for m in range(n + 1, len(phrases)):
                item = phrases[m]
                if m in assigned:
                    break
                if item.size is None or item.size_first is None:
                    following = phrases[m + 1] if m + 1 < len(phrases) else None
                    subject = self._subject_of(following, phrases) if following else None
                    if subject is not None and subject.first == item.first:
                        continue  # "and the army 500 soldiers": the army is the next subject
                    break
                subject = self._subject_of(item, phrases)
                first = item.size_first if subject is None else subject.first
                if first - previous.last - 1 > LIST_REACH:
                    break
                if subject is None and not self._after_conjunction(item.size_first):
                    break
                listed[m] = [assigned[n][0]]
                if subject is not None:
                    self.list_subjects[m] = subject
                previous = item
        return listed

    def _subject_of(self, item: ForcePhrase, phrases: list[ForcePhrase]) -> ActorMention | None:
        """The subject of an elided verb right before a sized list item, after a conjunction:
        "deployed 300 officers in Abidjan and the army 500 soldiers in Bouake", "أرسلت تشاد 2000
        جندي، والنيجر 500 جندي". An actor (a state, an authority) or a force phrase."""
        if item.size_first is None:
            return None
        before = item.size_first - 1
        for actor in self.actors:
            if actor.last == before and self._opens_conjunct(actor.first):
                return actor
        for phrase in phrases:
            if phrase.last == before and phrase.size is None and self._opens_conjunct(phrase.first):
                return ActorMention(
                    first=phrase.first, last=phrase.last, start=phrase.start, end=phrase.end,
                    text=self.ix.doc.text[phrase.start : phrase.end],
                    country_code=phrase.countries[0] if phrase.countries else None,
                    is_state=False,
                )  # fmt: skip
        return None

    def _opens_conjunct(self, i: int) -> bool:
        """Token ``i`` follows "و"/"and" or carries و ("والنيجر"); "the" may come between."""
        if self.ix.language == "ar" and self._conjoined(i):
            return True
        j = i - 1
        if j > self.first and self.ix.tokens[j].norm == "the":
            j -= 1
        return j >= self.first and self.ix.tokens[j].norm in {"و", "and"}

    def _after_conjunction(self, i: int) -> bool:
        """Token ``i`` follows "و"/"and"/a comma (as a word or written on it: "و130")."""
        token = self.ix.tokens[i]
        if self.ix.language == "ar" and token.norm.startswith("و") and token.norm[1:2].isdigit():
            return True
        return i > self.first and self.ix.tokens[i - 1].norm in {"و", "and", ",", "،"}

    def _object_after_subject(
        self, trigger: eventx.PhraseMatch[str], phrases: list[ForcePhrase], n: int
    ) -> int:
        """Verb, subject, object: in "ونشر الجيش اللبناني وحداته" the army is who deploys, and
        the force deployed is the next phrase (at most two words further, no joiner between)."""
        phrase = phrases[n]
        if phrase.first <= trigger.last_token or self.ix.language != "ar":
            return n  # English puts the subject before the verb
        for m in range(n + 1, len(phrases)):
            following = phrases[m]
            if following.first - phrase.last - 1 > 2:
                break
            between = range(phrase.last + 1, _first_of(following))
            if not any(
                i in self.ix.cue_starting["joiners"]
                or i in self.ix.cue_starting["destination"]
                or i in self.ix.purpose_starts  # "إرسال 800 عسكري لدعم القوات": served
                for i in between
            ):
                return m
        return n

    def _present(self, trigger: eventx.PhraseMatch[str], phrase: ForcePhrase) -> bool:
        """A presence word ([present]: "has", "remain", "يتواجد") next to a sized force, a place
        right after them: "has 2,500 troops in Iraq", "900 US troops remain in Syria", "تحتفظ
        الولايات المتحدة بنحو 900 جندي في سوريا" (only its subject between). A word between
        ("has killed 20 soldiers") or no place ("has 5,000 troops") is something else."""
        if phrase.size is None or phrase.size_first is None:
            return False
        size_last = self.ix.token_at(phrase.size_span[1] - 1) if phrase.size_span else -1
        if size_last + 1 < phrase.first:
            return False  # "has 40 paintings of soldiers in Paris": the number counts another noun
        if phrase.last < trigger.first_token:
            next_to = trigger.first_token - phrase.last == 1
        else:
            between = range(trigger.last_token + 1, _first_of(phrase))
            next_to = all(any(a.first <= i <= a.last for a in self.actors) for i in between)
        core_last = max(trigger.last_token, phrase.last)
        places = [
            p
            for p in self.places
            if 0 < p.first - core_last <= PRESENCE_PLACE_GAP + 1
            and self.ix.is_prepositional(p.first)
            and not self._possessive(p.last)  # "300 soldiers in Fort Bragg's band"
        ]
        if not next_to or not places:
            return False
        if phrase.kind not in DOMESTIC_KINDS:
            return True
        # Police in a place is staffing ("There are 5,000 police officers in London") unless
        # another state keeps them there ("Kenya has 400 police officers in Haiti").
        senders = {*phrase.countries}
        senders.update(
            a.country_code
            for a in self.actors
            if a.is_state and a.country_code and a.last < trigger.first_token
        )
        return any(p.country_code and senders - {p.country_code} for p in places)

    def _posted(
        self, trigger: eventx.PhraseMatch[str], phrase: ForcePhrase, phrases: list[ForcePhrase]
    ) -> bool:
        """A posture word ([posted]: "stood guard", "manning", "joined", "عسكرة") is a
        deployment with a place in its clause just after it and the force ("stood guard outside
        the courthouse in Istanbul", "guarding Kabul airport", "عسكرة سيناء") or with checkpoints for object ("manning checkpoints").
        One that names its force (a cordon, a security alert) is one too when a force or an
        authority just before it imposes it ("فرضت قوات الجيش طوقا أمنيا", "رفعت السلطات حالة
        الاستنفار الأمني"). "Officers manning the phones", "joined the union", "عسكرة المجتمع",
        "كتب عن الطوق الأمني" are not."""
        if phrase.kind == "checkpoints":
            return True
        if phrase.first <= trigger.first_token and trigger.last_token <= phrase.last:
            others = [p for p in phrases if p is not phrase]
            if self.ix.has_cue_before("imposed", trigger.first_token, CUE_WINDOW, self.first):
                return True  # "رفعت الشرطة حالة الاستنفار الأمني", "هناك استنفار أمني واسع"
            if self._subject_force(trigger, phrase, others) is not None or any(
                a.last < trigger.first_token
                and trigger.first_token - a.last - 1 <= STATE_SUBJECT_GAP
                and not self.ix.is_prepositional(a.first)
                for a in self.actors
            ):
                return True
        core_last = max(trigger.last_token, phrase.last)
        return any(
            0 < p.first - core_last <= DESTINATION_REACH
            and self._same_clause(core_last + 1, p.first, comma=True)
            for p in self.places
        )

    def _owned_by_people(self, phrase: ForcePhrase) -> bool:
        """English: a subject force after a blocker and "of" names whose people they are ("A
        delegation of army officers arrived", "a team of soldiers reached the summit")."""
        ix = self.ix
        j = _first_of(phrase) - 1
        if ix.language != "en" or j - 1 < self.first or ix.tokens[j].norm != "of":
            return False
        return (j - 1) in ix.cue_ending["blockers"]

    def _other_object(self, after: int, phrases: list[ForcePhrase]) -> bool:
        """English: a determiner or a number right after the verb whose subject is the force
        opens an object that is no force ("The navy dispatched a spokesman", "The army sent its
        band", "The army dispatched 20 engineers", "sent two sailing ships"); "sent its troops",
        "sent an armoured brigade", "sent 300 soldiers" have a force there."""
        ix = self.ix
        if after >= self.end:
            return False
        cue = ix.cue_starting["object_determiners"].get(after)
        if cue is not None:
            noun = cue.last_token + 1
        elif after in ix.quantities_starting:
            noun = after
        else:
            return False
        return (
            noun < self.end
            and not any(_first_of(p) <= noun + 2 and p.last >= noun for p in phrases)
            and not ix.is_punctuation(noun)
            and (cue is None or noun not in ix.quantities_starting)
        )

    def _blocked(
        self, trigger: eventx.PhraseMatch[str], phrase: ForcePhrase, phrases: list[ForcePhrase]
    ) -> bool:
        """A non-force object between trigger and force: "نشرت الصحيفة تقريرا عن الجنود"."""
        if phrase.first > trigger.last_token:
            first, end = trigger.last_token + 1, phrase.first
        else:
            first, end = phrase.last + 1, trigger.first_token
        # A force after a purpose word is what the deployment serves, not what it sends: "وقد
        # أرسلتهم كينيا لدعم الشرطة المحلية", "troops were sent to help the police".
        if self.ix.cue_between("blockers", first, end) or any(
            i in self.ix.purpose_starts for i in range(first, end)
        ):
            return True
        # The force is the subject and the verb's object is something else: "The navy sent a
        # letter", "أرسلت الشرطة رسالة تهنئة", "أقام الجيش حفلا" (an Arabic subject unsized).
        if phrase.last < trigger.first_token:
            after = trigger.last_token + 1
            if self._other_object(after, phrases) or self._owned_by_people(phrase):
                return True
        elif self.ix.language == "ar" and phrase.size is None:
            after = phrase.last + 1
        else:
            return False
        # The object stands right after the verb or subject, or after a determiner: "sent a
        # letter", "withdrew the charges" (not "withdrew under the agreement").
        # What a force withdraws from may be no place either: "withdrew from the talks",
        # "انسحب الجيش من المفاوضات".
        ix = self.ix
        if after < self.end and ix.tokens[after].norm in {"from", "من"}:
            after += 1
        if after < self.end and (
            after in ix.cue_starting["object_determiners"] or ix.tokens[after].norm == "the"
        ):
            after += 1
        return after < self.end and after in ix.cue_starting["blockers"]

    def _deployment(
        self,
        trigger: eventx.PhraseMatch[str],
        phrase: ForcePhrase,
        first_trigger: int,
        other_phrases: list[ForcePhrase],
        *,
        list_item: bool = False,
        elided_subject: ActorMention | None = None,
    ) -> eventx.Deployment:
        ix = self.ix
        status = self._status(trigger)
        # "... and the army 500 soldiers in Bouake": the item's own subject sends it
        actor = elided_subject or self._actor(trigger, phrase)
        actor_text = actor.text if actor is not None else None
        actor_country = actor.country_code if actor is not None else None
        if actor is None:
            # "Police set up checkpoints", "الشرطة تقيم حواجز": the force acting is the actor.
            subject = self._subject_force(trigger, phrase, other_phrases)
            if subject is not None:
                actor_text = ix.doc.text[subject.start : subject.end]
                actor_country = subject.countries[0] if subject.countries else None
        listed = list(self._composition(trigger.first_token))
        if status != "withdrawn":  # "withdrew troops from Kazakhstan": a place, not contributors
            listed = [*phrase.origin, *listed]
        contributors = list(phrase.countries)
        contributors.extend(p.country_code for p in listed if p.country_code)
        if not contributors and actor is not None and actor.is_state and actor.country_code:
            contributors.append(actor.country_code)  # a state sending its own forces
        destination = self._destination(
            trigger, phrase, actor, listed, other_phrases, after_item=list_item
        )
        # A listed item's evidence is its own words ("و50 سرية من قوات الدرك"), its subject
        # included ("the army 500 soldiers").
        start = phrase.start if list_item else min(first_trigger, phrase.start)
        if elided_subject is not None:
            start = min(start, elided_subject.start)
        end = phrase.end if list_item else max(trigger.end, phrase.end)
        if phrase.size_span is not None:
            start, end = min(start, phrase.size_span[0]), max(end, phrase.size_span[1])
        # The evidence reaches a destination or a passive agent written just after it ("sent to
        # Lagos", "were sent by France"), so the span shows where the value came from.
        for after in (destination, actor):
            if after is not None and after.end > end:
                core_last = ix.token_at(end - 1)
                if after.first - core_last <= DESTINATION_REACH and self._same_clause(
                    core_last, after.first
                ):
                    end = after.end
        date = self.ix.ctx.nearest_date(trigger.start, trigger.end)
        if date is not None and date.evidence.sentence != self.sentence.index:
            date = None  # a date in the sentence before is usually background ("منذ 2015")
        return eventx.Deployment(
            force=ix.doc.text[phrase.start : phrase.end],
            force_kind=phrase.kind,
            actor=actor_text,
            actor_country=actor_country,
            contributors=_unique(contributors),
            destination=destination.name if destination is not None else None,
            destination_country=destination.country_code if destination is not None else None,
            size=phrase.size,
            status=status,
            purpose=self.purpose(max(trigger.last_token, phrase.last) + 1),
            date=date.value if date is not None else None,
            evidence=ix.ctx.evidence(start, end),
        )

    def _subject_force(
        self, trigger: eventx.PhraseMatch[str], phrase: ForcePhrase, others: list[ForcePhrase]
    ) -> ForcePhrase | None:
        """A force phrase just before the trigger when the deployed force comes after it, or
        just before a force that is its own trigger ("فرضت قوات الشرطة طوقا أمنيا": the police
        threw the cordon)."""
        names_itself = phrase.first <= trigger.first_token and trigger.last_token <= phrase.last
        if phrase.first <= trigger.last_token and not names_itself:
            return None
        verb = phrase.first if names_itself else trigger.first_token
        for other in others:
            if not names_itself and trigger.last_token < other.first and other.last < phrase.first:
                return other  # verb, subject, object
            if other.last < verb and verb - other.last - 1 <= CUE_WINDOW:
                return other
        return None

    def _status(self, trigger: eventx.PhraseMatch[str]) -> str:
        status = trigger.value
        ix, i = self.ix, trigger.first_token
        if ix.has_cue_before("ended", i, CUE_WINDOW, self.first):
            return "withdrawn"  # "ended its deployment", "إنهاء انتشار القوات"
        if status != "deployed":
            return status
        if ix.has_cue_before("planned", i, CUE_WINDOW, self.first):
            return "planned"
        if ix.has_cue_before("done", i, CUE_WINDOW, self.first):
            return "deployed"
        # "أعلنت السلطات حالة الطوارئ ونشرت الجيش": a verb joined by "و"/"and" is an action of
        # its own, not the content of the announcement.
        conjoined = self._conjoined(i) or (i > self.first and ix.tokens[i - 1].norm in {"و", "and"})
        if ix.cue_between("announced", self.first, i) and not conjoined:
            return "announced"
        return "deployed"

    def _size(self, phrase: ForcePhrase) -> tuple[eventx.Quantity | None, tuple[int, int] | None]:
        """How many: the quantity just before the force ("نحو 3000 جندي", "hundreds of riot
        police", "three US vessels"), else one inside it ("a force of 4,500 troops"). Qualifiers,
        vague amounts and their ranges are the shared number module's (``find_quantities``)."""
        ix = self.ix
        found: eventx.QuantityMatch | None = None
        for last in range(phrase.first - 1, max(phrase.first - 2 - SIZE_GAP, self.first - 1), -1):
            found = ix.quantities_ending.get(last)
            if found is not None or ix.is_punctuation(last) or ix.tokens[last].norm[:1].isdigit():
                break
            if last in ix.purpose_starts:
                break  # "800 عسكري لدعم قوات الشرطة": the number counts the force sent
        if found is None:
            inside = range(phrase.first, phrase.last + 1)
            found = next(
                (ix.quantities_starting[i] for i in inside if i in ix.quantities_starting), None
            )
        if found is None or found.first_token < self.first:
            return None, None
        if ix.doc.text[found.end : found.end + 1].isalpha():
            return None, None  # an ordinal ("the 3rd brigade") names the unit, not its size
        return found.quantity, (found.start, found.end)

    def _actor(self, trigger: eventx.PhraseMatch[str], phrase: ForcePhrase) -> ActorMention | None:
        """Who sends: the subject between a verb trigger and its force (Arabic "نشرت السلطات
        قوات"), else the nearest candidate before the trigger ("The US is bolstering")."""
        candidates = [
            a
            for a in self.actors
            if not (phrase.first <= a.first <= phrase.last)
            and not self.ix.is_prepositional(a.first)
        ]
        # Passive: "troops were deployed by NATO", "نشرت القوات من قبل الحكومة".
        for agent in self.ix.cue_between(
            "agent", trigger.last_token + 1, min(trigger.last_token + 1 + WINDOW, self.end)
        ):
            after = agent.last_token + 1
            if after < self.end and self.ix.tokens[after].norm == "the":
                after += 1  # "by the United Nations"
            by_agent = [a for a in self.actors if a.first in (agent.last_token + 1, after)]
            if by_agent:
                return by_agent[0]
        lo, hi = trigger.last_token, phrase.first
        between = [a for a in candidates if lo < a.first and a.last < hi]
        if between:
            return between[0]
        first = min(trigger.first_token, phrase.first)
        # A state named far before the trigger is rarely its subject ("مناطق كازاخستان ... إقامة
        # نقاط تفتيش"); named organisations and authorities are ("أصدر الجيش بيانا ... دفع بتعزيزات").
        before = [
            a
            for a in candidates
            if a.last < first and (not a.is_state or first - a.last - 1 <= STATE_SUBJECT_GAP)
        ]
        return before[-1] if before else None

    def _destination(
        self,
        trigger: eventx.PhraseMatch[str],
        phrase: ForcePhrase,
        actor: ActorMention | None,
        listed: list[PlaceMention],
        other_phrases: list[ForcePhrase],
        *,
        after_item: bool = False,
    ) -> PlaceMention | None:
        """Where to: the first place after the trigger and force, a prepositional one first (for
        an item of a list, after the item: the place before it is the first item's)."""
        core_last = max(trigger.last_token, phrase.last)
        core_first = phrase.first if after_item else min(trigger.first_token, phrase.first)
        taken = {(p.start, p.end) for p in listed}
        after = [
            p
            for p in self.places
            if p.first > core_first
            and not any(f.first <= p.first <= f.last for f in (phrase, *other_phrases))
            and (actor is None or p.start >= actor.end or p.end <= actor.start)
            and (p.start, p.end) not in taken
            and not self._possessive(p.last)  # "since Iraq's invasion": an owner, not a place
        ]
        after = [
            p
            for p in after
            if p.first - core_last <= DESTINATION_WINDOW
            and (p.first <= core_last or self._same_clause(core_last, p.first, comma=True))
        ]
        prepositional = [
            p for p in after if p.first > core_last and self.ix.is_prepositional(p.first)
        ]
        for group in (prepositional, [p for p in after if p.first > core_last], after):
            if group:
                return group[0]
        if self.ix.cue_between("whole_country", core_first, self.end):
            return self.ix.main_country
        return self._unresolved_destination(core_last, withdrawn=trigger.value == "withdrawn")

    def _unresolved_destination(
        self, core_last: int, *, withdrawn: bool = False
    ) -> PlaceMention | None:
        """A place the gazetteer does not know, right after a directional word: "إلى الجولان",
        "into the Bogside". Its surface form is kept as the destination, with no country."""
        ix = self.ix
        i = core_last + 1
        # A withdrawal's place is the one left: "انسحبت القوات من مخيم جنين", "out of the camp".
        names = ("directional", "withdrawn_from") if withdrawn else ("directional",)
        cue = next(
            (
                ix.cue_starting[n].get(j)
                for j in (i, i + 1)
                for n in names
                if j in ix.cue_starting[n]
            ),
            None,
        )
        if cue is None:
            return None
        first = cue.last_token + 1
        if ix.language == "en" and first < self.end and ix.tokens[first].norm == "the":
            first += 1
        last = first - 1
        while last + 1 < min(first + UNRESOLVED_PLACE_TOKENS, self.end):
            token = ix.tokens[last + 1]
            if (
                ix.is_punctuation(last + 1)
                or token.norm[:1].isdigit()
                or (last + 1) in ix.cue_starting["destination"]
                or (last + 1) in ix.cue_starting["blockers"]
                or (last + 1) in ix.purpose_starts
                or ix.in_date(token.start)
                or (ix.language == "ar" and last >= first and self._conjoined(last + 1))
                or (ix.language == "en" and not token.text[:1].isupper())
            ):
                break
            last += 1
        if last < first:
            return None
        start, end = ix.tokens[first].start, ix.tokens[last].end
        return PlaceMention(
            first=first, last=last, start=start, end=end, name=ix.doc.text[start:end],
            country_code=None, kind="place",
        )  # fmt: skip

    def _composition(self, floor: int) -> list[PlaceMention]:
        """Countries named after a composition word ("تضم", "including") in the sentence."""
        for cue in self.ix.cue_between("composition", max(floor - WINDOW, self.first), self.end):
            return [
                p
                for p in self.places
                if p.first > cue.last_token and p.kind == "country" and p.country_code
            ]
        return []

    def _same_clause(self, a: int, b: int, *, comma: bool = False) -> bool:
        """No clause boundary (optionally no comma either) among tokens ``[a, b)``."""
        return not any(
            self._clause_end(i) or (comma and self.ix.tokens[i].norm == ",") for i in range(a, b)
        )

    def _clause_end(self, i: int) -> bool:
        """Token ``i`` ends a clause; the full stop of an initial or abbreviation does not ("John
        F. Kennedy", "U.S. Navy": the tokenizer splits them into a letter and a ".")."""
        tokens = self.ix.tokens
        if tokens[i].norm not in _CLAUSE_END:
            return False
        return not (
            tokens[i].norm == "."
            and i > self.first
            and len(tokens[i - 1].text) == 1
            and tokens[i - 1].text.isalpha()
            and tokens[i - 1].end == tokens[i].start
        )

    def purpose(self, floor: int, *, tasks_only: bool = False) -> str | None:
        """The stated purpose: from a purpose word ("لحماية", "to protect") after token ``floor``
        to the clause end, or what follows a tasks phrase ("المهام الرئيسية ... في ...")."""
        ix, lexicon, doc = self.ix, self.ix.lexicon, self.ix.doc
        start_offset = ix.tokens[floor].start if floor < self.end else self.sentence.end
        if not tasks_only:
            for match in lexicon.purpose_start.finditer(
                doc, start=start_offset, end=self.sentence.end
            ):
                return self._clause_text(match.first_token)
        for intro in lexicon.purpose_intro.finditer(
            doc, start=self.sentence.start, end=self.sentence.end
        ):
            limit = ix.tokens[min(intro.last_token + 12, self.end - 1)].end
            for link in lexicon.purpose_link.finditer(doc, start=intro.end, end=limit):
                if link.last_token + 1 < self.end:
                    return self._clause_text(link.last_token + 1)
        return None

    def _clause_text(self, first: int) -> str | None:
        ix = self.ix
        last = first
        for i in range(first, min(first + PURPOSE_MAX_TOKENS, self.end)):
            norm = ix.tokens[i].norm
            if self._clause_end(i):
                break
            if norm == "," and (
                ix.language != "ar"
                or i + 1 >= self.end
                or not ix.tokens[i + 1].norm.startswith("و")
            ):
                break
            last = i
        if ix.is_punctuation(first):
            return None
        text = ix.doc.text[ix.tokens[first].start : ix.tokens[last].end]
        return text or None

    # --- attributes of deployments named elsewhere ------------------------------------------

    def attributes(self) -> Iterator[Attribute]:
        """Composition and tasks stated in a sentence that names a force but sends nothing."""
        for phrase in self.force_phrases():
            contributors = list(phrase.countries)
            listed = [*phrase.origin, *self._composition(phrase.first)]
            contributors.extend(p.country_code for p in listed if p.country_code)
            # Only a tasks phrase ties a purpose to a force named in another sentence; a bare
            # "لحماية" in a sentence that sends nothing may be about anything.
            purpose = self.purpose(self.first, tasks_only=True)
            if not contributors and purpose is None:
                continue
            cue_hit = self.ix.cue_between("composition", self.first, self.end)
            if not purpose and not cue_hit and not phrase.origin:
                continue  # a bare "القوات الروسية" is not a statement of composition
            yield Attribute(
                kind=phrase.kind,
                contributors=_unique(contributors),
                purpose=purpose,
                evidence=self.ix.ctx.evidence(self.sentence.start, self.sentence.end),
            )
            return  # one attribute per sentence: the sentence is about one force


def _definite(token: eventx.Token) -> bool:
    """An Arabic token with the article, after any proclitic ("الجيش", "والقوات", "بالجيش")."""
    return token.norm.startswith(("ال", "وال", "فال", "بال", "كال", "وبال", "لل", "ولل", "فلل"))


def _verb_of(
    phrase: ForcePhrase, triggers: list[eventx.PhraseMatch[str]]
) -> eventx.PhraseMatch[str]:
    """The first of the triggers nearest the force, one outside it before one inside it (a
    loop rather than ``min`` with a key closing over ``phrase``: see index.py on lambdas)."""
    best, best_key = triggers[0], _verb_rank(triggers[0], phrase)
    for trigger in triggers[1:]:
        key = _verb_rank(trigger, phrase)
        if key < best_key:
            best, best_key = trigger, key
    return best


def _verb_rank(trigger: eventx.PhraseMatch[str], phrase: ForcePhrase) -> tuple[bool, int]:
    inside = phrase.first < trigger.first_token and trigger.last_token < phrase.last
    return inside, _gap(trigger.first_token, trigger.last_token, _first_of(phrase), phrase.last)


def _first_of(phrase: ForcePhrase) -> int:
    """First token of a force phrase with its size ("70 checkpoints" starts at "70")."""
    return phrase.first if phrase.size_first is None else min(phrase.first, phrase.size_first)


def _gap(a_first: int, a_last: int, b_first: int, b_last: int) -> int:
    """Tokens strictly between two token ranges (0 when they touch or overlap)."""
    if b_first > a_last:
        return b_first - a_last - 1
    if a_first > b_last:
        return a_first - b_last - 1
    return 0
