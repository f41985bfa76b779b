"""Check real-article gold files before they are scored or committed.

Each line of a gold ``.jsonl`` file is one document (the format of
``../shared/eval/README.md``).  The texts themselves are never committed: they
live in ``texts/<id>.txt`` (ignored by git) and are pulled again each session,
so this check is what tells an annotator, or a later session, that a text and
its offsets still agree.

    python benchmarks/real_articles/check_gold.py benchmarks/real_articles/gold/*.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from watchline.domain import Act, EventType

HERE = Path(__file__).resolve().parent
ACTS = {str(act) for act in Act}
EVENTS = {str(kind) for kind in EventType}
ORGS = {"EU", "UN", "OSCE", "NATO", "CSTO", "ICRC", "AU"}
DOC_KEYS = {"id", "published_on", "text_sha256", "claims", "query", "url"}
CLAIM_KEYS = {
    "speaker",
    "affiliation",
    "act",
    "event_type",
    "agent",
    "negated",
    "stated_on",
    "cue",
    "content_start",
    "content_end",
}
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _code_ok(code: object) -> bool:
    return code is None or (
        isinstance(code, str) and (code in ORGS or re.fullmatch(r"[A-Z]{3}", code) is not None)
    )


def check_claim(claim: dict, text: str) -> list[str]:
    """Return what is wrong with one claim (empty when it is well formed)."""
    problems = [f"missing {k}" for k in sorted(CLAIM_KEYS - claim.keys())]
    if problems:
        return problems
    if claim["act"] not in ACTS:
        problems.append(f"act {claim['act']!r} is not one of {sorted(ACTS)}")
    if claim["event_type"] not in EVENTS:
        problems.append(f"event_type {claim['event_type']!r} is not one of {sorted(EVENTS)}")
    if not _code_ok(claim["affiliation"]):
        problems.append(
            f"affiliation {claim['affiliation']!r} is not ISO alpha-3, an org code or null"
        )
    agents = claim["agent"] if isinstance(claim["agent"], list) else [claim["agent"]]
    if not all(_code_ok(a) for a in agents):
        problems.append(f"agent {claim['agent']!r} is not codes or null")
    if not isinstance(claim["negated"], bool):
        problems.append("negated must be true or false")
    if claim["stated_on"] is not None and not DAY.match(str(claim["stated_on"])):
        problems.append(f"stated_on {claim['stated_on']!r} is not YYYY-MM-DD or null")
    start, end = claim["content_start"], claim["content_end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        problems.append(
            f"content span {start}..{end} is not inside the text ({len(text)} characters)"
        )
    elif claim.get("content") is not None and text[start:end] != claim["content"]:
        problems.append("content does not match text[content_start:content_end]")
    return problems


def check_file(path: Path, texts: Path) -> int:
    """Print every problem in one gold file; return how many there were."""
    bad = 0
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
        missing = DOC_KEYS - doc.keys()
        if missing:
            print(f"{where}: missing {sorted(missing)}")
            bad += 1
            continue
        if doc["id"] in seen:
            print(f"{where}: id {doc['id']} appears twice")
            bad += 1
        seen.add(doc["id"])
        if not DAY.match(str(doc["published_on"])):
            print(f"{where}: published_on {doc['published_on']!r} is not YYYY-MM-DD")
            bad += 1
        text_file = texts / f"{doc['id']}.txt"
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
        for index, claim in enumerate(doc["claims"]):
            for problem in check_claim(claim, text):
                print(f"{where}: claim {index}: {problem}")
                bad += 1
    return bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--texts", type=Path, default=HERE / "texts")
    parser.add_argument(
        "--strip", action="store_true", help="drop the annotators' 'content' copies (article text)"
    )
    args = parser.parse_args()
    toponyms = [path for path in args.gold if path.name.startswith("toponyms-")]
    for path in toponyms:
        print(f"{path.name}: toponym gold, checked by check_toponyms.py; skipped")
    args.gold = [path for path in args.gold if path not in toponyms]
    bad = sum(check_file(path, args.texts) for path in args.gold)
    for path in args.gold:
        docs = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        copies = sum("content" in claim for doc in docs for claim in doc["claims"])
        if copies and args.strip and not bad:
            for doc in docs:
                for claim in doc["claims"]:
                    claim.pop("content", None)
            lines = [json.dumps(doc, ensure_ascii=False) for doc in docs]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            print(f"{path.name}: {copies} content copies removed")
        elif copies:
            print(f"{path.name}: {copies} claims carry 'content' (article text): use --strip")
            bad += 1
    print("ok" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
