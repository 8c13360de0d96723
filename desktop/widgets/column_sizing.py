"""Sizing table columns to their contents without Qt's ResizeToContents mode.

On a model reset, ResizeToContents measures every cell twice through the delegate, reading
eight data() roles each from Python, inside ``endResetModel``: a 100-180 ms stall of the GUI
thread on the first fill of a table (``benchmarks/bench_gui_stall.py``). Measuring the
display strings of the first rows in Python costs a few milliseconds, and the columns stay
``Interactive`` so the user can still drag them wider.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtWidgets import QHeaderView, QTableView

__all__ = ["fit_columns"]


def fit_columns(
    view: QTableView, *, rows: int = 200, padding: int = 16, skip: Collection[int] = ()
) -> None:
    """Fit each column to its title and the display text of the first ``rows`` rows.

    Args:
        view: The table view (its current model, proxy or not, is measured).
        rows: How many rows, in view order, to measure.
        padding: Pixels added to the widest text (cell margins, decorations).
        skip: Columns left alone (for example one that the caller stretches).
    """
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    model = view.model()
    if model is None:
        return
    metrics = view.fontMetrics()
    count = min(model.rowCount(), rows)
    for col in range(model.columnCount()):
        if col in skip:
            continue
        lines = (
            line
            for r in range(count)
            for line in str(model.index(r, col).data() or "").splitlines()
        )
        widest = max((metrics.horizontalAdvance(t) for t in lines), default=0)
        header.resizeSection(col, max(widest + padding, header.sectionSizeHint(col)))
