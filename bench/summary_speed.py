"""Speed of the summary path on 10-article newswire, as a ratio to sumy LexRank (issue 11).

    nice -n 10 python bench/summary_speed.py [--runs 5] [--set A]

For each DUC 2007 update cluster of the set (about 10 AP / NYT / Xinhua articles), at 100
words: newsbrief's ``brief(docs, words=100, sections=["summary"])`` timed ``--runs`` times
(warm: one call first), then sumy's LexRank once on the same texts and budget, in the same
process, one cluster after the other, so both see the same load. Prints clusters/s of each
(total clusters over the sum of per-cluster medians), and the ratio, overall and the median of
the per-cluster ratios. The machine is shared: quote ratios, not absolute times.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def seconds(call: object, runs: int) -> float:
    """The median wall time of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed newsbrief calls a cluster")
    parser.add_argument("--set", default="A", choices=("A", "B"))
    args = parser.parse_args()
    from newsbrief import brief
    from newsbrief.evaluate.peers import sumy_summary

    with gzip.open(DATA / "duc2007" / "update-ab.jsonl.gz", "rt") as f:
        clusters = [json.loads(line)["sets"][args.set]["documents"] for line in f]
    brief(clusters[0], words=100, sections=["summary"])  # warm-up: imports, caches
    sumy_summary("lexrank", clusters[0], 100)
    ours, peer = [], []
    for docs in clusters:
        ours.append(seconds(lambda d=docs: brief(d, words=100, sections=["summary"]), args.runs))
        peer.append(seconds(lambda d=docs: sumy_summary("lexrank", d, 100), 1))
    ours_rate, peer_rate = len(clusters) / sum(ours), len(clusters) / sum(peer)
    ratios = [p / o for o, p in zip(ours, peer, strict=True)]
    print(
        f"DUC 2007 set {args.set}, {len(clusters)} clusters, 100 words: newsbrief "
        f"{ours_rate:.2f} clusters/s, LexRank {peer_rate:.3f} clusters/s, ratio "
        f"{ours_rate / peer_rate:.1f}× (median per-cluster ratio {statistics.median(ratios):.1f}×)"
    )


if __name__ == "__main__":
    main()
