"""The exact text of each message in a Telegram export, and rescue of truncated ones.

Each message is kept as evidence in its original bytes, cut out of `result.json`, so
its sha256 can be checked against the export itself. The message lists are found by
their key: an unescaped `"messages": [` cannot occur inside a JSON string, so every
match is a real list, and its items are read one by one with the JSON decoder.

A download cut short leaves a `result.json` whose end is missing; in a single-chat
export the chat's header (id, name, type) comes before `messages`, so every message up
to the cut can still be read, and the caller reports the rest as lost.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

HEADER_FIELDS = {
    "id": re.compile(r'"id"\s*:\s*(-?\d+)'),
    "name": re.compile(r'"name"\s*:\s*("(?:[^"\\]|\\.)*")'),
    "type": re.compile(r'"type"\s*:\s*("(?:[^"\\]|\\.)*")'),
}
MESSAGES = re.compile(r'"messages"\s*:\s*\[')
SEPARATORS = " \t\r\n,"


@dataclass
class Scanned:
    """One message list as read: the messages, their exact text, where reading stopped."""

    start: int
    messages: list[Any] = field(default_factory=list)
    raws: list[str] = field(default_factory=list)
    failure: str | None = None


def scan_list(text: str, start: int, decoder: json.JSONDecoder) -> tuple[Scanned, int]:
    """Read the message list opening at `start`; returns it and where it ended."""
    scanned = Scanned(start)
    position = start
    while True:
        while position < len(text) and text[position] in SEPARATORS:
            position += 1
        if position >= len(text):
            scanned.failure = "the file ends inside the message list"
            return scanned, position
        if text[position] == "]":
            return scanned, position + 1
        try:
            message, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            scanned.failure = f"message #{len(scanned.messages) + 1} is incomplete: {exc.msg}"
            return scanned, position
        scanned.messages.append(message)
        scanned.raws.append(text[position:end])
        position = end


def original_messages(text: str, chats: list[dict[str, Any]]) -> list[list[str] | None]:
    """For each chat, the exact text of its messages; None where they cannot be matched."""
    decoder = json.JSONDecoder()
    found: list[Scanned] = []
    resume = 0
    for match in MESSAGES.finditer(text):
        if match.start() < resume:
            continue
        scanned, resume = scan_list(text, match.end(), decoder)
        found.append(scanned)
    return [_matching(chat, found) for chat in chats]


def _matching(chat: dict[str, Any], found: list[Scanned]) -> list[str] | None:
    messages = chat.get("messages")
    for scanned in found:
        if scanned.failure is None and scanned.messages == messages:
            found.remove(scanned)
            return scanned.raws
    return None


def salvage_chat(text: str) -> tuple[dict[str, Any] | None, list[str], str]:
    """The chat with its complete messages, their exact text, and why reading stopped;
    no chat when the text is not a single-chat export."""
    start = MESSAGES.search(text)
    if start is None:
        return None, [], "no 'messages' list"
    head = text[: start.start()]
    chat: dict[str, Any] = {}
    for name, pattern in HEADER_FIELDS.items():
        header = pattern.search(head)
        if header:
            chat[name] = json.loads(header.group(1))
    if "id" not in chat:
        return None, [], "no chat id before 'messages'"
    scanned, _ = scan_list(text, start.end(), json.JSONDecoder())
    chat["messages"] = scanned.messages
    return chat, scanned.raws, scanned.failure or "the file is damaged after the message list"
