"""Quality gate: ROUGE on the first Multi-News validation clusters must not fall below floors,
and on a small hand-written cluster set of cased newswire at a short budget (issue 11).

Like trafilatura's evaluation gate: the summarizer is deterministic, so a drop below these
pinned floors means a change made selection worse. Lowering a floor is a reviewed change,
with the new numbers in docs/benchmarks.md. Skipped where the shared data is absent (a user's
clone); CI has it.
"""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, ROOT

DATA = ROOT.parent / "shared" / "data" / "multinews" / "validation.jsonl.gz"
CLUSTERS = 200
# Measured at 44.61 / 14.95 with the blend scorer (0.5) refitted on the half-prose target and
# MMR (issue 11, session 5: 0.3 / 0.4 below the 0.4 blend of the newser-style scorer, 44.88 /
# 15.36, the price of not preferring quotations, which newser's summaries hold in 43% of their
# sentences and human newswire summaries in 4-6%; docs/benchmarks.md); lead: 42.92 / 13.76.
FLOORS = {"rouge1": 0.4450, "rouge2": 0.1475}
MIN_GAIN_OVER_LEAD = {"rouge1": 0.0150, "rouge2": 0.0100}


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, float]]:
    if not DATA.exists():
        pytest.skip(f"the Multi-News validation data is not at {DATA}")
    pytest.importorskip("rouge_score")
    from newsbrief.evaluate.datasets import read_clusters
    from newsbrief.evaluate.peers import get_system
    from newsbrief.evaluate.runner import run

    means = {}
    for name in ("newsbrief", "lead"):
        result = run(get_system(name), read_clusters(DATA, limit=CLUSTERS), 260, memory=False)
        means[name] = {metric: e.mean for metric, e in result.estimates().items()}
    return means


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_rouge_stays_above_its_floor(scores, metric: str) -> None:
    assert scores["newsbrief"][metric] >= FLOORS[metric], scores


@pytest.mark.parametrize("metric", sorted(MIN_GAIN_OVER_LEAD))
def test_newsbrief_beats_lead(scores, metric: str) -> None:
    gain = scores["newsbrief"][metric] - scores["lead"][metric]
    assert gain >= MIN_GAIN_OVER_LEAD[metric], scores


# Cased newswire at a short budget: three invented stories of three wire articles each, written
# for this test (tests/fixtures/newswire-short.json), each article opening with a scene or a
# quotation and the facts further down, with a hand-written reference. Measured at 60 words:
# 54.06 / 32.74 (session 5; 57.57 / 37.36 before the refit: three clusters of two or three
# sentences each, so one sentence moves it by 2-4 points; lead 30.43 / 13.12; the centroid
# scorer with MMR 62.75 / 39.79).
NEWSWIRE_WORDS = 60
NEWSWIRE_FLOORS = {"rouge1": 0.530, "rouge2": 0.320}
NEWSWIRE_GAIN_OVER_LEAD = 0.15


@pytest.fixture(scope="module")
def newswire() -> dict[str, dict[str, float]]:
    pytest.importorskip("rouge_score")
    from newsbrief.evaluate.peers import get_system
    from newsbrief.evaluate.rouge import Scorer

    clusters = json.loads((FIXTURES / "newswire-short.json").read_text())["clusters"]
    scorer, means = Scorer(), {}
    for name in ("newsbrief", "lead"):
        summarize = get_system(name).summarize
        per_cluster = [
            scorer.score(summarize(c["documents"], NEWSWIRE_WORDS), c["references"])
            for c in clusters
        ]
        means[name] = {m: sum(p[m] for p in per_cluster) / len(clusters) for m in NEWSWIRE_FLOORS}
    return means


@pytest.mark.parametrize("metric", sorted(NEWSWIRE_FLOORS))
def test_newswire_short_budget_stays_above_its_floor(newswire, metric: str) -> None:
    assert newswire["newsbrief"][metric] >= NEWSWIRE_FLOORS[metric], newswire


@pytest.mark.parametrize("metric", sorted(NEWSWIRE_FLOORS))
def test_newswire_short_budget_beats_lead(newswire, metric: str) -> None:
    gain = newswire["newsbrief"][metric] - newswire["lead"][metric]
    assert gain >= NEWSWIRE_GAIN_OVER_LEAD, newswire
