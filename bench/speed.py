"""Speed benchmark: the warm brief of a small cluster, and CLI start-up, each beside a peer.

    python bench/speed.py [--runs 30] [--write]

- warm brief: the median wall time of the summary (``sections="summary"``) on the
  korea-talks sample (read from ../shared/samples, not shipped) and on the shipped example,
  after one warm-up call, beside sumy's LexRank summarizing the same texts to the same budget
  in the same process (when the ``bench`` extra is installed); and of the full default brief
  (every analysis section) for reference;
- start-up: the median wall time of ``newsbrief --help`` in a fresh process, beside a bare
  ``python -c pass`` (the floor any Python CLI pays); and of a one-shot command-line brief of
  the example (summary only), imports included, beside a fresh process that summarizes the
  same files with sumy's LexRank.

Goals (issue 2): brief under 50 ms warm; ``--help`` under 0.5 s. ``--write`` replaces the
speed section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import report

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "samples" / "korea-talks"
EXAMPLE = ROOT / "examples" / "harbor-bridge"


def median_seconds(call: Callable[[], object], runs: int) -> float:
    call()  # warm-up: imports, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def command_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def lexrank(texts: list[str], words: int) -> Callable[[], object] | None:
    try:
        from newsbrief.evaluate.peers import sumy_summary

        sumy_summary("lexrank", texts, words)
    except Exception as exc:  # the peer is optional: say why it is missing
        print(f"(sumy LexRank unavailable: {exc})", file=sys.stderr)
        return None
    return lambda: sumy_summary("lexrank", texts, words)


def brief_rows(runs: int) -> list[str]:
    from newsbrief import brief_paths
    from newsbrief.ingest.read import read_inputs
    from newsbrief.settings import Settings

    rows = []
    for name, folder in (("korea-talks sample", SAMPLE), ("harbor-bridge example", EXAMPLE)):
        if not folder.is_dir():
            print(f"(skipping {name}: {folder} not found)", file=sys.stderr)
            continue
        ours = median_seconds(
            lambda folder=folder: brief_paths([folder], words=150, sections="summary"), runs
        )
        texts = [a.text for a in read_inputs([folder], Settings()).articles]
        peer_call = lexrank(texts, 150)
        peer = median_seconds(peer_call, runs) if peer_call else None
        ratio = f"{peer / ours:.1f}× faster" if peer else "n/a"
        peer_ms = f"{peer * 1000:.1f}" if peer else "n/a"
        rows.append(
            f"| summary, {name}, 150 words | {ours * 1000:.1f} ms | {peer_ms} ms | {ratio} |"
        )
        print(rows[-1])
        full = median_seconds(
            lambda folder=folder: brief_paths([folder], words=150), runs // 3 or 1
        )
        rows.append(
            f"| full brief (all sections), {name} | {full * 1000:.0f} ms | n/a | "
            f"{full / ours:.0f}× the summary alone |"
        )
        print(rows[-1])
    return rows


def startup_rows(runs: int) -> list[str]:
    exe = shutil.which("newsbrief") or str(Path(sys.executable).with_name("newsbrief"))
    ours = command_seconds([exe, "--help"], runs)
    floor = command_seconds([sys.executable, "-c", "pass"], runs)
    row = (
        f"| `newsbrief --help`, fresh process | {ours * 1000:.0f} ms | {floor * 1000:.0f} ms "
        f"(`python -c pass`) | {ours / floor:.1f}× the bare interpreter |"
    )
    print(row)
    rows = [row]
    # A one-shot command-line brief pays its imports: the summary of the example from a fresh
    # process, beside a fresh process that reads the same files the same way and summarizes
    # them with sumy's LexRank to the same budget.
    ours = command_seconds(
        [exe, "brief", str(EXAMPLE), "--sections", "summary", "--words", "150"], runs
    )
    peer_code = (
        "import sys\n"
        "from newsbrief.evaluate.peers import sumy_summary\n"
        "from newsbrief.ingest.read import read_inputs\n"
        "from newsbrief.settings import Settings\n"
        "texts = [a.text for a in read_inputs([sys.argv[1]], Settings()).articles]\n"
        "print(sumy_summary('lexrank', texts, 150))\n"
    )
    try:
        peer: float | None = command_seconds([sys.executable, "-c", peer_code, str(EXAMPLE)], runs)
    except subprocess.CalledProcessError as exc:  # the peer is optional: say why it is missing
        print(f"(sumy LexRank unavailable: {exc.stderr.decode()[-200:]})", file=sys.stderr)
        peer = None
    peer_text = f"{peer * 1000:.0f} ms (sumy LexRank, fresh process)" if peer else "n/a"
    ratio = f"{peer / ours:.1f}× faster" if peer else "n/a"
    rows.append(
        f"| `newsbrief brief` of the harbor-bridge example (summary), fresh process | "
        f"{ours * 1000:.0f} ms | {peer_text} | {ratio} |"
    )
    print(rows[-1])
    return rows


def write_section(rows: list[str], runs: int) -> None:
    section = "\n".join(
        [
            "<!-- speed:start -->",
            "## Speed (issue 2)",
            "",
            f"`python bench/speed.py --runs {runs} --write` on {date.today().isoformat()}, "
            f"{platform.processor() or platform.machine()}, {platform.python_version()}, "
            "2 cores (shared, noisy machine). Medians of the runs; the peer ran in the same "
            "process, on the same texts, right after ours. Goals: the summary under 50 ms warm, "
            "`--help` under 0.5 s. The full brief adds actors (spaCy), quotes, timeline and "
            "agreement; it costs only when asked for.",
            "",
            "| what | newsbrief | peer | ratio |",
            "|---|---|---|---|",
            *rows,
            "",
            "The peer for the brief is sumy's LexRank (with newsbrief's sentence splitter, since "
            "sumy's own needs NLTK data no registry serves) at the same 150-word budget.",
            "<!-- speed:end -->",
        ]
    )
    report.write_section("speed", section)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    print("| what | newsbrief | peer | ratio |")
    rows = brief_rows(args.runs) + startup_rows(max(5, args.runs // 3))
    if args.write:
        write_section(rows, args.runs)


if __name__ == "__main__":
    main()
