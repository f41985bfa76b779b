"""The Russian path's parts: lemma matching of cues, actors and places, the date resolver
and the lexicon files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from watchline.domain import Act, EventType
from watchline.errors import InputError
from watchline.extract.russian.dates import find_dates
from watchline.extract.russian.lexicon import load_ru_cues, load_ru_events
from watchline.extract.russian.parse import parse


@pytest.mark.parametrize(
    "phrase",
    [
        "Министерство обороны Армении",
        "Министерству обороны Армении",
        "Министерством обороны Армении",
        "в Министерстве обороны Армении",
        "Минобороны Армении",
        "армянского оборонного ведомства",
    ],
)
def test_an_actor_matches_in_every_case(ru_extractor, phrase: str) -> None:
    text = f"Об этом стало известно {phrase}."
    sentences = parse(text)
    found = ru_extractor.russian.actors.find(text, sentences)
    assert [m.actor.id for m in found] == ["arm.mod"]
    assert text[found[0].start : found[0].end] == found[0].text


@pytest.mark.parametrize(
    ("phrase", "actor_id"),
    [
        ("ВС Армении", "arm.mil"),
        ("МИД РФ", "rus.mfa"),
        ("Минобороны Азербайджана", "aze.mod"),
        ("Госпогранслужбы Азербайджана", "aze.border"),
        ("ГПС", "aze.border"),
        ("российских миротворцев", "rus.mil"),
        ("ВСУ", "ukr.mil"),
        ("азербайджанской армии", "aze.mil"),
        ("Марии Захаровой", "rus.zakharova"),
        ("Погранвойск ГКНБ Таджикистана", "tjk.border"),
    ],
)
def test_russian_aliases_and_generated_phrasings(ru_extractor, phrase, actor_id) -> None:
    text = f"Сообщение {phrase} появилось утром."
    found = ru_extractor.russian.actors.find(text, parse(text))
    assert [m.actor.id for m in found] == [actor_id]


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("Стрельба велась в районе Сотка.", "theatre:arm-aze:sotk"),
        ("Колонна стояла у села Тех.", "theatre:arm-aze:tegh"),
        ("Пост находится в Лачинском коридоре.", "theatre:arm-aze:lachin-corridor"),
        ("Жители Вардениса слышали выстрелы.", "theatre:arm-aze:vardenis"),
    ],
)
def test_places_match_in_inflected_forms(ru_extractor, text: str, place_id: str) -> None:
    from watchline.extract.russian.places import find_places

    found = find_places(text, parse(text), ru_extractor.resources.gazetteer, set())
    assert [p.place_id for p in found] == [place_id]
    assert text[found[0].start : found[0].end] == found[0].text


def test_an_actor_name_is_not_a_place(ru_extractor) -> None:
    claims = ru_extractor.extract(
        "Минобороны Армении сообщило, что у Воскепара слышны выстрелы.", date(2025, 3, 31),
        language="ru",
    )  # fmt: skip
    assert [p.place_id for p in claims[0].event.places] == ["theatre:arm-aze:voskepar"]


@pytest.mark.parametrize(
    ("form", "act"),
    [
        ("заявил", Act.ASSERT),
        ("заявила", Act.ASSERT),
        ("заявляют", Act.ASSERT),
        ("сообщило", Act.ASSERT),
        ("подтвердили", Act.CONFIRM),
        ("предупредил", Act.WARN),
    ],
)
def test_a_cue_matches_in_every_form(extract_ru, form: str, act: Act) -> None:
    claims = extract_ru(f"В ОБСЕ {form}, что ситуация на линии остается стабильной.")
    assert [(c.cue.text, c.act) for c in claims] == [(form, act)]
    assert claims[0].content.text == "ситуация на линии остается стабильной"
    assert claims[0].speaker.affiliation == "OSCE"


PUBLISHED = date(2025, 4, 1)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("в воскресенье", date(2025, 3, 30), date(2025, 3, 30)),
        ("во вторник", date(2025, 4, 1), date(2025, 4, 1)),
        ("в прошлую субботу", date(2025, 3, 29), date(2025, 3, 29)),
        ("вчера", date(2025, 3, 31), date(2025, 3, 31)),
        ("накануне", date(2025, 3, 31), date(2025, 3, 31)),
        ("сегодня", date(2025, 4, 1), date(2025, 4, 1)),
        ("31 марта", date(2025, 3, 31), date(2025, 3, 31)),
        ("31 декабря", date(2024, 12, 31), date(2024, 12, 31)),
        ("5 мая 2024 года", date(2024, 5, 5), date(2024, 5, 5)),
        ("12.01.2025", date(2025, 1, 12), date(2025, 1, 12)),
        ("в ночь на понедельник", date(2025, 3, 30), date(2025, 3, 31)),
        ("в ночь с 30 на 31 марта", date(2025, 3, 30), date(2025, 3, 31)),
        ("29-30 марта", date(2025, 3, 29), date(2025, 3, 30)),
    ],
)
def test_russian_dates_resolve_against_publication(text: str, first: date, last: date) -> None:
    sentence = f"Это случилось {text}, сообщили источники."
    found = find_dates(sentence, PUBLISHED)
    assert [(d.text, d.first, d.last) for d in found] == [(text, first, last)]


def test_without_publication_only_calendar_dates_resolve() -> None:
    found = find_dates("Вчера и 5 мая 2024 года.", None)
    assert [d.text for d in found] == ["5 мая 2024 года"]


def test_invalid_dates_are_ignored() -> None:
    assert find_dates("31 февраля и 45.13.2025", PUBLISHED) == []


def test_user_cue_file_adds_and_replaces_entries(tmp_path: Path) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text("verbs:\n  заявить: {act: warn}\n  констатировать: {act: deny}\n", "utf-8")
    cues = load_ru_cues(path)
    assert cues.verbs["заявить"].act is Act.WARN
    assert cues.verbs["констатировать"].act is Act.DENY
    assert cues.verbs["опровергнуть"].act is Act.DENY, "packaged entries stay"


def test_user_event_file_adds_triggers(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text("event_types:\n  fortify:\n    lemmas: [капонир]\n", "utf-8")
    assert load_ru_events(path).lemmas["капонир"] is EventType.FORTIFY


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("verbs:\n  заявить: {act: shout}\n", "unknown speech act 'shout'"),
        ("verbs:\n  заявить: {frames: [sideways]}\n", "unknown frame 'sideways'"),
        ("- a list\n", "the top level must be a mapping"),
        ("verbs: [\n", "cues.yaml"),
    ],
)
def test_a_bad_cue_file_is_a_coded_error(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text(content, "utf-8")
    with pytest.raises(InputError) as caught:
        load_ru_cues(path)
    assert caught.value.code == "E941"
    assert str(path) in caught.value.message and reason in caught.value.message


def test_a_bad_event_type_is_a_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text("event_types:\n  riot:\n    lemmas: [бунт]\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_ru_events(path)
    assert caught.value.code == "E941" and "unknown event type 'riot'" in caught.value.message


def test_missing_natasha_is_a_coded_error(monkeypatch, ru_extractor) -> None:
    import sys

    from watchline.errors import WatchlineError
    from watchline.extract.russian import parse as parse_module
    from watchline.extract.russian.pipeline import RussianExtractor

    parse_module.models.cache_clear()
    monkeypatch.setitem(sys.modules, "natasha", None)  # what an install without it gives
    try:
        with pytest.raises(WatchlineError) as caught:
            RussianExtractor.load(actors=[], gazetteer=None, version="test")
        assert caught.value.code == "E940" and "pip install natasha" in caught.value.message
    finally:
        monkeypatch.undo()
        parse_module.models.cache_clear()
