"""Every table of Watchline; importing this package registers them with the metadata."""

from watchline.store.tables.claims import ClaimRow
from watchline.store.tables.documents import DocumentRow, SourceRow
from watchline.store.tables.extractions import ExtractionRow

__all__ = ["ClaimRow", "DocumentRow", "ExtractionRow", "SourceRow"]
