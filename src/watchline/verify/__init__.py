"""Verify: set each case against the patrols that covered its place and time.

Pure functions over domain objects and shapely; the caller computes coverage.
"""

from watchline.verify.area import CaseArea, observable_area
from watchline.verify.evidence import CaseEvidence
from watchline.verify.policy import DEFAULT_POLICY, OBSERVABLE, VerifyPolicy
from watchline.verify.verdicts import status_of, sufficient, verify_case

__all__ = [
    "DEFAULT_POLICY",
    "OBSERVABLE",
    "CaseArea",
    "CaseEvidence",
    "VerifyPolicy",
    "observable_area",
    "status_of",
    "sufficient",
    "verify_case",
]
