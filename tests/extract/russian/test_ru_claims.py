"""Russian claims end to end: cue, act, speaker, agent, event, place, dates and spans.

Sentences written for these tests in the styles Russian sources use: ministry statements,
Telegram posts and wire copy, from the South Caucasus, Ukraine and Central Asia. Every
span of every claim is checked against the text by the `extract_ru` fixture.
"""

from __future__ import annotations

from datetime import date

from watchline.domain import Act, EventType

SOUTH_CAUCASUS = (
    "Минобороны Азербайджана: Армения стягивает силы к границе\n\n"
    "В воскресенье Министерство обороны Азербайджана заявило, что подразделения армянской "
    "армии перебрасывают бронетехнику и артиллерию в направлении Лачинского коридора.\n"
    "Министерство обороны Армении опровергло эти сообщения, назвав их дезинформацией.\n"
    "«Никакого стягивания войск к границе не происходит», — говорится в заявлении армянского "
    "оборонного ведомства.\n"
    "Накануне МИД Армении призвал азербайджанскую сторону воздержаться от провокаций у села Тех.\n"
)


def test_ministry_statements_of_the_south_caucasus(extract_ru, by_cue) -> None:
    claims = extract_ru(SOUTH_CAUCASUS, date(2025, 3, 31))
    assert [c.id for c in claims] == ["c1", "c2", "c3", "c4"], "the colon headline is no claim"

    build_up = by_cue(claims, "заявило")
    assert build_up.speaker.text == "Министерство обороны Азербайджана"
    assert (build_up.speaker.actor_id, build_up.speaker.affiliation) == ("aze.mod", "AZE")
    assert build_up.act is Act.ACCUSE  # a neutral verb, a hostile act by the other side
    assert build_up.content.text.startswith("подразделения армянской армии перебрасывают")
    assert build_up.content.text.endswith("Лачинского коридора")
    assert build_up.event.type is EventType.MOBILIZE and not build_up.event.negated
    assert [a.affiliation for a in build_up.event.agents] == ["ARM"]
    assert [p.place_id for p in build_up.event.places] == ["theatre:arm-aze:lachin-corridor"]
    assert build_up.stated_on == date(2025, 3, 30), "«в воскресенье» before a Monday post"

    denial = by_cue(claims, "опровергло")
    assert (denial.act, denial.speaker.affiliation) == (Act.DENY, "ARM")
    assert denial.content.text == "эти сообщения"
    assert denial.responds_to == build_up.id, "«эти сообщения» are the Azerbaijani claim"
    assert denial.event.type is EventType.MOBILIZE and denial.event.negated
    assert [a.affiliation for a in denial.event.agents] == ["ARM"]

    quote = by_cue(claims, "говорится")
    assert quote.direct_quote and quote.act is Act.DENY
    assert quote.content.text == "Никакого стягивания войск к границе не происходит"
    assert quote.speaker.actor_id == "arm.mod", "«армянского оборонного ведомства» by lemma"
    assert quote.event.type is EventType.MOBILIZE and quote.event.negated

    appeal = by_cue(claims, "призвал")
    assert (appeal.act, appeal.speaker.actor_id) == (Act.APPEAL, "arm.mfa")
    assert appeal.content.text == "азербайджанскую сторону воздержаться от провокаций у села Тех"
    assert appeal.event.type is EventType.PROVOCATION
    assert [a.affiliation for a in appeal.event.agents] == ["AZE"]
    assert [p.text for p in appeal.event.places] == ["Тех"]
    assert appeal.event.places[0].place_id == "theatre:arm-aze:tegh"
    assert appeal.stated_on == date(2025, 3, 30), "«накануне» is the day before publication"


UKRAINE = (
    "Генштаб ВСУ сообщил, что в ночь на понедельник российские войска нанесли удар по Харькову.\n"
    "По словам представителя Госпогранслужбы Украины, переброски белорусских подразделений к "
    "границе не наблюдается.\n"
    "Минобороны России в свою очередь заявило, что украинские беспилотники атаковали Белгород "
    "30 марта.\n"
    "Захарова обвинила Киев в подготовке провокации.\n"
)


