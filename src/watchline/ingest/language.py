"""Offline language detection with lingua, built once for the theatre's languages.

The detectors cover a fixed set of languages (those of the theatres Watchline serves
and the outlets that report on them): lingua's fast low-accuracy mode for texts of a
paragraph or more, its full models for short posts, where the fast mode errs. Texts
with too few letters stay undetected (None) rather than guessed.
"""

from __future__ import annotations

from functools import cache, lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

LANGUAGES = (
    Language.ENGLISH,
    Language.RUSSIAN,
    Language.ARMENIAN,
    Language.AZERBAIJANI,
    Language.UKRAINIAN,
    Language.ARABIC,
    Language.HEBREW,
    Language.FRENCH,
    Language.GERMAN,
    Language.TURKISH,
    Language.GEORGIAN,
    Language.SERBIAN,
    Language.ALBANIAN,
    Language.KOREAN,
    Language.HINDI,
    Language.URDU,
    Language.PERSIAN,
    Language.SPANISH,
)
EXTRACTABLE = frozenset({"en"})
MIN_LETTERS = 12
SAMPLE_CHARS = 1000


SHORT_TEXT = 120


@cache
def detector(low_accuracy: bool) -> LanguageDetector:
    builder = LanguageDetectorBuilder.from_languages(*LANGUAGES)
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build()


@lru_cache(maxsize=8192)
def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for char in sample if char.isalpha()) < MIN_LETTERS:
        return None
    # Short texts need lingua's full models (the fast mode calls short English French);
    # longer ones are told apart as reliably, three times faster, by the fast mode.
    found = detector(len(sample) >= SHORT_TEXT).detect_language_of(sample)
    return None if found is None else found.iso_code_639_1.name.lower()


def is_extractable(language: str | None, text: str) -> bool:
    """Whether the extractor reads this language; undetected text counts if mostly Latin."""
    if language is not None:
        return language in EXTRACTABLE
    letters = [char for char in text[:SAMPLE_CHARS] if char.isalpha()]
    return not letters or sum(char.isascii() for char in letters) / len(letters) > 0.8
