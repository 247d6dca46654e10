"""Statements in Arabic news: each pattern with a realistic sentence."""

from __future__ import annotations

import pytest
from statements_helpers import speakers, statements

import eventx


@pytest.fixture(scope="module")
def pipe(pipeline: eventx.Pipeline) -> eventx.Pipeline:
    return pipeline


def test_cue_first_title_and_full_name(pipe: eventx.Pipeline) -> None:
    text = "أعلن الرئيس الفرنسي إيمانويل ماكرون، الأحد، أن بلاده سترسل مساعدات إلى لبنان."
    [s] = statements(pipe, text, "ar")
    assert s.speaker == "الرئيس الفرنسي إيمانويل ماكرون"
    assert s.cue == "أعلن"
    assert s.direct is False
    assert s.content is not None and s.content.startswith("بلاده سترسل مساعدات")


def test_feminine_cue_with_ministry_and_nisba(pipe: eventx.Pipeline) -> None:
    text = "وقالت وزارة الصحة الفلسطينية في بيان إن ثلاثة أشخاص قتلوا في غارة على غزة."
    [s] = statements(pipe, text, "ar")
    assert s.speaker == "وزارة الصحة الفلسطينية"
    assert s.speaker_evidence is not None
    assert text[s.speaker_evidence.start : s.speaker_evidence.end] == s.speaker


def test_object_after_a_complete_name_is_not_part_of_the_speaker(pipe: eventx.Pipeline) -> None:
    text = "وحذرت الولايات المتحدة القوات الروسية من السيطرة على المؤسسات الحكومية."
    [s] = statements(pipe, text, "ar")
    assert s.speaker == "الولايات المتحدة"
    assert s.speaker_en == "United States"


def test_min_jihatiha_construction(pipe: eventx.Pipeline) -> None:
    text = "من جهتها، أكدت الشرطة المحلية أن الوضع عاد إلى طبيعته في وسط المدينة."
    [s] = statements(pipe, text, "ar")
    assert s.speaker == "الشرطة المحلية"


def test_carry_over_for_wa_adafat(pipe: eventx.Pipeline) -> None:
    text = (
        "قالت وزارة الداخلية العراقية إن قواتها اعتقلت خمسة مشتبه بهم في بغداد.\n"
        "وأضافت أن التحقيقات ما زالت جارية لمعرفة الجهة التي تقف وراء التفجير."
    )
    found = statements(pipe, text, "ar")
    assert [s.speaker for s in found] == ["وزارة الداخلية العراقية"] * 2
    assert found[1].cue == "وأضافت"
    assert found[1].speaker_evidence is None


def test_short_mentions_resolve_to_the_fullest_form(pipe: eventx.Pipeline) -> None:
    text = (
        "أعلن الرئيس الكازاخستاني قاسم جومارت توكاييف، الجمعة، استعادة النظام الدستوري.\n"
        "وقال الرئيس في بيان إن قوات الأمن تسيطر على الوضع.\n"
        "قالت وزارة الخارجية الروسية إن الأحداث محاولة مستوحاة من الخارج.\n"
        "وأضافت الخارجية في بيانها أن موسكو تتابع الوضع عن كثب."
    )
    found = statements(pipe, text, "ar")
    assert speakers(found) == ["الرئيس الكازاخستاني قاسم جومارت توكاييف", "وزارة الخارجية الروسية"]
    assert found[1].speaker_evidence is not None and found[1].speaker_evidence.text == "الرئيس"
    assert found[0].speaker_en == "Kazakh President"
    assert found[2].speaker_en == "Russian Foreign Ministry"


def test_spokesperson_is_linked_to_the_organisation(pipe: eventx.Pipeline) -> None:
    text = (
        "وقال أفيخاي أدرعي، المتحدث باسم الجيش الإسرائيلي، إن القوات اعتقلت 11 فلسطينيا.\n"
        "وأضاف أدرعي أن العملية ما زالت مستمرة."
    )
    found = statements(pipe, text, "ar")
    assert speakers(found) == ["الجيش الإسرائيلي"]
    assert found[0].on_behalf_of == "الجيش الإسرائيلي"
    assert found[0].speaker_evidence is not None
    assert found[0].speaker_evidence.text == "أفيخاي أدرعي"


def test_spokesperson_title_before_the_name(pipe: eventx.Pipeline) -> None:
    text = "قال المتحدث باسم هيئة الأركان الفرنسية الكولونيل باتريك ستيغر إن الاشتباك وقع الأحد."
    [s] = statements(pipe, text, "ar")
    assert s.speaker == "هيئة الأركان الفرنسية"
    assert s.speaker_en == "French General Staff"


