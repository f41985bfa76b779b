"""Linking: claims about one alleged event become one case, with denials and copies."""

from __future__ import annotations

import random
from datetime import date

import pytest

from watchline.domain import Act, EventType, Theatre
from watchline.link import Role, link_claims
from watchline.link.model import ResponseKind
from watchline.verify.simulation import BORDER, make_claim, toy_theatre, village

D31, A01 = date(2024, 3, 31), date(2024, 4, 1)
THEATRE = toy_theatre("POLYGON ((45 40, 46 40, 46 40.3, 45 40.3, 45 40))")
TEGH = village("Tegh", 45.5, 40.02, "ARM")
FAR = village("Kalbajar", 45.5, 40.5, "ARM")  # 55 km from the border line


def demo_claims():
    return [
        make_claim("aze:c1", "AZE", Act.ACCUSE, EventType.MOBILIZE, "ARM", D31,
                   places=(BORDER,), document_id="aze"),
        make_claim("aze:c2", "AZE", Act.ACCUSE, EventType.MOBILIZE, "ARM", D31,
                   places=(BORDER,), document_id="aze", content="intensive movement of troops"),
        make_claim("arm:c1", "ARM", Act.DENY, EventType.MOBILIZE, "ARM", D31, document_id="arm"),
        make_claim("eu:c1", "EU", Act.ASSERT, EventType.OTHER, None, D31, places=(BORDER,),
                   document_id="eu", content="the situation on the border was calm and quiet"),
        make_claim("eu:c2", "EU", Act.DENY, EventType.MOBILIZE, "ARM", D31, places=(BORDER,),
                   document_id="eu"),
        make_claim("aze2:c1", "AZE", Act.ACCUSE, EventType.FORTIFY, "ARM", A01, places=(TEGH,),
                   document_id="aze2", event_day=A01),
    ]  # fmt: skip


def test_cases_demo_groups_build_up_with_denials_and_context() -> None:
    linkage = link_claims(demo_claims(), theatre=THEATRE)
    assert len(linkage.cases) == 2
    build_up, fortify = linkage.cases
    assert build_up.event_type is EventType.MOBILIZE and build_up.agent == "ARM"
    assert linkage.roles(build_up.id) == {
        "aze:c1": Role.FOR,
        "aze:c2": Role.FOR,
        "arm:c1": Role.AGAINST,
        "eu:c2": Role.AGAINST,
        "eu:c1": Role.CONTEXT,
    }
    assert linkage.scopes[build_up.id] == "border"
    assert (build_up.start, build_up.end) == (D31, D31)
    assert fortify.event_type is EventType.FORTIFY and fortify.claim_ids == ("aze2:c1",)
    assert linkage.scopes[fortify.id] == "place"


def test_cases_denial_answers_accusation_across_documents() -> None:
    linkage = link_claims(demo_claims(), theatre=THEATRE)
    answers = {r.claim_id: (r.answers, r.kind) for r in linkage.responses}
    assert answers["arm:c1"][0] in {"aze:c1", "aze:c2"}  # the Azerbaijani statement
    assert answers["arm:c1"][1] is ResponseKind.DENIES
    assert answers["eu:c2"][1] is ResponseKind.DENIES


def test_cases_same_input_any_order_same_output() -> None:
    claims = demo_claims()
    first = link_claims(claims, theatre=THEATRE)
    for seed in range(5):
        shuffled = claims[:]
        random.Random(seed).shuffle(shuffled)
        assert link_claims(shuffled, theatre=THEATRE) == first


def test_cases_ids_stable_when_documents_arrive_later() -> None:
    claims = demo_claims()
    before = link_claims(claims[:2], theatre=THEATRE)
    after = link_claims(claims, theatre=THEATRE)
    assert before.cases[0].id == after.cases[0].id


def test_cases_repost_is_a_copy_not_a_confirmation() -> None:
    text = "Armenian units are massing artillery near Tegh, the ministry said on Sunday"
    claims = [
        make_claim("a:c1", "AZE", Act.ACCUSE, EventType.MOBILIZE, "ARM", D31, places=(TEGH,),
                   document_id="a", content=text),
        make_claim("b:c1", "AZE", Act.ACCUSE, EventType.MOBILIZE, "ARM", D31, places=(TEGH,),
                   document_id="b", content="RT @mod: " + text + " https://t.co/x"),
    ]  # fmt: skip
    linkage = link_claims(claims, theatre=THEATRE)
    assert linkage.copies == {"b:c1": "a:c1"}
    assert linkage.roles(linkage.cases[0].id) == {"a:c1": Role.FOR, "b:c1": Role.COPY}


@pytest.mark.parametrize(
    ("other", "same_case"),
    [
        (dict(places=(TEGH,)), True),  # same village
        (dict(places=(BORDER,)), True),  # "the border" matches a village on the border
        (dict(places=()), True),  # no place: type + agent + time decide
        (dict(places=(FAR,)), False),  # another place
        (dict(places=(TEGH,), agent="AZE"), False),  # another agent
        (dict(places=(TEGH,), event_type=EventType.ATTACK), False),  # another event
        (dict(places=(TEGH,), stated_on=date(2024, 3, 20)), False),  # another time
    ],
)
def test_cases_matching_rules(other: dict, same_case: bool) -> None:
    base = make_claim("a:c1", "AZE", Act.ACCUSE, EventType.MOBILIZE, "ARM", D31, places=(TEGH,),
                      document_id="a")  # fmt: skip
    spec = dict(event_type=EventType.MOBILIZE, agent="ARM", stated_on=D31) | other
    second = make_claim("b:c1", "ARM", Act.ASSERT, spec.pop("event_type"), spec.pop("agent"),
                        spec.pop("stated_on"), document_id="b", **spec)  # fmt: skip
    linkage = link_claims([base, second], theatre=THEATRE)
    assert (len(linkage.cases) == 1) is same_case


def test_cases_unresolved_border_words_and_publication_day() -> None:
    """An extractor that resolves no place and no date still yields one border case."""
    from datetime import UTC, datetime

    from watchline.domain import Document, Source, SourceKind

    accuse = make_claim(
        "a:c1",
        "AZE",
        Act.ACCUSE,
        EventType.MOBILIZE,
        "ARM",
        D31,
        document_id="a",
        content="troops along the conditional border",
    )
    deny = make_claim(
        "b:c1",
        "EU",
        Act.CONFIRM,
        EventType.MOBILIZE,
        None,
        None,
        negated=True,
        document_id="b",
        content="no unusual movements on the border",
    )
    source = Source(SourceKind.X, "X")
    docs = {"b": Document("b", "t", b"t", source, datetime(2024, 3, 31, 18, tzinfo=UTC), id="b")}
    theatre = Theatre(**{**THEATRE.__dict__, "border_names": ("conditional border", "border")})
    linkage = link_claims([accuse, deny], docs, theatre)
    (case,) = linkage.cases
    assert linkage.scopes[case.id] == "border"
    assert linkage.roles(case.id) == {"a:c1": Role.FOR, "b:c1": Role.AGAINST}


def test_cases_places_outside_the_theatre_are_ignored() -> None:
    """ "Armenia" resolved to the Colombian town must not drag the case across the world."""
    colombia = village("Armenia", -75.67, 4.54, "COL")
    claim = make_claim("a:c1", "AZE", Act.ACCUSE, EventType.FORTIFY, "ARM", D31,
                       places=(colombia, TEGH), document_id="a")  # fmt: skip
    (case,) = link_claims([claim], theatre=THEATRE).cases
    assert case.place_ids == ("tegh",)
    assert "Armenia" not in case.title and "Tegh" in case.title
