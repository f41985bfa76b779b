"""The languages the extractor reads, in one place for ingest, extraction and the CLI.

English goes through the spaCy pipeline, Russian through `extract/russian/`. Everything
else is stored and listed as unsupported (docs/russian.md says what Armenian and
Azerbaijani would need).
"""

from __future__ import annotations

EXTRACTABLE = frozenset({"en", "ru"})
LANGUAGE_NAMES = {
    "en": "English",
    "ru": "Russian",
    "hy": "Armenian",
    "az": "Azerbaijani",
    "ka": "Georgian",
    "uk": "Ukrainian",
    "tr": "Turkish",
    "fa": "Persian",
}
