"""A monitor's path through the pages in a real browser (Debian Chromium via Playwright)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import LiveServer


@pytest.fixture
def live(demo_app):
    with LiveServer(demo_app) as server:
        yield server


def test_browser_case_page_map_and_override(browser, live, demo_app) -> None:
    from watchline.services.accounts import add_user

    add_user(demo_app.state.db, "analyst1", "analyst", "a long test password")
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{live.url}/cases")
    page.wait_for_url("**/login?next=/cases")  # anonymous: the login page first
    page.fill("input[name=name]", "analyst1")
    page.fill("input[name=password]", "a long test password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/cases")
    page.get_by_role("combobox").select_option("contradicted")
    page.wait_for_url("**/cases?status=contradicted")
    page.locator("table.cases a").first.click()
    page.wait_for_selector("span.status.contradicted")
    if Path("src/watchline/web/static/vendor/leaflet/leaflet.js").exists():
        page.wait_for_selector("#map[data-ready=true]", timeout=10_000)
        assert page.locator("#map path.leaflet-interactive").count() > 0
        assert "case: contradicted" in page.locator(".map-legend").inner_text()
        slider = page.locator(".map-time input[type=range]")
        assert slider.count() == 1
        last = page.locator("#map").get_attribute("data-until")
        slider.fill(slider.get_attribute("min") or "0")  # back to the first day
        first = page.locator("#map").get_attribute("data-until")
        assert first is not None and last is not None and first < last
    page.select_option("select[name=status]", "disputed")
    page.fill("textarea[name=reason]", "Satellite imagery requested")
    page.get_by_role("button", name="Record verdict").click()
    page.wait_for_selector("section.case span.status.disputed")
    assert "Satellite imagery requested" in page.content()
    assert "analyst1" in page.locator("section.history, body").first.inner_text()
    assert not errors, errors
    page.close()
