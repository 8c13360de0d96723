"""JSON form of the disagreement report: ``disagreements`` and ``naming``.

The schema is documented in ``docs/report-schema.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analysis.disagree.values import (
    Actor,
    Disagreement,
    DisagreementReport,
    Member,
    Mention,
    Relation,
)
from analysis.errors import ProjectError

__all__ = ["disagreements_from_json", "disagreements_to_json", "naming_to_json"]


def disagreements_to_json(report: DisagreementReport) -> list[dict[str, Any]]:
    """Return the ``disagreements`` list."""
    return [_item(d) for d in report.items]


def _item(d: Disagreement) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": d.kind,
        "relation": d.relation.value,
        "contradiction": d.contradiction,
        "subject": d.subject,
        "cluster": d.cluster,
        "link": d.link,
        "link_list": d.link_list or None,
        "members": [_member(m) for m in d.members],
        "passages": [{"article": a, "start": s, "end": e} for a, s, e in d.passages],
    }
    return out


def _member(m: Member) -> dict[str, Any]:
    out: dict[str, Any] = {"article": m.article, "start": m.start, "end": m.end, "value": m.value}
    if m.low is not None:
        out["low"] = m.low
        out["high"] = m.high  # null: open-ended ("at least 12")
    if m.category:
        out["category"] = m.category
    return out


def naming_to_json(report: DisagreementReport) -> dict[str, Any]:
    """Return the ``naming`` object: actors with their mentions."""
    return {
        "agreements": report.agreements,
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "mentions": [
                    {"article": m.article, "start": m.start, "end": m.end, "form": m.form}
                    for m in a.mentions
                ],
            }
            for a in report.actors
        ],
    }


def disagreements_from_json(items: Any, naming: Any) -> DisagreementReport:
    """Rebuild the report from the ``disagreements`` list and the ``naming`` object.

    Raises:
        ProjectError: When an entry is malformed.
    """
    try:
        parsed = tuple(_item_from(d) for d in items or [])
        naming = naming if isinstance(naming, Mapping) else {}
        actors = tuple(
            Actor(
                int(a["id"]),
                str(a["name"]),
                tuple(
                    Mention(str(m["article"]), int(m["start"]), int(m["end"]), "",
                            str(m.get("form", "")))
                    for m in a["mentions"]
                ),
            )
            for a in naming.get("actors") or []
        )  # fmt: skip
        return DisagreementReport(parsed, int(naming.get("agreements") or 0), actors)
    except (KeyError, TypeError, ValueError) as exc:
        raise ProjectError(f"A disagreement entry is malformed ({exc}).") from exc


def _item_from(d: Mapping[str, Any]) -> Disagreement:
    members = tuple(
        Member(
            str(m["article"]), int(m["start"]), int(m["end"]), str(m.get("value", "")),
            _num(m.get("low")), _num(m.get("high")), str(m.get("category", "")),
        )
        for m in d["members"]
    )  # fmt: skip
    relation = Relation(str(d.get("relation") or "different"))
    cluster, link = d.get("cluster"), d.get("link")
    passages = tuple(
        (str(p["article"]), int(p["start"]), int(p["end"])) for p in d.get("passages") or []
    )
    return Disagreement(
        str(d["kind"]),
        relation,
        str(d.get("subject", "")),
        members,
        None if cluster is None else int(cluster),
        None if link is None else int(link),
        passages,
        str(d.get("link_list") or ""),
    )


def _num(x: Any) -> float | None:
    return None if x is None else float(x)
