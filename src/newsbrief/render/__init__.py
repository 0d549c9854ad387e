"""Render: a :class:`~newsbrief.records.Brief` → text, Markdown, JSON or HTML. Formatting only."""

from __future__ import annotations

from collections.abc import Callable

from newsbrief.errors import SettingsError
from newsbrief.records import Brief

FORMATS = ("text", "md", "json", "html")


def render(brief: Brief, fmt: str, explain: bool = False) -> str:
    """The brief in format ``fmt`` (one of :data:`FORMATS`; "markdown" is accepted for "md")."""
    renderer = _renderer(fmt)
    return renderer(brief, explain)


def _renderer(fmt: str) -> Callable[[Brief, bool], str]:
    if fmt == "text":
        from newsbrief.render.text import render_text

        return render_text
    if fmt in ("md", "markdown"):
        from newsbrief.render.markdown import render_markdown

        return render_markdown
    if fmt == "json":
        from newsbrief.render.json import render_json

        return lambda brief, explain: render_json(brief)
    if fmt == "html":
        from newsbrief.render.html import render_html

        return render_html
    raise SettingsError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})", code="E206")


def source_label(number: int, brief: Brief, article_id: str) -> str:
    """How an article is named in a source list: number, title or source, date."""
    article = brief.cluster.article(article_id)
    name = article.title or article.source
    date = f", {article.date}" if article.date else ""
    return (
        f"[{number}] {name}{date} — {article.source}"
        if article.title
        else f"[{number}] {name}{date}"
    )


def numbers(brief: Brief) -> dict[str, int]:
    """Citation numbers: the articles' 1-based positions in the brief."""
    return {article.id: n for n, article in enumerate(brief.articles, 1)}


def marker(brief: Brief, index: int) -> str:
    """The citation marker of summary sentence ``index``: "[1]" or "[1; also 2, 3]"."""
    number = numbers(brief)
    sentence = brief.sentences[index]
    # A rewritten sentence (newsbrief.llm) cites every span it was checked against.
    cited = [number[sentence.citation.article_id]]
    cited += sorted({number[c.article_id] for c in sentence.checked} - set(cited))
    also = sorted({number[c.article_id] for c in sentence.also_in} - set(cited))
    primary = ", ".join(map(str, cited))
    return f"[{primary}; also {', '.join(map(str, also))}]" if also else f"[{primary}]"
