"""Who speaks as a side and whom they blame (issue 14, third round): acts by content from
de facto bodies and victims, civilians, blame, the enemy in context, regional officials,
reports labelled false, and Russian names of border villages.

Each mechanism has sentences from three theatres (South Caucasus, Ukraine, Central
Asia). The sentences are written for these tests; none comes from an article.
"""

from __future__ import annotations

import pytest

from watchline.domain import Act, EventType


def _one(claims):
    assert len(claims) == 1, [(c.cue.text, c.content.text) for c in claims]
    return claims[0]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("В Армии обороны Арцаха заявили, что азербайджанские подразделения обстреляли село.",
         "AZE"),
        ("КГБ ПМР сообщил, что украинские военные открыли огонь у границы.", "UKR"),
        ("СГБ Абхазии сообщила, что грузинские силовики стягивают технику к границе.", "GEO"),
    ],
)  # fmt: skip
def test_a_de_facto_body_accuses_with_no_state_of_its_own(extract_ru, text, agent):
    claim = _one(extract_ru(text + "\n"))
    assert claim.speaker.affiliation is None
    assert claim.act is Act.ACCUSE and [a.affiliation for a in claim.event.agents] == [agent]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Жители села Сотк рассказали, что азербайджанские военные стреляли по домам.", "AZE"),
        ("Местные жители сообщили, что российские войска обстреляли Купянск.", "RUS"),
        ("Жители приграничных с Киргизией сел Таджикистана рассказали, что киргизские "
         "военные обстреляли их дома.", "KGZ"),
    ],
)  # fmt: skip
def test_civilians_speak_for_no_state_and_accuse_as_victims(extract_ru, text, agent):
    claim = _one(extract_ru(text + "\n"))
    assert claim.speaker.affiliation is None  # never the state their village lies in
    assert claim.act is Act.ACCUSE and claim.event.agents[0].affiliation == agent


@pytest.mark.parametrize(
    ("text", "speaker", "event"),
    [
        ("КГБ Южной Осетии сообщил, что трое граждан Грузии незаконно пересекли границу и "
         "подожгли сухостой.", None, EventType.MOBILIZE),
        ("Погранслужба Кыргызстана заявила, что граждане Таджикистана перекрыли дорогу у "
         "села Ак-Сай.", "KGZ", EventType.PROVOCATION),
        ("Госпогранслужба Украины сообщила, что местные жители из Приднестровья пересекли "
         "границу.", "UKR", EventType.MOBILIZE),
    ],
)  # fmt: skip
def test_civilians_who_act_are_blamed_with_a_null_agent(extract_ru, text, speaker, event):
    claim = _one(extract_ru(text + "\n"))
    assert claim.speaker.affiliation == speaker
    assert claim.act is Act.ACCUSE and claim.event.type is event
    assert claim.event.agents == ()


@pytest.mark.parametrize(
    ("text", "speaker", "blamed"),
    [
        ("Минобороны Армении заявило, что вся ответственность за эскалацию лежит на "
         "Азербайджане.", "ARM", "AZE"),
        ("Пограничная служба Кыргызстана заявила, что ответственность за провокацию несет "
         "таджикская сторона.", "KGZ", "TJK"),
        ("МИД Украины заявил, что ответственность за удар по Сумам полностью возлагается на "
         "Россию.", "UKR", "RUS"),
    ],
)  # fmt: skip
def test_the_side_held_responsible_is_accused(extract_ru, text, speaker, blamed):
    claim = _one(extract_ru(text + "\n"))
    assert claim.speaker.affiliation == speaker and claim.act is Act.ACCUSE
    assert claim.event.agents[0].affiliation == blamed


@pytest.mark.parametrize(
    "text",
    [
        "Telegram-канал «Военный осведомитель» пишет, что украинские войска перебрасывают "
        "технику под Купянск.",
        "Издание «Кавказский узел» пишет, что азербайджанские военные обстреляли село Тех.",
        "Эксперт Бишкекского центра заявил, что таджикские военные стягивают силы к Ворух.",
    ],
)
def test_outlets_channels_and_analysts_only_assert(extract_ru, text):
    claim = _one(extract_ru(text + "\n"))
    assert claim.speaker.affiliation is None and claim.act is Act.ASSERT


