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
from typing import Protocol

import numpy as np

from newsbrief.choices import SELECTIONS
from newsbrief.records import Concepts, Selected, Sentence
from newsbrief.settings import Settings
from newsbrief.summary.patterns import leans_on_previous
from newsbrief.summary.represent import Similarity

# Coverage: a sentence's own score counts as much as this many concepts' weight, and the
# length penalty is words ** LENGTH_POWER (both chosen on Multi-News validation 300-1,300).
SCORE_WEIGHT = 2.0
LENGTH_POWER = 0.5


class Objective(Protocol):
    """A selection objective (an entry of :data:`newsbrief.choices.SELECTIONS`)."""

    def value(self, scores: np.ndarray, max_similarity: np.ndarray) -> np.ndarray:
        """What each sentence is worth now, given the similarity to what is already chosen."""
        ...

    def taken(self, pick: int) -> None:
        """Sentence ``pick`` was chosen."""
        ...


class MMR:
    """Maximal marginal relevance: the score, less the similarity to what is already chosen."""

    def __init__(self, words: np.ndarray, settings: Settings, concepts: Concepts | None) -> None:
        self.lam = settings.diversity_lambda

    def value(self, scores: np.ndarray, max_similarity: np.ndarray) -> np.ndarray:
        return self.lam * scores - (1.0 - self.lam) * max_similarity

    def taken(self, pick: int) -> None:
        pass  # MMR's memory is max_similarity, which select() keeps


class Coverage:
    """The weight of the concepts a sentence adds, plus its own score, per root of its length."""

    def __init__(self, words: np.ndarray, settings: Settings, concepts: Concepts) -> None:
        self.matrix = concepts.matrix
        self.uncovered = concepts.weights.astype(np.float64)
        self.lengths = np.maximum(words, 1) ** LENGTH_POWER

    def value(self, scores: np.ndarray, max_similarity: np.ndarray) -> np.ndarray:
        gain = np.asarray(self.matrix @ self.uncovered).ravel()
        return (gain + SCORE_WEIGHT * scores) / self.lengths

    def taken(self, pick: int) -> None:
        held = self.matrix.indices[self.matrix.indptr[pick] : self.matrix.indptr[pick + 1]]
        self.uncovered[held] = 0


def coverage_objective(
    words: np.ndarray, settings: Settings, concepts: Concepts | None
) -> Objective:
    """Coverage when the cluster's concepts are weighed; MMR when there are none to cover."""
    if concepts is None or not concepts.matrix.shape[1]:
        return MMR(words, settings, concepts)
    return Coverage(words, settings, concepts)


# score_cluster weighs the cluster's concepts only for an objective that reads them.
coverage_objective.needs_concepts = True  # type: ignore[attr-defined]  # score.py weighs them


def select(
    sentences: Sequence[Sentence],
    scores: np.ndarray,
    similarity: Similarity,
    settings: Settings,
    concepts: Concepts | None = None,
) -> list[Selected]:
    """Greedy selection under the word budget, by the objective ``settings.selection`` names.

    Deterministic: ties go to the earlier sentence.
    """
    budget = settings.words
    words = np.array([s.words for s in sentences])
    available = (scores > 0) & (words <= budget)
    max_similarity = np.zeros(len(sentences))
    objective = SELECTIONS.get(settings.selection)(words, settings, concepts)
    chosen: list[Selected] = []
    used = 0
    taken: set[int] = set()
    while available.any():
        value = objective.value(scores, max_similarity)
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
            chosen.append(Selected(sentences[pick], float(scores[pick])))
            taken.add(pick)
            used += int(words[pick])
            max_similarity = np.maximum(max_similarity, similarity.row(pick))
            objective.taken(pick)
        available &= (max_similarity < settings.redundancy_threshold) & (words <= budget - used)
    return chosen


def _leans_on_previous(sentences: Sequence[Sentence], i: int) -> bool:
    """True when sentence ``i`` needs the article's previous sentence (see
    :func:`~newsbrief.summary.patterns.leans_on_previous`)."""
    sentence = sentences[i]
    if sentence.index == 0 or i == 0 or sentences[i - 1].article_id != sentence.article_id:
        return False
    return leans_on_previous(sentence.text)