def test_prepositional_sources(pipe: eventx.Pipeline) -> None:
    text = (
        "وقتل 12 شخصا في القصف، وفقا لوزارة الصحة السورية.\n"
        "وبحسب المرصد السوري لحقوق الإنسان، فإن الغارات استهدفت سوقا شعبيا."
    )
    found = statements(pipe, text, "ar")
    assert speakers(found) == ["وزارة الصحة السورية", "المرصد السوري لحقوق الإنسان"]
    assert all(s.speaker_evidence is not None for s in found)


def test_relay_names_the_original_speaker(pipe: eventx.Pipeline) -> None:
    text = "ونقلت وكالة رويترز عن مسؤول أمني قوله إن الانفجار نجم عن سيارة مفخخة."
    [s] = statements(pipe, text, "ar")
    assert s.speaker == "مسؤول أمني"


def test_direct_quote_after_the_cue(pipe: eventx.Pipeline) -> None:
    text = "ودعت الأمم المتحدة الخميس كل الأطراف إلى «الامتناع عن العنف» والبحث عن حل سلمي."
    [s] = statements(pipe, text, "ar")
    assert s.speaker == "الأمم المتحدة"
    assert s.direct is True
    assert s.content == "الامتناع عن العنف"
    assert s.content_evidence is not None and s.content_evidence.text == s.content


def test_quote_first_then_source(pipe: eventx.Pipeline) -> None:
    text = (
        "من جهتها أعلنت منظمة معاهدة الأمن الجماعي أنه تم إرسال قوات حفظ السلام.\n"
        "“ستتمثل المهام الرئيسية في حماية المنشآت الحكومية”، حسب بيان الأمانة العامة."
    )
    found = statements(pipe, text, "ar")
    assert speakers(found) == ["منظمة معاهدة الأمن الجماعي"]
    assert found[-1].direct is True
    assert found[-1].content == "ستتمثل المهام الرئيسية في حماية المنشآت الحكومية"
    assert found[0].speaker_en == "CSTO"


def test_speech_verbs_inside_quotes_are_not_new_statements(pipe: eventx.Pipeline) -> None:
    text = "وتابع البيان: «روسيا تؤكد تمسكها بالتزاماتها وتعلن دعمها للحلفاء»."
    assert statements(pipe, text, "ar") == []  # no earlier speaker to carry over


def test_nouns_that_look_like_cues_are_not_statements(pipe: eventx.Pipeline) -> None:
    text = "وتم نقل المصابين إلى المستشفى التابع للجامعة، فيما تعتبر المنطقة آمنة."
    assert statements(pipe, text, "ar") == []


def test_masculine_verb_before_feminine_noun_takes_the_earlier_subject(
    pipe: eventx.Pipeline,
) -> None:
    text = (
        "وأدان الرئيس كلاوس يوهانيس استخدام القوة.\nوطالب وزارة الداخلية بتقديم توضيحات حول ما جرى."
    )
    found = statements(pipe, text, "ar")
    assert speakers(found) == ["الرئيس كلاوس يوهانيس"]


def test_subject_before_verb_in_a_headline(pipe: eventx.Pipeline) -> None:
    [s] = statements(pipe, "توكاييف يعلن استعادة النظام الدستوري في كازاخستان", "ar")
    assert s.speaker == "توكاييف"


def test_capital_speaks_for_its_state(pipe: eventx.Pipeline) -> None:
    text = (
        "فيما اعتبرت روسيا الأحداث محاولة مستوحاة من الخارج.\n"
        "ودعت موسكو الأربعاء إلى حل الأزمة من خلال الحوار."
    )
    found = statements(pipe, text, "ar")
    assert speakers(found) == ["روسيا"]
    assert {s.speaker_evidence.text for s in found if s.speaker_evidence} == {"روسيا", "موسكو"}


def test_spokesperson_of_a_ministry_speaks_for_it(pipe: eventx.Pipeline) -> None:
    text = "وقال المتحدث باسم وزارة الصحة في غزة أشرف القدرة إن عدد القتلى ارتفع إلى 40."
    [s] = statements(pipe, text, "ar")
    assert s.speaker == "وزارة الصحة"
    assert s.on_behalf_of == "وزارة الصحة"
    assert s.content == "عدد القتلى ارتفع إلى 40"


def test_relay_past_a_parenthesised_agency_name(pipe: eventx.Pipeline) -> None:
    text = "ونقلت وكالة الأنباء السعودية الرسمية (واس) عن مصدر مسؤول قوله إن المملكة ترحب بالاتفاق."
    [s] = statements(pipe, text, "ar")
    assert s.speaker == "مصدر مسؤول"


def test_two_speakers_in_one_sentence(pipe: eventx.Pipeline) -> None:
    text = "ودعا الاتحاد الأفريقي إلى وقف فوري لإطلاق النار، فيما طالبت الجامعة العربية بعقد اجتماع طارئ."
    found = statements(pipe, text, "ar")
    assert speakers(found) == ["الاتحاد الأفريقي", "الجامعة العربية"]
    assert found[0].content == "وقف فوري لإطلاق النار"
    assert [s.speaker_en for s in found] == ["African Union", "Arab League"]