@pytest.mark.parametrize(
    ("text", "speaker", "other"),
    [
        ("Азербайджан и Армения снова на грани. Минобороны Армении сообщило, что позиции "
         "армянской армии у Тех подверглись обстрелу.", "ARM", "AZE"),
        ("Россия перебрасывает резервы к Харькову. В Генштабе ВСУ заявили, что противник "
         "обстрелял Купянск.", "UKR", "RUS"),
        ("Таджикистан отрицает обвинения. Погранслужба ГКНБ Кыргызстана заявила, что у села "
         "Максат произошла очередная провокация.", "KGZ", "TJK"),
    ],
)  # fmt: skip
def test_an_unnamed_enemy_is_the_other_side_the_text_names(extract_ru, text, speaker, other):
    claim = next(c for c in extract_ru(text + "\n") if c.speaker.affiliation == speaker)
    assert claim.act is Act.ACCUSE
    assert [a.affiliation for a in claim.event.agents] == [other]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Глава Баткенского района заявил, что таджикские военные обстреляли село.", "KGZ"),
        ("Губернатор Курской области заявил, что украинские дроны атаковали Суджу.", "RUS"),
        ("Глава Кельбаджарского района сообщил, что армянские военные обстреляли позиции.",
         "AZE"),
    ],
)  # fmt: skip
def test_a_regional_official_speaks_for_the_regions_state(extract_ru, text, state):
    claim = _one(extract_ru(text + "\n"))
    assert claim.speaker.affiliation == state and claim.act is Act.ACCUSE


@pytest.mark.parametrize(
    ("text", "denier", "owner", "agent"),
    [
        ("«Сообщение Минобороны Азербайджана о том, что якобы подразделения ВС Армении "
         "открыли огонь по селу, является очередной дезинформацией», — говорится в "
         "сообщении армянского оборонного ведомства.", "ARM", "AZE", "ARM"),
        ("Заявление МИД России о том, что украинские войска готовят наступление, не "
         "соответствует действительности, сказал представитель Генштаба ВСУ.", "UKR", "RUS",
         "UKR"),
        ("«Сообщение ГКНБ Таджикистана о том, что кыргызские военные обстреляли пост, "
         "является ложью», — заявили в Погранслужбе Кыргызстана.", "KGZ", "TJK", "KGZ"),
    ],
)  # fmt: skip
def test_a_report_labelled_false_is_denied_and_is_its_owners_claim(
    extract_ru, text, denier, owner, agent
):
    claims = extract_ru(text + "\n")
    denial = next(c for c in claims if c.act is Act.DENY)
    report = next(c for c in claims if c is not denial)
    assert denial.speaker.affiliation == denier and denial.event.negated
    assert report.speaker.affiliation == owner and report.act is Act.ACCUSE
    assert denial.content == report.content  # one span, two claims (GUIDE.md §1)
    assert "дезинформац" not in denial.content.text and "ложь" not in denial.content.text
    assert denial.event.agents[0].affiliation == agent


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("«Азербайджанские подразделения обстреляли наши позиции у села Тех.\n"
         "Потерь нет, ситуация под контролем», — говорится в сообщении Минобороны Армении.",
         "ARM"),
        ("«Российские войска пытались прорвать оборону под Купянском.\n"
         "Все атаки отбиты», — говорится в сообщении Генштаба ВСУ.", "UKR"),
        ("«Таджикские военные установили минометы у села Ворух.\n"
         "Обстановка на участке остается напряженной», — говорится в заявлении "
         "Погранслужбы Кыргызстана.", "KGZ"),
    ],
)  # fmt: skip
def test_a_quote_over_paragraphs_gives_a_claim_per_sentence(extract_ru, text, speaker):
    claims = extract_ru(text + "\n")
    first_line = text.split("\n")[0]
    assert len(claims) == 2 and all(c.speaker.affiliation == speaker for c in claims)
    assert claims[0].content.text in first_line and claims[0].act is Act.ACCUSE


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("«Вооруженное противостояние у Тех должно быть немедленно прекращено», — сказал им "
         "Зась.", Act.APPEAL),
        ("«Украинские дроны атаковали Белгород», — сообщил журналистам Гладков.", Act.ACCUSE),
        ("«Огонь на границе у Ворух должен быть срочно прекращен», — сказал им Ташиев.",
         Act.APPEAL),
    ],
)  # fmt: skip
def test_the_speaker_after_a_dash_and_markers_with_words_between(extract_ru, text, act):
    claim = _one(extract_ru(text + "\n"))
    assert claim.act is act and claim.speaker.text[:1].isupper()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Как сообщили в Государственной пограничной службе Украины, российские войска "
         "обстреляли пограничный пункт в Сумской области.", "UKR"),
        ("Киргизские пограничники открыли огонь, заявили в Пограничных войсках ГКНБ "
         "Таджикистана.", "TJK"),
        ("Армянские военные обстреляли позиции у Кельбаджара, сообщается на официальном "
         "сайте Минобороны Азербайджана.", "AZE"),
    ],
)  # fmt: skip
def test_speaker_obliques_the_parser_misplaces(extract_ru, text, speaker):
    claim = _one(extract_ru(text + "\n"))
    assert claim.speaker.affiliation == speaker and claim.act is Act.ACCUSE


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Минобороны Азербайджана заявило, что армянские военные обстреляли позиции у "
         "Кельбаджара и в Нахчыване.", {"Kalbajar", "Naxçıvan"}),
        ("Генштаб ВСУ сообщил, что российские войска атаковали Купянск и Бахмут.",
         {"Kupyansk", "Bakhmut"}),
        ("ГКНБ Кыргызстана заявил, что таджикские военные обстреляли позиции у села Ворух.",
         {"Vorukh"}),
    ],
)  # fmt: skip
def test_russian_names_of_border_places_are_found(extract_ru, text, names):
    claim = _one(extract_ru(text + "\n"))
    assert {p.name for p in claim.event.places} >= names


