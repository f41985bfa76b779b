"""Telegram Desktop JSON exports: single chats, whole accounts, edits, damaged files."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import pytest

from watchline.ingest.media import media_digests
from watchline.ingest.telegram import flatten_text

CHAT = 1712345678


def test_telegram_single_chat(run, inputs, stored) -> None:
    report = run(inputs / "telegram" / "result.json")
    assert report.ingested == 6  # messages 2-6 and 9
    assert report.skipped == {"service messages": 2}
    assert sorted(r.item for r in report.rejected) == [
        f"chat {CHAT} message #9",  # no id
        f"chat {CHAT} message 8",  # date_unixtime is not a number
    ]
    documents = stored()
    first = documents[f"telegram:{CHAT}:2"]
    assert first.published_at == datetime(2024, 3, 31, 7, 15, tzinfo=UTC)  # date_unixtime
    assert first.source.name == "Border Watch AM" and first.source.handle == str(CHAT)
    assert first.author == "Border Watch AM" and first.meta["from_id"] == "channel1712345678"
    assert json.loads(first.raw)["id"] == 2


@pytest.mark.parametrize("name", ["result.json", "account.json", "truncated.json"])
def test_telegram_raw_is_the_exports_own_bytes(run, inputs, stored, name: str) -> None:
    export = (inputs / "telegram" / name).read_bytes()
    run(inputs / "telegram" / name)
    documents = list(stored().values())
    assert documents
    for document in documents:
        assert document.raw in export  # cut out of the file, not re-serialised
        assert json.loads(document.raw)["id"] == int(document.key.rsplit(":", 1)[1])
        assert document.meta["export_sha256"] == hashlib.sha256(export).hexdigest()


def test_telegram_text_entities_forward_reply_media(run, inputs, stored) -> None:
    run(inputs / "telegram" / "result.json")
    documents = stored()
    forwarded = documents[f"telegram:{CHAT}:3"]
    assert forwarded.text.startswith("Statement: the information about a concentration")
    assert "https://mod.example.am/news/1101." in forwarded.text
    assert forwarded.forwarded_from == "Ministry of Defence of Armenia"
    photo = documents[f"telegram:{CHAT}:4"]
    assert photo.reply_to == f"telegram:{CHAT}:2"
    assert photo.media == ("photos/photo_1@31-03-2024_13-05-00.jpg",)
    assert photo.meta["media_types"] == ["photo"]
    video = documents[f"telegram:{CHAT}:5"]
    assert video.text == "" and video.media == ("video_files/convoy.mp4",)
    assert video.meta["media_types"] == ["video_file"] and video.meta["mime_type"] == "video/mp4"
    assert "\x00" not in documents[f"telegram:{CHAT}:9"].text


def test_telegram_russian_post_kept_and_extractable(run, inputs, stored) -> None:
    report = run(inputs / "telegram" / "result.json")
    russian = stored()[f"telegram:{CHAT}:6"]
    assert russian.language == "ru" and russian.meta["extractable"] is True
    assert not report.not_extractable
    assert "not extractable" not in report.summary()


def test_telegram_reingest_is_all_duplicates(run, inputs) -> None:
    run(inputs / "telegram" / "result.json")
    again = run(inputs / "telegram" / "result.json")
    assert (again.ingested, again.duplicates) == (0, 6)


def test_telegram_edit_becomes_new_version(run, inputs, sqlite_db) -> None:
    from watchline.store.documents import DocumentRepository

    run(inputs / "telegram" / "result.json")
    later = run(inputs / "telegram" / "result-later.json")
    assert later.ingested == 2  # the edited message 4 and the new message 10
    with sqlite_db.transaction() as session:
        versions = DocumentRepository(session).versions(f"telegram:{CHAT}:4")
    assert [v.version for v in versions] == [1, 2]
    assert versions[1].meta["previous_id"] == versions[0].id
    assert "confirmed these were scheduled drills" in versions[1].text
    assert versions[0].text.endswith("part of scheduled drills.")
    # Reading the older export again adds nothing: it is an older copy, not an edit.
    assert run(inputs / "telegram" / "result.json").ingested == 0


def test_telegram_full_account_export(run, inputs, stored) -> None:
    report = run(inputs / "telegram" / "account.json")
    assert report.ingested == 2 and report.skipped == {"service messages": 1}
    documents = stored()
    assert documents["telegram:1800000001:101"].source.name == "Kapan Residents"
    saved = documents["telegram:555000111:5"]
    assert saved.text == "Remember to check the Goris patrol log for 31 March."
    assert saved.language == "en"


def test_telegram_truncated_export_keeps_complete_messages(run, inputs, stored) -> None:
    report = run(inputs / "telegram" / "truncated.json")
    assert report.ingested == 4  # messages 2-5; message 1 is a service message
    assert [r.code for r in report.rejected] == ["E212"]
    assert f"telegram:{CHAT}:6" not in stored()


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ('{"name": "x", "id": 5, "messages": [{"id": 1, "type": "message", "te', "E212"),
        ('{"about": "no messages here", "chats": 3', "E203"),
        ('["a", "list"]', "E206"),
        ('{"name": "no chats or messages"}', "E206"),
    ],
)
def test_telegram_damaged_files(run, tmp_path, content: str, code: str) -> None:
    path = tmp_path / "result.json"
    path.write_text(content)
    report = run(path, format="telegram")
    assert [r.code for r in report.rejected] == [code]
    assert report.ingested == 0


@pytest.mark.parametrize(
    ("text", "flat"),
    [
        ("plain", "plain"),
        (["a ", {"type": "bold", "text": "b"}, " c"], "a b c"),
        ([{"type": "text_link", "text": "here", "href": "https://x"}], "here"),
        ([{"type": "custom", "text": 5}, None, "z"], "z"),
        (None, ""),
    ],
)
def test_telegram_flatten_text(text: object, flat: str) -> None:
    assert flatten_text(text) == flat


def test_telegram_media_beside_export_is_hashed(run, inputs, stored, tmp_path) -> None:
    export = tmp_path / "ChatExport_2024-04-01"
    (export / "photos").mkdir(parents=True)
    photo = b"\xff\xd8\xff\xe0 a small photo of trucks near Kapan"
    (export / "photos" / "photo_1@31-03-2024_13-05-00.jpg").write_bytes(photo)
    (export / "result.json").write_bytes((inputs / "telegram" / "result.json").read_bytes())
    run(export)  # the directory: result.json is found and read, the photo is not a document
    documents = stored()
    assert len(documents) == 6
    with_photo = documents[f"telegram:{CHAT}:4"]
    assert with_photo.meta["media_sha256"] == {
        "photos/photo_1@31-03-2024_13-05-00.jpg": hashlib.sha256(photo).hexdigest()
    }
    assert "media_sha256" not in documents[f"telegram:{CHAT}:5"].meta  # video not exported


def test_telegram_media_path_cannot_climb_out(tmp_path) -> None:
    (tmp_path / "secret.txt").write_text("outside the export")
    folder = tmp_path / "export"
    folder.mkdir()
    assert media_digests(folder, ["../secret.txt", "missing.jpg"], 10_000) == {}


def test_telegram_signed_channel_post(run, stored, tmp_path) -> None:
    export = {
        "name": "MoD Press",
        "type": "public_channel",
        "id": 42,
        "username": "modpress",
        "messages": [
            {
                "id": 7,
                "type": "message",
                "date_unixtime": "1711874400",
                "from": "MoD Press",
                "author": "Duty officer",
                "text": "The situation on the border is stable, the ministry said.",
            }
        ],
    }
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export))
    run(path)
    post = stored()["telegram:42:7"]
    assert post.meta["signature"] == "Duty officer" and post.author == "MoD Press"
    assert post.url == "https://t.me/modpress/7"
