from __future__ import annotations

import pytest

from analysis.reports.escape import csv_cell, html_attr, html_text, md_text, safe_url, slug


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", '=HYPERLINK("x")'],
)
def test_formula_like_text_is_neutralised(text: str) -> None:
    cell = csv_cell(text)
    assert cell == "'" + text


@pytest.mark.parametrize("value", [3, -3, 2.5, -0.25, 0])
def test_numbers_stay_numbers(value: float) -> None:
    assert csv_cell(value) == value


@pytest.mark.parametrize("text", ["-3", "+1.5", "-0.25", "1e3"])
def test_number_strings_are_left_alone(text: str) -> None:
    assert csv_cell(text) == text


def test_plain_text_and_none() -> None:
    assert csv_cell("Harbour Times") == "Harbour Times"
    assert csv_cell(None) == ""
    assert csv_cell(True) == "true"


def test_html_text_escapes_markup() -> None:
    escaped = html_text("<script>alert(\"x\")</script> & 'q'")
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped and "'" not in escaped
    assert escaped.startswith("&lt;script&gt;")


def test_html_attr_cannot_close_the_attribute() -> None:
    assert '"' not in html_attr('x" onerror="alert(1)')


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "//evil.example/x",
        "http:///nohost",
        "",
        None,
    ],
)
def test_unsafe_urls_are_refused(url: str | None) -> None:
    assert safe_url(url) is None


def test_web_urls_are_kept() -> None:
    assert safe_url("https://example.org/a?b=1#c") == "https://example.org/a?b=1#c"
    assert safe_url("HTTP://example.org") == "HTTP://example.org"


def test_md_text_escapes_table_breakers_and_html() -> None:
    escaped = md_text("a | b <b>bold</b> *x* [l](javascript:x)\nnext")
    assert (
        "\\|" in escaped and "\\<b\\>" in escaped and "\\*x\\*" in escaped and "\\[l\\]" in escaped
    )
    assert "\n" not in escaped


def test_md_text_keeps_edge_spaces() -> None:
    assert md_text(" word ") == " word "


def test_slug() -> None:
    assert slug("Term counts (all)") == "term-counts-all"
    assert slug("***") == "x"
