"""Mechanisms measured on real Russian text (issue 14): the day a story anchors its
statements to, acts read from content, and agents and speakers resolved from context.

The sentences are written for these tests; none comes from an article.
"""

from __future__ import annotations

from datetime import date

import pytest

from watchline.domain import Act, EventType
from watchline.extract.russian.dates import find_dates, statement_day


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("ЕРЕВАН, 5 мая. /ТАСС/. Минобороны сообщило о перестрелке.", date(2025, 5, 5),
         date(2025, 5, 5)),
        ("ДУШАНБЕ, 2 фев — Sputnik. Погранслужба сделала заявление.", date(2025, 2, 2),
         date(2025, 2, 2)),
        ("Об этом сегодня, 9 июля, сообщили в ведомстве.", date(2025, 7, 9), date(2025, 7, 9)),
        ("В ночь на 4 июня позиции подверглись обстрелу, говорится в сообщении.",
         date(2025, 6, 4), date(2025, 6, 4)),
        ("В пятницу пограничники заявили о задержании нарушителей.", date(2025, 8, 8),
         date(2025, 8, 8)),
    ],
)  # fmt: skip
def test_a_dateline_or_the_publication_day_named_anchors_the_story(text, published, day):
    assert statement_day(text, find_dates(text, published), published) == day


@pytest.mark.parametrize(
    "text",
    [
        "Ранее в ведомстве заявили, что ситуация стабильна.",
        "3 марта нарушители были задержаны, заявили в погранслужбе.",  # an event's own day
    ],
)
def test_without_an_anchor_the_statement_day_stays_unknown(text):
    published = date(2025, 3, 10)
    assert statement_day(text, find_dates(text, published), published) is None


def test_claims_without_a_date_of_their_own_take_the_story_day(extract_ru) -> None:
    text = (
        "ТБИЛИСИ, 12 апр. /ТАСС/. Министерство обороны Азербайджана заявило, что "
        "ситуация на границе стабильна.\n"
        "В ведомстве также отметили, что потерь нет.\n"
    )
    claims = extract_ru(text, date(2025, 4, 12))
    assert claims and all(c.stated_on == date(2025, 4, 12) for c in claims)


def test_a_statement_named_by_its_form_speaks_for_the_last_speaker(extract_ru, by_cue) -> None:
    text = (
        "Министерство обороны Армении заявило, что ситуация на границе стабильна.\n"
        "«Азербайджанские подразделения обстреляли наши позиции у села Тех», — говорится "
        "в сообщении.\n"
    )
    said = by_cue(extract_ru(text), "говорится")
    assert said.speaker.affiliation == "ARM"
    assert said.act is Act.ACCUSE and said.event.type is EventType.ATTACK


def test_a_state_adjective_names_the_speaker(extract_ru) -> None:
    text = "Армянские военные заявили, что противник открыл огонь по их позициям.\n"
    (claim,) = extract_ru(text)
    assert claim.speaker.text == "Армянские военные" and claim.speaker.affiliation == "ARM"


def test_an_opponent_missile_launch_is_an_accusation(extract_ru) -> None:
    text = "Минобороны Азербайджана сообщило, что Армения выпустила баллистическую ракету.\n"
    (claim,) = extract_ru(text)
    assert claim.act is Act.ACCUSE and claim.event.type is EventType.EXERCISE
    assert [a.affiliation for a in claim.event.agents] == ["ARM"]


@pytest.mark.parametrize(
    ("clause", "event_type", "negated"),
    [
        ("армянские силы не присутствуют в этом районе", EventType.MOBILIZE, True),
        ("ПВО сбила беспилотник противника", EventType.ATTACK, False),
        ("армия усиливает участки на этом направлении", EventType.MOBILIZE, False),
    ],
)
def test_event_paraphrases(extract_ru, clause, event_type, negated) -> None:
    (claim,) = extract_ru(f"Минобороны Армении заявило, что {clause}.\n")
    assert claim.event.type is event_type and claim.event.negated is negated


def test_the_side_named_after_so_storony_is_the_agent(extract_ru) -> None:
    text = "Минобороны Азербайджана заявило об обстреле своих позиций со стороны Армении\n"
    (claim,) = extract_ru(text)
    assert claim.act is Act.ACCUSE and [a.affiliation for a in claim.event.agents] == ["ARM"]


