"""Story grouping: an unsorted stream of articles → stories (articles about the same event).

One incremental pass and one refinement pass (docs/batch.md, "How grouping works"):

1. every article becomes a sparse TF-IDF vector: words hashed into a fixed space (scikit-learn's
   ``HashingVectorizer``, so there is no vocabulary to fit), sublinear term counts, inverse
   document frequencies counted over the input, terms found in no other article dropped (they
   can never match, they only dilute), its ``max_terms`` heaviest terms kept, unit length;
2. articles are taken undated first (in input order), then dated ones in date order;
3. each article's ``key_terms`` heaviest terms look up candidate stories in an inverted index
   (only the ``recent_stories`` latest stories per term, only stories still inside the time
   window), and the ``candidates`` stories sharing the most key terms are scored: the score is
   the article's mean cosine with the story's articles (average link, read off the sum of their
   vectors);
4. the article joins the best story if its score reaches ``threshold`` plus ``competition``
   times the mean score of the next ``competitors`` candidates, else it starts a new story: the
   more other stories look alike, the more evidence a join needs;
5. refinement: every article, in the same order, is taken out of its story and decided again
   the same way, now against the stories formed after it too (an article that came before its
   story had taken shape finds it here).

Cost per article is bounded by those caps, so the whole run grows near-linearly with the number
of articles. Undated articles and stories ignore the window (there is no date to compare).
"""

from __future__ import annotations

import heapq
import os
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import repeat
from operator import mul
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsbrief.batch.jsonl import dump_line, numbered_lines, parse_object
from newsbrief.errors import InputError, NewsbriefError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

ARTICLE_FIELDS = ("id", "title", "date", "source", "text")


@dataclass(frozen=True)
class GroupSettings:
    """The knobs of story grouping; ``threshold`` was tuned on Multi-News (docs/benchmarks.md)."""

    # An article joins a story when its mean cosine with the story's articles reaches this
    # (plus the competition term below).
    threshold: float = 0.07
    # How much the next-best candidates raise the bar: the join needs threshold + competition
    # × (mean score of the ``competitors`` next-best candidate stories).
    competition: float = 1.0
    competitors: int = 3
    # A dated article only joins a story whose dates are at most this many days from its own.
    window_days: int = 3
    # Terms kept per article vector (the heaviest by TF-IDF weight).
    max_terms: int = 60
    # Terms per article used to look up candidate stories in the inverted index.
    key_terms: int = 20
    # Stories scored per article (those sharing the most key terms).
    candidates: int = 50
    # Per index term, only this many of the latest stories are looked at.
    recent_stories: int = 300
    # Decide every article a second time, once all stories exist.
    refine: bool = True
    # Size of the hashed term space.
    features: int = 2**20


@dataclass
class _Story:
    """A story under construction: the sum of its articles' vectors and its date span."""

    total: dict[int, float] = field(default_factory=dict)
    members: list[int] = field(default_factory=list)
    first: date | None = None
    last: date | None = None

    def add(self, vector: _Vector, position: int, day: date | None) -> None:
        total = self.total
        for term, weight in zip(*vector, strict=True):
            total[term] = total.get(term, 0.0) + weight
        self.members.append(position)
        if day is not None:
            if self.last is None or day > self.last:
                self.last = day
            if self.first is None or day < self.first:
                self.first = day

    def remove(self, vector: _Vector, position: int) -> None:
        """Take an article out (its date span is kept: a little more permissive, never less)."""
        total = self.total
        for term, weight in zip(*vector, strict=True):
            total[term] = total.get(term, 0.0) - weight
        self.members.remove(position)

    def score(self, vector: _Vector) -> float:
        """The article's mean cosine with the story's articles (0 for an empty story)."""
        if not self.members:
            return 0.0
        terms, weights = vector
        dot = sum(map(mul, weights, map(self.total.get, terms, repeat(0.0))))
        return dot / len(self.members)


