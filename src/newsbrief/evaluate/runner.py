"""Run one system over clusters: summarize, keep to the budget, score, and measure.

Measured per cluster, around the system's call alone (reading and ROUGE scoring excluded):
- time, with :func:`time.perf_counter`;
- peak memory, with :mod:`tracemalloc`: the most memory Python allocated at once during the
  call above what was allocated before it (numpy buffers included, which report to tracemalloc;
  memory a native library allocates on its own is not seen). The run's figure is the largest
  over the traced clusters: all of them by default, or only those named (a benchmark traces
  its biggest few). Tracing slows allocation-heavy code (sumy's LexRank several times over),
  so a traced cluster is summarized twice: once timed, once traced.
The first cluster is summarized once more before anything is measured, so one-time costs
(lazy imports, loading models) are not counted against it.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from newsbrief.errors import NewsbriefError
from newsbrief.evaluate.datasets import EvalCluster
from newsbrief.evaluate.peers import System, take_while_fits
from newsbrief.evaluate.rouge import METRICS, Estimate, Scorer, estimates, sentences


@dataclass(frozen=True)
class ClusterScore:
    """One cluster's summary, its ROUGE F1 scores and what it cost."""

    id: str
    scores: dict[str, float]
    summary: str
    words: int
    seconds: float
    peak_bytes: int | None  # None: not traced
    error: str | None = None  # the system refused the cluster (scored as an empty summary)
    cut: bool = False  # the system's summary was over the budget and was cut

    def to_dict(self, system: str) -> dict[str, Any]:
        record: dict[str, Any] = {"id": self.id, "system": system}
        record.update({metric: round(self.scores[metric], 6) for metric in METRICS})
        record.update(
            words=self.words,
            seconds=round(self.seconds, 6),
            peak_mb=None if self.peak_bytes is None else round(self.peak_bytes / 1e6, 3),
            summary=self.summary,
        )
        if self.error:
            record["error"] = self.error
        if self.cut:
            record["cut"] = True
        return record


@dataclass(frozen=True)
class RunResult:
    """A system's scores over a set of clusters."""

    system: str
    words: int
    clusters: tuple[ClusterScore, ...]

    @property
    def seconds(self) -> float:
        return sum(c.seconds for c in self.clusters)

    @property
    def clusters_per_second(self) -> float:
        return len(self.clusters) / self.seconds if self.seconds > 0 else float("inf")

    @property
    def peak_mb(self) -> float | None:
        """The largest peak over the traced clusters, in MB (None when none was traced)."""
        peaks = [c.peak_bytes for c in self.clusters if c.peak_bytes is not None]
        return max(peaks) / 1e6 if peaks else None

    @property
    def failures(self) -> list[ClusterScore]:
        return [c for c in self.clusters if c.error]

    @property
    def cut(self) -> list[ClusterScore]:
        return [c for c in self.clusters if c.cut]

    def estimates(self) -> dict[str, Estimate]:
        """Mean F1 per metric over the clusters, with 95% bootstrap intervals."""
        if not self.clusters:
            raise NewsbriefError("no cluster was scored", code="E304")
        return estimates([c.scores for c in self.clusters])


def run(
    system: System,
    clusters: Iterable[EvalCluster],
    words: int,
    *,
    scorer: Scorer | None = None,
    memory: bool | Collection[str] = True,
    progress: bool = False,
    total: int | None = None,
    on_cluster: Callable[[ClusterScore], None] | None = None,
) -> RunResult:
    """Summarize and score every cluster with ``system``; ``on_cluster`` sees each result.

    ``memory``: trace the peak memory of every cluster (True), of none (False), or of the
    clusters with these ids.
    """
    scorer = scorer or Scorer()
    results: list[ClusterScore] = []
    for number, cluster in enumerate(_progress(clusters, system.name, progress, total)):
        summarize = _bind(system, cluster)
        if number == 0:
            _call(summarize, cluster, words)  # warm-up: lazy imports, caches
        traced = memory if isinstance(memory, bool) else cluster.id in memory
        result = _measure(summarize, cluster, words, scorer, traced)
        results.append(result)
        if on_cluster:
            on_cluster(result)
    return RunResult(system.name, words, tuple(results))


def _bind(system: System, cluster: EvalCluster) -> Callable[[Sequence[str], int], str]:
    if system.uses_references:
        return partial(system.summarize, references=cluster.references)
    if system.takes_request and (cluster.question or cluster.since):
        return partial(system.summarize, question=cluster.question, since=cluster.since)
    return system.summarize


def _measure(
    summarize: Callable[[Sequence[str], int], str],
    cluster: EvalCluster,
    words: int,
    scorer: Scorer,
    memory: bool,
) -> ClusterScore:
    started = time.perf_counter()
    text, error = _call(summarize, cluster, words)
    seconds = time.perf_counter() - started
    peak = _traced_peak(summarize, cluster, words) if memory else None
    found = sentences(text)
    kept = take_while_fits(found, words)
    summary = "\n".join(kept)
    return ClusterScore(
        cluster.id,
        scorer.score(summary, cluster.references),
        summary,
        sum(len(s.split()) for s in kept),
        seconds,
        peak,
        error,
        cut=len(kept) < len(found),
    )


def _call(
    summarize: Callable[[Sequence[str], int], str], cluster: EvalCluster, words: int
) -> tuple[str, str | None]:
    """The summary, or an empty one and the reason when the system refuses the cluster."""
    try:
        return summarize(list(cluster.documents), words), None
    except NewsbriefError as exc:
        return "", str(exc)
    except Exception as exc:
        exc.add_note(f"(while summarizing cluster {cluster.id!r})")
        raise


def _traced_peak(
    summarize: Callable[[Sequence[str], int], str], cluster: EvalCluster, words: int
) -> int:
    started_here = not tracemalloc.is_tracing()
    if started_here:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before, _ = tracemalloc.get_traced_memory()
        _call(summarize, cluster, words)
        _, peak = tracemalloc.get_traced_memory()
        return max(0, peak - before)
    finally:
        if started_here:
            tracemalloc.stop()


def _progress(
    clusters: Iterable[EvalCluster], name: str, shown: bool, total: int | None
) -> Iterator[EvalCluster]:
    """The clusters, with a progress bar on stderr when asked and tqdm is installed."""
    if not shown:
        return iter(clusters)
    try:
        from tqdm import tqdm
    except ImportError:
        return iter(clusters)
    return iter(tqdm(clusters, desc=name, total=total, unit="cluster", leave=False))
