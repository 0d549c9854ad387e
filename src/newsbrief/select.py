"""Select: choose the sentences that together cover the cluster, within the word budget.

Sentences are picked greedily by maximal marginal relevance: the best-scoring sentence
first, then at each step the one whose score, less its similarity to what is already chosen,
is highest. A sentence that says what a chosen one says (similarity at or above
``redundancy_threshold``), or that would break the word budget, is skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsbrief.records import Sentence
from newsbrief.represent import Similarity
from newsbrief.settings import Settings


@dataclass(frozen=True)
class Selected:
    """A chosen sentence: its position in the cluster's sentence list, and its score."""

    index: int
    score: float


def select(
    sentences: Sequence[Sentence], scores: np.ndarray, similarity: Similarity, settings: Settings
) -> list[Selected]:
    """Greedy MMR under the word budget; deterministic (ties go to the earlier sentence)."""
    budget = settings.words
    words = np.array([s.words for s in sentences])
    available = (scores > 0) & (words <= budget)
    max_similarity = np.zeros(len(sentences))
    lam = settings.diversity_lambda
    chosen: list[Selected] = []
    used = 0
    while available.any():
        mmr = np.where(available, lam * scores - (1.0 - lam) * max_similarity, -np.inf)
        best = int(np.argmax(mmr))
        chosen.append(Selected(best, float(scores[best])))
        used += int(words[best])
        max_similarity = np.maximum(max_similarity, similarity.row(best))
        available &= (max_similarity < settings.redundancy_threshold) & (words <= budget - used)
    return chosen
