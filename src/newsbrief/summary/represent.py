"""Represent: sentences → vectors, one L2-normalised row per sentence.

The default is TF-IDF fitted on the cluster's own sentences (scikit-learn). The choice is a
name in :data:`newsbrief.choices.REPRESENTATIONS`, so an embedding model can plug in without
touching selection.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

import numpy as np

from newsbrief.choices import REPRESENTATIONS


class Representation(Protocol):
    """Turns texts into a matrix whose rows are unit vectors (dense or scipy sparse)."""

    def vectors(self, texts: Sequence[str]) -> Any: ...


class TfidfRepresentation:
    """TF-IDF over the cluster's sentences: sublinear counts, English stop words removed."""

    def vectors(self, texts: Sequence[str]) -> Any:
        import sklearn

        vectorizer = _thread_vectorizer()
        try:
            # Fitted anew for every cluster; its fixed, valid parameters need no re-checking
            # (a tenth of the summary's time on a Multi-News cluster).
            with sklearn.config_context(skip_parameter_validation=True):
                matrix = vectorizer.fit_transform(texts)
            vectorizer.vocabulary_ = {}  # not kept alive until this thread's next cluster
            return matrix
        except ValueError:  # nothing but stop words: every sentence gets a zero vector
            from scipy.sparse import csr_matrix

            return csr_matrix((len(texts), 1))


_LOCAL = threading.local()


def _thread_vectorizer() -> Any:
    """One TF-IDF vectorizer per thread, re-fitted per cluster: sklearn checks the stop word
    list once per vectorizer, not on every fit."""
    vectorizer = getattr(_LOCAL, "vectorizer", None)
    if vectorizer is None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(sublinear_tf=True, analyzer=_words, norm="l2")
        _LOCAL.vectorizer = vectorizer
    return vectorizer


# scikit-learn's word analyzer with stop_words="english", as one function: lower-case, its
# default token pattern, its English stop list. The tokens, hence the matrix, are the same;
# its generic analyzer (a chain of partials, a check per step) cost a third of the fit.
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def _words(text: str) -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return [w for w in _TOKEN.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]


def get_representation(name: str) -> Representation:
    """The representation registered under ``name`` in :data:`newsbrief.choices.REPRESENTATIONS`."""
    return REPRESENTATIONS.get(name)()  # type: ignore[no-any-return]


class Similarity:
    """Cosine similarities between the rows of a unit-row matrix, computed once.

    Small clusters (the usual case) get the whole dense matrix; very large ones (thousands of
    articles) are served a row or a block of rows at a time, so memory stays bounded.
    """

    DENSE_LIMIT = 2500  # rows; 2,500² float32 is 25 MB
    BLOCK = 512

    def __init__(self, matrix: Any) -> None:
        self.matrix = matrix
        self.size = matrix.shape[0]
        self._dense = self._product(matrix) if self.size <= self.DENSE_LIMIT else None

    def _product(self, left: Any) -> np.ndarray:
        product = left @ self.matrix.T
        dense = product.toarray() if hasattr(product, "toarray") else product
        return np.asarray(dense, dtype=np.float32)

    def row(self, index: int) -> np.ndarray:
        """Similarities of one row against every row."""
        if self._dense is not None:
            return self._dense[index]
        return self._product(self.matrix[index : index + 1])[0]

    def rows(self, indexes: Sequence[int]) -> np.ndarray:
        """Similarities of the given rows against every row."""
        if self._dense is not None:
            return self._dense[list(indexes)]
        return self._product(self.matrix[list(indexes)])

    def blocks(self) -> Iterator[tuple[int, np.ndarray]]:
        """``(first_row, similarities)`` for consecutive blocks of rows."""
        if self._dense is not None:
            yield 0, self._dense
            return
        for start in range(0, self.size, self.BLOCK):
            yield start, self._product(self.matrix[start : start + self.BLOCK])
