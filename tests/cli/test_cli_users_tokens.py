"""One API token can be revoked on its own: `watchline users tokens|revoke`."""

from __future__ import annotations

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from watchline.cli import app
from watchline.settings import Settings
from watchline.web import create_app

runner = CliRunner()


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_revoking_one_token_leaves_the_others_working(tmp_path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'team.db'}"
    monkeypatch.setenv("WATCHLINE_DATABASE_URL", url)
    _ok("init")
    _ok("users", "add", "scripts", "--role", "analyst")
    first = _ok("users", "token", "scripts").strip().splitlines()
    second = _ok("users", "token", "scripts").strip().splitlines()[-1]
    first_id = first[0].split()[3]
    listed = _ok("users", "tokens", "scripts")
    assert first_id in listed and "2 tokens." in listed and "revoked" not in listed
    assert "Revoked token" in _ok("users", "revoke", "scripts", first_id[:8])
    assert "revoked" in _ok("users", "tokens", "scripts")
    web = create_app(Settings(database_url=url))
    try:
        with TestClient(web) as client:
            gone = client.get("/api/cases", headers={"Authorization": f"Bearer {first[-1]}"})
            kept = client.get("/api/cases", headers={"Authorization": f"Bearer {second}"})
        assert gone.status_code == 401 and kept.status_code == 200
    finally:
        web.state.db.dispose()
    again = runner.invoke(app, ["users", "revoke", "scripts", first_id])
    assert again.exit_code == 0  # harmless
    for bad in ("abc", "zzzzzzzzzzzz", "0000000000000"):
        wrong = runner.invoke(app, ["users", "revoke", "scripts", bad])
        assert wrong.exit_code == 1 and "E611" in wrong.output
    audit = _ok("audit", "list", "--action", "user")
    assert audit.count("user.token_revoke") == 2
