"""Fit the sentence scorer that ships in the package (src/newsbrief/scorer.json).

    python scripts/train_scorer.py [--data ../shared/data/multinews/train-first10000.jsonl.gz]
                                   [--limit 4000] [--alpha 1.0]

Training data: the first clusters of the Multi-News *training* sample only (never validation,
never DUC). For every sentence the pipeline keeps, the target is how much of it the human
summary contains: the mean of its clipped unigram and bigram precision against the reference,
with the rouge-score package's tokenizer and Porter stemmer. A ridge regression on the
standardised features of ``newsbrief.features`` gives one weight per feature; the file records
the data, the count, the date and this command so anyone can reproduce it.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np

from newsbrief.errors import NewsbriefError
from newsbrief.features import FEATURES, sentence_features
from newsbrief.ingest import from_items
from newsbrief.pipeline import prepare
from newsbrief.represent import Similarity, get_representation
from newsbrief.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "multinews" / "train-first10000.jsonl.gz"
OUT = ROOT / "src" / "newsbrief" / "scorer.json"


def precision(tokens: list[str], reference: Counter[tuple[str, ...]], n: int) -> float:
    grams = Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    total = sum(grams.values())
    return sum(min(c, reference[g]) for g, c in grams.items()) / total if total else 0.0


def cluster_rows(record: dict, tokenize, settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    cluster = prepare(from_items(record["documents"], settings))
    sentences = cluster.sentences
    matrix = get_representation(settings.representation).vectors([s.text for s in sentences])
    features = sentence_features(sentences, matrix, Similarity(matrix))
    ref_tokens = tokenize(record["summary"])
    uni = Counter((t,) for t in ref_tokens)
    bi = Counter(itertools.pairwise(ref_tokens))
    targets = []
    for sentence in sentences:
        tokens = tokenize(sentence.text)
        targets.append(0.5 * precision(tokens, uni, 1) + 0.5 * precision(tokens, bi, 2))
    return features, np.array(targets, dtype=np.float32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=4000)
    parser.add_argument("--alpha", type=float, default=1.0)
    args = parser.parse_args()

    from rouge_score import rouge_scorer
    from sklearn.linear_model import Ridge

    tokenize = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer.tokenize
    settings = Settings()
    xs, ys, used = [], [], 0
    with gzip.open(args.data, "rt", encoding="utf-8") as handle:
        for line in itertools.islice(handle, args.limit):
            record = json.loads(line)
            try:
                features, targets = cluster_rows(record, tokenize, settings)
            except NewsbriefError:
                continue  # a cluster with no usable text: nothing to learn from
            xs.append(features)
            ys.append(targets)
            used += 1
    x, y = np.vstack(xs), np.concatenate(ys)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = Ridge(alpha=args.alpha).fit((x - mean) / scale, y)
    weights = {name: round(float(w), 6) for name, w in zip(FEATURES, model.coef_, strict=True)}
    payload = {
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": list(weights.values()),
        "bias": round(float(model.intercept_), 6),
        "target": "mean of clipped unigram and bigram precision against the reference",
        "trained_on": (
            f"{args.data.name}, first {args.limit} clusters ({used} usable, {len(y)} sentences)"
        ),
        "command": f"python scripts/train_scorer.py --limit {args.limit} --alpha {args.alpha}",
        "date": date.today().isoformat(),
    }
    OUT.write_text(json.dumps(payload, indent=1) + "\n")
    print(f"{used} clusters, {len(y)} sentences, R² {model.score((x - mean) / scale, y):.3f}")
    for name, weight in sorted(weights.items(), key=lambda item: -abs(item[1])):
        print(f"  {name:20s} {weight:+.4f}")


if __name__ == "__main__":
    main()
