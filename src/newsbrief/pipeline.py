"""The one entry point: :func:`run` turns a :class:`BriefRequest` into a :class:`Brief`.

Every edge builds a request and calls :func:`run` with the settings: the CLI, ``batch``, the
service, and the Python API below (:func:`brief`, :func:`brief_paths`). A run is

    check the request (sections, summarizer) → prepare the cluster (clean, segment, screen)
    → the summarizer named by ``backend`` → the analysis sections asked for → the brief.

Everything here is pure: no printing, no exiting.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from newsbrief.analysis import Analysis, resolve_sections
from newsbrief.choices import SUMMARIZERS
from newsbrief.errors import InputError, SettingsError
from newsbrief.ingest.read import Ingested, from_items, read_inputs
from newsbrief.records import Article, Brief, BriefRequest, Cluster, Notice, SummaryResult
from newsbrief.settings import Settings, load_settings, settings_dict
from newsbrief.summary.prepare import prepare_cluster

# What an entry of newsbrief.choices.SUMMARIZERS is (its module docstring has the contract).
Summarizer = Callable[[Cluster, BriefRequest, Settings], SummaryResult]
# The longest question any edge accepts (the service's schema says the same).
MAX_QUESTION_CHARS = 2000


def run(request: BriefRequest, settings: Settings) -> Brief:
    """The brief a request asks for. Names and the budget are checked before any work starts.

    Raises :class:`~newsbrief.errors.NewsbriefError` for a request it cannot brief.
    """
    check_request(request, settings)  # an unknown name fails before cleaning starts
    settings = with_budget(settings, request.words)
    if request.backend and request.backend != settings.backend:
        # The brief's settings echo (Brief.settings) then names the summarizer that ran.
        settings = dataclasses.replace(settings, backend=request.backend)
    cluster = prepare_cluster(request.articles, request.notices, settings)
    return _finish(cluster, request, settings)


def with_budget(settings: Settings, words: int | None) -> Settings:
    """``settings`` with the request's word budget (``None`` keeps ``settings.words``)."""
    if words is None or words == settings.words:
        return settings
    if isinstance(words, bool) or not isinstance(words, int) or words < 1:
        raise SettingsError(
            f"the word budget must be a whole number of at least 1, got {words!r}", code="E204"
        )
    return dataclasses.replace(settings, words=words)


def _finish(cluster: Cluster, request: BriefRequest, settings: Settings) -> Brief:
    """The summary and the analysis sections of a prepared cluster, as a brief."""
    wanted, explicit = resolve_sections(request.sections)
    summary = SummaryResult(())
    if "summary" in wanted:
        summarizer: Summarizer = SUMMARIZERS.get(settings.backend)
        summary = summarizer(cluster, request, settings)
    notices = cluster.notices + summary.notices
    analysis = Analysis()
    if any(s != "summary" for s in wanted):
        from newsbrief.analysis import run_sections
        from newsbrief.analysis.matter import question_matter

        analysis, wanted = run_sections(cluster, wanted, explicit, settings)
        notices += analysis.notices
        analysis, asked = question_matter(analysis, cluster, request, settings, summary)
        notices += asked
    if notices != cluster.notices:
        cluster = dataclasses.replace(cluster, notices=notices)
    return Brief(
        summary.sentences,
        cluster,
        settings.words,
        settings_dict(settings),
        actors=analysis.actors,
        quotes=analysis.quotes,
        timeline=analysis.timeline,
        agreement=analysis.agreement,
        sections=wanted,
        question=request.question,
        update=summary.update,
    )


def prepare(ingested: Ingested) -> Cluster:
    """Clean and segment ingested articles, and screen out copies: the shared records."""
    return prepare_cluster(ingested.articles, ingested.notices, ingested.settings)


def summarize(
    cluster: Cluster, settings: Settings, sections: str | Iterable[str] | None = None
) -> Brief:
    """The brief of a prepared cluster: the cited summary and the analysis sections asked for.

    ``sections`` names any of ``summary``, ``actors``, ``quotes``, ``timeline``, ``agreement``
    (a list or a comma-separated string); ``None`` means all that can run. Only what is asked
    for is computed: ``["summary"]`` never loads the analysis.
    """
    names = sections if sections is None or isinstance(sections, str) else tuple(sections)
    request = BriefRequest(cluster.articles, sections=names)
    SUMMARIZERS.check(settings.backend)
    return _finish(cluster, request, settings)


def request_from_paths(
    paths: Sequence[str | Path], settings: Settings, **fields: Any
) -> BriefRequest:
    """A request for the articles read from files, directories or ``-`` (stdin).

    ``fields`` are the request's other fields (``sections``, ``words``, ``question``, ...);
    they are checked before any file is read. ``since`` is given as paths too (files,
    directories, or a brief's JSON, which carries its articles).
    """
    since = fields.pop("since", None)
    request = read_paths(BriefRequest((), **fields), paths, settings)
    return read_earlier_paths(request, since, settings) if since else request


def request_from_items(
    items: Iterable[str | Article | Mapping[str, Any]], settings: Settings, **fields: Any
) -> BriefRequest:
    """A request for articles given as texts, :class:`Article` records or dicts with ``text``;
    ``since`` (earlier articles) is given the same way."""
    since = fields.pop("since", None)
    request = read_items(BriefRequest((), **fields), items, settings)
    return read_earlier_items(request, since, settings) if since else request


