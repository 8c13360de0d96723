"""Key-finding rules that read the framing analysis: verbs, headlines, who is quoted."""

from __future__ import annotations

from analysis.dateline import looks_like_lead
from analysis.framing.report import PassageFraming, PassageMember
from analysis.present.labels import quoted, snippet, stance_label
from analysis.present.rules_align import names
from analysis.present.sources import source_groups
from analysis.present.values import Finding, FindingContext

__all__ = [
    "MIN_ANONYMOUS",
    "MIN_ATTRIBUTIONS",
    "anonymous_finding",
    "headline_findings",
    "quoted_finding",
    "verb_findings",
]

_NEUTRAL = frozenset(("verbs_neutral", "unclassified"))
MIN_ATTRIBUTIONS = 5  # an outlet-level verb or source share needs at least this many ...
MIN_ANONYMOUS = 2  # ... and at least this many unnamed sources / non-neutral verbs ...
_GAP = 0.2  # ... and a share at least 20 points above and twice the others' pooled share


def _beyond(part: int, whole: int, o_part: int, o_whole: int) -> bool:
    if whole < MIN_ATTRIBUTIONS or part < MIN_ANONYMOUS or o_whole == 0:
        return False
    share, other = part / whole, o_part / o_whole
    return share >= other + _GAP and share >= 2 * other


def verb_findings(ctx: FindingContext) -> list[Finding]:
    """Attribution-verb contrasts: on one same passage, and per outlet."""
    framing = ctx.result.framing
    if framing is None:
        return []
    out = []
    contrasts = [p for p in framing.passages if _stances_differ(p)]
    if contrasts:
        # Most distinct verbs first; ties go to the earliest passage (max keeps the first).
        best = max(contrasts, key=lambda p: len(_verb_groups(p)))
        groups = _verb_groups(best)
        parts = [
            f"{names([ctx.labels[m.article] for m in ms], 3)}: {quoted(verb)}"
            + ("" if stance in _NEUTRAL else f" ({stance_label(stance)})")
            for (verb, stance), ms in groups.items()
        ]
        many = f"{len(contrasts)} passages" if len(contrasts) > 1 else "one passage"
        text = (
            f"On {many} the outlets credit the same statement with verbs of different "
            f"stance; for example {'; '.join(parts[:5])}."
        )
        ev = tuple(ctx.evidence(m.article, *_verb_span(m)) for ms in groups.values() for m in ms)
        out.append(Finding("verbs", text, ev[:8]))
    out.extend(_outlet_verbs(ctx))
    return out


def _first_marked(m: PassageMember) -> tuple[str, str]:
    use = next((u for u in m.verbs if u.stance not in _NEUTRAL), m.verbs[0])
    return use.verb.lower(), use.stance


def _verb_span(m: PassageMember) -> tuple[int, int]:
    use = next((u for u in m.verbs if u.stance not in _NEUTRAL), m.verbs[0])
    return use.span.start, use.span.end


def _stances_differ(p: PassageFraming) -> bool:
    stances = {_first_marked(m)[1] for m in p.members if m.verbs}
    return len(stances) > 1 and bool(stances - _NEUTRAL)


def _verb_groups(p: PassageFraming) -> dict[tuple[str, str], list[PassageMember]]:
    groups: dict[tuple[str, str], list[PassageMember]] = {}
    for m in p.members:
        if m.verbs:
            groups.setdefault(_first_marked(m), []).append(m)
    return groups


def _outlet_verbs(ctx: FindingContext) -> list[Finding]:
    framing = ctx.result.framing
    assert framing is not None
    marked = {v.article: [u for u in v.uses if u.stance not in _NEUTRAL] for v in framing.verbs}
    total = {v.article: len(v.uses) for v in framing.verbs}
    found = []
    for art, uses in marked.items():
        o_part = sum(len(u) for a, u in marked.items() if a != art)
        o_whole = sum(t for a, t in total.items() if a != art)
        if art in ctx.articles and _beyond(len(uses), total[art], o_part, o_whole):
            found.append((len(uses) / total[art], art, o_part, o_whole))
    if not found:
        return []
    _, art, o_part, o_whole = max(found, key=lambda f: (f[0], -ctx.order(f[1])))
    uses = marked[art]
    verbs = ", ".join(dict.fromkeys(quoted(u.verb) for u in uses))
    text = (
        f"{ctx.labels[art]} credits {len(uses)} of its {total[art]} attributions with verbs "
        f"that are not neutral ({snippet(verbs, 70)}); the other outlets do so "
        f"{o_part} times in {o_whole}."
    )
    ev = tuple(ctx.evidence(art, u.span.start, u.span.end) for u in uses[:6])
    return [Finding("verbs", text, ev)]


def _a_headline(text: str) -> bool:
    """Whether a first line is a headline at all (not blank, not the lead paragraph)."""
    return bool(text.strip()) and not looks_like_lead(text)


