"""Load the Russian cue lexicon and event lexicon from `watchline/data/ru/`.

Entries are lemmas, so the files stay short and every inflected form matches. A user
file (`WATCHLINE_RU_CUES_FILE`, `WATCHLINE_RU_EVENTS_FILE`, or the `cues_file` /
`events_file` arguments) is laid over the packaged one, entry by entry.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from watchline.domain import Act, EventType
from watchline.errors import Errors, InputError

FRAMES = ("clause", "object", "rest")
PRIORITY = {
    EventType.MOBILIZE: 1,
    EventType.FORTIFY: 2,
    EventType.ATTACK: 3,
    EventType.EXERCISE: 4,
    EventType.CASUALTY: 5,
    EventType.PROVOCATION: 6,
    EventType.DISINFORMATION: 7,
    EventType.DIPLOMACY: 8,
    EventType.OTHER: 9,
}


@dataclass(frozen=True)
class RuCue:
    lemma: str
    act: Act
    frames: tuple[str, ...]
    complements: dict[str, Act]
    objects: dict[str, Act] = field(default_factory=dict)


@dataclass(frozen=True)
class RuCues:
    verbs: dict[str, RuCue]
    prepositions: dict[tuple[str, ...], Act]  # lemma sequence -> act
    nouns: dict[str, Act]
    markers: dict[Act, tuple[tuple[str, ...], ...]]
    negators: frozenset[str]
    negating_determiners: frozenset[str]
    negating_nouns: frozenset[str]


@dataclass(frozen=True)
class RuEvents:
    lemmas: dict[str, EventType]  # the most concrete type wins where a lemma is in two
    pairs: dict[str, tuple[EventType, frozenset[str]]]


def read_packaged(name: str) -> dict[str, Any]:
    text = resources.files("watchline").joinpath("data", "ru", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _user(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(Errors.E941, path=path, reason=str(exc).splitlines()[0]) from None
    if not isinstance(data, dict):
        raise InputError(Errors.E941, path=path, reason="the top level must be a mapping")
    return data


def _act(value: object, path: object, entry: str) -> Act:
    try:
        return Act(str(value))
    except ValueError:
        options = ", ".join(a.value for a in Act)
        reason = f"unknown speech act {value!r} for {entry!r}; choose one of: {options}"
        raise InputError(Errors.E941, path=path, reason=reason) from None


def _words(phrase: object) -> tuple[str, ...]:
    return tuple(str(phrase).lower().replace("ё", "е").split())


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None


def load_ru_cues(extra: Path | None = None) -> RuCues:
    """The packaged Russian cues, with a user's entries laid over them."""
    extra = extra or _env_path("WATCHLINE_RU_CUES_FILE")
    base, user = read_packaged("cues.yaml"), _user(extra)
    path = extra or "data/ru/cues.yaml"
    try:
        verbs = {**base["verbs"], **(user.get("verbs") or {})}
        preps = {**base["prepositions"], **(user.get("prepositions") or {})}
        nouns = {**base["nouns"], **(user.get("nouns") or {})}
        markers = {k: list(v) for k, v in base["content_markers"].items()}
        for act, phrases in (user.get("content_markers") or {}).items():
            markers.setdefault(act, []).extend(phrases)
        negation = {**base["negation"], **(user.get("negation") or {})}
        cues = {}
        for lemma, spec in verbs.items():
            spec = spec or {}
            frames = tuple(str(f) for f in spec.get("frames", ["clause"]))
            bad = [f for f in frames if f not in FRAMES]
            if bad:
                reason = f"unknown frame {bad[0]!r} for {lemma!r}; choose one of: {FRAMES}"
                raise InputError(Errors.E941, path=path, reason=reason)
            key = _words(lemma)[0]
            complements = {
                _words(k)[0]: _act(v, path, lemma)
                for k, v in (spec.get("complements") or {}).items()
            }
            objects = {
                _words(k)[0]: _act(v, path, lemma) for k, v in (spec.get("objects") or {}).items()
            }
            act = _act(spec.get("act", "assert"), path, lemma)
            cues[key] = RuCue(key, act, frames, complements, objects)
        return RuCues(
            verbs=cues,
            prepositions={
                _words(k): _act((v or {}).get("act", "assert"), path, k) for k, v in preps.items()
            },
            nouns={_words(k)[0]: _act((v or {}).get("act"), path, k) for k, v in nouns.items()},
            markers={
                _act(k, path, "content_markers"): tuple(_words(p) for p in v)
                for k, v in markers.items()
            },
            negators=frozenset(_words(" ".join(negation.get("words") or ()))),
            negating_determiners=frozenset(
                w for p in negation.get("determiners") or () for w in _words(p)
            ),
            negating_nouns=frozenset(_words(" ".join(negation.get("nouns") or ()))),
        )
    except (AttributeError, TypeError, KeyError) as exc:
        raise InputError(Errors.E941, path=path, reason=f"{type(exc).__name__}: {exc}") from None


def load_ru_events(extra: Path | None = None) -> RuEvents:
    """The packaged Russian event lexicon, with a user's triggers added to each type."""
    extra = extra or _env_path("WATCHLINE_RU_EVENTS_FILE")
    base, user = read_packaged("events.yaml"), _user(extra)
    path = extra or "data/ru/events.yaml"
    lemmas: dict[str, EventType] = {}
    pairs: dict[str, tuple[EventType, frozenset[str]]] = {}
    try:
        types = {k: dict(v) for k, v in base["event_types"].items()}
        for name, spec in (user.get("event_types") or {}).items():
            merged = types.setdefault(name, {})
            merged["lemmas"] = [*(merged.get("lemmas") or []), *(spec.get("lemmas") or [])]
            merged["pairs"] = {**(merged.get("pairs") or {}), **(spec.get("pairs") or {})}
        for name, spec in types.items():
            try:
                kind = EventType(name)
            except ValueError:
                options = ", ".join(t.value for t in EventType)
                reason = f"unknown event type {name!r}; choose one of: {options}"
                raise InputError(Errors.E941, path=path, reason=reason) from None
            for word in spec.get("lemmas") or ():
                key = _words(word)[0]
                if key not in lemmas or PRIORITY[kind] < PRIORITY[lemmas[key]]:
                    lemmas[key] = kind
            for head, deps in (spec.get("pairs") or {}).items():
                key = _words(head)[0]
                pairs[key] = (kind, frozenset(_words(" ".join(map(str, deps)))))
    except (AttributeError, TypeError, KeyError) as exc:
        raise InputError(Errors.E941, path=path, reason=f"{type(exc).__name__}: {exc}") from None
    return RuEvents(lemmas, pairs)
