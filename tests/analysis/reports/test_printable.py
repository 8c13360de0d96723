"""The print HTML behind the PDF: lean on paper, with a note wherever rows are left out."""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.model import Article
from analysis.reports.content import (
    Fragment,
    PassageCell,
    ReportContent,
    Section,
    SideBySide,
    Table,
)
from analysis.reports.printable import render_print_html


def _content(view: SideBySide) -> ReportContent:
    art = Article.from_parts(title="T", paragraphs=["Body."], outlet="O", source="s")
    section = Section("alignment", "Aligned passages", "", (view,))
    provenance = Table("provenance", "Provenance", ("Item", "Value"), ())
    return ReportContent("Title", "now", "Slant", (art,), (section,), (), provenance)


def _view(columns: int, rows: int) -> SideBySide:
    cell = PassageCell("a", (Fragment("same words"),))
    return SideBySide(
        "passages",
        "Passages side by side",
        tuple(f"Outlet {i}" for i in range(columns)),
        tuple(tuple(cell for _ in range(columns)) for _ in range(rows)),
    )


def test_a_wide_passage_view_is_cut_to_whole_groups_with_a_note() -> None:
    html = render_print_html(_content(_view(columns=40, rows=55)))
    numbers = {int(n) for n in re.findall(r"<td width='22%'>(\d+)\. Outlet", html)}
    assert numbers == set(range(1, max(numbers) + 1))
    assert 1 < max(numbers) < 55
    stacked = len(re.findall(r"<td width='22%'>\d+\. Outlet", html))
    assert stacked == 40 * max(numbers) <= 150
    assert f"The first {max(numbers)} of 55 passages" in html


def test_one_group_wider_than_the_cap_is_shown_whole() -> None:
    html = render_print_html(_content(_view(columns=200, rows=1)))
    assert len(re.findall(r"<td width='22%'>1\. Outlet", html)) == 200
    assert "The first" not in html


def test_texts_of_a_large_comparison_are_cut_with_a_note() -> None:
    from analysis.reports.content import TextView

    arts = [
        Article.from_parts(title=f"T{i}", paragraphs=[f"Body {i}."], outlet=f"O{i}", source="s")
        for i in range(20)
    ]
    texts = tuple(TextView(a, ((Fragment(a.text),),)) for a in arts)
    content = _content(_view(columns=2, rows=1))
    html = render_print_html(replace(content, texts=texts))
    assert "Body 11." in html and "Body 12." not in html
    assert "The first 12 of 20 articles" in html
    small = render_print_html(replace(content, texts=texts[:3]))
    assert "Body 2." in small and "The first" not in small


def test_numbers_link_to_evidence_only_where_it_is_printed() -> None:
    from analysis.reports.content import Cell, TextView

    arts = [
        Article.from_parts(title=f"T{i}", paragraphs=[f"Body {i}."], outlet=f"O{i}", source="s")
        for i in range(14)
    ]
    # Each text's one paragraph is an evidence target; only the first 12 texts are printed.
    texts = tuple(TextView(a, ((Fragment(a.text, (), f"a-{a.id}-0"),),)) for a in arts)
    rows = tuple((Cell(a.outlet), Cell.number(i + 1, f"a-{a.id}-0")) for i, a in enumerate(arts))
    table = Table("counts", "Counts", ("Outlet", "N"), rows)
    content = replace(
        _content(_view(columns=2, rows=1)),
        sections=(Section("s", "S", "", (table,)),),
        texts=texts,
    )
    html = render_print_html(content)
    for art in arts[:12]:
        assert f"<a href='#a-{art.id}-0'>" in html
        assert f"<a name='a-{art.id}-0'>" in html
    for art in arts[12:]:
        assert f"a-{art.id}-0" not in html  # not printed: no link that leads nowhere


def test_wide_tables_keep_row_labels_on_one_line() -> None:
    from analysis.reports.content import Cell

    columns = ("Passages of ↓ missing in →", *(f"Outlet {i}" for i in range(11)))
    rows = tuple(
        (Cell(f"The Selvik Courier {r}"), *(Cell.number(r) for _ in range(11))) for r in range(3)
    )
    narrow = Table("coverage", "Coverage", ("Outlet", "Shared %"), rows[:1])
    section = Section("s", "S", "", (Table("omissions", "Omission matrix", columns, rows), narrow))
    html = render_print_html(replace(_content(_view(columns=2, rows=1)), sections=(section,)))
    labels = re.findall(r"<td style='white-space:nowrap'>([^<]*)</td>", html)
    assert labels == [f"The Selvik Courier {r}" for r in range(3)]  # the narrow table wraps
    # Widths come from the content: the label column, with the longest texts, is widest.
    head = html[html.index("Omission matrix") :]
    widths = [int(w) for w in re.findall(r"<th [^>]*width='(\d+)%'", head)[:12]]
    assert widths[0] == max(widths) and widths[0] > widths[1]


def test_the_provenance_block_is_never_cut() -> None:
    from analysis.reports.content import Cell

    rows = tuple((Cell(f"input {i} SHA-256"), Cell(f"{i:064x}")) for i in range(400))
    content = replace(
        _content(_view(columns=2, rows=1)),
        provenance=Table("provenance", "Provenance", ("Item", "Value"), rows),
    )
    html = render_print_html(content)
    assert f"{399:064x}" in html
    assert "The first" not in html
