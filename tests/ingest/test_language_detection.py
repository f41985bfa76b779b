"""Offline language detection: the theatre's languages, short posts, and undecidable text."""

from __future__ import annotations

import pytest

from watchline.ingest.language import detect_language, is_extractable


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Remember to check the Goris patrol log for 31 March.", "en"),
        ("Armenia's Ministry of Defence denied that troops were massing at the border.", "en"),
        ("Министерство обороны Армении опровергло сообщения о концентрации войск.", "ru"),
        ("Міністерство оборони України повідомило про обстріл прикордонних сіл.", "uk"),
        ("Պաշտպանության նախարարությունը հերքում է զորքերի կուտակման մասին լուրերը։", "hy"),
        (
            "Müdafiə Nazirliyi bildirib ki, Ermənistan qüvvələri sərhəddə mövqeləri atəşə tutub.",
            "az",
        ),
        ("Le ministère de la Défense affirme que la situation à la frontière reste calme.", "fr"),
        (
            "Das Verteidigungsministerium erklärte, die Lage an der Grenze sei ruhig geblieben.",
            "de",
        ),
        ("Savunma Bakanlığı sınırdaki durumun sakin olduğunu açıkladı.", "tr"),
        ("თავდაცვის სამინისტრომ განაცხადა, რომ საზღვარზე ვითარება მშვიდია.", "ka"),
        ("وزارة الدفاع تقول إن الوضع على الحدود هادئ تماما اليوم.", "ar"),
        ("Ok!", None),
        ("12:40 — 13:05 ✅", None),
    ],
)
def test_language_detects(text: str, language: str | None) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("language", "text", "extractable"),
    [
        ("en", "The border is calm.", True),
        ("ru", "Граница спокойна.", True),
        ("hy", "Սահմանը հանգիստ է։", False),
        ("az", "Sərhəddə vəziyyət sakitdir.", False),
        (None, "Calm.", True),
        (None, "Спокойно.", True),
        (None, "Հանգիստ։", False),
        (None, "", True),
    ],
)
def test_language_extractable(language: str | None, text: str, extractable: bool) -> None:
    assert is_extractable(language, text) is extractable
