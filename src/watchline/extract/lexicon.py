"""Load the cue lexicon and the event ontology from their YAML files.

Both are packaged in `watchline/data/` and can be extended by a user file whose entries
replace the packaged ones with the same key, so analysts tune words without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from watchline.domain import Act, EventType
from watchline.errors import Errors, InputError

FRAMES = ("clause", "quote", "object", "rest")


@dataclass(frozen=True)
class Cue:
    """How one cue word introduces a statement."""

    lemma: str
    act: Act
    frames: tuple[str, ...] = ("clause",)
    particles: dict[str, Act] = field(default_factory=dict)
    complements: dict[str, Act] = field(default_factory=dict)
    evidence: bool = False
    requires_object: tuple[str, ...] = ()


@dataclass(frozen=True)
class CueLexicon:
    verbs: dict[str, Cue]
    nouns: dict[str, Act]
    according_to: Act
    markers: dict[Act, tuple[str, ...]]


@dataclass(frozen=True)
class EventSense:
    """The trigger lexicon of one event type."""

    type: EventType
    priority: int
    plover_type: str
    plover_mode: str | None
    lemmas: frozenset[str]
    pairs: dict[str, frozenset[str]]


@dataclass(frozen=True)
class Ontology:
    senses: dict[EventType, EventSense]
    negators: frozenset[str]
    negating_determiners: frozenset[str]

    def plover(self, event_type: EventType) -> tuple[str, str | None]:
        sense = self.senses[event_type]
        return sense.plover_type, sense.plover_mode


def _read(name: str, extra: Path | None) -> tuple[dict[str, Any], dict[str, Any] | None]:
    packaged = resources.files("watchline").joinpath("data", name).read_text(encoding="utf-8")
    base = yaml.safe_load(packaged)
    if extra is None:
        return base, None
    try:
        user = yaml.safe_load(Path(extra).read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(Errors.E100, path=extra, reason=str(exc).splitlines()[0]) from None
    if not isinstance(user, dict):
        raise InputError(Errors.E100, path=extra, reason="the top level must be a mapping")
    return base, user


def _act(value: object, path: object, entry: str) -> Act:
    try:
        return Act(str(value))
    except ValueError:
        raise InputError(
            Errors.E102,
            path=path,
            kind="speech act",
            value=value,
            entry=entry,
            options=", ".join(a.value for a in Act),
        ) from None


def _cue(lemma: str, spec: dict[str, Any], path: object) -> Cue:
    frames = tuple(str(f) for f in spec.get("frames", ["clause"]))
    for frame in frames:
        if frame not in FRAMES:
            raise InputError(
                Errors.E102, path=path, kind="frame", value=frame, entry=lemma,
                options=", ".join(FRAMES),
            )  # fmt: skip
    return Cue(
        lemma=lemma,
        act=_act(spec.get("act", "assert"), path, lemma),
        frames=frames,
        particles={str(k): _act(v, path, lemma) for k, v in (spec.get("particles") or {}).items()},
        complements={
            str(k): _act(v, path, lemma) for k, v in (spec.get("complements") or {}).items()
        },
        evidence=bool(spec.get("evidence", False)),
        requires_object=tuple(str(x) for x in spec.get("requires_object", ())),
    )


def load_cues(extra: Path | None = None) -> CueLexicon:
    """The packaged cue lexicon, with a user's entries laid over it."""
    base, user = _read("cues.yaml", extra)
    verbs = dict(base["verbs"])
    nouns = dict(base["nouns"])
    markers = {k: list(v) for k, v in base["content_markers"].items()}
    if user:
        verbs.update(user.get("verbs") or {})
        nouns.update(user.get("nouns") or {})
        for act, phrases in (user.get("content_markers") or {}).items():
            markers.setdefault(act, []).extend(phrases)
    path = extra or "cues.yaml"
    try:
        return CueLexicon(
            verbs={str(k): _cue(str(k), v or {}, path) for k, v in verbs.items()},
            nouns={str(k): _act((v or {}).get("act", "assert"), path, k) for k, v in nouns.items()},
            according_to=_act(base["according_to"]["act"], path, "according_to"),
            markers={
                _act(k, path, "content_markers"): tuple(map(str, v)) for k, v in markers.items()
            },
        )  # fmt: skip
    except (AttributeError, TypeError) as exc:
        raise InputError(Errors.E100, path=path, reason=str(exc)) from None


def _sense(name: str, spec: dict[str, Any], path: object) -> EventSense:
    try:
        event_type = EventType(name)
    except ValueError:
        raise InputError(
            Errors.E102, path=path, kind="event type", value=name, entry="event_types",
            options=", ".join(t.value for t in EventType),
        ) from None  # fmt: skip
    plover = spec.get("plover") or {}
    return EventSense(
        type=event_type,
        priority=int(spec.get("priority", 9)),
        plover_type=str(plover.get("type", "OTHER")),
        plover_mode=plover.get("mode"),
        lemmas=frozenset(str(x).lower() for x in spec.get("lemmas") or ()),
        pairs={
            str(k).lower(): frozenset(str(x).lower() for x in v)
            for k, v in (spec.get("pairs") or {}).items()
        },
    )


def load_ontology(extra: Path | None = None) -> Ontology:
    """The packaged event ontology, with a user's triggers added to each type."""
    base, user = _read("ontology.yaml", extra)
    types = {k: dict(v) for k, v in base["event_types"].items()}
    for name, spec in ((user or {}).get("event_types") or {}).items():
        merged = types.setdefault(name, {})
        merged["lemmas"] = list(merged.get("lemmas") or []) + list(spec.get("lemmas") or [])
        pairs = dict(merged.get("pairs") or {})
        pairs.update(spec.get("pairs") or {})
        merged["pairs"] = pairs
    path = extra or "ontology.yaml"
    try:
        senses = {s.type: s for s in (_sense(k, v, path) for k, v in types.items())}
    except (AttributeError, TypeError, ValueError) as exc:
        raise InputError(Errors.E100, path=path, reason=str(exc)) from None
    negation = base.get("negation") or {}
    return Ontology(
        senses=senses,
        negators=frozenset(negation.get("words") or ()),
        negating_determiners=frozenset(negation.get("determiners") or ()),
    )
