"""Fixtures for the loaders: a real HTTP server on loopback, files we write."""

from __future__ import annotations

from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest

from tests.analysis.ingest.server import FIXTURES, closed_port_url, serve, url_of


@pytest.fixture(scope="session")
def http_server() -> Iterator[ThreadingHTTPServer]:
    with serve() as server:
        yield server


@pytest.fixture(scope="session")
def base_url(http_server: ThreadingHTTPServer) -> str:
    return url_of(http_server)


@pytest.fixture()
def dead_url() -> str:
    return closed_port_url()


@pytest.fixture()
def fixtures() -> object:
    return FIXTURES
