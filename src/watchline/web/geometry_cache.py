"""Map geometries as GeoJSON text, simplified for a zoom, remembered by their content.

A map view of cases parses ~400 WKT areas, simplifies them and writes them as GeoJSON:
about half of what the view costs, and the same work on every view, because a case's
area only changes when the case is re-linked. The cache is keyed by the zoom and a
digest of the WKT text itself, so a changed geometry is a different key and can never
be answered from an old one; status, title and the other properties are read on every
request, never cached. At most `SIZE` geometries are kept, least recently used out.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence

SIZE = 20_000


class GeometryCache:
    """(zoom, digest of WKT) -> GeoJSON geometry text (None for a WKT GEOS cannot read)."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._kept: OrderedDict[tuple[float, bytes], str | None] = OrderedDict()
        self._lock = threading.Lock()

    def geojson(self, wkts: Sequence[str], tolerance: float) -> list[str | None]:
        """Each WKT as GeoJSON, simplified by `tolerance` degrees (topology kept)."""
        keys = [(tolerance, hashlib.blake2b(w.encode(), digest_size=16).digest()) for w in wkts]
        with self._lock:
            found = [self._kept.get(k, "") for k in keys]
        missing = [i for i, g in enumerate(found) if g == ""]
        if missing:
            made = _simplified([wkts[i] for i in missing], tolerance)
            with self._lock:
                for i, geometry in zip(missing, made, strict=True):
                    found[i] = self._kept[keys[i]] = geometry
                while len(self._kept) > self.size:
                    self._kept.popitem(last=False)
        with self._lock:
            for key in keys:
                if key in self._kept:
                    self._kept.move_to_end(key)
        return found


def _simplified(wkts: list[str], tolerance: float) -> list[str | None]:
    """One vectorised shapely call: parse, simplify, write (GEOS walks the coordinates)."""
    import shapely

    shapes = shapely.from_wkt(wkts, on_invalid="ignore")  # a damaged WKT: null geometry
    shapes = shapely.simplify(shapes, tolerance, preserve_topology=True)
    return list(shapely.to_geojson(shapes))  # None stays None
