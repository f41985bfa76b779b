"""Throughput of the extraction resources: actors, places and statement dates.

Runs, on the same ~50,000 words of news-like documents as `bench_extract.py`, the blank
English tokenizer (the baseline every resource pays at least once), the actor dictionary
(`find` over whole documents, `resolve` over sentence-long phrases), the gazetteer
(`find`) and `resolve_stated_on` for every "said". Prints each rate in words per second
and its ratio to the tokenizer, ending with one `key=value` line.

    python benchmarks/bench_resources.py            # ~50,000 words
    python benchmarks/bench_resources.py --quick    # ~5,000 words, a smoke test
"""

from __future__ import annotations

import re
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import documents, words_wanted

PUBLISHED = date(2024, 4, 2)


def _rate(words: int, run) -> float:
    """Words/s of `run`, the best of three passes (the machine is shared)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return words / best


def main() -> None:
    words = words_wanted(__doc__.splitlines()[0])

    import spacy

    from watchline.extract.dates.days import resolve_stated_on
    from watchline.extract.places.toponyms import Gazetteer
    from watchline.extract.speakers.actors import default_dictionary

    docs = documents(words)
    total = sum(len(d.split()) for d in docs)
    sentences = [s for d in docs for s in re.split(r"(?<=[.!?])\s+", d) if s.strip()]
    tokenizer = spacy.blank("en")
    actors = default_dictionary()
    gazetteer = Gazetteer.load()

    def stated_on() -> None:
        for doc in docs:
            for cue in re.finditer(r"\bsaid\b", doc):
                resolve_stated_on(doc, PUBLISHED, cue.start(), cue.end(), default=PUBLISHED)

    rates = {
        "tokenizer_wps": _rate(total, lambda: [tokenizer.make_doc(d) for d in docs]),
        "actors_find_wps": _rate(total, lambda: [actors.find(d) for d in docs]),
        "actors_resolve_wps": _rate(total, lambda: [actors.resolve(s) for s in sentences]),
        "gazetteer_find_wps": _rate(total, lambda: [gazetteer.find(d) for d in docs]),
        "stated_on_wps": _rate(total, stated_on),
    }
    base = rates["tokenizer_wps"]
    print(f"{total} words in {len(docs)} documents")
    for name, rate in rates.items():
        print(f"{name:22} {rate:12,.0f} words/s  {rate / base:6.2f} x tokenizer")
    figures = " ".join(f"{k}={v:.0f}" for k, v in rates.items())
    ratios = " ".join(
        f"{k.removesuffix('_wps')}_ratio={v / base:.2f}" for k, v in rates.items() if v != base
    )
    print(f"words={total} {figures} {ratios}")


if __name__ == "__main__":
    main()
