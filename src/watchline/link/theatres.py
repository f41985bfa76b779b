"""Which theatre a claim is about, and linking a database that holds several.

One database may hold statements about the Armenia–Azerbaijan border, the Line of Control
and the Kosovo boundary line at once. Linking them together would let "the border" of a
Kosovo claim be drawn on the Armenian border, a denial answer an allegation on another
continent, and "calm along the line" become context for the wrong mission. So each claim
is given one theatre, and each theatre's claims are linked on their own, with that
theatre's gazetteer; a case never mixes theatres.

A claim's theatre is decided by, in order:

1. its places: resolved places (a gazetteer id of the form `theatre:<id>:…`, or
   coordinates inside the theatre's area of responsibility, then inside that area plus
   `LinkOptions.theatre_reach_m`) — the theatre with most of them;
2. the claim it explicitly responds to, when that one was placed by its places;
3. its speaker being the theatre's monitoring mission;
4. the other claims of its document, when those were placed by their places;
5. countries: those of its places, its agents and its speaker, against each theatre's
   `countries`;
6. else the default theatre (WATCHLINE_THEATRE).

Ties go to the default theatre, then to the order the theatres were given in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from watchline.domain import Claim, Document, PlaceMention, Precision, Theatre
from watchline.errors import Errors, InputError
from watchline.geo.theatre import distance_to_area_m
from watchline.link.cases import link_claims
from watchline.link.model import Linkage, LinkOptions

_BY_PLACES = "places"


class TheatreChooser:
    """Decides each claim's theatre among a fixed list (see the module docstring)."""

    def __init__(
        self,
        theatres: Sequence[Theatre],
        default: str | None = None,
        options: LinkOptions | None = None,
    ) -> None:
        if not theatres:
            raise ValueError("TheatreChooser needs at least one theatre")
        counts = Counter(t.id for t in theatres)
        twice = sorted(tid for tid, n in counts.items() if n > 1)
        if twice:
            names = ", ".join(t.name for t in theatres if t.id == twice[0])
            raise InputError(Errors.E404, theatre=twice[0], names=names[:80])
        ids = [t.id for t in theatres]
        if default is not None and default not in ids:
            raise InputError(Errors.E405, theatre=default, options=", ".join(ids))
        self.default = default or ids[0]
        self.reach_m = (options or LinkOptions()).theatre_reach_m
        self.order = {tid: (tid != self.default, i) for i, tid in enumerate(ids)}
        self.areas: dict[str, Theatre] = {t.id: t for t in theatres}
        self._points: dict[tuple[float, float], tuple[list[str], list[str]]] = {}

    def _best(self, votes: Counter[str] | Mapping[str, tuple[int, ...]]) -> str | None:
        """The theatre with the highest vote; ties by default theatre, then given order."""
        if not votes:
            return None
        return min(votes, key=lambda tid: (_negate(votes[tid]), self.order[tid]))

    def _point_theatres(self, lon: float, lat: float) -> tuple[list[str], list[str]]:
        """Theatres whose area holds the point, and those whose reach does (cached)."""
        key = (lon, lat)
        if key not in self._points:
            away = {
                tid: distance_to_area_m(theatre, lon, lat)
                for tid, theatre in self.areas.items()
                if theatre.area_of_responsibility
            }
            inside = [tid for tid, metres in away.items() if metres == 0]
            near = [tid for tid, metres in away.items() if metres <= self.reach_m]
            self._points[key] = (inside, near)
        return self._points[key]

    def by_places(self, claim: Claim) -> str | None:
        """The theatre the claim's resolved places lie in, if they lie in any."""
        votes: dict[str, list[int]] = {}
        for mention in claim.event.places:
            named = _named_theatre(mention)
            if named in self.areas:
                votes.setdefault(named, [0, 0])[0] += 1
                continue
            if mention.lat is None or mention.lon is None:
                continue
            if mention.precision is Precision.COUNTRY:
                continue  # a country's centre says nothing about which of its borders
            inside, near = self._point_theatres(mention.lon, mention.lat)
            for tid in inside:
                votes.setdefault(tid, [0, 0])[0] += 1
            for tid in near:
                votes.setdefault(tid, [0, 0])[1] += 1
        return self._best({tid: tuple(v) for tid, v in votes.items()})

    def by_speaker(self, claim: Claim) -> str | None:
        """The theatre whose monitoring mission made the statement."""
        actor = claim.speaker.actor_id
        if not actor:
            return None
        return self._best(Counter(tid for tid, a in self.areas.items() if a.mission_actor == actor))

    def by_countries(self, claim: Claim) -> str | None:
        """The theatre whose countries the claim's places, agents and speaker name most."""
        named = [m.country for m in claim.event.places if m.country]
        agents = [claim.event.agent, *claim.event.agents]
        named += [a.affiliation for a in agents if a is not None and a.affiliation]
        if claim.speaker.affiliation:
            named.append(claim.speaker.affiliation)
        votes: Counter[str] = Counter()
        for tid, area in self.areas.items():
            hits = sum(1 for code in named if code in area.countries)
            if hits:
                votes[tid] = hits
        return self._best(votes)

    def assign(self, claims: Sequence[Claim]) -> dict[str, str]:
        """Claim id → theatre id for every claim (deterministic, order-independent)."""
        placed = {c.id: tid for c in claims if (tid := self.by_places(c)) is not None}
        by_document: dict[str, Counter[str]] = {}
        for claim in claims:
            if claim.id in placed and claim.document_id:
                by_document.setdefault(claim.document_id, Counter())[placed[claim.id]] += 1
        chosen = dict(placed)
        for claim in claims:
            if claim.id in chosen:
                continue
            document = by_document.get(claim.document_id or "")
            chosen[claim.id] = (
                placed.get(claim.responds_to or "")
                or self.by_speaker(claim)
                or (self._best(document) if document else None)
                or self.by_countries(claim)
                or self.default
            )
        return chosen


