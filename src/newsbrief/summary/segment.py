"""Segment: an article's kept text → sentences with exact character offsets.

Sentence boundaries come from blingfire (a maintained, fast, download-free splitter), wrapped
with our rules for what scraped news needs: line breaks between paragraphs are boundaries,
hard-wrapped lines are not, a split after an abbreviation that never ends a sentence
("Messrs.", "Gen.", "No.") is undone, and a sentence that starts in lower case after a full
stop (lower-cased or carelessly typed text: "… you were told. " ms williams said …", which
blingfire reads as one sentence) is split off, unless the stop ends an abbreviation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from newsbrief.records import Article, Removal, Sentence
from newsbrief.summary.clean import Line, lines_of
from newsbrief.summary.native import text_to_sentences
from newsbrief.summary.patterns import ends_sentence, spaced_plainly

# Abbreviations after which a capitalised word or a number continues the same sentence.
_NEVER_FINAL = {
    *"mr mrs ms messrs mmes dr prof gen lt col maj capt sgt cmdr adm gov sen rep rev".split(),
    *"hon pres supt det insp st mt ft no nos vol art fig jan feb mar apr jun jul aug".split(),
    *"sep sept oct nov dec vs v approx est dept univ corp sq".split(),
}
NEVER_FINAL = frozenset(_NEVER_FINAL)  # also read by analysis.units (a quotation's unit)
# blingfire does not split before a sentence that opens with an abbreviation ("… here. U.S.
# officials …", "… 2018. Gen. Smith …"); a lower-case word or a number then a stop marks it.
_OPENING_ABBREVIATION = re.compile(
    r"(?:(?<=[a-z0-9]{2}[.!?])|(?<=[a-z][.!?][”\"'’]))\s+(?=(?:"
    r"Mr|Mrs|Ms|Messrs|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|Rev|St"
    r")\. [A-Z]|(?:U\.S|U\.K|U\.N|E\.U)\.)"
)
# Abbreviations that a lower-case word may follow in mid-sentence ("Apple Inc. and", "Needham,
# Mass. biotechnology"), beside those above.
_BEFORE_LOWER_CASE = (_NEVER_FINAL - {"no", "nos"}) | {
    *"inc ltd co jr sr bros etc al cf var www".split(),
    *"ala ariz ark calif colo conn del fla ga ill ind kan ky md mass mich minn".split(),
    *"miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo".split(),
}  # "No." is an abbreviation only before a number: "voted no. then" ends
# A stop after a word of two or more lower-case letters, any closing quote or bracket, then a
# lower-case word (perhaps opening a quotation): blingfire wants a capital to split there.
_LOWER_CASE_START = re.compile(r"(?<=[a-z]{2}[.!?])(?P<close>\s?[\"”’)\]])?\s+(?=[\"“‘(]?\s?[a-z])")
# Necessary conditions for a match of the two patterns above, as patterns that consume what
# those look behind and ahead at: a stop, any closing mark, a space, then what must follow
# (an abbreviation, or a lower-case letter). Each pattern above opens with a lookbehind, which
# the regex engine tries at every position of every sentence; these start with a stop (or a
# letter), which the engine scans for quickly, and rule out nearly every sentence first.
# Searched from the characters before the span where the lookbehinds may look; where they
# match, the full pattern decides as before.
_MAY_OPEN_ABBREVIATION = re.compile(
    r"[.!?][”\"'’]?(\s+)(?:(?:"
    r"Mr|Mrs|Ms|Messrs|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|Rev|St"
    r")\. [A-Z]|(?:U\.S|U\.K|U\.N|E\.U)\.)"
)
# The second opens with the stop and looks behind it for the two letters: the regex engine
# skips to the stops, where "[a-z]{2}[.!?]" set out from nearly every letter of the text.
_MAY_START_LOWER = re.compile(r"[.!?](?<=[a-z]{2}[.!?])(?:\s?[\"”’)\]])?\s+[\"“‘(]?\s?[a-z]")
# Either pre-scan above, as one pattern: a block neither can match in (nearly all of them) is
# cleared in one scan instead of two. Both open with the stop class, which the regex engine
# tests at every character through a call; in a block without "!" or "?" (most of them) the
# stop can only be ".", a literal the engine skips to in a tight loop: the same matches at a
# quarter of the two scans' cost (0.28 ms of a 10-article newswire brief, issue 11).
_AFTER_THE_STOP = [
    p.pattern.removeprefix("[.!?]") for p in (_MAY_OPEN_ABBREVIATION, _MAY_START_LOWER)
]
_MAY_SPLIT_AFTER_STOP = re.compile(f"[.!?](?:{'|'.join(_AFTER_THE_STOP)})")
_MAY_SPLIT_AFTER_FULL_STOP = re.compile(rf"\.(?:{'|'.join(_AFTER_THE_STOP)})")
_LAST_WORD = re.compile(r"(?:^|[\s(\[“\"'])([A-Za-z]+)\.$")
_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")
MAX_QUOTE_SENTENCES = 5
# Sentence-final punctuation followed, after any closing marks, by more text.
# A word holding a stop, then a space and more text. Tried only where a word starts, and read
# without backtracking: linear, where "[.!?…]\S*\s+\S" was quadratic on a long run of stops.
# (What it finds is decided by _may_hold_boundary without a regex; tests compare the two.)
_POSSIBLE_BOUNDARY = re.compile(r"(?<!\S)[^\s.!?…]*+[.!?…]\S*+\s+\S")


def _may_hold_boundary(text: str) -> bool:
    """Whether :data:`_POSSIBLE_BOUNDARY` occurs in ``text``: a word holding a stop, followed by
    a space and more text, i.e. a stop in any word but the last.

    Split off the last word (str.split and the regex agree on what a space is) and look for a
    stop before it: a few C-level scans where the regex tried every position of every block.
    """
    words = text.rstrip().rsplit(None, 1)
    if len(words) < 2:
        return False
    head = words[0]
    return "." in head or "!" in head or "?" in head or "…" in head  # the pattern's stops


def may_split_after_stop(text: str) -> bool:
    """Whether :data:`_MAY_OPEN_ABBREVIATION` or :data:`_MAY_START_LOWER` occurs in ``text``:
    when neither does, neither rule can change a piece of it."""
    if "!" in text or "?" in text:
        return _MAY_SPLIT_AFTER_STOP.search(text) is not None
    return _MAY_SPLIT_AFTER_FULL_STOP.search(text) is not None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of one block of prose, whitespace trimmed."""
    if not text.strip():
        return []
    if not _may_hold_boundary(text):
        # One sentence at most: no need to ask blingfire, and none of the rules below splits
        # or joins it (each needs a stop, then a space, then more text: a possible boundary).
        # Half the blocks of newswire are such one-sentence paragraphs.
        return [(len(text) - len(text.lstrip()), len(text.rstrip()))]
    import blingfire  # loads a native library: only when text is segmented

    offsets = _blingfire_spans(blingfire, text)
    # Each rule below first looks for what it needs inside each piece; where the whole block
    # holds none of it, the rule cannot change a piece, and is skipped.
    after_stop = may_split_after_stop(text)  # one scan for the two rules that need it
    if after_stop and _MAY_OPEN_ABBREVIATION.search(text):
        offsets = _split_before_abbreviations(text, offsets)
    if "``" in text:
        offsets = _split_before_wire_quotes(text, offsets)
    spans: list[tuple[int, int]] = []
    for start, end in offsets:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if spans and _continues(text[spans[-1][0] : spans[-1][1]], text[start:end]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    if "“" in text or '"' in text or "``" in text:  # a piece opens a quotation only so
        spans = _join_quotations(text, spans)
    if after_stop and _MAY_START_LOWER.search(text):
        spans = _split_lower_case_starts(text, spans)
    return spans


# blingfire does not split before the wire's opening quote: "He left. ``It is over,'' she
# said." is two sentences. A stop (and a closing quote), space, then `` and a capital or digit.
_WIRE_QUOTE_OPENS = re.compile(r"(?<=[.!?])(?:''|”)?(?P<gap>\s+)(?=``\s?[A-Z0-9])")


def _split_before_wire_quotes(text: str, offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split each piece where a sentence ends and a wire quotation (``) opens the next, not
    after an abbreviation that never ends a sentence ("Gov. ``Red'' Smith"), a dotted one
    ("the U.S. ``war on drugs''") or an initial ("John F. ``Jack'' Kennedy").

    Each opening quote is found by ``str.find`` and :data:`_WIRE_QUOTE_OPENS` is tried only where
    it can end (its lookbehind, tried at every position of a block, cost more than the rest of
    the segmentation rules; tests/test_segment.py compares the two)."""
    pieces: list[tuple[int, int]] = []
    for start, end in offsets:
        at = text.find("``", start, end)
        while at >= 0:
            match = _wire_quote_before(text, start, at, end)
            at = text.find("``", at + 2, end)
            if match is None:
                continue
            token = text[_token_start(text, start, match.start()) : match.start()]
            word = _last_word(text[start : match.start()])
            if (word and word.group(1).lower() in _NEVER_FINAL) or "." in token[:-1]:
                continue
            if len(token) == 2 and token[0].isupper():
                continue  # an initial
            pieces.append((start, match.start("gap")))  # a closing quote stays with its own
            start = match.end()
        pieces.append((start, end))
    return pieces


def _wire_quote_before(text: str, start: int, at: int, end: int) -> re.Match[str] | None:
    """The :data:`_WIRE_QUOTE_OPENS` match that ends at the `` at ``at``, if any: it starts
    after the stop, at most 2 closing-mark characters and the whitespace before ``at``, and
    sees no further than the piece's ``end``."""
    gap = at
    while gap > start and text[gap - 1].isspace():
        gap -= 1
    if gap == at:
        return None
    for stop_end in (gap, gap - 1, gap - 2):  # the stop, then "”" or "''" before the gap
        if stop_end >= start:
            match = _WIRE_QUOTE_OPENS.match(text, stop_end, min(at + 4, end))
            if match is not None and match.end() == at:
                return match
    return None


def _blingfire_spans(blingfire: Any, text: str) -> list[tuple[int, int]]:
    """blingfire's sentences as spans of ``text``.

    Its own offsets API converts byte offsets in Python and is the slowest step of a brief;
    its sentences are substrings of the text in order, so finding them is exact and faster.
    Where one is not found (whitespace normalised inside it), the offsets API is used.
    """
    spans = sentence_spans(text, text_to_sentences(blingfire, text).split("\n"))
    return list(blingfire.text_to_sentences_and_offsets(text)[1]) if spans is None else spans


def sentence_spans(text: str, sentences: list[str]) -> list[tuple[int, int]] | None:
    """Where each of ``sentences`` is in ``text``, one after the other with nothing but
    whitespace between them; None when one is not found so.

    Each is ``text.find(sentence, cursor)``. A sentence that opens with a non-space character
    cannot start among the spaces after the previous one, so where those spaces end is tried
    first: a comparison, where find() prepared a search for the whole sentence.
    """
    spans, cursor = [], 0
    for sentence in sentences:
        start = cursor
        while text[start : start + 1].isspace():
            start += 1
        if not (sentence[:1].strip() and text.startswith(sentence, start)):
            start = text.find(sentence, cursor)
        if start < 0 or text[cursor:start].strip():
            return None
        spans.append((start, start + len(sentence)))
        cursor = start + len(sentence)
    return spans


def _split_before_abbreviations(text: str, offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    for start, end in offsets:
        if not _may_open_abbreviation(text, start, end):
            pieces.append((start, end))  # no stop before a space: nothing to split (faster)
            continue
        for match in _OPENING_ABBREVIATION.finditer(text, start, end):
            word = _LAST_WORD.search(text, start, match.start())
            if word and word.end() == match.start() and word.group(1).lower() in _NEVER_FINAL:
                continue
            pieces.append((start, match.start()))
            start = match.end()
        pieces.append((start, end))
    return pieces


def _may_open_abbreviation(text: str, start: int, end: int) -> bool:
    """A necessary condition for an :data:`_OPENING_ABBREVIATION` match in the span: a stop,
    perhaps a closing quote, then spaces starting at or after ``start`` (where such a match
    starts), then an abbreviation.

    Searched from two characters before the span, where the stop may stand; a stop there
    followed by a space before the span (the previous sentence's end) does not count.
    """
    match = _MAY_OPEN_ABBREVIATION.search(text, max(0, start - 2), end)
    if match is not None and match.start(1) < start:  # its space is before the span
        match = _MAY_OPEN_ABBREVIATION.search(text, start - 1, end)
    return match is not None


def _split_lower_case_starts(text: str, offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split where a stop is followed by a lower-case sentence start (see the module notes).

    Not after an abbreviation or a dotted token ("a.m.", "u.s."), and not inside a quotation,
    which :func:`_join_quotations` keeps whole anyway. A straight quote after the stop closes
    the quotation when one is open, else it opens the next sentence's.
    """
    pieces: list[tuple[int, int]] = []
    for start, end in offsets:
        # A match whose stop is before the span is passed over below: a stop from start (its
        # letters, looked behind at, may stand before it).
        if not _MAY_START_LOWER.search(text, start, end):
            pieces.append((start, end))  # no stop before a space: nothing to split (faster)
            continue
        opened, straight, counted = 0, 0, start  # quotation marks in text[start:counted]
        for match in _LOWER_CASE_START.finditer(text, start, end):
            stop, close = match.start(), match.group("close") or ""
            curly, marks = _quote_marks(text[counted:stop])
            opened, straight, counted = opened + curly, straight + marks, stop
            if stop <= start:  # the stop ends the previous piece (lookbehind sees before start)
                continue
            token = text[_token_start(text, start, stop) : stop]
            word = _LAST_WORD.search(token)
            if (word and word.group(1).lower() in _BEFORE_LOWER_CASE) or "." in token[:-1]:
                continue
            opens_next = close.strip() == '"' and straight % 2 == 0
            if not opens_next:
                curly, marks = _quote_marks(close)
                opened, straight, counted = opened + curly, straight + marks, stop + len(close)
            if opened > 0 or straight % 2:
                continue
            pieces.append((start, counted))
            start = counted = match.start("close") + close.index('"') if opens_next else match.end()
            opened = straight = 0
        pieces.append((start, end))
    return pieces


def _token_start(text: str, start: int, stop: int) -> int:
    """Where the whitespace-free token ending at ``stop`` begins (not before ``start``)."""
    while stop > start and not text[stop - 1].isspace():
        stop -= 1
    return stop


def _quote_marks(piece: str) -> tuple[int, int]:
    """The quotations the piece opens and does not close (curly, and the wire's ``…''), and
    its straight quote marks."""
    opened = piece.count("“") - piece.count("”")
    if "`" in piece or "''" in piece:
        opened += piece.count("``") - piece.count("''")
    return opened, piece.count('"')


def _quote_balance(piece: str) -> int:
    """How many quotations the piece leaves open (curly and wire quotes; straight ones by
    parity)."""
    curly, straight = _quote_marks(piece)
    return curly + straight % 2


def _join_quotations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep a quotation of several sentences in one piece when it closes within a few."""
    joined: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        j = i
        if _quote_balance(text[start:end]) > 0:
            for k in range(i + 1, min(i + MAX_QUOTE_SENTENCES, len(spans))):
                if _quote_balance(text[start : spans[k][1]]) <= 0:
                    j = k
                    break
        joined.append((start, spans[j][1]))
        i = j + 1
    return joined


def _continues(previous: str, following: str) -> bool:
    """True when a boundary between the two pieces is a false split after an abbreviation."""
    if "." not in previous[-2:]:
        # Both patterns below end in "\.$" ($ also before one final newline): without a stop
        # there, neither matches, and most sentences end otherwise or were split by blingfire
        # after a full word; this spares two scans of every sentence.
        return False
    body = previous.removesuffix("\n")  # "$" also matches before one final newline
    if body.endswith("."):
        letters = len(body) - 1 - len(body[:-1].rstrip(_ASCII_LETTERS))  # before the stop
        if letters != 1 and body[len(body) - 1 - letters : -1].lower() not in _NEVER_FINAL:
            # Most sentences end in a word that is no abbreviation: the last word of both
            # patterns below is that run of letters (or none), and a lone initial is one
            # letter long; neither can match, so neither is searched for.
            return False
    match = _last_word(previous)
    if match and match.group(1).lower() in _NEVER_FINAL:
        # "No. 2" continues; "voted no. Last…" ends.
        return following[:1].isdigit() if match.group(1).lower() in {"no", "nos"} else True
    # A lone initial ("J. R. Jones") is not a sentence end unless the next piece is lower-case.
    # _INITIAL ends the text and spans 4 characters at most ("\sX.\n"): only the tail is read.
    initial = _INITIAL.search(previous, max(0, len(previous) - 4))
    return bool(initial) and following[:1].isupper() and len(previous) > 2


_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _last_word(text: str) -> re.Match[str] | None:
    """``_LAST_WORD.search(text)``, read from where it can start: the character before the run
    of letters that ends the text before its final stop. Every match ends the text, and the
    run's letters cannot open one, so the result is the same without scanning every sentence
    from its start."""
    body = text.removesuffix("\n")  # "$" also matches before one final newline
    if not body.endswith("."):
        return None
    stem = body[:-1].rstrip(_ASCII_LETTERS)
    return _LAST_WORD.search(text, max(0, len(stem) - 1))


def kept_pieces(
    article: Article, removals: Iterable[Removal], lines: Iterable[Line] | None = None
) -> list[tuple[int, int]]:
    """Spans of each line's text that no removal covers, whitespace trimmed. ``lines`` are
    ``lines_of(article.text)`` when already known (cleaning found them)."""
    cuts = sorted((r.start, r.end) for r in removals)
    text = article.text
    trimmed: list[tuple[int, int]] = []
    first = 0  # cuts before this one end before the current line (lines come in order)
    for line in lines_of(text) if lines is None else lines:
        while first < len(cuts) and cuts[first][1] <= line.start:
            first += 1
        start = line.start
        pieces: list[tuple[int, int]] = []
        following = first
        # Only the cuts that start before the line ends (sorted by start): lines × removals
        # was quadratic on an article of thousands of removed lines.
        while following < len(cuts) and cuts[following][0] < line.end:
            cut_start, cut_end = cuts[following]
            following += 1
            if cut_end <= start:
                continue
            if cut_start > start:
                pieces.append((start, cut_start))
            start = max(start, cut_end)
        if start == line.start:  # no cut: the line's own span, stripped and not blank
            if text[start] in _BULLET_MARKS:  # most lines open with no list item's marker
                start = _after_bullet(text, start, line.end)
            trimmed.append((start, line.end))
            continue
        if start < line.end:
            pieces.append((start, line.end))
        for piece_start, piece_end in pieces:
            piece = text[piece_start:piece_end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                end = piece_start + len(piece.rstrip())
                trimmed.append((_after_bullet(text, piece_start + lead, end), end))
    return trimmed


# A list item's marker opening a line: "_ Vogue featured …" (the wire archives' dash), "-- ",
# "- ", "• ", "* ". The sentence starts after it.
_BULLET = re.compile(r"(?:[_•*]|-{1,2}(?![ \t]+[\d.]))[ \t]+(?=[^\s*_•-])")  # not "- 5 degrees"


_BULLET_MARKS = "_•*-"  # the first characters of _BULLET


def _after_bullet(text: str, start: int, end: int) -> int:
    """Where the text of the line span starts, after a list item's marker if it opens one."""
    if text[start] not in _BULLET_MARKS:
        return start
    marker = _BULLET.match(text, start, end)
    return marker.end() if marker else start


def blocks(
    article: Article, removals: Iterable[Removal], lines: Iterable[Line] | None = None
) -> list[tuple[int, int, int]]:
    """Spans of prose blocks left after cleaning, as ``(start, end, paragraph)``.

    A line break ends a block, except where a line without final punctuation is followed by
    one starting in lower case: that is a hard-wrapped sentence, joined back together.
    ``lines`` are ``lines_of(article.text)`` when already known.
    """
    text = article.text
    spans: list[tuple[int, int, int]] = []
    for start, end in kept_pieces(article, removals, lines):
        if spans:
            previous_start, previous_end, paragraph = spans[-1]
            gap = text[previous_end:start]
            if (
                gap.count("\n") == 1
                and not gap.strip()
                and not ends_sentence(text[previous_start:previous_end])
                and text[start : start + 1].islower()
            ):
                spans[-1] = (previous_start, end, paragraph)
                continue
        spans.append((start, end, len(spans)))
    return spans


def segment(
    article: Article,
    removals: Iterable[Removal],
    lines: Iterable[Line] | None = None,
    plain: bool | None = None,
) -> list[Sentence]:
    """The article's sentences, each with ``article.text[start:end] == sentence.text``.

    ``lines`` are ``lines_of(article.text)`` when already known (:func:`~newsbrief.summary.
    clean.clean_with_lines` returns them), so the text is not split into lines again;
    ``plain``, whether the text is :func:`~newsbrief.summary.patterns.spaced_plainly`.
    """
    sentences: list[Sentence] = []
    text = article.text
    if plain is None:
        plain = spaced_plainly(text)
    for block_start, block_end, paragraph in blocks(article, removals, lines):
        block = text[block_start:block_end]
        for start, end in split_sentences(block):
            a, b = block_start + start, block_start + end
            piece = text[a:b]  # stripped: neither starts nor ends with whitespace
            # In plainly spaced text a line's words are its spaces plus one (no string made a
            # word, as split() makes); a sentence of two lines is split.
            words = piece.count(" ") + 1 if plain and "\n" not in piece else len(piece.split())
            sentences.append(
                Sentence(article.id, len(sentences), a, b, piece, paragraph, words=words)
            )
    return sentences
