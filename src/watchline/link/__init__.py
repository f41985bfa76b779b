"""Link: claims → cases; denials, confirmations, repetitions and copies.

Pure functions over domain objects (`watchline.domain`) and shapely; no storage.
"""

from watchline.link.cases import case_id_for, link_claims
from watchline.link.model import (
    Linkage,
    LinkOptions,
    Membership,
    Response,
    ResponseKind,
    Role,
    is_against,
    party,
)
from watchline.link.theatres import TheatreChooser, link_theatres, theatres_with

__all__ = [
    "LinkOptions",
    "Linkage",
    "Membership",
    "Response",
    "ResponseKind",
    "Role",
    "TheatreChooser",
    "case_id_for",
    "is_against",
    "link_claims",
    "link_theatres",
    "party",
    "theatres_with",
]
