"""Why the learned parts do not travel: one change at a time, on every development corpus.

    nice -n 10 python bench/ablate.py [--variants a,b,...] [--mn-skip 300 --mn-limit 1000]

Each cluster is prepared once (cleaning, splitting, TF-IDF, features) and cached in
``.benchmarks/ablate``; a variant then scores and selects from the cached parts, so one
variant costs seconds. The columns are those of ``bench/suite.py`` (Multi-News validation
clusters 300-1,299 here, the tuning slice, so the whole split stays a check). Variants are
defined in :data:`VARIANTS`: the default and each learned part taken out or changed alone.
Summaries are the selected sentences in selection order (the suite scores the real pipeline);
ROUGE-1/2 F1 as rouge-score computes them (its tokenizer and stemmer; checked equal to
``newsbrief.evaluate`` on DUC 2007 A), the mean over clusters. ``duc07a-lower`` is DUC 2007 A
lower-cased, as Multi-News is: does casing explain the gap?
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from newsbrief.evaluate.datasets import read_clusters
from newsbrief.ingest.read import from_items
from newsbrief.pipeline import prepare
from newsbrief.settings import load_settings
from newsbrief.summary.concepts import weigh_concepts
from newsbrief.summary.features import FEATURES, article_codes, sentence_features
from newsbrief.summary.patterns import words_of
from newsbrief.summary.represent import Similarity, get_representation
from newsbrief.summary.score import FLOOR, learned_scorer, learned_scores, scorer_from_json
from newsbrief.summary.select import select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from suite import DATA, ROOT, duc2007_a

CACHE = ROOT / ".benchmarks" / "ablate"


class FastRouge:
    """ROUGE-1/2 F1 as rouge-score computes them (its tokenizer and stemmer), with every
    sentence and reference tokenized once: a summary's tokens are its sentences' tokens."""

    def __init__(self) -> None:
        from rouge_score.tokenizers import DefaultTokenizer

        self.tokenize = DefaultTokenizer(use_stemmer=True).tokenize
        self.cache: dict[str, list[str]] = {}

    def tokens(self, text: str) -> list[str]:
        found = self.cache.get(text)
        if found is None:
            found = self.cache[text] = self.tokenize(text)
        return found

    def score(self, summary: list[str], references: tuple[str, ...]) -> dict[str, float]:
        from collections import Counter
        from itertools import pairwise

        tokens = [t for sentence in summary for t in self.tokens(sentence)]
        ours = (Counter(tokens), Counter(pairwise(tokens)))
        totals = {"rouge1": 0.0, "rouge2": 0.0}
        for reference in references:
            ref = self.tokens(reference)
            for metric, mine, theirs in zip(
                totals, ours, (Counter(ref), Counter(pairwise(ref))), strict=True
            ):
                overlap = sum((mine & theirs).values())
                size = sum(mine.values()) + sum(theirs.values())
                totals[metric] += 2 * overlap / size if size else 0.0
        return {m: v / len(references) for m, v in totals.items()}


@dataclass
class Prepared:
    sentences: tuple[Any, ...]
    matrix: Any
    words: list[list[str]]
    features: np.ndarray
    references: tuple[str, ...]


def prepare_all(key: str, clusters: list[Any]) -> list[Prepared]:
    path = CACHE / f"{key}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())
    settings = load_settings(None)
    out = []
    for cluster in clusters:
        try:
            prepared = prepare(from_items(list(cluster.documents), settings))
        except Exception:
            out.append(Prepared((), None, [], np.zeros((0, len(FEATURES))), cluster.references))
            continue
        sentences = prepared.sentences
        matrix = get_representation("tfidf").vectors([s.text for s in sentences])
        words = [words_of(s.text) for s in sentences]
        features = sentence_features(sentences, matrix, Similarity(matrix), words)
        out.append(Prepared(sentences, matrix, words, features, cluster.references))
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(out))
    return out


def scaled(raw: np.ndarray, p: Prepared, min_words: int = 6) -> np.ndarray:
    low, high = float(raw.min()), float(raw.max())
    scores = FLOOR + (1 - FLOOR) * (raw - low) / (high - low) if high > low else np.ones_like(raw)
    lengths = np.array([s.words for s in p.sentences])
    scores[(lengths < min_words) | (p.features[:, FEATURES.index("is_fragment")] > 0)] = 0.0
    return scores.astype(np.float64)


# A variant: (prepared cluster, words) -> selected sentence indexes.
Variant = Callable[[Prepared, int], list[int]]


def pipeline(
    scorer: str = "learned",
    selection: str = "coverage",
    words_weights: bool = True,
    drop: tuple[str, ...] = (),
    position_weight: float = 0.35,
    threshold: float = 0.3,
    lam: float = 0.7,
    concept_words: bool = True,
    learned_weight: float = 0.5,
    length_power: float | None = None,
    multiply: bool = False,
) -> Variant:
    """The summarizer's scoring and selection, with one part changed."""

    def run(p: Prepared, budget: int) -> list[int]:
        settings = load_settings(
            None, words=budget, redundancy_threshold=threshold, diversity_lambda=lam
        )
        model = learned_scorer()
        feats = p.features.copy()
        for name in drop:  # a feature taken out: set to its training mean (no contribution)
            feats[:, FEATURES.index(name)] = model.mean[FEATURES.index(name)]
        weights = model.words if words_weights else {}
        if scorer == "learned":
            raw = learned_scores(feats, p.words, replace(model, words=weights))
        elif scorer == "hybrid":  # the learned score beside the unsupervised priors
            learned = learned_scores(feats, p.words, replace(model, words=weights))
            learned = (learned - learned.min()) / max(float(np.ptp(learned)), 1e-12)
            centrality, position = feats[:, 3], feats[:, 0]
            prior = (1 - position_weight) * centrality + position_weight * position
            raw = learned_weight * learned + (1 - learned_weight) * prior
        elif scorer == "gated":  # the learned score re-ranks within what the prior allows
            learned = learned_scores(feats, p.words, replace(model, words=weights))
            learned = (learned - learned.min()) / max(float(np.ptp(learned)), 1e-12)
            centrality, position = feats[:, 3], feats[:, 0]
            prior = (1 - position_weight) * centrality + position_weight * position
            raw = prior * (1 - learned_weight + learned_weight * learned)
        elif multiply:  # the position prior scales centrality: it ranks among central sentences
            centrality, position = feats[:, 3], feats[:, 0]
            raw = centrality * (1 - position_weight + position_weight * position)
        elif scorer.startswith("support"):  # centrality shared with cross-article support
            share = float(scorer[len("support") :] or 0.5)
            centrality, position = feats[:, 3], feats[:, 0]
            support = feats[:, 4] / max(float(feats[:, 4].max()), 1e-12)
            central = (1 - share) * centrality + share * support
            prior = (1 - position_weight) * central + position_weight * position
            if learned_weight:
                learned = learned_scores(feats, p.words, replace(model, words=weights))
                learned = (learned - learned.min()) / max(float(np.ptp(learned)), 1e-12)
                prior = learned_weight * learned + (1 - learned_weight) * prior
            raw = prior
        else:
            centrality, position = feats[:, 3], feats[:, 0]
            raw = (1 - position_weight) * centrality + position_weight * position
        scores = scaled(raw, p)
        concepts = None
        if selection == "coverage":
            codes = article_codes([s.article_id for s in p.sentences])
            concepts = weigh_concepts(
                p.words, codes, feats, raw, model.words if concept_words else {}
            )
        if length_power is not None:
            import newsbrief.summary.select as chooser

            chooser.LENGTH_POWER, saved = length_power, chooser.LENGTH_POWER
            try:
                chosen = select(p.sentences, scores, Similarity(p.matrix), settings, concepts)
            finally:
                chooser.LENGTH_POWER = saved
        else:
            chosen = select(p.sentences, scores, Similarity(p.matrix), settings, concepts)
        position = {id(s): n for n, s in enumerate(p.sentences)}  # Selected is a span
        return [position[id(c.sentence)] for c in chosen]

    return run


