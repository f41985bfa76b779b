"""schema.org ClaimReview JSON-LD: the mission's verdict on each claim it could assess.

One ClaimReview per published verdict: a case whose verdict says something about the
claim and on which the mission has published a statement (`reviewed`; the statement is
the review's body and date; `--all-verdicts` drops the publication rule for internal use):
`claimReviewed` is the allegation (`claim_text`), `itemReviewed` the Claim with its speaker,
date and the http(s) addresses where it appeared, `reviewRating` the verdict as text
(`alternateName`), `author` the mission. The output is one JSON-LD document with the
records in its `@graph`, which is what fact-check aggregators and search engines read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from watchline.domain import ActorKind, VerdictStatus
from watchline.publish.exports.data import ExportData

if TYPE_CHECKING:
    from watchline.services.views import CaseView, ClaimView

# Statuses that are a finding about the claim; `pending` and `not_covered` say only
# that the mission has not (yet) looked, so publishing them as reviews would mislead.
REVIEWED = (
    VerdictStatus.CORROBORATED,
    VerdictStatus.CONTRADICTED,
    VerdictStatus.DISPUTED,
    VerdictStatus.UNOBSERVABLE,
)

RATING_TEXT = {
    VerdictStatus.CORROBORATED: "Corroborated by the mission's observations",
    VerdictStatus.CONTRADICTED: "Contradicted by the mission's observations",
    VerdictStatus.DISPUTED: "Disputed: the parties contradict each other, nothing independent",
    VerdictStatus.UNOBSERVABLE: "Unobservable: patrols cannot see what the claim is about",
}


def reviewed(
    views: Iterable[CaseView], published: Mapping[str, Any] | None = None
) -> list[CaseView]:
    """The cases whose current verdict is published as a review: a finding (`REVIEWED`)
    on which a statement was published (every finding when `published` is None)."""
    return [
        v
        for v in views
        if v.verdict is not None
        and v.status in REVIEWED
        and (published is None or v.case.id in published)
    ]


def _web(url: str | None) -> bool:
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def _speaker(claim: ClaimView, kinds: dict[str, ActorKind]) -> dict[str, Any]:
    kind = kinds.get(claim.actor_id or "")
    return {
        "@type": "Person" if kind is ActorKind.PERSON else "Organization",
        "name": claim.speaker,
    }


def _appearances(claims: Sequence[ClaimView]) -> list[dict[str, str]]:
    urls = dict.fromkeys(c.document_url for c in claims if _web(c.document_url))
    return [{"@type": "CreativeWork", "url": str(url)} for url in urls]


def _item(view: CaseView, data: ExportData) -> dict[str, Any]:
    claim = view.claims_for[0] if view.claims_for else None
    item: dict[str, Any] = {"@type": "Claim"}
    if claim is not None:
        item["author"] = _speaker(claim, dict(data.actor_kinds))
        day = claim.stated_on or (claim.published_at.date() if claim.published_at else None)
        if day is not None:
            item["datePublished"] = day.isoformat()
    appearances = _appearances(view.claims_for + view.copies)
    if appearances:
        item["appearance"] = appearances
        item["firstAppearance"] = appearances[0]
    return item


def claim_text(claim: ClaimView) -> str:
    """What was claimed, readable on its own. An accusation's content is the object of
    its verb ("Armenia on Sunday of concentrating troops"), so the speaker and the verb
    come first; other contents are whole clauses already."""
    content = " ".join(claim.content.split())
    if claim.act == "accuse" and claim.cue:
        return f"{claim.speaker} {claim.cue} {content}"
    return content


def claim_review(view: CaseView, data: ExportData) -> dict[str, Any]:
    """One case's ClaimReview record (the case must have a verdict)."""
    verdict = view.verdict
    assert verdict is not None, "reviewed() keeps only cases with a verdict"
    claimed = claim_text(view.claims_for[0]) if view.claims_for else view.case.title
    author: dict[str, Any] = {"@type": "Organization", "name": data.mission}
    if data.mission_url:
        author["url"] = data.mission_url
    record: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": f"watchline:case:{view.case.id}",
        "claimReviewed": claimed,
        "itemReviewed": _item(view, data),
        "reviewRating": {
            "@type": "Rating",
            "alternateName": RATING_TEXT[verdict.status],
            "ratingExplanation": verdict.rationale,
        },
        "reviewBody": verdict.rationale,
        "author": author,
    }
    statement = (data.published or {}).get(view.case.id)
    if statement is not None:
        record["reviewBody"] = statement.text
        record["datePublished"] = statement.published_at.date().isoformat()
        record["identifier"] = f"watchline:statement:{statement.id}"
    elif verdict.created_at is not None:
        record["datePublished"] = verdict.created_at.date().isoformat()
    url = data.url_of(view.case.id)
    if url:
        record["url"] = url
    return record


def claim_reviews(data: ExportData) -> dict[str, Any]:
    """The JSON-LD document: a schema.org context and one ClaimReview per reviewed case."""
    graph = [claim_review(view, data) for view in reviewed(data.views, data.published)]
    return {"@context": "https://schema.org", "@graph": graph}


def write(data: ExportData, path: Path) -> dict[str, int]:
    document = claim_reviews(data)
    with open(path, "w", encoding="utf-8") as out:
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return {"ClaimReview records": len(document["@graph"])}
