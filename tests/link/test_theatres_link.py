"""Claims never leak across theatres: each is linked in the theatre its places name."""

from __future__ import annotations

import random
from datetime import date

import pytest
import shapely.wkt
from theatres_fixture import (
    ARM_AZE,
    ERGNETI,
    GEORGIA,
    JARINJE,
    KOSOVO,
    LOC,
    NIKIAL,
    SOTK,
    TEGH,
    border,
    named,
)

from watchline.domain import Act, Claim, EventType, Speaker
from watchline.errors import InputError
from watchline.link import Role, TheatreChooser, link_claims, link_theatres
from watchline.link.geo import buffer_m
from watchline.verify.simulation import make_claim

D = date(2024, 7, 9)
ALL = [ARM_AZE, LOC, KOSOVO, GEORGIA]


def _c(
    cid: str,
    speaker: str,
    act: Act,
    kind: EventType,
    agent: str | None,
    places=(),
    day: date | None = D,
    content: str = "",
) -> Claim:
    return make_claim(cid, speaker, act, kind, agent, day, places=places,
                      document_id=cid.split(":")[0], content=content)  # fmt: skip


def test_theatres_chosen_by_places_speaker_document_countries_default() -> None:
    chooser = TheatreChooser(ALL, default="arm-aze")
    eulex = _c("e:c1", "EU", Act.ASSERT, EventType.OTHER, None, content="calm at the ABL")
    eulex = eulex.__class__(**{**eulex.__dict__, "speaker": Speaker("EULEX", 0, 5,
                                                                    "eu.eulex", "EU")})  # fmt: skip
    claims = [
        _c("a:c1", "AZE", Act.ACCUSE, EventType.ATTACK, "ARM", (TEGH,)),  # places
        _c("b:c1", "PAK", Act.ACCUSE, EventType.ATTACK, "IND", (NIKIAL,)),
        _c("c:c1", "GEO", Act.ACCUSE, EventType.FORTIFY, None, (ERGNETI,)),
        _c("d:c1", "XKX", Act.ACCUSE, EventType.MOBILIZE, "SRB", (JARINJE,)),
        _c("d:c2", "XKX", Act.ACCUSE, EventType.MOBILIZE, None, (border(),)),  # its document
        eulex,  # the theatre's own mission
        _c("f:c1", "IND", Act.DENY, EventType.ATTACK, "IND", (border("LoC"),)),  # countries
        _c("g:c1", "UN", Act.ASSERT, EventType.OTHER, None),  # nothing: the default
    ]
    assert chooser.assign(claims) == {
        "a:c1": "arm-aze",
        "b:c1": "loc-test",
        "c:c1": "geo-test",
        "d:c1": "kos-test",
        "d:c2": "kos-test",
        "e:c1": "kos-test",
        "f:c1": "loc-test",
        "g:c1": "arm-aze",
    }
    assert TheatreChooser(ALL, default="kos-test").assign(claims)["g:c1"] == "kos-test"


def test_theatres_bad_lists_are_coded_errors() -> None:
    with pytest.raises(InputError, match="E404"):
        TheatreChooser([ARM_AZE, ARM_AZE])
    with pytest.raises(InputError, match=r"E405.*cyprus"):
        TheatreChooser([ARM_AZE, LOC], default="cyprus")


def _mixed() -> list[Claim]:
    return [
        _c("aze:c1", "AZE", Act.ACCUSE, EventType.MOBILIZE, "ARM", (border(),),
           content="troops massing along the border"),
        _c("srb:c1", "XKX", Act.ACCUSE, EventType.MOBILIZE, "SRB", (border(),),
           content="Serbian army units massing along the border"),
        _c("pak:c1", "PAK", Act.ACCUSE, EventType.MOBILIZE, "IND", (border("LoC"),),
           content="troop build-up along the LoC"),
        # A denial with no place and no agent: alone, it would answer any of them
        _c("srbmod:c1", "SRB", Act.DENY, EventType.MOBILIZE, None,
           content="no forces have been moved"),
        # Undated: must not become context of the dated Line of Control case
        _c("unmogip:c1", "UN", Act.ASSERT, EventType.OTHER, None, (border("LoC"),), day=None,
           content="the situation along the LoC remained calm"),
    ]  # fmt: skip


def test_theatres_border_is_each_theatres_own_border() -> None:
    """ "The border" in a Kosovo claim is the boundary line, never the Armenian border."""
    linkage = link_theatres(_mixed(), None, ALL, default="arm-aze")
    by_claim = {cid: case for case in linkage.cases for cid in case.claim_ids}
    for cid, theatre in [("aze:c1", ARM_AZE), ("srb:c1", KOSOVO), ("pak:c1", LOC)]:
        case = by_claim[cid]
        assert case.theatre_id == theatre.id
        area = shapely.wkt.loads(case.area or "POINT EMPTY")
        reach = buffer_m(shapely.wkt.loads(theatre.area_of_responsibility), 50_000)
        assert reach.contains(area), cid
        for other in ALL:
            if other is not theatre:
                assert not shapely.wkt.loads(other.area_of_responsibility).intersects(area)


