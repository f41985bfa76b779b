"""Statements in the app: a publisher drafts, edits and publishes; the public sees only
what is published, escaped."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def _case_id(client) -> str:
    return next(c["id"] for c in client.get("/api/cases").json() if c["status"] != "pending")


def test_publisher_drafts_edits_and_publishes_and_the_public_reads_it(demo_app, login) -> None:
    client = login(demo_app, "publisher")
    case = _case_id(client)
    page = client.get(f"/cases/{case}")
    assert "Draft a statement" in page.text
    drafted = client.post(
        f"/cases/{case}/statement", data={"csrf_token": client.csrf}, follow_redirects=False
    )
    assert drafted.status_code == 303
    path = drafted.headers["location"]
    sid = path.rsplit("/", 1)[1]
    hostile = "The mission patrolled. <script>alert(1)</script> <img src=x onerror=alert(2)>"
    saved = client.post(
        path, data={"csrf_token": client.csrf, "text": hostile, "why": "wording"},
        follow_redirects=False,
    )  # fmt: skip
    assert saved.status_code == 303
    anonymous = TestClient(demo_app)
    assert anonymous.get(f"/public/statements/{sid}").status_code == 404  # still a draft
    assert sid not in anonymous.get("/public").text
    published = client.post(
        f"{path}/publish", data={"csrf_token": client.csrf}, follow_redirects=False
    )
    assert published.status_code == 303
    public = anonymous.get(f"/public/statements/{sid}")
    assert public.status_code == 200
    assert "<script>alert(1)</script>" not in public.text and "&lt;script&gt;" in public.text
    assert "<img src=x" not in public.text
    assert re.search(r"sha256 of the text below is <code>[0-9a-f]{64}</code>", public.text)
    assert "content-security-policy" in public.headers
    feed = anonymous.get("/api/public/statements").json()
    assert feed[0]["id"] == sid and all("drafted_by" not in s for s in feed)
    again = client.post(path, data={"csrf_token": client.csrf, "text": "changed"})
    assert again.status_code == 409 and again.json()["code"] == "E821"


def test_an_analyst_may_read_statements_but_not_publish(demo_app, login) -> None:
    publisher = login(demo_app, "publisher")
    made = publisher.post(
        f"/api/cases/{_case_id(publisher)}/statements",
        json={},
        headers={"X-CSRF-Token": publisher.csrf},
    )
    assert made.status_code == 201, made.text
    sid = made.json()["id"]
    analyst = login(demo_app, "analyst")
    assert analyst.get("/statements").status_code == 200
    assert "Publish" not in analyst.get(f"/statements/{sid}").text
    refused = analyst.post(f"/api/statements/{sid}/publish", headers={"X-CSRF-Token": analyst.csrf})
    assert refused.status_code == 403
    anonymous = TestClient(demo_app)
    assert anonymous.get("/api/statements").status_code == 401
    assert anonymous.get("/statements", follow_redirects=False).status_code == 303


def test_a_server_key_signs_what_is_published_and_readers_can_check_it(
    demo_run, tmp_path, login
) -> None:
    import shutil

    from watchline.publish.keys import generate_key_pair
    from watchline.publish.signing import read_bundle, verify_file
    from watchline.settings import Settings
    from watchline.web import create_app

    pair = generate_key_pair(tmp_path / "keys")
    db_file = tmp_path / "signed.db"
    shutil.copy(demo_run.database_url.removeprefix("sqlite:///"), db_file)
    app = create_app(Settings(database_url=f"sqlite:///{db_file}", signing_key=pair.private_path))
    try:
        publisher = login(app, "publisher")
        made = publisher.post(
            f"/api/cases/{_case_id(publisher)}/statements",
            json={"text": "The mission patrolled along the border all day."},
            headers={"X-CSRF-Token": publisher.csrf},
        ).json()
        done = publisher.post(
            f"/api/statements/{made['id']}/publish", headers={"X-CSRF-Token": publisher.csrf}
        )
        assert done.status_code == 200 and done.json()["signed"] is True
        anonymous = TestClient(app)
        data = anonymous.get(f"/public/statements/{made['id']}.txt").content
        bundle = anonymous.get(f"/public/statements/{made['id']}.txt.sig.json")
        assert bundle.status_code == 200
        (tmp_path / "b.sig.json").write_bytes(bundle.content)
        facts = read_bundle(tmp_path / "b.sig.json")
        assert facts.sha256 == done.json()["sha256"] and facts.key_id == pair.key_id
        (tmp_path / "copy.txt").write_bytes(data)
        verify_file(tmp_path / "copy.txt", tmp_path / "b.sig.json", pair.public_path)
        page = anonymous.get(f"/public/statements/{made['id']}")
        assert "signature bundle" in page.text
    finally:
        app.state.db.dispose()


def test_an_unsigned_statement_has_no_bundle(demo_app, login) -> None:
    publisher = login(demo_app, "publisher")
    made = publisher.post(
        f"/api/cases/{_case_id(publisher)}/statements",
        json={},
        headers={"X-CSRF-Token": publisher.csrf},
    ).json()
    publisher.post(
        f"/api/statements/{made['id']}/publish", headers={"X-CSRF-Token": publisher.csrf}
    )
    anonymous = TestClient(demo_app)
    assert anonymous.get(f"/public/statements/{made['id']}.txt").status_code == 200
    missing = anonymous.get(f"/public/statements/{made['id']}.txt.sig.json")
    assert missing.status_code == 404 and missing.json()["code"] == "E826"
