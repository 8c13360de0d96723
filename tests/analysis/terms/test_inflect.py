from __future__ import annotations

import pytest

from analysis.terms.inflect import inflections, tokenize


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("slam", {"slams", "slammed", "slamming"}),
        ("blast", {"blasts", "blasted", "blasting"}),
        ("fury", {"furies"}),
        ("rage", {"rages", "raged", "raging"}),
        ("admit", {"admits", "admitted", "admitting"}),
        ("clash", {"clashes", "clashed"}),
        ("deny", {"denies", "denied", "denying"}),
    ],
)
def test_regular_forms(word: str, forms: set[str]) -> None:
    assert forms | {word} <= inflections(word)


def test_one_syllable_doubling_does_not_invent_other_words() -> None:
    assert "rated" not in inflections("rat")
    assert "ratted" in inflections("rat")


def test_function_words_and_numbers_do_not_inflect() -> None:
    assert inflections("the") == frozenset({"the"})
    assert inflections("g7") == frozenset({"g7"})


def test_tokenize_offsets_and_case() -> None:
    text = "So-called “Regime’s” 9/11"
    toks = list(tokenize(text))
    assert [t for _, _, t in toks] == ["so", "called", "regime", "s", "9", "11"]
    assert all(text[s:e].lower() == t for s, e, t in toks)
