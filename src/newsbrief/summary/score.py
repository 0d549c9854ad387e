"""Score: how much each sentence deserves a place in the summary, before redundancy.

Three scorers, chosen by the ``scorer`` setting:

- ``blend`` (default): the learned score beside the unsupervised prior, both scaled to [0, 1]
  within the cluster and mixed with ``learned_weight`` (issue 11). The learned model was
  fitted on Multi-News, whose articles are cut near 500 tokens a cluster: nearly every
  sentence it saw is early in its article and on the story (median centrality 0.66; 7% past
  the tenth sentence), so it learned style (quotations, "says", short sentences) and almost
  nothing about position or centrality. On whole newswire articles most sentences are deep in
  the article and many are off the story (DUC: 55-65% past the tenth sentence, median
  centrality 0.34-0.40), which is exactly what it never learned to reject; the prior supplies
  that, the learned part what Multi-News did teach (docs/benchmarks.md, issue 11). Its
  training target counts the reference's quotations at half weight (``--target half-prose``):
  newser's summaries quote in 43% of their sentences, human newswire summaries in 4-6%, and a
  model that learned to pick quotations lost 2 ROUGE-1 on whole newswire;
- ``learned``: the linear model over :mod:`newsbrief.summary.features` alone, weights in
  ``scorer.json``, fitted by ``scripts/train_scorer.py`` on Multi-News *training* clusters;
- ``centroid``: the prior alone, centrality blended with a position prior, nothing learned.
  (``auto``, the old default that picked ``learned`` or ``centroid`` by cluster size, is
  read as ``blend``.)

Either way scores are scaled to [0, 1] within the cluster, and sentences shorter than
``min_sentence_words`` or that do not end like a sentence (cut off, a label) score 0:
fragments are never summary material.

:func:`score_cluster` also weighs the cluster's concepts (:mod:`newsbrief.summary.concepts`) when
selection covers concepts (the ``selection`` setting).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from itertools import repeat
from typing import Any

import numpy as np

from newsbrief.choices import SCORERS, SELECTIONS
from newsbrief.errors import SettingsError
from newsbrief.records import Scored, Sentence
from newsbrief.settings import Settings
from newsbrief.summary.concepts import weigh_concepts
from newsbrief.summary.features import FEATURES, article_codes, sentence_features
from newsbrief.summary.patterns import words_of
from newsbrief.summary.represent import Similarity
from newsbrief.summary.tokens import numbered

FLOOR = 0.01  # the scaled score of a cluster's weakest sentence


@dataclass(frozen=True)
class LearnedScorer:
    """Weights of the linear scorer: standardised features, then a bag of words."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    words: Mapping[str, float]


@cache
def learned_scorer() -> LearnedScorer:
    """The weights in the shipped scorer.json, checked against :data:`FEATURES`."""
    return scorer_from_json(
        resources.files("newsbrief.summary").joinpath("scorer.json").read_text()
    )


def scorer_from_json(text: str) -> LearnedScorer:
    """The weights of a scorer file as ``scripts/train_scorer.py`` writes it."""
    data = json.loads(text)
    if tuple(data["features"]) != FEATURES:
        raise SettingsError(
            "scorer.json was fitted on other features; re-run scripts/train_scorer.py"
        )
    mean, scale, weights = (
        np.array(data[key], dtype=np.float32) for key in ("mean", "scale", "weights")
    )
    return LearnedScorer(mean, scale, weights, float(data["bias"]), data.get("words", {}))


def word_bag(words: Sequence[Sequence[str]], weights: Mapping[str, float]) -> np.ndarray:
    """Per sentence: the summed weights of its distinct words, over the root of their number.

    Computed for the whole cluster at once, on the words numbered in order of first
    appearance (:class:`~newsbrief.summary.tokens.NumberedWords`, numbered once for the word
    bag and TF-IDF alike): each sentence's distinct numbers found by sorting, and their weights
    summed by ``np.bincount`` in that order. The sum used to run over a Python set of strings,
    whose order (hence the last bits of a sum) changed with the interpreter's hash seed; this
    order is fixed, and the cluster costs a few array operations instead of a set and a sum
    per sentence.
    """
    cluster = numbered(words)
    n = len(cluster)
    if not len(cluster.numbers):
        return np.zeros(n)
    size = len(cluster.vocabulary)
    weight = np.fromiter(
        map(weights.get, cluster.vocabulary, repeat(0.0)), dtype=np.float64, count=size
    )
    pairs = np.sort(cluster.rows * size + cluster.numbers)
    pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]]  # each sentence's distinct words, once
    held_by = pairs // size
    distinct = np.bincount(held_by, minlength=n)
    sums = np.bincount(held_by, weights=weight[pairs - held_by * size], minlength=n)
    return np.divide(sums, np.sqrt(distinct), out=np.zeros(n), where=distinct > 0)


