"""A fictional comparison with "shares a fact" links, written by us for the display tests.

Three outlets report one invented event in their own words. The alignment is built by
hand (the matcher is tested elsewhere), so the display tests pin exactly what a partial
link must look like downstream:

* cluster 0: the Ledger's and the Coastline's first sentences (edited copy); the Harbour
  Voice's first sentence shares a fact of it ("shares a fact" link, not in the cluster);
* the Ledger's second sentence and the Harbour Voice's second share one fact (the fuel
  costs) while the Ledger says more: a partial link outside every cluster;
* the Harbour Voice's third sentence is only there.
"""

from __future__ import annotations

from dataclasses import replace

from analysis.align.coverage import article_coverage
from analysis.align.matcher import MatchKind
from analysis.align.settings import AlignmentSettings
from analysis.align.values import Alignment, Cluster, ClusterMember, Link, Passage, Position
from analysis.model import Article, Span
from analysis.result import ComparisonResult
from analysis.settings import CompareSettings

__all__ = ["LEDGER_FUEL", "VOICE_FUEL", "make_partial_result", "sentence", "shared"]

LEDGER_FUEL = "rising fuel costs"
VOICE_FUEL = "the price of fuel"


def _articles() -> tuple[Article, Article, Article]:
    ledger = Article.from_parts(
        title="Ferry operator ends winter crossings to Tarn Island",
        paragraphs=[
            "Tarn Ferries said on Tuesday that it will stop its winter crossings to Tarn "
            "Island from 1 December.",
            "The operator blamed a shortage of qualified crew and rising fuel costs, and "
            "said the last boat would leave Port Alder on 30 November.",
            "Islanders have started a petition asking the regional council to step in.",
        ],
        outlet="Northgate <b>Ledger</b>",
        source="ledger.txt",
        date="2031-11-04",
    )
    voice = Article.from_parts(
        title="No ferry for Tarn Island this winter",
        paragraphs=[
            "The island will be cut off from December after Tarn Ferries announced on "
            "Tuesday that it was halting the winter service.",
            "The company pointed to the price of fuel.",
            "Council leader Mara Ost said she would meet the operator next week.",
        ],
        outlet="Harbour Voice",
        source="voice.txt",
        date="2031-11-04",
    )
    coast = Article.from_parts(
        title="Tarn Ferries halts winter service",
        paragraphs=[
            "Tarn Ferries said on Tuesday that it will halt its winter crossings to Tarn "
            "Island from 1 December.",
            "Shops on the island say they are stocking up on flour and fuel.",
        ],
        outlet="Coastline Daily",
        source="coast.txt",
        date="2031-11-05",
    )
    return ledger, voice, coast


def sentence(article: Article, needle: str) -> Passage:
    """The passage of the sentence of ``article`` holding ``needle``."""
    at = article.text.index(needle)
    s = next(s for s in article.sentences if s.start <= at < s.end)
    return Passage(article.id, s.start, s.end)


def shared(article: Article, needle: str) -> Span:
    """The span of ``needle`` in ``article``."""
    at = article.text.index(needle)
    return Span(at, at + len(needle))


def make_partial_result() -> ComparisonResult:
    """The three articles with their hand-built alignment (partial links included)."""
    ledger, voice, coast = _articles()
    l1, v1, c1 = (
        sentence(ledger, "will stop"),
        sentence(voice, "cut off"),
        sentence(coast, "will halt"),
    )
    l2, v2 = sentence(ledger, LEDGER_FUEL), sentence(voice, VOICE_FUEL)
    links = (
        Link(l1, c1, 92.0, MatchKind.EDITED),
        Link(
            l1,
            v1,
            71.0,
            MatchKind.PARTIAL,
            shared_a=(shared(ledger, "stop its winter crossings"), shared(ledger, "1 December")),
            shared_b=(shared(voice, "from December"), shared(voice, "halting the winter service")),
        ),
        Link(
            l2,
            v2,
            64.0,
            MatchKind.PARTIAL,
            shared_a=(shared(ledger, LEDGER_FUEL),),
            shared_b=(shared(voice, VOICE_FUEL),),
        ),
    )
    members = (
        ClusterMember(ledger.id, l1.start, l1.end, Position.LEAD),
        ClusterMember(coast.id, c1.start, c1.end, Position.LEAD),
    )
    clusters = (Cluster(0, members, (voice.id,)),)
    arts = (ledger, voice, coast)
    coverage = article_coverage(arts, links)
    ids = tuple(a.id for a in arts)
    alignment = Alignment.build(ids, AlignmentSettings(), links, clusters, coverage, ())
    result = ComparisonResult(arts, CompareSettings(), "2031-11-05T08:00:00+00:00")
    return replace(result, alignment=alignment)
