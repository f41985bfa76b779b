"""`watchline keys generate`, `sign`, `verify-publication` and `report --sign` end to end."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from watchline.cli import app

runner = CliRunner()


def _ok(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.output


def _refused(args: list[str], code: str) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert f"watchline: {code}: " in result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, str]:
    out = _ok(["keys", "generate", "--out", str(tmp_path / "offline"), "--name", "mission"])
    key_id = out.split("Key id: ", 1)[1].split()[0]
    return {
        "id": key_id,
        "key": str(tmp_path / "offline" / "mission.key"),
        "pub": str(tmp_path / "offline" / "mission.pub"),
    }


def test_cli_keys_generate_prints_the_id_and_both_paths(tmp_path, keys) -> None:
    assert len(keys["id"]) == 16
    assert stat.S_IMODE(os.stat(keys["key"]).st_mode) == 0o600
    output = _refused(["keys", "generate", "--out", str(tmp_path / "offline")], "E810")
    assert "mission.key already exists" in output
    assert _ok(["keys", "generate", "--out", str(tmp_path / "offline"), "--name", "spare"])


def test_cli_sign_and_verify_a_copy(tmp_path, keys) -> None:
    export = tmp_path / "claims.csv"
    export.write_text("event_date,actor1,location\n2024-03-31,AZE,Tegh\n", encoding="utf-8")
    signed = _ok(["sign", str(export), "--key", keys["key"]])
    assert f"with key {keys['id']}: {export}.sig.json" in signed
    ok = _ok(["verify-publication", str(export), "--key", keys["pub"]])
    assert ok.startswith(f"OK: {export} is exactly what key {keys['id']} signed.")
    assert "sha256 " in ok and "signed at 20" in ok

    copy = tmp_path / "downloaded (1).csv"  # a reader's renamed copy, bundle given apart
    copy.write_bytes(export.read_bytes())
    renamed = _ok(["verify-publication", str(copy), "--bundle", f"{export}.sig.json",
                   "--key", keys["pub"]])  # fmt: skip
    assert "signed under the name 'claims.csv'" in renamed

    copy.write_bytes(export.read_bytes().replace(b"AZE", b"ARM"))
    _refused(["verify-publication", str(copy), "--bundle", f"{export}.sig.json",
              "--key", keys["pub"]], "E814")  # fmt: skip


def test_cli_verify_refusals_are_one_coded_line(tmp_path, keys) -> None:
    report = tmp_path / "sitrep.md"
    report.write_text("# Situation report\n\nNo unusual movements.\n", encoding="utf-8")
    _ok(["sign", str(report), "--key", keys["key"]])
    bundle = Path(f"{report}.sig.json")
    _refused(["verify-publication", str(report), "--key", keys["key"]], "E812")
    _refused(["sign", str(report), "--key", keys["pub"]], "E812")
    _refused(["sign", str(tmp_path / "absent.pdf"), "--key", keys["key"]], "E817")
    fields = json.loads(bundle.read_text(encoding="utf-8"))
    fields["signed_at"] = "2026-01-01T00:00:00Z"
    bundle.write_text(json.dumps(fields), encoding="utf-8")
    _refused(["verify-publication", str(report), "--key", keys["pub"]], "E816")
    bundle.write_text("{not json", encoding="utf-8")
    _refused(["verify-publication", str(report), "--key", keys["pub"]], "E813")


def test_cli_report_sign_writes_a_verifying_bundle_and_an_audit_entry(db_env, keys) -> None:
    _ok(["init"])
    out = _ok(["report", "-o", "sitrep.html", "--sign", keys["key"]])
    assert f"with key {keys['id']}: sitrep.html.sig.json" in out
    assert _ok(["verify-publication", "sitrep.html", "--key", keys["pub"]]).startswith("OK")
    (entry,) = json.loads(_ok(["audit", "list", "--action", "publication", "--format", "json"]))
    assert (entry["action"], entry["subject_id"]) == ("publication.sign", "sitrep.html")
    assert entry["details"]["key_id"] == keys["id"]
    assert "PRIVATE" not in json.dumps(entry)


def test_cli_report_sign_with_a_bad_key_writes_nothing(db_env, tmp_path, keys) -> None:
    _ok(["init"])
    _refused(["report", "-o", "sitrep.html", "--sign", keys["pub"]], "E812")
    assert not (tmp_path / "sitrep.html").exists()


def test_cli_verify_tampered_copy_exits_nonzero_without_traceback(tmp_path, keys) -> None:
    """Through the real entry point, as a reader runs it."""
    report = tmp_path / "sitrep.html"
    report.write_text("<p>No unusual movements were observed.</p>\n", encoding="utf-8")
    _ok(["sign", str(report), "--key", keys["key"]])
    report.write_text("<p>No unusual movements were observed!</p>\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", "from watchline.cli import main; main()",
         "verify-publication", str(report), "--key", keys["pub"]],
        capture_output=True, text=True, timeout=120, env=os.environ.copy(),
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith("watchline: E814: ") and "Traceback" not in done.stderr
    assert done.stdout == ""
