"""The lower-case pre-scan of the segmenter, opened with its stop, finds what the pattern it
replaced found (issue 11, third speed pass)."""

from __future__ import annotations

import random
import re

from newsbrief.summary import segment

# The pre-scan as the second pass wrote it: two letters, then the stop. The engine set out
# from nearly every letter; the new one skips to the stops and looks behind them.
LETTERS_FIRST = re.compile(r"[a-z]{2}[.!?](?:\s?[\"”’)\]])?\s+[\"“‘(]?\s?[a-z]")
PIECES = [*" \t\n\xa0.!?…abAB”\"'’(“‘)]", "word ", "said. ", "it. ", "no? ", "x.\n"]


def test_stop_first_prescan_matches_where_the_letters_first_one_did() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 20)))
        assert bool(segment._MAY_START_LOWER.search(text)) == bool(LETTERS_FIRST.search(text))
        for start in range(len(text)):
            for end in range(start, len(text) + 1, 2):
                # The rule passes over a stop before the span: the letters may stand before it.
                expected = LETTERS_FIRST.search(text, max(0, start - 2), end)
                found = segment._MAY_START_LOWER.search(text, start, end)
                assert bool(found) == bool(expected), (text, start, end)
