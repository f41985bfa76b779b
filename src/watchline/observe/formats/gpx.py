"""GPX patrol files (gpxpy): track points of every track and segment, in file order.

Routes and waypoints carry no driving times, so only `<trk>` points form the track.
Metadata: the track's `<name>` becomes the team unless given, `<type>` the vehicle, and
`<desc>` is kept as notes; the document's `<name>` is kept as the track's name.

gpxpy leaves a time it cannot read as None (the importer then refuses the point) and
keeps offsets of a day or more; XML errors, NUL bytes and absurd nesting are FormatErrors.
"""

from __future__ import annotations

import math

import gpxpy
import gpxpy.gpx

from watchline.observe.formats import FormatError, PointError, RawPoint, RawTrack, clip

META_CHARS = 200


def read_gpx(data: bytes) -> RawTrack:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 text at byte {exc.start}") from None
    if "\x00" in text:
        raise FormatError(f"a NUL byte at character {text.index(chr(0))}; this is not XML")
    try:
        doc = gpxpy.parse(text)
    except gpxpy.gpx.GPXException as exc:
        raise FormatError(clip(str(exc).splitlines()[0] if str(exc) else "XML error")) from None
    track = RawTrack()
    for trk in doc.tracks:
        for segment in trk.segments:
            for p in segment.points:
                if not (math.isfinite(p.latitude) and math.isfinite(p.longitude)):
                    item = len(track.points) + 1
                    raise PointError(item, f"lat {p.latitude} / lon {p.longitude} are not finite")
                track.points.append(RawPoint(p.longitude, p.latitude, p.time))
    first = doc.tracks[0] if doc.tracks else None
    for key, value in (
        ("team", first.name if first else None),
        ("vehicle", first.type if first else None),
        ("notes", first.description if first else None),
        ("name", doc.name),
    ):
        if value and value.strip():
            track.meta[key] = value.strip()[:META_CHARS]
    return track
