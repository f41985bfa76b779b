"""Embedded social-media posts: "— Name (@handle) March 31, 2024" signs the text above it.

News sites paste X posts as the post's text followed by a signature line. The post is a
statement of its author, made on the signature's date, whatever cue words it contains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil import parser as dateparser

SIGNATURE = re.compile(
    r"^[ \t]*[—–-]{1,2}[ \t]*(?P<name>[^\n()]{1,80}?)[ \t]*\((?P<handle>@\w{1,30})\)"
    r"[ \t]*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})?[ \t]*$",
    re.MULTILINE,
)
TRAILING_LINKS = re.compile(r"(?:\s*(?:https?://\S+|pic\.twitter\.com/\S+))+\s*$")


@dataclass(frozen=True)
class Post:
    """An embedded post: its text span, its author's span and the signature's date."""

    start: int
    end: int
    author: tuple[int, int]
    posted_on: date | None

    def holds(self, position: int) -> bool:
        return self.start <= position < self.end


def find_posts(text: str) -> list[Post]:
    """Every signed post; its text is the paragraph right above the signature."""
    posts = []
    for match in SIGNATURE.finditer(text):
        line_start = match.start()
        end = text.rfind("\n", 0, line_start)
        if end <= 0:
            continue
        start = text.rfind("\n", 0, end) + 1
        body = text[start:end]
        links = TRAILING_LINKS.search(body)
        if links:
            end = start + links.start()
        if end - start < 3:
            continue
        author = (match.start("name"), match.end("handle") + 1)
        posts.append(Post(start, end, author, _date(match.group("date"))))
    return posts


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return dateparser.parse(value).date()
    except (ValueError, OverflowError):
        return None
