"""Training material: the project's gold claims paired with what the rules extract.

Each gold document is run through the rule-only extractor; every predicted claim whose
content overlaps a gold claim's (the shared scorer's one-to-one pairing, Jaccard ≥ 0.2)
becomes one example: the rules' reading as features, the gold act and event type as
labels. Only gold the project may learn from is read: the dev part of the real-article
yardstick (`dev-*.jsonl`, never `heldout-*`), the gates' folders under
tests/fixtures/extract and the shared dev document.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from watchline.errors import Errors, WatchlineError
from watchline.extract.learned.features import claim_features
from watchline.extract.learned.relabel import cue_reading, named_in

GATE_FOLDERS = ("tests/fixtures/extract/heldout_blind", "tests/fixtures/extract/heldout")
REAL_DEV = "benchmarks/real_articles"


@dataclass
class Example:
    """One paired claim: what the classifiers read, what the rules said, what gold says."""

    text: str
    rule_act: str
    rule_event: str
    cue_act: str | None
    gold_act: str
    gold_event: str
    gold_agent: Any
    pred_agent: str | None
    affiliation_ok: bool


@dataclass
class GoldDocument:
    """A document's examples and its claim counts (what F1 needs besides the pairs)."""

    group: str  # set name and document id: cross-validation folds never split one
    n_gold: int
    n_pred: int
    examples: list[Example] = field(default_factory=list)


def shared_eval(root: Path) -> Path:
    """../shared/eval beside the checkout, or beside the folder of its worktrees."""
    for base in (root.parent, root.parent.parent):
        if (base / "shared" / "eval").is_dir():
            return base / "shared" / "eval"
    return root.parent / "shared" / "eval"


def gold_sources(root: Path) -> Iterator[tuple[str, dict[str, Any], Path]]:
    """(set name, gold document, text path) for every document the training may read."""
    real = root / REAL_DEV
    for gold_file in sorted((real / "gold").glob("dev-*.jsonl")):
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                doc = json.loads(line)
                yield "real-dev", doc, real / "texts" / f"{doc['id']}.txt"
    folders = [root / f for f in GATE_FOLDERS] + [shared_eval(root) / "dev"]
    for folder in folders:
        for gold_file in sorted(folder.glob("*.gold.json")):
            doc = json.loads(gold_file.read_text(encoding="utf-8"))
            yield folder.name, doc, gold_file.parent / doc["file"]


def _jaccard(a0: int, a1: int, b0: int, b1: int) -> float:
    inter = max(0, min(a1, b1) - max(a0, b0))
    union = max(a1, b1) - min(a0, b0)
    return inter / union if union > 0 else 0.0


def pairs(gold: list[dict[str, Any]], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) index pairs by content overlap, best first."""
    candidates = sorted(
        (
            (_jaccard(g["content_start"], g["content_end"], s, e), gi, pi)
            for gi, g in enumerate(gold)
            for pi, (s, e) in enumerate(spans)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    out = []
    for overlap, gi, pi in candidates:
        if overlap >= 0.2 and gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            out.append((gi, pi))
    return out


def collect(root: Path, extractor, log=print) -> list[GoldDocument]:
    """Every readable gold document with its examples (rule-only `extractor`); E951 if none.

    A text that is missing or differs from its gold's sha256 is skipped and reported
    (the real-article texts are pulled again by benchmarks/real_articles/pull.py).
    """
    out, skipped = [], []
    for set_name, doc, path in gold_sources(root):
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            skipped.append(f"{set_name}/{doc['id']} (no text)")
            continue
        if hashlib.sha256(text.encode()).hexdigest() != doc["text_sha256"]:
            skipped.append(f"{set_name}/{doc['id']} (text differs from its sha256)")
            continue
        out.append(_document(set_name, doc, text, extractor))
    if skipped:
        log(f"skipped {len(skipped)} documents: " + "; ".join(skipped))
    if not out:
        raise WatchlineError(Errors.E951, root=root, reason="no gold with its text")
    return out


def _document(set_name: str, doc: dict[str, Any], text: str, extractor) -> GoldDocument:
    claims = extractor.extract(text, date.fromisoformat(doc["published_on"]), doc["id"])
    parsed = extractor.nlp(text)
    actors = extractor.resources.actors
    mentions = actors.find_in(parsed) if actors is not None and claims else []
    gold = doc["claims"]
    found = GoldDocument(f"{set_name}:{doc['id']}", len(gold), len(claims))
    spans = [(c.content.start, c.content.end) for c in claims]
    for gi, pi in pairs(gold, spans):
        g, claim = gold[gi], claims[pi]
        lemma, cue_act = cue_reading(parsed, claim, extractor.cues)
        agent = claim.event.agent
        found.examples.append(
            Example(
                text=claim_features(
                    claim, lemma, cue_act.value if cue_act else None, named_in(claim, mentions)
                ),
                rule_act=claim.act.value,
                rule_event=claim.event.type.value,
                cue_act=cue_act.value if cue_act else None,
                gold_act=g["act"],
                gold_event=g["event_type"],
                gold_agent=g["agent"],
                pred_agent=agent.affiliation if agent else None,
                affiliation_ok=g["affiliation"] == claim.speaker.affiliation,
            )
        )
    return found
