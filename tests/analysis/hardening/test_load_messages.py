"""Issue 12, item 14: loads that were refused or garbled with a misleading message.

- UTF-16 without a byte-order mark was "binary data": it now loads.
- A page whose article sits deeper than the HTML parser's limit was "no article text": the
  text is now extracted.
- UTF-8 with some invalid bytes was decoded as a code page without a word ("CafÃ©"): it is
  now refused with one sentence naming the first bad byte and its line.
"""

from __future__ import annotations

import pytest

from analysis.ingest import load_bytes
from analysis.ingest.deep_html import MAX_DEPTH, flatten_deep_html
from analysis.ingest.errors import BinaryContent, UndecodableText

_TEXT = (
    "Café owners on Harbour Street said the council’s parking plan would cut their trade.\n\n"
    "The council said the plan would ease congestion near the ferry terminal by summer.\n"
)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_loads(codec: str) -> None:
    article = load_bytes(_TEXT.encode(codec), kind="text", source="a.txt")
    assert "Café owners on Harbour Street" in article.text
    assert "council’s parking plan" in article.text


def test_binary_with_nul_bytes_is_still_binary() -> None:
    with pytest.raises(BinaryContent):
        load_bytes(bytes(range(256)) * 40, kind="text", source="a.bin")


def test_utf16_pattern_that_does_not_decode_says_so() -> None:
    data = _TEXT.encode("utf-16-le") + "\ud800".encode("utf-16-le", "surrogatepass") + b"A\x00"
    with pytest.raises(UndecodableText, match="UTF-16-LE"):
        load_bytes(data, kind="text", source="a.txt")


def test_damaged_utf8_is_refused_with_where() -> None:
    good = _TEXT.encode("utf-8")
    cut = good.index(b"parking")
    data = good[:cut] + b"\xff" + good[cut:]
    with pytest.raises(UndecodableText) as caught:
        load_bytes(data, kind="text", source="a.txt")
    message = str(caught.value)
    assert "0xFF" in message and "line 1" in message and "1 byte" in message
    assert "\n" not in message


def test_damaged_utf8_names_the_line_of_the_first_bad_byte() -> None:
    data = _TEXT.encode("utf-8") + b"\nA third line with \xe9 a Latin-1 letter.\n"
    with pytest.raises(UndecodableText, match="line 5"):
        load_bytes(data, kind="text", source="a.txt")


def test_legacy_code_page_still_decodes() -> None:
    article = load_bytes(_TEXT.encode("cp1252"), kind="text", source="a.txt")
    assert "Café owners" in article.text and "council’s" in article.text


def _deep_page(depth: int) -> bytes:
    body = "".join(f"<p>{line}</p>" for line in _TEXT.split("\n") if line)
    return (
        "<!DOCTYPE html><html><head><title>Parking plan</title></head><body>"
        + "<div class='wrap'>" * depth
        + f"<article>{body}<p>Traders &amp; residents meet on Monday.</p></article>"
        + "</div>" * depth
        + "</body></html>"
    ).encode()


@pytest.mark.parametrize("depth", [300, 5_000])
def test_deep_html_with_text_is_extracted(depth: int) -> None:
    article = load_bytes(_deep_page(depth), kind="html", source="deep.html")
    assert "council’s parking plan" in article.text
    assert "Traders & residents" in article.text


def test_flattening_keeps_text_and_bounds_depth() -> None:
    flat = flatten_deep_html(_deep_page(1_000).decode())
    assert flat is not None
    page, depth = flat
    assert depth > 1_000
    assert page.count("<div") == MAX_DEPTH - 2  # html and body are the first two levels
    assert "Traders &amp; residents" in page


def test_shallow_pages_are_not_rewritten() -> None:
    assert flatten_deep_html(_deep_page(20).decode()) is None
