"""Every table of Watchline; importing this package registers them with the metadata."""

from watchline.store.tables.accounts import ApiTokenRow, UserRow, WebSessionRow
from watchline.store.tables.audit import AuditEntryRow
from watchline.store.tables.case_summaries import CaseSummaryRow
from watchline.store.tables.cases import CaseClaimRow, CaseRow, ClaimResponseRow, VerdictRow
from watchline.store.tables.claims import ClaimRow
from watchline.store.tables.digests import DigestRow
from watchline.store.tables.documents import DocumentRow, HttpCacheRow, SourceRow
from watchline.store.tables.extractions import ExtractionRow
from watchline.store.tables.gazetteer import GazetteerNameRow, GazetteerPlaceRow
from watchline.store.tables.patrols import ObservationRow, PatrolRow, PhotoRow
from watchline.store.tables.publications import PublicationRow
from watchline.store.tables.review import (
    CaseDecisionRow,
    CaseEventRow,
    CaseReviewRow,
    ClaimCorrectionRow,
)

__all__ = [
    "ApiTokenRow",
    "AuditEntryRow",
    "CaseClaimRow",
    "CaseDecisionRow",
    "CaseEventRow",
    "CaseReviewRow",
    "CaseRow",
    "CaseSummaryRow",
    "ClaimCorrectionRow",
    "ClaimResponseRow",
    "ClaimRow",
    "DigestRow",
    "DocumentRow",
    "ExtractionRow",
    "GazetteerNameRow",
    "GazetteerPlaceRow",
    "HttpCacheRow",
    "ObservationRow",
    "PatrolRow",
    "PhotoRow",
    "PublicationRow",
    "SourceRow",
    "UserRow",
    "VerdictRow",
    "WebSessionRow",
]
