"""An analyst's review in a real browser (Debian Chromium via Playwright): correct a
claim's event type, merge two cases, and see both in the case's history."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import LiveServer

PASSWORD = "a long test password"
VENDOR = Path("src/watchline/web/static/vendor/leaflet/leaflet.js")


def _counts(message) -> bool:
    """Console errors that are ours; failed loads are counted by URL (`_failed`), since
    the map's vendored files are absent on a checkout that has not run `npm ci`."""
    if message.type != "error" or message.text.startswith("Failed to load resource"):
        return False
    return VENDOR.exists() or "/static/vendor/" not in message.text


def _failed(response) -> bool:
    if response.status < 400:
        return False
    return VENDOR.exists() or "/static/vendor/" not in response.url


@pytest.fixture
def live(demo_app):
    with LiveServer(demo_app) as server:
        yield server


def test_browser_review_correct_merge_and_history(browser, live, demo_app) -> None:
    from watchline.services.accounts import add_user

    add_user(demo_app.state.db, "reviewer", "analyst", PASSWORD)
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("console", lambda m: problems.append(m.text) if _counts(m) else None)
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if _failed(r) else None)
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(f"{live.url}/login?next=/cases")
    page.fill("input[name=name]", "reviewer")
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/cases")
    page.locator("table.cases a").first.click()
    page.wait_for_selector("section#review")
    case_url = page.url

    # correct the first claim's event type on its own page
    page.locator("a.review-claim").first.click()
    page.wait_for_selector("section.claim-review")
    engine = page.locator("tr.field-event_type td.engine").inner_text()
    new_type = "diplomacy" if engine != "diplomacy" else "other"
    form = page.locator("form.correction", has=page.locator("input[value=event_type]"))
    form.locator("select[name=value]").select_option(new_type)
    form.locator("input[name=reason]").fill('Talks on <b>posts</b><img src=x onerror="alert(1)">')
    form.get_by_role("button", name="Correct event type").click()
    page.wait_for_selector("tr.field-event_type.corrected")
    assert page.locator("tr.field-event_type td.now").inner_text().startswith(new_type)
    assert page.locator("tr.field-event_type td.engine").inner_text() == engine  # kept
    history = page.locator("ol.corrections-history").inner_text()
    assert "reviewer" in history and "<b>posts</b>" in history  # shown as text, not HTML

    # merge another case into the one the claim is now in
    page.locator("a", has_text="← case").first.click()
    page.wait_for_selector("form.merge")
    merge = page.locator("form.merge")
    other = merge.locator("select[name=other] option").first.get_attribute("value")
    merge.locator("select[name=other]").select_option(other)
    merge.locator("input[name=reason]").fill("Same convoy, two reports")
    merge.get_by_role("button", name="Merge cases").click()
    page.wait_for_selector("ol.review-history li.event-merge")
    history = page.locator("ol.review-history").inner_text()
    assert f"merged case {other}" in history and "Same convoy, two reports" in history
    assert "reviewer" in history and "corrected Event type" in history
    comment = page.locator("form.comment")
    comment.locator("textarea[name=text]").fill("<script>alert(2)</script> footage asked")
    comment.get_by_role("button", name="Add comment").click()
    page.wait_for_selector("ol.review-history li.event-comment")
    assert "<script>alert(2)</script>" in page.locator("li.event-comment").inner_text()
    for item in page.locator("ol.review-history li").all():  # hover and click: nothing runs
        item.hover()
        item.click(position={"x": 2, "y": 2})
    page.goto(f"{live.url}/cases")
    assert other not in page.content()  # merged away: no longer listed
    assert case_url  # the page we started from
    assert not problems, problems
    page.close()
