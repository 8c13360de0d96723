"""Where outlets disagree on the same fact: numbers, labels, and how they name actors.

Public API: :func:`analyse_disagreements` (and the pipeline's :func:`disagree_step`),
:func:`find_quantities` and :func:`name_actors`, with the frozen values they return.
"""

from __future__ import annotations

from analysis.disagree.numbers import find_quantities
from analysis.disagree.values import (
    Actor,
    Disagreement,
    DisagreementReport,
    Member,
    Mention,
    Quantity,
    Relation,
)

__all__ = [
    "Actor",
    "Disagreement",
    "DisagreementReport",
    "Member",
    "Mention",
    "Quantity",
    "Relation",
    "analyse_disagreements",
    "disagree_step",
    "find_quantities",
    "name_actors",
]


def __getattr__(name: str) -> object:
    # The step and naming import the result and resources: loaded on first use.
    if name in ("analyse_disagreements", "disagree_step"):
        from analysis.disagree import step

        return getattr(step, name)
    if name == "name_actors":
        from analysis.disagree.naming import name_actors

        return name_actors
    raise AttributeError(name)
