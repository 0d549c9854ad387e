"""The records passed between summary stages, and what a summarizer returns.

score → :class:`Scored` → select → :class:`Selected` (a sentence, by its span in its article)
→ order → cite → :class:`SummaryResult` (the summary sentences, and what the reader must be told).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsbrief.records.sources import Notice, Sentence, SummarySentence

if TYPE_CHECKING:
    import numpy as np
    from scipy import sparse


@dataclass(frozen=True)
class Concepts:
    """The concepts of a cluster: which sentence holds which, and each one's weight."""

    names: tuple[str, ...]
    matrix: sparse.csr_matrix  # sentences × concepts, 1 where the sentence holds the concept
    weights: np.ndarray  # one per concept, in [0, 1]


@dataclass(frozen=True)
class Scored:
    """What selection reads: one score per sentence, and the weighted concepts if it covers them."""

    scores: np.ndarray  # in [0, 1], one per sentence of the cluster; 0 = never summary material
    concepts: Concepts | None = None


@dataclass(frozen=True)
class Selected:
    """A chosen sentence — the span ``sentence`` names in its article — and its score.

    A span rather than a position in some list, so that a stage may reorder, filter or rewrite
    what it is given without breaking what the next stage reads.
    """

    sentence: Sentence
    score: float

    @property
    def article_id(self) -> str:
        return self.sentence.article_id

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end


@dataclass(frozen=True)
class SummaryResult:
    """What a summarizer returns: the summary, in reading order, and notices about it.

    Every sentence cites its source (``SummarySentence.citation``); a summarizer that rewrites
    a sentence keeps the citation of the span it rewrote. An empty ``sentences`` needs a notice
    saying why.
    """

    sentences: tuple[SummarySentence, ...]
    notices: tuple[Notice, ...] = ()
    update: Update | None = None  # an update brief (earlier articles given): its figures
    question_terms: tuple[str, ...] = ()  # a question brief: the terms it was focused on


@dataclass(frozen=True)
class Update:
    """An update brief's figures: the new articles against the earlier ones the reader read.

    A new sentence is *known* when the earlier articles already said it
    (:mod:`newsbrief.summary.novelty`); ``known_share`` is the share of the new articles'
    candidate words in known sentences.
    """

    new_articles: int
    earlier_articles: int
    candidate_sentences: int
    known_sentences: int
    known_share: float

    def describe(self) -> str:
        """One line for a reader: what is new, and how much was already known."""
        return (
            f"{self.new_articles} new article(s) since {self.earlier_articles} earlier one(s); "
            f"{self.known_sentences} of their {self.candidate_sentences} candidate sentences "
            f"({self.known_share:.0%} of the words) were already known and are left out"
        )
