"""`watchline claims extract --workers/--scheduler`: options, coded refusals, a real run."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cluster_corpus import write_corpus
from watchline.cli import app
from watchline.errors import WatchlineError
from watchline.services.cluster import worker_url
from watchline.services.cluster_connect import connect
from watchline.store import Database

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"], "E920"),
        (["--workers", "0"], "E921"),
        (["--workers", "2", "--batch-size", "0"], "E921"),
    ],
)
def test_cli_cluster_options_refused(db_env: str, args: list[str], code: str) -> None:
    assert runner.invoke(app, ["init"]).exit_code == 0
    result = runner.invoke(app, ["claims", "extract", *args])
    assert result.exit_code == 1
    assert result.output.startswith(f"watchline: {code}: ")
    assert "Traceback" not in result.output


def test_cluster_in_memory_sqlite_cannot_be_shared() -> None:
    with pytest.raises(WatchlineError) as caught:
        worker_url(Database("sqlite://"))
    assert caught.value.code == "E925"


def test_cluster_sqlite_file_is_given_to_workers_by_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert worker_url(Database("sqlite:///wl.db")) == f"sqlite:///{tmp_path / 'wl.db'}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.dask
def test_cluster_unreachable_scheduler_is_e922() -> None:
    address = f"tcp://127.0.0.1:{_free_port()}"
    with pytest.raises(WatchlineError) as caught, connect(scheduler=address, timeout_s=2):
        pass
    assert caught.value.code == "E922" and address in caught.value.message


@pytest.mark.dask
def test_cluster_scheduler_without_workers_is_e923() -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as empty:
        address = empty.scheduler_address
        with pytest.raises(WatchlineError) as caught, connect(scheduler=address, timeout_s=1):
            pass
    assert caught.value.code == "E923" and "dask worker" in caught.value.message


@pytest.mark.dask
@pytest.mark.slow
def test_cli_claims_extract_on_two_workers_shows_progress(db_env: str, tmp_path: Path) -> None:
    assert runner.invoke(app, ["init"]).exit_code == 0
    corpus = write_corpus(tmp_path, 8)
    assert runner.invoke(app, ["ingest", str(corpus)]).exit_code == 0
    args = ["claims", "extract", "--workers", "2", "--batch-size", "4"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "batch 1/2: " in first.output and "batch 2/2: 8 documents (" in first.output
    assert "extracted 8 documents" in first.output and "0 failed" in first.output
    again = runner.invoke(app, args)
    assert again.exit_code == 0
    assert "extracted 0 documents" in again.output and "8 already done" in again.output


def test_cli_start_up_does_not_import_dask() -> None:
    import subprocess
    import sys

    script = (
        "import sys, watchline.cli, watchline.cli.claims; "
        "print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.stdout.strip() == "[]", run.stderr
