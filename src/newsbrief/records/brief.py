"""The brief: the result of a request, and its documented JSON structure (docs/json.md).

The JSON structure lives with the record rather than in :mod:`newsbrief.render`, so that
``Brief.to_dict()`` needs nothing above the records layer; the renderers only format it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from newsbrief.records.sources import (
    REMOVAL_REASONS,
    Actor,
    Alignment,
    Article,
    Citation,
    Cluster,
    Mention,
    Notice,
    Quote,
    Removal,
    SummarySentence,
    TimelineEntry,
)
from newsbrief.records.stages import Update


@dataclass(frozen=True)
class Brief:
    """The result of :func:`newsbrief.brief`: a cited summary of a cluster."""

    sentences: tuple[SummarySentence, ...]
    cluster: Cluster
    words: int  # the word budget asked for
    settings: dict[str, object] = field(default_factory=dict)
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    agreement: tuple[Alignment, ...] = ()
    sections: tuple[str, ...] = ("summary",)  # the sections asked for, in canonical order
    question: str | None = None  # the question the summary answers, when one was asked
    update: Update | None = None  # when earlier articles were given: the update's figures

    @property
    def text(self) -> str:
        """The summary as plain text, one paragraph."""
        return " ".join(s.text for s in self.sentences)

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.cluster.articles

    @property
    def removals(self) -> tuple[Removal, ...]:
        return self.cluster.removals

    @property
    def notices(self) -> tuple[Notice, ...]:
        return self.cluster.notices

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)

    def to_dict(self) -> dict[str, object]:
        """The brief as the documented JSON structure (see docs/json.md)."""
        return brief_to_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        """The brief as a JSON string (see docs/json.md)."""
        return brief_json(self, indent)


SCHEMA = "newsbrief.brief/1"


def _citation(citation: Citation) -> dict[str, object]:
    return {
        "article_id": citation.article_id,
        "sentence_index": citation.sentence_index,
        "start": citation.start,
        "end": citation.end,
    }


def _checked(brief: Brief, citation: Citation) -> dict[str, object]:
    """A span a rewritten sentence cites and was checked against, with its text."""
    text = brief.cluster.article(citation.article_id).text[citation.start : citation.end]
    return {**_citation(citation), "text": text}


def brief_to_dict(brief: Brief) -> dict[str, object]:
    """The brief as plain JSON-ready data; field names are part of the public schema."""
    sentence_counts: dict[str, int] = {}
    for sentence in brief.cluster.sentences:
        sentence_counts[sentence.article_id] = sentence_counts.get(sentence.article_id, 0) + 1
    return {
        "schema": SCHEMA,
        "summary": {
            "text": brief.text,
            "words": brief.word_count,
            "budget": brief.words,
            "sentences": [
                {
                    "text": s.text,
                    **_citation(s.citation),
                    "also_in": [_citation(c) for c in s.also_in],
                    "score": s.score,
                    "origin": s.origin,  # additions, issue 14 (the openai backend)
                    "checked": [_checked(brief, c) for c in s.checked],
                    "verdict": s.verdict,
                }
                for s in brief.sentences
            ],
        },
        "articles": [
            {
                "id": a.id,
                "number": number,
                "source": a.source,
                "title": a.title,
                "date": a.date,
                "sentences": sentence_counts.get(a.id, 0),
                "text": a.text,
            }
            for number, a in enumerate(brief.articles, 1)
        ],
        "removals": [
            {
                "article_id": r.article_id,
                "start": r.start,
                "end": r.end,
                "text": r.text,
                "reason": r.reason,
                "why": REMOVAL_REASONS.get(r.reason, r.reason),
            }
            for r in brief.removals
        ],
        "notices": [
            {"code": n.code, "message": n.message, "source": n.source, "skipped": n.skipped}
            for n in brief.notices
        ],
        "question": brief.question,
        "update": None
        if brief.update is None
        else {
            "new_articles": brief.update.new_articles,
            "earlier_articles": brief.update.earlier_articles,
            "candidate_sentences": brief.update.candidate_sentences,
            "known_sentences": brief.update.known_sentences,
            "known_share": brief.update.known_share,
        },
        "settings": brief.settings,
        **analysis_to_dict(brief),
    }


def _mention(mention: Mention | None) -> dict[str, object] | None:
    if mention is None:
        return None
    return {
        "article_id": mention.article_id,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
    }


def analysis_to_dict(brief: Brief) -> dict[str, object]:
    """The analysis keys of the JSON (docs/json.md): present always, empty when not asked."""
    return {
        "sections": list(brief.sections),
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "role": a.role,
                "articles": list(a.articles),
                "mentions": [_mention(m) for m in a.mentions],
            }
            for a in brief.actors
        ],
        "quotes": [
            {
                **(_mention(Mention(q.article_id, q.start, q.end, q.text)) or {}),
                "speaker_id": q.speaker_id,
                "speaker_text": q.speaker_text,
                "speaker": _mention(q.speaker),
                "verb": q.verb,
                "second_hand": q.second_hand,
                "attribution": q.attribution,
                "partial": q.partial,
            }
            for q in brief.quotes
        ],
        "timeline": [_entry(e) for e in brief.timeline],
        "agreement": [
            {
                "label": a.label,
                "kind": a.kind,
                "sides": [_mention(m) for m in a.sides],
                "holders": list(a.holders),
                "evidence": a.evidence,
                "score": a.score,
                "judge": a.judge,
                "matter": a.matter,
            }
            for a in brief.agreement
        ],
    }


def _entry(entry: TimelineEntry) -> dict[str, object]:
    return {
        "value": entry.value,
        "granularity": entry.granularity,
        "earliest": entry.earliest,
        "latest": entry.latest,
        "event": _mention(entry.event),
        "citations": [_mention(c) for c in entry.citations],
        "articles": list(entry.articles),
        "dates": [
            {
                "article_id": d.article_id,
                "start": d.start,
                "end": d.end,
                "text": d.text,
                "value": d.value,
                "granularity": d.granularity,
                "anchor": d.anchor,
                "note": d.note,
            }
            for d in entry.dates
        ],
        "note": entry.note,
    }


# json.dumps escapes C0 controls; with ensure_ascii=False it writes DEL, the C1 controls (U+009B
# is a one-character CSI on some terminals), the bidirectional overrides and the line separators
# raw. Inside a JSON string their \u escape is the same value, so the data is unchanged and the
# output is safe to print.
_RAW = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def brief_json(brief: Brief, indent: int | None = 2) -> str:
    """The brief as JSON (docs/json.md); every control character is written as a \\u escape."""
    text = json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=indent)
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
