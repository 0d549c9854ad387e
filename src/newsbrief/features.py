"""Sentence features: what selection knows about each sentence, as one row of numbers.

The same function serves the summarizer at run time and ``scripts/train_scorer.py`` at
training time, so the shipped weights always meet the features they were fitted on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from newsbrief.patterns import DEPENDENT_OPENING, ends_sentence
from newsbrief.records import Sentence
from newsbrief.represent import Similarity

FEATURES = (
    "position_prior",  # 1/sqrt(1 + index): news puts the essentials first
    "is_lead",  # the article's first sentence
    "relative_position",  # index / (sentences in the article - 1)
    "centrality",  # cosine with the cluster centroid, scaled so the best is 1
    "support",  # highest similarity to a sentence of another article
    "support_share",  # share of the other articles with a similar sentence
    "length",  # words / 80, capped at 1
    "is_short",  # fewer than 8 words
    "is_long",  # more than 50 words
    "is_fragment",  # no sentence-final punctuation (cut off, a label, a heading)
    "has_quote",  # holds a quotation
    "dependent_opening",  # starts with a pronoun or connective that leans on the previous one
    "digit_share",  # share of characters that are digits
    "page_furniture",  # words of web pages, not of stories: click, subscribe, photo, ©…
    "first_person",  # I / we / my outside quotation marks: commentary rather than report
    "is_question",
)
SUPPORT_SIMILARITY = 0.25

_QUOTE = re.compile(r"[“”\"]")
_PAGE_FURNITURE = re.compile(
    r"\b(click|subscribe|newsletter|e-?mail|sign up|log ?in|cookie|javascript|browser|"
    r"copyright|all rights reserved|advertis\w*|photo|image|video|caption|getty|"
    r"terms of (use|service)|privacy policy|follow us|share this|read more|related)\b|©",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(i|we|my|our|me|us)\b", re.IGNORECASE)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def sentence_features(
    sentences: Sequence[Sentence], matrix: Any, similarity: Similarity
) -> np.ndarray:
    """One row of :data:`FEATURES` per sentence (float32)."""
    n = len(sentences)
    rows = np.zeros((n, len(FEATURES)), dtype=np.float32)
    if n == 0:
        return rows
    index = np.array([s.index for s in sentences], dtype=np.float32)
    articles = [s.article_id for s in sentences]
    article_codes = _codes(articles)
    counts = np.bincount(article_codes)
    words = np.array([s.words for s in sentences], dtype=np.float32)
    rows[:, 0] = 1.0 / np.sqrt(1.0 + index)
    rows[:, 1] = index == 0
    rows[:, 2] = index / np.maximum(1, counts[article_codes] - 1)
    rows[:, 3] = _centrality(matrix, n)
    rows[:, 4], rows[:, 5] = _support(similarity, article_codes, len(counts))
    rows[:, 6] = np.minimum(words, 80) / 80
    rows[:, 7] = words < 8
    rows[:, 8] = words > 50
    for i, sentence in enumerate(sentences):
        text = sentence.text
        rows[i, 9] = not ends_sentence(text)
        rows[i, 10] = bool(_QUOTE.search(text))
        rows[i, 11] = sentence.index > 0 and bool(DEPENDENT_OPENING.match(text))
        rows[i, 12] = sum(c.isdigit() for c in text) / max(1, len(text))
        rows[i, 13] = bool(_PAGE_FURNITURE.search(text))
        rows[i, 14] = bool(_FIRST_PERSON.search(_QUOTED.sub(" ", text)))
        rows[i, 15] = text.rstrip("”\"' ").endswith("?")
    return rows


def _codes(labels: Sequence[str]) -> np.ndarray:
    seen: dict[str, int] = {}
    return np.array([seen.setdefault(label, len(seen)) for label in labels], dtype=np.int64)


def _centrality(matrix: Any, n: int) -> np.ndarray:
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    if not norm:
        return np.zeros(n, dtype=np.float32)
    centrality = np.asarray(matrix @ centroid).ravel() / norm
    top = centrality.max()
    return centrality / top if top > 0 else centrality


def _support(
    similarity: Similarity, codes: np.ndarray, articles: int
) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence: best match in another article, and the share of articles with a match."""
    best = np.zeros(len(codes), dtype=np.float32)
    share = np.zeros(len(codes), dtype=np.float32)
    if articles < 2:
        return best, share
    order = np.argsort(codes, kind="stable")
    grouped = codes[order]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    for first, block in similarity.blocks():
        rows = np.arange(first, first + block.shape[0])
        per_article = np.maximum.reduceat(block[:, order], starts, axis=1)
        per_article[np.arange(len(rows)), codes[rows]] = 0.0  # a sentence's own article
        best[rows] = per_article.max(axis=1)
        share[rows] = (per_article >= SUPPORT_SIMILARITY).sum(axis=1) / (articles - 1)
    return best, share
