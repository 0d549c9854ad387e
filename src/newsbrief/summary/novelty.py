"""Novelty: what new articles say that earlier articles did not.

An update brief summarizes the new articles for a reader who read the earlier ones. Two
measures of a new sentence against the earlier articles:

- ``similarity``: its highest TF-IDF cosine to an earlier sentence (one vocabulary fitted on
  old and new sentences together);
- ``old_share``: the share of its concepts (:func:`newsbrief.summary.focus.concepts_of`) that the
  earlier articles already hold.

A new sentence is **already known** when its similarity is at least :data:`KNOWN_SIMILARITY`
or at least :data:`KNOWN_SHARE` of its concepts were in the earlier articles. Known sentences
are never chosen. A concept that holds a digit (a count, an amount, a date) or a word of change
("rose", "reversed", "no longer"...) and is absent from the earlier articles marks what
*changed*; selection prefers sentences holding such concepts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsbrief.summary.focus import has_number

KNOWN_SIMILARITY = 0.5  # the "plain novelty filter" cut of the DUC 2007 baseline
KNOWN_SHARE = 0.8  # four concepts in five were already said
CHANGE_WORDS = re.compile(
    r"\b(rose|risen|rises|climbed|jumped|fell|fallen|dropped|declined|increased|decreased|"
    r"revised|reversed|overturned|withdrew|withdrawn|cancel(?:l)?ed|resigned|replaced|"
    r"no longer|now|new|latest|instead|after all|updated|raised|lowered|surged)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Novelty:
    """Per new sentence: similarity to the earlier articles, old share, known, changed."""

    similarity: np.ndarray
    old_share: np.ndarray
    known: np.ndarray  # bool
    changed: np.ndarray  # bool: holds a new number/date or a word of change with new concepts


def earlier_similarity(new_texts: Sequence[str], old_texts: Sequence[str]) -> np.ndarray:
    """Per new text, its highest cosine to an old text (TF-IDF fitted on both)."""
    if not new_texts or not old_texts:
        return np.zeros(len(new_texts))
    from newsbrief.summary.represent import get_representation

    matrix = get_representation("tfidf").vectors([*new_texts, *old_texts])
    new, old = matrix[: len(new_texts)], matrix[len(new_texts) :]
    product = new @ old.T
    dense = product.toarray() if hasattr(product, "toarray") else np.asarray(product)
    return np.asarray(dense.max(axis=1), dtype=np.float64).ravel()


def novelty(
    new_texts: Sequence[str],
    new_concepts: Sequence[set[str]],
    old_texts: Sequence[str],
    old_concepts: set[str],
) -> Novelty:
    """Measure every new sentence against the earlier articles (see the module docstring)."""
    similarity = earlier_similarity(new_texts, old_texts)
    share = np.array(
        [len(c & old_concepts) / len(c) if c else 1.0 for c in new_concepts], dtype=np.float64
    )
    known = (similarity >= KNOWN_SIMILARITY) | (share >= KNOWN_SHARE)
    changed = np.array(
        [
            any(has_number(x) for x in c - old_concepts)
            or (bool(CHANGE_WORDS.search(t)) and share_i < 0.5)
            for t, c, share_i in zip(new_texts, new_concepts, share, strict=True)
        ],
        dtype=bool,
    )
    return Novelty(similarity, share, known, changed & ~known)


def known_word_share(words: np.ndarray, known: np.ndarray) -> float:
    """The share of the new articles' words that sit in already-known sentences."""
    total = float(words.sum())
    return float(words[known].sum()) / total if total else 0.0
