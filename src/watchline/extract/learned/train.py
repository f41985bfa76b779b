"""Retrain the act and event-type classifiers, and measure them by cross-validation.

    python -m watchline.extract.learned.train            # from the repository root
    python -m watchline.extract.learned.train --cv 5     # also the grouped 5-fold figures
    make train

It runs the rule-only extractor over every gold document the project may learn from
(`corpus.py`: every benchmarks/real_articles/gold/dev-*.jsonl present, with its texts, and
the gates' gold folders), pairs its claims with the gold ones, trains one bag-of-words
`textcat` per part with a fixed seed and writes them to src/watchline/data/learned/
(the package data). The same inputs give the same files. `--cv K` first prints, for the
rules alone and for each way of combining, claim and full F1 over K folds that never
split a document.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from watchline.extract.learned.corpus import Example, GoldDocument, collect
from watchline.extract.learned.models import LABELS, PACKAGED, PARTS, blank_classifier, save
from watchline.extract.learned.relabel import ACT_THRESHOLD, CERTAIN_CUE_ACTS, EVENT_THRESHOLD

EPOCHS = 12
SEED = 0


def gold_label(example: Example, part: str) -> str:
    return example.gold_act if part == "act" else example.gold_event


def train_part(examples: Sequence[Example], part: str, seed: int = SEED, epochs: int = EPOCHS):
    """One classifier trained on `examples` (deterministic for a given seed and order)."""
    from spacy.training import Example as SpacyExample
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = blank_classifier(part)
    labels = LABELS[part]
    data = [
        SpacyExample.from_dict(
            nlp.make_doc(e.text),
            {"cats": {label: float(label == gold_label(e, part)) for label in labels}},
        )
        for e in examples
    ]
    optimizer = nlp.initialize(lambda: data)
    order = random.Random(seed)
    for _ in range(epochs):
        order.shuffle(data)
        for batch in minibatch(data, size=16):
            nlp.update(batch, sgd=optimizer, losses={})
    return nlp


def scores_of(nlp, examples: Sequence[Example]) -> list[dict[str, float]]:
    return [dict(doc.cats) for doc in nlp.pipe(e.text for e in examples)]


def _best(scores: dict[str, float]) -> tuple[str, float]:
    label = max(sorted(scores), key=lambda k: scores[k])
    return label, scores[label]


def combined(
    example: Example, act_scores: dict[str, float], event_scores: dict[str, float], variant: dict
) -> tuple[str, str, str | None]:
    """(act, event type, agent) of one example under a combination `variant`."""
    act, event, agent = example.rule_act, example.rule_event, example.pred_agent
    label, p = _best(act_scores)
    locked = variant["lock"] and example.cue_act in {a.value for a in CERTAIN_CUE_ACTS}
    if variant["act"] is not None and p >= variant["act"] and not locked:
        act = label
    label, p = _best(event_scores)
    if variant["event"] is not None and p >= variant["event"]:
        if label != event and label == "other":
            agent = None
        event = label
    return act, event, agent


def _agent_ok(gold: Any, pred: str | None) -> bool:
    if gold is None:
        return pred is None
    return pred in (gold if isinstance(gold, list) else [gold])


def _f1(correct: int, n_pred: int, n_gold: int) -> float:
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def figures(docs: Sequence[GoldDocument], scored: dict[str, list], variant: dict) -> dict:
    """Claim and full F1 (the shared scorer's definitions) of `docs` under `variant`."""
    n_gold = sum(d.n_gold for d in docs)
    n_pred = sum(d.n_pred for d in docs)
    claim = full = 0
    for doc in docs:
        for example, (act_s, event_s) in zip(doc.examples, scored[doc.group], strict=True):
            act, event, agent = combined(example, act_s, event_s, variant)
            ok = example.affiliation_ok and act == example.gold_act
            claim += ok
            full += ok and event == example.gold_event and _agent_ok(example.gold_agent, agent)
    return {"claim_f1": _f1(claim, n_pred, n_gold), "full_f1": _f1(full, n_pred, n_gold)}


VARIANTS: dict[str, dict] = {
    "rules alone": {"act": None, "event": None, "lock": False},
    "model always": {"act": 0.0, "event": 0.0, "lock": False},
    "model always, certain cues kept": {"act": 0.0, "event": 0.0, "lock": True},
    **{
        f"override at p>={t}, certain cues kept": {"act": t, "event": t, "lock": True}
        for t in (0.5, 0.6, 0.7, 0.8)
    },
    "act only, p>=0.6, certain kept": {"act": 0.6, "event": None, "lock": True},
    "event only, p>=0.6": {"act": None, "event": 0.6, "lock": False},
}


def cross_validate(docs: Sequence[GoldDocument], folds: int, seed: int = SEED) -> dict:
    """Out-of-fold scores per document, folds grouped by document, and each variant's F1."""
    groups = sorted(d.group for d in docs)
    random.Random(seed).shuffle(groups)
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    scored: dict[str, list] = {}
    for k in range(folds):
        train = [e for d in docs if fold_of[d.group] != k for e in d.examples]
        test = [d for d in docs if fold_of[d.group] == k]
        models = {part: train_part(train, part, seed) for part in PARTS}
        for doc in test:
            act_s = scores_of(models["act"], doc.examples)
            event_s = scores_of(models["event"], doc.examples)
            scored[doc.group] = list(zip(act_s, event_s, strict=True))
    sets = {
        "real-dev": [d for d in docs if d.group.startswith("real-dev:")],
        "gates": [d for d in docs if not d.group.startswith("real-dev:")],
        "all": list(docs),
    }
    return {
        name: {s: figures(members, scored, v) for s, members in sets.items() if members}
        for name, v in VARIANTS.items()
    }


def _corpus(root: Path, cache: Path | None) -> list[GoldDocument]:
    if cache is not None and cache.exists():
        raw = json.loads(cache.read_text(encoding="utf-8"))
        return [
            GoldDocument(d["group"], d["n_gold"], d["n_pred"], [Example(**e) for e in d["ex"]])
            for d in raw
        ]
    from watchline.extract import Extractor

    docs = collect(root, Extractor.load(learned=False))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        rows = [
            {
                "group": d.group,
                "n_gold": d.n_gold,
                "n_pred": d.n_pred,
                "ex": [dataclasses.asdict(e) for e in d.examples],
            }
            for d in docs
        ]
        cache.write_text(json.dumps(rows), encoding="utf-8")
    return docs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository root")
    parser.add_argument("--out", type=Path, default=PACKAGED, help="where the models go")
    parser.add_argument("--cv", type=int, default=0, help="print K-fold figures first")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument(
        "--cache", type=Path, help="reuse (or save) the paired examples in this JSON file"
    )
    parser.add_argument("--no-save", action="store_true", help="measure only")
    args = parser.parse_args(argv)
    docs = _corpus(args.root.resolve(), args.cache)
    examples = [e for d in docs for e in d.examples]
    print(
        f"{len(docs)} documents, {sum(d.n_gold for d in docs)} gold claims, "
        f"{len(examples)} paired examples"
    )
    result: dict[str, Any] = {}
    if args.cv:
        result = cross_validate(docs, args.cv, args.seed)
        for name, per_set in result.items():
            row = "  ".join(
                f"{s} claim {f['claim_f1']:.3f} full {f['full_f1']:.3f}" for s, f in per_set.items()
            )
            print(f"{name:40s} {row}")
    if args.no_save:
        return 0
    sets: dict[str, int] = {}
    for d in docs:
        name = d.group.split(":")[0]
        sets[name] = sets.get(name, 0) + len(d.examples)
    for part in PARTS:
        nlp = train_part(examples, part, args.seed, args.epochs)
        meta = {
            "part": part,
            "labels": list(LABELS[part]),
            "seed": args.seed,
            "epochs": args.epochs,
            "examples": sets,
            "threshold": ACT_THRESHOLD if part == "act" else EVENT_THRESHOLD,
        }
        save(nlp, args.out / part, meta)
        print(f"saved {args.out / part}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
