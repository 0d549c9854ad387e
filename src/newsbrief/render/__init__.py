"""Render: a :class:`~newsbrief.records.Brief` → text, Markdown, JSON or HTML. Formatting only."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsbrief.choices import FORMATS
from newsbrief.records import Brief

# Characters that act on a terminal or reorder what it shows rather than print: C0 controls but
# tab and newline (ESC starts colour, cursor and title sequences; CR overwrites a line), DEL, C1
# controls (U+009B is a one-character CSI on some terminals) and the bidirectional overrides and
# isolates ("Trojan Source"). Article text is never trusted to be shown raw.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """``text`` without control characters (tab and newline are kept): safe for a terminal."""
    return CONTROLS.sub("", text)


def render(brief: Brief, fmt: str, explain: bool = False) -> str:
    """The brief in format ``fmt``, a name in :data:`newsbrief.choices.FORMATS`."""
    renderer: Callable[[Brief, bool], str] = FORMATS.get(fmt)
    return renderer(brief, explain)


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


def request_lines(brief: Brief) -> list[str]:
    """What the brief was asked: the question, and for an update, what is new (plain text)."""
    lines = []
    if brief.question:
        lines.append(f"Question: {brief.question}")
    if brief.update is not None:
        lines.append(f"Update: {brief.update.describe()}")
    return lines


def empty_summary(brief: Brief) -> str:
    """Why the summary is empty, in a few words (plain text)."""
    if any(n.code == "nothing-new" for n in brief.notices):
        return "Nothing new: the new articles repeat what the earlier ones said."
    return "No sentence fits the word budget."


def shortened(text: str, width: int) -> str:
    """``textwrap.shorten`` that never empties a text into "[...]": one long word (a CJK line
    without spaces, a URL) is cut by characters instead."""
    import textwrap

    short = textwrap.shorten(text, width)
    if short == "[...]" or not short:
        collapsed = " ".join(text.split())
        return collapsed if len(collapsed) <= width else collapsed[: width - 1] + "…"
    return short
