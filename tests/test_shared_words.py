"""The words found for the copy screen serve the summarizer (issue 11, third speed pass): the
screen's keys made of them are those made of the text, and a cluster hands them out only for
the very sentences they belong to."""

from __future__ import annotations

import dataclasses
import random

from newsbrief.records import Article
from newsbrief.settings import Settings
from newsbrief.summary.patterns import words_of
from newsbrief.summary.prepare import prepare_cluster
from newsbrief.summary.screen import _key, key_of_words

PIECES = [*"The U.S.-led well-known -- - co-op x-ray 50-year-old café Zürich-based A I".split()]
PIECES += ["naïve", "é-b", "_", "a_b", "3.5", "it's", "“quoted”", "\t", "\xa0", "-x", "x-"]


def test_keys_made_of_words_are_keys_made_of_text() -> None:
    rng = random.Random(4)
    for _ in range(20000):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 10)))
        assert key_of_words(words_of(text)) == _key(text), text


def test_prepared_cluster_hands_out_its_words_for_its_own_sentences_only() -> None:
    articles = [
        Article("a", "Rain fell in Seoul on Monday.\n\nThe well-known talks resumed.", "a"),
        Article("b", "Rain fell in Seoul on Monday.\n\nThe well-known talks resumed.", "b"),
        Article("c", "Officials met in Pusan. Nothing was agreed.", "c"),
    ]
    cluster = prepare_cluster(articles, (), Settings())
    assert [a.id for a in cluster.articles] == ["a", "c"]  # b is a copy, screened out
    assert cluster.sentence_words() == tuple(words_of(s.text) for s in cluster.sentences)
    assert dataclasses.replace(cluster, notices=()).sentence_words() is not None
    fewer = dataclasses.replace(cluster, sentences=cluster.sentences[:1])
    assert fewer.sentence_words() is None
    same_count = dataclasses.replace(cluster, sentences=tuple(reversed(cluster.sentences)))
    assert same_count.sentence_words() is None


def reference_looks_english(text: str) -> bool:
    """looks_english as the second pass left it: every token counted."""
    from newsbrief.summary import screen

    sample = text[: screen.LANGUAGE_SAMPLE_CHARS]
    tokens = [t.lower() for t in screen._TOKEN.findall(sample)]
    if len(tokens) < screen.MIN_WORDS_FOR_LANGUAGE:
        return True
    english = sum(t in screen._ENGLISH for t in tokens)
    return english / len(tokens) >= screen.MIN_ENGLISH_SHARE


def test_language_screen_counts_a_part_first_and_decides_the_same() -> None:
    from newsbrief.summary.screen import looks_english

    words = ["the", "of", "and", "said", "Haus", "der", "la", "talks", "Geneva", "und", "1999"]
    rng = random.Random(10)
    decided = set()
    for _ in range(4000):
        share = rng.random()  # how often a word is drawn from the English function words
        text = " ".join(
            rng.choice(words[:4]) if rng.random() < share * 0.4 else rng.choice(words[4:])
            for _ in range(rng.randint(0, 120))
        )
        assert looks_english(text) == reference_looks_english(text), text
        decided.add(looks_english(text))
    assert decided == {True, False}
