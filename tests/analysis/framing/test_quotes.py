from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.framing.quotes import in_quotation, quotation_spans
from analysis.model import Span

OPENING = set("\"'“„«»‹›‘‚")
CLOSING = set("\"'”“»«›‹’‘")


def quoted(text: str) -> list[str]:
    return [s.slice(text) for s in quotation_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" today.', ['"we will win"']),
        ("He said “we will win” today.", ["“we will win”"]),
        ("He said ‘we will win’ today.", ["‘we will win’"]),
        ("He said 'we will win' today.", ["'we will win'"]),
        ("Il a dit «nous gagnerons» hier.", ["«nous gagnerons»"]),
        ("Il a dit « nous gagnerons » hier.", ["« nous gagnerons »"]),
        ("Er sagte „wir gewinnen“ gestern.", ["„wir gewinnen“"]),
        ("Er sagte ‚wir gewinnen‘ gestern.", ["‚wir gewinnen‘"]),
    ],
)
def test_each_quote_style_is_found_with_its_marks(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I don't know why O'Brien left.",
        "Paris' role in the '90s was small.",
        "The players' union met; rock 'n' roll.",
        "We’ll see, said the ministers’ aide about ’em.",
        "It's the '80s' last gasp, isn't it?",
    ],
)
def test_apostrophes_are_not_quotations(text: str) -> None:
    assert quoted(text) == []


def test_apostrophes_inside_a_quotation_do_not_cut_it() -> None:
    text = "\"Something doesn't add up and we don't know what,\" he said."
    assert quoted(text) == ["\"Something doesn't add up and we don't know what,\""]


def test_single_quotes_after_a_possessive_still_pair() -> None:
    text = "The ministers' aide said 'no deal' twice."
    assert quoted(text) == ["'no deal'"]


def test_nested_quotation_belongs_to_the_outer_span() -> None:
    text = '“He told me ‘never again’ and left,” she said, adding "fine".'
    assert quoted(text) == ["“He told me ‘never again’ and left,”", '"fine"']


def test_multi_paragraph_quotation_continues_when_next_paragraph_opens_with_a_mark() -> None:
    text = '"We will stay.\n\n"We will not leave," he said.\n\nAfter that "x" happened.'
    assert quoted(text) == ['"We will stay.\n\n"We will not leave,"', '"x"']


def test_unclosed_quotation_without_continuation_is_dropped() -> None:
    text = '"We will stay.\n\nHe left. Later "a deal" came.'
    assert quoted(text) == ['"a deal"']


def test_unbalanced_opener_gives_way_to_a_later_pair() -> None:
    assert quoted('It was "odd and he "left" early.') == ['"left"']
    assert quoted("“one “two” three") == ["“two”"]


def test_glued_sentences_close_the_quotation() -> None:
    text = 'the "Indo-Pacific area."Blinken\'s visit'
    assert quoted(text) == ['"Indo-Pacific area."']


def test_no_quotes_and_empty_text() -> None:
    assert quotation_spans("") == ()
    assert quotation_spans("Plain words, no marks at all.") == ()


def test_in_quotation_checks_containment() -> None:
    text = 'A "b c" d "e" f'
    spans = quotation_spans(text)
    assert in_quotation(spans, Span(4, 5))
    assert not in_quotation(spans, Span(0, 1))
    assert not in_quotation(spans, Span(5, 9))  # crosses the closing mark
    assert in_quotation(spans, Span(11, 12))
    assert not in_quotation((), Span(0, 1))


def test_large_text_is_handled() -> None:
    chunk = 'He said "yes" and \'no\' and “maybe” and then "unbalanced. '
    text = chunk * 20_000
    spans = quotation_spans(text)
    assert len(spans) >= 60_000
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


MARKY = st.text(
    alphabet=st.sampled_from(list("ab .,\n'\"“”„«»‹›‘’‚-9")),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(MARKY)
def test_spans_are_sorted_disjoint_in_bounds_and_bounded_by_marks(text: str) -> None:
    spans = quotation_spans(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert len(span) >= 2
        assert text[span.start] in OPENING
        assert text[span.end - 1] in CLOSING
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_gives_valid_spans(text: str) -> None:
    spans = quotation_spans(text)
    assert list(spans) == sorted(spans)
    assert all(0 <= s.start < s.end <= len(text) for s in spans)
    assert all(in_quotation(spans, s) for s in spans)
