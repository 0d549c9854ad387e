"""The text features computed column by column for the whole cluster (issue 11, third speed
pass) are those of the per-sentence definitions, in clusters with and without "©" or
"advertis" anywhere (the cluster-wide shortcut)."""

from __future__ import annotations

import random

import numpy as np
from test_features_fast import reference as furniture_and_first_person

from newsbrief.records import Sentence
from newsbrief.summary import features
from newsbrief.summary.patterns import DEPENDENT_OPENING, ends_sentence
from newsbrief.summary.represent import Similarity, TfidfRepresentation

PIECES = [
    *"I we my our me us said he But the talks resumed photo click 2019 . ? ! , ”".split(),
    *'Advertisement ADVERTISING advertiser adver tis © “my” "us" “we said” ‘I’'.split(),
    "sign up",
    "read more",
    '?"',
    "?” ",
]

# Without "©" or "advertis" (but "adver" and "tis" may meet across two sentences joined).
TIGHT = [p for p in PIECES if "©" not in p and "advertis" not in p.lower()]


def reference(sentence: Sentence) -> list[bool]:
    """The text columns of one sentence, as defined sentence by sentence."""
    text = sentence.text
    furniture, first_person = furniture_and_first_person(text)
    return [
        not ends_sentence(text),
        bool(features._QUOTED.search(text)) or '"' in text or "“" in text or "”" in text,
        sentence.index > 0 and bool(DEPENDENT_OPENING.match(text)),
        furniture,
        first_person,
        text.rstrip("”\"' ").endswith("?"),
    ]


def test_text_columns_as_defined_sentence_by_sentence() -> None:
    rng = random.Random(5)
    columns = [features.FEATURES.index(name) for name in features.FEATURES[9:12]]
    columns += [features.FEATURES.index(name) for name in features.FEATURES[13:16]]
    loose = tight = 0
    for _ in range(600):
        pieces = PIECES if rng.random() < 0.5 else TIGHT
        texts = [
            " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
            for _ in range(rng.randint(1, 6))
        ]
        sentences = [Sentence(f"a{i // 3}", i % 3, 0, len(t), t) for i, t in enumerate(texts)]
        matrix = TfidfRepresentation().vectors(texts)
        rows = features.sentence_features(sentences, matrix, Similarity(matrix))
        joined = "".join(texts)
        if "©" in joined or "advertis" in joined.lower():
            loose += 1
        else:
            tight += 1
        for row, sentence in zip(rows, sentences, strict=True):
            assert [bool(row[c]) for c in columns] == reference(sentence), sentence.text
    assert loose > 100 and tight > 100


def test_centroid_and_product_as_scipy_computes_them_bit_for_bit() -> None:
    rng = random.Random(9)
    for _ in range(200):
        texts = [
            " ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
            for _ in range(rng.randint(1, 80))
        ]
        matrix = TfidfRepresentation().vectors(texts)
        n = matrix.shape[0]
        centroid = np.asarray(matrix.mean(axis=0)).ravel()
        assert features._csr_column_means(matrix, n).tobytes() == centroid.tobytes()
        expected = np.asarray(matrix @ centroid).ravel()
        assert features._csr_product(matrix, centroid, n).tobytes() == expected.tobytes()
        norm = np.linalg.norm(centroid)
        if norm:  # the centrality as scipy's wrappers gave it
            scores = np.asarray(matrix @ centroid).ravel() / norm
            scores = scores / scores.max() if scores.max() > 0 else scores
            assert features._centrality(matrix, n).tobytes() == scores.tobytes()


def test_support_as_defined_with_articles_grouped_or_not() -> None:
    rng = np.random.default_rng(3)
    for grouped in (True, False):
        for _ in range(50):
            n = int(rng.integers(2, 40))
            codes = np.sort(rng.integers(0, 5, n)) if grouped else rng.integers(0, 5, n)
            codes = np.unique(codes, return_inverse=True)[1]  # numbered 0, 1, ... as used
            values = rng.random((n, n)).astype(np.float32)
            matrix = values @ values.T  # any matrix: Similarity serves its rows
            similarity = Similarity(matrix)
            articles = int(codes.max()) + 1
            best, share = features._support(similarity, codes, articles)
            dense = similarity.rows(range(n))
            for i in range(n):
                others = [dense[i, codes == c].max() for c in range(articles) if c != codes[i]]
                expected_best = max(others, default=0.0) if articles > 1 else 0.0
                assert best[i] == np.float32(expected_best)
                if articles > 1:
                    held = sum(value >= features.SUPPORT_SIMILARITY for value in others)
                    assert share[i] == np.float32(held / (articles - 1))