def test_no_losses_after_enemy_fire_keep_the_shooter_as_agent(extract_ru, by_cue) -> None:
    text = (
        "Министерство обороны Азербайджана заявило, что армянские подразделения обстреляли "
        "азербайджанские позиции.\n"
        "Погибших и раненых нет, подчеркнули в ведомстве.\n"
    )
    losses = by_cue(extract_ru(text), "подчеркнули")
    assert losses.event.type is EventType.CASUALTY and losses.event.negated
    assert [a.affiliation for a in losses.event.agents] == ["ARM"]


def test_a_surname_after_the_full_name_speaks_for_the_same_side(extract_ru, by_cue) -> None:
    text = (
        "По словам министра обороны Армении Давида Оганяна, обстановка спокойная.\n"
        "Кроме того, по словам Оганяна, азербайджанские войска стягивают технику к границе.\n"
    )
    claims = extract_ru(text)
    later = [c for c in claims if "стягивают" in c.content.text]
    assert len(later) == 1 and later[0].speaker.affiliation == "ARM"
    assert later[0].act is Act.ACCUSE


@pytest.mark.parametrize(
    "clause",
    ["нет никаких подтверждений этих сообщений", "ему не известно о таких инцидентах"],
)
def test_doubt_without_a_deny_verb_is_a_denial(extract_ru, clause) -> None:
    (claim,) = extract_ru(f"В Минобороны Армении заявили, что {clause}.\n")
    assert claim.act is Act.DENY


def test_ob_etom_in_the_same_sentence_reports_the_clause_before(extract_ru) -> None:
    text = (
        "Азербайджанские подразделения обстреляли армянские позиции у села Тех, об этом "
        "сообщает пресс-служба Минобороны Армении.\n"
    )
    (claim,) = extract_ru(text)
    assert claim.content.text.startswith("Азербайджанские подразделения обстреляли")
    assert claim.content.text.endswith("у села Тех")
    assert claim.speaker.affiliation == "ARM" and claim.act is Act.ACCUSE


def test_ob_etom_after_a_cued_sentence_only_restates_it(extract_ru) -> None:
    text = (
        "Министерство обороны Армении заявило, что азербайджанские военные открыли огонь.\n"
        "Об этом в пятницу говорится в сообщении ведомства.\n"
    )
    claims = extract_ru(text)
    assert len(claims) == 1 and claims[0].cue.text == "заявило"


def test_a_non_state_opponent_is_accused_with_no_agent(extract_ru) -> None:
    text = "Минобороны Армении сообщило, что вооружённые отряды обстреляли село Тех.\n"
    (claim,) = extract_ru(text)
    assert claim.act is Act.ACCUSE and claim.event.agents == ()


def test_the_opponent_as_target_accuses_no_one(extract_ru) -> None:
    text = "Минобороны Армении сообщило, что ПВО сбила самолёт противника.\n"
    (claim,) = extract_ru(text)
    assert claim.act is Act.ASSERT and claim.event.type is EventType.ATTACK


def test_the_genitive_of_an_action_noun_is_its_target(extract_ru) -> None:
    # the shelled post is Russian; the denial is about Ukraine's own alleged fire
    text = "В Госпогранслужбе Украины опровергли обстрел российского погранпункта.\n"
    (claim,) = extract_ru(text)
    assert claim.act is Act.DENY and claim.event.type is EventType.ATTACK
    assert [a.affiliation for a in claim.event.agents] == ["UKR"]


def test_a_rejected_report_is_a_claim_of_its_owner(extract_ru) -> None:
    text = "В Минобороны Армении опровергли заявления Азербайджана об обстреле села Тех.\n"
    claims = extract_ru(text)
    assert [(c.speaker.affiliation, c.act) for c in claims] == [
        ("ARM", Act.DENY),
        ("AZE", Act.ACCUSE),
    ]
    assert {c.content.text for c in claims} == {"обстреле села Тех"}
    assert all([a.affiliation for a in c.event.agents] == ["ARM"] for c in claims)


def test_rumours_without_an_owner_give_one_denial(extract_ru) -> None:
    text = "Минобороны Армении опровергло слухи о продвижении азербайджанских подразделений.\n"
    (claim,) = extract_ru(text)
    assert claim.act is Act.DENY
    assert claim.content.text == "продвижении азербайджанских подразделений"
    assert [a.affiliation for a in claim.event.agents] == ["AZE"]


