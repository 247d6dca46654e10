"""Who sent a force, where it goes and which states take part, when the next sentence says so.

News often sends a force in one sentence and names its sender, destination or contributors in
the next: "NATO will send 2,000 soldiers. They will be stationed in Estonia.", "أعلن الجيش نشر
ألف عنصر. وستتمركز في مدينة حلب.", "وصلت قوات حفظ السلام إلى المنطقة. وتضم وحدات من روسيا
وبيلاروس." A sentence that sends a force of its own is an ordinary mention (merged by
``merging.py``); this module reads the sentences that send nothing but continue the one before.

A sentence continues a deployment when

- it follows, in the same paragraph (no line break between), the last sentence that mentions the
  deployment, and that sentence mentions no other deployment (else "they" is ambiguous);
- it mentions no deployment of its own;
- it opens by referring back to the force: a pronoun (``[cues] anaphora``: "they", "هي"), a force
  phrase of a compatible kind ("The troops", "هذه القوات"), or, in a language that drops pronoun
  subjects (``[followup] pro_drop``), a deployment, composition or command verb ("وستتمركز").

It then gives what it states with general constructions: the agent of a passive trigger ("were
sent by France", "من قبل الحكومة") or a command phrase ("led by", "بقيادة") is the actor; the
place after a deployment verb ("stationed in", "ستتمركز في") the destination; countries after a
composition word ("include", "تضم") or a force's origin ("units from Norway", "وحدات من روسيا")
contributors. Actor and destination fill only what the deployment lacks; contributors add to
its list (as composition sentences do). The span read becomes one of the deployment's
``mentions``.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

import attrs
from attrs import frozen

import eventx
from eventx_deployments.index import ActorMention, DocumentIndex, PlaceMention
from eventx_deployments.mentions import (
    CUE_WINDOW,
    DESTINATION_WINDOW,
    WINDOW,
    ForcePhrase,
    SentenceReader,
    kinds_compatible,
)

OPENING = 3  # the reference back to the force stands within the sentence's first tokens
AGENT_GAP = 2  # most tokens between a trigger and its agent word ("sent in by", "were sent by")
_FIRST_TOKEN = attrgetter("first_token")  # a sort key (no lambda: see index.py)


@frozen(kw_only=True)
class FollowUp:
    """What a continuing sentence says about the deployment before it."""

    actor: ActorMention | None
    destination: PlaceMention | None
    contributors: tuple[str, ...]  # ISO codes
    evidence: eventx.Evidence


class FollowUpReader(SentenceReader):
    """Reads one sentence as the continuation of a deployment named in the sentence before."""

    def __init__(self, index: DocumentIndex, sentence: eventx.Sentence) -> None:
        super().__init__(index, sentence)
        # Deployment triggers and the verbs that place a force already sent ("based in").
        placing = index.lexicon.followup_verbs.finditer(
            index.doc, start=sentence.start, end=sentence.end
        )
        self.verbs = sorted([*self.triggers, *placing], key=_FIRST_TOKEN)

    def follow_up(self, fact: eventx.Deployment) -> FollowUp | None:
        every_phrase = self.force_phrases()
        phrases = [p for p in every_phrase if kinds_compatible(p.kind, fact.force_kind)]
        if not self._refers_back(phrases, every_phrase):
            return None
        withdrawn = fact.status == "withdrawn"
        triggers = [
            t
            for t in self.verbs
            if (t.value == "withdrawn") == withdrawn
            and not self.ix.has_cue_before("negation", t.first_token, CUE_WINDOW, self.first)
        ]
        actor = self._agent(triggers)
        # Places that say where forces come from are not where they go: "قوات من فرنسا وتشاد",
        # "includes units from Norway", "French units".
        origins = [
            *(place for phrase in every_phrase for place in phrase.origin),
            *self._composition(self.first + WINDOW),
        ]
        destination = self._follow_destination(triggers, actor, every_phrase, origins)
        codes: list[str] = []
        spans: list[tuple[int, int]] = []
        if not withdrawn:  # "they withdrew from France": a place left, not a contributor
            # The force itself ("The French units ...") and the forces it is made of ("includes
            # units from Norway"); not other forces it meets ("alongside British troops").
            composition = self.ix.cue_between("composition", self.first, self.end)
            members = [
                p
                for p in phrases
                if p.first < self.first + OPENING
                or (composition and p.first > composition[0].last_token)
            ]
            for phrase in members:  # "French units", "وحدات من روسيا وبيلاروس"
                if phrase.countries:
                    codes.extend(phrase.countries)
                    spans.append((phrase.start, phrase.end))
            listed = [
                *(place for phrase in members for place in phrase.origin),
                *self._composition(self.first + WINDOW),
            ]
            for place in listed:
                if place.country_code and (actor is None or not _overlaps(place, actor)):
                    codes.append(place.country_code)
                    spans.append((place.start, place.end))
        for found in (actor, destination):
            if found is not None:
                spans.append((found.start, found.end))
        if not spans:
            return None
        start = self.ix.tokens[self.first].start
        return FollowUp(
            actor=actor,
            destination=destination,
            contributors=tuple(dict.fromkeys(codes)),
            evidence=self.ix.ctx.evidence(start, max(end for _, end in spans)),
        )

    def _refers_back(self, phrases: list[ForcePhrase], every_phrase: list[ForcePhrase]) -> bool:
        """The sentence opens with a pronoun, a compatible force phrase (among ``phrases``), or,
        in a pro-drop language, a verb without a subject of its own."""
        opening = range(self.first, min(self.first + OPENING, self.end))
        if self.ix.cue_between("anaphora", opening.start, opening.stop):
            return True
        if any(p.first in opening or p.size_first in opening for p in phrases):
            return True
        if not self.ix.lexicon.pro_drop:
            return False
        # "وستتمركز في حلب", "وتضم وحدات من روسيا", "تقودها فرنسا": the verb has no subject
        # of its own. "ووصل الرئيس إلى باريس" has one: the president arrived, not the force.
        verb = self._opening_verb()
        if verb >= self.end:
            return False
        if verb in self.ix.cue_starting["command"]:
            return True
        composition = self.ix.cue_starting["composition"].get(verb)
        if composition is not None:
            return any(p.first == composition.last_token + 1 for p in every_phrase)
        return any(t.first_token == verb and self._no_subject_after(t) for t in self.verbs)

    def _no_subject_after(self, verb: eventx.PhraseMatch[str]) -> bool:
        """An opening verb followed by a preposition or its agent, not by a subject noun; or a
        verb carrying the force as an object pronoun before its subject ("أرسلتهم فرنسا")."""
        after = verb.last_token + 1
        if after >= self.end or self.ix.is_punctuation(after) or self.ix.is_prepositional(after):
            return True
        if any(after in self.ix.cue_starting[c] for c in ("destination", "directional", "agent")):
            return True
        return self._carries_object(verb) and self._actor_at(after) is not None

    def _carries_object(self, verb: eventx.PhraseMatch[str]) -> bool:
        """The verb ends with an object pronoun ([followup] object_pronouns): "أرسلتهم"."""
        norm = self.ix.tokens[verb.last_token].norm
        return any(
            norm.endswith(suffix) and len(norm) > len(suffix) + 2
            for suffix in self.ix.lexicon.object_pronouns
        )

    def _opening_verb(self) -> int:
        """Where a pro-drop sentence's verb stands: its first token, after completion and
        planning particles ("وقد أرسلتهم", "سيتم")."""
        i = self.first
        while i < self.end:
            particle = self.ix.cue_starting["done"].get(i) or self.ix.cue_starting["planned"].get(i)
            if particle is None:
                break
            i = particle.last_token + 1
        return i

    def _actor_at(self, i: int) -> ActorMention | None:
        if i < self.end and self.ix.tokens[i].norm == "the":
            i += 1  # "by the United Nations"
        return next((a for a in self.actors if a.first == i), None)

    def _agent(self, triggers: Sequence[eventx.PhraseMatch[str]]) -> ActorMention | None:
        """Who sent the force: the agent of a passive trigger ("were sent by France", "أرسلت من
        قبل الحكومة"), the commander ("led by NATO", "بقيادة فرنسا"), or, in a pro-drop language,
        the subject right after an opening deployment verb ("وأرسلتها فرنسا")."""
        for trigger in triggers:
            reach = min(trigger.last_token + 1 + AGENT_GAP, self.end)
            for agent in self.ix.cue_between("agent", trigger.last_token + 1, reach):
                actor = self._actor_at(agent.last_token + 1)
                if actor is not None:
                    return actor
        for command in self.ix.cue_between("command", self.first, self.end):
            actor = self._actor_at(command.last_token + 1)
            if actor is not None:
                return actor
        if self.ix.lexicon.pro_drop:
            verb = self._opening_verb()
            for trigger in triggers:
                if (
                    trigger.first_token == verb
                    and trigger.value == "deployed"
                    and self._carries_object(trigger)
                ):
                    return self._actor_at(trigger.last_token + 1)
        return None

    def _follow_destination(
        self,
        triggers: Sequence[eventx.PhraseMatch[str]],
        actor: ActorMention | None,
        phrases: Sequence[ForcePhrase],
        origins: Sequence[PlaceMention],
    ) -> PlaceMention | None:
        """Where to: the first place after a deployment verb in its clause, one after a
        preposition first ("will be stationed in Estonia", "وستتمركز في مدينة حلب"); else the
        words after a directional preposition ("to the border area")."""
        taken = {(p.start, p.end) for p in origins}
        for trigger in triggers:
            after = [
                p
                for p in self.places
                if 0 < p.first - trigger.last_token <= DESTINATION_WINDOW
                and self._same_clause(trigger.last_token, p.first, comma=True)
                and (actor is None or not _overlaps(p, actor))
                and not any(f.first <= p.first <= f.last for f in phrases)
                and (p.start, p.end) not in taken
            ]
            prepositional = [p for p in after if self.ix.is_prepositional(p.first)]
            if prepositional:
                return prepositional[0]
            # "وقد أرسلتها وزارة الداخلية إلى ...": the place words come after the sender
            anchor = trigger.last_token
            if actor is not None and 0 < actor.first - trigger.last_token <= AGENT_GAP:
                anchor = actor.last
            unresolved = self._unresolved_destination(anchor)
            if unresolved is not None:
                return unresolved
            if after:
                return after[0]
        return None


def _overlaps(place: PlaceMention, actor: ActorMention) -> bool:
    return place.start < actor.end and actor.start < place.end


def _sentences(fact: eventx.Deployment) -> set[int]:
    return {e.sentence for e in (fact.evidence, *fact.mentions) if e.sentence is not None}


def _same_paragraph(doc: eventx.AnnotatedDocument, a: eventx.Sentence, b: eventx.Sentence) -> bool:
    return "\n" not in doc.text[a.end : b.start]


def complete(fact: eventx.Deployment, follow: FollowUp) -> eventx.Deployment:
    """``fact`` with the actor and destination it lacks and the contributors it does not list
    yet, from ``follow``; unchanged when the sentence adds nothing."""
    actor, actor_country = fact.actor, fact.actor_country
    sender = follow.actor if fact.actor is None else None
    if sender is not None:
        actor, actor_country = sender.text, sender.country_code
    destination, destination_country = fact.destination, fact.destination_country
    if fact.destination is None and follow.destination is not None:
        destination = follow.destination.name
        destination_country = follow.destination.country_code
    contributors = list(fact.contributors)
    contributors.extend(c for c in follow.contributors if c not in contributors)
    if not contributors and sender is not None and sender.is_state and sender.country_code:
        contributors.append(sender.country_code)  # a state sending its own forces
    if (actor, destination, tuple(contributors)) == (
        fact.actor,
        fact.destination,
        tuple(fact.contributors),
    ):
        return fact
    spans = {(e.start, e.end): e for e in (*fact.mentions, fact.evidence, follow.evidence)}
    return attrs.evolve(
        fact,
        actor=actor,
        actor_country=actor_country,
        destination=destination,
        destination_country=destination_country,
        contributors=tuple(contributors),
        mentions=tuple(spans[k] for k in sorted(spans)),
    )


def complete_from_next_sentences(
    facts: list[eventx.Deployment], index: DocumentIndex
) -> list[eventx.Deployment]:
    """Each deployment completed from the sentence that continues it (see the module doc)."""
    doc = index.doc
    sentences = [_sentences(f) for f in facts]
    owners: dict[int, list[int]] = {}
    for n, indices in enumerate(sentences):
        for i in indices:
            owners.setdefault(i, []).append(n)
    completed = list(facts)
    for n, fact in enumerate(facts):
        if not sentences[n]:
            continue
        last = max(sentences[n])
        following = last + 1
        if following >= len(doc.sentences) or following in owners or owners[last] != [n]:
            continue
        sentence = doc.sentences[following]
        if not sentence.tokens or not _same_paragraph(doc, doc.sentences[last], sentence):
            continue
        follow = FollowUpReader(index, sentence).follow_up(fact)
        if follow is not None:
            completed[n] = complete(fact, follow)
    return completed
