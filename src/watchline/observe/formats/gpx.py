"""GPX patrol files (gpxpy): track points of every track and segment, in file order.

Routes and waypoints carry no driving times, so only `<trk>` points form the track.
Metadata: the track's `<name>` becomes the team unless given, `<type>` the vehicle, and
`<desc>` is kept as notes.
"""

from __future__ import annotations

import gpxpy
import gpxpy.gpx

from watchline.observe.formats import FormatError, RawPoint, RawTrack


def read_gpx(data: bytes) -> RawTrack:
    try:
        doc = gpxpy.parse(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 text at byte {exc.start}") from None
    except gpxpy.gpx.GPXException as exc:
        raise FormatError(str(exc).splitlines()[0]) from None
    track = RawTrack()
    for trk in doc.tracks:
        for segment in trk.segments:
            track.points += [RawPoint(p.longitude, p.latitude, p.time) for p in segment.points]
    first = doc.tracks[0] if doc.tracks else None
    for key, value in (
        ("team", first.name if first else None),
        ("vehicle", first.type if first else None),
        ("notes", first.description if first else None),
        ("name", doc.name),
    ):
        if value:
            track.meta[key] = value.strip()
    return track
