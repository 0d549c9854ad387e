"""Represent: sentences → vectors, one L2-normalised row per sentence.

The default is TF-IDF fitted on the cluster's own sentences: scikit-learn's matrix, built
directly. The choice is a name in :data:`newsbrief.choices.REPRESENTATIONS`, so an embedding
model can plug in without touching selection.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import chain, filterfalse
from typing import Any, Protocol

import numpy as np

from newsbrief.choices import REPRESENTATIONS
from newsbrief.summary.patterns import WORD_CHARACTERS, ascii_runs
from newsbrief.summary.stopwords import ENGLISH_STOP_WORDS
from newsbrief.summary.tokens import NumberedWords, numbered


class Representation(Protocol):
    """Turns texts into a matrix whose rows are unit vectors (dense or scipy sparse)."""

    def vectors(self, texts: Sequence[str]) -> Any: ...


class TfidfRepresentation:
    """TF-IDF over the cluster's sentences: sublinear counts, English stop words removed."""

    def vectors(self, texts: Sequence[str]) -> Any:
        return tfidf_matrix([tfidf_terms(text) for text in texts])

    def vectors_of_words(self, words: Sequence[Sequence[str]]) -> Any:
        """:meth:`vectors` of texts, from their :func:`~newsbrief.summary.patterns.words_of`
        (numbered once for the cluster: :class:`~newsbrief.summary.tokens.NumberedWords`), with
        the columns in the terms' order of first appearance instead of alphabetical order.

        The same matrix up to the order of its columns, which only names the terms: the rows
        hold the same entries in the same storage order, so every sum over a row (similarities,
        the centroid's products) is the same, bit for bit. Sorting the ~1,200 terms of a
        cluster was a quarter of TF-IDF's time; the summarizer never reads a column's name.
        """
        # The columns are the terms' numbers: the terms themselves are never named.
        return _tfidf(len(words), *_numbered_terms(numbered(words)))


def represent(
    representation: Representation, texts: Sequence[str], words: Sequence[Sequence[str]]
) -> Any:
    """``representation.vectors(texts)``, where ``words`` are the texts' ``words_of``, already
    computed: the built-in TF-IDF builds on them instead of tokenizing again (a subclass may
    override ``vectors``, so it is asked as any other representation)."""
    if type(representation) is TfidfRepresentation:
        return representation.vectors_of_words(words)
    return representation.vectors(texts)


# scikit-learn's word analyzer with stop_words="english": lower-case, its default token
# pattern, its English stop list.
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


@cache
def _skipped() -> tuple[frozenset[str], frozenset[str]]:
    """scikit-learn's English stop words; and those with every one-character ASCII word, which
    the ASCII path's runs include but "\\b\\w\\w+\\b" never matches."""
    single = {chr(i) for i in range(128) if WORD_CHARACTERS[i] != 32}
    return ENGLISH_STOP_WORDS, ENGLISH_STOP_WORDS | single


def tfidf_terms(text: str) -> list[str]:
    """The terms TF-IDF counts in a text (those of scikit-learn's English word analyzer)."""
    stop, stop_or_single = _skipped()
    lowered = text.lower()
    # In ASCII text "\b\w\w+\b" finds the runs of word characters longer than one.
    runs = ascii_runs(lowered, WORD_CHARACTERS)
    if runs is None:
        return list(filterfalse(stop.__contains__, _TOKEN.findall(lowered)))
    return list(filterfalse(stop_or_single.__contains__, runs))


def tfidf_terms_of_words(words: Sequence[str]) -> list[str]:
    """:func:`tfidf_terms` of a text, from its :func:`~newsbrief.summary.patterns.words_of`.

    Both read the lower-cased text: a words_of word is a run of word characters and hyphens,
    and the runs "\\w\\w+" finds are those words split at their hyphens, kept when longer
    than one character. Most sentences hold no hyphen, and then the words are the runs.
    """
    _, stop_or_single = _skipped()
    joined = " ".join(words)
    runs = joined.replace("-", " ").split() if "-" in joined else words
    terms = list(filterfalse(stop_or_single.__contains__, runs))
    if not joined.isascii():  # one-character runs outside ASCII are not in stop_or_single
        terms = [term for term in terms if len(term) > 1]
    return terms


