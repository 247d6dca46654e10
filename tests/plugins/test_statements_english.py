"""Statements in English news: each pattern with a realistic sentence."""

from __future__ import annotations

import pytest
from statements_helpers import speakers, statements

import eventx


@pytest.fixture(scope="module")
def pipe(pipeline: eventx.Pipeline) -> eventx.Pipeline:
    return pipeline


def test_subject_before_said(pipe: eventx.Pipeline) -> None:
    text = "Police said the suspect had been arrested near the border on Sunday."
    [s] = statements(pipe, text, "en")
    assert s.speaker == "Police"
    assert s.cue == "said"
    assert s.direct is False
    assert s.content == "the suspect had been arrested near the border on Sunday"


def test_inverted_order_after_a_quote(pipe: eventx.Pipeline) -> None:
    text = "“Enough is enough,” said Prime Minister Theresa May. “We will review our strategy.”"
    found = statements(pipe, text, "en")
    assert speakers(found) == ["Prime Minister Theresa May"]
    assert found[0].direct is True
    assert found[0].content == "Enough is enough,"


def test_pronoun_carries_the_previous_speaker(pipe: eventx.Pipeline) -> None:
    text = (
        "Chief Superintendent Al McHugh said the bomb would have caused massive destruction.\n"
        "“It was ready to be moved,” he added."
    )
    found = statements(pipe, text, "en")
    assert [s.speaker for s in found] == ["Chief Superintendent Al McHugh"] * 2
    assert found[1].direct is True and found[1].speaker_evidence is None


def test_surname_resolves_to_the_full_name(pipe: eventx.Pipeline) -> None:
    text = (
        "Sinn Fein leader Gerry Adams said the talks must continue.\n"
        "Later, Adams said nationalists wanted to move towards Irish unity."
    )
    found = statements(pipe, text, "en")
    assert speakers(found) == ["Sinn Fein leader Gerry Adams"]


def test_spokesperson_apposition_speaks_for_the_organisation(pipe: eventx.Pipeline) -> None:
    text = (
        "Zabiullah Mujahid, the spokesperson for the Taliban, said the group carried out "
        "the attack."
    )
    [s] = statements(pipe, text, "en")
    assert s.speaker == "Taliban"
    assert s.on_behalf_of == "Taliban"
    assert s.speaker_en == "Taliban"
    assert s.speaker_evidence is not None and s.speaker_evidence.text == "Zabiullah Mujahid"


def test_according_to(pipe: eventx.Pipeline) -> None:
    text = "According to the Interior Ministry, 12 people were detained overnight."
    [s] = statements(pipe, text, "en")
    assert s.speaker == "Interior Ministry"
    assert s.cue == "According to"


def test_parenthesis_between_subject_and_verb(pipe: eventx.Pipeline) -> None:
    text = (
        "Turkey, worried about civil war in Kosovo spilling to the whole Balkans, urged all "
        "Balkan states to sign a joint declaration."
    )
    [s] = statements(pipe, text, "en")
    assert s.speaker == "Turkey"


def test_name_inside_the_parenthesis(pipe: eventx.Pipeline) -> None:
    text = "An IRA leader at the time, Sean MacStiofain, said the aim had been financial damage."
    [s] = statements(pipe, text, "en")
    assert s.speaker == "Sean MacStiofain"


def test_participle_takes_the_sentence_subject(pipe: eventx.Pipeline) -> None:
    text = (
        'U.S. Secretary of Defense Ash Carter responded to the bombing, stating, "our troops '
        'are working diligently alongside our Afghan partners."'
    )
    [s] = statements(pipe, text, "en")
    assert s.speaker.endswith("Ash Carter")
    assert s.direct is True


def test_relative_clause_place_is_not_the_speaker(pipe: eventx.Pipeline) -> None:
    text = (
        "Erica Gasparri, a mother of three who lived in Barking told local media she had "
        "reported him two years ago."
    )
    [s] = statements(pipe, text, "en")
    assert s.speaker == "Erica Gasparri"


def test_capitalised_noun_is_not_a_cue(pipe: eventx.Pipeline) -> None:
    text = "The United States and Britain moved more warships into the Gulf on Thursday."
    assert statements(pipe, text, "en") == []


def test_statement_continued_keeps_the_speaker(pipe: eventx.Pipeline) -> None:
    text = (
        "The White House said the attack was cowardly.\n"
        "The statement continued: “We will not be intimidated.”"
    )
    found = statements(pipe, text, "en")
    assert speakers(found) == ["White House"]
    assert found[-1].direct is True


def test_inverted_title_completed_by_a_name(pipe: eventx.Pipeline) -> None:
    text = '"This is a dark day for our city," said the mayor, Anne Hidalgo.'
    [s] = statements(pipe, text, "en")
    assert s.speaker == "mayor, Anne Hidalgo"
    assert s.direct is True


