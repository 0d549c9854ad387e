"""Agreement and disagreement: sentences of different articles aligned when they report the
same thing, each aligned pair labelled with the evidence that decided it.

- Alignment: TF-IDF cosine between sentences of different articles, at least
  ``settings.agreement_threshold``; each sentence keeps its best match per article.
- Judging, by a *judge* chosen by name (``settings.agreement_judge``;
  :data:`newsbrief.choices.JUDGES`): the
  default ``rules`` judge finds a different number (or duration) for the same thing, a
  different date, a different place or person in the same slot of the event (when actors were
  found: :mod:`newsbrief.analysis.referents`), opposite evaluative words, else agreement. A
  judge returning ``None`` leaves the pair to the rules, so an NLI model can be plugged in for
  what it is good at.
- Stance: clauses of different holders characterizing the same subject with opposite
  polarity, in one article or across articles (:mod:`newsbrief.analysis.stance`).
- Single source: sentences with a number that no other article comes close to.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Protocol

from newsbrief.analysis.facts import Verdict, rule_verdict, slot_conflicts
from newsbrief.analysis.referents import Referents
from newsbrief.analysis.stance import find_claims
from newsbrief.choices import JUDGES
from newsbrief.errors import MissingExtraError
from newsbrief.records import Actor, Alignment, Cluster, Mention, Quote, Sentence
from newsbrief.settings import Settings

MAX_SINGLE_SOURCE = 10
MAX_STANCE = 6


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
    """Aligned groups with their labels, stance conflicts, and single-source claims."""
    if len({s.article_id for s in cluster.sentences}) < 2 and not quotes:
        return ()
    judge = get_judge(settings.agreement_judge)
    pairs, best, similarity = _pairs(cluster.sentences, settings.agreement_threshold)
    referents = Referents(cluster, actors, quotes) if actors else None
    alignments = [_label(a, b, score, judge, referents) for a, b, score in pairs]
    alignments += slot_conflicts(cluster.sentences, similarity, {(a, b) for a, b, _ in pairs})
    alignments += _stance_conflicts(cluster, actors, quotes)
    alignments += _single_source(cluster.sentences, best, settings.agreement_threshold)
    order = {"conflict": 0, "agreement": 1, "single-source": 2}
    alignments.sort(key=lambda a: (order[a.label], -a.score))
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
    first: Sentence, second: Sentence, score: float, judge: Judge, referents: Referents | None
) -> Alignment:
    verdict = judge(first.text, second.text) or _rules(first, second, referents)
    evidence = f"{verdict.evidence}; wording similarity {score:.2f}"
    sides = (_mention(first), _mention(second))
    return Alignment(verdict.label, verdict.kind, sides, evidence, score, (), judge.name)


def _rules(first: Sentence, second: Sentence, referents: Referents | None) -> Verdict:
    """The rules' verdict: a different number, duration or date first, then a different place
    or person (when the cluster's actors are known), then opposite evaluative words."""
    verdict = rule_verdict(first.text, second.text)
    if referents is not None and verdict.kind in ("same-fact", "stance"):
        return referents.verdict(first, second) or verdict
    return verdict


def _stance_conflicts(
    cluster: Cluster, actors: tuple[Actor, ...], quotes: tuple[Quote, ...]
) -> list[Alignment]:
    claims = find_claims(cluster, actors, quotes)
    found: list[Alignment] = []
    seen: set[tuple[str | None, str | None]] = set()
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            shared = a.subjects & b.subjects
            if a.polarity == b.polarity or not shared or None in (a.holder, b.holder):
                continue
            if a.holder == b.holder:
                continue
            if (a.holder, b.holder) in seen or len(found) >= MAX_STANCE:
                continue
            seen.add((a.holder, b.holder))
            evidence = (
                f"opposite characterizations of {', '.join(sorted(shared)[:3])}: "
                f"{', '.join(a.words)} ({'+' if a.polarity > 0 else '-'}) against "
                f"{', '.join(b.words)} ({'+' if b.polarity > 0 else '-'})"
            )
            found.append(
                Alignment(
                    "conflict", "stance", (a.span, b.span), evidence, 1.0, (a.holder, b.holder)
                )
            )
    return found


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
