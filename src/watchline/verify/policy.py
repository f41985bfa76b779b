"""The verdict policy: when evidence is enough, as data that users can read and change.

Defaults (see docs/verdicts.md):

- A claim is **contradicted** only when its activity is observable, patrols covered at
  least `min_area_fraction` (50 %) of the claimed place — `min_border_fraction` (30 %)
  of the border zone when the claim names only "the border" — truly in sight for
  `required_minutes` of the claimed window (4 h of a day, half of a window of a few
  hours), and nothing of that kind was seen. A named place must have been in sight that
  long part by part; a border zone (often hundreds of km) part by part for
  `min_part_minutes` (5), and as a whole for `required_minutes`.
- A brief activity (`brief`: shelling, casualties, digging) is over in minutes or hours
  and then shows only as its traces, so patrols in sight of it early in the window say
  nothing of later in it: the place must also have been in sight in the window's last
  `end_minutes` (60) — the last hour of the day, of the evening — for `trace_min_minutes`
  (15). A build-up or an exercise lasts, and the hours in sight suffice.
- An inspection of the place after the window, while the activity still leaves traces a
  patrol can see (`trace_days`, from the ontology's `traces` section), counts as well:
  the place in sight for `trace_min_minutes` (15), nearly all (`core_share`, 90 %) of the
  named settlement itself (its `core_m`, 1 km, disc), and a finding made there.
- Intentions, rhetoric, diplomacy, disinformation and provocation plans, warnings and
  appeals, and places outside the mission's area of responsibility are **unobservable**.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from watchline.domain import Act, EventType
from watchline.verify.traces import load_trace_days

# Over in minutes or hours, then seen only as traces (craters, fresh earth, graves).
BRIEF = frozenset({EventType.ATTACK, EventType.CASUALTY, EventType.FORTIFY})

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
    min_window_share: float = 0.5  # of a short (hours-long) window that must be in sight
    min_part_minutes: float = 5.0  # a part of a border zone counts as seen after this long
    trace_days: Mapping[EventType, float] = field(default_factory=load_trace_days, hash=False)
    trace_min_minutes: float = 15.0  # an inspection: the place truly in sight this long
    core_m: float = 1_000.0  # a named settlement itself: the disc an inspection must see
    core_share: float = 0.9  # ... nearly all of it, not a glimpse of its edge
    brief: frozenset[EventType] = field(default=BRIEF)
    end_minutes: float = 60.0  # a brief activity: the window's end that must be in sight

    def required_minutes(self, window_minutes: float) -> float:
        """How long the claimed place must have been in sight to rule the claim out:
        `min_window_hours` of a day-long window, half of an evening's three hours."""
        return min(self.min_window_hours * 60.0, self.min_window_share * window_minutes)

    def area_share(self, scope: str) -> float:
        """The share of the area that must be seen: the border zone's bar is lower."""
        return self.min_border_fraction if scope == "border" else self.min_area_fraction

    def part_minutes(self, scope: str, window_minutes: float) -> float:
        """How long each part of the area must be in sight to count as seen: a named
        place the whole required time; a border zone, too long to watch all at once, a
        glance per part (the zone as a whole must still be in sight the required time)."""
        if scope == "border":
            return min(self.min_part_minutes, self.required_minutes(window_minutes))
        return self.required_minutes(window_minutes)

    def end_of(self, window: tuple[datetime, datetime]) -> tuple[datetime, datetime]:
        """The last `end_minutes` of a window (all of a shorter one)."""
        start = max(window[0], window[1] - timedelta(minutes=self.end_minutes))
        return start, window[1]

    def trace_span_days(self, event_type: EventType) -> float:
        """Days after the event during which patrols can still see its traces (0: none)."""
        return float(self.trace_days.get(event_type, 0.0))


DEFAULT_POLICY = VerifyPolicy()
