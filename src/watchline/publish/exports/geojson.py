"""One RFC 7946 GeoJSON FeatureCollection with every layer; each feature's `layer`
property names its layer (patrols, observations, case_areas, claim_places).

One file rather than one per layer, so an export is always a single file that can be
signed and moved as one; QGIS splits a mixed file into one sub-layer per geometry type,
and "Filter… layer = 'patrols'" picks a layer out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from shapely.geometry import mapping

from watchline.publish.exports.data import ExportData
from watchline.publish.exports.layers import Layer, layers


def feature_collection(every: list[Layer]) -> dict[str, Any]:
    features = []
    for layer in every:
        for geometry, properties in layer.features:
            features.append(
                {
                    "type": "Feature",
                    "geometry": mapping(geometry),
                    "properties": {"layer": layer.name, **properties},
                }
            )
    return {"type": "FeatureCollection", "features": features}


def write(data: ExportData, path: Path) -> dict[str, int]:
    every = layers(data)
    collection = feature_collection(every)
    with open(path, "w", encoding="utf-8") as out:
        json.dump(collection, out, ensure_ascii=False)
        out.write("\n")
    return {layer.name: len(layer.features) for layer in every}
