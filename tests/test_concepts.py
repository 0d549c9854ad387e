"""Concepts: which words and pairs count, their features, and the shipped weights."""

from __future__ import annotations

import numpy as np
import pytest

from newsbrief import brief
from newsbrief.errors import SettingsError
from newsbrief.summary.concepts import (
    CONCEPT_FEATURES,
    concept_features,
    concept_lists,
    weigh_concepts,
)
from newsbrief.summary.features import FEATURES
from newsbrief.summary.patterns import words_of


def test_concepts_are_content_words_and_pairs_not_two_stop_words() -> None:
    (concepts,) = concept_lists([words_of("The mayor of the city closed 3 bridges in 2019.")])
    assert {"mayor", "city", "bridges", "2019", "mayor of", "closed 3"} <= concepts
    assert not {"the", "of", "of the", "3", "in"} & concepts


def test_concept_features_count_articles_and_best_sentences() -> None:
    words = [words_of(t) for t in ("Flood hits town.", "Town flood rescue.", "Rescue ends.")]
    features = np.zeros((3, len(FEATURES)), dtype=np.float32)
    raw = np.array([1.0, 0.0, 0.5])
    names, matrix, table = concept_features(words, np.array([0, 1, 1]), features, raw, {})
    assert matrix.shape == (3, len(names))
    row = table[names.index("flood")]
    assert row[CONCEPT_FEATURES.index("article_share")] == 1.0  # both articles use it
    assert row[CONCEPT_FEATURES.index("best_sentence")] == 1.0
    assert row[CONCEPT_FEATURES.index("mean_sentence")] == 0.5
    rescue = table[names.index("rescue")]
    assert rescue[CONCEPT_FEATURES.index("article_share")] == 0.5
    assert table[names.index("flood hits"), CONCEPT_FEATURES.index("is_pair")] == 1.0


def test_shipped_weights_give_probabilities_favouring_shared_concepts() -> None:
    words = [words_of(t) for t in ("Flood hits town.", "The flood hits a town.", "Cats nap.")]
    features = np.zeros((3, len(FEATURES)), dtype=np.float32)
    concepts = weigh_concepts(words, np.array([0, 1, 1]), features, np.array([1, 1, 0.0]), {})
    assert concepts is not None
    weights = dict(zip(concepts.names, concepts.weights, strict=True))
    assert all(0.0 < w < 1.0 for w in weights.values())
    assert weights["flood"] > weights["cats"]


def test_selection_setting_is_checked_and_both_selections_run() -> None:
    texts = [
        "The harbor bridge closed on Monday after inspectors found cracks in two cables.",
        "Inspectors found cracks in two cables of the harbor bridge, which closed Monday.",
        "Ferries will run every twenty minutes while the bridge stays shut, the city said.",
    ]
    for selection in ("coverage", "mmr"):
        result = brief(texts, 40, sections="summary", selection=selection)
        assert result.sentences
        assert sum(len(s.text.split()) for s in result.sentences) <= 40
    with pytest.raises(SettingsError) as error:
        brief(texts, 40, sections="summary", selection="best")
    assert error.value.code == "E212"


def test_concept_matrix_matches_concept_lists() -> None:
    texts = ["The 3 ships sank off the coast.", "Ships of the line.", "", "Coast guard: 3 ships."]
    words = [words_of(t) for t in texts]
    features = np.zeros((len(texts), len(FEATURES)), dtype=np.float32)
    names, matrix, _ = concept_features(words, np.zeros(4, dtype=int), features, np.ones(4), {})
    held = [{names[j] for j in matrix[i].indices} for i in range(len(texts))]
    assert held == concept_lists(words)


def test_the_weakest_sentence_can_still_be_chosen_when_the_budget_has_room() -> None:
    texts = [
        "The harbor bridge closed on Monday after inspectors found cracks in two cables.",
        "Ferries will run every twenty minutes while repairs continue, officials said.",
    ]
    for selection in ("coverage", "mmr"):
        result = brief(texts, 100, sections="summary", selection=selection)
        assert len(result.sentences) == 2, selection
