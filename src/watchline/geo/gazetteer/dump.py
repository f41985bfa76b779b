"""Read GeoNames dump files (allCountries.txt, XX.txt, or a .zip holding one).

The dump is tab-separated, one place a line, 19 columns (geonameid, name, asciiname,
alternatenames, latitude, longitude, feature class, feature code, country code, cc2,
admin1-4, population, elevation, dem, timezone, modification date). A bad line is
reported with its number and skipped; the rest is read. Files are streamed, so the
27-million-line allCountries.txt needs no more memory than one batch.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from watchline.domain import Place, Precision
from watchline.errors import Errors, InputError
from watchline.geo.gazetteer.index import alpha3

COLUMNS = 19
CITY_FROM = 10_000
PRECISION_BY_CLASS = {"A": Precision.REGION, "S": Precision.POINT, "T": Precision.POINT}


@dataclass
class DumpReport:
    """What reading a dump found: places, and one message per skipped line."""

    places: list[Place] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lines: int = 0


@contextmanager
def open_dump(path: Path) -> Iterator[IO[str]]:
    """The text stream of a dump, inside its zip when it is zipped."""
    if not path.is_file():
        raise InputError(Errors.E001, path=path, reason="no such file")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n]
            if not names:
                raise InputError(Errors.E122, path=path, reason="the zip holds no .txt dump")
            with archive.open(names[0]) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8", errors="strict")
        return
    with path.open(encoding="utf-8", errors="strict") as handle:
        yield handle


def iter_dump(
    path: Path, on_error: Callable[[str], None] | None = None
) -> Iterator[tuple[int, Place]]:
    """(line number, place) for every good line; bad lines go to `on_error`."""
    codes = alpha3()
    with open_dump(path) as handle:
        number = 0
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip() or line.startswith("#"):
                    continue
                try:
                    yield number, parse_line(line, codes)
                except ValueError as exc:
                    if on_error is not None:
                        on_error(Errors.E121.format(path=path, line=number, reason=exc))
        except UnicodeDecodeError as exc:
            raise InputError(Errors.E003, path=path, offset=exc.start) from exc
        if number == 0:
            raise InputError(Errors.E002, path=path)


def read_dump(path: Path) -> DumpReport:
    """A whole dump in memory (for country files; import allCountries instead)."""
    report = DumpReport()
    for number, place in iter_dump(path, report.errors.append):
        report.places.append(place)
        report.lines = number
    return report


def parse_line(line: str, codes: dict[str, str]) -> Place:
    """One dump line as a Place, or ValueError saying what is wrong with it."""
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) != COLUMNS:
        raise ValueError(f"expected {COLUMNS} tab-separated columns, found {len(cols)}")
    try:
        geonames_id = int(cols[0])
    except ValueError:
        raise ValueError(f"geonameid {cols[0]!r} is not a number") from None
    lat, lon = _coordinate(cols[4], "latitude", 90), _coordinate(cols[5], "longitude", 180)
    if not cols[1].strip():
        raise ValueError("the name is empty")
    population = int(cols[14]) if cols[14].strip().isdigit() else 0
    feature_class, feature_code = cols[6].strip(), cols[7].strip()
    alt = {cols[2], *(a for a in cols[3].split(",") if a)} - {cols[1], ""}
    return Place(
        id=f"geonames:{geonames_id}",
        name=cols[1],
        lat=lat,
        lon=lon,
        precision=_precision(feature_class, feature_code, population),
        country=codes.get(cols[8].strip(), cols[8].strip() or None),
        feature_kind=f"{feature_class}.{feature_code}" if feature_class else None,
        alt_names=tuple(sorted(a for a in alt if not a.isdigit())),
        geonames_id=geonames_id,
        population=population,
    )


def _coordinate(value: str, what: str, limit: float) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{what} {value!r} is not a number") from None
    if not -limit <= number <= limit:
        raise ValueError(f"{what} {number} is out of range")
    return number


def _precision(feature_class: str, feature_code: str, population: int) -> Precision:
    if feature_code.startswith("PCL"):
        return Precision.COUNTRY
    if feature_class == "P":
        return Precision.CITY if population >= CITY_FROM else Precision.VILLAGE
    return PRECISION_BY_CLASS.get(feature_class, Precision.POINT)
