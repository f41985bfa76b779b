"""Every table of Watchline; importing this package registers them with the metadata."""

from watchline.store.tables.claims import ClaimRow
from watchline.store.tables.documents import DocumentRow, SourceRow

__all__ = ["ClaimRow", "DocumentRow", "SourceRow"]