def tfidf_matrix(documents: Sequence[Sequence[str]]) -> Any:
    """The matrix ``TfidfVectorizer(sublinear_tf=True, norm="l2").fit_transform`` gives for
    documents of these terms, built directly: the same numbers, bit for bit, stored in the
    same order.

    scikit-learn's fit (vocabulary building, sorting, validation) was a quarter of a summary's
    time. Its steps, reproduced here: terms are numbered by first appearance and each row's
    entries stored in that order, each entry then renumbered by the term's alphabetical rank
    (which leaves a row's indices unsorted); counts become ``1 + ln(count)``, times the
    smoothed idf ``ln((1 + n) / (1 + df)) + 1``; each row is divided by the square root of its
    sum of squares, summed in storage order (scikit-learn's own routine). Every step runs
    through the same numpy operations (``np.log``, ``*``, ``/``) in the same order, so the
    rounding is the same;
    ``tests/test_tfidf.py`` checks the two against each other.
    """
    terms = list(chain.from_iterable(documents))
    first_seen = dict.fromkeys(terms)  # the vocabulary in order of first appearance
    number = dict(zip(first_seen, range(len(first_seen)), strict=True))
    term_numbers = np.fromiter(map(number.__getitem__, terms), dtype=np.int64, count=len(terms))
    terms_per_row = np.fromiter(map(len, documents), dtype=np.int64, count=len(documents))
    return _tfidf(len(documents), len(first_seen), term_numbers, terms_per_row, list(first_seen))


def _numbered_terms(cluster: NumberedWords) -> tuple[int, np.ndarray, np.ndarray]:
    """What :func:`tfidf_matrix` reads off the documents of :func:`tfidf_terms_of_words`,
    from the cluster's numbered words: how many distinct terms there are, the number of every
    term of every sentence (sentences one after the other, terms numbered in order of first
    appearance), terms a sentence. The terms themselves are not spelled out: the summarizer's
    matrix never names its columns (the list of names was a tenth of this step's time).

    A word's terms are decided once per distinct word, not once per occurrence: a word
    without a hyphen is its own term unless a stop word or a single character; a word with
    hyphens gives its pieces, each a term under the same test. Every occurrence of a word then
    gives its terms in place, by array steps.
    """
    _, stop_or_single = _skipped()
    vocabulary = cluster.vocabulary
    size = len(vocabulary)
    joined = " ".join(vocabulary)
    ascii_only = joined.isascii()  # else one-character runs outside ASCII are dropped too
    kept = np.ones(size, dtype=bool)
    kept[cluster.numbers_of(stop_or_single)] = False  # ~350 look-ups, not one a distinct word
    if not ascii_only:
        kept &= np.fromiter(map(len, vocabulary), dtype=np.int64, count=size) > 1
    hyphenated = _holding_hyphens(joined, cluster)
    kept[hyphenated] = False
    per_word = kept.astype(np.int64)  # how many terms each distinct word gives
    pieces: dict[str, int] = {}  # a piece that is no word of its own → its term id (≥ size)
    piece_ids: list[list[int]] = []
    for word_number in hyphenated:
        ids = []
        for piece in vocabulary[word_number].replace("-", " ").split():
            if piece in stop_or_single or not (ascii_only or len(piece) > 1):
                continue
            own = cluster.number_of(piece)  # a word of its own, and its own term, passing the test
            ids.append(pieces.setdefault(piece, size + len(pieces)) if own is None else own)
        piece_ids.append(ids)
        per_word[word_number] = len(ids)
    # The terms of every distinct word, one after the other: word i's from first[i].
    first = np.empty(size + 1, dtype=np.int64)  # all but first[0] written by cumsum
    first[0] = 0
    np.cumsum(per_word, out=first[1:])
    table = np.empty(int(first[-1]), dtype=np.int64)
    table[first[:-1][kept]] = np.flatnonzero(kept)
    for word_number, ids in zip(hyphenated, piece_ids, strict=True):
        table[first[word_number] : first[word_number] + len(ids)] = ids
    counts = per_word[cluster.numbers]  # terms of each word occurrence
    given = np.empty(len(counts) + 1, dtype=np.int64)  # terms given before each occurrence
    given[0] = 0
    np.cumsum(counts, out=given[1:])
    sequence = table[np.repeat(first[cluster.numbers] - given[:-1], counts) + np.arange(given[-1])]
    ends = np.cumsum(cluster.lengths)
    terms_per_row = given[ends] - given[ends - cluster.lengths]
    # Renumbered in order of first appearance, as terms: where each id first occurs (a
    # minimum by np.minimum.at, far cheaper than np.unique's sort), read in text order.
    first_at = np.full(size + len(pieces), len(sequence), dtype=np.int64)
    np.minimum.at(first_at, sequence, np.arange(len(sequence)))
    opens = np.zeros(len(sequence), dtype=bool)
    opens[first_at[first_at < len(sequence)]] = True
    in_order = sequence[opens]
    renumber = np.empty(size + len(pieces), dtype=np.int64)
    renumber[in_order] = np.arange(len(in_order))
    return len(in_order), renumber[sequence], terms_per_row


