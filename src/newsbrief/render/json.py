"""JSON rendering: the documented, stable structure of a brief (docs/json.md)."""

from __future__ import annotations

import json

from newsbrief.clean import REASONS
from newsbrief.records import Brief, Citation

SCHEMA = "newsbrief.brief/1"


def _citation(citation: Citation) -> dict[str, object]:
    return {
        "article_id": citation.article_id,
        "sentence_index": citation.sentence_index,
        "start": citation.start,
        "end": citation.end,
    }


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
                "why": REASONS.get(r.reason, r.reason),
            }
            for r in brief.removals
        ],
        "notices": [
            {"code": n.code, "message": n.message, "source": n.source, "skipped": n.skipped}
            for n in brief.notices
        ],
        "settings": brief.settings,
    }


def render_json(brief: Brief, indent: int | None = 2) -> str:
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=indent)
