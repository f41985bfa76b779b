"""RSS and Atom feeds from files and from a server; broken dates and damaged feeds."""

from __future__ import annotations

from datetime import UTC, datetime

from ingest_support import Reply

ARTICLE_TYPE = "text/html; charset=utf-8"


def test_feeds_rss_items(run, inputs, stored) -> None:
    report = run(inputs / "feeds" / "mod.rss")
    assert report.ingested == 2 and report.rejected == []
    documents = stored()
    statement = documents["feed:https://mod.example.am/news/1101"]
    assert statement.published_at == datetime(2024, 3, 31, 8, 5, tzinfo=UTC)
    assert statement.text.startswith("Statement on the situation at the border\n\n")
    assert "does not correspond to reality" in statement.text
    assert "alert" not in statement.text  # scripts in summaries are sanitised away
    assert statement.source.name == "Ministry of Defence — News"
    assert statement.raw.startswith(b"<item") and statement.raw.endswith(b"</item>")
    assert statement.meta["tags"] == ["Statements"]
    # A GUID that is not a URL is scoped to its feed; enclosures are the item's media.
    drills = documents["feed:https://mod.example.am/news:mod-am-1100"]
    assert drills.media == ("https://mod.example.am/media/drills-1100.jpg",)


def test_feeds_atom_entry(run, inputs, stored) -> None:
    run(inputs / "feeds" / "euma.atom")
    (entry,) = stored().values()
    assert entry.key == "feed:urn:uuid:8b3c2d3e-1a2b-4c5d-8e9f-a0b1c2d3e4f5"
    assert entry.published_at == datetime(2024, 3, 31, 14, tzinfo=UTC)
    assert entry.author == "EUMA Press Office"
    assert entry.meta["revised_at"] == "2024-04-01T05:00:00+00:00"


def test_feeds_broken_date_kept_without_time(run, inputs, stored) -> None:
    report = run(inputs / "feeds" / "broken-dates.rss")
    assert report.ingested == 2
    assert [(n.item, n.code) for n in report.notices] == [("item 1", "E211")]
    assert stored()["feed:https://wire.example.net/a/77"].published_at is None


def test_feeds_truncated_and_not_a_feed(run, inputs) -> None:
    report = run(inputs / "feeds" / "truncated.rss", inputs / "feeds" / "not-a-feed.xml")
    assert [r.code for r in report.rejected] == ["E204", "E209"]
    assert report.ingested == 0


def test_feeds_from_url_then_unchanged(run, inputs, site) -> None:
    url = site.serve_file("/feed.xml", "feeds/mod.rss", "application/rss+xml", ETag='"v1"')
    first = run(url)
    assert first.ingested == 2
    site.routes["/feed.xml"] = lambda headers: (
        Reply(304) if headers.get("if-none-match") == '"v1"' else Reply(500)
    )
    second = run(url)
    assert (second.ingested, second.duplicates, second.rejected) == (0, 1, [])


def test_feeds_follow_fetches_item_pages(run, inputs, site, stored) -> None:
    article = (inputs / "html" / "article.html").read_bytes()
    page = site.url("/news/1")
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>
    <item><title>Accusation</title><link>{page}</link><guid>{page}</guid>
    <description>Short summary.</description></item>
    <item><title>Gone</title><link>{site.url("/news/2")}</link>
    <description>This page no longer exists.</description></item></channel></rss>"""
    site.routes["/feed"] = Reply(200, feed.encode(), {"Content-Type": "application/rss+xml"})
    site.routes["/news/1"] = Reply(200, article, {"Content-Type": ARTICLE_TYPE})
    report = run(site.url("/feed"), follow=True)
    assert report.ingested == 2
    assert [n.code for n in report.notices] == ["E208"]  # /news/2 is a 404: summary kept
    followed = stored()[f"feed:{page}"]
    assert "concentrating troops and heavy weapons" in followed.text
    assert followed.raw == article and followed.meta["feed_summary"].endswith("Short summary.")


def test_feeds_relative_links_resolved_against_feed_url(run, inputs, site, stored) -> None:
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Rel</title>
    <item><title>Relative</title><link>/news/9</link><guid>/news/9</guid>
    <description>The border was quiet overnight.</description></item></channel></rss>"""
    site.routes["/rss/feed.xml"] = Reply(200, feed, {"Content-Type": "application/rss+xml"})
    article = (inputs / "html" / "article.html").read_bytes()
    site.routes["/news/9"] = Reply(200, article, {"Content-Type": ARTICLE_TYPE})
    report = run(site.url("/rss/feed.xml"), follow=True)
    assert report.ingested == 1 and report.notices == []
    (document,) = stored().values()
    assert document.url == site.url("/news/9")
    assert "concentrating troops and heavy weapons" in document.text
