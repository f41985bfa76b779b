"""Long documents: parse them in pieces at paragraph breaks, then join the claims.

spaCy refuses texts over `nlp.max_length` (1,000,000 characters) and its parser needs
memory in proportion to the text, so a long archive page is cut at line breaks into
pieces of at most `MAX_CHARS`; each piece's claims are shifted back to document indices
and numbered again in text order.
"""

from __future__ import annotations

from dataclasses import replace

from watchline.domain import Claim, Span, Speaker

MAX_CHARS = 100_000


def pieces(text: str, limit: int = MAX_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering `text`, cut at a line break (or a space) near `limit`."""
    found: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start + limit // 2, start + limit)
        if cut < 0:
            cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut + 1 if cut >= 0 else start + limit
        found.append((start, text[start:cut]))
        start = cut
    found.append((start, text[start:]))
    return found


def joined(parts: list[tuple[int, list[Claim]]]) -> list[Claim]:
    """The claims of all pieces, in document indices, with ids c1, c2, … again."""
    out: list[Claim] = []
    for offset, claims in parts:
        renamed = {c.id: f"c{len(out) + k + 1}" for k, c in enumerate(claims)}
        out += [_shifted(c, offset, renamed) for c in claims]
    return out


def _shifted(claim: Claim, offset: int, renamed: dict[str, str]) -> Claim:
    speaker = claim.speaker
    event = claim.event
    places = tuple(replace(p, start=p.start + offset, end=p.end + offset) for p in event.places)
    return replace(
        claim,
        id=renamed[claim.id],
        speaker=Speaker(
            speaker.text,
            speaker.start + offset,
            speaker.end + offset,
            speaker.actor_id,
            speaker.affiliation,
        ),
        cue=Span(claim.cue.text, claim.cue.start + offset, claim.cue.end + offset),
        content=Span(claim.content.text, claim.content.start + offset, claim.content.end + offset),
        event=replace(event, places=places),
        responds_to=renamed.get(claim.responds_to) if claim.responds_to else None,
    )
