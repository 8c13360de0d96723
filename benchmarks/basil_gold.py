"""The hand-labelled BASIL link gold: events, their articles and sentence spans, gold pairs.

Shared by ``eval_align_gold.py`` (figures) and ``train_matcher.py`` (BASIL training rows).
Gold files live in ``benchmarks/gold/basil_links/<labeller>/<triplet>.json`` (format in its
README); the articles come from ``../shared/corpora/basil`` and are built as
``basil_align_sample.py`` builds them (one paragraph per BASIL paragraph).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from analysis import Article

ROOT = Path(__file__).resolve().parent
GOLD = ROOT / "gold" / "basil_links"
BASIL = ROOT.parent.parent / "shared" / "corpora" / "basil" / "articles"
LABELS = ("verbatim", "paraphrase", "partial")

# (article pair (x, y) with x < y by BASIL number, sentence index in x, index in y)
PairKey = tuple[int, int, int, int]


@dataclass
class Event:
    """One labelled event: its three articles, BASIL sentence spans, and gold labels."""

    name: str
    articles: dict[int, Article]
    spans: dict[int, list[tuple[int, int]]]  # BASIL index + 1 -> span (0 = headline)
    gold: dict[PairKey, str] = field(default_factory=dict)  # label of each linked pair
    borderline: dict[PairKey, str] = field(default_factory=dict)
    labeller: str = ""

    def span(self, number: int, index: int) -> tuple[int, int]:
        """Character span of BASIL sentence ``index`` (-1 = headline) of article ``number``."""
        return self.spans[number][index + 1]

    def sentence_count(self, number: int) -> int:
        """Number of body sentences of an article."""
        return len(self.spans[number]) - 1


def _collapse(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _article(year: str, triplet: str, number: int) -> tuple[Article, list[tuple[int, int]]]:
    data = json.loads((BASIL / year / f"{triplet}_{number}.json").read_text("utf-8"))
    paras = [p if isinstance(p, list) else [str(p)] for p in data["body-paragraphs"]]
    art = Article.from_parts(
        title=data.get("title") or "",
        paragraphs=[" ".join(p) for p in paras],
        outlet=str(data.get("source")),
        source=f"basil:{year}/{triplet}_{number}",
    )
    text = art.text
    spans = [(0, len(art.title))]
    cursor = len(art.title)
    for para in paras:
        for sentence in para:
            needle = _collapse(sentence)
            at = text.find(needle, cursor) if needle else -1
            if at < 0:  # empty or altered: a zero-width span at the cursor
                spans.append((cursor, cursor))
                continue
            spans.append((at, at + len(needle)))
            cursor = at + len(needle)
    return art, spans


def events(split: str) -> list[str]:
    """Event names (``year/triplet``) of a split (``train``, ``dev``, ``dev2``, ...)."""
    data = json.loads((GOLD / "events.json").read_text("utf-8"))
    return list(data[split])


def labelled_by(event: str) -> list[str]:
    """Labellers who have a gold file for the event, in name order."""
    triplet = event.split("/")[1]
    return sorted(p.parent.name for p in GOLD.glob(f"L*/{triplet}.json"))


def gold_file(event: str, labeller: str) -> dict[str, object]:
    """The raw gold JSON of one event by one labeller."""
    triplet = event.split("/")[1]
    data: dict[str, object] = json.loads((GOLD / labeller / f"{triplet}.json").read_text("utf-8"))
    return data


def load(event: str, labeller: str | None = None) -> Event | None:
    """Load an event with the gold of ``labeller`` (the first who labelled it by default)."""
    who = labeller or next(iter(labelled_by(event)), None)
    if who is None:
        return None
    year, triplet = event.split("/")
    built = {n: _article(year, triplet, n) for n in (1, 2, 3)}
    ev = Event(event, {n: a for n, (a, _) in built.items()}, {n: s for n, (_, s) in built.items()})
    ev.labeller = who
    for pair in gold_file(event, who)["pairs"]:  # type: ignore[union-attr]
        x, y = int(pair["a"]), int(pair["b"])
        for link in pair.get("links") or []:
            ev.gold[(x, y, int(link["a"]), int(link["b"]))] = str(link["label"])
        for link in pair.get("borderline") or []:
            key = (x, y, int(link["a"]), int(link["b"]))
            if key not in ev.gold:
                ev.borderline[key] = str(link.get("label") or "partial")
    return ev


def all_pairs(ev: Event) -> Iterator[PairKey]:
    """Every comparable sentence pair of the event (headline only with headline)."""
    for x, y in ((1, 2), (1, 3), (2, 3)):
        yield (x, y, -1, -1)
        for i in range(ev.sentence_count(x)):
            for j in range(ev.sentence_count(y)):
                yield (x, y, i, j)
