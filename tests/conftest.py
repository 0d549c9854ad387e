"""Shared fixtures: the shipped example cluster, the third-party sample (read in place), builders."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief import Brief, brief_paths

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "harbor-bridge"
SAMPLE = ROOT.parent / "shared" / "samples" / "korea-talks"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_article(topic: str, n: int = 6) -> str:
    """A small English article of ``n`` distinct sentences about ``topic``."""
    verbs = ["announced", "reported", "confirmed", "described", "questioned", "reviewed", "noted"]
    return " ".join(
        f"The {topic} council {verbs[i % len(verbs)]} plan number {i} for the {topic} district "
        f"on day {i + 1} of the session."
        for i in range(n)
    )


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    if not SAMPLE.is_dir():
        pytest.skip(f"the shared sample cluster is not at {SAMPLE}")
    return SAMPLE


@pytest.fixture(scope="session")
def sample_brief(sample_dir: Path) -> Brief:
    return brief_paths([sample_dir], words=150)


@pytest.fixture(scope="session")
def example_brief() -> Brief:
    return brief_paths([EXAMPLE], words=150)
