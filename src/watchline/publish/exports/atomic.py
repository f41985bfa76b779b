"""Write an export to a temporary file beside the target, then move it into place.

A reader never sees a half-written export: the file appears whole or not at all. An
existing file is kept unless the caller forces; without force the final step is a hard
link, which fails rather than overwrite a file that appeared in the meantime.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from watchline.errors import Errors, InputError, WatchlineError

T = TypeVar("T")


def write_atomically(path: Path, write: Callable[[Path], T], *, force: bool = False) -> T:
    """Call `write(temporary_path)`, then put the result at `path`; E831 if it exists
    and not `force`, E834 if it is a folder, E832 when the system refuses."""
    path = Path(path)
    if path.is_dir():
        raise InputError(Errors.E834, path=path, example=path / f"export{path.suffix or '.json'}")
    if path.exists() and not force:
        raise InputError(Errors.E831, path=path)
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent or "."))
    except OSError as exc:
        raise WatchlineError(Errors.E832, path=path, reason=exc.strerror or str(exc)) from None
    try:
        temporary = folder / path.name
        try:
            result = write(temporary)
            _move(temporary, path, force)
        except OSError as exc:
            raise WatchlineError(Errors.E832, path=path, reason=exc.strerror or str(exc)) from None
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _move(temporary: Path, path: Path, force: bool) -> None:
    if force:
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise InputError(Errors.E831, path=path) from None
    except OSError:  # a file system without hard links: check, then rename
        if path.exists():
            raise InputError(Errors.E831, path=path) from None
        os.replace(temporary, path)
