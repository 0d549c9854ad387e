"""Represent: sentences → vectors, one L2-normalised row per sentence.

The default is TF-IDF fitted on the cluster's own sentences (scikit-learn). The choice is a
name in :data:`REPRESENTATIONS`, so an embedding model can plug in without touching selection.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np

from newsbrief.errors import SettingsError


class Representation(Protocol):
    """Turns texts into a matrix whose rows are unit vectors (dense or scipy sparse)."""

    def vectors(self, texts: Sequence[str]) -> Any: ...


class TfidfRepresentation:
    """TF-IDF over the cluster's sentences: sublinear counts, English stop words removed."""

    def vectors(self, texts: Sequence[str]) -> Any:
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", norm="l2")
        try:
            return vectorizer.fit_transform(texts)
        except ValueError:  # nothing but stop words: every sentence gets a zero vector
            from scipy.sparse import csr_matrix

            return csr_matrix((len(texts), 1))


REPRESENTATIONS: dict[str, Callable[[], Representation]] = {"tfidf": TfidfRepresentation}


def get_representation(name: str) -> Representation:
    """The representation registered under ``name``."""
    try:
        return REPRESENTATIONS[name]()
    except KeyError:
        known = ", ".join(sorted(REPRESENTATIONS))
        raise SettingsError(
            f"unknown representation {name!r} (known: {known})", code="E205"
        ) from None


def similarities(matrix: Any, rows: Sequence[int] | None = None) -> np.ndarray:
    """Cosine similarities of ``rows`` (all when None) against every row, as a dense array."""
    left = matrix if rows is None else matrix[list(rows)]
    product = left @ matrix.T
    return np.asarray(product.toarray() if hasattr(product, "toarray") else product)
