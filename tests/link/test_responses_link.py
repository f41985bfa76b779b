"""Responses answer the right claim: the original, of a compatible event, or none."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

import pytest
from theatres_fixture import ARM_AZE, JARINJE, KOSOVO, LOC, NIKIAL, SOTK, TEGH, border

from watchline.domain import (
    Act,
    Claim,
    Document,
    EventType,
    PlaceMention,
    Source,
    SourceKind,
    Theatre,
)
from watchline.link import Role, link_claims
from watchline.link.model import ResponseKind
from watchline.verify.simulation import make_claim

D1, D2 = date(2024, 6, 3), date(2024, 6, 4)


def _doc(key: str, hour: int, text: str, kind: SourceKind = SourceKind.NEWS, fwd: str = ""):
    published = datetime(2024, 6, 4, hour, tzinfo=UTC)
    source = Source(kind, key)
    return Document(key, text, text.encode(), source, published, forwarded_from=fwd or None,
                    id=key)  # fmt: skip


def _claim(
    cid: str,
    speaker: str,
    act: Act,
    kind: EventType,
    agent: str | None,
    day: date,
    places: tuple[PlaceMention, ...] = (),
    content: str = "",
    start: int = 0,
) -> Claim:
    claim = make_claim(cid, speaker, act, kind, agent, day, places=places,
                       document_id=cid.split(":")[0], content=content)  # fmt: skip
    if start:
        from dataclasses import replace

        claim = replace(claim, content=replace(claim.content, start=start))
    return claim


REPOSTS = [
    pytest.param(
        ARM_AZE, "AZE", "ARM", (SOTK,),
        "Armenian units fired mortars at our positions near Sotk late on Monday, the "
        "ministry said",
        id="arm-aze-telegram-forward",
    ),
    pytest.param(
        LOC, "PAK", "IND", (NIKIAL,),
        "Indian troops resorted to unprovoked firing along the Line of Control opposite "
        "Nikial, the military said",
        id="loc-retweet",
    ),
    pytest.param(
        KOSOVO, "XKX", "SRB", (JARINJE,),
        "Serbian armed formations fired shots towards the crossing at Jarinje during the "
        "night, police said",
        id="kosovo-forward",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("theatre", "accuser", "accused", "places", "text"), REPOSTS)
def test_responses_denial_answers_the_original_not_the_repost(
    theatre: Theatre, accuser: str, accused: str, places: tuple, text: str
) -> None:
    """The repost comes later, so "the latest statement" used to be the copy."""
    docs = {
        "mod": _doc("mod", 8, text, SourceKind.MINISTRY),
        "tg": _doc("tg", 9, "RT @mod: " + text, SourceKind.TELEGRAM, fwd="mod"),
        "deny": _doc("deny", 12, "denied", SourceKind.MINISTRY),
    }
    claims = [
        _claim("mod:c1", accuser, Act.ACCUSE, EventType.ATTACK, accused, D2, places, text),
        _claim("tg:c1", accuser, Act.ACCUSE, EventType.ATTACK, accused, D2, places,
               "RT @mod: " + text),
        _claim("deny:c1", accused, Act.DENY, EventType.ATTACK, accused, D2, places,
               f"{accused} rejected the report of firing as groundless"),
    ]  # fmt: skip
    linkage = link_claims(claims, docs, theatre)
    assert linkage.copies == {"tg:c1": "mod:c1"}
    answers = {r.claim_id: (r.answers, r.kind) for r in linkage.responses}
    assert answers["deny:c1"] == ("mod:c1", ResponseKind.DENIES)
    (case,) = linkage.cases
    assert linkage.roles(case.id) == {"mod:c1": Role.FOR, "tg:c1": Role.COPY,
                                      "deny:c1": Role.AGAINST}  # fmt: skip


def _untrue(cid: str, speaker: str, day: date, places: tuple = (), start: int = 90) -> Claim:
    """ "…, calling the report untrue": a denial whose event type is `other`."""
    return _claim(cid, speaker, Act.DENY, EventType.OTHER, None, day, places,
                  "calling the report untrue", start)  # fmt: skip


@pytest.mark.parametrize(
    ("theatre", "accuser", "accused", "yesterday", "today"),
    [
        pytest.param(ARM_AZE, "AZE", "ARM", (TEGH,), (SOTK,), id="arm-aze"),
        pytest.param(KOSOVO, "XKX", "SRB", (JARINJE,), (border(),), id="kosovo"),
        pytest.param(LOC, "PAK", "IND", (NIKIAL,), (border("Line of Control"),), id="loc"),
    ],
)
def test_responses_other_sentence_never_lands_on_yesterdays_case(
    theatre: Theatre, accuser: str, accused: str, yesterday: tuple, today: tuple
) -> None:
    """The denial's first sentence answers nothing stored; its second ("calling the
    report untrue") used to be attached to an unrelated case from the day before."""
    claims = [
        _claim("old:c1", accuser, Act.ACCUSE, EventType.ATTACK, accused, D1, yesterday,
               "opened fire on a village overnight"),
        _claim("den:c1", accused, Act.DENY, EventType.MOBILIZE, accused, D2, today,
               "denied that its troops were moving towards the line", 0),
        _untrue("den:c2", accused, D2),
    ]  # fmt: skip
    linkage = link_claims(claims, theatre=theatre)
    assert {r.claim_id for r in linkage.responses} == set()
    old = next(c for c in linkage.cases if "old:c1" in c.claim_ids)
    assert old.claim_ids == ("old:c1",)
    assert "den:c2" in linkage.unlinked


