"""Downloading an article page over ``http``/``https`` with hard limits.

Limits: a timeout (20 s by default) from the request to the last byte of the body, however
slowly the server trickles it, a size cap (10 MB), at most 5 redirects (each target must be
http/https too), and a content-type check (HTML, or plain text). Every failure becomes a
:class:`FetchError` whose code says what went wrong, with one sentence for the user.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urlsplit

from analysis import __version__
from analysis.ingest.errors import FetchError, SourceTooLarge, UnsupportedSource

__all__ = ["USER_AGENT", "Fetched", "check_scheme", "fetch_url"]

USER_AGENT = f"Slant/{__version__} (+offline news comparison)"
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_CHUNK = 65536


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded page: its bytes, final URL, media type and declared charset."""

    body: bytes
    url: str
    content_type: str
    charset: str | None


def check_scheme(url: str) -> None:
    """Refuse every URL scheme but http and https.

    Raises:
        UnsupportedSource: For ``file://``, ``ftp://`` and every other scheme.
    """
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise UnsupportedSource(
            f"only http and https addresses can be loaded, not {scheme or 'this'}://.",
            code="load.url.scheme",
        )


def fetch_url(
    url: str,
    *,
    timeout: float = 20.0,
    max_bytes: int = 10_000_000,
    max_redirects: int = 5,
    opener: urllib.request.OpenerDirector | None = None,
) -> Fetched:
    """Download a page.

    Args:
        url: An ``http``/``https`` URL.
        timeout: Seconds from the request to the last byte of the body, however slowly
            the server sends it (each connection attempt, redirects included, is also
            bounded by it).
        max_bytes: Largest body accepted.
        max_redirects: Most redirects followed.
        opener: A urllib opener to use instead of the default one (tests, proxies).

    Returns:
        The page.

    Raises:
        FetchError: On DNS failure, refused connection, timeout, HTTP errors, redirect
            loops, or a content type that is not a web page.
        SourceTooLarge: When the body exceeds ``max_bytes``.
        UnsupportedSource: For schemes other than http/https.
    """
    check_scheme(url)
    director = opener or urllib.request.build_opener(_Redirects(max_redirects))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html"})
    deadline = time.monotonic() + timeout
    try:
        with director.open(request, timeout=timeout) as response:
            return _read(response, max_bytes, deadline=deadline)
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise _explain(exc, timeout) from exc


def _read(response: Any, max_bytes: int, deadline: float) -> Fetched:
    headers: HTTPMessage = response.headers
    ctype = headers.get_content_type()
    if ctype not in _HTML_TYPES:
        raise FetchError(
            f"the address gives {ctype}, not a web page.", code="load.url.content_type"
        )
    length = headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise _too_large(max_bytes)
    chunks: list[bytes] = []
    size = 0
    while True:
        _limit_next_read(response, deadline)
        if not (chunk := response.read1(_CHUNK)):
            break
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(max_bytes)
        chunks.append(chunk)
    charset = headers.get_content_charset()
    return Fetched(b"".join(chunks), response.geturl(), ctype, charset)


def _limit_next_read(response: Any, deadline: float) -> None:
    """Give the next read only the time left before ``deadline``.

    ``read1`` returns whatever one receive brings, so a server that trickles a byte at a
    time cannot keep a read (and Slant) waiting past the deadline.
    """
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError("the server took too long to send the page.", code="load.url.timeout")
    sock = getattr(getattr(response.fp, "raw", None), "_sock", None)  # http.client's socket
    if isinstance(sock, socket.socket):
        sock.settimeout(left)


def _too_large(max_bytes: int) -> SourceTooLarge:
    return SourceTooLarge(
        f"the page is larger than {max_bytes // 1_000_000} MB.", code="load.url.too_large"
    )


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow at most ``limit`` redirects, each to http/https only."""

    # urllib's own loop guard would otherwise fire first, with a vaguer message.
    max_repeats = max_redirections = 100

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        # urllib carries the URLs visited so far from request to request.
        done = sum(getattr(req, "redirect_dict", {}).values())
        if done + 1 > self.limit or urlsplit(newurl).scheme.lower() not in ("http", "https"):
            fp.close()  # urllib closes it only when the redirect goes ahead
        if done + 1 > self.limit:
            raise FetchError(
                f"the address redirects more than {self.limit} times (a redirect loop?).",
                code="load.url.redirects",
            )
        check_scheme(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _explain(exc: BaseException, timeout: float) -> FetchError:
    """Turn a urllib/socket exception into one sentence with a stable code."""
    if isinstance(exc, urllib.error.HTTPError):
        exc.close()
        reason = exc.reason if isinstance(exc.reason, str) else ""
        return FetchError(
            f"the server answered HTTP {exc.code} {reason}".rstrip() + ".",
            code=f"load.url.http_{exc.code}",
        )
    cause: object = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(cause, socket.gaierror):
        return FetchError("the server's name could not be found (DNS).", code="load.url.dns")
    if isinstance(cause, (TimeoutError, socket.timeout)):
        return FetchError(
            f"the server did not answer within {timeout:g} seconds.", code="load.url.timeout"
        )
    if isinstance(cause, ConnectionRefusedError):
        return FetchError("the server refused the connection.", code="load.url.refused")
    if isinstance(cause, ssl.SSLError):
        return FetchError("the secure connection failed (TLS).", code="load.url.tls")
    detail = getattr(cause, "strerror", None) or str(cause) or type(cause).__name__
    return FetchError(f"the page could not be downloaded ({detail}).", code="load.url.failed")
