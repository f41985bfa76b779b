"""Pipes, sockets, devices and symbolic links handed to `ingest`: refused or skipped,
never opened, never followed out of the folder unless asked, never a hang."""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from watchline.ingest import IngestReport

LOC = (
    "Pakistani troops fired on Indian posts along the Line of Control near Poonch on "
    "Saturday, the army said.\n"
)
CYPRUS = (
    "UNFICYP reported new construction inside the buffer zone near Deneia on Monday, "
    "a spokesperson said.\n"
)
SECRET = "root:x:0:0:root:/root:/bin/bash — this must never become a document\n"


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """Fail, rather than hang, if anything opens a pipe for reading."""

    def _stuck(_signum: int, _frame: object) -> None:
        raise TimeoutError("ingest blocked on a path it should not have opened")

    previous = signal.signal(signal.SIGALRM, _stuck)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _codes(report: IngestReport) -> list[str]:
    return sorted(problem.code for problem in [*report.rejected, *report.notices])


def test_fifo_named_on_the_command_line_is_refused_unopened(run, tmp_path: Path) -> None:
    pipe = tmp_path / "statement.txt"
    os.mkfifo(pipe)
    good = tmp_path / "loc.txt"
    good.write_text(LOC, encoding="utf-8")
    report = run(pipe, good)
    assert report.ingested == 1  # the batch went on after the pipe
    [rejected] = report.rejected
    assert rejected.code == "E219" and "named pipe" in rejected.reason
    assert str(pipe) in rejected.reason and "\n" not in rejected.reason


def test_socket_and_device_on_the_command_line_are_refused(run, tmp_path: Path) -> None:
    sock_path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(sock_path))
    try:
        report = run(sock_path, "/dev/null")
    finally:
        server.close()
    reasons = sorted(problem.reason for problem in report.rejected)
    assert _codes(report) == ["E219", "E219"]
    assert "a device" in reasons[0] and "/dev/null" in reasons[0]
    assert "a socket" in reasons[1]


def test_fifo_inside_a_folder_is_skipped_with_a_notice(run, tmp_path: Path) -> None:
    folder = tmp_path / "cyprus"
    folder.mkdir()
    (folder / "deneia.txt").write_text(CYPRUS, encoding="utf-8")
    os.mkfifo(folder / "feed.txt")
    report = run(folder)
    assert report.ingested == 1 and not report.rejected
    [notice] = report.notices
    assert notice.code == "E220" and "feed.txt" in notice.reason


@pytest.fixture
def linked(tmp_path: Path) -> Callable[[], Path]:
    """A folder with one statement and links out of it, in loops and to nothing."""

    def _make() -> Path:
        outside = tmp_path / "outside"
        outside.mkdir()
        (outside / "passwd.txt").write_text(SECRET, encoding="utf-8")
        folder = tmp_path / "statements"
        (folder / "loc").mkdir(parents=True)
        (folder / "loc" / "poonch.txt").write_text(LOC, encoding="utf-8")
        (folder / "leak.txt").symlink_to(outside / "passwd.txt")
        (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
        (folder / "loc" / "up").symlink_to("..", target_is_directory=True)  # a cycle
        (folder / "a.txt").symlink_to("b.txt")  # a loop of links
        (folder / "b.txt").symlink_to("a.txt")
        (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
        (folder / "same.txt").symlink_to(folder / "loc" / "poonch.txt")  # inside: read
        return folder

    return _make


def test_links_out_of_the_folder_are_skipped_and_loops_end(run, linked, stored) -> None:
    folder = linked()
    report = run(folder)
    texts = [document.text for document in stored().values()]
    assert texts == [LOC]  # once: the link inside the folder is the same file
    assert report.ingested == 1 and report.duplicates == 1
    assert _codes(report) == ["E221", "E221", "E222", "E222", "E222"]
    leak = next(n for n in report.notices if "leak.txt" in n.reason)
    assert "--follow-symlinks" in leak.reason and "passwd.txt" in leak.reason
    loops = [n.reason for n in report.notices if "loops back" in n.reason]
    assert len(loops) == 2
    assert any("broken symbolic link" in n.reason for n in report.notices)


def test_follow_symlinks_reads_links_out_of_the_folder(run, linked, stored) -> None:
    folder = linked()
    report = run(folder, follow_symlinks=True)
    texts = sorted(document.text for document in stored().values())
    assert texts == sorted([LOC, SECRET])  # the user asked: the outside file is read
    assert report.ingested == 2
    assert "E221" not in _codes(report)


def test_symlink_named_on_the_command_line_is_followed(run, tmp_path: Path, stored) -> None:
    target = tmp_path / "kosovo.txt"
    target.write_text(
        "Kosovo police said a patrol near Jarinje was stopped on Tuesday.\n", encoding="utf-8"
    )
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    report = run(link)
    assert report.ingested == 1 and not report.rejected  # the user named it: that is asking
