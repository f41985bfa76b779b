"""Check the toponym gold of the real articles before it is committed or scored.

The toponym gold (``gold/toponyms-dev.jsonl``, ``gold/toponyms-heldout.jsonl``) is one
document a line: ``{"id", "text_sha256", "toponyms": [...]}``.  The texts are never
committed, so this is what tells an annotator, or a later session, that a pulled text
and the offsets still agree, and that each document sits in the part (dev or held-out)
its claim gold puts it in -- a held-out document leaking into dev would make the
held-out figure a lie.

    python benchmarks/real_articles/check_toponyms.py            # both parts
    python benchmarks/real_articles/check_toponyms.py --counts   # and the figures
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"country", "admin1", "admin2", "city", "village", "feature", "line", "area", "continent"}
KEYS = {"start", "end", "text", "name", "kind", "country", "lat", "lon"}
ALPHA3 = re.compile(r"^[A-Z]{3}$")


def claim_gold(gold: Path) -> dict[str, tuple[str, str]]:
    """Map each document id of the claim gold to its part and text sha256."""
    known: dict[str, tuple[str, str]] = {}
    for path in sorted(gold.glob("*.jsonl")):
        if path.name.startswith("toponyms-"):
            continue
        part = "dev" if path.name.startswith("dev") else "heldout"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                doc = json.loads(line)
                known[doc["id"]] = (part, doc["text_sha256"])
    return known


def check_toponym(top: dict, text: str) -> list[str]:
    """Return what is wrong with one toponym (empty when it is well formed)."""
    problems = [f"missing {k}" for k in sorted(KEYS - top.keys())]
    problems += [f"unknown key {k}" for k in sorted(top.keys() - KEYS)]
    if problems:
        return problems
    start, end = top["start"], top["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        problems.append(f"span {start}..{end} is not inside the text ({len(text)} characters)")
    elif text[start:end] != top["text"]:
        problems.append(f"text {top['text']!r} is not text[{start}:{end}] {text[start:end]!r}")
    if top["kind"] not in KINDS:
        problems.append(f"kind {top['kind']!r} is not one of {sorted(KINDS)}")
    if top["country"] is not None and not ALPHA3.match(str(top["country"])):
        problems.append(f"country {top['country']!r} is not ISO alpha-3 or null")
    lat, lon = top["lat"], top["lon"]
    if not (isinstance(lat, int | float) and -90 <= lat <= 90):
        problems.append(f"lat {lat!r} is not in [-90, 90]")
    if not (isinstance(lon, int | float) and -180 <= lon <= 180):
        problems.append(f"lon {lon!r} is not in [-180, 180]")
    if not str(top["name"]).strip():
        problems.append("name is empty")
    return problems


def check_file(path: Path, texts: Path, known: dict[str, tuple[str, str]]) -> int:
    """Print every problem in one toponym gold file; return how many there were."""
    bad = 0
    part = "dev" if "dev" in path.name else "heldout"
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            print(f"{where}: not JSON ({exc})")
            bad += 1
            continue
        if not {"id", "text_sha256", "toponyms"} <= doc.keys():
            print(f"{where}: needs id, text_sha256 and toponyms")
            bad += 1
            continue
        doc_id = doc["id"]
        if doc_id in seen:
            print(f"{where}: id {doc_id} appears twice")
            bad += 1
        seen.add(doc_id)
        if doc_id not in known:
            print(f"{where}: id {doc_id} is in no claim gold file")
            bad += 1
            continue
        if known[doc_id] != (part, doc["text_sha256"]):
            print(f"{where}: {doc_id} belongs to {known[doc_id][0]} with another sha256")
            bad += 1
            continue
        text_file = texts / f"{doc_id}.txt"
        if not text_file.exists():
            print(f"{where}: {text_file} is missing (pull the texts again: see README.md)")
            bad += 1
            continue
        raw = text_file.read_bytes()
        if hashlib.sha256(raw).hexdigest() != doc["text_sha256"]:
            print(f"{where}: {text_file.name} does not match text_sha256")
            bad += 1
            continue
        text = raw.decode("utf-8")
        last_end = -1
        for index, top in enumerate(doc["toponyms"]):
            problems = check_toponym(top, text)
            if not problems and top["start"] < last_end:
                problems.append("overlaps the toponym before it (or is out of order)")
            for problem in problems:
                print(f"{where}: toponym {index}: {problem}")
                bad += 1
            if not problems:
                last_end = top["end"]
    return bad


def counts(path: Path) -> str:
    """One line of figures for a part: documents, toponyms and toponyms by kind."""
    docs = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    kinds = Counter(top["kind"] for doc in docs for top in doc["toponyms"])
    by_kind = " ".join(f"{kind}={kinds[kind]}" for kind in sorted(kinds))
    total = sum(kinds.values())
    return f"{path.name}: documents={len(docs)} toponyms={total} {by_kind}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--texts", type=Path, default=HERE / "texts")
    parser.add_argument("--counts", action="store_true", help="print figures per part")
    args = parser.parse_args()
    files = args.gold or sorted((HERE / "gold").glob("toponyms-*.jsonl"))
    known = claim_gold(files[0].parent if files else HERE / "gold")
    bad = sum(check_file(path, args.texts, known) for path in files)
    if args.counts:
        for path in files:
            print(counts(path))
    print("ok" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
