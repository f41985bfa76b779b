"""Officials named in conflict and border news resolve to whom they speak for."""

from __future__ import annotations

import pytest

from watchline.domain import ActorKind
from watchline.extract.speakers.actors import ActorDictionary, default_dictionary


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return default_dictionary()


@pytest.mark.parametrize(
    ("phrase", "actor_id", "affiliation"),
    [
        # Americas
        ("Venezuelan President Nicolás Maduro", "ven.maduro", "VEN"),
        ("President Nicolas Maduro", "ven.maduro", "VEN"),
        ("Vladimir Padrino López (@vladimirpadrino)", "ven.padrino", "VEN"),
        ("@vladimirpadrino", "ven.padrino", "VEN"),
        ("Irfaan Ali (@DrMohamedIrfaan)", "guy.ali", "GUY"),
        ("Guyanese President Irfaan Ali", "guy.ali", "GUY"),
        ("Brian A. Nichols (@WHAAsstSecty)", "usa.nichols", "USA"),
        ("Colombian President Gustavo Petro", "col.petro", "COL"),
        ("former US Secretary of State Mike Pompeo", "usa.pompeo", "USA"),
        # South Caucasus, Russia, Ukraine, Moldova
        ("Prime Minister Irakli Garibashvili", "geo.garibashvili", "GEO"),
        ("Armenian Foreign Minister Zohrab Mnatsakanyan", "arm.mnatsakanyan", "ARM"),
        ("Azerbaijani Foreign Minister Elmar Mammadyarov", "aze.mammadyarov", "AZE"),
        ("Acting governor Alexei Smirnov", "rus.smirnov", "RUS"),
        ("Belgorod Governor Vyacheslav Gladkov", "rus.gladkov", "RUS"),
        ("Kharkiv regional governor Oleh Syniehubov", "ukr.syniehubov", "UKR"),
        ("Zaporizhzhia governor Ivan Fedorov", "ukr.fedorov", "UKR"),
        ("Ukrainian Defence Minister Oleksii Reznikov", "ukr.reznikov", "UKR"),
        ("Moldovan President Maia Sandu", "mda.sandu", "MDA"),
        # Cyprus and de facto authorities
        ("Turkish Cypriot leader Ersin Tatar", "trnc.tatar", None),
        ("Tufan Erhürman", "trnc.erhurman", None),
        ("Abkhaz de facto authorities", "ab_abkhazia", None),
        ("Transnistrian leader Vadim Krasnoselsky", "ab_transnistria.krasnoselsky", None),
        ("Polisario Front leader Brahim Ghali", "polisario.ghali", None),
        # Balkans, Middle East
        ("Serbian Prime Minister Ana Brnabić", "srb.brnabic", "SRB"),
        ("Israeli President Isaac Herzog", "isr.herzog", "ISR"),
        ("Syrian President Ahmed al-Sharaa", "syr.sharaa", "SYR"),
        ("Iranian Foreign Minister Mohammad Javad Zarif", "irn.zarif", "IRN"),
        ("Lebanese Parliament Speaker Nabih Berri", "lbn.berri", "LBN"),
        ("Houthi military spokesman Yahya Saree", "houthis.saree", None),
        ("Jordan's King Abdullah", "jor.abdullah", "JOR"),
        # South, East and South-East Asia
        ("National Security Adviser Ajit Doval", "ind.doval", "IND"),
        ("former army chief Qamar Javed Bajwa", "pak.bajwa", "PAK"),
        ("Taliban spokesman Zabihullah Mujahid", "taliban.mujahid", "AFG"),
        ("Chinese Foreign Ministry spokesperson Zhao Lijian", "chn.zhaolijian", "CHN"),
        ("Taiwan's President Lai Ching-te", "twn.lai", "TWN"),
        ("North Korean Foreign Minister Choe Son Hui", "prk.choesonhui", "PRK"),
        ("Japanese Prime Minister Fumio Kishida", "jpn.kishida", "JPN"),
        ("Philippine Coast Guard spokesperson Jay Tarriela", "phl.tarriela", "PHL"),
        ("Thai Prime Minister Anutin Charnvirakul", "tha.anutin", "THA"),
        ("Cambodian Prime Minister Hun Manet", "khm.hunmanet", "KHM"),
        ("Kazakh President Kassym-Jomart Tokayev", "kaz.tokayev", "KAZ"),
        # Africa
        ("Rwandan President Paul Kagame", "rwa.kagame", "RWA"),
        ("M23 spokesman Lawrence Kanyuka", "m23.kanyuka", None),
        ("Ethiopian Prime Minister Abiy Ahmed", "eth.abiy", "ETH"),
        ("Moroccan Foreign Minister Nasser Bourita", "mar.bourita", "MAR"),
        # Western governments and international organisations
        ("German Foreign Minister Annalena Baerbock", "deu.baerbock", "DEU"),
        ("British Prime Minister Rishi Sunak", "gbr.sunak", "GBR"),
        ("Polish Foreign Minister Radosław Sikorski", "pol.sikorski", "POL"),
        ("UN envoy Geir Pedersen", "un.pedersen", "UN"),
        ("UNIFIL head Aroldo Lázaro", "un.lazaro", "UN"),
        ("NATO spokesperson Oana Lungescu", "nato.lungescu", "NATO"),
        ("EU foreign policy chief Federica Mogherini", "eu.mogherini", "EU"),
        ("ICRC President Mirjana Spoljaric", "icrc.spoljaric", "ICRC"),
        ("OSCE Secretary General Thomas Greminger", "osce.greminger", "OSCE"),
        ("AU Commission chairperson Moussa Faki Mahamat", "au.faki", "AU"),
        ("KFOR commander Özkan Ulutaş", "nato.ulutas", "NATO"),
        # X handles
        ("@JZarif", "irn.zarif", "IRN"),
        ("@PaulKagame", "rwa.kagame", "RWA"),
        ("@poroshenko", "ukr.poroshenko", "UKR"),
        ("@Zabehulah_M33", "taliban.mujahid", "AFG"),
    ],
)
def test_officials_resolve_to_their_affiliation(
    actors: ActorDictionary, phrase: str, actor_id: str, affiliation: str | None
) -> None:
    actor = actors.resolve(phrase)
    assert actor is not None and actor.id == actor_id
    assert actors.affiliation_of(phrase) == affiliation


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("Maduro said the exercises were a provocation", "ven.maduro"),
        ("Garibashvili said", "geo.garibashvili"),
        ("Tokayev said", "kaz.tokayev"),
        ("Kagame said", "rwa.kagame"),
        ("Nduhungirehe said", "rwa.nduhungirehe"),
        ("Khinshtein said", "rus.khinshtein"),
    ],
)
def test_distinctive_surnames_resolve_alone(
    actors: ActorDictionary, text: str, actor_id: str
) -> None:
    assert [m.actor.id for m in actors.find(text)] == [actor_id]


