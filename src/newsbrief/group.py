"""Story grouping: an unsorted stream of articles → stories (articles about the same event).

One incremental pass (docs/batch.md, "How grouping works"):

1. every article becomes a sparse TF-IDF vector: words hashed into a fixed space (scikit-learn's
   ``HashingVectorizer``, so there is no vocabulary to fit), sublinear term counts, inverse
   document frequencies counted over the input, its ``max_terms`` heaviest terms kept;
2. articles are taken undated first (in input order), then dated ones in date order;
3. each article's ``key_terms`` heaviest terms look up candidate stories in an inverted index
   (only the ``recent_stories`` latest stories per term, only stories still inside the time
   window), the ``candidates`` stories sharing the most key terms are scored by cosine against
   their centroid, and the article joins the best one at or above ``threshold``, else starts a
   new story.

Cost per article is bounded by those caps, so the whole pass grows near-linearly with the number
of articles. Undated articles and stories ignore the window (there is no date to compare).
"""

from __future__ import annotations

import heapq
import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from newsbrief.errors import InputError, NewsbriefError
from newsbrief.jsonl import dump_line, numbered_lines, parse_object

ARTICLE_FIELDS = ("id", "title", "date", "source", "text")


@dataclass(frozen=True)
class GroupSettings:
    """The knobs of story grouping; ``threshold`` was tuned on Multi-News (docs/benchmarks.md)."""

    # An article joins a story when its cosine with the story's centroid reaches this.
    threshold: float = 0.18
    # A dated article only joins a story whose latest article is at most this many days older.
    window_days: int = 3
    # Terms kept per article vector (the heaviest by TF-IDF weight).
    max_terms: int = 60
    # Terms per article used to look up candidate stories in the inverted index.
    key_terms: int = 10
    # Stories scored per article (those sharing the most key terms).
    candidates: int = 20
    # Per index term, only this many of the latest stories are looked at.
    recent_stories: int = 300
    # Size of the hashed term space.
    features: int = 2**20


@dataclass
class _Story:
    centroid: dict[int, float]
    norm2: float
    last: date | None
    members: list[int] = field(default_factory=list)


def article_text(article: Mapping[str, Any]) -> str:
    """The words grouping reads: the title (when given) and the text."""
    title = article.get("title") or ""
    return f"{title}\n{article.get('text') or ''}" if title else str(article.get("text") or "")


def parse_date(value: Any) -> date | None:
    """An ISO date (``YYYY-MM-DD``, with or without a time), else any date dateutil reads."""
    if not value:
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    from dateutil import parser

    try:
        return parser.parse(text).date()
    except (ValueError, OverflowError):
        return None


def article_vectors(
    texts: Sequence[str], settings: GroupSettings
) -> Iterator[tuple[dict[int, float], list[int]]]:
    """Unit-length sparse TF-IDF vectors (term → weight, at most ``max_terms`` terms) and their
    index keys: the heaviest terms found in more than one article (a term no other article has
    can never find a story)."""
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer

    hasher = HashingVectorizer(
        n_features=settings.features, alternate_sign=False, norm=None, stop_words="english"
    )
    counts = hasher.transform(texts).tocsr()
    counts.data = 1.0 + np.log(counts.data)
    frequency = np.bincount(counts.indices, minlength=settings.features)
    idf = np.log((len(texts) + 1) / (frequency + 1)) + 1.0
    for row in range(counts.shape[0]):
        start, end = counts.indptr[row], counts.indptr[row + 1]
        terms = counts.indices[start:end]
        weights = counts.data[start:end] * idf[terms]
        if len(weights) > settings.max_terms:
            top = np.argpartition(-weights, settings.max_terms)[: settings.max_terms]
            terms, weights = terms[top], weights[top]
        norm = float(np.sqrt((weights * weights).sum())) or 1.0
        shared = np.flatnonzero(frequency[terms] > 1)
        keys = terms[shared[np.argsort(-weights[shared], kind="stable")[: settings.key_terms]]]
        yield dict(zip(terms.tolist(), (weights / norm).tolist(), strict=True)), keys.tolist()


def processing_order(dates: Sequence[date | None]) -> list[int]:
    """Undated articles first in input order, then dated ones by date (stable)."""
    undated = [i for i, day in enumerate(dates) if day is None]
    dated = sorted((day, i) for i, day in enumerate(dates) if day is not None)
    return undated + [i for _, i in dated]


