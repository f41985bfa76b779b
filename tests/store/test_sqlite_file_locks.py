"""Checking a SQLite file again must not drop the locks this process holds on it.

Closing any descriptor of a file releases every POSIX lock the process has on it, so a
second `Database` on a file (a web worker's, a command's) that re-read the header would
silently unlock the first one's transaction.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from watchline.store.sqlite_file import check_sqlite_file

TRY_WRITE = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], timeout=0)
try:
    c.execute("BEGIN IMMEDIATE")
except sqlite3.OperationalError as exc:
    print(exc)
else:
    print("acquired")
"""


def test_a_second_check_keeps_the_write_lock(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    setup = sqlite3.connect(path)
    setup.execute("CREATE TABLE t (x)")
    setup.commit()
    setup.close()
    assert check_sqlite_file(path, must_exist=True)  # before the first connection

    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a write lock this process holds
    assert check_sqlite_file(path, must_exist=True)  # another Database on the same file

    other = subprocess.run(
        [sys.executable, "-c", TRY_WRITE, str(path)], capture_output=True, text=True, check=True
    )
    assert other.stdout.strip() == "database is locked"
    holder.execute("ROLLBACK")
    holder.close()
