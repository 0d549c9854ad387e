"""Selection on hand-made scores and similarities: budget, redundancy, dependent sentences."""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix

from newsbrief.records import Sentence
from newsbrief.settings import Settings
from newsbrief.summary.represent import Similarity
from newsbrief.summary.select import select


def sentences(*texts: str, article: str = "1") -> list[Sentence]:
    return [Sentence(article, i, 0, len(t), t) for i, t in enumerate(texts)]


def similarity(matrix: list[list[float]]) -> Similarity:
    rows = np.array(matrix, dtype=float)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return Similarity(csr_matrix(rows))


def chosen(result) -> list[int]:
    return sorted(item.sentence.index for item in result)


def test_budget_is_never_exceeded_and_filled_with_what_fits() -> None:
    items = sentences("one two three four five six", "a b c d e f g h i j", "x y z w v u")
    result = select(
        items, np.array([1.0, 0.9, 0.5]), similarity(np.eye(3).tolist()), Settings(words=12)
    )
    assert chosen(result) == [0, 2]
    assert sum(i.sentence.words for i in result) <= 12


def test_a_sentence_saying_the_same_thing_is_skipped() -> None:
    items = sentences(
        "the bridge closed on monday morning",
        "on monday morning the bridge closed",
        "ferries added boats on tuesday",
    )
    sim = similarity([[1, 0.05, 0], [1, 0.1, 0], [0, 0, 1]])
    assert chosen(select(items, np.array([1.0, 0.9, 0.5]), sim, Settings(words=100))) == [0, 2]


def test_a_dependent_sentence_brings_the_one_before_it() -> None:
    items = sentences(
        "The mayor spoke to reporters at city hall on monday.",
        "She said the bridge would reopen within six weeks.",
        "Ferries added four boats to cope with the crowds.",
    )
    scores = np.array([0.2, 1.0, 0.5])
    assert chosen(select(items, scores, similarity(np.eye(3).tolist()), Settings(words=20))) == [
        0,
        1,
    ]


def test_a_dependent_sentence_without_room_for_its_antecedent_is_left_out() -> None:
    items = sentences(
        "The mayor spoke to reporters at city hall on monday.",
        "She said the bridge would reopen within six weeks.",
        "Ferries added four boats to cope with the crowds.",
    )
    scores = np.array([0.2, 1.0, 0.5])
    assert chosen(select(items, scores, similarity(np.eye(3).tolist()), Settings(words=12))) == [2]


def test_a_quotation_without_a_speaker_comes_with_the_sentence_naming_one() -> None:
    items = sentences(
        '"My grandfather built looms in there," said Ray Talbot, a loom operator.',
        '"Now they tell me it is over, after all those years."',
        "Ferries added four boats to cope with the crowds.",
    )
    scores = np.array([0.2, 1.0, 0.5])
    sim = similarity(np.eye(3).tolist())
    assert chosen(select(items, scores, sim, Settings(words=30))) == [0, 1]
    assert chosen(select(items, scores, sim, Settings(words=12))) == [2]


def test_a_quotation_in_archive_quotes_with_apostrophes_has_no_speaker() -> None:
    from newsbrief.summary.patterns import leans_on_previous

    assert leans_on_previous("``It's over, and we don't know why.''")
    assert not leans_on_previous("``It's over,'' Smith said.")


def test_zero_scores_are_never_chosen() -> None:
    items = sentences("one two three four five six", "seven eight nine ten eleven twelve")
    assert chosen(
        select(items, np.array([0.0, 0.4]), similarity(np.eye(2).tolist()), Settings())
    ) == [1]


def test_coverage_prefers_new_concepts_to_a_higher_scored_repeat() -> None:
    from scipy.sparse import csr_matrix as csr

    from newsbrief.records import Concepts

    items = sentences(
        "storm floods the old harbor district",
        "storm floods harbor district again today",
        "mayor orders evacuation of three towns",
    )
    holds = csr(np.array([[1, 1, 0], [1, 1, 0], [0, 0, 1]], dtype=np.float32))
    concepts = Concepts(("storm", "harbor", "evacuation"), holds, np.array([0.9, 0.9, 0.8]))
    scores = np.array([1.0, 0.5, 0.4])
    budget = Settings(words=12, redundancy_threshold=1.0)
    identity = similarity(np.eye(3).tolist())
    # MMR with unrelated vectors takes the two best scores; coverage sees the repeat.
    assert chosen(select(items, scores, identity, budget)) == [0, 1]
    covering = Settings(words=12, redundancy_threshold=1.0, selection="coverage")
    assert chosen(select(items, scores, identity, covering, concepts)) == [0, 2]


def test_coverage_keeps_budget_and_dependent_sentence_rules() -> None:
    from scipy.sparse import csr_matrix as csr

    from newsbrief.records import Concepts

    items = sentences("the port reopened on friday", "he said trade would resume soon")
    holds = csr(np.array([[1, 0], [0, 1]], dtype=np.float32))
    concepts = Concepts(("port", "trade"), holds, np.array([0.1, 0.9]))
    scores = np.array([0.5, 0.5])
    identity = similarity(np.eye(2).tolist())
    # "He said…" comes with the sentence before it, or not at all.
    covering = {"selection": "coverage"}  # not the default since issue 11
    assert chosen(select(items, scores, identity, Settings(words=12, **covering), concepts)) == [
        0,
        1,
    ]
    assert chosen(select(items, scores, identity, Settings(words=6, **covering), concepts)) == [0]
