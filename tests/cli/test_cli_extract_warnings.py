"""`watchline extract` prints each warning once (a real process: logging's last-resort
handler, which printed them a second time, only acts outside pytest's log capture)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_an_undated_text_warns_once(tmp_path: Path) -> None:
    text = tmp_path / "undated.txt"
    text.write_text("The ministry said enemy troops shelled Tegh on Monday.\n")
    watchline = Path(sys.executable).with_name("watchline")
    done = subprocess.run(
        [str(watchline), "extract", str(text)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("W101") == 1, done.stderr
