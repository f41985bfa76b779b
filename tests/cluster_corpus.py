"""A small corpus for the cluster tests: short statements written for them, as JSON Lines.

Each document combines one statement, one response and one line of narration, so the
documents differ and most yield claims; 36 documents in batches of 5 make 8 batches.
"""

from __future__ import annotations

import json
from pathlib import Path

STATEMENTS = [
    "Azerbaijan's Ministry of Defence said that Armenian units shelled positions near Sotk.",
    "Armenia's Defence Ministry accused Azerbaijani forces of moving artillery towards Tegh.",
    "The EU Monitoring Mission said its patrols saw no unusual movement near Jermuk.",
    "A spokesperson for the ministry warned that any provocation would be answered.",
    "Azerbaijan's Ministry of Defence claimed that Armenia was massing troops on the border.",
    "Armenia's Defence Ministry denied that its soldiers had opened fire near Kapan.",
]
RESPONSES = [
    "Armenia's Defence Ministry rejected the accusations, calling them baseless.",
    "Azerbaijan's Ministry of Defence denied that any drills took place near Lachin.",
    "The EU Monitoring Mission confirmed that the night passed calmly near Goris.",
]
NARRATION = [
    "The road to Goris reopened after repairs, and shops stayed open.",
    "Farmers near Sotk said they had returned to their fields.",
    "Talks between the two delegations are expected to resume next month.",
    "Journalists were not allowed to visit the area, and the claims could not be verified.",
]
DOCUMENTS = 36


def corpus(count: int = DOCUMENTS) -> list[dict[str, str]]:
    """`count` JSON Lines items with distinct texts, urls and publication days."""
    items = []
    for n in range(count):
        text = " ".join(
            (
                STATEMENTS[n % len(STATEMENTS)],
                RESPONSES[(n // len(STATEMENTS)) % len(RESPONSES)],
                NARRATION[n % len(NARRATION)],
                f"This was report number {n + 1} of the day.",
            )
        )
        day = 1 + n % 28
        items.append(
            {
                "text": text,
                "url": f"https://news.example.am/2024/03/{day:02d}/report-{n}",
                "published_at": f"2024-03-{day:02d}T10:00:00+00:00",
                "source": "Cluster Test News",
                "language": "en",
            }
        )
    return items


def write_corpus(folder: Path, count: int = DOCUMENTS) -> Path:
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for item in corpus(count):
            out.write(json.dumps(item) + "\n")
    return path
