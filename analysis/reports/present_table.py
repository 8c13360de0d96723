"""Map a presentation-layer table onto the report's own table, evidence links and all.

The app and the reports show the same tables: :mod:`analysis.present` decides their
labels, order and figures once, and the report only turns each
:class:`analysis.present.tables.Cell` into a :class:`analysis.reports.content.Cell` whose
link points at the cell's evidence in the article text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from analysis.present import tables as present
from analysis.reports.content import Cell, Table
from analysis.reports.generic import ReportContext

__all__ = ["report_cell", "report_table"]

_INF = float("inf")


def report_table(
    table: present.Table,
    key: str,
    title: str,
    ctx: ReportContext,
    mark: tuple[str, str] | None,
    marks: Mapping[str, tuple[str, str] | None] | None = None,
) -> Table:
    """Return the report's table of a presentation table.

    Args:
        table: The table the app shows too.
        key: The report table's key (its CSV file name).
        title: The report table's title.
        ctx: The report context (its evidence index receives the cells' spans).
        mark: ``(kind, label)`` of the evidence marks the cells register, or None for
            cells that only link to spans the caller has marked already.
        marks: Marks of particular columns, by header, instead of ``mark``.
    """
    by_column = [(marks or {}).get(h, mark) for h in table.headers]
    anchors: dict[present.Evidence, str | None] = {}  # of spans marked already, by span
    converters = {m: _converter(ctx, m, anchors) for m in by_column}
    if len(converters) == 1:  # one mark for every column (most tables): map each row
        convert = converters[by_column[0]]
        rows = tuple(tuple(map(convert, row)) for row in table.rows)
    else:
        columns = [converters[m] for m in by_column]
        rows = tuple(tuple([f(c) for f, c in zip(columns, row, strict=True)]) for row in table.rows)
    return Table(key, title, table.headers, rows, table.note)


def _converter(
    ctx: ReportContext,
    mark: tuple[str, str] | None,
    anchors: dict[present.Evidence, str | None],
) -> Callable[[present.Cell], Cell]:
    """Return :func:`report_cell` with ``mark``, converting each cell object once.

    Builders share frozen cells between rows (an outlet, a passage linked many times):
    keyed by identity, as the table keeps every cell alive while it is converted.
    """
    done: dict[int, Cell] = {}

    def convert(cell: present.Cell) -> Cell:
        found = done.get(id(cell))
        if found is None:
            found = done[id(cell)] = report_cell(cell, ctx, mark, anchors)
        return found

    return convert


def report_cell(
    cell: present.Cell,
    ctx: ReportContext,
    mark: tuple[str, str] | None,
    anchors: dict[present.Evidence, str | None] | None = None,
) -> Cell:
    """Return the report's cell: same text, its figure as the value, its evidence as a link.

    With ``mark`` None the cell links to its span without marking it (the caller marked
    the span, with a label of its own); ``anchors`` then caches those links by span.

    A zero links to nothing (there is no evidence of an absence), as in
    :meth:`analysis.reports.content.Cell.number`.
    """
    value: int | float | None = None
    sort = cell.sort
    if type(sort) is float and -_INF < sort < _INF:  # finite (a NaN compares false)
        value = round(sort, 6)
        if value.is_integer() and "." not in cell.text:
            value = int(value)
    evidence = cell.evidence
    href = None
    if evidence is not None and value != 0:
        if mark is not None:
            href = ctx.evidence.add(*evidence, *mark)
        elif anchors is None:
            href = ctx.evidence.anchor(*evidence)
        elif evidence in anchors:
            href = anchors[evidence]
        else:
            href = anchors[evidence] = ctx.evidence.anchor(*evidence)
    return Cell(cell.text, value, href)
