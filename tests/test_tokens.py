"""The cluster's words numbered once (summary/tokens.py) give the word bag and TF-IDF the same
numbers, bit for bit, as the per-sentence computation and scikit-learn (issue 11)."""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from newsbrief.records import Sentence
from newsbrief.summary.features import sentence_features
from newsbrief.summary.patterns import words_of
from newsbrief.summary.represent import (
    Similarity,
    TfidfRepresentation,
    represent,
    tfidf_matrix,
    tfidf_terms,
    tfidf_terms_of_words,
)
from newsbrief.summary.score import word_bag
from newsbrief.summary.tokens import NumberedWords, numbered

# Hyphenated words whose pieces are words of their own ("well-known", "known"), stop words
# ("one-of-a-kind": "of", "a"), single characters ("x-ray", "a-b"), numbers, pieces found nowhere
# else ("co-operation"), hyphens alone, and non-ASCII words and single characters ("é-b").
VOCABULARY = (
    "the talks in Geneva resumed on Friday after officials said that both sides were close to "
    "a deal known well over 50-year-old nuclear well-known one-of-a-kind x-ray a-b co-operation "
    "-- - -known well- U.S.-led led café naïve é-b é Zürich-based based “quoted” A I x 42 of and"
).split()


def random_texts(seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(0, 30)))
        for _ in range(rng.randint(1, 50))
    ]


def test_words_are_numbered_in_order_of_first_appearance() -> None:
    words = NumberedWords([["b", "a", "b"], [], ["c", "a"]])
    assert list(words) == [["b", "a", "b"], [], ["c", "a"]]
    assert words.vocabulary == ["b", "a", "c"]
    assert words.numbers.tolist() == [0, 1, 0, 2, 1]
    assert words.rows.tolist() == [0, 0, 0, 2, 2]
    assert words.lengths.tolist() == [3, 0, 2]
    assert (words.number_of("c"), words.number_of("z")) == (2, None)
    assert numbered(words) is words and numbered([["a"]]).vocabulary == ["a"]


def alphabetical_columns(matrix: Any, texts: list[str]) -> Any:
    """``matrix`` (columns in the terms' order of first appearance in ``texts``) with each
    column renumbered by its term's alphabetical rank, as scikit-learn numbers them; the
    entries stay where they are."""
    terms = list(dict.fromkeys(term for text in texts for term in tfidf_terms(text)))
    rank = np.empty(len(terms), dtype=np.int32)
    rank[sorted(range(len(terms)), key=terms.__getitem__)] = np.arange(len(terms))
    renamed = matrix.copy()
    if len(terms):
        renamed.indices = rank[matrix.indices]
    return renamed


@pytest.mark.parametrize("seed", range(40))
def test_tfidf_of_numbered_words_is_the_per_sentence_matrix_and_scikit_learns(seed: int) -> None:
    # The summarizer's matrix numbers its columns by first appearance: renumbered
    # alphabetically, it is scikit-learn's, entry for entry and in the same storage order.
    texts = random_texts(seed)
    words = [words_of(text) for text in texts]
    ours = represent(TfidfRepresentation(), texts, NumberedWords(words))
    # Columns 0, 1, 2, ... as the terms first appear in the text.
    first_appearance = list(dict.fromkeys(ours.indices.tolist()))
    assert first_appearance == list(range(len(first_appearance)))
    renamed = alphabetical_columns(ours, texts)
    per_sentence = tfidf_matrix([tfidf_terms_of_words(sentence) for sentence in words])
    vectorizer = TfidfVectorizer(sublinear_tf=True, analyzer=tfidf_terms, norm="l2")
    for other in (per_sentence, vectorizer.fit_transform(texts)):
        assert renamed.shape == other.shape
        assert renamed.indptr.tolist() == other.indptr.tolist()
        assert renamed.indices.tolist() == other.indices.tolist()  # each row's storage order too
        assert ours.indices.dtype == other.indices.dtype
        assert ours.data.tobytes() == other.data.tobytes()


@pytest.mark.parametrize("seed", range(20))
def test_column_order_leaves_similarities_and_features_as_they_were(seed: int) -> None:
    # What the summarizer reads of the matrix: the similarities, bit for bit (a row's sums run
    # in storage order, which is the same), and the features, centrality included (the
    # centroid's columns are summed in another order for its norm, which the scaling by the
    # best sentence divides out; equal to the last bit on these clusters and on 8,700 real ones).
    texts = random_texts(seed)
    words = NumberedWords([words_of(text) for text in texts])
    ours = represent(TfidfRepresentation(), texts, words)
    theirs = TfidfRepresentation().vectors(texts)
    ours_similar, their_similar = Similarity(ours), Similarity(theirs)
    assert next(ours_similar.blocks())[1].tobytes() == next(their_similar.blocks())[1].tobytes()
    sentences = [Sentence("a" if i % 2 else "b", i // 2, 0, len(t), t) for i, t in enumerate(texts)]
    features = sentence_features(sentences, ours, ours_similar, words)
    expected = sentence_features(sentences, theirs, their_similar, words)
    assert features.tobytes() == expected.tobytes()


def test_tfidf_of_stop_words_only() -> None:
    words = NumberedWords([words_of("the of and"), [], words_of("a - --")])
    matrix = TfidfRepresentation().vectors_of_words(words)
    assert matrix.shape == (3, 1) and matrix.nnz == 0
    assert TfidfRepresentation().vectors_of_words(NumberedWords([])).shape == (0, 1)


@pytest.mark.parametrize("seed", range(20))
def test_word_bag_of_numbered_words_is_that_of_the_lists(seed: int) -> None:
    rng = random.Random(seed)
    words = [words_of(text) for text in random_texts(seed)]
    weights = {word: rng.uniform(-1, 1) for word in words_of(" ".join(VOCABULARY))}
    expected = []
    for sentence in words:  # the definition: distinct words, their weights summed in order
        distinct = list(dict.fromkeys(sentence))
        order = sorted(distinct, key=[w for s in words for w in s].index)
        total = 0.0
        for word in order:
            total += weights.get(word, 0.0)
        expected.append(total / np.sqrt(len(distinct)) if distinct else 0.0)
    assert word_bag(NumberedWords(words), weights).tobytes() == np.array(expected).tobytes()
    assert word_bag(words, weights).tobytes() == np.array(expected).tobytes()


@pytest.mark.parametrize("seed", range(4))
def test_numbers_of_found_by_intersection_are_those_a_loop_finds(seed: int) -> None:
    # What numbers_of gave by looking each word up (duplicates and all); the intersection gives
    # each number once, which marking an array by them cannot tell apart.
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    cluster = NumberedWords(words_of(text) for text in random_texts(seed))
    rng = random.Random(seed)
    asked_for = [
        ENGLISH_STOP_WORDS,
        frozenset(cluster.vocabulary[::3]),
        [rng.choice(cluster.vocabulary) for _ in range(40)] + ["nowhere", "nowhere"],
        iter(["x", "the", "known", "-"]),
        [],
    ]
    for words in asked_for:
        words = list(words)
        expected = [cluster.number_of(w) for w in words if cluster.number_of(w) is not None]
        found = cluster.numbers_of(words)
        assert found.dtype == np.int64
        assert sorted(found.tolist()) == sorted(set(expected))
        assert len(found) == len(set(expected))
