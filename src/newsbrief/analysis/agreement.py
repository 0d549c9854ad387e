"""Agreement and disagreement: sentences of different articles aligned when they report the
same thing, each aligned pair labelled with the evidence that decided it — and, apart from
them, the positions actors take.

Two kinds of disagreement, never mixed:

- *sources disagree* (``conflict``): two different articles report the same fact with
  different values — a number, duration, date, place or person. Sentences of one article are
  never a source conflict.
- *positions* (``position``): actors who take opposite stances on the same matter, one entry
  per pair of holders with all its evidence (:mod:`newsbrief.analysis.positions`).

- Alignment: TF-IDF cosine between sentences of different articles, at least
  ``settings.agreement_threshold``; each sentence keeps its best match per article.
- Judging, by a *judge* chosen by name (``settings.agreement_judge``;
  :data:`newsbrief.choices.JUDGES`): the
  default ``rules`` judge finds a different number (or duration) for the same thing, a
  different date, a different place or person in the same slot of the event (when actors were
  found: :mod:`newsbrief.analysis.referents`), opposite evaluative words, else agreement. A
  judge returning ``None`` leaves the pair to the rules, so an NLI model can be plugged in for
  what it is good at. Opposite evaluative words without holders are no source conflict: a
  stance is only reported as a position, with who holds it.
- Single source: sentences with a number that no other article comes close to.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from newsbrief.analysis.facts import Counted, Verdict, counted, differing_figure, rule_verdict
from newsbrief.analysis.positions import find_positions
from newsbrief.analysis.referents import Referents
from newsbrief.analysis.specifics import Specifics
from newsbrief.choices import JUDGES
from newsbrief.errors import MissingExtraError
from newsbrief.records import Actor, Alignment, Cluster, Mention, Quote, Sentence
from newsbrief.settings import Settings

MAX_SINGLE_SOURCE = 10
ORDER = {"conflict": 0, "position": 1, "agreement": 2, "single-source": 3}


class Judge(Protocol):
    """Decides whether two aligned sentences agree; ``None`` leaves it to the rules."""

    name: str

    def __call__(self, first: str, second: str) -> Verdict | None: ...


class RulesJudge:
    """The default judge: numbers, durations, dates, places, people and evaluative words (no
    model of its own; places and people compare the actors spaCy found)."""

    name = "rules"

    def __call__(self, first: str, second: str) -> Verdict | None:
        return None  # the rules run after every judge


class NLIJudge:
    """A judge backed by an NLI model (``transformers``) in a folder the user gives.

    Chosen with ``agreement_judge = "nli:/path/to/model"``. The model is read from that folder
    only: newsbrief never downloads one (the hub is switched off before transformers loads).
    """

    name = "nli"

    def __init__(self, model: str = "") -> None:
        if not model or not Path(model).is_dir():
            raise MissingExtraError(
                f"the nli judge needs a local folder holding an NLI model, not {model!r}",
                hint="agreement_judge='nli:/path/to/model' (newsbrief never downloads models)",
            )
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from transformers import pipeline  # type: ignore[import-not-found]
        except ImportError:
            raise MissingExtraError(
                "the nli judge needs the transformers package",
                hint="pip install transformers, or use agreement_judge='rules'",
            ) from None
        self._classify = pipeline("text-classification", model=model)

    def __call__(self, first: str, second: str) -> Verdict | None:
        result = self._classify({"text": first, "text_pair": second})[0]
        label = str(result["label"]).lower()
        if label.startswith("contradiction"):
            return Verdict(
                "conflict", "contradiction", f"NLI: contradiction ({result['score']:.2f})"
            )
        if label.startswith("entailment"):
            return Verdict("agreement", "same-fact", f"NLI: entailment ({result['score']:.2f})")
        return None


def get_judge(name: str) -> Judge:
    """The judge registered under ``name`` in :data:`newsbrief.choices.JUDGES`.

    ``nli:PATH`` is an NLI model read from a local folder.
    """
    return JUDGES.get(name)()  # type: ignore[no-any-return]


def align(
    cluster: Cluster,
    settings: Settings,
    actors: tuple[Actor, ...] = (),
    quotes: tuple[Quote, ...] = (),
) -> tuple[Alignment, ...]:
    """Source conflicts, positions, agreements and single-source claims, in that order."""
    if len({s.article_id for s in cluster.sentences}) < 2:
        return tuple(find_positions(cluster, actors, quotes))
    judge = get_judge(settings.agreement_judge)
    pairs, best, similarity = _pairs(cluster.sentences, settings.agreement_threshold)
    referents = Referents(cluster, actors, quotes) if actors else None
    texts = {a.id: a.text for a in cluster.articles}
    specifics = Specifics(quotes)
    labelled = [_label(a, b, score, judge, referents, texts, specifics) for a, b, score in pairs]
    alignments = [a for a in labelled if a is not None]
    aligned = {(a, b) for a, b, _ in pairs}
    alignments += slot_conflicts(cluster.sentences, similarity, aligned, texts, referents)
    alignments += find_positions(cluster, actors, quotes)
    alignments += _single_source(cluster.sentences, best, settings.agreement_threshold)
    alignments.sort(key=lambda a: (ORDER[a.label], -a.score))
    return tuple(alignments)


def _pairs(
    sentences: tuple[Sentence, ...], threshold: float
) -> tuple[list[tuple[Sentence, Sentence, float]], list[float], Any]:
    """Each sentence's best match in every other article, at or above ``threshold``."""
    import numpy as np

    from newsbrief.summary.represent import Similarity, get_representation

    matrix = get_representation("tfidf").vectors([s.text for s in sentences])
    similarity = Similarity(matrix)
    # Scale (issue 15, item 11): one pass of array operations per block of sentences, not a
    # Python loop over every (sentence, article) pair, which made 2,000 articles take minutes.
    # Each sentence's best match per article comes from a max over that article's segment of
    # the row (sentences grouped by article, stable, so ties pick the first row as before).
    article_of = {a: n for n, a in enumerate(dict.fromkeys(s.article_id for s in sentences))}
    codes = np.array([article_of[s.article_id] for s in sentences])
    by_article = np.argsort(codes, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(codes[by_article]) != 0])
    ends = np.r_[starts[1:], len(sentences)]
    found: dict[tuple[int, int], float] = {}
    best = [0.0] * len(sentences)
    for first in range(0, len(sentences), Similarity.BLOCK):
        block = similarity.rows(range(first, min(first + Similarity.BLOCK, len(sentences))))
        grouped = np.asarray(block, dtype=np.float64)[:, by_article]
        maxima = np.maximum.reduceat(grouped, starts, axis=1)
        for offset, row_max in enumerate(maxima):
            i = first + offset
            row_max[codes[i]] = -np.inf  # never the sentence's own article
            if len(starts) > 1:
                best[i] = max(best[i], float(row_max.max()))
            for a in np.flatnonzero(row_max >= threshold):
                segment = grouped[offset, starts[a] : ends[a]]
                j = int(by_article[starts[a] + int(np.argmax(segment))])
                found[(min(i, j), max(i, j))] = float(row_max[a])
    pairs = [(sentences[i], sentences[j], score) for (i, j), score in found.items()]
    return pairs, best, similarity


