"""Exports in the formats the field reads: ClaimReview, ACLED-style CSV, GeoJSON,
GeoPackage and PLOVER-style events.

One small module per format, each with `write(data, path) -> counts`; `writer(name)`
imports only the one asked for, so `watchline --help` never pays for GDAL. The command
line and the demo go through `watchline.services.exports`, which selects the data with
the same case query the API and `watchline cases` use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from watchline.errors import Errors, InputError

if TYPE_CHECKING:
    from watchline.publish.exports.data import ExportData

Counts = dict[str, int]
Writer = Callable[["ExportData", Path], Counts]

FORMATS: dict[str, str] = {
    "claimreview": "schema.org ClaimReview JSON-LD of the cases' verdicts",
    "acled": "CSV of claims with ACLED-style columns",
    "geojson": "RFC 7946 GeoJSON FeatureCollection of every layer",
    "gpkg": "GeoPackage with layers patrols, observations, case_areas, claim_places",
    "plover": "PLOVER-style JSON events, one per claim",
}


def writer(name: str) -> Writer:
    """The `write` function of format `name`; E830 (listing the formats) otherwise."""
    if name not in FORMATS:
        raise InputError(Errors.E830, value=name, options=", ".join(FORMATS))
    module = importlib.import_module(f"watchline.publish.exports.{name}")
    write: Writer = module.write
    return write


__all__ = ["FORMATS", "Counts", "Writer", "writer"]
