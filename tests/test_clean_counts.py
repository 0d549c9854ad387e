"""Cleaning counts a line's words only as far as its rules need (issue 11, third speed pass):
the junk rules decide as they did with every word counted."""

from __future__ import annotations

import random

from newsbrief.summary import clean, heads, wire
from newsbrief.summary.clean import Line, lines_of
from newsbrief.summary.patterns import spaced_plainly

PIECES = [
    *"word said the share facebook twitter on this story Photo: AP/ Getty Images".split(),
    *"(AP) credit Reporting by Write to x@wire.com p(at)cox.com ADVERTISEMENT Read".split(),
    *"more Copyright © ATTENTION EDITORS: optional trim NYT-02 | · HOW TO REACH US".split(),
    " ",
    "  ",
    "\t",
    "\xa0",
    "\u3000",
]


def reference_reason(line: Line) -> str | None:
    """_junk_reason as the second pass left it: every word of the line counted first."""
    text, words = line.text, line.words
    if words <= wire.WIRE_NOTE_MAX_WORDS and wire.WIRE_NOTE.match(text):
        return "wire-note"
    if words > clean.JUNK_MAX_WORDS:
        return None
    if clean._ADVERTISEMENT.match(text):
        return "advertisement"
    if clean._CONTACT.search(text) or (
        words <= 25 and clean._may_hold_address(text) and clean._EMAIL.search(text)
    ):
        return "contact-footer"
    if words <= 20 and clean._PHOTO_CREDIT.search(text):
        return "photo-credit"
    if words <= 25 and clean._BOILERPLATE.search(text):
        return "boilerplate"
    if words <= 8 and clean._is_share_widget(text):
        return "share-widget"
    return None


def test_junk_reasons_as_with_every_word_counted() -> None:
    rng = random.Random(11)
    seen = set()
    plain_seen = 0
    for _ in range(20000):
        size = rng.choice([rng.randint(1, 12), rng.randint(18, 40), rng.randint(75, 90)])
        text = " ".join(rng.choice(PIECES) for _ in range(size))
        plain = spaced_plainly(text)  # words counted by spaces (issue 11, sixth pass)
        plain_seen += plain
        for line in lines_of(text):
            expected = reference_reason(line)
            assert clean._junk_reason(line) == expected, line
            assert clean._junk_reason(line, plain) == expected, line
            seen.add(expected)
    assert len(seen) >= 6  # the samples reach most rules, and lines no rule takes
    assert plain_seen > 1000


def test_capital_headings_as_before() -> None:
    text = "HOW TO REACH US\nAB CD\nAB\nA B\nSome prose here.\nTHE LONG HEADING " + "WORD " * 12
    lines = list(lines_of(text))
    reasons: dict[int, str] = {}
    heads.mark_capital_headings(lines, reasons)
    assert reasons == {0: "heading", 1: "heading"}


def test_contact_pattern_matches_only_at_the_start() -> None:
    # Every branch is anchored, so a match (as _junk_reason now asks) finds what a search did.
    rng = random.Random(12)
    for _ in range(20000):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12)))
        assert bool(clean._CONTACT.match(text)) == bool(clean._CONTACT.search(text)), text


def reference_headings(lines: list[Line]) -> dict[int, str]:
    """Capital headings as main defines them (before the lower-case letter is looked for first)."""
    reasons: dict[int, str] = {}
    if not any(heads._has_lower_case(line.text) for line in lines):
        return reasons
    for number, line in enumerate(lines):
        if (
            2 <= line.words <= heads.HEADING_MAX_WORDS
            and heads._TWO_CAPITALS.search(line.text)
            and all(c.isupper() for c in line.text if c.isalpha())
        ):
            reasons[number] = "heading"
    return reasons


