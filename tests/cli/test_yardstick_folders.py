"""The real-article tools serve a second yardstick folder (the Russian one, issue 14).

`pull.py`, `check_gold.py` and `score.py` default to benchmarks/real_articles; with
``--gold-dir``/``--texts`` they read another folder's gold and texts. These tests pull a
text from a search answer written here (an invented sentence, not an article), refuse a
changed one, check the saved gold, and check the committed Russian gold's own shape.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
TOOLS = ROOT / "benchmarks" / "real_articles"
RU_GOLD = ROOT / "benchmarks" / "real_articles_ru" / "gold"

TEXT = "Министерство обороны заявило, что позиции подверглись обстрелу."
URL = "https://example.org/invented-1"


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOLS / script), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _gold_folder(tmp_path: Path) -> Path:
    gold = tmp_path / "gold"
    gold.mkdir()
    start = TEXT.index("позиции")
    doc = {
        "id": "invented-ministry-fire",
        "published_on": "2024-05-07",
        "text_sha256": hashlib.sha256(TEXT.encode("utf-8")).hexdigest(),
        "query": "invented query",
        "url": URL,
        "claims": [
            {
                "speaker": "Министерство обороны",
                "affiliation": "AZE",
                "act": "accuse",
                "event_type": "attack",
                "agent": "ARM",
                "negated": False,
                "stated_on": None,
                "cue": "заявило",
                "content_start": start,
                "content_end": len(TEXT) - 1,
            }
        ],
    }
    (gold / "dev-a.jsonl").write_text(json.dumps(doc, ensure_ascii=False) + "\n", "utf-8")
    return gold


def _answer(tmp_path: Path, name: str, excerpt: str) -> Path:
    path = tmp_path / name
    answer = {"corpus": "pages", "results": [{"url": URL, "excerpt": excerpt}]}
    path.write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
    return path


def test_pull_and_check_a_second_folder(tmp_path: Path) -> None:
    gold, texts = _gold_folder(tmp_path), tmp_path / "texts"
    folders = ["--gold-dir", str(gold), "--texts", str(texts)]
    listed = _run("pull.py", *folders, "missing")
    assert listed.returncode == 1
    assert "invented-ministry-fire" in listed.stdout and "1 of 1 texts missing" in listed.stdout

    changed = _run("pull.py", *folders, "add", str(_answer(tmp_path, "b.json", TEXT + " ")))
    assert "sha256 differs" in changed.stdout
    assert not (texts / "invented-ministry-fire.txt").exists()

    saved = _run("pull.py", *folders, "add", str(_answer(tmp_path, "a.json", TEXT)))
    assert "saved 1 text(s), 0 changed" in saved.stdout
    assert (texts / "invented-ministry-fire.txt").read_text("utf-8") == TEXT
    assert _run("pull.py", *folders, "missing").returncode == 0

    checked = _run("check_gold.py", str(gold / "dev-a.jsonl"), "--texts", str(texts))
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.strip().endswith("ok")


def test_score_names_the_folder_it_found_no_gold_in(tmp_path: Path) -> None:
    result = _run("score.py", "--gold-dir", str(tmp_path), "--set", "heldout")
    assert result.returncode == 2
    assert f"no gold files for --set heldout under {tmp_path}" in result.stderr


def test_russian_gold_is_split_and_well_formed() -> None:
    sets: dict[str, list[dict]] = {"dev": [], "heldout": []}
    for path in sorted(RU_GOLD.glob("*.jsonl")):
        kind = path.name.split("-", 1)[0]
        lines = path.read_text(encoding="utf-8").splitlines()
        sets[kind] += [json.loads(line) for line in lines if line.strip()]
    ids = [doc["id"] for docs in sets.values() for doc in docs]
    assert len(ids) == len(set(ids)), "a document id appears twice"
    urls = {kind: {doc["url"] for doc in docs} for kind, docs in sets.items()}
    assert not urls["dev"] & urls["heldout"], "a text is in both dev and held-out"
    for kind, docs in sets.items():
        assert len(docs) >= 12, kind
        assert len({doc["theatre"] for doc in docs}) >= 4, kind
        for doc in docs:
            assert doc["language"] == "ru" and len(doc["text_sha256"]) == 64
            assert doc["claims"], doc["id"]
            for claim in doc["claims"]:
                assert "content" not in claim, "article text must not be committed"
                assert 0 <= claim["content_start"] < claim["content_end"], doc["id"]
