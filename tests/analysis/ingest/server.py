"""A real HTTP server on loopback with a route for every case the URL loader handles."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

ARTICLE_HTML = (FIXTURES / "saved_page.html").read_bytes()
LATIN1_HTML = (
    "<html><head><title>Caf\u00e9 owners protest</title></head><body><article>"
    "<h1>Caf\u00e9 owners protest</h1>"
    + "<p>The caf\u00e9 owners of the old town, led by Ren\u00e9 Dupr\u00e9, marched on Monday "
    "against the new terrace fees, which they called unfair and ruinous for small firms.</p>"
    * 3
    + "</article></body></html>"
).encode("latin-1")


class _Handler(BaseHTTPRequestHandler):
    """Routes for every case the URL loader must handle."""

    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        path = self.path
        self.server.seen_agents.append(self.headers.get("User-Agent", ""))  # type: ignore[attr-defined]
        if path == "/article":
            self._send(200, "text/html; charset=utf-8", ARTICLE_HTML)
        elif path == "/latin1":
            self._send(200, "text/html; charset=ISO-8859-1", LATIN1_HTML)
        elif path == "/plain":
            body = (
                b"Ferry talks resume\n\nTalks on the night ferry resumed on Monday, officials said."
            )
            self._send(200, "text/plain", body)
        elif path in ("/empty", "/empty-plain"):
            self._send(200, "text/plain" if path.endswith("plain") else "text/html", b"  \n")
        elif path == "/pdf":
            self._send(200, "application/pdf", b"%PDF-1.4 not really a pdf")
        elif path.startswith("/status/"):
            self._send(int(path.rsplit("/", 1)[1]), "text/html", b"<html><body>No</body></html>")
        elif path == "/big":
            self._send(200, "text/html", b"<p>" + b"x" * 50_000 + b"</p>")
        elif path == "/huge":  # declares 11 MB; the loader must refuse before reading it
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "11000000")
            self.end_headers()
            self.wfile.write(b"<html>")
        elif path == "/big-unsized":
            self._send(200, "text/html", b"<p>" + b"y" * 50_000 + b"</p>", length=False)
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            self._redirect("/article" if left == 0 else f"/hop/{left - 1}")
        elif path == "/loop":
            self._redirect("/loop")
        elif path == "/to-ftp":
            self._redirect("ftp://127.0.0.1/file.html")
        elif path == "/trickle":  # headers at once, then one byte every 0.2 s for 40 s
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "200")
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                for _ in range(200):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
        elif path == "/slow":
            time.sleep(3)
            self._send(200, "text/html", ARTICLE_HTML)
        else:
            self._send(404, "text/html", b"<html><body>Not found</body></html>")

    def _send(self, status: int, ctype: str, body: bytes, *, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The client may give up first (timeouts, size caps): that is the point of those routes.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()


@contextmanager
def serve() -> Iterator[ThreadingHTTPServer]:
    """Run the server on 127.0.0.1 (a free port) in a thread until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.seen_agents = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def url_of(server: ThreadingHTTPServer) -> str:
    host, port = server.server_address[:2]
    return f"http://{host!s}:{port}"


def closed_port_url() -> str:
    """A loopback URL on a port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/article"
