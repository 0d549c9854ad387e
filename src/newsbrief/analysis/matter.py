"""The question's matter: keep only the analysis that bears on the question.

With a question (and the setting ``question_sections`` on, the default), the analysis sections
are filtered to the sentences *on the question's matter*: the sentences holding at least one
question term (:func:`newsbrief.summary.focus.question_terms`, matched on stemmed words).

- a quote is kept when its own text or the sentence holding it is on the matter;
- a timeline entry when any sentence citing it is;
- an alignment (agreement, conflict, single-source claim) when any of its sides is;
- an actor when any of its mentions sits in such a sentence.

When the sources barely address the question (nothing or almost nothing would be left) the
sections are kept whole; the brief's ``question-not-addressed`` notice says why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from newsbrief.records import BriefRequest, Cluster, Mention, Notice, SummaryResult
from newsbrief.settings import Settings
from newsbrief.summary.focus import concepts_of

if TYPE_CHECKING:
    from newsbrief.analysis import Analysis


def on_matter(cluster: Cluster, terms: frozenset[str]) -> dict[str, list[tuple[int, int]]]:
    """Per article, the character spans of its sentences that hold a question term."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for sentence in cluster.sentences:
        if terms & concepts_of(sentence.text):
            spans.setdefault(sentence.article_id, []).append((sentence.start, sentence.end))
    return spans


def _touches(spans: dict[str, list[tuple[int, int]]], mentions: Iterable[Mention]) -> bool:
    for m in mentions:
        for start, end in spans.get(m.article_id, ()):
            if m.start < end and start < m.end:
                return True
    return False


def filter_analysis(analysis: Analysis, cluster: Cluster, terms: frozenset[str]) -> Analysis:
    """The analysis restricted to the question's matter (see the module docstring)."""
    spans = on_matter(cluster, terms)
    quotes = tuple(
        q
        for q in analysis.quotes
        if terms & concepts_of(q.text)
        or _touches(spans, [Mention(q.article_id, q.start, q.end, q.text)])
    )
    timeline = tuple(e for e in analysis.timeline if _touches(spans, e.citations))
    agreement = tuple(a for a in analysis.agreement if _touches(spans, a.sides))
    actors = tuple(a for a in analysis.actors if _touches(spans, a.mentions))
    return replace(analysis, actors=actors, quotes=quotes, timeline=timeline, agreement=agreement)


def question_matter(
    analysis: Analysis,
    cluster: Cluster,
    request: BriefRequest,
    settings: Settings,
    summary: SummaryResult,
) -> tuple[Analysis, tuple[Notice, ...]]:
    """The analysis for a request: filtered to the question's matter when there is a question
    the sources address and ``question_sections`` is on; the ``question-not-addressed`` notice
    when they barely address it (also when the summary, which would say so, was not asked)."""
    from newsbrief.summary.directed import not_addressed_notice, question_addressed

    addressed = question_addressed(cluster, request.question, settings)
    if addressed is None:
        return analysis, ()
    if addressed.barely:
        told = any(n.code == "question-not-addressed" for n in summary.notices)
        return analysis, () if told else (not_addressed_notice(addressed),)
    if not settings.question_sections:
        return analysis, ()
    return filter_analysis(analysis, cluster, frozenset(addressed.terms)), ()
