"""The typed records every stage reads and writes; the bottom layer, importing nothing above it.

An :class:`Article` owns its text; everything else (a removal, a sentence, a citation) points
into it with ``(article_id, start, end)`` character offsets, so every line of a brief traces
back to its source by construction: ``article.text[start:end] == sentence.text``.

Records are frozen and hold no logic beyond small derived properties. They are grouped as:
:mod:`.sources` (articles, sentences, removals, notices, citations, analysis records),
:mod:`.stages` (what summary stages pass on, and what a summarizer returns), :mod:`.request`
(:class:`BriefRequest`) and :mod:`.brief` (:class:`Brief` and its documented JSON structure).
"""

from newsbrief.records.brief import SCHEMA, Brief, brief_json, brief_to_dict
from newsbrief.records.request import BriefRequest
from newsbrief.records.sources import (
    REMOVAL_REASONS,
    Actor,
    Alignment,
    Article,
    Citation,
    Cluster,
    DateMention,
    Mention,
    Notice,
    Quote,
    Removal,
    Sentence,
    SummarySentence,
    TimelineEntry,
)
from newsbrief.records.stages import Concepts, Scored, Selected, SummaryResult, Update

__all__ = [
    "REMOVAL_REASONS",
    "SCHEMA",
    "Actor",
    "Alignment",
    "Article",
    "Brief",
    "BriefRequest",
    "Citation",
    "Cluster",
    "Concepts",
    "DateMention",
    "Mention",
    "Notice",
    "Quote",
    "Removal",
    "Scored",
    "Selected",
    "Sentence",
    "SummaryResult",
    "SummarySentence",
    "TimelineEntry",
    "Update",
    "brief_json",
    "brief_to_dict",
]
