"""The verdict policy: when evidence is enough, as data that users can read and change.

Defaults (see docs/verdicts.md):

- A claim is **contradicted** only when its activity is observable, patrols covered at
  least `min_area_fraction` (50 %) of the claimed place — `min_border_fraction` (30 %)
  of the border zone when the claim names only "the border" — for at least
  `min_window_hours` (4 h) of the claimed window, and nothing of that kind was seen.
- Intentions, rhetoric, diplomacy, disinformation and provocation plans, warnings and
  appeals, and places outside the mission's area of responsibility are **unobservable**.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from watchline.domain import Act, EventType

OBSERVABLE = frozenset(
    {
        EventType.MOBILIZE,
        EventType.FORTIFY,
        EventType.ATTACK,
        EventType.EXERCISE,
        EventType.CASUALTY,
    }
)


@dataclass(frozen=True)
class VerifyPolicy:
    """Thresholds of the verifier (one object passed down, not many keyword arguments)."""

    min_area_fraction: float = 0.5
    min_border_fraction: float = 0.3
    min_window_hours: float = 4.0  # on each day of a multi-day window
    max_contradict_days: int = (
        14  # a longer claimed window ("in recent weeks") is never contradicted
    )
    min_inside_aor: float = 0.1  # border zone with less inside the mission's area: far side
    min_inside_place: float = 0.5  # a named place mostly outside the mission's area: far side
    observable: frozenset[EventType] = field(default=OBSERVABLE)
    future_acts: frozenset[Act] = frozenset({Act.WARN, Act.APPEAL})
    max_confidence: float = 0.95
    hour_margin_minutes: int = 60  # stated hours ("at about 14:00") widened on each side


DEFAULT_POLICY = VerifyPolicy()
