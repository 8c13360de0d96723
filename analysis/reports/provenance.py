"""The report's provenance block: :func:`analysis.present.provenance.provenance_table`.

It lets a reader check a report: the Slant version, the time of analysis, every setting,
the lexicon versions, and each input's source and SHA-256.
"""

from __future__ import annotations

from analysis.present import provenance
from analysis.reports.content import Cell, Table
from analysis.result import ComparisonResult

__all__ = ["provenance_table"]


def provenance_table(result: ComparisonResult) -> Table:
    """Return the provenance table of a result (plain text: nothing in it links)."""
    table = provenance.provenance_table(result)
    rows = tuple(tuple(Cell(c.text) for c in row) for row in table.rows)
    return Table("provenance", "Provenance", table.headers, rows)
