"""Speakers: resolve "Azerbaijan’s Ministry of Defence", "the ministry", "they", "Miller".

A named speaker resolves through the actor dictionary (mentions found in the document,
including later bare surnames). A pronoun or a definite description ("the ministry’s
statement", "the spokesperson") refers back to the most recent compatible speaker — in
the same sentence first ("Azerbaijan accused …, with the Defence Ministry publishing …"),
then earlier in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from watchline.domain import Actor, ActorKind
from watchline.extract.attribution.datelines import dateline_place
from watchline.geo.gazetteer.index import geo_index

PERSONAL = {"he", "she", "him", "her"}
IMPERSONAL = {"it", "they", "them", "we", "i"}
GENERIC_HEADS = {
    "ministry", "mission", "spokesperson", "spokesman", "spokeswoman", "statement", "army",
    "military", "government", "office", "command", "service", "department", "minister",
    "president", "official", "officials", "forces", "agency", "channel", "post", "observers",
    "monitors", "embassy", "presidency", "group", "militants", "authorities", "source",
    "sources", "side", "party", "leader", "commander", "headquarters", "staff", "spokespeople",
    "representative", "envoy", "diplomat", "press", "secretary", "council", "cabinet",
    "management", "administration", "officer", "aide", "adviser", "advisor", "insider",
    "committee", "commission", "bureau", "directorate", "police", "guard", "unit",
    # what a body issued speaks for it: "the news release", "the message", "the readout"
    "release", "message", "communique", "communiqué", "readout", "announcement", "bulletin",
}  # fmt: skip
DETERMINERS = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our"}
INDEFINITE = {"a", "an", "one", "another"}
STATE_BODIES = {
    "army",
    "ministry",
    "government",
    "military",
}  # "a spokesperson", "an army official"
BODY_KINDS = (ActorKind.GOVERNMENT, ActorKind.MILITARY, ActorKind.MISSION, ActorKind.ORG)
PERSON_HEADS = {
    "spokesperson", "spokesman", "spokeswoman", "minister", "president", "official",
    "leader", "commander", "representative", "envoy", "diplomat", "secretary", "source",
    "sources", "officials", "officer", "aide", "adviser", "advisor", "insider",
}  # fmt: skip
FITTING = {
    "ministry": (ActorKind.GOVERNMENT,),
    "army": (ActorKind.MILITARY,),
    "military": (ActorKind.MILITARY,),
    "forces": (ActorKind.MILITARY,),
    "troops": (ActorKind.MILITARY,),
    "mission": (ActorKind.MISSION, ActorKind.ORG),
    "observers": (ActorKind.MISSION, ActorKind.ORG),
    "monitors": (ActorKind.MISSION, ActorKind.ORG),
    "government": (ActorKind.GOVERNMENT,),
    "authorities": (ActorKind.GOVERNMENT,),
}
# People who speak for themselves: "a Greek Cypriot farmer", "Maya Levin, a security analyst
# at a Tel Aviv think tank", "a retired Indian general", "civil society leaders".
CIVILIAN = {
    "analyst", "analysts", "expert", "experts", "researcher", "researchers", "resident",
    "residents", "villager", "villagers", "farmer", "farmers", "shopkeeper", "owner",
    "teacher", "student", "students", "mother", "father", "widow", "witness", "witnesses",
    "eyewitness", "eyewitnesses", "locals", "civilian", "civilians", "journalist",
    "journalists", "blogger", "commentator", "scholar", "professor", "academic", "historian",
    "driver", "refugee", "refugees", "survivor", "survivors", "shepherd", "fisherman",
    "trader", "merchant", "businessman", "businesswoman", "activist", "activists", "retired",
    "former", "think", "tank", "pensioner", "worker", "workers", "parishioner", "priest",
    "imam", "elder", "elders", "society", "displaced", "volunteer", "volunteers", "fellow",
    "company", "companies", "firm", "shipping", "airline", "insurer", "corporation",
    "contractor", "shipowner", "crew", "scientist", "university", "institute", "project",
    "western", "diplomat", "diplomats",
}  # fmt: skip
STRONG_CIVILIAN = {
    "analyst", "analysts", "expert", "experts", "researcher", "researchers", "scholar",
    "scientist", "professor", "journalist", "journalists", "resident", "residents",
    "villager", "villagers", "western", "university", "institute",
}  # fmt: skip
OFFICE_HOLDERS = {"minister", "spokesperson", "spokesman", "spokeswoman", "official",
                  "officials", "commander", "ambassador", "envoy", "governor", "mayor"}  # fmt: skip
OFFICIAL = {
    "spokesperson", "spokesman", "spokeswoman", "minister", "president", "official",
    "officials", "commander", "representative", "envoy", "diplomat", "secretary", "officer",
    "aide", "adviser", "advisor", "governor", "mayor", "ambassador", "chief", "general",
    "ministry", "army", "government", "military", "police", "guard", "guards",
}  # fmt: skip
KIND_WORDS = {"mission", "observers", "monitors", "ministry", "department", "office", "army",
              "military", "forces", "command"}  # fmt: skip
WORD = re.compile(r"[\w@\-]+")
RELEASE = re.compile(
    r"(?im)^\s*(?:press\s+release|statement|communiqu[eé]|press\s+statement|"
    r"office\s+of\s+the\s+spokes\w+)\b"
)
TITLES = {"minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "general",
          "commander", "governor", "ambassador", "deputy", "chief", "president", "premier",
          "director", "colonel", "major", "lieutenant", "admiral", "envoy", "adviser", "advisor",
          "chairman", "chairwoman", "head"}  # fmt: skip
# Words of a speaker's phrase that are no one's surname ("Army said", "Ministry said").
NOT_NAMES = GENERIC_HEADS | FITTING.keys() | TITLES | PERSONAL | IMPERSONAL
LOCAL_OFFICIALS = {"governor", "mayor", "regional", "governorate", "oblast"}
ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")


@dataclass(frozen=True)
class Resolved:
    """A speaker span with the actor (or only the affiliation) it resolved to."""

    start: int
    end: int
    actor: Actor | None
    affiliation: str | None
    person: bool
    words: tuple[str, ...] = ()


# Titles dropped before a surname is looked up ("Ambassador Haber", "Gen. Saleh")
TITLE_WORDS = {"ambassador", "mr", "mrs", "ms", "dr", "general", "gen", "colonel", "col",
               "minister", "president", "lieutenant", "major", "brigadier", "spokesman",
               "spokesperson", "commander", "chief", "envoy", "secretary", "prime"}  # fmt: skip
# Bodies a story names once in full and then as "the coalition", "the alliance" …
SIDE_NOUNS = {"coalition", "alliance", "administration", "mission", "force", "council",
              "committee", "commission", "bureau", "service", "agency", "directorate"}  # fmt: skip
FILING_TOWN_POPULATION = 100_000  # a dateline names a city a story is filed from


def _filing_town(city: str) -> str | None:
    """The country of the largest GeoNames town of a dateline's name, if it is a city of
    some size (a wire or regional paper files from one)."""
    entries = geo_index().get(city)
    if not entries or entries[0].population < FILING_TOWN_POPULATION:
        return None
    return entries[0].country


class SpeakerResolver:
    """Resolves speakers in text order, remembering who spoke."""

    def __init__(
        self,
        actors,
        mentions: list,
        cache: dict | None = None,
        subjects: list | None = None,
        places: list | None = None,
    ) -> None:
        self.actors = actors
        self.places = places or []
        self.mentions = mentions
        self.subjects = [  # actors that are the subject of a main clause: "it" may mean them
            Resolved(m.start, m.end, m.actor, m.actor.affiliation, m.actor.kind is ActorKind.PERSON)
            for m in subjects or ()
        ]
        self.history: list[Resolved] = []
        self.reported: list[tuple[int, int]] = []  # contents of statements resolved so far
        self.cache = cache if cache is not None else {}  # phrase -> (actor, affiliation)

    def resolve(
        self, text: str, start: int, end: int, sentence_start: int, sentence_end: int | None = None
    ) -> Resolved:
        phrase = text[start:end]
        words = words_of(phrase)
        result = self._named(phrase, start, end, words)
        if result is None:
            result = self._acronym(text, phrase, start, end)
        if _civilian(words) and (
            result is None
            or result.actor is None
            or result.actor.kind not in (ActorKind.PERSON, ActorKind.ORG, ActorKind.MISSION)
        ):  # "a Greek Cypriot farmer", "an analyst at a Tel Aviv think tank"
            result = Resolved(start, end, None, None, True)
        if result is None and _generic(words):
            result = self._framed_in(text, start, end, sentence_start)
        if result is None and _generic(words) and _press_release(text, start):
            issuer = self._issuer(text, start, end)  # "The Ministry" of a press release
            if issuer is not None:
                result = Resolved(
                    start, end, issuer.actor, issuer.affiliation, _looks_personal(words)
                )
        if result is None and words:
            result = self._refer_back(words, start, end, sentence_start)
        if result is None and _generic(words) and sentence_end is not None:
            result = self._named_nearby(words, start, end, sentence_start, sentence_end)
        if result is None and words:
            result = self._said_before(phrase, words, start, end)  # "Maragos", "the coalition"
        if result is None and words and words[0] in INDEFINITE:
            result = self._opening_body(text, start, end, sentence_start)
        if result is None:
            result = self._placed(start, end, _looks_personal(words))
        local = LOCAL_OFFICIALS & set(words) and not _civilian(words)
        if result.affiliation is None and local and sentence_end:
            result = self._placed_nearby(result, sentence_start, sentence_end)
        if result.affiliation is None and result.actor is None and words[:1] in (["we"], ["our"]):
            result = self._issuer(text, start, end) or result  # "We state that …"
        if result.affiliation is None and result.actor is None and _titled(words):
            result = self.home(text, start, end) or result  # "Defence Minister X" at home
        if result.affiliation is None and result.actor is None and _unnamed_official(words):
            result = self.home(text, start, end) or result  # "a defence official", Srinagar
        result = Resolved(
            result.start, result.end, result.actor, result.affiliation, result.person, tuple(words)
        )
        self.history.append(result)
        return result

    def remember(self, resolved: Resolved) -> None:
        self.history.append(resolved)

    def _named(self, phrase: str, start: int, end: int, words: list[str]) -> Resolved | None:
        if words and (words[0] in PERSONAL | IMPERSONAL) and len(words) == 1:
            return None
        inside = [m for m in self.mentions if start <= m.start and m.end <= end]
        inside = _sender(inside, phrase, start)
        actor = None
        people = [m for m in inside if m.actor.kind is ActorKind.PERSON]
        if people:  # "Ukrainian President Volodymyr Zelensky": the person speaks
            actor = people[-1].actor
        elif inside:
            actor = max(inside, key=lambda m: (m.end - m.start, _rank(m.actor))).actor
        elif self.actors is not None:
            actor = self._lookup(_without_article(phrase))[0]
        if actor is not None:  # "Cambodian Prime Minister Hun Manet": a person, for Cambodia
            person = actor.kind is ActorKind.PERSON or _looks_personal(words)
            return Resolved(start, end, actor, actor.affiliation, person)
        code = self._lookup(_without_article(phrase))[1] if self.actors is not None else None
        if code:  # a demonym: "the Azerbaijani ministry’s statement"
            return Resolved(start, end, None, code, _looks_personal(words))
        return self._surname(words, start, end)

    def _named_before(self, words: list[str], start: int) -> list[Resolved]:
        """Actors named earlier that a description fits exactly ('the army': an army).

        "The army rejected the accusation" may mean the army an earlier statement accused;
        "a military official", without a definite article, speaks for the side in focus, so
        armies named inside reported contents (usually the other side) do not count for it.
        """
        indefinite = bool(words) and words[0] in INDEFINITE
        return [
            Resolved(m.start, m.end, m.actor, m.actor.affiliation, False)
            for m in self.mentions
            if m.end <= start
            and m.actor.affiliation
            and _fits(words, m.actor)
            and not (indefinite and any(a <= m.start < b for a, b in self.reported))
        ]

    def _same_head(self, words: list[str], start: int) -> Resolved | None:
        """The latest speaker whose own phrase had the description's head ('the army').

        Only for a definite description: "a military official" is the side in focus."""
        heads = set(words) & (GENERIC_HEADS | FITTING.keys()) - PERSON_HEADS
        if not heads or words[0] not in DETERMINERS:
            return None
        for past in reversed(self.history):
            if past.start < start and past.affiliation and heads & set(past.words):
                return past
        return None

    def _bodies_before(self, start: int) -> list[Resolved]:
        """Ministries, armies, missions that were the subject of an earlier main clause.

        "Pakistan's Foreign Office summoned the envoy. A spokesperson said …": an
        unnamed spokesperson or official speaks for the body the story was just about.
        """
        return [
            s
            for s in self.subjects
            if s.end <= start and s.actor is not None and s.actor.kind in BODY_KINDS
        ]

    def _placed(self, start: int, end: int, person: bool) -> Resolved:
        """'Kharkiv governor Oleh Syniehubov': an official of the country of a place named."""
        for place in self.places:
            if place.text.isupper():
                continue  # "(SIS)" is an abbreviation, not the town of Sis
            if start <= place.start and place.end <= end and getattr(place, "country", None):
                return Resolved(start, end, None, place.country, person)
        return Resolved(start, end, None, None, person)

    def _acronym(self, text: str, phrase: str, start: int, end: int) -> Resolved | None:
        """'the SSS' after "Georgia's State Security Service (SSS)": an abbreviation the
        text itself defined stands for the body it was defined for."""
        short = re.sub(r"(?i)^(?:the|its|their)\s+", "", phrase.strip())
        if self.actors is None or not ACRONYM.fullmatch(short):
            return None
        defined = re.search(rf"([^()\n]{{3,120}}?)\s*\(\s*{re.escape(short)}\s*\)", text[:start])
        if defined is None:
            return None
        words = defined.group(1).split()
        for k in range(max(0, len(words) - 8), len(words)):
            actor, code = self._lookup(_without_article(" ".join(words[k:])))
            if actor is not None and actor.affiliation:
                return Resolved(start, end, actor, actor.affiliation, False)
            if code:
                return Resolved(start, end, None, code, False)
        return None

    def _framed_in(self, text: str, start: int, end: int, sentence_start: int):
        """'In Ankara, the foreign ministry accused …': the capital or country that frames
        the sentence is the one an unnamed body or official speaks for."""
        for mention in self.mentions:
            if not sentence_start <= mention.start < start or not mention.actor.affiliation:
                continue
            lead = text[sentence_start : mention.start].strip().lower()
            rest = text[mention.end : start].strip()
            if lead == "in" and rest.startswith(",") and len(rest) <= 2:
                actor = mention.actor
                return Resolved(
                    start, end, None, actor.affiliation, _looks_personal(words_of(text[start:end]))
                )
            break
        return None

    def home(self, text: str, start: int, end: int) -> Resolved | None:
        """The state a document speaks from: the issuer of a press release, or the
        capital of a wire dateline ("SEOUL, June 2 (Reuters) -", "Warsaw, 16 November
        2021"). An official named with a title but no country ("Defence Minister Shin
        Won-sik said") is that state's, unless the dictionary knows better."""
        head = text[: min(start, 600)]
        if _press_release(text, start):
            issuer = self._issuer(text, start, end)
            if issuer is not None:  # the official, a person, speaks for the issuer's state
                return Resolved(start, end, None, issuer.affiliation, True)
        for line in head.splitlines()[:10]:
            city = dateline_place(line)
            if city is None:
                continue
            actor, code = self._lookup(city)
            if actor is not None and actor.affiliation:
                return Resolved(start, end, None, actor.affiliation, True)
            if code:
                return Resolved(start, end, None, code, True)
            town = _filing_town(city)  # "SRINAGAR:", a city the dictionary does not list
            if town is not None:
                return Resolved(start, end, None, town, True)
        return None

    def _issuer(self, text: str, start: int, end: int) -> Resolved | None:
        """Who "we" are in a press release: the body its heading names ("Ministry of Foreign
        Affairs of the Kyrgyz Republic / Press release"), else its first speaker."""
        if self.actors is not None:
            heading = []
            for line in text[:start].splitlines()[:8]:
                line = line.strip()
                if line.endswith((".", "!", "?")) or len(line) > 160:
                    break  # the heading is over; the body has begun
                if line:  # "REPUBLIC OF KENYA" is looked up as "Republic Of Kenya"
                    heading.append(line.title() if line.isupper() else line)
            found = [self._lookup(_without_article(line)) for line in heading]
            # the state the heading names first ("Republic of Kenya / Ministry of Interior /
            # State Department for Internal Security"), else the first body it names
            for actor, _code in found:
                if actor is not None and actor.kind is ActorKind.STATE and actor.affiliation:
                    return Resolved(start, end, actor, actor.affiliation, False)
            for actor, code in found:
                if actor is not None and actor.affiliation:
                    return Resolved(start, end, actor, actor.affiliation, False)
                if code:
                    return Resolved(start, end, None, code, False)
        for past in self.history:
            if past.affiliation is not None and not past.person:
                return Resolved(start, end, past.actor, past.affiliation, False)
        return None

    def _placed_nearby(self, result: Resolved, sentence_start: int, sentence_end: int):
        """'… in Russia's Volgograd region, according to the regional governor': a local
        official of the place the same sentence names."""
        for place in self.places:
            if sentence_start <= place.start < sentence_end and getattr(place, "country", None):
                return Resolved(result.start, result.end, None, place.country, result.person)
        return result

    def _lookup(self, phrase: str) -> tuple[Actor | None, str | None]:
        """The dictionary's answer for a phrase, asked once per extractor."""
        if phrase not in self.cache:
            actor = self.actors.resolve(phrase)
            code = None if actor is not None else self.actors.affiliation_of(phrase)
            self.cache[phrase] = (actor, code)
        return self.cache[phrase]

    def _named_nearby(
        self, words: list[str], start: int, end: int, sentence_start: int, sentence_end: int
    ) -> Resolved | None:
        """'OSCE monitors recorded …, the mission said': an actor of the same sentence."""
        if not KIND_WORDS & set(words):
            return None
        for mention in self.mentions:
            near = sentence_start <= mention.start < sentence_end
            own = start <= mention.start < end
            if near and not own and mention.actor.affiliation and _fits(words, mention.actor):
                return Resolved(start, end, mention.actor, mention.actor.affiliation, False)
        return None

    def _opening_body(self, text: str, start: int, end: int, sentence_start: int):
        """'Pakistan's Foreign Office summoned the envoy, a spokesperson said': the body
        whose account opens the sentence is the one its spokesperson speaks for."""
        for mention in self.mentions:
            if not sentence_start <= mention.start < start:
                continue
            lead = text[sentence_start : mention.start].split()
            if len(lead) <= 1 and mention.actor.affiliation and mention.actor.kind in BODY_KINDS:
                return Resolved(start, end, mention.actor, mention.actor.affiliation, True)
            break
        return None

    def _surname(self, words: list[str], start: int, end: int) -> Resolved | None:
        """'Zhao' after "China's foreign ministry spokesperson Zhao Lijian": the person an
        earlier speaker's phrase named, for the same side — also when that phrase
        resolved to the body they speak for (the ministry) rather than to the person."""
        if not words or words[0] in DETERMINERS or words[-1] in NOT_NAMES:
            return None
        for past in reversed(self.history):
            if not past.person or words[-1] not in _past_words(past):
                continue
            if past.actor is None:
                return Resolved(start, end, None, past.affiliation, True)
            if past.actor.kind is ActorKind.PERSON:  # the dictionary's person, by surname
                return Resolved(start, end, past.actor, past.affiliation, True)
            if past.affiliation:
                return Resolved(start, end, None, past.affiliation, True)
        return None

    def _said_before(self, phrase: str, words: list[str], start: int, end: int) -> Resolved | None:
        """A surname, or "the coalition", after the speaker's full phrase: "EU Ambassador to
        Armenia Vassilis Maragos said … Maragos added", "The Arab coalition said … the
        coalition said": the side that phrase was resolved to."""
        key = [w for w in words if w not in TITLE_WORDS and w != "the"]
        surname = len(key) == 1 and phrase.strip().split()[-1][:1].isupper()
        body = len(words) == 2 and words[0] == "the" and key and key[0] in SIDE_NOUNS
        if not (surname or body):
            return None
        for past in reversed(self.history):
            if past.start >= start or past.affiliation is None or not past.words:
                continue
            if surname and past.words[-1] == key[0]:
                return Resolved(start, end, past.actor, past.affiliation, True)
            if body and key[0] in past.words:
                return Resolved(start, end, past.actor, past.affiliation, False)
        return None

    def _refer_back(
        self, words: list[str], start: int, end: int, sentence_start: int
    ) -> Resolved | None:
        pronoun = len(words) == 1 and words[0] in PERSONAL | IMPERSONAL
        if not pronoun and not _generic(words):
            return None
        personal = words[0] in PERSONAL if pronoun else _looks_personal(words)
        same_sentence = [p for p in self.history if p.start >= sentence_start and p.start < start]
        earlier = sorted(
            self.history + [s for s in self.subjects if s.start < sentence_start],
            key=lambda p: p.start,
        )
        if not pronoun:
            same_head = self._same_head(words, start)
            if same_head is not None:  # "Indian army officials said … the army said": them
                return Resolved(start, end, same_head.actor, same_head.affiliation, personal)
            bodies = [] if FITTING.keys() & set(words) else self._bodies_before(start)
            earlier = sorted(
                self.history + self._named_before(words, start) + bodies, key=lambda p: p.start
            )
        for pool in (same_sentence, earlier):
            for past in reversed(pool):
                if pronoun and personal and past.person and _civilian(list(past.words)):
                    return Resolved(start, end, None, None, True)  # "…, a farmer said. He …"
                if past.affiliation is None and past.actor is None:
                    continue
                if pronoun and past.person != personal and pool is not same_sentence:
                    continue
                if not pronoun and not _compatible(words, past):
                    continue
                if not pronoun and past.affiliation is None and STATE_BODIES & set(words):
                    continue  # "an army spokesperson" is not the RSF's: armies are states'
                return Resolved(start, end, past.actor, past.affiliation, personal)
        return None


def _press_release(text: str, start: int) -> bool:
    """Whether the document opens as a press release or a statement of its issuer."""
    return RELEASE.search(text[: min(start, 600)]) is not None


def words_of(phrase: str) -> list[str]:
    return [w.lower() for w in WORD.findall(phrase)]


def _generic(words: list[str]) -> bool:
    """'the ministry', 'its spokesperson', 'Army spokesman …': a description, not a name."""
    if not words:
        return False
    articles = DETERMINERS | INDEFINITE
    bare = len(words) <= 3 and words[-1] in GENERIC_HEADS  # "Foreign ministry this morning:"
    return (
        (words[0] in articles and any(w in GENERIC_HEADS for w in words))
        or words[0] in FITTING
        or bare
    )


def _fits(words: list[str], actor: Actor) -> bool:
    """Strictly: the description names the kind of body the actor is."""
    name = actor.name.lower()
    for word in words:
        kinds = FITTING.get(word)
        if (
            kinds
            and actor.kind in kinds
            and (
                word not in ("ministry", "army") or word in name or actor.kind is ActorKind.MILITARY
            )
        ):
            return True
    return False


def _titled(words: list[str]) -> bool:
    """'Defence Minister Shin Won-sik', 'Deputy Minister Maciej Wąsik': an official named with
    a title; not a private person, not a pronoun or a bare description."""
    if not words or words[0] in DETERMINERS | INDEFINITE | PERSONAL | IMPERSONAL:
        return False
    return bool(TITLES & set(words)) and not _civilian(words) and len(words) >= 3


OFFICIAL_WORDS = frozenset(
    {"official", "officials", "spokesman", "spokeswoman", "spokesperson", "ministry",
     "army", "military", "defence", "defense", "commander", "sources", "government"}
)  # fmt: skip


def _unnamed_official(words: list[str]) -> bool:
    """'a defence official', 'military sources', 'the army': an official voice whose state
    the sentence does not name; in a datelined wire story, the dateline's state (GUIDE.md
    §2: "the army" in a story datelined from Islamabad is PAK). Local officials are not."""
    found = set(words)
    return bool(OFFICIAL_WORDS & found) and "local" not in found and not _civilian(words)


def _civilian(words: list[str]) -> bool:
    """A private person (resident, analyst, farmer, retired officer), not an official: a
    demonym or a town in the phrase does not make them speak for a state. "Military
    analysts" and "a Western diplomat" are no state's voice either."""
    found = set(words)
    retired = "retired" in found or "former" in found
    strong = bool(STRONG_CIVILIAN & found) and not OFFICE_HOLDERS & found
    return bool(CIVILIAN & found) and (retired or strong or not OFFICIAL & found)


def _looks_personal(words: list[str]) -> bool:
    return bool(words) and (words[0] in PERSONAL or any(w in PERSON_HEADS for w in words))


def _compatible(words: list[str], past: Resolved) -> bool:
    """'the ministry' refers back to a ministry, 'the mission' to a mission, and so on."""
    if past.actor is None:
        return True
    kind = past.actor.kind
    if "mission" in words or "observers" in words or "monitors" in words:
        return kind in (ActorKind.MISSION, ActorKind.ORG)
    if any(w in ("ministry", "department", "office") for w in words):
        return kind in (ActorKind.GOVERNMENT, ActorKind.MILITARY, ActorKind.STATE)
    if any(w in ("army", "military", "forces", "command") for w in words):
        return kind in (ActorKind.MILITARY, ActorKind.STATE, ActorKind.GOVERNMENT)
    return True


def _past_words(past: Resolved) -> set[str]:
    return set(past.words)


def _rank(actor: Actor) -> int:
    order = (ActorKind.PERSON, ActorKind.MISSION, ActorKind.MILITARY, ActorKind.GOVERNMENT)
    return len(order) - order.index(actor.kind) if actor.kind in order else 0


def _without_article(phrase: str) -> str:
    """The phrase as the dictionary should see it.

    'An army spokesperson' → 'army spokesperson': an article is never part of a name;
    'the Russian-installed management' → 'the Russian installed management': a demonym
    in a hyphenated compound ("Russian-installed", "Iranian-backed") still names a side.
    """
    first, _, rest = phrase.partition(" ")
    phrase = rest if first.lower() in INDEFINITE and rest else phrase
    return HYPHENATED.sub(r"\1 ", phrase)


HYPHENATED = re.compile(r"\b([A-Z][a-z]+)-(?=[a-z])")


BRIEF = re.compile(r"\s(?:for|to|in|on)\s", re.IGNORECASE)


def _sender(inside: list, phrase: str, start: int) -> list:
    """'the UN envoy for Sudan', 'the US ambassador to Ukraine': the body that sends the
    official speaks, not the country of their brief named after "for"/"to"/"in"."""
    cut = BRIEF.search(phrase)
    if len(inside) < 2 or cut is None:
        return inside
    before = [m for m in inside if m.start < start + cut.start()]
    return before or inside