def group_articles(
    articles: Sequence[Mapping[str, Any]], settings: GroupSettings | None = None
) -> list[list[int]]:
    """Group articles into stories: lists of article indexes, each in processing order.

    Stories come in the order they were started (undated first, then by first date).
    """
    settings = settings or GroupSettings()
    if not articles:
        return []
    dates = [parse_date(a.get("date")) for a in articles]
    vectors = list(article_vectors([article_text(a) for a in articles], settings))
    stories: list[_Story] = []
    index: defaultdict[int, list[int]] = defaultdict(list)
    for position in processing_order(dates):
        (vector, keys), day = vectors[position], dates[position]
        story_id = _best_story(vector, keys, day, stories, index, settings)
        if story_id is None:
            story_id = len(stories)
            stories.append(_Story(dict(vector), 1.0, day))
        else:
            _join(stories[story_id], vector, day)
        stories[story_id].members.append(position)
        for key in keys:
            postings = index[key]
            if not postings or postings[-1] != story_id:
                postings.append(story_id)
        vectors[position] = ({}, [])  # the centroid holds what is still needed
    return [story.members for story in stories]


def _best_story(
    vector: dict[int, float],
    keys: list[int],
    day: date | None,
    stories: list[_Story],
    index: Mapping[int, list[int]],
    settings: GroupSettings,
) -> int | None:
    shared: Counter[int] = Counter()
    for key in keys:
        shared.update(index.get(key, ())[-settings.recent_stories :])
    live = [(n, sid) for sid, n in shared.items() if _open(stories[sid], day, settings)]
    best, best_similarity = None, settings.threshold
    for _, story_id in heapq.nlargest(settings.candidates, live):
        story = stories[story_id]
        centroid = story.centroid
        dot = sum(weight * centroid.get(term, 0.0) for term, weight in vector.items())
        similarity = dot / math.sqrt(story.norm2)
        if similarity >= best_similarity:
            best, best_similarity = story_id, similarity
    return best


def _open(story: _Story, day: date | None, settings: GroupSettings) -> bool:
    """Whether a story can still take an article of this date (always, when either is undated)."""
    return day is None or story.last is None or (day - story.last).days <= settings.window_days


def _join(story: _Story, vector: dict[int, float], day: date | None) -> None:
    centroid = story.centroid
    dot = sum(weight * centroid.get(term, 0.0) for term, weight in vector.items())
    for term, weight in vector.items():
        centroid[term] = centroid.get(term, 0.0) + weight
    story.norm2 += 2.0 * dot + 1.0
    if day is not None and (story.last is None or day > story.last):
        story.last = day


def bcubed(truth: Sequence[Any], predicted: Sequence[Any]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a predicted grouping against the true one."""
    if len(truth) != len(predicted) or not truth:
        raise ValueError("bcubed needs two labelings of the same, non-empty list of items")
    pairs = Counter(zip(truth, predicted, strict=True))
    true_sizes, predicted_sizes = Counter(truth), Counter(predicted)
    precision = sum(n * n / predicted_sizes[p] for (_, p), n in pairs.items()) / len(truth)
    recall = sum(n * n / true_sizes[t] for (t, _), n in pairs.items()) / len(truth)
    return precision, recall, 2 * precision * recall / (precision + recall)


@dataclass
class GroupSummary:
    """What ``group_file`` did: articles read, stories written, lines skipped (with reasons)."""

    articles: int = 0
    stories: int = 0
    dated: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    seconds: float = 0.0


def read_articles(source: Path, summary: GroupSummary) -> list[dict[str, Any]]:
    """The articles of a JSONL file; malformed lines and empty texts are skipped with a reason."""
    articles = []
    for line, raw in numbered_lines(source):
        if not raw.strip():
            continue
        try:
            record = parse_object(raw)
        except ValueError as exc:
            summary.skipped.append((line, str(exc)))
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            summary.skipped.append((line, "no 'text' holding text"))
            continue
        article = {k: record.get(k) for k in ARTICLE_FIELDS}
        article["id"] = str(record["id"]) if record.get("id") is not None else f"line-{line}"
        articles.append(article)
    return articles


def group_file(source: Path, out: Path, settings: GroupSettings | None = None) -> GroupSummary:
    """Group the articles of ``source`` into stories written to ``out`` (cluster JSONL).

    ``out`` is written to ``out.partial`` and renamed when complete, so it is never half-written.
    """
    import time

    if not source.is_file():
        raise InputError(f"{source}: no such file", code="E101")
    started = time.perf_counter()
    summary = GroupSummary()
    articles = read_articles(source, summary)
    summary.articles = len(articles)
    summary.dated = sum(parse_date(a.get("date")) is not None for a in articles)
    stories = group_articles(articles, settings)
    partial = out.with_name(out.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8") as handle:
            for number, members in enumerate(stories, 1):
                documents = [articles[i] for i in members]
                handle.write(dump_line({"id": f"story-{number}", "documents": documents}))
        os.replace(partial, out)
    except OSError as exc:
        raise NewsbriefError(f"cannot write {out}: {exc.strerror}", code="E711") from None
    summary.stories = len(stories)
    summary.seconds = time.perf_counter() - started
    return summary