def test_a_generic_ministry_is_the_ministry_of_its_kind_last_named(extract_ru) -> None:
    text = (
        "Минобороны Армении: передвижения азербайджанских сил нет\n"
        "В Министерстве обороны опровергли слухи о продвижении азербайджанских сил.\n"
    )
    (claim,) = extract_ru(text)
    assert claim.speaker.text == "Министерстве обороны" and claim.speaker.affiliation == "ARM"


def test_an_outlet_relaying_a_source_is_not_the_speaker(extract_ru) -> None:
    text = (
        "Азербайджанские войска стягивают технику к границе.\n"
        "Об этом сообщает агентство со ссылкой на заявление Министерства обороны Армении.\n"
    )
    (claim,) = extract_ru(text)
    assert claim.speaker.affiliation == "ARM" and claim.act is Act.ACCUSE


@pytest.mark.parametrize(
    ("clause", "agents"),
    [
        ("наши войска усилены на этом направлении", ["ARM"]),
        ("противник подвергал обстрелу наши подразделения", []),
    ],
)
def test_our_forces_acting_are_the_speakers_side(extract_ru, clause, agents) -> None:
    (claim,) = extract_ru(f"Минобороны Армении сообщило, что {clause}.\n")
    assert [a.affiliation for a in claim.event.agents] == agents


def test_ob_etom_reports_every_sentence_of_the_paragraph_before(extract_ru) -> None:
    text = (
        "Азербайджан стягивает войска к границе. Армения усиливает участки на этом "
        "направлении.\n"
        "Об этом сообщает агентство со ссылкой на заявление Министерства обороны Армении.\n"
    )
    claims = extract_ru(text)
    assert [(c.act, c.speaker.affiliation) for c in claims] == [
        (Act.ACCUSE, "ARM"),
        (Act.ASSERT, "ARM"),
    ]


def test_a_quote_opened_sentences_before_its_cue_gives_a_claim_per_sentence(extract_ru) -> None:
    text = (
        "«Фиксируем переброску азербайджанской техники к границе. Наши подразделения "
        "держат ситуацию под контролем», — рассказал представитель Минобороны Армении.\n"
    )
    claims = extract_ru(text)
    assert len(claims) == 2 and all(c.speaker.affiliation == "ARM" for c in claims)
    first = min(claims, key=lambda c: c.content.start)
    assert first.content.text.startswith("Фиксируем переброску")
    assert first.act is Act.ACCUSE and first.event.type is EventType.MOBILIZE


@pytest.mark.parametrize(
    ("sentence", "act"),
    [
        (
            "Представитель Минобороны Армении назвал провокацией заявления Минобороны "
            "Азербайджана.",
            Act.DENY,
        ),
        ("Минобороны Армении назвало провокацией обстрел своих позиций.", Act.ACCUSE),
    ],
)
def test_a_provocation_label_on_a_report_rejects_it(extract_ru, sentence, act) -> None:
    (claim,) = extract_ru(sentence + "\n")
    assert claim.act is act


def test_no_losses_after_our_reply_keep_the_enemy_as_agent(extract_ru, by_cue) -> None:
    text = (
        "Минобороны Азербайджана сообщило, что армянские подразделения обстреляли наши "
        "позиции.\n"
        "В ведомстве отметили, что азербайджанские подразделения открыли ответный огонь.\n"
        "Потерь у нас нет, уточнили в ведомстве.\n"
    )
    losses = by_cue(extract_ru(text), "уточнили")
    assert [a.affiliation for a in losses.event.agents] == ["ARM"]


def test_clauses_joined_by_no_are_separate_claims(extract_ru) -> None:
    text = (
        "По словам представителя Минобороны Армении, азербайджанские подразделения обстреляли "
        "село Тех, но признаков наступления пока нет.\n"
    )
    claims = sorted(extract_ru(text), key=lambda c: c.content.start)
    assert [c.content.text for c in claims] == [
        "азербайджанские подразделения обстреляли село Тех",
        "признаков наступления пока нет",
    ]
    assert claims[0].act is Act.ACCUSE and claims[1].act is Act.DENY


def test_a_peoples_name_for_its_forces_is_the_agent(extract_ru) -> None:
    text = "Генштаб ВСУ сообщил, что россияне продолжают обстреливать приграничные сёла.\n"
    (claim,) = extract_ru(text)
    assert claim.act is Act.ACCUSE and [a.affiliation for a in claim.event.agents] == ["RUS"]
