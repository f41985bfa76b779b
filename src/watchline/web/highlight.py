"""Split a document's text into plain and claim-content segments for highlighting."""

from __future__ import annotations

from collections.abc import Sequence

from watchline.domain import Claim


def highlighted(text: str, claims: Sequence[Claim]) -> list[tuple[str, str | None]]:
    """(text, claim id or None) pieces; overlapping contents keep the earlier claim."""
    pieces: list[tuple[str, str | None]] = []
    cursor = 0
    for claim in sorted(claims, key=lambda c: (c.content.start, c.content.end)):
        start, end = max(claim.content.start, cursor), claim.content.end
        if end <= start or end > len(text):
            continue
        if start > cursor:
            pieces.append((text[cursor:start], None))
        pieces.append((text[start:end], claim.id))
        cursor = end
    if cursor < len(text):
        pieces.append((text[cursor:], None))
    return pieces
