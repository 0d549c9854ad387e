"""Select: choose the sentences that together cover the cluster, within the word budget.

Sentences are picked greedily by maximal marginal relevance: the best-scoring sentence
first, then at each step the one whose score, less its similarity to what is already chosen,
is highest. A sentence that says what a chosen one says (similarity at or above
``redundancy_threshold``), or that would break the word budget, is skipped. A sentence that
leans on the one before it ("He said…", "But…") comes with it, or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsbrief.patterns import DEPENDENT_OPENING
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
    taken: set[int] = set()
    while available.any():
        mmr = np.where(available, lam * scores - (1.0 - lam) * max_similarity, -np.inf)
        best = int(np.argmax(mmr))
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
        available &= (max_similarity < settings.redundancy_threshold) & (words <= budget - used)
    return chosen


def _leans_on_previous(sentences: Sequence[Sentence], i: int) -> bool:
    """True when sentence ``i`` opens with a word that needs the article's previous sentence."""
    sentence = sentences[i]
    if sentence.index == 0 or i == 0 or sentences[i - 1].article_id != sentence.article_id:
        return False
    return bool(DEPENDENT_OPENING.match(sentence.text))
