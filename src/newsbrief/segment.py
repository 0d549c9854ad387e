"""Segment: an article's kept text → sentences with exact character offsets.

Sentence boundaries come from blingfire (a maintained, fast, download-free splitter), wrapped
with our rules for what scraped news needs: line breaks between paragraphs are boundaries,
hard-wrapped lines are not, and a split after an abbreviation that never ends a sentence
("Messrs.", "Gen.", "No.") is undone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsbrief.clean import lines_of
from newsbrief.records import Article, Removal, Sentence

# Abbreviations after which a capitalised word or a number continues the same sentence.
_NEVER_FINAL = {
    "mr", "mrs", "ms", "messrs", "mmes", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt",
    "cmdr", "adm", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "det", "insp", "st", "mt",
    "ft", "no", "nos", "vol", "art", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "vs", "v", "approx", "est", "dept", "univ", "corp",
}
_LAST_WORD = re.compile(r"(?:^|[\s(\[“\"'])([A-Za-z]+)\.$")
_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of one block of prose, whitespace trimmed."""
    import blingfire  # loads a native library: only when text is segmented

    if not text.strip():
        return []
    _, offsets = blingfire.text_to_sentences_and_offsets(text)
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
    return spans


def _continues(previous: str, following: str) -> bool:
    """True when a boundary between the two pieces is a false split after an abbreviation."""
    match = _LAST_WORD.search(previous)
    if match and match.group(1).lower() in _NEVER_FINAL:
        return True
    # A lone initial ("J. R. Jones") is not a sentence end unless the next piece is lower-case.
    return bool(_INITIAL.search(previous)) and following[:1].isupper() and len(previous) > 2


def blocks(article: Article, removals: Iterable[Removal]) -> list[tuple[int, int, int]]:
    """Spans of prose blocks left after cleaning, as ``(start, end, paragraph)``.

    A line break ends a block, except where a line without final punctuation is followed by
    one starting in lower case: that is a hard-wrapped sentence, joined back together.
    """
    removed = {(r.start, r.end) for r in removals}
    spans: list[tuple[int, int, int]] = []
    paragraph = -1
    previous_end = -1
    for line in lines_of(article.text):
        if (line.start, line.end) in removed:
            previous_end = -1
            continue
        gap = article.text[previous_end : line.start] if previous_end >= 0 else "\n\n"
        wrapped = (
            spans
            and previous_end >= 0
            and gap.count("\n") == 1
            and not _TERMINAL.search(article.text[spans[-1][0] : spans[-1][1]])
            and line.text[:1].islower()
        )
        if wrapped:
            spans[-1] = (spans[-1][0], line.end, spans[-1][2])
        else:
            paragraph += 1
            spans.append((line.start, line.end, paragraph))
        previous_end = line.end
    return spans


def segment(article: Article, removals: Iterable[Removal]) -> list[Sentence]:
    """The article's sentences, each with ``article.text[start:end] == sentence.text``."""
    sentences: list[Sentence] = []
    for block_start, block_end, paragraph in blocks(article, removals):
        block = article.text[block_start:block_end]
        for start, end in split_sentences(block):
            a, b = block_start + start, block_start + end
            sentences.append(
                Sentence(article.id, len(sentences), a, b, article.text[a:b], paragraph)
            )
    return sentences
