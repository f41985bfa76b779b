"""Telegram Desktop "Export chat history" JSON: a single chat or a whole account.

A message's key is (chat id, message id); its time is `date_unixtime` (a string of
seconds, UTC), never the local-time `date`. `text` is a string or a list of strings and
entity objects. An edited message carries `edited_unixtime`: ingesting a newer export
stores the edit as the next version of the message. Service messages (joins, pins,
calls) are skipped and counted. Each message keeps its own bytes, cut out of the
export (see telegram_scan.py), and the export's sha256; media files present beside
the export are hashed too. A truncated single-chat export
keeps every message that was complete.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from watchline.domain import Document, Source, SourceKind
from watchline.errors import Errors, InputError
from watchline.ingest.context import Blob, Items, ReadContext
from watchline.ingest.limits import decode_text
from watchline.ingest.media import media_digests
from watchline.ingest.report import Rejection, Skipped
from watchline.ingest.telegram_scan import original_messages, salvage_chat

MEDIA_PATHS = ("photo", "file")
NOT_INCLUDED = "(File not included"


def read_telegram(blob: Blob, ctx: ReadContext) -> Items:
    text = decode_text(blob.data, blob.origin, expected="a Telegram export")
    try:
        export = json.loads(text)
    except json.JSONDecodeError as exc:
        chat, raws, failure = salvage_chat(text)
        if chat is None:
            raise InputError(Errors.E203, path=blob.origin, item="file", reason=exc) from None
        yield from _chat(chat, raws, blob, ctx)
        count = len(chat["messages"])
        yield Rejection.of(blob.origin, "end of file", Errors.E212, count=count, reason=failure)
        return
    chats = chats_of(export, blob.origin)
    for chat, raws in zip(chats, original_messages(text, chats), strict=True):
        yield from _chat(chat, raws, blob, ctx)


def chats_of(export: Any, origin: str) -> list[dict[str, Any]]:
    """The chats in an export: itself for one chat, `chats.list` for a whole account."""
    if not isinstance(export, dict):
        raise InputError(Errors.E206, path=origin, reason="the top level is not an object")
    if isinstance(export.get("messages"), list):
        return [export]
    chats: list[dict[str, Any]] = []
    for section in ("chats", "left_chats"):
        listed = export.get(section, {})
        if isinstance(listed, dict) and isinstance(listed.get("list"), list):
            chats.extend(chat for chat in listed["list"] if isinstance(chat, dict))
    if not chats and "chats" not in export:
        raise InputError(Errors.E206, path=origin, reason="no 'messages' and no 'chats.list'")
    return chats


def _chat(chat: dict[str, Any], raws: list[str] | None, blob: Blob, ctx: ReadContext) -> Items:
    chat_id = chat.get("id")
    name = chat.get("name") or f"Telegram chat {chat_id}"
    if not isinstance(chat_id, int):
        yield Rejection.of(blob.origin, f"chat {name!r}", Errors.E204, reason="it has no id")
        return
    source = ctx.source_for(SourceKind.TELEGRAM, str(name), handle=str(chat_id))
    messages = chat.get("messages")
    if not isinstance(messages, list):
        return
    for position, message in enumerate(messages):
        raw = raws[position] if raws is not None else None
        item = _message(message, raw, position, chat, source, blob)
        if isinstance(item, Document) and item.media and blob.url is None:
            digests = media_digests(Path(blob.origin).parent, item.media, ctx.max_bytes)
            if digests:
                item.meta["media_sha256"] = digests
        yield item


def _message(
    message: Any, raw: str | None, position: int, chat: dict[str, Any], source: Source, blob: Blob
) -> Document | Rejection | Skipped:
    chat_id = chat["id"]
    if not isinstance(message, dict) or not isinstance(message.get("id"), int):
        label = f"chat {chat_id} message #{position + 1}"
        return Rejection.of(blob.origin, label, Errors.E204, reason="it has no numeric id")
    label = f"chat {chat_id} message {message['id']}"
    if message.get("type", "message") != "message":
        return Skipped(blob.origin, label, "service messages")
    try:
        published = _unix(message.get("date_unixtime"))
        edited = _unix(message.get("edited_unixtime"))
    except ValueError as exc:
        return Rejection.of(blob.origin, label, Errors.E204, reason=exc)
    text = flatten_text(message.get("text", ""))
    media = tuple(
        message[field]
        for field in MEDIA_PATHS
        if isinstance(message.get(field), str) and not message[field].startswith(NOT_INCLUDED)
    )
    if not text.strip() and not media and not _media_types(message):
        return Skipped(blob.origin, label, "empty messages")
    return Document(
        key=f"telegram:{chat_id}:{message['id']}",
        text=text,
        raw=_raw(message, raw),
        source=source,
        published_at=published,
        retrieved_at=blob.retrieved_at,
        url=_link(chat, message["id"]),
        author=_str(message.get("from")),
        forwarded_from=_str(message.get("forwarded_from")),
        reply_to=_reply(chat_id, message.get("reply_to_message_id")),
        media=media,
        meta=_meta(message, chat, blob, edited),
    )


def _raw(message: dict[str, Any], original: str | None) -> bytes:
    """The message's own bytes in the export; re-serialised (sorted keys) if not found."""
    if original is not None:
        return original.encode("utf-8", "surrogatepass")
    return json.dumps(message, ensure_ascii=False, sort_keys=True).encode("utf-8", "replace")


def flatten_text(text: Any) -> str:
    """The message text from a string, or from a list of strings and entity objects."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(_part(part) for part in text)
    return ""


def _part(part: Any) -> str:
    if isinstance(part, str):
        return part
    if isinstance(part, dict):
        value = part.get("text", "")
        return value if isinstance(value, str) else ""
    return ""


def _unix(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not str(value).strip().isdigit():
        raise ValueError(f"timestamp {value!r} is not a number of seconds")
    return datetime.fromtimestamp(int(value), tz=UTC)


def _meta(
    message: dict[str, Any], chat: dict[str, Any], blob: Blob, edited: datetime | None
) -> dict[str, object]:
    meta: dict[str, object] = {
        "format": "telegram",
        "chat_id": chat["id"],
        "chat_name": chat.get("name"),
        "chat_type": chat.get("type"),
        "path": blob.origin,
        "export_sha256": blob.sha256,
    }
    if message.get("from_id"):
        meta["from_id"] = str(message["from_id"])
    if isinstance(message.get("author"), str):
        meta["signature"] = message["author"]  # a channel post signed by its author
    if edited is not None:
        meta["revised_at"] = edited.isoformat()
    if "date_unixtime" not in message and message.get("date"):
        meta["local_date"] = str(message["date"])  # old exports: local time, zone unknown
    types = _media_types(message)
    if types:
        meta["media_types"] = types
    if message.get("mime_type"):
        meta["mime_type"] = str(message["mime_type"])
    return meta


def _media_types(message: dict[str, Any]) -> list[str]:
    types = [field for field in ("photo",) if field in message]
    if message.get("media_type"):
        types.append(str(message["media_type"]))
    elif "file" in message:
        types.append("file")
    return types


def _reply(chat_id: int, reply_to: Any) -> str | None:
    return f"telegram:{chat_id}:{reply_to}" if isinstance(reply_to, int) else None


def _link(chat: dict[str, Any], message_id: int) -> str | None:
    """Public channels exported with a username get a t.me link; others have none."""
    username = chat.get("username")
    return f"https://t.me/{username}/{message_id}" if isinstance(username, str) else None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
