"""Group claims into cases: claims about the same alleged event, for and against.

`link_claims` walks the claims in one fixed order (statement date, allegations before
denials, publication time, document, typed events before `other`, id), so the same set
of claims gives the same cases whatever order they arrive in. Each claim is first
checked for being a copy of an earlier one, then for answering one; then it joins the
first case whose event type and agent match, whose time window overlaps the case's
first claim and whose places overlap one of its claims, or it opens a new case. Each
rule looks only at the earlier claims and open cases that blocking (`link.blocking`:
event type, day, grid cell or border marker) says it could meet, so a run grows with
the claims, not with their pairs; the rules themselves are unchanged. A
case's id is derived from its first allegation, so adding later documents keeps the
ids of the cases already there. One run covers one theatre (`link.theatres` splits a
mixed set); every case carries that theatre's id.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from watchline.domain import Act, Case, Claim, Document, EventType, Theatre
from watchline.link.blocking import DayIndex, PlaceKey, PlaceKeys
from watchline.link.copies import CopyFinder
from watchline.link.geo import Footprint, Gazetteer
from watchline.link.model import (
    Linkage,
    LinkOptions,
    Membership,
    Response,
    ResponseKind,
    Role,
    affiliations,
    is_against,
)
from watchline.link.responses import REPEAT_DAYS, Order, answered
from watchline.link.windows import Window, event_window, link_window, overlaps, union

_EARLY = datetime(1, 1, 1, tzinfo=UTC)
MAX_INDEXED_DAYS = 31  # longer windows are checked against every case of their type
_EVERY = "every"  # the key every claim is filed under
_ALWAYS = -(10**9)  # a day before every other: undated claims are always "recent"


def case_id_for(claim_id: str) -> str:
    """A case's stable id, derived from the id of the claim that opened it."""
    return "case-" + hashlib.sha1(claim_id.encode()).hexdigest()[:12]


class _Draft:
    """A case while claims are still joining it."""

    def __init__(
        self, anchor: Claim, window: Window | None, footprint: Footprint, number: int
    ) -> None:
        self.anchor = anchor
        self.number = number
        self.window = window
        self.roles: dict[str, Role] = {}
        self.claims: list[Claim] = []
        self.footprints: dict[str, Footprint] = {anchor.id: footprint}
        self.agents: frozenset[str] = affiliations(anchor)
        self.days: set[date] = set()  # the days it is filed under (see Linker._index)
        self.places: set[PlaceKey] = set()  # the place keys it is filed under

    def add(self, claim: Claim, role: Role, footprint: Footprint) -> None:
        if claim.id not in self.roles:
            self.claims.append(claim)
        self.roles[claim.id] = role
        self.footprints[claim.id] = footprint
        if not self.agents:
            self.agents = affiliations(claim)


