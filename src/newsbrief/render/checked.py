"""How the openai backend's sentences are shown: rewritten (and the spans it was checked
against) or kept as written (and why). Shared by the text, Markdown and HTML renderers."""

from __future__ import annotations

import textwrap

from newsbrief.records import Brief, SummarySentence
from newsbrief.render import numbers


def span_text(brief: Brief, sentence: SummarySentence) -> list[tuple[int, str]]:
    """The spans a rewritten sentence was checked against: (article number, text)."""
    number = numbers(brief)
    return [
        (
            number[c.article_id],
            brief.cluster.article(c.article_id).text[c.start : c.end],
        )
        for c in sentence.checked
    ]


def describe(brief: Brief, sentence: SummarySentence, width: int | None = 90) -> str:
    """One line: "rewritten, checked against [1] “…” [3] “…”" or "kept as written: why"."""
    if sentence.origin == "rewritten":
        spans = " ".join(
            f"[{n}] “{textwrap.shorten(text, width) if width else text}”"
            for n, text in span_text(brief, sentence)
        )
        return f"rewritten, checked against {spans}"
    return f"kept as written: {sentence.verdict}"


def checked_lines(brief: Brief) -> list[str]:
    """A line per summary sentence when the backend ran ("" list for an extractive brief)."""
    if all(s.origin == "extractive" for s in brief.sentences):
        return []
    return [f"{n}. {describe(brief, s)}" for n, s in enumerate(brief.sentences, 1)]
