"""Actor dictionary: mentions, resolution and affiliations across many theatres."""

from __future__ import annotations

import pytest

from watchline.domain import ActorKind
from watchline.errors import InputError
from watchline.extract.speakers.actors import ActorDictionary, default_dictionary


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return default_dictionary()


@pytest.mark.parametrize(
    ("text", "mention", "actor_id"),
    [
        ("Azerbaijan’s Ministry of Defence said", "Azerbaijan’s Ministry of Defence", "aze.mod"),
        ("Azerbaijan's MoD said", "Azerbaijan's MoD", "aze.mod"),
        ("the Armenian Defence Ministry denied it", "Armenian Defence Ministry", "arm.mod"),
        ("Russia's defence ministry claimed", "Russia's defence ministry", "rus.mod"),
        (
            "The [Armenian] Ministry of Defence assesses",
            "[Armenian] Ministry of Defence",
            "arm.mod",
        ),
        ("the Armenian armed forces moved", "Armenian armed forces", "arm.mil"),
        ("Russian troops shelled Kharkiv", "Russian troops", "rus.mil"),
        ("the Israeli army said", "Israeli army", "isr.mil"),
        ("The IDF said it struck", "IDF", "isr.mil"),
        ("Ukraine's General Staff reported", "Ukraine's General Staff", "ukr.mil"),
        ("the ЗСУ повідомили", "ЗСУ", "ukr.mil"),
        ("Минобороны России сообщило", "Минобороны России", "rus.mod"),
        (
            "Azərbaycan Respublikasının Müdafiə Nazirliyi",
            "Azərbaycan Respublikasının Müdafiə Nazirliyi",
            "aze.mod",
        ),
        ("ՀՀ պաշտպանության նախարարություն", "ՀՀ պաշտպանության նախարարություն", "arm.mod"),
        ("Hezbollah fired rockets", "Hezbollah", "hezbollah"),
        ("حزب الله", "حزب الله", "hezbollah"),
        ("UNIFIL peacekeepers reported", "UNIFIL peacekeepers", "un.unifil"),
        ("KFOR said the situation was calm", "KFOR", "nato.kfor"),
        ("the Indian Army said", "Indian Army", "ind.mil"),
        ("ISPR said in a statement", "ISPR", "pak.mil"),
        ("Pakistan's Foreign Office said", "Pakistan's Foreign Office", "pak.mfa"),
        (
            "South Korea's Joint Chiefs of Staff said",
            "South Korea's Joint Chiefs of Staff",
            "kor.mil",
        ),
        ("North Korean troops crossed", "North Korean troops", "prk.mil"),
        ("the Rapid Support Forces attacked El Fasher", "Rapid Support Forces", "rsf"),
        ("the Sudanese Armed Forces said", "Sudanese Armed Forces", "sdn.mil"),
        ("Kosovo Police said", "Kosovo Police", "xkx.border"),
        ("EULEX confirmed", "EULEX", "eu.eulex"),
        ("Good to have confirmation from @EUmARMENIA", "@EUmARMENIA", "eu.euma"),
        ("the EU Monitoring Mission has denied", "EU Monitoring Mission", "eu.euma"),
        ("Baku criticised the EU", "Baku", "aze.gov"),
        ("Kiev and Moscow traded blame", "Kiev", "ukr.gov"),
        ("Tel Aviv said", "Tel Aviv", "isr.gov"),
        ("New Delhi rejected the claim", "New Delhi", "ind.gov"),
        ("the US State Department said", "US State Department", "usa.mfa"),
        ("Kremlin spokesman Dmitry Peskov said", "Kremlin spokesman", "rus.peskov"),
        ("Maria Zakharova said", "Maria Zakharova", "rus.zakharova"),
        ("the Pentagon said", "the Pentagon", "usa.mod"),
        ("Pyongyang launched", "Pyongyang", "prk.gov"),
        ("Ukraine's Air Force said", "Ukraine's Air Force", "ukr.mil"),
        ("Russia's General Staff said", "Russia's General Staff", "rus.mil"),
        (
            "the UN peacekeeping mission in Lebanon",
            "UN peacekeeping mission in Lebanon",
            "un.unifil",
        ),
        ("The Kremlin said", "The Kremlin", "rus.gov"),
        ("Israeli Prime Minister Benjamin Netanyahu", "Israeli Prime Minister", "isr.gov"),
    ],
)
def test_actors_find_resolves_phrasings(
    actors: ActorDictionary, text: str, mention: str, actor_id: str
) -> None:
    found = actors.find(text)
    assert found, text
    first = found[0]
    assert (first.text, first.actor.id) == (mention, actor_id)
    assert text[first.start : first.end] == first.text


