"""The cluster's words, numbered once: what the learned word bag and TF-IDF both count.

The extractive summarizer tokenizes every sentence once (:func:`~newsbrief.summary.patterns.
words_of`); the word bag and TF-IDF each used to number those words again, by a dictionary
lookup per word of the cluster (about 4,400 on a 10-article newswire cluster). Numbered once
here, the word bag is a few array steps, and TF-IDF reads its terms off the ~1,500 distinct
words instead of every word of every sentence (issue 11).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain, count

import numpy as np


class NumberedWords(tuple[list[str], ...]):
    """Each sentence's words (a ``words_of`` list), with the cluster's words numbered.

    A tuple of the lists, so every reader of plain word lists reads it unchanged; beside them:

    - ``vocabulary``: the distinct words, in order of first appearance (a word's number is
      its place there: :meth:`number_of`);
    - ``numbers``: the number of every word of every sentence, sentences one after the other;
    - ``rows``: the sentence of each of those words; ``lengths``: words per sentence.

    Built per call and never changed: nothing is shared between calls or threads.
    """

    vocabulary: list[str]
    numbers: np.ndarray
    rows: np.ndarray
    lengths: np.ndarray
    _first_at: dict[str, int]
    _rank: np.ndarray

    def __new__(cls, words: Iterable[list[str]]) -> NumberedWords:
        self = super().__new__(cls, words)
        self.lengths = np.fromiter(map(len, self), dtype=np.int64, count=len(self))
        total = int(self.lengths.sum())
        # One pass of dictionary work over the words, sentences one after the other (read in
        # place, not copied into one list first): a word's value is where it first occurs
        # (setdefault keeps the first), in order of first appearance; ranked below by numpy.
        first_at: dict[str, int] = {}
        where = np.fromiter(
            map(first_at.setdefault, chain.from_iterable(self), count()),
            dtype=np.int64,
            count=total,
        )
        opens = np.zeros(total, dtype=bool)  # a byte a word, not eight: the same counts below
        opens[where] = True  # the positions where a word occurs for the first time
        rank = np.cumsum(opens, dtype=np.int64) - 1
        self.vocabulary = list(first_at)
        self.numbers = rank[where]
        self._first_at, self._rank = first_at, rank
        self.rows = np.repeat(np.arange(len(self), dtype=np.int64), self.lengths)
        return self

    def holding(self, words: Iterable[str]) -> np.ndarray:
        """Per sentence: whether it holds any of ``words`` (a boolean array)."""
        held = np.zeros(len(self.vocabulary), dtype=bool)
        held[self.numbers_of(words)] = True
        return np.bincount(self.rows[held[self.numbers]], minlength=len(self)) > 0

    def numbers_of(self, words: Iterable[str]) -> np.ndarray:
        """The numbers of those of ``words`` that some sentence holds, each once, in no
        particular order."""
        # The words some sentence holds, by a set intersection in C: TF-IDF asks for the ~380
        # stop words and single characters, which a loop looked up one by one (issue 11).
        held = self._first_at.keys() & words
        found = list(map(self._first_at.__getitem__, held))
        return self._rank[np.array(found, dtype=np.int64)]  # type: ignore[no-any-return]

    def number_of(self, word: str) -> int | None:
        """The word's number, or None when no sentence holds it."""
        at = self._first_at.get(word)
        return None if at is None else int(self._rank[at])


def numbered(words: Sequence[Sequence[str]]) -> NumberedWords:
    """``words`` numbered (as they are when already a :class:`NumberedWords`)."""
    if isinstance(words, NumberedWords):
        return words
    return NumberedWords(list(sentence) for sentence in words)
