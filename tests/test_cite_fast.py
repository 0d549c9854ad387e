""" "Also in" found among the sentences at or above the threshold only (issue 11, third speed
pass): the same citations as reading every sentence, ties to the earlier sentence."""

from __future__ import annotations

import random

import numpy as np

from newsbrief.records import Selected, Sentence
from newsbrief.summary.cite import citation_of, cite


class Fixed:
    """A similarity of given values (Similarity's rows(), which cite reads)."""

    def __init__(self, values: np.ndarray) -> None:
        self.values = values

    def rows(self, indexes: list[int]) -> np.ndarray:
        return self.values[indexes]


def reference(row: np.ndarray, own: Sentence, sentences: list[Sentence], threshold: float):
    """The loop over every sentence, as cite read them before."""
    best: dict[str, int] = {}
    for other, value in enumerate(row):
        article_id = sentences[other].article_id
        if article_id == own.article_id or value < threshold:
            continue
        if article_id not in best or value > row[best[article_id]]:
            best[article_id] = other
    return tuple(citation_of(sentences[i]) for i in sorted(best.values()))


def test_also_in_as_when_every_sentence_was_read() -> None:
    rng = random.Random(6)
    for _ in range(300):
        n = rng.randint(1, 40)
        sentences = [Sentence(f"a{rng.randint(0, 4)}", i, 0, 1, "x") for i in range(n)]
        # Few distinct values, so ties are common; float32, as Similarity gives them.
        levels = [0.0, 0.2, 0.39999998, 0.4, 0.40000001, 0.5, 0.9]
        values = np.array([[rng.choice(levels) for _ in range(n)] for _ in range(n)], np.float32)
        picks = rng.sample(range(n), rng.randint(1, min(n, 5)))
        selected = [Selected(sentences[i], 0.5) for i in picks]
        summary = cite(selected, sentences, Fixed(values), 0.4)  # type: ignore[arg-type]
        for item, pick in zip(summary, picks, strict=True):
            assert item.also_in == reference(values[pick], sentences[pick], sentences, 0.4)
