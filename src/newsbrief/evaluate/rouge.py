"""ROUGE scores from the ``rouge-score`` package, and bootstrap intervals for their means.

The scoring is the library's (Porter stemmer, its own tokenizer); this module only prepares the
texts the way the datasets' convention asks: lowercased, one sentence a line (ROUGE-Lsum reads
sentence boundaries from newlines), sentences found by
:func:`newsbrief.summary.segment.split_sentences` within each line. Several references: the mean
of the F1 against each.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsbrief.errors import NewsbriefError

METRICS = ("rouge1", "rouge2", "rougeLsum")
LABELS = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeLsum": "ROUGE-Lsum"}
EVAL_HINT = "pip install 'newsbrief[eval]'"
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 20250101  # fixed, so intervals are reproducible and paired across systems


def require(module: str, package: str, hint: str = EVAL_HINT) -> Any:
    """Import an optional module, or raise a one-line error with the install hint."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise NewsbriefError(f"{package} is not installed", hint=hint, code="E300") from None


def sentences(text: str) -> list[str]:
    """The sentences of ``text``: every line break ends one; our splitter finds the rest."""
    from newsbrief.summary.segment import split_sentences

    found: list[str] = []
    for line in text.splitlines():
        found += [line[start:end] for start, end in split_sentences(line)]
    return found


def prepare(text: str) -> str:
    """A summary or reference as ROUGE-Lsum expects it: lowercased, one sentence a line."""
    return "\n".join(sentences(text)).lower()


class Scorer:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 of a summary against one or more references."""

    def __init__(self) -> None:
        rouge_scorer = require("rouge_score.rouge_scorer", "rouge-score")
        self._scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)

    def score(self, summary: str, references: Sequence[str]) -> dict[str, float]:
        """F1 per metric, the mean over ``references`` (each scored on its own)."""
        if not references:
            raise NewsbriefError("no reference summary to score against", code="E301")
        prediction = prepare(summary)
        totals = dict.fromkeys(METRICS, 0.0)
        for reference in references:
            scores = self._scorer.score(prepare(reference), prediction)
            for metric in METRICS:
                totals[metric] += scores[metric].fmeasure
        return {metric: totals[metric] / len(references) for metric in METRICS}


@dataclass(frozen=True)
class Estimate:
    """A mean over clusters and its bootstrap confidence interval."""

    mean: float
    low: float
    high: float

    def format(self, scale: float = 100.0, digits: int = 2) -> str:
        m, lo, hi = (round(v * scale, digits) for v in (self.mean, self.low, self.high))
        return f"{m:.{digits}f} [{lo:.{digits}f}, {hi:.{digits}f}]"


def bootstrap(
    values: Sequence[float],
    confidence: float = 0.95,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> Estimate:
    """The mean of ``values`` with a percentile bootstrap interval (clusters resampled).

    The seed is fixed, so two systems scored on the same clusters are resampled with the same
    draws: their intervals are paired, and a rerun gives the same numbers.
    """
    import numpy as np

    data = np.asarray(values, dtype=float)
    if data.size == 0:
        raise NewsbriefError("no scores to average", code="E302")
    rng = np.random.default_rng(seed)
    means = np.empty(resamples)
    for start in range(0, resamples, 100):  # in blocks, so memory stays small for big sets
        block = rng.integers(0, data.size, size=(min(100, resamples - start), data.size))
        means[start : start + len(block)] = data[block].mean(axis=1)
    tail = (1.0 - confidence) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return Estimate(float(data.mean()), float(low), float(high))


def estimates(per_cluster: Sequence[Mapping[str, float]]) -> dict[str, Estimate]:
    """Mean and bootstrap interval of each metric over the clusters' scores."""
    return {metric: bootstrap([scores[metric] for scores in per_cluster]) for metric in METRICS}
