"""A fact's passages: an outlet carrying the fact with no member of it never crashes the view."""

from __future__ import annotations

from analysis.disagree.values import Disagreement, Member, Relation
from analysis.model import Article
from analysis.pipeline import compare
from analysis.present.disagree_tables import fact_passages


def test_outlet_with_the_passage_but_no_member_is_shown_unmarked() -> None:
    arts = [
        Article.from_parts(title=f"T {n}", paragraphs=[p], outlet=n, source=f"{n}.txt")
        for n, p in (
            ("A", "Police said 40 people were hurt on Monday in the port city."),
            ("B", "Police said 12 people were hurt on Monday in the port city."),
            ("C", "Police said people were hurt on Monday in the port city."),
        )
    ]
    result = compare(arts)
    a, b, c = result.articles
    fact = Disagreement(
        "number",
        Relation.CONTRADICTION,
        "people",
        (Member(a.id, a.text.index("40"), a.text.index("40") + 2, "40"),
         Member(b.id, b.text.index("12"), b.text.index("12") + 2, "12")),
        None,
        None,
        passages=((c.id, c.sentences[-1].start, c.sentences[-1].end),),
    )  # fmt: skip
    shown = fact_passages(result, fact)
    assert [p.outlet for p in shown] == ["A", "B", "C"]
    assert shown[2].marks == () and "people were hurt" in shown[2].text