def read_earlier_paths(
    request: BriefRequest, paths: Sequence[str | Path], settings: Settings
) -> BriefRequest:
    """``request`` with earlier articles (the reader has read them) read from ``paths``."""
    if isinstance(paths, str | Path):
        paths = [paths]
    return read_earlier(request, read_inputs(list(paths), settings))


def read_earlier_items(
    request: BriefRequest, items: Iterable[str | Article | Mapping[str, Any]], settings: Settings
) -> BriefRequest:
    """``request`` with earlier articles given as texts, :class:`Article` records or dicts."""
    if isinstance(items, str):
        items = [items]
    return read_earlier(request, from_items(items, settings))


def read_earlier(request: BriefRequest, earlier: Ingested) -> BriefRequest:
    """``request`` with the earlier articles of ``earlier``; what reading them had to say joins
    the request's notices, marked as about the earlier articles."""
    if not earlier.articles:
        raise InputError(
            "the earlier articles (since) hold no article with text",
            hint="; ".join(f"{n.source}: {n.message}" for n in earlier.notices) or None,
            code="E114",
        )
    notices = tuple(
        dataclasses.replace(n, source=f"earlier: {n.source or 'input'}") for n in earlier.notices
    )
    articles, dropped = _without_earlier(request.articles, earlier.articles)
    if not articles:
        raise InputError(
            "every article is also among the earlier articles (since): nothing is new to brief",
            hint="give the new articles as input and only what was read before as --since",
            code="E115",
        )
    return dataclasses.replace(
        request,
        articles=articles,
        since=tuple(earlier.articles),
        notices=request.notices + notices + dropped,
    )


def _text_key(text: str) -> str:
    """An article's identity: its words and numbers, case-folded (spacing and punctuation
    differences, as between a file and its copy, do not make it new)."""
    return " ".join(_WORD.findall(text.lower()))


_WORD = re.compile(r"\w+")


def _without_earlier(
    articles: Sequence[Article], earlier: Sequence[Article]
) -> tuple[tuple[Article, ...], tuple[Notice, ...]]:
    """``articles`` less those whose text is an earlier article's, and a notice for each:
    an article the reader has read is not new, so it must not be cited, quoted or counted."""
    known = {_text_key(a.text): a for a in earlier}
    kept: list[Article] = []
    notices: list[Notice] = []
    for article in articles:
        same = known.get(_text_key(article.text))
        if same is None:
            kept.append(article)
            continue
        notices.append(
            Notice(
                "earlier-article",
                f"left out: its text is that of an earlier article ({same.source}), "
                "which the reader has read",
                source=article.source,
                skipped=True,
            )
        )
    return tuple(kept), tuple(notices)


def read_paths(
    request: BriefRequest, paths: Sequence[str | Path], settings: Settings
) -> BriefRequest:
    """``request`` with the articles of ``paths`` (files, directories, ``-``), once it is
    known to be usable: a bad name fails before anything is read."""
    check_request(request, settings)
    if isinstance(paths, str | Path):  # one path, not a sequence of one-letter paths
        paths = [paths]
    return _with_input(request, read_inputs(paths, settings))


def read_items(
    request: BriefRequest, items: Iterable[str | Article | Mapping[str, Any]], settings: Settings
) -> BriefRequest:
    """``request`` with the articles of ``items`` (texts, :class:`Article` records, dicts)."""
    check_request(request, settings)
    if isinstance(items, str):  # one text, not a sequence of one-character articles
        items = [items]
    return _with_input(request, from_items(items, settings))


def check_request(request: BriefRequest, settings: Settings) -> BriefRequest:
    """The request, once its names and budget are known to be usable; else a SettingsError.

    Every edge calls this (through :func:`run` or the readers above) before any work starts.
    """
    with_budget(settings, request.words)
    if request.question is not None and len(request.question) > MAX_QUESTION_CHARS:
        # A question is a sentence or two; a long one is a pasted article, and is echoed in
        # the brief and matched against every sentence.
        raise InputError(
            f"the question is {len(request.question)} characters long; "
            f"at most {MAX_QUESTION_CHARS} are allowed",
            hint="ask a question of a sentence or two",
            code="E116",
        )
    resolve_sections(request.sections)
    SUMMARIZERS.check(request.backend or settings.backend)
    return request


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

    ``words`` is the budget (default: :attr:`Settings.words`, 150); ``sections`` picks the
    parts of the brief (see :func:`summarize`; default: all); ``question`` focuses the brief
    on a question; ``since`` holds earlier articles the reader has read (same forms as
    ``articles``): the brief is then an update citing only ``articles`` (docs/focus.md). Any
    other :class:`Settings` field can be passed by name (``backend="extractive"``, ...).
    Raises :class:`newsbrief.errors.NewsbriefError` for input it cannot summarize.
    """
    resolved = load_settings(config, words=words, **settings)
    request = request_from_items(
        articles, resolved, sections=sections, question=question, since=since
    )
    return run(request, resolved)


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
    ``since`` are paths of earlier articles (or of a brief's JSON, which carries them)."""
    resolved = load_settings(config, words=words, **settings)
    request = request_from_paths(paths, resolved, sections=sections, question=question, since=since)
    return run(request, resolved)


def _with_input(request: BriefRequest, ingested: Ingested) -> BriefRequest:
    return dataclasses.replace(
        request, articles=tuple(ingested.articles), notices=tuple(ingested.notices)
    )
