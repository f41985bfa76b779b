"""Generated hostile files for every patrol and findings format (hypothesis).

Each example mutates a good file (hostile tokens spliced in, slices cut, the end
truncated) or generates a JSON document of the right shape with wrong members. The
property: reading never raises anything but a coded InputError for the file or a
ValueError for a row (which the importers turn into one coded line), and no message
quotes more than a short excerpt.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from watchline.errors import WatchlineError
from watchline.geo.theatre import load_theatre
from watchline.observe.findings import build_observation, entry_time
from watchline.observe.findings_import import read_items, to_entry
from watchline.observe.patrols import read_patrol
from watchline.observe.validate import PatrolMeta

FIXTURES = Path(__file__).parents[1] / "fixtures" / "observe" / "patrols"
THEATRE = load_theatre("arm-aze")
MAX_MESSAGE = 600
EXAMPLES = int(os.environ.get("WATCHLINE_FUZZ_EXAMPLES", "60"))  # more for a long run
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TOKENS = [
    "NaN", "Infinity", "-Infinity", "1e309", "-1e400", "\x00", "\r", "\r\n", '"', "'",
    "[[[[[[", "]]]", "{", "}", "null", "true", "[]", "{}", ",", ";", "\t", "+25:00",
    "-24:00", "99999999999999999999", "0001-01-01T00:00", "9999-12-31T23:59:59-12:00",
    "<trkpt lat=\"nan\" lon=\"inf\">", "xmlns:a=\"ur\x00n\"", "<!DOCTYPE x>", "&amp;",
    "\ufeff", "é", "\U0001f600", "x" * 5000, "<time>" + "9" * 300 + "</time>",
]  # fmt: skip

BASES = {
    "gpx": (FIXTURES / "jermuk.gpx").read_bytes(),
    "geojson": (FIXTURES / "goris.geojson").read_bytes(),
    "csv": (FIXTURES / "ijevan.csv").read_bytes(),
}
FINDINGS_CSV = (
    b"type,time,patrol,team,date,lat,lon,area,bearing,distance_m,count,notes\n"
    b"nothing_unusual,2024-03-31T09:10,jermuk.gpx,,,39.88,45.80,,,,,all quiet\n"
    b"exercise,2024-03-31T09:40,,Team Jermuk 2,2024-03-31,,,,20,300,4,convoy drill\n"
)


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "cut", "replace", "truncate", "byte"]))
        token = draw(st.sampled_from(TOKENS)).encode("utf-8", "surrogatepass")
        if kind == "insert":
            data[at:at] = token
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 40))]
        elif kind == "replace":
            data[at : at + len(token)] = token
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = bytes([draw(st.integers(0, 255))])
    return bytes(data)


JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["2024-03-31T05:00:00Z", "Point", "LineString", "FeatureCollection"]),
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
MEMBERS = st.sampled_from(
    ["type", "features", "geometry", "properties", "coordinates", "coordTimes", "time",
     "team", "visibility_m", "patrol", "lat", "lon", "count", "modality", "area"]
)  # fmt: skip


@st.composite
def geojson_shaped(draw: st.DrawFn) -> bytes:
    """A FeatureCollection whose members are mostly right, some of the wrong type."""
    feature: dict[str, Any] = {
        "type": "Feature",
        "geometry": {"type": draw(st.sampled_from(["Point", "LineString", "MultiLineString"]))},
        "properties": {},
    }
    for _ in range(draw(st.integers(1, 6))):
        parts = (feature, feature.get("geometry"), feature.get("properties"))
        target = draw(st.sampled_from([p for p in parts if isinstance(p, dict)]))
        target[draw(MEMBERS)] = draw(JSON_VALUES)
    doc = {"type": "FeatureCollection", "features": [feature, draw(JSON_VALUES)]}
    return json.dumps(doc).encode()


def _check_message(exc: WatchlineError) -> None:
    assert exc.message[:1] == "E" and "\n" not in exc.message, exc.message[:200]
    assert len(exc.message) < MAX_MESSAGE, exc.message[:200]


def _read_patrol_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            read_patrol(path, PatrolMeta(), THEATRE)
        except WatchlineError as exc:
            _check_message(exc)


@FUZZ
@given(mutated(BASES["gpx"]))
def test_fuzz_gpx(data: bytes) -> None:
    _read_patrol_bytes(data, ".gpx")


@FUZZ
@given(st.one_of(mutated(BASES["geojson"]), geojson_shaped()))
def test_fuzz_geojson(data: bytes) -> None:
    _read_patrol_bytes(data, ".geojson")


@FUZZ
@given(mutated(BASES["csv"]))
def test_fuzz_csv(data: bytes) -> None:
    _read_patrol_bytes(data, ".csv")


def _read_findings(data: bytes, suffix: str) -> None:
    """The pure half of a findings import: every row gives an entry or a ValueError."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"findings{suffix}"
        path.write_bytes(data)
        try:
            items = read_items(path)
        except WatchlineError as exc:
            _check_message(exc)
            return
        for _, item in items:
            if isinstance(item, str):
                assert len(item) < MAX_MESSAGE
                continue
            try:
                entry = to_entry(item, path.parent)
                when = entry_time(entry, THEATRE, [])
                build_observation(entry, THEATRE, [], None, when)
            except ValueError as exc:
                assert len(str(exc)) < MAX_MESSAGE, str(exc)[:200]


@FUZZ
@given(mutated(FINDINGS_CSV))
def test_fuzz_findings_csv(data: bytes) -> None:
    _read_findings(data, ".csv")


@FUZZ
@given(geojson_shaped())
def test_fuzz_findings_geojson(data: bytes) -> None:
    _read_findings(data, ".geojson")
