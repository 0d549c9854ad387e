"""Story grouping benchmark: quality on mixed Multi-News clusters, and how cost grows.

    python bench/group.py [--write]

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
  size in a fresh process (time and peak RSS); past the ~44,000 real documents the stream is
  padded with wire copies (a document without its first sentence, same story).
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import report

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "multinews"
GRID = [0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25, 0.3]
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

    from newsbrief.group import GroupSettings, bcubed, group_articles

    started = time.perf_counter()
    stories = group_articles(articles, GroupSettings(threshold=threshold))
    seconds = time.perf_counter() - started
    predicted = [0] * len(articles)
    for number, members in enumerate(stories):
        for member in members:
            predicted[member] = number
    precision, recall, f1 = bcubed(truth, predicted)
    return precision, recall, f1, adjusted_rand_score(truth, predicted), seconds


def quality_rows() -> tuple[list[str], float]:
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
    lines = []
    for label, per_day in [*settings, ("50 stories/day", 50.0), ("5 stories/day", 5.0)]:
        articles, truth = mix(test, per_day)
        p, r, f1, ari, seconds = scores(articles, truth, best)
        lines.append(
            f"| {label} | {len(articles):,} | {len(set(truth)):,} | {p:.3f} | {r:.3f} | "
            f"**{f1:.3f}** | {ari:.3f} | {seconds:.1f} s |"
        )
        print(lines[-1])
    return lines, best


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


def scaling_rows(threshold: float) -> list[str]:
    rows, first = [], None
    for size in SIZES:
        command = [sys.executable, __file__, "--one", str(size), "--threshold", str(threshold)]
        result = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)
        first = first or result
        growth = result["seconds"] / first["seconds"]
        rows.append(
            f"| {size:,} | {result['seconds']:.1f} s | {growth:.1f}× for {size / SIZES[0]:.0f}× "
            f"| {result['peak_mb']:.0f} MB ({result['peak_mb'] - result['base_mb']:.0f} MB "
            f"above the loaded stream) | {result['f1']:.3f} | {result['ari']:.3f} |"
        )
        print(rows[-1])
    return rows


def write_section(quality: list[str], best: float, scaling: list[str]) -> None:
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
            "Goal ≥ 0.90 B³ F1: not reached. Precision is high; recall is bounded by the data: "
            "Multi-News clusters group an event with its background pieces (words shared "
            "with the other articles are few), and different clusters cover the same running "
            "story (several Comey hearings, months of Gaza fighting). Without dates the mix "
            "pools years of news in one window, which a real stream never does; an offline "
            "average-link clustering of the same TF-IDF vectors (quadratic) reached 0.83 on "
            "the undated tuning half, so the gap is the representation, not the single pass.",
            "",
            "### Cost as the stream grows (undated: no window prunes the candidates)",
            "",
            "| articles | grouping time | growth | peak RSS | B³ F1 | ARI |",
            "|---|---|---|---|---|---|",
            *scaling,
            "",
            "Each size runs in a fresh process; time is `group_articles` alone (vectorizing and "
            "the pass), peak RSS is the whole process (Python, numpy, scikit-learn, the "
            "articles held as dicts). Up to ~44,000 documents are real (validation + the first "
            "10,000 training clusters); the 50,000 stream is padded with wire copies.",
            "<!-- group:end -->",
        ]
    )
    report.write_section("group", section)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--threshold", type=float, default=0.2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_size(args.one, args.threshold)
        return
    quality, best = quality_rows()
    scaling = scaling_rows(best)
    if args.write:
        write_section(quality, best, scaling)


if __name__ == "__main__":
    main()
