"""X archive tweets.js: the JavaScript prefix cut off and the rest parsed, never run."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path


def test_x_tweets_with_account(run, inputs, stored) -> None:
    report = run(inputs / "x" / "data" / "tweets.js")
    assert report.ingested == 5
    assert [r.item for r in report.rejected] == ["entry 5"]
    assert [n.code for n in report.notices] == ["E211"]
    documents = stored()
    first = documents["x:1774412345678901234"]
    assert first.published_at == datetime(2024, 3, 31, 10, tzinfo=UTC)
    assert first.source.name == "@CaucasusLedger" and first.source.handle == "CaucasusLedger"
    assert first.url == "https://x.com/CaucasusLedger/status/1774412345678901234"


def test_x_retweet_reply_media(run, inputs, stored) -> None:
    run(inputs / "x" / "data" / "tweets.js")
    documents = stored()
    retweet = documents["x:1774412345678901300"]
    assert retweet.forwarded_from == "@EUMA_Press" and retweet.meta["repost"] is True
    reply = documents["x:1774412345678901400"]
    assert reply.reply_to == "x:1774400000000000001"
    assert reply.media == ("https://pbs.twimg.com/media/GJxyz.jpg",)
    assert documents["x:1774412345678901600"].language == "hy"


def test_x_older_prefix_and_directory_walk(run, inputs, stored) -> None:
    report = run(inputs / "x")
    # tweets.js and old/tweet.js are read; like.js, account.js and evil.js are not posts.
    assert report.ingested == 6
    assert stored()["x:1100000000000000001"].source.name == "X archive"


def test_x_javascript_is_never_evaluated(run, inputs, tmp_path: Path) -> None:
    marker = Path("/tmp/pwned")
    marker.unlink(missing_ok=True)
    report = run(inputs / "x" / "old" / "evil.js", format="x")
    assert [r.code for r in report.rejected] == ["E207"]
    assert not marker.exists()


def test_x_malformed_json(run, tmp_path: Path) -> None:
    path = tmp_path / "tweets.js"
    path.write_text('window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "1", ')
    report = run(path)
    assert [r.code for r in report.rejected] == ["E203"]


def test_x_archive_media_files_are_hashed(run, inputs, stored, tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "tweets_media").mkdir(parents=True)
    for name in ("tweets.js", "account.js"):
        (data / name).write_bytes((inputs / "x" / "data" / name).read_bytes())
    photo = b"\xff\xd8 photo of a road near Goris"
    (data / "tweets_media" / "1774412345678901400-GJxyz.jpg").write_bytes(photo)
    run(data / "tweets.js")
    reply = stored()["x:1774412345678901400"]
    assert reply.meta["media_sha256"] == {
        "tweets_media/1774412345678901400-GJxyz.jpg": hashlib.sha256(photo).hexdigest()
    }


def test_x_raw_is_the_archives_own_bytes(run, inputs, stored) -> None:
    archive = (inputs / "x" / "data" / "tweets.js").read_bytes()
    run(inputs / "x" / "data" / "tweets.js")
    for document in stored().values():
        assert document.raw in archive
        assert document.raw.startswith(b"{") and document.raw.endswith(b"}")