@pytest.mark.parametrize(
    "text",
    [
        "Tell us what you saw.",  # "us" is not "US"
        "They gave us troops' rations.",
        "The chad of the ballot.",
        "A turkey for dinner.",
        "At dawn the shelling started.",
    ],
)
def test_actors_find_ignores_common_words(actors: ActorDictionary, text: str) -> None:
    assert actors.find(text) == []


def test_actors_find_links_later_surnames(actors: ActorDictionary) -> None:
    text = "Spokesperson Mathew Miller said so. ‘No’, said Miller."
    found = [(m.text, m.actor.id) for m in actors.find(text)]
    assert found == [("Mathew Miller", "usa.miller"), ("Miller", "usa.miller")]


def test_actors_find_keeps_longest_non_overlapping(actors: ActorDictionary) -> None:
    text = "Azerbaijan’s Foreign Ministry spokesperson Aykhan Hajizade accused Brussels."
    found = [(m.text, m.actor.id) for m in actors.find(text)]
    assert found == [
        ("Azerbaijan’s Foreign Ministry", "aze.mfa"),
        ("Aykhan Hajizade", "aze.hajizade"),
        ("Brussels", "eu"),
    ]


@pytest.mark.parametrize(
    ("phrase", "actor_id", "affiliation"),
    [
        ("the Azerbaijani ministry’s statement", "aze.gov", "AZE"),
        ("Armenian Prime Minister Nikol Pashinyan", "arm.pashinyan", "ARM"),
        ("US State Department spokesperson Mathew Miller", "usa.miller", "USA"),
        ("Peter Stano, the EU Affairs and Security Policy spokesperson", "eu.stano", "EU"),
        ("the observer mission", None, None),
        ("us troops", None, None),
        ("Hamas", "hamas", None),
        ("UN Secretary-General António Guterres", "un.guterres", "UN"),
        ("the Kyrgyz border guards", "kgz.border", "KGZ"),
        ("Lebanon's Hezbollah", "hezbollah", None),
        ("pro-Russian separatists", None, None),
        ("Israeli Prime Minister Benjamin Netanyahu", "isr.netanyahu", "ISR"),
    ],
)
def test_actors_resolve_noun_phrases(
    actors: ActorDictionary, phrase: str, actor_id: str | None, affiliation: str | None
) -> None:
    actor = actors.resolve(phrase)
    assert (actor.id if actor else None) == actor_id
    assert actors.affiliation_of(phrase) == affiliation


@pytest.mark.parametrize(
    ("phrase", "affiliation"),
    [
        ("Armenian sources", "ARM"),
        ("South Korean officials", "KOR"),
        ("Palestinian health officials", "PSE"),
        ("pro-Russian separatists", None),
        ("local residents", None),
        # Officials named after their town speak for its state.
        ("Kharkiv regional governor Oleh Syniehubov", "UKR"),
        ("Belgorod governor Vyacheslav Gladkov", "RUS"),
        ("the mayor of Odesa", "UKR"),
        ("Gaza’s civil defence agency spokesman", "PSE"),
        ("Smith, a resident of the area", None),
    ],
)
def test_actors_affiliation_of_falls_back_to_demonyms_and_towns(
    actors: ActorDictionary, phrase: str, affiliation: str | None
) -> None:
    assert actors.affiliation_of(phrase) == affiliation


def test_actors_get_and_kinds(actors: ActorDictionary) -> None:
    assert actors.get("aze.mod").parent == "aze"
    assert actors.get("eu.euma").kind is ActorKind.MISSION
    assert actors.get("arm").kind is ActorKind.STATE
    assert actors.get("nope") is None
    affiliations = {a.affiliation for a in actors}
    assert {"EU", "UN", "OSCE", "NATO", "CSTO", "ICRC", "AU"} <= affiliations


