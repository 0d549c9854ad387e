"""Markdown: the summary with [n] markers, a numbered source list, notices and explanations."""

from __future__ import annotations

from newsbrief.records import Brief
from newsbrief.render import marker, source_label
from newsbrief.render.checked import checked_lines
from newsbrief.render.sections import section_lines
from newsbrief.render.text import explain_sections


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("[", "\\[")


def render_markdown(brief: Brief, explain: bool = False) -> str:
    summary = " ".join(
        f"{_escape(s.text)} {marker(brief, n)}" for n, s in enumerate(brief.sentences)
    )
    lines = ["# Brief", ""]
    if "summary" in brief.sections:
        lines += [
            summary or "_No sentence fits the word budget._",
            "",
            f"_{brief.word_count} of {brief.words} words from {len(brief.articles)} article(s)._",
            "",
        ]
    checked = checked_lines(brief)
    if checked and "summary" in brief.sections:
        lines += ["## Rewritten by the LLM and checked", ""] + [_escape(c) for c in checked] + [""]
    for title, items in section_lines(brief):
        lines += [f"## {title}", ""] + [f"- {_escape(item)}" for item in items] + [""]
    lines += ["## Sources", ""]
    lines += [f"- {_escape(source_label(n, brief, a.id))}" for n, a in enumerate(brief.articles, 1)]
    if brief.notices:
        lines += ["", "## Notices", ""]
        lines += [f"- {_escape(n.source or 'input')}: {_escape(n.message)}" for n in brief.notices]
    if explain:
        for section in explain_sections(brief):
            title, _, body = section.partition("\n")
            lines += ["", f"## {title}", "", body]
    return "\n".join(lines) + "\n"
