"""Read actor dictionaries (YAML) and expand each state into its institutions.

A state entry is written once (names, demonyms, capitals) and yields the state, its
government, defence and foreign ministries, armed forces and border service, each with
the English phrasings newsrooms use ("Azerbaijan’s Ministry of Defence", "the Armenian
Defence Ministry", "Russian troops"). Writing these out by hand for sixty states would be
thousands of lines and would drift; generating them keeps every state equally covered.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml parses the packaged dictionary several times faster
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader  # type: ignore[assignment]

from watchline.domain import Actor, ActorKind
from watchline.errors import Errors, InputError
from watchline.extract.speakers.actors_check import alias_problem

PACKAGED = Path(__file__).resolve().parents[2] / "data" / "actors.yaml"

BODIES: dict[str, tuple[ActorKind, str]] = {
    "gov": (ActorKind.GOVERNMENT, "Government of {name}"),
    "mod": (ActorKind.GOVERNMENT, "Ministry of Defence of {name}"),
    "mfa": (ActorKind.GOVERNMENT, "Ministry of Foreign Affairs of {name}"),
    "mil": (ActorKind.MILITARY, "Armed Forces of {name}"),
    "border": (ActorKind.MILITARY, "Border service of {name}"),
}

# {N} a state's English name, {D} its demonym. Possessives are added for both apostrophes.
NAME_TEMPLATES: dict[str, tuple[str, ...]] = {
    "gov": (
        "{N}'s government",
        "government of {N}",
        "{N} government",
        "{N}'s authorities",
        "{N}'s leadership",
        "{N}'s president",
        "{N}'s prime minister",
        "{N}'s presidency",
    ),
    "mod": (
        "{N}'s Ministry of Defence",
        "{N}'s Ministry of Defense",
        "{N}'s Defence Ministry",
        "{N}'s Defense Ministry",
        "{N}'s MoD",
        "{N}'s defence minister",
        "{N}'s defense minister",
        "{N}'s defence secretary",
        "{N}'s defense secretary",
        "Ministry of Defence of {N}",
        "Ministry of Defense of {N}",
        "Defence Ministry of {N}",
        "Defense Ministry of {N}",
        "{N} Ministry of Defence",
        "{N} Ministry of Defense",
        "{N} Defence Ministry",
        "{N} Defense Ministry",
        "{N} MoD",
    ),
    "mfa": (
        "{N}'s Foreign Ministry",
        "{N}'s Ministry of Foreign Affairs",
        "{N}'s MFA",
        "{N}'s foreign minister",
        "{N}'s Foreign Office",
        "{N}'s foreign secretary",
        "Ministry of Foreign Affairs of {N}",
        "Foreign Ministry of {N}",
        "{N} Foreign Ministry",
        "{N} Ministry of Foreign Affairs",
        "{N} MFA",
    ),
    "mil": (
        "{N}'s armed forces",
        "{N}'s army",
        "{N}'s military",
        "{N}'s troops",
        "{N}'s forces",
        "armed forces of {N}",
        "army of {N}",
        "{N} armed forces",
        "{N}'s air force",
        "{N}'s navy",
        "{N}'s General Staff",
        "{N}'s military command",
        "{N}'s defence forces",
        "{N}'s defense forces",
        "{N}'s soldiers",
        "{N}'s army units",
    ),
    "border": (
        "{N}'s border guards",
        "{N}'s border guard",
        "{N}'s border police",
        "{N}'s border service",
        "{N}'s State Border Service",
        "{N}'s border troops",
        "border guards of {N}",
        "State Border Service of {N}",
    ),
}
DEMONYM_TEMPLATES: dict[str, tuple[str, ...]] = {
    "gov": (
        "{D} government",
        "{D} authorities",
        "{D} side",
        "{D} leadership",
        "{D} officials",
        "{D} president",
        "{D} presidency",
        "{D} prime minister",
        "{D} premier",
        "{D} cabinet",
        "{D} administration",
        "{D} presidential office",
        "{D} ministry",
        "{D} foreign and defence ministries",
        "{D} state",
        "{D} regime",
    ),
    "mod": (
        "{D} Ministry of Defence",
        "{D} Ministry of Defense",
        "{D} Defence Ministry",
        "{D} Defense Ministry",
        "{D} MoD",
        "{D} defence minister",
        "{D} defense minister",
        "{D} defence secretary",
        "{D} defense secretary",
        "{D} military ministry",
        "[{D}] Ministry of Defence",
        "[{D}] Ministry of Defense",
        "[{D}] Defence Ministry",
        "[{D}] Defense Ministry",
    ),
    "mfa": (
        "{D} Foreign Ministry",
        "{D} Ministry of Foreign Affairs",
        "{D} MFA",
        "{D} foreign minister",
        "{D} foreign office",
        "{D} foreign secretary",
        "{D} diplomats",
        "{D} diplomacy",
        "[{D}] Foreign Ministry",
        "[{D}] Ministry of Foreign Affairs",
    ),
    "mil": (
        "{D} armed forces",
        "{D} army",
        "{D} military",
        "{D} troops",
        "{D} forces",
        "{D} soldiers",
        "{D} servicemen",
        "{D} units",
        "{D} positions",
        "{D} artillery",
        "{D} air force",
        "{D} navy",
        "{D} general staff",
        "{D} military command",
        "{D} command",
        "{D} side's armed forces",
        "{D} fighter jets",
        "{D} drones",
        "{D} warplanes",
        "{D} tanks",
        "{D} military units",
        "{D} defence forces",
        "{D} defense forces",
        "{D} armed forces units",
        "{D} militaries",
        "{D} jets",
        "{D} gunners",
        "{D} snipers",
        "{D} peacekeepers",
        "{D} contingent",
        "{D} army units",
        "{D} Army",
        "{D} Armed Forces",
        "{D} General Staff",
    ),
    "border": (
        "{D} border guards",
        "{D} border service",
        "{D} State Border Service",
        "{D} border troops",
        "{D} border police",
        "{D} border guard service",
        "{D} Border Guard Service",
        "{D} border guard",
    ),
}


@dataclass(frozen=True)
class ActorEntry:
    """An actor and where it was defined, so that errors can point at it."""

    actor: Actor
    source: str


def read_yaml(path: Path) -> dict[str, Any]:
    """The mapping in an actor file, or a clear error naming the file."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except OSError as exc:
        raise InputError(Errors.E001, path=path, reason=exc.strerror or exc) from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(Errors.E120, path=path, item="(file)", reason=exc) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(
            Errors.E120, path=path, item="(file)", reason="expected keys 'states' and 'actors'"
        )
    return data


