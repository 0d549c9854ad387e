"""The per-thread-buffer blingfire call returns what blingfire's own wrapper returns."""

from __future__ import annotations

import blingfire

from newsbrief.summary.native import text_to_sentences

TEXTS = [
    "The talks resumed in Geneva. Officials said little. \u201cWe are close,\u201d one said.",
    "one sentence without a stop",
    "Dr. Smith met Mr. Jones at 5 p.m. on Friday. They talked.",
    "Ünïcödé — text… Ça va? Oui!",
    "a\x00b. C d.",
    "Short.",
]


def test_same_output_as_blingfire_including_after_a_larger_text() -> None:
    long_text = "Word after word. " * 2000
    # The long text grows the kept buffer; the short ones after it must not read its leftovers.
    for text in [*TEXTS, long_text, *TEXTS, long_text[:50], *reversed(TEXTS)]:
        assert text_to_sentences(blingfire, text) == blingfire.text_to_sentences(text)


def test_splits_into_lines() -> None:
    assert text_to_sentences(blingfire, "It rained. Then it stopped.") == (
        "It rained.\nThen it stopped."
    )
