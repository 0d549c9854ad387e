"""Simple baselines for question-focused and update summaries (issue 13's comparison points).

``centroid_mmr``: TF-IDF over the cluster's sentences (our splitter), a sentence scored by its
cosine to the centroid, or with a question ``0.5 · cos(sentence, centroid) + 0.5 ·
cos(sentence, question)``; maximal marginal relevance with λ = 0.7, a candidate dropped at
cosine ≥ 0.5 to a chosen sentence; sentences of fewer than 6 words are not candidates. With
earlier articles, the *plain novelty filter*: a candidate at cosine ≥ 0.5 to a sentence of the
earlier articles is dropped. Whole sentences in order of choice while they fit
(:func:`newsbrief.evaluate.peers.take_while_fits` rules), shown in article order.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsbrief.evaluate.rouge import sentences as split

LAMBDA = 0.7
REDUNDANCY = 0.5
NOVELTY = 0.5
MIN_WORDS = 6


def centroid_mmr(
    documents: Sequence[str],
    words: int,
    question: str | None = None,
    since: Sequence[str] = (),
) -> str:
    """The baseline summary, one sentence a line (see the module docstring)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    found = [s for d in documents for s in split(d) if len(s.split()) >= MIN_WORDS]
    old = [s for d in since for s in split(d)]
    if not found:
        return ""
    texts = [*found, *old, *([question] if question else [])]
    try:
        matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    except ValueError:  # nothing but stop words
        return ""
    x = matrix[: len(found)]
    centroid = np.asarray(x.mean(axis=0)).ravel()
    centroid /= np.linalg.norm(centroid) or 1.0
    score = np.asarray(x @ centroid).ravel()
    if question:
        score = 0.5 * score + 0.5 * (x @ matrix[len(texts) - 1].T).toarray().ravel()
    similarity = (x @ x.T).toarray()
    available = np.ones(len(found), dtype=bool)
    if old:
        to_old = (x @ matrix[len(found) : len(found) + len(old)].T).toarray()
        available &= to_old.max(axis=1) < NOVELTY
    lengths = np.array([len(s.split()) for s in found])
    chosen: list[int] = []
    closest = np.zeros(len(found))
    used = 0
    while True:
        available &= lengths <= words - used
        if not available.any():
            break
        value = LAMBDA * score - (1 - LAMBDA) * closest
        best = int(np.argmax(np.where(available, value, -np.inf)))
        chosen.append(best)
        used += int(lengths[best])
        closest = np.maximum(closest, similarity[best])
        available &= closest < REDUNDANCY
        available[best] = False
    return "\n".join(found[i] for i in sorted(chosen))
