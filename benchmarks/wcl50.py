"""NewsWCL50 articles as Slant articles, and its actor annotations located in their texts.

Used by the naming evaluation and the number-disagreement audit (needs ../shared).
``1-raw-articles/event_N/N_XX.txt`` holds one paragraph a line, the headline first;
``Annotations.csv`` codes each mention with its paragraph (0 = headline) and the concept
it names (``code_name`` for actors; ``target_concept`` is filled only for properties).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from analysis.model import Article

__all__ = ["OUTLETS", "GoldMention", "event_articles", "gold_mentions"]

OUTLETS = ("LL", "L", "M", "R", "RR")


@dataclass(frozen=True)
class GoldMention:
    """One annotated mention, located in the article's text (or start -1 when not found)."""

    event: str
    outlet: str
    concept: str
    text: str
    start: int
    end: int


def event_articles(shared: Path, event: str) -> dict[str, Article]:
    """Return the five outlets' articles of one event, by outlet code."""
    folder = shared / "corpora" / "newswcl50" / "1-raw-articles" / f"event_{event}"
    out = {}
    for outlet in OUTLETS:
        path = folder / f"{event}_{outlet}.txt"
        if not path.is_file():  # event 4's files are named N_XX.txt.txt
            path = folder / f"{event}_{outlet}.txt.txt"
        lines = [ln.strip() for ln in path.read_text("utf-8").splitlines()]
        lines = [ln for ln in lines if ln]
        out[outlet] = Article.from_parts(
            title=lines[0], paragraphs=lines[1:], outlet=f"{outlet} (event {event})",
            source=f"newswcl50/{event}_{outlet}",
        )  # fmt: skip
    return out


def gold_mentions(
    shared: Path, arts: dict[str, dict[str, Article]], types: set[str]
) -> list[GoldMention]:
    """Return the annotated mentions of the given code types, located in the texts.

    The concept is the last part of ``code_name`` ("USA\\Republicans\\Trump" -> "Trump"), so
    the codebook's sub-groupings of one person fall together. The k-th annotation of the
    same words in a paragraph is taken to be their k-th occurrence there.
    """
    path = shared / "corpora" / "newswcl50" / "Annotations.csv"
    rows = list(csv.DictReader(path.read_text("utf-8").splitlines()[1:]))
    rows = [r for r in rows if r["code_type"] in types and r["event_id"] in arts]
    rows.sort(key=lambda r: (r["event_id"], r["publisher_id"], int(r["paragraph"]),
                             int(r["sentence"]), int(r["start"])))  # fmt: skip
    seen: dict[tuple[str, str, int, str], int] = defaultdict(int)
    out = []
    for r in rows:
        art = arts[r["event_id"]][r["publisher_id"]]
        para = int(r["paragraph"])
        words = r["code_mention"].strip()
        key = (r["event_id"], r["publisher_id"], para, words)
        k = seen[key]
        seen[key] += 1
        start = -1
        if para < len(art.paragraphs):
            span = art.paragraphs[para]
            pos = span.start - 1
            for _ in range(k + 1):
                pos = art.text.find(words, pos + 1, span.end)
                if pos < 0:
                    break
            start = pos
        concept = r["code_name"].split("\\")[-1]
        end = start + len(words) if start >= 0 else -1
        out.append(GoldMention(r["event_id"], r["publisher_id"], concept, words, start, end))
    return out
