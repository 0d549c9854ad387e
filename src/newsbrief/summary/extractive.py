"""The extractive summarizer, entry ``"extractive"`` of :data:`newsbrief.choices.SUMMARIZERS`.

represent → score → select → order → cite: sentences of the articles themselves, scored,
chosen without repetition within the word budget, put in reading order, each citing its span
(the interface every summarizer follows is in :mod:`newsbrief.choices`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsbrief.records import BriefRequest, Cluster, Notice, SummaryResult
from newsbrief.settings import Settings
from newsbrief.summary.cite import cite
from newsbrief.summary.order import order
from newsbrief.summary.patterns import words_of
from newsbrief.summary.represent import Similarity, get_representation, represent
from newsbrief.summary.score import score_cluster
from newsbrief.summary.select import select
from newsbrief.summary.tokens import numbered


def summarize(cluster: Cluster, request: BriefRequest, settings: Settings) -> SummaryResult:
    """The cited extractive summary of ``cluster`` within ``settings.words`` words.

    A request with a question or earlier articles gets the guided summary
    (:mod:`newsbrief.summary.directed`, docs/focus.md); a question that names nothing
    ("What happened?") gets this general one, with a notice saying so.
    """
    from newsbrief.summary.directed import is_directed
    from newsbrief.summary.directed import summarize as directed

    if is_directed(request):
        result = directed(cluster, request, settings)
        if result.sentences or any(n.code == "nothing-new" for n in result.notices):
            return result
        return replace(result, notices=(*result.notices, empty_summary_notice(cluster, settings)))
    result = _general(cluster, settings)
    if request.question:
        vague = Notice(
            "question-without-terms",
            "the question names nothing to look for (only common words); this is a general brief",
        )
        result = replace(result, notices=(vague, *result.notices))
    return result


def _general(cluster: Cluster, settings: Settings) -> SummaryResult:
    sentences = cluster.sentences
    # Tokenized and numbered once: the words serve the features, the learned word bag and
    # TF-IDF alike.
    known = cluster.sentence_words()
    words = numbered(known if known is not None else [words_of(s.text) for s in sentences])
    representation = get_representation(settings.representation)
    matrix = represent(representation, [s.text for s in sentences], words)
    similarity = Similarity(matrix)
    scored = score_cluster(sentences, matrix, similarity, settings, words)
    selected = select(sentences, scored.scores, similarity, settings, scored.concepts)
    chosen = order(selected, cluster.articles)
    summary = tuple(cite(chosen, sentences, similarity, settings.also_in_threshold))
    return SummaryResult(summary, () if summary else (empty_summary_notice(cluster, settings),))


def empty_summary_notice(cluster: Cluster, settings: Settings) -> Notice:
    """Why the summary is empty: the budget, or no sentence usable at any budget."""
    usable = [s for s in cluster.sentences if s.words >= settings.min_sentence_words]
    if usable and min(s.words for s in usable) > settings.words:
        return Notice("budget-too-small", f"no sentence fits in {settings.words} words")
    unspaced = any(_UNSPACED.search(s.text) for s in cluster.sentences)
    why = (  # name the language only when the text is in one written without spaces
        " (text without spaces between words, such as Chinese or Japanese, is not supported)"
        if unspaced
        else ""
    )
    return Notice(
        "no-usable-sentence",
        f"no finished sentence of at least {settings.min_sentence_words} words{why}",
    )


# Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f]")
