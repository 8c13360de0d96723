from __future__ import annotations

from analysis.align.changes import word_changes
from analysis.align.normalize import tokenize
from analysis.align.values import ChangeKind


def _changes(a: str, b: str) -> list[tuple[str, str, str]]:
    ta, tb = tokenize(a), tokenize(b)
    out = word_changes(ta, 0, len(ta.words), tb, 0, len(tb.words))
    return [(c.kind.value, a[c.a_start : c.a_end], b[c.b_start : c.b_end]) for c in out]


def test_touching_edits_coalesce_into_one_replacement() -> None:
    assert _changes("a plan to lease its port", "a plan to sell off its port") == [
        ("replace", "lease", "sell off")
    ]


def test_insert_and_delete_have_an_empty_side_at_the_insertion_point() -> None:
    a, b = "the union put the number at 12,000", "the union put the number at more than 12,000"
    ta, tb = tokenize(a), tokenize(b)
    (change,) = word_changes(ta, 0, len(ta.words), tb, 0, len(tb.words))
    assert change.kind is ChangeKind.INSERT
    assert change.a_start == change.a_end == a.index(" 12,000")
    assert b[change.b_start : change.b_end] == "more than"
    assert _changes(b, a) == [("delete", "more than", "")]


def test_case_and_punctuation_are_not_changes() -> None:
    assert _changes("Police said, “calm down.”", "police said: 'Calm down'") == []


def test_offsets_respect_a_token_range() -> None:
    text = "First words here. Police said they would stay."
    ta = tokenize(text)
    tb = tokenize("Police claimed they would stay.")
    lo = ta.words.index("police")
    (change,) = word_changes(ta, lo, len(ta.words), tb, 0, len(tb.words))
    assert text[change.a_start : change.a_end] == "said"
