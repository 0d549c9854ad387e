"""A text that ends in its stop is cleared by a suffix test, as the end pattern would clear it
(issue 11): ``ends_sentence`` decides as its regex alone."""

from __future__ import annotations

import random

from newsbrief.summary.patterns import SENTENCE_END, ends_sentence

PIECES = [*".!?…:;,\"'”’)] \t\n\xa0\u2028ab", "word", "said.", "U.S.", "end.”", "(AP)", "?!"]


def texts(seed: int, count: int = 30000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def test_ends_sentence_as_the_pattern_on_the_tail() -> None:
    ends = 0
    for text in texts(1):
        expected = bool(SENTENCE_END.search(text[-12:]))
        assert ends_sentence(text) == expected, text
        ends += expected
    assert 3000 < ends < 27000  # both answers are well represented
