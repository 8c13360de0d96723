"""Downloading an article page over ``http``/``https`` with hard limits.

Limits: **one deadline for the whole exchange** (20 s by default): connecting, sending the
request, reading the status line and headers, every redirect hop and the body all count
against it, however slowly a server trickles bytes. A watchdog thread shuts the socket when
the deadline passes (or when the caller cancels), so no blocking read can outlive it.
Also: a size cap (10 MB, checked on the decompressed body too), at most 5 redirects (each
to http/https), a content-type check (HTML or plain text), and a body that must be as long
as its ``Content-Length`` says. Every failure is a :class:`FetchError` (or
:class:`SourceTooLarge`) whose code says what went wrong, with one sentence for the user in
which any text from the server is made printable (:mod:`analysis.terminal`).
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from analysis import __version__
from analysis.ingest.errors import FetchError, SourceTooLarge, UnsupportedSource
from analysis.terminal import printable

__all__ = ["USER_AGENT", "Fetched", "check_scheme", "fetch_url"]

USER_AGENT = f"Slant/{__version__} (+offline news comparison)"
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_CHUNK = 65536
_REDIRECTS = (301, 302, 303, 307, 308)
_TICK = 0.05  # how often the watchdog looks at the clock and the cancel flag


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded page: its bytes, final URL, media type and declared charset."""

    body: bytes
    url: str
    content_type: str
    charset: str | None


def check_scheme(url: str) -> None:
    """Refuse every URL scheme but http and https, and addresses with a user name.

    Raises:
        UnsupportedSource: For ``file:``, ``ftp:``, ``javascript:``, ``data:`` and every
            other scheme, and for ``user:password@`` addresses.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        mark = "://" if url[len(scheme) + 1 : len(scheme) + 3] == "//" else ":"
        shown = printable(scheme, 20) + mark if scheme else "this kind of"
        raise UnsupportedSource(
            f"only http and https addresses can be loaded, not {shown} addresses.",
            code="load.url.scheme",
        )
    if "@" in parts.netloc:
        raise UnsupportedSource(
            "the address holds a user name or password (user:pass@); Slant does not send "
            "those, so remove them from the address.",
            code="load.url.credentials",
        )


class _Watchdog:
    """Shuts the current socket when the deadline passes or the caller cancels."""

    def __init__(self, timeout: float, is_cancelled: Callable[[], bool] | None) -> None:
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        self.fired = ""  # "timeout" or "cancelled" once it has shut a socket
        self._cancelled = is_cancelled or (lambda: False)
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="slant-url-watchdog", daemon=True)
        self._thread.start()

    def guard(self, sock: socket.socket | None) -> None:
        """Watch ``sock`` from now on (the connection of the current hop)."""
        with self._lock:
            self._sock = sock
            if self.fired and sock is not None:
                _shut(sock)

    def left(self) -> float:
        """Seconds left; raises the timeout error when none are."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0 or self.fired:
            raise self.error()
        return remaining

    def error(self) -> FetchError:
        """The error that ends a fetch stopped by this watchdog."""
        if self.fired == "cancelled" or self._cancelled():
            return FetchError("the download was cancelled.", code="load.url.cancelled")
        return FetchError(
            f"the server did not send the whole page within {self.timeout:g} seconds.",
            code="load.url.timeout",
        )

    def stop(self) -> None:
        """End the watchdog thread."""
        self._done.set()

    def _watch(self) -> None:
        while not self._done.wait(_TICK):
            reason = "cancelled" if self._cancelled() else ""
            if not reason and time.monotonic() >= self.deadline:
                reason = "timeout"
            if reason:
                with self._lock:
                    self.fired = reason
                    if self._sock is not None:
                        _shut(self._sock)
                return


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)  # wakes a thread blocked in recv() at once


def fetch_url(
    url: str,
    *,
    timeout: float = 20.0,
    max_bytes: int = 10_000_000,
    max_redirects: int = 5,
    is_cancelled: Callable[[], bool] | None = None,
) -> Fetched:
    """Download a page within one deadline.

    Args:
        url: An ``http``/``https`` URL.
        timeout: Seconds for the whole exchange: connection, headers, redirects and body.
        max_bytes: Largest body accepted (after decompression).
        max_redirects: Most redirects followed.
        is_cancelled: Polled about every 50 ms; when true the download stops at once.

    Returns:
        The page.

    Raises:
        FetchError: On DNS failure, refused connection, timeout, cancellation, HTTP errors,
            redirect loops, a cut-off or malformed response, or a content type that is not
            a web page.
        SourceTooLarge: When the body exceeds ``max_bytes``.
        UnsupportedSource: For schemes other than http/https, or user names in the address.
    """
    check_scheme(url)
    watchdog = _Watchdog(timeout, is_cancelled)
    try:
        for _hop in range(max_redirects + 1):
            fetched, target = _one_hop(url, watchdog, max_bytes)
            if fetched is not None:
                return fetched
            url = target
        raise FetchError(
            f"the address redirects more than {max_redirects} times (a redirect loop?).",
            code="load.url.redirects",
        )
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if watchdog.fired or isinstance(exc, TimeoutError):
            raise watchdog.error() from exc
        raise _explain(exc) from exc
    finally:
        watchdog.stop()


