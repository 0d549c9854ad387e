"""``Sentence``'s hand-written ``__init__`` makes the record the generated one made (issue 11).

The reference below is the record as ``@dataclass(frozen=True)`` generated it, with the word
count set in ``__post_init__``: the same fields, values, equality, hash, repr, immutability and
``dataclasses.replace`` behaviour, on random texts (non-ASCII, control characters, empty).
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
import random
import string

import pytest

from newsbrief.records import Sentence


@dataclasses.dataclass(frozen=True)
class GeneratedSentence:
    article_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0
    words: int = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", len(self.text.split()))


ALPHABET = string.printable + "\x00\x1c\x1f\x85\xa0\u2003\u3000_-" + "éÉ“”’—\u212aß"


def random_text(rng: random.Random) -> str:
    pieces = [*ALPHABET, "the ", "  ", "\n", "well-known ", "U.S. "]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))


def fields_of(record: object) -> dict[str, object]:
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", range(3))
def test_sentence_is_the_generated_record(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        args = (rng.choice(["1", "a-2", ""]), rng.randint(0, 9), rng.randint(0, 99))
        args += (rng.randint(0, 99), random_text(rng))
        if rng.random() < 0.5:
            mine, reference = Sentence(*args, 3), GeneratedSentence(*args, 3)
        else:
            mine, reference = Sentence(*args), GeneratedSentence(*args)
        assert fields_of(mine) == fields_of(reference)
        assert vars(mine) == vars(reference)
        assert list(vars(mine)) == list(vars(reference))  # same order
        assert repr(mine).removeprefix("Sentence") == repr(reference).removeprefix(
            "GeneratedSentence"
        )
        assert hash(mine) == hash(reference)
        assert mine == Sentence(*args, mine.paragraph)
        text = random_text(rng)
        assert fields_of(dataclasses.replace(mine, text=text)) == fields_of(
            dataclasses.replace(reference, text=text)
        )


def test_sentence_stays_frozen_and_copies() -> None:
    sentence = Sentence(article_id="1", index=0, start=0, end=9, text="Two  words\n", paragraph=1)
    assert sentence.words == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        sentence.text = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        sentence.words = 3  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(sentence)) == sentence
    assert copy.deepcopy(sentence).words == 2
    assert dataclasses.asdict(sentence)["words"] == 2
    assert Sentence.__match_args__ == GeneratedSentence.__match_args__
