"""The pipeline: ingest → clean → segment → screen → represent → select → order → cite.

``prepare`` builds the :class:`Cluster` every stage and analysis reads; ``summarize`` turns
a cluster into a :class:`Brief`. Both are pure: no printing, no exiting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from newsbrief.errors import InputError
from newsbrief.ingest.read import Ingested, from_items, read_inputs
from newsbrief.records import (
    Article,
    Brief,
    Cluster,
    Notice,
    Removal,
    Sentence,
    SummarySentence,
)
from newsbrief.settings import Settings, load_settings, settings_dict
from newsbrief.summary.cite import cite
from newsbrief.summary.clean import clean
from newsbrief.summary.order import order
from newsbrief.summary.represent import Similarity, get_representation
from newsbrief.summary.score import score_cluster
from newsbrief.summary.screen import find_copies, language_notices
from newsbrief.summary.segment import segment
from newsbrief.summary.select import select


def prepare(ingested: Ingested) -> Cluster:
    """Clean and segment ingested articles, and screen out copies: the shared records."""
    settings = ingested.settings
    articles: list[Article] = []
    removals: list[Removal] = []
    sentences: list[Sentence] = []
    for raw in ingested.articles:
        article, article_removals = clean(raw, settings)
        articles.append(article)
        removals += article_removals
        sentences += segment(article, article_removals)
    notices = list(ingested.notices)
    copies = find_copies(articles, sentences, settings.duplicate_overlap)
    if copies:
        sources = {a.id: a.source for a in articles}
        notices += [
            Notice(
                "duplicate-article", f"repeats {sources[original]}; used once", sources[copy], True
            )
            for copy, original in copies.items()
        ]
        articles = [a for a in articles if a.id not in copies]
        sentences = [s for s in sentences if s.article_id not in copies]
        removals = [r for r in removals if r.article_id not in copies]
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
    notices += language_notices(articles, sentences)
    return Cluster(tuple(articles), tuple(sentences), tuple(removals), tuple(notices))


def summarize(
    cluster: Cluster,
    settings: Settings,
    sections: str | Iterable[str] | None = None,
    *,
    question: str | None = None,
    earlier: Cluster | None = None,
) -> Brief:
    """The brief of a prepared cluster: the cited summary and the analysis sections asked for.

    ``sections`` names any of ``summary``, ``actors``, ``quotes``, ``timeline``, ``agreement``
    (a list or a comma-separated string); ``None`` means all that can run. Only what is asked
    for is computed: ``["summary"]`` never loads the analysis. ``question`` focuses the
    summary (and, with ``question_sections``, the analysis) on a question; ``earlier`` is a
    prepared cluster of articles the reader has read: the summary is then an update
    (docs/focus.md).
    """
    from newsbrief.analysis import Analysis, resolve_sections
    from newsbrief.summary.directed import (
        directed_summary,
        not_addressed_notice,
        question_addressed,
    )
    from newsbrief.summary.focus import question_terms

    question = " ".join(question.split()) if question else None
    wanted, explicit = resolve_sections(sections)
    summary: list[SummarySentence] = []
    notices = cluster.notices + (earlier.notices if earlier is not None else ())
    update = None
    addressed = None
    if question and not question_terms(question):
        # "What happened?" names nothing to focus on: a general brief, and the reader is told.
        notices += (
            Notice(
                "question-without-terms",
                "the question names nothing to look for (only common words); this is a "
                "general brief",
            ),
        )
    focused = bool(question_terms(question)) or earlier is not None
    if "summary" in wanted and focused:
        directed = directed_summary(cluster, settings, question, earlier)
        summary, update, addressed = list(directed.sentences), directed.update, directed.addressed
        notices += directed.notices
        if not summary and not any(n.code == "nothing-new" for n in directed.notices):
            notices += (_empty_summary_notice(cluster, settings),)
    elif "summary" in wanted:
        summary = _summary(cluster, settings)
        if not summary:
            notices += (_empty_summary_notice(cluster, settings),)
    elif question:
        addressed = question_addressed(cluster, question, settings)
        if addressed is not None and addressed.barely:
            notices += (not_addressed_notice(addressed),)
    analysis = Analysis()
    if any(s != "summary" for s in wanted):
        from newsbrief.analysis import run_sections

        analysis, ran = run_sections(cluster, wanted, explicit, settings)
        wanted = ran
        notices += analysis.notices
        if addressed is not None and not addressed.barely and settings.question_sections:
            from newsbrief.summary.matter import filter_analysis

            analysis = filter_analysis(analysis, cluster, frozenset(addressed.terms))
    if notices != cluster.notices:
        cluster = Cluster(cluster.articles, cluster.sentences, cluster.removals, notices)
    return Brief(
        tuple(summary),
        cluster,
        settings.words,
        settings_dict(settings),
        actors=analysis.actors,
        quotes=analysis.quotes,
        timeline=analysis.timeline,
        agreement=analysis.agreement,
        sections=wanted,
        question=question,
        update=update,
    )


def _summary(cluster: Cluster, settings: Settings) -> list[SummarySentence]:
    sentences = cluster.sentences
    matrix = get_representation(settings.representation).vectors([s.text for s in sentences])
    similarity = Similarity(matrix)
    scored = score_cluster(sentences, matrix, similarity, settings)
    selected = select(sentences, scored.scores, similarity, settings, scored.concepts)
    chosen = order(selected, sentences, cluster.articles)
    return list(cite(chosen, sentences, similarity, settings.also_in_threshold))


def _empty_summary_notice(cluster: Cluster, settings: Settings) -> Notice:
    """Why the summary is empty: the budget, or no sentence usable at any budget."""
    usable = [s for s in cluster.sentences if s.words >= settings.min_sentence_words]
    if usable and min(s.words for s in usable) > settings.words:
        return Notice("budget-too-small", f"no sentence fits in {settings.words} words")
    return Notice(
        "no-usable-sentence",
        f"no finished sentence of at least {settings.min_sentence_words} words (text without "
        "spaces between words, such as Chinese or Japanese, is not supported)",
    )


def brief(
    articles: Iterable[str | Article | Mapping[str, Any]],
    words: int | None = None,
    *,
    config: str | Path | None = None,
    sections: str | Iterable[str] | None = None,
    question: str | None = None,
    since: Iterable[str | Article | Mapping[str, Any]] | None = None,
    **settings: Any,
) -> Brief:
    """Summarize articles given as texts, :class:`Article` records or dicts with ``text``.

    ``words`` is the budget (default 150); ``sections`` picks the parts of the brief (see
    :func:`summarize`; default: all); ``question`` focuses the brief on a question; ``since``
    holds earlier articles (same forms as ``articles``) the reader has read: the brief is then
    an update that cites only ``articles``. Any other :class:`Settings` field can be passed by
    name. Raises :class:`newsbrief.errors.NewsbriefError` for input it cannot summarize.
    """
    resolved = load_settings(config, words=words, **settings)
    if isinstance(articles, str):  # one text, not a sequence of one-character articles
        articles = [articles]
    if isinstance(since, str):
        since = [since]
    since = list(since) if since is not None else []
    earlier = _earlier(from_items(since, resolved)) if since else None
    cluster = prepare(from_items(articles, resolved))
    return summarize(cluster, resolved, sections, question=question, earlier=earlier)


def brief_paths(
    paths: Sequence[str | Path],
    words: int | None = None,
    *,
    config: str | Path | None = None,
    sections: str | Iterable[str] | None = None,
    question: str | None = None,
    since: Sequence[str | Path] | None = None,
    **settings: Any,
) -> Brief:
    """Summarize articles read from files, directories or ``-`` (stdin); see :func:`brief`.

    ``since`` are paths of earlier articles (files, directories, or a brief's JSON, which
    carries its articles).
    """
    resolved = load_settings(config, words=words, **settings)
    if isinstance(paths, str | Path):  # one path, not a sequence of one-letter paths
        paths = [paths]
    if isinstance(since, str | Path):
        since = [since]
    earlier = _earlier(read_inputs(list(since), resolved)) if since else None
    cluster = prepare(read_inputs(paths, resolved))
    return summarize(cluster, resolved, sections, question=question, earlier=earlier)


def _earlier(ingested: Ingested) -> Cluster:
    """The earlier articles of an update, prepared like the new ones; their notices say so."""
    try:
        cluster = prepare(ingested)
    except InputError as exc:
        raise InputError(
            f"earlier articles (since): {exc.message}", code="E111", hint=exc.hint
        ) from None
    notices = tuple(
        Notice(n.code, n.message, f"earlier: {n.source or 'input'}", n.skipped)
        for n in cluster.notices
    )
    return Cluster(cluster.articles, cluster.sentences, cluster.removals, notices)
