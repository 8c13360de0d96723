"""``index.html``: the batch index as one self-contained page (no scripts, no fetches).

Every article-derived string is escaped; report links are the relative file names the
batch wrote. The page is rendered from the same dict as ``index.json``, so both agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from analysis.reports.escape import html_attr, html_text

__all__ = ["index_html"]

# Wider than this, the matrix shows only events of two or more articles (index.json has all).
_MATRIX_COLUMNS = 150

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;
max-width:78em;padding:0 1em;color:#1d1d1f;background:#fff}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.8em}
.meta{color:#555}.warn{background:#fff4d6;border:1px solid #e0b84d;padding:.5em .8em}
table{border-collapse:collapse;width:100%;margin:.6em 0}
th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f6;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
.lean{display:inline-block;border-radius:.6em;padding:0 .45em;font-size:.8em;margin:0 .15em;
border:1px solid #999}.lean-left{background:#dce8fb}.lean-right{background:#fbdcdc}
.lean-center{background:#ececec}.status-failed{color:#a00}.status-single{color:#777}
details summary{cursor:pointer;color:#333}ul.arts{margin:.3em 0;padding-left:1.2em}
.matrix{width:auto}.matrix td,.matrix th{text-align:center;padding:.2em .35em;font-size:.85em}
td.id{white-space:nowrap}
.matrix td.hit{background:#cfe3cf}.matrix th.outlet{text-align:left}
.scroll{overflow-x:auto}
"""


def index_html(data: Mapping[str, Any]) -> str:
    """Render the index dict of :func:`analysis.batch.index.index_json` as one HTML page."""
    events: Sequence[Mapping[str, Any]] = data["events"]
    compared = sum(1 for e in events if e["status"] == "compared")
    failed = sum(1 for e in events if e["status"] == "failed")
    title = f"Slant batch: {len(events)} events from {data['article_count']} articles"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html_text(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{html_text(title)}</h1>",
        f'<p class="meta">{compared} compared, {failed} failed, '
        f"{len(events) - compared - failed} with one article or not run · "
        f"reports as {html_text(str(data['format']))} · {html_text(str(data['generator']))}</p>",
    ]
    if not data["complete"]:
        parts.append(
            '<p class="warn">The batch was stopped before it finished; events marked '
            "“not run” have no report.</p>"
        )
    parts += _skipped(data["skipped_sources"])
    parts += _events_table(events)
    parts += _one_sided(data, events)
    parts += _matrix(data, events)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _skipped(skipped: Sequence[Mapping[str, str]]) -> list[str]:
    if not skipped:
        return []
    items = "".join(f"<li>{html_text(s['source'])}: {html_text(s['reason'])}</li>" for s in skipped)
    return [f"<h2>Sources not loaded ({len(skipped)})</h2><ul>{items}</ul>"]


def _lean_badges(leans: Sequence[str | None]) -> str:
    badges = []
    for lean in leans:
        if lean:
            side = lean.removeprefix("lean ")
            badges.append(f'<span class="lean lean-{side}">{html_text(lean)}</span>')
    return "".join(badges)


def _events_table(events: Sequence[Mapping[str, Any]]) -> list[str]:
    head = (
        "<tr><th>Event</th><th>Headline and articles</th><th>Dates</th><th>Outlets</th>"
        '<th class="n">Articles</th><th class="n">Shared</th><th class="n">Linked passages</th>'
        '<th class="n">Only in one</th><th class="n">Loaded terms</th><th>Status</th></tr>'
    )
    rows = [_event_row(e) for e in events]
    return ["<h2>Events</h2>", '<div class="scroll"><table>', head, *rows, "</table></div>"]


