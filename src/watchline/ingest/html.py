"""Saved or fetched HTML pages: main text and metadata with trafilatura.

trafilatura parses the markup with lxml and never runs scripts; script and style
content is dropped with the boilerplate. The raw HTML is kept as the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

import lxml.etree
import lxml.html
import trafilatura

from watchline.domain import Document, SourceKind
from watchline.errors import Errors, InputError
from watchline.ingest.context import Blob, Items, ReadContext
from watchline.ingest.fetch import is_url, last_modified_utc
from watchline.ingest.limits import binary_reason

WEB_PAGES = "web pages"
MIN_LETTERS = 20
TIME_XPATH = (
    "//meta[@property='article:published_time' or @property='og:published_time'"
    " or @itemprop='datePublished' or @name='date']/@content"
    " | //time[@datetime][1]/@datetime"
)


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    author: str | None
    published_at: datetime | None
    site: str | None
    url: str | None


def extract_page(data: bytes, origin: str, url: str | None = None) -> Page:
    """The page's main text and metadata; InputError when there is none."""
    reason = binary_reason(data)
    if reason:
        raise InputError(Errors.E205, path=origin, expected="an HTML page", reason=reason)
    found = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    body = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if sum(char.isalpha() for char in body) < MIN_LETTERS:  # a menu is not an article
        raise InputError(Errors.E210, path=origin)
    title = found.title or None
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    day = _day(found.date)
    return Page(
        text=body,
        title=title,
        author=found.author or None,
        published_at=_exact_time(data, day) or day,
        site=found.sitename or None,
        url=found.url if found.url and is_url(found.url) else None,
    )


def read_html(blob: Blob, ctx: ReadContext) -> Items:
    page = extract_page(blob.data, blob.origin, blob.url)
    yield page_document(blob, ctx, page)


def page_document(blob: Blob, ctx: ReadContext, page: Page) -> Document:
    """A web page as a document, keyed on its URL (or its bytes when it has none)."""
    url = blob.url or page.url
    meta: dict[str, object] = {"path": blob.origin, "format": "html"}
    if page.published_at is not None and page.published_at.time() == time(0):
        meta["published_precision"] = "day"
    modified = last_modified_utc(blob.last_modified)
    if modified is not None:
        meta["revised_at"] = modified.isoformat()
    host = url.split("/")[2] if url else None
    return Document(
        key=url or f"file:{blob.sha256}",
        text=page.text,
        raw=blob.data,
        source=ctx.source_for(SourceKind.NEWS, page.site or host or WEB_PAGES, url=url),
        published_at=page.published_at,
        retrieved_at=blob.retrieved_at,
        url=url,
        title=page.title,
        author=page.author,
        meta=meta,
    )


def _exact_time(data: bytes, day: datetime | None) -> datetime | None:
    """The page's own publication timestamp (article:published_time and kin), when it
    has a zone and falls on trafilatura's day, for more than day precision."""
    if day is None:
        return None
    try:
        root = lxml.html.fromstring(data)
    except (lxml.etree.ParserError, ValueError):
        return None
    for value in root.xpath(TIME_XPATH):
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError:
            continue
        if moment.tzinfo is not None and abs(moment.astimezone(UTC) - day).days <= 1:
            return moment.astimezone(UTC)
    return None


def _day(value: str | None) -> datetime | None:
    """trafilatura's date (YYYY-MM-DD) as midnight UTC: its precision is the day."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value[:10]).replace(tzinfo=UTC)
    except ValueError:
        return None
