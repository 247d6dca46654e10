"""Deployments: constructions without a sending verb, lists of units, unit nouns, presence, alerts
and cordons, and what a force word near a deployment verb is NOT (issue 11). The sentences are
written for these tests in plain news style, in both languages."""

from __future__ import annotations

import pytest

import eventx

DATE = "2023-05-10"


def deployments(pipeline: eventx.Pipeline, text: str, language: str) -> list[eventx.Deployment]:
    record = pipeline.extract(text, language=language, document_date=DATE)
    for fact in record.deployments:  # every span slices back to the text
        for evidence in (fact.evidence, *fact.mentions):
            assert text[evidence.start : evidence.end] == evidence.text
    return list(record.deployments)


def only(facts: list[eventx.Deployment]) -> eventx.Deployment:
    assert len(facts) == 1, [f.evidence.text for f in facts]
    return facts[0]


def count(fact: eventx.Deployment) -> int | None:
    return fact.size.count if fact.size is not None else None


# --- a force given with its strength: one force, not a subject and an object -------------------


@pytest.mark.parametrize(
    ("text", "language", "strength", "size", "status"),
    [
        ("وصلت قوة أمنية قوامها 600 عنصر إلى مدينة سرت.", "ar", "قوامها 600 عنصر", 600, "arrived"),
        (
            "أرسلت فرنسا قوة عسكرية قوامها 500 جندي إلى مالي.",
            "ar",
            "قوامها 500 جندي",
            500,
            "deployed",
        ),
        (
            "Kenya sent a police contingent numbering 1,000 officers to Haiti.",
            "en",
            "numbering 1,000 officers",
            1000,
            "deployed",
        ),
    ],
)
def test_a_force_and_its_strength_are_one_force(
    pipeline: eventx.Pipeline, text: str, language: str, strength: str, size: int, status: str
) -> None:
    fact = only(deployments(pipeline, text, language))
    assert fact.force.endswith(strength)
    assert count(fact) == size
    # the verb, not the strength word, gives the status; the force is not its own sender
    assert fact.status == status
    assert fact.actor is None or fact.actor not in fact.force


def test_the_verb_of_a_force_given_with_its_strength_gives_the_status(
    pipeline: eventx.Pipeline,
) -> None:
    fact = only(deployments(pipeline, "دخلت بلدة الباب قوة تركية قوامها 300 جندي.", "ar"))
    assert fact.status == "arrived"
    assert fact.contributors == ("TR",)


# --- several sized units in one sentence ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The government deployed 500 soldiers, 300 police officers and 20 armored vehicles "
            "to the city.",
            "en",
            [("army", 500), ("police", 300), ("armour", 20)],
        ),
        (
            "أرسلت الحكومة 500 جندي و300 شرطي إلى المدينة.",
            "ar",
            [("army", 500), ("police", 300)],
        ),
    ],
)
def test_each_sized_unit_of_a_list_is_its_own_deployment(
    pipeline: eventx.Pipeline, text: str, language: str, expected: list[tuple[str, int]]
) -> None:
    found = deployments(pipeline, text, language)
    assert [(d.force_kind, count(d)) for d in found] == expected
    assert len({d.actor for d in found}) == 1  # one sender for the whole list


def test_forces_joined_without_sizes_stay_one_force(pipeline: eventx.Pipeline) -> None:
    fact = only(deployments(pipeline, "Police and soldiers were deployed across Nairobi.", "en"))
    assert fact.force == "Police and soldiers"
    assert fact.destination_country == "KE"


# --- unit nouns: armoured divisions, brigades, ordinals ------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "size", "destination"),
    [
        ("The army deployed two armoured divisions near the border with Syria.", "en", 2, "SY"),
        ("Three brigades were moved to the eastern front.", "en", 3, None),
        ("Germany will station a brigade of 4,000 soldiers in Lithuania.", "en", 4000, "LT"),
        ("أرسل الجيش فرقة مدرعة إلى الحدود مع سوريا.", "ar", None, "SY"),
        # an ordinal names the unit, it does not count it
        ("The army's 3rd brigade was sent to Kharkiv.", "en", None, "UA"),
    ],
)
def test_unit_nouns(
    pipeline: eventx.Pipeline, text: str, language: str, size: int | None, destination: str | None
) -> None:
    fact = only(deployments(pipeline, text, language))
    assert count(fact) == size
    assert fact.destination_country == destination