def headline_findings(ctx: FindingContext, limit: int = 2) -> list[Finding]:
    """Headlines whose own body does not bear out their main claim.

    Rule: the framing analysis's check (the best body sentence holds under half the
    claim's content words, or a key name or compound of it appears nowhere in the body).
    A first line that is really the lead (:func:`analysis.dateline.looks_like_lead`) is
    never reported.
    """
    framing = ctx.result.framing
    if framing is None:
        return []
    failed = [
        h
        for h in framing.headlines
        if not h.supported
        and h.article in ctx.articles
        # A "headline" that is the lead paragraph (dateline-led, or paragraph-long) is no
        # headline: its place name and detail are not claims the body must bear out.
        and _a_headline(ctx.words(h.article, h.headline.start, h.headline.end))
    ]
    out = []
    for check in failed[:limit]:
        art = check.article
        head = quoted(ctx.words(art, check.headline.start, check.headline.end), 80)
        if check.unsupported:
            missing = ", ".join(
                f"{quoted(ctx.words(art, s.start, s.end))}" for s in check.unsupported
            )
            why = f"its body never mentions {missing}"
        else:
            why = (
                f"no sentence of its body carries more than {round(100 * check.score)}% "
                "of the headline's main claim"
            )
        text = f"The headline of {ctx.labels[art]}, {head}, goes beyond its story: {why}."
        spans = check.unsupported or (check.claim,)
        out.append(
            Finding("headline", text, tuple(ctx.evidence(art, s.start, s.end) for s in spans))
        )
    if len(failed) > limit:
        rest = names([ctx.labels[h.article] for h in failed[limit:]])
        last = out[-1]
        out[-1] = Finding(last.kind, f"{last.text} The same holds for {rest}.", last.evidence)
    return out


def quoted_finding(ctx: FindingContext) -> list[Finding]:
    """Who is quoted by most outlets, and who by one outlet only (descriptive).

    Sources are merged across outlets first (:func:`analysis.present.sources.source_groups`).
    """
    groups = source_groups(ctx.result)
    if not groups or ctx.count < 2:
        return []
    top = [g for g in groups if len(g.by_article) >= max(2, ctx.count // 2)][:3]
    single = [g for g in groups if len(g.by_article) == 1]
    parts = []
    if top:
        shown = [f"{g.name} ({len(g.by_article)} of {ctx.count} outlets)" for g in top]
        parts.append(f"Most widely quoted: {names(shown, 3)}.")
    if single:
        by: dict[str, list[str]] = {}
        for g in single:
            by.setdefault(g.by_article[0][0], []).append(g.name)
        ordered = sorted(by.items(), key=lambda i: ctx.order(i[0]))
        shown = [f"{names(v, 2)} ({ctx.labels[a]})" for a, v in ordered]
        parts.append(f"{len(single)} sources are quoted by one outlet only: {names(shown, 3)}.")
    if not parts:
        return []
    ev = [
        ctx.evidence(srcs[0].article, srcs[0].span.start, srcs[0].span.end)
        for g in top[:1] + single[:3]
        for _, srcs in g.by_article
    ]
    return [Finding("sources", " ".join(parts), tuple(ev[:8]))]


def anonymous_finding(ctx: FindingContext) -> list[Finding]:
    """How often sources are unnamed, and the outlet relying on them far more than others.

    Rule for naming an outlet: at least :data:`MIN_ATTRIBUTIONS` sources, at least
    :data:`MIN_ANONYMOUS` unnamed, and an unnamed share 20 points above and at least twice
    that of the other outlets pooled.
    """
    framing = ctx.result.framing
    if framing is None:
        return []
    arts = [a for a in framing.articles if a.article in ctx.articles]
    total = sum(len(a.sources) for a in arts)
    anon = sum(len(a.anonymous_sources) for a in arts)
    if total == 0 or anon == 0:
        return []
    text = (
        f"{anon} of {total} attributions ({round(100 * anon / total)}%) credit an unnamed source."
    )
    pick = None
    for a in arts:
        o_anon, o_total = anon - len(a.anonymous_sources), total - len(a.sources)
        if _beyond(len(a.anonymous_sources), len(a.sources), o_anon, o_total):
            share = len(a.anonymous_sources) / len(a.sources)
            if pick is None or share > pick[0]:
                pick = (share, a)
    if pick is not None:
        a = pick[1]
        text += (
            f" {ctx.labels[a.article]} relies on them most: {len(a.anonymous_sources)} of its "
            f"{len(a.sources)}, e.g. {quoted(a.anonymous_sources[0].name)}."
        )
        srcs = a.anonymous_sources
    else:
        srcs = tuple(s for a in arts for s in a.anonymous_sources)
    ev = tuple(ctx.evidence(s.article, s.span.start, s.span.end) for s in srcs[:6])
    return [Finding("anonymous", text, ev)]
