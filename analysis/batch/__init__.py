"""Batch runs: many articles grouped into events, each event compared, one index.

:func:`run_batch` does the whole run; :func:`compare_event` is the per-event task a local
loop or a Dask worker runs.
"""

from __future__ import annotations

from analysis.batch.run import BatchError, BatchOptions, BatchResult, EventOutcome, run_batch
from analysis.batch.work import EventWork, compare_event

__all__ = [
    "BatchError",
    "BatchOptions",
    "BatchResult",
    "EventOutcome",
    "EventWork",
    "compare_event",
    "run_batch",
]
