"""What linking produces: cases, each claim's role in them, responses and copies.

These are plain values so that the store, the verifier and the web can all read them;
`Case` itself is the domain object of DESIGN.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from watchline.domain import Act, Case, Claim


class Role(StrEnum):
    """How a claim bears on a case."""

    FOR = "for"  # alleges the event
    AGAINST = "against"  # denies it, or confirms that it did not happen
    COPY = "copy"  # a repost or near-identical text of another claim: not independent
    CONTEXT = "context"  # about the general situation at that place and time


class ResponseKind(StrEnum):
    """What a claim does to the claim it answers."""

    DENIES = "denies"
    CONFIRMS = "confirms"
    REPEATS = "repeats"
    COPIES = "copies"  # a repost of the claim it answers (stored with the responses)


@dataclass(frozen=True)
class Membership:
    case_id: str
    claim_id: str
    role: Role


@dataclass(frozen=True)
class Response:
    """`claim_id` answers `answers` (possibly in another document)."""

    claim_id: str
    answers: str
    kind: ResponseKind


@dataclass(frozen=True)
class LinkOptions:
    """The knobs of linking; the defaults are documented in docs/verdicts.md."""

    tolerance_days: int = 1  # stated_on ± this when a claim gives no event time
    response_days: int = 1  # a denial answers claims made up to this many days before
    copy_similarity: float = 0.7  # word-shingle Jaccard above which two texts are copies
    forward_similarity: float = 0.3  # lower bar for a forward / retweet of a claim
    shingle_size: int = 3
    border_zone_m: float = 3_000.0  # "the border" is the border line buffered by this
    theatre_reach_m: float = 50_000.0  # places farther than this from the theatre are ignored
    radius_m: dict[str, float] = field(
        default_factory=lambda: {
            "point": 1_000.0,
            "village": 3_000.0,
            "city": 6_000.0,
            "sector": 10_000.0,
            "region": 30_000.0,
        }
    )


@dataclass(frozen=True)
class Linkage:
    """Everything `link_claims` decided, in a deterministic order."""

    cases: tuple[Case, ...]
    members: tuple[Membership, ...]
    responses: tuple[Response, ...]
    copies: dict[str, str]  # copy claim id -> original claim id
    unlinked: tuple[str, ...] = ()  # claims that belong to no case
    scopes: dict[str, str] = field(default_factory=dict)  # case id -> place | border | anywhere

    def roles(self, case_id: str) -> dict[str, Role]:
        return {m.claim_id: m.role for m in self.members if m.case_id == case_id}


def is_against(claim: Claim) -> bool:
    """A claim speaks against the alleged event when it denies it or negates it."""
    return claim.event.negated or claim.act is Act.DENY


def affiliations(claim: Claim) -> frozenset[str]:
    """Who the claim says did it (affiliations, or actor ids when no affiliation)."""
    agents = [claim.event.agent, *claim.event.agents]
    return frozenset(
        agent.affiliation or agent.actor_id or ""
        for agent in agents
        if agent is not None and (agent.affiliation or agent.actor_id)
    )


def party(claim: Claim) -> str:
    """The speaker's side: affiliation, else actor id, else the words used."""
    speaker = claim.speaker
    return speaker.affiliation or speaker.actor_id or speaker.text
