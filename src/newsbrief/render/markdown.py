"""Markdown: the summary with [n] markers, a numbered source list, notices and explanations.

Every piece of input text goes through :func:`escape`: Markdown's own markup characters are
backslash-escaped, ``&``, ``<`` and ``>`` become entities (a CommonMark renderer passes raw HTML
through, so ``<script>`` or ``<img onerror>`` from an article would run in the reader's page),
line breaks become spaces (a title cannot start a heading or a list) and control characters are
dropped (the file may be shown in a terminal).
"""

from __future__ import annotations

import re

from newsbrief.records import Brief
from newsbrief.render import empty_summary, marker, request_lines, source_label, strip_controls
from newsbrief.render.checked import checked_lines
from newsbrief.render.sections import section_lines
from newsbrief.render.text import explain_sections

_MARKUP = re.compile(r"([\\`*_\[])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Tried only where a run of spaces starts, and never backtracking into it: linear on long runs.
_BREAKS = re.compile(r"(?<!\s)[^\S\n\r\u2028\u2029]*+[\n\r\u2028\u2029]\s*")


def escape(text: str) -> str:
    """``text`` as inert Markdown: shown as written, never markup, HTML or a control sequence."""
    text = _BREAKS.sub(" ", strip_controls(text.replace("\r", "\n")))
    text = "".join(_ENTITIES.get(c, c) for c in text)
    return _MARKUP.sub(r"\\\1", text)


def render_markdown(brief: Brief, explain: bool = False) -> str:
    """The brief as CommonMark; safe to render to HTML and to show in a terminal."""
    summary = " ".join(
        f"{escape(s.text)} {marker(brief, n)}" for n, s in enumerate(brief.sentences)
    )
    lines = ["# Brief", ""]
    if "summary" in brief.sections:
        lines += [f"**{escape(line)}**\n" for line in request_lines(brief)]
        lines += [
            summary or f"_{empty_summary(brief)}_",
            "",
            f"_{brief.word_count} of {brief.words} words from {len(brief.articles)} article(s)._",
            "",
        ]
    checked = checked_lines(brief)
    if checked and "summary" in brief.sections:
        lines += ["## Rewritten by the LLM and checked", ""] + [escape(c) for c in checked] + [""]
    for title, items in section_lines(brief):
        lines += [f"## {title}", ""] + [f"- {escape(item)}" for item in items] + [""]
    lines += ["## Sources", ""]
    lines += [f"- {escape(source_label(n, brief, a.id))}" for n, a in enumerate(brief.articles, 1)]
    if brief.notices:
        lines += ["", "## Notices", ""]
        lines += [f"- {escape(n.source or 'input')}: {escape(n.message)}" for n in brief.notices]
    if explain:
        for section in explain_sections(brief):
            title, _, body = section.partition("\n")
            rows = [_explain_row(row) for row in body.split("\n")]
            lines += ["", f"## {escape(title)}", "", *rows]
    return strip_controls("\n".join(lines) + "\n")


def _explain_row(row: str) -> str:
    # The explanation is plain text in lines ("- item" or an indented legend row): each line's
    # text is escaped and its list marker kept.
    if row.startswith("- "):
        return f"- {escape(row[2:])}"
    return f"- {escape(row.strip())}" if row.strip() else ""
