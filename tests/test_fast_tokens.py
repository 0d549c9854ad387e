"""The ASCII fast paths of the tokenizers give what their regexes give (issue 11)."""

from __future__ import annotations

import random
import re
import string

import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsbrief.summary import screen
from newsbrief.summary.patterns import WORD_PATTERN, ascii_runs, words_of
from newsbrief.summary.represent import tfidf_terms

ALPHABET = string.printable + "\x00\x1c\x1f_-" + "éÉ“”’—\xa0\u212a\u0130ß"  # some non-ASCII too
_WORD = re.compile(WORD_PATTERN)
_TERM = re.compile(r"(?u)\b\w\w+\b")
_KEY = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]+")


def texts(seed: int, count: int = 400) -> list[str]:
    rng = random.Random(seed)
    pieces = [*ALPHABET, "the ", "of ", "well-known ", "U.S. ", "co_op ", "--", " "]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 120))) for _ in range(count)]


@pytest.mark.parametrize("seed", range(5))
def test_words_terms_and_keys_as_the_regexes_give(seed: int) -> None:
    for text in texts(seed):
        lowered = text.lower()
        assert words_of(text) == _WORD.findall(lowered)
        assert tfidf_terms(text) == [
            w for w in _TERM.findall(lowered) if w not in ENGLISH_STOP_WORDS
        ]
        assert screen._key(text) == " ".join(_KEY.findall(lowered))


def reference_looks_english(text: str) -> bool:
    tokens = _LETTERS.findall(text[: screen.LANGUAGE_SAMPLE_CHARS])
    if len(tokens) < screen.MIN_WORDS_FOR_LANGUAGE:
        return True
    english = sum(token.lower() in screen._ENGLISH for token in tokens)
    return english / len(tokens) >= screen.MIN_ENGLISH_SHARE


@pytest.mark.parametrize("seed", range(3))
def test_language_screen_as_the_regex_gives(seed: int) -> None:
    for text in texts(seed, 200):
        for sample in (text, (text + " The OF and ") * 12):
            assert screen.looks_english(sample) == reference_looks_english(sample)


def test_ascii_runs_leaves_other_text_to_the_regex() -> None:
    table = bytes(i if chr(i).isalpha() or i >= 128 else 32 for i in range(256))
    assert ascii_runs("Seoul, South-Korea: talks", table) == ["Seoul", "South", "Korea", "talks"]
    assert ascii_runs("Zürich", table) is None


def test_digit_shares_count_ascii_digits_of_any_text() -> None:
    from newsbrief.summary.features import _digit_shares

    texts = ["", "In 2019, 42 people", "٣٤ Arabic-Indic digits are not counted", "\ud800 1", "😀9"]
    texts += texts[1:2] * 3 + texts[4:]
    expected = [sum(c in "0123456789" for c in t) / max(1, len(t)) for t in texts]
    assert _digit_shares(texts).tolist() == expected


@pytest.mark.parametrize("seed", range(5, 8))
def test_tfidf_terms_from_the_words_as_from_the_text(seed: int) -> None:
    from newsbrief.summary.represent import tfidf_terms_of_words

    for text in texts(seed):
        assert tfidf_terms_of_words(words_of(text)) == tfidf_terms(text), text


@pytest.mark.parametrize("seed", range(3))
def test_words_of_many_texts_are_each_text_s_words(seed: int) -> None:
    # Seventh speed pass: a cluster's sentences tokenized by C-level maps when all are ASCII.
    from newsbrief.summary.patterns import words_of_texts

    rng = random.Random(seed)
    ascii_seen = 0
    for _ in range(200):
        sample = rng.sample(texts(seed, 60), rng.randint(0, 12))
        if rng.random() < 0.6:  # mostly ASCII clusters, some with a Kelvin sign ("k" lowered)
            sample = [text.encode("ascii", "ignore").decode() for text in sample]
            sample += ["\u212aELVIN-Scale 3"] * rng.randint(0, 1)
            ascii_seen += 1
        assert words_of_texts(sample) == [words_of(text) for text in sample]
    assert ascii_seen > 50
