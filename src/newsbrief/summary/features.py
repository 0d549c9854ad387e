"""Sentence features: what selection knows about each sentence, as one row of numbers.

The same function serves the summarizer at run time and ``scripts/train_scorer.py`` at
training time, so the shipped weights always meet the features they were fitted on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from newsbrief.records import Sentence
from newsbrief.summary.patterns import DEPENDENT_OPENING, ends_sentence, words_of
from newsbrief.summary.represent import Similarity

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
_MARKED = _FURNITURE_WORDS | _FURNITURE_FIRSTS | _FIRST_PERSON
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
    # The per-sentence text features are gathered in lists and written a column at a time:
    # a numpy element assignment costs more than the feature itself. The values, and their
    # rounding to float32, are the same as when written one by one.
    text_columns: dict[int, list[bool]] = {column: [] for column in (9, 10, 11, 13, 14, 15)}
    unfinished, quoted_, dependent, furniture, first_person, question = text_columns.values()
    for i, sentence in enumerate(sentences):
        text = sentence.text
        tokens = words[i]
        quoted = "“" in text or "”" in text or '"' in text  # _QUOTED's marks, without a regex
        unfinished.append(not ends_sentence(text))
        quoted_.append(quoted)
        dependent.append(sentence.index > 0 and bool(DEPENDENT_OPENING.match(text)))
        if _MARKED.isdisjoint(tokens):
            # None of the words the next two features look for, in one scan (most sentences):
            # furniture then needs "©" or "advertis", and the words outside quotations, a
            # subset of these, hold no first person.
            page = "©" in text or ("advertis" in text.lower() and _is_page_furniture(text, tokens))
            furniture.append(page)
            first_person.append(False)
        else:
            furniture.append(_is_page_furniture(text, tokens))
            unquoted = words_of(_QUOTED.sub(" ", text)) if quoted else tokens
            first_person.append(not _FIRST_PERSON.isdisjoint(unquoted))
        question.append(text.rstrip("”\"' ").endswith("?"))
    for column, values in text_columns.items():
        rows[:, column] = values
    rows[:, 12] = _digit_shares([s.text for s in sentences])
    return rows


def _digit_shares(texts: list[str]) -> np.ndarray:
    """Per text: the share of its characters that are ASCII digits (0 for an empty text).

    Counted for all texts at once on their code points, as numbers: the same integer
    counts, divided in double precision as ``count / max(1, len(text))`` would be.
    """
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    # surrogatepass: a lone surrogate (from a JSON escape) is one code point, as in the str.
    points = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    digits = np.zeros(len(points) + 1, dtype=np.int64)
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