# --- presence: a sized force said to be somewhere ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "size", "destination"),
    [
        ("The United States has 2,500 troops in Iraq.", "en", 2500, "IQ"),
        ("Some 900 US troops remain in Syria.", "en", 900, "SY"),
        ("There are about 1,000 French soldiers in Niger.", "en", 1000, "NE"),
        ("يتواجد نحو 900 جندي أمريكي في سوريا.", "ar", 900, "SY"),
        ("تحتفظ الولايات المتحدة بنحو 2500 جندي في العراق.", "ar", 2500, "IQ"),
        ("About 1,500 police were on duty in central Paris on Saturday.", "en", 1500, "FR"),
    ],
)
def test_a_sized_force_present_in_a_place(
    pipeline: eventx.Pipeline, text: str, language: str, size: int, destination: str
) -> None:
    fact = only(deployments(pipeline, text, language))
    assert fact.size is not None and fact.size.min <= size <= fact.size.max
    assert fact.destination_country == destination
    assert fact.status == "deployed"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The attack has killed 20 soldiers in Kabul.", "en"),  # a verb between: casualties
        ("The army has 5,000 tanks.", "en"),  # no place: an inventory
        ("Three soldiers remain in hospital in Kabul.", "en"),  # the place is not right after
        ("The guards were on duty all night.", "en"),  # on duty without a size
        ("يوجد 500 طالب في المدرسة في القاهرة.", "ar"),  # not a force
    ],
)
def test_presence_words_alone_are_not_deployments(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    assert deployments(pipeline, text, language) == []


# --- alerts and cordons name their force ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "kind", "status"),
    [
        (
            "رفعت وزارة الداخلية حالة الاستنفار الأمني في جميع المحافظات.",
            "ar",
            "security",
            "on_alert",
        ),
        ("فرضت قوات الشرطة طوقا أمنيا حول مبنى البرلمان في بغداد.", "ar", "security", "deployed"),
        ("طوقت قوات الأمن حي الميدان في دمشق.", "ar", "security", "deployed"),
        ("Police cordoned off the area around the embassy in Nairobi.", "en", "police", "deployed"),
        ("A security cordon was thrown around the stadium in Cairo.", "en", "security", "deployed"),
        ("Hundreds of riot police were out in force in the capital.", "en", "police", "deployed"),
    ],
)
def test_alerts_and_cordons(
    pipeline: eventx.Pipeline, text: str, language: str, kind: str, status: str
) -> None:
    fact = only(deployments(pipeline, text, language))
    assert (fact.force_kind, fact.status) == (kind, status)


def test_the_force_throwing_a_cordon_is_its_actor(pipeline: eventx.Pipeline) -> None:
    text = "فرضت قوات الشرطة طوقا أمنيا حول مبنى البرلمان في بغداد."
    fact = only(deployments(pipeline, text, "ar"))
    assert (fact.actor, fact.destination_country) == ("قوات الشرطة", "IQ")


