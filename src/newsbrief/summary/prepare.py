"""Prepare: articles as read → the cluster every summarizer and analysis reads.

Each article is cleaned (scraper junk recorded as removals, the text untouched) and segmented
into sentences; an article that repeats another is screened out with a notice, and a news
digest's stories the other articles do not tell are removals (:mod:`.digest`).
"""

from __future__ import annotations

from collections.abc import Sequence

from newsbrief.errors import InputError
from newsbrief.records import Article, Cluster, Notice, Removal, Sentence
from newsbrief.settings import Settings
from newsbrief.summary.clean import clean_with_lines
from newsbrief.summary.digest import off_topic, stories
from newsbrief.summary.furniture import without_furniture
from newsbrief.summary.patterns import spaced_plainly, words_of_texts
from newsbrief.summary.screen import find_copies, language_notices
from newsbrief.summary.segment import segment
from newsbrief.summary.tokens import NumberedWords


def prepare_cluster(
    raw_articles: Sequence[Article], notices: Sequence[Notice], settings: Settings
) -> Cluster:
    """Clean and segment the articles, and screen out copies: the shared records.

    ``notices`` (what reading the input had to say) lead the cluster's notices. Raises
    :class:`InputError` when no article, or no sentence, is left to summarize.
    """
    articles: list[Article] = []
    removals: list[Removal] = []
    sentences: list[Sentence] = []
    digests: dict[str, list[tuple[int, int]]] = {}
    for raw in raw_articles:
        # Whether the text is spaced plainly (then its lines' and sentences' words are counted
        # by their spaces) is decided once for cleaning and segmentation: eight scans of it.
        plain = spaced_plainly(raw.text)
        article, article_removals, lines = clean_with_lines(raw, settings, plain)
        articles.append(article)
        removals += article_removals
        sentences += segment(article, article_removals, lines, plain)  # the lines cleaning found
        if (spans := stories(article, article_removals)) is not None:
            digests[article.id] = spans
    notices = list(notices)
    # Tokenized once: the copy screen's keys are made of the words, and the summarizer reads
    # them from the cluster (Cluster.sentence_words).
    furniture, sentences, numbered = without_furniture(
        sentences, NumberedWords(words_of_texts([s.text for s in sentences]))
    )
    removals += furniture
    words: Sequence[list[str]] = numbered
    copies = find_copies(articles, sentences, settings.duplicate_overlap, words)
    if copies:
        sources = {a.id: a.source for a in articles}
        notices += [
            Notice(
                "duplicate-article", f"repeats {sources[original]}; used once", sources[copy], True
            )
            for copy, original in copies.items()
        ]
        articles = [a for a in articles if a.id not in copies]
        sentences, words = _kept(sentences, words, [s.article_id not in copies for s in sentences])
        removals = [r for r in removals if r.article_id not in copies]
    digests = {a: spans for a, spans in digests.items() if a not in copies}
    if digests and len(articles) > 1:
        elsewhere = off_topic(articles, digests, sentences)
        if elsewhere:
            left_out: dict[str, list[tuple[int, int]]] = {}
            for r in elsewhere:
                left_out.setdefault(r.article_id, []).append((r.start, r.end))
            keep = [
                not any(start <= s.start < end for start, end in left_out.get(s.article_id, ()))
                for s in sentences
            ]
            sentences, words = _kept(sentences, words, keep)
            removals += elsewhere
    if not articles:
        raise InputError(
            "no article with text to summarize",
            code="E108",
            hint="; ".join(f"{n.source}: {n.message}" for n in notices) or None,
        )
    if not sentences:
        raise InputError(
            "no sentence left to summarize after cleaning",
            code="E109",
            hint="run with --explain to see what was removed",
        )
    told = {s.article_id for s in sentences}
    notices += [  # never a silent loss: say which article gave no sentence, and why not
        Notice(
            "no-story-text",
            "no sentence of it is left after cleaning (page furniture, notices, captions, or a "
            "digest's stories the other articles do not tell; --explain lists them); not used",
            a.source,
            True,
        )
        for a in articles
        if a.id not in told
    ]
    notices += language_notices(articles, sentences)
    kept = tuple(sentences)
    # Numbered once, here, for the summarizer (again only when a sentence was left out).
    if words is not numbered:
        numbered = NumberedWords(words)
    return Cluster(tuple(articles), kept, tuple(removals), tuple(notices), (kept, numbered))


def _kept(
    sentences: list[Sentence], words: Sequence[list[str]], keep: list[bool]
) -> tuple[list[Sentence], list[list[str]]]:
    """The sentences, and their words, where ``keep`` says so (one flag a sentence)."""
    pairs = [(s, w) for s, w, k in zip(sentences, words, keep, strict=True) if k]
    return [s for s, _ in pairs], [w for _, w in pairs]
