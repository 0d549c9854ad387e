"""The segmenter counts a plainly spaced sentence's words by its spaces (issue 11): the count
is ``len(text.split())``, as ``Sentence`` itself counts, on random articles of every spacing."""

from __future__ import annotations

import dataclasses
import random
import string

import pytest

from newsbrief.records import Article, Sentence
from newsbrief.summary.patterns import spaced_plainly
from newsbrief.summary.segment import segment

# Spaces of every kind: doubled, tabs, ASCII's separators, non-breaking and other Unicode ones.
ALPHABET = string.ascii_letters + string.digits + ".,;!?'\"-_()`" + "\x00\x01\x85\xa0\u2003é“”—"
SPACES = [" ", " ", " ", " ", "  ", "\n", "\n\n", " \n", "\t", "\v", "\f", "\r", "\x1c", "\x1f"]


def random_article(rng: random.Random, plain: bool) -> str:
    pieces = [*ALPHABET, "Mr. ", "U.S. ", "He said. ", "``Yes,'' she said. ", "no. 5 "]
    parts = []
    for _ in range(rng.randint(0, 80)):
        parts.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))))
        parts.append(rng.choice(SPACES[:6] if plain else SPACES))
    text = "".join(parts)
    return text.encode("ascii", "ignore").decode().replace("  ", " ") if plain else text


@pytest.mark.parametrize("seed", range(4))
def test_sentence_words_are_the_split_count(seed: int) -> None:
    rng = random.Random(seed)
    plain_seen = 0
    for number in range(400):
        text = random_article(rng, plain=number % 2 == 0)
        plain_seen += spaced_plainly(text)
        found = segment(Article("1", text, "s"), [])
        # Seventh pass: preparing a cluster decides spaced_plainly once for clean and segment.
        assert segment(Article("1", text, "s"), [], None, spaced_plainly(text)) == found
        for sentence in found:
            assert sentence.words == len(sentence.text.split()), sentence.text
            assert dataclasses.asdict(sentence) == dataclasses.asdict(
                Sentence(
                    *(getattr(sentence, f) for f in ("article_id", "index", "start", "end")),
                    sentence.text,
                    sentence.paragraph,
                )
            )
    assert plain_seen > 100  # the count by spaces was taken


@pytest.mark.parametrize("seed", range(3))
def test_plainly_spaced_text_counts_its_words_by_spaces(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(2000):
        text = "".join(rng.choice([*ALPHABET, *SPACES]) for _ in range(rng.randint(0, 40)))
        if rng.random() < 0.5:
            text = random_article(rng, plain=True)[:60]
        plain = spaced_plainly(text)
        assert plain == (
            text.isascii() and "  " not in text and all(c in " \n" for c in text if c.isspace())
        )
        if not plain:
            continue
        for start in range(len(text)):
            for end in range(start + 1, min(len(text), start + 12) + 1):
                piece = text[start:end]
                if "\n" in piece or piece != piece.strip():
                    continue
                assert piece.count(" ") + 1 == len(piece.split())


def test_a_given_word_count_makes_the_sentence_the_constructor_makes() -> None:
    made = Sentence("a", 2, 5, 17, "Two   words\t!", 3)
    counted = Sentence("a", 2, 5, 17, "Two   words\t!", 3, words=made.words)
    assert vars(counted) == vars(made)
    assert list(vars(counted)) == list(vars(made))
    assert counted == made and hash(counted) == hash(made) and repr(counted) == repr(made)
    with pytest.raises(dataclasses.FrozenInstanceError):
        counted.words = 1  # type: ignore[misc]


def test_line_spans_start_after_a_list_marker_as_before() -> None:
    # Seventh pass: kept_pieces asks _after_bullet only about a line opening with a marker.
    from newsbrief.summary.clean import lines_of
    from newsbrief.summary.segment import _after_bullet, kept_pieces

    pieces = ["_ ", "• ", "* ", "- ", "-- ", "- 5 degrees", "-x", "_", "Vogue featured", "\t", " "]
    rng = random.Random(7)
    for _ in range(5000):
        text = "\n".join(
            "".join(rng.choice(pieces) for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(1, 6))
        )
        expected = [
            (_after_bullet(text, line.start, line.end), line.end) for line in lines_of(text)
        ]
        assert kept_pieces(Article("1", text, "s"), []) == expected, text