# --- what a force word near a deployment verb is not ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # whose: a team, a delegation, a chief of the force
        ("The army's football team arrived in Cairo.", "en"),
        ("The army's chief of staff arrived in Cairo.", "en"),
        ("A police delegation arrived in Cairo.", "en"),
        ("وصل فريق الشرطة لكرة القدم إلى القاهرة.", "ar"),
        # a rank, rescue teams, a band
        ("وصل اللواء أحمد إلى القاهرة.", "ar"),
        ("وصلت فرق الإنقاذ إلى موقع الحادث.", "ar"),
        ("أحيت فرقة موسيقية حفلا في القاهرة.", "ar"),
        # an adjective that names a force only when counted
        ("وصل مصدر عسكري إلى المدينة.", "ar"),
        # sealed off with no force
        ("The road was sealed off after a landslide.", "en"),
    ],
)
def test_force_words_that_name_no_deployed_force(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    assert deployments(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "force", "size"),
    [
        # the forces reinforced or supported stay where they are; the ones sent are deployed
        ("أرسلت بريطانيا جنودا لتعزيز القوات الفرنسية في مالي.", "ar", "جنودا", None),
        ("وتعتزم الحكومة إرسال 800 عسكري لدعم قوات الشرطة في الجنوب.", "ar", "عسكري", 800),
        ("Kenya sent 400 officers to support the Haitian police.", "en", "officers", 400),
    ],
)
def test_the_force_a_deployment_serves_is_not_the_force_sent(
    pipeline: eventx.Pipeline, text: str, language: str, force: str, size: int | None
) -> None:
    fact = only(deployments(pipeline, text, language))
    assert fact.force == force
    assert count(fact) == size


# --- withdrawals, ends, alerts and forces brought in ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "size", "destination"),
    [
        # a verb whose particle follows the force ([split])
        ("Washington pulled 2,500 troops out of Iraq.", "en", 2500, "IQ"),
        ("Russia brought its troops home from Kazakhstan.", "en", None, "KZ"),
        ("The army pulled its forces back from the border with Lebanon.", "en", None, "LB"),
        # leaving a country
        ("غادر آخر الجنود الفرنسيين مالي يوم الاثنين.", "ar", None, "ML"),
        ("سحبت روسيا 500 جندي من أرمينيا.", "ar", 500, "AM"),
        # an end put to a deployment
        ("The army ended its deployment in Tigray.", "en", None, "ET"),
    ],
)
def test_withdrawals(
    pipeline: eventx.Pipeline, text: str, language: str, size: int | None, destination: str
) -> None:
    fact = only(deployments(pipeline, text, language))
    assert fact.status == "withdrawn"
    assert count(fact) == size
    assert fact.destination_country == destination


def test_the_place_a_force_withdraws_from_is_kept_unresolved(pipeline: eventx.Pipeline) -> None:
    fact = only(deployments(pipeline, "انسحبت القوات الإسرائيلية من مخيم جنين.", "ar"))
    assert (fact.status, fact.destination) == ("withdrawn", "مخيم جنين")


def test_a_subject_doing_something_else_with_a_split_verb(pipeline: eventx.Pipeline) -> None:
    # the police are the subject, the body the object: no force between verb and particle
    assert deployments(pipeline, "Police pulled the body out of the river.", "en") == []


def test_an_arabic_adjective_agrees_in_definiteness(pipeline: eventx.Pipeline) -> None:
    # "مالي" after "الجنود الفرنسيين" is the country left, not a second nationality ("Malian")
    fact = only(deployments(pipeline, "غادر آخر الجنود الفرنسيين مالي يوم الاثنين.", "ar"))
    assert (fact.force, fact.contributors) == ("الجنود الفرنسيين", ("FR",))


@pytest.mark.parametrize(
    ("text", "language", "force", "actor"),
    [
        # a definite noun then an indefinite one: subject and object, not one force
        ("استقدم الجيش تعزيزات من حماة.", "ar", "تعزيزات", "الجيش"),
        ("More troops were brought in from the north.", "en", "More troops", None),
    ],
)
def test_forces_brought_in(
    pipeline: eventx.Pipeline, text: str, language: str, force: str, actor: str | None
) -> None:
    fact = only(deployments(pipeline, text, language))
    assert (fact.force, fact.actor, fact.status) == (force, actor, "deployed")


def test_maximum_alert(pipeline: eventx.Pipeline) -> None:
    fact = only(deployments(pipeline, "Police in Nairobi were put on maximum alert.", "en"))
    assert (fact.status, fact.destination_country) == ("on_alert", "KE")


