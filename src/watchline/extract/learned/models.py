"""The two text classifiers (act, event type): their spaCy configuration, saving, loading.

Only the `textcat` component is saved (its weights and labels), never a vocabulary: a
bag-of-words model reads hashed words, so the packaged files hold no training text. The
packaged models live in `watchline/data/learned/` and are loaded once per process, on the
first claim that needs them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from watchline.domain import Act, EventType
from watchline.errors import Errors, WatchlineError

PACKAGED = Path(__file__).resolve().parents[2] / "data" / "learned"
PARTS = ("act", "event")
LABELS: dict[str, tuple[str, ...]] = {
    "act": tuple(sorted(a.value for a in Act)),
    "event": tuple(sorted(t.value for t in EventType if t.value != "nothing_unusual")),
}
# a bag of words and word pairs, hashed into 2^15 rows: small (about 1 MB a model) and fast
TEXTCAT_MODEL: dict[str, Any] = {
    "@architectures": "spacy.TextCatBOW.v3",
    "exclusive_classes": True,
    "ngram_size": 2,
    "no_output_layer": False,
    "length": 2**15,
}


def blank_classifier(part: str):
    """An untrained spaCy pipeline with one exclusive `textcat` for `part`'s labels."""
    import spacy

    nlp = spacy.blank("en")
    textcat: Any = nlp.add_pipe("textcat", config={"model": TEXTCAT_MODEL})
    for label in LABELS[part]:
        textcat.add_label(label)
    return nlp


def save(nlp, folder: Path, meta: dict[str, Any]) -> None:
    """Write the classifier's component (no vocabulary) and `meta.json` into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    nlp.get_pipe("textcat").to_disk(folder / "textcat", exclude=["vocab"])
    (folder / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")


def load(folder: Path, part: str):
    """A classifier saved by `save`; E950 when it is missing or damaged."""
    try:
        nlp = blank_classifier(part)
        nlp.get_pipe("textcat").from_disk(folder / "textcat", exclude=["vocab"])
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as exc:
        raise WatchlineError(Errors.E950, part=part, path=folder, reason=exc) from None
    return nlp, meta


@lru_cache(maxsize=4)
def packaged(folder: Path = PACKAGED) -> dict[str, tuple[Any, dict[str, Any]]]:
    """Both packaged classifiers, loaded once per process (and per folder)."""
    return {part: load(folder / part, part) for part in PARTS}