def test_wire_copy_from_ukraine(extract_ru, by_cue) -> None:
    claims = extract_ru(UKRAINE, date(2025, 3, 31))
    assert len(claims) == 4

    strike = by_cue(claims, "сообщил")
    assert (strike.speaker.actor_id, strike.act) == ("ukr.mil", Act.ACCUSE)
    assert strike.event.type is EventType.ATTACK
    assert [a.affiliation for a in strike.event.agents] == ["RUS"]
    assert [p.name for p in strike.event.places] == ["Kharkiv"], "«по Харькову» in the dative"
    window = strike.event.time
    assert window is not None and (window.start, window.end) == (
        date(2025, 3, 30),
        date(2025, 3, 31),
    )
    assert window.text == "в ночь на понедельник"
    # the night ends on the publication day: a same-day report of it (GUIDE.md §5)
    assert strike.stated_on == date(2025, 3, 31)

    border = by_cue(claims, "По словам")
    assert border.speaker.text == "представителя Госпогранслужбы Украины"
    assert (border.speaker.actor_id, border.act) == ("ukr.border", Act.DENY)
    assert border.content.text == "переброски белорусских подразделений к границе не наблюдается"
    assert border.event.type is EventType.MOBILIZE and border.event.negated
    assert [a.affiliation for a in border.event.agents] == ["BLR"]

    drones = by_cue(claims, "заявило")
    assert (drones.speaker.actor_id, drones.act) == ("rus.mod", Act.ACCUSE)
    assert [a.affiliation for a in drones.event.agents] == ["UKR"], "«украинские беспилотники»"
    assert drones.event.time is not None and drones.event.time.start == date(2025, 3, 30)

    accusation = by_cue(claims, "обвинила")
    assert (accusation.speaker.actor_id, accusation.speaker.affiliation) == (
        "rus.zakharova",
        "RUS",
    )
    assert accusation.act is Act.ACCUSE
    assert accusation.content.text == "Киев в подготовке провокации"
    assert accusation.event.type is EventType.PROVOCATION
    assert [a.affiliation for a in accusation.event.agents] == ["UKR"]


CENTRAL_ASIA = (
    "⚡️Таджикские военнослужащие открыли огонь по пограничникам Кыргызстана у Исфары.\n"
    "Об этом сообщает Пограничная служба ГКНБ Кыргызстана.\n"
    "Пограничные войска ГКНБ Таджикистана отвергли обвинения, заявив, что огонь первыми "
    "открыли киргизские пограничники.\n"
    "В ОДКБ выразили обеспокоенность эскалацией на границе.\n"
)


def test_telegram_posts_from_central_asia(extract_ru, by_cue) -> None:
    claims = extract_ru(CENTRAL_ASIA, date(2025, 3, 31))
    assert len(claims) == 4

    report = by_cue(claims, "сообщает")
    assert report.content.text == (
        "Таджикские военнослужащие открыли огонь по пограничникам Кыргызстана у Исфары"
    ), "«об этом» reports the sentence before, without the emoji"
    assert (report.speaker.actor_id, report.act) == ("kgz.border", Act.ACCUSE)
    assert [a.affiliation for a in report.event.agents] == ["TJK"], "the target is no agent"
    assert [p.name for p in report.event.places] == ["Isfara"]

    rejection = by_cue(claims, "отвергли")
    assert (rejection.speaker.actor_id, rejection.act) == ("tjk.border", Act.DENY)
    assert rejection.responds_to == report.id

    counter = by_cue(claims, "заявив")
    assert counter.speaker.actor_id == "tjk.border", "the participle keeps its verb's speaker"
    assert counter.content.text == "огонь первыми открыли киргизские пограничники"
    assert counter.act is Act.ACCUSE
    assert [a.affiliation for a in counter.event.agents] == ["KGZ"]

    concern = by_cue(claims, "выразили обеспокоенность")
    assert (concern.speaker.actor_id, concern.speaker.affiliation) == ("csto", "CSTO")
    assert concern.act is Act.WARN
    assert concern.content.text == "эскалацией на границе"


