"""Signed publications: a copy verifies only when it is byte for byte what was signed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from watchline.errors import WatchlineError
from watchline.publish.keys import KeyPair, generate_key_pair, load_private_key
from watchline.publish.signing import (
    bundle_path_for,
    read_bundle,
    sign_bytes,
    sign_file,
    verify_bytes,
    verify_file,
    write_bundle,
)

REPORT = (
    "<h1>Situation report</h1>\n<p>The mission patrolled along the border near Tegh all day; "
    "no unusual movements were observed. Ташир, Տավուշ, Qazax.</p>\n"
).encode()


@pytest.fixture
def pair(tmp_path: Path) -> KeyPair:
    return generate_key_pair(tmp_path / "keys")


@pytest.fixture
def signed(tmp_path: Path, pair: KeyPair) -> tuple[Path, Path]:
    report = tmp_path / "sitrep.html"
    report.write_bytes(REPORT)
    return report, sign_file(report, pair.private_path)


def _refused(code: str, report: Path, bundle: Path, key: Path) -> str:
    with pytest.raises(WatchlineError) as refused:
        verify_file(report, bundle, key)
    assert refused.value.code == code, refused.value.message
    return refused.value.message


def test_signing_round_trip_states_the_file_facts(signed, pair: KeyPair) -> None:
    report, bundle = signed
    assert bundle == report.with_name("sitrep.html.sig.json") == bundle_path_for(report)
    facts = verify_file(report, bundle, pair.public_path)
    assert (facts.file, facts.size, facts.key_id) == ("sitrep.html", len(REPORT), pair.key_id)
    assert facts.algorithm == "ed25519" and facts.format == "watchline-signature/1"
    signed_at = datetime.fromisoformat(facts.signed_at)
    assert signed_at.tzinfo is not None
    assert abs((datetime.now(UTC) - signed_at).total_seconds()) < 60
    on_disk = json.loads(bundle.read_text(encoding="utf-8"))
    assert set(on_disk) == {"format", "file", "size", "sha256", "signed_at", "key_id",
                            "algorithm", "signature"}  # fmt: skip
    assert list(bundle.parent.glob(".*")) == []  # no temporary file left behind


@pytest.mark.parametrize("offset", [0, len(REPORT) // 2, len(REPORT) - 1])
def test_signing_refuses_a_one_byte_change_of_the_file(signed, pair: KeyPair, offset) -> None:
    report, bundle = signed
    data = bytearray(REPORT)
    data[offset] ^= 0x01
    report.write_bytes(bytes(data))
    message = _refused("E814", report, bundle, pair.public_path)
    assert read_bundle(bundle).sha256 in message  # names the hash signed and the one found


def test_signing_refuses_a_truncated_or_extended_file(signed, pair: KeyPair) -> None:
    report, bundle = signed
    report.write_bytes(REPORT + b"\n")
    assert f"({len(REPORT) + 1} bytes)" in _refused("E814", report, bundle, pair.public_path)


def test_signing_refuses_every_one_byte_change_of_the_bundle(signed, pair: KeyPair) -> None:
    """Flip the low bit of each byte of the bundle in turn: no variant verifies."""
    report, bundle = signed
    original = bundle.read_bytes()
    codes = set()
    for offset in range(len(original)):
        altered = bytearray(original)
        altered[offset] ^= 0x01
        bundle.write_bytes(bytes(altered))
        with pytest.raises(WatchlineError) as refused:
            verify_file(report, bundle, pair.public_path)
        codes.add(refused.value.code)
    assert codes <= {"E813", "E815", "E816"}
    assert "E816" in codes  # a changed sha256, size, name or time breaks the signature


@pytest.mark.parametrize(
    "field, value",
    [
        ("file", "other.html"),
        ("size", len(REPORT) + 1),
        ("signed_at", "2026-01-01T00:00:00Z"),
        ("sha256", "0" * 64),
    ],
)
def test_signing_refuses_a_rewritten_field(signed, pair: KeyPair, field, value) -> None:
    report, bundle = signed
    fields = json.loads(bundle.read_text(encoding="utf-8"))
    fields[field] = value
    bundle.write_text(json.dumps(fields), encoding="utf-8")
    assert "altered" in _refused("E816", report, bundle, pair.public_path)


def test_signing_refuses_the_bundle_of_another_file(tmp_path, signed, pair: KeyPair) -> None:
    report, _ = signed
    other = tmp_path / "statement.md"
    other.write_text("The mission observed no movements on 31 March.\n", encoding="utf-8")
    other_bundle = sign_file(other, pair.private_path)
    message = _refused("E814", report, other_bundle, pair.public_path)
    assert "'statement.md'" in message


def test_signing_refuses_another_key(tmp_path, signed, pair: KeyPair) -> None:
    report, bundle = signed
    stranger = generate_key_pair(tmp_path / "stranger")
    message = _refused("E815", report, bundle, stranger.public_path)
    assert pair.key_id in message and stranger.key_id in message
    forged = sign_file(report, stranger.private_path, bundle=tmp_path / "forged.sig.json")
    assert _refused("E815", report, forged, pair.public_path)


def test_signing_refuses_a_bundle_that_claims_the_mission_key(tmp_path, signed, pair) -> None:
    """Someone with another key who writes the mission's key id into the bundle."""
    report, _ = signed
    stranger = generate_key_pair(tmp_path / "stranger")
    forged = sign_file(report, stranger.private_path, bundle=tmp_path / "forged.sig.json")
    fields = json.loads(forged.read_text(encoding="utf-8"))
    fields["key_id"] = pair.key_id
    forged.write_text(json.dumps(fields), encoding="utf-8")
    _refused("E816", report, forged, pair.public_path)


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "not JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"format": "watchline-signature/1"}', "is missing"),
    ],
)
def test_signing_malformed_bundle_is_coded(signed, pair, content: bytes, reason: str) -> None:
    report, bundle = signed
    bundle.write_bytes(content)
    assert reason in _refused("E813", report, bundle, pair.public_path)


