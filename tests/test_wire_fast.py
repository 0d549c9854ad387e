"""trim_mark_at clears a line by its first character before its first word: the same marks as
reading the lower-cased first word of every line (issue 11)."""

from __future__ import annotations

import random
import sys

from newsbrief.summary import wire


def reference_trim_mark_at(text: str) -> str | None:
    """trim_mark_at as it read before the first-character check."""
    if not text[:9].lower().startswith(("(", "begin", "end", "optional")):
        return None
    match = wire._TRIM_MARK.match(text)
    return match.group().rstrip() if match else None


def test_no_other_character_lower_cases_to_a_mark_opening() -> None:
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        if char.lower()[:1] in tuple(word[0] for word in wire._TRIM_MARK_WORDS):
            assert char in wire.TRIM_MARK_FIRSTS, hex(point)


def test_trim_marks_as_before() -> None:
    pieces = ["(", ")", "BEGIN ", "begin ", "End ", "OPTIONAL ", "optional ", "TRIM", "add", "ADD"]
    pieces += [" FOLLOWS", "Story", "İ", "ſ", "x", " ", "E", "O", "b", "\u212a"]
    rng = random.Random(3)
    found = 0
    marks = ["(BEGIN OPTIONAL TRIM)", "(end optional add)", "OPTIONAL ADD FOLLOWS", "(more)"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        if rng.random() < 0.1:
            text = rng.choice(marks) + text
        expected = reference_trim_mark_at(text)
        assert wire.trim_mark_at(text) == expected, text
        found += expected is not None
    assert found > 1000


# Openings of every branch of WIRE_NOTE, in every case, with what may follow them.
NOTE_PIECES = ["ATTENTION EDITORS", "attention editor", "Editor's Note", "editors note"]
NOTE_PIECES += ["Address questions to", "Story Filed By", "For use by clients of", "XXXX"]
NOTE_PIECES += ["questions should be directed to", "end of story", "NYT-02", "nyt-x", "MORE"]
NOTE_PIECES += ["Optional Sidebar", "BEGIN OPTIONAL TRIM", "end optional add", "optional"]
NOTE_PIECES += ["ſtory filed by", "EDİTORS NOTE", "The", "Edit", "(", ")", ":", " ", "  ", "."]
NOTE_PIECES += ["follows", "trim", "x", "é", "1999", "\u212a", "!", "--"]


def test_wire_notes_as_the_pattern_finds() -> None:
    # Seventh speed pass: an ASCII line is cleared by its opening words before the pattern.
    rng = random.Random(5)
    found = set()
    for _ in range(40000):
        text = "(" * rng.choice([0, 0, 0, 1, 2, 3]) + "".join(
            rng.choice(NOTE_PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(0, 5))
        )
        expected = bool(wire.WIRE_NOTE.match(text))
        assert wire.is_wire_note(text) == expected, text
        found.add(expected)
    assert found == {True, False}
