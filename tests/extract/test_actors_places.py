"""Officials named after a place: the place's country, never a capitalised function word's."""

from __future__ import annotations

from datetime import date

import pytest

from watchline.extract.speakers.actors import ActorDictionary, default_dictionary


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return default_dictionary()


@pytest.mark.parametrize(
    "phrase",
    [
        "An army spokesperson",  # "An" is an alternate name of Ans, Belgium
        "A ministry official",
        "The spokesperson",
        "Some officials",
        "This official",
        "Its governor",
        "These officials",
        "Most officials",  # Most is a Czech town of 60,000
        "Many local officials",
    ],
)
def test_actors_affiliation_of_generic_speaker_has_no_country(
    actors: ActorDictionary, phrase: str
) -> None:
    assert actors.affiliation_of(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "affiliation"),
    [
        ("the Kharkiv governor", "UKR"),
        ("The Kharkiv governor", "UKR"),  # sentence-initial article before the town
        ("the Sumy regional administration head", "UKR"),
        ("The head of the Sumy regional administration", "UKR"),
        ("the mayor of Kiev", "UKR"),  # an exonym, when no town bears it as its own name
        # A town's own name before another's alternate: Abadan is also a spelling of
        # Ibadan (Nigeria), Dili one of Delhi.
        ("the Abadan governor", "IRN"),
        ("Dili mayor", "TLS"),
    ],
)
def test_actors_affiliation_of_official_of_place(
    actors: ActorDictionary, phrase: str, affiliation: str
) -> None:
    assert actors.affiliation_of(phrase) == affiliation


@pytest.mark.parametrize(
    ("speaker", "affiliation"),
    [
        ("An army spokesperson", None),
        ("Most officials", None),
        ("The Kharkiv governor", "UKR"),
        ("The Abadan governor", "IRN"),
    ],
)
def test_actors_speaker_of_extracted_claim_by_place(
    extractor, speaker: str, affiliation: str | None
) -> None:
    text = f"{speaker} said two drones were shot down near the city overnight."
    claims = extractor.extract(text, published_on=date(2024, 5, 10))
    assert [c.speaker.text for c in claims] == [speaker]
    assert claims[0].speaker.affiliation == affiliation
