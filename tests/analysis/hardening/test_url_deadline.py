"""Issue 12, items 4, 10, 11 and 14 (URLs): one deadline, whole bodies, honest messages.

The servers are real, on loopback (``hostile_server``). The elapsed-time bounds below are
generous correctness limits (a deadline of 1.5 s must not take 30 s), not speed targets.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from analysis.errors import LoadError
from analysis.ingest import fetch_url, load_source
from tests.analysis.hardening.hostile_server import serve


@pytest.fixture(scope="module")
def hostile() -> Iterator[str]:
    with serve() as url:
        yield url


def _fails(url: str, **kwargs: object) -> tuple[LoadError, float]:
    started = time.monotonic()
    with pytest.raises(LoadError) as info:
        fetch_url(url, **kwargs)  # type: ignore[arg-type]
    return info.value, time.monotonic() - started


def test_trickled_headers_cannot_outlast_the_deadline(hostile: str) -> None:
    error, took = _fails(f"{hostile}/trickle-headers", timeout=1.5)
    assert error.code == "load.url.timeout"
    assert took < 6  # the headers alone take 60 s; before the fix this took that long


def test_slow_redirect_hops_share_one_deadline(hostile: str) -> None:
    # five hops of 0.8 s each: every hop is within the deadline, all of them are not
    error, took = _fails(f"{hostile}/slow-hop/4", timeout=2.0)
    assert error.code == "load.url.timeout"
    assert took < 6


def test_a_fast_page_still_loads_through_redirects(hostile: str) -> None:
    assert b"Ferry talks resume" in fetch_url(f"{hostile}/slow-hop/0", timeout=10).body


def test_cancelling_stops_a_slow_download_at_once(hostile: str) -> None:
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    error, took = _fails(f"{hostile}/slow-body", timeout=20, is_cancelled=cancel.is_set)
    assert error.code == "load.url.cancelled"
    assert took < 5


def test_a_body_shorter_than_its_content_length_is_refused(hostile: str) -> None:
    error, _ = _fails(f"{hostile}/truncated")
    assert error.code == "load.url.truncated"
    assert "5,000 bytes" in str(error) and "cut off" in str(error)


def test_invalid_chunked_encoding_says_so(hostile: str) -> None:
    error, _ = _fails(f"{hostile}/bad-chunked")
    assert "IncompleteRead" not in str(error)
    assert error.code in ("load.url.truncated", "load.url.protocol")


def test_a_gzip_encoded_page_is_decompressed(hostile: str) -> None:
    article = load_source(f"{hostile}/gzip")
    assert article.title == "Ferry talks resume"


def test_an_unknown_content_encoding_is_named(hostile: str) -> None:
    error, _ = _fails(f"{hostile}/brotli")
    assert error.code == "load.url.encoding" and "'br'" in str(error)


def test_escape_codes_and_newlines_in_a_status_line_are_made_printable(hostile: str) -> None:
    error, _ = _fails(f"{hostile}/escape-status")
    message = str(error)
    assert "\x1b" not in message and "\n" not in message
    assert "HTTP 503" in message and "\\x1b" in message


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("http://user:pass@127.0.0.1:9/page", "user name or password"),
        ("javascript:alert(1)", "not javascript: addresses"),
        ("data:text/html,<p>hi</p>", "not data: addresses"),
    ],
)
def test_addresses_get_the_right_sentence(source: str, expected: str) -> None:
    with pytest.raises(LoadError) as info:
        load_source(source)
    assert expected in str(info.value)
    assert "DNS" not in str(info.value) and "no such file" not in str(info.value)