VARIANTS: dict[str, Variant] = {
    "default(learned+cov)": pipeline(),
    "centroid+mmr": pipeline("centroid", "mmr"),
    "centroid+cov": pipeline("centroid", "coverage"),
    "learned+mmr": pipeline("learned", "mmr"),
    "learned+mmr -wordbag": pipeline("learned", "mmr", words_weights=False),
    "learned+cov -wordbag": pipeline(words_weights=False),
    "learned+cov -wordbag -conceptwords": pipeline(words_weights=False, concept_words=False),
    "learned+mmr -position": pipeline(
        "learned", "mmr", drop=("position_prior", "is_lead", "relative_position")
    ),
    "learned+mmr -length": pipeline("learned", "mmr", drop=("length", "is_short", "is_long")),
    "centroid+mmr pw0": pipeline("centroid", "mmr", position_weight=0.0),
    "centroid+mmr pw0.15": pipeline("centroid", "mmr", position_weight=0.15),
    "centroid+mmr t0.5": pipeline("centroid", "mmr", threshold=0.5),
    "centroid+mmr pw0 t0.5": pipeline("centroid", "mmr", position_weight=0.0, threshold=0.5),
    "centroid+mmr t0.4": pipeline("centroid", "mmr", threshold=0.4),
    "centroid+mmr l0.5": pipeline("centroid", "mmr", lam=0.5),
    "hybrid0.5+mmr": pipeline("hybrid", "mmr"),
    "blend0.4+mmr (the new default)": pipeline("hybrid", "mmr", learned_weight=0.4),
    "hybrid0.3+mmr": pipeline("hybrid", "mmr", learned_weight=0.3),
    "hybrid0.5+mmr -wordbag": pipeline("hybrid", "mmr", words_weights=False),
    "hybrid0.5+cov": pipeline("hybrid", "coverage"),
    "centroid+cov lp1": pipeline("centroid", "coverage", length_power=1.0),
    "centroid+cov lp0.8": pipeline("centroid", "coverage", length_power=0.8),
    "learned+cov lp1": pipeline("learned", "coverage", length_power=1.0),
    "hybrid0.4+mmr": pipeline("hybrid", "mmr", learned_weight=0.4),
    "hybrid0.3 pw0.15+mmr": pipeline("hybrid", "mmr", learned_weight=0.3, position_weight=0.15),
    "hybrid0.4 pw0.15+mmr": pipeline("hybrid", "mmr", learned_weight=0.4, position_weight=0.15),
    "hybrid0.4 pw0.25+mmr": pipeline("hybrid", "mmr", learned_weight=0.4, position_weight=0.25),
    "hybrid0.3 pw0.5+mmr": pipeline("hybrid", "mmr", learned_weight=0.3, position_weight=0.5),
    "hybrid0.3+mmr t0.4": pipeline("hybrid", "mmr", learned_weight=0.3, threshold=0.4),
    "hybrid0.3+mmr t0.25": pipeline("hybrid", "mmr", learned_weight=0.3, threshold=0.25),
    "hybrid0.2+mmr": pipeline("hybrid", "mmr", learned_weight=0.2),
    "hybrid0.25+mmr": pipeline("hybrid", "mmr", learned_weight=0.25),
    "hybrid0.4+mmr -quote": pipeline("hybrid", "mmr", learned_weight=0.4, drop=("has_quote",)),
    "hybrid0.4+mmr -length": pipeline(
        "hybrid", "mmr", learned_weight=0.4, drop=("length", "is_short", "is_long")
    ),
    "hybrid0.4+mmr -style": pipeline(
        "hybrid",
        "mmr",
        learned_weight=0.4,
        drop=("has_quote", "length", "is_short", "is_long", "first_person"),
    ),
    "gated0.3+mmr": pipeline("gated", "mmr", learned_weight=0.3),
    "gated0.5+mmr": pipeline("gated", "mmr", learned_weight=0.5),
    "gated0.7+mmr": pipeline("gated", "mmr", learned_weight=0.7),
    "gated1.0+mmr": pipeline("gated", "mmr", learned_weight=1.0),
    "support0.3+mmr": pipeline("support0.3", "mmr", learned_weight=0.0),
    "support0.5+mmr": pipeline("support0.5", "mmr", learned_weight=0.0),
    "support0.3 blend0.4+mmr": pipeline("support0.3", "mmr", learned_weight=0.4),
    "support0.5 blend0.3+mmr": pipeline("support0.5", "mmr", learned_weight=0.3),
    "centroid*pos0.35+mmr": pipeline("centroid", "mmr", multiply=True),
    "centroid*pos0.5+mmr": pipeline("centroid", "mmr", multiply=True, position_weight=0.5),
    "centroid*pos0.7+mmr": pipeline("centroid", "mmr", multiply=True, position_weight=0.7),
    "centroid*pos0.5+cov": pipeline("centroid", "coverage", multiply=True, position_weight=0.5),
}


