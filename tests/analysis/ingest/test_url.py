"""URL loading against a real HTTP server on loopback (no mocks, no outside traffic)."""

from __future__ import annotations

import time
from http.server import ThreadingHTTPServer

import pytest

from analysis.errors import LoadError
from analysis.ingest import USER_AGENT, fetch_url, load_source


def _code(exc: pytest.ExceptionInfo[LoadError]) -> str:
    return exc.value.code


def test_article_page_loads_with_metadata(base_url: str) -> None:
    article = load_source(f"{base_url}/article")
    assert article.title == "Harbour authority approves night ferries after months of delay"
    assert article.outlet == "The Coastline Courier"
    assert article.source == f"{base_url}/article"
    assert article.url == "https://coastlinecourier.example/news/2025/05/17/night-ferries"
    assert "Accept all cookies" not in article.text


def test_sends_a_clear_user_agent(base_url: str, http_server: ThreadingHTTPServer) -> None:
    fetch_url(f"{base_url}/article")
    assert http_server.seen_agents[-1] == USER_AGENT  # type: ignore[attr-defined]
    assert USER_AGENT == "Slant/0.1.0 (+offline news comparison)"


def test_http_charset_header_decodes_latin1(base_url: str) -> None:
    article = load_source(f"{base_url}/latin1")
    assert "René Dupré" in article.text
    assert article.title == "Café owners protest"


def test_plain_text_page_loads_as_text(base_url: str) -> None:
    article = load_source(f"{base_url}/plain")
    assert article.title == "Ferry talks resume"
    assert article.outlet == "127.0.0.1"


def test_up_to_five_redirects_are_followed(base_url: str) -> None:
    page = fetch_url(f"{base_url}/hop/4")
    assert page.url.endswith("/article")


@pytest.mark.parametrize("path", ["/hop/5", "/loop"])
def test_more_than_five_redirects_fail(base_url: str, path: str) -> None:
    with pytest.raises(LoadError) as exc:
        fetch_url(base_url + path)
    assert _code(exc) == "load.url.redirects"
    assert "redirects more than 5 times" in str(exc.value)


def test_redirect_to_another_scheme_is_refused(base_url: str) -> None:
    with pytest.raises(LoadError) as exc:
        fetch_url(f"{base_url}/to-ftp")
    assert _code(exc) == "load.url.scheme"


@pytest.mark.parametrize(
    ("status", "code"), [(404, "load.url.http_404"), (500, "load.url.http_500")]
)
def test_http_errors(base_url: str, status: int, code: str) -> None:
    with pytest.raises(LoadError) as exc:
        load_source(f"{base_url}/status/{status}")
    assert _code(exc) == code
    assert f"HTTP {status}" in str(exc.value)


@pytest.mark.parametrize("path", ["/empty", "/empty-plain"])
def test_empty_page(base_url: str, path: str) -> None:
    with pytest.raises(LoadError) as exc:
        load_source(base_url + path)
    assert _code(exc) == "load.empty"
    assert str(exc.value) == "the page is empty."


def test_non_html_content_type(base_url: str) -> None:
    with pytest.raises(LoadError) as exc:
        load_source(f"{base_url}/pdf")
    assert _code(exc) == "load.url.content_type"
    assert "application/pdf" in str(exc.value)


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_too_large_with_and_without_content_length(base_url: str, path: str) -> None:
    with pytest.raises(LoadError) as exc:
        fetch_url(base_url + path, max_bytes=10_000)
    assert _code(exc) == "load.url.too_large"


def test_default_cap_lets_a_normal_page_through(base_url: str) -> None:
    assert len(fetch_url(f"{base_url}/big").body) > 50_000


def test_timeout_is_reported(base_url: str) -> None:
    with pytest.raises(LoadError) as exc:
        fetch_url(f"{base_url}/slow", timeout=0.5)
    assert _code(exc) == "load.url.timeout"
    assert "0.5 seconds" in str(exc.value)


def test_a_trickling_server_cannot_outlast_the_timeout(base_url: str) -> None:
    # Each byte arrives well within the timeout; only a deadline for the whole body stops it.
    started = time.monotonic()
    with pytest.raises(LoadError) as exc:
        fetch_url(f"{base_url}/trickle", timeout=1.0)
    assert _code(exc) == "load.url.timeout"
    assert time.monotonic() - started < 10  # the body alone would take 40 s


def test_default_cap_refuses_a_declared_11_mb_page(base_url: str) -> None:
    with pytest.raises(LoadError) as exc:
        fetch_url(f"{base_url}/huge")
    assert _code(exc) == "load.url.too_large"
    assert "larger than 10 MB" in str(exc.value)


def test_refused_connection(dead_url: str) -> None:
    with pytest.raises(LoadError) as exc:
        load_source(dead_url)
    assert _code(exc) == "load.url.refused"


def test_dns_failure_on_invalid_name() -> None:
    with pytest.raises(LoadError) as exc:
        load_source("http://no-such-host.invalid/article")
    assert _code(exc) == "load.url.dns"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/a.html", "gopher://x/"])
def test_other_schemes_are_refused(url: str) -> None:
    with pytest.raises(LoadError) as exc:
        load_source(url)
    assert _code(exc) == "load.url.scheme"
    assert url.split(":")[0] + "://" in str(exc.value)
