"""The summarizer entry ``"openai"`` of :data:`newsbrief.choices.SUMMARIZERS`.

The extractive entry chooses, orders and cites the sentences; :func:`rewrite_summary` has them
rewritten by the chat server and keeps only rewrites that pass the grounding check. Imported
only when ``backend = "openai"`` is chosen.
"""

from __future__ import annotations

from dataclasses import replace

from newsbrief.llm.rewrite import rewrite_summary
from newsbrief.records import BriefRequest, Cluster, SummaryResult
from newsbrief.settings import Settings
from newsbrief.summary.extractive import summarize as extractive_summary


def summarize(cluster: Cluster, request: BriefRequest, settings: Settings) -> SummaryResult:
    """The extractive summary of ``cluster``, its sentences rewritten where the check allows."""
    extractive = extractive_summary(cluster, request, settings)
    if not extractive.sentences:  # nothing to rewrite; the extractive notice says why
        return extractive
    sentences, notices = rewrite_summary(extractive.sentences, settings)
    # replace, not a new record: a question's terms and an update's figures stay with it.
    return replace(extractive, sentences=tuple(sentences), notices=(*extractive.notices, *notices))
