"""Fit the sentence scorer that ships in the package (src/newsbrief/summary/scorer.json).

    python scripts/train_scorer.py [--data ../shared/data/multinews/train-first10000.jsonl.gz]
                                   [--limit 6000] [--alpha 100.0] [--target half-prose]
                                   [--out PATH]

Training data: the first clusters of the Multi-News *training* sample only (never validation,
never DUC). For every sentence the pipeline keeps, the target is how much of it the human
summary contains: the mean of its clipped unigram and bigram precision against the reference,
with the rouge-score package's tokenizer and Porter stemmer. ``--target`` picks the reference
(:data:`TARGETS`): ``half-prose``, the default and what ships, averages the reference as
written and the reference with its quotations taken out, since newser's summaries quote far
more than human newswire summaries do (docs/benchmarks.md, issue 11). A ridge regression on the
standardised features of ``newsbrief.summary.features`` and a bag of the sentence's words gives one
weight per feature and, for the ``--vocabulary`` words whose weights matter most (refitted on
just those), one weight per word. The file records the data, the counts, the date and this
command so anyone can reproduce it. Then ``scripts/train_concepts.py`` fits the concept
weights on later training clusters.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import re
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

import numpy as np

from newsbrief.errors import NewsbriefError
from newsbrief.ingest.read import from_items
from newsbrief.pipeline import prepare
from newsbrief.settings import Settings
from newsbrief.summary.features import FEATURES, sentence_features
from newsbrief.summary.represent import Similarity, get_representation

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "multinews" / "train-first10000.jsonl.gz"
OUT = ROOT / "src" / "newsbrief" / "summary" / "scorer.json"


TARGETS = {
    "precision": "mean of clipped unigram and bigram precision against the reference",
    "prose": "mean of clipped unigram and bigram precision against the reference with its "
    "quotations taken out (newser's summaries quote their sources in 43% of sentences, human "
    "newswire summaries in 4-6%: a quotation's words must not teach the model to pick quotes)",
    "half-prose": "the mean of the precision target against the reference as written and "
    "against it with its quotations taken out (see prose): quotes count half",
    "content": "mean of clipped content-word unigram precision and precision of the bigrams "
    "holding a content word, against the reference (stop words and say/said earn nothing)",
}


def precision(tokens: list[str], reference: Counter[tuple[str, ...]], n: int) -> float:
    grams = Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    total = sum(grams.values())
    return sum(min(c, reference[g]) for g, c in grams.items()) / total if total else 0.0


@cache
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop list and "say", as rouge-score's tokenizer leaves them
    (it stems: "was" is "wa")."""
    from rouge_score.tokenizers import DefaultTokenizer
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    tokenize = DefaultTokenizer(use_stemmer=True).tokenize
    words = {*ENGLISH_STOP_WORDS, "said", "says", "say"}
    return frozenset(t for w in words for t in [w, *tokenize(w)])


# A quotation in a reference summary: “…”, "…" or ``…'' (at most 600 characters, one paragraph).
QUOTED = re.compile(r"“[^”\n]{1,600}”|\"[^\"\n]{1,600}\"|``[^\n]{1,600}?''")


def content_precision(
    tokens: list[str],
    uni: Counter[tuple[str, ...]],
    bi: Counter[tuple[str, ...]],
    stop: frozenset[str],
) -> float:
    """The ``content`` target: unigram precision over content words, and bigram precision over
    the bigrams holding one, so a sentence earns nothing for the function words every
    reference shares ("the", "said", "of the"); the plain target rewards their density."""
    content = [(t,) for t in tokens if t not in stop]
    pairs = [p for p in itertools.pairwise(tokens) if not stop.issuperset(p)]
    if not content:
        return 0.0
    one = sum(min(c, uni[g]) for g, c in Counter(content).items()) / len(content)
    two = sum(min(c, bi[g]) for g, c in Counter(pairs).items()) / len(pairs) if pairs else 0.0
    return 0.5 * one + 0.5 * two


