"""ClaimReview JSON-LD: the schema.org shape, which verdicts are published, safe URLs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from casework_scenario import THEATRE
from exports_support import set_url, verified

from watchline.geo.theatre import load_theatre
from watchline.services.casework import set_verdict
from watchline.services.exports import ExportFilter, export, mission_of
from watchline.services.views import case_views
from watchline.store import Database

THING = {
    "type": "object",
    "required": ["@type", "name"],
    "properties": {
        "@type": {"enum": ["Organization", "Person"]},
        "name": {"type": "string", "minLength": 1},
    },
}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
WEB = {"type": "string", "pattern": "^https?://"}

# The shape Google's and schema.org's ClaimReview documentation asks for.
CLAIM_REVIEW = {
    "type": "object",
    "required": ["@context", "@graph"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@graph": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "@type",
                    "claimReviewed",
                    "itemReviewed",
                    "reviewRating",
                    "author",
                    "datePublished",
                ],
                "properties": {
                    "@type": {"const": "ClaimReview"},
                    "claimReviewed": {"type": "string", "minLength": 1},
                    "datePublished": DATE,
                    "url": WEB,
                    "author": {
                        **THING,
                        "properties": {**THING["properties"], "@type": {"const": "Organization"}},
                    },
                    "itemReviewed": {
                        "type": "object",
                        "required": ["@type", "author", "datePublished"],
                        "properties": {
                            "@type": {"const": "Claim"},
                            "author": THING,
                            "datePublished": DATE,
                            "appearance": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": ["@type", "url"],
                                    "properties": {"@type": {"const": "CreativeWork"}, "url": WEB},
                                },
                            },
                        },
                    },
                    "reviewRating": {
                        "type": "object",
                        "required": ["@type", "alternateName"],
                        "properties": {
                            "@type": {"const": "Rating"},
                            "alternateName": {"type": "string", "minLength": 1},
                        },
                    },
                },
            },
        },
    },
}


def _reviews(db: Database, path: Path, **kwargs) -> list[dict]:
    kwargs.setdefault("all_verdicts", True)  # the shape of every finding; see the test below
    export(db, "claimreview", path, theatre=THEATRE, force=True, **kwargs)
    document = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(document, CLAIM_REVIEW)
    return document["@graph"]


def test_claimreview_has_the_schema_org_shape_and_reviews_the_contradicted_case(
    sqlite_db: Database, tmp_path: Path
) -> None:
    graph = _reviews(
        verified(sqlite_db),
        tmp_path / "r.jsonld",
        mission="Toy Mission",
        case_url="https://mission.example/cases/{case_id}",
    )
    assert len(graph) == 1  # the fortification is not_covered: no finding to publish
    review = graph[0]
    assert review["claimReviewed"] == "AZE accuse Armenia of concentrating troops"
    assert review["reviewRating"]["alternateName"].startswith("Contradicted")
    assert "nothing unusual" in review["reviewRating"]["ratingExplanation"]
    assert review["author"] == {"@type": "Organization", "name": "Toy Mission"}
    assert review["itemReviewed"]["author"]["name"] == "AZE"
    assert review["itemReviewed"]["datePublished"] == "2024-03-31"
    assert review["itemReviewed"]["appearance"] == [
        {"@type": "CreativeWork", "url": "https://example.org/aze"}
    ]
    case_id = review["identifier"].removeprefix("watchline:case:")
    assert review["url"] == f"https://mission.example/cases/{case_id}"


def test_claimreview_publishes_analyst_findings_but_not_pending_or_not_covered(
    sqlite_db: Database, tmp_path: Path
) -> None:
    db = verified(sqlite_db)
    fortify = next(v for v in case_views(db) if v.case.event_type.value == "fortify")
    assert len(_reviews(db, tmp_path / "a.jsonld")) == 1
    set_verdict(db, fortify.case.id, "disputed", "only the parties speak", "analyst")
    graph = _reviews(db, tmp_path / "b.jsonld")
    assert {r["reviewRating"]["alternateName"].split(":")[0] for r in graph} == {
        "Contradicted by the mission's observations",
        "Disputed",
    }
    set_verdict(db, fortify.case.id, "pending", "to be reviewed again", "analyst")
    assert len(_reviews(db, tmp_path / "c.jsonld")) == 1


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://x.org/a"])
def test_claimreview_lists_only_web_addresses_as_appearances(
    sqlite_db: Database, tmp_path: Path, url: str
) -> None:
    db = verified(sqlite_db)
    set_url(db, "aze", url)
    (review,) = _reviews(db, tmp_path / "r.jsonld")
    assert "appearance" not in review["itemReviewed"]
    assert url not in (tmp_path / "r.jsonld").read_text(encoding="utf-8")


def test_claimreview_of_an_empty_selection_is_a_valid_empty_graph(
    sqlite_db: Database, tmp_path: Path
) -> None:
    db = verified(sqlite_db)
    assert _reviews(db, tmp_path / "e.jsonld", selection=ExportFilter(status="corroborated")) == []


def test_claimreview_names_the_theatres_mission_from_the_actor_dictionary() -> None:
    assert mission_of(load_theatre("arm-aze")) == "EU Mission in Armenia"
    assert mission_of(THEATRE) == "Toy border monitoring mission"


def test_claimreview_reviews_only_verdicts_the_mission_published(
    sqlite_db: Database, tmp_path: Path
) -> None:
    from watchline.services.statements import draft, publish

    db = verified(sqlite_db)
    assert _reviews(db, tmp_path / "none.jsonld", all_verdicts=False) == []
    contradicted = next(v for v in case_views(db) if v.status.value == "contradicted")
    statement = draft(db, contradicted.case.id, "pub", "The mission saw no build-up.")
    assert _reviews(db, tmp_path / "draft.jsonld", all_verdicts=False) == []  # a draft is not
    published = publish(db, statement.id, "pub")
    [review] = _reviews(db, tmp_path / "one.jsonld", all_verdicts=False)
    assert review["reviewBody"] == "The mission saw no build-up."
    assert review["identifier"] == f"watchline:statement:{published.id}"
    assert review["datePublished"] == published.published_at.date().isoformat()
