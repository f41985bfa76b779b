"""Screenshots of the main pages, taken in Debian's Chromium as an analyst on the demo.

They are kept as test artifacts (WATCHLINE_ARTIFACTS, default var/test-artifacts/) so a
reviewer sees what a change did to the pages; `WATCHLINE_UPDATE_SCREENSHOTS=1` also
writes them to docs/screenshots/, the copies README shows. One browser page walks all
five pages, so the test costs a few seconds beyond the demo.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from .conftest import PASSWORD, LiveServer

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "screenshots"
PAGES = {
    "dashboard": "/dashboard",
    "cases": "/cases",
    "case": None,  # the first contradicted case, found on the cases page
    "patrols": "/patrols",
    "public": "/public",
}
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def live(demo_app):
    with LiveServer(demo_app) as server:
        yield server


def _artifacts() -> Path:
    folder = Path(os.environ.get("WATCHLINE_ARTIFACTS", ROOT / "var" / "test-artifacts"))
    (folder / "screenshots").mkdir(parents=True, exist_ok=True)
    return folder / "screenshots"


def test_screenshots_of_the_main_pages(browser, live, demo_app) -> None:
    from watchline.services.accounts import add_user

    add_user(demo_app.state.db, "analyst.demo", "analyst", PASSWORD)
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{live.url}/login?next=/dashboard")
    page.fill("input[name=name]", "analyst.demo")
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/dashboard")
    out = _artifacts()
    taken = []
    for name, path in PAGES.items():
        if path is None:
            page.goto(f"{live.url}/cases?status=contradicted")
            path = page.locator("table.cases a").first.get_attribute("href")
            assert path and re.fullmatch(r"/cases/[\w-]+", path)
        page.goto(f"{live.url}{path}")
        if page.locator("#map").count():
            page.wait_for_selector("#map[data-ready=true]", timeout=10_000)
        target = out / f"{name}.png"
        page.screenshot(path=str(target), full_page=True)
        taken.append(target)
    page.close()
    assert not errors, errors
    for shot in taken:
        data = shot.read_bytes()
        assert data.startswith(PNG) and len(data) > 10_000, shot  # a page, not a blank
    if os.environ.get("WATCHLINE_UPDATE_SCREENSHOTS"):
        DOCS.mkdir(parents=True, exist_ok=True)
        for shot in taken:
            (DOCS / shot.name).write_bytes(shot.read_bytes())


def test_readme_shows_every_screenshot() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Screenshots" in readme
    for name in PAGES:
        assert f"docs/screenshots/{name}.png" in readme, name
        assert (DOCS / f"{name}.png").read_bytes().startswith(PNG), name
