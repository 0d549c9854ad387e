"""Cross-corpus development table: every configuration on every corpus and budget, one run.

    nice -n 10 python bench/suite.py [--mn-limit 5622] [--systems ...] [--reuse lexrank]
                                     [--columns mn260,duc250,...] [--no-write]

Columns (each at its own reference length, and at a short budget):
- ``mn260``: Multi-News validation, the first ``--mn-limit`` clusters, 260 words;
- ``mn100``: Multi-News validation clusters 0-999, 100 words;
- ``duc250`` / ``duc100``: DUC 2006, all 50 clusters, 250 / 100 words, generic (topic ignored);
- ``duc07a``: DUC 2007 update, set A of its 10 topics (~10 AP/NYT/Xinhua articles each, four
  100-word human summaries), 100 words, generic.

Rows: newsbrief's default, each scorer × selection configuration, lead, and sumy LexRank.
Every system summarizes the same clusters of a column and is scored by ``newsbrief.evaluate``
exactly as ``newsbrief eval`` scores it: ROUGE F1 with 95% bootstrap intervals (a fixed seed,
so the same resampled clusters for every system), and clusters/s of the summarization alone,
shown as a ratio to LexRank's in the same column.

Per-cluster results are cached under ``--cache`` (one file per system and column), keyed by a
fingerprint of the source the system depends on (the whole package for newsbrief's rows; the
splitter and the evaluation code for lead and LexRank): a system is re-run when it changed.
``--reuse`` names systems whose cached results are used whatever the fingerprint (for iterating; the
table marks them, since their speed was then not measured in this run). Writes the
"Cross-corpus" section of docs/benchmarks.md unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shlex
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import report

from newsbrief.evaluate.datasets import EvalCluster, read_clusters
from newsbrief.evaluate.peers import System, get_system
from newsbrief.evaluate.rouge import Estimate, Scorer, estimates
from newsbrief.evaluate.runner import ClusterScore, run

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
CACHE = ROOT / ".benchmarks" / "suite"
START, END = "<!-- crosscorpus:start -->", "<!-- crosscorpus:end -->"
# name → newsbrief settings (None: not a newsbrief configuration)
CONFIGS: dict[str, dict[str, str]] = {
    "newsbrief": {},
    "learned+coverage": {"scorer": "learned", "selection": "coverage"},
    "learned+mmr": {"scorer": "learned", "selection": "mmr"},
    "centroid+coverage": {"scorer": "centroid", "selection": "coverage"},
    "centroid+mmr": {"scorer": "centroid", "selection": "mmr"},
}
SYSTEMS = (*CONFIGS, "lead", "lexrank")
PEER = "lexrank"


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    load: Callable[[], list[EvalCluster]]
    words: int


def duc2007_a(path: Path, name: str = "A") -> list[EvalCluster]:
    """DUC 2007 update set A (or ``name``) of every topic, generic: its articles and its four
    summaries. Set B's summaries were written as updates on A, so B alone is a rougher check."""
    clusters = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                topic = json.loads(line)
                part = topic["sets"][name]
                references = tuple(s for s in part["summaries"] if s.strip())
                clusters.append(
                    EvalCluster(f"{topic['id']}-{name}", tuple(part["documents"]), references)
                )
    return clusters


def columns(data: Path, mn_limit: int) -> dict[str, Column]:
    validation = data / "multinews" / "validation.jsonl.gz"
    duc = data / "duc2006" / "clusters.jsonl.gz"
    return {
        "mn260": Column("mn260", f"Multi-News val. {mn_limit:,} @260",
                        lambda: list(read_clusters(validation, mn_limit)), 260),
        "mn100": Column("mn100", "Multi-News val. 1,000 @100",
                        lambda: list(read_clusters(validation, 1000)), 100),
        "duc250": Column("duc250", "DUC 2006 @250", lambda: list(read_clusters(duc)), 250),
        "duc100": Column("duc100", "DUC 2006 @100", lambda: list(read_clusters(duc)), 100),
        "duc07a": Column("duc07a", "DUC 2007 A @100",
                         lambda: duc2007_a(data / "duc2007" / "update-ab.jsonl.gz"), 100),
    }  # fmt: skip


