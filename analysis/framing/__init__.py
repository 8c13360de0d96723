"""Framing: quotations and their speakers, attribution verbs, hedges, headlines, frames."""

from analysis.framing.quotes import in_quotation, quotation_spans

__all__ = ["in_quotation", "quotation_spans"]
