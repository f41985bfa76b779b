"""A GeoPackage with the layers patrols, observations, case_areas and claim_places.

Written with `pyogrio` (GDAL inside its wheel, so nothing else to install), through its
raw API: geometries as WKB from Shapely, attributes as NumPy columns — no GeoPandas.
Every layer is created, empty or not, with its columns and EPSG:4326, so QGIS shows the
same four layers for any selection.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely

from watchline.publish.exports.data import ExportData
from watchline.publish.exports.layers import Layer, layers


def _columns(layer: Layer) -> tuple[list[np.ndarray], list[np.ndarray | None]]:
    """One array per field and a null mask for the numeric ones."""
    columns: list[np.ndarray] = []
    masks: list[np.ndarray | None] = []
    for name, kind in layer.fields:
        values = [props.get(name) for _, props in layer.features]
        missing = np.array([v is None for v in values], dtype=bool)
        if kind is str:
            columns.append(np.array([None if v is None else str(v) for v in values], dtype=object))
            masks.append(None)
        else:
            dtype = np.int64 if kind is int else np.float64
            filled = [0 if v is None else v for v in values]
            columns.append(np.array(filled, dtype=dtype))
            masks.append(missing)
    return columns, masks


def write_layer(path: Path, layer: Layer) -> int:
    from pyogrio.raw import write as ogr_write  # GDAL loads only when writing

    shapes = np.array([g for g, _ in layer.features], dtype=object)
    geometry = shapely.to_wkb(shapes) if len(shapes) else np.array([], dtype=object)
    columns, masks = _columns(layer)
    ogr_write(
        str(path),
        geometry,
        columns,
        [name for name, _ in layer.fields],
        field_mask=masks,
        layer=layer.name,
        driver="GPKG",
        geometry_type=layer.geometry_type,
        crs="EPSG:4326",
        promote_to_multi=layer.geometry_type.startswith("Multi"),
    )
    return len(layer.features)


def write(data: ExportData, path: Path) -> dict[str, int]:
    return {layer.name: write_layer(path, layer) for layer in layers(data)}
