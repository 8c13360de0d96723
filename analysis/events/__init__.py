"""Group a pile of articles into events (stories), each compared on its own.

:func:`group_articles` clusters articles by what they report (content words and names),
their headlines and their dates; :class:`EventGrouping` is the frozen result the CLI, the
batch runner and the GUI read.
"""

from __future__ import annotations

from analysis.events.group import group_articles
from analysis.events.values import Event, EventGrouping, GroupingSettings

__all__ = ["Event", "EventGrouping", "GroupingSettings", "group_articles"]
