"""Statements introduced by a colon: "Podolyak on Wednesday: Russia is the only cause of
any escalation." Telegram channels, live blogs and news tickers report speech this way,
with no verb at all; the name before the colon is the speaker, the rest of the line is
what they said.

Only a short lead that names an actor (or describes one: "Foreign ministry this
morning:") counts, so headings ("KURSK REGION: MORNING SUMMARY"), labels ("Update:")
and lists are left alone; nor does a colon inside a statement already found.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from watchline.domain import Act
from watchline.extract.attribution.cues import Attribution
from watchline.extract.attribution.spans import trim

# A line (or a bullet) that opens with a short lead and a colon.
LEAD = re.compile(
    r"(?m)(?:^[^\w\n“\"‘«]*|(?<=[.!?] ))(?P<lead>[^\n:;.!?“\"«]{2,70}?)\s*:\s+(?P<rest>[^\n]{15,})$"
)
BODY_WORDS = {
    "ministry", "spokesperson", "spokesman", "spokeswoman", "minister", "president", "army",
    "military", "government", "office", "command", "service", "staff", "kremlin", "embassy",
    "mission", "governor", "mayor", "commander", "headquarters",
}  # fmt: skip
MAX_LEAD_WORDS = 8


def colon_statements(doc: Doc, mentions: list, attrs: list[Attribution]) -> list[Attribution]:
    """One statement for each "<speaker>: <what they said>" line no cue has claimed."""
    text = doc.user_data.get("watchline_text") or doc.text
    found: list[Attribution] = []
    for match in LEAD.finditer(text):
        lead_start, lead_end = match.span("lead")
        lead = match.group("lead")
        if len(lead.split()) > MAX_LEAD_WORDS or lead.isupper():
            continue  # a heading, not a speaker
        named = [m for m in mentions if lead_start <= m.start and m.end <= lead_end]
        words = {w.lower() for w in re.findall(r"\w+", lead)}
        if not named and not BODY_WORDS & words:
            continue
        content = trim(text, *match.span("rest"))
        if any(_overlaps(content, a.content) or _overlaps(content, a.cue) for a in attrs):
            continue
        speaker_end = max((m.end for m in named), default=lead_end)
        if not named:
            speaker_end = _body_end(lead, lead_start)
        colon = text.index(":", lead_end)
        span = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if span is None:
            continue
        found.append(
            Attribution(
                cue=(colon, colon + 1),
                lemma="say",
                act=Act.ASSERT,
                content=_without_final_stop(text, content),
                speaker=(lead_start, speaker_end),
                frame="colon",
                sentence=span[0].sent,
                confidence=0.6,
            )
        )
    return found


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _body_end(lead: str, lead_start: int) -> int:
    """'Foreign ministry this morning': the description ends with its last body word."""
    end = len(lead)
    for word in re.finditer(r"\w+", lead):
        if word.group(0).lower() in BODY_WORDS:
            end = word.end()
    return lead_start + end


def _without_final_stop(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while end > start and text[end - 1] in ".!?… ":
        end -= 1
    return start, end