class Linker:
    """One linking run over a fixed set of claims."""

    def __init__(
        self,
        documents: Mapping[str, Document],
        theatre: Theatre | None,
        options: LinkOptions,
    ) -> None:
        self.documents = documents
        self.options = options
        self.gazetteer = Gazetteer(theatre, options)
        self.copies = CopyFinder(
            documents, options.copy_similarity, options.forward_similarity, options.shingle_size
        )
        self.drafts: list[_Draft] = []
        self.case_of: dict[str, _Draft] = {}
        self.footprints: dict[str, Footprint] = {}
        self.keys = PlaceKeys(self.gazetteer)
        self.dated_index: DayIndex[Claim] = DayIndex()  # claims processed so far, by day
        self.undated_index: DayIndex[Claim] = DayIndex()
        self.position: dict[str, int] = {}  # claim id -> its place in processing order
        self.latest: dict[str | None, int] = {}  # document -> its latest claim's position
        self.by_day: dict[tuple[EventType, date], set[int]] = {}
        self.by_cell: dict[tuple[EventType, date, PlaceKey], set[int]] = {}
        self.wide: dict[EventType, set[int]] = {}
        self.known: dict[str, Claim] = {}
        self.theatre_id = theatre.id if theatre is not None else None
        self.copy_of: dict[str, str] = {}  # every copy found so far -> its original
        self.answered_in: dict[str, list[str]] = {}  # document -> claims its claims answer

    def order_key(self, claim: Claim) -> tuple[date, int, datetime, str, int, str]:
        """Fixed processing order; a document's `other`-typed sentences come after its
        typed ones, so "calling the report untrue" sees what its first sentence answered."""
        document = self.documents.get(claim.document_id or "")
        published = document.published_at if document and document.published_at else None
        day = claim.stated_on or (published.date() if published else date.min)
        moment = published.astimezone(UTC) if published and published.tzinfo else _EARLY
        generic = int(claim.event.type is EventType.OTHER)
        return (day, int(is_against(claim)), moment, claim.document_id or "", generic, claim.id)

    def dated(self, claim: Claim) -> Claim:
        """The claim, dated by its document's publication day when it has no stated_on."""
        if claim.stated_on is not None:
            return claim
        document = self.documents.get(claim.document_id or "")
        if document is None or document.published_at is None:
            return claim
        return replace(claim, stated_on=document.published_at.date())

    def near(self, a: Claim, b: Claim) -> bool:
        return self.gazetteer.overlap(self.footprints[a.id], self.footprints[b.id])

    def _recent(self, claim: Claim, keys: list[object]) -> list[Claim]:
        """Earlier claims filed under `keys`, within the days any rule looks back, in
        processing order (undated claims, processed first, are always recent)."""
        earlier = self.undated_index.since(keys, _ALWAYS)
        if claim.stated_on is None:
            return earlier + self.dated_index.since(keys, _ALWAYS)
        reach = max(self.options.response_days, self.options.tolerance_days, REPEAT_DAYS) + 1
        cutoff = (claim.stated_on - timedelta(days=reach)).toordinal()
        return earlier + self.dated_index.since(keys, cutoff)

    def _rule_keys(self, claim: Claim) -> list[object]:
        """What the response rules may look at: earlier claims of the same type at places
        that can overlap; an `other`-typed claim may answer any earlier claim. Denials,
        repeats and confirmations of an allegation answer allegations only; only a
        confirmation that something did not happen may answer either side."""
        kind = claim.event.type
        if kind is EventType.OTHER:
            return [_EVERY]
        sides: tuple[object, ...] = (False,)
        if claim.act is Act.CONFIRM and is_against(claim):
            sides = (False, True)
        asked = self.keys.asked(self.footprints[claim.id])
        places = [_EVERY] if asked is None else list(asked)
        return [(kind, side, key) for side in sides for key in places]

    def _remember(self, claim: Claim) -> None:
        kind, against = claim.event.type, is_against(claim)
        keys: list[object] = [_EVERY, *self.copies.filed(claim, against)]
        keys += [(kind, against, key) for key in self.keys.filed(self.footprints[claim.id])]
        keys.append((kind, against, _EVERY))
        seq = len(self.position)
        index = self.undated_index if claim.stated_on is None else self.dated_index
        day = _ALWAYS if claim.stated_on is None else claim.stated_on.toordinal()
        index.add(keys, day, seq, claim)
        self.position[claim.id] = seq
        self.latest[claim.document_id] = seq
        self.known[claim.id] = claim

    def _index(self, draft: _Draft, kind: EventType, window: Window | None) -> None:
        """Register a draft under each day of `window` (and each of its place keys on
        those days), so that matching looks only there."""
        if window is None or (window[1] - window[0]).days > MAX_INDEXED_DAYS:
            self.wide.setdefault(kind, set()).add(draft.number)
            return
        for offset in range((window[1] - window[0]).days + 1):
            day = window[0] + timedelta(days=offset)
            if day in draft.days:
                continue
            draft.days.add(day)
            self.by_day.setdefault((kind, day), set()).add(draft.number)
            for key in draft.places:
                self.by_cell.setdefault((kind, day, key), set()).add(draft.number)

    def _file_place(self, draft: _Draft, footprint: Footprint) -> None:
        """File a draft under the place keys of a footprint it just gained, on its days."""
        kind = draft.anchor.event.type
        for key in self.keys.filed(footprint) - draft.places:
            draft.places.add(key)
            for day in draft.days:
                self.by_cell.setdefault((kind, day, key), set()).add(draft.number)

    def _candidates(
        self, kind: EventType, window: Window | None, footprint: Footprint | None = None
    ) -> list[_Draft]:
        """Drafts of `kind` that may overlap `window` (and `footprint`, when given), in
        the order they were opened."""
        if window is None or (window[1] - window[0]).days > MAX_INDEXED_DAYS:
            return [d for d in self.drafts if d.anchor.event.type == kind]
        asked = self.keys.asked(footprint) if footprint is not None else None
        found = set(self.wide.get(kind, ()))
        for offset in range((window[1] - window[0]).days + 1):
            day = window[0] + timedelta(days=offset)
            if asked is None:
                found |= self.by_day.get((kind, day), set())
                continue
            for key in asked:
                found |= self.by_cell.get((kind, day, key), set())
        return [self.drafts[number] for number in sorted(found)]

    def _accepts(self, draft: _Draft, claim: Claim) -> bool:
        if draft.anchor.event.type != claim.event.type:
            return False
        agents = affiliations(claim)
        if agents and draft.agents and not agents & draft.agents:
            return False
        if not overlaps(draft.window, link_window(claim, self.options.tolerance_days)):
            return False
        mine = self.footprints[claim.id]
        return any(self.gazetteer.overlap(mine, fp) for fp in draft.footprints.values())

    def _open(self, claim: Claim) -> _Draft:
        window = link_window(claim, self.options.tolerance_days)
        draft = _Draft(claim, window, self.footprints[claim.id], len(self.drafts))
        self.drafts.append(draft)
        self._file_place(draft, self.footprints[claim.id])
        self._index(draft, claim.event.type, window)
        return draft

    def place(self, claim: Claim, response: Response | None) -> _Draft | None:
        """The case a (non-copy) claim joins, opening one when none fits."""
        target = self.case_of.get(response.answers) if response else None
        repeat = response is not None and response.kind is ResponseKind.REPEATS
        if target is not None and not repeat:
            return target
        window = link_window(claim, self.options.tolerance_days)
        for draft in self._candidates(claim.event.type, window, self.footprints[claim.id]):
            if draft is not target and self._accepts(draft, claim):
                return draft  # a repeat on a later day is a new allegation: its own case
        if claim.event.type is EventType.OTHER:
            return None
        return self._open(claim)

    def run(
        self, claims: Sequence[Claim], tick: Callable[[], None] | None = None
    ) -> tuple[list[Response], dict[str, str], list[Claim]]:
        responses: list[Response] = []
        copies: dict[str, str] = {}
        leftovers: list[Claim] = []
        ordered = sorted((self.dated(c) for c in claims), key=self.order_key)
        self.copies.prepare(ordered)
        for claim in ordered:
            self.footprints[claim.id] = self.gazetteer.footprint(claim)
            original = self.copies.original_of(
                claim, self._recent(claim, self.copies.asked(claim, is_against(claim)))
            )
            if original is not None:
                copies[claim.id] = self.copy_of[claim.id] = original
            if original is not None and original in self.case_of:
                self._join(self.case_of[original], claim, Role.COPY)
            else:
                siblings = self.answered_in.get(claim.document_id or "", [])
                response = answered(
                    claim,
                    self._recent(claim, self._rule_keys(claim)),
                    self.known,
                    self.options.response_days,
                    self.near,
                    self.copy_of,
                    siblings,
                    self._event_of,
                    self._order(),
                )
                if response is not None:
                    responses.append(response)
                    if claim.document_id:
                        self.answered_in.setdefault(claim.document_id, []).append(response.answers)
                generic = claim.event.type is EventType.OTHER and response is None
                draft = None if generic else self.place(claim, response)
                if draft is None:
                    leftovers.append(claim)
                else:
                    self._join(draft, claim, Role.AGAINST if is_against(claim) else Role.FOR)
            self._remember(claim)
            if tick is not None:
                tick()
        return responses, copies, leftovers

    def _order(self) -> Order | None:
        """Positions in processing order, for rules handed only a blocked part of it."""
        return (self.position, self.latest)

    def _event_of(self, claim_id: str) -> object:
        """The case a claim is in (its alleged event), else the claim itself."""
        draft = self.case_of.get(claim_id)
        return ("case", draft.number) if draft is not None else ("claim", claim_id)

    def _join(self, draft: _Draft, claim: Claim, role: Role) -> None:
        draft.add(claim, role, self.footprints[claim.id])
        self._file_place(draft, self.footprints[claim.id])
        self.case_of[claim.id] = draft
        self._index(draft, draft.anchor.event.type, event_window(claim))

    def attach_context(self, claims: Sequence[Claim]) -> list[str]:
        """General statements ("calm and quiet on the border") join cases at that place/time."""
        unlinked: list[str] = []
        for claim in claims:
            footprint = self.footprints[claim.id]
            window = event_window(claim)  # about its own day: "calm today" says nothing of tomorrow
            if footprint.anywhere:  # joins no case: see the first test below
                unlinked.append(claim.id)
                continue
            joined = False
            nearby = sorted(
                {d.number for kind in EventType for d in self._candidates(kind, window, footprint)}
            )
            for draft in (self.drafts[number] for number in nearby):
                core = union(event_window(c) for c in _core(draft))
                if (
                    footprint.anywhere
                    or (window is None and core is not None)  # undated: no context for dated
                    or not overlaps(core, window)
                    or self.scope(draft) == "anywhere"
                ):
                    continue  # a case with no place of its own gets no "situation there" context
                if any(self.gazetteer.overlap(footprint, fp) for fp in draft.footprints.values()):
                    draft.add(claim, Role.CONTEXT, footprint)
                    self._file_place(draft, footprint)
                    joined = True
            if not joined:
                unlinked.append(claim.id)
        return unlinked

    def scope(self, draft: _Draft) -> str:
        """Whether a case names a place, only "the border", or nowhere in particular."""
        footprints = [draft.footprints[c.id] for c in _core(draft)]
        if any(fp.shapes for fp in footprints):
            return "place"
        return "border" if any(fp.border for fp in footprints) else "anywhere"

    def case(self, draft: _Draft) -> Case:
        alleging = [c for c in draft.claims if draft.roles[c.id] is Role.FOR]
        core = _core(draft)
        agents = Counter(a for c in core for a in sorted(affiliations(c)))
        agent = min(agents, key=lambda a: (-agents[a], a)) if agents else None
        window = union(event_window(c) for c in core)
        area = self.gazetteer.area([draft.footprints[c.id] for c in core])
        places = sorted({p for c in core for p in draft.footprints[c.id].place_ids})
        names = list(dict.fromkeys(n for c in core for n in draft.footprints[c.id].names))
        anchor = (alleging or core or draft.claims)[0]
        return Case(
            id=case_id_for(anchor.id),
            event_type=anchor.event.type,
            agent=agent,
            start=window[0] if window else None,
            end=window[1] if window else None,
            claim_ids=tuple(c.id for c in draft.claims),
            area=area.wkt if area is not None else None,
            place_ids=tuple(places),
            title=_title(anchor, agent, names, window),
            theatre_id=self.theatre_id,
        )


