"""The question-focused and update summary: guided selection, its notices and what it measured.

Runs when a brief has a question, earlier articles, or both (:mod:`newsbrief.summary.guided`
chooses the sentences). Every sentence still cites its source span; in an update, sources and
"also in" citations come from the new articles only. Notices:

- ``question-not-addressed``: the sources barely address the question
  (:attr:`newsbrief.summary.focus.Addressed.barely`); the summary that follows is the best the
  sources allow, said to be so, never passed off as an answer;
- ``update``: how many new articles, how many earlier ones, and how much of the new text was
  already known;
- ``nothing-new``: every candidate sentence of the new articles was already known: the
  summary is **empty** (repeating old news under an "update" heading would mislead).
"""

from __future__ import annotations

import numpy as np

from newsbrief.records import BriefRequest, Cluster, Notice, Selected, SummaryResult, Update
from newsbrief.settings import Settings
from newsbrief.summary.cite import cite
from newsbrief.summary.focus import Addressed, concepts_of, measure, question_terms
from newsbrief.summary.guided import guided_select
from newsbrief.summary.novelty import known_word_share
from newsbrief.summary.order import order
from newsbrief.summary.prepare import prepare_cluster
from newsbrief.summary.represent import Similarity, get_representation
from newsbrief.summary.score import score_sentences

# Two sentences at or above this cosine say the same thing (the baselines' cut; chosen on
# DUC 2006 and DUC 2007 together, docs/benchmarks.md).
REDUNDANCY = 0.5


def is_directed(request: BriefRequest) -> bool:
    """Whether a request needs the guided summary: a question with terms, or earlier articles."""
    return bool(question_terms(request.question)) or bool(request.since)


def question_addressed(
    cluster: Cluster, question: str | None, settings: Settings
) -> Addressed | None:
    """How far a cluster addresses a question (its sentences of at least the minimum length)."""
    terms = question_terms(question)
    if not terms:
        return None
    concepts = [concepts_of(s.text) for s in cluster.sentences]
    usable = np.array([s.words >= settings.min_sentence_words for s in cluster.sentences])
    return measure(concepts, terms, usable)


def summarize(cluster: Cluster, request: BriefRequest, settings: Settings) -> SummaryResult:
    """The guided summary of ``cluster`` for ``request.question`` and/or a reader who read
    ``request.since`` (prepared here like the new articles, never cited)."""
    question = request.question
    earlier = prepare_cluster(request.since, (), settings) if request.since else None
    sentences = cluster.sentences
    matrix = get_representation(settings.representation).vectors([s.text for s in sentences])
    similarity = Similarity(matrix)
    scores = score_sentences(sentences, matrix, similarity, settings)
    old = earlier.sentences if earlier is not None else ()
    guided = guided_select(sentences, scores, similarity, settings.words, question, old, REDUNDANCY)
    notices: list[Notice] = []
    if guided.addressed is not None and guided.addressed.barely:
        notices.append(not_addressed_notice(guided.addressed))
    update = None
    selected = guided.selected
    if earlier is not None and guided.novelty is not None:
        words = np.array([s.words for s in sentences])
        candidates = scores > 0
        known = guided.novelty.known & candidates
        update = Update(
            new_articles=len(cluster.articles),
            earlier_articles=len(earlier.articles),
            candidate_sentences=int(candidates.sum()),
            known_sentences=int(known.sum()),
            known_share=round(known_word_share(words[candidates], known[candidates]), 4),
        )
        notices.append(Notice("update", update.describe()))
        if update.candidate_sentences and update.known_sentences == update.candidate_sentences:
            notices.append(
                Notice(
                    "nothing-new",
                    "the new articles only repeat what the earlier ones said: nothing to brief",
                )
            )
            selected = []
    top = max((item.score for item in selected), default=1.0) or 1.0
    scaled = [Selected(item.sentence, item.score / top) for item in selected]
    chosen = order(scaled, cluster.articles)
    cited = tuple(cite(chosen, sentences, similarity, settings.also_in_threshold))
    terms = tuple(guided.addressed.terms) if guided.addressed is not None else ()
    return SummaryResult(cited, tuple(notices), update, terms)


def not_addressed_notice(addressed: Addressed) -> Notice:
    """The notice for sources that barely address the question, with the measure behind it."""
    missing = [t for t in addressed.terms if t not in addressed.found]
    if missing:
        measured = (
            f"the articles barely address the question: {len(addressed.found)} of its "
            f"{len(addressed.terms)} terms appear ({', '.join(missing[:6])} missing), "
            f"{addressed.answering} sentence(s) answer it"
        )
    else:
        # Every term appears, only never together: say that, not that they are absent.
        measured = (
            f"no sentence answers the question: each of its {len(addressed.terms)} terms "
            f"({', '.join(addressed.terms[:6])}) appears, but no sentence holds two of them"
        )
    return Notice("question-not-addressed", f"{measured}; what follows is what they say instead")
