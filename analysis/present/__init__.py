"""The presentation layer: a comparison result as frozen view values.

It decides what the reports and the app show of a :class:`~analysis.result.ComparisonResult`
and how it is labelled and ordered: key findings first (:func:`key_findings`), outlet labels
(:func:`outlet_labels`). Qt-free and typed; the renderers and item models only lay it out.
"""

from __future__ import annotations

from analysis.present.findings import RULES, key_findings
from analysis.present.labels import is_sample, outlet_labels, snippet, stance_label
from analysis.present.values import Evidence, Finding

__all__ = [
    "RULES",
    "Evidence",
    "Finding",
    "is_sample",
    "key_findings",
    "outlet_labels",
    "snippet",
    "stance_label",
]
