"""Guided selection: the summary of a cluster steered by a question, earlier articles, or both.

Selection covers *concepts* (:func:`newsbrief.summary.focus.concepts_of`: stemmed content
words and word pairs). A concept is worth the number of articles that use it when at least
``max(2, articles × MIN_ARTICLE_SHARE)`` do, else ``RARE_WEIGHT`` times that (detail, not the
story), and

- with a question: a concept holding a question term counts in full however few articles use
  it, times ``1 + QUESTION_BOOST × relevance`` (relevance: the share of its words that are
  question terms). Sentences holding a question term are chosen first (``ANSWER_FIRST``); the
  others only fill what budget is left. Covering a concept once makes it worth nothing, so the
  summary moves on to the question's other facets rather than repeating one;
- with earlier articles: a concept is discounted by the share of the earlier articles that hold
  it, down to ``OLD_WEIGHT`` times its worth when all of them do; sentences already known
  (:mod:`newsbrief.summary.novelty`) are not candidates; a sentence that carries a change (a new
  number or date, a word of change) gains ``CHANGE_BONUS`` of the heaviest concept's worth.

The greedy adds, while the budget allows, the sentence whose uncovered concepts (and change
bonus) weigh most per ``words ** LENGTH_POWER``, with ``SCORE_WEIGHT`` times its generic score
(:mod:`newsbrief.summary.score`) as a tie-breaker: a budgeted greedy for a submodular coverage
objective, as :mod:`newsbrief.summary.select`. A sentence at or above the redundancy cosine to
a chosen one is skipped. Constants were chosen on DUC 2006 (question) and DUC 2007 (set A with
the question, set B given A) together, never on one alone; docs/benchmarks.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsbrief.records import Selected, Sentence
from newsbrief.summary.focus import (
    Addressed,
    concept_relevance,
    concepts_of,
    measure,
    question_terms,
    term_hits,
)
from newsbrief.summary.novelty import Novelty, novelty
from newsbrief.summary.represent import Similarity
from newsbrief.summary.select import _leans_on_previous

QUESTION_BOOST = 2.0
OLD_WEIGHT = 0.2
CHANGE_BONUS = 0.5  # in units of the heaviest concept's weight
SCORE_WEIGHT = 0.3  # likewise, times the generic score in [0, 1]
LENGTH_POWER = 0.5
MIN_ARTICLE_SHARE = 1 / 8
RARE_WEIGHT = 0.1  # a concept fewer articles use: detail, worth a tenth
ANSWER_FIRST = True
GRADED_OLD = True


@dataclass(frozen=True)
class Guided:
    """What guided selection chose, and what it measured on the way."""

    selected: list[Selected]
    addressed: Addressed | None = None  # with a question
    novelty: Novelty | None = None  # with earlier articles


def concept_matrix(
    concepts: Sequence[set[str]],
) -> tuple[sparse.csr_matrix, tuple[str, ...]]:
    """A binary sentence × concept matrix and the concepts' names (columns)."""
    columns: dict[str, int] = {}
    rows, cols = [], []
    for i, held in enumerate(concepts):
        for name in held:
            rows.append(i)
            cols.append(columns.setdefault(name, len(columns)))
    data = np.ones(len(rows), dtype=np.float64)
    matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(concepts), len(columns)))
    return matrix, tuple(columns)


