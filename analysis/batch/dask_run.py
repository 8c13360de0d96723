"""Run the per-event comparisons as Dask tasks, on a ``LocalCluster`` or a running cluster.

Each task is :func:`analysis.batch.work.compare_event` on one event's articles; workers
need Slant importable (installed, or on their ``PYTHONPATH``). Results come back as they
finish; the caller writes them, so a lost worker costs its events only.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from typing import Any

from analysis.batch.work import EventWork, compare_event
from analysis.errors import Cancelled, SlantError
from analysis.events import Event
from analysis.model import Article
from analysis.progress import CancelFn, check_cancelled

__all__ = ["DaskError", "dask_results"]

Job = tuple[Event, Sequence[Article]]


class DaskError(SlantError):
    """Dask is not installed, or the scheduler cannot be reached."""

    default_code = "batch.dask"


def dask_results(
    address: str,
    jobs: Sequence[Job],
    fmt: str,
    paper: str,
    is_cancelled: CancelFn | None = None,
) -> Iterator[tuple[Event, EventWork | BaseException]]:
    """Compare each job's articles on Dask; yield (event, work or the error) as they finish.

    Args:
        address: ``local`` for a ``LocalCluster`` of worker processes (one per core), or a
            scheduler address such as ``tcp://10.0.0.5:8786``.
        jobs: (event, its articles) pairs.
        fmt: Report format; workers render it when they can.
        paper: PDF page size.
        is_cancelled: Polled as results arrive; when true the pending tasks are cancelled.

    Raises:
        DaskError: When dask is absent or the scheduler cannot be reached.
        Cancelled: When ``is_cancelled()`` turns true.
    """
    try:
        dist: Any = importlib.import_module("distributed")  # untyped: kept behind Any
    except ImportError as exc:
        raise DaskError(
            "--dask needs Dask: install Slant with its dask extra "
            "(pip install 'slant-news[dask]').",
            code="batch.dask.missing",
        ) from exc
    with ExitStack() as stack:
        client = _client(dist, address, stack)
        futures = {
            client.submit(compare_event, tuple(articles), fmt, paper, pure=False): event
            for event, articles in jobs
        }
        pending = dist.as_completed(futures)
        for future in pending:
            if is_cancelled is not None and is_cancelled():
                client.cancel(list(futures))
                raise Cancelled
            try:
                yield futures[future], future.result()
            except Exception as exc:  # the task's own error, reported for its event only
                yield futures[future], exc
        check_cancelled(is_cancelled)


def _client(dist: Any, address: str, stack: ExitStack) -> Any:
    try:
        if address == "local":
            cluster = stack.enter_context(
                dist.LocalCluster(
                    n_workers=os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
            return stack.enter_context(dist.Client(cluster))
        return stack.enter_context(dist.Client(address, timeout="15s"))
    except (OSError, TimeoutError, ValueError) as exc:
        raise DaskError(
            f"cannot reach the Dask scheduler at {address} ({exc}).", code="batch.dask.connect"
        ) from exc