def test_capital_headings_as_defined() -> None:
    pieces = ["HOW", "TO", "Reach", "us", "ПУТИН", "Путин", "서울", "NATO", "A", "É", "é", "1999"]
    rng = random.Random(13)
    found = set()
    for _ in range(20000):
        text = "\n".join(
            " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
            for _ in range(rng.randint(1, 4))
        )
        lines = list(lines_of(text))
        reasons: dict[int, str] = {}
        heads.mark_capital_headings(lines, reasons)
        assert reasons == reference_headings(lines), text
        found.add(bool(reasons))
    assert found == {True, False}


def test_words_up_to_is_the_split_count_capped() -> None:
    # Seventh speed pass: one helper counts a line's words only as far as a rule needs.
    from newsbrief.summary.patterns import words_up_to

    rng = random.Random(14)
    plain_seen = 0
    for _ in range(20000):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))
        plain = spaced_plainly(text)
        plain_seen += plain
        for line in lines_of(text):
            for limit in (0, 1, 8, 12, 30):
                expected = min(len(line.text.split()), limit + 1)
                assert words_up_to(line.text, limit) == expected, line
                assert words_up_to(line.text, limit, plain) == expected, line
    assert plain_seen > 1000


def reference_date_line(lines: list[Line], reasons: dict[int, str]) -> str | None:
    """mark_date_line as the sixth pass left it: every word of each first line counted."""
    for number, line in enumerate(lines[: heads.DATE_LINE_WITHIN]):
        if number in reasons or line.words > 12 or not any(c.isdigit() for c in line.text):
            continue
        match = heads._DATE_LINE.fullmatch(line.text)
        day = heads.iso_day(match.group("date")) if match else None
        if day is not None:
            reasons[number] = "date-line"
            return day
    return None


def test_date_line_as_with_every_word_counted() -> None:
    dates = ["Updated: March 3, 2026", "Published 3 March 2026", "2026-03-03 14:05 GMT", "1999"]
    pieces = [*PIECES, *dates, "word " * 11, "word " * 12, "Monday,", "at", "10:15 a.m. ET"]
    rng = random.Random(15)
    found = set()
    for _ in range(10000):
        text = "\n".join(
            " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
            for _ in range(rng.randint(1, 8))
        )
        lines = list(lines_of(text))
        skipped = {n: "title" for n in range(len(lines)) if rng.random() < 0.2}
        expected_reasons = dict(skipped)
        expected = reference_date_line(lines, expected_reasons)
        for plain in {False, spaced_plainly(text)}:
            reasons = dict(skipped)
            assert heads.mark_date_line(lines, reasons, plain) == expected, text
            assert reasons == expected_reasons, text
        found.add(expected is not None)
    assert found == {True, False}


def reference_torn_graphics(lines: list[Line], min_labels: int, max_words: int) -> dict[int, str]:
    """_mark_torn_graphics as the sixth pass left it: a run flushed after every prose line."""
    reasons: dict[int, str] = {}

    def flush(run: list[int]) -> None:
        labels = sum(1 for n in run if lines[n].words <= max_words)
        if len(run) >= min_labels and labels >= min_labels:
            for n in run:
                reasons[n] = "torn-graphic"

    run: list[int] = []
    for number, line in enumerate(lines):
        if line.is_fragment:
            run.append(number)
        else:
            flush(run)
            run = []
    flush(run)
    return reasons


def test_torn_graphics_as_when_every_prose_line_flushed_the_run() -> None:
    from newsbrief.settings import Settings

    pieces = ["Label", "12%", "Sales 2019", "The talks resumed.", "He said:", "a b c d e f", "?"]
    rng = random.Random(16)
    found = set()
    for _ in range(5000):
        text = "\n".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        lines = list(lines_of(text))
        min_labels, max_words = rng.choice([0, 1, 2, 3, 4]), rng.choice([1, 2, 4])
        settings = Settings(torn_graphic_min_labels=min_labels, label_max_words=max_words)
        reasons: dict[int, str] = {}
        clean._mark_torn_graphics(lines, reasons, settings)
        assert reasons == reference_torn_graphics(lines, min_labels, max_words), text
        found.add(bool(reasons))
    assert found == {True, False}
