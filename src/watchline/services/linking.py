"""Incremental linking over the database: only theatres whose claims changed are linked.

Each theatre's claims are linked on their own (`watchline.link.theatres`), so a
theatre whose claims, documents, profile and link options are all as they were last
time would give the very cases that are stored. `relink` keeps a digest of those
inputs per theatre (`work_digests`, scope `link`) and links again only the theatres
whose digest differs — a new batch of Telegram posts about one border leaves the cases
of the others untouched — and `CaseRepository.save_linkage` then writes only the
cases, memberships and responses that differ. `full=True` links everything again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

import watchline
from watchline.domain import Claim, Document, Theatre
from watchline.link import Linkage, LinkOptions, link_claims
from watchline.link.theatres import claims_by_theatre, merge
from watchline.services.progress import StepProgress
from watchline.store.cases import CaseRepository, LinkCounts
from watchline.store.digests import DigestRepository, digest_of

LINK_RULES = "link-2"  # bump when a rule changes what the same claims give


@dataclass(frozen=True)
class Relinked:
    cases: int
    counts: LinkCounts
    responses: int
    copies: int
    unlinked: int
    theatres_linked: tuple[str, ...]


def theatre_digest(
    theatre: Theatre,
    claims: Sequence[Claim],
    documents: Mapping[str, Document],
    options: LinkOptions,
) -> str:
    """Everything linking reads of one theatre's claims, as one digest."""
    parts: list[object] = [LINK_RULES, watchline.__version__, theatre, options]
    for claim in sorted(claims, key=lambda c: c.id):
        doc = documents.get(claim.document_id or "")
        seen = (doc.published_at, doc.forwarded_from, doc.text) if doc else None
        parts += [claim, seen]
    return digest_of(parts)


def relink(
    session: Session,
    claims: Sequence[Claim],
    documents: Mapping[str, Document],
    theatres: Sequence[Theatre],
    default: str,
    options: LinkOptions | None = None,
    *,
    full: bool = False,
    progress: bool = False,
    decide: Callable[[Linkage], Linkage] | None = None,
    salt: str = "",
) -> Relinked:
    """Link the theatres whose inputs changed and store the result (see the module).

    `decide` rewrites the fresh linkage before it is stored (the analysts' merges and
    splits); `salt` is a digest of what it depends on, so a new decision re-links every
    theatre it could touch."""
    options = options or LinkOptions()
    grouped = claims_by_theatre(claims, theatres, default, options)
    digests = DigestRepository(session, "link")
    stored = {} if full else digests.all()
    fresh = {
        t.id: digest_of([theatre_digest(t, grouped[t.id], documents, options), salt])
        for t in theatres
    }
    redo = [t for t in theatres if stored.get(t.id, ("", {}))[0] != fresh[t.id]]
    kept = [t for t in theatres if t not in redo]
    with StepProgress("link", "claims", progress) as bar:
        bar.expect(sum(len(grouped[t.id]) for t in redo))
        parts = {t.id: link_claims(grouped[t.id], documents, t, options, bar.advance) for t in redo}
    linkage = merge(parts.values())
    if decide is not None:
        linkage = decide(linkage)
    counts = CaseRepository(session).save_linkage(
        linkage,
        kept_theatres=frozenset(t.id for t in kept),
        kept_claims=frozenset(c.id for t in kept for c in grouped[t.id]),
    )
    for t in redo:
        part = parts[t.id]
        sizes = {"cases": len(part.cases), "responses": len(part.responses),
                 "copies": len(part.copies), "unlinked": len(part.unlinked)}  # fmt: skip
        digests.put(t.id, fresh[t.id], sizes)
    before = [stored[t.id][1] for t in kept]

    def kept_total(name: str) -> int:
        return sum(int(sizes.get(name, 0)) for sizes in before)

    return Relinked(
        cases=len(linkage.cases) + kept_total("cases"),
        counts=replace(counts, unchanged=counts.unchanged + kept_total("cases")),
        responses=len(linkage.responses) + kept_total("responses"),
        copies=len(linkage.copies) + kept_total("copies"),
        unlinked=len(linkage.unlinked) + kept_total("unlinked"),
        theatres_linked=tuple(t.id for t in redo),
    )
