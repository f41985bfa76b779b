"""JSON answers written by orjson: the lists and map layers are thousands of values.

Starlette's `JSONResponse` goes through the standard library's encoder, which costs a
few microseconds a value in Python (3 ms of a 0.5° map view's properties); orjson
writes the same compact UTF-8 JSON in C. Values must be plain JSON types (dates already
as ISO strings), as the routes that use it build them.
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import JSONResponse


class FastJSONResponse(JSONResponse):
    """`JSONResponse` with orjson's encoder (same bytes for plain values, minus spaces
    Starlette does not write either)."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def dumps(value: Any) -> str:
    """One value as JSON text (for bodies assembled from pieces, like GeoJSON layers)."""
    return orjson.dumps(value).decode()