def _core(draft: _Draft) -> list[Claim]:
    """The claims that define a case: its allegations, or its denials when it has none."""
    alleging = [c for c in draft.claims if draft.roles[c.id] is Role.FOR]
    return alleging or [c for c in draft.claims if draft.roles[c.id] is Role.AGAINST]


def _title(anchor: Claim, agent: str | None, places: list[str], window: Window | None) -> str:
    where = ", ".join(places[:3]) if places else "place not given"
    when = window[0].strftime("%-d %b %Y") if window else "date unknown"
    return f"{anchor.event.type} by {agent or 'unknown agent'} ({where}; {when})"


def link_claims(
    claims: Sequence[Claim],
    documents: Mapping[str, Document] | None = None,
    theatre: Theatre | None = None,
    options: LinkOptions | None = None,
    tick: Callable[[], None] | None = None,
) -> Linkage:
    """Group `claims` into cases and find responses and copies (pure, deterministic);
    `tick` is called after each claim (for a progress bar)."""
    linker = Linker(documents or {}, theatre, options or LinkOptions())
    return linkage_from(linker, claims, tick)


def linkage_from(
    linker: Linker, claims: Sequence[Claim], tick: Callable[[], None] | None = None
) -> Linkage:
    """Run `linker` over `claims` and assemble its cases, responses and copies."""
    responses, copies, leftovers = linker.run(claims, tick)
    unlinked = linker.attach_context(leftovers)
    cases = [linker.case(draft) for draft in linker.drafts]
    members = [
        Membership(case.id, claim.id, draft.roles[claim.id])
        for case, draft in zip(cases, linker.drafts, strict=True)
        for claim in draft.claims
    ]
    order = sorted(range(len(cases)), key=lambda i: (cases[i].start or date.min, cases[i].id))
    return Linkage(
        cases=tuple(cases[i] for i in order),
        members=tuple(sorted(members, key=lambda m: (m.case_id, m.claim_id))),
        responses=tuple(sorted(responses, key=lambda r: r.claim_id)),
        copies=dict(sorted(copies.items())),
        unlinked=tuple(sorted(unlinked)),
        scopes={
            case.id: linker.scope(draft) for case, draft in zip(cases, linker.drafts, strict=True)
        },
    )
