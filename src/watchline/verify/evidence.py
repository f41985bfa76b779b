"""What the verifier is given about one case, gathered by the caller."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from watchline.domain import Case, Claim, Coverage, Observation, ObservationType, Patrol, Theatre


@dataclass(frozen=True)
class CaseEvidence:
    """A case, its claims with their roles, and what the patrols saw of its place and time.

    `roles` maps claim id to "for", "against", "copy" or "context" (link.Role values);
    `coverage` is computed by the caller over `verify.area.observable_area(case, theatre)`
    and the case window; `observations` are those inside that coverage.
    """

    case: Case
    claims: Mapping[str, Claim]
    roles: Mapping[str, str]
    coverage: Coverage | None = None
    observations: Sequence[Observation] = ()
    patrols: Sequence[Patrol] = ()
    theatre: Theatre | None = None
    scope: str = "place"  # place | border | anywhere
    far_side: bool = False
    repeated_on: tuple[date, ...] = ()  # days the allegation was repeated (here or later)
    daily: tuple[tuple[date, Coverage], ...] = ()  # per-day coverage of a multi-day window
    window: tuple[datetime, datetime] | None = None  # the instants (UTC) coverage was taken over
    # a later inspection: coverage of the place from the window's end while traces last
    traces: Coverage | None = None
    trace_observations: Sequence[Observation] = ()
    trace_window: tuple[datetime, datetime] | None = None
    # the same later look at the named settlements themselves (None: no settlement named)
    trace_core: Coverage | None = None
    # each allegation's own stated hours, where narrower than the case window, with
    # their coverage: merged claims ("in the evening" and "on Friday") must each be seen
    claimed: tuple[tuple[tuple[datetime, datetime], Coverage], ...] = ()
    # a brief activity (shelling, digging): the last part of the case window and of each
    # claimed window, with its coverage (`policy.end_of`); empty for lasting activities
    ends: tuple[tuple[tuple[datetime, datetime], Coverage], ...] = ()

    def with_role(self, role: str) -> list[Claim]:
        return [self.claims[cid] for cid in self.case.claim_ids if self.roles.get(cid) == role]

    @property
    def alleging(self) -> list[Claim]:
        return self.with_role("for")

    @property
    def denying(self) -> list[Claim]:
        return self.with_role("against")

    @property
    def self_reported(self) -> bool:
        """Every allegation is a party speaking of its own activity ("our routine drills").

        Patrols reporting nothing unusual do not contradict routine activity a party admits
        to, so such a case is never contradicted by absence of evidence.
        """
        alleging = self.alleging
        return bool(alleging) and all(
            c.speaker.affiliation is not None
            and c.speaker.affiliation
            in {a.affiliation for a in (c.event.agent, *c.event.agents) if a}
            for c in alleging
        )

    @property
    def supporting(self) -> list[Observation]:
        """Findings of the claimed activity in the window, then of its traces later."""
        kind = str(self.case.event_type)
        return [o for o in (*self.observations, *self.trace_observations) if str(o.type) == kind]

    @property
    def quiet(self) -> list[Observation]:
        return [o for o in self.observations if o.type is ObservationType.NOTHING_UNUSUAL]

    @property
    def quiet_later(self) -> list[Observation]:
        """ "Nothing unusual" found at the place by a later inspection while traces last."""
        return [o for o in self.trace_observations if o.type is ObservationType.NOTHING_UNUSUAL]

    @property
    def window_minutes(self) -> float:
        return self.window_hours * 60.0

    @property
    def days(self) -> int:
        if self.case.start is None or self.case.end is None:
            return 1
        return (self.case.end - self.case.start).days + 1

    @property
    def window_hours(self) -> float:
        if self.window is not None:
            return (self.window[1] - self.window[0]).total_seconds() / 3600.0
        if self.case.start is None or self.case.end is None:
            return 24.0
        return ((self.case.end - self.case.start).days + 1) * 24.0

    @property
    def covered_hours(self) -> float:
        """Hours of the window during which some patrol truly had the area in sight."""
        if self.coverage is None:
            return 0.0
        return self.coverage.in_sight_minutes / 60.0
