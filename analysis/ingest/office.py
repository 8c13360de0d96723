"""Word (``.docx``, python-docx) and PDF (``.pdf``, pypdf) articles.

A PDF is read from its text layer only: a scanned page is an image, and Slant does no OCR,
so a PDF without text gives one sentence saying so. PDF text comes line by line; lines are
joined into paragraphs where a blank line or a short line ending a sentence closes one, and
a short line without a full stop (a heading) stands alone.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from analysis.dateline import is_dateline_lead
from analysis.ingest.assemble import assemble
from analysis.ingest.errors import NoArticleText, UnreadableSource
from analysis.model import Article

__all__ = ["parse_docx", "parse_pdf"]

_SENTENCE_END = re.compile(r"[.!?:\"'”’)]\s*$")
_SHORT_LINE = 0.8  # a line shorter than this share of the page's longest ends a paragraph
_HEADING_LINE = 0.6  # … and one shorter than this without a full stop is a heading


def parse_docx(data: bytes, *, source: str, outlet: str | None = None) -> Article:
    """Read a Word document: the first paragraph is the headline, the rest the body.

    The document's title and author properties are used when set.

    Raises:
        UnreadableSource: When the file is not a readable ``.docx``.
        NoArticleText: When it holds no text.
    """
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise UnreadableSource("reading .docx needs the python-docx package.") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zipfile, KeyError and XML errors alike
        raise UnreadableSource(
            "this .docx file cannot be read (damaged, or not a Word document).",
            code="load.docx",
        ) from exc
    paragraphs = [" ".join(p.text.split()) for p in document.paragraphs]
    paragraphs = [p for p in paragraphs if p]
    props = document.core_properties
    title = (props.title or "").strip()
    if not title and len(paragraphs) > 1 and not is_dateline_lead(paragraphs[0]):
        title, paragraphs = paragraphs[0], paragraphs[1:]
    return assemble(
        title=title,
        paragraphs=paragraphs,
        source=source,
        outlet=outlet,
        fallback_outlet=Path(source).stem or "Document",
        author=(props.author or "").strip() or None,
    )


def parse_pdf(data: bytes, *, source: str, outlet: str | None = None) -> Article:
    """Read a PDF's text layer: the first line is the headline, lines joined into paragraphs.

    Raises:
        UnreadableSource: When the file is not a readable PDF (or is encrypted).
        NoArticleText: When it has no text layer (a scanned PDF).
    """
    try:
        from pypdf import PdfReader
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise UnreadableSource("reading .pdf needs the pypdf package.") from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableSource("this PDF is encrypted; save an unlocked copy first.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableSource:
        raise
    except Exception as exc:  # pypdf raises many error types on damaged files
        raise UnreadableSource(
            "this PDF cannot be read (damaged, or not a PDF).", code="load.pdf"
        ) from exc
    paragraphs = [p for page in pages for p in _paragraphs(page)]
    if not paragraphs:
        raise NoArticleText(
            "this PDF has no text layer (a scanned image?); Slant does not read text in "
            "images, so run OCR on it or copy the text into a .txt file.",
            code="load.pdf_no_text",
        )
    headed = len(paragraphs) > 1 and not is_dateline_lead(paragraphs[0])  # else the lead
    title, body = (paragraphs[0], paragraphs[1:]) if headed else ("", paragraphs)
    return assemble(
        title=title,
        paragraphs=body,
        source=source,
        outlet=outlet,
        fallback_outlet=Path(source).stem or "Document",
    )


def _paragraphs(page: str) -> list[str]:
    lines = [" ".join(line.split()) for line in page.replace("\r", "\n").split("\n")]
    longest = max((len(line) for line in lines), default=0)
    out: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                out.append(" ".join(current))
                current = []
            continue
        current.append(line)
        short = len(line) < _SHORT_LINE * longest
        heading = len(line) < _HEADING_LINE * longest and not _SENTENCE_END.search(line)
        if heading or (short and _SENTENCE_END.search(line)):
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return [_join_hyphens(p) for p in out]


def _join_hyphens(text: str) -> str:
    """Mend words a line break split with a hyphen (``govern- ment``)."""
    return re.sub(
        r"(\w)- (\w)",
        lambda m: m.group(1) + m.group(2) if m.group(2).islower() else m.group(0),
        text,
    )
