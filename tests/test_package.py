"""Package hygiene: a light import, settings layering, and the public API."""

from __future__ import annotations

import subprocess
import sys

import pytest

import newsbrief
from newsbrief import SettingsError, load_settings


def test_import_stays_light() -> None:
    code = (
        "import sys, newsbrief, newsbrief.cli\n"
        "heavy = {'numpy', 'sklearn', 'scipy', 'trafilatura', 'blingfire', 'spacy', 'torch', 'fastapi', 'lxml'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_settings_layers(tmp_path, monkeypatch) -> None:
    config = tmp_path / "newsbrief.toml"
    config.write_text("[newsbrief]\nwords = 90\nposition_weight = 0.1\n")
    monkeypatch.setenv("NEWSBRIEF_POSITION_WEIGHT", "0.2")
    settings = load_settings(config, redundancy_threshold=0.3)
    assert (settings.words, settings.position_weight, settings.redundancy_threshold) == (
        90,
        0.2,
        0.3,
    )
    assert load_settings(config, words=None).words == 90


@pytest.mark.parametrize(
    "bad",
    [
        {"wrods": 3},
        {"words": "many"},
        {"words": 0},
        {"representation": "nope"},
        {"redundancy_threshold": 1.1},
        {"position_weight": -5},
        {"min_sentence_words": 0},
        {"scorer": "magic"},
    ],
)
def test_bad_settings_are_errors(bad) -> None:
    with pytest.raises(SettingsError):
        newsbrief.brief(["The council approved the harbor plan on Monday after a debate."], **bad)


def test_public_api() -> None:
    assert callable(newsbrief.brief) and newsbrief.__version__
    for name in newsbrief.__all__:
        assert hasattr(newsbrief, name)
