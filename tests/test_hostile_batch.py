"""Batch and the Python API under hostile input (issue 15, items 1 and 10): a per-cluster limit
of characters and of time sends one cluster to the errors file with the reason, the run goes
on; a line with an id and no documents keeps its id in the errors file; a word budget that is
not a whole number is refused."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import make_article

import newsbrief
from newsbrief.batch import runner as runner_module
from newsbrief.batch.runner import run_batch
from newsbrief.records import BriefRequest
from newsbrief.settings import load_settings

SUMMARY = BriefRequest((), sections="summary")


def write_lines(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def errors_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_a_cluster_over_the_character_limit_goes_to_the_errors_file(tmp_path: Path) -> None:
    source = write_lines(
        tmp_path / "in.jsonl",
        [
            {"id": "small", "documents": [make_article("harbor")]},
            {"id": "huge", "documents": [make_article("river"), "x" * 5_000]},
        ],
    )
    out = tmp_path / "out.jsonl"
    summary = run_batch(
        source, out, settings=load_settings(), request=SUMMARY, max_cluster_chars=4_000
    )
    assert summary.done == 1 and summary.failed == 1
    [error] = errors_of(summary.errors)
    assert error["id"] == "huge" and error["code"] == "E714"
    assert "4,000" in error["reason"] and "characters" in error["reason"]


def stuck_run(request, settings):
    """A brief stuck in a regular expression (exponential backtracking)."""
    re.match(r"(x+x+)+y", "x" * 40)
    raise AssertionError("unreachable")


def test_a_cluster_over_the_time_limit_goes_to_the_errors_file(tmp_path: Path, monkeypatch) -> None:
    import newsbrief.pipeline as pipeline

    monkeypatch.setattr(pipeline, "run", stuck_run)
    source = write_lines(tmp_path / "in.jsonl", [{"id": "slow", "documents": ["a b c"]}])
    summary = run_batch(
        source,
        tmp_path / "out.jsonl",
        settings=load_settings(),
        request=SUMMARY,
        cluster_timeout=0.5,
    )
    [error] = errors_of(summary.errors)
    assert error["id"] == "slow" and error["code"] == "E714" and "0.5 s" in error["reason"]
    assert summary.seconds < 30  # stopped at the limit, not after the backtracking


def test_a_line_with_an_id_and_no_documents_keeps_its_id(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "in.jsonl", [{"id": "c-7"}, {"id": 8, "documents": "x"}])
    summary = run_batch(source, tmp_path / "out.jsonl", settings=load_settings(), request=SUMMARY)
    assert [(e["id"], e["code"]) for e in errors_of(summary.errors)] == [
        ("c-7", "E709"),
        ("8", "E709"),
    ]


def test_the_defaults_are_on() -> None:
    assert runner_module.ClusterTask.max_chars and runner_module.ClusterTask.max_seconds


@pytest.mark.parametrize("words", [True, False, 1.5, "1.5", "many"])
def test_a_word_budget_must_be_a_whole_number(words) -> None:
    with pytest.raises(newsbrief.SettingsError, match="words"):
        newsbrief.brief([make_article("harbor")], words=words)


def test_a_whole_float_or_a_numeric_string_is_a_word_budget() -> None:
    assert load_settings(words=40.0).words == 40 and load_settings(words=" 40 ").words == 40
