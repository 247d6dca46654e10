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
