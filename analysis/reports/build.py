"""Build a report's format-neutral :class:`ReportContent` from a comparison result.

Each section reads its part of the typed result (the frozen values of its package), so
reports render the same whether the result was just computed or opened from a saved file
(:func:`analysis.jsonio.result_from_json` gives back the same values).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from analysis import __version__
from analysis.model import Article
from analysis.omission import matrix_rows
from analysis.present.articles import first_passage, result_articles_table
from analysis.present.labels import outlet_labels
from analysis.present.side_by_side import headlines_group
from analysis.reports.align_section import alignment_section
from analysis.reports.content import ReportContent, Section, Table
from analysis.reports.disagree_section import disagreements_section, naming_section
from analysis.reports.evidence import EvidenceIndex
from analysis.reports.findings_section import findings_section
from analysis.reports.framing_section import SPEAKERS_BEFORE, framing_section
from analysis.reports.generic import ReportContext
from analysis.reports.passage_group import report_passages
from analysis.reports.present_table import report_table
from analysis.reports.provenance import provenance_table
from analysis.reports.sources_table import who_is_quoted
from analysis.reports.terms_section import terms_section
from analysis.reports.vocab_section import distinctive_section, readability_section
from analysis.result import ComparisonResult

__all__ = ["LEGEND", "build_content", "outlet_labels"]

SectionBuilder = Callable[[ComparisonResult, ReportContext], Section | None]


def _alignment(result: ComparisonResult, ctx: ReportContext) -> Section | None:
    return None if result.alignment is None else alignment_section(result, ctx)


def _terms(result: ComparisonResult, ctx: ReportContext) -> Section | None:
    return None if result.terms is None else terms_section(result.terms, result, ctx)


def _disagreements(result: ComparisonResult, ctx: ReportContext) -> Section | None:
    return None if result.disagreements is None else disagreements_section(result, ctx)


def _naming(result: ComparisonResult, ctx: ReportContext) -> Section | None:
    return naming_section(result, ctx)


def _framing(result: ComparisonResult, ctx: ReportContext) -> Section | None:
    return framing_section(result, ctx)


def _distinctive(result: ComparisonResult, ctx: ReportContext) -> Section | None:
    found = result.distinctive_terms
    return None if found is None else distinctive_section(found, result, ctx)


def _readability(result: ComparisonResult, ctx: ReportContext) -> Section | None:
    return readability_section(result, ctx)


# Section key and builder, in the order the report shows them.
_SECTIONS: tuple[tuple[str, SectionBuilder], ...] = (
    ("alignment", _alignment),
    ("terms", _terms),
    ("disagreements", _disagreements),
    ("naming", _naming),
    ("framing", _framing),
    ("distinctive_terms", _distinctive),
    ("readability", _readability),
)

LEGEND = (
    ("loaded", "loaded term in the outlet's own voice"),
    ("loaded-quoted", "loaded term inside a quotation"),
    ("term", "other lexicon term (hedge, neutral verb)"),
    ("edited", "words changed against a linked outlet's passage"),
    ("differs", "a number or label another outlet words differently for the same fact"),
    ("fact", "words of a fact another outlet shares (in its own words)"),
    ("quote", "quoted or reported speech (direct and indirect quotes)"),
    ("shared", "passage every outlet carries"),
    ("partial", "passage some outlets do not carry"),
    ("unique", "passage only this outlet carries"),
)


def build_content(result: ComparisonResult) -> ReportContent:
    """Return everything a report shows, with evidence anchors resolved.

    Args:
        result: The comparison to report on.
    """
    names = outlet_labels(result.articles)
    matrix = None
    if result.alignment is not None:
        matrix = matrix_rows(result.articles, result.alignment)  # shared with the findings
    ctx = ReportContext(names, EvidenceIndex.for_articles(result.articles), matrix)
    built: dict[str, Section | None] = {}
    # The alignment section is built last: its passages show the other sections' word
    # marks (loaded terms), which exist only once those sections have registered them.
    for key, builder in sorted(_SECTIONS, key=lambda s: s[0] == "alignment"):
        built[key] = builder(result, ctx)
    sections = [s for key, _ in _SECTIONS if (s := built[key]) is not None]
    sources = who_is_quoted(result, ctx)
    if sources is not None:  # sources merged across outlets (analysis.present decides)
        sections = [_with_sources(s, sources) for s in sections]
    # The overview comes first but is built last: its headlines show the sections' marks.
    sections.insert(0, _overview(result, ctx))
    # Key findings open every report: what differs, before any table.
    sections.insert(0, findings_section(result, ctx))
    texts = tuple(ctx.evidence.text_view(a) for a in result.articles)
    return ReportContent(
        title=_title(result.articles),
        created=result.created,
        generator=f"Slant {__version__}",
        articles=result.articles,
        sections=tuple(sections),
        texts=texts,
        provenance=provenance_table(result),
        legend=LEGEND,
    )


def _with_sources(section: Section, table: Table) -> Section:
    """The framing section with "Who is quoted" before its passages framed differently."""
    if section.key != "framing":
        return section
    keys = [b.key for b in section.blocks]
    at = keys.index(SPEAKERS_BEFORE) if SPEAKERS_BEFORE in keys else len(keys)
    return replace(section, blocks=(*section.blocks[:at], table, *section.blocks[at:]))


def _overview(result: ComparisonResult, ctx: ReportContext) -> Section:
    """The articles table (the app's sources list reads the same cells) and the headlines."""
    for art in result.articles:  # its outlet and word count link to its first shown passage
        where = first_passage(art)
        if where is not None:
            ctx.evidence.add(*where, "headline" if art.title else "lead")
    table = report_table(result_articles_table(result), "articles", "Articles", ctx, None)
    heads = report_passages(headlines_group(result), ctx.evidence)
    return Section("overview", "Articles and headlines", "", (table, heads))


def _title(articles: tuple[Article, ...]) -> str:
    outlets = list(dict.fromkeys(a.outlet for a in articles))
    shown = ", ".join(outlets[:4]) + (f" and {len(outlets) - 4} more" if len(outlets) > 4 else "")
    return f"Slant comparison: {shown}"
