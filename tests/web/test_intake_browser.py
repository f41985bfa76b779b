"""The browser intake as the team uses it (Debian Chromium via Playwright): every role
logs in and sees only what it may do; a monitor uploads a patrol track and records a
finding with a photo; an analyst overrides a verdict — and no script runs anywhere."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from .conftest import PASSWORD, LiveServer

GPX = Path(__file__).parents[1] / "fixtures" / "observe" / "patrols" / "jermuk.gpx"


@pytest.fixture
def live(demo_app):
    with LiveServer(demo_app) as server:
        yield server


def _log_in(browser, live, demo_app, role: str):
    from watchline.services.accounts import add_user, list_users

    name = f"b-{role}"
    if name not in {u.name for u in list_users(demo_app.state.db)}:
        add_user(demo_app.state.db, name, role, PASSWORD)
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{live.url}/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_selector("header .who")
    return page, dialogs


@pytest.mark.parametrize(
    ("role", "may_patrol", "may_ingest"),
    [("monitor", True, False), ("analyst", False, True), ("publisher", False, False),
     ("admin", True, True)],
)  # fmt: skip
def test_each_role_sees_its_own_intake(browser, live, demo_app, role, may_patrol, may_ingest):
    page, dialogs = _log_in(browser, live, demo_app, role)
    assert f"b-{role} ({role})" in page.locator("header").inner_text()
    for path, allowed in (("/intake/patrols", may_patrol), ("/intake/documents", may_ingest)):
        answer = page.goto(f"{live.url}{path}")
        assert answer is not None and (answer.status == 200) is allowed, (role, path)
    assert dialogs == []
    page.close()


def test_a_monitor_uploads_a_track_and_records_a_finding_with_a_photo(
    browser, live, demo_app, tmp_path
) -> None:
    page, dialogs = _log_in(browser, live, demo_app, "monitor")
    page.goto(f"{live.url}/intake/patrols")
    page.set_input_files("input[name=files]", str(GPX))
    page.get_by_role("button", name="Upload").click()
    page.wait_for_selector("section.import-report")
    assert "New patrols: patrol-" in page.locator("section.import-report").inner_text()
    photo = tmp_path / "finding.jpg"
    out = io.BytesIO()
    Image.new("RGB", (32, 24), "green").save(out, "JPEG")
    photo.write_bytes(out.getvalue())
    page.goto(f"{live.url}/intake/findings")
    page.fill("input[name=patrol]", "Team Jermuk 2")
    page.select_option("select[name=type]", "nothing_unusual")
    page.fill("input[name=time]", "2024-03-31T09:15")
    page.fill("input[name=lat]", "39.86")
    page.fill("input[name=lon]", "45.71")
    page.fill("textarea[name=notes]", "<img src=x onerror=alert(1)> calm")
    page.set_input_files("input[name=photos]", str(photo))
    page.get_by_role("button", name="Record finding").click()
    page.wait_for_selector("section.recorded")
    assert "Recorded finding" in page.locator("section.recorded").inner_text()
    assert page.locator("section.recorded img.photo").count() == 1
    assert dialogs == []


def test_an_analyst_overrides_a_verdict_under_their_name(browser, live, demo_app) -> None:
    page, dialogs = _log_in(browser, live, demo_app, "analyst")
    page.goto(f"{live.url}/cases")
    page.locator("table.cases a").first.click()
    page.select_option("select[name=status]", "disputed")
    page.fill("textarea[name=reason]", "awaiting the second patrol's report")
    page.get_by_role("button", name="Record verdict").click()
    page.wait_for_selector("span.status.disputed")
    assert "b-analyst" in page.content()
    assert dialogs == []