def columns(mn_skip: int, mn_limit: int) -> list[tuple[str, str, int]]:
    return [
        ("mn260", f"validation:{mn_skip}:{mn_limit}", 260),
        ("mn100", f"validation:{mn_skip}:{mn_limit}", 100),
        ("duc250", "duc2006", 250),
        ("duc100", "duc2006", 100),
        ("duc07a", "duc2007a", 100),
        ("duc07a-lower", "duc2007a-lower", 100),  # casing: the same text lower-cased
        ("duc07b", "duc2007b", 100),  # set B alone, generic (its summaries are updates on A)
    ]


def load(source: str, data: Path) -> list[Any]:
    if source == "duc2006":
        return list(read_clusters(data / "duc2006" / "clusters.jsonl.gz"))
    if source == "duc2007b":
        return duc2007_a(data / "duc2007" / "update-ab.jsonl.gz", "B")
    if source.startswith("duc2007a"):
        clusters = duc2007_a(data / "duc2007" / "update-ab.jsonl.gz")
        if source.endswith("-lower"):  # as Multi-News is: lower-cased throughout
            lower = [tuple(d.lower() for d in c.documents) for c in clusters]
            clusters = [replace(c, documents=d) for c, d in zip(clusters, lower, strict=True)]
        return clusters
    _, skip, limit = source.split(":")
    return list(read_clusters(data / "multinews" / "validation.jsonl.gz", int(limit), int(skip)))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--columns", default="mn260,mn100,duc250,duc100,duc07a")
    parser.add_argument("--mn-skip", type=int, default=300)
    parser.add_argument("--mn-limit", type=int, default=1000)
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--scorer", help="another scorer.json (scripts/train_scorer.py --out)")
    args = parser.parse_args()
    if args.scorer:
        global learned_scorer
        other = scorer_from_json(Path(args.scorer).read_text())
        learned_scorer = lambda: other  # noqa: E731  # every variant reads the other weights
    wanted = args.columns.split(",")
    scorer = FastRouge()
    chosen = [v for v in args.variants.split(",") if v]
    table: dict[str, dict[str, str]] = {v: {} for v in chosen}
    for key, source, budget in columns(args.mn_skip, args.mn_limit):
        if key not in wanted:
            continue
        prepared = prepare_all(source.replace(":", "-"), load(source, Path(args.data)))
        for name in chosen:
            per_cluster = []
            for p in prepared:
                picked = VARIANTS[name](p, budget) if p.sentences else []
                summary = [p.sentences[i].text for i in picked]
                per_cluster.append(scorer.score(summary, p.references))
            r1, r2 = (float(np.mean([c[m] for c in per_cluster])) for m in ("rouge1", "rouge2"))
            table[name][key] = f"{100 * r1:.2f} / {100 * r2:.2f}"
            print(f"{key} {name}: {table[name][key]}", file=sys.stderr, flush=True)
    keys = [k for k, _, _ in columns(0, 0) if k in wanted]
    print("| variant | " + " | ".join(keys) + " |\n" + "|---" * (len(keys) + 1) + "|")
    for name in chosen:
        print(f"| {name} | " + " | ".join(table[name].get(k, "") for k in keys) + " |")


if __name__ == "__main__":
    main()
