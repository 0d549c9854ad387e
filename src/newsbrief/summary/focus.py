"""Question focus: which words a question asks about, and how well the sources answer it.

A question ("What about sanctions?", or a DUC topic: a title and a narrative of instructions)
is reduced to its *question terms*: its content words, lower-cased and lightly stemmed, less
stop words and the words of instructions ("discuss", "describe", "include"...), which say how
to answer rather than what about.

How much the sources address the question is measured on those terms (:func:`measure`):

- ``term_share``: the share of the question terms found in at least one candidate sentence;
- ``answering``: how many candidate sentences hold at least ``min(2, terms)`` question terms
  (one term when the question has only one).

The sources *barely address* the question when ``term_share`` is below
:data:`MIN_TERM_SHARE` or fewer than :data:`MIN_ANSWERING` sentences answer: then the brief
says so in a notice instead of passing a generic summary off as an answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from newsbrief.summary.patterns import words_of
from newsbrief.summary.stopwords import ENGLISH_STOP_WORDS

# Words that say how to answer, not what about (DUC narratives are made of them).
INSTRUCTION_WORDS = frozenset(
    """
    discuss describe include including identify information specific provide explain report
    reported reports regarding related relating known aspect aspects example examples give
    given list mention mentioned happen happened happening tell say said kind kinds type types
    detail details question questions way ways what about whether pros cons also any
    did does do doing done happens going will would could should might know new
    """.split()
)
STOP = frozenset(ENGLISH_STOP_WORDS)
# Words that, after "how" or "what", ask for a measure ("how long", "how many").
DEGREE_WORDS = frozenset("long many much soon far often old big".split())
MIN_TERM_SHARE = 0.34  # under a third of what the question names appears anywhere
MIN_ANSWERING = 1  # at least one sentence holding two of its terms (or its only term)
_DIGITS = re.compile(r"\d")


def stem(word: str) -> str:
    """A light suffix stripper (plural -s/-ies, -ing, -ed): enough to match "sanction" with
    "sanctions" without a stemming package."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def question_terms(question: str | None) -> frozenset[str]:
    """The stemmed content words of a question (empty for no question)."""
    if not question:
        return frozenset()
    words = words_of(question)
    # "How long", "how far", "how old": the degree word asks for a measure (a number, a
    # duration), it is not what the question is about; the answer rarely repeats it.
    degree = {
        i + 1
        for i, (w, nxt) in enumerate(pairwise(words))
        if w in ("how", "what") and nxt in DEGREE_WORDS
    }
    return frozenset(
        stem(w)
        for i, w in enumerate(words)
        if i not in degree
        and w not in STOP
        and w not in INSTRUCTION_WORDS
        and len(w) > 1
        and not w.isdigit()
    )


def concepts_of(text: str) -> set[str]:
    """What a sentence says, as units a summary covers: stemmed content words, and adjacent
    word pairs that are not two stop words ("prime minister", "of sanctions")."""
    raw = words_of(text)
    stems = [stem(w) for w in raw]
    found = {s for w, s in zip(raw, stems, strict=True) if w not in STOP and len(w) > 1}
    for (a, b), (sa, sb) in zip(pairwise(raw), pairwise(stems), strict=True):
        if not (a in STOP and b in STOP):
            found.add(f"{sa} {sb}")
    return found


def term_hits(concepts: Sequence[set[str]], terms: frozenset[str]) -> np.ndarray:
    """Per sentence, how many question terms it holds."""
    return np.array([len(terms & c) for c in concepts], dtype=np.float64)


@dataclass(frozen=True)
class Addressed:
    """How well the sources address a question (see the module docstring)."""

    terms: tuple[str, ...]
    found: tuple[str, ...]
    answering: int

    @property
    def term_share(self) -> float:
        return len(self.found) / len(self.terms) if self.terms else 1.0

    @property
    def barely(self) -> bool:
        """True when the sources barely address the question."""
        if not self.terms:
            return False
        return self.term_share < MIN_TERM_SHARE or self.answering < MIN_ANSWERING


def measure(concepts: Sequence[set[str]], terms: frozenset[str], usable: np.ndarray) -> Addressed:
    """How far the usable sentences (a boolean mask) address the question terms."""
    held: set[str] = set()
    for c, ok in zip(concepts, usable, strict=True):
        if ok:
            held |= terms & c
    need = min(2, len(terms))
    hits = term_hits(concepts, terms)
    answering = int(((hits >= need) & usable).sum()) if terms else 0
    return Addressed(tuple(sorted(terms)), tuple(sorted(held)), answering)


def concept_relevance(names: Sequence[str], terms: frozenset[str]) -> np.ndarray:
    """Per concept, the share of its words that are question terms (0, ½ or 1)."""
    if not terms:
        return np.zeros(len(names))
    out = np.zeros(len(names))
    for j, name in enumerate(names):
        parts = name.split(" ")
        out[j] = sum(p in terms for p in parts) / len(parts)
    return out


def has_number(concept: str) -> bool:
    """True for a concept holding a digit (a count, an amount, a date)."""
    return bool(_DIGITS.search(concept))
