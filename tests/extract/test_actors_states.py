"""Every UN member state has an entry: phrasings of the states added last resolve."""

from __future__ import annotations

import pytest

from watchline.extract.speakers.actors import ActorDictionary, _packaged, default_dictionary


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return default_dictionary()


@pytest.mark.parametrize(
    ("phrase", "actor_id", "affiliation"),
    [
        ("Brazil's defence ministry", "bra.mod", "BRA"),
        ("Itamaraty", "bra.mfa", "BRA"),
        ("Planalto", "bra.gov", "BRA"),
        ("the Malaysian foreign ministry", "mys.mfa", "MYS"),
        ("Wisma Putra", "mys.mfa", "MYS"),
        ("Nigerian troops", "nga.mil", "NGA"),
        ("Aso Rock", "nga.gov", "NGA"),
        ("the Indonesian military", "idn.mil", "IDN"),
        ("TNI", "idn.mil", "IDN"),
        ("Casa Rosada", "arg.gov", "ARG"),
        ("La Moneda", "chl.gov", "CHL"),
        ("Mexico’s Ministry of Foreign Affairs", "mex.mfa", "MEX"),
        ("the Mexican Army", "mex.mil", "MEX"),
        ("South Africa's defence minister", "zaf.mod", "ZAF"),
        ("the SANDF", "zaf.mil", "ZAF"),
        ("Union Buildings", "zaf.gov", "ZAF"),
        ("the Ivorian army", "civ.mil", "CIV"),
        ("Ivory Coast's government", "civ.gov", "CIV"),
        ("the Gambia's government", "gmb.gov", "GMB"),
        ("Guinea-Bissau", "gnb", "GNB"),
        ("Papua New Guinea Defence Force", "png.mil", "PNG"),
        ("Kuwait City", "kwt.gov", "KWT"),
        ("the Omani foreign minister", "omn.mfa", "OMN"),
        ("Sultan's Armed Forces", "omn.mil", "OMN"),
        ("Sri Lanka Army", "lka.mil", "LKA"),
        ("இலங்கை", "lka", "LKA"),
        ("Czech Republic's Ministry of Defence", "cze.mod", "CZE"),
        ("Praha", "cze.gov", "CZE"),
        ("България", "bgr", "BGR"),
        ("the Danish foreign ministry", "dnk.mfa", "DNK"),
        ("Irish Defence Forces", "irl.mil", "IRL"),
        ("Peruvian soldiers", "per.mil", "PER"),
        ("SENAFRONT", "pan.border", "PAN"),
        ("Tanzania People’s Defence Force", "tza.mil", "TZA"),
        ("Türkmenistan", "tkm", "TKM"),
        ("Ulaanbaatar", "mng.gov", "MNG"),
        ("New Zealand Defence Force", "nzl.mil", "NZL"),
    ],
)
def test_actors_new_states_resolve(
    actors: ActorDictionary, phrase: str, actor_id: str, affiliation: str
) -> None:
    actor = actors.resolve(phrase)
    assert actor is not None and actor.id == actor_id
    assert actors.affiliation_of(phrase) == affiliation


@pytest.mark.parametrize(
    ("phrase", "affiliation"),
    [
        ("Brazilian officials", "BRA"),
        ("Nigerien officials", "NER"),
        ("Nigerian officials", "NGA"),
        ("Congolese officials", "COD"),
        ("Dominican officials", "DOM"),
        ("Papua New Guinean officials", "PNG"),
    ],
)
def test_actors_new_states_demonyms(actors: ActorDictionary, phrase: str, affiliation: str) -> None:
    assert actors.affiliation_of(phrase) == affiliation


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Northern Ireland", [("Northern Ireland", "gbr")]),
        ("Equatorial Guinea and Guinea", [("Equatorial Guinea", "gnq"), ("Guinea", "gin")]),
        ("Congo-Brazzaville and the DRC", [("Congo-Brazzaville", "cog"), ("the DRC", "cod")]),
    ],
)
def test_actors_neighbouring_names_stay_apart(
    actors: ActorDictionary, text: str, found: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.actor.id) for m in actors.find(text)] == found


UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP
CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU
GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ
KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS
MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN
PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC
SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN
TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()  # noqa: SIM905 - a code list reads better as text


def test_actors_every_un_member_state_is_listed() -> None:
    states = {a.affiliation for a in _packaged() if a.kind.value == "state"}
    assert len(UN_MEMBERS) == 193
    assert set(UN_MEMBERS) - states == set()