def test_about_this_opening_a_text_reports_nothing(extract_ru):
    assert extract_ru("Об этом сообщает Telegram-канал Минобороны России.\n") == []


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Минобороны России заявило, что силы ПВО уничтожили 20 украинских беспилотников "
         "над Белгородской областью.", "UKR"),
        ("Минобороны Азербайджана сообщило, что подразделения ПВО сбили армянский "
         "беспилотник у Кельбаджара.", "ARM"),
        ("ГКНБ Кыргызстана заявил, что пограничники сбили таджикский дрон у села Ворух.",
         "TJK"),
    ],
)  # fmt: skip
def test_downed_weapons_name_the_attacker(extract_ru, text, attacker):
    claim = _one(extract_ru(text + "\n"))
    assert claim.act is Act.ACCUSE and claim.event.type is EventType.ATTACK
    assert [a.affiliation for a in claim.event.agents] == [attacker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Издание «Кавказский узел» пишет, что в Минобороны Армении сообщили об обстреле "
         "позиций у села Тех.", "ARM"),
        ("Газета «Украинская правда» пишет, что в Генштабе ВСУ заявили об обстреле "
         "Купянска.", "UKR"),
        ("Как информирует агентство «Кабар», в ГКНБ Кыргызстана заявили, что таджикские "
         "военные обстреляли пост у Ворух.", "KGZ"),
    ],
)  # fmt: skip
def test_an_outlet_relaying_a_statement_is_no_speaker(extract_ru, text, speaker):
    claim = _one(extract_ru(text + "\n"))
    assert claim.speaker.affiliation == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Минобороны Армении сообщило, что армянские позиции у Тех обстреляны.",
        "В ГКНБ Кыргызстана заявили, что кыргызские посты у Ворух были обстреляны ночью.",
        "Генштаб ВСУ сообщил, что позиции под Купянском обстреляны.",
    ],
)
def test_a_side_reporting_its_positions_hit_accuses(extract_ru, text):
    claim = _one(extract_ru(text + "\n"))
    assert claim.act is Act.ACCUSE and claim.event.type is EventType.ATTACK


@pytest.mark.parametrize(
    "text",
    [
        "В министерстве подытожили, что армянские подразделения вели огонь из стрелкового оружия.",
        "В Генштабе ВСУ полагают, что российские дроны сбросили взрывчатку на позиции.",
        "В ГКНБ Кыргызстана полагают, что таджикские военные применяют гранатометы у Ворух.",
    ],
)
def test_more_cues_and_weapons_by_lemma(extract_ru, text):
    claims = extract_ru("Минобороны Азербайджана сделало заявление.\n" + text + "\n")
    claim = claims[-1]
    assert claim.event.type is EventType.ATTACK and claim.act is Act.ACCUSE


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Со ссылкой на Минобороны Азербайджана азербайджанские СМИ сообщили, что армянские "
         "военные обстреляли позиции у Кельбаджара.", "AZE"),
        ("Ранее со ссылкой на Генштаб ВСУ украинские СМИ сообщили, что российские войска "
         "обстреляли Купянск.", "UKR"),
        ("Со ссылкой на ГКНБ Кыргызстана местные СМИ сообщили, что таджикские военные "
         "обстреляли пост у Ворух.", "KGZ"),
    ],
)  # fmt: skip
def test_a_source_named_before_the_relaying_outlet_is_the_speaker(extract_ru, text, speaker):
    claim = _one(extract_ru(text + "\n"))
    assert claim.speaker.affiliation == speaker and claim.act is Act.ACCUSE