def learned_scores(
    features: np.ndarray, words: Sequence[Sequence[str]], model: LearnedScorer
) -> np.ndarray:
    """The learned scorer's raw scores: features, then the bag of words."""
    raw = ((features - model.mean) / model.scale) @ model.weights + model.bias
    return np.asarray(raw + word_bag(words, model.words))


def score_sentences(
    sentences: Sequence[Sentence], matrix: Any, similarity: Similarity, settings: Settings
) -> np.ndarray:
    """One score in [0, 1] per sentence (the concepts, which only selection reads, are skipped)."""
    return score_cluster(sentences, matrix, similarity, replace(settings, selection="mmr")).scores


def score_cluster(
    sentences: Sequence[Sentence],
    matrix: Any,
    similarity: Similarity,
    settings: Settings,
    words: Sequence[list[str]] | None = None,
) -> Scored:
    """Sentence scores and, when selection covers concepts, the cluster's weighted concepts.

    ``words`` are the sentences' :func:`~newsbrief.summary.patterns.words_of`, when known.
    """
    if not sentences:
        return Scored(np.zeros(0))
    # Numbered once for the features, the word bag and the concepts (a no-op when they are).
    words = numbered([words_of(s.text) for s in sentences] if words is None else words)
    features = sentence_features(sentences, matrix, similarity, words)
    raw = SCORERS.get(settings.scorer)(features, words, sentences, settings)
    # The weakest sentence keeps a little score: 0 is reserved for what may never be chosen.
    scores = FLOOR + (1 - FLOOR) * _unit(raw)
    lengths = np.array([s.words for s in sentences])
    unfinished = features[:, FEATURES.index("is_fragment")] > 0
    scores[(lengths < settings.min_sentence_words) | unfinished] = 0.0
    concepts = None
    if getattr(SELECTIONS.get(settings.selection), "needs_concepts", False):
        model = learned_scorer()  # its word weights are a concept feature
        codes = article_codes([s.article_id for s in sentences])
        concepts = weigh_concepts(words, codes, features, raw, model.words)
    return Scored(scores.astype(np.float64), concepts)


def scores_learned(
    features: np.ndarray, words: Sequence[Sequence[str]], sentences: Sequence[Sentence], _: Settings
) -> np.ndarray:
    """The ``learned`` scorer's raw scores (the shipped weights)."""
    return learned_scores(features, words, learned_scorer())


def scores_centroid(
    features: np.ndarray, words: Sequence[Sequence[str]], _: Sequence[Sentence], settings: Settings
) -> np.ndarray:
    """The ``centroid`` scorer's raw scores: centrality blended with the position prior."""
    position = features[:, FEATURES.index("position_prior")]
    centrality = features[:, FEATURES.index("centrality")]
    weight = settings.position_weight
    return np.asarray((1 - weight) * centrality + weight * position)


def scores_blend(
    features: np.ndarray,
    words: Sequence[Sequence[str]],
    sentences: Sequence[Sentence],
    settings: Settings,
) -> np.ndarray:
    """The ``blend`` scorer (default): the learned score, scaled to [0, 1] in the cluster (its
    scale is arbitrary), beside the centroid prior, ``learned_weight`` to the rest."""
    learned = _unit(scores_learned(features, words, sentences, settings))
    prior = scores_centroid(features, words, sentences, settings)
    return settings.learned_weight * learned + (1 - settings.learned_weight) * prior


def scores_auto(
    features: np.ndarray,
    words: Sequence[Sequence[str]],
    sentences: Sequence[Sentence],
    settings: Settings,
) -> np.ndarray:
    """``auto``, the default before issue 11 (learned or centroid by cluster size): read as
    ``blend``, so configuration files that name it keep working."""
    return scores_blend(features, words, sentences, settings)


def _unit(raw: np.ndarray) -> np.ndarray:
    """``raw`` scaled to [0, 1] within the cluster (all ones when every value is the same)."""
    low, high = float(raw.min()), float(raw.max())
    return (raw - low) / (high - low) if high > low else np.ones_like(raw)