def _event_row(event: Mapping[str, Any]) -> str:
    headline = html_text(event["headline"] or "(no headline)")
    if event["report"]:
        headline = f'<a href="{html_attr(quote(event["report"]))}">{headline}</a>'
    items = "".join(
        f"<li>{html_text(a['outlet'])}{_lean_badges([a['lean']])}: {html_text(a['title'])} "
        f'<span class="meta">({html_text(a["source"])})</span></li>'
        for a in event["articles"]
    )
    articles = f'<details><summary>{len(event["articles"])} articles</summary><ul class="arts">'
    articles += f"{items}</ul></details>"
    dates = event["first_date"] or "no date"
    if event["last_date"] and event["last_date"] != event["first_date"]:
        dates += f" – {event['last_date']}"
    lean_of = {a["outlet"]: a["lean"] for a in event["articles"]}
    outlets = ", ".join(html_text(o) + _lean_badges([lean_of.get(o)]) for o in event["outlets"])
    numbers = event["numbers"]
    shared = f"{100 * numbers['shared']:.0f} %" if "shared" in numbers else ""
    cells = [
        f'<td class="id">{html_text(event["id"])}</td>',
        f"{headline}{articles}",
        html_text(dates),
        outlets,
        _n(len(event["articles"])),
        f'<td class="n">{shared}</td>',
        _n(numbers.get("linked_passages")),
        _n(numbers.get("only_here")),
        _n(numbers.get("loaded_terms")),
        _status(event),
    ]
    return "<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells) + "</tr>"


def _n(value: object) -> str:
    return f'<td class="n">{"" if value is None else html_text(str(value))}</td>'


def _status(event: Mapping[str, Any]) -> str:
    status = str(event["status"])
    text = html_text(status)
    if event["error"]:
        text += f": {html_text(event['error'])}"
    return f'<td class="status-{html_attr(status.replace(" ", "-"))}">{text}</td>'


def _one_sided(data: Mapping[str, Any], events: Sequence[Mapping[str, Any]]) -> list[str]:
    if not data["rated"]:
        return [
            "<h2>One-sided coverage</h2>",
            '<p class="meta">Give an outlet ratings file (--ratings) to see which leanings '
            "covered each event and which events only one side covered.</p>",
        ]
    picked = [e for e in events if e["one_sided"]]
    if not picked:
        return ["<h2>One-sided coverage</h2>", "<p>No event was covered by one side only.</p>"]
    items = "".join(
        f"<li>{html_text(e['id'])}: {html_text(e['headline'])} — only the "
        f"{html_text(e['one_sided'])} covered it ({', '.join(html_text(o) for o in e['outlets'])})"
        "</li>"
        for e in picked
    )
    count = f"{len(picked)} event" + ("" if len(picked) == 1 else "s")
    return [f"<h2>One-sided coverage ({count})</h2><ul>{items}</ul>"]


def _matrix(data: Mapping[str, Any], events: Sequence[Mapping[str, Any]]) -> list[str]:
    cover = data["coverage"]
    columns = list(range(len(cover["events"])))
    note = ""
    if len(columns) > _MATRIX_COLUMNS:
        columns = [j for j in columns if len(events[j]["articles"]) >= 2][:_MATRIX_COLUMNS]
        note = (
            f'<p class="meta">Showing {len(columns)} of {len(cover["events"])} events (those '
            "with two or more articles); index.json holds the whole matrix.</p>"
        )
    head = "".join(
        f'<th title="{html_attr(events[j]["headline"])}">{html_text(str(j + 1))}</th>'
        for j in columns
    )
    rows = []
    for outlet, lean, counts in zip(cover["outlets"], cover["leans"], cover["counts"], strict=True):
        cells = "".join(
            f'<td class="hit">{counts[j]}</td>' if counts[j] else "<td></td>" for j in columns
        )
        label = html_text(outlet) + _lean_badges([lean])
        rows.append(f'<tr><th class="outlet">{label}</th>{cells}</tr>')
    by = "outlet and lean" if data["rated"] else "outlet"
    return [
        f"<h2>Coverage by {by}</h2>",
        '<p class="meta">Articles per outlet (rows) and event (columns, numbered as above).</p>',
        note,
        '<div class="scroll"><table class="matrix">',
        f"<tr><th></th>{head}</tr>",
        *rows,
        "</table></div>",
    ]
