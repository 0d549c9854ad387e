"""Quotation units: the quoted spans of a text, and sentences joined into units of quotation.

A quotation can run over several sentences (its marks are balanced only at its end), and our
segmenter sometimes cuts an attribution off its quotation ("… (D-Wis.)" | "said Friday.";
"“…?”" | "Graham asked."): :func:`quote_units` joins them back, so that the speaker rules see
the whole reporting clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbrief.analysis.lexicon import PRONOUNS, REPORTING_VERBS
from newsbrief.records import Cluster, Sentence
from newsbrief.summary.segment import NEVER_FINAL

# Curly, TeX-style and straight marks; a curly opening closed by a straight mark ("“…,\"")
# is a typo of the same quotation.
_QUOTES = re.compile(
    r"“(?P<a>[^“”]+)”|“(?P<d>[^“”\"\n]+)\"|``(?P<b>(?:(?!''|``).)+)''|\"(?P<c>[^\"]+)\"",
    re.DOTALL,
)
_WORD = re.compile(r"[A-Za-z’'-]+")
MAX_UNIT = 6  # sentences one quotation may run over
# A sentence that ends after a word of two or more lower-case letters ("… authorities say.",
# "… to trial. \"" as spaced in lower-cased web text).
_ENDS_AFTER_A_WORD = re.compile(r"(?<![\w.-])([a-z]{2,})[.!?](?:\s?[\"”’'])?\s*$")


@dataclass(frozen=True)
class Span:
    start: int  # the quoted text, marks excluded, relative to the sentence
    end: int
    open: int  # the opening and closing marks
    close: int


def quoted_spans(text: str) -> list[Span]:
    """The quotations in ``text``: their inner text and their marks."""
    spans = []
    position = 0
    while (match := _QUOTES.search(text, position)) is not None:
        group = next(g for g in ("a", "d", "b", "c") if match.group(g) is not None)
        start, end, close = match.start(group), match.end(group), match.end()
        if group == "c" and "\n" in match.group(group):
            # A transcript paragraph opens with a straight quote and never closes it: the
            # quotation runs to the end of its line, and the next paragraph opens its own.
            end = close = text.index("\n", start)
        if text[start:end].strip():
            spans.append(Span(start, end, match.start(), close))
        position = max(close, match.start() + 1)
    return spans


def _open_quotes(text: str) -> int:
    return (
        text.count("“")
        - text.count("”")
        + text.count("``")
        - text.count("''")
        + text.count('"') % 2
    )


def quote_units(cluster: Cluster) -> list[Sentence]:
    """The cluster's sentences, a quotation that runs over several joined into one unit.

    A unit's ``index`` is its first sentence's and its ``paragraph`` field holds its last
    sentence's index (units are internal to this module)."""
    units: list[Sentence] = []
    sentences = cluster.sentences
    i = 0
    while i < len(sentences):
        first = j = i
        while (
            _open_quotes(cluster_text(cluster, sentences[first], sentences[j])) > 0
            and j + 1 < len(sentences)
            and j - first < MAX_UNIT
            and sentences[j + 1].article_id == sentences[first].article_id
        ):
            j += 1
        if _open_quotes(cluster_text(cluster, sentences[first], sentences[j])) > 0:
            j = first
        while _continues_lower(sentences, j) and j - first < MAX_UNIT:
            j += 1  # "… (D-Wis.)" | "said Friday.": a split the segmenter made mid-clause
        if _attribution_next(cluster_text(cluster, sentences[first], sentences[j]), sentences, j):
            j += 1  # "“… ?”" | "Graham asked.": the attribution cut off after the quote
        a, b = sentences[first], sentences[j]
        text = cluster_text(cluster, a, b)
        units.append(Sentence(a.article_id, a.index, a.start, b.end, text, b.index))
        i = j + 1
    return units


def _continues_lower(sentences: tuple[Sentence, ...] | list[Sentence], j: int) -> bool:
    """The next sentence of the same article starts in lower case: it is the same clause, cut
    after an abbreviation ("… (D-Wis.)" | "said Friday."). In lower-cased text every sentence
    starts in lower case; one that ends after a word ("… authorities say.") is whole when
    the quotation after it has its own speaker ("“she was …,” said amy kritzer" was given to
    the authorities). A quotation
    without one still joins the sentence before it, whose speaker it continues ("Walter said
    that … route." | "“as you know, …” walter")."""
    if j + 1 >= len(sentences) or sentences[j + 1].article_id != sentences[j].article_id:
        return False
    following = sentences[j + 1].text
    if not following.lstrip("“”\"'‘’ ")[:1].islower():
        return False
    ends = _ENDS_AFTER_A_WORD.search(sentences[j].text)
    after_a_word = ends is not None and ends.group(1) not in NEVER_FINAL  # not "… sen."
    return not (after_a_word and _says_itself(following))


def _says_itself(text: str) -> bool:
    """The sentence holds a quotation and a reporting verb outside it ("“…,” said amy
    kritzer"): the quotation has its own speaker."""
    spans = quoted_spans(text)
    return bool(spans) and any(
        w.lower() in REPORTING_VERBS for w in _WORD.findall(frame(text, spans))
    )


def frame(text: str, spans: list[Span]) -> str:
    """The sentence's words outside its quotations (each quotation a "Q")."""
    out, cursor = [], 0
    for span in spans:
        out.append(text[cursor : span.open])
        cursor = span.close
    out.append(text[cursor:])
    return " Q ".join(out)


def _attribution_next(text: str, sentences: tuple[Sentence, ...] | list[Sentence], j: int) -> bool:
    """The unit ends with a quotation that has no attribution after it, and the next sentence
    is a short one without quotes whose first words hold a reporting verb ("Graham asked.",
    "Cummings (D-Md.) said in a phone interview.")."""
    if j + 1 >= len(sentences) or sentences[j + 1].article_id != sentences[j].article_id:
        return False
    if sentences[j + 1].paragraph != sentences[j].paragraph:
        return False  # "Republicans say …" opening the next paragraph is its own sentence
    spans = quoted_spans(text)
    if not spans or any(
        w.lower() in REPORTING_VERBS for w in _WORD.findall(text[spans[-1].close :])
    ):
        return False
    following = sentences[j + 1].text
    words = [w.lower() for w in _WORD.findall(following)]
    verb = next((i for i, w in enumerate(words[:8]) if w in REPORTING_VERBS), None)
    return (
        not re.search(r"[“”\"]|``|''", following)
        and len(words) <= 15
        and verb is not None
        and not (verb > 0 and words[verb - 1] in PRONOUNS)  # "People like Scott, he said."
    )


def cluster_text(cluster: Cluster, first: Sentence, last: Sentence) -> str:
    if first is last:
        return first.text
    return cluster.article(first.article_id).text[first.start : last.end]
