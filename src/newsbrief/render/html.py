"""A standalone HTML page: the summary with links to its sources, each cited span highlighted."""

from __future__ import annotations

from html import escape

from newsbrief.records import Brief
from newsbrief.render import numbers
from newsbrief.render.checked import describe
from newsbrief.render.sections import section_lines

STYLE = """
body{font:17px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1,h2{font-family:system-ui,sans-serif}h2{margin-top:2.5rem;border-bottom:1px solid #ccc}
.cite{font:0.75em system-ui,sans-serif;vertical-align:super}a{color:#0b4f9c}
article{white-space:pre-wrap;background:#f6f6f4;padding:1rem;border-radius:6px}
mark{background:#ffe58a}mark:target{outline:2px solid #0b4f9c}
.meta,.notice{font-family:system-ui,sans-serif;color:#444;font-size:0.9em}
.rewritten{border-bottom:1px dotted #0b4f9c}
"""


def render_html(brief: Brief, explain: bool = False) -> str:
    number = numbers(brief)
    summary = []
    for s in brief.sentences:
        links = [
            f'<a href="#a{c.article_id}-s{c.sentence_index}">{number[c.article_id]}</a>'
            for c in s.citations
        ]
        text = escape(s.text)
        if s.origin != "extractive":  # the openai backend: hover shows what it was checked on
            title = escape(describe(brief, s, width=None), quote=True)
            text = f'<span class="{s.origin}" title="{title}">{text}</span>'
        summary.append(f'{text} <span class="cite">[{", ".join(links)}]</span>')
    cited: dict[str, list[tuple[int, int, int]]] = {}
    for s in brief.sentences:
        for c in s.citations:
            cited.setdefault(c.article_id, []).append((c.start, c.end, c.sentence_index))
    body = ["<h1>Brief</h1>"]
    if "summary" in brief.sections:
        body += [
            f"<p>{' '.join(summary) or '<em>No sentence fits the word budget.</em>'}</p>",
            f'<p class="meta">{brief.word_count} of {brief.words} words from '
            f"{len(brief.articles)} article(s).</p>",
        ]
    for title, items in section_lines(brief):
        rows = "".join(f"<li>{escape(item)}</li>" for item in items)
        body.append(f'<h2>{escape(title)}</h2><ul class="analysis">{rows}</ul>')
    if brief.notices:
        notices = "".join(
            f"<li>{escape(n.source or 'input')}: {escape(n.message)}</li>" for n in brief.notices
        )
        body.append(f'<h2>Notices</h2><ul class="notice">{notices}</ul>')
    body.append("<h2>Sources</h2>")
    for article in brief.articles:
        title = escape(article.title or article.source)
        date = f", {escape(article.date)}" if article.date else ""
        body.append(
            f'<h3 id="a{escape(article.id)}">[{number[article.id]}] {title}{date}</h3>'
            f'<p class="meta">{escape(article.source)}</p>'
            f"<article>{_highlight(article.text, cited.get(article.id, []), article.id)}</article>"
        )
    if explain and brief.removals:
        removed = "".join(
            f"<li>[{number[r.article_id]}] <b>{escape(r.reason)}</b>: {escape(r.text)}</li>"
            for r in brief.removals
        )
        body.append(f"<h2>Removed from the input</h2><ul>{removed}</ul>")
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Brief</title><style>{STYLE}</style></head><body>{''.join(body)}</body></html>\n"
    )


def _highlight(text: str, spans: list[tuple[int, int, int]], article_id: str) -> str:
    out, cursor = [], 0
    for start, end, index in sorted(set(spans)):
        if start < cursor:
            continue
        out.append(escape(text[cursor:start]))
        out.append(f'<mark id="a{escape(article_id)}-s{index}">{escape(text[start:end])}</mark>')
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)
