"""Word-vector signals tried for the shared-fact model (issue #9 item 3; not shipped).

The lexical features of :mod:`analysis.align.facts` see a shared fact only through shared
words; "resigned" and "stepped down" share none. These features read the static word
vectors of :mod:`analysis.text.embedding` (WordLlama's token table). They were measured by
``cv_fact_vectors.py`` on the BASIL train events and not kept (docs/alignment.md); this
module stays with the benchmarks so that the measurement can be repeated.

- ``emb_cos``: cosine of the two sentences' mean token vectors (every word);
- ``emb_content``: cosine of their idf-weighted mean vectors of content words;
- ``emb_soft`` / ``emb_soft_min``: soft content-word overlap, each content word's best
  cosine to the other sentence's content words, weighted by the rarity weights the lexical
  features use, averaged over both directions / the lesser direction;
- ``emb_soft_gain``: what the soft overlap adds to the literal one (both directions);
- ``emb_rest``: cosine of what is left of the two sentences once the content words they
  share literally are taken out (what the rest of each says);
- ``emb_plain_soft``: the soft overlap over plain words only (no names, no numbers);
- ``emb_synonym``: the best cosine between a plain word of one side that the other lacks
  and a plain word of the other that the first lacks ("resigned" / "stepped").

``content_specific`` (session 7, :func:`analysis.align.fact_frame.content_specific`) is no
word-vector signal: whether the pair shares specific evidence outside the attribution frame,
used as a mask.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from analysis.align import aligner, fact_links
from analysis.align.fact_frame import content_specific
from analysis.align.fact_words import name_stems
from analysis.align.facts import FactTable
from analysis.align.normalize import Tokens, is_number
from analysis.align.units import Units

__all__ = ["VECTOR_FEATURES", "VectorTable", "vector_features", "vectors_in_aligner"]

VECTOR_FEATURES = (
    "emb_cos",
    "emb_content",
    "emb_soft",
    "emb_soft_min",
    "emb_soft_gain",
    "emb_rest",
    "emb_plain_soft",
    "emb_synonym",
    "emb_cos_centered",
    "content_specific",
)
_CHUNK = 2048  # pairs per block of the soft overlap: bounds its memory
_MAX_STEMS = 48  # content stems per sentence taken into the soft overlap


@dataclass(frozen=True, slots=True)
class VectorTable:
    """Unit and stem vectors of one alignment; build with :meth:`build`.

    Attributes:
        sentence: Unit-length mean token vector of each unit (all its words).
        stem: Unit-length vector of each content stem (columns of ``FactTable.content``),
            from the first word seen with that stem.
        plain: Whether each content stem is a plain word (no name, no number).
        tokens: Each unit's tokens (for ``content_specific``).
    """

    sentence: NDArray[np.float32]
    stem: NDArray[np.float32]
    plain: NDArray[np.bool_]
    tokens: tuple[Tokens, ...] = ()

    @classmethod
    def build(cls, tokens: Sequence[Tokens], table: FactTable) -> VectorTable:
        """Vectors for all units of one alignment (loads the word-vector model)."""
        from analysis.text.embedding import load_embedder

        embedder = load_embedder()
        vocab: dict[str, int] = {}
        for t in tokens:
            for w in t.words:
                vocab.setdefault(w, len(vocab))
        words = list(vocab)
        ids = embedder.token_ids(words)
        dim = embedder.table.shape[1]
        sums = np.zeros((len(words), dim), np.float32)
        counts = np.zeros(len(words), np.float32)
        for k, row in enumerate(ids):
            if row:
                sums[k] = embedder.table[row].sum(axis=0)
                counts[k] = len(row)
        sentence = np.zeros((len(tokens), dim), np.float32)
        # Columns of FactTable.content: bag_of_words numbers each unit's sorted distinct
        # stems in order of first appearance, units in order.
        columns: dict[str, int] = {}
        stem = np.zeros((table.content.shape[1], dim), np.float32)
        for u, t in enumerate(tokens):
            rows = [vocab[w] for w in t.words]
            n = counts[rows].sum()
            if n > 0:
                sentence[u] = sums[rows].sum(axis=0) / n
            for s in sorted({s for s in table.stems[u] if s}):
                if s not in columns:
                    columns[s] = len(columns)
                    w = next(r for r, x in zip(rows, table.stems[u], strict=True) if x == s)
                    stem[columns[s]] = sums[w]
        names = name_stems(tokens, table.stems, table.headline)
        plain = np.zeros(table.content.shape[1], dtype=bool)
        for s, col in columns.items():
            plain[col] = not names.get(s, False) and not is_number(s)
        return cls(_unit(sentence), _unit(stem), plain, tuple(tokens))


def _unit(x: NDArray[np.float32]) -> NDArray[np.float32]:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    np.divide(x, norms, out=x, where=norms > 0)
    return x


def vector_features(
    vectors: VectorTable,
    table: FactTable,
    ia: NDArray[np.intp],
    ib: NDArray[np.intp],
) -> NDArray[np.float64]:
    """One row of :data:`VECTOR_FEATURES` per unit pair ``(ia[k], ib[k])``."""
    out = np.zeros((len(ia), len(VECTOR_FEATURES)))
    if len(ia) == 0:
        return out
    out[:, 0] = np.einsum("ij,ij->i", vectors.sentence[ia], vectors.sentence[ib])
    weighted = table.content.multiply(table.idf[np.newaxis, :]).tocsr()
    ca, cb = (
        _unit(np.asarray(weighted[ia] @ vectors.stem)),
        _unit(np.asarray(weighted[ib] @ vectors.stem)),
    )
    out[:, 1] = np.einsum("ij,ij->i", ca, cb)
    both = table.content[ia].multiply(table.content[ib]).tocsr()
    ra = np.asarray((table.content[ia] - both) @ vectors.stem)
    rb = np.asarray((table.content[ib] - both) @ vectors.stem)
    out[:, 5] = np.einsum("ij,ij->i", _unit(ra), _unit(rb))
    soft_a, soft_b, _ = _soft(vectors, table, ia, ib)
    plain_a, plain_b, synonym = _soft(vectors, table, ia, ib, vectors.plain)
    out[:, 6] = (plain_a + plain_b) / 2
    out[:, 7] = synonym
    centered = vectors.sentence - vectors.sentence.mean(axis=0, keepdims=True)
    centered = _unit(centered)
    out[:, 8] = np.einsum("ij,ij->i", centered[ia], centered[ib])
    lit = np.asarray(both @ table.idf).ravel()
    wa, wb = table.weight[ia], table.weight[ib]
    out[:, 2] = (soft_a + soft_b) / 2
    out[:, 3] = np.minimum(soft_a, soft_b)
    share_a = np.divide(lit, wa, out=np.zeros(len(ia)), where=wa > 0)
    share_b = np.divide(lit, wb, out=np.zeros(len(ia)), where=wb > 0)
    out[:, 4] = out[:, 2] - (share_a + share_b) / 2
    out[:, 9] = content_specific(vectors.tokens, table, ia, ib)
    return out


def _padded(
    table: FactTable, units: NDArray[np.intp], keep: NDArray[np.bool_] | None
) -> tuple[NDArray[np.intp], Any]:
    """Each unit's content columns (those ``keep`` allows), padded with -1, and their idf."""
    c = table.content
    rows = []
    for u in units.tolist():
        row = c.indices[c.indptr[u] : c.indptr[u + 1]]
        rows.append((row if keep is None else row[keep[row]])[:_MAX_STEMS])
    width = max([1, *(len(r) for r in rows)])
    cols = np.full((len(units), width), -1, np.intp)
    for k, row in enumerate(rows):
        cols[k, : len(row)] = row
    weights = np.where(cols >= 0, table.idf[np.maximum(cols, 0)], 0.0)
    return cols, weights


