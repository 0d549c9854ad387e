"""Screen: checks on the cleaned, segmented articles before they are summarized.

Near-copies (the same wire story from two outlets, a page saved twice with a different
footer) are used once; articles that do not look like English get a warning, since the
default representation and rules are tuned for English.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsbrief.records import Article, Notice, Sentence
from newsbrief.summary.patterns import ASCII_LETTERS, WORD_CHARACTERS, ascii_runs, ascii_table

# The commonest English function words: in English prose they are a third of all tokens.
_ENGLISH = frozenset(
    """the of and to a in is that for it was on with he as at by said from his be are has
    have an were not but this they who their which will had been or its after she her we
    would""".split()
)
_TOKEN = re.compile(r"[^\W\d_]+")  # letters: in ASCII text, the runs _LETTERS keeps
_LETTERS = ascii_table(ASCII_LETTERS)
MIN_WORDS_FOR_LANGUAGE = 25
LANGUAGE_SAMPLE_CHARS = 2000
MIN_ENGLISH_SHARE = 0.12


def looks_english(text: str) -> bool:
    """False when a text of some length has too few English function words to be English."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    # ASCII text lower-cased at once splits into the same letter runs (non-ASCII text could
    # tokenize differently once lower-cased, so there each token is lower-cased on its own);
    # counted by C-level maps rather than a generator.
    tokens = ascii_runs(sample.lower(), _LETTERS) if sample.isascii() else None
    if tokens is None:
        tokens = list(map(str.lower, _TOKEN.findall(sample)))
    if len(tokens) < MIN_WORDS_FOR_LANGUAGE:
        return True
    # English prose is about a third function words: its first third usually holds enough of
    # them for the whole sample, and the rest need not be counted (a count of a part is at most
    # the count of the whole, so the answer is the same).
    third = len(tokens) // 3
    english = sum(map(_ENGLISH.__contains__, tokens[:third]))
    if english / len(tokens) >= MIN_ENGLISH_SHARE:
        return True
    english += sum(map(_ENGLISH.__contains__, tokens[third:]))
    return english / len(tokens) >= MIN_ENGLISH_SHARE


_KEY_TOKEN = re.compile(r"\w+")


def _key(text: str) -> str:
    """A sentence's identity for copy detection: its words and numbers, case-folded."""
    lowered = text.lower()
    tokens = ascii_runs(lowered, WORD_CHARACTERS)
    return " ".join(_KEY_TOKEN.findall(lowered) if tokens is None else tokens)


def key_of_words(words: Sequence[str]) -> str:
    """:func:`_key` of a text, from its :func:`~newsbrief.summary.patterns.words_of`: those are
    the runs of word characters and hyphens of the lower-cased text, the key's words the runs
    of word characters, i.e. the same split at their hyphens (most sentences hold none)."""
    key = " ".join(words)
    return " ".join(key.replace("-", " ").split()) if "-" in key else key


def find_copies(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    overlap: float,
    words: Sequence[Sequence[str]] | None = None,
) -> dict[str, str]:
    """Map each article that repeats an earlier one (≥ ``overlap`` of its sentences) to it.

    ``words`` are the sentences' ``words_of``, when known (the keys are made of them)."""
    by_article: dict[str, list[str]] = {a.id: [] for a in articles}
    made = map(_key, (s.text for s in sentences)) if words is None else map(key_of_words, words)
    for sentence, key in zip(sentences, made, strict=True):
        by_article[sentence.article_id].append(key)
    owners: dict[str, str] = {}  # sentence key → first article holding it
    copies: dict[str, str] = {}
    for article in articles:
        keys = [k for k in by_article[article.id] if k]
        shared: dict[str, int] = {}
        for key in dict.fromkeys(keys):  # not a set: ties in max() below follow this order
            if key in owners:
                shared[owners[key]] = shared.get(owners[key], 0) + 1
        if keys and shared:
            original, count = max(shared.items(), key=lambda item: item[1])
            if count / len(set(keys)) >= overlap:
                copies[article.id] = original
                continue
        for key in keys:
            owners.setdefault(key, article.id)
    return copies


def language_notices(articles: Sequence[Article], sentences: Sequence[Sentence]) -> list[Notice]:
    """A warning for every article whose kept text does not look like English."""
    texts: dict[str, list[str]] = {a.id: [] for a in articles}
    lengths = dict.fromkeys(texts, 0)
    for sentence in sentences:
        if lengths[sentence.article_id] < LANGUAGE_SAMPLE_CHARS:  # a sample is enough
            texts[sentence.article_id].append(sentence.text)
            lengths[sentence.article_id] += len(sentence.text)
    return [
        Notice(
            "non-english",
            "does not look like English; newsbrief is tuned for English, so its sentences may "
            "be split or ranked poorly",
            article.source,
        )
        for article in articles
        if not looks_english(" ".join(texts[article.id]))
    ]