def test_a_verb_joined_after_an_announcement_is_done_not_announced(
    pipeline: eventx.Pipeline,
) -> None:
    text = "أعلنت السلطات حالة الطوارئ ونشرت الجيش في شوارع العاصمة."
    assert only(deployments(pipeline, text, "ar")).status == "deployed"
    announced = "أعلنت السلطات نشر الجيش في شوارع العاصمة."
    assert only(deployments(pipeline, announced, "ar")).status == "announced"


# --- standing guard, joining, putting, counted vehicles, insertions ------------------------------


@pytest.mark.parametrize(
    ("text", "language", "kind", "size", "destination"),
    [
        (
            "Armed police stood guard outside the courthouse in Istanbul.",
            "en",
            "police",
            None,
            "TR",
        ),
        ("Police in riot gear lined the streets of Caracas.", "en", "police", None, "VE"),
        ("About 200 Chadian soldiers joined the mission in Mali.", "en", "army", 200, "ML"),
        (
            "The Pentagon will put 10,000 troops in Poland by the end of the year.",
            "en",
            "army",
            10000,
            "PL",
        ),
        ("تواصل قوات الجيش انتشارها في محيط مدينة درعا.", "ar", "army", None, "SY"),
        ("عسكرت السلطات مدينة بورتسودان.", "ar", "army", None, "SD"),
        # a subject and its passive verb around an insertion between commas
        (
            "Hundreds of police officers, backed by armoured vehicles, were deployed in Dhaka.",
            "en",
            "police",
            None,
            "BD",
        ),
    ],
)
def test_more_ways_to_say_a_force_is_deployed(
    pipeline: eventx.Pipeline,
    text: str,
    language: str,
    kind: str,
    size: int | None,
    destination: str,
) -> None:
    fact = only(deployments(pipeline, text, language))
    assert (fact.force_kind, count(fact), fact.destination_country) == (kind, size, destination)


def test_counted_armoured_vehicles_are_their_own_item(pipeline: eventx.Pipeline) -> None:
    found = deployments(pipeline, "نشرت السلطات المصرية 3 آلاف جندي و200 مدرعة في سيناء.", "ar")
    assert [(d.force_kind, count(d)) for d in found] == [("army", 3000), ("armour", 200)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("He joined the company in Berlin in 2019.", "en"),  # joining without a force
        ("The players joined the national team in Doha.", "en"),
        ("Police said the protesters, who were armed, were dispersed.", "en"),
        ("وصلت سيارة مدرعة إلى مقر السفارة.", "ar"),  # مدرعة uncounted: an adjective
    ],
)
def test_new_words_in_their_everyday_senses(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    assert deployments(pipeline, text, language) == []


# --- initials, possessive places, navies and air forces ------------------------------------------


def test_the_full_stop_of_an_initial_ends_no_clause(pipeline: eventx.Pipeline) -> None:
    text = "The aircraft carrier Dwight D. Eisenhower is heading to the Red Sea."
    fact = only(deployments(pipeline, text, "en"))
    assert fact.force_kind == "naval"
    assert fact.evidence.text.startswith("aircraft carrier Dwight D. Eisenhower is heading")


def test_a_place_in_the_possessive_is_not_the_destination(pipeline: eventx.Pipeline) -> None:
    text = "Riot police were deployed in Kenya's capital Nairobi on Tuesday."
    assert only(deployments(pipeline, text, "en")).destination == "Nairobi"


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("The navy sent two frigates to the Gulf of Aden.", "en", "naval"),
        ("The air force has been put on high alert.", "en", "air"),
        ("استنفر سلاح الجو الإسرائيلي طائراته.", "ar", "air"),
    ],
)
def test_navies_and_air_forces(
    pipeline: eventx.Pipeline, text: str, language: str, kind: str
) -> None:
    assert only(deployments(pipeline, text, language)).force_kind == kind


