"""Pages nested deeper than the HTML parser's limit: drop the over-deep layout tags first.

libxml2 (under lxml, under trafilatura) stops building the tree 256 levels down (2,048
with its "huge" option), so a page whose article sits inside hundreds of wrapper
``<div>`` elements loses its text and looked like "no article text". This module rewrites
such a page with the standard library's tokeniser, which has no depth limit: start and end
tags of layout elements (``div``, ``span``, ``section`` …) more than :data:`MAX_DEPTH`
levels down are left out, and everything else (text, entities, paragraph and heading tags,
script and style bodies) is copied as it was. The extractor then sees a page of ordinary
depth. Only pages whose ordinary extraction found no text come here.
"""

from __future__ import annotations

from html.parser import HTMLParser

__all__ = ["MAX_DEPTH", "flatten_deep_html"]

MAX_DEPTH = 160  # libxml2 keeps 256 levels; real pages rarely pass 40
# Tags that carry structure the extractor uses: kept at any depth.
_BLOCKS = frozenset(
    "html head body title article main p h1 h2 h3 h4 h5 h6 li ul ol blockquote pre "
    "table tr td th script style noscript template textarea".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def flatten_deep_html(page: str) -> tuple[str, int] | None:
    """Rewrite ``page`` without its layout tags deeper than :data:`MAX_DEPTH`.

    Args:
        page: The page's text.

    Returns:
        ``(page, depth)``: the rewritten page and how deep the original nested, or None
        when it never gets deeper than :data:`MAX_DEPTH` (nothing to rewrite).
    """
    flattener = _Flattener()
    flattener.feed(page)
    flattener.close()
    if flattener.deepest <= MAX_DEPTH:
        return None
    return "".join(flattener.out), flattener.deepest


class _Flattener(HTMLParser):
    """Copies the tokens it reads, leaving out over-deep layout tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.deepest = 0
        self._open: list[tuple[str, bool]] = []  # (tag, kept) of each open element
        self._count: dict[str, int] = {}  # open elements per tag: stray end tags in O(1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or f"<{tag}>"
        if tag in _VOID:
            self.out.append(raw)
            return
        kept = len(self._open) < MAX_DEPTH or tag in _BLOCKS
        self._open.append((tag, kept))
        self._count[tag] = self._count.get(tag, 0) + 1
        self.deepest = max(self.deepest, len(self._open))
        if kept:
            self.out.append(raw)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self._count.get(tag):
            self.out.append(f"</{tag}>")  # a stray end tag: the parser downstream judges it
            return
        while self._open:  # close what this end tag implicitly closes (each popped once)
            name, kept = self._open.pop()
            self._count[name] -= 1
            if name == tag:
                if kept:
                    self.out.append(f"</{tag}>")
                return

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")
