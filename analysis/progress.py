"""Progress and cancellation callables taken by long-running core functions.

The core knows nothing of threads or Qt: a caller passes ``progress(fraction, label)`` and
``is_cancelled()``; core functions call :func:`check_cancelled` at safe points and raise
:class:`~analysis.errors.Cancelled`.
"""

from __future__ import annotations

from collections.abc import Callable

from analysis.errors import Cancelled

__all__ = ["CancelFn", "ProgressFn", "check_cancelled", "no_cancel", "no_progress", "sub_progress"]

ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]


def no_progress(fraction: float, label: str) -> None:
    """Progress callback that ignores every report."""


def no_cancel() -> bool:
    """Cancellation callback that never cancels."""
    return False


def check_cancelled(is_cancelled: CancelFn | None) -> None:
    """Raise :class:`Cancelled` if the caller asked to stop.

    Args:
        is_cancelled: The caller's callable, or None for work that cannot be cancelled.

    Raises:
        Cancelled: When ``is_cancelled()`` is true.
    """
    if is_cancelled is not None and is_cancelled():
        raise Cancelled


def sub_progress(progress: ProgressFn | None, start: float, end: float) -> ProgressFn:
    """Map a step's own 0..1 progress onto the slice ``[start, end]`` of the whole.

    Args:
        progress: The overall callback (None ignores reports).
        start: Overall fraction at which the step begins.
        end: Overall fraction at which the step ends.

    Returns:
        A callback for the step.
    """
    if progress is None:
        return no_progress
    outer = progress

    def report(fraction: float, label: str) -> None:
        clamped = min(1.0, max(0.0, fraction))
        outer(start + (end - start) * clamped, label)

    return report
