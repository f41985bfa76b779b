"""Russian news-like documents for bench_extract.py, from patterns written for it.

Varied speakers, cues, events, places and dates, in the case forms Russian needs; about
half the sentences carry a claim, like the English corpus.
"""

from __future__ import annotations

import random

SPEAKERS = [
    "Министерство обороны Азербайджана", "Минобороны Армении", "Генштаб ВСУ",
    "Минобороны России", "МИД Армении", "Пограничная служба ГКНБ Кыргызстана",
    "Пограничные войска ГКНБ Таджикистана", "Госпогранслужба Украины", "Захарова",
    "Представитель МИД Азербайджана", "Пресс-служба ведомства", "Миссия ЕС в Армении",
]  # fmt: skip
AGENTS = [
    "армянские подразделения", "азербайджанские военные", "российские войска",
    "украинские беспилотники", "таджикские военнослужащие", "киргизские пограничники",
    "белорусские подразделения", "противник",
]  # fmt: skip
EVENTS = [
    "обстреляли позиции в районе {place}", "перебрасывают бронетехнику к {place}",
    "ведут фортификационные работы у {place}", "открыли огонь по посту у {place}",
    "провели учения вблизи {place}", "готовят провокацию у {place}",
    "стягивают войска к {place}", "распространяют дезинформацию о {place}",
]  # fmt: skip
PLACES = ["Сотка", "села Тех", "Харькова", "Исфары", "Лачинского коридора", "границы"]
DAYS = ["в воскресенье", "вчера", "накануне", "31 марта", "в ночь на понедельник", ""]
PATTERNS = [
    "{day} {speaker} заявило, что {agent} {event}.",
    "По словам представителя ведомства, {agent} {event} {day}.",
    "«{agent_cap} {event}», — сообщили в пресс-службе {day}.",
    "{speaker} опровергло сообщения о том, что {agent} {event}.",
    "{speaker} обвинило соседнюю сторону в провокации {day}.",
    "{speaker} призвало стороны воздержаться от эскалации.",
    "Об этом сообщает {speaker}.",
    "{speaker} предупредило, что любая провокация получит адекватный ответ.",
]
NARRATION = [
    "Дорога к {place} вновь открыта после ремонта, магазины работают.",
    "Переговоры делегаций планируется продолжить в следующем месяце.",
    "Журналистов не допустили к {place}, проверить сведения не удалось.",
    "Жители {place} вернулись к полевым работам после начала уборки урожая.",
    "Зима выдалась мягкой, горные дороги остаются проходимыми.",
]


def _sentence(rng: random.Random) -> str:
    agent = rng.choice(AGENTS)
    place = rng.choice(PLACES)
    pattern = rng.choice(PATTERNS if rng.random() < 0.5 else NARRATION)
    return " ".join(
        pattern.format(
            day=rng.choice(DAYS),
            speaker=rng.choice(SPEAKERS),
            agent=agent,
            agent_cap=agent[0].upper() + agent[1:],
            event=rng.choice(EVENTS).format(place=place),
            place=place,
        ).split()
    )


def documents(words: int, seed: int = 7) -> list[str]:
    """Russian documents of about 300 words each, ~`words` words in all."""
    rng = random.Random(seed)
    docs, total = [], 0
    while total < words:
        paragraphs, count = [], 0
        while count < 300:
            paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
            paragraphs.append(paragraph)
            count += len(paragraph.split())
        docs.append("\n".join(paragraphs))
        total += count
    return docs