def _mention(sentence: Sentence) -> Mention:
    return Mention(sentence.article_id, sentence.start, sentence.end, sentence.text)


def _label(
    first: Sentence,
    second: Sentence,
    score: float,
    judge: Judge,
    referents: Referents | None,
    texts: dict[str, str],
    specifics: Specifics | None = None,
) -> Alignment | None:
    """The aligned pair labelled, or ``None`` when only evaluative words differ (no fact to
    compare; who holds which view is for the positions), when their figures are of different
    times (``incomparable``), or when an agreement has nothing specific in common
    (:mod:`newsbrief.analysis.specifics`: precision before recall)."""
    verdict = judge(first.text, second.text) or _rules(first, second, referents, texts)
    if verdict.kind in ("stance", "incomparable"):
        return None
    events = verdict.kind in ("number", "duration", "date")
    if events and referents is not None and referents.about_others(first, second):
        return None  # "11 killed in Tanzania" / "248 killed in Kenya": two events
    evidence = f"{verdict.evidence}; wording similarity {score:.2f}"
    if verdict.label == "agreement" and specifics is not None:
        shared = specifics.allows(first, second, score)
        if shared is None:
            return None
        evidence = f"{verdict.evidence}; {shared}; wording similarity {score:.2f}"
    sides = (_mention(first), _mention(second))
    return Alignment(verdict.label, verdict.kind, sides, evidence, score, (), judge.name)