def test_pronouns_and_bare_bodies_resolve_through_the_text(extract_ru, by_cue) -> None:
    text = (
        "Минобороны Армении распространило сообщение. В ведомстве подчеркнули, что армия "
        "не перебрасывала технику к границе.\n"
        "«Противник ведет огонь из минометов», — написал командир батальона.\n"
        "Он также отметил, что потерь среди личного состава нет.\n"
    )
    claims = extract_ru(text)
    stressed = by_cue(claims, "подчеркнули")
    assert stressed.speaker.text == "ведомстве" and stressed.speaker.actor_id == "arm.mod"
    assert stressed.act is Act.DENY and stressed.event.negated
    assert stressed.event.type is EventType.MOBILIZE
    quote = by_cue(claims, "написал")
    assert quote.direct_quote and quote.content.text == "Противник ведет огонь из минометов"
    assert quote.speaker.text == "командир батальона" and quote.speaker.affiliation is None
    noted = by_cue(claims, "отметил")
    assert noted.speaker.text == "Он" and noted.speaker.affiliation is None, "the commander"
    assert noted.event.type is EventType.CASUALTY and noted.event.negated
    assert noted.act is Act.ASSERT, "«no losses» reports; it rejects nothing"


def test_a_statement_without_a_reporting_word_is_no_claim(extract_ru) -> None:
    text = "Обстановка на границе спокойная. Армянские подразделения провели учения.\n"
    assert extract_ru(text) == []


def test_without_a_publication_day_relative_dates_stay_empty(ru_extractor) -> None:
    text = "В воскресенье МИД России заявил, что ситуация стабильна.\n"
    claims = ru_extractor.extract(text, None, "doc", language="ru")
    assert len(claims) == 1 and claims[0].stated_on is None
    assert any(w.startswith("W101") for w in ru_extractor.warnings)


def test_coordinated_speakers_are_one_claim_each(extract_ru) -> None:
    claims = extract_ru("ЕС, ООН и ОБСЕ призвали стороны к сдержанности.\n")
    assert [(c.speaker.text, c.speaker.affiliation) for c in claims] == [
        ("ЕС", "EU"),
        ("ООН", "UN"),
        ("ОБСЕ", "OSCE"),
    ]
    assert {c.act for c in claims} == {Act.APPEAL}
    assert {c.content.text for c in claims} == {"стороны к сдержанности"}


def test_a_cue_about_an_event_takes_it_as_content(extract_ru) -> None:
    text = (
        "Минобороны Азербайджана сообщает об обстреле позиций со стороны ВС Армении.\n"
        "Минобороны России заявило о переброске дополнительных сил к границе.\n"
    )
    shelling, transfer = extract_ru(text)
    assert shelling.content.text == "обстреле позиций со стороны ВС Армении"
    assert (shelling.act, shelling.event.type) == (Act.ACCUSE, EventType.ATTACK)
    assert [a.affiliation for a in shelling.event.agents] == ["ARM"], "«со стороны ВС Армении»"
    assert transfer.content.text == "переброске дополнительных сил к границе"
    assert (transfer.act, transfer.event.type) == (Act.ASSERT, EventType.MOBILIZE)


def test_a_long_russian_document_is_read_in_pieces(extract_ru, monkeypatch) -> None:
    import watchline.extract.pipeline as pipeline

    monkeypatch.setattr(pipeline, "MAX_CHARS", 300)  # the real cutting, on a short text
    paragraph = "Жители села вернулись к полевым работам после начала уборки урожая.\n"
    claim = "Минобороны Армении сообщило, что армия провела учения.\n"
    text = paragraph * 6 + claim + paragraph * 2 + claim
    claims = extract_ru(text)
    assert [c.id for c in claims] == ["c1", "c2"]
    assert claims[0].content.start > 300 and claims[1].content.start > claims[0].content.end
    assert {c.event.type for c in claims} == {EventType.EXERCISE}


def test_a_threat_is_a_warning_not_a_denial(extract_ru) -> None:
    text = (
        "«Мы не допустим провокаций на границе», — сказал министр обороны Таджикистана.\n"
        "В МИД Армении предупредили, что любая провокация получит адекватный ответ.\n"
    )
    threat, response = extract_ru(text)
    assert (threat.act, threat.speaker.actor_id) == (Act.WARN, "tjk.mod")
    assert threat.event.type is EventType.PROVOCATION and not threat.event.negated
    assert threat.event.agents == (), "who would provoke is not said"
    assert (response.act, response.event.type) == (Act.WARN, EventType.ATTACK)
    assert [a.affiliation for a in response.event.agents] == ["ARM"], "the threatened response"
