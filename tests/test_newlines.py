"""normalise_newlines returns a text without carriage returns as it is: the same text, and the
same type, as the two replacements it skips (issue 11)."""

from __future__ import annotations

import random

from newsbrief.ingest.formats import normalise_newlines


def replaced(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


class Marked(str):
    """A str subclass, which replace() turns into a plain str."""


def test_newlines_as_the_replacements_give() -> None:
    rng = random.Random(7)
    pieces = ["\r", "\n", "\r\n", "\n\r", "a", " ", "é", "\u2028", "\x85"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    for text in texts + [Marked(t) for t in texts[:2000]]:
        result = normalise_newlines(text)
        assert result == replaced(text), repr(text)
        assert type(result) is str
    assert sum("\r" in t for t in texts) > 5000  # both paths are taken
