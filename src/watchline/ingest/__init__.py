"""Ingest: every source format a mission follows, read into immutable Documents.

One module per format (text, html, feeds, urls, telegram, x, jsonl), each returning
Documents; `ingest()` runs them over paths and URLs and stores the result without
duplicates. See docs/ingest.md.

The names below are imported on first use (PEP 562): the readers pull in HTML
extraction and HTTP libraries, and a command that only needs `FORMATS` for its help
text should not wait for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from watchline.ingest.names import FORMATS

if TYPE_CHECKING:
    from watchline.ingest.fetch import Fetcher, FetchOptions
    from watchline.ingest.report import IngestReport, Notice, Rejection
    from watchline.ingest.runner import ingest

_LAZY = {
    "Fetcher": "watchline.ingest.fetch",
    "FetchOptions": "watchline.ingest.fetch",
    "IngestReport": "watchline.ingest.report",
    "Notice": "watchline.ingest.report",
    "Rejection": "watchline.ingest.report",
    "ingest": "watchline.ingest.runner",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'watchline.ingest' has no attribute {name!r}")


__all__ = ["FORMATS", "FetchOptions", "Fetcher", "IngestReport", "Notice", "Rejection", "ingest"]
