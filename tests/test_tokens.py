"""The cluster's words numbered once (summary/tokens.py) give the word bag and TF-IDF the same
numbers, bit for bit, as the per-sentence computation and scikit-learn (issue 11)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from newsbrief.summary.patterns import words_of
from newsbrief.summary.represent import (
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


@pytest.mark.parametrize("seed", range(40))
def test_tfidf_of_numbered_words_is_the_per_sentence_matrix_and_scikit_learns(seed: int) -> None:
    texts = random_texts(seed)
    words = [words_of(text) for text in texts]
    ours = represent(TfidfRepresentation(), texts, NumberedWords(words))
    per_sentence = tfidf_matrix([tfidf_terms_of_words(sentence) for sentence in words])
    vectorizer = TfidfVectorizer(sublinear_tf=True, analyzer=tfidf_terms, norm="l2")
    for other in (per_sentence, vectorizer.fit_transform(texts)):
        assert ours.shape == other.shape
        assert ours.indptr.tolist() == other.indptr.tolist()
        assert ours.indices.tolist() == other.indices.tolist()  # each row's storage order too
        assert ours.indices.dtype == other.indices.dtype
        assert ours.data.tobytes() == other.data.tobytes()


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
