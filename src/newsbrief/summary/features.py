"""Sentence features: what selection knows about each sentence, as one row of numbers.

The same function serves the summarizer at run time and ``scripts/train_scorer.py`` at
training time, so the shipped weights always meet the features they were fitted on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import repeat
from operator import contains, itemgetter
from typing import Any

import numpy as np

from newsbrief.records import Sentence
from newsbrief.summary.patterns import (
    DEPENDENT_OPENING,
    DEPENDENT_OPENING_CHARACTERS,
    DEPENDENT_OPENING_LOWER_ASCII,
    ends_sentence,
    words_of,
)
from newsbrief.summary.represent import Similarity
from newsbrief.summary.tokens import NumberedWords, numbered

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

_FURNITURE_WORDS = frozenset(
    "click subscribe newsletter email e-mail login cookie cookies javascript browser copyright "
    "photo photos image images video caption getty related".split()
)
_FURNITURE_PAIRS = frozenset(
    "sign up|log in|rights reserved|terms of|privacy policy|follow us|share this|read more".split(
        "|"
    )
)
_FURNITURE_PADDED = tuple(f" {pair} " for pair in _FURNITURE_PAIRS)
_FURNITURE_FIRSTS = frozenset(pair.split()[0] for pair in _FURNITURE_PAIRS)
_FIRST_PERSON = frozenset({"i", "we", "my", "our", "me", "us"})
_FURNITURE_MARKS = _FURNITURE_WORDS | _FURNITURE_FIRSTS
# A curly quotation ends before the next opening mark: an unclosed one is not read to the end of
# the text from every opening (quadratic on many unclosed quotes).
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")


def sentence_features(
    sentences: Sequence[Sentence],
    matrix: Any,
    similarity: Similarity,
    words: Sequence[list[str]] | None = None,
) -> np.ndarray:
    """One row of :data:`FEATURES` per sentence (float32).

    ``words`` are the sentences' :func:`~newsbrief.summary.patterns.words_of`, when already known.
    """
    n = len(sentences)
    rows = np.zeros((n, len(FEATURES)), dtype=np.float32)
    if n == 0:
        return rows
    index = np.array([s.index for s in sentences], dtype=np.float32)
    articles = [s.article_id for s in sentences]
    codes = article_codes(articles)
    counts = np.bincount(codes)
    if words is None:
        words = [words_of(s.text) for s in sentences]
    lengths = np.array([s.words for s in sentences], dtype=np.float32)
    rows[:, 0] = 1.0 / np.sqrt(1.0 + index)
    rows[:, 1] = index == 0
    rows[:, 2] = index / np.maximum(1, counts[codes] - 1)
    rows[:, 3] = _centrality(matrix, n)
    rows[:, 4], rows[:, 5] = _support(similarity, codes, len(counts))
    rows[:, 6] = np.minimum(lengths, 80) / 80
    rows[:, 7] = lengths < 8
    rows[:, 8] = lengths > 50
    # The text features, each computed for every sentence by a C-level map: a Python loop with
    # a call and an append per sentence and feature cost more than the features themselves.
    # The values, and their rounding to float32, are the same as sentence by sentence.
    texts = [s.text for s in sentences]
    cluster = numbered(words)
    # operator.contains, not str.__contains__: a slot wrapper, which packs its arguments in a
    # tuple on every call (0.28 M instructions of a 10-article newswire brief, issue 11).
    quoted = _flags(map(contains, texts, repeat('"')), n)  # _QUOTED's marks
    quoted |= _flags(map(contains, texts, repeat("“")), n)
    quoted |= _flags(map(contains, texts, repeat("”")), n)
    rows[:, 9] = ~_flags(map(ends_sentence, texts), n)
    rows[:, 10] = quoted
    rows[:, 11] = (index > 0) & dependent_openings(texts)
    rows[:, 13] = _furniture(texts, cluster)
    rows[:, 14] = _first_person(texts, cluster, quoted)
    rows[:, 15] = _flags(map(str.endswith, map(str.rstrip, texts, repeat("”\"' ")), repeat("?")), n)
    rows[:, 12] = _digit_shares(texts)
    return rows


def _flags(values: Iterable[object], n: int) -> np.ndarray:
    """The truth of each of ``n`` values (a match or None, a bool), as a boolean array."""
    return np.fromiter(map(bool, values), dtype=bool, count=n)


_OPENING = itemgetter(slice(DEPENDENT_OPENING_CHARACTERS))  # text[:14], as a C-level call


def dependent_openings(texts: Sequence[str]) -> np.ndarray:
    """Per text: whether :data:`~newsbrief.summary.patterns.DEPENDENT_OPENING` matches it.

    An ASCII opening is matched lower-cased, by the pattern without IGNORECASE (much the
    cheaper); the others, by the pattern itself (Unicode's case folding and spaces)."""
    openings = list(map(_OPENING, texts))
    found = _flags(map(DEPENDENT_OPENING_LOWER_ASCII.match, map(str.lower, openings)), len(texts))
    for i in np.flatnonzero(~_flags(map(str.isascii, openings), len(texts))).tolist():
        found[i] = DEPENDENT_OPENING.match(texts[i]) is not None
    return found


def _furniture(texts: list[str], words: NumberedWords) -> np.ndarray:
    """Per sentence: :func:`_is_page_furniture`, read only where it can be true.

    That needs a furniture word (or the first word of a furniture pair), "©" or "advertis"
    (lower-cased). The cluster's text holds "©" or "advertis" when any sentence does (joined
    without a separator it may also hold one across two sentences; then every sentence is
    read): usually none, and then only the sentences holding such a word are read.
    """
    joined = "".join(texts)
    loose = "©" in joined or "advertis" in joined.lower()
    furniture = np.zeros(len(texts), dtype=bool)
    for i in range(len(texts)) if loose else np.flatnonzero(words.holding(_FURNITURE_MARKS)):
        furniture[i] = _is_page_furniture(texts[i], words[i])
    return furniture


def _first_person(texts: list[str], words: NumberedWords, quoted: np.ndarray) -> np.ndarray:
    """Per sentence: I / we / my ... outside quotation marks. Read only in the sentences holding
    such a word at all: the words outside the quotations are some of the sentence's words
    (a quotation mark is no word character, so no word runs across one)."""
    first_person = words.holding(_FIRST_PERSON)
    for i in np.flatnonzero(first_person & quoted):
        unquoted = words_of(_QUOTED.sub(" ", texts[i]))
        first_person[i] = not _FIRST_PERSON.isdisjoint(unquoted)
    return first_person


def _digit_shares(texts: list[str]) -> np.ndarray:
    """Per text: the share of its characters that are ASCII digits (0 for an empty text).

    Counted for all texts at once on their code points, as numbers: the same integer
    counts, divided in double precision as ``count / max(1, len(text))`` would be.
    """
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    # surrogatepass: a lone surrogate (from a JSON escape) is one code point, as in the str.
    points = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    # Every count but the first is written by cumsum: no zero-filled array of the cluster's
    # length is needed (np.empty, its first count set).
    digits = np.empty(len(points) + 1, dtype=np.int64)
    digits[0] = 0
    np.cumsum((points >= 48) & (points <= 57), out=digits[1:])
    ends = np.cumsum(lengths)
    return (digits[ends] - digits[ends - lengths]) / np.maximum(1, lengths)


def _is_page_furniture(text: str, tokens: list[str]) -> bool:
    """Words of web pages rather than stories: click, subscribe, photo, "sign up", ©…"""
    if "©" in text or not _FURNITURE_WORDS.isdisjoint(tokens):
        return True
    # Tokens hold no spaces, so " sign up " can be in the joined words only when "sign" is a
    # token, and " advertis" only when the lower-cased text holds "advertis": most sentences
    # are cleared by these two checks without joining their words.
    if _FURNITURE_FIRSTS.isdisjoint(tokens) and "advertis" not in text.lower():
        return False
    joined = f" {' '.join(tokens)} "
    return " advertis" in joined or any(pair in joined for pair in _FURNITURE_PADDED)


def article_codes(labels: Sequence[str]) -> np.ndarray:
    """Each label's number, in order of first appearance (0, 1, ...)."""
    seen: dict[str, int] = {}
    return np.array([seen.setdefault(label, len(seen)) for label in labels], dtype=np.int64)


def _centrality(matrix: Any, n: int) -> np.ndarray:
    csr = getattr(matrix, "format", None) == "csr"
    centroid = _csr_column_means(matrix, n) if csr else np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    if not norm:
        return np.zeros(n, dtype=np.float32)
    product = _csr_product(matrix, centroid, n) if csr else np.asarray(matrix @ centroid).ravel()
    centrality = product / norm
    top = centrality.max()
    return centrality / top if top > 0 else centrality


# ``matrix.mean(axis=0)`` and ``matrix @ vector`` of a CSR matrix, the same numbers bit for bit
# without scipy's wrappers (a tenth of the features' time): scipy's C loops add one entry
# after another from 0, a column's entries (scaled by 1 / n) row after row, a row's products
# in storage order; np.bincount adds its weights one at a time from 0, in the order given.
def _csr_column_means(matrix: Any, n: int) -> np.ndarray:
    return np.bincount(matrix.indices, weights=matrix.data * (1.0 / n), minlength=matrix.shape[1])


def _csr_product(matrix: Any, vector: np.ndarray, n: int) -> np.ndarray:
    rows = np.repeat(np.arange(n), np.diff(matrix.indptr))
    return np.bincount(rows, weights=matrix.data * vector[matrix.indices], minlength=n)


def _support(
    similarity: Similarity, codes: np.ndarray, articles: int
) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence: best match in another article, and the share of articles with a match."""
    best = np.zeros(len(codes), dtype=np.float32)
    share = np.zeros(len(codes), dtype=np.float32)
    if articles < 2:
        return best, share
    # Prepared clusters list each article's sentences together, in article order: then the
    # columns are grouped already, and the block is read as it is rather than copied in order.
    in_order = bool((codes[1:] >= codes[:-1]).all())
    order = np.argsort(codes, kind="stable")
    grouped = codes[order]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    for first, block in similarity.blocks():
        rows = np.arange(first, first + block.shape[0])
        per_article = np.maximum.reduceat(block if in_order else block[:, order], starts, axis=1)
        per_article[np.arange(len(rows)), codes[rows]] = 0.0  # a sentence's own article
        best[rows] = per_article.max(axis=1)
        share[rows] = (per_article >= SUPPORT_SIMILARITY).sum(axis=1) / (articles - 1)
    return best, share
