"""Fit the concept weights that ship in the package (the "concepts" block of scorer.json).

    python scripts/train_concepts.py [--data ../shared/data/multinews/train-first10000.jsonl.gz]
                                     [--start 6000] [--stop 8000] [--c 1.0]

Training data: Multi-News *training* clusters the sentence scorer was not fitted on
(``scripts/train_scorer.py`` uses the first 6,000), since one concept feature is the sentence
scorer's own output and must look as it does on unseen clusters. For every concept of a
cluster (:mod:`newsbrief.summary.concepts`) the label is whether the human summary holds it, as a
word or as a pair of adjacent words. A logistic regression on the standardised concept
features gives one weight per feature. Run it again after ``scripts/train_scorer.py``.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
from datetime import date
from pathlib import Path

import numpy as np

from newsbrief.errors import NewsbriefError
from newsbrief.ingest.read import from_items
from newsbrief.pipeline import prepare
from newsbrief.settings import Settings
from newsbrief.summary.concepts import CONCEPT_FEATURES, concept_features
from newsbrief.summary.features import article_codes, sentence_features
from newsbrief.summary.patterns import words_of
from newsbrief.summary.represent import Similarity, get_representation
from newsbrief.summary.score import learned_scorer, learned_scores

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "multinews" / "train-first10000.jsonl.gz"
OUT = ROOT / "src" / "newsbrief" / "summary" / "scorer.json"


def cluster_rows(record: dict, settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """Concept features of one cluster, and whether the reference holds each concept."""
    cluster = prepare(from_items(record["documents"], settings))
    sentences = cluster.sentences
    matrix = get_representation(settings.representation).vectors([s.text for s in sentences])
    words = [words_of(s.text) for s in sentences]
    features = sentence_features(sentences, matrix, Similarity(matrix), words)
    model = learned_scorer()
    raw = learned_scores(features, words, model)
    codes = article_codes([s.article_id for s in sentences])
    names, _, table = concept_features(words, codes, features, raw, dict(model.words))
    reference = words_of(record["summary"])
    held = set(reference) | {f"{a} {b}" for a, b in itertools.pairwise(reference)}
    return table, np.array([name in held for name in names])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--start", type=int, default=6000)
    parser.add_argument("--stop", type=int, default=8000)
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    args = parser.parse_args()

    from sklearn.linear_model import LogisticRegression

    settings = Settings()
    xs, ys, used = [], [], 0
    with gzip.open(args.data, "rt", encoding="utf-8") as handle:
        for line in itertools.islice(handle, args.start, args.stop):
            try:
                table, labels = cluster_rows(json.loads(line), settings)
            except NewsbriefError:
                continue  # a cluster with no usable text: nothing to learn from
            xs.append(table)
            ys.append(labels)
            used += 1
    x, y = np.vstack(xs), np.concatenate(ys)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=args.c, max_iter=1000).fit((x - mean) / scale, y)
    data = json.loads(OUT.read_text())
    data["concepts"] = {
        "features": list(CONCEPT_FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 6),
        "target": "the reference summary holds the concept (a word, or two adjacent words)",
        "trained_on": (
            f"{args.data.name}, clusters {args.start}-{args.stop - 1} "
            f"({used} usable, {len(y)} concepts, {y.mean():.1%} held)"
        ),
        "command": (
            f"python scripts/train_concepts.py --start {args.start} --stop {args.stop} --c {args.c}"
        ),
        "date": date.today().isoformat(),
    }
    OUT.write_text(json.dumps(data, indent=1) + "\n")
    print(f"{used} clusters, {len(y)} concepts, {y.mean():.1%} held by the reference")
    for name, weight in sorted(
        zip(CONCEPT_FEATURES, model.coef_[0], strict=True), key=lambda item: -abs(item[1])
    ):
        print(f"  {name:18s} {weight:+.4f}")


if __name__ == "__main__":
    main()
