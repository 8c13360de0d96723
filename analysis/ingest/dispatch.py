"""Choose the loader for a source: a path by extension, a URL by scheme, ``-`` for stdin."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from analysis.errors import LoadError
from analysis.ingest.encoding import decode_bytes, looks_binary
from analysis.ingest.errors import (
    BinaryContent,
    EmptySource,
    SourceNotFound,
    SourceTooLarge,
    UnreadableSource,
    UnsupportedSource,
)
from analysis.ingest.html import looks_like_html, parse_html
from analysis.ingest.jsonfile import parse_article_json
from analysis.ingest.markdown import parse_markdown, split_front_matter
from analysis.ingest.plaintext import parse_plaintext
from analysis.ingest.url import check_scheme, fetch_url
from analysis.model import Article
from analysis.resources import resource
from analysis.safeio import FileRefused, read_regular_file

__all__ = ["MAX_FILE_BYTES", "load_bytes", "load_pasted", "load_sample", "load_source"]

MAX_FILE_BYTES = 20_000_000
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_BARE_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:(?!\\)")
_KINDS = {
    ".txt": "text", ".text": "text", "": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json",
    ".docx": "docx", ".pdf": "pdf",
}  # fmt: skip


def load_source(
    source: str,
    *,
    outlet: str | None = None,
    timeout: float = 20.0,
    is_cancelled: Callable[[], bool] | None = None,
) -> Article:
    """Load one article from a path, an ``http(s)://`` URL, or ``-`` (standard input).

    Args:
        source: What the user typed.
        outlet: Outlet name that overrides whatever the source says.
        timeout: Seconds for the whole exchange with a web server (URLs only).
        is_cancelled: Polled while downloading; when true the download stops at once.

    Returns:
        The article; its ``source`` is ``source`` as given.

    Raises:
        LoadError: A subclass saying in one sentence why the source cannot be loaded.
    """
    if source == "-":
        with _empty_means("standard input is empty."):
            return _load_stream(sys.stdin.buffer, outlet=outlet)
    if _SCHEME.match(source) or _other_scheme(source):
        check_scheme(source)
        page = fetch_url(source, timeout=timeout, is_cancelled=is_cancelled)
        with _empty_means("the page is empty."):
            if page.content_type == "text/plain":
                text = decode_bytes(page.body, declared=page.charset)
                return parse_plaintext(text, source=source, outlet=outlet, url=page.url)
            return parse_html(
                page.body, source=source, outlet=outlet, url=page.url, declared_charset=page.charset
            )
    return _load_path(Path(source), source, outlet)


def _other_scheme(source: str) -> bool:
    """'javascript:…', 'data:…', 'mailto:…': an address, not a file name (unless one exists).

    One letter before the colon is a Windows drive (``C:``), not a scheme.
    """
    match = _BARE_SCHEME.match(source)
    return bool(match) and not Path(source).exists()


@contextmanager
def _empty_means(message: str) -> Iterator[None]:
    """Say what was empty when it was not a file ("the file is empty" is the default)."""
    try:
        yield
    except EmptySource as exc:
        raise EmptySource(message) from exc


def load_bytes(data: bytes, *, kind: str, source: str, outlet: str | None = None) -> Article:
    """Parse a document's bytes as ``kind``: text, markdown, html, json, docx or pdf.

    Raises:
        LoadError: A subclass naming the problem.
    """
    if kind in ("docx", "pdf"):
        from analysis.ingest.office import parse_docx, parse_pdf

        parse = parse_docx if kind == "docx" else parse_pdf
        return parse(data, source=source, outlet=outlet)
    fallback = Path(source).stem or "Unknown outlet"
    if kind == "html":
        return parse_html(data, source=source, outlet=outlet, fallback_outlet=fallback)
    text = decode_bytes(data)
    if kind == "json":
        return parse_article_json(text, outlet=outlet)
    if kind == "markdown":
        return parse_markdown(text, source=source, outlet=outlet, fallback_outlet=fallback)
    return parse_plaintext(text, source=source, outlet=outlet, fallback_outlet=fallback)


def load_pasted(text: str, *, outlet: str | None = None, title: str | None = None) -> Article:
    """Build an article from pasted text.

    Without ``title`` the first line is the headline (after an optional
    ``date YYYY-MM-DD URL`` header); paragraphs are separated by blank lines.

    Raises:
        EmptySource: When the text is empty.
        BinaryContent: When the text holds control characters (binary pasted as text).
    """
    with _empty_means("the pasted text is empty."):
        clean = decode_bytes(text.encode("utf-8", "surrogatepass"))
    return parse_plaintext(clean, source="pasted", outlet=outlet, title=title)


def load_sample() -> tuple[Article, ...]:
    """Load the built-in sample: every ``resources/samples/event/*.md``, sorted by name."""
    folder = resource("samples", "event")
    if not folder.is_dir():
        return ()
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".md"))
    return tuple(
        parse_markdown(folder.joinpath(n).read_text(encoding="utf-8"), source=f"sample:{n}")
        for n in names
    )


def _load_path(path: Path, source: str, outlet: str | None) -> Article:
    kind = _KINDS.get(path.suffix.lower())
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except FileRefused as exc:
        raise _REFUSALS.get(exc.kind, UnreadableSource)(
            exc.reason, code=_CODES.get(exc.kind)
        ) from exc
    if kind is None:
        raise UnsupportedSource(_unsupported(path))
    return load_bytes(data, kind=kind, source=source, outlet=outlet)


_REFUSALS: dict[str, type[LoadError]] = {
    "not_found": SourceNotFound,
    "too_large": SourceTooLarge,
}
_CODES = {"directory": "load.directory", "special": "load.special", "loop": "load.loop"}


def _unsupported(path: Path) -> str:
    return (
        f"Slant cannot read {path.suffix} files; use .txt, .md, .html, .htm, .json, .docx "
        "or .pdf, or .csv/.jsonl with one article per row (save web pages as HTML, copy "
        "other text into a .txt file)."
    )


def _load_stream(stream: BinaryIO, *, outlet: str | None) -> Article:
    try:
        data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise UnreadableSource("standard input cannot be read.") from exc
    if len(data) > MAX_FILE_BYTES:
        raise SourceTooLarge(f"the input is larger than {MAX_FILE_BYTES // 1_000_000} MB.")
    if looks_binary(data):
        raise BinaryContent("the input holds binary data, not text.")
    text = decode_bytes(data)
    if looks_like_html(text):
        return parse_html(data, source="-", outlet=outlet, fallback_outlet="Standard input")
    if split_front_matter(text)[0]:
        return parse_markdown(text, source="-", outlet=outlet, fallback_outlet="Standard input")
    return parse_plaintext(text, source="-", outlet=outlet, fallback_outlet="Standard input")
