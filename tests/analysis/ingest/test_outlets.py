"""The curated domain → outlet table and its lookup."""

from __future__ import annotations

import pytest

from analysis.ingest import outlet_for_url
from analysis.ingest.outlets import domain_of, outlet_table


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://sputniknews.com/20211005/x.html", "Sputnik"),
        ("https://apnews.com/article/abc", "AP"),
        ("https://www.reuters.com/world/x", "Reuters"),
        ("https://www.aljazeera.com/news/2021/x", "Al Jazeera"),
        ("https://www.rt.com/news/1/", "RT"),
        ("https://www.trtworld.com/x", "TRT World"),
        ("http://www.xinhuanet.com/english/x.htm", "Xinhua"),
        ("https://www.presstv.ir/Detail/x", "Press TV"),
        ("https://edition.cnn.com/2021/10/05/x", "CNN"),
        ("https://news.sky.com/story/x", "Sky News"),
        ("https://en.yna.co.kr/view/x", "Yonhap"),
        ("https://amp.theguardian.com/world/x", "The Guardian"),
        ("https://WWW.BBC.CO.UK:443/news/x", "BBC"),
    ],
)
def test_known_outlets_and_their_subdomains(url: str, outlet: str) -> None:
    assert outlet_for_url(url) == outlet


def test_unknown_domains_give_none_and_a_bare_domain() -> None:
    assert outlet_for_url("https://www.example-gazette.test/a") is None
    assert domain_of("https://www.example-gazette.test/a") == "example-gazette.test"
    assert domain_of("https://m.news.example.org/x") == "example.org"
    assert domain_of("not a url") is None
    assert outlet_for_url("http://[::1/") is None


def test_table_is_large_and_clean() -> None:
    table = outlet_table()
    assert len(set(table.values())) >= 150
    for domain, name in table.items():
        assert domain == domain.strip().lower() and "." in domain and "/" not in domain
        assert name == name.strip() and name
