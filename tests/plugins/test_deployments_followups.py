"""Deployments: the sender, destination and contributors named in the sentence after the one that
sends the force (plugins/eventx_deployments/followups.py). Sentences written for these tests."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import eventx
from eventx_deployments.followups import FollowUp, complete
from eventx_deployments.index import ActorMention, PlaceMention

DATE = "2024-03-10"


def only(pipeline: eventx.Pipeline, text: str, language: str) -> eventx.Deployment:
    record = pipeline.extract(text, language=language, document_date=DATE)
    assert len(record.deployments) == 1, [d.evidence.text for d in record.deployments]
    fact = record.deployments[0]
    for evidence in (fact.evidence, *fact.mentions):
        assert text[evidence.start : evidence.end] == evidence.text
    return fact


def mention_texts(fact: eventx.Deployment) -> list[str]:
    return [m.text for m in fact.mentions]


# --- English ------------------------------------------------------------------------------------


def test_en_destination_from_a_pronoun_sentence(pipeline: eventx.Pipeline) -> None:
    text = "NATO will send 2,000 soldiers next month. They will be stationed in Estonia."
    fact = only(pipeline, text, "en")
    assert fact.actor == "NATO"
    assert (fact.destination, fact.destination_country) == ("Estonia", "EE")
    assert fact.status == "planned"  # the first sentence's own status
    assert fact.evidence.text == "send 2,000 soldiers"
    assert "They will be stationed in Estonia" in mention_texts(fact)


def test_en_destination_after_a_verb_that_places_the_force(pipeline: eventx.Pipeline) -> None:
    text = "The Pentagon said 3,000 Marines would be deployed. The Marines will be based in Kuwait."
    fact = only(pipeline, text, "en")
    assert fact.destination_country == "KW"
    # "based" never makes a deployment of its own.
    record = pipeline.extract("The Kuwait-based troops held a parade.", language="en")
    assert not record.deployments


def test_en_sender_from_a_passive_agent(pipeline: eventx.Pipeline) -> None:
    text = "About 400 troops arrived in the port city on Sunday. They were sent by France."
    fact = only(pipeline, text, "en")
    assert (fact.actor, fact.actor_country) == ("France", "FR")
    assert fact.contributors == ("FR",)  # a state sending its own forces
    assert "They were sent by France" in mention_texts(fact)


def test_en_a_next_sentence_with_its_own_force_merges_with_the_agent_in_evidence(
    pipeline: eventx.Pipeline,
) -> None:
    text = "About 400 troops arrived in the port city on Sunday. The troops were sent by France."
    fact = only(pipeline, text, "en")
    assert (fact.actor, fact.actor_country) == ("France", "FR")
    assert fact.size is not None and fact.size.count == 400  # "About 400": ±10 %
    assert "troops were sent by France" in mention_texts(fact)


def test_en_sender_from_a_command_phrase(pipeline: eventx.Pipeline) -> None:
    text = "Some 1,500 peacekeepers were deployed on Monday. They are led by the United Nations."
    fact = only(pipeline, text, "en")
    assert fact.actor is not None and "United Nations" in fact.actor


def test_en_contributors_from_a_composition_sentence(pipeline: eventx.Pipeline) -> None:
    text = "Canada deployed 300 peacekeepers last week. The force includes units from Norway and Sweden."
    fact = only(pipeline, text, "en")
    # Added to the list, as composition sentences are: Canada's own troops stay.
    assert fact.contributors == ("CA", "NO", "SE")
    assert "The force includes units from Norway and Sweden" in mention_texts(fact)


def test_en_a_sentence_about_something_else_adds_nothing(pipeline: eventx.Pipeline) -> None:
    text = "About 500 troops were deployed on Monday. The talks in Geneva were led by France."
    fact = only(pipeline, text, "en")
    assert fact.actor is None and fact.destination is None and not fact.contributors
    assert mention_texts(fact) == ["About 500 troops were deployed"]


def test_en_negated_and_later_paragraph_add_nothing(pipeline: eventx.Pipeline) -> None:
    negated = "NATO will send 2,000 soldiers next month. They will not be stationed in Estonia."
    assert only(pipeline, negated, "en").destination is None
    other_paragraph = (
        "NATO will send 2,000 soldiers next month.\nThey will be stationed in Estonia."
    )
    assert only(pipeline, other_paragraph, "en").destination is None


def test_en_what_the_deployment_states_is_kept(pipeline: eventx.Pipeline) -> None:
    text = "The US sent 300 marines to Jordan on Friday. They were stationed in Syria later."
    fact = only(pipeline, text, "en")
    assert fact.destination_country == "JO"


def test_en_two_deployments_before_make_they_ambiguous(pipeline: eventx.Pipeline) -> None:
    text = (
        "France sent 300 soldiers on Monday, while Spain deployed 40 police officers. "
        "They will be stationed in Mali."
    )
    record = pipeline.extract(text, language="en", document_date=DATE)
    assert len(record.deployments) == 2
    assert all(d.destination is None for d in record.deployments)


# --- Arabic -------------------------------------------------------------------------------------


def test_ar_destination_after_a_verb_without_subject(pipeline: eventx.Pipeline) -> None:
    text = "أعلن الجيش نشر ألف عنصر يوم الأحد. وستتمركز في مدينة حلب."
    fact = only(pipeline, text, "ar")
    assert fact.size == eventx.Quantity.exact(1000)
    assert fact.destination_country == "SY"
    assert "وستتمركز في مدينة حلب" in mention_texts(fact)


def test_ar_destination_after_a_verb_of_heading(pipeline: eventx.Pipeline) -> None:
    text = "قررت ألمانيا إرسال 150 جنديا. وسيتوجهون إلى مالي الشهر المقبل."
    fact = only(pipeline, text, "ar")
    assert (fact.actor_country, fact.destination_country) == ("DE", "ML")
    assert "وسيتوجهون إلى مالي" in mention_texts(fact)


def test_ar_contributors_after_a_composition_verb(pipeline: eventx.Pipeline) -> None:
    text = "وصلت قوات حفظ السلام إلى المنطقة أمس. وتضم وحدات من روسيا وبيلاروس."
    fact = only(pipeline, text, "ar")
    assert fact.contributors == ("RU", "BY")
    assert "وتضم وحدات من روسيا وبيلاروس" in mention_texts(fact)


def test_ar_contributors_of_a_force_named_again(pipeline: eventx.Pipeline) -> None:
    text = "وصلت قوات حفظ السلام إلى العاصمة أمس. والقوات من روسيا وبيلاروس وأرمينيا."
    fact = only(pipeline, text, "ar")
    assert fact.contributors == ("RU", "BY", "AM")


def test_ar_countries_forces_come_from_are_not_the_destination(pipeline: eventx.Pipeline) -> None:
    text = "أعلنت الأمم المتحدة إرسال قوات حفظ سلام. وستنضم إليها قوات من فرنسا وتشاد."
    fact = only(pipeline, text, "ar")
    assert fact.contributors == ("FR", "TD")
    assert fact.destination is None
    text = "أعلنت الأمم المتحدة إرسال قوات حفظ سلام. وستنضم إليها قوات من فرنسا وتشاد في مالي."
    assert only(pipeline, text, "ar").destination_country == "ML"


def test_ar_contributors_after_a_pronoun(pipeline: eventx.Pipeline) -> None:
    text = "وصلت قوات حفظ السلام إلى المنطقة أمس. وهي تضم وحدات من روسيا وبيلاروس."
    assert only(pipeline, text, "ar").contributors == ("RU", "BY")


def test_ar_sender_after_a_verb_carrying_the_force_as_object(pipeline: eventx.Pipeline) -> None:
    text = "وصل ألف جندي إلى مالي يوم الجمعة. وقد أرسلتهم فرنسا."
    fact = only(pipeline, text, "ar")
    assert (fact.actor_country, fact.destination_country) == ("FR", "ML")
    assert "وقد أرسلتهم فرنسا" in mention_texts(fact)


def test_ar_sender_whose_purpose_names_another_force(pipeline: eventx.Pipeline) -> None:
    # "لدعم الشرطة المحلية" is what the soldiers are for: not a second deployment
    text = "وصل 300 جندي إلى المدينة أمس. وقد أرسلتهم كينيا لدعم الشرطة المحلية."
    fact = only(pipeline, text, "ar")
    assert (fact.force, fact.actor_country, fact.contributors) == ("جندي", "KE", ("KE",))


def test_ar_destination_after_the_sender(pipeline: eventx.Pipeline) -> None:
    text = "وصلت تعزيزات أمنية كبيرة. وقد أرسلتها وزارة الداخلية إلى منطقة الهلال النفطي."
    fact = only(pipeline, text, "ar")
    assert fact.actor == "وزارة الداخلية"
    assert fact.destination == "منطقة الهلال النفطي"


def test_en_contributors_the_force_comes_from(pipeline: eventx.Pipeline) -> None:
    text = "Two battalions were sent to the border on Friday. They come from Nigeria and Chad."
    assert only(pipeline, text, "en").contributors == ("NG", "TD")


def test_en_destination_after_a_verb_of_guarding(pipeline: eventx.Pipeline) -> None:
    text = "About 500 police officers were deployed. Most of them will guard polling stations in Lagos."
    assert only(pipeline, text, "en").destination_country == "NG"


def test_ar_destination_after_a_verbal_noun_with_an_object_pronoun(
    pipeline: eventx.Pipeline,
) -> None:
    deploying = "أعلنت الحكومة إرسال ألف جندي. وسيتم نشرهم في مدينة درنة."
    assert only(pipeline, deploying, "ar").destination_country == "LY"
    spreading = "نشرت قوات الأمن 500 عنصر. وتم توزيعهم على مداخل مدينة الموصل."
    assert only(pipeline, spreading, "ar").destination_country == "IQ"


def test_ar_a_verbal_noun_with_its_object_pronoun_sends_no_force_next_to_it(
    pipeline: eventx.Pipeline,
) -> None:
    text = "نشرت الصحيفة تقريرا ثم نشرها موقع الجيش."
    assert pipeline.extract(text, language="ar", document_date=DATE).deployments == ()


def test_ar_contributors_after_a_verb_of_forming(pipeline: eventx.Pipeline) -> None:
    text = "أرسلت الأمم المتحدة قوة جديدة لحفظ السلام. وتتشكل القوة من جنود من رواندا وغانا."
    assert only(pipeline, text, "ar").contributors == ("RW", "GH")


def test_ar_a_verb_with_its_own_subject_is_another_event(pipeline: eventx.Pipeline) -> None:
    arrived = "أعلن الجيش نشر ألف عنصر يوم الأحد. ووصل الرئيس إلى باريس."
    assert only(pipeline, arrived, "ar").destination is None
    # No object pronoun: France sent something else (a delegation), not these soldiers.
    sent = "وصل ألف جندي إلى مالي يوم الجمعة. وأرسلت فرنسا وفدا إلى باماكو."
    fact = only(pipeline, sent, "ar")
    assert fact.actor is None and not fact.contributors


def test_ar_other_paragraph_adds_nothing(pipeline: eventx.Pipeline) -> None:
    text = "أعلن الجيش نشر ألف عنصر يوم الأحد.\nوستتمركز في مدينة حلب."
    assert only(pipeline, text, "ar").destination is None


# --- what completing may change -----------------------------------------------------------------

TEXT = "NATO will send 2,000 soldiers. They will be stationed in Estonia, with Latvia and Poland."
CODES = st.sampled_from(["EE", "LV", "PL", "FR"])


def _evidence(start: int, end: int) -> eventx.Evidence:
    return eventx.Evidence.from_span(TEXT, start, end, sentence=0 if start < 31 else 1)


@st.composite
def deployments_and_follow_ups(draw: st.DrawFn) -> tuple[eventx.Deployment, FollowUp]:
    evidence = _evidence(5, 29)
    fact = eventx.Deployment(
        force="soldiers",
        force_kind="army",
        actor=draw(st.sampled_from([None, "NATO"])),
        destination=draw(st.sampled_from([None, "Latvia"])),
        destination_country=draw(st.sampled_from([None, "LV"])),
        contributors=draw(st.lists(CODES, max_size=2, unique=True)),
        evidence=evidence,
        mentions=(evidence,),
    )
    place = PlaceMention(
        first=9, last=9, start=56, end=63, name="Estonia", country_code="EE", kind="country"
    )
    sender = ActorMention(
        first=1, last=1, start=31, end=35, text="They", country_code="FR", is_state=True
    )
    follow = FollowUp(
        actor=draw(st.sampled_from([None, sender])),
        destination=draw(st.sampled_from([None, place])),
        contributors=tuple(draw(st.lists(CODES, max_size=3, unique=True))),
        evidence=_evidence(31, 63),
    )
    return fact, follow


@given(deployments_and_follow_ups())
def test_completing_fills_only_what_is_missing(pair: tuple[eventx.Deployment, FollowUp]) -> None:
    fact, follow = pair
    done = complete(fact, follow)
    if fact.actor is not None:
        assert (done.actor, done.actor_country) == (fact.actor, fact.actor_country)
    if fact.destination is not None:
        assert (done.destination, done.destination_country) == (
            fact.destination,
            fact.destination_country,
        )
    assert done.contributors[: len(fact.contributors)] == fact.contributors
    assert set(follow.contributors) <= set(done.contributors)
    assert len(set(done.contributors)) == len(done.contributors)
    assert done.evidence == fact.evidence
    assert (follow.evidence in done.mentions) == (done != fact)
    assert list(done.mentions) == sorted(done.mentions, key=lambda e: (e.start, e.end))
