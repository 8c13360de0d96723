"""Loading articles from files, URLs, JSON and pasted text (provisional minimal loader)."""

from __future__ import annotations

from pathlib import Path

from analysis.errors import LoadError
from analysis.model import Article
from analysis.resources import resource

__all__ = ["load_pasted", "load_sample", "load_source"]


def load_source(source: str, *, outlet: str | None = None) -> Article:
    """Load one article from a path (plain text only in this provisional version)."""
    path = Path(source)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LoadError(f"cannot read the file ({exc.strerror}).", code="load.unreadable") from exc
    return load_pasted(raw, outlet=outlet or path.stem, source=source)


def load_pasted(
    text: str, *, outlet: str | None = None, title: str | None = None, source: str = "pasted"
) -> Article:
    """Build an article from text: first line the title, blank lines between paragraphs."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    if not blocks:
        raise LoadError("the text is empty.", code="load.empty")
    head = title or blocks.pop(0)
    return Article.from_parts(
        title=head, paragraphs=blocks, outlet=outlet or "Pasted", source=source
    )


def load_sample() -> tuple[Article, ...]:
    """Load the built-in sample comparison shipped in ``resources/samples``."""
    folder = resource("samples")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))
    return tuple(load_pasted(folder.joinpath(n).read_text("utf-8"), source=n) for n in names)
