"""Reject actor aliases that would name the wrong party in ordinary text.

An alias is matched wherever it occurs, so a bad one silently mislabels speakers. Three
kinds of mistake have happened in practice: a name with a comma written unquoted in a
YAML list ("Foreign, Commonwealth and Development Office" became the aliases "Foreign"
and "Commonwealth and Development Office"), a common word or short fragment, and an
unqualified institution ("the Defence Ministry", "Joint Chiefs of Staff") given to one
country although many states have one. Which country such a phrase means is for the
context to decide (the speaker resolution in the extractor), not for the dictionary.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

# Words that are ordinary English, not names, even when capitalised at a sentence start.
COMMON_WORDS = frozenset(
    """
    foreign defence defense army ministry office security council general president
    government forces force border service mission state republic military minister
    national federal command staff police guard guards troops soldiers navy marines
    intelligence agency department committee cabinet administration authorities side
    spokesperson spokesman spokeswoman secretary commonwealth development affairs
    interior justice prosecutor court parliament assembly union people peoples front
    coalition alliance operation operations centre center headquarters unit units
    brigade division corps regiment battalion embassy consulate press news media
    channel radio television times post daily herald observer monitor monitors
    commission commissioner envoy representative delegation officials official leader
    leadership president's prime premier chancellor king queen emir crown prince
    dawn sun star mirror independent guardian telegraph express mail nation world
    global international united democratic liberation resistance movement party
    north south east west northern southern eastern western central
    """.split()  # noqa: SIM905 - a word list reads better as text
)

# Institutions every state has: they must never resolve to one country by themselves.
_BODIES = (
    "ministry of defence",
    "ministry of defense",
    "defence ministry",
    "defense ministry",
    "ministry of national defense",
    "ministry of national defence",
    "national defense ministry",
    "defence minister",
    "defense minister",
    "defence secretary",
    "defense secretary",
    "defence intelligence",
    "military intelligence",
    "foreign ministry",
    "ministry of foreign affairs",
    "foreign office",
    "foreign minister",
    "foreign secretary",
    "interior ministry",
    "ministry of interior",
    "army",
    "military",
    "armed forces",
    "air force",
    "navy",
    "troops",
    "general staff",
    "joint chiefs of staff",
    "chief of staff",
    "border guards",
    "border guard",
    "border service",
    "border police",
    "state border service",
    "coast guard",
    "security service",
    "national security service",
    "security council",
    "national security council",
    "security cabinet",
    "government",
    "cabinet",
    "presidency",
    "presidential office",
    "presidential administration",
    "prime minister",
    "prime minister's office",
    "president's office",
    "office of the president",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "prosecutor general's office",
    "national news agency",
    "state news agency",
    "parliament",
    "police",
)
# Deliberate exceptions, each with its reason (docs/actors.md lists them).
NAMED_INSTITUTIONS = {
    "joint chiefs of staff": "kor.mil: the JCS that issues statements about a border or "
    "ceasefire line is South Korea's (the US body speaks through the Pentagon)",
}
GENERIC_PHRASES = frozenset(
    variant
    for body in _BODIES
    if body not in NAMED_INSTITUTIONS
    for variant in (body, body.replace("'", "’"))
)

LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9.&\-]*$")
LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
PAIRS = (("(", ")"), ("[", "]"), ("{", "}"))


def alias_problem(alias: str) -> str | None:
    """Why `alias` cannot be used as written, or None when it is fine."""
    text = alias.strip()
    if text != alias or not text:
        return f"alias {alias!r} has leading or trailing spaces"
    if text[-1] in ",;:" or text[0] in ",;:":
        return f"alias {alias!r} starts or ends with punctuation; quote names that contain commas"
    for left, right in PAIRS:
        if text.count(left) != text.count(right):
            return f"alias {alias!r} has unbalanced brackets"
    if LATIN.search(text) and len(text) < 3 and not ACRONYM.match(text):
        return f"alias {alias!r} is under 3 letters and not an all-capitals acronym"
    words = text.split()
    if len(words) == 1 and not ACRONYM.match(text):
        word = text.lower()
        if word in STOP_WORDS or word in COMMON_WORDS:
            return (
                f"alias {alias!r} is a common word; quote names that contain commas "
                "('Foreign, Commonwealth and Development Office')"
            )
    core = LEADING_ARTICLE.sub("", text).lower()
    if core in GENERIC_PHRASES:
        return (
            f"alias {alias!r} is an institution every state has; name the state "
            f"('Israeli {core}', 'Israel's {core}')"
        )
    return None
