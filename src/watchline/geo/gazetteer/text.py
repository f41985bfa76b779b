"""Where toponyms may be in text: capitalised runs, border phrases, and locative context.

Only capitalised word runs are looked up, and a run is taken whole or with nothing but
designators ("Oblast", "district") or function words left over, so that "Nikol
Pashinyan" or "EU Monitoring Mission" never yield a village called "Nikol" or a town
called "Mission". Small places, and names that are also English words, need context: a
locative preposition or verb before them, a designator after them, or a list of places.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

UPPER = r"[A-Z\u00c0-\u00de\u0100-\u017f\u0400-\u042f\u0531-\u0556\u0386-\u03ab]"
WORD = rf"(?:(?:al|el|ad|an|ar|as|ash|at|az|ad-|de|di|d)['’\-])?{UPPER}[\w'’\-]*"
LINK = (
    r"(?:[ \t]+(?:of|and|&|de|del|la|al|el|upon|on|am|an|der|di|da|do|dos|du|le|les|sur|e|i)[ \t]+"
    r"|[ \t]+|-)"
)
RUN = re.compile(rf"(?<![\w@#]){WORD}(?:{LINK}{WORD})*")
POSSESSIVE = re.compile(r"['’]s?$")

DESIGNATORS = {
    "oblast", "region", "province", "district", "governorate", "village", "city", "town",
    "valley", "corridor", "pass", "mountains", "mountain", "mount", "lake", "river", "gorge",
    "airport", "base", "crossing", "checkpoint", "sector", "county", "state", "municipality",
    "rayon", "raion", "marz", "highway", "road", "north", "south", "east", "west", "northern",
    "southern", "eastern", "western", "central", "upper", "lower", "greater", "settlement",
    "area", "heights", "hills", "plain", "direction", "front", "axis", "strip", "bank",
    "enclave", "exclave", "community", "hromada", "krai", "republic", "territory", "zone",
}  # fmt: skip
TITLES = {
    "president", "minister", "prime", "general", "gen", "mr", "mrs", "ms", "dr", "colonel",
    "col", "lt", "captain", "sergeant", "ambassador", "spokesperson", "spokesman", "secretary",
    "chief", "commander", "deputy", "senator", "governor", "mayor", "king", "queen", "prince",
    "sheikh", "ayatollah", "pope", "saint", "st", "lord", "sir", "judge", "envoy", "professor",
}  # fmt: skip
MONTHS_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sep.", "sept.", "oct.", "nov.", "dec.", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
}  # fmt: skip
# Place names that are everyday English words: found only with locative context.
COMMON = {
    "mobile", "reading", "bath", "nice", "split", "mission", "police", "union", "independence",
    "liberty", "victoria", "providence", "concord", "hope", "enterprise", "commerce",
    "progress", "unity", "justice", "peace", "sale", "date", "best", "gap", "bar", "wells",
    "orange", "marks", "paradise", "lens", "troy", "salt", "mango", "deal", "rain", "bury",
    "march", "may", "ministry", "defence", "defense", "army", "forces", "state", "border",
    "national", "security", "service", "council", "press", "office", "university", "centre",
    "center", "republic", "federal", "royal", "general", "central", "north", "south", "east",
    "west", "home", "post", "about", "many", "more", "most", "good", "early", "late", "major",
    "president", "prime", "minister", "foreign", "affairs", "embassy", "monitoring",
    "read", "said", "says", "also", "however", "according", "meanwhile", "earlier",
    "later", "after", "before", "during", "while", "since", "until", "today", "telegram",
    "twitter", "facebook", "video", "photo", "footage", "images", "statement", "news", "live",
    "update", "breaking", "exclusive", "analysis", "opinion", "comment", "world", "europe",
    "asia", "africa", "america", "middle", "western", "eastern", "global", "victory",
    "freedom", "democracy", "patriot", "sentinel", "guardian", "star", "sun", "mirror", "times",
    "herald", "tribune", "express", "independent", "telegraph", "observer", "standard",
    "hamas", "wagner", "ataka", "orlan", "lancet", "grad", "shahed", "iskander", "kinzhal",
    "storm", "shadow", "javelin", "stinger", "leopard", "abrams", "bradley", "himars",
    "moody", "young", "king", "price", "brown", "white", "black", "green", "gray", "grey",
    "long", "short", "little", "small", "big", "great", "high", "low", "deep", "upper",
    "lower", "old", "new", "first", "second", "third", "last", "next", "bad",
    "chance", "fortune", "harmony", "friendship", "glory", "ural", "volunteer", "pilot",
    "drone", "village", "town", "city", "district", "region", "province", "area",
    # towns of 50,000+ named like people or words: "Austin said", "Taylor", "Surprise"
    "austin", "gilbert", "george", "taylor", "allen", "bryan", "carson", "david", "davis",
    "hoover", "quincy", "tyler", "rogers", "shelby", "anderson", "franklin", "eugene",
    "warren", "wayne", "norman", "marion", "jackson", "hamilton", "florence", "chelsea",
    "sandy", "barry", "chico", "orion", "aurora", "delta", "normal", "temple", "surprise",
    "spring", "springs", "forest", "acre", "bend", "clay", "derby", "hull", "rugby", "vista",
    "sur", "hub", "ota", "ama", "una", "uga", "bol", "bor", "bam", "gao", "ica", "rubio",
    "edison", "erie", "windsor", "richmond", "sutton", "hastings", "waterloo", "highland",
    "brent", "harrow", "queens", "salem", "columbia", "ontario", "virginia", "florida",
    "wyoming", "granada", "woodland", "palmer", "lincoln", "madison", "clinton", "kent",
    "kennedy", "eden", "sharon", "obama", "carter", "nelson", "harris", "elizabeth",
    "beverly", "chester", "marshall", "clayton", "douglas", "stanley", "milton", "russell",
}  # fmt: skip
LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|near|at|from|to|towards?|into|outside|around|across|over|via|through|"
    r"between|beyond|inside|within|along|off|nearby|of|on|attacked|shelled|struck|"
    r"hit|captured|liberated|took|seized|bombed|targeted|entered|visited|reached|encircled|"
    r"stormed|recaptured|retook|evacuated|left|reach|capture|village|town|city|settlement|"
    r"villages|towns|cities|settlements|community|region|district|province|oblast|"
    r"governorate|outskirts|vicinity|direction|approaches)[ \t]+(?:the[ \t]+)?"
    r"(?:(?:village|town|city|settlement|community)[ \t]+of[ \t]+)?"
    # a list may come between: "near Khiam and Bint Jbeil", "in Sumy, Kharkiv and Izium"
    r"(?-i:(?:[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*)*[ \t]*(?:,[ \t]*and|,|and|or)[ \t]+){0,4}))$",
    re.IGNORECASE,
)
LOCATIVE_AFTER = re.compile(
    r"^(?:[ \t]+(?:village|town|city|district|region|area|oblast|province|governorate|"
    r"direction|sector|axis|front|settlement|community|raion|marz|rayon|border|checkpoint|"
    r"crossing)\b|,[ \t]+(?:in|near)\b)",
    re.IGNORECASE,
)

REGION_AFTER = re.compile(
    r"[ \t]+(?:region|oblast|province|governorate|district|raion|rayon|marz|krai)\b", re.IGNORECASE
)
BORDER_WORD = r"(?:border(?:line)?|frontier|boundary(?:[ \t]+line)?)"
BORDER_NOT_PLACE = (
    r"(?:[ \t]+(?:guards?|service|police|troops|forces?|security|control|agency|patrols?|"
    r"protection|delimitation|demarcation|commission|talks|issues?|disputes?|management|"
    r"crossings?\s+point|regime|policy|officials?))"
)
BORDER = re.compile(
    rf"(?<![\w\-–])(?:\b[Tt]he[ \t]+)?"
    rf"(?:(?:{UPPER}[\w'’]+(?:[ \t]*[-–—][ \t]*{UPPER}[\w'’]+)?)[ \t]+)?"
    rf"(?:(?:state|conditional|international|de[ \t]+facto|common|shared|national|"
    rf"administrative|southern|northern|eastern|western)[ \t]+)*\b{BORDER_WORD}\b"
    rf"(?!{BORDER_NOT_PLACE})",
)
LINES = re.compile(
    r"\b(?:(?:the[ \t]+)?(?:line[ \t]+of[ \t]+contact|contact[ \t]+line|front[ \t]?line|"
    r"frontline|line[ \t]+of[ \t]+control|ceasefire[ \t]+line|Line[ \t]+of[ \t]+Actual[ \t]+"
    r"Control|Blue[ \t]+Line|Green[ \t]+Line|[Dd]emilitari[sz]ed[ \t]+[Zz]one|Military[ \t]+"
    r"Demarcation[ \t]+Line|Northern[ \t]+Limit[ \t]+Line|[Aa]dministrative[ \t]+[Bb]oundary"
    r"[ \t]+[Ll]ine|buffer[ \t]+zone)|LoC|LAC|DMZ|MDL|NLL|ABL)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Piece:
    """A candidate name inside a capitalised run, with what surrounds it."""

    start: int
    end: int
    text: str
    whole_run: bool  # the run has nothing else but designators or function words
    sentence_initial: bool


INNER_POSSESSIVE = re.compile(r"['’]s?(?=[ \t]+\S)")


def runs(text: str) -> Iterator[tuple[int, int]]:
    """Capitalised word runs, without a trailing possessive; a possessive inside a run
    ends one name and starts another ("Russia's Volgograd region")."""
    for match in RUN.finditer(text):
        start, end = match.span()
        tail = POSSESSIVE.search(text, start, end)
        if tail is not None and tail.end() == end:
            end = tail.start()
        for inner in INNER_POSSESSIVE.finditer(text, start, end):
            if inner.start() > start:
                yield start, inner.start()
            start = inner.end()
            while start < end and text[start] in " \t":
                start += 1
        if end > start:
            yield start, end


def name_keys(text: str, longest: int = 5) -> set[str]:
    """The folded form of every word sequence in a capitalised run: all names the text
    could contain, for looking up imported entries by index."""
    from watchline.geo.gazetteer.index import fold

    keys: set[str] = set()
    for start, end in runs(text):
        spans = words(text, start, end)
        for i in range(len(spans)):
            for j in range(i + 1, min(len(spans), i + longest) + 1):
                keys.add(fold(text[start + spans[i][0] : start + spans[j - 1][1]]))
    return keys


def words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\s\-]+", text[start:end])]


def is_filler(word: str) -> bool:
    """A word a run may have besides the name: designators and function words."""
    low = word.lower().strip("'’")
    return low in DESIGNATORS or low in STOP_WORDS or low in MONTHS_DAYS


def has_title(word: str) -> bool:
    return word.lower().strip(".") in TITLES


def sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t‘'\"“([")
    return not before or before.endswith((".", "!", "?", "\n", ":", "—"))


def after_article(text: str, start: int) -> bool:
    """Whether "the" comes right before start: towns named like words go without it."""
    return re.search(r"\bthe[ \t]+$", text[max(0, start - 8) : start], re.IGNORECASE) is not None


def locative(text: str, start: int, end: int) -> bool:
    """Whether a preposition, verb, designator or list around start..end marks a place."""
    before = text[max(0, start - 80) : start]
    after = text[end : end + 24]
    return bool(LOCATIVE_BEFORE.search(before) or LOCATIVE_AFTER.match(after))


SPEAKS = re.compile(
    r"[ \t]+(?:said|says|told|added|stressed|warned|wrote|noted|argued|insisted|replied|"
    r"responded|tweeted|posted|denied|accused|rejected|condemned|claimed|announced|urged|"
    r"alleged|blamed|dismissed|confirmed|has[ \t]+(?:said|denied|accused|warned))\b"
)


def speaks(text: str, end: int) -> bool:
    """A name followed by a speech verb ("Rubio said", "Moscow denied") is a speaker, or a
    government standing for its capital or country, unless a locative word says
    otherwise."""
    return SPEAKS.match(text, end) is not None


def dated(text: str, end: int) -> bool:
    """A number right after a name ("March 3") makes it a date, not a place."""
    return re.match(r"[ \t]+\d", text[end : end + 3]) is not None


def lowercase_words(text: str) -> set[str]:
    """Words used in lower case in the text: "Mission" is no town where "mission" is a word."""
    return set(re.findall(r"(?<![\w'’\-])[a-z][a-z'’\-]*", text))
