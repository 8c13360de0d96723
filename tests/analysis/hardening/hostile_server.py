"""A misbehaving HTTP server on loopback: raw bytes, so it can break every rule.

Each route writes its response by hand. Every loop is bounded in count and time and stops
when the client goes away, and the server only listens on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import gzip
import socketserver
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

PAGE = (
    b"<html><head><title>Ferry talks resume</title></head><body><article>"
    b"<h1>Ferry talks resume</h1>"
    + b"<p>Talks on the night ferry resumed on Monday, officials said, after a week of "
    b"strikes that left hundreds of travellers stranded in both ports.</p>"
    * 4
    + b"</article></body></html>"
)


def _ok(body: bytes, extra: bytes = b"") -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + extra
        + b"Content-Length: "
        + str(len(body)).encode()
        + b"\r\nConnection: close\r\n\r\n"
        + body
    )


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 65536:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            data += chunk
        path = data.split(b" ", 2)[1].decode()
        with contextlib.suppress(OSError):
            self._route(path)

    def _send(self, data: bytes) -> None:
        self.request.sendall(data)

    def _route(self, path: str) -> None:
        if path == "/page":
            self._send(_ok(PAGE))
        elif path == "/trickle-headers":  # one header byte every 0.25 s, for at most 60 s
            for byte in _ok(PAGE)[:240]:
                self._send(bytes([byte]))
                time.sleep(0.25)
        elif path.startswith("/slow-hop/"):  # each hop answers after 0.8 s
            left = int(path.rsplit("/", 1)[1])
            time.sleep(0.8)
            target = "/page" if left == 0 else f"/slow-hop/{left - 1}"
            self._send(
                f"HTTP/1.1 302 Found\r\nLocation: {target}\r\nContent-Length: 0\r\n"
                "Connection: close\r\n\r\n".encode()
            )
        elif path == "/truncated":  # announces 5,000 bytes, sends the page, closes
            head = (
                _ok(PAGE)
                .split(b"\r\n\r\n", 1)[0]
                .replace(f"Content-Length: {len(PAGE)}".encode(), b"Content-Length: 5000")
            )
            self._send(head + b"\r\n\r\n" + PAGE)
        elif path == "/bad-chunked":
            self._send(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                b"Connection: close\r\n\r\nZZZ\r\n<html>\r\n"
            )
        elif path == "/gzip":
            self._send(_ok(gzip.compress(PAGE), b"Content-Encoding: gzip\r\n"))
        elif path == "/brotli":
            self._send(_ok(b"\x1b\x00not really brotli", b"Content-Encoding: br\r\n"))
        elif path == "/escape-status":
            self._send(
                b"HTTP/1.1 503 \x1b[2J\x1b[31mPWNED\nslant: fake line\r\n"
                b"Content-Length: 0\r\nConnection: close\r\n\r\n"
            )
        elif path == "/slow-body":  # headers at once, then a byte every 0.2 s
            self._send(_ok(PAGE)[: -len(PAGE)])
            for byte in PAGE[:300]:
                self._send(bytes([byte]))
                time.sleep(0.2)


@contextmanager
def serve() -> Iterator[str]:
    """Run the hostile server on 127.0.0.1 (a free port); yield its base URL."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}"
    finally:
        server.shutdown()
        server.server_close()