@pytest.mark.parametrize(
    ("text", "language", "deployed"),
    [
        ("More than 300 police officers joined the protest in Paris.", "en", False),
        ("Some 3,000 soldiers took part in the military parade in Moscow.", "en", False),
        ("شارك 500 جندي في الماراثون الدولي.", "ar", False),
        ("About 2,000 soldiers took part in the military campaign near Mosul.", "en", True),
        ("شارك 5000 جندي في الحملة الأمنية قرب الرقة.", "ar", True),
    ],
)
def test_taking_part_in_a_civilian_activity_is_no_deployment(
    pipeline: eventx.Pipeline, text: str, language: str, deployed: bool
) -> None:
    assert bool(deployments(pipeline, text, language)) is deployed


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the verb elided in the second clause: its subject sends the second item
        (
            "The gendarmerie deployed 300 officers in Abidjan and the army 500 soldiers in Bouake.",
            "en",
            [(300, "gendarmerie", "CI"), (500, "the army", "CI")],
        ),
        (
            "أرسلت تشاد 2000 جندي إلى مالي والنيجر 500 جندي.",
            "ar",
            [(2000, "Chad", "ML"), (500, "Niger", None)],
        ),
    ],
)
def test_a_list_item_with_its_own_subject(
    pipeline: eventx.Pipeline,
    text: str,
    language: str,
    expected: list[tuple[int, str, str | None]],
) -> None:
    found = deployments(pipeline, text, language)
    assert [(count(d), d.actor, d.destination_country) for d in found] == expected


# --- postures and presence in everyday news: a force AND a posture in a place (issue 11) ---------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police officers manning the phones took hundreds of calls during the night.", "en"),
        ("Officers guarding the prime minister's residence were given new uniforms.", "en"),
        ("Soldiers guarding the tomb of the unknown soldier changed shifts at noon.", "en"),
        ("Navy divers stood guard at the pool during the swimming championship.", "en"),
        ("Some 200 officers joined the union last year.", "en"),
        ("More than 500 police officers joined the force in 2023.", "en"),
        ("Two former soldiers joined the board of the bank.", "en"),
        # a number counting another noun than the force
        ("The exhibition has 40 paintings of soldiers in Paris.", "en"),
        ("انتقد الكاتب عسكرة المجتمع في الخطاب السياسي خلال الندوة في القاهرة.", "ar"),
        ("حذر الباحثون من عسكرة الذكاء الاصطناعي في تقرير صدر اليوم.", "ar"),
        ("تحدث الوزير عن الاستنفار الأمني الذي شهدته البلاد عام 2011 في كتابه الجديد.", "ar"),
        ("كتب المؤرخ عن الطوق الأمني الذي فرض على المدينة في القرن التاسع عشر.", "ar"),
    ],
)
def test_posture_words_without_a_posture_in_a_place(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    assert deployments(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("Soldiers manning checkpoints searched every car.", "en", "checkpoints"),
        ("Marines were guarding the embassy in Baghdad on Sunday.", "en", "army"),
        ("فرضت قوات الجيش طوقا أمنيا حول المبنى.", "ar", "security"),
        ("وقالت الشرطة إنها رفعت حالة الاستنفار الأمني قبل المباراة.", "ar", "security"),
        ("وفي العاصمة هناك استنفار أمني واسع حول المطار.", "ar", "security"),
    ],
)
def test_postures_held_or_imposed(
    pipeline: eventx.Pipeline, text: str, language: str, kind: str
) -> None:
    assert only(deployments(pipeline, text, language)).force_kind == kind


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the force is the subject; the verb's object is something else
        ("The navy sent a letter to the families of sailors in Norfolk.", "en"),
        ("The army sent its condolences to the families in Texas.", "en"),
        ("أرسلت الشرطة رسالة تهنئة إلى المواطنين بمناسبة العيد.", "ar"),
        ("أرسل الجيش برقية تعزية إلى أسر الضحايا في بيروت.", "ar"),
        ("أقامت الشرطة معرضا للصور في المتحف الوطني في الرباط.", "ar"),
        # people out of service
        ("Two former soldiers joined the board of the bank in London.", "en"),
        ("دخل 30 جنديا متقاعدا المستشفى في دمشق لإجراء فحوص طبية.", "ar"),
        # a fleet or tanks of anything
        ("A fleet of 40 fishing boats sailed from the harbour.", "en"),
        ("Tanks of water were sent to the villages in the drought.", "en"),
        # taking part in training, a donation drive
        ("A total of 3,000 soldiers participated in the blood donation campaign.", "en"),
        ("Around 500 police officers took part in the training course in Amman.", "en"),
        ("شارك 300 شرطي في دورة تدريبية في عمان.", "ar"),
    ],
)
def test_force_words_in_everyday_news(pipeline: eventx.Pipeline, text: str, language: str) -> None:
    assert deployments(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "size"),
    [
        ("The army sent troops and aid to the flooded region of Sindh.", "en", None),
        ("شارك 5000 جندي في العملية العسكرية في إدلب.", "ar", 5000),
        ("أرسلت الولايات المتحدة 500 جندي إضافي إلى كازاخستان.", "ar", 500),
    ],
)
def test_a_force_sent_with_other_things_is_still_sent(
    pipeline: eventx.Pipeline, text: str, language: str, size: int | None
) -> None:
    assert count(only(deployments(pipeline, text, language))) == size