def _soft(
    vectors: VectorTable,
    table: FactTable,
    ia: NDArray[np.intp],
    ib: NDArray[np.intp],
    keep: NDArray[np.bool_] | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Soft overlap of each side (idf-weighted mean of its stems' best cosine to the other),
    and the best cosine between two stems that only one side has each."""
    soft_a, soft_b, synonym = np.zeros(len(ia)), np.zeros(len(ia)), np.zeros(len(ia))
    stem = np.vstack([vectors.stem, np.zeros((1, vectors.stem.shape[1]), np.float32)])
    for lo in range(0, len(ia), _CHUNK):
        a_cols, a_w = _padded(table, ia[lo : lo + _CHUNK], keep)
        b_cols, b_w = _padded(table, ib[lo : lo + _CHUNK], keep)
        sims = np.clip(np.matmul(stem[a_cols], stem[b_cols].transpose(0, 2, 1)), 0.0, 1.0)
        same = (a_cols[:, :, None] == b_cols[:, None, :]) & (a_cols[:, :, None] >= 0)
        sims[same] = 1.0
        only = ~same.any(axis=2)[:, :, None] & ~same.any(axis=1)[:, None, :]
        synonym[lo : lo + _CHUNK] = np.where(only, sims, 0.0).max(axis=(1, 2))
        soft_a[lo : lo + _CHUNK] = _mean(sims.max(axis=2), a_w)
        soft_b[lo : lo + _CHUNK] = _mean(sims.max(axis=1), b_w)
    return soft_a, soft_b, synonym


def _mean(values: NDArray[np.float32], weights: NDArray[np.float64]) -> NDArray[np.float64]:
    total = weights.sum(axis=1)
    num = (values * weights).sum(axis=1)
    out: NDArray[np.float64] = np.divide(num, total, out=np.zeros(len(total)), where=total > 0)
    return out


@contextmanager
def vectors_in_aligner(names: Sequence[str]) -> Iterator[None]:
    """Within the block, :func:`analysis.align_articles` appends these vector features.

    The shipped aligner computes the lexical features only; this wraps its fact table and
    fact features so that a model fitted on lexical + vector features (put in place of the
    shipped one by the caller) sees the same columns, in :data:`VECTOR_FEATURES` order.
    """
    cols = sorted(VECTOR_FEATURES.index(n) for n in names)
    tokens: dict[int, Sequence[Tokens]] = {}
    table_of, features_of = aligner.fact_table, fact_links.fact_features

    def table(units: Units) -> FactTable:
        out = table_of(units)
        tokens.clear()
        tokens[id(out)] = units.tokens
        return out

    def features(
        facts: FactTable, ia: NDArray[np.intp], ib: NDArray[np.intp], article: NDArray[np.intp]
    ) -> Any:
        x = features_of(facts, ia, ib, article)
        if not cols:
            return x
        vt = VectorTable.build(tokens[id(facts)], facts)
        return np.hstack([x, vector_features(vt, facts, ia, ib)[:, cols]])

    aligner.fact_table = table  # type: ignore[assignment]
    fact_links.fact_features = features  # type: ignore[assignment]
    try:
        yield
    finally:
        aligner.fact_table = table_of  # type: ignore[assignment]
        fact_links.fact_features = features_of  # type: ignore[assignment]
