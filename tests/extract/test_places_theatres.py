"""Wire copy from other theatres: spellings, diacritics, and no places made of people or dates."""

from __future__ import annotations

import pytest

from watchline.extract.places.toponyms import Gazetteer, places_in
from watchline.extract.speakers.actors import default_dictionary


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _found(text: str, gazetteer: Gazetteer) -> list[tuple[str, str | None]]:
    return [(m.text, m.country) for m in places_in(text, gazetteer, default_dictionary())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ukraine
        ("Russian shelling cut power in Enerhodar on Monday, the regional governor said.",
         [("Enerhodar", "UKR")]),
        ("Energoatom said Energodar had lost power again.", [("Energodar", "UKR")]),
        ("Drones struck Nikopol across the river, Ukrainian officials said.",
         [("Nikopol", "UKR")]),
        ("Russian troops pressed towards Bakhmut and Avdiivka, the General Staff said.",
         [("Bakhmut", "UKR"), ("Avdiivka", "UKR")]),
        ("Fighting continued near Avdeevka and Artemivsk, Russian media said.",
         [("Avdeevka", "UKR"), ("Artemivsk", "UKR")]),
        # Israel–Lebanon
        ("The IDF said rockets fell near Metula and that it struck Kfar Kila in response.",
         [("Metula", "ISR"), ("Kfar Kila", "LBN")]),
        ("UN peacekeepers in Naqoura reported fire from Kafr Kila and Kfarkela.",
         [("Naqoura", "LBN"), ("Kafr Kila", "LBN"), ("Kfarkela", "LBN")]),
        ("Hezbollah said it targeted Israeli positions in the Shebaa Farms.",
         [("Shebaa Farms", None)]),
        ("Israeli strikes hit Aita al-Shaab and Aitaroun overnight.",
         [("Aita al-Shaab", "LBN"), ("Aitaroun", "LBN")]),
        # India–Pakistan
        ("The Indian army said Pakistani troops fired in the Poonch and Kupwara districts.",
         [("Poonch", "IND"), ("Kupwara", "IND")]),
        ("Indian officials said shelling hit Uri and the Nikial sector overnight.",
         [("Uri", "IND"), ("Nikial", "IND")]),
        # Kosovo
        ("Kosovo police said gunmen stormed a monastery in Banjska near Zvečan.",
         [("Banjska", "XKX"), ("Zvečan", "XKX")]),
        ("Serbia closed the Jarinje crossing, officials in Zvecan said.",
         [("Serbia", "SRB"), ("Jarinje", "XKX"), ("Zvecan", "XKX")]),
        ("Officials in Zubin Potok said the Brnjak crossing was shut.",
         [("Zubin Potok", "XKX"), ("Brnjak", "XKX")]),
        # Korea
        ("North Korean soldiers crossed the line near Panmunjom, Seoul said.",
         [("Panmunjom", None), ("Seoul", "KOR")]),
        ("The North shelled Yeonpyeong Island in 2010.", [("Yeonpyeong Island", "KOR")]),
        ("Loudspeakers were heard in Paju and on Baengnyeong Island.",
         [("Paju", "KOR"), ("Baengnyeong Island", "KOR")]),
        # Sudan
        ("The RSF said it had taken El Fasher, while the army said it held Nyala.",
         [("El Fasher", "SDN"), ("Nyala", "SDN")]),
        ("Sudan's army said RSF fighters shelled El-Fasher and Al Fashir overnight.",
         [("El-Fasher", "SDN"), ("Al Fashir", "SDN")]),
    ],
)  # fmt: skip
def test_places_theatres_spellings(
    gazetteer: Gazetteer, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _found(text, gazetteer) == expected


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Zaporizhia", "UKR"), ("Ugledar", "UKR"), ("Huliaipole", "UKR"), ("Robotyne", "UKR"),
        ("Kharkov", "UKR"), ("Severodonetsk", "UKR"), ("Chasiv Yar", "UKR"),
        ("Bint Jbeil", "LBN"), ("Odaisseh", "LBN"), ("Yaroun", "LBN"), ("Rmeish", "LBN"),
        ("Dahiyeh", "LBN"), ("Nabatieh", "LBN"), ("Shlomi", "ISR"), ("Margaliot", "ISR"),
        ("Shtula", "ISR"), ("Zar'it", "ISR"), ("Kiryat Shmona", "ISR"),
        ("Baramulla", "IND"), ("Akhnoor", "IND"), ("Mendhar", "IND"), ("Krishna Ghati", "IND"),
        ("Pahalgam", "IND"), ("Muzaffarabad", "PAK"), ("Neelum Valley", "PAK"),
        ("Zamzam", "SDN"), ("El Obeid", "SDN"), ("Wad Madani", "SDN"), ("Geneina", "SDN"),
        ("Kaesong", "PRK"), ("Cheorwon", "KOR"), ("Ganghwa", "KOR"), ("Gangwon", "KOR"),
        ("Leposavic", "XKX"), ("Zubin Potok", "XKX"), ("Merdare", "XKX"),
    ],
)  # fmt: skip
def test_places_theatres_front_line_names(gazetteer: Gazetteer, name: str, country: str) -> None:
    text = f"Shelling was reported near {name} on Monday, officials said."
    assert _found(text, gazetteer) == [(name, country)]


@pytest.mark.parametrize(
    "text",
    [
        "Jordan Bardella and Chad Smith met Florence Parly in May.",
        "General Mark Milley said in August that Victoria Nuland would visit.",
        "Austin told Florence and Sharon that Eden would call.",
        "Kennedy and Milan Lucic said the talks were over.",
        "March was quiet, Sunday was not.",
        "Hope and Faith were the names of the ships, Israel Katz said.",
        "Jake Sullivan met Antony Blinken and Ali Larijani.",
        "KYIV, March 3 (Reuters) - The talks ended.",
        "The soldiers returned to the North after the warning shots.",
        "Troops from the South crossed into the Mission area near the Union.",
    ],
)
def test_places_theatres_no_false_places(gazetteer: Gazetteer, text: str) -> None:
    found = _found(text, gazetteer)
    assert [t for t, _ in found if t.upper() != "KYIV"] == []
