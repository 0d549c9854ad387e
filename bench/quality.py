"""Quality benchmark: ROUGE of newsbrief beside its peers, on the same clusters in one run.

    python bench/quality.py [--limit 300] [--duc/--no-duc] [--duc-limit 50] [--words N]
                            [--systems newsbrief,lead,...] [--no-memory] [--no-write]

Datasets are read in place from ../shared/data (never copied into the repo, see its README):
- Multi-News validation, the first ``--limit`` clusters, 260-word summaries;
- DUC 2006, the first ``--duc-limit`` of its 50 clusters (25 articles each, four references),
  250-word summaries. ``--words`` sets one budget for both instead.

Every system (newsbrief, lead, the sumy peers, the oracle) summarizes the same clusters; the
scores, speed and memory come from ``newsbrief.evaluate`` exactly as ``newsbrief eval`` reports
them. Writes the "Quality" section of docs/benchmarks.md (between its markers; the other
sections are left as they are) unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import report

from newsbrief.errors import NewsbriefError
from newsbrief.evaluate.datasets import read_clusters
from newsbrief.evaluate.peers import System, get_system
from newsbrief.evaluate.rouge import METRICS, Scorer
from newsbrief.evaluate.runner import RunResult, run

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
DOCS = report.DOCS
START, END = "<!-- quality:start -->", "<!-- quality:end -->"
ORDER = ("newsbrief", "lead", "lexrank", "textrank", "lsa", "oracle")


@dataclass(frozen=True)
class Dataset:
    title: str
    path: Path
    limit: int
    words: int


def datasets(args: argparse.Namespace) -> list[Dataset]:
    data = Path(args.data)
    chosen = [
        Dataset("Multi-News validation", data / "multinews" / "validation.jsonl.gz", args.limit,
                args.words or 260),
    ]  # fmt: skip
    if args.duc:
        chosen.append(
            Dataset("DUC 2006", data / "duc2006" / "clusters.jsonl.gz", args.duc_limit,
                    args.words or 250)
        )  # fmt: skip
    return chosen


def available_systems(names: list[str]) -> tuple[list[System], list[str]]:
    """The systems that can run here, and a note for each one that cannot."""
    systems, notes = [], []
    for name in names:
        try:
            systems.append(get_system(name))
        except NewsbriefError as exc:
            notes.append(f"{name} not run: {exc}")
            print(notes[-1], file=sys.stderr)
    return systems, notes


def run_dataset(dataset: Dataset, systems: list[System], traced: int | None) -> list[str]:
    """Every system over the same clusters: one table row each.

    ``traced``: how many of the biggest clusters (by characters) to trace for peak memory;
    0 traces every cluster, None none.
    """
    clusters = list(read_clusters(dataset.path, dataset.limit))
    by_size = sorted(clusters, key=lambda c: -sum(map(len, c.documents)))
    memory: bool | set[str] = traced is not None
    if traced:
        memory = {c.id for c in by_size[:traced]}
    scorer = Scorer()
    rows = []
    speeds: dict[str, float] = {}
    print(f"\n{dataset.title}: {len(clusters)} clusters, {dataset.words} words", file=sys.stderr)
    for system in systems:
        started = time.perf_counter()
        result = run(system, clusters, dataset.words, scorer=scorer, memory=memory, progress=True,
                     total=len(clusters))  # fmt: skip
        rows.append(table_row(result))
        speeds[result.system] = result.clusters_per_second
        print(f"{rows[-1]}  ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    header = (
        f"### {dataset.title}: {len(clusters)} clusters, {dataset.words}-word summaries\n\n"
        "| system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | mean words | clusters/s | peak MB |\n"
        "|---|---|---|---|---|---|---|"
    )
    ratios = [
        f"{speeds['newsbrief'] / speeds[peer]:.1f}× {peer}"
        for peer in ("lexrank", "textrank", "lsa")
        if "newsbrief" in speeds and speeds.get(peer)
    ]
    if ratios:  # the speed goal is a ratio measured in the same run; rounding must not hide it
        rows.append(f"\nnewsbrief's clusters/s in this run: {', '.join(ratios)}.")
    return [header, *rows]


def table_row(result: RunResult) -> str:
    estimates = result.estimates()
    words = sum(c.words for c in result.clusters) / len(result.clusters)
    name = f"{result.system} (ceiling)" if result.system == "oracle" else result.system
    peak = "n/a" if result.peak_mb is None else f"{result.peak_mb:.2f}"
    cells = [estimates[m].format() for m in METRICS]
    speed = result.clusters_per_second
    speed = f"{speed:.1f}" if speed >= 10 else f"{speed:.2f}"
    return f"| {name} | {' | '.join(cells)} | {words:.0f} | {speed} | {peak} |"


def section(tables: list[list[str]], notes: list[str], traced: int | None) -> str:
    from importlib.metadata import PackageNotFoundError, version

    def installed(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    command = " ".join(["python bench/quality.py", *map(shlex.quote, sys.argv[1:])])
    lines = [
        START,
        "## Quality (ROUGE)",
        "",
        f"`{command}` on {date.today().isoformat()}; {report.machine()}; rouge-score "
        f"{installed('rouge-score')}, sumy {installed('sumy')}.",
        "",
        "ROUGE F1 × 100 from the `rouge-score` package with its Porter stemmer, texts lowercased "
        "and split one sentence a line with newsbrief's splitter (for ROUGE-Lsum); several "
        "references: the mean over them. Mean over clusters [95% bootstrap interval, 1,000 "
        "resamples of the clusters, the same draws for every system]. Every system gets the "
        "same budget and keeps to it the same way (whole sentences while they fit). "
        "clusters/s: summarization alone (no reading, no scoring), after one warm-up cluster. "
        + memory_note(traced),
        "",
    ]
    for table in tables:
        lines += [*table, ""]
    lines += [
        "lead: the first sentence of each article in turn, then the second, and so on. "
        "lexrank, textrank, lsa: sumy's summarizers with its English stemmer and stop words, "
        "unchanged, but given newsbrief's sentence splitter, since sumy's own tokenizer needs "
        "NLTK punkt data that no package registry serves (docs/eval.md). oracle: greedy "
        "ROUGE-1+2 selection that reads the references; a ceiling for extractive systems, "
        "not a system.",
        *[f"\n{note}" for note in notes],
        END,
    ]
    return "\n".join(lines)


def memory_note(traced: int | None) -> str:
    if traced is None:
        return "Memory was not measured (--no-memory)."
    which = "the clusters" if traced == 0 else f"the {traced} biggest clusters (by characters)"
    return (
        "peak MB: the most memory Python allocated during one cluster's summarization "
        f"(tracemalloc, in a second, traced run), the largest over {which}; tracing is slow, "
        "and peak memory grows with the size of the cluster."
    )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=300, help="Multi-News clusters to score")
    parser.add_argument(
        "--duc",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also score DUC 2006 (slow for the sumy peers: ~5 s a cluster)",
    )
    parser.add_argument("--duc-limit", type=int, default=50, help="DUC 2006 clusters to score")
    parser.add_argument(
        "--words",
        type=int,
        default=None,
        help="one word budget for every dataset [default: 260 / 250]",
    )
    parser.add_argument(
        "--systems",
        default=",".join(ORDER),
        help=f"comma-separated systems to run [default: {','.join(ORDER)}]",
    )
    parser.add_argument(
        "--memory",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="measure peak memory (a second, traced run of a summary)",
    )
    parser.add_argument(
        "--memory-clusters",
        type=int,
        default=5,
        help="trace the N biggest clusters of each dataset for memory (0: all) [default: 5]",
    )
    parser.add_argument(
        "--write",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="update docs/benchmarks.md",
    )
    parser.add_argument("--data", default=str(DATA), help="the shared data folder")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    systems, notes = available_systems([s.strip() for s in args.systems.split(",") if s.strip()])
    traced = args.memory_clusters if args.memory else None
    tables = []
    for dataset in datasets(args):
        if not dataset.path.is_file():
            notes.append(f"{dataset.title} not run: {dataset.path.name} not found")
            print(notes[-1], file=sys.stderr)
            continue
        tables.append(run_dataset(dataset, systems, traced))
    text = section(tables, notes, traced)
    print(text)
    if args.write:
        report.write_section("quality", text)
        print(f"wrote {DOCS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
