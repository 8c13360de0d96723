from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from analysis.model import Article
from analysis.reports.build import build_content
from analysis.reports.html import CSP, render_html
from analysis.result import ComparisonResult
from analysis.settings import CompareSettings
from tests.analysis.reports.conftest import HOSTILE, typed


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        for name, value in attrs:
            if name == "id" and value:
                self.ids.append(value)
            if name == "href" and value:
                self.hrefs.append(value)
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    return parser


def test_report_has_every_section(result: ComparisonResult, data: dict[str, Any]) -> None:
    html = render_html(build_content(typed(data)))
    for heading in (
        "Articles and headlines",
        "Headlines side by side",
        "Aligned passages",
        "Omission matrix",
        "Passages side by side",
        "Loaded terms",
        "Framing",
        "Readability",
        "Article texts",
        "Provenance",
    ):
        assert f">{heading}<" in html, heading
    for art in result.articles:
        assert art.sha256 in html
        assert art.outlet in html


def test_every_evidence_link_resolves_to_one_element(
    result: ComparisonResult, data: dict[str, Any]
) -> None:
    parsed = _parse(render_html(build_content(typed(data))))
    assert len(parsed.ids) == len(set(parsed.ids)), "duplicate ids"
    internal = [h[1:] for h in parsed.hrefs if h.startswith("#")]
    evidence = [h for h in internal if h.startswith("a-")]
    assert len(evidence) > 10
    missing = sorted(set(internal) - set(parsed.ids))
    assert missing == []


def test_numbers_link_to_the_span_they_count(
    result: ComparisonResult, data: dict[str, Any]
) -> None:
    html = render_html(build_content(typed(data)))
    b = result.articles[1]
    start = b.text.index("Regime")
    anchor = f"a-{b.id}-{start}"
    # The mark with that id holds the loaded word itself.
    assert re.search(rf'<mark class="[^"]*k-loaded[^"]*" id="{anchor}"[^>]*>Regime</mark>', html)
    assert f'href="#{anchor}"' in html


def test_self_contained_and_scriptless(result: ComparisonResult, data: dict[str, Any]) -> None:
    html = render_html(build_content(typed(data)))
    parsed = _parse(html)
    assert "script" not in parsed.tags
    assert CSP in html
    external = [h for h in parsed.hrefs if not h.startswith("#")]
    # Only the articles' own http(s) URLs are links; nothing is loaded from anywhere.
    assert external == ["https://example.org/harbour"]
    assert not any(n in ("src", "srcset") for n, _ in parsed.attrs)
    assert "<svg" in html and "@media print" in html


def _hostile_result() -> ComparisonResult:
    evil = Article.from_parts(
        title=f"Breaking {HOSTILE}",
        paragraphs=[f'Body {HOSTILE} and <a href="javascript:alert(1)">click</a>.'],
        outlet=f"Evil {HOSTILE}",
        source="evil.html",
        url="javascript:document.title='pwned'",
        author='"><svg onload=alert(1)>',
    )
    plain = Article.from_parts(
        title="Plain", paragraphs=["Plain body."], outlet="Plain", source="p"
    )
    return ComparisonResult((evil, plain), CompareSettings(), "2024-01-01T00:00:00+00:00")


def test_hostile_article_text_is_inert() -> None:
    html = render_html(build_content(_hostile_result()))
    parsed = _parse(html)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert not any(name.startswith("on") for name, _ in parsed.attrs)
    assert not any((v or "").lower().startswith("javascript:") for _, v in parsed.attrs)
    # The title is the outlet names as text, not what the markup inside them would do.
    assert parsed.title == f"Slant comparison: Evil {HOSTILE}, Plain"
    assert "&lt;script&gt;" in html
