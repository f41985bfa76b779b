"""Pull the yardstick's texts again: list what is missing, and save search answers.

The article texts are never committed (only gold: offsets, labels, query, url, sha256).
They come from the search tool's `pages` corpus, which a session reaches through its
tools, not from a shell. So pulling is two steps:

    python benchmarks/real_articles/pull.py missing        # query + url of each missing text
    # run each query in the `pages` corpus; save the tool's JSON answer to a file, then
    python benchmarks/real_articles/pull.py add ANSWER.json [ANSWER2.json …]

Another yardstick built the same way (the Russian one) passes its folders:
``--gold-dir benchmarks/real_articles_ru/gold --texts benchmarks/real_articles_ru/texts``.

`add` writes the excerpt of every result whose url a gold document names to
``texts/<id>.txt`` — only when its sha256 is the annotated one, so offsets stay true.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def gold_documents(gold_dir: Path) -> list[dict]:
    """The claim gold's documents (toponyms-*.jsonl name the same texts, without urls)."""
    return [
        json.loads(line)
        for path in sorted(gold_dir.glob("*.jsonl"))
        if not path.name.startswith("toponyms-")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def missing(gold_dir: Path, texts: Path) -> int:
    gold = gold_documents(gold_dir)
    docs = [d for d in gold if not (texts / f"{d['id']}.txt").exists()]
    for doc in docs:
        print(f"{doc['id']}\tquery: {doc['query']}\turl: {doc['url']}")
    print(f"{len(docs)} of {len(gold)} texts missing under {texts}")
    return 1 if docs else 0


def add(answers: list[Path], gold_dir: Path, texts: Path) -> int:
    by_url: dict[str, list[dict]] = {}
    for doc in gold_documents(gold_dir):
        by_url.setdefault(doc["url"], []).append(doc)
    saved = mismatched = 0
    for answer in answers:
        try:
            results = json.loads(answer.read_text(encoding="utf-8")).get("results", [])
        except (OSError, json.JSONDecodeError, AttributeError) as exc:
            print(f"{answer}: not a search answer ({exc}); skipped", file=sys.stderr)
            continue
        for result in results:
            for doc in by_url.get(result.get("url", ""), []):
                raw = str(result.get("excerpt", "")).encode("utf-8")
                if hashlib.sha256(raw).hexdigest() != doc["text_sha256"]:
                    print(f"{doc['id']}: the stored page changed (sha256 differs); not saved")
                    mismatched += 1
                    continue
                texts.mkdir(parents=True, exist_ok=True)
                (texts / f"{doc['id']}.txt").write_bytes(raw)
                saved += 1
    print(f"saved {saved} text(s), {mismatched} changed")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--gold-dir",
        type=Path,
        default=HERE / "gold",
        help="folder of gold *.jsonl (another yardstick, e.g. benchmarks/real_articles_ru/gold)",
    )
    parser.add_argument("--texts", type=Path, default=HERE / "texts")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("missing", help="list the texts not pulled yet")
    adding = sub.add_parser("add", help="save texts from search answers (JSON files)")
    adding.add_argument("answers", nargs="+", type=Path)
    args = parser.parse_args()
    if args.command == "missing":
        return missing(args.gold_dir, args.texts)
    return add(args.answers, args.gold_dir, args.texts)


if __name__ == "__main__":
    sys.exit(main())
