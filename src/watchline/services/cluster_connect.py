"""A Dask client for `claims extract`: of a new local cluster, or of a running one.

Dask is imported only here, inside the functions: the CLI starts as fast without it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from watchline.errors import Errors, WatchlineError

if TYPE_CHECKING:
    from distributed import Client

WAIT_FOR_WORKERS_S = 60


def _dask() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise WatchlineError(Errors.E926, reason=str(exc)) from None
    return distributed


@contextmanager
def connect(
    workers: int | None = None, scheduler: str | None = None, timeout_s: int = WAIT_FOR_WORKERS_S
) -> Iterator[Client]:
    """A client of a new local cluster of `workers` processes (one thread each), or of
    the running cluster whose scheduler is at `scheduler`."""
    if workers is not None and scheduler is not None:
        raise WatchlineError(Errors.E920)
    distributed = _dask()
    if scheduler is not None:
        with _remote(distributed, scheduler, timeout_s) as client:
            yield client
        return
    with _local(distributed, workers or 1) as client:
        yield client


@contextmanager
def _remote(distributed: Any, address: str, timeout_s: int) -> Iterator[Client]:
    try:
        client = distributed.Client(address, timeout=f"{timeout_s}s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise WatchlineError(Errors.E922, address=address, reason=str(exc)[:200]) from None
    try:
        try:
            client.wait_for_workers(1, timeout=timeout_s)
        except TimeoutError:
            raise WatchlineError(Errors.E923, address=address, seconds=timeout_s) from None
        yield client
    finally:
        client.close()


@contextmanager
def _local(distributed: Any, workers: int) -> Iterator[Client]:
    """Worker processes import this very copy of Watchline (its folder leads PYTHONPATH)."""
    import watchline

    source = str(Path(watchline.__file__).resolve().parents[1])
    path = os.pathsep.join(p for p in (source, os.environ.get("PYTHONPATH")) if p)
    cluster = distributed.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # a free port: never clash with another cluster
        silence_logs=logging.ERROR,
        env={"PYTHONPATH": path},
    )
    try:
        with distributed.Client(cluster) as client:
            yield client
    finally:
        cluster.close()
