"""What an export is made of: the selected case views and the records behind them.

The service layer fills it from the database; the format modules only read it, so each
writer is a plain function that tests can hand a small, hand-built `ExportData`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from watchline.domain import ActorKind, Claim, Observation, Patrol

if TYPE_CHECKING:
    from watchline.services.statements import Statement
    from watchline.services.views import CaseView, ClaimView


@dataclass(frozen=True)
class ExportData:
    """Cases with their claims, the patrols and findings of the period, and who publishes.

    `claims` holds the full claims (places with coordinates, event time windows) of the
    claim views in `views`, by id; `actor_kinds` tells a person from an organisation;
    `plover` maps each event type to its PLOVER type and mode (data/ontology.yaml).
    """

    views: Sequence[CaseView]
    claims: Mapping[str, Claim] = field(default_factory=dict)
    patrols: Sequence[Patrol] = ()
    observations: Sequence[Observation] = ()
    mission: str = "the mission"
    mission_url: str | None = None
    case_url: str | None = None  # e.g. "https://mission.example/cases/{case_id}"
    actor_kinds: Mapping[str, ActorKind] = field(default_factory=dict)
    plover: Mapping[str, tuple[str, str | None]] = field(default_factory=dict)
    # case id -> the mission's latest published statement on it; None: no restriction
    # (every verdict that is a finding, for internal review)
    published: Mapping[str, Statement] | None = None

    def case_claims(self) -> list[tuple[CaseView, ClaimView]]:
        """Every claim of every case (for, against, context, copies), case by case."""
        pairs = []
        for view in self.views:
            for claim in view.claims_for + view.claims_against + view.context + view.copies:
                pairs.append((view, claim))
        return pairs

    def url_of(self, case_id: str) -> str | None:
        return self.case_url.replace("{case_id}", case_id) if self.case_url else None