def _rules(
    first: Sentence, second: Sentence, referents: Referents | None, texts: dict[str, str]
) -> Verdict:
    """The rules' verdict: a different number, duration or date first, then a different place
    or person (when the cluster's actors are known), then opposite evaluative words."""
    articles = texts.get(first.article_id, ""), texts.get(second.article_id, "")
    verdict = rule_verdict(first.text, second.text, *articles)
    if referents is not None and verdict.kind in ("same-fact", "stance"):
        return referents.verdict(first, second) or verdict
    return verdict


SLOT_MIN_SIMILARITY = 0.26  # the same counted thing in two related sentences (docs/benchmarks.md)


def slot_conflicts(
    sentences: tuple[Sentence, ...],
    similarity: Any,
    aligned: set[tuple[Sentence, Sentence]],
    texts: dict[str, str] | None = None,
    referents: Referents | None = None,
) -> list[Alignment]:
    """Different numbers for the same counted thing ("85,000 commuters" / "120,000 daily
    commuters") or different durations in the same slot, in related sentences of different
    articles that the wording alone did not align. One conflict per thing and pair of
    articles: the most similar pair of sentences."""
    import numpy as np

    found_in = [(i, counted(s.text)) for i, s in enumerate(sentences)]
    figures = [(i, c) for i, c in found_in if c[0] or c[1]]  # a number or a duration
    best: dict[tuple[str, ...], tuple[float, Alignment]] = {}
    # Scale (issue 15, item 11): the candidates of each sentence (later, in another article,
    # similar enough) are picked with one array operation, not a Python loop over all pairs.
    rows = np.array([i for i, _ in figures], dtype=np.int64)
    article_of = np.array([sentences[i].article_id for i in rows.tolist()], dtype=object)
    for n, (i, counted_a), row in _with_rows(figures, rows, similarity):
        later = rows[n + 1 :]
        close = (row[later] >= SLOT_MIN_SIMILARITY) & (
            article_of[n + 1 :] != sentences[i].article_id
        )
        for k in np.flatnonzero(close).tolist():
            j, counted_b = figures[n + 1 + k]
            a, b = sentences[i], sentences[j]
            score = float(row[j])
            if (a, b) in aligned:
                continue
            articles = (texts or {}).get(a.article_id, ""), (texts or {}).get(b.article_id, "")
            figure = differing_figure(a.text, b.text, *articles, counted_a, counted_b)
            if figure is None or (referents is not None and referents.about_others(a, b)):
                continue
            kind, first, second = figure
            key = (first.key, *sorted((a.article_id, b.article_id)))
            sides = tuple(Mention(s.article_id, s.start, s.end, s.text) for s in (a, b))
            evidence = (
                f"different {kind}s: “{first.written}” against “{second.written}”; "
                f"wording similarity {score:.2f}"
            )
            alignment = Alignment("conflict", kind, sides, evidence, score)
            if key not in best or best[key][0] < score:
                best[key] = (score, alignment)
    return [found for _, found in best.values()]


def _with_rows(
    figures: list[tuple[int, Counted]], rows: Any, similarity: Any
) -> Iterator[tuple[int, tuple[int, Counted], Any]]:
    """``(n, figures[n], similarity row)``, the rows fetched a block at a time (one sparse
    product per block: per row, a large cluster paid a full transpose each time)."""
    import numpy as np

    block_size = getattr(similarity, "BLOCK", 512)
    for first in range(0, len(figures), block_size):
        chunk = rows[first : first + block_size].tolist()
        block = np.asarray(similarity.rows(chunk), dtype=np.float64)
        for offset, row in enumerate(block):
            yield first + offset, figures[first + offset], row


def _single_source(
    sentences: tuple[Sentence, ...], best: list[float], threshold: float
) -> list[Alignment]:
    found = []
    for sentence, score in zip(sentences, best, strict=True):
        if (
            score < threshold / 2
            and any(c.isdigit() for c in sentence.text)
            and sentence.words >= 8
        ):
            evidence = f"no sentence of another article is close (best similarity {score:.2f})"
            found.append(
                Alignment("single-source", "unmatched", (_mention(sentence),), evidence, score)
            )
    return found[:MAX_SINGLE_SOURCE]