def configured(name: str, settings: dict[str, str]) -> System:
    """newsbrief with ``settings`` as a system the runner can score."""
    from newsbrief import brief

    def summarize(documents: Sequence[str], words: int) -> str:
        result = brief(list(documents), words=words, sections=["summary"], **settings)
        return "\n".join(s.text for s in result.sentences)

    return System(name, summarize, f"newsbrief {settings or 'default'}")


def system(name: str) -> System:
    return configured(name, CONFIGS[name]) if name in CONFIGS else get_system(name)


# What a peer's summary depends on: the sentence splitter and the evaluation code, not the
# summarizer; its cached results stay valid while these files are unchanged.
PEER_SOURCES = ("summary/segment.py", "summary/patterns.py", "evaluate")
# What newsbrief's summary does not depend on (the summary alone is scored; a test checks that
# sections=["summary"] never imports the analysis): edits there leave its cached results valid.
NOT_SUMMARY = ("render/", "cli/", "service/", "batch/", "analysis/")


def fingerprint(name: str) -> str:
    """A hash of the source ``name``'s summaries depend on: older cached results are stale."""
    package = ROOT / "src" / "newsbrief"
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix not in {".py", ".json"}:
            continue
        relative = path.relative_to(package).as_posix()
        if name not in CONFIGS and not relative.startswith(PEER_SOURCES):
            continue
        if name in CONFIGS and relative.startswith(NOT_SUMMARY):
            continue
        digest.update(relative.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cached_run(
    name: str,
    column: Column,
    clusters: list[EvalCluster],
    cache: Path,
    reuse: bool,
    scorer: Scorer,
    cached_only: bool = False,
) -> tuple[list[ClusterScore], bool] | None:
    """The system's per-cluster results on the column: from the cache when valid, else run."""
    stamp = fingerprint(name)
    path = cache / f"{column.key}-{len(clusters)}-{name.replace('+', '_')}.json"
    if path.exists():
        saved = json.loads(path.read_text())
        if reuse or saved["fingerprint"] == stamp:
            return [ClusterScore(**c) for c in saved["clusters"]], saved["fingerprint"] != stamp
    if cached_only:
        return None
    result = run(system(name), clusters, column.words, scorer=scorer, memory=False,
                 progress=True, total=len(clusters))  # fmt: skip
    cache.mkdir(parents=True, exist_ok=True)
    records = [
        {"id": c.id, "scores": c.scores, "summary": c.summary, "words": c.words,
         "seconds": c.seconds, "peak_bytes": None, "error": c.error, "cut": c.cut}
        for c in result.clusters
    ]  # fmt: skip
    path.write_text(json.dumps({"fingerprint": stamp, "clusters": records}))
    return list(result.clusters), False


@dataclass
class Cell:
    rouge: dict[str, Estimate]
    speed: float  # clusters/s
    words: float
    stale: bool


def cell(results: list[ClusterScore], stale: bool) -> Cell:
    seconds = sum(c.seconds for c in results)
    return Cell(
        estimates([c.scores for c in results]),
        len(results) / seconds if seconds else float("inf"),
        sum(c.words for c in results) / len(results),
        stale,
    )


def render(chosen: list[Column], names: list[str], cells: dict[tuple[str, str], Cell],
           sizes: dict[str, int], argv: list[str]) -> str:  # fmt: skip
    command = " ".join(["python bench/suite.py", *map(shlex.quote, argv)])
    head = "| system | " + " | ".join(f"{c.title} R-1 / R-2" for c in chosen) + " |"
    rows = [head, "|---" * (len(chosen) + 1) + "|"]
    for name in names:
        row = [name]
        for column in chosen:
            got = cells.get((name, column.key))
            if got is None:
                row.append("n/a")
                continue
            r1, r2 = got.rouge["rouge1"], got.rouge["rouge2"]
            row.append(f"{100 * r1.mean:.2f} / {100 * r2.mean:.2f}" + ("*" if got.stale else ""))
        rows.append("| " + " | ".join(row) + " |")
    intervals = [head, "|---" * (len(chosen) + 1) + "|"]
    for name in names:
        row = [name]
        for column in chosen:
            got = cells.get((name, column.key))
            row.append(
                "n/a" if got is None
                else f"[{100 * got.rouge['rouge1'].low:.1f}, {100 * got.rouge['rouge1'].high:.1f}]"
                f" / [{100 * got.rouge['rouge2'].low:.1f}, {100 * got.rouge['rouge2'].high:.1f}]"
            )  # fmt: skip
        intervals.append("| " + " | ".join(row) + " |")
    speed_head = "| system | " + " | ".join(c.title for c in chosen) + " |"
    speeds = [speed_head, "|---" * (len(chosen) + 1) + "|"]
    for name in names:
        row = [name]
        for column in chosen:
            got, peer = cells.get((name, column.key)), cells.get((PEER, column.key))
            if got is None:
                row.append("n/a")
                continue
            ratio = f" ({got.speed / peer.speed:.1f}×)" if peer and peer.speed else ""
            row.append(f"{got.speed:.3g}/s{ratio}" + ("*" if got.stale else ""))
        speeds.append("| " + " | ".join(row) + " |")
    clusters = ", ".join(f"{c.title}: {sizes[c.key]} clusters" for c in chosen)
    return "\n".join([
        START, "## Quality across corpora (issue 11)", "",
        f"`{command}` on {date.today().isoformat()}; {report.machine()}. {clusters}.", "",
        "ROUGE-1 / ROUGE-2 F1 × 100 (rouge-score, Porter stemmer, mean over the references, "
        "mean over clusters), every system on the same clusters at the column's budget, kept "
        "to it the same way (whole sentences while they fit). DUC is used generically: the "
        "topic is ignored. `newsbrief` is the default settings; the other newsbrief rows set "
        "`scorer` and `selection`.", "", *rows, "",
        "95% bootstrap intervals (1,000 resamples of the clusters, the same draws for every "
        "system in a column), ROUGE-1 / ROUGE-2:", "", *intervals, "",
        "Speed: clusters/s of the summarization alone (one warm-up cluster; reading and "
        "scoring excluded), and in brackets the ratio to sumy LexRank in the same column of the "
        "same run. `*`: a cached result from an earlier run of other code (`--reuse`).", "",
        *speeds, END,
    ])  # fmt: skip


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--mn-limit", type=int, default=5622, help="Multi-News clusters @260")
    parser.add_argument("--columns", default="mn260,mn100,duc250,duc100,duc07a")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--reuse", default="", help="systems whose cached results are kept")
    parser.add_argument("--cache", default=str(CACHE))
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument(
        "--cached-only",
        action="store_true",
        help="assemble the table from valid cached results only; other cells read n/a",
    )
    parser.add_argument("--write", action=argparse.BooleanOptionalAction, default=True)
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    every = columns(Path(args.data), args.mn_limit)
    chosen = [every[key] for key in args.columns.split(",") if key]
    names = [n for n in args.systems.split(",") if n]
    reuse = {n for n in args.reuse.split(",") if n}
    scorer, cells, sizes = Scorer(), {}, {}
    for column in chosen:
        clusters = column.load()
        sizes[column.key] = len(clusters)
        for name in names:
            found = cached_run(name, column, clusters, Path(args.cache), name in reuse, scorer,
                               args.cached_only)  # fmt: skip
            if found is None:
                continue
            cells[(name, column.key)] = cell(*found)
            got = cells[(name, column.key)]
            r1, r2 = got.rouge["rouge1"].mean, got.rouge["rouge2"].mean
            print(f"{column.key} {name}: {100 * r1:.2f} / {100 * r2:.2f}  {got.speed:.3g}/s",
                  file=sys.stderr)  # fmt: skip
    text = render(chosen, names, cells, sizes, sys.argv[1:])
    print(text)
    if args.write:
        report.write_section("crosscorpus", text)


if __name__ == "__main__":
    main()
