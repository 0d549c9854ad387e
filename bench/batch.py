"""Batch benchmark: clusters per second with 1 and 2 workers, and peak memory as input grows.

    python bench/batch.py [--runs 3] [--repeat 10] [--repeat-workers 2] [--sections LIST] [--write]

Runs ``newsbrief batch`` as a user would (a fresh process, ``--no-progress``) on the whole
Multi-News validation split, read in place from ../shared/data (5,622 clusters, 150-word
briefs), with ``--workers 1`` and ``--workers 2``; then on that split repeated ``--repeat``
times (ids suffixed ``-r1``, ``-r2``, … so none repeats; written to a temporary directory,
never into the repo) to show memory does not grow with the input. Memory is sampled every
0.1 s over the newsbrief process and its worker processes: the sum of their PSS (proportional
set size: shared pages split between the processes that share them; needs psutil on Linux)
and the largest single RSS. Outputs go to a temporary directory and are deleted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import report

ROOT = Path(__file__).resolve().parent.parent
VALIDATION = ROOT.parent / "shared" / "data" / "multinews" / "validation.jsonl.gz"


def measure(
    source: Path, workers: int, scratch: Path, sections: str | None = None
) -> dict[str, float]:
    """One ``newsbrief batch`` run: wall time, clusters done, peak memory (MB)."""
    import psutil

    out = scratch / "briefs.jsonl"
    for stale in (out, scratch / "briefs.errors.jsonl"):
        stale.unlink(missing_ok=True)
    command = [sys.executable, "-m", "newsbrief.cli", "batch", str(source), "--out", str(out)]
    command += ["--workers", str(workers), "--no-progress"]
    if sections:
        command += ["--sections", sections]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    parent = psutil.Process(process.pid)
    peak_pss = peak_rss = 0.0
    while process.poll() is None:
        try:
            tree = [parent, *parent.children(recursive=True)]
            infos = [p.memory_full_info() for p in tree]
        except psutil.Error:
            continue
        peak_pss = max(peak_pss, sum(i.pss for i in infos) / 2**20)
        peak_rss = max(peak_rss, max(i.rss for i in infos) / 2**20)
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"newsbrief batch failed: {stderr}")
    done = int(re.search(r"done (\d+)", stdout).group(1))
    failed = int(re.search(r"failed (\d+)", stdout).group(1))
    return {"seconds": seconds, "done": done, "failed": failed, "pss": peak_pss, "rss": peak_rss}


def repeated(source: Path, times: int, scratch: Path, limit: int | None) -> Path:
    target = scratch / f"validation-{limit}-x{times}.jsonl.gz"
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        lines = handle.readlines()[:limit]
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=1) as out:
        for copy in range(1, times + 1):
            for line in lines:
                record = json.loads(line)
                record["id"] = f"{record['id']}-r{copy}"
                out.write(json.dumps(record) + "\n")
    return target


def row(label: str, workers: int, runs: list[dict[str, float]]) -> str:
    seconds = statistics.median(r["seconds"] for r in runs)
    done = runs[0]["done"]
    return (
        f"| {label} | {workers} | {done:,} ({runs[0]['failed']} failed) | {seconds:.1f} s | "
        f"{done / seconds:.1f} | {max(r['pss'] for r in runs):.0f} MB | "
        f"{max(r['rss'] for r in runs):.0f} MB |"
    )


def write_section(rows: list[str], args: argparse.Namespace, scaling: str) -> None:
    machine = f"{platform.machine()}, {platform.python_version()}, {platform.system()}"
    command = f"python bench/batch.py --runs {args.runs} --repeat {args.repeat}"
    if args.limit:
        command += f" --limit {args.limit}"
    if args.repeat_limit:
        command += f" --repeat-limit {args.repeat_limit}"
    if args.sections:
        command += f" --sections {args.sections}"
    command += " --write"
    section = "\n".join(
        [
            "<!-- batch:start -->",
            "## Batch mode (issue 6)",
            "",
            f"`{command}` on {date.today().isoformat()}, {machine}, 2 cores (shared, noisy). "
            f"`newsbrief batch` in a fresh process, 150-word briefs "
            f"({'sections: ' + args.sections if args.sections else 'every section'}), "
            f"median of {args.runs} "
            "run(s) (the repeated input: one run). Time is the whole command: start-up, "
            "reading the gzipped input, briefing, writing every brief line. Peak memory is "
            "sampled every 0.1 s: the sum of PSS over the command and its workers (shared "
            "pages counted once), and the largest single process (RSS). Goals: near-linear "
            "speed-up, under 500 MB whatever the input size.",
            "",
            "| input | workers | clusters | time | clusters/s | peak memory, all processes "
            "(PSS) | largest process (RSS) |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
            scaling,
            "<!-- batch:end -->",
        ]
    )
    report.write_section("batch", section)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--repeat-workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    parser.add_argument(
        "--repeat-limit", type=int, default=None, help="repeat only the first N clusters"
    )
    parser.add_argument(
        "--sections", default=None, help="passed to newsbrief batch (default: every section)"
    )
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    rows, rates = [], {}
    with tempfile.TemporaryDirectory(prefix="newsbrief-bench-") as folder:
        scratch = Path(folder)
        source = repeated(VALIDATION, 1, scratch, args.limit) if args.limit else VALIDATION
        label = f"first {args.limit:,} clusters of validation" if args.limit else "validation"
        for workers in (1, 2):
            runs = [measure(source, workers, scratch, args.sections) for _ in range(args.runs)]
            rows.append(row(label, workers, runs))
            rates[workers] = runs[0]["done"] / statistics.median(r["seconds"] for r in runs)
            print(rows[-1], flush=True)
        if args.repeat > 1:
            source = repeated(VALIDATION, args.repeat, scratch, args.repeat_limit)
            result = measure(source, args.repeat_workers, scratch, args.sections)
            subset = f"first {args.repeat_limit:,} clusters of " if args.repeat_limit else ""
            label = f"{subset}validation × {args.repeat}"
            rows.append(row(label, args.repeat_workers, [result]))
            print(rows[-1], flush=True)
    scaling = f"Speed-up with 2 workers: {rates[2] / rates[1]:.2f}× (2.00× would be linear)."
    print(scaling)
    if args.write:
        write_section(rows, args, scaling)


if __name__ == "__main__":
    main()
