"""Tables from any section's JSON form, for sections without a dedicated layout.

A section's JSON (see ``docs/report-schema.md``) is walked: lists of records become
tables, mappings keyed by article id become one row per outlet, and loose scalars a
summary table. Records that carry a span (``article``, ``start``, ``end``, or a list of such
under ``spans``/``evidence``) are registered as evidence, and the row's numbers link to it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from analysis.omission import MatrixRow
from analysis.reports.content import Cell, Table
from analysis.reports.escape import slug
from analysis.reports.evidence import EvidenceIndex

__all__ = ["ReportContext", "section_tables"]

_MAX_ROWS = 5000  # a table past this is cut (the JSON and CSV keep everything)


class ReportContext:
    """What section builders share: outlet labels and the evidence index."""

    def __init__(
        self,
        names: Mapping[str, str],
        evidence: EvidenceIndex,
        matrix: tuple[MatrixRow, ...] | None = None,
    ) -> None:
        self.names = dict(names)
        self.evidence = evidence
        #: The omission matrix of the result, when the builder had the result at hand.
        self.matrix = matrix

    def outlet(self, article_id: object) -> str:
        """Return the outlet label of an article id (the id itself when unknown)."""
        return self.names.get(str(article_id), str(article_id))

    def span_anchor(self, record: Any, kind: str, label: str = "") -> str | None:
        """Register a ``{"article", "start", "end"}`` record; return its anchor or None."""
        if not _is_span(record):
            return None
        return self.evidence.add(
            str(record["article"]), int(record["start"]), int(record["end"]), kind, label
        )


def section_tables(key: str, title: str, data: Any, ctx: ReportContext) -> list[Table]:
    """Return the tables of one section's JSON form (empty when there is nothing to show)."""
    tables: list[Table] = []
    _walk(key, title, data, ctx, tables, depth=0)
    return tables


def _walk(
    key: str, title: str, data: Any, ctx: ReportContext, out: list[Table], depth: int
) -> None:
    if isinstance(data, Sequence) and not isinstance(data, str):
        table = _records_table(key, title, data, ctx)
        if table is not None:
            out.append(table)
        return
    if not isinstance(data, Mapping) or depth > 3:
        return
    if data and all(str(k) in ctx.names for k in data):
        out.append(_per_article_table(key, title, data, ctx))
        return
    scalars = [(k, v) for k, v in data.items() if _is_scalar(v)]
    if scalars:
        rows = tuple((Cell(str(k)), _cell(v)) for k, v in scalars)
        out.append(Table(key, title, ("Item", "Value"), rows))
    for name, value in data.items():
        if not _is_scalar(value):
            sub = f"{title}: {str(name).replace('_', ' ')}"
            _walk(f"{key}-{slug(str(name))}", sub, value, ctx, out, depth + 1)


def _records_table(key: str, title: str, items: Sequence[Any], ctx: ReportContext) -> Table | None:
    records = [r for r in items if isinstance(r, Mapping)]
    if not records:
        values = [v for v in items if _is_scalar(v)]
        single = tuple((_cell(v),) for v in values[:_MAX_ROWS])
        return Table(key, title, ("Value",), single) if single else None
    columns = _columns(records)
    rows: list[tuple[Cell, ...]] = []
    for record in records[:_MAX_ROWS]:
        href = _record_anchor(record, key, ctx)
        rows.append(tuple(_record_cell(record, col, href, ctx) for col in columns))
    shown = [_header(c) for c in columns]
    note = f"First {_MAX_ROWS} of {len(records)} rows." if len(records) > _MAX_ROWS else ""
    return Table(key, title, tuple(shown), tuple(rows), note)


def _per_article_table(key: str, title: str, data: Mapping[str, Any], ctx: ReportContext) -> Table:
    values = {k: (v if isinstance(v, Mapping) else {"value": v}) for k, v in data.items()}
    columns = _columns(list(values.values()))
    rows = []
    for aid, record in values.items():
        cells = [Cell(ctx.outlet(aid))]
        cells.extend(
            _record_cell(record, col, _record_anchor(record, key, ctx), ctx) for col in columns
        )
        rows.append(tuple(cells))
    return Table(key, title, ("Outlet", *(_header(c) for c in columns)), tuple(rows))


def _columns(records: Sequence[Mapping[str, Any]]) -> list[str]:
    columns: dict[str, None] = {}
    for record in records:
        for name, value in record.items():
            if name in ("start", "end", "spans", "evidence"):
                continue
            if _is_scalar(value) or _is_span(value):
                columns[str(name)] = None
            elif isinstance(value, Mapping):
                for sub, inner in value.items():
                    if _is_scalar(inner):
                        columns[f"{name}.{sub}"] = None
    return list(columns)


def _record_cell(
    record: Mapping[str, Any], column: str, href: str | None, ctx: ReportContext
) -> Cell:
    head, _, sub = column.partition(".")
    value = record.get(head)
    if sub and isinstance(value, Mapping):
        value = value.get(sub)
    if head == "article" and not sub:
        return Cell(ctx.outlet(value), None, href)
    if isinstance(value, Mapping) and _is_span(value):
        anchor = ctx.span_anchor(value, column)
        where = f"{ctx.outlet(value['article'])} {value['start']}–{value['end']}"
        return Cell(where, None, anchor)
    if isinstance(value, str) and value in ctx.names:
        return Cell(ctx.outlet(value))  # an article id: show whose it is
    cell = _cell(value)
    return Cell(cell.text, cell.value, href) if cell.value is not None else cell


def _record_anchor(record: Mapping[str, Any], kind: str, ctx: ReportContext) -> str | None:
    label = str(record.get("label") or record.get("term") or record.get("category") or kind)
    anchor = ctx.span_anchor(record, kind, label)
    for name in ("spans", "evidence"):
        spans = record.get(name)
        if isinstance(spans, Sequence) and not isinstance(spans, str):
            for span in spans:
                first = ctx.span_anchor(span, kind, label)
                anchor = anchor or first
    return anchor


def _cell(value: Any) -> Cell:
    if isinstance(value, bool):
        return Cell("yes" if value else "no")
    if isinstance(value, int | float):
        return Cell.number(value)
    return Cell("" if value is None else str(value))


def _header(column: str) -> str:
    return column.replace("_", " ").replace(".", " ")


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _is_span(value: Any) -> bool:
    return (
        isinstance(value, Mapping)
        and "article" in value
        and isinstance(value.get("start"), int)
        and isinstance(value.get("end"), int)
    )