def test_theatres_a_case_never_mixes_theatres_and_responses_stay_home() -> None:
    claims = _mixed()
    no_kosovo_claim = [c for c in claims if c.id != "srb:c1"]
    single = link_claims(no_kosovo_claim, theatre=ARM_AZE)  # the old way: one theatre
    leaked = {r.claim_id: r.answers for r in single.responses}
    assert leaked["srbmod:c1"] in {"aze:c1", "pak:c1"}  # a Serbian denial of another war
    alone = link_theatres(no_kosovo_claim, None, ALL, default="arm-aze")
    assert alone.responses == ()
    linkage = link_theatres(claims, None, ALL, default="arm-aze")
    chosen = TheatreChooser(ALL, default="arm-aze").assign(claims)
    for case in linkage.cases:
        assert {chosen[cid] for cid in case.claim_ids} == {case.theatre_id}
    answers = {r.claim_id: r.answers for r in linkage.responses}
    assert answers == {"srbmod:c1": "srb:c1"}  # the Serbian denial answers the Kosovo claim
    assert "unmogip:c1" in linkage.unlinked  # undated: context for no dated case


def test_theatres_undated_claim_is_not_context_for_dated_cases() -> None:
    """In one theatre too: an undated "calm along the line" says nothing about 9 July."""
    calm = "the situation along the border remained calm"
    for theatre, places, accuse in [
        (ARM_AZE, (border(),), ("AZE", "ARM")),
        (LOC, (border("LoC"),), ("PAK", "IND")),
        (KOSOVO, (border("ABL"),), ("SRB", "XKX")),
    ]:
        claims = [
            _c("a:c1", accuse[0], Act.ACCUSE, EventType.MOBILIZE, accuse[1], places),
            _c("b:c1", "UN", Act.ASSERT, EventType.OTHER, None, places, day=None, content=calm),
            _c("c:c1", "UN", Act.ASSERT, EventType.OTHER, None, places, content=calm + " today"),
        ]
        linkage = link_claims(claims, theatre=theatre)
        (case,) = linkage.cases
        assert linkage.roles(case.id) == {"a:c1": Role.FOR, "c:c1": Role.CONTEXT}
        assert linkage.unlinked == ("b:c1",)


def test_theatres_single_theatre_matches_link_claims_and_is_deterministic() -> None:
    claims = [
        _c("a:c1", "AZE", Act.ACCUSE, EventType.ATTACK, "ARM", (SOTK,)),
        _c("b:c1", "ARM", Act.DENY, EventType.ATTACK, "ARM", (SOTK,)),
        _c("c:c1", "AZE", Act.ACCUSE, EventType.FORTIFY, "ARM", (named("Sotk"),)),
    ]
    assert link_theatres(claims, None, [ARM_AZE]) == link_claims(claims, theatre=ARM_AZE)
    mixed = claims + _mixed()
    first = link_theatres(mixed, None, ALL, default="arm-aze")
    for seed in range(4):
        shuffled = mixed[:]
        random.Random(seed).shuffle(shuffled)
        assert link_theatres(shuffled, None, list(reversed(ALL)), default="arm-aze") == first


def test_theatres_packaged_profiles_keep_their_own_villages() -> None:
    """Every packaged theatre: a claim naming one of its villages is linked there, and
    the case area holds the village (whatever profiles ship, several theatres at once)."""
    from shapely.geometry import Point
    from theatres_fixture import place

    from watchline.domain import Precision
    from watchline.geo.theatre import list_theatres, load_theatre

    packaged = [load_theatre(name) for name in list_theatres()]
    claims, expected = [], {}
    for theatre in packaged:
        aor = shapely.wkt.loads(theatre.area_of_responsibility)
        others = [shapely.wkt.loads(t.area_of_responsibility) for t in packaged if t is not theatre]
        villages = [
            p for p in theatre.places
            if p.precision in (Precision.VILLAGE, Precision.CITY)
            and aor.contains(Point(p.lon, p.lat))
            and not any(o.buffer(0.5).contains(Point(p.lon, p.lat)) for o in others)
        ][:3]  # fmt: skip
        for i, village in enumerate(villages):
            cid = f"{theatre.id}-{i}:c1"
            mention = place(village.name, village.lon, village.lat, village.country)
            claims.append(_c(cid, "X", Act.ACCUSE, EventType.ATTACK, None, (mention,),
                             content=f"fire near {village.name} ({cid})"))  # fmt: skip
            expected[cid] = (theatre.id, Point(village.lon, village.lat))
    assert len({tid for tid, _ in expected.values()}) >= min(2, len(packaged))
    linkage = link_theatres(claims, None, packaged, default=packaged[0].id)
    for case in linkage.cases:
        for cid in case.claim_ids:
            theatre_id, point = expected[cid]
            assert case.theatre_id == theatre_id, cid
            assert shapely.wkt.loads(case.area or "POINT EMPTY").contains(point), cid
