"""The learned word bag, computed for the cluster at once: the same values, and the same bits
whatever the interpreter's hash seed (issue 11)."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsbrief.summary.patterns import words_of
from newsbrief.summary.score import word_bag

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [
    "The council said it would vote on the plan, the council said.",
    "",
    "Talks resumed in Geneva on Friday; officials said little.",
    "... !!",
    "Vote vote VOTE: the plan passed.",
]
WEIGHTS = {"council": 0.5, "vote": -0.25, "plan": 0.125, "said": 0.3, "geneva": 1.5, "the": 0.01}


def test_summed_weights_of_distinct_words_over_their_root() -> None:
    words = [words_of(text) for text in TEXTS]
    expected = [
        sum(WEIGHTS.get(w, 0.0) for w in set(ws)) / math.sqrt(len(set(ws))) if ws else 0.0
        for ws in words
    ]
    assert word_bag(words, WEIGHTS).tolist() == pytest.approx(expected, abs=1e-15)
    assert word_bag([], WEIGHTS).shape == (0,)
    assert word_bag([[], []], WEIGHTS).tolist() == [0.0, 0.0]


def test_same_bits_across_hash_seeds() -> None:
    code = (
        "import random; from newsbrief.summary.score import word_bag, learned_scorer\n"
        "rng = random.Random(7); vocab = sorted(learned_scorer().words)[:400] + ['zz', 'yy']\n"
        "words = [[rng.choice(vocab) for _ in range(rng.randint(0, 40))] for _ in range(300)]\n"
        "print(word_bag(words, learned_scorer().words).tobytes().hex())"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
        run = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, env=env, timeout=120, check=True
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