def _holding_hyphens(joined: str, cluster: NumberedWords) -> list[int]:
    """The numbers of the words holding a hyphen, in order, from the cluster's vocabulary
    joined by single spaces: each hyphen found, then the word around it."""
    found: list[int] = []
    at = joined.find("-")
    while at >= 0:
        end = joined.find(" ", at)
        end = len(joined) if end < 0 else end
        word = joined[joined.rfind(" ", 0, at) + 1 : end]
        found.append(cluster.number_of(word))  # type: ignore[arg-type]  # a vocabulary word
        at = joined.find("-", end)  # the next word's hyphens
    return found


def _tfidf(
    n: int,
    size: int,
    term_numbers: np.ndarray,
    terms_per_row: np.ndarray,
    names: list[str] | None = None,
) -> Any:
    """The matrix of :func:`tfidf_matrix`, from its ``n`` rows' terms numbered in order of
    first appearance (``size`` terms, ``names`` in that order when given), one row after the
    other. A column is the term's alphabetical rank when ``names`` are given, else the term's
    number itself (first appearance): the same entries, stored in the same order, under other
    columns."""
    from scipy.sparse import csr_matrix

    if not size:  # nothing but stop words: every sentence gets a zero vector
        return csr_matrix((n, 1))
    rows = np.repeat(np.arange(n, dtype=np.int64), terms_per_row)
    # One entry per (row, term), rows in order and a row's terms by first appearance.
    entries, counts = np.unique(rows * size + term_numbers, return_counts=True)
    entry_rows = entries // size
    indices = (entries - entry_rows * size).astype(np.int32)  # the terms' numbers
    if names is not None:
        rank = np.empty(size, dtype=np.int32)  # a term's alphabetical rank, by its number
        by_name = np.array(sorted(range(size), key=names.__getitem__), dtype=np.int64)
        rank[by_name] = np.arange(size, dtype=np.int32)
        indices = rank[indices]
    lengths = np.bincount(entry_rows, minlength=n)
    indptr = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(lengths, out=indptr[1:])
    data = counts.astype(np.float64)
    np.log(data, out=data)  # sublinear term frequency
    data += 1.0
    df = np.bincount(indices, minlength=size).astype(np.float64)
    df += 1.0
    idf = np.full_like(df, fill_value=n + 1, dtype=np.float64)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    data *= idf[indices]
    # scikit-learn's row normalisation (inplace_csr_row_normalize_l2): its loop sums a row's
    # squares one after the other from 0 (numpy's sum would pair them up and round
    # differently), then divides the row by the square root. np.bincount adds its weights one
    # at a time in the order given, so the sums are the same, bit for bit, without importing
    # scikit-learn (most of a command-line brief's time); memory stays proportional to the
    # entries. A row whose squares sum to 0 is left as it is, as there.
    norms = np.sqrt(np.bincount(entry_rows, weights=data * data, minlength=n))
    norms[norms == 0.0] = 1.0
    data /= norms[entry_rows]
    return csr_matrix((data, indices, indptr), shape=(n, size))


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
