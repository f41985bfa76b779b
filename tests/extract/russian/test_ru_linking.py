"""A Russian post joins the case of the English statement it answers, through the
structured fields (event type, agent, place, time), not through text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from watchline.ingest import ingest
from watchline.services.casework import link_all
from watchline.services.extraction import extract_documents
from watchline.services.views import case_views
from watchline.store import Database

ENGLISH = (
    "Azerbaijan's Ministry of Defence said on Sunday that Armenian units were moving troops "
    "and armour towards Tegh."
)
RUSSIAN = (
    "Министерство обороны Армении в воскресенье опровергло сообщения о переброске войск к "
    "селу Тех, назвав их дезинформацией."
)


def test_a_russian_denial_joins_the_english_claims_case(
    sqlite_db: Database, tmp_path: Path, ru_extractor
) -> None:
    from watchline.geo.theatre import load_theatre

    theatre = load_theatre("arm-aze")
    rows = [
        {"text": ENGLISH, "published_at": "2025-03-30T12:00:00+04:00", "source": "MoD AZ"},
        {"text": RUSSIAN, "published_at": "2025-03-30T18:00:00+04:00", "source": "Канал"},
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    ingest(sqlite_db, [path])
    summary = extract_documents(sqlite_db, ru_extractor)
    assert summary.by_language == {"en": 1, "ru": 1}
    link_all(sqlite_db, theatre, theatres=[theatre])
    views = [v for v in case_views(sqlite_db) if v.case.event_type.value == "mobilize"]
    assert len(views) == 1, "one build-up, one case, whatever the language"
    (view,) = views
    assert [c.affiliation for c in view.claims_for] == ["AZE"]
    assert [c.affiliation for c in view.claims_against] == ["ARM"]


@pytest.mark.parametrize(
    ("english", "russian"),
    [
        ("Azerbaijan's Ministry of Defence said on Sunday that Armenian units had shelled "
         "Azerbaijani positions near Tegh.",
         "Министерство обороны Азербайджана в воскресенье заявило, что армянские "
         "подразделения обстреляли азербайджанские позиции у села Тех."),
        ("Ukraine's General Staff said on Sunday that Russian troops shelled Kupiansk.",
         "Генштаб ВСУ в воскресенье сообщил, что российские войска обстреляли Купянск."),
        ("Kyrgyzstan's border service said on Sunday that Tajik troops fired on Kyrgyz "
         "positions near Vorukh.",
         "Погранслужба Кыргызстана в воскресенье заявила, что таджикские военные обстреляли "
         "кыргызские позиции у села Ворух."),
    ],
)  # fmt: skip
def test_a_russian_relay_of_an_english_statement_is_its_copy(
    sqlite_db: Database, tmp_path: Path, ru_extractor, english: str, russian: str
) -> None:
    """Same speaker, act, event, agents, day and place in two languages: a translation,
    never independent confirmation (link/copies.py)."""
    from watchline.geo.theatre import load_theatre

    theatre = load_theatre("arm-aze")
    rows = [
        {"text": english, "published_at": "2025-03-30T12:00:00+04:00", "source": "Ministry"},
        {"text": russian, "published_at": "2025-03-30T18:00:00+04:00", "source": "Канал"},
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    ingest(sqlite_db, [path])
    extract_documents(sqlite_db, ru_extractor)
    link_all(sqlite_db, theatre, theatres=[theatre])
    views = [v for v in case_views(sqlite_db) if v.case.event_type.value == "attack"]
    assert len(views) == 1, "one shelling, one case"
    (view,) = views
    assert len(view.claims_for) == 1 and len(view.copies) == 1
