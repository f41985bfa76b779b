"""The toponym gold of the real articles (issue 10) and the checker that guards it.

The texts are not committed, so the committed gold is checked here for what can be
checked without them (its split, its fields, its spans' order); the checker itself is
run on a folder written here, with an invented sentence, and must name each problem.
The other real-article tools must keep working with the toponym files beside the claim
gold.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
TOOLS = ROOT / "benchmarks" / "real_articles"
GOLD = TOOLS / "gold"
KINDS = {"country", "admin1", "admin2", "city", "village", "feature", "line", "area", "continent"}

TEXT = "Shelling was reported near Tovuz and along the Line of Control, Baku said."


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOLS / script), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _top(surface: str, **changes: object) -> dict:
    start = TEXT.index(surface)
    top = {
        "start": start,
        "end": start + len(surface),
        "text": surface,
        "name": surface,
        "kind": "city",
        "country": "AZE",
        "lat": 40.99,
        "lon": 45.63,
    }
    top.update(changes)
    return top


def _folder(tmp_path: Path, toponyms: list[dict], part: str = "dev") -> Path:
    gold, texts = tmp_path / "gold", tmp_path / "texts"
    gold.mkdir(parents=True)
    texts.mkdir()
    (texts / "invented-tovuz.txt").write_text(TEXT, encoding="utf-8")
    sha = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    claim_doc = {"id": "invented-tovuz", "text_sha256": sha, "query": "q", "url": "u"}
    (gold / f"{part}-a.jsonl").write_text(json.dumps(claim_doc) + "\n", "utf-8")
    doc = {"id": "invented-tovuz", "text_sha256": sha, "toponyms": toponyms}
    (gold / "toponyms-dev.jsonl").write_text(json.dumps(doc) + "\n", "utf-8")
    return gold


def _check(gold: Path) -> subprocess.CompletedProcess[str]:
    texts = str(gold.parent / "texts")
    return _run("check_toponyms.py", str(gold / "toponyms-dev.jsonl"), "--texts", texts, "--counts")


def test_checker_accepts_good_gold_and_counts_it(tmp_path: Path) -> None:
    line = _top("Line of Control", kind="line", country=None, lat=34.2, lon=74.2)
    gold = _folder(tmp_path, [_top("Tovuz"), line])
    result = _check(gold)
    assert result.returncode == 0, result.stdout
    assert "documents=1 toponyms=2 city=1 line=1" in result.stdout
    # pull.py and check_gold.py read the same folder and leave the toponym file alone
    listed = _run("pull.py", "--gold-dir", str(gold), "--texts", str(tmp_path / "texts"), "missing")
    assert "0 of 1 texts missing" in listed.stdout, listed.stdout + listed.stderr
    skipped = _run("check_gold.py", str(gold / "toponyms-dev.jsonl"))
    assert "checked by check_toponyms.py; skipped" in skipped.stdout


def test_checker_names_each_problem(tmp_path: Path) -> None:
    bad = [
        _top("Tovuz", text="Tovuz district"),
        _top("Line of Control", kind="border"),
        _top("Control", lat=95.0),
        _top("Baku", country="Azerbaijan", lon=-200),
    ]
    result = _check(_folder(tmp_path, bad))
    assert result.returncode == 1
    out = result.stdout
    assert "toponym 0: text 'Tovuz district' is not text[" in out
    assert "toponym 1: kind 'border' is not one of" in out
    assert "toponym 2: lat 95.0 is not in [-90, 90]" in out
    assert "toponym 3: country 'Azerbaijan' is not ISO alpha-3 or null" in out
    assert "toponym 3: lon -200 is not in [-180, 180]" in out


def test_checker_refuses_overlaps_and_a_document_of_the_other_part(tmp_path: Path) -> None:
    overlapping = [_top("Line of Control", kind="line"), _top("Control", kind="line")]
    result = _check(_folder(tmp_path / "a", overlapping))
    assert "toponym 1: overlaps the toponym before it" in result.stdout
    moved = _check(_folder(tmp_path / "b", [_top("Tovuz")], part="heldout"))
    assert moved.returncode == 1
    assert "invented-tovuz belongs to heldout" in moved.stdout


def _claim_parts() -> dict[str, tuple[str, str]]:
    parts: dict[str, tuple[str, str]] = {}
    for path in sorted(GOLD.glob("*.jsonl")):
        if not path.name.startswith("toponyms-"):
            part = path.name.split("-", 1)[0]
            for line in path.read_text(encoding="utf-8").splitlines():
                doc = json.loads(line)
                parts[doc["id"]] = (part, doc["text_sha256"])
    return parts


def test_committed_toponym_gold_follows_the_claim_split() -> None:
    parts = _claim_parts()
    seen: set[str] = set()
    for part in ("dev", "heldout"):
        lines = (GOLD / f"toponyms-{part}.jsonl").read_text(encoding="utf-8").splitlines()
        docs = [json.loads(line) for line in lines if line.strip()]
        assert len(docs) >= 20, part
        for doc in docs:
            assert parts[doc["id"]] == (part, doc["text_sha256"]), doc["id"]
            assert doc["id"] not in seen
            seen.add(doc["id"])
            last_end = -1
            for top in doc["toponyms"]:
                assert top["kind"] in KINDS, (doc["id"], top)
                assert last_end <= top["start"] < top["end"], (doc["id"], top)
                assert top["end"] - top["start"] == len(top["text"]), (doc["id"], top)
                assert -90 <= top["lat"] <= 90 and -180 <= top["lon"] <= 180, (doc["id"], top)
                last_end = top["end"]
    assert len(seen) >= 40