def _one_hop(url: str, watchdog: _Watchdog, max_bytes: int) -> tuple[Fetched | None, str]:
    """Fetch one URL; return the page, or None and the redirect target."""
    parts = urlsplit(url)
    cls = (
        http.client.HTTPSConnection
        if parts.scheme.lower() == "https"
        else http.client.HTTPConnection
    )
    conn = cls(parts.hostname or "", parts.port, timeout=watchdog.left())
    response: http.client.HTTPResponse | None = None
    try:
        conn.connect()
        watchdog.guard(conn.sock)
        if conn.sock is not None:
            conn.sock.settimeout(watchdog.left())  # each read ends by the deadline anyway
        path = parts.path or "/"
        conn.request("GET", path + (f"?{parts.query}" if parts.query else ""), headers={
            "User-Agent": USER_AGENT, "Accept": "text/html", "Accept-Encoding": "gzip, deflate",
        })  # fmt: skip
        response = conn.getresponse()
        watchdog.left()
        if response.status in _REDIRECTS:
            location = response.getheader("Location")
            if not location:
                raise FetchError(
                    "the server redirected without saying where.", code="load.url.redirect"
                )
            target = urljoin(url, location)
            check_scheme(target)
            return None, target
        if response.status >= 400:
            reason = printable(response.reason or "", 60)
            raise FetchError(
                f"the server answered HTTP {response.status} {reason}".rstrip() + ".",
                code=f"load.url.http_{response.status}",
            )
        return _read(response, url, watchdog, max_bytes), url
    finally:
        watchdog.guard(None)
        if response is not None:
            response.close()  # it holds the socket when the connection has let go of it
        conn.close()


def _read(
    response: http.client.HTTPResponse, url: str, watchdog: _Watchdog, max_bytes: int
) -> Fetched:
    headers: Message = response.msg
    ctype = headers.get_content_type()
    if ctype not in _HTML_TYPES:
        raise FetchError(
            f"the address gives {printable(ctype, 60)}, not a web page.",
            code="load.url.content_type",
        )
    declared = _length(headers.get("Content-Length"))
    if declared is not None and declared > max_bytes:
        raise _too_large(max_bytes)
    decoder = _decoder(headers.get("Content-Encoding"))
    chunks: list[bytes] = []
    size = raw = 0
    while True:
        watchdog.left()
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        raw += len(chunk)
        if decoder is not None:
            chunk = decoder.decompress(chunk, max_bytes + 1 - size)
        size += len(chunk)
        if size > max_bytes or raw > max_bytes:
            raise _too_large(max_bytes)
        chunks.append(chunk)
    watchdog.left()  # a socket the watchdog shut reads as an early end: say why it ended
    if declared is not None and raw < declared:
        raise FetchError(
            f"the server sent {raw:,} of the {declared:,} bytes it announced "
            "(the page is cut off).",
            code="load.url.truncated",
        )
    if decoder is not None and not decoder.eof:
        raise FetchError("the server's compressed page is cut off.", code="load.url.truncated")
    return Fetched(b"".join(chunks), url, ctype, headers.get_content_charset())


def _length(value: str | None) -> int | None:
    if value is None or not value.strip().isdigit() or len(value.strip()) > 15:
        return None
    return int(value.strip())


def _decoder(encoding: str | None) -> zlib._Decompress | None:
    """A bounded decompressor for gzip/deflate bodies; None for an identity body."""
    name = (encoding or "identity").strip().lower()
    if name in ("", "identity"):
        return None
    if name in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if name == "deflate":
        return zlib.decompressobj()
    raise FetchError(
        f"the server sent the page compressed as '{printable(name, 20)}', which Slant cannot read.",
        code="load.url.encoding",
    )


def _too_large(max_bytes: int) -> SourceTooLarge:
    return SourceTooLarge(
        f"the page is larger than {max_bytes // 1_000_000} MB.", code="load.url.too_large"
    )


def _explain(exc: BaseException) -> FetchError:
    """Turn a socket/http.client exception into one sentence with a stable code."""
    if isinstance(exc, FetchError):
        return exc
    if isinstance(exc, socket.gaierror):
        return FetchError("the server's name could not be found (DNS).", code="load.url.dns")
    if isinstance(exc, ConnectionRefusedError):
        return FetchError("the server refused the connection.", code="load.url.refused")
    if isinstance(exc, ssl.SSLError):
        return FetchError("the secure connection failed (TLS).", code="load.url.tls")
    if isinstance(exc, http.client.IncompleteRead):
        return FetchError(
            "the server's response was cut off or badly encoded.", code="load.url.truncated"
        )
    if isinstance(exc, http.client.HTTPException | zlib.error):
        return FetchError(
            "the server's response is not valid HTTP (malformed status, headers or body).",
            code="load.url.protocol",
        )
    detail = getattr(exc, "strerror", None) or type(exc).__name__
    return FetchError(
        f"the page could not be downloaded ({printable(str(detail), 80)}).", code="load.url.failed"
    )
