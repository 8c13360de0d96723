"""KWIC sorting against orders worked out by hand."""

from __future__ import annotations

import csv
import io

import pytest

from analysis.errors import AnalysisError
from analysis.model import Article
from analysis.terms import kwic
from analysis.terms.kwic_sort import context_word, kwic_csv, sort_kwic

# Three uses of "cat", in text order:
#   1 "the big cat sat on a mat"      L1 big    L2 the    L3 -     R1 sat  R2 on   R3 a
#   2 "a small cat ran to the door"   L1 small  L2 a      L3 mat   R1 ran  R2 to   R3 the
#   3 "one cat ate fish"              L1 one    L2 door   L3 the   R1 ate  R2 fish R3 -
TEXT = "The big cat sat on a mat. A small cat ran to the door. One cat ate fish."
ART = Article.from_parts(title="", paragraphs=[TEXT], outlet="Tabby Times", source="t")


def _order(keys: tuple[str, ...]) -> list[int]:
    lines = kwic([ART], "cat")
    firsts = [line.start for line in lines]
    return [firsts.index(line.start) + 1 for line in sort_kwic(lines, [ART], keys)]


@pytest.mark.parametrize(
    ("keys", "order"),
    [
        (("L1",), [1, 3, 2]),  # big, one, small
        (("L2",), [2, 3, 1]),  # a, door, the
        (("L3",), [1, 2, 3]),  # "" (none), mat, the
        (("R1",), [3, 2, 1]),  # ate, ran, sat
        (("R2",), [3, 1, 2]),  # fish, on, to
        (("R3",), [3, 1, 2]),  # "" (none), a, the
    ],
)
def test_sort_by_each_context_word(keys: tuple[str, ...], order: list[int]) -> None:
    assert _order(keys) == order


def test_ties_fall_to_the_next_key_then_to_text_order() -> None:
    text = "Big cat ran. Big cat ate. Big cat ran."
    art = Article.from_parts(title="", paragraphs=[text], outlet="X", source="x")
    lines = kwic([art], "cat")
    by_l1 = sort_kwic(lines, [art], ("L1",))
    assert [line.start for line in by_l1] == [line.start for line in lines]  # all "big": kept
    by_l1_r1 = sort_kwic(lines, [art], ("L1", "R1"))
    assert [line.start for line in by_l1_r1] == [lines[1].start, lines[0].start, lines[2].start]


def test_context_word_reads_the_text_and_refuses_unknown_keys() -> None:
    line = kwic([ART], "cat")[0]
    assert [context_word(line, ART.text, k) for k in ("L1", "R1", "R3")] == ["big", "sat", "a"]
    with pytest.raises(AnalysisError) as err:
        context_word(line, ART.text, "L4")
    assert err.value.code == "analysis.kwic_key"


def test_export_as_csv_in_the_sorted_order() -> None:
    lines = sort_kwic(kwic([ART], "cat"), [ART], ("R1",))
    rows = list(csv.reader(io.StringIO(kwic_csv(lines, {ART.id: ART.outlet}).decode("utf-8-sig"))))
    assert rows[0] == ["outlet", "article_id", "start", "end", "left", "match", "right"]
    assert [r[6].split()[0] for r in rows[1:]] == ["ate", "ran", "sat"]
    assert {r[0] for r in rows[1:]} == {"Tabby Times"}
    assert [TEXT[int(r[2]) : int(r[3])] for r in rows[1:]] == ["cat"] * 3
