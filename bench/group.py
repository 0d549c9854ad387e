"""Story grouping benchmark: quality on mixed Multi-News clusters, and how cost grows.

    python bench/group.py [--write] [--repeat N]

Labelled set: the documents of Multi-News validation clusters (read in place from
../shared/data), pooled and shuffled (seed 0); the true story of a document is its cluster.
Documents that cannot belong to one story are left out: empty ones, ones under 30 words, and
scraper boilerplate (a document whose first ten words open a document of another cluster too,
e.g. the Wayback Machine's "These crawls are part of an effort to archive pages ...").

- tuning: clusters 0–2810 (first half), threshold grid, undated and with synthetic dates;
- measuring: clusters 2811–5621 (second half) with the chosen threshold;
- synthetic dates: Multi-News has none, so each cluster gets a random day (N stories a day on
  average) and each of its documents that day plus 0–2 days; the window is the default 3 days.
- scaling: 5,000 → 50,000 articles from validation + the first 10,000 training clusters, each
  size run ``--repeat`` times (default 3), each run in a fresh process; the median time and the
  largest peak RSS are reported. Past the ~44,000 real documents the stream is padded with wire
  copies (a document without its first sentence, same story).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import report

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "multinews"
GRID = [0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.12]
SIZES = [5_000, 10_000, 20_000, 50_000]


def documents(path: Path) -> list[tuple[int, str, str]]:
    """(cluster number, cluster id, text) of every usable document, boilerplate left out."""
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            record = json.loads(line)
            rows += [(number, record["id"], d) for d in record["documents"] if d.strip()]
    openings: defaultdict[str, set[str]] = defaultdict(set)
    for _, cluster, text in rows:
        openings[" ".join(text.split()[:10]).lower()].add(cluster)
    return [
        row
        for row in rows
        if len(row[2].split()) >= 30 and len(openings[" ".join(row[2].split()[:10]).lower()]) < 2
    ]


def mix(rows, per_day: float | None, seed: int = 0) -> tuple[list[dict], list[str]]:
    rng = random.Random(seed)
    rows = list(rows)
    rng.shuffle(rows)
    clusters = sorted({cluster for _, cluster, _ in rows})
    start = date(2030, 1, 1)
    days = {c: int(rng.random() * len(clusters) / per_day) for c in clusters} if per_day else {}
    articles = []
    for _, cluster, text in rows:
        article = {"text": text}
        if per_day:
            article["date"] = (start + timedelta(days[cluster] + rng.randint(0, 2))).isoformat()
        articles.append(article)
    return articles, [cluster for _, cluster, _ in rows]


def scores(articles, truth, threshold: float) -> tuple[float, float, float, float, float]:
    from sklearn.metrics import adjusted_rand_score

    from newsbrief.batch.group import GroupSettings, bcubed, group_articles

    started = time.perf_counter()
    stories = group_articles(articles, GroupSettings(threshold=threshold))
    seconds = time.perf_counter() - started
    predicted = [0] * len(articles)
    for number, members in enumerate(stories):
        for member in members:
            predicted[member] = number
    precision, recall, f1 = bcubed(truth, predicted)
    return precision, recall, f1, adjusted_rand_score(truth, predicted), seconds


def quality_rows() -> tuple[list[str], float, dict[str, float]]:
    rows = documents(DATA / "validation.jsonl.gz")
    tune = [r for r in rows if r[0] < 2811]
    test = [r for r in rows if r[0] >= 2811]
    print(f"tuning on {len(tune)} documents, measuring on {len(test)}", file=sys.stderr)
    settings = [("undated", None), ("20 stories/day", 20.0)]
    mean_f1 = {}
    for threshold in GRID:
        f1s = [scores(*mix(tune, per_day), threshold)[2] for _, per_day in settings]
        mean_f1[threshold] = sum(f1s) / len(f1s)
        print(f"  tune threshold {threshold}: B3 F1 {f1s}", file=sys.stderr)
    best = max(mean_f1, key=mean_f1.__getitem__)
    lines, f1_of = [], {}
    for label, per_day in [*settings, ("50 stories/day", 50.0), ("5 stories/day", 5.0)]:
        articles, truth = mix(test, per_day)
        p, r, f1, ari, seconds = scores(articles, truth, best)
        f1_of[label] = f1
        lines.append(
            f"| {label} | {len(articles):,} | {len(set(truth)):,} | {p:.3f} | {r:.3f} | "
            f"**{f1:.3f}** | {ari:.3f} | {seconds:.1f} s |"
        )
        print(lines[-1])
    return lines, best, f1_of


def scaled_stream(size: int) -> tuple[list[dict], list[str]]:
    rows = documents(DATA / "validation.jsonl.gz") + documents(DATA / "train-first10000.jsonl.gz")
    rng = random.Random(1)
    while len(rows) < size:  # wire copies: the same report without its first sentence
        number, cluster, text = rows[rng.randrange(len(rows))]
        rows.append((number, cluster, text.split(". ", 1)[-1]))
    rng.shuffle(rows)
    return mix(rows[:size], None)


def one_size(size: int, threshold: float) -> None:
    """Run in a fresh process: print a JSON line with time, peak RSS and quality."""
    articles, truth = scaled_stream(size)
    import gc

    import psutil

    gc.collect()
    base = psutil.Process().memory_info().rss / 2**20  # the loaded stream and the libraries
    _, _, f1, ari, seconds = scores(articles, truth, threshold)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"size": size, "seconds": seconds, "peak_mb": peak, "base_mb": base}
    print(json.dumps({**result, "f1": f1, "ari": ari}))


def scaling_rows(threshold: float, repeat: int) -> tuple[list[str], list[float]]:
    rows, medians, first = [], [], None
    for size in SIZES:
        command = [sys.executable, __file__, "--one", str(size), "--threshold", str(threshold)]
        runs = [
            json.loads(subprocess.run(command, check=True, capture_output=True).stdout)
            for _ in range(repeat)
        ]
        seconds = statistics.median(run["seconds"] for run in runs)
        medians.append(seconds)
        peak = max(run["peak_mb"] for run in runs)
        base = min(run["base_mb"] for run in runs)
        first = first or seconds
        spread = f" ({min(r['seconds'] for r in runs):.1f}–{max(r['seconds'] for r in runs):.1f})"
        rows.append(
            f"| {size:,} | {seconds:.1f} s{spread if repeat > 1 else ''} | "
            f"{seconds / first:.1f}× for {size / SIZES[0]:.0f}× "
            f"| {peak:.0f} MB ({peak - base:.0f} MB above the loaded stream) | "
            f"{runs[0]['f1']:.3f} | {runs[0]['ari']:.3f} |"
        )
        print(rows[-1])
    return rows, medians


def growth_sentence(medians: list[float]) -> str:
    """How time grows with the stream, as an exponent of the number of articles."""
    import math

    exponent = math.log(medians[-1] / medians[0]) / math.log(SIZES[-1] / SIZES[0])
    return (
        f"Time grows as about n^{exponent:.2f} over this range, not quadratically: each article "
        "reads at most 20 key terms × 300 postings and scores at most 50 stories, but in an "
        "undated stream every story stays a candidate and the per-term lists only fill "
        "towards that cap as the stream grows, so the cost per article rises until they are "
        "full. In a dated stream the window retires old stories from the candidates. Memory "
        "grows with the stories' summed vectors and the articles' compact vectors (under "
        "1 KB each, kept for the refinement pass)."
    )


def write_section(
    quality: list[str],
    best: float,
    f1_of: dict[str, float],
    scaling: list[str],
    repeat: int,
    load: str,
    growth: str,
) -> None:
    machine = f"{platform.machine()}, {platform.python_version()}, {platform.system()}"
    section = "\n".join(
        [
            "<!-- group:start -->",
            "## Story grouping (issue 6)",
            "",
            f"`python bench/group.py --write` on {date.today().isoformat()}, {machine}, "
            "2 cores (shared). How the labelled set is built, tuned and measured: the "
            "docstring of `bench/group.py` and [docs/batch.md](batch.md). Threshold chosen on "
            f"the first half of Multi-News validation (best mean B³ F1 over undated and 20 "
            f"stories/day): **{best}**; scores below are on the *second* half.",
            "",
            "| stream | articles | true stories | B³ precision | B³ recall | B³ F1 | ARI | time |",
            "|---|---|---|---|---|---|---|---|",
            *quality,
            "",
            goal_sentence(f1_of),
            "",
            "### Cost as the stream grows (undated: no window prunes the candidates)",
            "",
            "| articles | grouping time | growth | peak RSS | B³ F1 | ARI |",
            "|---|---|---|---|---|---|",
            *scaling,
            "",
            f"Each size runs {repeat} time(s), each in a fresh process: the median time (range in "
            "brackets) and the largest peak RSS. Time is `group_articles` alone (vectorizing, "
            "the pass and the refinement pass), peak RSS is the whole process (Python, numpy, "
            "scikit-learn, the articles held as dicts; at 5,000 and 10,000 it is set by reading "
            "the ~44,000-document corpus the stream is drawn from). Up to ~44,000 documents are "
            "real (validation + the first 10,000 training clusters); the 50,000 stream is padded "
            f"with wire copies. Load average during the scaling runs: {load}, on "
            f"{os.cpu_count()} cores (other jobs share the machine, so times are noisy).",
            "",
            growth,
            "<!-- group:end -->",
        ]
    )
    report.write_section("group", section)


def goal_sentence(f1_of: dict[str, float]) -> str:
    """Which streams reach the issue's goal (B³ F1 ≥ 0.90) and which do not."""
    reached = [label for label, f1 in f1_of.items() if f1 >= 0.90]
    missed = [f"{label} ({f1_of[label]:.3f})" for label in f1_of if label not in reached]
    if not missed:
        return "Goal ≥ 0.90 B³ F1: reached on every stream."
    return (
        f"Goal ≥ 0.90 B³ F1: reached on {', '.join(reached) or 'no stream'}; not on "
        f"{', '.join(missed)}. What limits recall is the data: Multi-News clusters group an "
        "event with background pieces that share few words with the other articles (about "
        "one article in ten that has a cluster mate shares almost no weighted term with any "
        "of them), and different clusters cover the same running story (several Comey "
        "hearings, months of Gaza fighting). Without dates the mix pools years of news in one "
        "window, which a real stream never does; there the nearest neighbour of an article "
        "is in its own cluster only 79% of the time (TF-IDF), 81% with MiniLM sentence "
        "embeddings mixed in (docs/batch.md)."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--threshold", type=float, default=0.07, help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=3, help="runs per scaling size (median)")
    args = parser.parse_args()
    if args.one:
        one_size(args.one, args.threshold)
        return
    quality, best, f1_of = quality_rows()
    loads = [os.getloadavg()[0]]
    scaling, medians = scaling_rows(best, args.repeat)
    loads.append(os.getloadavg()[0])
    load = f"{loads[0]:.1f} at the start, {loads[1]:.1f} at the end (1-minute averages)"
    print(f"load average: {load}", file=sys.stderr)
    if args.write:
        write_section(quality, best, f1_of, scaling, args.repeat, load, growth_sentence(medians))


if __name__ == "__main__":
    main()