def guided_select(
    sentences: Sequence[Sentence],
    scores: np.ndarray,
    similarity: Similarity,
    budget: int,
    question: str | None = None,
    earlier: Sequence[Sentence] = (),
    redundancy: float = 0.5,
) -> Guided:
    """Choose sentences for a question and/or earlier articles (see the module docstring).

    ``scores`` are the generic scores (0: never summary material); a sentence at or above
    cosine ``redundancy`` to a chosen one is not chosen.
    """
    concepts = [concepts_of(s.text) for s in sentences]
    matrix, names = concept_matrix(concepts)
    usable = scores > 0
    # Articles per concept: a sentence × article indicator, then count the non-zero columns.
    _, article_index = np.unique([s.article_id for s in sentences], return_inverse=True)
    by_article = sparse.csr_matrix(
        (np.ones(len(sentences)), (article_index, np.arange(len(sentences)))),
        shape=(article_index.max() + 1 if len(sentences) else 0, len(sentences)),
    )
    spread = np.asarray(((by_article @ matrix) > 0).sum(axis=0), dtype=np.float64).ravel()
    n_articles = by_article.shape[0]
    common = spread >= max(2.0, n_articles * MIN_ARTICLE_SHARE)
    weights = np.where(common, spread, RARE_WEIGHT * spread)
    terms = question_terms(question)
    addressed = None
    if terms:
        addressed = measure(concepts, terms, usable)
        relevance = concept_relevance(names, terms)
        # What the question asks about counts even when few articles say it.
        weights = np.where(relevance > 0, np.maximum(weights, spread), weights)
        weights = weights * (1 + QUESTION_BOOST * relevance)
    found = None
    bonus = np.zeros(len(sentences))
    if earlier:
        old_held = [concepts_of(s.text) for s in earlier]
        old_concepts: set[str] = set().union(*old_held)
        by_old_article: dict[str, set[str]] = {}
        for sentence, held in zip(earlier, old_held, strict=True):
            by_old_article.setdefault(sentence.article_id, set()).update(held)
        texts, old_texts = [s.text for s in sentences], [s.text for s in earlier]
        found = novelty(texts, concepts, old_texts, old_concepts)
        if GRADED_OLD:
            # The more of the earlier articles said it, the less it is news.
            old_spread = np.array(
                [sum(name in held for held in by_old_article.values()) for name in names],
                dtype=np.float64,
            ) / max(1, len(by_old_article))
            weights = weights * (1 - (1 - OLD_WEIGHT) * old_spread)
        else:
            in_old = np.array([name in old_concepts for name in names], dtype=bool)
            weights = np.where(in_old, weights * OLD_WEIGHT, weights)
        usable = usable & ~found.known
        bonus = CHANGE_BONUS * found.changed
    top = (float(weights.max()) if weights.size else 1.0) or 1.0
    content = bonus * top  # a change is content in its own right
    tiebreak = SCORE_WEIGHT * scores * top
    tiers = [usable]
    if addressed is not None and not addressed.barely and ANSWER_FIRST:
        # Sentences holding a question term first; the others only once those are used up.
        answering = usable & (term_hits(concepts, terms) > 0)
        tiers = [answering, usable & ~answering]
    chosen: list[tuple[int, float]] = []
    for tier in tiers:
        chosen = _greedy(
            sentences,
            matrix,
            weights,
            (content, tiebreak),
            tier,
            budget,
            similarity,
            redundancy,
            usable,
            chosen,
        )
    return Guided([Selected(sentences[i], value) for i, value in chosen], addressed, found)


def _greedy(
    sentences: Sequence[Sentence],
    matrix: sparse.csr_matrix,
    weights: np.ndarray,
    bonuses: tuple[np.ndarray, np.ndarray],
    usable: np.ndarray,
    budget: int,
    similarity: Similarity,
    redundancy: float,
    eligible: np.ndarray,
    chosen: Sequence[tuple[int, float]] = (),
) -> list[tuple[int, float]]:
    """Continue the greedy from ``chosen`` over the ``usable`` sentences (``eligible``: any
    sentence that may be chosen, such as one a chosen sentence leans on)."""
    content, tiebreak = bonuses
    words = np.array([s.words for s in sentences])
    uncovered = weights.astype(np.float64).copy()
    lengths = np.maximum(words, 1) ** LENGTH_POWER
    chosen = list(chosen)
    taken = {i for i, _ in chosen}
    used = sum(int(words[i]) for i in taken)
    available = usable & (words <= budget - used)
    closest = np.zeros(len(sentences))
    for i in taken:
        uncovered[matrix.indices[matrix.indptr[i] : matrix.indptr[i + 1]]] = 0.0
        closest = np.maximum(closest, similarity.row(i))
    available &= closest < redundancy
    while available.any():
        gain = np.asarray(matrix @ uncovered).ravel() + content
        value = (gain + tiebreak) / lengths
        best = int(np.argmax(np.where(available, value, -np.inf)))
        if gain[best] <= 0:
            break  # nothing left to cover: the rest would be padding
        available[best] = False
        picks = [best]
        if _leans_on_previous(sentences, best) and best - 1 not in taken:
            # "He said…" needs the sentence before it: bring it along, or leave both out.
            before = best - 1
            fits = words[best] + words[before] <= budget - used
            if not (fits and eligible[before] and closest[before] < redundancy):
                continue
            picks = [before, best]
        for pick in picks:
            chosen.append((pick, float(value[pick])))
            taken.add(pick)
            used += int(words[pick])
            uncovered[matrix.indices[matrix.indptr[pick] : matrix.indptr[pick + 1]]] = 0.0
            closest = np.maximum(closest, similarity.row(pick))
        available &= (words <= budget - used) & (closest < redundancy)
        available[list(taken)] = False
    return chosen
