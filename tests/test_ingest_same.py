"""An article given twice is found by its fingerprint, computed only for texts whose cheap
sketch an earlier text shares (issue 11, third speed pass)."""

from __future__ import annotations

import random
import sys

from newsbrief.ingest.read import from_items
from newsbrief.ingest.same import SeenTexts, fingerprint, sketch
from newsbrief.settings import Settings


def test_lower_casing_makes_no_counted_character_but_from_its_own() -> None:
    # The sketch counts "." and ","; the fingerprint lower-cases the text.
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        lowered = char.lower()
        assert lowered.count(".") == (char == ".") and lowered.count(",") == (char == ","), point
        assert not char.isspace() or char not in ".,"


def reference(texts: list[str]) -> list[str | None]:
    """A dictionary of every text's fingerprint, as ingest kept it before."""
    seen: dict[str, str] = {}
    found: list[str | None] = []
    for number, text in enumerate(texts):
        print_ = fingerprint(text)
        found.append(seen.get(print_))
        seen.setdefault(print_, f"source {number}")
    return found


def test_same_texts_found_as_by_fingerprinting_every_text() -> None:
    rng = random.Random(2)
    words = ["The", "the", "tea", "eat", "ate", "Tea.", "x", ",", "ok", "no", "E", "t"]
    spaces = [" ", "  ", "\n", "\t", "\xa0", " \n "]
    for _ in range(300):
        texts: list[str] = []
        for _ in range(rng.randint(1, 12)):
            if texts and rng.random() < 0.3:  # a copy, with other case and spacing
                words_of_copy = rng.choice(texts).split()
                text = "".join(w.upper() + rng.choice(spaces) for w in words_of_copy)
            elif texts and rng.random() < 0.3:  # the same letters in another order
                letters = list(rng.choice(texts))
                rng.shuffle(letters)
                text = "".join(letters)
            else:
                text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
            texts.append(text)
        seen = SeenTexts()
        found = [seen.earlier(text, f"source {n}") for n, text in enumerate(texts)]
        assert found == reference(texts), texts


def test_sketch_counts_what_it_says() -> None:
    assert sketch("Eat tea. Then, EAT.") == (2, 1)


def test_duplicate_article_notice() -> None:
    ingested = from_items(
        ["Rain fell in Seoul.", "rain  fell\nin SEOUL.", "Rain fell in Pusan."], Settings()
    )
    assert [a.text for a in ingested.articles] == ["Rain fell in Seoul.", "Rain fell in Pusan."]
    assert [(n.code, n.message) for n in ingested.notices] == [
        ("duplicate-article", "same text as article 1; used once")
    ]
