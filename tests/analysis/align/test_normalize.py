from __future__ import annotations

from analysis.align.normalize import tokenize


def test_tokens_are_case_folded_with_offsets() -> None:
    text = "“About 3,000 people,” said O’Brien — in Selvik."
    tok = tokenize(text, base=10)
    assert tok.words == ("about", "3,000", "people", "said", "o'brien", "in", "selvik")
    start, end = tok.offsets[1]
    assert text[start - 10 : end - 10] == "3,000"
    assert tok.names == frozenset({"about", "o'brien", "selvik"})


def test_quote_style_and_dashes_do_not_change_the_normalised_string() -> None:
    assert (
        tokenize('"Calm -- down," he said.').normalized
        == tokenize("“Calm — down” He said").normalized
    )


def test_cjk_characters_are_tokens_and_cyrillic_is_words() -> None:
    assert tokenize("大桥关闭").words == ("大", "桥", "关", "闭")
    assert tokenize("Мост закрыт").words == ("мост", "закрыт")
