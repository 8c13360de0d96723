"""The frozen values the presentation layer hands to renderers and item models."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from analysis.model import Article
from analysis.omission import MatrixRow
from analysis.present.labels import outlet_labels
from analysis.result import ComparisonResult

__all__ = ["Evidence", "Finding", "FindingContext", "Shared"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of one article's text that a finding rests on.

    Attributes:
        article: Article id.
        start: First character, an offset into ``Article.text``.
        end: One past the last character.
        label: The outlet label to show on the link.
    """

    article: str
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One key finding: a plain sentence and the passages it rests on.

    Attributes:
        kind: Which rule produced it (``omission``, ``unique``, ``wording`` …; see
            :data:`analysis.present.findings.RULES`).
        text: The sentence (plain text; quotes article words verbatim).
        evidence: Spans behind the sentence, in the order the sentence names them.
    """

    kind: str
    text: str
    evidence: tuple[Evidence, ...]


@dataclass(slots=True)
class Shared:
    """Values several finding rules derive from one result, built once (mutable cache).

    Attributes:
        order: Article id -> input position.
        all_matrix_rows: The result's omission matrix, when the caller built it already.
        matrix_rows: The matrix rows the rules read (headline rows left out).
    """

    order: dict[str, int] | None = None
    all_matrix_rows: tuple[MatrixRow, ...] | None = None
    matrix_rows: tuple[MatrixRow, ...] | None = None


@dataclass(frozen=True, slots=True)
class FindingContext:
    """What every finding rule reads: the result, its articles by id and their labels."""

    result: ComparisonResult
    articles: Mapping[str, Article]
    labels: Mapping[str, str]
    #: Values several rules derive from the result (the omission matrix), built once.
    shared: Shared = field(default_factory=Shared, compare=False, repr=False)

    @classmethod
    def of(cls, result: ComparisonResult) -> FindingContext:
        """Return the context of one result."""
        arts = MappingProxyType({a.id: a for a in result.articles})
        return cls(result, arts, MappingProxyType(outlet_labels(result.articles)))

    @property
    def count(self) -> int:
        """Number of articles compared."""
        return len(self.result.articles)

    def evidence(self, article: str, start: int, end: int) -> Evidence:
        """Return an evidence value labelled with the article's outlet."""
        return Evidence(article, start, end, self.labels.get(article, article))

    def words(self, article: str, start: int, end: int) -> str:
        """Return the article's text between two offsets."""
        return self.articles[article].text[start:end]

    def order(self, article: str) -> int:
        """Return the input position of an article (for deterministic ordering)."""
        if self.shared.order is None:
            self.shared.order = {a.id: i for i, a in enumerate(self.result.articles)}
        return self.shared.order[article]