@pytest.mark.parametrize(
    "text",
    [
        "Ali said the border was calm",
        "Lee said",
        "Kim said",
        "Khan said",
        "Singh said",
        "Smirnov said",
        "Fedorov said",
        "Abbas said",
        "Cohen said",
        "Rodríguez said",
        "Barzani said",
        "Mousavi said",
        "Sharif said",
        "May said",
        "Hunt said",
        "Power said",
        "Price said",
        "Park said",
    ],
)
def test_common_names_alone_resolve_to_no_one(actors: ActorDictionary, text: str) -> None:
    assert actors.find(text) == []
    assert actors.resolve(text.split()[0]) is None


def test_surname_after_full_name_keeps_the_person(actors: ActorDictionary) -> None:
    text = "Theresa May spoke in May. May said the talks would go on."
    found = [(m.text, m.actor.id) for m in actors.find(text)]
    assert ("Theresa May", "gbr.may") in found
    assert all(actor_id == "gbr.may" for _, actor_id in found)


def test_officials_are_people_with_a_known_body(actors: ActorDictionary) -> None:
    people = [a for a in actors if a.kind is ActorKind.PERSON]
    assert len(people) > 600
    missing = [a.id for a in people if a.parent is not None and actors.get(a.parent) is None]
    assert missing == []
