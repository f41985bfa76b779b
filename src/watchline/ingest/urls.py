"""Web addresses: one given on the command line, or a file listing one per line.

Each address is fetched (politely, see fetch.py) and read by what came back: a feed,
an HTML page, or plain text. A server answering 304 Not Modified counts as a duplicate.
"""

from __future__ import annotations

from collections.abc import Callable

from watchline.errors import Errors, InputError
from watchline.ingest.context import Blob, Items, ReadContext
from watchline.ingest.feeds import read_feed
from watchline.ingest.fetch import is_url
from watchline.ingest.html import read_html
from watchline.ingest.limits import decode_text
from watchline.ingest.report import Rejection, Unchanged
from watchline.ingest.text import read_text

Reader = Callable[[Blob, ReadContext], Items]


def read_url_list(blob: Blob, ctx: ReadContext) -> Items:
    text = decode_text(blob.data, blob.origin, expected="a list of URLs")
    for number, line in enumerate(text.splitlines(), start=1):
        address = line.strip()
        if not address or address.startswith("#"):
            continue
        if not is_url(address):
            yield Rejection.of(blob.origin, f"line {number}", Errors.E213, url=address)
            continue
        try:
            yield from read_url(address, ctx)
        except InputError as exc:
            yield Rejection(blob.origin, f"line {number}", exc.message)


def read_url(url: str, ctx: ReadContext, reader: Reader | None = None) -> Items:
    """Fetch one address and read it with `reader`, or by what the server sent."""
    fetched = ctx.need_fetcher().get(url)
    if fetched.status == 304:
        yield Unchanged(url)
        return
    blob = Blob(
        origin=url,
        data=fetched.data,
        retrieved_at=fetched.retrieved_at,
        url=fetched.url,
        content_type=fetched.content_type,
        last_modified=fetched.last_modified,
    )
    yield from (reader or reader_for_response(blob))(blob, ctx)


def reader_for_response(blob: Blob) -> Reader:
    """A feed, a page or plain text, by content type and, failing that, by content."""
    kind = (blob.content_type or "").split(";")[0].strip().lower()
    head = blob.data[:1024].lstrip().lower()
    if "rss" in kind or "atom" in kind or head.startswith((b"<?xml", b"<rss", b"<feed")):
        return read_feed
    if kind == "text/plain":
        return read_text
    return read_html
