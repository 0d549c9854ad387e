"""The page-furniture and first-person features, with their one-scan shortcut, are what the
plain definitions give (issue 11)."""

from __future__ import annotations

import random

from newsbrief.records import Sentence
from newsbrief.summary import features
from newsbrief.summary.patterns import words_of
from newsbrief.summary.represent import Similarity, TfidfRepresentation

PIECES = [
    *"I we my our me us said he the talks resumed photo click 2019 . ? ! ,".split(),
    "“my”",
    '"us"',
    "“we said”",
    "sign up",
    "Advertisement",
    "advertising",
    "©",
    "read more",
    "‘I’",
]


def reference(text: str) -> tuple[bool, bool]:
    """The two features as defined: furniture words or pairs or ©; first person outside quotes."""
    tokens = words_of(text)
    joined = f" {' '.join(tokens)} "
    furniture = (
        "©" in text
        or not features._FURNITURE_WORDS.isdisjoint(tokens)
        or " advertis" in joined
        or any(f" {pair} " in joined for pair in features._FURNITURE_PAIRS)
    )
    unquoted = words_of(features._QUOTED.sub(" ", text))
    return furniture, not features._FIRST_PERSON.isdisjoint(unquoted)


def test_furniture_and_first_person_as_defined() -> None:
    rng = random.Random(3)
    texts = [" ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 10))) for _ in range(3000)]
    sentences = [Sentence(f"a{i // 9}", i % 9, 0, len(t), t) for i, t in enumerate(texts)]
    matrix = TfidfRepresentation().vectors(texts)
    rows = features.sentence_features(sentences, matrix, Similarity(matrix))
    furniture = features.FEATURES.index("page_furniture")
    first_person = features.FEATURES.index("first_person")
    for row, text in zip(rows, texts, strict=True):
        assert (bool(row[furniture]), bool(row[first_person])) == reference(text), text


# Openings that DEPENDENT_OPENING may or may not match: its words in every case, quotes and
# spaces of every kind before them, word characters after them (ASCII and not), and letters
# whose case folding is Unicode's ("ſ" is an "s" to IGNORECASE, "K" (Kelvin) a "k").
OPENERS = ["he", "She", "THEY", "it", "This", "furthermore", "FurtherMore", "so", "Then", "but"]
OPENERS += ["her", "its", "also", "however", "hers", "sof", "the", "an", "x", "ſo", "ſhe", "İt"]
BEFORE = ["", "", "", '"', "'", "“", "‘", "``", " ", "\t", "\x1c", "\xa0", '" ', "' ", '"  ']
AFTER = ["", " ", ",", ".", "s", "_", "1", "-", "é", "’", "\u2003", " said.", "more than that"]


def test_dependent_openings_are_the_pattern_s_matches() -> None:
    # Seventh speed pass: ASCII openings matched lower-cased by a pattern without IGNORECASE.
    from newsbrief.summary.patterns import DEPENDENT_OPENING

    rng = random.Random(21)
    found = set()
    for _ in range(400):
        texts = [
            rng.choice(BEFORE) + rng.choice(OPENERS) + rng.choice(AFTER) + rng.choice(AFTER)
            for _ in range(rng.randint(0, 40))
        ]
        texts += ["A" * rng.randint(0, 3) + " " * rng.randint(0, 2) + "furthermore"]
        expected = [DEPENDENT_OPENING.match(text) is not None for text in texts]
        assert features.dependent_openings(texts).tolist() == expected, texts
        found.update(expected)
    assert found == {True, False}
