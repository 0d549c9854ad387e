"""The TF-IDF matrix built without scikit-learn is scikit-learn's, bit for bit (issue 11)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from newsbrief.summary.represent import TfidfRepresentation, tfidf_matrix, tfidf_terms

VOCABULARY = (
    "the talks in Geneva resumed on Friday after officials said that both sides were close to "
    "a deal over nuclear inspections but critics warned the agreement could collapse 2019 $5 "
    "U.S. well-known co-operation café naïve Zürich “quoted” A I x 42 of and"
).split()


def sklearn_matrix(texts: list[str]) -> object:
    """What the representation computed before: scikit-learn's vectorizer, same analyzer."""
    vectorizer = TfidfVectorizer(sublinear_tf=True, analyzer=tfidf_terms, norm="l2")
    return vectorizer.fit_transform(texts)


def random_texts(seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(0, 40)))
        for _ in range(rng.randint(1, 60))
    ]


@pytest.mark.parametrize("seed", range(40))
def test_same_matrix_as_scikit_learn_bit_for_bit(seed: int) -> None:
    texts = random_texts(seed)
    ours, theirs = TfidfRepresentation().vectors(texts), sklearn_matrix(texts)
    assert type(ours) is type(theirs) and ours.shape == theirs.shape  # type: ignore[attr-defined]
    # The same storage (row order, each row's unsorted index order), not only the same values:
    # sums over a row, hence every similarity, depend on the order of the entries.
    assert ours.indptr.tolist() == theirs.indptr.tolist()  # type: ignore[attr-defined]
    assert ours.indices.tolist() == theirs.indices.tolist()  # type: ignore[attr-defined]
    assert ours.indices.dtype == theirs.indices.dtype  # type: ignore[attr-defined]
    assert ours.data.tobytes() == theirs.data.tobytes()  # type: ignore[attr-defined]


def test_rows_are_unit_vectors_and_stop_words_count_for_nothing() -> None:
    matrix = TfidfRepresentation().vectors(["The cat sat.", "The dog sat on the cat.", "the of"])
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    assert norms[:2] == pytest.approx([1.0, 1.0]) and norms[2] == 0.0


def test_only_stop_words_give_zero_vectors() -> None:
    matrix = TfidfRepresentation().vectors(["the of and", "", "a"])
    assert matrix.shape == (3, 1) and matrix.nnz == 0
    assert TfidfRepresentation().vectors([]).shape == (0, 1)


def test_memory_grows_with_the_entries_not_with_the_longest_row() -> None:
    # Many short rows beside one very long one (a list-like line with no full stop): the
    # normalisation once padded every row to the longest, rows x longest floats (twice).
    import tracemalloc

    documents = [[f"alpha{i}", "beta"] for i in range(4000)] + [[f"w{i}" for i in range(4000)]]
    tfidf_matrix([["warm", "up"]])  # imports outside the measurement
    tracemalloc.start()
    try:
        tfidf_matrix(documents)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 32_000_000  # about 2 MB now; 257 MB with the padded array
