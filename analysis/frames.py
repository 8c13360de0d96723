"""A comparison as pandas DataFrames, for notebooks: :func:`to_frames`.

Each table of the report (the same tables as the CSV and xlsx exports) becomes one tidy
DataFrame: snake_case column names, numbers as numbers, and wherever a row belongs to an
article, the columns ``article_id`` and ``outlet`` say which. Tables laid out with one column
per outlet (headlines, the omission matrix, passages side by side, …) are melted into one
row per outlet. Charts are left out: each repeats a table.

pandas is an optional extra (``pip install "slant-news[notebook]"``) imported only here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from analysis.errors import SlantError
from analysis.result import ComparisonResult

if TYPE_CHECKING:
    import pandas as pd

    from analysis.reports.content import Table

__all__ = ["to_frames"]

_OUTLET_COLUMNS = {"Outlet": "", "Outlet A": "_a", "Outlet B": "_b"}


def to_frames(result: ComparisonResult) -> dict[str, pd.DataFrame]:
    """Return one tidy DataFrame per report table, keyed by the table's name.

    Keys are the CSV export's file names without ``.csv`` (``articles``, ``coverage``,
    ``term-counts``, ``framing-quotes``, …). Per-article rows carry ``article_id`` and
    ``outlet`` columns (``article_id_a``/``outlet_a`` and ``_b`` for pairs).

    Raises:
        SlantError: When pandas is not installed (code ``notebook.pandas_missing``).
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise SlantError(
            "to_frames needs pandas: pip install 'slant-news[notebook]' (or pandas).",
            code="notebook.pandas_missing",
        ) from exc
    from analysis.reports import report_content
    from analysis.reports.build import outlet_labels
    from analysis.reports.csvzip import csv_tables

    labels = outlet_labels(result.articles)
    ids = {label: aid for aid, label in labels.items()}
    outlets = {a.id: a.outlet for a in result.articles}
    frames: dict[str, pd.DataFrame] = {}
    for file_name, table in csv_tables(report_content(result)):
        name = file_name.removesuffix(".csv")
        if name.endswith("-chart"):
            continue
        frames[name] = _frame(pd, table, ids, outlets)
    return frames


def _frame(pd: Any, table: Table, ids: dict[str, str], outlets: dict[str, str]) -> Any:
    columns = list(table.columns)
    rows = [[c.value if c.value is not None else c.text for c in row] for row in table.rows]
    wide = [i for i, col in enumerate(columns) if col in ids]
    if len(wide) >= 2:  # one column per outlet: melt into one row per (row, outlet)
        return _melt(pd, columns, rows, wide, ids, outlets)
    frame = pd.DataFrame(rows, columns=[snake(c) for c in columns])
    for column, suffix in _OUTLET_COLUMNS.items():
        if column in columns:
            key = snake(column)
            aid = frame[key].map(ids)
            frame.insert(int(frame.columns.get_loc(key)), f"article_id{suffix}", aid)
            # an outlet name with several articles (keyness) has no single id: keep the name
            frame[f"outlet{suffix}"] = aid.map(outlets).fillna(frame[key])
            if key != f"outlet{suffix}":
                frame = frame.drop(columns=[key])
    return frame


def _melt(
    pd: Any,
    columns: list[str],
    rows: list[list[Any]],
    wide: list[int],
    ids: dict[str, str],
    outlets: dict[str, str],
) -> Any:
    keep = [i for i in range(len(columns)) if i not in wide]
    # a kept column naming outlets (the rows of the omissions table) gets ids too
    by_outlet = [k for k in keep if rows and all(row[k] in ids for row in rows)]
    out = []
    for number, row in enumerate(rows):
        fixed: dict[str, Any] = {"row": number}
        for k in keep:
            if k in by_outlet:
                fixed["row_article_id"] = ids[row[k]]
                fixed["row_outlet"] = outlets[ids[row[k]]]
            else:
                fixed[snake(columns[k])] = row[k]
        for i in wide:
            aid = ids[columns[i]]
            value = None if row[i] in ("–", "") else row[i]  # the report's "nothing here"
            out.append({**fixed, "article_id": aid, "outlet": outlets[aid], "value": value})
    return pd.DataFrame(out)


def snake(name: str) -> str:
    """``'Per 1,000 words'`` → ``'per_1000_words'``; ``'Shared %'`` → ``'shared_pct'``."""
    text = (
        name.replace("%", " pct")
        .replace("²", "2")
        .replace(",", "")
        .replace("↓", "")
        .replace("→", "")
    )
    return re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_") or "column"
