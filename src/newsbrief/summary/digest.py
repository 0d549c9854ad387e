"""News digests: one article carrying several stories, each under its own dateline.

A wire digest ("WASHINGTON (AP) -- Republicans pushed …", then "GENEVA (AP) -- A Swiss-English
balloon team …", then "TOKYO (AP) -- Japanese stocks …") or a news service's budget ("CUBA-ELIAN
_ MIAMI _ …", "FBN-DRAFT-LEDE _ …") holds the cluster's story beside others nobody else in the
cluster tells. Those others are not the story: left in, they reach the summary, the timeline
and "sources agree" (two copies of one digest agree on a train crash). A story of a digest
whose words the cluster's other articles do not share is an ``off-topic`` removal; its
sentences are left out, and the removal is listed with the rest.

Only articles with at least :data:`MIN_STORIES` stories are read so; the test is made against
the articles that are no digest (all the others, when every article is one), so a cluster of
digests keeps what they share.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from newsbrief.records import Article, Removal, Sentence
from newsbrief.summary.wire import dateline_at

if TYPE_CHECKING:
    from newsbrief.summary.clean import Line

MIN_STORIES = 3  # the story the article opens with, and two more under their own datelines
# A story's cosine to the sum of the other articles' word vectors (log counts, unit length),
# below which it is another story. Chosen on the 14 digests of DUC 2006 / 2007, precision
# first (docs/benchmarks.md): of their 105 stories, the clusters' own are at 0.146 and above
# ("The federal appeals court rules that The Oprah Winfrey show ..."); 82 others are below
# 0.125 and go, four others (0.144-0.196: Chile's economy beside Hugo Chavez) stay.
MIN_SIMILARITY = 0.13


def story_datelines(
    article: Article, lines: Sequence[Line], reasons: dict[int, str]
) -> list[Removal]:
    """The datelines opening the stories of a digest after its first (capitals only:
    "GENEVA (AP) -- ", "CUBA-ELIAN _ MIAMI _ "), as ``story-dateline`` removals; none when the
    article holds fewer than :data:`MIN_STORIES` stories. The first body line (the first not
    removed by number in ``reasons``: a title, a date line may stand above it) opens the first
    story, whose dateline is the article's; lines already removed open none."""
    if len(_CAPITALS_OPENING_A_LINE.findall(article.text)) < MIN_STORIES - 1:
        return []  # one scan of the text spares most articles the loop over their lines
    body = [number for number in range(len(lines)) if number not in reasons]
    found = []
    for number in body[1:]:
        line = lines[number]
        if line.text[1:2].isupper():
            match = dateline_at(line.text)
            if match is not None and match.end() < len(line.text):
                found.append((line, match))
    if len(found) < MIN_STORIES - 1:
        return []
    return [
        Removal(
            article.id,
            line.start,
            line.start + match.end(),
            match.group().rstrip(),
            "story-dateline",
        )
        for line, match in found
    ]


# A line opening with two capitals, as every dateline this module reads does.
_CAPITALS_OPENING_A_LINE = re.compile(r"\n[^\S\n]*[A-Z][A-Z]")


def stories(article: Article, removals: Sequence[Removal]) -> list[tuple[int, int]] | None:
    """The spans of the article's stories when it is a digest (its ``story-dateline``
    removals), else None."""
    starts = sorted(r.start for r in removals if r.reason == "story-dateline")
    if not starts:
        return None
    return list(pairwise([0, *starts, len(article.text)]))


def off_topic(
    articles: Sequence[Article],
    digests: dict[str, list[tuple[int, int]]],
    sentences: Sequence[Sentence],
) -> list[Removal]:
    """The stories of ``digests`` (article id → story spans) that the cluster's other articles
    do not tell, as ``off-topic`` removals (each from its first kept sentence to its last).
    Where every article is a digest, each keeps its story closest to the others (a cluster of
    unrelated digests keeps a story of each, not none); beside plain articles, a digest none of
    whose stories they tell is left out whole.

    Each article's words are counted once and summed once; a digest's own vector is taken out
    of the sum by algebra (when every article is a digest), not by a copy of the sum: linear
    in the cluster's size."""
    by_article: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        by_article.setdefault(sentence.article_id, []).append(sentence)
    vectors = {a: _unit_counts(" ".join(s.text for s in told)) for a, told in by_article.items()}
    plain = [a for a in by_article if a not in digests]
    total: dict[str, float] = {}
    for article_id in plain or list(by_article):
        for term, weight in vectors[article_id].items():
            total[term] = total.get(term, 0.0) + weight
    squared = sum(w * w for w in total.values())
    originals = {a.id: a.text for a in articles}
    removals: list[Removal] = []
    for article_id, spans in digests.items():
        if article_id not in by_article or not (plain or len(by_article) > 1):
            continue  # nothing else to compare the stories with
        own = {} if plain else vectors[article_id]  # |T - o|² = |T|² - 2 T·o + |o|²
        norm_squared = squared - 2 * _dot(own, total) + _dot(own, own)
        if norm_squared <= 1e-12:
            continue
        norm = math.sqrt(norm_squared)
        starts = [start for start, _ in spans]
        stories: list[list[Sentence]] = [[] for _ in spans]
        for sentence in by_article[article_id]:
            stories[max(bisect_right(starts, sentence.start) - 1, 0)].append(sentence)
        scored = []
        for story in (told for told in stories if told):
            vector = _unit_counts(" ".join(s.text for s in story))
            scored.append(((_dot(vector, total) - _dot(vector, own)) / norm, story))
        # With no plain article to compare with, every article is a digest: the story closest
        # to the others stays (one, the first of equals), so the cluster keeps a story of each.
        kept = max(range(len(scored)), key=lambda n: scored[n][0]) if scored and not plain else -1
        for n, (score, story) in enumerate(scored):
            if score < MIN_SIMILARITY and n != kept:
                start, end = story[0].start, story[-1].end
                text = originals[article_id][start:end]
                removals.append(Removal(article_id, start, end, text, "off-topic"))
    return removals


def _dot(small: dict[str, float], large: dict[str, float]) -> float:
    if len(small) > len(large):
        small, large = large, small
    return sum(w * large.get(t, 0.0) for t, w in small.items())


def _unit_counts(text: str) -> dict[str, float]:
    """The text's content words, 1 + log(count) each, scaled to unit length. No IDF: the
    words every article of the cluster shares ("Oprah") are what a story must share."""
    from newsbrief.summary.represent import tfidf_terms

    counts = Counter(tfidf_terms(text))
    weights = {term: 1.0 + math.log(n) for term, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {term: w / norm for term, w in weights.items()}