def test_actors_load_merges_user_file(tmp_path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "actors:\n"
        "  - {id: arm.mod, name: MoD of Armenia, kind: government, affiliation: ARM,"
        " aliases: [Hayastan MoD]}\n"
        "  - {id: local.militia, name: Hill Militia, kind: military, affiliation: null,"
        " aliases: [Hill Militia, Baku]}\n",
        encoding="utf-8",
    )
    actors = ActorDictionary.load(extra)
    assert actors.get("arm.mod").name == "MoD of Armenia"
    found = [(m.text, m.actor.id) for m in actors.find("Hayastan MoD and the Hill Militia in Baku")]
    assert found == [
        ("Hayastan MoD", "arm.mod"),
        ("Hill Militia", "local.militia"),
        ("Baku", "local.militia"),
    ]


@pytest.mark.parametrize(
    ("content", "item", "reason"),
    [
        ("actors:\n  - {id: x, name: X}\n", "actors[1] x", "missing 'kind'"),
        ("actors:\n  - {id: x, name: X, kind: army}\n", "actors[1] x", "unknown kind 'army'"),
        ("actors:\n  - {id: x, name: X, kind: org, aliases: Foo}\n", "actors[1] x", "list"),
        ("states:\n  - {name: Narnia}\n", "states[1]", "code"),
        ("actors: [\n", "(file)", "expected"),
    ],
)
def test_actors_load_rejects_bad_user_file(tmp_path, content: str, item: str, reason: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        ActorDictionary.load(bad)
    assert info.value.code == "E120"
    assert str(bad) in info.value.message
    assert item in info.value.message
    assert reason in info.value.message


def test_actors_find_in_doc_of_another_vocab(actors: ActorDictionary) -> None:
    import spacy

    other = spacy.blank("en")  # a different vocab: the match keys must still resolve
    doc = other("Azerbaijan’s Ministry of Defence said Russian troops moved.")
    found = [(m.text, m.actor.id) for m in actors.find_in(doc)]
    assert found == [("Azerbaijan’s Ministry of Defence", "aze.mod"), ("Russian troops", "rus.mil")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RT @EUmARMENIA: calm day", [("@EUmARMENIA", "eu.euma")]),  # a retweet, not the outlet
        ("the commission said", []),
        (
            "Taiwan's Ministry of National Defense said",
            [("Taiwan's Ministry of National Defense", "twn.mod")],
        ),
        (
            "South Korea's Ministry of National Defense said",
            [("South Korea's Ministry of National Defense", "kor.mod")],
        ),
        ("Armenia's Security Council met", [("Armenia's Security Council", "arm.gov")]),
        ("RT @mod_russia: Units of the group", [("@mod_russia", "rus.mod")]),
        (
            "— Israel Defense Forces (@IDF) May 5, 2024",
            [("Israel Defense Forces", "isr.mil"), ("@IDF", "isr.mil")],
        ),
    ],
)
def test_actors_find_ambiguous_names(actors: ActorDictionary, text: str, expected: list) -> None:
    assert [(m.text, m.actor.id) for m in actors.find(text)] == expected


def test_actors_a_post_named_for_a_person_gives_no_surname():
    """'Kremlin spokesman' finds Peskov; a later 'spokesman for Ukraine's …' is not him."""
    from watchline.extract.speakers.actors import ActorDictionary

    text = (
        "Kremlin spokesman said the operation went to plan. A spokesman for Ukraine's "
        "Kharkiv group, Nazar Voloshyn, disagreed."
    )
    found = [(m.text, m.actor.id) for m in ActorDictionary.load().find(text)]
    assert ("spokesman", "rus.peskov") not in found


def test_actors_packaged_ids_are_unique():
    """A second entry with the same id would silently replace the first one's aliases."""
    from collections import Counter
    from importlib.resources import files

    import yaml

    data = yaml.safe_load(files("watchline.data").joinpath("actors.yaml").read_text("utf-8"))
    ids = Counter(entry["id"] for entry in data["actors"])
    ids.update(state["code"].lower() for state in data["states"])
    assert [k for k, n in ids.items() if n > 1] == []