def entries_from(path: Path) -> Iterator[ActorEntry]:
    """Every actor a file defines: expanded states first, then explicit actors."""
    data = read_yaml(path)
    for index, raw in enumerate(data.get("states") or (), start=1):
        label = f"states[{index}] {raw.get('code', '?') if isinstance(raw, dict) else ''}"
        try:
            for actor in expand_state(raw):
                yield ActorEntry(actor, f"{path}: {label}")
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(Errors.E120, path=path, item=label.strip(), reason=exc) from exc
    for index, raw in enumerate(data.get("actors") or (), start=1):
        label = f"actors[{index}] {raw.get('id', '?') if isinstance(raw, dict) else ''}"
        try:
            yield ActorEntry(actor_from(raw), f"{path}: {label}")
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(Errors.E120, path=path, item=label.strip(), reason=exc) from exc


def actor_from(raw: Any) -> Actor:
    """One explicit actor entry, checked."""
    if not isinstance(raw, dict):
        raise TypeError("an actor entry must be a mapping with id, name and kind")
    for key in ("id", "name", "kind"):
        if not raw.get(key):
            raise KeyError(f"missing '{key}'")
    try:
        kind = ActorKind(raw["kind"])
    except ValueError:
        options = ", ".join(k.value for k in ActorKind)
        raise ValueError(f"unknown kind {raw['kind']!r}; choose one of: {options}") from None
    aliases = _checked(_strings(raw.get("aliases"), "aliases"))
    _checked([str(raw["name"])])
    return Actor(
        id=str(raw["id"]),
        name=str(raw["name"]),
        kind=kind,
        affiliation=raw.get("affiliation") or None,
        aliases=tuple(dict.fromkeys((str(raw["name"]), *aliases))),
        parent=raw.get("parent") or None,
    )


def expand_state(raw: Any) -> Iterator[Actor]:
    """The state and its five institutions, with generated English aliases."""
    if not isinstance(raw, dict):
        raise TypeError("a state entry must be a mapping with code and name")
    code = str(raw["code"]).upper()
    name = str(raw["name"])
    sid = str(raw.get("id") or code.lower())
    en_names = [name, *_strings(raw.get("en_names"), "en_names")]
    demonyms = _strings(raw.get("demonyms"), "demonyms")
    extra = raw.get("aliases") or {}
    if not isinstance(extra, dict):
        raise TypeError("'aliases' of a state maps a body (gov, mod, …) to a list")
    unknown = set(extra) - {"state", *BODIES}
    if unknown:
        raise ValueError(f"unknown bodies {sorted(unknown)}; use state, {', '.join(BODIES)}")
    state_aliases = [*en_names, *_strings(raw.get("local"), "local")]
    state_aliases += _strings(extra.get("state"), "aliases.state")
    _checked(state_aliases + demonyms)
    yield Actor(sid, name, ActorKind.STATE, code, tuple(dict.fromkeys(state_aliases)))
    capitals = _checked(_strings(raw.get("capitals"), "capitals"))
    for body, (kind, title) in BODIES.items():
        aliases = [a for n in en_names for t in NAME_TEMPLATES[body] for a in _apostrophes(t, n)]
        aliases += [t.format(D=d) for d in demonyms for t in DEMONYM_TEMPLATES[body]]
        if body == "gov":
            aliases += capitals
        aliases += _checked(_strings(extra.get(body), f"aliases.{body}"))
        full = title.format(name=name)
        yield Actor(f"{sid}.{body}", full, kind, code, tuple(dict.fromkeys(aliases)), sid)


def _apostrophes(template: str, name: str) -> Iterable[str]:
    phrase = template.format(N=name)
    if name.endswith("s") and "{N}'s" in template:
        phrase = template.replace("{N}'s", f"{name}'").format(N=name)
    yield phrase
    if "'" in phrase:
        yield phrase.replace("'", "’")


def _checked(aliases: list[str]) -> list[str]:
    """The hand-written aliases, or ValueError naming the first that would mislabel text."""
    for alias in aliases:
        problem = alias_problem(alias)
        if problem is not None:
            raise ValueError(problem)
    return aliases


def _strings(value: Any, field: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, list):
        raise TypeError(f"'{field}' must be a list of strings")
    return [str(v) for v in value if str(v).strip()]