def cluster_rows(
    record: dict, tokenize, settings: Settings, target: str = "precision"
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    cluster = prepare(from_items(record["documents"], settings))
    sentences = cluster.sentences
    matrix = get_representation(settings.representation).vectors([s.text for s in sentences])
    features = sentence_features(sentences, matrix, Similarity(matrix))
    references = [record["summary"]]
    if target in ("prose", "half-prose"):
        prose = QUOTED.sub(" ", record["summary"])
        references = [prose] if target == "prose" else [record["summary"], prose]
    grams = []
    for reference in references:
        ref_tokens = tokenize(reference)
        grams.append((Counter((t,) for t in ref_tokens), Counter(itertools.pairwise(ref_tokens))))
    targets = []
    for sentence in sentences:
        tokens = tokenize(sentence.text)
        if target == "content":
            targets.append(content_precision(tokens, *grams[0], stop_words()))
            continue
        per_reference = [
            0.5 * precision(tokens, uni, 1) + 0.5 * precision(tokens, bi, 2) for uni, bi in grams
        ]
        targets.append(sum(per_reference) / len(per_reference))
    return features, np.array(targets, dtype=np.float32), [s.text for s in sentences]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=4000)
    parser.add_argument("--alpha", type=float, default=100.0)
    parser.add_argument("--min-df", type=int, default=50, help="ignore rarer words (sentences)")
    parser.add_argument("--vocabulary", type=int, default=1500, help="word weights kept")
    parser.add_argument("--target", choices=tuple(TARGETS), default="half-prose")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    from rouge_score import rouge_scorer
    from scipy import sparse
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import Ridge

    from newsbrief.summary.patterns import WORD_PATTERN, words_of
    from newsbrief.summary.score import word_bag

    tokenize = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer.tokenize
    settings = Settings()
    xs, ys, texts, used = [], [], [], 0
    with gzip.open(args.data, "rt", encoding="utf-8") as handle:
        for line in itertools.islice(handle, args.limit):
            record = json.loads(line)
            try:
                features, targets, sentence_texts = cluster_rows(
                    record, tokenize, settings, args.target
                )
            except NewsbriefError:
                continue  # a cluster with no usable text: nothing to learn from
            xs.append(features)
            ys.append(targets)
            texts += sentence_texts
            used += 1
    x, y = np.vstack(xs), np.concatenate(ys)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    dense = sparse.csr_matrix((x - mean) / scale)

    def fit(vocabulary: list[str] | None) -> tuple[Ridge, list[str]]:
        counter = CountVectorizer(
            binary=True, token_pattern=WORD_PATTERN, min_df=args.min_df, vocabulary=vocabulary
        )
        bags = counter.fit_transform(texts)
        lengths = np.sqrt(np.maximum(1, np.asarray(bags.sum(axis=1)).ravel()))
        bags = sparse.diags(1.0 / lengths) @ bags  # the runtime's word_bag normalisation
        model = Ridge(alpha=args.alpha, solver="sparse_cg").fit(sparse.hstack([dense, bags]), y)
        return model, list(counter.get_feature_names_out())

    model, words = fit(None)
    strongest = np.argsort(-np.abs(model.coef_[len(FEATURES) :]))[: args.vocabulary]
    model, words = fit(sorted(words[i] for i in strongest))
    word_weights = model.coef_[len(FEATURES) :]
    weights = {name: round(float(w), 6) for name, w in zip(FEATURES, model.coef_, strict=False)}
    check = word_bag([words_of("The council said it would vote.")], dict.fromkeys(words, 1.0))
    assert check.shape == (1,)
    payload = {
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": list(weights.values()),
        "bias": round(float(model.intercept_), 6),
        "words": {w: round(float(v), 5) for w, v in zip(words, word_weights, strict=True)},
        "target": TARGETS[args.target],
        "trained_on": (
            f"{args.data.name}, first {args.limit} clusters ({used} usable, {len(y)} sentences)"
        ),
        "command": (
            f"python scripts/train_scorer.py --limit {args.limit} --alpha {args.alpha} "
            f"--min-df {args.min_df} --vocabulary {args.vocabulary} --target {args.target}"
        ),
        "date": date.today().isoformat(),
    }
    if args.out.exists() and "concepts" in (old := json.loads(args.out.read_text())):
        # Kept so the package still loads; they read this scorer's output, so refit them.
        payload["concepts"] = old["concepts"]
        print("now re-run scripts/train_concepts.py: the concept weights read these scores")
    args.out.write_text(json.dumps(payload, indent=1) + "\n")
    print(f"{used} clusters, {len(y)} sentences, {len(words)} words kept")
    for name, weight in sorted(weights.items(), key=lambda item: -abs(item[1])):
        print(f"  {name:20s} {weight:+.4f}")
    order = np.argsort(word_weights)
    print("most negative words:", ", ".join(words[i] for i in order[:30]))
    print("most positive words:", ", ".join(words[i] for i in order[-30:]))


if __name__ == "__main__":
    main()
