"""Mission key pairs: made with the right modes, never overwritten, read back strictly."""

from __future__ import annotations

import hashlib
import os
import stat

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key

from watchline.errors import WatchlineError
from watchline.publish.keys import (
    ensure_key_pair,
    generate_key_pair,
    key_id,
    load_private_key,
    load_public_key,
)


def test_keys_generate_writes_a_private_key_only_its_owner_reads(tmp_path) -> None:
    old = os.umask(0o000)  # even a permissive umask must not widen the private key
    try:
        pair = generate_key_pair(tmp_path / "keys")
    finally:
        os.umask(old)
    assert pair.private_path.name == "mission.key" and pair.public_path.name == "mission.pub"
    assert stat.S_IMODE(pair.private_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(pair.public_path.stat().st_mode) == 0o644
    assert pair.private_path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert pair.public_path.read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")


def test_keys_id_is_the_sha256_of_the_raw_public_key(tmp_path) -> None:
    pair = generate_key_pair(tmp_path, "desk")
    public = load_public_key(pair.public_path)
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    assert pair.key_id == key_id(public) == hashlib.sha256(raw).hexdigest()[:16]
    assert key_id(load_private_key(pair.private_path).public_key()) == pair.key_id


@pytest.mark.parametrize("existing", ["mission.key", "mission.pub"])
def test_keys_generate_never_overwrites(tmp_path, existing: str) -> None:
    (tmp_path / existing).write_bytes(b"the old key")
    with pytest.raises(WatchlineError) as refused:
        generate_key_pair(tmp_path)
    assert refused.value.code == "E810" and existing in refused.value.message
    assert (tmp_path / existing).read_bytes() == b"the old key"
    assert sorted(p.name for p in tmp_path.iterdir()) == [existing]


def test_keys_generate_refuses_a_name_that_is_a_path(tmp_path) -> None:
    for name in ("../escape", "a/b", ".hidden", ""):
        with pytest.raises(WatchlineError) as refused:
            generate_key_pair(tmp_path, name)
        assert refused.value.code == "E818"
    assert list(tmp_path.iterdir()) == []


def test_keys_generate_into_a_file_is_refused(tmp_path) -> None:
    (tmp_path / "plain").write_text("not a folder")
    with pytest.raises(WatchlineError) as refused:
        generate_key_pair(tmp_path / "plain")
    assert refused.value.code == "E811"


def test_keys_ensure_reuses_the_key_and_restores_its_public_half(tmp_path) -> None:
    first, made = ensure_key_pair(tmp_path)
    assert made
    secret = first.private_path.read_bytes()
    first.public_path.write_bytes(b"-----BEGIN PUBLIC KEY-----\nstale\n")
    again, made = ensure_key_pair(tmp_path)
    assert not made and again.key_id == first.key_id
    assert first.private_path.read_bytes() == secret
    assert key_id(load_public_key(again.public_path)) == first.key_id


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "it is empty"),
        (b"-----BEGIN PRIVATE KEY-----\nnot base64 at all\n-----END PRIVATE KEY-----\n", ""),
        (b"just some text\n", ""),
    ],
)
def test_keys_load_refuses_what_is_not_a_key(tmp_path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.key"
    path.write_bytes(content)
    for load in (load_private_key, load_public_key):
        with pytest.raises(WatchlineError) as refused:
            load(path)
        assert refused.value.code == "E812" and str(path) in refused.value.message
        assert reason in refused.value.message


def test_keys_load_names_the_wrong_half_and_the_wrong_algorithm(tmp_path) -> None:
    pair = generate_key_pair(tmp_path)
    with pytest.raises(WatchlineError, match="it is a public key"):
        load_private_key(pair.public_path)
    with pytest.raises(WatchlineError, match="it is a private key"):
        load_public_key(pair.private_path)
    other = tmp_path / "ecdsa.key"
    other.write_bytes(
        generate_private_key(SECP256R1()).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    with pytest.raises(WatchlineError, match="another kind of key") as refused:
        load_private_key(other)
    assert refused.value.code == "E812"


def test_keys_load_refuses_a_missing_file_and_a_folder(tmp_path) -> None:
    for path, reason in ((tmp_path / "none.pub", "does not exist"), (tmp_path, "not a regular")):
        with pytest.raises(WatchlineError, match=reason) as refused:
            load_public_key(path)
        assert refused.value.code == "E812"


def test_keys_ensure_replaces_a_public_key_without_its_private_half(tmp_path) -> None:
    stale = generate_key_pair(tmp_path / "old")
    (tmp_path / "mission.pub").write_bytes(stale.public_path.read_bytes())
    pair, made = ensure_key_pair(tmp_path)
    assert made and pair.key_id != stale.key_id
    assert key_id(load_public_key(pair.public_path)) == pair.key_id


def test_keys_ensure_refuses_a_folder_in_the_public_keys_place(tmp_path) -> None:
    ensure_key_pair(tmp_path)
    (tmp_path / "mission.pub").unlink()
    (tmp_path / "mission.pub").mkdir()
    (tmp_path / "mission.pub" / "inside").write_text("x")
    with pytest.raises(WatchlineError) as refused:
        ensure_key_pair(tmp_path)
    assert refused.value.code == "E811"
