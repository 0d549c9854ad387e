"""``newsbrief batch`` and ``newsbrief group``: thin commands over newsbrief.batch.runner / .group.

Errors are raised as :class:`NewsbriefError` and turned into one line on stderr by the CLI's
edge (``newsbrief.cli.errors.friendly_errors``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsbrief.batch.engines import ENGINES
from newsbrief.choices import SUMMARIZERS
from newsbrief.cli.errors import friendly_errors
from newsbrief.settings import Settings


@click.command("batch")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path), metavar="IN.jsonl[.gz]")
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Write one brief a line here; briefs already in it are skipped (resume).",
)
@click.option(
    "-w",
    "--words",
    type=click.IntRange(min=1),
    default=None,
    help=f"Word budget of every brief. [default: {Settings.words}]",
)
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes briefing at once (local engine), or workers of a local Dask cluster.",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="local",
    show_default=True,
    help="local: this machine; dask: a Dask cluster (needs the dask extra).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="With --engine dask: the scheduler to use, e.g. tcp://10.0.0.5:8786. "
    "[default: start a local cluster]",
)
@click.option(
    "--errors",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where failed lines go, one JSON line each with the reason. [default: OUT's name "
    "with .errors.jsonl]",
)
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A TOML settings file (see docs/settings.md), read once and sent to every worker.",
)
@click.option(
    "-s",
    "--sections",
    default=None,
    metavar="LIST",
    help="Comma-separated parts of every brief: summary, actors, quotes, timeline, agreement "
    "(summary alone is ~20× faster). [default: all that can run]",
)
@click.option(
    "--backend",
    default=None,
    metavar="NAME",
    help="Who writes every summary: "
    + "; ".join(f"{e.name} ({e.description})" for e in SUMMARIZERS.entries())
    + ". [default: extractive]",
)
@click.option(
    "--max-cluster-chars",
    type=click.IntRange(min=0),
    default=4_000_000,
    show_default=True,
    help="A cluster whose articles hold more characters goes to the errors file (0: no limit).",
)
@click.option(
    "--cluster-timeout",
    type=click.FloatRange(min=0),
    default=600.0,
    show_default=True,
    help="Seconds one cluster may take; a slower one goes to the errors file (0: no limit; "
    "not enforced on Dask workers).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar with rate and ETA on stderr. [default: when stderr is a terminal]",
)
@friendly_errors
def batch_command(
    source: Path,
    out: Path,
    words: int | None,
    workers: int,
    engine: str,
    scheduler: str | None,
    errors: Path | None,
    config: Path | None,
    sections: str | None,
    backend: str | None,
    max_cluster_chars: int,
    cluster_timeout: float,
    progress: bool | None,
) -> None:
    """Brief every cluster of IN, one a line, into OUT, one brief a line.

    IN holds one cluster a line: {"id": ..., "documents": [text or {"text", "title", "date",
    "source"}, ...]} (gzipped if its name ends in .gz; a line without an id is named line-N).
    OUT gets the JSON of `newsbrief brief -f json` for each, with the cluster's "id", in input
    order. Lines that cannot be read and clusters that cannot be briefed go to the errors file
    with the reason; the run goes on. Run the same command again to resume after a stop.

    \b
    Examples:
      newsbrief batch clusters.jsonl.gz --out briefs.jsonl --workers 4
      newsbrief batch clusters.jsonl --out briefs.jsonl --engine dask --scheduler tcp://host:8786
    """
    from newsbrief.batch.runner import run_batch
    from newsbrief.records import BriefRequest
    from newsbrief.settings import load_settings

    # Checked here, once, before any cluster: a bad name fails the run, not every cluster.
    settings = load_settings(config, words=words, backend=backend)
    request = BriefRequest((), sections=sections)
    shown = sys.stderr.isatty() if progress is None else progress
    summary = run_batch(
        source,
        out,
        settings=settings,
        request=request,
        errors=errors,
        engine=engine,
        workers=workers,
        scheduler=scheduler,
        progress=shown,
        max_cluster_chars=max_cluster_chars or None,
        cluster_timeout=cluster_timeout or None,
    )
    for notice in summary.notices:
        click.echo(f"newsbrief: warning: {notice}", err=True)
    if summary.dropped_bytes:
        click.echo(
            f"newsbrief: warning: {out}: dropped a cut-off last line ({summary.dropped_bytes} "
            "bytes) left by an earlier run; that cluster is briefed again",
            err=True,
        )
    if summary.unnamed:
        click.echo(
            f"newsbrief: warning: {summary.unnamed} cluster(s) had no id and are named "
            "line-N after their input line",
            err=True,
        )
    click.echo(
        f"done {summary.done}, skipped {summary.skipped} (already in {out.name}), "
        f"failed {summary.failed} in {summary.seconds:.1f} s ({summary.rate:.1f} clusters/s)"
    )
    if summary.failed:
        click.echo(f"newsbrief: {summary.failed} failure(s) listed in {summary.errors}", err=True)


@click.command("group")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path), metavar="ARTICLES.jsonl")
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help='Write the stories here, one cluster a line ({"id", "documents"}), for batch.',
)
@click.option(
    "-t",
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Mean cosine with a story's articles an article needs to join it, above how close "
    "the next candidate stories come; higher makes smaller, purer stories. [default: 0.07]",
)
@click.option(
    "--window",
    "window_days",
    type=click.IntRange(min=0),
    default=None,
    help="Days after a story's latest article in which a dated article may still join it. "
    "[default: 3]",
)
def group_command(
    source: Path, out: Path, threshold: float | None, window_days: int | None
) -> None:
    """Group the articles of ARTICLES into stories, written to OUT for `newsbrief batch`.

    ARTICLES holds one article a line: {"id", "text", "title", "date", "source"} (only "text"
    is required), in any order. Articles about the same event within a time window end up in
    one story. Undated articles are compared with every story (no window applies).

    \b
    Examples:
      newsbrief group articles.jsonl --out stories.jsonl
      newsbrief batch stories.jsonl --out briefs.jsonl
    """
    friendly_errors(_group)(source, out, threshold, window_days)


def _group(source: Path, out: Path, threshold: float | None, window_days: int | None) -> None:
    from dataclasses import replace

    from newsbrief.batch.group import GroupSettings, group_file

    settings = GroupSettings()
    if threshold is not None:
        settings = replace(settings, threshold=threshold)
    if window_days is not None:
        settings = replace(settings, window_days=window_days)
    summary = group_file(source, out, settings)
    for line, reason in summary.skipped[:20]:
        click.echo(f"newsbrief: skipped: {source.name}, line {line}: {reason}", err=True)
    if len(summary.skipped) > 20:
        click.echo(f"newsbrief: skipped: {len(summary.skipped) - 20} more lines", err=True)
    click.echo(
        f"{summary.articles} articles ({summary.dated} dated) → {summary.stories} stories "
        f"in {out} ({summary.seconds:.1f} s); skipped {len(summary.skipped)} line(s)"
    )
