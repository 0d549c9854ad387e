"""Check that the summary path's output is unchanged: dump each summary's JSON, compare.

    python bench/identical.py --write /tmp/base.jsonl.gz   # baseline from unchanged code
    python bench/identical.py --check /tmp/base.jsonl.gz   # after a change: must match

Covers DUC 2007 update sets A and B (100 words), the 50 DUC 2006 clusters (250 words) and the
first 500 Multi-News validation clusters (260 words), ``sections=["summary"]``. Each line is the
full ``Brief.to_json()`` (summary text, citations, removals, notices), so any byte of
difference in the summary or its citations is reported, cluster by cluster.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def clusters(limit_multinews: int) -> Iterator[tuple[str, list[str], int]]:
    """(key, documents, words) for every cluster the check covers."""
    with gzip.open(DATA / "duc2007" / "update-ab.jsonl.gz", "rt") as f:
        for line in f:
            topic = json.loads(line)
            for name in ("A", "B"):
                yield f"duc2007/{topic['id']}/{name}", topic["sets"][name]["documents"], 100
    with gzip.open(DATA / "duc2006" / "clusters.jsonl.gz", "rt") as f:
        for line in f:
            row = json.loads(line)
            yield f"duc2006/{row['id']}", row["documents"], 250
    with gzip.open(DATA / "multinews" / "validation.jsonl.gz", "rt") as f:
        for i, line in enumerate(f):
            if i >= limit_multinews:
                break
            row = json.loads(line)
            yield f"multinews/{i}/{row['id']}", row["documents"], 260


def dump(key: str, docs: list[str], words: int) -> str:
    """The brief's JSON, or the error it raised (an error must be unchanged too)."""
    from newsbrief import brief
    from newsbrief.errors import NewsbriefError

    try:
        return brief(docs, words=words, sections=["summary"]).to_json(indent=None)
    except NewsbriefError as exc:
        return json.dumps({"error": type(exc).__name__, "message": str(exc)})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, help="write the baseline here")
    mode.add_argument("--check", type=Path, help="compare against this baseline")
    parser.add_argument("--multinews", type=int, default=500)
    args = parser.parse_args()
    results = {key: dump(key, docs, words) for key, docs, words in clusters(args.multinews)}
    if args.write:
        with gzip.open(args.write, "wt") as f:
            for key, out in results.items():
                f.write(json.dumps({"key": key, "json": out}) + "\n")
        print(f"wrote {len(results)} summaries to {args.write}")
        return 0
    with gzip.open(args.check, "rt") as f:
        base = {row["key"]: row["json"] for row in map(json.loads, f)}
    differ = [key for key in base if results.get(key) != base[key]]
    missing = sorted(set(base) ^ set(results))
    for key in differ[:20]:
        print(f"DIFFERS: {key}")
    print(f"{len(base)} baseline, {len(differ)} differ, {len(missing)} missing/extra")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
