"""A standalone HTML page: the summary with links to its sources, each cited span highlighted.

Every value from the input (ids, titles, sources, dates, text, analysis, notices) reaches the
page through :func:`_e` only, which escapes it for a text node and a quoted attribute alike.
Anchors are built from the article's number and the sentence index (integers), never from the
article id, so no input ever lands inside a URL.
"""

from __future__ import annotations

import html

from newsbrief.records import Brief
from newsbrief.render import empty_summary, numbers, request_lines, shortened, strip_controls
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


def _e(value: object) -> str:
    """The one way input reaches the page: control characters dropped, ``& < > " '`` escaped."""
    return html.escape(strip_controls(str(value)), quote=True)


def _anchor(article_number: int, sentence_index: int) -> str:
    return f"a{int(article_number)}-s{int(sentence_index)}"


def render_html(brief: Brief, explain: bool = False) -> str:
    """The brief as one self-contained page (no script, nothing loaded from elsewhere)."""
    number = numbers(brief)
    summary = []
    for s in brief.sentences:
        links = [
            f'<a href="#{_anchor(number[c.article_id], c.sentence_index)}">'
            f"{number[c.article_id]}</a>"
            for c in s.citations
        ]
        text = _e(s.text)
        if s.origin != "extractive":  # the openai backend: hover shows what it was checked on
            title = _e(describe(brief, s, width=None))
            text = f'<span class="{_e(s.origin)}" title="{title}">{text}</span>'
        summary.append(f'{text} <span class="cite">[{", ".join(links)}]</span>')
    cited: dict[str, list[tuple[int, int, int]]] = {}
    for s in brief.sentences:
        for c in s.citations:
            cited.setdefault(c.article_id, []).append((c.start, c.end, c.sentence_index))
    body = ["<h1>Brief</h1>"]
    if "summary" in brief.sections:
        body += [f'<p class="request">{_e(line)}</p>' for line in request_lines(brief)]
        empty = f"<em>{_e(empty_summary(brief))}</em>"
        body += [
            f"<p>{' '.join(summary) or empty}</p>",
            f'<p class="meta">{_e(brief.word_count)} of {_e(brief.words)} words from '
            f"{len(brief.articles)} article(s).</p>",
        ]
    for title, items in section_lines(brief):
        rows = "".join(f"<li>{_e(item)}</li>" for item in items)
        body.append(f'<h2>{_e(title)}</h2><ul class="analysis">{rows}</ul>')
    if brief.notices:
        notices = "".join(
            f"<li>{_e(n.source or 'input')}: {_e(n.message)}</li>" for n in brief.notices
        )
        body.append(f'<h2>Notices</h2><ul class="notice">{notices}</ul>')
    body.append("<h2>Sources</h2>")
    for article in brief.articles:
        n = number[article.id]
        title = _e(article.title or article.source)
        date = f", {_e(article.date)}" if article.date else ""
        spans = cited.get(article.id, [])
        body.append(
            f'<h3 id="a{n}">[{n}] {title}{date}</h3>'
            f'<p class="meta">{_e(article.source)}</p>'
            f"<article>{_highlight(article.text, spans, n)}</article>"
        )
    if explain and brief.removals:
        removed = "".join(
            # A removal can be a whole story (a digest's off-topic one): shortened, as in the
            # text format; the article itself is printed in full below its heading.
            f"<li>[{number[r.article_id]}] <b>{_e(r.reason)}</b>: {_e(shortened(r.text, 160))}</li>"
            for r in brief.removals
        )
        body.append(f"<h2>Removed from the input</h2><ul>{removed}</ul>")
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Brief</title><style>{STYLE}</style></head><body>{''.join(body)}</body></html>\n"
    )


def _highlight(text: str, spans: list[tuple[int, int, int]], article_number: int) -> str:
    out, cursor = [], 0
    for start, end, index in sorted(set(spans)):
        if start < cursor:
            continue
        out.append(_e(text[cursor:start]))
        out.append(f'<mark id="{_anchor(article_number, index)}">{_e(text[start:end])}</mark>')
        cursor = end
    out.append(_e(text[cursor:]))
    return "".join(out)
