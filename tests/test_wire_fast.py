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


def _examples(items: list) -> list[str]:  # type: ignore[type-arg]
    """Strings a parsed pattern matches: each optional part left out or taken once, each
    branch in turn (enough for WIRE_NOTE's small, flat branches)."""
    from itertools import product
    from re import _constants as c  # type: ignore[attr-defined]

    choices: list[list[str]] = []
    for op, arg in items:
        if op is c.LITERAL:
            choices.append([chr(arg)])
        elif op is c.MAX_REPEAT or op is c.MIN_REPEAT:
            low, _, sub = arg
            once = _examples(list(sub))
            choices.append([s * max(low, 1) for s in once] + ([""] if low == 0 else []))
        elif op is c.BRANCH:
            choices.append([s for alternative in arg[1] for s in _examples(list(alternative))])
        elif op is c.SUBPATTERN:
            choices.append(_examples(list(arg[-1])))
        elif op is c.IN:
            choices.append(["1" if (c.CATEGORY, c.CATEGORY_DIGIT) in arg else "."])
        elif op is c.AT:
            choices.append([""])
        else:
            raise AssertionError(f"unexpected {op} in WIRE_NOTE")
    return ["".join(parts) for parts in product(*choices)][:5000]


def test_every_branch_of_the_wire_note_pattern_passes_the_ascii_gate() -> None:
    # The seventh pass clears an ASCII line by wire._WIRE_NOTE_OPENINGS, a hand-kept copy of
    # WIRE_NOTE's branch openings: a branch added to the pattern alone must fail here.
    from re import _parser  # type: ignore[attr-defined]

    tree = list(_parser.parse(wire.WIRE_NOTE.pattern, wire.WIRE_NOTE.flags))
    branches = next(arg[1] for op, arg in tree if str(op) == "BRANCH")
    for branch in branches:
        examples = [e for e in _examples(list(branch)) if e.isascii()]
        matched = [e for e in examples for text in (e, e.upper()) if wire.WIRE_NOTE.match(text)]
        assert matched, branch
        for example in matched:
            for text in (example, example.upper(), "(" + example):
                assert wire.is_wire_note(text) == bool(wire.WIRE_NOTE.match(text)), text
