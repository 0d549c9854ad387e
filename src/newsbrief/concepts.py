"""Concepts: the words and word pairs a summary should cover, each with a learned weight.

A concept is a content word or a pair of adjacent words (not two stop words) of a sentence.
Each concept of a cluster gets features from the sentences that hold it (how many articles
use it, how early it appears, how well the best sentence holding it scores...) and a linear
model turns them into the probability that a human summary of the cluster contains it. The
weights ship in ``scorer.json`` under ``"concepts"``, fitted by ``scripts/train_concepts.py``
on Multi-News *training* clusters the sentence scorer was not fitted on.

Selection then covers the heaviest concepts within the word budget (:mod:`newsbrief.select`):
a sentence is worth the concepts it adds that the summary does not have yet, so two sentences
saying the same thing are not both worth their full weight.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsbrief.errors import SettingsError
from newsbrief.features import FEATURES

CONCEPT_FEATURES = (
    "article_share",  # share of the cluster's articles that use it
    "articles",  # how many articles use it, capped at 10
    "log_count",  # log(1 + sentences holding it)
    "best_position",  # highest position prior of a sentence holding it
    "in_lead",  # in an article's first sentence
    "best_sentence",  # best sentence score (scaled to [0, 1] in the cluster) holding it
    "mean_sentence",  # mean of those sentence scores
    "is_pair",  # two words rather than one
    "has_digit",
    "word_prior",  # the sentence scorer's weight of its word(s)
    "sentence_share",  # share of the cluster's sentences holding it
    "characters",  # length, capped at 20
    "cluster_articles",  # articles in the cluster, capped at 10
    "best_support",  # highest cross-article support of a sentence holding it
    "in_finished",  # held by at least one finished sentence
)
MAX_ARTICLES = 10  # Multi-News clusters, which the weights were fitted on, have at most 10
_STOP = ENGLISH_STOP_WORDS
_POSITION, _LEAD, _SUPPORT, _FRAGMENT = (
    FEATURES.index(name) for name in ("position_prior", "is_lead", "support", "is_fragment")
)


@dataclass(frozen=True)
class Concepts:
    """The concepts of a cluster: which sentence holds which, and each one's weight."""

    names: tuple[str, ...]
    matrix: sparse.csr_matrix  # sentences × concepts, 1 where the sentence holds the concept
    weights: np.ndarray  # one per concept, in [0, 1]


@dataclass(frozen=True)
class ConceptModel:
    """Logistic weights over standardised :data:`CONCEPT_FEATURES`."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float


@cache
def concept_model() -> ConceptModel | None:
    """The concept weights in the shipped scorer.json, or None when it has none."""
    import json

    data = json.loads(resources.files("newsbrief").joinpath("scorer.json").read_text())
    block = data.get("concepts")
    if block is None:
        return None
    if tuple(block["features"]) != CONCEPT_FEATURES:
        raise SettingsError(
            "scorer.json's concept weights were fitted on other features; "
            "re-run scripts/train_concepts.py"
        )
    mean, scale, weights = (
        np.array(block[key], dtype=np.float64) for key in ("mean", "scale", "weights")
    )
    return ConceptModel(mean, scale, weights, float(block["bias"]))


def concept_lists(words: Sequence[Sequence[str]]) -> list[set[str]]:
    """Per sentence: its content words and its pairs of adjacent words (not two stop words)."""
    lists = []
    for sentence_words in words:
        singles = {w for w in sentence_words if w not in _STOP and not (w.isdigit() and len(w) < 2)}
        pairs = {
            f"{a} {b}"
            for a, b in itertools.pairwise(sentence_words)
            if not (a in _STOP and b in _STOP)
        }
        lists.append(singles | pairs)
    return lists


def concept_features(
    words: Sequence[Sequence[str]],
    article_codes: np.ndarray,
    sentence_features: np.ndarray,
    sentence_scores: np.ndarray,
    word_weights: Mapping[str, float],
) -> tuple[tuple[str, ...], sparse.csr_matrix, np.ndarray]:
    """The cluster's concepts, the sentence × concept matrix, and one row of features each.

    ``sentence_scores`` are the scorer's raw scores (any scale); ``sentence_features`` the
    rows of :func:`newsbrief.features.sentence_features`.
    """
    lists = concept_lists(words)
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for i, concepts in enumerate(lists):
        for concept in concepts:
            rows.append(i)
            columns.append(vocabulary.setdefault(concept, len(vocabulary)))
    n, k = len(lists), len(vocabulary)
    names = tuple(vocabulary)
    matrix = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, columns)), shape=(n, k)
    )
    table = np.zeros((k, len(CONCEPT_FEATURES)), dtype=np.float64)
    if k == 0:
        return names, matrix, table
    articles = int(article_codes.max()) + 1
    by_article = sparse.csr_matrix(
        (np.ones(n, dtype=np.float32), (article_codes, np.arange(n))), shape=(articles, n)
    )
    used_by = np.asarray(((by_article @ matrix) > 0).sum(axis=0)).ravel()
    count = np.asarray(matrix.sum(axis=0)).ravel()
    low, high = float(sentence_scores.min()), float(sentence_scores.max())
    scaled = (sentence_scores - low) / (high - low) if high > low else np.ones(n)
    columns_major = matrix.tocsc()
    holders = columns_major.indices  # sentence numbers, concept by concept
    starts = columns_major.indptr[:-1]

    def best(values: np.ndarray) -> np.ndarray:
        return np.maximum.reduceat(values[holders], starts)

    table[:, 0] = used_by / articles
    table[:, 1] = np.minimum(used_by, MAX_ARTICLES)
    table[:, 2] = np.log1p(count)
    table[:, 3] = best(sentence_features[:, _POSITION].astype(np.float64))
    table[:, 4] = best(sentence_features[:, _LEAD].astype(np.float64))
    table[:, 5] = best(scaled)
    table[:, 6] = np.asarray(matrix.T @ scaled).ravel() / count
    table[:, 7] = [" " in name for name in names]
    table[:, 8] = [any(c.isdigit() for c in name) for name in names]
    table[:, 9] = [
        sum(word_weights.get(w, 0.0) for w in parts) / len(parts)
        for parts in (name.split(" ") for name in names)
    ]
    table[:, 10] = count / n
    table[:, 11] = np.minimum([len(name) for name in names], 20)
    table[:, 12] = min(articles, MAX_ARTICLES)
    table[:, 13] = best(sentence_features[:, _SUPPORT].astype(np.float64))
    table[:, 14] = best(1.0 - sentence_features[:, _FRAGMENT].astype(np.float64))
    return names, matrix, table


def weigh_concepts(
    words: Sequence[Sequence[str]],
    article_codes: np.ndarray,
    sentence_features: np.ndarray,
    sentence_scores: np.ndarray,
    word_weights: Mapping[str, float],
) -> Concepts | None:
    """The cluster's weighted concepts, or None when no concept weights ship."""
    model = concept_model()
    if model is None:
        return None
    names, matrix, table = concept_features(
        words, article_codes, sentence_features, sentence_scores, word_weights
    )
    if not names:
        return Concepts(names, matrix, np.zeros(0))
    logits = ((table - model.mean) / model.scale) @ model.weights + model.bias
    return Concepts(names, matrix, 1.0 / (1.0 + np.exp(-logits)))
