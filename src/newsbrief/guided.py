"""Guided selection: the summary of a cluster steered by a question, earlier articles, or both.

Selection covers *concepts* (:func:`newsbrief.focus.concepts_of`: stemmed content words and
word pairs). A concept is worth the number of articles that use it, when at least
``max(2, articles / 8)`` do (rarer ones are detail, not the story), and

- with a question, ``1 + QUESTION_BOOST × relevance`` times that (relevance: the share of the
  concept's words that are question terms), so sentences that answer the question win, and
  covering a concept once makes it worth nothing: the summary moves on to the question's other
  facets rather than repeating one;
- with earlier articles, ``OLD_WEIGHT`` times that when the earlier articles already hold it,
  and sentences already known (:mod:`newsbrief.novelty`) are not candidates; a sentence that
  carries a change (a new number or date, a word of change) gains ``CHANGE_BONUS``.

The greedy adds, while the budget allows, the sentence whose uncovered concepts weigh most per
``words ** LENGTH_POWER``, plus its generic score as a small tie-breaker (a budgeted greedy for
a submodular coverage objective, as :mod:`newsbrief.select`). Constants were chosen on DUC 2006
(question mode) and DUC 2007 update (both modes) together; docs/benchmarks.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsbrief.focus import Addressed, concept_relevance, concepts_of, measure, question_terms
from newsbrief.novelty import Novelty, novelty
from newsbrief.records import Sentence
from newsbrief.select import Selected

QUESTION_BOOST = 2.0
OLD_WEIGHT = 0.2
CHANGE_BONUS = 0.5  # in units of the heaviest concept's weight
SCORE_WEIGHT = 1.0  # likewise, times the generic score in [0, 1]
LENGTH_POWER = 1.0
MIN_ARTICLE_SHARE = 1 / 8


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
    budget: int,
    question: str | None = None,
    earlier: Sequence[Sentence] = (),
) -> Guided:
    """Choose sentences for a question and/or earlier articles (see the module docstring).

    ``scores`` are the generic scores (0: never summary material).
    """
    concepts = [concepts_of(s.text) for s in sentences]
    matrix, names = concept_matrix(concepts)
    articles = np.array([hash(s.article_id) for s in sentences])
    usable = scores > 0
    # Articles per concept: a sentence × article indicator, then count the non-zero columns.
    _, article_index = np.unique(articles, return_inverse=True)
    by_article = sparse.csr_matrix(
        (np.ones(len(sentences)), (article_index, np.arange(len(sentences)))),
        shape=(article_index.max() + 1 if len(sentences) else 0, len(sentences)),
    )
    spread = np.asarray(((by_article @ matrix) > 0).sum(axis=0), dtype=np.float64).ravel()
    n_articles = by_article.shape[0]
    weights = np.where(spread >= max(2.0, n_articles * MIN_ARTICLE_SHARE), spread, 0.0)
    terms = question_terms(question)
    addressed = None
    if terms:
        addressed = measure(concepts, terms, usable)
        weights = weights * (1 + QUESTION_BOOST * concept_relevance(names, terms))
    found = None
    bonus = np.zeros(len(sentences))
    if earlier:
        old_concepts: set[str] = set().union(*(concepts_of(s.text) for s in earlier))
        found = novelty([s.text for s in sentences], concepts, [s.text for s in earlier], old_concepts)
        in_old = np.array([name in old_concepts for name in names], dtype=bool)
        weights = np.where(in_old, weights * OLD_WEIGHT, weights)
        usable = usable & ~found.known
        bonus = CHANGE_BONUS * found.changed
    top = float(weights.max()) if weights.size else 1.0
    bonus = (bonus + SCORE_WEIGHT * scores) * (top or 1.0)
    return Guided(_greedy(sentences, matrix, weights, bonus, usable, budget), addressed, found)


def _greedy(
    sentences: Sequence[Sentence],
    matrix: sparse.csr_matrix,
    weights: np.ndarray,
    bonus: np.ndarray,
    usable: np.ndarray,
    budget: int,
) -> list[Selected]:
    words = np.array([s.words for s in sentences])
    available = usable & (words <= budget)
    uncovered = weights.astype(np.float64).copy()
    lengths = np.maximum(words, 1) ** LENGTH_POWER
    chosen: list[Selected] = []
    used = 0
    while available.any():
        gain = np.asarray(matrix @ uncovered).ravel()
        value = (gain + bonus) / lengths
        best = int(np.argmax(np.where(available, value, -np.inf)))
        if gain[best] <= 0:
            break  # nothing left to cover: the rest would be padding
        chosen.append(Selected(best, float(value[best])))
        used += int(words[best])
        uncovered[matrix.indices[matrix.indptr[best] : matrix.indptr[best + 1]]] = 0.0
        available[best] = False
        available &= words <= budget - used
    return chosen
