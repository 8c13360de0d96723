"""The omission matrix's one definition: a fact carried in part is never "not found"."""

from __future__ import annotations

import pytest

from analysis.model import Span
from analysis.omission import CARRYING, CellKind, join_words, matrix_rows
from analysis.result import ComparisonResult
from tests.partial_fixture import LEDGER_FUEL, VOICE_FUEL, make_partial_result


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    return make_partial_result()


def _text(result: ComparisonResult, article: str, spans: object) -> list[str]:
    text = result.article(article).text
    return [text[s.start : s.end] for s in spans]  # type: ignore[attr-defined]


def test_outlet_sharing_a_fact_of_a_cluster_is_not_missing(result: ComparisonResult) -> None:
    _ledger, voice, _coast = result.articles
    row = next(r for r in matrix_rows(result.articles, result.alignment) if r.cluster == 0)
    kinds = [c.kind for c in row.cells]
    assert kinds == [CellKind.EDITED, CellKind.PARTIAL, CellKind.EDITED]
    cell = row.cells[1]
    assert cell.kind.label == "shares a fact" and row.omitting == ()
    assert cell.evidence_article == voice.id and cell.position == "lead"
    assert voice.text[cell.start : cell.end].startswith("The island will be cut off")
    assert _text(result, voice.id, cell.shared) == ["from December", "halting the winter service"]


def test_sentences_linked_only_by_a_shared_fact_form_a_row(result: ComparisonResult) -> None:
    ledger, voice, coast = result.articles
    rows = matrix_rows(result.articles, result.alignment)
    row = next(r for r in rows if LEDGER_FUEL in r.texts[0])
    assert row.cluster is None and not row.only_here
    assert [c.kind for c in row.cells] == [CellKind.PARTIAL, CellKind.PARTIAL, CellKind.MISSING]
    assert row.omitting == (coast.id,)
    assert _text(result, ledger.id, row.cells[0].shared) == [LEDGER_FUEL]
    assert _text(result, voice.id, row.cells[1].shared) == [VOICE_FUEL]
    # one row per shared fact: the Voice's sentence sharing a fact of cluster 0 has none
    assert sum(1 for r in rows if r.cells[1].kind is CellKind.PARTIAL) == 2


def test_no_end_of_any_link_is_reported_not_found_beside_the_other(
    result: ComparisonResult,
) -> None:
    """In every row holding one end of a link, the other end's outlet carries the passage."""
    rows = matrix_rows(result.articles, result.alignment)
    assert result.alignment is not None
    for link in result.alignment.links:
        for here, there in ((link.a, link.b), (link.b, link.a)):
            for row in rows:
                cell = next(c for c in row.cells if c.article == here.article)
                if cell.kind in CARRYING and cell.start < here.end and here.start < cell.end:
                    other = next(c for c in row.cells if c.article == there.article)
                    assert other.kind in CARRYING, (row.excerpt, there.article)


def test_only_here_rows_are_what_no_link_touches(result: ComparisonResult) -> None:
    rows = [r for r in matrix_rows(result.articles, result.alignment) if r.only_here]
    assert {r.excerpt.split()[0] for r in rows} >= {"Council", "Islanders", "Shops"}
    for row in rows:
        assert len(row.omitting) == len(result.articles) - 1
    assert not any(
        r.only_here for r in matrix_rows(result.articles, result.alignment, unique=False)
    )


def test_labels_are_the_user_facing_words() -> None:
    labels = [k.label for k in CellKind]
    assert labels == [
        "verbatim", "edited", "paraphrase", "shares a fact", "only here", "not found"
    ]  # fmt: skip
    assert matrix_rows((), None) == ()


def test_shared_words_one_apart_by_spaces_are_one_run() -> None:
    text = "federal prosecutors plan to file charges"
    words = [Span(0, 7), Span(8, 19), Span(20, 24), Span(33, 40)]
    assert join_words(text, words) == (Span(0, 24), Span(33, 40))


def test_a_copied_member_also_locates_the_fact_it_shares_in_the_row(
    result: ComparisonResult,
) -> None:
    ledger = result.articles[0]
    row = next(r for r in matrix_rows(result.articles, result.alignment) if r.cluster == 0)
    cell = row.cells[0]
    assert cell.kind is CellKind.EDITED
    assert _text(result, ledger.id, cell.shared) == ["stop its winter crossings", "1 December"]
    assert row.cells[2].shared == ()  # the Coastline shares no fact with a partial cell here