def test_signing_refuses_an_unsigned_extra_field(signed, pair: KeyPair) -> None:
    report, bundle = signed
    fields = json.loads(bundle.read_text(encoding="utf-8"))
    fields["note"] = "approved by the head of mission"
    bundle.write_text(json.dumps(fields), encoding="utf-8")
    assert "'note'" in _refused("E813", report, bundle, pair.public_path)


def test_signing_missing_bundle_file_and_key_are_coded(tmp_path, signed, pair) -> None:
    report, bundle = signed
    assert "does not exist" in _refused("E813", report, tmp_path / "no.sig.json", pair.public_path)
    assert "does not exist" in _refused("E817", tmp_path / "gone.html", bundle, pair.public_path)
    _refused("E817", tmp_path, bundle, pair.public_path)  # a folder is not a publication
    _refused("E812", report, bundle, pair.private_path)  # the private key, by mistake
    _refused("E812", report, bundle, tmp_path / "none.pub")


def test_signing_a_bad_key_writes_no_bundle(tmp_path, pair: KeyPair) -> None:
    report = tmp_path / "r.md"
    report.write_bytes(REPORT)
    with pytest.raises(WatchlineError) as refused:
        sign_file(report, pair.public_path)
    assert refused.value.code == "E812"
    assert not bundle_path_for(report).exists()


def test_signing_bytes_written_elsewhere_verify_as_a_file(tmp_path, pair: KeyPair) -> None:
    """What the app writes itself (a statement) is signed from memory, checked as a file."""
    key = load_private_key(pair.private_path)
    moment = datetime(2026, 12, 4, 1, 30, 5, 123456, tzinfo=UTC)
    signature = sign_bytes(REPORT, name="statement.md", key=key, signed_at=moment)
    assert signature.signed_at == "2026-12-04T01:30:05Z"
    path = tmp_path / "statement.md"
    path.write_bytes(REPORT)
    bundle = write_bundle(signature, bundle_path_for(path))
    assert verify_file(path, bundle, pair.public_path) == signature
    public = key.public_key()
    assert verify_bytes(REPORT, signature, public) == signature
    with pytest.raises(WatchlineError) as refused:
        verify_bytes(REPORT[:-1], signature, public, label="statement 7")
    assert refused.value.code == "E814" and "statement 7" in refused.value.message


def test_signing_resign_replaces_the_bundle_atomically(signed, pair: KeyPair) -> None:
    report, bundle = signed
    report.write_bytes(REPORT + b"<p>Corrected.</p>\n")
    assert sign_file(report, pair.private_path) == bundle
    assert verify_file(report, bundle, pair.public_path).size == len(REPORT) + 18


def test_signing_bundle_checks_with_a_plain_ed25519_library(signed, pair: KeyPair) -> None:
    """docs/publishing.md tells readers how to check a bundle without Watchline."""
    import base64
    import hashlib

    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    report, bundle = signed
    fields = json.loads(bundle.read_text(encoding="utf-8"))
    signature = base64.b64decode(fields.pop("signature"))
    message = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    public = load_pem_public_key(pair.public_path.read_bytes())
    public.verify(signature, message.encode("utf-8"))  # raises InvalidSignature if not
    assert fields["sha256"] == hashlib.sha256(report.read_bytes()).hexdigest()