@pytest.mark.parametrize(
    "text",
    [
        # the force sends something else: a determiner opens the verb's other object
        "The navy dispatched a spokesman to brief reporters in Manila.",
        "The air force sent its aerobatic team to the air show in Dubai.",
        # an active verb after an insertion between commas: the force is the sender
        "The air force, long short of pilots, is sending cadets to train in the United States.",
        # helicopters and drones without a qualifier rescue and deliver
        "Helicopters were sent to rescue stranded climbers on Mont Blanc.",
        "Drones were deployed to deliver medicine to remote villages in Rwanda.",
    ],
)
def test_a_force_sending_something_else(pipeline: eventx.Pipeline, text: str) -> None:
    assert deployments(pipeline, text, "en") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The army sent an armoured brigade to the border town of Kherson.", "army"),
        ("Russia sent two attack helicopters to Mali.", "air"),
        ("The navy deployed two destroyers to the eastern Mediterranean.", "naval"),
    ],
)
def test_a_force_after_a_determiner_is_the_force_sent(
    pipeline: eventx.Pipeline, text: str, kind: str
) -> None:
    assert only(deployments(pipeline, text, "en")).force_kind == kind


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The army entered the market for cybersecurity graduates.", "en"),
        ("The police withdrew the charges against the singer in Madrid.", "en"),
        ("Two soldiers reached the summit of Everest in May.", "en"),
        ("A delegation of army officers arrived in Moscow for the arms fair.", "en"),
        ("انتشر فيروس كورونا في صفوف الجنود في القاعدة.", "ar"),
        ("سحب الجيش عطاء لشراء 200 مدرعة من الشركة الأمريكية.", "ar"),
        ("عززت الشرطة علاقاتها مع المجتمع المحلي في عمان.", "ar"),
        ("دفعت الحكومة رواتب 300 ألف جندي في العراق.", "ar"),
    ],
)
def test_what_a_force_enters_or_withdraws_that_is_no_place(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    assert deployments(pipeline, text, language) == []


def test_a_withdrawal_under_an_agreement_is_still_one(pipeline: eventx.Pipeline) -> None:
    text = "Russian troops withdrew under the agreement from the town of Kherson."
    assert only(deployments(pipeline, text, "en")).status == "withdrawn"


def test_a_deployment_the_article_recalls_is_not_news(pipeline: eventx.Pipeline) -> None:
    record = pipeline.extract(
        "In 1944, 150,000 troops landed in Normandy. Today veterans gathered in Caen.",
        language="en",
        document_date="2024-06-06",
    )
    assert record.deployments == ()


def test_a_deployment_dated_this_week_is_news(pipeline: eventx.Pipeline) -> None:
    record = pipeline.extract(
        "On Monday, 1,500 troops landed in Haiti.", language="en", document_date="2024-06-06"
    )
    assert only(list(record.deployments)).status == "arrived"


@pytest.mark.parametrize(
    "text",
    [
        "The navy sent two sailing ships to the regatta in Cowes.",  # "sailing" is no verb here
        "The army dispatched 20 engineers to repair the bridge in Kerala.",
        "Troops of boy scouts arrived in Manila for the jamboree.",
    ],
)
def test_a_force_sending_people_or_things_that_are_no_force(
    pipeline: eventx.Pipeline, text: str
) -> None:
    assert deployments(pipeline, text, "en") == []


def test_a_subject_force_keeps_a_second_verb_after_and(pipeline: eventx.Pipeline) -> None:
    fact = only(deployments(pipeline, "About 300 soldiers were sent and deployed in Goma.", "en"))
    assert count(fact) == 300 and fact.destination_country == "CD"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Two navy ships arrived in Sydney on a goodwill visit.", "en"),
        ("وصلت سفينة حربية تركية إلى ميناء الإسكندرية في زيارة ودية.", "ar"),
        ("أرسل الجيش المصري طائرة محملة بالمساعدات إلى السودان.", "ar"),
    ],
)
def test_port_calls_and_aid_flights(pipeline: eventx.Pipeline, text: str, language: str) -> None:
    assert deployments(pipeline, text, language) == []


