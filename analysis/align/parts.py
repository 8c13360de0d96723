"""Consistent sentence parts: a sentence cut into parts in one link is cut in all of them.

When two sentences were merged into one, the aligner links each half to its own part of
the merged sentence. Another article may carry the merged sentence too, linked whole to
it; left as it is, the merged sentence would sit in three clusters at once (whole, first
part, second part), and the whole one would wrongly list the article with the two
halves as omitting it. So a whole-sentence link to a sentence that has parts is split
into one link per part, the parts carried over to the other sentence through a word
alignment, and parts of one sentence that overlap (cut at slightly different words in
different article pairs) are made one.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from analysis.align.assign import TokenRange
from analysis.align.clusters import RawLink
from analysis.align.units import Units

__all__ = ["consistent_parts"]

# Each round carries cuts one link further (A's cut to B, then B's to C ...).
_MAX_ROUNDS = 6
_VERBATIM, _EDITED = 0, 1


def consistent_parts(units: Units, links: Sequence[RawLink]) -> list[RawLink]:
    """Return the links with every sentence cut the same way in all of its links.

    Args:
        units: All units.
        links: Links after the one-to-one assignment and the merge handling.

    Returns:
        The links; unchanged when no link narrows a sentence to a part.
    """
    raw = list(links)
    for _ in range(_MAX_ROUNDS):
        cuts = _canonical_parts(units, raw)
        if not cuts:
            return raw
        raw = [_remapped(units, link, cuts) for link in raw]
        split: list[RawLink] = []
        changed = False
        for link in raw:
            pieces = _split(units, link, cuts)
            changed = changed or pieces is not None
            split.extend(pieces if pieces is not None else (link,))
        raw = split
        if not changed:
            break
    return raw


def _is_whole(units: Units, r: TokenRange) -> bool:
    return r.lo == 0 and r.hi == units.n_words[r.unit]


def _canonical_parts(units: Units, links: Sequence[RawLink]) -> dict[int, list[TokenRange]]:
    """Each cut unit's parts: overlapping part ranges joined, in text order."""
    ranges: dict[int, set[TokenRange]] = {}
    for link in links:
        for r in (link.a, link.b):
            if not _is_whole(units, r):
                ranges.setdefault(r.unit, set()).add(r)
    out: dict[int, list[TokenRange]] = {}
    for unit, found in ranges.items():
        joined: list[TokenRange] = []
        for r in sorted(found):
            if joined and r.lo < joined[-1].hi:
                joined[-1] = TokenRange(unit, joined[-1].lo, max(joined[-1].hi, r.hi))
            else:
                joined.append(r)
        if len(joined) > 1:  # one part left means the cuts disagree: keep the whole
            out[unit] = joined
    return out


def _canonical(units: Units, r: TokenRange, cuts: dict[int, list[TokenRange]]) -> TokenRange:
    if _is_whole(units, r):
        return r
    for part in cuts.get(r.unit, ()):
        if part.lo <= r.lo and r.hi <= part.hi:
            return part
    return TokenRange(r.unit, 0, units.n_words[r.unit])


def _remapped(units: Units, link: RawLink, cuts: dict[int, list[TokenRange]]) -> RawLink:
    a, b = _canonical(units, link.a, cuts), _canonical(units, link.b, cuts)
    if (a, b) == (link.a, link.b):
        return link
    return _relinked(units, a, b, link)


def _relinked(units: Units, a: TokenRange, b: TokenRange, link: RawLink) -> RawLink:
    """The link between new ranges: verbatim when their words are equal, else not."""
    if units.tokens[a.unit].words[a.lo : a.hi] == units.tokens[b.unit].words[b.lo : b.hi]:
        return RawLink(a, b, 100.0, _VERBATIM)
    return RawLink(a, b, link.score, _EDITED if link.kind == _VERBATIM else link.kind)


def _split(units: Units, link: RawLink, cuts: dict[int, list[TokenRange]]) -> list[RawLink] | None:
    """One link per part when one side is a whole cut sentence and the other a whole one."""
    if not (_is_whole(units, link.a) and _is_whole(units, link.b)):
        return None
    if link.a.unit in cuts:
        source, other, flip = link.a, link.b, False
    elif link.b.unit in cuts:
        source, other, flip = link.b, link.a, True
    else:
        return None
    mine = cuts[source.unit]
    theirs = cuts.get(other.unit)
    if theirs is None or len(theirs) != len(mine):
        theirs = _carried(units, mine, other.unit)
    pieces = []
    for p, q in zip(mine, theirs, strict=True):
        if q.hi > q.lo:
            pieces.append(_relinked(units, q, p, link) if flip else _relinked(units, p, q, link))
    return pieces or None


def _carried(units: Units, parts: Sequence[TokenRange], other: int) -> list[TokenRange]:
    """The parts of one unit carried over to another unit through a word alignment.

    A part whose words the other unit lacks comes out empty (``lo == hi``).
    """
    src = units.tokens[parts[0].unit].words
    blocks = Levenshtein.opcodes(src, units.tokens[other].words)
    out: list[TokenRange] = []
    for part in parts:
        lo = hi = 0
        for op in blocks:
            if op.src_start <= part.lo < op.src_end:
                same = op.tag == "equal"
                lo = op.dest_start + (part.lo - op.src_start) if same else op.dest_start
            if op.src_start <= part.hi - 1 < op.src_end:
                same = op.tag == "equal"
                hi = op.dest_start + (part.hi - op.src_start) if same else op.dest_end
        lo = max(lo, out[-1].hi) if out else lo  # a change across a cut goes to the first part
        out.append(TokenRange(other, lo, max(lo, hi)))
    return out