def test_description_then_name_between_commas(pipe: eventx.Pipeline) -> None:
    text = "وقال أحد كتاب الأعمدة الصحفية، فينيسيوس توريس فريري، في صحيفة محلية إن الخطة فشلت."
    [s] = statements(pipe, text, "ar")
    assert s.speaker == "أحد كتاب الأعمدة الصحفية، فينيسيوس توريس فريري"


def test_trailing_source_reports_the_clause_before_it(pipe: eventx.Pipeline) -> None:
    [s] = statements(pipe, "وقتل 12 شخصا في القصف، وفقا لوزارة الصحة السورية.", "ar")
    assert s.speaker == "وزارة الصحة السورية"
    assert s.content == "وقتل 12 شخصا في القصف"


def test_state_speaker_takes_the_places_extractor_name(pipe: eventx.Pipeline) -> None:
    record = pipe.extract("وأعربت كازاخستان عن قلقها إزاء تصاعد العنف.", language="ar")
    [s] = record.statements
    [country] = [loc for loc in record.locations if loc.kind == "country"]
    assert s.speaker == "كازاخستان"
    assert s.speaker_en == country.name


def test_negation_stays_in_the_content(pipe: eventx.Pipeline) -> None:
    text = "وأوضح المتحدث أن ما لا يقل عن 30 قرية تعرضت لهجمات."
    [s] = statements(pipe, text, "ar")
    assert s.content == "ما لا يقل عن 30 قرية تعرضت لهجمات"


def test_throwing_is_no_statement(pipe: eventx.Pipeline) -> None:
    assert statements(pipe, "وألقى المتظاهرون الحجارة على قوات الأمن.", "ar") == []


def test_quoted_agency_name_is_part_of_the_speaker(pipe: eventx.Pipeline) -> None:
    text = 'وأفادت وكالة الأنباء السورية الرسمية "سانا" بأن الدفاعات الجوية تصدت لصواريخ معادية.'
    [s] = statements(pipe, text, "ar")
    assert s.speaker == 'وكالة الأنباء السورية الرسمية "سانا"'
    assert s.direct is False


def test_quoted_outlet_after_a_preposition_is_not_speech(pipe: eventx.Pipeline) -> None:
    [s] = statements(pipe, 'أكد مصدر عسكري لـ"الجزيرة" أن الهجوم استهدف مواقع للمسلحين.', "ar")
    assert s.speaker == "مصدر عسكري"
    assert s.direct is False
    assert s.content == "الهجوم استهدف مواقع للمسلحين"


def test_title_with_a_genitive_of_an_organisation(pipe: eventx.Pipeline) -> None:
    text = 'وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إنه "قلق للغاية".'
    [s] = statements(pipe, text, "ar")
    assert s.speaker == "الأمين العام للأمم المتحدة أنطونيو غوتيريش"
    assert s.direct is True and s.content == "قلق للغاية"


def test_definite_noun_is_not_a_stop_word(pipe: eventx.Pipeline) -> None:
    # "مؤتمر" ends a phrase in "في مؤتمر صحفي", but "المؤتمر" can be the speaker itself.
    [s] = statements(pipe, "وأعلن المؤتمر الوطني الأفريقي فوزه في الانتخابات.", "ar")
    assert s.speaker == "المؤتمر الوطني الأفريقي"


def test_parenthesised_acronym_after_an_organisation_head(pipe: eventx.Pipeline) -> None:
    text = "وقالت وكالة (آي.إس.يو) للتدخل في الحالات الطارئة إن 400 شخص احتاجوا إلى الإسعاف."
    [s] = statements(pipe, text, "ar")
    assert s.speaker.startswith("وكالة (آي.إس.يو)")


def test_unnamed_sources_are_marked_anonymous(pipe: eventx.Pipeline) -> None:
    text = (
        "وقال مصدر أمني إن الانفجار نجم عن عبوة ناسفة.\n"
        "وقال المسؤول الأمريكي جون كيربي إن واشنطن تتابع الوضع."
    )
    found = statements(pipe, text, "ar")
    assert [(s.speaker, s.anonymous) for s in found] == [
        ("مصدر أمني", True),
        ("المسؤول الأمريكي جون كيربي", False),
    ]


def test_possessive_after_according_to_is_no_new_speaker(pipe: eventx.Pipeline) -> None:
    text = (
        "وقال وزير الخارجية إن المفاوضات وصلت إلى طريق مسدود. "
        "والمحادثات بحسب تعبيره لم تعد مجدية."
    )
    found = statements(pipe, text, "ar")
    assert [s.speaker for s in found] == ["وزير الخارجية"]
