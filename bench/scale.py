"""Scale of one request: the summary alone against the full brief, as the articles grow.

    python bench/scale.py [--sizes 100,500,2000] [--runs 1] [--sections] [--profile N] [--write]

The articles are small and real: consecutive five-sentence pieces of the DUC 2006 articles
(newswire, real casing), read in place from ../shared/data/duc2006 and never copied into the
repository; N articles are the first N pieces, so they span many topics, as one oversized
request would. Each size is briefed warm (the spaCy pipeline is loaded first) with
``sections=["summary"]`` and with every section; ``--sections`` also times each analysis section
alone beside the summary, which shows which one grows faster than the input. ``--profile N`` prints
the cProfile of the full brief of N articles instead. ``--write`` replaces the scale section of
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import pstats
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import report

ROOT = Path(__file__).resolve().parent.parent
DUC = ROOT.parent / "shared" / "data" / "duc2006" / "clusters.jsonl.gz"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'`])")
PIECE = 5  # sentences per article
SECTIONS = ("actors", "quotes", "timeline", "agreement")


def small_articles(count: int) -> list[dict[str, Any]]:
    """``count`` small articles: five-sentence pieces of DUC 2006 articles, in file order."""
    articles: list[dict[str, Any]] = []
    with gzip.open(DUC, "rt", encoding="utf-8") as handle:
        for line in handle:
            cluster = json.loads(line)
            for n, text in enumerate(cluster["documents"]):
                sentences = SENTENCE_END.split(" ".join(text.split()))
                for k in range(0, len(sentences) - PIECE + 1, PIECE):
                    piece = " ".join(sentences[k : k + PIECE])
                    date = cluster["dates"][n][:10] if cluster.get("dates") else None
                    articles.append({"text": piece, "date": date, "source": f"duc-{n}-{k}"})
                    if len(articles) == count:
                        return articles
    raise SystemExit(f"only {len(articles)} articles in {DUC}; ask for fewer")


def timed(articles: list[dict[str, Any]], sections: list[str] | None, runs: int) -> float:
    """The median wall time, in seconds, of ``runs`` briefs of ``articles``."""
    from newsbrief import brief

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        brief(articles, sections=sections)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(sizes: list[int], runs: int, per_section: bool) -> list[dict[str, Any]]:
    rows = []
    for size in sizes:
        articles = small_articles(size)
        words = sum(len(a["text"].split()) for a in articles)
        row: dict[str, Any] = {"articles": size, "words": words}
        row["summary"] = timed(articles, ["summary"], runs)
        for name in SECTIONS if per_section else ():
            row[name] = timed(articles, ["summary", name], runs) - row["summary"]
        row["full"] = timed(articles, None, runs)
        rows.append(row)
        print(json.dumps({k: round(v, 2) if isinstance(v, float) else v for k, v in row.items()}))
        sys.stdout.flush()
    return rows


def table(rows: list[dict[str, Any]], command: str) -> str:
    shown = [name for name in SECTIONS if name in rows[0]]
    head = "| articles | words | summary only | full brief | per article (full) |" + "".join(
        f" +{name} |" for name in shown
    )
    lines = [
        "<!-- scale:start -->",
        "## Scale of one request: summary against the full brief (issue 15, item 11)",
        "",
        f"Measured with `{command}` on {report.machine()} (shared with other jobs: the absolute",
        "times are noisy, the growth from one size to the next is the point). Seconds, warm;",
        "each `+section` column is that section alone beside the summary, minus the summary.",
        "",
        head,
        "|" + "---|" * (5 + len(shown)),
    ]
    for row in rows:
        cells = "".join(f" {row[name]:.1f} |" for name in shown)
        per = 1000 * row["full"] / row["articles"]
        lines.append(
            f"| {row['articles']} | {row['words']:,} | {row['summary']:.1f} | "
            f"{row['full']:.1f} | {per:.0f} ms |" + cells
        )
    lines += ["", "<!-- scale:end -->"]
    return "\n".join(lines) + "\n"


def profile(size: int) -> None:
    from newsbrief import brief

    articles = small_articles(size)
    brief(articles[:20])  # load the models outside the profile
    profiler = cProfile.Profile()
    profiler.enable()
    brief(articles)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,500,2000")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--sections", action="store_true", help="time each section alone too")
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if args.profile:
        profile(args.profile)
        return
    from newsbrief import brief

    brief(small_articles(20))  # load spaCy and the representations before timing
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = measure(sizes, args.runs, args.sections)
    flag = " --sections" if args.sections else ""
    command = f"python bench/scale.py --sizes {args.sizes} --runs {args.runs}{flag}"
    section = table(rows, command)
    print(section)
    if args.write:
        report.write_section("scale", section)


if __name__ == "__main__":
    main()