# An article's vector: its terms and their weights (unit length), as two plain lists.
_Vector = tuple[list[int], list[float]]


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
) -> Iterator[tuple[npt.NDArray[np.int32], npt.NDArray[np.float32], npt.NDArray[np.int32]]]:
    """Unit-length sparse TF-IDF vectors, one per text: (terms, weights, index keys), terms
    heaviest first, at most ``max_terms`` of them; the keys are the ``key_terms`` heaviest.

    Only terms found in at least two of ``texts`` are kept: a term no other article has adds
    nothing to any similarity, it only lowers the article's cosine with everything. An article
    with no such term gets an empty vector (it can only start its own story).
    """
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer

    hasher = HashingVectorizer(
        n_features=settings.features, alternate_sign=False, norm=None, stop_words="english"
    )
    counts = hasher.transform(texts).tocsr()
    counts.data = 1.0 + np.log(counts.data)
    frequency = np.bincount(counts.indices, minlength=settings.features)
    idf = np.log((len(texts) + 1) / (frequency + 1)) + 1.0
    idf[frequency < 2] = 0.0
    for row in range(counts.shape[0]):
        start, end = counts.indptr[row], counts.indptr[row + 1]
        terms = counts.indices[start:end]
        weights = counts.data[start:end] * idf[terms]
        shared = weights > 0
        terms, weights = terms[shared], weights[shared]
        if len(weights) > settings.max_terms:
            top = np.argpartition(-weights, settings.max_terms)[: settings.max_terms]
            terms, weights = terms[top], weights[top]
        order = np.argsort(-weights, kind="stable")  # heaviest first: the keys lead
        terms, weights = terms[order], weights[order]
        norm = float(np.sqrt((weights * weights).sum())) or 1.0
        terms = terms.astype(np.int32)
        yield terms, (weights / norm).astype(np.float32), terms[: settings.key_terms]


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
    # Kept as arrays (about 1 KB an article) for the refinement pass; lists only while in use.
    compact = list(article_vectors([article_text(a) for a in articles], settings))
    order = processing_order(dates)
    grouping = _Grouping(settings, dates)
    for position in order:
        terms, weights, keys = compact[position]
        grouping.place(position, (terms.tolist(), weights.tolist()), keys.tolist())
    if settings.refine:
        for position in order:
            terms, weights, keys = compact[position]
            grouping.place(position, (terms.tolist(), weights.tolist()), keys.tolist())
    rank = {position: number for number, position in enumerate(order)}
    stories = [sorted(s.members, key=rank.__getitem__) for s in grouping.stories if s.members]
    return sorted(stories, key=lambda members: rank[members[0]])


class _Grouping:
    """The stories so far, the inverted index over their key terms, and the join decision."""

    def __init__(self, settings: GroupSettings, dates: Sequence[date | None]) -> None:
        self.settings = settings
        self.dates = dates
        self.stories: list[_Story] = []
        self.index: defaultdict[int, list[int]] = defaultdict(list)
        self.story_of: dict[int, int] = {}

    def place(self, position: int, vector: _Vector, keys: list[int]) -> None:
        """Put an article in its best story (or a new one); an article already placed is
        first taken out of its story, and stays in it if it would be left alone there."""
        day = self.dates[position]
        current = self.story_of.get(position)
        if current is not None:
            self.stories[current].remove(vector, position)
        story_id = self.best_story(vector, keys, day)
        if story_id is None:
            if current is not None and not self.stories[current].members:
                story_id = current
            else:
                story_id = len(self.stories)
                self.stories.append(_Story())
        self.stories[story_id].add(vector, position, day)
        self.story_of[position] = story_id
        if story_id != current:
            for key in keys:
                postings = self.index[key]
                if not postings or postings[-1] != story_id:
                    postings.append(story_id)

    def best_story(self, vector: _Vector, keys: list[int], day: date | None) -> int | None:
        """The candidate story with the best score, if that score clears the bar."""
        settings, stories = self.settings, self.stories
        shared: Counter[int] = Counter()
        for key in keys:
            shared.update(set(self.index.get(key, ())[-settings.recent_stories :]))
        if day is None:  # an undated article may join any story (but an emptied one)
            counts = zip(shared.values(), shared.keys(), strict=True)
            ranked = heapq.nlargest(settings.candidates + 5, counts)
            top = [sid for _, sid in ranked if stories[sid].members][: settings.candidates]
        else:
            reach = timedelta(days=settings.window_days)
            earliest, latest = day - reach, day + reach
            live = [(n, sid) for sid, n in shared.items() if _open(stories[sid], earliest, latest)]
            top = [sid for _, sid in heapq.nlargest(settings.candidates, live)]
        scored = sorted(((stories[sid].score(vector), sid) for sid in top), reverse=True)
        if not scored:
            return None
        best, story_id = scored[0]
        others = [score for score, _ in scored[1 : 1 + settings.competitors]]
        background = sum(others) / len(others) if others else 0.0
        if best > 0.0 and best >= settings.threshold + settings.competition * background:
            return story_id
        return None


def _open(story: _Story, earliest: date, latest: date) -> bool:
    """Whether a story can take a dated article: it has articles, and its latest one is no older
    than ``earliest`` and its first one no newer than ``latest`` (the article's date ± the
    window). An undated story is always open."""
    if not story.members:
        return False
    if story.last is None or story.first is None:
        return True
    return story.last >= earliest and story.first <= latest


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
