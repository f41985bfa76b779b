"""Offline language detection with lingua, built once for the theatre's languages.

Cheap, certain cases come first: a script that only one of our languages uses
(Armenian, Georgian, Hebrew, Hangul), then English told by its function words. The
rest goes to lingua, built for a fixed set of languages (those of the theatres
Watchline serves and the outlets that report on them): its fast low-accuracy mode for
a paragraph or more, its full models for short posts, where the fast mode errs. Texts
with too few letters stay undetected (None) rather than guessed.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from watchline.extract.languages import EXTRACTABLE

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
MIN_LETTERS = 12
SAMPLE_CHARS = 1000


SHORT_TEXT = 120
LETTER = re.compile(r"[^\W\d_]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
OWN_SCRIPT = {
    re.compile(r"[\u0531-\u058f]"): "hy",
    re.compile(r"[\u10a0-\u10ff]"): "ka",
    re.compile(r"[\u0590-\u05ff]"): "he",
    re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"): "ko",
}
# Frequent English words that are not also common words of our other Latin-script
# languages (so no "in", "a", "die", "on" alone would decide).
# fmt: off
ENGLISH_WORDS = frozenset({
    "the", "of", "and", "to", "is", "was", "were", "are", "that", "this",
    "with", "from", "by", "have", "has", "had", "said", "for", "it", "be",
    "been", "not", "which", "will", "would", "their", "they", "there", "what", "who",
    "after", "about",
})
# fmt: on


@cache
def detector(low_accuracy: bool) -> LanguageDetector:
    builder = LanguageDetectorBuilder.from_languages(*LANGUAGES)
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build()


@lru_cache(maxsize=8192)
def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(sample) < MIN_LETTERS:
        return None
    if _reads_as_english(sample):
        return "en"  # the common case, decided before counting letters
    letters = len(LETTER.findall(sample))
    if letters < MIN_LETTERS:
        return None
    for script, language in OWN_SCRIPT.items():
        if len(script.findall(sample)) * 2 > letters:
            return language  # a script only one of our languages is written in
    # Short Latin-script texts need lingua's full models (its fast mode takes short
    # English for French); longer ones, and Cyrillic ones (Russian, Ukrainian and
    # Serbian differ in letters), are told apart as reliably and far faster by the fast
    # mode.
    cyrillic = len(CYRILLIC.findall(sample)) * 2 > letters
    found = detector(cyrillic or len(sample) >= SHORT_TEXT).detect_language_of(sample)
    return None if found is None else found.iso_code_639_1.name.lower()


def _reads_as_english(sample: str) -> bool:
    """Whether English function words make up a good share of the words (cheap, exact)."""
    words = WORD.findall(sample.lower())
    hits = [word for word in words if word in ENGLISH_WORDS]
    letters = sum(map(len, words))
    return len(set(hits)) >= 2 and len(hits) >= 0.15 * len(words) and letters >= MIN_LETTERS


def is_extractable(language: str | None, text: str) -> bool:
    """Whether the extractor reads this language; undetected text counts if mostly Latin
    (the English path) or mostly Cyrillic (the Russian one)."""
    if language is not None:
        return language in EXTRACTABLE
    letters = [char for char in text[:SAMPLE_CHARS] if char.isalpha()]
    if not letters:
        return True
    latin = sum(char.isascii() for char in letters) / len(letters)
    cyrillic = len(CYRILLIC.findall("".join(letters))) / len(letters)
    return latin > 0.8 or cyrillic > 0.8
