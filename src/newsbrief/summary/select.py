"""Select: choose the sentences that together cover the cluster, within the word budget.

Sentences are picked greedily, one at a time, by one of two objectives:

- coverage (when the cluster's concepts are weighed, :mod:`newsbrief.summary.concepts`): the
  sentence whose new concepts (those no chosen sentence holds yet) weigh most, plus its own score,
  per square root of its length: a budget-aware greedy for a submodular coverage objective
  (Lin & Bilmes 2010), where saying again what is already said earns nothing;
- maximal marginal relevance: the sentence whose score, less its similarity to what is
  already chosen, is highest.

Either way, a sentence that says what a chosen one says (similarity at or above
``redundancy_threshold``), or that would break the word budget, is skipped, and a sentence
that leans on the one before it ("He said…", "But…") comes with it, or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsbrief.records import Sentence
from newsbrief.settings import Settings
from newsbrief.summary.concepts import Concepts
from newsbrief.summary.patterns import DEPENDENT_OPENING
from newsbrief.summary.represent import Similarity


@dataclass(frozen=True)
class Selected:
    """A chosen sentence: its position in the cluster's sentence list, and its score."""

    index: int
    score: float


# Coverage: a sentence's own score counts as much as this many concepts' weight, and the
# length penalty is words ** LENGTH_POWER (both chosen on Multi-News validation 300-1,300).
SCORE_WEIGHT = 2.0
LENGTH_POWER = 0.5


def select(
    sentences: Sequence[Sentence],
    scores: np.ndarray,
    similarity: Similarity,
    settings: Settings,
    concepts: Concepts | None = None,
) -> list[Selected]:
    """Greedy selection under the word budget: coverage of ``concepts`` when given, else MMR.

    Deterministic: ties go to the earlier sentence.
    """
    budget = settings.words
    words = np.array([s.words for s in sentences])
    available = (scores > 0) & (words <= budget)
    max_similarity = np.zeros(len(sentences))
    lam = settings.diversity_lambda
    chosen: list[Selected] = []
    used = 0
    taken: set[int] = set()
    coverage = None
    if concepts is not None and concepts.matrix.shape[1]:
        coverage, uncovered = concepts.matrix, concepts.weights.astype(np.float64)
        lengths = np.maximum(words, 1) ** LENGTH_POWER
    while available.any():
        if coverage is not None:
            gain = np.asarray(coverage @ uncovered).ravel()
            value = (gain + SCORE_WEIGHT * scores) / lengths
        else:
            value = lam * scores - (1.0 - lam) * max_similarity
        best = int(np.argmax(np.where(available, value, -np.inf)))
        available[best] = False
        picks = [best]
        if _leans_on_previous(sentences, best) and best - 1 not in taken:
            # "He said…" needs the sentence before it: bring it along, or leave both out.
            fits = words[best] + words[best - 1] <= budget - used
            novel = max_similarity[best - 1] < settings.redundancy_threshold
            usable = scores[best - 1] > 0 and novel
            if not (fits and usable):
                continue
            picks = [best - 1, best]
        for pick in picks:
            chosen.append(Selected(pick, float(scores[pick])))
            taken.add(pick)
            used += int(words[pick])
            max_similarity = np.maximum(max_similarity, similarity.row(pick))
            if coverage is not None:
                uncovered[coverage.indices[coverage.indptr[pick] : coverage.indptr[pick + 1]]] = 0
        available &= (max_similarity < settings.redundancy_threshold) & (words <= budget - used)
    return chosen


def _leans_on_previous(sentences: Sequence[Sentence], i: int) -> bool:
    """True when sentence ``i`` opens with a word that needs the article's previous sentence."""
    sentence = sentences[i]
    if sentence.index == 0 or i == 0 or sentences[i - 1].article_id != sentence.article_id:
        return False
    return bool(DEPENDENT_OPENING.match(sentence.text))