@pytest.mark.parametrize(
    ("theatre", "accuser", "accused", "places"),
    [
        pytest.param(ARM_AZE, "AZE", "ARM", (SOTK,), id="arm-aze"),
        pytest.param(KOSOVO, "XKX", "SRB", (JARINJE,), id="kosovo"),
    ],
)
def test_responses_other_sentence_follows_its_tie(
    theatre: Theatre, accuser: str, accused: str, places: tuple
) -> None:
    fortify = _claim("acc:c1", accuser, Act.ACCUSE, EventType.FORTIFY, accused, D2, places,
                     "were digging new trenches")  # fmt: skip
    unrelated = _claim("x:c1", accuser, Act.ACCUSE, EventType.ATTACK, accused, D1, places,
                       "opened fire yesterday")  # fmt: skip
    # 1. its document's first sentence answers the fortification claim
    first = _claim("den:c1", accused, Act.DENY, EventType.FORTIFY, accused, D2, places,
                   "denied building any fortifications", 0)  # fmt: skip
    linkage = link_claims([unrelated, fortify, first, _untrue("den:c2", accused, D2)],
                          theatre=theatre)  # fmt: skip
    answers = {r.claim_id: r.answers for r in linkage.responses}
    assert answers == {"den:c1": "acc:c1", "den:c2": "acc:c1"}
    case = next(c for c in linkage.cases if "acc:c1" in c.claim_ids)
    assert linkage.roles(case.id)["den:c2"] is Role.AGAINST
    # 2. a wire story carries both the allegation and the answer
    wire = [
        _claim("wire:c1", accuser, Act.ACCUSE, EventType.FORTIFY, accused, D2, places,
               "were digging new trenches", 10),
        _untrue("wire:c2", accused, D2),
    ]  # fmt: skip
    linkage = link_claims([unrelated, *wire], theatre=theatre)
    assert {r.claim_id: r.answers for r in linkage.responses} == {"wire:c2": "wire:c1"}
    # 3. the only allegation against the speaker that day
    linkage = link_claims([unrelated, fortify, _untrue("alone:c1", accused, D2)],
                          theatre=theatre)  # fmt: skip
    assert {r.claim_id: r.answers for r in linkage.responses} == {"alone:c1": "acc:c1"}
    # ... but not when two allegations that day could be meant
    second = _claim("acc2:c1", accuser, Act.ACCUSE, EventType.ATTACK, accused, D2, places,
                    "shelled a farm")  # fmt: skip
    linkage = link_claims([fortify, second, _untrue("alone:c1", accused, D2)], theatre=theatre)
    assert linkage.responses == ()
    assert "alone:c1" in linkage.unlinked


def test_responses_typed_denial_needs_the_same_event_type() -> None:
    """A denial of fortification work never answers a shelling allegation."""
    claims = [
        _claim("a:c1", "AZE", Act.ACCUSE, EventType.ATTACK, "ARM", D2, (SOTK,), "fired"),
        _claim("b:c1", "ARM", Act.DENY, EventType.FORTIFY, "ARM", D2, (SOTK,), "no trenches"),
    ]
    linkage = link_claims(claims, theatre=ARM_AZE)
    assert linkage.responses == ()
    assert len(linkage.cases) == 2


def test_responses_same_result_in_any_order() -> None:
    text = "Armenian units fired mortars at our positions near Sotk, the ministry said"
    docs = {
        "mod": _doc("mod", 8, text, SourceKind.MINISTRY),
        "tg": _doc("tg", 9, "RT @mod: " + text, SourceKind.TELEGRAM, fwd="mod"),
    }
    claims = [
        _claim("mod:c1", "AZE", Act.ACCUSE, EventType.ATTACK, "ARM", D2, (SOTK,), text),
        _claim("tg:c1", "AZE", Act.ACCUSE, EventType.ATTACK, "ARM", D2, (SOTK,),
               "RT @mod: " + text),
        _claim("den:c1", "ARM", Act.DENY, EventType.ATTACK, "ARM", D2, (SOTK,), "no firing", 0),
        _untrue("den:c2", "ARM", D2),
    ]  # fmt: skip
    first = link_claims(claims, docs, ARM_AZE)
    assert {r.claim_id: r.answers for r in first.responses} == {
        "den:c1": "mod:c1",
        "den:c2": "mod:c1",
    }
    for seed in range(4):
        shuffled = claims[:]
        random.Random(seed).shuffle(shuffled)
        assert link_claims(shuffled, docs, ARM_AZE) == first


@pytest.mark.parametrize(
    ("theatre", "accuser", "accused", "where"),
    [
        pytest.param(ARM_AZE, "AZE", "ARM", (border(),), id="arm-aze"),
        pytest.param(LOC, "PAK", "IND", (border("LoC"),), id="loc"),
        pytest.param(KOSOVO, "XKX", "SRB", (border("ABL"),), id="kosovo"),
    ],
)
def test_responses_two_sentences_of_one_accusation_are_one_allegation(
    theatre: Theatre, accuser: str, accused: str, where: tuple
) -> None:
    """ "X denied the accusations" answers the one alleged event of that day, though its
    accuser said it in two sentences (the demo's 31 March build-up)."""
    claims = [
        _claim("acc:c1", accuser, Act.ACCUSE, EventType.MOBILIZE, accused, D2, where,
               "concentrating troops and artillery along the line"),
        _claim("acc:c2", accuser, Act.ACCUSE, EventType.MOBILIZE, accused, D2, where,
               "intensive movement of army units towards the line", 60),
        _claim("den:c1", accused, Act.DENY, EventType.OTHER, None, D2, (), "the accusations"),
    ]  # fmt: skip
    linkage = link_claims(claims, theatre=theatre)
    (case,) = linkage.cases
    assert {r.claim_id: r.answers for r in linkage.responses} == {"den:c1": "acc:c1"}
    assert linkage.roles(case.id)["den:c1"] is Role.AGAINST
