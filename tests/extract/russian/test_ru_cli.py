"""Russian and unsupported languages through `watchline extract` and stored extraction."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from watchline.cli import app
from watchline.ingest import ingest
from watchline.services.extraction import extract_documents
from watchline.store import Database
from watchline.store.claims import ClaimRepository

RUSSIAN = (
    "Министерство обороны Армении в воскресенье опровергло сообщения о стягивании войск "
    "у села Тех.\n"
)
ARMENIAN = (
    "Հայաստանի պաշտպանության նախարարությունը հերքել է սահմանին զորքերի կուտակման մասին լուրերը։\n"
)
AZERBAIJANI = (
    "Azərbaycan Müdafiə Nazirliyi bildirib ki, Ermənistan silahlı qüvvələrinin bölmələri "
    "sərhəd boyunca mövqelərimizi atəşə tutublar.\n"
)


def test_cli_extracts_a_russian_file_through_the_contract(db_env, tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_text(RUSSIAN, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["extract", str(path), "--published-on", "2025-03-31", "--format", "json",
         "--theatre", "arm-aze"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["document"]["language"] == "ru"
    (claim,) = data["claims"]
    assert claim["act"] == "deny" and claim["speaker"]["affiliation"] == "ARM"
    assert claim["stated_on"] == "2025-03-30"
    content = claim["content"]
    assert RUSSIAN[content["start"] : content["end"]] == content["text"]
    assert content["text"] == "стягивании войск у села Тех"  # what the rejected report says
    assert claim["event"]["type"] == "mobilize" and claim["event"]["negated"] is True
    assert claim["event"]["places"][0]["place_id"] == "theatre:arm-aze:tegh"


def test_cli_refuses_armenian_with_a_coded_error(db_env, tmp_path: Path) -> None:
    path = tmp_path / "hy.txt"
    path.write_text(ARMENIAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code != 0
    assert "E942" in result.output and "Armenian (hy)" in result.output
    assert "Traceback" not in result.output


def test_cli_language_option_is_checked(db_env, tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_text(RUSSIAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--language", "hy"])
    assert result.exit_code != 0 and "E005" in result.output


def test_stored_documents_are_read_by_language_and_others_counted(
    sqlite_db: Database, tmp_path: Path, ru_extractor
) -> None:
    path = tmp_path / "items.jsonl"
    rows = [
        {"text": RUSSIAN, "published_at": "2025-03-31T10:00:00", "source": "Канал"},
        {"text": ARMENIAN, "published_at": "2025-03-31T11:00:00", "source": "Канал"},
        {"text": AZERBAIJANI, "published_at": "2025-03-31T12:00:00", "source": "Канал"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    report = ingest(sqlite_db, [path])
    assert report.not_extractable == {"hy": 1, "az": 1}
    assert "2 not extractable by language" in report.summary()
    extractor = ru_extractor
    summary = extract_documents(sqlite_db, extractor)
    assert summary.by_language == {"ru": 1}
    assert summary.unsupported == {"hy": 1, "az": 1}
    assert len(summary.skipped_language) == 2, "stored, listed, not lost"
    assert "2 in unsupported languages (hy 1, az 1: stored, not extracted)" in summary.summary()
    with sqlite_db.transaction() as session:
        (claim,) = ClaimRepository(session).list()
    assert claim.act.value == "deny" and claim.speaker.affiliation == "ARM"
    assert extract_documents(sqlite_db, extractor).claims == 0, "re-running adds nothing"