def _negate(vote: int | tuple[int, ...]) -> tuple[int, ...]:
    values = vote if isinstance(vote, tuple) else (vote,)
    return tuple(-v for v in values)


def _named_theatre(mention: PlaceMention) -> str | None:
    """The theatre a gazetteer id names: `theatre:<id>:<place>` entries come from its profile."""
    place_id = mention.place_id or ""
    if place_id.startswith("theatre:") and place_id.count(":") >= 2:
        return place_id.split(":", 2)[1]
    return None


def link_theatres(
    claims: Sequence[Claim],
    documents: Mapping[str, Document] | None,
    theatres: Sequence[Theatre],
    default: str | None = None,
    options: LinkOptions | None = None,
) -> Linkage:
    """Link claims of several theatres: each theatre's claims on their own, then merged.

    Every case carries its `theatre_id`; responses, copies and context stay inside a
    theatre because each theatre's claims never meet another's in one linking run.
    """
    options = options or LinkOptions()
    grouped = claims_by_theatre(claims, theatres, default, options)
    parts = [link_claims(grouped[t.id], documents, t, options) for t in theatres if grouped[t.id]]
    return merge(parts)


def claims_by_theatre(
    claims: Sequence[Claim],
    theatres: Sequence[Theatre],
    default: str | None = None,
    options: LinkOptions | None = None,
) -> dict[str, list[Claim]]:
    """Theatre id -> its claims (every theatre present, in the claims' order)."""
    chosen = TheatreChooser(theatres, default, options).assign(claims)
    grouped: dict[str, list[Claim]] = {t.id: [] for t in theatres}
    for claim in claims:
        grouped[chosen[claim.id]].append(claim)
    return grouped


def merge(parts: Iterable[Linkage]) -> Linkage:
    """One linkage from the linkages of disjoint sets of claims, in the usual order."""
    parts = list(parts)
    cases = sorted((c for p in parts for c in p.cases), key=lambda c: (c.start or date.min, c.id))
    members = sorted((m for p in parts for m in p.members), key=lambda m: (m.case_id, m.claim_id))
    return Linkage(
        cases=tuple(cases),
        members=tuple(members),
        responses=tuple(sorted((r for p in parts for r in p.responses), key=lambda r: r.claim_id)),
        copies=dict(sorted(kv for p in parts for kv in p.copies.items())),
        unlinked=tuple(sorted(u for p in parts for u in p.unlinked)),
        scopes=dict(sorted(kv for p in parts for kv in p.scopes.items())),
    )


def theatres_with(default: Theatre, packaged: Iterable[Theatre]) -> list[Theatre]:
    """The default theatre first, then the packaged ones it does not replace (same id)."""
    return [default, *(t for t in packaged if t.id != default.id)]
