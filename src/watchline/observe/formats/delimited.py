"""CSV patrol files: one row per track point, with flexible column names.

Columns are matched case-insensitively: latitude (`lat`, `latitude`, `y`), longitude
(`lon`, `lng`, `long`, `longitude`, `x`) and time (`time`, `timestamp`, `datetime`,
`date_time`, `time_utc`, `utc`). Optional `team`, `base`, `vehicle` and `visibility_m`
columns give patrol metadata (first non-empty value). Comma, semicolon and tab
delimiters are detected. Old Mac exports end lines with a bare CR; those are read as
line ends. A field beyond the csv module's limit (128 KiB) or a NUL byte refuses the
file with the row it is on.
"""

from __future__ import annotations

import csv
import io
import math

from watchline.observe.formats import FormatError, PointError, RawPoint, RawTrack, short
from watchline.observe.times import parse_time

COLUMNS = {
    "lat": ("lat", "latitude", "y"),
    "lon": ("lon", "lng", "long", "longitude", "x"),
    "time": ("time", "timestamp", "datetime", "date_time", "time_utc", "utc"),
}
META = ("team", "base", "vehicle", "visibility_m")
META_CHARS = 200


class MissingColumn(FormatError):
    def __init__(self, column: str, found: list[str]) -> None:
        super().__init__(f"no {column} column")
        self.column = column
        self.found = [short(name, 30) if len(name) > 28 else name for name in found[:20]]
        self.accepted = " or ".join(COLUMNS[column])


def normalise_newlines(text: str) -> str:
    """CRLF and bare CR line ends as LF, so CR-only files have rows at all."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sniff_rows(text: str) -> list[dict[str, str]]:
    """Rows of a delimited text as dicts with lower-cased, stripped header names.

    FormatError (naming the row) when the csv module cannot read a row."""
    text = normalise_newlines(text)
    if "\x00" in text:
        row = text[: text.index("\x00")].count("\n")
        raise FormatError(f"row {row}: a NUL byte; this is not a text table")
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise FormatError(f"row {max(reader.line_num - 1, 1)}: {exc}") from None
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    return [dict(zip(header, (v.strip() for v in row), strict=False)) for row in rows[1:] if row]


def find_column(header: list[str], column: str) -> str | None:
    return next((name for name in COLUMNS[column] if name in header), None)


def read_csv(data: bytes) -> RawTrack:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 text at byte {exc.start}") from None
    rows = sniff_rows(text)
    first_line = normalise_newlines(text).split("\n", 1)[0]
    header = list(rows[0]) if rows else [h.strip().lower() for h in first_line.split(",")]
    if "type" in header and "modality" in header:
        raise FormatError(
            "it looks like a findings file (type and modality columns); "
            "import it with 'watchline observations import'"
        )
    names: dict[str, str] = {}
    for column in ("lat", "lon"):
        name = find_column(header, column)
        if name is None:
            raise MissingColumn(column, header)
        names[column] = name
    time_name = find_column(header, "time")
    track = RawTrack()
    for i, row in enumerate(rows, start=1):
        track.points.append(_point(row, names["lon"], names["lat"], time_name, i))
        for key in META:
            if row.get(key) and key not in track.meta:
                track.meta[key] = row[key][:META_CHARS]
    return track


def _point(row: dict[str, str], lon: str, lat: str, time: str | None, item: int) -> RawPoint:
    try:
        x, y = float(row.get(lon) or ""), float(row.get(lat) or "")
    except ValueError:
        x = y = math.nan
    if not (math.isfinite(x) and math.isfinite(y)):
        raise PointError(
            item,
            f"lat {short(row.get(lat))} / lon {short(row.get(lon))} are not finite numbers",
        )
    value = (row.get(time) or "") if time else ""
    if not value:
        return RawPoint(x, y, None)
    try:
        return RawPoint(x, y, parse_time(value))
    except ValueError as exc:
        raise PointError(item, str(exc)) from None