def test_troops_arriving_before_a_visit_are_deployed(pipeline: eventx.Pipeline) -> None:
    text = "US troops arrived in Poland ahead of a visit by the president."
    assert only(deployments(pipeline, text, "en")).status == "arrived"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("There are 5,000 police officers in London, the mayor said.", "en"),
        ("The city has 3,000 police officers in Manchester.", "en"),
        ("There are 300 soldiers in Fort Bragg's band.", "en"),
        ("يتواجد 3000 شرطي في القاهرة بحسب وزارة الداخلية.", "ar"),
    ],
)
def test_police_at_home_and_owned_places_are_no_presence(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    assert deployments(pipeline, text, language) == []


def test_police_another_state_keeps_abroad_are_present(pipeline: eventx.Pipeline) -> None:
    fact = only(deployments(pipeline, "Kenya has 400 police officers in Haiti.", "en"))
    assert count(fact) == 400 and fact.destination_country == "HT"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The army withdrew from the talks in Geneva.", "en"),
        ("انسحب الجيش من المفاوضات مع النقابة في تونس.", "ar"),
        ("عززت الحكومة ميزانية الجيش بمليار دولار.", "ar"),
        ("دخلت قوات السوق في مرحلة جديدة من المنافسة.", "ar"),
        ("Market forces pushed prices higher in Tokyo.", "en"),
    ],
)
def test_talks_budgets_and_market_forces(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    assert deployments(pipeline, text, language) == []


def test_a_withdrawal_from_a_town_is_one(pipeline: eventx.Pipeline) -> None:
    fact = only(deployments(pipeline, "انسحب الجيش من مدينة الخليل.", "ar"))
    assert fact.status == "withdrawn"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The police sent 20 officers to a training course in Lyon.", "en"),
        ("أرسلت الشرطة 20 ضابطا إلى دورة تدريبية في عمان.", "ar"),
    ],
)
def test_officers_sent_to_a_course_are_not_deployed(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    assert deployments(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "size"),
    [
        ("Police sent 300 officers to the protest in Lyon.", "en", 300),
        ("أرسلت الشرطة 200 ضابط إلى مدينة الموصل.", "ar", 200),
    ],
)
def test_officers_sent_to_a_place_or_a_protest_are_deployed(
    pipeline: eventx.Pipeline, text: str, language: str, size: int
) -> None:
    assert count(only(deployments(pipeline, text, language))) == size


def test_an_arabic_officer_alone_is_no_force(pipeline: eventx.Pipeline) -> None:
    assert deployments(pipeline, "وصل ضابط إلى مقر الوزارة في بغداد.", "ar") == []
