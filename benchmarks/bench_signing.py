"""Signing and verifying publications: the cost over hashing the file, and per bundle.

Writes a SIZE_MB file of random bytes (a large PDF or GeoPackage export), then times in
the same run: a plain SHA-256 of the file (the baseline: reading and hashing cannot be
avoided), `sign_file` and `verify_file` on it; then COUNT small reports signed and
verified one by one, as files (each bundle is fsync'd and renamed into place, so this
figure is the disk's) and in memory (`sign_bytes` + `verify_bytes`: the cryptography's
own cost). Targets: sign and verify of the big file each within 1.5x the plain hash;
a small report signed + verified in memory in under 1 ms.

    python benchmarks/bench_signing.py [--quick]
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

from watchline.publish.keys import generate_key_pair, load_private_key
from watchline.publish.signing import (
    bundle_path_for,
    sign_bytes,
    sign_file,
    verify_bytes,
    verify_file,
)

RATIO_TARGET = 1.5
MEMORY_TARGET_MS = 1.0


def _best(work, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def _plain_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def main() -> None:
    quick = "--quick" in sys.argv
    size_mb, count, runs = (8, 50, 2) if quick else (200, 500, 3)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pair = generate_key_pair(folder / "keys")
        big = folder / "export.gpkg"
        with big.open("wb") as stream:
            for _ in range(size_mb):
                stream.write(os.urandom(1 << 20))
        hash_s = _best(lambda: _plain_sha256(big), runs)
        sign_s = _best(lambda: sign_file(big, pair.private_path), runs)
        bundle = bundle_path_for(big)
        verify_s = _best(lambda: verify_file(big, bundle, pair.public_path), runs)

        reports = []
        for i in range(count):
            path = folder / f"sitrep-{i}.html"
            path.write_text(f"<p>Report {i}: no unusual movements.</p>\n" * 400)
            reports.append(path)
        started = time.perf_counter()
        for path in reports:
            verify_file(path, sign_file(path, pair.private_path), pair.public_path)
        small_ms = (time.perf_counter() - started) / count * 1000
        key = load_private_key(pair.private_path)
        texts = [path.read_bytes() for path in reports]
        started = time.perf_counter()
        for data in texts:
            verify_bytes(data, sign_bytes(data, name="sitrep.html", key=key), key.public_key())
        memory_ms = (time.perf_counter() - started) / count * 1000

    sign_ratio, verify_ratio = sign_s / hash_s, verify_s / hash_s
    print(f"sha256 of {size_mb} MB     {hash_s:7.3f} s   (baseline)")
    print(f"sign_file              {sign_s:7.3f} s   ({sign_ratio:.2f}x, target < {RATIO_TARGET}x)")
    print(f"verify_file            {verify_s:7.3f} s   ({verify_ratio:.2f}x)")
    print(f"small report, files    {small_ms:7.2f} ms each sign + verify ({count} reports)")
    print(f"small report, memory   {memory_ms:7.2f} ms each (target < {MEMORY_TARGET_MS} ms)")
    met = max(sign_ratio, verify_ratio) < RATIO_TARGET and memory_ms < MEMORY_TARGET_MS
    print(
        f"size_mb={size_mb} hash_s={hash_s:.3f} sign_s={sign_s:.3f} verify_s={verify_s:.3f} "
        f"sign_over_hash={sign_ratio:.2f} verify_over_hash={verify_ratio:.2f} "
        f"small_ms={small_ms:.2f} memory_ms={memory_ms:.3f} targets_met={int(met)}"
    )


if __name__ == "__main__":
    main()
