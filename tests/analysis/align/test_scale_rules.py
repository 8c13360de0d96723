from __future__ import annotations

from analysis import AlignmentSettings, Article, align_articles
from tests.analysis.align.conftest import WIRE, make


def _outlets(n: int) -> list[Article]:
    # Each outlet carries the wire body verbatim and adds one sentence of its own.
    return [
        make(
            f"Headline number {i}", [*WIRE, f"Outlet {i} adds note number {i} of its own."], f"O{i}"
        )
        for i in range(n)
    ]


def test_up_to_twenty_articles_every_pair_is_linked() -> None:
    arts = _outlets(15)
    al = align_articles(arts)
    first = arts[0]
    offset = first.text.index("Ferries will run")
    assert len(al.links_at(first.id, offset)) == 14


def test_beyond_the_limit_links_thin_out_but_clusters_stay_whole() -> None:
    arts = _outlets(8)
    settings = AlignmentSettings(complete_up_to=3, max_candidates=2)
    al = align_articles(arts, settings)
    first = arts[0]
    offset = first.text.index("Ferries will run")
    assert len(al.links_at(first.id, offset)) < 7
    cluster = al.cluster_at(first.id, offset)
    assert cluster is not None
    assert set(cluster.articles) == {a.id for a in arts}
