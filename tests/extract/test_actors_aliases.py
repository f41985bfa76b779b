"""The packaged actor dictionary names no party by a common word, fragment or generic body."""

from __future__ import annotations

from collections import defaultdict

import pytest

from watchline.errors import InputError
from watchline.extract.speakers.actors import ActorDictionary, _packaged, default_dictionary
from watchline.extract.speakers.actors_check import alias_problem

# Aliases two parties of different affiliations may share, and why. Empty on purpose: a
# new entry needs a reason the reviewer can check.
SHARED_ON_PURPOSE: dict[str, str] = {}


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return default_dictionary()


def test_actors_aliases_pass_the_alias_check() -> None:
    problems = [
        f"{actor.id}: {problem}"
        for actor in _packaged()
        for alias in actor.aliases
        if (problem := alias_problem(alias)) is not None
    ]
    assert problems == []


def test_actors_aliases_not_shared_across_affiliations() -> None:
    owners: dict[str, set[str | None]] = defaultdict(set)
    for actor in _packaged():
        for alias in actor.aliases:
            owners[alias.lower()].add(actor.affiliation)
    shared = {a: o for a, o in owners.items() if len(o) > 1 and a not in SHARED_ON_PURPOSE}
    assert shared == {}


@pytest.mark.parametrize(
    ("alias", "reason"),
    [
        ("Foreign", "common word"),
        ("Army", "common word"),
        ("Security", "common word"),
        ("Republic", "common word"),
        ("the", "common word"),
        ("Dawn", "common word"),
        ("Ab", "under 3 letters"),
        ("Defence Intelligence (HUR", "unbalanced brackets"),
        ("Commonwealth and Development Office,", "punctuation"),
        (" Kyiv", "spaces"),
        ("the Defence Ministry", "every state has"),
        ("Foreign Ministry", "every state has"),
        ("Prime Minister’s Office", "every state has"),
        ("the army", "every state has"),
        ("spokesperson", "common word"),
    ],
)
def test_actors_check_names_the_problem(alias: str, reason: str) -> None:
    problem = alias_problem(alias)
    assert problem is not None and reason in problem


@pytest.mark.parametrize(
    "alias",
    [
        "US",
        "UN",
        "IDF",
        "WHO",
        "中国",
        "합참",
        'צה"ל',
        "Chad",
        "Niger",
        "Foreign Office of Narnia",
        "Foreign, Commonwealth and Development Office",
        "Israeli Prime Minister's Office",
    ],
)
def test_actors_check_accepts_names(alias: str) -> None:
    assert alias_problem(alias) is None


@pytest.mark.parametrize(
    "text",
    [
        "The Defence Ministry said on Monday",
        "the Defense Ministry said",
        "The Foreign Ministry said",
        "the Ministry of Foreign Affairs said",
        "The army said",
        "the military said",
        "the armed forces said",
        "the spokesperson said",
        "the Ministry of National Defense said",
        "The Prime Minister's Office said",
        "the security cabinet met",
        "the Foreign Office said",
        "the Defence Secretary said",
        "Defence Intelligence said",
        "the General Staff said",
        "the border guards said",
        "the State Border Service said",
        "the National News Agency reported",
        "Commonwealth and Development Office",
    ],
)
def test_actors_generic_institutions_resolve_to_no_country(
    actors: ActorDictionary, text: str
) -> None:
    assert actors.find(text) == []
    assert actors.resolve(text) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The Foreign Ministry in Baku said", [("Baku", "aze.gov")]),
        (
            "Britain's Foreign, Commonwealth and Development Office said",
            [("Britain", "gbr"), ("Foreign, Commonwealth and Development Office", "gbr.mfa")],
        ),
        ("the UK Foreign Office said", [("UK Foreign Office", "gbr.mfa")]),
        ("Pakistan's Foreign Office said", [("Pakistan's Foreign Office", "pak.mfa")]),
        ("India’s foreign secretary said", [("India’s foreign secretary", "ind.mfa")]),
        ("the US Defense Secretary said", [("US Defense Secretary", "usa.mod")]),
        (
            "South Korea's Joint Chiefs of Staff said",
            [("South Korea's Joint Chiefs of Staff", "kor.mil")],
        ),
        (
            "Taiwan's Ministry of National Defense said",
            [("Taiwan's Ministry of National Defense", "twn.mod")],
        ),
        ("Israel's security cabinet approved", [("Israel's security cabinet", "isr.gov")]),
        (
            "Lebanon's state-run National News Agency reported",
            [("Lebanon's state-run National News Agency", "media.nna")],
        ),
        ("Dawn broke over Nyala as the RSF advanced", [("RSF", "rsf")]),
    ],
)
def test_actors_qualified_institutions_resolve(
    actors: ActorDictionary, text: str, found: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.actor.id) for m in actors.find(text)] == found


def test_actors_load_rejects_unquoted_comma_in_user_file(tmp_path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text(
        "actors:\n  - {id: gbr.fcdo, name: FCDO, kind: government, affiliation: GBR,\n"
        "     aliases: [Foreign, Commonwealth and Development Office]}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        ActorDictionary.load(bad)
    assert info.value.code == "E120"
    assert "actors[1] gbr.fcdo" in info.value.message
    assert "'Foreign'" in info.value.message


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the US defense secretary said", [("US defense secretary", "usa.mod")]),
        ("The UK foreign office said", [("UK foreign office", "gbr.mfa")]),
        ("let us defense secretary types talk", []),
        ("give us troops now", []),
    ],
)
def test_actors_phrases_with_acronyms_match_in_any_case_but_the_acronym(
    actors: ActorDictionary, text: str, found: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.actor.id) for m in actors.find(text)] == found
