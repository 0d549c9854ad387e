"""lines_of splits on newlines as the regex it replaced did (issue 11)."""

from __future__ import annotations

import random
import re

from newsbrief.summary.clean import Line, lines_of

PIECES = ["\n", " ", "a", "b.", "\r", "\x0b", "\xa0", "\u2028", "\x1c", "  x ", "\n\n"]


def reference(text: str) -> list[tuple[int, int, str]]:
    lines = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + raw.index(stripped)
            lines.append((start, start + len(stripped), stripped))
    return lines


def test_lines_and_spans_as_the_regex_gives() -> None:
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
        lines = list(lines_of(text))
        assert [tuple(line) for line in lines] == reference(text)
        assert all(text[line.start : line.end] == line.text for line in lines)
        # Seventh pass: made by tuple.__new__, each is the Line its constructor makes.
        assert all(type(line) is Line for line in lines)
        assert [repr(line) for line in lines] == [repr(Line(*line)) for line in lines]
        assert [line.words for line in lines] == [Line(*line).words for line in lines]


def test_line_key_as_splitting_gives() -> None:
    from newsbrief.summary.clean import _line_key

    rng = random.Random(12)
    pieces = ["A", "b", " ", "  ", "\t", "\xa0", "\u2028", "\u3000", "İ", "Σ", "x.", "\x1c"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 15))).strip()
        assert _line_key(text) == " ".join(text.lower().split()), repr(text)


def test_the_lines_cleaning_hands_on_are_those_segmentation_would_split_again() -> None:
    # prepare_cluster passes clean_with_lines' lines to segment instead of splitting the text
    # into lines a second time: they must be the article's lines, and segment the same with them.
    from newsbrief.records import Article
    from newsbrief.settings import Settings
    from newsbrief.summary.clean import clean, clean_with_lines
    from newsbrief.summary.segment import segment

    rng = random.Random(13)
    pieces = [
        *PIECES,
        "It rained. ",
        "Mr. Smith said so.",
        "PHOTO: AP",
        "Share this story",
        "WASHINGTON (AP) _ ",
        "(BEGIN OPTIONAL TRIM)",
        "HOW TO REACH US",
        "Read more",
        "x@y.com",
    ]
    settings = Settings()
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        article, removals, lines = clean_with_lines(Article("a", text, "s"), settings)
        assert (article, removals) == clean(Article("a", text, "s"), settings)
        assert lines == list(lines_of(article.text))
        assert segment(article, removals, lines) == segment(article, removals)


def test_is_printable_as_str_isprintable() -> None:
    import random

    from newsbrief.summary.clean import is_printable

    rng = random.Random(12)
    characters = [chr(i) for i in range(160)] + ["é", "\u2028", "\u200b", "ſ", "\U0001f600"]
    printable = 0
    for _ in range(20000):
        text = "".join(rng.choice(characters) for _ in range(rng.randint(0, 6)))
        if rng.random() < 0.5:
            text = "".join(c for c in text if 32 <= ord(c) < 127)  # ASCII and printable
        assert is_printable(text) == text.isprintable(), repr(text)
        printable += text.isprintable()
    assert 5000 < printable < 15000


def test_a_plainly_spaced_line_is_its_own_key_lower_cased() -> None:
    # Seventh pass: _mark_repeats keys the lines of a plainly spaced text by text.lower().
    from newsbrief.summary import clean
    from newsbrief.summary.patterns import spaced_plainly

    rng = random.Random(13)
    pieces = ["A", "b", " ", "  ", "\n", "\n\n", "\t", "\x07", "\x7f", "\x1c", "Cap", "x.", "é"]
    pieces += ["Same line.", "Same line.", "SAME LINE."]
    plain_seen = 0
    found = set()
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        lines = list(lines_of(text))
        plain = spaced_plainly(text)
        plain_seen += plain
        if plain:
            assert all(clean._line_key(line.text) == line.text.lower() for line in lines), text
        expected: dict[int, str] = {}
        clean._mark_repeats(lines, expected)
        reasons: dict[int, str] = {}
        clean._mark_repeats(lines, reasons, plain)
        assert reasons == expected, repr(text)
        found.add(bool(expected))
    assert plain_seen > 2000 and found == {True, False}


def test_lines_are_made_as_line_itself_makes_them() -> None:
    # clean.lines_of builds a Line by tuple.__new__ (seventh speed pass): that is what the
    # named tuple's own constructor does only while it has no defaults and no checks.
    assert Line._field_defaults == {}
    assert Line.__new__ is not tuple.__new__  # still the generated constructor, unchanged
    made = list(lines_of("  first line \n\nsecond\n"))
    assert made == [Line(*tuple(line)) for line in made] and type(made[0]) is Line
