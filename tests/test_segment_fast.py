"""The segmenter's plain-scan shortcuts decide as the regexes they stand in for (issue 11)."""

from __future__ import annotations

import random

from newsbrief.summary import segment

PIECES = [
    *" \t\n\xa0\u2028\u3000\x1c.!?…ab”\"'’(“‘)]",
    "word ",
    "Mr. ",
    "U.S. ",
    "said. ",
    "Gen. ",
    "Mr. Smith ",
    "U.K. ",
]


def samples(seed: int, count: int = 20000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 25))) for _ in range(count)]


def test_possible_boundary_without_the_regex() -> None:
    for text in samples(1):
        expected = bool(segment._POSSIBLE_BOUNDARY.search(text))
        assert segment._may_hold_boundary(text) == expected, text


def test_abbreviation_prescan_is_necessary_for_the_rule() -> None:
    # Wherever the abbreviation rule's pattern matches inside a span, the pre-scan says so.
    for text in samples(2, 5000):
        for start in range(len(text)):
            for end in range(start, len(text) + 1, 3):
                if next(segment._OPENING_ABBREVIATION.finditer(text, start, end), None):
                    assert segment._may_open_abbreviation(text, start, end), (text, start, end)


def test_one_sentence_blocks_are_trimmed_spans() -> None:
    assert segment.split_sentences("  It rained all day  ") == [(2, 19)]
    assert segment.split_sentences("It rained. Then it stopped.") == [(0, 10), (11, 27)]
    assert segment.split_sentences(" \n ") == []


def test_lower_case_prescan_is_necessary_for_the_rule() -> None:
    texts = [t.lower() for t in samples(3, 5000)] + samples(4, 2000)
    for text in texts:
        for start in range(len(text)):
            for end in range(start, len(text) + 1, 3):
                matches = segment._LOWER_CASE_START.finditer(text, start, end)
                if any(m.start() > start for m in matches):  # a stop inside the span
                    found = segment._MAY_START_LOWER.search(text, start, end)
                    assert found, (text, start, end)


def test_last_word_and_initial_read_from_the_tail_as_from_the_start() -> None:
    pieces = [*PIECES, "Jr.", "no.", " J.", "\n", ".\n", "Abc", "x"]
    rng = random.Random(5)
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        expected = segment._LAST_WORD.search(text)
        found = segment._last_word(text)
        assert (found and found.span(1)) == (expected and expected.span(1)), text
        start = max(0, len(text) - 4)
        assert bool(segment._INITIAL.search(text, start)) == bool(segment._INITIAL.search(text))


def reference_kept_pieces(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """kept_pieces as first written: cut every line, then trim every piece."""
    from newsbrief.summary.clean import lines_of

    pieces = []
    for line in lines_of(text):
        start = line.start
        for cut_start, cut_end in sorted(cuts):
            if cut_end <= start or cut_start >= line.end:
                continue
            if cut_start > start:
                pieces.append((start, cut_start))
            start = max(start, cut_end)
        if start < line.end:
            pieces.append((start, line.end))
    trimmed = []
    for start, end in pieces:
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            trimmed.append((start + lead, start + len(piece.rstrip())))
    return trimmed


def test_kept_pieces_with_and_without_cuts() -> None:
    from newsbrief.records import Article, Removal

    rng = random.Random(9)
    for _ in range(3000):
        text = "".join(rng.choice([*PIECES, "\n", "\n\n", " x "]) for _ in range(30))
        cuts = []
        for _ in range(rng.randint(0, 3)):
            start = rng.randrange(len(text) + 1)
            cuts.append((start, min(len(text), start + rng.randint(0, 15))))
        article = Article("a", text, "a")
        removals = [Removal("a", s, e, text[s:e], "boilerplate") for s, e in cuts]
        assert segment.kept_pieces(article, removals) == reference_kept_pieces(text, cuts)


def reference_sentence_spans(text: str, sentences: list[str]) -> list[tuple[int, int]] | None:
    """The find() loop sentence_spans stands for."""
    spans, cursor = [], 0
    for sentence in sentences:
        start = text.find(sentence, cursor)
        if start < 0 or text[cursor:start].strip():
            return None
        spans.append((start, start + len(sentence)))
        cursor = start + len(sentence)
    return spans


def test_sentence_spans_as_find_gives() -> None:
    # Sentences as blingfire gives them, and others it does not: empty, opening or ending with
    # whitespace, repeated, not in the text, or found only past some text.
    rng = random.Random(21)
    pieces = ["a", "b.", " ", "  ", "\n", "\xa0", "\u3000", "ab", "é", "x y"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        sentences = []
        for _ in range(rng.randint(1, 4)):
            start = rng.randint(0, len(text))
            end = rng.randint(start, min(len(text), start + 6))
            sentences.append(rng.choice([text[start:end], text[start:end].strip(), "b", " a"]))
        expected = reference_sentence_spans(text, sentences)
        assert segment.sentence_spans(text, sentences) == expected, (text, sentences)


def test_one_scan_for_both_rules_finds_what_either_pre_scan_finds() -> None:
    # The combined scan stands for the two pre-scans together; in a text without "!" or "?"
    # it looks for a full stop only. Lower-case and mixed-case texts, with and without them.
    for pattern in (segment._MAY_OPEN_ABBREVIATION, segment._MAY_START_LOWER):
        assert pattern.pattern.startswith("[.!?]")  # what the combined patterns leave off
    pieces = [*PIECES, "Dr. Jones", "U.N.", "E.U.", "ab.", "ab!", "ab?", "no. ", "“a", " (x"]
    rng = random.Random(33)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))) for _ in range(30000)]
    texts += [t.lower() for t in texts[:10000]]
    texts += [t.replace("!", ".").replace("?", ".") for t in texts[:10000]]
    found = 0
    for text in texts:
        either = bool(
            segment._MAY_OPEN_ABBREVIATION.search(text) or segment._MAY_START_LOWER.search(text)
        )
        assert segment.may_split_after_stop(text) == either, text
        found += either
    assert 1000 < found < len(texts) - 1000  # both answers are well represented


def reference_continues(previous: str, following: str) -> bool:
    """_continues as it read before it cleared a piece by its last run of letters."""
    if "." not in previous[-2:]:
        return False
    match = segment._LAST_WORD.search(previous)
    if match and match.group(1).lower() in segment._NEVER_FINAL:
        return following[:1].isdigit() if match.group(1).lower() in {"no", "nos"} else True
    initial = segment._INITIAL.search(previous)
    return bool(initial) and following[:1].isupper() and len(previous) > 2


def test_continues_as_the_patterns_decide() -> None:
    # Pieces ending in abbreviations (any case), initials, long and short words, digits and
    # closing marks before the stop, or a newline after it.
    ends = ["Mr", "mr", "MESSRS", "Approx", "No", "nos", "Gen", "J", "j", "x", "AB", "words"]
    ends += ["1995", "U.S", "(Gen", "“Dr", "-No", "é", "Sept", "messrsx", ""]
    rng = random.Random(41)
    joined = 0
    for _ in range(40000):
        head = rng.choice(["", "He said", "a", "(", " ", "x\n", "J. R"])
        space = rng.choice(["", " ", "\n", "(", "“", "-", "1"])
        tail = rng.choice([".", ".\n", ".\n\n", '."', ". ", "", "!"])
        previous = head + space + rng.choice(ends) + tail
        following = rng.choice(["Smith", "2", "the", "", " X", "É"])
        expected = reference_continues(previous, following)
        assert segment._continues(previous, following) == expected, (previous, following)
        joined += expected
    assert 2000 < joined < 38000  # both answers are well represented
