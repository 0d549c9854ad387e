"""``newsbrief eval``: score a system on clusters with reference summaries (ROUGE).

Register it in the main group with ``main.add_command(eval_command)``. Errors are raised as
:class:`NewsbriefError` and turned into one line on stderr by the CLI's own edge
(:func:`newsbrief.cli.errors.friendly_errors`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from newsbrief.cli.errors import friendly_errors
from newsbrief.errors import InputError, NewsbriefError
from newsbrief.evaluate.peers import SYSTEMS

if TYPE_CHECKING:
    from newsbrief.evaluate.runner import RunResult

SCALE = 100.0  # scores are shown as F1 × 100


@click.command("eval")
@click.argument("data", type=click.Path(dir_okay=False, path_type=Path), metavar="DATA.jsonl[.gz]")
@click.option(
    "-w",
    "--words",
    type=click.IntRange(min=1),
    default=260,
    show_default=True,
    help="Word budget of every summary (Multi-News: 260, DUC 2006: 250).",
)
@click.option(
    "-n",
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="Score only the first N clusters (after --skip).",
)
@click.option(
    "--skip",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Leave out the first N clusters: --skip 300 --limit 1000 scores clusters 300-1299.",
)
@click.option(
    "-s",
    "--system",
    "system_name",
    type=click.Choice(list(SYSTEMS)),
    default="newsbrief",
    show_default=True,
    help="What to score: newsbrief, a baseline (lead), the ceiling (oracle), or a sumy peer "
    "(lexrank, textrank, lsa; needs the bench extra).",
)
@click.option(
    "--topic",
    is_flag=True,
    help="Ask each cluster's topic as the question ('question', or DUC 2006 'query_title' + "
    "'query_narrative', or DUC 2007 'title' + 'narrative').",
)
@click.option(
    "--set",
    "set_name",
    default=None,
    metavar="NAME",
    help="For clusters holding 'sets' (DUC 2007 update): summarize this set (A or B).",
)
@click.option(
    "--since-set",
    default=None,
    metavar="NAME",
    help="The set the reader has read: an update brief of --set given this one "
    "(DUC 2007: --set B --since-set A).",
)
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write one JSON line per cluster (scores, summary, time, memory) to this file.",
)
@click.option(
    "--memory/--no-memory",
    default=True,
    show_default=True,
    help="Measure peak memory (each summary is made a second time under tracemalloc).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr. [default: when stderr is a terminal]",
)
def eval_command(
    data: Path,
    words: int,
    limit: int | None,
    skip: int,
    system_name: str,
    topic: bool,
    set_name: str | None,
    since_set: str | None,
    out: Path | None,
    memory: bool,
    progress: bool | None,
) -> None:
    """Summarize every cluster of DATA and score the summaries with ROUGE.

    DATA holds one cluster a line: {"id", "documents": [...], "summary"}, or "summaries": [...]
    for several references (scored against each, then averaged). Prints ROUGE-1, ROUGE-2 and
    ROUGE-Lsum F1 (rouge-score, Porter stemmer; mean over clusters with a 95% bootstrap
    interval), clusters per second of summarization alone, and peak memory.

    \b
    Examples:
      newsbrief eval ../shared/data/multinews/validation.jsonl.gz --limit 300
      newsbrief eval clusters.jsonl --system lead --out lead-scores.jsonl
      newsbrief eval ../shared/data/duc2006/clusters.jsonl.gz --words 250 --topic
      newsbrief eval ../shared/data/duc2007/update-ab.jsonl.gz --words 100 --topic \\
          --set B --since-set A
    """
    friendly_errors(evaluate)(
        data,
        words,
        limit,
        system_name,
        out,
        memory,
        progress,
        skip,
        topic=topic,
        set_name=set_name,
        since_set=since_set,
    )


def evaluate(
    data: Path,
    words: int,
    limit: int | None,
    system_name: str,
    out: Path | None,
    memory: bool,
    progress: bool | None,
    skip: int = 0,
    *,
    topic: bool = False,
    set_name: str | None = None,
    since_set: str | None = None,
) -> None:
    """The body of ``newsbrief eval``: run, then print the report."""
    from newsbrief.evaluate.datasets import read_clusters
    from newsbrief.evaluate.peers import get_system
    from newsbrief.evaluate.rouge import Scorer
    from newsbrief.evaluate.runner import run

    if not data.is_file():
        raise InputError(f"{data}: no such file", code="E101")
    system = get_system(system_name)
    scorer = Scorer()  # fails now, not after the first summary, when rouge-score is missing
    shown = sys.stderr.isatty() if progress is None else progress
    with _jsonl_writer(out) as write:
        result = run(
            system,
            read_clusters(data, limit, skip, topic=topic, set_name=set_name, since_set=since_set),
            words,
            scorer=scorer,
            memory=memory,
            progress=shown,
            total=limit,
            on_cluster=lambda score: write(score.to_dict(system.name)),
        )
    for line in report(result, data.name):
        click.echo(line)
    for line in warnings(result):
        click.echo(f"newsbrief: warning: {line}", err=True)
    if out is not None:
        click.echo(f"newsbrief: wrote {out} ({len(result.clusters)} lines)", err=True)


@contextmanager
def _jsonl_writer(path: Path | None) -> Iterator[Any]:
    """A function writing one JSON line to ``path`` (flushed, so a cut run keeps its lines)."""
    if path is None:
        yield lambda record: None
        return
    try:
        handle: IO[str] = path.open("w", encoding="utf-8")
    except OSError as exc:
        raise NewsbriefError(f"cannot write {path}: {exc.strerror}", code="E305") from None

    def write(record: dict[str, Any]) -> None:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        handle.flush()

    with handle:
        yield write


def report(result: RunResult, source: str) -> list[str]:
    """The printed report: scores with intervals, speed and memory."""
    from newsbrief.evaluate.rouge import LABELS

    estimates = result.estimates()
    lines = [
        f"{result.system} on {source}: {len(result.clusters)} clusters, {result.words}-word budget",
        "  F1 × 100, mean over clusters [95% bootstrap interval]",
    ]
    for metric, estimate in estimates.items():
        lines.append(f"  {LABELS[metric]:<11} {estimate.format(SCALE)}")
    peak = result.peak_mb
    lines += [
        f"  {'speed':<11} {result.clusters_per_second:.1f} clusters/s (summarization alone)",
        f"  {'peak memory':<11} "
        + ("not measured" if peak is None else f"{peak:.2f} MB (tracemalloc, largest cluster)"),
    ]
    if result.system == "oracle":
        lines.append("  (the oracle reads the references: a ceiling, not a summarizer)")
    return lines


def warnings(result: RunResult) -> list[str]:
    """Clusters a system refused or whose summary had to be cut to the budget."""
    found = []
    if result.failures:
        first = result.failures[0]
        found.append(
            f"{result.system} refused {len(result.failures)} cluster(s), scored as empty "
            f"summaries; first: {first.id}: {first.error}"
        )
    if result.cut:
        found.append(
            f"{len(result.cut)} {result.system} summaries were over {result.words} words "
            f"and were cut to whole sentences that fit; first: {result.cut[0].id}"
        )
    return found
