"""URL lists and URLs given directly: fetched, read by what comes back."""

from __future__ import annotations

from ingest_support import Reply


def test_urls_list_file(run, inputs, site, stored, tmp_path) -> None:
    article = site.serve_file(
        "/a", "html/article.html", "text/html", **{"Last-Modified": "Sun, 31 Mar 2024 12:00:00 GMT"}
    )
    feed = site.serve_file("/feed", "feeds/euma.atom", "application/atom+xml")
    site.routes["/note"] = Reply(
        200, b"Observers reported the night was quiet.", {"Content-Type": "text/plain"}
    )
    listing = tmp_path / "sources.urls"
    listing.write_text(
        f"# ministry pages\n{article}\n\n{feed}\n{site.url('/note')}\nftp://old.example/x\n{site.url('/gone')}\n"
    )
    report = run(listing)
    assert report.ingested == 3
    assert [(r.item, r.code) for r in report.rejected] == [("line 6", "E213"), ("line 7", "E208")]
    documents = stored()
    page = documents[article]
    assert page.url == article and page.meta["revised_at"] == "2024-03-31T12:00:00+00:00"
    assert documents[site.url("/note")].text == "Observers reported the night was quiet."


def test_urls_given_directly_and_refetched(run, site) -> None:
    url = site.serve_file("/a", "html/article.html", "text/html")
    assert run(url).ingested == 1
    again = run(url)  # no validators: fetched again, same text, so a duplicate
    assert (again.ingested, again.duplicates) == (0, 1)
    assert len(site.asked("/a")) == 2


def test_urls_changed_page_is_new_version(run, site, sqlite_db) -> None:
    from watchline.store.documents import DocumentRepository

    body = "<html><body><article><p>{}</p></article></body></html>"
    site.routes["/p"] = [
        Reply(200, body.format("First the ministry said the border was calm.").encode()),
        Reply(200, body.format("Later the ministry said shots were fired at night.").encode()),
    ]
    run(site.url("/p"))
    assert run(site.url("/p")).ingested == 1
    with sqlite_db.transaction() as session:
        versions = DocumentRepository(session).versions(site.url("/p"))
    assert [v.version for v in versions] == [1, 2]
