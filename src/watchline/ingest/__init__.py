"""Ingest: every source format a mission follows, read into immutable Documents.

One module per format (text, html, feeds, urls, telegram, x, jsonl), each returning
Documents; `ingest()` runs them over paths and URLs and stores the result without
duplicates. See docs/ingest.md.
"""

from watchline.ingest.fetch import Fetcher, FetchOptions
from watchline.ingest.formats import FORMATS
from watchline.ingest.report import IngestReport, Notice, Rejection
from watchline.ingest.runner import ingest

__all__ = ["FORMATS", "FetchOptions", "Fetcher", "IngestReport", "Notice", "Rejection", "ingest"]
