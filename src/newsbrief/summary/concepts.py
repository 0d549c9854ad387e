"""Concepts: the words and word pairs a summary should cover, each with a learned weight.

A concept is a content word or a pair of adjacent words (not two stop words) of a sentence.
Each concept of a cluster gets features from the sentences that hold it (how many articles
use it, how early it appears, how well the best sentence holding it scores...) and a linear
model turns them into the probability that a human summary of the cluster contains it. The
weights ship in ``scorer.json`` under ``"concepts"``, fitted by ``scripts/train_concepts.py``
on Multi-News *training* clusters the sentence scorer was not fitted on.

Selection then covers the heaviest concepts within the word budget
(:mod:`newsbrief.summary.select`): a sentence is worth the concepts it adds that the summary
does not have yet, so two sentences saying the same thing are not both worth their full weight.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from scipy import sparse

from newsbrief.errors import SettingsError
from newsbrief.records import Concepts
from newsbrief.summary.features import FEATURES
from newsbrief.summary.stopwords import ENGLISH_STOP_WORDS

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
_DIGIT = re.compile(r"\d")
_POSITION, _LEAD, _SUPPORT, _FRAGMENT = (
    FEATURES.index(name) for name in ("position_prior", "is_lead", "support", "is_fragment")
)


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

    data = json.loads(resources.files("newsbrief.summary").joinpath("scorer.json").read_text())
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

    The concepts are those of :func:`concept_lists`, computed on word numbers rather than
    strings (this runs for every cluster). ``sentence_scores`` are the scorer's raw scores
    (any scale); ``sentence_features`` the rows of
    :func:`newsbrief.summary.features.sentence_features`.
    """
    numbers: dict[str, int] = {}
    tokens = [numbers.setdefault(w, len(numbers)) for sentence in words for w in sentence]
    vocabulary = list(numbers)
    v, n = len(vocabulary), len(words)
    token = np.array(tokens, dtype=np.int64)
    sentence_of = np.repeat(np.arange(n), [len(sentence) for sentence in words])
    stop = np.array([w in _STOP for w in vocabulary], dtype=bool)
    digit_only = np.array([w.isdigit() and len(w) < 2 for w in vocabulary], dtype=bool)
    single = ~stop[token] & ~digit_only[token]
    follows = sentence_of[1:] == sentence_of[:-1]  # token i+1 is in token i's sentence
    pair = follows & ~(stop[token[:-1]] & stop[token[1:]])
    keys = np.concatenate([token[single], v + token[:-1][pair] * v + token[1:][pair]])
    holders = np.concatenate([sentence_of[single], sentence_of[:-1][pair]])
    # Number the concepts first, so (sentence, concept) fits in an int64 whatever the size.
    concept_keys, numbered = np.unique(keys, return_inverse=True)
    k = len(concept_keys)
    occurrences = np.unique(holders * max(k, 1) + numbered)  # each concept once per sentence
    held_by, column_of = occurrences // max(k, 1), occurrences % max(k, 1)
    matrix = sparse.csr_matrix(
        (np.ones(len(held_by), dtype=np.float32), (held_by, column_of)), shape=(n, k)
    )
    is_pair = concept_keys >= v
    first = np.where(is_pair, (concept_keys - v) // max(v, 1), concept_keys)
    second = np.where(is_pair, (concept_keys - v) % max(v, 1), concept_keys)
    names = tuple(
        f"{vocabulary[a]} {vocabulary[b]}" if p else vocabulary[a]
        for a, b, p in zip(first.tolist(), second.tolist(), is_pair.tolist(), strict=True)
    )
    table = np.zeros((k, len(CONCEPT_FEATURES)), dtype=np.float64)
    if k == 0:
        return names, matrix, table
    prior = np.array([word_weights.get(w, 0.0) for w in vocabulary])
    has_digit = np.array([_DIGIT.search(w) is not None for w in vocabulary], dtype=bool)
    characters = np.array([len(w) for w in vocabulary])
    articles = int(article_codes.max()) + 1
    used_by = np.bincount(np.unique(article_codes[held_by] * k + column_of) % k, minlength=k)
    count = np.bincount(column_of, minlength=k)
    low, high = float(sentence_scores.min()), float(sentence_scores.max())
    scaled = (sentence_scores - low) / (high - low) if high > low else np.ones(n)
    by_concept = held_by[np.argsort(column_of, kind="stable")]  # sentences, concept by concept
    starts = np.r_[0, np.cumsum(count)[:-1]]

    def best(values: np.ndarray) -> np.ndarray:
        return np.maximum.reduceat(values.astype(np.float64)[by_concept], starts)

    table[:, 0] = used_by / articles
    table[:, 1] = np.minimum(used_by, MAX_ARTICLES)
    table[:, 2] = np.log1p(count)
    table[:, 3] = best(sentence_features[:, _POSITION])
    table[:, 4] = best(sentence_features[:, _LEAD])
    table[:, 5] = best(scaled)
    table[:, 6] = np.bincount(column_of, weights=scaled[held_by], minlength=k) / count
    table[:, 7] = is_pair
    table[:, 8] = has_digit[first] | has_digit[second]
    table[:, 9] = (prior[first] + prior[second]) / 2  # a single word: its own prior
    table[:, 10] = count / n
    table[:, 11] = np.minimum(np.where(is_pair, characters[first] + 1, 0) + characters[second], 20)
    table[:, 12] = min(articles, MAX_ARTICLES)
    table[:, 13] = best(sentence_features[:, _SUPPORT])
    table[:, 14] = best(1.0 - sentence_features[:, _FRAGMENT])
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
