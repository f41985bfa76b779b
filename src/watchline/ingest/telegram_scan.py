"""Recover the complete messages of a truncated single-chat Telegram export.

A download cut short or a disk that filled up leaves a `result.json` whose end is
missing. The chat's header (id, name, type) comes before `messages` in every export,
and each message is a JSON object of its own, so every message up to the cut can be
read one by one; the caller reports the rest as lost.
"""

from __future__ import annotations

import json
import re
from typing import Any

HEADER_FIELDS = {
    "id": re.compile(r'"id"\s*:\s*(-?\d+)'),
    "name": re.compile(r'"name"\s*:\s*("(?:[^"\\]|\\.)*")'),
    "type": re.compile(r'"type"\s*:\s*("(?:[^"\\]|\\.)*")'),
}
MESSAGES = re.compile(r'"messages"\s*:\s*\[')


def salvage_chat(text: str) -> tuple[dict[str, Any] | None, str]:
    """The chat with its complete messages and why reading stopped; None if not a chat."""
    start = MESSAGES.search(text)
    if start is None:
        return None, "no 'messages' list"
    head = text[: start.start()]
    chat: dict[str, Any] = {}
    for name, pattern in HEADER_FIELDS.items():
        found = pattern.search(head)
        if found:
            chat[name] = json.loads(found.group(1))
    if "id" not in chat:
        return None, "no chat id before 'messages'"
    messages: list[Any] = []
    chat["messages"] = messages
    decoder = json.JSONDecoder()
    position = start.end()
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text):
            return chat, "the file ends inside the message list"
        if text[position] == "]":
            return chat, "the file is damaged after the message list"
        try:
            message, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            return chat, f"message #{len(messages) + 1} is incomplete: {exc.msg}"
        messages.append(message)
