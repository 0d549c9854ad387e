"""Terminal text: the summary with [n] markers, then the sources, notices and (--explain) why."""

from __future__ import annotations

import textwrap

from newsbrief.records import REMOVAL_REASONS as REASONS
from newsbrief.records import Brief
from newsbrief.render import (
    empty_summary,
    marker,
    numbers,
    request_lines,
    shortened,
    source_label,
    strip_controls,
)
from newsbrief.render.checked import checked_lines
from newsbrief.render.sections import section_lines

WIDTH = 88


def render_text(brief: Brief, explain: bool = False) -> str:
    """The brief for a terminal; control characters from the input are dropped (ESC et al.)."""
    return strip_controls(_text(brief, explain))


def _text(brief: Brief, explain: bool) -> str:
    summary = " ".join(f"{s.text} {marker(brief, n)}" for n, s in enumerate(brief.sentences))
    parts = []
    if "summary" in brief.sections:
        counts = f"{brief.word_count} of {brief.words} words, {len(brief.articles)} article(s)"
        parts += [textwrap.fill(line, WIDTH) for line in request_lines(brief)]
        parts += [
            f"Summary ({counts})",
            textwrap.fill(summary, WIDTH) if summary else f"({empty_summary(brief)})",
        ]
    parts += [
        "Sources",
        "\n".join(source_label(n, brief, a.id) for n, a in enumerate(brief.articles, 1)),
    ]
    checked = checked_lines(brief)
    if checked and "summary" in brief.sections:
        parts += ["Rewritten by the LLM and checked", "\n".join(checked)]
    for title, lines in section_lines(brief):
        parts += [title, "\n".join(f"- {line}" for line in lines)]
    if brief.notices:
        parts += [
            "Notices",
            "\n".join(f"- {n.source or 'input'}: {n.message}" for n in brief.notices),
        ]
    if explain:
        parts += explain_sections(brief)
    return "\n\n".join(parts) + "\n"


def explain_sections(brief: Brief) -> list[str]:
    """What was removed from each article and why, and where each summary sentence came from."""
    number = numbers(brief)
    removed = [
        f"- [{number[r.article_id]}] {r.reason}: {shortened(r.text, 70)}" for r in brief.removals
    ]
    legend = [f"  {code}: {why}" for code, why in REASONS.items()]
    chosen = [
        f"- {marker(brief, n)} sentence {s.citation.sentence_index + 1}, "
        f"characters {s.citation.start}–{s.citation.end}, score {s.score:.3f}"
        for n, s in enumerate(brief.sentences)
    ]
    return [
        "Removed from the input\n" + ("\n".join(removed) or "- nothing"),
        "Reasons\n" + "\n".join(legend),
        f"Why these sentences (relevance = {scorer_description(brief)})\n" + "\n".join(chosen),
    ]


def scorer_description(brief: Brief) -> str:
    """What the relevance score of the scorer that actually ran measures.

    ``auto`` (the old default) runs as ``blend``, resolved as the summarizer resolves it, so
    the explanation never describes another scorer than the one that ran.
    """
    scorer = str(brief.settings.get("scorer", "blend"))
    scorer = "blend" if scorer == "auto" else scorer
    learned = (
        "the learned linear scorer: sentence features (centrality, position, length, "
        "…) and word weights fitted on Multi-News training clusters"
    )
    if scorer == "learned":
        return learned
    if scorer == "blend":
        share = brief.settings.get("learned_weight")  # absent from an older brief's JSON
        weighted = f", weighted {share}," if share is not None else ""
        return f"{learned}{weighted} beside centrality blended with position"
    return "the centroid scorer: centrality blended with position"
