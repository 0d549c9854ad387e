"""Select: choose the sentences that together cover the cluster, within the word budget.

Each sentence gets a relevance score: how central it is to the cluster (cosine with the
centroid of all sentences) blended with a prior for its position in its article (news puts
the essentials first). Sentences are then picked greedily by maximal marginal relevance,
skipping any that say what an already chosen sentence says, or that would break the budget.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsbrief.records import Sentence
from newsbrief.represent import similarities
from newsbrief.settings import Settings

# A sentence opening like this leans on the one before it ("He said…", "But…").
_DEPENDENT_OPENING = re.compile(
    r"^[\"'“‘]?(he|she|they|it|this|that|these|those|his|her|their|its|but|and|also|however|"
    r"still|yet|meanwhile|instead|moreover|furthermore|then|so)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Selected:
    """A chosen sentence: its position in the cluster's sentence list, and its score."""

    index: int
    score: float


def relevance(sentences: Sequence[Sentence], matrix: Any, settings: Settings) -> np.ndarray:
    """Each sentence's relevance in [0, 1]; 0 for fragments too short to stand alone."""
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    centrality = np.asarray(matrix @ centroid).ravel() / norm if norm else np.zeros(len(sentences))
    top = centrality.max() if len(centrality) else 0.0
    centrality = centrality / top if top > 0 else centrality
    position = np.array([1.0 / np.sqrt(1.0 + s.index) for s in sentences])
    weight = settings.position_weight
    score = (1.0 - weight) * centrality + weight * position
    words = np.array([s.words for s in sentences])
    score[words > settings.max_sentence_words] *= 0.5
    dependent = np.array(
        [s.index > 0 and bool(_DEPENDENT_OPENING.match(s.text)) for s in sentences]
    )
    score[dependent] *= 0.8
    score[words < settings.min_sentence_words] = 0.0
    return score


def select(sentences: Sequence[Sentence], matrix: Any, settings: Settings) -> list[Selected]:
    """Greedy MMR under the word budget; deterministic (ties go to the earlier sentence)."""
    if not sentences:
        return []
    scores = relevance(sentences, matrix, settings)
    budget = settings.words
    chosen: list[Selected] = []
    max_similarity = np.zeros(len(sentences))
    available = scores > 0
    used = 0
    lam = settings.diversity_lambda
    while available.any():
        mmr = np.where(available, lam * scores - (1.0 - lam) * max_similarity, -np.inf)
        best = int(np.argmax(mmr))
        available[best] = False
        if used + sentences[best].words > budget:
            continue
        chosen.append(Selected(best, float(scores[best])))
        used += sentences[best].words
        max_similarity = np.maximum(max_similarity, similarities(matrix, [best])[0])
        available &= max_similarity < settings.redundancy_threshold
    return chosen