def test_spokesman_for_an_organisation_with_a_name(pipe: eventx.Pipeline) -> None:
    text = (
        "A spokesman for the Iraqi military, Yahya Rasool, told Reuters that the operation "
        "was over."
    )
    [s] = statements(pipe, text, "en")
    assert s.speaker == "Iraqi military"
    assert s.content == "the operation was over"


def test_it_added_carries_an_organisation(pipe: eventx.Pipeline) -> None:
    text = (
        "Hamas said in a statement that it had fired rockets at Tel Aviv. "
        "It added that more would follow."
    )
    found = statements(pipe, text, "en")
    assert [s.speaker for s in found] == ["Hamas", "Hamas"]
    assert found[1].content == "more would follow"


def test_trailing_source_reports_the_clause_before_it(pipe: eventx.Pipeline) -> None:
    text = "Security forces fired tear gas at the crowd, according to Reuters."
    [s] = statements(pipe, text, "en")
    assert s.speaker == "Reuters"
    assert s.content == "Security forces fired tear gas at the crowd"


def test_time_words_are_not_content(pipe: eventx.Pipeline) -> None:
    text = "The army said Tuesday it had killed 12 militants in the north."
    [s] = statements(pipe, text, "en")
    assert s.content == "it had killed 12 militants in the north"


def test_state_speaker_takes_the_places_extractor_name(pipe: eventx.Pipeline) -> None:
    record = pipe.extract("France urged all sides to show restraint.", language="en")
    [s] = record.statements
    [country] = [loc for loc in record.locations if loc.kind == "country"]
    assert s.speaker == "France"
    assert s.speaker_en == country.name


def test_quote_sentence_continues_the_previous_speaker(pipe: eventx.Pipeline) -> None:
    text = (
        '"This is a dark day for our city," said the mayor, Anne Hidalgo. "We will rebuild." '
        '"Nobody will be forgotten."'
    )
    found = statements(pipe, text, "en")
    assert [s.speaker for s in found] == ["mayor, Anne Hidalgo"] * 3
    assert [s.content for s in found[1:]] == ["We will rebuild.", "Nobody will be forgotten."]
    assert all(s.direct and s.cue is None for s in found[1:])


def test_quote_in_a_new_paragraph_is_not_attributed(pipe: eventx.Pipeline) -> None:
    text = '"We will rebuild," the mayor said.\n"Nobody will be forgotten," a banner read.'
    found = statements(pipe, text, "en")
    assert [s.content for s in found] == ["We will rebuild,"]


def test_arabic_name_with_article_in_a_parenthesis(pipe: eventx.Pipeline) -> None:
    text = (
        '"The situation is under control," Colonel Ahmed al-Mansouri, a military spokesman, '
        "told reporters."
    )
    [s] = statements(pipe, text, "en")
    assert s.speaker == "Colonel Ahmed al-Mansouri"
    assert s.direct is True


def test_possessor_of_a_statement_speaks(pipe: eventx.Pipeline) -> None:
    [s] = statements(pipe, "The ministry's statement said 15 soldiers were wounded.", "en")
    assert s.speaker == "ministry"
    assert s.content == "15 soldiers were wounded"


def test_bare_surname_speaker_takes_the_fullest_name_in_the_text(pipe: eventx.Pipeline) -> None:
    text = (
        "Sinn Fein leader Gerry Adams arrived in Belfast on Sunday.\n"
        "``We were unjustly pushed out of the talks,'' Adams said."
    )
    [s] = statements(pipe, text, "en")
    assert s.speaker == "Gerry Adams"
    assert s.speaker_evidence is not None and s.speaker_evidence.text == "Adams"
    assert s.direct is True and s.content == "We were unjustly pushed out of the talks,"


def test_group_pronoun_finds_the_group_of_the_previous_sentence(pipe: eventx.Pipeline) -> None:
    text = (
        "Northern Ireland's biggest Protestant party, the Ulster Unionists, is threatening to "
        "push for Sinn Fein's expulsion. They say IRA commanders are responsible for the attacks."
    )
    [s] = statements(pipe, text, "en")
    assert s.speaker == "Ulster Unionists"
    assert s.speaker_evidence is None
    assert s.content == "IRA commanders are responsible for the attacks"


def test_person_pronoun_without_antecedent_is_left_out(pipe: eventx.Pipeline) -> None:
    assert statements(pipe, 'He said the government had "no choice" but to act.', "en") == []


def test_unnamed_sources_are_marked_anonymous(pipe: eventx.Pipeline) -> None:
    text = (
        "A senior Conservative official told VOA that there was deep frustration.\n"
        "Prime Minister Theresa May said she would review the strategy."
    )
    found = statements(pipe, text, "en")
    assert [(s.speaker, s.anonymous) for s in found] == [
        ("senior Conservative official", True),
        ("Prime Minister Theresa May", False),
    ]
