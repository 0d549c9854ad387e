"""blingfire called through our declared function object, from several threads at once, gives
what blingfire's own wrapper gives (issue 11, third speed pass)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import blingfire

from newsbrief.summary.native import text_to_sentences

TEXTS = [
    f"Talks resumed in city {n}. Officials said little. “We are close,” one said. " * (n % 7 + 1)
    for n in range(200)
]


def test_threads_get_blingfires_sentences() -> None:
    expected = [blingfire.text_to_sentences(text) for text in TEXTS]
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(lambda text: text_to_sentences(blingfire, text), TEXTS * 5))
    assert found == expected * 5
