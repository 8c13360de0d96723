from __future__ import annotations

import pytest

from analysis import Article, Cancelled, align_articles


def test_progress_rises_monotonically_to_one(trio: tuple[Article, Article, Article]) -> None:
    seen: list[float] = []
    align_articles(trio, progress=lambda f, _label: seen.append(f))
    assert len(seen) >= 4
    assert seen == sorted(seen)
    assert seen[0] == 0.0 and seen[-1] == 1.0


@pytest.mark.parametrize("after", [0, 1, 3, 5])
def test_cancel_stops_the_work(trio: tuple[Article, Article, Article], after: int) -> None:
    polls: list[int] = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) > after

    with pytest.raises(Cancelled):
        align_articles(trio, is_cancelled=cancelled)
    assert len(polls) == after + 1


def test_compare_carries_the_alignment(trio: tuple[Article, Article, Article]) -> None:
    from analysis import compare

    seen: list[float] = []
    result = compare(trio, progress=lambda f, _label: seen.append(f))
    assert result.alignment is not None
    assert result.alignment.articles == tuple(a.id for a in trio)
    assert seen == sorted(seen) and seen[-1] == 1.0
