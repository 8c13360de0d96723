"""Print one BASIL event's three articles with numbered sentences, for labelling links by hand.

Run by hand (needs ../shared):
    .venv/bin/python benchmarks/gold/basil_links/show_event.py 2016/<triplet-uuid>

Sentence numbers are the gold's indices: ``H`` is the headline (index -1 in the JSON), body
sentences are numbered from 0 across BASIL's paragraphs in order (``¶`` marks a new paragraph).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

BASIL = Path(__file__).resolve().parents[4] / "shared" / "corpora" / "basil" / "articles"


def article_units(year: str, triplet: str, number: int) -> tuple[str, str, list[str]]:
    """Return (outlet, headline, body sentences) of one article of an event."""
    data = json.loads((BASIL / year / f"{triplet}_{number}.json").read_text("utf-8"))
    sentences = [s for paragraph in data["body-paragraphs"] for s in paragraph]
    return data["source"], data["title"], sentences


def main(event: str) -> None:
    year, triplet = event.split("/")
    for number in (1, 2, 3):
        outlet, title, _ = article_units(year, triplet, number)
        data = json.loads((BASIL / year / f"{triplet}_{number}.json").read_text("utf-8"))
        print(f"=== article {number} ({outlet})")
        print(f"H  {title}")
        index = 0
        for paragraph in data["body-paragraphs"]:
            for position, sentence in enumerate(paragraph):
                mark = "¶" if position == 0 else " "
                print(f"{index:<3}{mark} {sentence}")
                index += 1
        print()


if __name__ == "__main__":
    main(sys.argv[1])
