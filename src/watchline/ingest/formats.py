"""Which reader reads what: by the name given, the file's extension or its content."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from watchline.errors import Errors, InputError
from watchline.ingest.context import Blob, Items, ReadContext
from watchline.ingest.feeds import read_feed
from watchline.ingest.html import read_html
from watchline.ingest.jsonl import read_jsonl
from watchline.ingest.names import FORMATS
from watchline.ingest.telegram import read_telegram
from watchline.ingest.text import read_markdown, read_text
from watchline.ingest.urls import read_url_list
from watchline.ingest.walk import FolderFiles, walk_folder
from watchline.ingest.x import read_x

Reader = Callable[[Blob, ReadContext], Items]

READERS: dict[str, Reader] = {
    "text": read_text,
    "markdown": read_markdown,
    "html": read_html,
    "rss": read_feed,
    "urls": read_url_list,
    "telegram": read_telegram,
    "x": read_x,
    "jsonl": read_jsonl,
}
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".rss": "rss",
    ".atom": "rss",
    ".xml": "rss",
    ".urls": "urls",
    ".json": "auto",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".js": "x",
}


def check_format(name: str) -> str:
    if name not in FORMATS:
        raise InputError(Errors.E005, value=name, options=", ".join(FORMATS))
    return name


def folder_files(directory: Path, format: str, follow_symlinks: bool = False) -> FolderFiles:
    """Files under `directory` (recursively, sorted) that `format` would read, and the
    pipes, devices and out-of-folder links that were skipped (see `walk`)."""

    def wanted(path: Path) -> bool:
        by_extension = EXTENSIONS.get(path.suffix.lower())
        if by_extension == "x" and not path.name.startswith("tweet"):
            return False  # an X archive holds many .js files; only tweets*.js are posts
        return _fits(by_extension, format) and not _saved_page_asset(path, directory)

    return walk_folder(directory, wanted, follow_symlinks=follow_symlinks)


def _saved_page_asset(path: Path, top: Path) -> bool:
    """Whether `path` lies in a `NAME_files/` folder (below `top`) that a browser saved
    beside NAME.html: its frames and scripts are parts of that page, not documents."""
    for relative in path.relative_to(top).parents[:-1]:
        folder = top / relative
        stem = folder.name.removesuffix("_files")
        if stem != folder.name and any(
            (folder.parent / f"{stem}{suffix}").is_file() for suffix in (".html", ".htm")
        ):
            return True
    return False


def _fits(by_extension: str | None, format: str) -> bool:
    """Whether a file of this extension is one `format` reads (.json holds several)."""
    if by_extension is None:
        return False
    if by_extension == "auto":
        return format in ("auto", "telegram", "jsonl")
    return format in ("auto", by_extension)


def reader_for(path: str, data: bytes, format: str) -> Reader:
    """The reader for a file: the format asked for, else by extension and content."""
    if format != "auto":
        return READERS[format]
    guess = EXTENSIONS.get(Path(path).suffix.lower(), "auto")
    if guess in ("text", "auto"):
        guess = _sniff(data) or guess
    if guess == "auto":
        raise InputError(
            Errors.E202, path=path, reason="unknown content", options=", ".join(READERS)
        )
    return READERS[guess]


def _sniff(data: bytes) -> str | None:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    lowered = head[:512].lower()
    if head.startswith(b"window.YTD."):
        return "x"
    if head.startswith(b"{"):
        if b'"messages"' in head or b'"chats"' in head or b'"personal_information"' in head:
            return "telegram"
        first = head.split(b"\n", 1)[0].rstrip()
        return "jsonl" if first.endswith(b"}") else None
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    if lowered.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "rss"
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    if lines and all(line.startswith((b"http://", b"https://", b"#")) for line in lines):
        return "urls"
    return None
