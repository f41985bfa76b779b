"""The files a folder holds for ingest, read without ever opening what is not a file.

A folder handed to `ingest` may hold things that are not documents: a named pipe that
blocks whoever reads it, a socket, a device, a symbolic link to `/etc/passwd` or back up
to the folder itself. Each is judged by `stat`, never opened; links that leave the
folder are skipped unless the user asks for them (`follow_symlinks`), and every folder
is entered once, so a loop of links ends.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from watchline.errors import Errors
from watchline.files import file_kind
from watchline.ingest.report import Notice

Wanted = Callable[[Path], bool]
"""Whether a regular file under the folder is one to read (by its name)."""


@dataclass
class FolderFiles:
    """What a walk found: the files to read (sorted) and what it skipped, and why."""

    files: list[Path] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def walk_folder(top: Path, wanted: Wanted, *, follow_symlinks: bool = False) -> FolderFiles:
    """Every regular file under `top` that `wanted` takes; hidden files are left out."""
    found = FolderFiles()
    root = top.resolve()
    seen = {_identity(top.stat())}
    pending = [top]
    while pending:  # a stack, not recursion: folder depth is the file system's to choose
        folder = pending.pop()
        for entry in _entries(folder, top, found):
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            info = _judge(path, top, root, wanted, follow_symlinks, found)
            if info is None:
                continue
            if stat.S_ISDIR(info.st_mode):
                if _identity(info) not in seen:  # else a loop, or a folder read already
                    seen.add(_identity(info))
                    pending.append(path)
            elif stat.S_ISREG(info.st_mode):
                if wanted(path):
                    found.files.append(path)
            elif wanted(path):
                kind = file_kind(info.st_mode)
                found.notices.append(_notice(top, path, Errors.E220, kind=kind))
    found.files.sort()
    return found


def _entries(folder: Path, top: Path, found: FolderFiles) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as listing:
            return sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        reason = f"cannot list this folder ({exc.strerror or exc})"
        found.notices.append(_notice(top, folder, Errors.E222, reason=reason))
        return []


def _middle(text: str, limit: int) -> str:
    """`text` cut to `limit` characters in the middle, so a path keeps its file name."""
    if len(text) <= limit:
        return text
    head = limit // 3
    return text[:head] + "…" + text[-(limit - head - 1) :]


def _judge(
    path: Path, top: Path, root: Path, wanted: Wanted, follow: bool, found: FolderFiles
) -> os.stat_result | None:
    """The `stat` of what `path` names (through a link), or None when it is skipped."""
    try:
        if path.is_symlink():
            target = path.resolve(strict=True)
            if not follow and not target.is_relative_to(root):
                if target.is_dir() or wanted(path):
                    shown = _middle(str(target), 80)
                    found.notices.append(_notice(top, path, Errors.E221, target=shown))
                return None
        return path.stat()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop (Python < 3.13)
        if wanted(path) or path.is_symlink():
            reason = _why_unreadable(path, exc)
            found.notices.append(_notice(top, path, Errors.E222, reason=reason))
        return None


def _why_unreadable(path: Path, exc: BaseException) -> str:
    if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
        return "a symbolic link that loops back on itself"
    if isinstance(exc, FileNotFoundError) and path.is_symlink():
        return "a broken symbolic link (its target does not exist)"
    return f"cannot be read ({getattr(exc, 'strerror', None) or exc})"


def _notice(top: Path, path: Path, error: Errors, **details: object) -> Notice:
    item = str(path.relative_to(top)) if path.is_relative_to(top) else str(path)
    return Notice.of(str(top), item, error, **details)


def _identity(info: os.stat_result) -> tuple[int, int]:
    return (info.st_dev, info.st_ino)
