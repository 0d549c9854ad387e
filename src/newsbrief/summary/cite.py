"""Cite: attach to every chosen sentence its source span and the other articles reporting it."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsbrief.records import Citation, Selected, Sentence, SummarySentence
from newsbrief.summary.represent import Similarity


def citation_of(sentence: Sentence) -> Citation:
    return Citation(sentence.article_id, sentence.index, sentence.start, sentence.end)


def cite(
    selected: Sequence[Selected],
    sentences: Sequence[Sentence],
    similarity: Similarity,
    threshold: float,
) -> list[SummarySentence]:
    """Summary sentences with citations; "also in" lists the best match in each other article."""
    if not selected:
        return []
    # The similarity matrix has one row per sentence of the cluster, in the cluster's order.
    position = {(s.article_id, s.index): n for n, s in enumerate(sentences)}
    scores = similarity.rows([position[item.article_id, item.sentence.index] for item in selected])
    summary: list[SummarySentence] = []
    for row, item in zip(scores, selected, strict=True):
        source = item.sentence
        best: dict[str, int] = {}
        # Only the sentences at or above the threshold can be cited: found by numpy (float32
        # against the threshold, as each value was compared), then read in order as before.
        for other in np.flatnonzero(row >= threshold).tolist():
            article_id = sentences[other].article_id
            if article_id == source.article_id:
                continue
            if article_id not in best or row[other] > row[best[article_id]]:
                best[article_id] = other
        also_in = tuple(citation_of(sentences[i]) for i in sorted(best.values()))
        summary.append(
            SummarySentence(source.text, citation_of(source), also_in, round(item.score, 4))
        )
    return summary
